#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Resizing on a step longer than the window: 80x24 -> 50x15 -> 30x10 ->
# 1x1 -> 100x30, and with a pop-up open. After each: the layout of the new
# size (title and options above 40x12, the "larger" message below), no
# line wider than the window, nothing left over from the size before.
#
# usage: resize.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/lib.sh"

larger=$(tr_msg en 'Please make the window larger.')

tui_start 80 24 -- --journeys="$FIXTURES" --show-ids --lang=en --start=klantreis:long
wait_for "[klantreis:long]"
has "A long step with many paragraphs of text"
has "> 1. Go to the diploma part"
has "3. See my plan"
has "PgDn"
key Down
wait_for "> 2. Back to the first screen"

resize 50 15
wait_layout "[klantreis:long]"
has "A long step with many paragraphs of text"
has "> 2. Back to the first screen"
has "1. Go to the diploma part"
has "3. See my plan"
has "Paragraph one."
lacks "$larger"

resize 30 10
wait_for_flat "$larger"
lacks "[klantreis:long]"
lacks "See my plan"
lacks "Paragraph"

resize 1 1
for i in $(seq 1 100); do
	[ "$(screen | tr -d ' \n')" = "P" ] && break
	sleep 0.05
done
[ "$(screen | tr -d ' \n')" = "P" ] || fail "1x1: expected the first letter of the message"
check_width
alive || fail "the program ended at 1x1"

resize 100 30
wait_layout "[klantreis:long]"
lacks "$larger"
has "A long step with many paragraphs of text"
has "> 2. Back to the first screen"
has "3. See my plan"

# Scroll to the end of the text, then resize: the text stays scrolled,
# clamped to the new size.
key NPage
wait_for "Paragraph ten"
key NPage
resize 60 20
wait_layout "[klantreis:long]"
has "Paragraph ten"
has "> 2. Back to the first screen"

# A pop-up survives a resize, laid out again.
key '?'
wait_for "Show your action plan"
resize 40 12
wait_layout "[klantreis:long]"
has "┌"
has "Esc"
lacks "$larger"
resize 39 12
wait_for_flat "$larger"
resize 45 13
wait_layout "[klantreis:long]"
has "┌"
key Escape
wait_gone "┌"
has "[klantreis:long]"

# Quit from the small size.
key q
wait_for "[ Quit ]"
key y
wait_exit 0
echo "ok: $TEST"
