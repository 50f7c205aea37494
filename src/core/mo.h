/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gettext's compiled catalogues (.mo files, docs/catalogues.md), read
 * on demand: a look-up reads the message it needs with pread() and keeps
 * it, instead of mapping the whole file as glibc's gettext does (the
 * kernel maps a file in blocks of up to 64 kB, so the first screen's
 * look-ups, spread over a 300 kB catalogue, cost all of it). */
#ifndef KLANTREIS_MO_H
#define KLANTREIS_MO_H

#include <stdbool.h>
#include <stddef.h>

struct mo;

/* Opens the catalogue at `path` and checks its header, its tables'
 * bounds and its Plural-Forms. NULL when it cannot be read or is not a
 * catalogue; `err` (errlen bytes) then says where and what. */
struct mo *mo_open(const char *path, char *err, size_t errlen);
void mo_close(struct mo *m);

/* The translation of `msgid`, or NULL when the catalogue has none (or
 * the entry cannot be read: mo_error() says why). Valid until
 * mo_close(). */
const char *mo_get(struct mo *m, const char *msgid);

/* The translation of `msgid` in the plural form the catalogue's
 * Plural-Forms picks for n; NULL as for mo_get(). */
const char *mo_nget(struct mo *m, const char *msgid, unsigned long n);

/* The first problem met reading an entry after mo_open() (an offset
 * outside the file, a string without its terminating NUL), or NULL. */
const char *mo_error(const struct mo *m);

/* The number of messages (the header included). */
size_t mo_count(const struct mo *m);

/* Evaluates a Plural-Forms expression (C syntax: n, decimal numbers,
 * ! * / % + - < > <= >= == != && || ?: and parentheses) for n. Returns
 * false with *err pointing into `expr` at the problem and *why saying
 * what, when it is not one. Division by zero gives 0. */
bool mo_plural_eval(const char *expr, unsigned long n, unsigned long *out, const char **err,
		    const char **why);

#endif
