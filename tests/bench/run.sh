#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmarks (not part of the test suite): instruction counts with
# callgrind and peak RSS with /usr/bin/time for --check on generated sets
# of 1 000, 10 000, 100 000 and 1 000 000 steps, and for the plain
# interface's start and one step change on the shipped journeys.
#   tests/bench/run.sh [BUILD_DIR]
# SIZES="1000 10000" leaves the large sets out: 1 000 000 steps is 470 MB
# of XML, 1.9 GB of memory and about 10 minutes under callgrind.
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build}
prog=$build/src/klantreis
out=tests/bench/out
mkdir -p "$out"
command -v valgrind >/dev/null && [ -x /usr/bin/time ] || {
	echo "needs valgrind and /usr/bin/time (apt-get install valgrind time)"; exit 2; }

instr() { # LOG -> total instructions from a callgrind log
	sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$1" | tail -n 1
}

printf '%-28s %15s %12s %10s\n' "what" "instructions" "peak RSS kB" "seconds"
for n in ${SIZES:-1000 10000 100000 1000000}; do
	sh tests/bench/gen.sh $n "$out/set-$n"
	# --check runs klantreis-compile (exec): follow it.
	valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=/dev/null --log-file="$out/cg-$n.log" \
		"$prog" --check --journeys="$out/set-$n" >/dev/null 2>&1 || true
	/usr/bin/time -f '%M %e' -o "$out/time-$n" "$prog" --check --journeys="$out/set-$n" >"$out/check-$n.txt" || {
		echo "--check on $n steps failed:"; tail -n 5 "$out/check-$n.txt"; exit 1; }
	read -r rss secs <"$out/time-$n"
	printf '%-28s %15s %12s %10s\n' "--check $n steps" "$(instr "$out/cg-$n.log")" "$rss" "$secs"
done

# The plain interface on the shipped content: start to first screen, and
# the cost of one more step (difference of two runs). Each run has a home
# of its own: a saved visit would add the question "go on where you left
# off?" and answer it with the first key.
fresh_home() { rm -rf "$out/home" && mkdir -p "$out/home" && export HOME="$out/home" XDG_STATE_HOME="$out/home/state"; }
printf '' >"$out/in0"
printf '1\n' >"$out/in1"
printf '1\n\n\n\n\n\n\n\n\n\n\n' >"$out/in11"
for k in 0 1 11; do
	fresh_home
	LC_ALL=C.UTF-8 valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$out/cg-plain-$k.log" \
		"$prog" --plain --lang=en <"$out/in$k" >/dev/null 2>&1
done
i0=$(instr "$out/cg-plain-0.log") i1=$(instr "$out/cg-plain-1.log") i11=$(instr "$out/cg-plain-11.log")
fresh_home
/usr/bin/time -f '%M %e' -o "$out/time-plain" "$prog" --plain --lang=en <"$out/in0" >/dev/null
read -r rss secs <"$out/time-plain"
printf '%-28s %15s %12s %10s\n' "plain: start, first screen" "$i0" "$rss" "$secs"
printf '%-28s %15s\n' "plain: one step (1st)" "$((i1 - i0))"
printf '%-28s %15s\n' "plain: one step (mean of 10)" "$(((i11 - i1) / 10))"
