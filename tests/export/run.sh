#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Exports for trainers on the fixture journeys: mermaid, markdown and the
# path list are compared with expected files; dot must render with
# Graphviz. Pass "update" as the 4th argument to rewrite the expected files.
set -u
prog=$1 fixtures=$2 here=$3
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
run() { env -i PATH="$PATH" LC_ALL=C.UTF-8 HOME=/nonexistent "$prog" --journeys="$fixtures" "$@"; }
fail=0
for what in mermaid markdown paths; do
	case $what in
	paths) run --paths >"$tmp/$what" 2>&1 ;;
	*) run --export=$what >"$tmp/$what" 2>&1 ;;
	esac
	echo "[exit $?]" >>"$tmp/$what"
	if [ "${4:-}" = update ]; then cp "$tmp/$what" "$here/expected.$what"; continue; fi
	diff -u "$here/expected.$what" "$tmp/$what" || { echo "$what export differs"; fail=1; }
done
grep -q '^7 paths from klantreis:start' "$tmp/paths" || { echo "the fixture has 7 paths"; fail=1; }
# The booklet follows the hub's menu (a journey split where the menu points
# into it), with a table of contents, and says conditions in words.
order=$here/../fixtures/order
for what in order.markdown order.outline-dot order.paths; do
	case $what in
	order.markdown) run --journeys="$order" --export=markdown ;;
	order.outline-dot) run --journeys="$order" --export=dot ;;
	order.paths) run --journeys="$order" --paths --start=work: ;;
	esac >"$tmp/$what" 2>&1
	echo "[exit $?]" >>"$tmp/$what"
	if [ "${4:-}" = update ]; then cp "$tmp/$what" "$here/expected.$what"; continue; fi
	diff -u "$here/expected.$what" "$tmp/$what" || { echo "$what differs"; fail=1; }
done
# --start=JOURNEY: counts that part alone; its advice names a --start that
# works, and never "JOURNEY::".
run --paths --start=diploma: >"$tmp/dpaths" 2>&1
grep -q 'within the part diploma:' "$tmp/dpaths" || { echo "--paths --start=diploma: did not stay in the part"; cat "$tmp/dpaths"; fail=1; }
grep -q 'different action plans: 3' "$tmp/dpaths" || { echo "--paths: the distinct plans of diploma: are 3"; fail=1; }
grep -q '::' "$tmp/dpaths" && { echo "--paths printed '::'"; fail=1; }
shipped=$here/../../journeys
env -i PATH="$PATH" LC_ALL=C.UTF-8 HOME=/nonexistent "$prog" --journeys="$shipped" --paths >"$tmp/all" 2>&1
advice=$(sed -n 's/.*klantreis --paths --start=\([a-z-]*:\).*/\1/p' "$tmp/all")
[ -n "$advice" ] || { echo "--paths gave no advice"; tail -3 "$tmp/all"; fail=1; }
env -i PATH="$PATH" LC_ALL=C.UTF-8 HOME=/nonexistent "$prog" --journeys="$shipped" --paths --start="$advice" >"$tmp/adv" 2>&1
grep -q "within the part $advice" "$tmp/adv" || { echo "the advice --start=$advice does not list the part"; tail -3 "$tmp/adv"; fail=1; }
env -i PATH="$PATH" LC_ALL=C.UTF-8 HOME=/nonexistent "$prog" --journeys="$shipped" --paths --start=regulated: >"$tmp/reg" 2>&1
grep -q '^[0-9]* paths from regulated: within the part regulated:' "$tmp/reg" || { echo "--start=regulated: is not counted on its own"; tail -2 "$tmp/reg"; fail=1; }
# The shipped booklet: the klantreis order, translated fixed words.
env -i PATH="$PATH" LC_ALL=C.UTF-8 HOME=/nonexistent "$prog" --journeys="$shipped" --export=markdown >"$tmp/en.md"
toc=$(sed -n 's/^[0-9]*\. \[.*\](#part-[a-z-]*) (`\(.*\)`)$/\1/p' "$tmp/en.md" | tr '\n' ' ')
[ "$toc" = "klantreis: registration: work: language: diploma: regulated: work:find self-employment: abuse: future: " ] || { echo "booklet order: $toc"; fail=1; }
grep -q 'not profession=' "$tmp/en.md" && { echo "booklet shows conditions as code"; fail=1; }
grep -q '(shown when the answer to ' "$tmp/en.md" || { echo "booklet has no conditions in words"; fail=1; }
grep -q 'shown from 4.*March 2027' "$tmp/en.md" || { echo "booklet has no calendar term in words"; fail=1; }
env -i PATH="$PATH" LC_ALL=C.UTF-8 HOME=/nonexistent "$prog" --journeys="$shipped" --export=markdown --lang=nl >"$tmp/nl.md"
grep -q '(bekeken op [0-9]' "$tmp/nl.md" || { echo "markdown --lang=nl: source dates not in Dutch"; fail=1; }
grep -q '(zonder datum)' "$tmp/nl.md" || { echo "markdown --lang=nl: '(undated)' not translated"; fail=1; }
for w in '(undated)' ') (checked ' 'shown when' 'Contents'; do
	grep -qF "$w" "$tmp/nl.md" && { echo "markdown --lang=nl still says '$w'"; fail=1; }
