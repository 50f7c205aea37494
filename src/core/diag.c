/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "wrap.h"

void diag_init(struct diag_list *l) { memset(l, 0, sizeof(*l)); }

void diag_free(struct diag_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].file);
		free(l->items[i].msg);
	}
	free(l->items);
	diag_init(l);
}

void diag_add(struct diag_list *l, enum diag_severity sev, const char *file, int line,
	      int col, const char *fmt, ...)
{
	xgrow((void **)&l->items, &l->cap, l->n + 1, sizeof(*l->items));
	struct diag *d = &l->items[l->n++];
	/* Every message leaves the program: no control or bidi character of
	 * a file name or of content quoted in it reaches a terminal. */
	d->file = wrap_sanitize(file ? file : "");
	d->line = line;
	d->col = col;
	d->severity = sev;
	d->seq = l->n - 1;
	va_list ap;
	va_start(ap, fmt);
	char *raw = NULL;
	if (vasprintf(&raw, fmt, ap) < 0)
		raw = NULL;
	va_end(ap);
	d->msg = wrap_sanitize(raw ? raw : "(out of memory)");
	free(raw);
	if (sev == DIAG_ERROR)
		l->errors++;
	else
		l->warnings++;
}

static int diag_cmp(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	int c = strcmp(x->file, y->file);
	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void diag_sort(struct diag_list *l)
{
	if (l->n > 1)
		xqsort(l->items, l->n, sizeof(*l->items), diag_cmp);
}

void diag_print(const struct diag *d, FILE *out)
{
	fprintf(out, "%s:%d:%d: %s: %s\n", d->file, d->line, d->col,
		d->severity == DIAG_ERROR ? "error" : "warning", d->msg);
}
