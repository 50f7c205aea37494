#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The demo for the projector (--replay, docs/walkthroughs.md) at 80x24:
# each Enter moves one step of the shipped walk-through, with its choice
# selected and "Demo N/M" in the footer, to the walk's end; another
# answer stops the demo and the guide goes on; a walk-through the content
# no longer matches stops with its file and line; a demo saves nothing;
# what --record writes plays back as the same walk.
#
# usage: demo.sh PROG SRCDIR BUILDDIR
. "$(dirname "$0")/lib.sh"

JOURNEYS=$SRCDIR/journeys
WALKS=$SRCDIR/docs/walkthroughs
DAY=--today=2026-12-05

# The references a walk-through visits: its steps, then its end.
visits() { sed -n 's/^step \([^ ]*\) .*/\1/p; s/^end //p' "$1"; }
steps_in() { grep -c '^step ' "$1"; }
# The footer during a demo: demo_label LANG I N ("Demo 3/12 · ...").
demo_label() { tr_msg "$1" 'Demo %zu/%zu · Enter: next step' | sed "s|%zu/%zu|$2/$3|"; }

# 1. Every shipped walk-through, Enter by Enter, in Dutch (its language).
for walk in "$WALKS"/*.walk; do
	n=$(steps_in "$walk")
	tui_start 80 24 -- --journeys="$JOURNEYS" --show-ids $DAY --replay="$walk"
	i=0
	for ref in $(visits "$walk"); do
		i=$((i + 1))
		wait_for "[$ref]"
		if [ "$i" -le "$n" ]; then
			wait_for "$(demo_label nl $i $n)"
			# The walk's choice is the selected one: its line names
			# the option by value or #number; the screen shows "> ".
			screen | grep -q '^ > ' || fail "$walk: nothing selected on $ref"
			key Enter
		fi
	done
	wait_for "$(tr_msg nl 'The demo is at its end. You can go on yourself.')"
	# The guide goes on as usual afterwards: q asks, y leaves.
	key q
	wait_for "$(tr_msg nl 'Quit')"
	key y
	wait_exit 0
	# A demo keeps nothing about a person on the computer.
	[ ! -e "$TMPD/home$STARTS/.local/state/klantreis" ] || fail "the demo saved progress"
done

# 2. Another answer leaves the demo; the guide goes on from it.
walk=$WALKS/verpleegkundige-charkiv.walk
tui_start 80 24 -- --journeys="$JOURNEYS" --show-ids $DAY --replay="$walk" --lang=en
wait_for "Demo 1/"
key Enter
wait_for "[klantreis:menu]"
wait_for "> 5. Regulated professions"
key Down
wait_for "> 6. Finding suitable work"
key Enter
wait_for_flat "You chose another answer, so the demo has stopped."
key Escape
wait_gone "You chose another"
has "[work:"
lacks "Demo "
key b
wait_for "[klantreis:menu]"
lacks "Demo "

# 3. The content no longer matches: the demo stops with the file and
# line; the guide stays usable.
cat >"$TMPD/old.walk" <<'EOF'
klantreis-walk 1
title An old demo
lang en
start klantreis:start
step klantreis:start #2
step klantreis:menu #5
step regulated:start next
step regulated:profession dentistry
end regulated:done
EOF
tui_start 80 24 -- --journeys="$JOURNEYS" --show-ids $DAY --replay="$TMPD/old.walk"
wait_for "Demo 1/4"
key Enter
wait_for "Demo 2/4"
key Enter
wait_for "Demo 3/4"
key Enter
wait_for_flat "The demo has stopped"
# The walk's file and line (the pop-up wraps: the line, then the words).
wait_for "old.walk:8:"
wait_for 'regulated:profession has no option "dentistry"'
key Escape
wait_for "[regulated:profession]"
key 1
wait_gone "[regulated:profession]"
lacks "Demo "

# A malformed walk-through is a usage error naming its line, before the
# screen is taken.
printf 'klantreis-walk 1\nstart klantreis:start\nstep klantreis:start \033[31mred\nend klantreis:start\n' >"$TMPD/bad.walk"
if "$PROG" --journeys="$JOURNEYS" --replay="$TMPD/bad.walk" >"$TMPD/out" 2>&1; then
	fail "a malformed walk-through was played"
fi
grep -qF "bad.walk:3: a control character (byte 27) in the line" "$TMPD/out" ||
	fail "no FILE:LINE message: $(cat "$TMPD/out")"
! grep -q "$(printf '\033')" "$TMPD/out" || fail "an escape character reached the terminal"

# 4. Record, then replay: the same walk, step by step, in Ukrainian.
tui_start 80 24 -- --journeys="$JOURNEYS" --show-ids $DAY --lang=uk --no-save --record="$TMPD/r.walk"
wait_for "[klantreis:start]"
typed=klantreis:start
for k in 2 4 2 2 Enter Enter Enter 1; do
	key "$k"
	# Each key moves on: wait for the header to show another step.
	for i in $(seq 1 300); do
		now=$(screen | head -n 1 | sed -n 's/.*\[\([^]]*\)\]$/\1/p')
		[ -n "$now" ] && [ "$now" != "${typed##* }" ] && break
		sleep 0.05
	done
	typed="$typed $now"
done
key q
wait_for "$(tr_msg uk 'Quit')"
key y
wait_exit 0
[ -s "$TMPD/r.walk" ] || fail "--record wrote nothing"
grep -qx 'lang uk' "$TMPD/r.walk" || fail "the recording does not say its language"
[ "$(echo $(visits "$TMPD/r.walk"))" = "$typed" ] &&
	[ "$(sed -n 's/^start //p' "$TMPD/r.walk")" = klantreis:start ] ||
	fail "recorded $(echo $(visits "$TMPD/r.walk")), walked $typed"
tui_start 80 24 -- --journeys="$JOURNEYS" --show-ids $DAY --replay="$TMPD/r.walk"
played=klantreis:start
wait_for "[klantreis:start]"
n=$(steps_in "$TMPD/r.walk")
for i in $(seq 1 "$n"); do
	wait_for "$(demo_label uk $i $n)"
	key Enter
	next=$(visits "$TMPD/r.walk" | sed -n "$((i + 1))p")
	wait_for "[$next]"
	played="$played $next"
done
[ "$played" = "$typed" ] || fail "replayed $played, walked $typed"
wait_for "$(tr_msg uk 'The demo is at its end. You can go on yourself.')"
# 5. --record, plain mode: it refuses a link or a FIFO (as --export-plan
# does) and leaves it alone; the quick exit writes nothing; a private part
# is not recorded, not even that it was entered.
plain() { "$PROG" --plain --no-save --lang=en --journeys="$JOURNEYS" $DAY "$@" >"$TMPD/out" 2>&1; }
echo keep >"$TMPD/target"
ln -s "$TMPD/target" "$TMPD/link"
mkfifo "$TMPD/fifo"
for f in link fifo; do
	if printf '2\n' | plain --record="$TMPD/$f"; then fail "--record wrote through a $f"; fi
	grep -qF "is not a regular file" "$TMPD/out" || fail "no message for a $f: $(cat "$TMPD/out")"
done
[ "$(cat "$TMPD/target")" = keep ] || fail "the link's target was changed"
[ -p "$TMPD/fifo" ] || fail "the FIFO was replaced"
printf '2\nx\n' | plain --record="$TMPD/quick.walk" || fail "quick exit: status $?"
[ ! -e "$TMPD/quick.walk" ] || fail "the quick exit left a recording"
printf '3\n1\n1\n' | plain --record="$TMPD/private.walk" || fail "private: status $?"
grep -q "abuse" "$TMPD/private.walk" && fail "a private step was recorded: $(cat "$TMPD/private.walk")"
grep -qx "end klantreis:start" "$TMPD/private.walk" || fail "the walk does not end before the private part"

echo "ok: the demo moves one step per Enter, stops when it must, and plays what was recorded"
