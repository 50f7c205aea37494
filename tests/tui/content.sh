#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The shipped journeys through the TUI: the hub's first step in
# Українська, then in Nederlands after a switch, each time with the
# title and the first option as the catalogues translate them (read at
# test time, so that a reworded translation does not break the test).
#
# usage: content.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/lib.sh"

JOURNEYS=$SRCDIR/journeys
command -v xmllint >/dev/null 2>&1 || fail "no xmllint: run scripts/setup.sh"
"$PROG" --check --journeys="$JOURNEYS" >"$TMPD/check" 2>&1 ||
	fail "the shipped journeys have errors (see klantreis --check)"

# A journey text as the program shows it in language $1: the msgid is
# built the way xgettext builds it (whitespace runs collapsed, ends
# trimmed, & < > escaped), translated, and unescaped for display.
xml_text() {
	xmllint --xpath "string($2)" "$JOURNEYS/klantreis.xml" |
		tr -s ' \t\n' '   ' | sed 's/^ //; s/ $//'
}
shown() {
	local id
	id=$(printf '%s' "$2" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g')
	tr_msg "$1" "$id" | sed 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&apos;/'"'"'/g; s/&amp;/\&/g'
}

title=$(xml_text x '/journey/step[@id="start"]/title')
option=$(xml_text x '/journey/step[@id="start"]/ask/option[1]')
[ -n "$title" ] && [ -n "$option" ] || fail "no start step title or option in klantreis.xml"

tui_start 100 30 -- --journeys="$JOURNEYS" --show-ids --lang=uk
wait_for "[klantreis:start]"
wait_for_flat "$(shown uk "$title")"
wait_for_flat "1. $(shown uk "$option")"
has "> 1."

key l
wait_for "> 3. Українська"
key 2
wait_gone "Українська"
wait_for "[klantreis:start]"
wait_for_flat "$(shown nl "$title")"
wait_for_flat "1. $(shown nl "$option")"

key q
wait_for_flat "[ $(tr_msg nl 'Quit') ]"
key y
wait_exit 0
echo "ok: $TEST"
