#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The manual pages: "mandoc -T lint" finds no warning or error in any of
# them (style hints such as a cross-reference to a page that is not
# installed yet are not warnings), and every long option that
# "klantreis --help" lists is described in klantreis(1).
# Usage: man.sh PROGRAM MANDIR
set -u
prog=$1 mandir=$2
if ! command -v mandoc >/dev/null 2>&1; then
	echo "FAIL: mandoc is not installed (scripts/setup.sh installs it)"
	exit 1
fi
fail=0
for page in "$mandir"/*.[0-9]; do
	out=$(mandoc -T lint -W warning "$page" 2>&1)
	rc=$?
	if [ $rc -ne 0 ] || [ -n "$out" ]; then
		echo "FAIL: mandoc -T lint $page (status $rc):"
		printf '%s\n' "$out"
		fail=1
	else
		echo "ok: $page lints clean"
	fi
done

# The options as the program states them, against the page's source:
# an option is described when the page has it as ".Fl -NAME".
opts=$("$prog" --help | sed -n 's/^ *--\([a-z][a-z-]*\).*/\1/p' | sort -u)
[ -n "$opts" ] || { echo "FAIL: no options in '$prog --help'"; exit 1; }
for o in $opts; do
	if ! grep -q "^\.It Fl -$o\( \|$\)" "$mandir/klantreis.1"; then
		echo "FAIL: --$o (in --help) has no entry (.It Fl -$o) in klantreis.1"
		fail=1
	fi
done
[ $fail -eq 0 ] && echo "ok: all $(echo "$opts" | wc -l) options of --help are in klantreis.1"
exit $fail
