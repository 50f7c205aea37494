#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# An end step in the full-screen guide offers what comes next, as plain
# mode does (issue 14): after the plan's tasks, the next part in the
# klantreis order, the menu of parts, and quitting; at 80x24, in
# Ukrainian, with the keyboard alone. Space ticks tasks only.
#
# usage: onward.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/lib.sh"

JOURNEYS=$SRCDIR/journeys

# A new frame after the last key (Down repaints even where nothing moves).
painted() {
	local i
	for i in $(seq 1 300); do
		[ "$(stat -c %s "$TMPD/frames" 2>/dev/null || echo 0)" -gt "$MARK" ] && return 0
		sleep 0.05
	done
	fail "no frame after the key"
}
# Move the selection down until the item starting with TEXT is selected.
select_item() {
	local i
	for i in $(seq 1 30); do
		screen | grep -qF -- "> $1" && return 0
		key Down
		painted
	done
	fail "never selected: $1"
}

NEXT_FMT=$(tr_msg uk 'Go on with the next part: %s')
NEXT="→ ${NEXT_FMT%%%s*}"
PARTS="→ $(tr_msg uk 'Choose a part of the klantreis')"
QUIT="→ $(tr_msg uk 'Quit the guide')"
[ "$NEXT_FMT" != 'Go on with the next part: %s' ] && [ "$QUIT" != "→ Quit the guide" ] ||
	fail "the Ukrainian catalogue lacks the end step's choices"

# The welder's part to its end (as tests/scenarios/diploma-welder), then
# "stop and see my plan".
tui_start 80 24 -- --journeys="$JOURNEYS" --no-save --show-ids --lang=uk --today=2026-12-05 --start=diploma:
wait_for "[diploma:profession]"
for k in 6 2 Enter Enter Enter 2; do
	key "$k"
	painted
done
wait_for "[diploma:done]"
wait_for "$(tr_msg uk 'Your action plan')"
# The first task is selected, as before; the ways on follow the plan.
screen | grep -q '^ > \[ \]' || fail "the first task is not selected"
# Digits tick tasks; the ways on have no number (9 > the tasks here).
key 9
painted
has "[diploma:done]"
lacks "[x]"
select_item "$NEXT"
# The next part in the klantreis order (after the diploma: regulated).
has "$(tr_msg uk 'Regulated professions (health, teaching, ...)' | cut -c1-20)"
# Space on a way on does nothing (it only ticks tasks).
key Space
painted
has "> $NEXT"
has "[diploma:done]"
lacks "[x]"
key Enter
wait_for "[regulated:start]"

# Back at the end: the menu of parts.
key BSpace
wait_for "[diploma:done]"
select_item "$PARTS"
key Enter
wait_for "[klantreis:menu]"
key BSpace
wait_for "[diploma:done]"

# Ticking still works on the tasks above.
key Space
wait_for "> [x] "
select_item "$QUIT"
key Enter
wait_for "$(tr_msg uk 'Do you want to quit klantreis?')"
key Escape
wait_gone "$(tr_msg uk 'Do you want to quit klantreis?')"
has "> $QUIT"
key Enter
wait_for "$(tr_msg uk 'Do you want to quit klantreis?')"
key y
wait_exit 0
echo "ok: the end step leads on to the next part, the parts or quitting"
