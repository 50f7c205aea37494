#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The shipped journeys check without errors on every day that matters:
# the real today, the review day, the day after temporary protection
# ends, and years later (a date passing never fails the build: the guide
# degrades and --check warns). On the review day every warning is one
# the reviewers know of (tests/check-warnings.allow), every language is
# complete, and the journeys match the RELAX NG schema.
set -u
prog=$1 src=$2
fail=0
for day in now 2026-12-05 2027-03-05 2027-06-01 2030-01-01; do
	if [ "$day" = now ]; then
		out=$(env -u KLANTREIS_TODAY "$prog" --check --journeys="$src/journeys" 2>&1)
	else
		out=$("$prog" --check --journeys="$src/journeys" --today="$day" 2>&1)
	fi
	rc=$?
	echo "== --check on $day: $(printf '%s\n' "$out" | grep '^klantreis: ')"
	if [ $rc -ne 0 ]; then
		printf '%s\n' "$out" | grep ': error: '
		echo "--check on $day exited $rc"
		fail=1
	fi
	[ "$day" = 2026-12-05 ] || continue
	printf '%s\n' "$out"
	unexpected=$(printf '%s\n' "$out" | grep ': warning: ' | grep -vFf "$src/tests/check-warnings.allow")
	if [ -n "$unexpected" ]; then
		printf 'unexpected warnings:\n%s\n' "$unexpected"
		fail=1
	fi
	if printf '%s\n' "$out" | grep -E '^[a-z]+: [0-9]+/[0-9]+ strings' | grep -qv '(100%)'; then
		echo "a language is not complete"
		fail=1
	fi
done
for f in "$src"/journeys/*.xml; do
	xmllint --noout --relaxng "$src/journeys/journey.rng" "$f" || fail=1
done
[ $fail -eq 0 ] && echo "check-shipped: ok"
exit $fail
