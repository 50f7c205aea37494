#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Nothing about a person reaches the disk in kiosk mode: a whole session
# (walk, tick, plan, print, QR codes, idle reset, the next person, the
# PIN) creates or changes no file under HOME, XDG_STATE_HOME, TMPDIR, the
# working directory or /tmp. The first four are empty directories of
# this test, compared before and after (names, sizes, times); /tmp is
# shared with the rest of the machine, so where strace works every file
# call of the program and its children is checked instead (only the
# terminal, /dev/null and the test printer's own file may be written;
# and the count of wrong PINs, in pin_attempts_file: $TMPD/run stands
# for /run/klantreis-kiosk, memory on a kiosk, and what is written there
# is checked to be the count only).
# The test's own files and tmux's socket are under the build directory.
#
# usage: kiosk-disk.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/kiosk-lib.sh"

WATCH=$TMPD/watch
HOME_DIR=$TMPD/home$((STARTS + 1)) # the one tui_start gives the next start
mkdir -p "$WATCH/state" "$WATCH/cwd" "$WATCH/tmpdir" "$HOME_DIR"
DIRS=("$HOME_DIR" "$WATCH/state" "$WATCH/cwd" "$WATCH/tmpdir")

TRACE=
if strace -f -qq -o /dev/null true 2>/dev/null; then
	TRACE=$TMPD/trace
else
	echo "$TEST: strace cannot run here: /tmp is checked by its listing only"
fi

listing() { find "${DIRS[@]}" -printf '%p %y %s %T@\n' | sort; }
listing >"$TMPD/before"
touch "$TMPD/stamp"
sleep 0.05

cd "$WATCH/cwd"
# LeakSanitizer cannot run under strace (both use ptrace).
# Standard error on the terminal, so that the guide has to keep it aside.
TUI_ENV="XDG_STATE_HOME=$WATCH/state TMPDIR=$WATCH/tmpdir KT_TTY_STDERR=1 ${TRACE:+KT_STRACE=$TRACE ASAN_OPTIONS=detect_leaks=0}" \
	kiosk_start 80 24 --idle=2 --countdown=1
cd "$TMPD"
wait_for "> 1. English"
[ "$(readlink "/proc/$(kiosk_pid)/cwd")" = "$WATCH/cwd" ] ||
	fail "the kiosk runs in $(readlink "/proc/$(kiosk_pid)/cwd"), not in the watched directory"

# A person walks, ticks, prints and looks at the QR codes.
key 3
wait_for "[klantreis:start]"
key 1
wait_for "[diploma:intro]"
key 1
wait_for "[diploma:apply]"
key Enter
wait_for "[diploma:done]"
key Space
wait_for "> [x] "
key t
wait_for "$(tr_msg uk 'Your plan was sent to the printer.')"
[ -s "$TMPD/printed" ] || fail "nothing printed"
key p
wait_for "$(tr_msg uk 'Your action plan')"
key c
wait_for "https://www.idw.nl/"
key Right
wait_for "https://example.org/grades"
# They walk away: cleared.
wait_for "$(tr_msg uk 'Are you still there?')"
wait_for "$(tr_msg en 'Choose your language')"
# The next person, and the volunteer's PIN.
key 2
wait_for "[klantreis:start]"
key 2
wait_for "[klantreis:long]"
key C-x
wait_for "PIN: _"
# A wrong PIN first: its count is written (only that).
type_pin 999999
wait_for "$(tr_msg nl 'Wrong PIN. Try again.')"
[ -f "$TMPD/run/pin-attempts" ] || fail "the wrong PIN was not counted in $TMPD/run/pin-attempts"
grep -qvE '^(fails [0-9]+|next_try_ms [0-9]+)$' "$TMPD/run/pin-attempts" &&
	fail "more than the count in pin-attempts: $(cat "$TMPD/run/pin-attempts")"
type_pin "$KIOSK_PIN"
wait_exit 0
kiosk_stty_ok
[ -z "$(ls -A "$TMPD/run")" ] || fail "left after the right PIN: $(ls -A "$TMPD/run")"

listing >"$TMPD/after"
cmp -s "$TMPD/before" "$TMPD/after" ||
	fail "files changed: $(diff "$TMPD/before" "$TMPD/after")"
new=$(find "${DIRS[@]}" -newer "$TMPD/stamp")
[ -z "$new" ] || fail "newer than the start: $new"

# /tmp: new entries since the start, leaving out this test's own
# directory (the build directory may be under /tmp).
tmp_new=$(find /tmp -xdev -mindepth 1 \( -path "$BUILDDIR" -o -path "$TMPD" \) -prune -o \
	-newer "$TMPD/stamp" -print 2>/dev/null | grep -vxF -e "$BUILDDIR" -e "$TMPD" || true)

if [ -n "$TRACE" ]; then
	ls "$TRACE".* >/dev/null 2>&1 || fail "strace wrote no trace"
	# Calls that create, write or change a file, and did not fail;
	# allowed: devices (the terminal, /dev/null), the test printer's
	# output and the count of wrong PINs (pin-attempts and its
	# temporary file, renamed to it).
	bad=$(cat "$TRACE".* | awk -v p="$TMPD/printed" -v run="$TMPD/run/" '
		/ = -1 / { next }
		{
			call = $0; sub(/\(.*/, "", call)
			if (call ~ /^(open|openat|openat2)$/ && $0 !~ /O_WRONLY|O_RDWR|O_CREAT|O_TMPFILE|O_TRUNC/)
				next
			if (call !~ /^(open|openat|openat2|creat|mkdir|mkdirat|rename|renameat|renameat2|link|linkat|symlink|symlinkat|unlink|unlinkat|rmdir|truncate|mknod|mknodat|chmod|fchmodat|chown|fchownat|lchown|utime|utimes|utimensat|futimesat)$/)
				next
			line = $0; ok = 1; n = 0
			while (match(line, /"[^"]*"/)) {
				path = substr(line, RSTART + 1, RLENGTH - 2)
				line = substr(line, RSTART + RLENGTH)
				n++
				if (path !~ /^\/dev\// && path != p && path != p ".part" &&
				    index(path, run "pin-attempts") != 1)
					ok = 0
			}
			if (!ok || !n)
				print
		}')
	[ -z "$bad" ] || fail "file calls that write: $bad"
	# memfd_create keeps stderr in memory; it is no file.
	[ -z "$tmp_new" ] || echo "$TEST: note: new in /tmp, not from klantreis (strace saw nothing): $tmp_new"
else
	[ -z "$tmp_new" ] || fail "new in /tmp: $tmp_new"
fi
echo "ok: $TEST"
