#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The guide served over SSH, for real (docs/server.md): a sshd of the
# test's own on a free high port, with a host key and a user key in a
# temporary directory, configured with the shipped snippet
# (server/klantreis.conf.in) for the account running the test and the
# shipped wrapper (server/klantreis-ssh.in) as its ForceCommand. Then,
# through `ssh -tt` in tmux (tests/tui/lib.sh), waiting for what is drawn:
#   - the guide opens and a path can be walked;
#   - `ssh HOST 'sh -c id'`, `ssh HOST /bin/sh` still open the guide;
#   - forwarding is refused: -W and -L (direct-tcpip), -R; ~C -R too;
#   - variables sent with SendEnv do not reach the guide;
#   - ssh -N (no session) is closed by the server;
#   - nothing is written in the served account's HOME or XDG_STATE_HOME;
#   - the session ends after the idle limit, with a line saying so.
# Without a terminal the wrapper gives the plain guide (ssh HOST <input).
#
# The test's sshd runs as the user running the test and serves only that
# user: UsePAM no and StrictModes no need no root. Where sshd cannot start
# this FAILS, saying why: scripts/setup.sh installs openssh-server.
#
# usage: ssh.sh KLANTREIS SRCDIR BUILDDIR [WRAPPER-OPTION]
# (--mem=0 in a sanitizer build: ASan cannot start under ulimit -v)
set -eu
case $1 in /*) KLANTREIS=$1 ;; *) KLANTREIS=$PWD/$1 ;; esac
WRAPPER_OPT=${4:-}
SSHD=/usr/sbin/sshd
for p in "$SSHD" ssh ssh-keygen tmux; do
	command -v "$p" >/dev/null 2>&1 || {
		echo "FAIL (ssh): $p not found: run scripts/setup.sh (it installs openssh-server, openssh-client and tmux)" >&2
		exit 1
	}
done
. "$(dirname "$0")/../tui/lib.sh" "$(command -v ssh)" "$2" "$3"
TEST=ssh

SSHD_PID=""
stop_sshd() {
	[ -n "$SSHD_PID" ] && kill "$SSHD_PID" 2>/dev/null && wait "$SSHD_PID" 2>/dev/null
	SSHD_PID=""
}
trap 'stop_sshd; cleanup' EXIT
sshd_fail() {
	echo "FAIL (ssh): $*" >&2
	[ -s "$TMPD/sshd.log" ] && { echo "--- sshd log:" >&2; tail -n 20 "$TMPD/sshd.log" >&2; }
	exit 1
}

# Failures say what sshd said.
eval "tui_$(declare -f fail)"
fail() {
	[ -s "$TMPD/sshd.log" ] && { echo "--- sshd log:" >&2; tail -n 20 "$TMPD/sshd.log" >&2; }
	grep -q "account is locked" "$TMPD/sshd.log" 2>/dev/null &&
		echo "(the account running the test, $USER_NAME, is locked: sshd serves no locked account; run the test as a user with a password or none)" >&2
	tui_fail "$@"
}

USER_NAME=$(id -un)
IDLE=20
GHOME=$TMPD/guide-home # the served account's HOME (sshd's SetEnv)
mkdir -p "$GHOME"
ssh-keygen -q -t ed25519 -N '' -C klantreis-test-host -f "$TMPD/host_key"
ssh-keygen -q -t ed25519 -N '' -C klantreis-test-user -f "$TMPD/user_key"
cp "$TMPD/user_key.pub" "$TMPD/authorized_keys"

# Run as root, sshd separates privileges and needs its empty directory
# (made by the system service at boot, which a container may not run).
if [ "$(id -u)" = 0 ] && [ ! -d /run/sshd ]; then
	mkdir -m 0755 /run/sshd || sshd_fail "cannot make /run/sshd (sshd's privilege separation directory)"
fi

# The shipped snippet, for this account, with the test's keys instead of
# the empty password (which needs PAM and root), the shipped wrapper with
# a short idle limit and the program under test, and a short timeout for
# connections without a session.
sed -e "s|^Match User guide|Match User $USER_NAME|" \
	-e "s|^\(\s*\)ForceCommand .*|\1ForceCommand sh $SRCDIR/server/klantreis-ssh.in --idle=$IDLE $WRAPPER_OPT --klantreis=$KLANTREIS -- --today=2026-12-05 --show-ids|" \
	-e 's|^\(\s*\)PubkeyAuthentication no|\1PubkeyAuthentication yes|' \
	-e '/PasswordAuthentication yes/d' -e '/PermitEmptyPasswords yes/d' \
	-e 's|UnusedConnectionTimeout .*|UnusedConnectionTimeout 5s|' \
	"$SRCDIR/server/klantreis.conf.in" >"$TMPD/klantreis.conf"
grep -q "ForceCommand sh $SRCDIR" "$TMPD/klantreis.conf" || sshd_fail "the snippet has no ForceCommand line"

start_sshd() {
	local try i
	for try in 1 2 3 4 5 6 7 8 9 10; do
		PORT=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
		cat >"$TMPD/sshd_config" <<-CFG
			Port $PORT
			ListenAddress 127.0.0.1
			HostKey $TMPD/host_key
			PidFile $TMPD/sshd.pid
			AuthorizedKeysFile $TMPD/authorized_keys
			UsePAM no
			StrictModes no
			PermitRootLogin prohibit-password
			PasswordAuthentication no
			KbdInteractiveAuthentication no
			AcceptEnv LANG LC_*
			LogLevel VERBOSE
			SetEnv HOME=$GHOME
			Include $TMPD/klantreis.conf
		CFG
		"$SSHD" -t -f "$TMPD/sshd_config" 2>"$TMPD/sshd.log" ||
			sshd_fail "sshd rejects the configuration (the snippet?)"
		"$SSHD" -D -e -f "$TMPD/sshd_config" 2>"$TMPD/sshd.log" &
		SSHD_PID=$!
		for i in $(seq 1 300); do
			grep -q "Server listening on" "$TMPD/sshd.log" && return 0
			kill -0 "$SSHD_PID" 2>/dev/null || break
			sleep 0.05
		done
		stop_sshd
		grep -qiE "bind|address already in use" "$TMPD/sshd.log" || break
	done
	sshd_fail "sshd did not start (as $USER_NAME); install openssh-server (scripts/setup.sh)"
}
start_sshd

SSH_OPTS=(-F /dev/null -i "$TMPD/user_key" -o IdentitiesOnly=yes -o BatchMode=yes
	-o UserKnownHostsFile="$TMPD/known_hosts" -o StrictHostKeyChecking=no
	-o LogLevel=ERROR -o ConnectTimeout=30 -p "$PORT" -l "$USER_NAME")
HOST=127.0.0.1
# ssh without a terminal, ended after SECONDS if still running.
sshx() { timeout "$@"; }

touch "$TMPD/before"
# Everything the wrapper should refuse or ignore, sent to a fresh session
# each time; the guide's language picker must come up.
picker() { wait_for "Українська"; has "English"; lacks "uid="; lacks "$USER_NAME"; }

# 1. The guide, and a path through it.
tui_start 80 24 -- -tt "${SSH_OPTS[@]}" "$HOST"
picker
key Enter
wait_for "[klantreis:"
first=$(screen | grep -o '\[klantreis:[a-z0-9-]*\]' | head -n 1)
key 1
for i in $(seq 1 300); do
	screen | grep -qF -- "$first" || break
	sleep 0.05
done
screen | grep -qF -- "$first" && fail "no step after 1 on $first"
key Escape
key q
for i in $(seq 1 300); do alive || break; sleep 0.05; done
alive && { key y; for i in $(seq 1 300); do alive || break; sleep 0.05; done; }
alive && fail "the guide did not end with q"

# 2. A command, a shell, variables sent along: the guide all the same.
tui_start 80 24 -- -tt "${SSH_OPTS[@]}" "$HOST" 'sh -c id'
picker
key C-c
tui_start 80 24 -- -tt "${SSH_OPTS[@]}" "$HOST" /bin/sh -i
picker
TUI_ENV="LD_PRELOAD=/nonexistent/klantreis-test.so BASH_ENV=$TMPD/bashenv XDG_STATE_HOME=$TMPD/state-sent" \
	tui_start 80 24 -- -tt -o SendEnv=LD_PRELOAD -o SendEnv=BASH_ENV -o SendEnv=XDG_STATE_HOME \
	"${SSH_OPTS[@]}" "$HOST"
picker
lacks "LD_PRELOAD"
lacks "ld.so"
[ ! -e "$TMPD/state-sent" ] || fail "XDG_STATE_HOME sent with SendEnv was used"

# 3. Forwarding: -W and -L (direct-tcpip), -R, and ~C -R while the
# guide runs.
out=$(sshx 30 ssh "${SSH_OPTS[@]}" -W "127.0.0.1:$PORT" "$HOST" </dev/null 2>&1) || true
case $out in *SSH-2.0*) fail "ssh -W reached the server's port: $out" ;; esac
grep -q "refused local port forward\|open failed\|administratively prohibited" "$TMPD/sshd.log" ||
	case $out in *"administratively prohibited"* | *"open failed"*) ;;
	*) fail "ssh -W: no refusal seen: $out" ;; esac
LPORT=$((PORT + 1))
sshx 30 ssh "${SSH_OPTS[@]}" -N -L "$LPORT:127.0.0.1:$PORT" "$HOST" </dev/null 2>"$TMPD/L.err" &
LPID=$!
got=""
for i in $(seq 1 200); do
	if got=$(timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$LPORT; timeout 3 head -c 7 <&3" 2>/dev/null); then
		break
	fi
	sleep 0.05
done
kill "$LPID" 2>/dev/null || true
wait "$LPID" 2>/dev/null || true
[ "$got" != "SSH-2.0" ] || fail "ssh -L forwarded a connection to the server's port"
if sshx 30 ssh "${SSH_OPTS[@]}" -N -o ExitOnForwardFailure=yes -R "0:127.0.0.1:$PORT" "$HOST" \
	</dev/null >"$TMPD/R.out" 2>&1; then
	fail "ssh -R was accepted: $(cat "$TMPD/R.out")"
fi
grep -qi "forwarding failed\|administratively prohibited\|refused" "$TMPD/R.out" ||
	fail "ssh -R: no refusal seen: $(cat "$TMPD/R.out")"

tui_start 80 24 -- -tt -o EnableEscapeCommandline=yes -o LogLevel=INFO "${SSH_OPTS[@]}" "$HOST"
picker
key Enter
wait_for "[klantreis:"
raw $'\r~C'
wait_for "ssh>"
RPORT=$((PORT + 2))
raw " -R $RPORT:127.0.0.1:$PORT" # (leading space: not a tmux flag)
key Enter
# The server reads the connection in order: once a later key has been
# answered, it has answered the forwarding request too.
grep -q "Forwarding port" "$TMPD/stderr" 2>/dev/null || {
	for i in $(seq 1 100); do grep -q "Forwarding port" "$TMPD/stderr" && break; sleep 0.05; done
}
grep -q "Forwarding port" "$TMPD/stderr" || fail "~C took no -R"
before=$(screen)
key Down
for i in $(seq 1 300); do [ "$(screen)" != "$before" ] && break; sleep 0.05; done
[ "$(screen)" != "$before" ] || fail "the guide did not answer Down after ~C"
if timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$RPORT" 2>/dev/null; then
	fail "~C -R opened port $RPORT on the server"
fi
key C-c

# 4. ssh -N (no session at all): the server closes it.
start=$(date +%s)
if ! sshx 60 ssh "${SSH_OPTS[@]}" -N "$HOST" </dev/null >/dev/null 2>&1; then
	[ $(($(date +%s) - start)) -lt 55 ] || fail "ssh -N was not closed by the server within a minute"
fi

# 5. Idle: a session without a key ends after the limit, saying so.
tui_start 80 24 -- -tt "${SSH_OPTS[@]}" "$HOST"
picker
key Enter
wait_for "[klantreis:"
for i in $(seq 1 $((IDLE * 40 + 1200))); do # the limit, 8 s of tty-time steps, a slow poll
	alive || break
	sleep 0.05
done
alive && fail "the session was still open $((IDLE + 60)) s after the last key (idle limit $IDLE s)"
scrollback | grep -q "closed after $IDLE seconds without a key" ||
	{ scrollback >&2; fail "no line saying why the session ended"; }

# 6. Without a terminal: the plain guide, and still no shell.
out=$(printf '1\nq\n' | sshx 60 ssh "${SSH_OPTS[@]}" "$HOST" 'cat /etc/passwd' 2>&1) || true
case $out in *root:x:0:0:*) fail "a command ran: $out" ;; esac
case $out in *"[klantreis:start]"*) ;; *) fail "no plain guide without a terminal: $out" ;; esac

# 7. Nothing written for the visitors.
found=$(find "$GHOME" -mindepth 1 -print -quit)
[ -z "$found" ] || fail "a session wrote into the served account's HOME: $found"
grep -q "forced-command (config)" "$TMPD/sshd.log" || sshd_fail "no forced command in the sshd log"
echo "ssh: PASS (port $PORT, as $USER_NAME)"
