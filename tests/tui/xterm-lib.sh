# SPDX-License-Identifier: GPL-3.0-or-later
# Photographs of the guide in a real xterm under Xvfb, for the contrast
# test (xterm-contrast.sh) and scripts/screenshots:
#
#   . xterm-lib.sh                 (bash; needs PROG, CELLS and XT_DIR set)
#   xt_begin                       # a private X server: DISPLAY=:N
#   xt_start light "" -- --lang=en --today=2026-12-05
#   xt_snap "$XT_DIR/a.ppm"        # waits until the picture shows the frame
#   xt_key Down Down; xt_wait_text "> 3."; xt_snap ...; xt_stop; xt_end
#
# The guide writes every frame it paints to KLANTREIS_TEST_FRAMES_FD; a
# picture counts once it shows that frame: ink in every cell with a
# character, none in a blank one (cells.c exits 3 until then). Nothing
# waits for a fixed time, so two runs at once on a busy machine agree.
# Each run has its own display, chosen by Xvfb itself (-displayfd), its
# own xterm and its own files under XT_DIR.
#
# The terminal: 80 x 24 cells of the misc-fixed 9x18 bitmap font (Latin
# and Cyrillic, a bold face; one colour a glyph, no anti-aliasing), no
# border or scroll bar, xterm's default colours: black on white, or with
# -rv white on black.
XT_COLS=${XT_COLS:-80}
XT_ROWS=${XT_ROWS:-24}
XT_FONT='-misc-fixed-medium-r-normal--18-120-100-100-c-90-iso10646-1'
XT_BOLD='-misc-fixed-bold-r-normal--18-120-100-100-c-90-iso10646-1'
XT_TITLE="klantreis-photo-$$"
XVFB_PID=
XTERM_PID=

xt_die() {
	echo "xterm-lib: $*" >&2
	[ -s "$XT_DIR/stderr" ] && { echo "--- program stderr:" >&2; cat "$XT_DIR/stderr" >&2; }
	[ -s "$XT_DIR/cells.out" ] && { echo "--- last check:" >&2; cat "$XT_DIR/cells.out" >&2; }
	exit 1
}

xt_need() {
	local p missing=
	for p in Xvfb xterm xwd xwdtopnm xdotool; do
		command -v "$p" >/dev/null 2>&1 || missing="$missing $p"
	done
	[ -f /usr/share/fonts/X11/misc/9x18.pcf.gz ] || missing="$missing (the 9x18 font: xfonts-base)"
	[ -z "$missing" ] || xt_die "missing:$missing; run scripts/setup.sh (it installs them)"
}

# Start an X server on the first free display; it writes the number.
xt_begin() {
	xt_need
	rm -f "$XT_DIR/display"
	Xvfb -displayfd 3 -screen 0 1024x768x24 -nolisten tcp -noreset \
		3>"$XT_DIR/display" >"$XT_DIR/xvfb.log" 2>&1 &
	XVFB_PID=$!
	local i
	for i in $(seq 1 600); do
		grep -q '^[0-9][0-9]*$' "$XT_DIR/display" 2>/dev/null && break
		kill -0 "$XVFB_PID" 2>/dev/null || xt_die "Xvfb ended: $(cat "$XT_DIR/xvfb.log")"
		sleep 0.05
	done
	grep -q '^[0-9][0-9]*$' "$XT_DIR/display" || xt_die "Xvfb named no display"
	export DISPLAY=:$(cat "$XT_DIR/display")
}

xt_end() {
	xt_stop
	if [ -n "$XVFB_PID" ]; then
		kill "$XVFB_PID" 2>/dev/null || true
		wait "$XVFB_PID" 2>/dev/null || true
		XVFB_PID=
	fi
}

