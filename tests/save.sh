#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Save and resume through the plain interface: progress survives a
# restart, ticked... (the plain interface has no ticks; the TUI test does
# those), corrupt save files of several kinds are set aside with a message,
# --no-save writes nothing, "f" forgets, and kill -9 at random moments
# never leaves a save file that does not load.
set -u
prog=$1 fixtures=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export XDG_STATE_HOME="$tmp/state" LC_ALL=C.UTF-8 HOME="$tmp/home"
save=$XDG_STATE_HOME/klantreis/session
fail=0
k() { "$prog" --plain --journeys="$fixtures" "$@"; }
no() { echo "FAIL: $*"; fail=1; }

# 1. Walk two steps, quit; the next start offers to continue there.
printf '1\n2\nq\n' | k --lang=en >/dev/null
[ -f "$save" ] || no "no save file after a walk"
grep -q '^path diploma:sbb$' "$save" || no "the save file does not hold the step"
out=$(printf '1\np\nq\n' | k)
echo "$out" | grep -q '^== Welcome back ==' || no "no resume question"
# The question shows nothing of the earlier visit (whoever reads it may
# not be the person who was here); continuing does.
welcome=$(echo "$out" | sed -n '/^== Welcome back ==/,/^> /p')
echo "$welcome" | grep -q 'saved on this computer' || no "resume does not say progress is saved"
echo "$welcome" | grep -q 'SBB\|You were at' && no "resume names the step before the choice"
echo "$out" | grep -q 'Apply for an SBB valuation' || no "resumed plan is missing the SBB task"
grep -q '^answer ' "$save" || no "no answer saved to forget"
# Starting again keeps nothing of the old path, and deletes the answers.
out=$(printf '2\nq\n' | k)
echo "$out" | grep -q '^== Welcome ==' || no "start again does not show the first screen"
[ -f "$save" ] && grep -q '^answer \|diploma:sbb' "$save" && no "start again left the old answers in the file"

# 2. The language is kept.
rm -f "$save"
printf '1\nl uk\nq\n' | k --lang=en >/dev/null
grep -q '^lang uk$' "$save" || no "the language is not saved"

# 3. --no-save writes nothing at all.
rm -rf "$XDG_STATE_HOME"
printf '1\n1\n\nq\n' | k --lang=en --no-save >/dev/null
[ -e "$XDG_STATE_HOME" ] && no "--no-save created $XDG_STATE_HOME"

# 4. Corrupt files of several kinds: each is set aside, with one message,
# and the guide starts afresh.
n=0
for kind in garbage truncated newer binary unknown-step empty; do
	mkdir -p "$(dirname "$save")"
	case $kind in
	garbage) echo 'hello world' >"$save" ;;
	truncated) printf 'klantreis-session 1\nlang en\npath klantreis:start\n' >"$save" ;;
	newer) printf 'klantreis-session 7\nend\n' >"$save" ;;
	binary) printf 'klantreis-session 1\n\000\001\002end\n' >"$save" ;;
	unknown-step) printf 'klantreis-session 1\nlang en\npath gone:away\nend\n' >"$save" ;;
	empty) : >"$save" ;;
	esac
	out=$(printf 'q\n' | k --lang=en 2>&1)
	rc=$?
	n=$((n + 1))
	[ $rc -eq 0 ] || no "$kind: exit status $rc"
	echo "$out" | grep -q 'could not be read' || no "$kind: no message"
	echo "$out" | grep -q '^== Welcome ==' || no "$kind: did not start afresh"
	[ -f "$save" ] && no "$kind: the bad file is still in place"
	[ "$(ls "$(dirname "$save")" | grep -c '^session\.bad-')" -eq $n ] || no "$kind: not set aside beside the others"
done

# 5. "f" forgets: the file is gone and nothing more is written.
rm -rf "$XDG_STATE_HOME"
printf '1\nf\n1\nq\n' | k --lang=en >"$tmp/out"
grep -q 'deleted' "$tmp/out" || no "forget gave no confirmation"
[ -e "$save" ] && no "forget left a save file"

# 6. kill -9 at random moments while saving: what is on disk always loads.
rm -rf "$XDG_STATE_HOME"
printf '1\nq\n' | k --lang=en >/dev/null
yes '1
b' | head -n 4000 >"$tmp/steps"
i=0
while [ $i -lt 40 ]; do {
	i=$((i + 1))
	# Many state changes in a row, each one a save; the program itself is
	# the background job, so the kill hits it and nothing else.
	"$prog" --plain --journeys="$fixtures" --lang=en <"$tmp/steps" >/dev/null 2>&1 &
	pid=$! # the program itself (a shell function would run in a subshell)
	sleep 0.0$((i % 9 + 1))
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	[ -f "$save" ] || { no "kill $i: the save file is gone"; break; }
	"$prog" --journeys="$fixtures" --export-plan="$tmp/plan.txt" >/dev/null 2>"$tmp/err" ||
		{ no "kill $i: the save file does not load: $(cat "$tmp/err")"; cat "$save"; break; }
} 2>/dev/null; done # (the shell reports each killed job on stderr)
# The interrupted writes' temporary files are cleaned at the next start.
printf 'q\n' | k --lang=en >/dev/null
ls "$(dirname "$save")" | grep -q 'tmp-' && no "temporary files left after a restart"