done
# One journey's map, its step titles in the language asked for.
env -i PATH="$PATH" LC_ALL=C.UTF-8 HOME=/nonexistent "$prog" --journeys="$shipped" --export=dot --start=diploma: --lang=uk >"$tmp/d.dot"
grep -q 'Який ваш найвищий диплом' "$tmp/d.dot" || { echo "the diploma map is not in Ukrainian"; fail=1; }
grep -q '"regulated:' "$tmp/d.dot" && { echo "the diploma map draws another journey's steps"; fail=1; }
dot -Tpng "$tmp/d.dot" >"$tmp/d.png" 2>"$tmp/d.err" && [ ! -s "$tmp/d.err" ] || { echo "the diploma map does not render"; cat "$tmp/d.err"; fail=1; }
run --export=dot >"$tmp/g.dot" || { echo "--export=dot failed"; fail=1; }
dot -Tsvg "$tmp/g.dot" >"$tmp/g.svg" 2>"$tmp/dot.err" || { echo "dot could not render:"; cat "$tmp/dot.err"; fail=1; }
[ -s "$tmp/dot.err" ] && { echo "dot warned:"; cat "$tmp/dot.err"; fail=1; }
grep -q '<svg' "$tmp/g.svg" || { echo "no SVG from dot"; fail=1; }
# The overview: one box a part.
[ "$(grep -c '^  p[0-9]* \[label=' "$tmp/g.dot")" -eq 2 ] || { echo "the overview has not one box a part"; fail=1; }
# In another language the labels are translated (interface words at least).
run --export=markdown --lang=uk >"$tmp/uk.md" || fail=1
grep -q 'Sources:' "$tmp/uk.md" && { echo "markdown --lang=uk still says 'Sources:'"; fail=1; }
# The shipped journeys render too, and the path listing stops by itself.
env -i PATH="$PATH" LC_ALL=C.UTF-8 HOME=/nonexistent "$prog" --export=dot --journeys="$here/../../journeys" | dot -Tpng >"$tmp/ov.png" 2>"$tmp/dot2.err" || { echo "shipped graph does not render"; cat "$tmp/dot2.err"; fail=1; }
[ -s "$tmp/dot2.err" ] && { echo "dot warned on the overview:"; cat "$tmp/dot2.err"; fail=1; }
# Readable on one slide: landscape, not a long strip (width and height
# from the PNG header).
size=$(od -An -tu1 -j16 -N8 "$tmp/ov.png" | awk '{print ($1*16777216+$2*65536+$3*256+$4), ($5*16777216+$6*65536+$7*256+$8)}')
set -- $size
[ "$1" -le 2000 ] && [ "$2" -le 1200 ] && [ "$1" -ge "$2" ] || { echo "overview map is $1x$2: not one slide"; fail=1; }
[ $fail -eq 0 ] && echo "exports: ok"
exit $fail
