#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every ask step of the shipped journeys at 80x24, in English and in
# Українська: the question (its last line) and the first option are on
# the screen together, without scrolling (issue 14: "Do you already have
# an IND sticker or card?" sat below the fold while "Yes / Not yet"
# showed). What to expect is read from the plain interface at the same
# width: its question is the last text before the options; a step whose
# text asks nothing asks in its title.
#
# usage: questions.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/lib.sh"

JOURNEYS=$SRCDIR/journeys
steps=$(for f in "$JOURNEYS"/*.xml; do
	j=$(sed -n 's/.*<journey id="\([^"]*\)".*/\1/p' "$f" | head -n 1)
	[ -n "$j" ] || continue
	# Only steps that ask: the line after an <ask> closes it.
	awk -v j="$j" '/<step id="/ { match($0, /id="[^"]*"/); id = substr($0, RSTART + 4, RLENGTH - 5) }
		/<ask[ >]/ { print j ":" id }' "$f"
done)
[ "$(printf '%s\n' "$steps" | wc -l)" -gt 30 ] || fail "too few ask steps found: $steps"

checked=0
for lang in en uk; do
	for ref in $steps; do
		env -i PATH="$PATH" HOME=/nonexistent LC_ALL=C.UTF-8 COLUMNS=78 TERM=dumb \
			KLANTREIS_TODAY=2026-02-01 "$PROG" --plain --no-save --show-ids --lang=$lang \
			--journeys="$JOURNEYS" --start="$ref" </dev/null >"$TMPD/plain" 2>&1 || true
		grep -qF "[$ref]" "$TMPD/plain" || fail "--start=$ref did not show $ref (plain)"
		# The first option's first line, and the last text line above it.
		opt=$(grep -m 1 '^  1) ' "$TMPD/plain" | sed 's/^  1) //' | cut -c 1-30)
		last=$(awk '/^  1\) /{ print prev; exit } NF { prev = $0 }' "$TMPD/plain")
		case $last in
		*'?') ask=$last ;;
		*) ask=$(sed -n 's/^== \(.*\) == \[.*/\1/p' "$TMPD/plain" | head -n 1 | cut -c 1-30) ;;
		esac
		[ -n "$opt" ] && [ -n "$ask" ] || fail "$ref ($lang): no option or question in the plain screen"
		# A server of its own for each step: a new session on a socket
		# whose server is still going away fails ("server exited
		# unexpectedly").
		$TM kill-server >/dev/null 2>&1 || true
		SOCK="klantreis-$TEST-$$-$checked-$lang"
		TM="tmux -L $SOCK -f /dev/null"
		tui_start 80 24 -- --journeys="$JOURNEYS" --lang=$lang --no-save --start="$ref"
		wait_for "1. $opt"
		has "$ask"
		checked=$((checked + 1))
	done
done
echo "ok: $checked ask steps show their question with their options at 80x24"
