#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# No signal but SIGTERM and SIGHUP ends a kiosk (issue 17): every signal
# from 1 to 31 but those, SIGKILL and SIGSTOP, sent one after another,
# leaves it running and taking keys (SIGPIPE, SIGUSR1, SIGUSR2 and
# SIGALRM once ended it with the terminal left raw; a SIGSEGV or SIGBUS
# sent with kill is no fault). SIGTERM then ends it with status 0 and the
# terminal restored.
#
# usage: kiosk-signals.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/kiosk-lib.sh"

kiosk_start 80 24 --lang=en
wait_for "[klantreis:start]"
pid=$(kiosk_pid)
sent=""
for sig in $(seq 1 31); do
	case $sig in 1 | 9 | 15 | 19) continue ;; esac
	kill -s "$sig" "$pid" || fail "could not send signal $sig"
	sent="$sent $sig"
	key_synced Down
	alive || fail "signal $sig ($(kill -l "$sig")) ended the kiosk"
	grep -q '^State:.*[TZ]' "/proc/$pid/status" &&
		fail "signal $sig ($(kill -l "$sig")) stopped the kiosk"
done
has "[klantreis:start]"
echo "ok: signals$sent"
kill -s TERM "$pid"
wait_exit 0
kiosk_stty_ok
echo "ok: $TEST"
