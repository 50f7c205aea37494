#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The kiosk survives a flood (issue 17): 1 MiB of random input from a
# fixed seed (flood.awk: any byte, valid UTF-8 with Cyrillic, invalid
# UTF-8, escape sequences, mouse reports) typed in bursts with
# `tmux send-keys -H`. Then it still runs, the quick exit and the picker
# answer their keys, the PIN ends it and the terminal is restored.
#
# Pacing by what the program drew, not by time: the flood never holds
# Ctrl-X, so after every CHUNK bursts the test sends Ctrl-X and waits
# for the PIN screen, which only that key opens (from any screen but the
# idle question, which --idle keeps away): the kiosk has then read and
# acted on every byte before it. Escape closes it, and the next chunk
# goes. tmux never holds more than a chunk, and nothing is left unread
# when the flood is over. Every wait here is for a screen that stays
# until the next key, so the frame log is off (TUI_FRAMES=0): the flood
# paints about half a million frames, a gigabyte of text.
#
# usage: kiosk-flood.sh PROG SRCDIR BUILDDIR
# env: TUI_FLOOD_SEED (1717), TUI_FLOOD_BYTES (1048576)
. "$(dirname "$0")/kiosk-lib.sh"

SEED=${TUI_FLOOD_SEED:-1717}
TOTAL=${TUI_FLOOD_BYTES:-1048576}
BURST=1024
CHUNK=16

awk -v seed="$SEED" -v total="$TOTAL" -v burst="$BURST" -f "$SRCDIR/tests/tui/flood.awk" \
	>"$TMPD/flood.hex"
grep -qw 18 "$TMPD/flood.hex" && fail "the flood holds Ctrl-X (0x18)"

# Every chunk read: the PIN screen shows, and closes again. A chunk
# takes the kiosk seconds under ASan on a loaded machine, more than
# wait_for allows: this wait's bound only tells a kiosk that stopped
# taking input (minutes without the PIN screen) from a slow one.
synced() {
	key C-x
	local i
	for i in $(seq 1 6000); do
		screen | grep -qF -- "PIN: _" && break
		alive || fail "the kiosk ended after $sent bytes (status $(cat "$TMPD/status"))"
		sleep 0.05
	done
	screen | grep -qF -- "PIN: _" || fail "no PIN screen after $sent bytes: the kiosk takes no input"
	key Escape
	wait_gone "PIN: _"
}

TUI_FRAMES=0 kiosk_start 80 24 --lang=en --idle=86400
wait_for "[klantreis:start]"
start=$(date +%s.%N)
sent=0 bursts=0
while read -r line; do
	# shellcheck disable=SC2086
	$TM send-keys -t kt -H $line
	sent=$((sent + (${#line} + 1) / 3))
	bursts=$((bursts + 1))
	[ $((bursts % CHUNK)) -ne 0 ] || synced
done <"$TMPD/flood.hex"
synced
end=$(date +%s.%N)
[ "$sent" -ge 1048576 ] || [ "$TOTAL" -lt 1048576 ] || fail "sent $sent bytes, less than 1 MiB"
echo "$TEST: $sent bytes in $bursts bursts, read and acted on in $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }') s"
alive || fail "the kiosk ended after the flood"

# It still answers: the quick exit shows the picker, Down moves in it,
# a number chooses a language.
[ ! -e "$TMPD/frames" ] || fail "frames were logged"
key F12
wait_for "> 1. English"
key Down
wait_for "> 2. "
lacks "> 1. English"
key 1
wait_for "[klantreis:start]"
# The PIN still ends it, and the terminal is as it was.
kiosk_end_with_pin
echo "ok: $TEST"
