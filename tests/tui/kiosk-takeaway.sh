#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Kiosk mode's take-away: T prints the plan (exactly what export_plan
# writes, in the language on the screen) through the configured command,
# and is not offered without one; a failing printer is explained. C shows
# the plan's links (of the steps that added its tasks, whose `when`
# holds) as QR codes, one at a time: half blocks in black on white, "##"
# on a terminal without them, the URL alone when the window is too small.
#
# usage: kiosk-takeaway.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/kiosk-lib.sh"

link_title() { tr_msg en 'Link %zu of %zu: %s' | sed "s/%zu/$1/; s/%zu/$2/; s/%s/$3/"; }

kiosk_start 80 24
wait_for "> 1. English"
key Enter
wait_for "[klantreis:start]"
key 1
wait_for "[diploma:intro]"
key 1
wait_for "[diploma:apply]"
key Enter
wait_for "[diploma:done]"
key Space
wait_for "> [x] Apply for a diploma valuation at idw.nl"
has "T $(tr_msg en 'print')"

# Print: exactly the plan; each link once, under the first task it helps
# with (the QR codes show the same list).
key t
wait_for "$(tr_msg en 'Printing…')"
wait_for "$(tr_msg en 'Your plan was sent to the printer.')"
[ -f "$TMPD/printed" ] || fail "the print command got nothing"
cat >"$TMPD/expected" <<'PLAN'
Your action plan

[x] Apply for a diploma valuation at idw.nl
    IDW: https://www.idw.nl/
    Grade list help: https://example.org/grades
[ ] Collect your diploma and your grade list
PLAN
cmp -s "$TMPD/expected" "$TMPD/printed" ||
	fail "printed plan differs: $(diff "$TMPD/expected" "$TMPD/printed")"

# In the language on the screen, from the plan screen.
rm -f "$TMPD/printed"
key L
wait_for "> 1. English"
key 3
wait_gone "> 3. Українська"
key p
wait_for "$(tr_msg uk 'Your action plan')"
wait_for_flat "$(tr_msg uk 'To take your plan with you: T prints it, C shows its links as QR codes for your phone.')"
key t
wait_for "$(tr_msg uk 'Your plan was sent to the printer.')"
[ "$(head -n 1 "$TMPD/printed")" = "$(tr_msg uk 'Your action plan')" ] ||
	fail "not printed in Ukrainian: $(head -n 1 "$TMPD/printed")"

# QR codes from the plan screen: link 1 of 2, its URL under it, drawn in
# half blocks, black on white.
key L
wait_for "> 3. Українська"
key 1
wait_gone "> 1. English"
key c
wait_for "$(link_title 1 2 IDW)"
has "https://www.idw.nl/"
lacks "example.org/never"
[ "$(screen | grep -c '[▀▄█]')" -ge 10 ] || fail "no QR code in half blocks"
url_row=$(row_of "https://www.idw.nl/")
last_qr=$(screen | grep -n '[▀▄█]' | tail -n 1 | cut -d: -f1)
[ "$url_row" -gt "$last_qr" ] || fail "the URL is not under the code"
$TM capture-pane -e -p -t kt | grep '█' | head -n 1 | grep -qF $'\033[30m' ||
	fail "the code is not drawn in black"
$TM capture-pane -e -p -t kt | grep '█' | head -n 1 | grep -qF $'\033[47m' ||
	fail "the code is not drawn on white"
has "X $(tr_msg en 'Quick exit')"
key Right
wait_for "$(link_title 2 2 'Grade list help')"
has "https://example.org/grades"
key Right
wait_for "$(link_title 1 2 IDW)"
key Left
wait_for "$(link_title 2 2 'Grade list help')"
# Too small for the code: no code, the URL, a word about the window.
resize 60 16
wait_for "$(tr_msg en 'Make the window larger to scan this code.')"
has "https://example.org/grades"
[ "$(screen | grep -c '[▀▄█]')" -eq 0 ] || fail "a cut QR code is shown"
resize 80 24
wait_for "$(link_title 2 2 'Grade list help')"
wait_gone "$(tr_msg en 'Make the window larger to scan this code.')"
key Escape
wait_for "> [x] Apply for a diploma valuation at idw.nl"
# From the end step too.
key Escape
wait_for "[diploma:done]"
key c
wait_for "$(link_title 1 2 IDW)"
key Escape
wait_for "[diploma:done]"
kill -s TERM "$(kiosk_pid)"
wait_exit 0
echo "ok: print and QR"

