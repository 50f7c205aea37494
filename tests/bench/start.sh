#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Start-up benchmark (not part of the test suite; docs/performance.md):
# callgrind instructions to the first full screen at 80x24 (then idle),
# for the guide as installed (it reads only the compiled image) in English
# and Russian, against `dialog --msgbox` and `dialog --menu` (6 items) in
# the same run; then Enter to the next step's full screen and one Down
# (the counters are dumped at each point: callgrind_control -d), and
# what ncurses alone costs for the longest step change (floor.c); peak RSS
# (VmHWM) at the first screen without valgrind; and the PSS of N
# concurrent plain sessions (/proc/PID/smaps_rollup).
#
#   tests/bench/start.sh [OLD_PROG]
#
# The guide is installed into tests/bench/out/prefix from a build of its
# own (tests/bench/out/build-prefix). OLD_PROG, when given, is another
# klantreis (e.g. a build tree of an earlier commit) measured the same way
# as "before"; a build-tree program reads its source tree's journeys.
set -eu
cd "$(dirname "$0")/../.."
src=$PWD
out=$src/tests/bench/out
mkdir -p "$out"
for p in valgrind callgrind_control tmux dialog; do
	command -v $p >/dev/null || { echo "needs $p (scripts/setup.sh)"; exit 2; }
done
N=${N:-200}

prefix=$out/prefix
if [ ! -d "$out/build-prefix" ]; then
	meson setup "$out/build-prefix" --prefix="$prefix" -Dtests=false >/dev/null
fi
nice meson compile -C "$out/build-prefix" >/dev/null
meson install -C "$out/build-prefix" --quiet >/dev/null
new=$prefix/bin/klantreis
old=${1:-}

export KLANTREIS_TODAY=2027-06-01 LANG=C.UTF-8 TERM=xterm-256color
sock=kbench-$$
home=$out/home
rm -rf "$home" && mkdir -p "$home"
tm() { tmux -L "$sock" "$@"; }
trap 'tm kill-server 2>/dev/null || true' EXIT

screen_has() { tm capture-pane -p -t b | grep -qF -- "$1"; }
wait_screen() { # TEXT: wait (up to 120 s) for it, then for the program to idle
	for _ in $(seq 1 1200); do
		screen_has "$1" && { sleep 2; return 0; }
		sleep 0.1
	done
	echo "timed out waiting for: $1" >&2
	tm capture-pane -p -t b >&2
	return 1
}
totals() { sed -n 's/^totals: *\([0-9]*\).*/\1/p;s/^summary: *\([0-9]*\).*/\1/p' "$1" | head -n 1; }

# NAME MARKER1 KEY MARKER2 KEY2 MARKER3 -- CMD...: instructions to MARKER1,
# then after KEY to MARKER2, then after KEY2 to MARKER3 ("-" skips).
measure() {
	local name=$1 m1=$2 k1=$3 m2=$4 k2=$5 m3=$6
	shift 7
	rm -f "$out/cg-$name".*
	rm -rf "$home" && mkdir -p "$home" # no saved session to resume
	tm kill-server 2>/dev/null || true
	tm -f /dev/null new-session -d -s b -x 80 -y 24 \
		"cd '$home' && echo \$\$ >'$out/pid' && exec env HOME='$home' valgrind --tool=callgrind --callgrind-out-file='$out/cg-$name.%p' $(printf "'%s' " "$@") 2>'$out/vg-$name.log'"
	wait_screen "$m1"
	local pid
	pid=$(cat "$out/pid")
	callgrind_control -d "$pid" >/dev/null
	local a b c
	sleep 1
	a=$(totals "$out/cg-$name.$pid.1")
	b=- c=-
	if [ "$k1" != - ]; then
		tm send-keys -t b "$k1"
		wait_screen "$m2"
		callgrind_control -d "$pid" >/dev/null
		sleep 1
		b=$(totals "$out/cg-$name.$pid.2")
	fi
	if [ "$k2" != - ]; then
		tm send-keys -t b "$k2"
		wait_screen "$m3"
		callgrind_control -d "$pid" >/dev/null
		sleep 1
		c=$(totals "$out/cg-$name.$pid.3")
	elif [ "$k1" != - ]; then
		c=$b b=- # one key only: a step change, in its column
	fi
	tm kill-server 2>/dev/null || true
	printf '%-26s %14s %14s %14s\n' "$name" "$a" "$b" "$c"
}

# Peak RSS (kB) at the first screen, without valgrind: one run. The
# figure moves by up to 0.1 MB from run to run (the kernel maps a file's
# pages in large blocks, as the page cache holds them), so each program
# runs R times (21), in turns, and rss_print gives the median and the range.
rss_one() {
	rm -rf "$home" && mkdir -p "$home"
	tm kill-server 2>/dev/null || true
	tm -f /dev/null new-session -d -s b -x 80 -y 24 \
		"cd '$home' && echo \$\$ >'$out/pid' && exec env HOME='$home' $(printf "'%s' " "$@")"
	wait_screen "$m1" >&2
	sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$(cat "$out/pid")/status"
	tm kill-server 2>/dev/null || true
}
R=${R:-21}
declare -A rss_got
rss() { # NAME MARKER CMD...: one more run
	local name=$1 m1=$2
	shift 2
	rss_got[$name]+=" $(rss_one "$@")"
}
rss_print() { # NAME
	local v
	v=$(printf '%s\n' ${rss_got[$1]} | sort -n)
	printf '%-26s %10s %8s %8s\n' "$1" "$(printf '%s\n' "$v" | sed -n "$(((R + 1) / 2))p")" \
		"$(printf '%s\n' "$v" | head -n 1)" "$(printf '%s\n' "$v" | tail -n 1)"
}

