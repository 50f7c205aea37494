/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cond.h"

#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "i18n.h"
#include "journey.h"
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

/* Long on purpose: the whole `when` grammar as one scanner, which is
 * easier to check when read whole. */
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

/* The step that asks `var`, preferably in journey `from`. */
static const struct step *asking_step(const struct journey_set *set, const struct journey *from,
				      const char *var)
{
	const struct step *first = NULL;
	for (size_t i = 0; set && i < set->n_steps; i++) {
		const struct step *s = set->steps[i];
		if (s->nav != NAV_ASK || !s->var || strcmp(s->var, var) != 0)
			continue;
		if (s->journey == from)
			return s;
		if (!first)
			first = s;
	}
	return first;
}

/* The text of the option that stores `value` in `var`: on `asker` first,
 * else on any step that asks `var`; NULL when none does. */
static const char *option_text(const struct journey_set *set, const struct step *asker,
			       const char *var, const char *value)
{
	for (size_t pass = 0; pass < 2; pass++)
		for (size_t i = 0; set && i < (pass ? set->n_steps : 1); i++) {
			const struct step *s = pass ? set->steps[i] : asker;
			if (!s || s->nav != NAV_ASK || !s->var || strcmp(s->var, var) != 0)
				continue;
			for (size_t o = 0; o < s->n_options; o++)
				if (s->options[o].value && strcmp(s->options[o].value, value) == 0)
					return s->options[o].text;
		}
	return NULL;
}

/* "a or b" in words; takes both, returns a new string. */
static char *join(const char *fmt, char *a, char *b)
{
	if (!a)
		return b;
	char *r = xasprintf(fmt, a, b);
	free(a);
	free(b);
	return r;
}

static char *term_words(const struct cond_term *t, const struct journey_set *set,
			const struct journey *from)
{
	if (t->today) {
		long d;
		bool from_day = t->ge != t->negate; /* holds from the day on */
		if (!cond_term_date(t, facts_today(), &d))
			/* TRANSLATORS: a trainer annotation; %s is a date fact's name. */
			return xasprintf(from_day ? _("from the day %s") : _("before the day %s"),
					 t->values[0]);
		char day[11];
		date_format(from_day ? d : d - 1, day);
		char *words = facts_format_date(day, i18n_lang());
		/* TRANSLATORS: trainer annotations: "(shown from 4 March 2027)". */
		char *r = xasprintf(from_day ? _("from %s") : _("until %s"), words);
		free(words);
		return r;
	}
	const struct step *asker = asking_step(set, from, t->var);
	char *values = NULL;
	for (size_t k = 0; k < t->n_values; k++) {
		const char *msgid = option_text(set, asker, t->var, t->values[k]);
		char *v = msgid ? i18n_text(msgid) : xstrdup(t->values[k]);
		/* TRANSLATORS: an answer quoted in a trainer annotation. */
		char *q = xasprintf(_("“%s”"), v);
		free(v);
		/* TRANSLATORS: "A or B" in a trainer annotation. */
		values = join(_("%s or %s"), values, q);
	}
	bool is_not = t->negate != t->ne;
	char *r;
	if (asker) {
		char *question = i18n_text(asker->title);
		/* TRANSLATORS: trainer annotations, after "shown": the first %s
		 * is a question (a step's title), the second one or more
		 * answers. */
		r = xasprintf(is_not ? _("when the answer to “%s” is not %s")
				     : _("when the answer to “%s” is %s"),
			      question, values);
		free(question);
	} else {
		/* TRANSLATORS: trainer annotations: %s is a variable's name. */
		r = xasprintf(is_not ? _("when %s is not %s") : _("when %s is %s"), t->var, values);
	}
	free(values);
	return r;
}

char *cond_words(const struct cond *c, const struct journey_set *set, const struct journey *from)
{
	char *r = NULL;
	for (size_t i = 0; c && i < c->n_terms; i++) {
		char *w = term_words(&c->terms[i], set, from);
		/* TRANSLATORS: two conditions in a trainer annotation. */
		r = join(i && c->or_after[i - 1] ? _("%s or %s") : _("%s and %s"), r, w);
	}
	return r ? r : xstrdup("");
}
