#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Restarting the kiosk gives no fresh PIN tries (issue 17): wrong PINs
# wait 1, 2, 4 … seconds, and that count lives on in pin_attempts_file
# (on a kiosk in /run, memory), so a kiosk ended by SIGTERM or SIGHUP and
# started again goes on from it. The right PIN removes the count. What
# the file holds is two numbers, nothing about a person.
#
# Timing-free: the waits depend on the clock, so the test looks at the
# wait a counted wrong PIN starts. After a restart the first wrong PIN
# may fall in the wait still running (refused, not counted) or after it
# (counted); once that wait is over, the next one is counted for sure.
# Carried over, it is the 3rd or 4th in a row and waits 4 or 8 s; a
# fresh start would wait 2 s.
#
# usage: kiosk-restart.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/kiosk-lib.sh"

ATTEMPTS=$TMPD/run/pin-attempts
WAITING=$(tr_nmsg nl 'Wrong PIN. Try again in %ld second.' 'Wrong PIN. Try again in %ld seconds.' 2 |
	sed 's/%ld.*//')
AGAIN=$(tr_msg nl 'Wrong PIN. Try again.')
# The wait shown with N seconds: the message up to the number, and the
# number (the rest may wrap to the next line of the window).
WAIT1="${WAITING}1 " WAIT2="${WAITING}2 " WAIT4="${WAITING}4 " WAIT8="${WAITING}8 "
# True when a frame painted since the last key showed one of the texts.
drawn_any() {
	local s
	for s in "$@"; do
		drawn "$s" && return 0
	done
	return 1
}

# Wait for TEXT on the screen for as long as a wait of the rate limit
# may still run (up to 32 s here, more than wait_for allows).
wait_screen_long() {
	local i
	for i in $(seq 1 2000); do
		screen | grep -qF -- "$1" && return 0
		alive || fail "the kiosk ended while waiting for: $1"
		sleep 0.05
	done
	fail "timed out waiting for: $1"
}

pin_screen() {
	kiosk_start 80 24 --lang=en
	wait_for "[klantreis:start]"
	key C-x
	wait_for "PIN: _"
}

pin_screen
[ ! -e "$ATTEMPTS" ] || fail "a count of wrong PINs before any PIN: $(cat "$ATTEMPTS")"
type_pin 111111
wait_for "$WAITING"
wait_for "$AGAIN"
type_pin 222222
wait_for "$WAITING"
# Two numbers, written where the settings say; nothing else there.
[ -f "$ATTEMPTS" ] || fail "no $ATTEMPTS after two wrong PINs"
grep -qx 'fails 2' "$ATTEMPTS" || fail "the count after two wrong PINs: $(cat "$ATTEMPTS")"
grep -qx 'next_try_ms [0-9]*' "$ATTEMPTS" || fail "no next try in $(cat "$ATTEMPTS")"
[ "$(wc -l <"$ATTEMPTS")" -eq 2 ] || fail "more than the count in $ATTEMPTS: $(cat "$ATTEMPTS")"
[ "$(stat -c %a "$ATTEMPTS")" = 600 ] || fail "$ATTEMPTS has mode $(stat -c %a "$ATTEMPTS")"
[ "$(ls "$TMPD/run")" = pin-attempts ] || fail "left in $TMPD/run: $(ls "$TMPD/run")"

# The system ends it (a shutdown, SIGTERM) and getty starts it again.
kill -TERM "$(kiosk_pid)"
wait_exit 0
kiosk_stty_ok
pin_screen
type_pin 333333
wait_for "$WAITING"
wait_for "$AGAIN"
type_pin 444444
for i in $(seq 1 300); do
	drawn_any "$WAIT4" "$WAIT8" && break
	drawn_any "$WAIT1" "$WAIT2" &&
		fail "the 2nd wrong PIN after a restart waits like a fresh start's: $(grep -F "$WAITING" "$TMPD/frames" | head -n 1)"
	alive || fail "the kiosk ended"
	sleep 0.05
done
drawn_any "$WAIT4" "$WAIT8" || fail "no wait of 4 or 8 seconds shown"
grep -qxE 'fails (3|4)' "$ATTEMPTS" || fail "the count after the restart: $(cat "$ATTEMPTS")"
echo "ok: the count outlives SIGTERM"

# The terminal hangs up (SIGHUP): the same.
kill -HUP "$(kiosk_pid)"
wait_exit 0
before=$(cat "$ATTEMPTS")
pin_screen
[ "$(cat "$ATTEMPTS")" = "$before" ] || fail "a start changed the count: $(cat "$ATTEMPTS")"
# Any wait still running holds the right PIN back: wait it out (the
# wrong PIN is refused, or counted: 5 or 6 in a row, up to 32 s), then
# the right PIN ends the kiosk and removes the count.
type_pin 555555
wait_for "$WAITING"
wait_screen_long "$AGAIN"
type_pin "$KIOSK_PIN"
wait_exit 0
kiosk_stty_ok
[ ! -e "$ATTEMPTS" ] || fail "the count is still there after the right PIN: $(cat "$ATTEMPTS")"
[ -z "$(ls "$TMPD/run")" ] || fail "left in $TMPD/run: $(ls "$TMPD/run")"
# And the next start begins afresh: a wrong PIN waits 1 second.
pin_screen
type_pin 666666
for i in $(seq 1 300); do
	drawn_any "$WAIT1" && break
	alive || fail "the kiosk ended"
	sleep 0.05
done
drawn_any "$WAIT1" || fail "the first wrong PIN after the right one does not wait 1 second"
kill -TERM "$(kiosk_pid)"
wait_exit 0
echo "ok: $TEST"
