#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A catalogue that cannot be read, in a translator's folder
# (KLANTREIS_LOCALEDIR): the language picker names the language and says
# its texts stay in English, the guide goes on in English, and at a start
# in that language it says on standard error which file and why. A good
# catalogue in the same folder translates as before.
#
# usage: catalogue.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/lib.sh"

loc=$TMPD/locale
mkdir -p "$loc/uk/LC_MESSAGES" "$loc/ru/LC_MESSAGES"
printf 'not a catalogue, but long enough' >"$loc/uk/LC_MESSAGES/klantreis.mo"
cp "$BUILDDIR/po/ru/LC_MESSAGES/klantreis.mo" "$loc/ru/LC_MESSAGES/"
problem="the translation file on this computer cannot be read"

TUI_ENV="KLANTREIS_LOCALEDIR=$loc" tui_start 80 24 -- --journeys="$FIXTURES"
wait_for "Choose your language"
key Down Down
wait_for "Українська: $problem"
has "Choose your language" # still English
key Down
wait_for "$(tr_msg ru "Choose your language")"
lacks "$problem"
key Up
wait_for "Українська: $problem"
key Enter
wait_for "Welcome to the test guide"
lacks "$problem"
# The pop-up picker says it too, inside its box.
key L
wait_for "Українська: the translation file on"
key Escape
wait_gone "Українська: the translation"
key q
wait_for "[ Quit ]"
key y
wait_exit 0

# Started in that language: English, and the reason on standard error.
TUI_ENV="KLANTREIS_LOCALEDIR=$loc" tui_start 80 24 -- --journeys="$FIXTURES" --lang=uk
wait_for "Welcome to the test guide"
key q
wait_for "[ Quit ]"
key y
wait_exit 0
grep -qF "$loc/uk/LC_MESSAGES/klantreis.mo: not a gettext catalogue" "$TMPD/stderr" ||
	fail "no warning naming the catalogue on stderr: $(cat "$TMPD/stderr")"
grep -qF "the texts are shown in English" "$TMPD/stderr" || fail "the warning does not say English"
echo "ok: $TEST"
