/* SPDX-License-Identifier: GPL-3.0-or-later */
/* All terminal-width arithmetic: columns, not bytes. Cyrillic and Latin
 * take one column a letter, CJK two, combining marks zero. Invalid UTF-8
 * becomes U+FFFD; control characters are dropped. Independent of the
 * locale, so tests and the program agree everywhere. */
#ifndef KLANTREIS_WRAP_H
#define KLANTREIS_WRAP_H

#include <stddef.h>
#include <stdint.h>

/* Decode one character from s[0..n) (n >= 1). Returns the bytes used
 * (at least 1); an invalid or truncated sequence gives U+FFFD. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
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
