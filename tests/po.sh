#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# msgfmt --check on every catalogue in LINGUAS, and none may have fuzzy or
# untranslated messages.
set -u
po=$1
fail=0
for l in $(cat "$po/LINGUAS"); do
	stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po/$l.po" 2>&1) || {
		echo "$l.po: msgfmt --check failed:"; echo "$stats"; fail=1; continue; }
	echo "$l.po: $stats"
	case $stats in
	*fuzzy* | *untranslated*) echo "$l.po: not complete"; fail=1 ;;
	esac
	grep -q '^"Plural-Forms: nplurals=' "$po/$l.po" || { echo "$l.po: no Plural-Forms"; fail=1; }
done
exit $fail
