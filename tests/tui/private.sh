#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Safe on a shared or watched device (DESIGN.md section 3.2, issue 13),
# on the fixture journeys in tests/fixtures/private (secret.xml is
# private="yes"):
# - a private path, then a restart: the save file's bytes hold nothing of
#   it, "Welcome back" shows nothing of the earlier visit, and after
#   continuing neither the plan nor the first screen's selection does;
# - "Start again" deletes the save file and every answer;
# - X (TERM=vt100, no E3: nothing of the guide is left in the scrollback)
#   and F12 end at once with status 0 and keep nothing private;
# - Ctrl-C ends with status 0 and a save file that loads.
#
# usage: private.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/lib.sh"

PRIV=$SRCDIR/tests/fixtures/private
save() { printf '%s' "$TMPD/home$STARTS/.local/state/klantreis/session"; }
# Nothing of the private journey in the save file.
save_clean() {
	local w
	for w in secret passport Arbeidsinspectie report choice tick; do
		! grep -qi -- "$w" "$(save)" || fail "'$w' is in the save file: $(cat "$(save)")"
	done
}
# What the private part shows, none of which may be seen again.
private_lacks() {
	lacks "Problems at work"
	lacks "passport"
	lacks "Arbeidsinspectie"
	lacks "problem at work"
}

# 1. Into the private part from the hub, out again to the plan.
tui_start 80 24 -- --journeys="$PRIV" --lang=en --show-ids
wait_for "[klantreis:start]"
has "X $(tr_msg en 'Quick exit')"
key Down
wait_for "> 2. I have a problem at work"
key Enter
wait_for "[secret:start]"
key Enter
wait_for "[secret:report]"
has "Report to the Nederlandse Arbeidsinspectie"
key Down
wait_for "> 2. See my plan"
key Enter
wait_for "[klantreis:done]"
# In this visit the plan holds the private task.
has "Report to the Nederlandse Arbeidsinspectie"
key q
wait_for "[ Quit ]"
key y
wait_exit 0
[ -s "$(save)" ] || fail "nothing saved"
grep -q '^path klantreis:done$' "$(save)" || fail "the public step is not saved: $(cat "$(save)")"
save_clean

# 2. The next start: "Welcome back" alone, nothing behind it.
TUI_SAME_HOME=1 tui_start 80 24 -- --journeys="$PRIV" --lang=en --show-ids
wait_for "> 1. $(tr_msg en 'Continue where I left off')"
has "$(tr_msg en 'Welcome back')"
lacks "[klantreis:"
lacks "Your next steps"
lacks "Ask the gemeente"
private_lacks
# Continue: the plan has only the public tasks; back on the first
# screen, the first option is selected, not the one that led in.
key Enter
wait_for "[klantreis:done]"
has "Ask the gemeente for help"
private_lacks
key BSpace
wait_for "[klantreis:start]"
has "> 1. My papers"
lacks "> 2."
# A public answer, to see "Start again" forget it.
key Enter
wait_for "[klantreis:papers]"
key Down
wait_for "> 2. No"
key Enter
wait_for "[klantreis:done]"
key q
wait_for "[ Quit ]"
key y
wait_exit 0
grep -q '^answer has-id no$' "$(save)" || fail "the public answer is not saved: $(cat "$(save)")"

# 3. "Start again": the file and every answer are gone.
TUI_SAME_HOME=1 tui_start 80 24 -- --journeys="$PRIV" --lang=en --show-ids
wait_for "> 1. $(tr_msg en 'Continue where I left off')"
key Down
wait_for "> 2. $(tr_msg en 'Start again')"
key Enter
wait_for "[klantreis:start]"
if [ -e "$(save)" ]; then
	! grep -q '^answer' "$(save)" || fail "Start again left answers: $(cat "$(save)")"
	! grep -q 'klantreis:done' "$(save)" || fail "Start again left the old path: $(cat "$(save)")"
fi
key Enter
wait_for "[klantreis:papers]"
# No answer is pre-selected from before.
has "> 1. Yes"
key q
wait_for "[ Quit ]"
key y
wait_exit 0
! grep -q '^answer' "$(save)" || fail "an old answer came back: $(cat "$(save)")"

