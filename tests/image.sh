#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The compiled journeys as a user and an author meet them
# (docs/image-format.md): the guide links no XML parser and the compiler
# does; with --journeys an edited file shows at the next start (the
# image is compiled again and cached by the sources' hash); a damaged
# cached image or a stale image beside the XML is not used; an XML error
# is reported as file:line:col with status 1 and no image; --check still
# works through the compiler; the compiler writes atomically and refuses
# a bad command line.
# usage: image.sh PROG COMPILER FIXTURES
set -u
prog=$1 compiler=$2 fixtures=$3
fail=0
t=$(mktemp -d "${TMPDIR:-/tmp}/klantreis-image-XXXXXX")
trap 'rm -rf "$t"' EXIT
export XDG_CACHE_HOME="$t/cache" HOME="$t/home"
mkdir -p "$HOME"
no() { echo "FAIL: $*"; fail=1; }
ok() { echo "ok: $*"; }

if readelf -d "$prog" | grep NEEDED | grep -q libxml2; then no "klantreis links libxml2"; else ok "klantreis does not link libxml2"; fi
# The kiosk's libraries are opened when a kiosk needs them, not at every start.
for lib in libqrencode libcrypt; do
	if readelf -d "$prog" | grep NEEDED | grep -q "$lib"; then no "klantreis links $lib"; else ok "klantreis does not link $lib"; fi
done
readelf -d "$compiler" | grep NEEDED | grep -q libxml2 && ok "klantreis-compile links libxml2" || no "klantreis-compile does not link libxml2"

cp -r "$fixtures/good" "$t/j"
out=$("$prog" --journeys="$t/j" --export=markdown 2>&1) || no "export from fresh XML failed: $out"
title=$(sed -n 's/.*<title>\([^<]*\)<\/title>.*/\1/p' "$t/j/klantreis.xml" | head -n 1)
printf '%s\n' "$out" | grep -qF "$title" && ok "the title shows" || no "no '$title' in the export"
n=$(ls "$XDG_CACHE_HOME/klantreis/"*.kji 2>/dev/null | wc -l)
[ "$n" -eq 1 ] && ok "one image cached" || no "$n images in the cache, not 1"

# An edit shows at once: another hash, another image.
sed -i "s/<title>$title<\/title>/<title>Edited title 42<\/title>/" "$t/j/klantreis.xml"
out=$("$prog" --journeys="$t/j" --export=markdown 2>&1) || no "export after the edit failed: $out"
printf '%s\n' "$out" | grep -qF "Edited title 42" && ok "the edit shows" || no "the edit does not show"
n=$(ls "$XDG_CACHE_HOME/klantreis/"*.kji | wc -l)
[ "$n" -eq 2 ] && ok "the edit has an image of its own" || no "$n images in the cache, not 2"

# A damaged cached image is compiled again, not used.
for f in "$XDG_CACHE_HOME/klantreis/"*.kji; do head -c 100 "$f" >"$f.cut" && mv "$f.cut" "$f"; done
out=$("$prog" --journeys="$t/j" --export=markdown 2>&1) || no "a damaged cache stopped the guide: $out"
printf '%s\n' "$out" | grep -qF "Edited title 42" && ok "a damaged cache is compiled again" || no "no title after a damaged cache"

# A stale image beside the XML (another hash) is not used.
cp -r "$fixtures/good" "$t/old" && "$compiler" --journeys="$t/old" --output="$t/j/journeys.kji" ||
	no "the compiler failed on the good fixtures"
out=$("$prog" --journeys="$t/j" --export=markdown 2>&1)
printf '%s\n' "$out" | grep -qF "Edited title 42" && ok "a stale image beside the XML is not used" || no "a stale image was used"
rm -f "$t/j/journeys.kji"

# An XML error: file:line:col, status 1, the hint, nothing new cached.
before=$(ls "$XDG_CACHE_HOME/klantreis/" | wc -l)
printf '<journey id="broken" start="a"><title>B</title><step id="a"><title>A</title>\n<p>unclosed</step></journey>\n' >"$t/j/broken.xml"
out=$("$prog" --journeys="$t/j" --export=markdown 2>&1)
rc=$?
[ $rc -eq 1 ] && ok "an XML error exits 1" || no "an XML error exited $rc"
printf '%s\n' "$out" | grep -Eq 'broken\.xml:[0-9]+:[0-9]+: error: ' && ok "file:line:col" || no "no file:line:col in: $out"
printf '%s\n' "$out" | grep -qF -- "--check" && ok "the hint to run --check" || no "no hint in: $out"
after=$(ls "$XDG_CACHE_HOME/klantreis/" | wc -l)
[ "$before" -eq "$after" ] && ok "nothing cached for a broken set" || no "a broken set left a file in the cache"
out=$("$compiler" --journeys="$t/j" --output="$t/out.kji" 2>&1)
[ $? -eq 1 ] && [ ! -e "$t/out.kji" ] && ok "the compiler writes no image for a broken set" || no "the compiler: $out"
ls "$t" | grep -q 'out\.kji\.' && no "a temporary file was left"

