#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# 5 000 random keys with resizes in between: arrows, function keys, digits,
# letters, cyrillic, stray escape sequences, mouse reports. The quit key
# is only sent followed by "n" (stay); but a resize can land between the
# two (below 40x12 keys are ignored, so "n" is lost) and a later Enter may
# then confirm the question. So the program may end, but only with status
# 0 and no sanitizer report; it is then started again and the keys go on.
# At the end it must quit cleanly. A fixed seed makes the key sequence
# repeatable (not the timing); set TUI_FUZZ_SEED to try others.
#
# usage: fuzz.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/lib.sh"

RANDOM=${TUI_FUZZ_SEED:-4242}
TOTAL=5000

# tmux key names, one key each; q, Q and й (quit) are left out, and so
# are x, X, F12 and Alt-x (the quick exit ends the program at once; its
# own test is private.sh).
named=(Up Down Left Right Up Down Enter Enter Escape Escape BSpace Tab BTab
	PPage NPage Home End IC DC Space Space F1 F2 F3 F4 F5 F6 F7 F8 F9 F10 F11
	C-a C-b C-l C-r C-z M-a M-[ 0 1 2 3 4 5 6 7 8 9 1 2 3 1 2 1
	a b c d e f g h i j k l m n o p r s t u v w y z
	A B C D E F G H I J K L M N O P R S T U V W Y Z
	? ! / - . , '#' '%' о л и д з п і ы Ж ї)
# Bytes sent as they are: escape sequences, whole and broken, and mouse
# reports (SGR and X10) at random places.
rawseq() {
	case $((RANDOM % 9)) in
	0) printf '\033[' ;;
	1) printf '\033O' ;;
	2) printf '\033[1;5A' ;;
	3) printf '\033[200~' ;;
	4) printf '\033[<0;%d;%dM' $((RANDOM % 140)) $((RANDOM % 50)) ;;
	5) printf '\033[<%d;%d;%dm' $((RANDOM % 70)) $((RANDOM % 140)) $((RANDOM % 50)) ;;
	6) printf '\033[M%b%b%b' "\\$(printf '%03o' $((32 + RANDOM % 64)))" \
		"\\$(printf '%03o' $((33 + RANDOM % 90)))" "\\$(printf '%03o' $((33 + RANDOM % 40)))" ;;
	7) n=$((RANDOM % 40)); [ $n = 24 ] && n=25; printf '\033[%d~' $n ;; # not F12
	8) printf '\033\033' ;;
	esac
}

sizes=("80 24" "50 15" "30 10" "1 1" "100 30" "40 12" "39 11" "132 50" "60 20" "2 40" "200 5")

start() {
	tui_start 80 24 -- --journeys="$FIXTURES" --show-ids
	wait_for "English"
}
# Keys may reach a program that has just ended: not an error here.
fkey() { key "$@" 2>/dev/null || true; }
fraw() { raw "$1" 2>/dev/null || true; }
fresize() { resize "$@" 2>/dev/null || true; }

start
sent=0
batch=0
restarts=0
while [ $sent -lt $TOTAL ]; do
	if ! alive; then
		[ "$(cat "$TMPD/status")" = 0 ] || fail "exit status $(cat "$TMPD/status") after $sent keys"
		check_stderr
		restarts=$((restarts + 1))
		[ $restarts -le 5 ] || fail "ended $restarts times: the quit question is too easy to confirm"
		start
	fi
	batch=$((batch + 1))
	if [ $((batch % 10)) -eq 0 ]; then
		fresize ${sizes[$((RANDOM % ${#sizes[@]}))]}
	fi
	if [ $((batch % 7)) -eq 0 ]; then
		# Quit asked, and declined, in one go.
		fkey q n
		sent=$((sent + 2))
	elif [ $((batch % 5)) -eq 0 ]; then
		fraw "$(rawseq)"
		sent=$((sent + 1))
	else
		keys=()
		for i in $(seq 1 25); do
			keys+=("${named[$((RANDOM % ${#named[@]}))]}")
		done
		fkey "${keys[@]}"
		sent=$((sent + 25))
	fi
	if [ $((batch % 20)) -eq 0 ]; then
		sleep 0.05
		check_stderr
	fi
done
sleep 0.3
if ! alive; then
	[ "$(cat "$TMPD/status")" = 0 ] || fail "exit status $(cat "$TMPD/status") after $sent keys"
	check_stderr
	start
fi

# Back to a usable size; close whatever is open (Escape on the first
# language picker keeps the language); English; quit.
resize 80 24
for i in 1 2 3 4 5 6; do
	key Escape
	sleep 0.1
done
key L
wait_for "English"
key 1
wait_gone "Русский"
key q
wait_for "[ Quit ]"
key y
wait_exit 0
echo "ok: $TEST: $sent keys, $batch batches, $restarts restarts after a confirmed quit"
