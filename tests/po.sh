#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# msgfmt --check on every catalogue in LINGUAS, and none may have fuzzy or
# untranslated messages. With the source root as well: every string the
# sources mark for translation today (xgettext, as the klantreis-pot
# target runs it) is translated in every catalogue, so that a new string
# cannot reach a person in English because the catalogues were not
# updated.
#   po.sh PO_DIR [SOURCE_ROOT]
set -u
po=$1 src=${2:-}
fail=0
if [ -n "$src" ]; then
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/klantreis-po-XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	if ! (cd "$src" && GETTEXTDATADIRS="$src/po" xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 \
		--add-comments=TRANSLATORS: --package-name=klantreis -D "$src" -f po/POTFILES -o "$tmp/now.pot"); then
		echo "xgettext failed on the sources"
		fail=1
	fi
fi
for l in $(cat "$po/LINGUAS"); do
	stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po/$l.po" 2>&1) || {
		echo "$l.po: msgfmt --check failed:"; echo "$stats"; fail=1; continue; }
	echo "$l.po: $stats"
	case $stats in
	*fuzzy* | *untranslated*) echo "$l.po: not complete"; fail=1 ;;
	esac
	grep -q '^"Plural-Forms: nplurals=' "$po/$l.po" || { echo "$l.po: no Plural-Forms"; fail=1; }
	if [ -n "$src" ] && [ -f "$tmp/now.pot" ] && ! msgcmp "$po/$l.po" "$tmp/now.pot" 2>"$tmp/cmp"; then
		echo "$l.po: strings of the sources missing or untranslated (meson compile -C BUILD klantreis-pot klantreis-update-po, then translate them):"
		grep -v '^msgcmp: found' "$tmp/cmp" | head -n 10
		fail=1
	fi
done
exit $fail
