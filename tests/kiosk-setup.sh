#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# klantreis-kiosk-setup (kiosk/klantreis-kiosk-setup.in) writes a PIN hash
# that klantreis accepts: it replaces the pin_hash line and keeps every
# other line, the file's mode, and refuses a PIN that is too short.
# Usage: kiosk-setup.sh PROGRAM SCRIPT.in
set -u
prog=$1 in=$2
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
sed -e "s|@BINDIR@|$(dirname "$prog")|" -e "s|@SYSCONFDIR@|$d|" "$in" >"$d/setup"
fail=0
no() { echo "FAIL: $*"; fail=1; }

printf 'idle_seconds = 60\n# a comment\npin_hash = $6$0123456789abcdefghij\nlanguage = uk\npin_hash = $6$zzzzzzzzzzzzzzzzzzzz\n' >"$d/k.conf"
chmod 0640 "$d/k.conf"
echo 246813 | sh "$d/setup" "$d/k.conf" >/dev/null || no "setup exited $?"
[ "$(grep -c '^pin_hash = \$' "$d/k.conf")" -eq 1 ] || no "not exactly one pin_hash line"
grep -q '^pin_hash = \$y\$\|^pin_hash = \$6\$' "$d/k.conf" || no "no hash written"
grep -q 0123456789abcdefghij "$d/k.conf" && no "the old hash is still there"
grep -q '^idle_seconds = 60$' "$d/k.conf" && grep -q '^# a comment$' "$d/k.conf" &&
	grep -q '^language = uk$' "$d/k.conf" || no "other lines were not kept"
[ "$(stat -c %a "$d/k.conf")" = 640 ] || no "mode $(stat -c %a "$d/k.conf"), not 640"
# klantreis reads the file: no error about the settings (it then stops
# because there is no terminal, which is a different message).
out=$("$prog" --kiosk --kiosk-config="$d/k.conf" </dev/null 2>&1)
case $out in *k.conf:*) no "klantreis rejects the file: $out" ;; esac

before=$(cat "$d/k.conf")
echo 1234 | sh "$d/setup" "$d/k.conf" >/dev/null 2>&1 && no "a 4-character PIN was accepted"
[ "$(cat "$d/k.conf")" = "$before" ] || no "a refused PIN changed the file"
ls "$d" | grep -q 'k.conf.' && no "a temporary file was left behind"

echo 246813 | sh "$d/setup" "$d/new.conf" >/dev/null || no "setup of a new file exited $?"
grep -q '^pin_hash = \$' "$d/new.conf" || no "the new file has no pin_hash"
[ "$(stat -c %a "$d/new.conf")" = 600 ] || [ "$(stat -c %a "$d/new.conf")" = 640 ] ||
	no "new file readable by others: $(stat -c %a "$d/new.conf")"
[ $fail -eq 0 ] && echo "ok: klantreis-kiosk-setup"
exit $fail
