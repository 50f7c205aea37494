#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The plain interface under valgrind: no invalid access, no leak.
set -u
prog=$1 dir=$2
in=$(mktemp) || exit 1
log=$(mktemp) || exit 1
trap 'rm -f "$in" "$log"' EXIT
printf '1\n\n\n2\nl uk\nb\nl nl\n1\n\n\ns\ng\ng BSN\n?\np\nx\n1\n1\n1\n1\n1\n1\n\n\n\n' >"$in"
LC_ALL=C.UTF-8 valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	--log-file="$log" "$prog" --plain --no-save --lang=en --journeys="$dir" <"$in" >/dev/null
rc=$?
cat "$log"
[ $rc -eq 0 ] || { echo "valgrind: exit status $rc"; exit 1; }
echo "valgrind-plain: clean"
