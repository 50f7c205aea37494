#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# 3 000 random keys at a kiosk, with resizes and stray sequences in
# between, every key included this time: q, Q, й, Ctrl-C, Ctrl-D, Ctrl-Z,
# Ctrl-\, Ctrl-X (the PIN screen, which then takes the keys as a PIN),
# F, X, F12 (wipes), T (printing, to a command that fails), C (QR codes).
# Idle time runs out now and then too (--idle=1). The kiosk must never
# end; SIGTERM then ends it with status 0, the terminal restored and no
# sanitizer report. A fixed seed makes the key sequence repeatable (not
# the timing); set TUI_FUZZ_SEED to try others.
#
# usage: kiosk-fuzz.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/kiosk-lib.sh"

RANDOM=${TUI_FUZZ_SEED:-2424}
TOTAL=3000

named=(Up Down Left Right Up Down Enter Enter Enter Escape Escape BSpace Tab BTab
	PPage NPage Home End IC DC Space Space F1 F2 F3 F4 F5 F6 F7 F8 F9 F10 F11 F12
	C-a C-b C-c C-d C-l C-r C-s C-q C-x C-z 'C-\' C-] M-a M-x M-[ 0 1 2 3 4 5 6 7 8 9 1 2 3 1 2 1
	a b c d e f g h i j k l m n o p q r s t u v w x y z
	A B C D E F G H I J K L M N O P Q R S T U V W X Y Z
	? ! / - . , '#' '%' о л и д з п й і ы а ч с е Ж ї)
rawseq() {
	case $((RANDOM % 6)) in
	0) printf '\033[' ;;
	1) printf '\033O' ;;
	2) printf '\033[<0;%d;%dM' $((RANDOM % 140)) $((RANDOM % 50)) ;;
	3) printf '\033[%d~' $((RANDOM % 40)) ;;
	4) printf '\033\033' ;;
	5) printf '\003\032\034\004' ;; # Ctrl-C, Ctrl-Z, Ctrl-\, Ctrl-D as bytes
	esac
}
sizes=("80 24" "50 15" "30 10" "100 30" "40 12" "39 11" "132 50" "60 20")

KIOSK_CONF=$TMPD/badprinter.conf kiosk_start 80 24 --idle=1 --countdown=1
wait_for "English"
sent=0
batch=0
while [ $sent -lt $TOTAL ]; do
	alive || fail "the kiosk ended (status $(cat "$TMPD/status")) after $sent keys"
	batch=$((batch + 1))
	if [ $((batch % 10)) -eq 0 ]; then
		resize ${sizes[$((RANDOM % ${#sizes[@]}))]}
	fi
	if [ $((batch % 5)) -eq 0 ]; then
		raw "$(rawseq)"
		sent=$((sent + 1))
	else
		keys=()
		for i in $(seq 1 25); do
			keys+=("${named[$((RANDOM % ${#named[@]}))]}")
		done
		key "${keys[@]}"
		sent=$((sent + 25))
	fi
	if [ $((batch % 20)) -eq 0 ]; then
		check_stderr
		# Now and then long enough for "Are you still there?" and the wipe.
		[ $((batch % 60)) -eq 0 ] && sleep 2.5
		sleep 0.05
	fi
done
sleep 0.5
alive || fail "the kiosk ended (status $(cat "$TMPD/status")) after $sent keys"
kill -s TERM "$(kiosk_pid)"
wait_exit 0
kiosk_stty_ok
echo "ok: $TEST: $sent keys, $batch batches"
