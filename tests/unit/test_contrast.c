/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every style of the full-screen interface (src/tui/styles.h) is readable:
 * each text/background pair reaches 4.5:1 (WCAG 2 contrast ratio) in
 * three common palettes, on a light and on a dark default background. */
#include <math.h>

#include "testutil.h"

#include "tui/styles.h"

/* The 16 colours of each palette, 0..7 and their bright variants 8..15. */
struct palette {
	const char *name;
	unsigned rgb[16];
};

static const struct palette palettes[] = {
	/* xterm's defaults (XTerm-col.ad, charproc.c): black, red3, green3,
	 * yellow3, blue2, magenta3, cyan3, gray90; gray50, red, green,
	 * yellow, #5c5cff, magenta, cyan, white. */
	{"xterm",
	 {0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5, 0x7f7f7f,
	  0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff}},
	/* The Linux console (drivers/tty/vt/vt.c, default_red/grn/blu): its
	 * "yellow" is brown. */
	{"linux",
	 {0x000000, 0xaa0000, 0x00aa00, 0xaa5500, 0x0000aa, 0xaa00aa, 0x00aaaa, 0xaaaaaa, 0x555555,
	  0xff5555, 0x55ff55, 0xffff55, 0x5555ff, 0xff55ff, 0x55ffff, 0xffffff}},
	/* Tango, the palette of GNOME Terminal and other VTE terminals
	 * (gnome-terminal's profile defaults): its black is #2e3436. */
	{"tango",
	 {0x2e3436, 0xcc0000, 0x4e9a06, 0xc4a000, 0x3465a4, 0x75507b, 0x06989a, 0xd3d7cf, 0x555753,
	  0xef2929, 0x8ae234, 0xfce94f, 0x729fcf, 0xad7fa8, 0x34e2e2, 0xeeeeec}},
};

/* The terminal's own colours: black on white (xterm's default) and white
 * on black (xterm -rv, most dark themes). */
static const unsigned defaults[][2] = {{0x000000, 0xffffff}, {0xffffff, 0x000000}};

struct style_row {
	const char *name;
	int fg, bg;
	unsigned attrs, mono;
	enum tui_style emph;
};
#define ROW(n, f, b, a, m, e) [TUI_S_##n] = {#n, f, b, a, m, TUI_S_##e},
static const struct style_row rows[TUI_S_COUNT] = {TUI_STYLES(ROW)};
#undef ROW

static double channel(unsigned v)
{
	double c = (double)v / 255.0;
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

/* Relative luminance, WCAG 2. */
static double luminance(unsigned rgb)
{
	return 0.2126 * channel(rgb >> 16 & 0xff) + 0.7152 * channel(rgb >> 8 & 0xff) +
	       0.0722 * channel(rgb & 0xff);
}

static double ratio(unsigned a, unsigned b)
{
	double la = luminance(a), lb = luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* A colour of the row in a palette, with the terminal's defaults. */
static unsigned colour(const struct palette *p, const unsigned *def, int c, bool fg)
{
	if (c == TUI_C_DEFAULT)
		return fg ? def[0] : def[1];
	return p->rgb[c];
}

/* The lowest ratio of a row over the palettes and both defaults; *where
 * names the worst case. Bold text with a colour of 0..7 is checked as it
 * is and as its bright variant: xterm (boldColors), the Linux console and
 * VTE's "bold is bright" draw it so. Reverse swaps the two. */
static double worst(const struct style_row *r, unsigned attrs, char *where, size_t len)
{
	double low = 1e9;
	for (size_t p = 0; p < sizeof palettes / sizeof palettes[0]; p++) {
		const struct palette *pal = &palettes[p];
		for (size_t d = 0; d < 2; d++) {
			for (int bright = 0; bright <= ((attrs & TUI_AT_BOLD) && r->fg >= 0); bright++) {
				unsigned fg = colour(pal, defaults[d], r->fg, true);
				unsigned bg = colour(pal, defaults[d], r->bg, false);
				if (bright)
					fg = pal->rgb[r->fg + 8];
				if (attrs & TUI_AT_REVERSE) {
					unsigned x = fg;
					fg = bg;
					bg = x;
				}
				double q = ratio(fg, bg);
				if (q < low) {
					low = q;
					snprintf(where, len, "%s, %s default background%s: #%06x on #%06x",
						 pal->name, d ? "dark" : "light", bright ? ", bold as bright" : "",
						 fg, bg);
				}
			}
		}
	}
	return low;
}

static void test_every_pair(void **state)
{
	(void)state;
	int bad = 0;
	for (int i = 0; i < TUI_S_COUNT; i++) {
		char where[160];
		double q = worst(&rows[i], rows[i].attrs, where, sizeof where);
		print_message("%-9s %5.2f:1 at worst (%s)\n", rows[i].name, q, where);
		if (q < 4.5) {
			print_error("style %s: contrast %.2f:1 < 4.5:1 (%s)\n", rows[i].name, q, where);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

/* Bold black is drawn grey (xterm, VTE, the console): never ask for it,
 * also not through a line's emphasis. */
static void test_no_bold_black(void **state)
{
	(void)state;
	for (int i = 0; i < TUI_S_COUNT; i++) {
		bool bold = rows[i].attrs & TUI_AT_BOLD;
		bool black = rows[i].fg == TUI_C_BLACK && !(rows[i].attrs & TUI_AT_REVERSE);
		black |= rows[i].bg == TUI_C_BLACK && (rows[i].attrs & TUI_AT_REVERSE);
		if (bold && black)
			fail_msg("style %s is bold black", rows[i].name);
	}
}

/* Without colour (NO_COLOR, TERM=vt100, a monochrome terminal) the
 * selection, the bars and a notice still stand out: reverse video. */
static void test_without_colour(void **state)
{
	(void)state;
	const enum tui_style need[] = {TUI_S_SELECTED, TUI_S_HEADER, TUI_S_FOOTER, TUI_S_NOTICE};
	for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
		if (!(rows[need[i]].mono & TUI_AT_REVERSE))
			fail_msg("style %s is not reverse video without colour", rows[need[i]].name);
	/* Selected also with colour: reverse or a colour pair of its own. */
	assert_true((rows[TUI_S_SELECTED].attrs & TUI_AT_REVERSE) ||
		    rows[TUI_S_SELECTED].bg != TUI_C_DEFAULT);
}

/* The test's own arithmetic, against ratios WCAG's examples give. */
static void test_ratio(void **state)
{
	(void)state;
	assert_true(fabs(ratio(0x000000, 0xffffff) - 21.0) < 0.01);
	assert_true(fabs(ratio(0xffffff, 0xffffff) - 1.0) < 0.01);
	assert_true(fabs(ratio(0x767676, 0xffffff) - 4.54) < 0.01);
	/* The measurement: bold black (xterm's gray50) on yellow3. */
	assert_true(fabs(ratio(0x7f7f7f, 0xcdcd00) - 2.35) < 0.01);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ratio),
		cmocka_unit_test(test_every_pair),
		cmocka_unit_test(test_no_bold_black),
		cmocka_unit_test(test_without_colour),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
