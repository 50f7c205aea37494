#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Outside kiosk mode, invalid bytes are dropped too: 10 000 bytes 0xFF in
# bursts leave the guide running, neither ending it (a count of read
# errors once did, after 50) nor making it spin (its CPU time stands
# still while it waits). When the terminal really is gone (hung up, with
# SIGHUP ignored, as under nohup), it ends of its own accord.
#
# usage: bytes.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/lib.sh"

REAL_PROG=$PROG
cat >"$TMPD/wrap.sh" <<SH
#!/bin/sh
[ -n "\${KT_NOHUP:-}" ] && trap '' HUP
sh -c 'echo \$\$ >"\$0"; exec "\$@"' "$TMPD/pid" "$REAL_PROG" "\$@"
SH
chmod 755 "$TMPD/wrap.sh"
PROG=$TMPD/wrap.sh

burst() {
	mark
	# shellcheck disable=SC2046
	$TM send-keys -t kt -H $(printf '%s\n' "$@")
}
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
ff=()
for i in $(seq 1 200); do ff+=(ff); done

tui_start 80 24 -- --journeys="$FIXTURES" --show-ids --lang=en
wait_for "[klantreis:start]"
pid=$(cat "$TMPD/pid")
for b in $(seq 1 50); do
	burst "${ff[@]}"
done
key 1
wait_for "[diploma:intro]"
alive || fail "invalid bytes ended the guide"
# Idle now: no CPU time used (clock ticks of 10 ms; a spinning loop
# takes about 100 a second).
before=$(cpu "$pid")
sleep 1
after=$(cpu "$pid")
[ $((after - before)) -le 10 ] || fail "the guide spins while it waits: $((after - before)) ticks in 1 s"
key q
wait_for "[ $(tr_msg en 'Quit') ]"
key q
wait_exit 0
echo "ok: 0xFF"

# The terminal is gone: tmux closes the pane's terminal; the guide,
# which ignores SIGHUP here, reads end of file and ends.
TUI_ENV=KT_NOHUP=1 tui_start 80 24 -- --journeys="$FIXTURES" --show-ids --lang=en --no-save
wait_for "[klantreis:start]"
pid=$(cat "$TMPD/pid")
$TM kill-server
# A bound for a guide that never ends, not a speed test: under
# AddressSanitizer (whose leak check runs at exit) on two loaded cores,
# ending took more than 10 s once in four stress runs.
for i in $(seq 1 1200); do
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.05
done
kill -0 "$pid" 2>/dev/null && { kill "$pid"; fail "the guide still runs 60 s after its terminal went away"; }
echo "ok: $TEST"
