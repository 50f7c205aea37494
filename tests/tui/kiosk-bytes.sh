#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Invalid input never ends the kiosk (issue 17): 30 000 bytes 0xFF, typed
# or pasted in bursts of 200 (each makes curses return an error at once;
# a count of errors once took them for a terminal that is gone), then
# random bytes, valid and invalid UTF-8 and escape sequences. The kiosk
# still runs, takes keys and ends with the PIN, the terminal restored.
#
# usage: kiosk-bytes.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/kiosk-lib.sh"

# `send-keys -H`: bytes as hex, exactly; one line of $1 is one burst.
bursts() {
	local line
	while read -r line; do
		# shellcheck disable=SC2086
		$TM send-keys -t kt -H $line
	done <"$1"
}

kiosk_start 80 24 --lang=en
wait_for "[klantreis:start]"
# 30 000 bytes 0xFF typed in 150 bursts of 200, then 64 KiB pasted at
# once (in one stream: curses reads them as fast as tmux writes).
awk 'BEGIN { for (b = 0; b < 150; b++) { s = ""; for (i = 0; i < 200; i++) s = s " ff"; print s } }' \
	>"$TMPD/ff.hex"
bursts "$TMPD/ff.hex"
alive || fail "the kiosk ended after 30 000 bytes 0xFF typed"
head -c 65536 /dev/zero | tr '\0' '\377' >"$TMPD/ff.bin"
$TM load-buffer -b ff "$TMPD/ff.bin" \; paste-buffer -r -d -b ff -t kt
# It has read them all when a key after them acts.
key_synced Down
alive || fail "the kiosk ended after 64 KiB of bytes 0xFF pasted"
has "[klantreis:start]"
echo "ok: 0xFF"

# 40 000 random bytes from a fixed seed in bursts of 200, without 0x18
# (Ctrl-X, the PIN screen, which would then take the rest as a PIN:
# still no way out, but the check below wants a screen it knows); now
# and then an escape sequence cut short, and invalid UTF-8 that looks
# like the start of a character.
awk -v seed="${TUI_FUZZ_SEED:-1717}" 'BEGIN {
	srand(seed)
	for (b = 1; b <= 200; b++) {
		s = ""
		for (i = 0; i < 200; i++) {
			v = int(rand() * 256)
			if (v == 24) v = 255
			s = s sprintf(" %02x", v)
		}
		if (b % 10 == 0) s = s " 1b 5b 31 3b c3 e2 82 f0 9f"
		print s
	}
}' >"$TMPD/random.hex"
mark
bursts "$TMPD/random.hex"
alive || fail "the kiosk ended after random bytes"
key F12 # quick exit: whatever the bytes did, back to the picker
wait_for "> 1. English"
key Enter
wait_for "[klantreis:start]"
kiosk_end_with_pin
echo "ok: $TEST"
