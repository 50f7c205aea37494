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
run --export=dot >"$tmp/g.dot" || { echo "--export=dot failed"; fail=1; }
dot -Tsvg "$tmp/g.dot" >"$tmp/g.svg" 2>"$tmp/dot.err" || { echo "dot could not render:"; cat "$tmp/dot.err"; fail=1; }
[ -s "$tmp/dot.err" ] && { echo "dot warned:"; cat "$tmp/dot.err"; fail=1; }
grep -q '<svg' "$tmp/g.svg" || { echo "no SVG from dot"; fail=1; }
# Every step is a node of the graph.
[ "$(grep -c '\[label=' "$tmp/g.dot")" -ge 6 ] || { echo "missing nodes in dot"; fail=1; }
# In another language the labels are translated (interface words at least).
run --export=markdown --lang=uk >"$tmp/uk.md" || fail=1
grep -q 'Sources:' "$tmp/uk.md" && { echo "markdown --lang=uk still says 'Sources:'"; fail=1; }
# The shipped journeys render too, and the path listing stops by itself.
env -i PATH="$PATH" LC_ALL=C.UTF-8 HOME=/nonexistent "$prog" --export=dot --journeys="$here/../../journeys" | dot -Tsvg >/dev/null 2>"$tmp/dot2.err" || { echo "shipped graph does not render"; cat "$tmp/dot2.err"; fail=1; }
[ $fail -eq 0 ] && echo "exports: ok"
exit $fail
