#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A whole visit at one window size: pick Українська in the first-screen
# picker, walk to an end step, go back (the earlier answer is selected),
# switch to Nederlands mid-journey (same step, Dutch interface), the
# glossary, the sources, help, the plan with a tick, a mouse click, and
# quit with its confirmation (status 0).
#
# usage: walk.sh PROG SRCDIR BUILDDIR WIDTH HEIGHT
. "$(dirname "$0")/lib.sh"
W=$4
H=$5

step() { tr_msg "$1" 'Step %zu' | sed "s/%zu/$2/"; }
# A journey text of the fixtures in the language now on screen: the
# fixtures share some sentences with the shipped journeys, so the
# catalogues may translate them.
L=uk
J() { tr_msg "$L" "$1"; }

tui_start "$W" "$H" -- --journeys="$FIXTURES" --show-ids

# The picker: every language in its own name; English pre-selected from
# LANG=C.UTF-8.
wait_for "Українська"
has "> 1. English"
has "Nederlands"
has "Русский"
key Down
wait_for "> 2. Nederlands"
key Down
wait_for "> 3. Українська"
key Enter
wait_for "[klantreis:start]"
has "$(step uk 1)"
has "> 1. $(J 'Get my diploma valued')"
has "$(tr_msg uk 'Tip:')"

# Keys curses does not know (End as some terminals send it, Ctrl+F1)
# are dropped whole: their digits must not choose an option.
raw $'\033[4~'
raw $'\033[1;5P'
# A choice, and back: the earlier answer is selected again.
key Down
wait_for "> 2. $(J 'Read a long step')"
has "[klantreis:start]"
lacks "4."
key Enter
wait_for "[klantreis:long]"
has "$(step uk 2)"
has "! $(tr_msg uk 'Warning:')"
key b
wait_for "[klantreis:start]"
has "> 2. $(J 'Read a long step')"
lacks "> 1. $(J 'Get my diploma valued')"

# Into the diploma journey by number.
key 1
wait_for "[diploma:intro]"
has "$(step uk 2)"
has "! $(tr_msg uk 'Warning:') "
has "https://www.idw.nl/"
has "> 1. $(J 'Yes, from a university')"
key Enter
wait_for "[diploma:apply]"
has "$(step uk 3)"
has "> 1. $(tr_msg uk 'Continue')"
has "- $(J 'Apply for a diploma valuation at idw.nl')"
key Enter
wait_for "[diploma:done]"
has "$(step uk 4)"
has "$(tr_msg uk 'Your action plan')"
has "> [ ] $(J 'Apply for a diploma valuation at idw.nl')"
has "[ ] $(J 'Collect your diploma and your grade list')"

# Back twice, with Backspace and the left arrow.
key BSpace
wait_for "[diploma:apply]"
key Left
wait_for "[diploma:intro]"
has "> 1. $(J 'Yes, from a university')"

# Nederlands, mid-journey: the same step, the interface in Dutch.
key L
wait_for "> 3. Українська"
has "English"
key Up
wait_for "> 2. Nederlands"
key Enter
L=nl
wait_gone "> 2. Nederlands"
wait_for "[diploma:intro]"
has "$(step nl 2)"
has "! $(tr_msg nl 'Warning:') "
wait_for_flat "$(J 'Do you have a diploma?')"
has "> 1. $(J 'Yes, from a university')"

# The glossary: the Dutch word on this screen, then its definition.
key G
wait_for "BSN (burgerservicenummer)"
key Enter
wait_for "$(J 'Your personal citizen service number.')"
has "https://example.org/bsn"
key Escape
wait_gone "$(J 'Your personal citizen service number.')"
has "BSN (burgerservicenummer)"
key Escape
wait_gone "BSN (burgerservicenummer)"

# The sources of this step.
key S
wait_for "IDW – Internationale Diplomawaardering (2026-01-15)"
has "$(tr_msg nl 'Sources')"
key Escape
wait_gone "Internationale Diplomawaardering (2026-01-15)"

# Help lists every key, in Dutch.
key '?'
wait_for "$(tr_msg nl 'Keys')"
has "Backspace"
has "F2"
has "$(tr_msg nl 'Show your action plan')"
key Escape
wait_gone "$(tr_msg nl 'Show your action plan')"

# Forward again; the plan screen; tick a task there.
key Enter
wait_for "[diploma:apply]"
has "$(step nl 3)"
key P
wait_for "> [ ] $(J 'Apply for a diploma valuation at idw.nl')"
has "$(tr_msg nl 'Your action plan')"
key Space
wait_for "> [x] $(J 'Apply for a diploma valuation at idw.nl')"
key Escape
wait_for "> 1. $(tr_msg nl 'Continue')"
has "[diploma:apply]"

# The end step shows the plan with the tick kept; tick the other task.
key Enter
wait_for "[diploma:done]"
has "> [x] $(J 'Apply for a diploma valuation at idw.nl')"
key Down
wait_for "> [ ] $(J 'Collect your diploma and your grade list')"
key Space
wait_for "> [x] $(J 'Collect your diploma and your grade list')"

# A mouse click on a task toggles it.
row=$(row_of "$(J 'Apply for a diploma valuation at idw.nl')")
click 6 "$row"
wait_for "> [ ] $(J 'Apply for a diploma valuation at idw.nl')"

# Quit asks first: n stays, Q twice quits.
key q
wait_for_flat "$(tr_msg nl 'Do you want to quit klantreis?')"
has "[ $(tr_msg nl 'Stay') ]"
key n
wait_gone "[ $(tr_msg nl 'Stay') ]"
alive || fail "quit without confirmation"
key q
wait_for "[ $(tr_msg nl 'Quit') ]"
key q
wait_exit 0
echo "ok: $TEST at ${W}x$H"
