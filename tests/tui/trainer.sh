#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Trainer mode: step ids, sources and the conditions beside the options on
# the screen; O opens an outline of every journey and step with the
# current one marked, and Enter jumps to the chosen step. In the plan, E
# saves it as a text file in the home folder.
#
# usage: trainer.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/lib.sh"

tui_start 80 24 -- --journeys="$FIXTURES" --trainer --lang=en
wait_for "[klantreis:start]"
has "Sources:"
has "Example source for the start"
has "O outline"
key 1
wait_for "[diploma:intro]"
has "[education=higher]"
has "[education=none]"
key o
wait_for "Outline: every part and its steps"
has ">   * "
has "1. Test guide [klantreis:]"
has "[diploma:]"
# The current step is selected: the next line is diploma:apply.
key Down
key Enter
wait_gone "Outline: every part and its steps"
wait_for "[diploma:apply]"
screen | grep -q '^ klantreis · Step 3' || fail "the jump is not step 3 of the path"
key b
wait_for "[diploma:intro]"
key p
wait_for "Your action plan"
key e
wait_for_flat "klantreis-plan.txt"
key Escape
key q
wait_for "[ Quit ]"
key y
wait_exit 0
[ -s "$TMPD/home$STARTS/klantreis-plan.txt" ] || fail "no plan file in the home folder"
grep -q "Your action plan" "$TMPD/home$STARTS/klantreis-plan.txt" || fail "the plan file has no heading"
check_stderr

echo "ok: $TEST"