# 7. --export-plan writes text or Markdown.
rm -rf "$XDG_STATE_HOME"
printf '1\n2\n1\nq\n' | k --lang=en >/dev/null
"$prog" --journeys="$fixtures" --export-plan="$tmp/plan.txt" || no "export-plan .txt failed"
"$prog" --journeys="$fixtures" --export-plan="$tmp/plan.md" || no "export-plan .md failed"
head -n 1 "$tmp/plan.md" | grep -q '^# Your action plan' || no "the .md plan is not Markdown"
grep -q '^\[ \] ' "$tmp/plan.txt" || no "the .txt plan has no task lines"

# --export-plan=PATH writes a regular file or a new name; "-" is standard
# output; a symbolic link, a FIFO or a device is refused and left alone
# (it once was replaced; as root, /dev/stdout would have been).
"$prog" --journeys="$fixtures" --export-plan=- >"$tmp/stdout.txt" || no "export-plan - failed"
cmp -s "$tmp/stdout.txt" "$tmp/plan.txt" || no "export-plan - differs from the file"
ln -s "$tmp/target" "$tmp/link"
mkfifo "$tmp/fifo"
for p in "$tmp/link" "$tmp/fifo" /dev/null; do
	timeout 10 "$prog" --journeys="$fixtures" --export-plan="$p" >/dev/null 2>"$tmp/err" &&
		no "export-plan to $p succeeded"
	grep -q 'not a regular file' "$tmp/err" || no "export-plan to $p: no clear error: $(cat "$tmp/err")"
done
[ -L "$tmp/link" ] || no "export-plan replaced a symbolic link"
[ -e "$tmp/target" ] && no "export-plan wrote through a symbolic link"
[ -p "$tmp/fifo" ] || no "export-plan replaced a FIFO"
[ -c /dev/null ] || no "export-plan replaced /dev/null"
echo old >"$tmp/regular.txt"
"$prog" --journeys="$fixtures" --export-plan="$tmp/regular.txt" || no "export-plan over a regular file failed"
cmp -s "$tmp/regular.txt" "$tmp/plan.txt" || no "export-plan did not replace a regular file"

# 8. A private journey (tests/fixtures/private, DESIGN.md section 3.2):
# nothing of it in the file, nor in --export-plan; the quick exit (x)
# ends with status 0 and leaves the file without it too.
priv=$(dirname "$fixtures")/private
kp() { "$prog" --plain --journeys="$priv" "$@"; }
clean() {
	for w in secret passport Arbeidsinspectie choice tick; do
		grep -qi "$w" "$save" && no "$1: '$w' is in the save file"
	done
}
rm -rf "$XDG_STATE_HOME"
printf '2\n1\n2\nq\n' | kp --lang=en >"$tmp/out"
grep -q 'Report to the Nederlandse Arbeidsinspectie' "$tmp/out" || no "private: the walk did not reach the plan"
grep -q '^path klantreis:done$' "$save" || no "private: the public end step is not saved"
clean "private walk"
"$prog" --journeys="$priv" --export-plan="$tmp/plan.txt" || no "private: export-plan failed"
grep -q 'Arbeidsinspectie' "$tmp/plan.txt" && no "private: the exported plan holds the private task"
grep -q 'Ask the gemeente' "$tmp/plan.txt" || no "private: the exported plan misses the public task"
out=$(printf '1\np\nq\n' | kp)
echo "$out" | grep -q 'Arbeidsinspectie\|passport' && no "private: the resumed session shows the private part"
rm -rf "$XDG_STATE_HOME"
printf '1\n1\nb\nb\n2\n1\nx\nq\n' | kp --lang=en >/dev/null
rc=$?
[ $rc -eq 0 ] || no "private: quick exit status $rc"
grep -q '^answer has-id yes$' "$save" || no "private: quick exit lost the public answer"
clean "quick exit"

# 9. A bad save file is a message, not a way into the terminal: nothing
# of its control characters (ESC, C1 CSI and OSC, bidi overrides) is
# echoed by --export-plan, whatever line they are on.
ctl() { LC_ALL=C grep -c "$(printf '[\001-\010\013-\037\177]')" "$1"; }
for bad in "$(printf 'klantreis-session 1\npath \033]0;pwned\007x\nend')" \
	"$(printf 'klantreis-session 1\n\033[2J\033]8;;http://x\033\\ y\nend')" \
	"$(printf 'klantreis-session 1\n\302\233\062J\302\235x \342\200\256y\nend')" \
	"$(printf '\033[31mklantreis-session\033[0m 1\nend')" \
	"$(printf 'klantreis-session 1\npath klantreis:start\ntick \033[1m\nend')"; do
	rm -rf "$XDG_STATE_HOME"
	mkdir -p "$(dirname "$save")"
	printf '%s\n' "$bad" >"$save"
	"$prog" --journeys="$fixtures" --export-plan="$tmp/plan.txt" >"$tmp/out" 2>"$tmp/err"
	[ -s "$tmp/err" ] || no "bad save file: no message"
	[ "$(ctl "$tmp/err")" -eq 0 ] && [ "$(ctl "$tmp/out")" -eq 0 ] ||
		no "bad save file: control characters echoed: $(od -c "$tmp/err" | head -5)"
	LC_ALL=C grep -q "$(printf '\302[\200-\237]\|\342\200[\252-\256]\|\342\201[\246-\251]')" "$tmp/err" &&
		no "bad save file: C1 or bidi controls echoed: $(od -c "$tmp/err" | head -5)"
done

[ $fail -eq 0 ] && echo "save-resume: ok"
exit $fail
