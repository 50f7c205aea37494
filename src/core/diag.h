/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Diagnostics: the problems the loader and the validator find, each with a
 * file, a line and a column (1-based; 0 when unknown). The list owns all of
 * its strings. */
#ifndef KLANTREIS_DIAG_H
#define KLANTREIS_DIAG_H

#include <stdio.h>
#include <stddef.h>

enum diag_severity { DIAG_ERROR, DIAG_WARNING };

struct diag {
	char *file;
	int line, col;
	enum diag_severity severity;
	char *msg;
	size_t seq; /* insertion order, to keep the sort stable */
};

struct diag_list {
	struct diag *items;
	size_t n, cap;
	size_t errors, warnings;
};

void diag_init(struct diag_list *l);
void diag_free(struct diag_list *l);
void diag_add(struct diag_list *l, enum diag_severity sev, const char *file, int line,
	      int col, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Sort by file, line, column (stable), so output reads like a compiler's. */
void diag_sort(struct diag_list *l);
/* "FILE:LINE:COL: error: MESSAGE\n" (GNU style, untranslated: tools parse it). */
void diag_print(const struct diag *d, FILE *out);

#endif
