/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small helpers shared by the core and the front ends: checked allocation,
 * an arena that owns the journey model, a growable string buffer.
 *
 * xmalloc() and friends never return NULL: on exhaustion they call the
 * handler set with util_set_oom_handler() (the TUI restores the terminal
 * there) and then abort(). The core itself never exits on any other path. */
#ifndef KLANTREIS_UTIL_H
#define KLANTREIS_UTIL_H

#include <stdarg.h>
#include <stddef.h>

void util_set_oom_handler(void (*fn)(void));
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow *p (an array of *cap elements of size `size`) so that it holds at
 * least `need` elements; doubles, never shrinks. */
void xgrow(void **p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* qsort that accepts an empty (even NULL) array, which qsort itself does
 * not (UBSan reports it). */
void xqsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Arena: many small allocations freed at once. Everything in the journey
 * model lives in one arena owned by the journey_set. */
struct arena;
struct arena *arena_new(void);
void arena_free(struct arena *a);
void *arena_alloc(struct arena *a, size_t n); /* zeroed, aligned for any type */
void *arena_alloc_raw(struct arena *a, size_t n); /* not zeroed, byte-aligned */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* Growable NUL-terminated buffer. */
struct strbuf {
	char *s;
	size_t len, cap;
};
void sb_init(struct strbuf *b);
void sb_free(struct strbuf *b);
void sb_add(struct strbuf *b, const char *s, size_t n);
void sb_puts(struct strbuf *b, const char *s);
void sb_putc(struct strbuf *b, char c);
void sb_printf(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *sb_steal(struct strbuf *b); /* returns the string; the buffer is reset */

/* Dates: "YYYY-MM-DD" to days since 1970-01-01. Returns 0 and sets *days on
 * a real calendar date, -1 otherwise. */
/* A whole file, NUL-terminated (*len: its length); NULL when it cannot
 * be opened. */
char *util_read_file(const char *path, size_t *len);

int date_parse(const char *s, long *days);
/* Days since the epoch for year/month/day (month 1..12). */
long date_days(int y, int m, int d);
/* Days since 1970-01-01 as YYYY-MM-DD. */
void date_format(long days, char out[11]);

#endif
