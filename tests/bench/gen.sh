#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Generate a journey set of N steps in DIR (100 steps a journey file), that
# checks clean: every step reachable, an end reachable from each, a shared
# variable with conditions, unique task ids.
#   gen.sh N DIR
set -eu
n=$1 dir=$2
mkdir -p "$dir"
rm -f "$dir"/*.xml
awk -v n="$n" -v dir="$dir" 'BEGIN {
	per = 100
	files = int((n + per - 1) / per)
	src = "<source href=\"https://example.org/s\" date=\"2026-01-01\">Source</source>"
	hub = dir "/klantreis.xml"
	print "<journey id=\"klantreis\" start=\"start\" reviewed=\"2026-11-01\"><title>Hub</title>" > hub
	print "<step id=\"start\"><title>Start</title><ask var=\"level\">" > hub
	print "<option value=\"a\" goto=\"j0:\">A</option><option value=\"b\" goto=\"j0:\">B</option></ask>" src "</step>" > hub
	print "<step id=\"done\" end=\"yes\"><title>Done</title><task id=\"hub-done\">Finish</task>" src "</step></journey>" > hub
	close(hub)
	left = n - 2
	for (f = 0; f < files && left > 0; f++) {
		file = sprintf("%s/j%d.xml", dir, f)
		k = left < per ? left : per
		left -= k
		next_j = (f + 1 < files && left > 0) ? sprintf("j%d:", f + 1) : "klantreis:done"
		printf "<journey id=\"j%d\" start=\"s0\" reviewed=\"2026-11-01\">\n<title>Journey %d</title>\n", f, f > file
		for (i = 0; i < k; i++) {
			nxt = (i + 1 < k) ? sprintf("s%d", i + 1) : next_j
			printf "<step id=\"s%d\">\n  <title>Step %d of journey %d</title>\n", i, i, f > file
			printf "  <p>This is a paragraph of ordinary length that explains what to do next, in plain words.</p>\n" > file
			printf "  <p kind=\"warning\" when=\"level=b\">Only for level b: a warning about step %d.</p>\n", i > file
			printf "  <task id=\"t-%d-%d\">Do task %d of journey %d</task>\n", f, i, i, f > file
			printf "  <ask><option goto=\"%s\">Go on</option><option when=\"level=a\" goto=\"%s\">Skip ahead</option></ask>\n", nxt, nxt > file
			printf "  %s\n</step>\n", src > file
		}
		print "</journey>" > file
		close(file)
	}
}'
