/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `when` conditions (DESIGN.md sections 3 and 3.1):
 *   cond = term (("and" | "or") term)*      -- "and" binds tighter
 *   term = ["not "] VAR ("=" | "!=") VALUE ("|" VALUE)*
 *        | ["not "] "today" (">=" | "<") DATE   -- DATE: YYYY-MM-DD or a date fact
 * Parsed once at load time into a flat list of terms joined by and/or; all
 * memory comes from the caller's arena and lives as long as the model. */
#ifndef KLANTREIS_COND_H
#define KLANTREIS_COND_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct journey;
struct journey_set;

struct cond_term {
	bool negate;   /* "not " prefix */
	bool ne;       /* "!=" instead of "=" */
	const char *var;
	const char **values;
	size_t n_values;
	size_t offset; /* byte offset of the term in the source text */
	/* A calendar term: var is "today", values[0] the DATE as written,
	 * `date` its day when it is a literal (else -1: a fact's id). */
	bool today, ge;
	long date;
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

/* The day a calendar term compares with, on day `today` (a date fact
 * may have dated values); false when its fact is unknown. */
bool cond_term_date(const struct cond_term *t, long today, long *out);

/* Three-valued: what `c` is on day `today` whatever the answers are.
 * COND_MAYBE when it depends on an answer. NULL is COND_TRUE. */
enum cond_truth { COND_FALSE, COND_TRUE, COND_MAYBE };
enum cond_truth cond_on_day(const struct cond *c, long today);

/* The condition written back as an author would ("not a=x|y and b!=z"),
 * for trainers and exports; a calendar term naming a date fact also
 * shows the day ("today>=rtb-end (2027-03-04)"). malloc'd. */
char *cond_format(const struct cond *c);

/* The condition as words in the current language, to follow "shown":
 * "when the answer to “What work do you want to do?” is not “Health
 * care” or “Teaching at a school”", "from 4 March 2027", "until 3 March
 * 2027". A question is the title of the step that asks the variable
 * (one in journey `from` when there is one), an answer its option's
 * text; `set` may be NULL (then ids are shown). malloc'd. */
char *cond_words(const struct cond *c, const struct journey_set *set, const struct journey *from);

#endif
