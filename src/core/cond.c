/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cond.h"

#include <string.h>

#include "facts.h"
#include "util.h"

static bool is_id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
	       (c >= 'A' && c <= 'Z');
}

static const char *skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/* True when `p` starts with the keyword `kw` followed by a space or the end. */
static bool keyword(const char *p, const char *kw)
{
	size_t n = strlen(kw);
	return strncmp(p, kw, n) == 0 && !is_id_char(p[n]) && p[n] != '=' && p[n] != '!';
}

struct cond *cond_parse(struct arena *a, const char *s, const char **err, size_t *err_offset)
{
	/* Count the terms first so that the arrays are allocated once. */
	size_t max_terms = 1;
	for (const char *p = s; *p; p++)
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			max_terms++;
	struct cond *c = arena_alloc(a, sizeof(*c));
	c->terms = arena_alloc(a, max_terms * sizeof(*c->terms));
	c->or_after = arena_alloc(a, max_terms * sizeof(*c->or_after));

	const char *p = skip_space(s);
	if (!*p) {
		*err = "empty condition";
		*err_offset = 0;
		return NULL;
	}
	for (;;) {
		struct cond_term *t = &c->terms[c->n_terms];
		t->offset = (size_t)(p - s);
		if (keyword(p, "not")) {
			t->negate = true;
			p = skip_space(p + 3);
		}
		const char *v = p;
		while (is_id_char(*p))
			p++;
		if (p == v) {
			*err = "expected a variable name";
			*err_offset = (size_t)(p - s);
			return NULL;
		}
		t->var = arena_strndup(a, v, (size_t)(p - v));
		t->date = -1;
		if (p - v == 5 && memcmp(v, "today", 5) == 0 &&
		    ((p[0] == '>' && p[1] == '=') || p[0] == '<')) {
			t->today = true;
			t->ge = p[0] == '>';
			p += t->ge ? 2 : 1;
			const char *b = p;
			while (is_id_char(*p))
				p++;
			if (p == b) {
				*err = "expected a date (YYYY-MM-DD) or the id of a date fact";
				*err_offset = (size_t)(p - s);
				return NULL;
			}
			t->values = arena_alloc(a, sizeof(*t->values));
			t->values[0] = arena_strndup(a, b, (size_t)(p - b));
			t->n_values = 1;
			if (*b >= '0' && *b <= '9' && date_parse(t->values[0], &t->date) != 0) {
				*err = "malformed date (use YYYY-MM-DD)";
				*err_offset = (size_t)(b - s);
				return NULL;
			}
			goto term_done;
		}
		if (p[0] == '!' && p[1] == '=') {
			t->ne = true;
			p += 2;
		} else if (p[0] == '=') {
			p += 1;
		} else {
			*err = "expected '=' or '!=' after the variable name";
			*err_offset = (size_t)(p - s);
			return NULL;
		}
		size_t max_values = 1;
		for (const char *q = p; *q && *q != ' '; q++)
			if (*q == '|')
				max_values++;
		t->values = arena_alloc(a, max_values * sizeof(*t->values));
		for (;;) {
			const char *b = p;
			while (is_id_char(*p))
				p++;
			if (p == b) {
				*err = "expected a value";
				*err_offset = (size_t)(p - s);
				return NULL;
			}
			t->values[t->n_values++] = arena_strndup(a, b, (size_t)(p - b));
			if (*p != '|')
				break;
			p++;
		}
	term_done:
		c->n_terms++;
		p = skip_space(p);
		if (!*p)
			break;
		if (keyword(p, "and")) {
			p = skip_space(p + 3);
		} else if (keyword(p, "or")) {
			c->or_after[c->n_terms - 1] = true;
			p = skip_space(p + 2);
		} else {
			*err = "expected 'and' or 'or'";
			*err_offset = (size_t)(p - s);
			return NULL;
		}
		if (!*p || c->n_terms >= max_terms) {
			*err = "expected a condition after 'and'/'or'";
			*err_offset = (size_t)(p - s);
			return NULL;
		}
	}
	return c;
}

bool cond_term_date(const struct cond_term *t, long today, long *out)
{
	if (t->date >= 0) {
		*out = t->date;
		return true;
	}
	return facts_date(t->values[0], today, out);
}

/* A calendar term on `today`; an unknown fact holds neither way. */
static bool today_eval(const struct cond_term *t, long today)
{
	long d;
	bool r = cond_term_date(t, today, &d) && (t->ge ? today >= d : today < d);
	return t->negate ? !r : r;
}

static bool term_eval(const struct cond_term *t, cond_lookup_fn lookup, void *ctx)
{
	if (t->today)
		return today_eval(t, facts_today());
	const char *ans = lookup(ctx, t->var);
	bool match = false;
	if (ans)
		for (size_t i = 0; i < t->n_values && !match; i++)
			match = strcmp(ans, t->values[i]) == 0;
	bool r = t->ne ? !match : match;
	return t->negate ? !r : r;
}

bool cond_eval(const struct cond *c, cond_lookup_fn lookup, void *ctx)
{
	if (!c)
		return true;
	/* An "or" of "and" groups, left to right. */
	bool group = true;
	for (size_t i = 0; i < c->n_terms; i++) {
		if (group)
			group = term_eval(&c->terms[i], lookup, ctx);
		if (i + 1 == c->n_terms || c->or_after[i]) {
			if (group)
				return true;
			group = true;
		}
	}
	return false;
}

enum cond_truth cond_on_day(const struct cond *c, long today)
{
	if (!c)
		return COND_TRUE;
	/* Kleene's logic: an answer is unknown. */
	enum cond_truth any = COND_FALSE, group = COND_TRUE;
	for (size_t i = 0; i < c->n_terms; i++) {
		const struct cond_term *t = &c->terms[i];
		enum cond_truth v = t->today ? (today_eval(t, today) ? COND_TRUE : COND_FALSE) : COND_MAYBE;
		if (group == COND_FALSE || v == COND_FALSE)
			group = COND_FALSE;
		else if (group == COND_MAYBE || v == COND_MAYBE)
			group = COND_MAYBE;
		if (i + 1 == c->n_terms || c->or_after[i]) {
			if (group == COND_TRUE)
				return COND_TRUE;
			if (group == COND_MAYBE)
				any = COND_MAYBE;
			group = COND_TRUE;
		}
	}
	return any;
}

char *cond_format(const struct cond *c)
{
	struct strbuf b;
	sb_init(&b);
	sb_add(&b, "", 0);
	for (size_t i = 0; c && i < c->n_terms; i++) {
		const struct cond_term *t = &c->terms[i];
		if (i)
			sb_puts(&b, c->or_after[i - 1] ? " or " : " and ");
		if (t->today) {
			sb_printf(&b, "%stoday%s%s", t->negate ? "not " : "", t->ge ? ">=" : "<",
				  t->values[0]);
			/* A date fact: the day it names, for trainers who see
			 * which text belongs to which period. */
			long d;
			char day[11];
			if (t->date < 0 && cond_term_date(t, facts_today(), &d)) {
				date_format(d, day);
				sb_printf(&b, " (%s)", day);
			}
			continue;
		}
		sb_printf(&b, "%s%s%s", t->negate ? "not " : "", t->var, t->ne ? "!=" : "=");
		for (size_t k = 0; k < t->n_values; k++)
			sb_printf(&b, "%s%s", k ? "|" : "", t->values[k]);
	}
	return sb_steal(&b);
}
