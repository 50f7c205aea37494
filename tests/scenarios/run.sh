#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Run one acceptance scenario through the plain interface and check the
# last action plan it printed.
#   run.sh PROGRAM JOURNEYS_DIR SCENARIO   (SCENARIO = path without .in/.plan)
# SCENARIO.in: the lines a person types. SCENARIO.plan:
#   start: REF     start here instead of klantreis:start
#   today: DATE    run with --today=DATE (default 2026-12-05, so that a
#                  scenario does not change with the calendar)
#   first: TEXT    the plan's first task contains TEXT
#   + TEXT         some task contains TEXT
#   - TEXT         no task contains TEXT
#   before: A | B  task A comes before task B in the plan
#   shows: TEXT    some screen of the walk shows TEXT
#   hides: TEXT    no screen of the walk shows TEXT
set -u
prog=$1 dir=$2 scn=$3
name=$(basename "$scn")
start=$(sed -n 's/^start: *//p' "$scn.plan" | head -n 1)
today=$(sed -n 's/^today: *//p' "$scn.plan" | head -n 1)
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT
# Wide columns: a task is then one line, whatever its length.
COLUMNS=1000 LANGUAGE= LC_ALL=C.UTF-8 "$prog" --plain --no-save --lang=en --journeys="$dir" \
	--today="${today:-2026-12-05}" ${start:+--start="$start"} <"$scn.in" >"$out" 2>&1
rc=$?
# Amounts and dates keep together with no-break spaces ("4 March 2027",
# "14,71 €"); a scenario is typed with ordinary ones.
sed -i 's/\xc2\xa0/ /g' "$out"
if [ $rc -ne 0 ]; then
	echo "$name: exit status $rc"; cat "$out"; exit 1
fi
# The task lines of the last "== Your action plan ==" block.
plan=$(awk '
	/^== Your action plan ==$/ { n = 0; inplan = 1; next }
	inplan && /^  - / { sub(/^  - /, ""); tasks[++n] = $0; next }
	inplan { inplan = 0 }
	END { for (i = 1; i <= n; i++) print tasks[i] }' "$out")
if [ -z "$plan" ]; then
	echo "$name: no action plan was printed"; cat "$out"; exit 1
fi
fail=0
while IFS= read -r line; do
	case $line in
	"first: "*)
		want=${line#first: }
		first=$(printf '%s\n' "$plan" | head -n 1)
		case $first in *"$want"*) ;; *)
			echo "$name: the first task should contain \"$want\"; it is \"$first\""; fail=1 ;;
		esac ;;
	"+ "*)
		want=${line#+ }
		printf '%s\n' "$plan" | grep -qF -- "$want" ||
			{ echo "$name: no task contains \"$want\""; fail=1; } ;;
	"- "*)
		want=${line#- }
		if printf '%s\n' "$plan" | grep -qF -- "$want"; then
			echo "$name: a task contains \"$want\", which it must not"; fail=1
		fi ;;
	"before: "*)
		pair=${line#before: }
		a=${pair%% | *} b=${pair#* | }
		na=$(printf '%s\n' "$plan" | grep -nF -- "$a" | head -n 1 | cut -d: -f1)
		nb=$(printf '%s\n' "$plan" | grep -nF -- "$b" | head -n 1 | cut -d: -f1)
		if [ -z "$na" ] || [ -z "$nb" ] || [ "$na" -ge "$nb" ]; then
			echo "$name: \"$a\" (task ${na:-none}) should come before \"$b\" (task ${nb:-none})"; fail=1
		fi ;;
	"shows: "*)
		want=${line#shows: }
		grep -qF -- "$want" "$out" || { echo "$name: no screen shows \"$want\""; fail=1; } ;;
	"hides: "*)
		want=${line#hides: }
		if grep -qF -- "$want" "$out"; then
			echo "$name: a screen shows \"$want\", which it must not"; fail=1
		fi ;;
	"start: "* | "today: "* | "" | "#"*) ;;
	*) echo "$name: $scn.plan: line not understood: $line"; fail=1 ;;
	esac
done <"$scn.plan"
if [ $fail -ne 0 ]; then
	echo "--- the plan was:"; printf '%s\n' "$plan"
	exit 1
fi
echo "$name: ok ($(printf '%s\n' "$plan" | wc -l) tasks)"