# xt_start light|dark "VAR=value ..." -- ARGS: the guide in a new xterm.
xt_start() {
	local theme=$1 envs=$2
	shift 3
	xt_stop
	rm -f "$XT_DIR/frames" "$XT_DIR/status" "$XT_DIR/stderr"
	: >"$XT_DIR/frames"
	mkdir -p "$XT_DIR/home"
	{
		echo 'unset LANGUAGE LC_ALL LC_MESSAGES LC_CTYPE COLUMNS LINES NO_COLOR XDG_STATE_HOME'
		printf 'export LANG=C.UTF-8 HOME=%q NCURSES_GPM_TERMS=\n' "$XT_DIR/home"
		for v in $envs; do printf 'export %q\n' "$v"; done
		printf 'exec 9>>%q\nexport KLANTREIS_TEST_FRAMES_FD=9\n' "$XT_DIR/frames"
		printf '%q' "$PROG"
		printf ' %q' "$@"
		printf ' 2>%q\n' "$XT_DIR/stderr"
		printf 'echo $? >%q\n' "$XT_DIR/status"
	} >"$XT_DIR/run.sh"
	local rv=+rv
	[ "$theme" = dark ] && rv=-rv
	# HOME: no ~/.Xdefaults; xterm's own defaults are the ones measured.
	HOME=$XT_DIR/home LANG=C.UTF-8 LC_ALL= XENVIRONMENT= XAPPLRESDIR= \
		xterm -geometry "${XT_COLS}x${XT_ROWS}+0+0" -b 0 -bw 0 +sb -u8 "$rv" \
		-fn "$XT_FONT" -fb "$XT_BOLD" -T "$XT_TITLE" -xrm 'XTerm*cursorBlink: false' \
		-e sh "$XT_DIR/run.sh" >"$XT_DIR/xterm.log" 2>&1 &
	XTERM_PID=$!
	local i win=
	# Mapped (viewable) before it can take the keyboard.
	for i in $(seq 1 600); do
		win=$(xdotool search --onlyvisible --name "^$XT_TITLE\$" 2>/dev/null | head -n 1) &&
			[ -n "$win" ] && break
		kill -0 "$XTERM_PID" 2>/dev/null || xt_die "xterm ended: $(cat "$XT_DIR/xterm.log")"
		sleep 0.05
	done
	[ -n "$win" ] || xt_die "no xterm window"
	# No window manager: give the window the keyboard (xdotool types
	# through XTEST into the focused window).
	for i in $(seq 1 100); do
		xdotool windowfocus --sync "$win" >/dev/null 2>&1 && break
		sleep 0.05
	done
	XT_SEEN=0
}

xt_stop() {
	if [ -n "$XTERM_PID" ]; then
		kill "$XTERM_PID" 2>/dev/null || true
		wait "$XTERM_PID" 2>/dev/null || true
		XTERM_PID=
	fi
}

xt_frames() { grep -c '^-- frame ' "$XT_DIR/frames" 2>/dev/null || true; }

# Keys (xdotool names: Down, Return, p); the next xt_snap waits for a
# frame painted after them.
xt_key() {
	XT_SEEN=$(xt_frames)
	xdotool key --delay 20 "$@"
}

# The last frame painted, as ROWS lines.
xt_last_frame() {
	awk '/^-- frame /{n = 0; delete l; next} {l[n++] = $0} END {for (i = 0; i < n; i++) print l[i]}' \
		"$XT_DIR/frames"
}

# Wait until the last frame painted shows TEXT (after several keys).
xt_wait_text() {
	local i
	for i in $(seq 1 1200); do
		xt_last_frame | grep -qF -- "$1" && return 0
		[ -f "$XT_DIR/status" ] && xt_die "the guide ended (status $(cat "$XT_DIR/status"))"
		sleep 0.05
	done
	xt_die "no frame showed: $1"
}

# xt_snap OUT.ppm [MIN]: wait for a new frame, then for a picture that
# shows it; leaves the picture in OUT.ppm and the contrast report in
# $XT_DIR/cells.out. Returns the check's status (0, or 1 below MIN).
xt_snap() {
	local out=$1 min=${2:-4.5} i st=3
	for i in $(seq 1 1200); do
		[ "$(xt_frames)" -gt "$XT_SEEN" ] && break
		[ -f "$XT_DIR/status" ] && xt_die "the guide ended (status $(cat "$XT_DIR/status"))"
		sleep 0.05
	done
	[ "$(xt_frames)" -gt "$XT_SEEN" ] || xt_die "the guide painted nothing"
	for i in $(seq 1 1200); do
		xt_last_frame >"$XT_DIR/frame.txt"
		xwd -silent -nobdrs -name "$XT_TITLE" >"$XT_DIR/shot.xwd" 2>"$XT_DIR/xwd.log" &&
			xwdtopnm "$XT_DIR/shot.xwd" >"$out" 2>/dev/null || { sleep 0.05; continue; }
		st=0
		"$CELLS" "$out" "$XT_DIR/frame.txt" "$XT_COLS" "$XT_ROWS" "$min" >"$XT_DIR/cells.out" 2>&1 ||
			st=$?
		[ "$st" -eq 3 ] || break
		sleep 0.05
	done
	[ "$st" -ne 3 ] || xt_die "the picture never showed the last frame"
	[ "$st" -ne 2 ] || xt_die "cannot check the picture: $(cat "$XT_DIR/cells.out")"
	XT_SEEN=$(xt_frames)
	return "$st"
}
