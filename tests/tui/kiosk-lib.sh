# SPDX-License-Identifier: GPL-3.0-or-later
# Shared set-up of the kiosk tests (kiosk*.sh), on top of lib.sh:
#
#   . "$(dirname "$0")/kiosk-lib.sh"      (args: PROG SRCDIR BUILDDIR)
#   kiosk_start 80 24 --idle=2 --countdown=2    (env: TUI_TERM, TUI_ENV)
#   kiosk_pid; kiosk_stty_ok
#
# - The test's files, tmux's socket included, live under the build
#   directory, not in /tmp (kiosk-disk.sh watches /tmp).
# - Journeys: the fixtures, with links added to the step that adds the
#   plan's tasks (one whose `when` holds, one whose `when` does not).
# - kiosk.conf: pin.line (the hash of $KIOSK_PIN from
#   `klantreis --hash-pin`, and the count of wrong PINs in
#   $TMPD/run/pin-attempts, for /run/klantreis-kiosk) and a print command
#   that copies the plan into $TMPD/printed.
# - The program runs under a wrapper that writes its pid to $TMPD/pid
#   (it execs: the pid is the program's) and, after it ended, `stty -a`
#   of the terminal to $TMPD/stty. With KT_FILL=N (in TUI_ENV) the
#   wrapper first prints N lines, which scroll into tmux's history; with
#   KT_STRACE=FILE the program runs under strace -ff, its file calls
#   logged to FILE.PID; with KT_TTY_STDERR=1 its standard error is the
#   terminal (not $TMPD/stderr).
case $3 in
/*) export TMPDIR=$3 ;;
*) export TMPDIR=$PWD/$3 ;;
esac
. "$(dirname "$0")/lib.sh"
export TMUX_TMPDIR=$TMPD

KIOSK_PIN=246813
REAL_PROG=$PROG
# The settings hold the PIN hash: readable by its owner and group only
# (docs/kiosk.md), or the kiosk warns.
umask 027

mkdir "$TMPD/journeys"
cp "$FIXTURES"/*.xml "$TMPD/journeys/"
cat >"$TMPD/links.xml" <<'XML'
    <link href="https://www.idw.nl/">IDW</link>
    <link href="https://example.org/grades" when="education=higher">Grade list help</link>
    <link href="https://example.org/never" when="education=none">Never shown</link>
XML
sed -i '/<task id="collect-papers">/r '"$TMPD/links.xml" "$TMPD/journeys/diploma.xml"
grep -q 'example.org/grades' "$TMPD/journeys/diploma.xml" || fail "could not add links to the fixture"

printf '%s\n' "$KIOSK_PIN" | "$REAL_PROG" --hash-pin >"$TMPD/pin.line" 2>"$TMPD/stderr" ||
	fail "--hash-pin failed"
grep -q '^pin_hash = \$' "$TMPD/pin.line" || fail "--hash-pin printed no pin_hash line"
# Every settings file of the tests starts with pin.line, so the count of
# wrong PINs goes here in all of them, never to /run/klantreis-kiosk of
# the machine that runs the tests.
mkdir -m 700 "$TMPD/run"
echo "pin_attempts_file = $TMPD/run/pin-attempts" >>"$TMPD/pin.line"

cat >"$TMPD/print.sh" <<SH
#!/bin/sh
# A printer: the plan on standard input, into a file (whole, or not at all).
cat >"$TMPD/printed.part"
sleep 0.3
mv "$TMPD/printed.part" "$TMPD/printed"
SH
chmod 755 "$TMPD/print.sh"
case $TMPD in *' '*) fail "the build directory has a space: print_command cannot name it" ;; esac
{
	echo "# written by $TEST"
	cat "$TMPD/pin.line"
	echo "print_command = $TMPD/print.sh"
} >"$TMPD/kiosk.conf"
grep -v print_command "$TMPD/kiosk.conf" >"$TMPD/noprinter.conf"
{
	cat "$TMPD/pin.line"
	echo "print_command = /bin/false"
} >"$TMPD/badprinter.conf"

cat >"$TMPD/wrap.sh" <<SH
#!/bin/sh
[ -n "\${KT_FILL:-}" ] && seq 1 "\$KT_FILL"
# Standard error on the terminal, as on a real kiosk: the guide keeps it
# elsewhere while it runs (in memory, not in a file).
[ -n "\${KT_TTY_STDERR:-}" ] && exec 2>/dev/tty
if [ -n "\${KT_STRACE:-}" ]; then
	sh -c 'echo \$\$ >"\$0"; exec "\$@"' "$TMPD/pid" strace -ff -qq -o "\$KT_STRACE" \\
		-e trace=%file,truncate,ftruncate "$REAL_PROG" "\$@"
else
	sh -c 'echo \$\$ >"\$0"; exec "\$@"' "$TMPD/pid" "$REAL_PROG" "\$@"
fi
st=\$?
stty -a >"$TMPD/stty" 2>&1
exit \$st
SH
chmod 755 "$TMPD/wrap.sh"
PROG=$TMPD/wrap.sh

# Start the kiosk at W x H with the fixture journeys and ids shown; more
# arguments after those. KIOSK_CONF picks another configuration.
kiosk_start() {
	local w=$1 h=$2
	shift 2
	rm -f "$TMPD/pid" "$TMPD/stty" "$TMPD/printed"
	tui_start "$w" "$h" -- --journeys="$TMPD/journeys" --show-ids --kiosk \
		--kiosk-config="${KIOSK_CONF:-$TMPD/kiosk.conf}" "$@"
	local i
	for i in $(seq 1 300); do
		[ -s "$TMPD/pid" ] && break
		sleep 0.05
	done
	[ -s "$TMPD/pid" ] || fail "the kiosk did not start"
}

kiosk_pid() { cat "$TMPD/pid"; }

# After the end: the terminal is back in its normal (cooked) mode.
kiosk_stty_ok() {
	[ -s "$TMPD/stty" ] || fail "no stty -a after the end"
	grep -qE '(^|[ ;])icanon([ ;]|$)' "$TMPD/stty" || fail "terminal left without icanon: $(cat "$TMPD/stty")"
	grep -qE '(^|[ ;])echo([ ;]|$)' "$TMPD/stty" || fail "terminal left without echo: $(cat "$TMPD/stty")"
}

# The volunteer ends the kiosk: Ctrl-X, the right PIN, status 0, and the
# terminal back in its normal mode.
kiosk_end_with_pin() {
	key C-x
	wait_for "PIN: _"
	type_pin "$KIOSK_PIN"
	wait_exit 0
	kiosk_stty_ok
}

# Send a key, then make sure the program has read it: open help and
# close it again (neither changes the screen below).
key_synced() {
	key "$@"
	key '?'
	wait_for "Ctrl-X"
	key Escape
	wait_gone "Ctrl-X"
}

# Type a PIN (characters, one by one) and Enter.
type_pin() {
	local s=$1 i
	for ((i = 0; i < ${#s}; i++)); do
		key -l "${s:i:1}"
	done
	key Enter
}
