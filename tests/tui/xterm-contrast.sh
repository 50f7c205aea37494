#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The guide photographed in a real xterm (under Xvfb): the contrast of the
# pixels themselves, cell by cell, reaches 4.5:1 (WCAG 2) on xterm's light
# default (black on white) and dark one (-rv), in English and Ukrainian.
# The unit test test_contrast checks the style table against palettes;
# this one catches a style that the terminal draws otherwise than the
# table says (bold black drawn grey, a pair that is not what it seems).
# A missing Xvfb or xterm is a failure: scripts/setup.sh installs them.
#
# usage: xterm-contrast.sh PROG SRCDIR BUILDDIR CELLS
set -eu
abs() { case $1 in /*) printf '%s' "$1" ;; *) printf '%s/%s' "$PWD" "$1" ;; esac; }
PROG=$(abs "$1")
SRCDIR=$(abs "$2")
CELLS=$(abs "$4")
XT_DIR=$(mktemp -d "${TMPDIR:-/tmp}/klantreis-xterm.XXXXXX")
. "$SRCDIR/tests/tui/xterm-lib.sh"
trap 'xt_end; rm -rf "$XT_DIR"' EXIT
trap 'exit 1' INT TERM

xt_begin
fails=0
# The first step (a tip, the options, the footer's keys) and a step with a
# warning and a link, in both languages, on both backgrounds.
for shot in "en light klantreis:start" "uk dark klantreis:start" "en dark abuse:" "uk light abuse:"; do
	set -- $shot
	xt_start "$2" "" -- --journeys="$SRCDIR/journeys" --lang="$1" --start="$3" --no-save \
		--today=2026-12-05
	st=0
	xt_snap "$XT_DIR/shot.ppm" 4.5 || st=$?
	echo "== $1, $2 background, $3"
	cat "$XT_DIR/cells.out"
	if [ "$st" -ne 0 ]; then
		echo "FAIL: text below 4.5:1 ($1, $2, $3); the frame was:"
		cat "$XT_DIR/frame.txt"
		fails=$((fails + 1))
	fi
done
xt_end
[ "$fails" -eq 0 ] || exit 1
echo "ok: every text cell reaches 4.5:1"