# 4. Quick exit with X on a terminal without E3: status 0, nothing of the
# guide in the scrollback, nothing private on disk.
TUI_TERM=vt100 tui_start 80 24 -- --journeys="$PRIV" --lang=en --show-ids
wait_for "[klantreis:start]"
key Down
wait_for "> 2. I have a problem at work"
key Enter
wait_for "[secret:start]"
key Enter
wait_for "[secret:report]"
key p
wait_for "Report to the Nederlandse Arbeidsinspectie"
key X
wait_exit 0
scrollback >"$TMPD/scrollback"
for w in klantreis passport Arbeidsinspectie Report Welcome Quick problem; do
	! grep -qi -- "$w" "$TMPD/scrollback" || {
		cat "$TMPD/scrollback" >&2
		fail "'$w' is still in the terminal's scrollback after the quick exit"
	}
done
[ -e "$(save)" ] && save_clean

# 5. F12 from a pop-up, on a terminal with E3: the same.
tui_start 80 24 -- --journeys="$PRIV" --lang=en --show-ids
wait_for "[klantreis:start]"
key Down
wait_for "> 2. I have a problem at work"
key Enter
wait_for "[secret:start]"
key '?'
wait_for_flat "$(tr_msg en 'Quick exit: clear the screen at once and leave, keeping nothing private')"
key F12
wait_exit 0
scrollback >"$TMPD/scrollback"
! grep -qi -- 'passport\|klantreis' "$TMPD/scrollback" || fail "F12 left text on the terminal"
[ -e "$(save)" ] && save_clean

# 6. Ctrl-C: status 0, and what is saved loads.
tui_start 80 24 -- --journeys="$PRIV" --lang=en --show-ids
wait_for "[klantreis:start]"
key Enter
wait_for "[klantreis:papers]"
key Enter
wait_for "[klantreis:done]"
key C-c
wait_exit 0
grep -q '^path klantreis:done$' "$(save)" || fail "Ctrl-C: the step is not saved"
HOME=$TMPD/home$STARTS XDG_STATE_HOME= "$PROG" --journeys="$PRIV" --export-plan="$TMPD/plan.txt" ||
	fail "Ctrl-C left a save file that does not load"
grep -q 'Ask the gemeente' "$TMPD/plan.txt" || fail "the exported plan misses the public task"
# 7. E in the same visit: the plan file holds the private task (the
# person asked for it), says its whole path, is the person's alone (0600),
# and an existing file is replaced only when the person says so.
tui_start 80 24 -- --journeys="$PRIV" --lang=en --show-ids
PLAN=$TMPD/home$STARTS/klantreis-plan.txt
wait_for "[klantreis:start]"
key Down
wait_for "> 2. I have a problem at work"
key Enter
wait_for "[secret:start]"
key Enter
wait_for "[secret:report]"
key p
wait_for "Report to the Nederlandse Arbeidsinspectie"
key E
wait_for_flat "$(tr_msg en 'Your plan is saved as %s. You can mail or print that file.' | sed "s|%s|$PLAN|")"
[ "$(stat -c %a "$PLAN")" = 600 ] || fail "the plan file has mode $(stat -c %a "$PLAN"), not 600"
grep -q 'Arbeidsinspectie' "$PLAN" || fail "the plan file misses the task of this visit"
key Enter
wait_gone "$(tr_msg en 'You can mail or print that file.' | cut -c1-10)"
echo 'my own notes' >"$PLAN"
key E
wait_for_flat "$(tr_msg en 'The file %s exists already. Replace it with your plan?' | sed "s|%s|$PLAN|")"
has "[ $(tr_msg en 'Keep it') ]"
key Enter
wait_gone "[ $(tr_msg en 'Keep it') ]"
[ "$(cat "$PLAN")" = 'my own notes' ] || fail "the file was replaced although the person kept it"
key E
wait_for "[ $(tr_msg en 'Keep it') ]"
key y
wait_for_flat "$(tr_msg en 'Your plan is saved as %s. You can mail or print that file.' | sed "s|%s|$PLAN|")"
grep -q 'Arbeidsinspectie' "$PLAN" || fail "y did not replace the file"
key Escape
key X
wait_exit 0
echo "ok: $TEST"
