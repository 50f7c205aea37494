#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One step on each terminal type we promise (xterm-256color, linux,
# screen, tmux-256color, vt100), with colour and with NO_COLOR: the
# picker, a step with a warning, the options, a pop-up with a frame, quit.
# With NO_COLOR set no colour reaches the screen, and the warning and the
# selection still stand out (their "! " bar and "> " marker).
#
# usage: terms.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/lib.sh"

# capture-pane -e shows the attributes as SGR sequences; colours are
# 30-37/40-47, 90-107 and 38;/48; ones.
colours() {
	$TM capture-pane -e -p -t kt | grep -cE $'\033\\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38|48)(;[0-9;]*)?m' || true
}

for term in xterm-256color linux screen tmux-256color vt100; do
	for nc in "" 1; do
		TUI_TERM=$term TUI_ENV=${nc:+NO_COLOR=$nc}
		tui_start 80 24 -- --journeys="$FIXTURES" --show-ids
		wait_for "> 1. English"
		key Enter
		wait_for "[klantreis:start]"
		key 1
		wait_for "[diploma:intro]"
		has "! Warning: A valuation is not a licence"
		has "> 1. Yes, from a university"
		n=$(colours)
		if [ -n "$nc" ] || [ "$term" = vt100 ]; then
			[ "$n" -eq 0 ] || fail "TERM=$term NO_COLOR=$nc: $n lines with colour"
		elif [ "$term" != vt100 ]; then
			[ "$n" -gt 0 ] || fail "TERM=$term: no colour at all"
		fi
		# The selection is shown by reverse video (or colour) too.
		$TM capture-pane -e -p -t kt | grep -F '> 1. Yes' | grep -qE $'\033\\[' ||
			fail "TERM=$term NO_COLOR=$nc: the selected option has no highlight"
		key S
		wait_for "https://www.idw.nl/"
		has "┐"
		key Escape
		wait_gone "┐"
		key Down
		wait_for "> 2. No"
		key q
		wait_for "[ Quit ]"
		key Right
		key Enter
		wait_exit 0
		echo "ok: TERM=$term${nc:+ NO_COLOR=$nc}"
	done
done
