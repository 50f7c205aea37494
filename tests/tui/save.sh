#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Progress is saved after every step, as in the plain interface, ticked
# tasks included: the next
# start asks "Welcome back" (in the saved language, without the language
# picker) on a screen of its own, with nothing of the earlier visit
# behind it; continuing goes back to the saved step, starting again to
# the first one; F forgets the saved progress, after which the next start
# begins with the picker again.
#
# usage: save.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/lib.sh"

tui_start 80 24 -- --journeys="$FIXTURES" --show-ids
wait_for "> 1. English"
key 3
wait_for "[klantreis:start]"
key 1
wait_for "[diploma:intro]"
key 1
wait_for "[diploma:apply]"
# Tick the first task of the plan: ticks are saved too.
key p
wait_for "[ ] "
key Space
wait_for "[x] "
key Escape
wait_gone "[x] "
key q
wait_for "[ $(tr_msg uk 'Quit') ]"
key y
wait_exit 0
[ -s "$TMPD/home$STARTS/.local/state/klantreis/session" ] || fail "nothing saved"
grep -q '^tick ' "$TMPD/home$STARTS/.local/state/klantreis/session" || fail "the tick is not saved"

# Welcome back, in Ukrainian; Enter continues where it was.
TUI_SAME_HOME=1 tui_start 80 24 -- --journeys="$FIXTURES" --show-ids
wait_for "> 1. $(tr_msg uk 'Continue where I left off')"
has "2. $(tr_msg uk 'Start again')"
has "$(tr_msg uk 'Welcome back')"
lacks "[diploma:apply]"
lacks "$(tr_msg uk 'Step %zu' | sed 's/%zu/3/')"
lacks "Русский"
key Enter
wait_gone "$(tr_msg uk 'Start again')"
has "[diploma:apply]"
has "$(tr_msg uk 'Step %zu' | sed 's/%zu/3/')"
key p
wait_for "[x] "
key Escape
wait_gone "[x] "
key q
wait_for "[ $(tr_msg uk 'Quit') ]"
key y
wait_exit 0

# Start again: the first step; then forget everything.
TUI_SAME_HOME=1 tui_start 80 24 -- --journeys="$FIXTURES" --show-ids
wait_for "> 1. $(tr_msg uk 'Continue where I left off')"
key Down
wait_for "> 2. $(tr_msg uk 'Start again')"
key Enter
wait_for "[klantreis:start]"
key f
wait_for_flat "$(tr_msg uk 'Your saved progress is deleted. Nothing more will be saved.')"
key Enter
wait_gone "┐"
key q
wait_for "[ $(tr_msg uk 'Quit') ]"
key y
wait_exit 0
[ ! -e "$TMPD/home$STARTS/.local/state/klantreis/session" ] || fail "the saved progress is still there"

TUI_SAME_HOME=1 tui_start 80 24 -- --journeys="$FIXTURES" --show-ids
wait_for "> 1. English"
lacks "$(tr_msg en 'Welcome back')"
key q
wait_for "[ Quit ]"
key y
wait_exit 0
echo "ok: $TEST"
