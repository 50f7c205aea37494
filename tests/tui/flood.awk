# SPDX-License-Identifier: GPL-3.0-or-later
# Random terminal input for tests/tui/kiosk-flood.sh: at least `total`
# bytes (-v total=N) as lines of hex pairs for `tmux send-keys -H`, each
# line one burst of about `burst` bytes (-v burst=N), from a fixed seed
# (-v seed=N). The numbers come from the Park-Miller generator written
# out here, not from awk's rand(), so that every awk gives the same bytes.
# A mix of segments: any byte, valid UTF-8 (Cyrillic most), invalid
# UTF-8, escape sequences (CSI, SS3, OSC, DCS, a lone ESC, cut short) and
# mouse reports (X10, SGR, urxvt). Never 0x18: Ctrl-X opens the PIN
# screen, which would take the rest as PINs, and the test sends it
# between bursts to see that the kiosk has read everything before it.
# So that no burst leaves a sequence open to swallow that Ctrl-X, each
# ends with "~~~~": the first ends a CSI cut short (also an SGR mouse
# report, which curses reads to its final byte), three are the most an
# X10 mouse report ("ESC [ M" then three bytes, which a CSI here may
# happen to start) takes, and what is left is a key without a meaning.
function rnd(n) { # 0 .. n-1
	state = (state * 16807) % 2147483647
	return int(state / 2147483647 * n)
}
function put(v) {
	if (v == 24)
		v = 25
	line = line sprintf(" %02x", v)
	nline++
	count++
}
function str(s,   i) { for (i = 1; i <= length(s); i++) put(ord[substr(s, i, 1)]) }
function utf8(cp) {
	if (cp < 128) put(cp)
	else if (cp < 2048) { put(192 + int(cp / 64)); put(128 + cp % 64) }
	else if (cp < 65536) { put(224 + int(cp / 4096)); put(128 + int(cp / 64) % 64); put(128 + cp % 64) }
	else { put(240 + int(cp / 262144)); put(128 + int(cp / 4096) % 64); put(128 + int(cp / 64) % 64); put(128 + cp % 64) }
}
function params(   s, n, i) {
	s = ""
	n = rnd(4)
	for (i = 0; i < n; i++)
		s = s (i ? ";" : "") rnd(300)
	return s
}
function segment(   k, n, i, cp) {
	k = rnd(100)
	if (k < 30) { # any byte
		n = 1 + rnd(48)
		for (i = 0; i < n; i++) put(rnd(256))
	} else if (k < 50) { # valid UTF-8: Cyrillic, now and then other planes
		n = 1 + rnd(24)
		for (i = 0; i < n; i++) {
			cp = rnd(10)
			if (cp < 7) utf8(1024 + rnd(256))          # U+0400-U+04FF
			else if (cp == 7) utf8(8192 + rnd(112))     # punctuation, bidi controls
			else if (cp == 8) utf8(19968 + rnd(20000))  # CJK
			else utf8(127744 + rnd(1280))               # emoji (4 bytes)
		}
	} else if (k < 65) { # invalid UTF-8
		cp = rnd(8)
		if (cp == 0) put(128 + rnd(64))                 # a lone continuation byte
		else if (cp == 1) put(194 + rnd(30))            # a lead byte, nothing after
		else if (cp == 2) { put(224 + rnd(16)); put(128 + rnd(64)) } # cut short
		else if (cp == 3) { put(192 + rnd(2)); put(128 + rnd(64)) }  # overlong
		else if (cp == 4) { put(237); put(160 + rnd(32)); put(128 + rnd(64)) } # surrogate
		else if (cp == 5) { put(244); put(144 + rnd(48)); put(128); put(128) } # above U+10FFFF
		else if (cp == 6) put(245 + rnd(11))            # never a UTF-8 byte
		else { put(240 + rnd(5)); put(128 + rnd(64)); put(65 + rnd(26)) } # broken by ASCII
	} else if (k < 88) { # escape sequences
		cp = rnd(9)
		put(27)
		if (cp == 0) return                             # a lone ESC
		if (cp <= 3) { str("[" params()); put(64 + rnd(63)) } # CSI, any final byte
		else if (cp == 4) { str("[" params()) }         # CSI cut short
		else if (cp == 5) { str("O"); put(32 + rnd(95)) } # SS3
		else if (cp == 6) { str("]" rnd(60) ";"); n = rnd(40); for (i = 0; i < n; i++) put(32 + rnd(95)); if (rnd(2)) put(7); else str("\033\\") } # OSC
		else if (cp == 7) { str("P"); n = rnd(20); for (i = 0; i < n; i++) put(32 + rnd(95)); str("\033\\") } # DCS
		else { str("[" (1 + rnd(24)) "~") }             # a function key (F12 is quick exit)
	} else { # mouse reports
		cp = rnd(3)
		if (cp == 0) { str("\033[M"); put(32 + rnd(224)); put(32 + rnd(224)); put(32 + rnd(224)) } # X10
		else if (cp == 1) { str("\033[<" rnd(128) ";" rnd(300) ";" rnd(100)); str(rnd(2) ? "M" : "m") } # SGR
		else { str("\033[" (32 + rnd(96)) ";" rnd(300) ";" rnd(100) "M") } # urxvt
	}
}
BEGIN {
	for (i = 0; i < 256; i++) ord[sprintf("%c", i)] = i
	state = seed % 2147483646 + 1
	count = 0
	while (count < total) {
		line = ""
		nline = 0
		while (nline < burst)
			segment()
		for (i = 0; i < 4; i++)
			put(126)
		print substr(line, 2)
	}
}