# No colours: reverse video. A plan without links: said so.
TUI_ENV=NO_COLOR=1 kiosk_start 80 24
wait_for "> 1. English"
key Enter
wait_for "[klantreis:start]"
key 3
wait_for "[klantreis:done]"
key c
wait_for_flat "$(tr_msg en 'Your plan has no links to show as QR codes yet.')"
key Left
wait_for "[klantreis:start]"
key 1
wait_for "[diploma:intro]"
key 1
wait_for "[diploma:apply]"
key p
wait_for "> [ ] Apply for a diploma valuation at idw.nl"
key c
wait_for "$(link_title 1 2 IDW)"
$TM capture-pane -e -p -t kt | grep '█' | head -n 1 | grep -qE $'\033\\[([0-9;]*;)?7m' ||
	fail "NO_COLOR: the code is not in reverse video"
kill -s TERM "$(kiosk_pid)"
wait_exit 0
echo "ok: NO_COLOR, no links"

# A terminal without half blocks: "##", two columns a module.
TUI_TERM=vt100 kiosk_start 100 40
wait_for "> 1. English"
key Enter
key 1
wait_for "[diploma:intro]"
key 1
wait_for "[diploma:apply]"
key p
wait_for "> [ ] Apply for a diploma valuation at idw.nl"
key c
wait_for "$(link_title 1 2 IDW)"
has "https://www.idw.nl/"
[ "$(screen | grep -c '##############')" -ge 2 ] || fail "no QR code in ##"
[ "$(screen | grep -c '[▀▄█]')" -eq 0 ] || fail "half blocks on a vt100"
resize 80 24
wait_for "$(tr_msg en 'Make the window larger to scan this code.')"
has "https://www.idw.nl/"
kill -s TERM "$(kiosk_pid)"
wait_exit 0
echo "ok: vt100"

# No printer: no T in the footer or the hint, and T does nothing.
KIOSK_CONF=$TMPD/noprinter.conf kiosk_start 80 24 --lang=en
wait_for "[klantreis:start]"
key 1
wait_for "[diploma:intro]"
key 1
wait_for "[diploma:apply]"
key p
wait_for_flat "$(tr_msg en 'To take your plan with you: C shows its links as QR codes for your phone.')"
lacks "T $(tr_msg en 'print')"
key_synced t
lacks "$(tr_msg en 'Printing…')"
kill -s TERM "$(kiosk_pid)"
wait_exit 0

# A print command whose program is not there: said at start (in the
# volunteers' language), and T is not offered.
{
	cat "$TMPD/pin.line"
	echo "print_command = /nonexistent/lp -d desk"
} >"$TMPD/noprog.conf"
KIOSK_CONF=$TMPD/noprog.conf kiosk_start 80 24 --lang=en
wait_for "[klantreis:start]"
grep -qF "/nonexistent/lp: $(tr_msg nl 'the print command does not exist')" "$TMPD/stderr" ||
	fail "a missing print command is not reported at start: $(cat "$TMPD/stderr")"
key p
wait_for "$(tr_msg en 'Your action plan')"
lacks "T $(tr_msg en 'print')"
key_synced t
lacks "$(tr_msg en 'Printing…')"
kill -s TERM "$(kiosk_pid)"
wait_exit 0

# A printer that fails: the whole message, wrapped in a pop-up; the kiosk
# goes on.
KIOSK_CONF=$TMPD/badprinter.conf kiosk_start 50 20 --lang=en
wait_for "[klantreis:start]"
key p
wait_for "$(tr_msg en 'Your action plan')"
key t
wait_for_flat "$(tr_msg en 'Printing did not work (%s). Please ask a volunteer.' |
	sed "s/%s/$(tr_msg en 'the print command failed')/")"
alive || fail "a failing printer ended the kiosk"
kill -s TERM "$(kiosk_pid)"
wait_exit 0

# The end step's last way on is "Finish and clear" at a kiosk (not
# "Quit", which a kiosk does not offer); it asks first.
kiosk_start 80 24 --lang=en
wait_for "[klantreis:start]"
key 1
wait_for "[diploma:intro]"
key 2
wait_for "[klantreis:done]"
lacks "$(tr_msg en 'Quit the guide')"
for i in $(seq 1 10); do
	screen | grep -qF "> → $(tr_msg en 'Finish and clear')" && break
	key_synced Down
done
has "> → $(tr_msg en 'Finish and clear')"
key Enter
wait_for "$(tr_msg en 'Finish and clear everything?' | cut -c1-20)"
key Escape
wait_for "[klantreis:done]"
kill -s TERM "$(kiosk_pid)"
wait_exit 0
echo "ok: $TEST"
