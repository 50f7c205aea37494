#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A plain-interface transcript: feed NAME.in, compare stdout+stderr and the
# exit status with NAME.out exactly.
#   run.sh PROGRAM JOURNEYS_DIR NAME [update]
# NAME.args (optional) holds extra arguments, one per line; NAME.env
# (optional) environment settings that replace the fixed ones, one per line
# ("COLUMNS=" leaves the width unset: a pipe, each paragraph one line).
set -u
prog=$1 dir=$2 t=$3
args=""
[ -f "$t.args" ] && args=$(cat "$t.args")
envs=""
[ -f "$t.env" ] && envs=$(cat "$t.env")
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT
# Fixed environment, like tig's UI tests: nothing of the caller leaks in,
# and a fixed day (the calendar switches texts; --today in NAME.args wins).
# shellcheck disable=SC2086
env -i PATH="$PATH" HOME=/nonexistent TZ=UTC LC_ALL=C.UTF-8 COLUMNS=80 TERM=dumb KLANTREIS_TODAY=2026-12-05 $envs \
	"$prog" --plain --no-save --journeys="$dir" $args <"$t.in" >"$out" 2>&1
echo "[exit $?]" >>"$out"
if [ "${4:-}" = update ]; then
	cp "$out" "$t.out"
	exit 0
fi
if ! diff -u "$t.out" "$out"; then
	echo "$(basename "$t"): the transcript differs (- expected, + got)"
	exit 1
fi
echo "$(basename "$t"): ok"
