#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# No figure of the shipped content is written into a sentence: amounts,
# dates, years, phone numbers and durations live in journeys/facts.xml
# and texts name them as {FACT-ID} (DESIGN 3.1), so that a new minimum
# wage is one <value> line and no translation goes fuzzy. Reads the msgids
# of po/klantreis.pot that come from journeys/*.xml and fails on each one
# with such a figure. Not figures: language levels (B1, 3F), ages that
# name a group, "24/7" (the patterns below do not match them).
#   figures.sh POT
set -u
pot=$1
[ -f "$pot" ] || { echo "figures: no $pot"; exit 1; }
msgids=$(awk '
	/^#: / { fromjourney = ($0 ~ /journeys\//) }
	/^msgid "/ { inid = 1; id = substr($0, 8, length($0) - 8); next }
	inid && /^"/ { id = id substr($0, 2, length($0) - 2); next }
	inid { if (fromjourney && id != "") print id; inid = 0; fromjourney = 0 }' "$pot")
[ -n "$msgids" ] || { echo "figures: no journey msgids in $pot"; exit 1; }
bad=$(printf '%s\n' "$msgids" | grep -nE \
	-e '€ ?[0-9]|[0-9] ?€|[0-9] euro' \
	-e '(^|[^0-9{a-z-])(19|20)[0-9]{2}([^0-9a-z-]|$)' \
	-e '(^|[^0-9])0[0-9]{2,3}[ -]?[0-9]{2,}|\+31' \
	-e '(^|[^0-9/{-])[0-9]+ (working )?(hours?|days?|weeks?|months?|years?)([^a-z]|$)')
if [ -n "$bad" ]; then
	echo "figures written into journey texts (use a fact from journeys/facts.xml):"
	printf '%s\n' "$bad"
	exit 1
fi
echo "figures: ok ($(printf '%s\n' "$msgids" | wc -l) journey texts, no figure outside facts.xml)"
