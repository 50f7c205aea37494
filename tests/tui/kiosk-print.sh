#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Printing never blocks the kiosk (issue 17): a plan of more than 1 MB
# (far more than a pipe holds) printed to a command that never reads
# (/bin/sleep 1000). While it "prints", the quick exit works within a
# second and stops the print (whoever leaves at once may be watched:
# their plan must not come out after them), the PIN screen opens, and
# SIGTERM ends the kiosk with the terminal restored and the print command
# killed; the PIN ends it too. F lets the print finish.
#
# usage: kiosk-print.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/kiosk-lib.sh"

# A task of 1.4 MB in the fixture's diploma journey.
{
	printf '    <task id="big">'
	yes 'Bring papers' | head -n 110000 | tr '\n' ' '
	echo '</task>'
} >"$TMPD/big.xml"
sed -i '/<task id="collect-papers">/r '"$TMPD/big.xml" "$TMPD/journeys/diploma.xml"
{
	cat "$TMPD/pin.line"
	echo "print_command = /bin/sleep 1000"
} >"$TMPD/stuck.conf"

ms() { echo $(($(date +%s%N) / 1000000)); }
printer_pid() { pgrep -P "$(kiosk_pid)" -x sleep || true; }

to_plan() {
	wait_for "> 1. English"
	key Enter
	wait_for "[klantreis:start]"
	key 1
	wait_for "[diploma:intro]"
	key 1
	wait_for "[diploma:apply]"
	key Enter
	wait_for "[diploma:done]"
}

# Print, and wait for the print command to run.
print_stuck() {
	key t
	wait_for "$(tr_msg en 'Printing…')"
	local i
	for i in $(seq 1 100); do
		[ -n "$(printer_pid)" ] && break
		sleep 0.05
	done
	sleep_pid=$(printer_pid)
	[ -n "$sleep_pid" ] || fail "the print command did not start"
}

KIOSK_CONF=$TMPD/stuck.conf kiosk_start 80 24
to_plan
print_stuck
# The pipe is full now (64 KiB of 1.4 MB): the kiosk still takes keys.
t0=$(ms)
key X
wait_for "> 1. English"
took=$(($(ms) - t0))
[ "$took" -lt 1000 ] || fail "the quick exit took $took ms while printing"
echo "ok: quick exit in $took ms while printing"
# It stopped the print (killed and reaped before the picker was drawn).
kill -0 "$sleep_pid" 2>/dev/null && fail "the print command still runs after the quick exit"
echo "ok: the quick exit stops the print"
# F12 in the PIN screen is the quick exit too.
to_plan
print_stuck
key C-x
wait_for "PIN: _"
key F12
wait_for "> 1. English"
kill -0 "$sleep_pid" 2>/dev/null && fail "the print command still runs after F12 in the PIN screen"
# F (finish and clear) lets it print: the person asked for it.
to_plan
print_stuck
key f
wait_for "[ $(tr_msg en 'Go back') ]"
key f
wait_for "> 1. English"
kill -0 "$sleep_pid" 2>/dev/null || fail "F stopped the print"
# Printing: the PIN screen opens, SIGTERM ends the kiosk and the print.
key C-x
wait_for "PIN: _"
key Escape
wait_gone "PIN: _"
alive || fail "the kiosk ended while printing"
kill -0 "$sleep_pid" 2>/dev/null || fail "the print command ended early"
kill -s TERM "$(kiosk_pid)"
wait_exit 0
kiosk_stty_ok
kill -0 "$sleep_pid" 2>/dev/null && fail "the print command outlived the kiosk"
echo "ok: SIGTERM while printing"

# The print command gets the plan on standard input, /dev/null for its
# output, and no other open file: not the terminal, which the guide
# keeps a copy of while curses runs (standard error on the terminal, as
# on a real kiosk), nor anything else.
cat >"$TMPD/fds.sh" <<SH
#!/bin/sh
cat >/dev/null
exec /bin/ls -l /proc/self/fd >"$TMPD/fds"
SH
chmod 755 "$TMPD/fds.sh"
{
	cat "$TMPD/pin.line"
	echo "print_command = $TMPD/fds.sh"
} >"$TMPD/fds.conf"
TUI_ENV=KT_TTY_STDERR=1 KIOSK_CONF=$TMPD/fds.conf kiosk_start 80 24
to_plan
key t
wait_for "$(tr_msg en 'Your plan was sent to the printer.')"
[ -s "$TMPD/fds" ] || fail "the print command listed no descriptors"
# ls's own: the directory it reads.
extra=$(awk '$(NF-2) ~ /^[0-9]+$/ && $(NF-2) > 2 && $NF !~ /^\/proc\/[0-9]+\/fd$/' "$TMPD/fds")
[ -z "$extra" ] || fail "the print command inherited: $extra"
grep -qE ' 2 -> /dev/null$' "$TMPD/fds" || fail "its errors do not go to /dev/null: $(cat "$TMPD/fds")"
kill -s TERM "$(kiosk_pid)"
wait_exit 0
kiosk_stty_ok
echo "ok: the print command's descriptors"

# The PIN ends it while printing too.
KIOSK_CONF=$TMPD/stuck.conf kiosk_start 80 24
to_plan
key t
wait_for "$(tr_msg en 'Printing…')"
kiosk_end_with_pin
echo "ok: $TEST"
