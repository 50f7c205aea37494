# SPDX-License-Identifier: GPL-3.0-or-later
# Shared helpers for the TUI tests: each test drives the real program in a
# tmux server of its own, at a fixed size, with a fixed environment, and
# waits for the screen to change after every key (never fixed sleeps).
#
#   . lib.sh PROG SRCDIR BUILDDIR
#   tui_start 80 24 -- --lang=en --show-ids     (env: TUI_TERM, TUI_ENV)
#   key Down; wait_for "> 2. Read a long step"
#   key q; wait_for ...; key y; wait_exit 0
#
# Source with bash; sets -eu.
set -eu

abs() { case $1 in /*) printf '%s' "$1" ;; *) printf '%s/%s' "$PWD" "$1" ;; esac; }
PROG=$(abs "$1")
SRCDIR=$(abs "$2")
BUILDDIR=$(abs "$3")
FIXTURES=$SRCDIR/tests/tui/fixtures
TEST=$(basename "$0" .sh)

if ! command -v tmux >/dev/null 2>&1; then
	echo "$TEST: tmux not found: run scripts/setup.sh (it installs tmux)"
	exit 1
fi

TMPD=$(mktemp -d "${TMPDIR:-/tmp}/klantreis-$TEST.XXXXXX")
SOCK="klantreis-$TEST-$$"
TM="tmux -L $SOCK -f /dev/null"
export LC_ALL=C.UTF-8 # for wc -L (display width), grep and tr in here
cleanup() {
	$TM kill-server >/dev/null 2>&1 || true
	rm -rf "$TMPD"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

fail() {
	echo "FAIL ($TEST): $*" >&2
	if [ -f "$TMPD/screen" ]; then
		echo "--- screen:" >&2
		cat "$TMPD/screen" >&2
		echo "---" >&2
	fi
	[ -s "$TMPD/stderr" ] && { echo "--- program stderr:" >&2; cat "$TMPD/stderr" >&2; }
	exit 1
}

# Start the program in a fresh server at W x H. Arguments after -- go to
# the program. TUI_TERM (default xterm-256color) and TUI_ENV (extra
# VAR=value words) shape its environment. Each start gets an empty HOME
# (progress is saved there), unless TUI_SAME_HOME=1 keeps the last one.
STARTS=0
tui_start() {
	local w=$1 h=$2
	shift 3
	$TM kill-server >/dev/null 2>&1 || true
	rm -f "$TMPD/status" "$TMPD/stderr" "$TMPD/frames"
	MARK=0
	[ "${TUI_SAME_HOME:-0}" = 1 ] || STARTS=$((STARTS + 1))
	mkdir -p "$TMPD/home$STARTS"
	{
		echo 'unset LANGUAGE LC_ALL LC_MESSAGES LC_CTYPE COLUMNS LINES NO_COLOR TMUX XDG_STATE_HOME'
		printf 'export TERM=%q LANG=C.UTF-8 ESCDELAY=25 NCURSES_NO_UTF8_ACS=1 HOME=%q\n' \
			"${TUI_TERM:-xterm-256color}" "$TMPD/home$STARTS"
		echo 'export KLANTREIS_TODAY=2026-02-01'
		# No GPM: on TERM=linux curses would dlopen libgpm for the mouse,
		# which fails in tmux and leaks a string (a sanitizer build then
		# reports it). tmux reports clicks the xterm way anyway.
		echo 'export NCURSES_GPM_TERMS='
		for v in ${TUI_ENV:-}; do printf 'export %q\n' "$v"; done
		# Ctrl-C (SIGINT to the whole foreground group) is the program's
		# to handle; this shell stays to write its exit status. A trap
		# that runs a command, not one that ignores: the program starts
		# with the default action.
		echo 'trap : INT'
		# Every frame the program paints, as text (wait_for reads it).
		# TUI_FRAMES=0: none, for a test that waits only for screens that
		# stay until its next key (capture-pane sees them).
		[ "${TUI_FRAMES:-1}" = 0 ] ||
			printf 'exec 9>>%q\nexport KLANTREIS_TEST_FRAMES_FD=9\n' "$TMPD/frames"
		printf '%q' "$PROG"
		printf ' %q' "$@"
		printf ' 2>%q\n' "$TMPD/stderr"
		# The status as the shell saw it (tmux 3.3's pane_dead_status is
		# unreliable), written atomically.
		printf 'echo $? >%q && mv %q %q\n' "$TMPD/status.tmp" "$TMPD/status.tmp" "$TMPD/status"
	} >"$TMPD/run.sh"
	# remain-on-exit keeps the server (and the last screen) when the
	# program ends, so the test can say how it ended.
	# A tmux server that dies while it starts ("server exited
	# unexpectedly", seen a few times when the machine was loaded) is
	# the test's tool failing, not the program: start it again, at most
	# three times. With remain-on-exit, a program that ends at once
	# still leaves its session, so this never hides a program's failure.
	local try
	for try in 1 2 3; do
		$TM new-session -d -s kt -x "$w" -y "$h" "sh $TMPD/run.sh" \; \
			set-option -g remain-on-exit on \; set-option -g window-size manual \
			>/dev/null 2>"$TMPD/tmux-err" && $TM has-session -t kt 2>/dev/null && break
		[ "$try" = 3 ] && fail "tmux could not start: $(cat "$TMPD/tmux-err")"
		echo "$TEST: tmux did not start ($(cat "$TMPD/tmux-err")); again" >&2
		$TM kill-server >/dev/null 2>&1 || true
		rm -f "$TMPD/status" "$TMPD/frames"
	done
	WIDTH=$w
	HEIGHT=$h
}

resize() {
	WIDTH=$1
	HEIGHT=$2
	$TM resize-window -t kt -x "$1" -y "$2"
}

# Frames painted before MARK (a byte offset in $TMPD/frames) are older
# than the last key; wait_for also looks at the frames painted since.
mark() { MARK=$(stat -c %s "$TMPD/frames" 2>/dev/null || echo 0); }
key() { mark; $TM send-keys -t kt "$@"; }
# Bytes exactly as given (escape sequences, mouse reports).
raw() { mark; $TM send-keys -t kt -l "$1"; }

# True when a frame painted since the last key showed TEXT.
drawn() { tail -c +$((MARK + 1)) "$TMPD/frames" 2>/dev/null | grep -qF -- "$1"; }

screen() {
	$TM capture-pane -p -t kt >"$TMPD/screen" 2>/dev/null || : >"$TMPD/screen"
	cat "$TMPD/screen"
}

alive() { [ ! -f "$TMPD/status" ]; }

# Everything the terminal still holds: the scrollback (tmux's history)
# and the screen, as Shift-PgUp would show it; also after the program
# ended (remain-on-exit keeps the pane).
scrollback() { $TM capture-pane -p -S - -t kt 2>/dev/null; }

# No line of the screen wider than the window (display columns).
check_width() {
	local widest
	widest=$(wc -L <"$TMPD/screen")
	[ "$widest" -le "$WIDTH" ] || fail "a line is $widest columns wide in a $WIDTH-column window"
}

# Wait (up to 15 s; a loaded CI machine is slow) until the screen shows
# TEXT, or a frame painted since the last key showed it (a message that
# is on the screen for a moment only); then check the widths.
wait_for() {
	local i
	for i in $(seq 1 300); do
		if screen | grep -qF -- "$1" || drawn "$1"; then
			check_width
			return 0
		fi
		alive || fail "the program ended (status $(cat "$TMPD/status")) while waiting for: $1"
		sleep 0.05
	done
	fail "timed out waiting for: $1"
}

# The screen with all spaces, line ends and pop-up side borders removed:
# for text that may be wrapped at any width.
flat() { screen | sed 's/│//g' | tr -d ' \n'; }

wait_for_flat() {
	local want i
	want=$(printf '%s' "$1" | tr -d ' \n')
	for i in $(seq 1 300); do
		if flat | grep -qF -- "$want"; then
			check_width
			return 0
		fi
		alive || fail "the program ended while waiting for: $1"
		sleep 0.05
	done
	fail "timed out waiting for: $1"
}

# After a resize: wait until the program has painted for the new size.
# The --show-ids tag ends one column before the right edge, so the header
# row tells which width the last paint was for (a capture taken before
# the repaint shows the old screen, cut by tmux).
wait_layout() {
	local i line
	for i in $(seq 1 300); do
		line=$(screen | head -n 1)
		case $line in
		*"$1")
			if [ "$(printf '%s\n' "$line" | wc -L)" -eq $((WIDTH - 1)) ] &&
				[ "$(wc -l <"$TMPD/screen")" -eq "$HEIGHT" ]; then
				check_width
				return 0
			fi
			;;
		esac
		sleep 0.05
	done
	fail "no repaint for ${WIDTH}x$HEIGHT with $1 in the header"
}

wait_gone() {
	local i
	for i in $(seq 1 300); do
		if ! screen | grep -qF -- "$1"; then
			check_width
			return 0
		fi
		sleep 0.05
	done
	fail "still on the screen: $1"
}

# Assert on the current screen (no waiting).
has() { screen | grep -qF -- "$1" || fail "not on the screen: $1"; }
lacks() { ! screen | grep -qF -- "$1" || fail "unexpectedly on the screen: $1"; }

# Wait for the program to end; check its status and that it wrote
# nothing unexpected to stderr.
wait_exit() {
	local i
	for i in $(seq 1 300); do
		[ -f "$TMPD/status" ] && break
		sleep 0.05
	done
	[ -f "$TMPD/status" ] || fail "the program did not end"
	local st
	st=$(cat "$TMPD/status")
	[ "$st" = "$1" ] || fail "exit status $st, expected $1"
	check_stderr
}

check_stderr() {
	if [ -s "$TMPD/stderr" ] &&
		grep -qE 'ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error|SUMMARY: ' "$TMPD/stderr"; then
		fail "sanitizer report"
	fi
}

# The translation of a C string (msgid) in language $1, from the
# catalogues the program reads; the msgid itself when there is none yet
# (the catalogues are being filled while these tests are written).
tr_msg() {
	LANGUAGE=$1 LANG=C.UTF-8 LC_ALL=C.UTF-8 TEXTDOMAINDIR="$BUILDDIR/po" \
		gettext -d klantreis -- "$2" 2>/dev/null || printf '%s' "$2"
}
# The same for a message with plural forms: tr_nmsg LANG SINGULAR PLURAL N.
tr_nmsg() {
	LANGUAGE=$1 LANG=C.UTF-8 LC_ALL=C.UTF-8 TEXTDOMAINDIR="$BUILDDIR/po" \
		ngettext -d klantreis -- "$2" "$3" "$4" 2>/dev/null || printf '%s' "$3"
}

# The row (1-based) of the first line showing TEXT.
row_of() { screen | grep -nF -- "$1" | head -n 1 | cut -d: -f1; }

# A left click at column $1, row $2 (1-based), as an xterm SGR report.
click() { raw "$(printf '\033[<0;%d;%dM' "$1" "$2")"; }
