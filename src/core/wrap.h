/* SPDX-License-Identifier: GPL-3.0-or-later */
/* All terminal-width arithmetic: columns, not bytes. Cyrillic and Latin
 * take one column a letter, CJK two, combining marks zero. Invalid UTF-8
 * becomes U+FFFD; control characters are dropped. Independent of the
 * locale, so tests and the program agree everywhere. */
#ifndef KLANTREIS_WRAP_H
#define KLANTREIS_WRAP_H

#include <stddef.h>
#include <stdint.h>

/* The general case of utf8_decode: 3- and 4-byte sequences and every
 * invalid one. */
size_t utf8_decode_long(const char *s, size_t n, uint32_t *cp);

/* Decode one character from s[0..n) (n >= 1). Returns the bytes used
 * (at least 1); an invalid or truncated sequence gives U+FFFD. Inline for
 * what most of the text is, ASCII and 2-byte sequences (Cyrillic): each
 * character of a screen passes here several times a paint. */
static inline size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf && n >= 2 && (u[1] & 0xc0) == 0x80) {
		*cp = (uint32_t)(u[0] & 0x1f) << 6 | (u[1] & 0x3f);
		return 2;
	}
	return utf8_decode_long(s, n, cp);
}
/* Append the UTF-8 encoding of cp to buf (4 bytes room); returns bytes. */
size_t utf8_encode(uint32_t cp, char *buf);

/* Columns of one character: 0, 1 or 2; -1 for control characters. */
int wrap_cp_width(uint32_t cp);

/* A clean copy: invalid bytes as U+FFFD, tabs and newlines as spaces,
 * other control characters removed. malloc'd. */
char *wrap_sanitize(const char *s);

/* Display width of a (sanitised) string. */
int wrap_width(const char *s);

/* How many bytes of s fit in `cols` columns (never splitting a character
 * or separating it from its combining marks); *used gets their width. */
size_t wrap_fit(const char *s, int cols, int *used);

struct wrap_lines {
	char **lines; /* each malloc'd, sanitised, at most `width` columns */
	size_t n, cap;
};

/* Break s into lines of at most `width` columns (width < 1 counts as 1),
 * at spaces; words longer than the width are broken. Appends to *out. An
 * empty text gives no lines. */
void wrap_text(const char *s, int width, struct wrap_lines *out);
/* The same, but a word is never split: a word (a URL) wider than the
 * width is a line of its own, wider than the width. A width < 1 means no
 * width at all: each text is one line. */
void wrap_words(const char *s, int width, struct wrap_lines *out);
void wrap_lines_free(struct wrap_lines *l);

#endif
