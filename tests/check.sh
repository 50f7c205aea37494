#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The shipped journeys check clean: no error, no warning, every language
# complete; and the journeys match the RELAX NG schema.
set -u
prog=$1 src=$2
out=$("$prog" --check --journeys="$src/journeys" 2>&1)
rc=$?
printf '%s\n' "$out"
[ $rc -eq 0 ] || { echo "--check exited $rc"; exit 1; }
printf '%s\n' "$out" | grep -q ': 0 errors, 0 warnings$' || { echo "warnings in the shipped journeys"; exit 1; }
if printf '%s\n' "$out" | grep -E '^[a-z]+: [0-9]+/[0-9]+ strings' | grep -qv '(100%)'; then
	echo "a language is not complete"; exit 1
fi
for f in "$src"/journeys/*.xml; do
	xmllint --noout --relaxng "$src/journeys/journey.rng" "$f" || exit 1
done
echo "check-shipped: ok"
