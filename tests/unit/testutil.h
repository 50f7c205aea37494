/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared helpers for the unit tests: temporary journey directories and
 * looking for a diagnostic. Header-only; each test program includes it. */
#ifndef KLANTREIS_TESTUTIL_H
#define KLANTREIS_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/journey.h"
#include "core/util.h"

static inline char *tu_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *t = xasprintf("%s/klantreis-test-XXXXXX", base && *base ? base : "/tmp");
	assert_non_null(mkdtemp(t));
	return t;
}

static inline void tu_write(const char *dir, const char *name, const char *text, size_t len)
{
	char *p = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(p, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	fclose(f);
	free(p);
}

static inline void tu_rmdir(const char *dir)
{
	/* Test directories hold only files and one level of directories. */
	char *cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

/* The first diagnostic whose file ends in `file`, on `line` (0: any), with
 * `needle` in its message. */
static inline const struct diag *tu_find(const struct diag_list *d, const char *file, int line,
					 const char *needle)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *x = &d->items[i];
		size_t fl = strlen(x->file), nl = strlen(file);
		if (fl < nl || strcmp(x->file + fl - nl, file) != 0)
			continue;
		if (line && x->line != line)
			continue;
		if (strstr(x->msg, needle))
			return x;
	}
	return NULL;
}

static inline void tu_dump(const struct diag_list *d)
{
	for (size_t i = 0; i < d->n; i++)
		print_message("  %s:%d:%d: %s\n", d->items[i].file, d->items[i].line, d->items[i].col,
			      d->items[i].msg);
}

#endif