menu=(dialog --menu "Choose" 20 70 6 1 "First choice" 2 "Second choice" 3 "Third choice"
	4 "Fourth choice" 5 "Fifth choice" 6 "Sixth choice")
msg=(dialog --msgbox "Your journey starts here." 10 40)

# The hub's first step in each language (the title as the catalogue has it).
en_m1="Step 1" ru_m1="Шаг 1"
printf '%-26s %14s %14s %14s\n' "instructions" "first screen" "Down: select" "Enter: step"
for who in new ${old:+old}; do
	prog=$new
	[ "$who" = old ] && prog=$old
	measure "klantreis-$who-en" "$en_m1" Down "> 2." Enter "Step 2" -- "$prog" --lang=en
	measure "klantreis-$who-ru" "$ru_m1" Down "> 2." Enter "Шаг 2" -- "$prog" --lang=ru
	# The longest step change: Enter on the first step goes to the hub's
	# overview, a full screen of text.
	measure "klantreis-$who-en-long" "$en_m1" Enter "Step 2" - - -- "$prog" --lang=en
	measure "klantreis-$who-ru-long" "$ru_m1" Enter "Шаг 2" - - -- "$prog" --lang=ru
done
# ncurses alone for the longest step change: the guide's two Russian
# screens, captured, shown by tests/bench/floor.c (waddnstr, refresh).
cc -O2 -o "$out/floor" tests/bench/floor.c $(pkg-config --cflags --libs ncursesw)
capture_pair() { # PROG LANG M1 M2: the guide's screen at M1, then after Enter at M2
	rm -rf "$home" && mkdir -p "$home"
	tm kill-server 2>/dev/null || true
	tm -f /dev/null new-session -d -s b -x 80 -y 24 "cd '$home' && exec env HOME='$home' '$1' --lang=$2"
	wait_screen "$3"
	tm capture-pane -p -t b >"$out/screen-$2-1.txt"
	tm send-keys -t b Enter
	wait_screen "$4"
	tm capture-pane -p -t b >"$out/screen-$2-2.txt"
	tm kill-server 2>/dev/null || true
}
capture_pair "$new" ru "$ru_m1" "Шаг 2"
measure "ncurses-alone-ru-long" "$ru_m1" Enter "Шаг 2" - - -- "$out/floor" "$out/screen-ru-1.txt" "$out/screen-ru-2.txt"
refresh_of() { # NAME: instructions in wrefresh (inclusive) during its step change
	callgrind_annotate --inclusive=yes "$(ls "$out/cg-$1".*.2)" 2>/dev/null |
		sed -n 's/^ *\([0-9,]*\) .*:wrefresh .*/\1/p' | tr -d , | head -n 1
}
printf '%-26s %14s %14s %14s\n' "  of it, wrefresh" "" "" "$(refresh_of ncurses-alone-ru-long)"
printf '%-26s %14s %14s %14s\n' "klantreis-new-ru-long, wrefresh" "" "" "$(refresh_of klantreis-new-ru-long)"
measure "dialog-msgbox" "OK" - - - - -- "${msg[@]}"
measure "dialog-menu" "Sixth choice" - - - - -- "${menu[@]}"

printf '\n%-26s %10s %8s %8s\n' "peak RSS kB, first screen" "median" "min" "max"
for _ in $(seq 1 "$R"); do
	for who in new ${old:+old}; do
		prog=$new
		[ "$who" = old ] && prog=$old
		rss "klantreis-$who-en" "$en_m1" "$prog" --lang=en
		rss "klantreis-$who-ru" "$ru_m1" "$prog" --lang=ru
	done
	rss "dialog-msgbox" "OK" "${msg[@]}"
	rss "dialog-menu" "Sixth choice" "${menu[@]}"
done
for name in klantreis-new-en klantreis-new-ru ${old:+klantreis-old-en klantreis-old-ru} dialog-msgbox dialog-menu; do
	rss_print "$name"
done

# N plain sessions at once, each waiting on its first step.
pss() {
	local name=$1 prog=$2 pids=() total=0
	for _ in $(seq 1 "$N"); do
		(sleep 600 | HOME=$home "$prog" --plain --lang=en >/dev/null 2>&1) 2>/dev/null &
	done
	sleep 5
	# The guides are the grandchildren: the subshells' children.
	for sub in $(jobs -p); do
		for c in $(cat /proc/"$sub"/task/*/children 2>/dev/null); do
			[ "$(readlink /proc/"$c"/exe 2>/dev/null)" = "$(readlink -f "$prog")" ] && pids+=("$c")
		done
	done
	for p in "${pids[@]}"; do
		k=$(sed -n 's/^Pss: *\([0-9]*\).*/\1/p' /proc/"$p"/smaps_rollup 2>/dev/null || echo 0)
		total=$((total + ${k:-0}))
	done
	printf '%-26s %8s %12s %12s\n' "$name" "${#pids[@]}" "$((total / 1024))" "$((total / (${#pids[@]} > 0 ? ${#pids[@]} : 1)))"
	for sub in $(jobs -p); do
		for c in $(cat /proc/"$sub"/task/*/children 2>/dev/null); do kill "$c" 2>/dev/null || true; done
	done
	wait 2>/dev/null || true
}
printf '\n%-26s %8s %12s %12s\n' "plain sessions" "N" "PSS MiB" "PSS/each kB"
pss "klantreis-new" "$new"
[ -n "$old" ] && pss "klantreis-old" "$old"
exit 0
