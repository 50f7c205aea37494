#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Kiosk mode forgets a person: after --idle seconds "Are you still
# there?" counts down --countdown seconds (in the language on the
# screen); any key continues where they were. When it runs out, and on F
# (after one question) or X / F12 (at once), the step, the answers, the
# ticks and the language are gone, the terminal's scrollback is cleared,
# and the language picker is back (also after --lang).
#
# usage: kiosk-idle.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/kiosk-lib.sh"

STILL=$(tr_msg en 'Are you still there?')
PICK=$(tr_msg en 'Choose your language')
history_size() { $TM display-message -p -t kt '#{history_size}'; }

# 100 lines before the kiosk starts go into tmux's history (scrollback).
TUI_ENV=KT_FILL=100 kiosk_start 80 24 --idle=2 --countdown=2
wait_for "> 1. English"
[ "$(history_size)" -gt 0 ] || fail "no scrollback to clear in this test"
# Nothing to clear yet: no countdown on the untouched picker.
sleep 2.5
lacks "$STILL"

# A person: Українська, a step, a tick in the plan.
key 3
wait_for "[klantreis:start]"
key 1
wait_for "[diploma:intro]"
key 1
wait_for "[diploma:apply]"
key p
wait_for "> [ ] Apply for a diploma valuation at idw.nl"
key Space
wait_for "> [x] Apply for a diploma valuation at idw.nl"
key Escape
wait_for "[diploma:apply]"

# Idle: the countdown, in Ukrainian, over the step; a key continues.
wait_for "$(tr_msg uk 'Are you still there?')"
wait_for_flat "$(tr_nmsg uk 'Everything you did here will be cleared in %ld second.' \
	'Everything you did here will be cleared in %ld seconds.' 2 | sed 's/%ld.*//')"
has "[diploma:apply]"
key Down
wait_gone "$(tr_msg uk 'Are you still there?')"
has "[diploma:apply]"
alive || fail "the key that continues ended the kiosk"

# No key: the countdown, then everything is cleared.
wait_for "$(tr_msg uk 'Are you still there?')"
wait_for "$PICK"
lacks "[diploma:apply]"
lacks "$(tr_msg uk 'Are you still there?')"
has "> 1. English"
[ "$(history_size)" -eq 0 ] || fail "the scrollback was not cleared ($(history_size) lines)"
# The next person: the first screen, an empty plan, no answers kept.
key Enter
wait_for "[klantreis:start]"
has "$(tr_msg en 'Step %zu' | sed 's/%zu/1/')"
key p
wait_for_flat "$(tr_msg en 'Nothing yet: the steps you take will add tasks here.')"
key Escape
wait_for "[klantreis:start]"
key 1
wait_for "[diploma:intro]"
has "> 1. Yes, from a university" # the default, not a remembered answer
key 1
wait_for "[diploma:apply]"
key p
wait_for "> [ ] Apply for a diploma valuation at idw.nl"
lacks "[x]"

# F: one question ("Go back" selected); F again clears.
key f
wait_for "[ $(tr_msg en 'Go back') ]"
has "[ $(tr_msg en 'Finish and clear') ]"
key Enter
wait_gone "[ $(tr_msg en 'Go back') ]"
has "> [ ] Apply for a diploma valuation at idw.nl"
key f
wait_for "[ $(tr_msg en 'Go back') ]"
key f
wait_for "$PICK"
lacks "Apply for a diploma"

# X: at once, from a pop-up too.
key Enter
wait_for "[klantreis:start]"
key 1
wait_for "[diploma:intro]"
key S
wait_for "IDW – Internationale Diplomawaardering"
key x
wait_for "$PICK"
lacks "Internationale Diplomawaardering"
lacks "[diploma:intro]"
# F12 at once, from the countdown too.
key Enter
wait_for "[klantreis:start]"
key 2
wait_for "[klantreis:long]"
wait_for "$STILL"
key F12
wait_for "$PICK"
lacks "$STILL"
lacks "[klantreis:long]"
sleep 2.5 # untouched again: no countdown
lacks "$STILL"
kill -s TERM "$(kiosk_pid)"
wait_exit 0
kiosk_stty_ok

# On a terminal without E3 (vt100) the scrollback cannot be emptied: the
# quick exit blanks the screen in place and scrolls blank lines over it,
# so nothing of the person's screens is left to scroll back to.
TUI_TERM=vt100 kiosk_start 80 24
wait_for "> 1. English"
key Enter
wait_for "[klantreis:start]"
key 1
wait_for "[diploma:intro]"
key S
wait_for "IDW – Internationale Diplomawaardering"
key x
wait_for "$PICK"
scrollback >"$TMPD/scrollback"
for w in diploma Diplomawaardering klantreis:start; do
	! grep -qF -- "$w" "$TMPD/scrollback" || {
		cat "$TMPD/scrollback" >&2
		fail "'$w' is still in the scrollback after the quick exit (vt100)"
	}
done
kill -s TERM "$(kiosk_pid)"
wait_exit 0
echo "ok: idle, finish, quick exit"

# Started in one language (--lang): after a wipe, the picker all the same,
# in the kiosk's language (not the last person's).
kiosk_start 80 24 --lang=nl --idle=2 --countdown=1
wait_for "[klantreis:start]"
has "$(tr_msg nl 'Step %zu' | sed 's/%zu/1/')"
key 1
wait_for "[diploma:intro]"
wait_for "$(tr_msg nl 'Are you still there?')"
wait_for "$(tr_msg nl 'Choose your language')"
has "> 2. Nederlands"
lacks "[diploma:intro]"
kill -s TERM "$(kiosk_pid)"
wait_exit 0
echo "ok: $TEST"
