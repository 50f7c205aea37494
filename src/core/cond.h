/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `when` conditions (DESIGN.md section 3):
 *   cond = term (("and" | "or") term)*      -- "and" binds tighter
 *   term = ["not "] VAR ("=" | "!=") VALUE ("|" VALUE)*
 * Parsed once at load time into a flat list of terms joined by and/or; all
 * memory comes from the caller's arena and lives as long as the model. */
#ifndef KLANTREIS_COND_H
#define KLANTREIS_COND_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

struct cond_term {
	bool negate;   /* "not " prefix */
	bool ne;       /* "!=" instead of "=" */
	const char *var;
	const char **values;
	size_t n_values;
	size_t offset; /* byte offset of the term in the source text */
};

struct cond {
	size_t n_terms;
	struct cond_term *terms;
	bool *or_after; /* or_after[i]: term i and i+1 are joined by "or" */
};

/* Parse `s`. On success returns the condition. On error returns NULL and
 * stores a static English message in *err and the 0-based byte offset of
 * the problem in *err_offset. */
struct cond *cond_parse(struct arena *a, const char *s, const char **err, size_t *err_offset);

/* Looks up the answer to `var`; NULL when unanswered. */
typedef const char *(*cond_lookup_fn)(void *ctx, const char *var);

/* NULL condition is true. An unanswered variable makes VAR=... false and
 * VAR!=... true. */
bool cond_eval(const struct cond *c, cond_lookup_fn lookup, void *ctx);

/* The condition written back as an author would ("not a=x|y and b!=z"),
 * for trainers and exports. malloc'd. */
char *cond_format(const struct cond *c);

#endif
