#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Keys do what the footer says (issue 14): Esc on the first language
# picker chooses nothing (and the footer does not offer it); a pop-up
# whose text fits offers no "PgDn scroll"; options 10 and 11 can be typed;
# G on the action plan explains the Dutch words in the plan.
#
# usage: keys.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/lib.sh"

JOURNEYS=$SRCDIR/journeys

# Esc on the first screen: nothing chosen; "2" then picks Nederlands (had
# Esc chosen English, "2" would choose the second option of the guide).
tui_start 80 24 -- --journeys="$JOURNEYS" --no-save --show-ids
wait_for "Choose your language"
lacks "Esc close"
key Escape
key Down
wait_for "> 2. Nederlands"
key 2
wait_for "[klantreis:start]"
has "$(tr_msg nl "Welcome: from arrival to work")"

# Two digits on the menu (11 options): "1" selects option 1 and waits,
# "1" again chooses option 11.
tui_start 80 24 -- --journeys="$JOURNEYS" --no-save --show-ids --lang=en --start=klantreis:menu
wait_for "11. Stop here and see my plan"
key 1
wait_for "type the second digit"
key 1
wait_for "[klantreis:done]"

# A pop-up whose text fits: no PgDn in its footer.
key s
wait_for "Esc close"
lacks "PgDn"
key Escape
wait_for "[klantreis:done]"

# G on the plan: the Dutch words of the plan's tasks.
tui_start 80 24 -- --journeys="$JOURNEYS" --no-save --show-ids --lang=en --start=registration:brp
wait_for "[registration:brp]"
key p
wait_for "> [ ] Register in the BRP"
key g
wait_for "Dutch words on this screen"
wait_for "1. BRP"
echo "ok: keys do what the footer says"