# --check runs through the compiler and reports the error too.
out=$("$prog" --check --journeys="$t/j" 2>&1)
rc=$?
[ $rc -eq 1 ] && printf '%s\n' "$out" | grep -Eq 'broken\.xml:[0-9]+:[0-9]+: error: ' &&
	printf '%s\n' "$out" | grep -q '^klantreis: .* journeys, ' && ok "--check through the compiler" ||
	no "--check exited $rc: $out"
rm "$t/j/broken.xml"

# The cache is pruned when an image is written: the 8 used last stay
# (the new one and the 7 newest others); a temporary file a killed guide
# left is removed once a day old; other names and links are left alone.
c=$XDG_CACHE_HOME/klantreis
rm -f "$c"/*
for i in 1 2 3 4 5 6 7 8 9 10; do
	f=$(printf '%016x.kji' "$i")
	echo old >"$c/$f"
	touch -d "@$((1000000000 + i * 1000))" "$c/$f"
done
echo mine >"$t/outside"
ln -s "$t/outside" "$c/00000000000000ff.kji"
touch -h -d '@1000000000' "$c/00000000000000ff.kji"
echo notes >"$c/notes.txt"
touch -d '@1000000000' "$c/notes.txt"
echo tmp >"$c/0000000000000001.kji.AbC123"
touch -d '@1000000000' "$c/0000000000000001.kji.AbC123"
echo tmp >"$c/0000000000000002.kji.XyZ789"
sed -i "s/Edited title 42/Edited title 43/" "$t/j/klantreis.xml"
out=$("$prog" --journeys="$t/j" --export=markdown 2>&1) || no "export after a third edit failed: $out"
printf '%s\n' "$out" | grep -qF "Edited title 43" && ok "the third edit shows" || no "the third edit does not show"
n=$(find "$c" -maxdepth 1 -type f -name '*.kji' | wc -l)
[ "$n" -eq 8 ] && ok "8 images kept" || no "$n images in the cache, not 8: $(ls "$c")"
for i in 1 2 3; do
	[ -e "$c/$(printf '%016x.kji' "$i")" ] && no "old image $i was kept"
done
for i in 4 10; do
	[ -e "$c/$(printf '%016x.kji' "$i")" ] || no "recent image $i was removed"
done
[ -L "$c/00000000000000ff.kji" ] && [ "$(cat "$t/outside")" = mine ] && ok "a link and its target are left alone" ||
	no "a link in the cache was removed or followed"
[ -e "$c/notes.txt" ] && ok "another file is left alone" || no "notes.txt was removed"
[ ! -e "$c/0000000000000001.kji.AbC123" ] && [ -e "$c/0000000000000002.kji.XyZ789" ] &&
	ok "an old temporary file goes, a fresh one stays" || no "temporary files: $(ls "$c")"
# Using an image marks it used, so that it is kept longest.
img=$(ls -t "$c"/*.kji | head -n 1)
touch -d '@1000000000' "$img"
"$prog" --journeys="$t/j" --export=markdown >/dev/null 2>&1 || no "export from the cache failed"
[ "$(stat -c %Y "$img")" -gt 1000000000 ] && ok "a used image is marked used" || no "the image used was not marked"

# The compiler: standard output, an atomic file, a usage error.
"$compiler" --journeys="$t/j" --output=- >"$t/stdout.kji" && "$compiler" --journeys="$t/j" --output="$t/file.kji" &&
	cmp -s "$t/stdout.kji" "$t/file.kji" && ok "the same image on standard output and in a file" ||
	no "the image differs between standard output and a file"
"$compiler" --journeys="$t/j" --output= 2>/dev/null
[ $? -eq 2 ] && ok "--output= is a usage error" || no "--output= is not a usage error"
"$compiler" --journeys="$t/j" 2>/dev/null
[ $? -eq 2 ] && ok "no --output and no --check is a usage error" || no "no mode is not a usage error"
exit $fail
