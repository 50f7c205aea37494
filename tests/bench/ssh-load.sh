#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Load benchmark (not part of the test suite; figures in docs/performance.md):
# N concurrent sessions of the full-screen guide, each walking a scripted
# path (tests/bench/ssh-drive.py), once through SSH (a private sshd on a
# high port with the shipped snippet and wrapper, as tests/server/ssh.sh)
# and once without (the same wrapper on a local pseudo-terminal). Reports
# per N and mode: time to the first screen and per step (p50, p95, max),
# the peak total PSS of the guide processes and of the sshd processes,
# and the CPU seconds of the guides, of sshd and of the clients.
#   tests/bench/ssh-load.sh [BUILD_DIR [N...]]     (default: build 50 100 200)
# Environment: THINK (seconds between keys, mean; default 1), MODES
# (default "ssh direct"), KEEP (a directory for the raw JSON).
set -eu
cd "$(dirname "$0")/../.."
SRC=$PWD
build=${1:-build}
shift || true
counts=${*:-50 100 200}
THINK=${THINK:-1}
prog=$(realpath "$build/src/klantreis")
for p in /usr/sbin/sshd ssh ssh-keygen python3; do
	command -v "$p" >/dev/null || { echo "needs $p (scripts/setup.sh)"; exit 2; }
done
T=$(mktemp -d "${TMPDIR:-/tmp}/klantreis-ssh-load.XXXXXX")
SSHD_PID=""
trap '[ -n "$SSHD_PID" ] && kill "$SSHD_PID" 2>/dev/null; rm -rf "$T"' EXIT
# A name of its own, so the driver finds these guides and no others.
ln -s "$prog" "$T/klantreis-bench"
mkdir -p "$T/home"
ssh-keygen -q -t ed25519 -N '' -f "$T/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$T/user_key"
cp "$T/user_key.pub" "$T/authorized_keys"
[ "$(id -u)" != 0 ] || [ -d /run/sshd ] || mkdir -m 0755 /run/sshd
user=$(id -un)
wrapper=(sh "$SRC/server/klantreis-ssh.in" --idle=900 --klantreis="$T/klantreis-bench" -- --today=2026-12-05 --show-ids)
sed -e "s|^Match User guide|Match User $user|" \
	-e "s|^\(\s*\)ForceCommand .*|\1ForceCommand ${wrapper[*]}|" \
	-e 's|^\(\s*\)PubkeyAuthentication no|\1PubkeyAuthentication yes|' \
	-e '/PasswordAuthentication yes/d' -e '/PermitEmptyPasswords yes/d' \
	"$SRC/server/klantreis.conf.in" >"$T/klantreis.conf"
PORT=$((30000 + RANDOM % 20000))
cat >"$T/sshd_config" <<CFG
Port $PORT
ListenAddress 127.0.0.1
HostKey $T/host_key
PidFile $T/sshd.pid
AuthorizedKeysFile $T/authorized_keys
UsePAM no
StrictModes no
PasswordAuthentication no
MaxStartups 400:30:500
LogLevel ERROR
SetEnv HOME=$T/home
Include $T/klantreis.conf
CFG
/usr/sbin/sshd -D -e -f "$T/sshd_config" 2>"$T/sshd.log" &
SSHD_PID=$!
for i in $(seq 1 100); do
	ssh -F /dev/null -i "$T/user_key" -o BatchMode=yes -o StrictHostKeyChecking=no \
		-o UserKnownHostsFile="$T/known_hosts" -o LogLevel=ERROR -p "$PORT" "$user@127.0.0.1" plain </dev/null >/dev/null 2>&1 && break
	sleep 0.1
done
ssh_cmd=(ssh -F /dev/null -i "$T/user_key" -o IdentitiesOnly=yes -o BatchMode=yes
	-o StrictHostKeyChecking=no -o UserKnownHostsFile="$T/known_hosts" -o LogLevel=ERROR
	-o ConnectTimeout=120 -p "$PORT" -tt "$user@127.0.0.1")

summary() { # JSON on stdin -> one line of the table
	python3 -c '
import json, sys
d = json.load(sys.stdin)
def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))] * 1000 if v else float("nan")
s, st, pss = d["steps"], d["starts"], d["pss"]
print("%-6s %4d %7.0f %7.0f %7.0f %7.0f %7.0f %7.0f %5d %8.1f %6.1f %8.1f %7.1f %7.1f %7.1f %6.0f" % (
    sys.argv[1], d["n"], pct(st, 50), pct(st, 95), pct(s, 50), pct(s, 95), pct(s, 100),
    len(s), len(d["failed"]), pss["klantreis"] / 1024, pss["klantreis"] / max(1, pss["count_k"]) / 1024 * 1024,
    pss["sshd"] / 1024, d["cpu_klantreis"], d["cpu_sshd"], d["cpu_children"], d["wall"]))
for f in d["failed"][:5]:
    print("   failed:", f)
' "$1"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(awk '/MemTotal/ {print int($2/1024) " MiB"}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg), think ${THINK}s"
printf '%-6s %4s %7s %7s %7s %7s %7s %7s %5s %8s %6s %8s %7s %7s %7s %6s\n' mode N \
	start50 start95 step50 step95 stepmax steps fail PSS_MiB kB/ses sshd_MiB cpu_kr cpu_sshd cpu_cli wall_s
echo "#      (times in ms; PSS peak totals; CPU in seconds)"
for n in $counts; do
	for mode in ${MODES:-ssh direct}; do
		if [ "$mode" = ssh ]; then
			SSHD_PID=$SSHD_PID python3 "$SRC/tests/bench/ssh-drive.py" "$n" "$THINK" "${ssh_cmd[@]}" >"$T/ssh-$n.json"
		else
			python3 "$SRC/tests/bench/ssh-drive.py" "$n" "$THINK" "${wrapper[@]}" >"$T/direct-$n.json"
		fi
		summary "$mode" <"$T/$mode-$n.json"
	done
	[ -z "${KEEP:-}" ] || cp "$T"/*-"$n".json "$KEEP"/
done
[ ! -s "$T/sshd.log" ] || { echo "# sshd said:"; sort "$T/sshd.log" | uniq -c | sort -rn | head -n 5; }
