/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "wrap.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

size_t utf8_decode_long(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len;
	uint32_t min;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2, min = 0x80, c &= 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, min = 0x800, c &= 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, min = 0x10000, c &= 0x07;
	else {
		*cp = 0xfffd;
		return 1;
	}
	if (len > n) {
		*cp = 0xfffd;
		return 1;
	}
	uint32_t v = c;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = 0xfffd;
			return 1;
		}
		v = v << 6 | (s[i] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
		*cp = 0xfffd;
		return 1;
	}
	*cp = v;
	return len;
}

size_t utf8_encode(uint32_t cp, char *buf)
{
	unsigned char *b = (unsigned char *)buf;
	if (cp < 0x80) {
		b[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		b[0] = (unsigned char)(0xc0 | cp >> 6);
		b[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		b[0] = (unsigned char)(0xe0 | cp >> 12);
		b[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
		b[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	b[0] = (unsigned char)(0xf0 | cp >> 18);
	b[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3f));
	b[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
	b[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

struct range {
	uint32_t lo, hi;
};

/* Combining marks and other zero-width characters (the blocks that matter
 * for the scripts a person here may meet; not the full Unicode table). */
static const struct range zero[] = {
	{0x0300, 0x036f}, {0x0483, 0x0489}, {0x0591, 0x05bd}, {0x05bf, 0x05bf},
	{0x05c1, 0x05c2}, {0x05c4, 0x05c5}, {0x05c7, 0x05c7}, {0x0610, 0x061a},
	{0x064b, 0x065f}, {0x0670, 0x0670}, {0x06d6, 0x06dc}, {0x06df, 0x06e4},
	{0x0e31, 0x0e31}, {0x0e34, 0x0e3a}, {0x0e47, 0x0e4e}, {0x1ab0, 0x1aff},
	{0x1dc0, 0x1dff}, {0x200b, 0x200f}, {0x202a, 0x202e}, {0x2060, 0x2064},
	{0x20d0, 0x20ff}, {0x302a, 0x302d}, {0x3099, 0x309a}, {0xfe00, 0xfe0f},
	{0xfe20, 0xfe2f}, {0xfeff, 0xfeff}, {0xe0100, 0xe01ef},
};

/* East Asian Wide and Fullwidth, and the emoji blocks terminals draw wide. */
static const struct range wide[] = {
	{0x1100, 0x115f},   {0x231a, 0x231b},   {0x2329, 0x232a},   {0x23e9, 0x23ec},
	{0x2614, 0x2615},   {0x2e80, 0x303e},   {0x3041, 0x33ff},   {0x3400, 0x4dbf},
	{0x4e00, 0x9fff},   {0xa000, 0xa4cf},   {0xa960, 0xa97f},   {0xac00, 0xd7a3},
	{0xf900, 0xfaff},   {0xfe10, 0xfe19},   {0xfe30, 0xfe6f},   {0xff00, 0xff60},
	{0xffe0, 0xffe6},   {0x1f300, 0x1f64f}, {0x1f900, 0x1f9ff}, {0x20000, 0x2fffd},
	{0x30000, 0x3fffd},
};

static bool in(const struct range *r, size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

int wrap_cp_width(uint32_t cp)
{
	/* Fast paths for what most text is: printable ASCII and Cyrillic
	 * letters (the tables start at U+0300 for marks, U+1100 for wide). */
	if (cp >= 0x20 && cp < 0x7f)
		return 1;
	if (cp >= 0x400 && cp <= 0x482)
		return 1;
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return -1;
	/* Bidi embeddings, overrides and isolates reorder what is shown
	 * ("Fee: U+202E 00.05" reads as 50.00): dropped like controls. */
	if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
		return -1;
	if (cp == 0xad)
		return 0; /* soft hyphen: invisible unless at a break */
	if (in(zero, sizeof zero / sizeof zero[0], cp))
		return 0;
	if (in(wide, sizeof wide / sizeof wide[0], cp))
		return 2;
	return 1;
}

char *wrap_sanitize(const char *s)
{
	struct strbuf b;
	sb_init(&b);
	sb_add(&b, "", 0);
	size_t n = strlen(s);
	xgrow((void **)&b.s, &b.cap, n + 1, 1);
	/* What is kept as it is (printable ASCII, well-formed UTF-8 that is
	 * not a control) is copied a run at a time: a valid sequence is its
	 * own encoding. */
	size_t run = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		bool valid = !(cp == 0xfffd && k == 1);
		if (valid && (cp >= 0x20 && cp < 0x7f ? true : cp >= 0x80 && wrap_cp_width(cp) >= 0)) {
			i += k;
			run += k;
			continue;
		}
		if (run)
			sb_add(&b, s + i - run, run);
		run = 0;
		if (cp == '\t' || cp == '\n' || cp == '\r') {
			sb_putc(&b, ' ');
		} else if (!valid) {
			char enc[4];
			sb_add(&b, enc, utf8_encode(0xfffd, enc));
		}
		i += k;
	}
	if (run)
		sb_add(&b, s + n - run, run);
	return sb_steal(&b);
}

/* Display width of s[0..n). */
static int width_n(const char *s, size_t n)
{
	int w = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += utf8_decode(s + i, n - i, &cp);
		int cw = wrap_cp_width(cp);
		if (cw > 0)
			w += cw;
	}
	return w;
}

int wrap_width(const char *s) { return width_n(s, strlen(s)); }

/* wrap_fit on s[0..n): stops at the first character that does not fit,
 * so its cost is the piece's length, not the string's. */
static size_t fit_n(const char *s, size_t n, int cols, int *used)
{
	size_t i = 0;
	int w = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		int cw = wrap_cp_width(cp);
		if (cw < 0)
			cw = 0;
		if (w + cw > cols && !(cw == 0 && i > 0))
			break;
		w += cw;
		i += k;
	}
	/* Combining marks that follow belong to the last character. */
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (wrap_cp_width(cp) != 0)
			break;
		i += k;
	}
	if (used)
		*used = w;
	return i;
}

size_t wrap_fit(const char *s, int cols, int *used) { return fit_n(s, strlen(s), cols, used); }

static void push(struct wrap_lines *out, const char *s, size_t n)
{
	/* Trailing spaces are never part of a line. */
	while (n && s[n - 1] == ' ')
		n--;
	xgrow((void **)&out->lines, &out->cap, out->n + 1, sizeof(*out->lines));
	out->lines[out->n++] = xstrndup(s, n);
}

static void wrap_impl(const char *text, int width, bool split, struct wrap_lines *out)
{
	if (width < 1)
		width = 1;
	char *s = wrap_sanitize(text);
	/* One space between words, so that a span's width is its words'
	 * widths plus one a gap. */
	char *w = s;
	for (const char *r = s; *r; r++)
		if (*r != ' ' || (w > s && w[-1] != ' '))
			*w++ = *r;
	*w = '\0';
	/* A line is a span of `s`: words are never copied, only measured;
	 * the span [ls, le) grows word by word and is pushed when full. */
	const char *ls = NULL, *le = NULL;
	int lw = 0;
	const char *p = s;
	for (;;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		int ww = width_n(p, (size_t)(e - p));
		if (ls && lw + 1 + ww <= width) {
			le = e;
			lw += 1 + ww;
		} else {
			if (ls)
				push(out, ls, (size_t)(le - ls));
			ls = p;
			le = e;
			lw = ww;
			/* A word wider than the line is cut into pieces; the last
			 * piece starts the next line. Unless words are kept whole:
			 * then it is a line of its own. */
			if (!split && lw > width) {
				push(out, ls, (size_t)(le - ls));
				ls = NULL;
				lw = 0;
			}
			while (split && lw > width) {
				int used = 0;
				size_t k = fit_n(ls, (size_t)(le - ls), width, &used);
				if (k == 0) { /* a 2-column character in a 1-column line */
					uint32_t cp;
					k = utf8_decode(ls, (size_t)(le - ls), &cp);
					used = wrap_cp_width(cp) > 0 ? wrap_cp_width(cp) : 0;
				}
				push(out, ls, k);
				ls += k;
				lw -= used; /* linear: the rest is never measured again */
			}
		}
		p = e;
	}
	if (ls && le > ls)
		push(out, ls, (size_t)(le - ls));
	free(s);
}

void wrap_text(const char *text, int width, struct wrap_lines *out)
{
	wrap_impl(text, width, true, out);
}

void wrap_words(const char *text, int width, struct wrap_lines *out)
{
	wrap_impl(text, width < 1 ? INT_MAX : width, false, out);
}

void wrap_lines_free(struct wrap_lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->lines[i]);
	free(l->lines);
	l->lines = NULL;
	l->n = l->cap = 0;
}
