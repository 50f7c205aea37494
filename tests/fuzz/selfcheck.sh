#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A fault must fail the fuzz smoke test: run fuzz_selfcheck over the seed
# that makes it fault, with the options the targets get, and want a
# failure with the sanitizer's report (not one for another reason).
#
# usage: selfcheck.sh EXE SEED-DIR EXPECTED-TEXT FUZZER-OPTIONS...
set -u
exe=$1 seeds=$2 want=$3
shift 3
case $exe in /*) ;; *) exe=$PWD/$exe ;; esac
work=$(mktemp -d "${TMPDIR:-/tmp}/klantreis-selfcheck.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1 # a crash writes crash-* into the working directory
"$exe" "$@" "$work" "$seeds" >"$work/log" 2>&1
st=$?
if [ "$st" -eq 0 ]; then
	echo "FAIL: the fault in $seeds passed (status 0)"
	tail -n 20 "$work/log"
	exit 1
fi
if ! grep -qF -- "$want" "$work/log"; then
	echo "FAIL: status $st, but no '$want' in the output"
	tail -n 40 "$work/log"
	exit 1
fi
echo "ok: status $st with '$want'"
