/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The style table of the full-screen interface, as plain data: no curses
 * here, so that the contrast unit test (tests/unit/test_contrast.c) reads
 * the same rows that tui.c turns into curses attributes.
 *
 *   X(NAME, fg, bg, attrs, mono, emph)
 *
 * fg, bg   colours 0..7 (TUI_C_BLACK … TUI_C_WHITE, the ANSI order) or
 *          TUI_C_DEFAULT: the terminal's own foreground or background,
 *          which may be black on white or white on black.
 * attrs    TUI_AT_* bits on a colour terminal.
 * mono     TUI_AT_* bits without colour (NO_COLOR, TERM=vt100, a
 *          monochrome terminal): reverse, bold and underline only.
 * emph     the style of a line's emphasised part (a key name, the word
 *          "Warning:"), which curses would otherwise draw as the line's
 *          attributes plus bold: bold black is grey in xterm, VTE and the
 *          Linux console.
 *
 * The rules the unit test holds the rows to: every text/background pair
 * reaches 4.5:1 (WCAG 2) in xterm's, the Linux console's and the Tango
 * (VTE) palette, on a light and a dark default background, bold text
 * also in its bright variant; no bold black; the selection is reverse
 * video also without colour. Few pairs pass everywhere (Tango's blue,
 * cyan and green are too light for its black, the console's "yellow" is
 * brown), so colour is black on white and white on black, and text on
 * the terminal's own background is in its own foreground. */
#ifndef KLANTREIS_TUI_STYLES_H
#define KLANTREIS_TUI_STYLES_H

enum {
	TUI_C_DEFAULT = -1,
	TUI_C_BLACK = 0,
	TUI_C_RED,
	TUI_C_GREEN,
	TUI_C_YELLOW,
	TUI_C_BLUE,
	TUI_C_MAGENTA,
	TUI_C_CYAN,
	TUI_C_WHITE,
};

enum {
	TUI_AT_BOLD = 1u << 0,
	TUI_AT_UNDERLINE = 1u << 1,
	TUI_AT_REVERSE = 1u << 2,
};

#define TUI_D TUI_C_DEFAULT
#define TUI_STYLES(X)                                                                      \
	X(NORMAL, TUI_D, TUI_D, 0, 0, BOLD)                                                \
	/* Bars: black on white, a light bar on a dark terminal, light grey on a   \
	 * light one; without colour, reverse video. */                              \
	X(HEADER, TUI_C_BLACK, TUI_C_WHITE, 0, TUI_AT_REVERSE | TUI_AT_BOLD, HEADER)         \
	X(FOOTER, TUI_C_BLACK, TUI_C_WHITE, 0, TUI_AT_REVERSE, FOOTKEY)                     \
	/* Key names in the footer: white on black chips in the bar. */                  \
	X(FOOTKEY, TUI_C_WHITE, TUI_C_BLACK, TUI_AT_BOLD, TUI_AT_REVERSE | TUI_AT_BOLD, FOOTKEY) \
	X(NOTICE, TUI_D, TUI_D, TUI_AT_REVERSE | TUI_AT_BOLD, TUI_AT_REVERSE | TUI_AT_BOLD, NOTICE) \
	X(TITLE, TUI_D, TUI_D, TUI_AT_BOLD, TUI_AT_BOLD, TITLE)                              \
	X(BOLD, TUI_D, TUI_D, TUI_AT_BOLD, TUI_AT_BOLD, BOLD)                                \
	/* Warnings also carry a "! " bar and the word "Warning:". */                     \
	X(WARNING, TUI_D, TUI_D, TUI_AT_BOLD, TUI_AT_BOLD, WARNING)                          \
	/* Tips: the word "Tip:" in bold. */                                              \
	X(TIP, TUI_D, TUI_D, 0, 0, BOLD)                                                   \
	X(LINK, TUI_D, TUI_D, TUI_AT_UNDERLINE, TUI_AT_UNDERLINE, LINK)                      \
	X(URL, TUI_D, TUI_D, TUI_AT_UNDERLINE, TUI_AT_UNDERLINE, URL)                        \
	/* The selection: reverse video of the terminal's own colours, and a     \
	 * "> " marker, with colour or without. */                                       \
	X(SELECTED, TUI_D, TUI_D, TUI_AT_REVERSE | TUI_AT_BOLD, TUI_AT_REVERSE | TUI_AT_BOLD, SELECTED) \
	X(BORDER, TUI_D, TUI_D, 0, 0, BORDER)                                              \
	/* A QR code is dark modules on a light ground, also on a terminal with \
	 * a dark background. */                                                         \
	X(QR, TUI_C_BLACK, TUI_C_WHITE, 0, TUI_AT_REVERSE, QR)

#define TUI_STYLE_ENUM(name, fg, bg, attrs, mono, emph) TUI_S_##name,
enum tui_style { TUI_STYLES(TUI_STYLE_ENUM) TUI_S_COUNT };
#undef TUI_STYLE_ENUM

#endif
