#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Kiosk mode has no way out for a passer-by: Ctrl-C, Ctrl-Z, Ctrl-\,
# Ctrl-D, q, Q and other keys (and SIGINT, SIGQUIT, SIGTSTP) leave the
# guide running on the same screen; Q says that the guide stays open.
# SIGTERM and SIGHUP end it with status 0 and the terminal restored. A
# volunteer ends it with Ctrl-X and the PIN: a wrong PIN makes the next
# try wait, and a try during the wait is refused (even the right PIN).
#
# usage: kiosk.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/kiosk-lib.sh"

# --hash-pin refuses a PIN shorter than 6 characters (its hash can be
# searched offline), and says why.
for short in 1234 12345; do
	st=0
	printf '%s\n' "$short" | LANGUAGE=en "$REAL_PROG" --hash-pin >"$TMPD/short.out" 2>"$TMPD/short.err" || st=$?
	[ "$st" -eq 2 ] || fail "--hash-pin took the PIN $short (status $st)"
	grep -q 'pin_hash' "$TMPD/short.out" && fail "--hash-pin made a hash of $short"
	grep -qF "$(tr_msg en 'klantreis: the PIN must have 6 to 32 characters: whoever can read its hash can try every shorter PIN on their own computer (all four-digit PINs in minutes)')" \
		"$TMPD/short.err" || fail "--hash-pin does not say why: $(cat "$TMPD/short.err")"
done
# A settings file every user can read: a warning before the screen
# starts (in the volunteers' language); none for the usual 0640.
cp "$TMPD/kiosk.conf" "$TMPD/open.conf"
chmod 644 "$TMPD/open.conf"
KIOSK_CONF=$TMPD/open.conf kiosk_start 80 24
wait_for "> 1. English"
# (The message ends in a newline, which tr_msg cannot pass: the file
# name and the remedy, the same in every language, identify it.)
warning="chmod 640 $TMPD/open.conf"
grep -qF "$warning" "$TMPD/stderr" || fail "no warning about a readable kiosk.conf: $(cat "$TMPD/stderr")"
grep -qF "root:kiosk $TMPD/open.conf" "$TMPD/stderr" ||
	fail "the warning does not say who should read it: $(cat "$TMPD/stderr")"
kill -s TERM "$(kiosk_pid)"
wait_exit 0
echo "ok: PIN length, readable settings"

kiosk_start 80 24
wait_for "> 1. English"
grep -qF "chmod 640" "$TMPD/stderr" && fail "a warning about a kiosk.conf of mode 0640"
lacks "$(tr_msg en 'quit')"
key Enter
wait_for "[klantreis:start]"
key 1
wait_for "[diploma:intro]"
has "F $(tr_msg en 'Finish and clear')"
has "X $(tr_msg en 'Quick exit')"

# Keys that end or suspend other programs.
for k in C-c C-z 'C-\' C-d C-s C-q C-o C-v C-y C-w C-u C-l C-g C-] Escape F4 F10 F11; do
	key_synced "$k"
	alive || fail "$k ended the kiosk"
	has "[diploma:intro]"
done
# Signals from the keyboard's keys, sent directly: ignored.
for sig in INT QUIT TSTP; do
	kill -s "$sig" "$(kiosk_pid)"
	key_synced Down
	alive || fail "SIG$sig ended the kiosk"
	has "[diploma:intro]"
done
# q and Q: the guide stays open; the pop-up offers no way out.
for k in q Q; do
	key "$k"
	wait_for "$(tr_msg en 'This guide stays open')"
	lacks "[ $(tr_msg en 'Quit') ]"
	has "X $(tr_msg en 'Quick exit')"
	key Escape
	wait_gone "$(tr_msg en 'This guide stays open')"
	alive || fail "$k ended the kiosk"
	has "[diploma:intro]"
done
# Q, then q again, closes it too.
key Q
wait_for "$(tr_msg en 'This guide stays open')"
key q
wait_gone "$(tr_msg en 'This guide stays open')"

# SIGTERM: status 0, the terminal restored.
kill -s TERM "$(kiosk_pid)"
wait_exit 0
kiosk_stty_ok
echo "ok: SIGTERM"

# SIGHUP, with the picker still open.
kiosk_start 80 24
wait_for "> 1. English"
kill -s HUP "$(kiosk_pid)"
wait_exit 0
kiosk_stty_ok
echo "ok: SIGHUP"

# The volunteer's PIN, from the "stays open" screen. The PIN screen is in
# the volunteers' language (volunteer_language, by default Dutch), not
# the visitor's.
kiosk_start 80 24
wait_for "> 1. English"
key Enter
wait_for "[klantreis:start]"
key q
wait_for "$(tr_msg en 'This guide stays open')"
key C-x
wait_for "$(tr_msg nl 'Volunteer PIN')"
key -l 12
wait_for "PIN: **_"
key BSpace
wait_for "PIN: *_"
key Escape # back, the PIN forgotten
wait_gone "$(tr_msg nl 'Volunteer PIN')"
key C-x
wait_for "PIN: _"
# A wrong PIN: the next try waits 1 second, then 2, then 4 (the seconds
# shown count down, by whole seconds of the clock: which number a capture
# sees depends on the moment).
# Letters are PIN text here, not keys (x is not the quick exit, q not
# "stays open").
WAITING=$(tr_nmsg nl 'Wrong PIN. Try again in %ld second.' 'Wrong PIN. Try again in %ld seconds.' 2 |
	sed 's/%ld.*//')
type_pin "x9q1"
wait_for "$WAITING"
wait_for "$(tr_msg nl 'Wrong PIN. Try again.')"
type_pin 1357
wait_for "$WAITING"
wait_for "$(tr_msg nl 'Wrong PIN. Try again.')"
type_pin 1358
wait_for "$WAITING"
# The right PIN during the wait is refused unchecked.
type_pin "$KIOSK_PIN"
wait_for "PIN: _"
alive || fail "the PIN was accepted during the wait"
has "$WAITING"
# After the wait, the right PIN ends the kiosk.
wait_for "$(tr_msg nl 'Wrong PIN. Try again.')"
type_pin "$KIOSK_PIN"
wait_exit 0
kiosk_stty_ok
echo "ok: PIN"

# Ctrl-X anywhere (here over the plan), the PIN at once.
kiosk_start 80 24 --lang=uk
wait_for "[klantreis:start]"
key p
wait_for "$(tr_msg uk 'Your action plan')"
key C-x
wait_for "$(tr_msg nl 'Volunteer PIN')"
lacks "$(tr_msg uk 'Volunteer PIN')"
# The visitor's language is back behind it.
has "$(tr_msg uk 'Your action plan')"
type_pin "$KIOSK_PIN"
wait_exit 0
kiosk_stty_ok
echo "ok: $TEST"
