/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Whole-set checks that need every file loaded: reachability from the hub,
 * a way to an end from every step, `when` variables and values that some
 * question can produce, and review dates. Linear in steps + edges. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "journey.h"
#include "util.h"

#define HUB_JOURNEY "klantreis"

/* Each edge of the step graph, in both directions, as flat arrays (CSR). */
struct graph {
	size_t n;
	size_t *out_start, *out; /* successors of i: out[out_start[i] .. out_start[i+1]) */
	size_t *in_start, *in;
};

/* The edges that exist on day `today`: an option or go whose condition
 * is false that day whatever the answers are is no edge, and a route
 * stops at a go that holds that day whatever the answers are. */
static void edges_of(const struct step *s, long today,
		     void (*fn)(void *, const struct step *, const struct step *), void *ctx)
{
	struct step_edge small[16], *e = JOURNEY_MAX_EDGES(s) <= 16 ? small : xcalloc(JOURNEY_MAX_EDGES(s), sizeof(*e));
	size_t n = journey_step_edges(s, e);
	bool route_ended = false; /* a go that holds that day ends the route */
	for (size_t i = 0; i < n; i++) {
		if (e[i].kind == EDGE_GO && route_ended)
			continue;
		enum cond_truth t = cond_on_day(e[i].when, today);
		if (e[i].to && t != COND_FALSE)
			fn(ctx, s, e[i].to);
		if (e[i].kind == EDGE_GO && t == COND_TRUE)
			route_ended = true;
	}
	if (e != small)
		free(e);
}

struct fill {
	struct graph *g;
	size_t *pos_out, *pos_in;
	int pass;
};

static void count_edge(void *ctx, const struct step *a, const struct step *b)
{
	struct fill *f = ctx;
	if (f->pass == 0) {
		f->g->out_start[a->index + 1]++;
		f->g->in_start[b->index + 1]++;
	} else {
		f->g->out[f->pos_out[a->index]++] = b->index;
		f->g->in[f->pos_in[b->index]++] = a->index;
	}
}

static void graph_build(const struct journey_set *set, long today, struct graph *g)
{
	g->n = set->n_steps;
	g->out_start = xcalloc(g->n + 2, sizeof(size_t));
	g->in_start = xcalloc(g->n + 2, sizeof(size_t));
	struct fill f = {.g = g};
	for (size_t i = 0; i < g->n; i++)
		edges_of(set->steps[i], today, count_edge, &f);
	for (size_t i = 0; i < g->n; i++) {
		g->out_start[i + 1] += g->out_start[i];
		g->in_start[i + 1] += g->in_start[i];
	}
	g->out = xmalloc((g->out_start[g->n] + 1) * sizeof(size_t));
	g->in = xmalloc((g->in_start[g->n] + 1) * sizeof(size_t));
	f.pos_out = xmalloc((g->n + 1) * sizeof(size_t));
	f.pos_in = xmalloc((g->n + 1) * sizeof(size_t));
	memcpy(f.pos_out, g->out_start, g->n * sizeof(size_t));
	memcpy(f.pos_in, g->in_start, g->n * sizeof(size_t));
	f.pass = 1;
	for (size_t i = 0; i < g->n; i++)
		edges_of(set->steps[i], today, count_edge, &f);
	free(f.pos_out);
	free(f.pos_in);
}

static void graph_free(struct graph *g)
{
	free(g->out_start);
	free(g->out);
	free(g->in_start);
	free(g->in);
}

/* Breadth-first marking from the seeds in queue[0..nq). */
static void mark(const size_t *start, const size_t *adj, size_t *queue, size_t nq,
		 unsigned char *seen)
{
	for (size_t h = 0; h < nq; h++) {
		size_t v = queue[h];
		for (size_t e = start[v]; e < start[v + 1]; e++)
			if (!seen[adj[e]]) {
				seen[adj[e]] = 1;
				queue[nq++] = adj[e];
			}
	}
}

static void check_graph(const struct journey_set *set, long today, struct diag_list *diags)
{
	struct graph g;
	graph_build(set, today, &g);
	unsigned char *seen = xcalloc(g.n + 1, 1);
	size_t *queue = xmalloc((g.n + 1) * sizeof(size_t));

	const struct journey *hub = journey_set_find(set, HUB_JOURNEY);
	if (!hub) {
		char *file = xasprintf("%s/%s.xml", set->dir ? set->dir : ".", HUB_JOURNEY);
		diag_add(diags, DIAG_ERROR, file, 1, 1,
			 "there is no hub journey '%s' (klantreis.xml with a start step): the guide starts at %s:start",
			 HUB_JOURNEY, HUB_JOURNEY);
		free(file);
	} else if (hub->start) {
		seen[hub->start->index] = 1;
		queue[0] = hub->start->index;
		mark(g.out_start, g.out, queue, 1, seen);
		for (size_t i = 0; i < g.n; i++)
			if (!seen[i]) {
				const struct step *s = set->steps[i];
				diag_add(diags, DIAG_ERROR, s->journey->file, s->line, 1,
					 "step '%s:%s' cannot be reached from %s:start", s->journey->id,
					 s->id, HUB_JOURNEY);
			}
	}

	/* Backwards from every end step: what is not marked cannot finish. */
	memset(seen, 0, g.n + 1);
	size_t nq = 0;
	for (size_t i = 0; i < g.n; i++)
		if (set->steps[i]->nav == NAV_END) {
			seen[i] = 1;
			queue[nq++] = i;
		}
	mark(g.in_start, g.in, queue, nq, seen);
	for (size_t i = 0; i < g.n; i++) {
		const struct step *s = set->steps[i];
		if (!seen[i] && s->nav != NAV_NONE)
			diag_add(diags, DIAG_ERROR, s->journey->file, s->line, 1,
				 "from step '%s:%s' no end step can be reached (a loop with no way out?)",
				 s->journey->id, s->id);
	}
	free(seen);
	free(queue);
	graph_free(&g);
}

/* ---- variables ---- */

struct var_value {
	const char *var, *value;
};

static int cmp_vv(const void *a, const void *b)
{
	const struct var_value *x = a, *y = b;
	int c = strcmp(x->var, y->var);
	if (c)
		return c;
	if (!x->value || !y->value)
		return (x->value != NULL) - (y->value != NULL);
	return strcmp(x->value, y->value);
}

struct vars {
	struct var_value *vv; /* sorted; an entry with value NULL marks the var */
	size_t n;
	const struct journey_set *set;
};

static bool vars_has(const struct vars *v, const char *var, const char *value)
{
	struct var_value key = {var, value};
	return bsearch(&key, v->vv, v->n, sizeof(*v->vv), cmp_vv) != NULL;
}

static void check_when(const struct vars *v, const struct step *s, const struct cond *c, int line,
		       const char *what, struct diag_list *diags)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n_terms; i++) {
		const struct cond_term *t = &c->terms[i];
		if (t->today) {
			const char *id = t->values[0];
			const struct fact *f = facts_find(v->set, id, strlen(id));
			if (t->date < 0 && !f)
				diag_add(diags, DIAG_ERROR, s->journey->file, line, 1,
					 "when on <%s> in step '%s': today%s%s names no date and no fact",
					 what, s->id, t->ge ? ">=" : "<", id);
			else if (t->date < 0 && f->kind != FACT_DATE)
				diag_add(diags, DIAG_ERROR, s->journey->file, line, 1,
					 "when on <%s> in step '%s': fact '%s' is not a date fact",
					 what, s->id, id);
			continue;
		}
		if (!vars_has(v, t->var, NULL)) {
			diag_add(diags, DIAG_ERROR, s->journey->file, line, 1,
				 "when on <%s> in step '%s': no <ask var=\"%s\"> sets the variable '%s'",
				 what, s->id, t->var, t->var);
			continue;
		}
		for (size_t k = 0; k < t->n_values; k++)
			if (!vars_has(v, t->var, t->values[k]))
				diag_add(diags, DIAG_ERROR, s->journey->file, line, 1,
					 "when on <%s> in step '%s': no option of '%s' has the value '%s'",
					 what, s->id, t->var, t->values[k]);
	}
}

static void check_vars(const struct journey_set *set, struct diag_list *diags)
{
	size_t n = 0;
	for (size_t i = 0; i < set->n_steps; i++)
		if (set->steps[i]->var)
			n += 1 + set->steps[i]->n_options;
	struct vars v = {xmalloc((n + 1) * sizeof(*v.vv)), 0, set};
	for (size_t i = 0; i < set->n_steps; i++) {
		const struct step *s = set->steps[i];
		if (!s->var)
			continue;
		v.vv[v.n++] = (struct var_value){s->var, NULL};
		for (size_t o = 0; o < s->n_options; o++)
			if (s->options[o].value)
				v.vv[v.n++] = (struct var_value){s->var, s->options[o].value};
	}
	xqsort(v.vv, v.n, sizeof(*v.vv), cmp_vv);
	for (size_t i = 0; i < set->n_steps; i++) {
		const struct step *s = set->steps[i];
		for (size_t k = 0; k < s->n_paras; k++)
			check_when(&v, s, s->paras[k].when, s->paras[k].line, "p", diags);
		for (size_t k = 0; k < s->n_tasks; k++)
			check_when(&v, s, s->tasks[k].when, s->tasks[k].line, "task", diags);
		for (size_t k = 0; k < s->n_links; k++)
			check_when(&v, s, s->links[k].when, s->links[k].line, "link", diags);
		for (size_t k = 0; k < s->n_options; k++)
			check_when(&v, s, s->options[k].when, s->options[k].line, "option", diags);
		for (size_t k = 0; k < s->n_gos; k++)
			check_when(&v, s, s->gos[k].when, s->gos[k].line, "go", diags);
	}
	free(v.vv);
}

/* ---- dates ---- */

static void check_dates(const char *file, int line, const char *what, const char *reviewed,
			const char *valid_until, const struct check_options *opt,
			struct diag_list *diags)
{
	long d;
	if (reviewed && date_parse(reviewed, &d) == 0) {
		/* N months before today, by calendar months. */
		long limit = opt->today - (long)opt->review_months * 3652425L / 120000L;
		if (d < limit)
			diag_add(diags, DIAG_WARNING, file, line, 1,
				 "%s was last reviewed on %s, more than %d months ago: check its facts",
				 what, reviewed, opt->review_months);
		if (d > opt->today)
			diag_add(diags, DIAG_WARNING, file, line, 1,
				 "%s has reviewed=\"%s\", a date in the future", what, reviewed);
	}
	if (valid_until && date_parse(valid_until, &d) == 0 && d < opt->today)
		diag_add(diags, DIAG_WARNING, file, line, 1,
			 "%s is valid until %s, which has passed: check its facts and dates", what,
			 valid_until);
	else if (valid_until && date_parse(valid_until, &d) == 0 && d - opt->today <= opt->expiry_days)
		diag_add(diags, DIAG_WARNING, file, line, 1,
			 "%s is valid until %s (within %d days): check its facts and dates", what,
			 valid_until, opt->expiry_days);
}

/* ---- texts, placeholders and facts ---- */

void journey_set_each_text(const struct journey_set *set,
			   void (*fn)(void *ctx, const char *text, const char *file, int line), void *ctx)
{
	for (size_t i = 0; i < set->n_journeys; i++) {
		const struct journey *j = set->journeys[i];
		fn(ctx, j->title, j->file, j->line);
		fn(ctx, j->summary, j->file, j->line);
	}
	for (size_t i = 0; i < set->n_steps; i++) {
		const struct step *s = set->steps[i];
		const char *f = s->journey->file;
		fn(ctx, s->title, f, s->line);
		for (size_t k = 0; k < s->n_paras; k++)
			fn(ctx, s->paras[k].text, f, s->paras[k].line);
		for (size_t k = 0; k < s->n_tasks; k++)
			fn(ctx, s->tasks[k].text, f, s->tasks[k].line);
		for (size_t k = 0; k < s->n_links; k++)
			fn(ctx, s->links[k].text, f, s->links[k].line);
		for (size_t k = 0; k < s->n_options; k++)
			fn(ctx, s->options[k].text, f, s->options[k].line);
	}
	for (size_t i = 0; i < set->n_terms; i++)
		fn(ctx, set->terms[i].definition, set->terms[i].file, set->terms[i].line);
}

struct text_check {
	const struct journey_set *set;
	struct diag_list *diags;
	unsigned char *used; /* per fact: named by some text */
};

static void check_placeholders(void *ctx, const char *text, const char *file, int line)
{
	struct text_check *tc = ctx;
	const char *id, *bad, *p = text;
	size_t len;
	while (p && *p) {
		const char *at = facts_next_placeholder(p, &id, &len, &bad);
		if (bad) {
			diag_add(tc->diags, DIAG_ERROR, file, line, 1,
				 "'{' that starts no placeholder: write {FACT-ID} with a fact's id (a-z, 0-9, '-'): \"%.30s\"",
				 bad);
			return;
		}
		if (!at)
			return;
		const struct fact *f = facts_find(tc->set, id, len);
		if (!f)
			diag_add(tc->diags, DIAG_ERROR, file, line, 1,
				 "placeholder {%.*s} names no fact in facts.xml", (int)len, id);
		else
			tc->used[f - tc->set->facts] = 1;
		p = id + len + 1;
	}
}

static void mark_cond_facts(struct text_check *tc, const struct cond *c)
{
	for (size_t i = 0; c && i < c->n_terms; i++) {
		const struct fact *f = c->terms[i].today && c->terms[i].date < 0
					       ? facts_find(tc->set, c->terms[i].values[0],
							    strlen(c->terms[i].values[0]))
					       : NULL;
		if (f)
			tc->used[f - tc->set->facts] = 1;
	}
}

static void check_facts(const struct journey_set *set, const struct check_options *opt,
			struct diag_list *diags)
{
	struct text_check tc = {set, diags, xcalloc(set->n_facts + 1, 1)};
	journey_set_each_text(set, check_placeholders, &tc);
	for (size_t i = 0; i < set->n_steps; i++) {
		const struct step *s = set->steps[i];
		for (size_t k = 0; k < s->n_paras; k++)
			mark_cond_facts(&tc, s->paras[k].when);
		for (size_t k = 0; k < s->n_tasks; k++)
			mark_cond_facts(&tc, s->tasks[k].when);
		for (size_t k = 0; k < s->n_links; k++)
			mark_cond_facts(&tc, s->links[k].when);
		for (size_t k = 0; k < s->n_options; k++)
			mark_cond_facts(&tc, s->options[k].when);
		for (size_t k = 0; k < s->n_gos; k++)
			mark_cond_facts(&tc, s->gos[k].when);
	}
	for (size_t i = 0; i < set->n_facts; i++)
		if (!tc.used[i])
			diag_add(diags, DIAG_WARNING, set->facts[i].file, set->facts[i].line, 1,
				 "fact '%s' is named by no text and no condition", set->facts[i].id);
	char a[11], b[11];
	for (size_t i = 0; i < set->n_facts; i++) {
		const struct fact *f = &set->facts[i];
		if (!f->n_values)
			continue;
		long last = f->values[f->n_values - 1].until;
		if (!fact_value_at(f, opt->today) && last < opt->today) {
			date_format(last, a);
			diag_add(diags, DIAG_WARNING, f->file, f->line, 1,
				 "fact '%s' has no value after %s: the guide shows \"see ... for the current figure\" and links %s; add the current value",
				 f->id, a, f->n_sources ? f->sources[0].href : "its source");
		} else if (last != FACT_OPEN_UNTIL && last - opt->today <= opt->expiry_days) {
			date_format(last, a);
			diag_add(diags, DIAG_WARNING, f->file, f->line, 1,
				 "fact '%s' runs out on %s (within %d days): add the value that follows",
				 f->id, a, opt->expiry_days);
		}
		if (!fact_value_at(f, opt->today) && f->values[0].from > opt->today) {
			date_format(f->values[0].from, b);
			diag_add(diags, DIAG_WARNING, f->file, f->line, 1,
				 "fact '%s' has no value before %s", f->id, b);
		}
	}
	free(tc.used);
}

/* ---- calendar periods ---- */

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return (x > y) - (x < y);
}

struct days {
	long *d;
	size_t n, cap;
	const struct journey_set *set;
};

static void days_add(struct days *ds, long d)
{
	xgrow((void **)&ds->d, &ds->cap, ds->n + 1, sizeof(*ds->d));
	ds->d[ds->n++] = d;
}

static void cond_days(struct days *ds, const struct cond *c)
{
	for (size_t i = 0; c && i < c->n_terms; i++) {
		const struct cond_term *t = &c->terms[i];
		if (!t->today)
			continue;
		if (t->date >= 0) {
			days_add(ds, t->date);
			continue;
		}
		const struct fact *f = facts_find(ds->set, t->values[0], strlen(t->values[0]));
		for (size_t k = 0; f && k < f->n_values; k++) {
			long d;
			if (date_parse(f->values[k].text, &d) == 0)
				days_add(ds, d);
			if (f->values[k].from != FACT_OPEN_FROM)
				days_add(ds, f->values[k].from);
		}
	}
}

/* The first day of every calendar period the content tells apart. */
static void period_starts(const struct journey_set *set, struct days *ds)
{
	ds->set = set;
	for (size_t i = 0; i < set->n_steps; i++) {
		const struct step *s = set->steps[i];
		for (size_t k = 0; k < s->n_paras; k++)
			cond_days(ds, s->paras[k].when);
		for (size_t k = 0; k < s->n_tasks; k++)
			cond_days(ds, s->tasks[k].when);
		for (size_t k = 0; k < s->n_links; k++)
			cond_days(ds, s->links[k].when);
		for (size_t k = 0; k < s->n_options; k++)
			cond_days(ds, s->options[k].when);
		for (size_t k = 0; k < s->n_gos; k++)
			cond_days(ds, s->gos[k].when);
	}
	if (ds->n)
		xqsort(ds->d, ds->n, sizeof(*ds->d), cmp_long);
}

static bool diag_known(const struct diag_list *l, const struct diag *d)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].line == d->line && strcmp(l->items[i].file, d->file) == 0 &&
		    strcmp(l->items[i].msg, d->msg) == 0)
			return true;
	return false;
}

/* The graph as it is today, then as it will be from the start of each
 * later period: a step that only becomes unreachable on 4 March 2027 is
 * reported now, with the day it happens. */
static void check_graph_periods(const struct journey_set *set, long today, struct diag_list *diags)
{
	struct diag_list seen;
	diag_init(&seen);
	check_graph(set, today, &seen);
	for (size_t k = 0; k < seen.n; k++) {
		const struct diag *d = &seen.items[k];
		diag_add(diags, d->severity, d->file, d->line, d->col, "%s", d->msg);
	}
	struct days ds = {0};
	period_starts(set, &ds);
	for (size_t i = 0; i < ds.n; i++) {
		if (ds.d[i] <= today || (i && ds.d[i] == ds.d[i - 1]))
			continue;
		struct diag_list later;
		diag_init(&later);
		check_graph(set, ds.d[i], &later);
		char from[11];
		date_format(ds.d[i], from);
		for (size_t k = 0; k < later.n; k++) {
			const struct diag *d = &later.items[k];
			if (diag_known(&seen, d))
				continue;
			diag_add(&seen, d->severity, d->file, d->line, d->col, "%s", d->msg);
			diag_add(diags, d->severity, d->file, d->line, d->col, "%s (from %s)", d->msg, from);
		}
		diag_free(&later);
	}
	free(ds.d);
	diag_free(&seen);
}

void journey_set_validate(const struct journey_set *set, const struct check_options *opt,
			  struct diag_list *diags)
{
	check_graph_periods(set, opt->today, diags);
	check_vars(set, diags);
	check_facts(set, opt, diags);
	char what[160];
	for (size_t i = 0; i < set->n_journeys; i++) {
		const struct journey *j = set->journeys[i];
		snprintf(what, sizeof what, "journey '%s'", j->id);
		check_dates(j->file, j->line, what, j->reviewed, j->valid_until, opt, diags);
		for (size_t k = 0; k < j->n_steps; k++) {
			const struct step *s = &j->steps[k];
			snprintf(what, sizeof what, "step '%s'", s->id);
			check_dates(j->file, s->line, what, s->reviewed, s->valid_until, opt, diags);
		}
	}
	if (set->glossary_file)
		check_dates(set->glossary_file, set->glossary_line, "the glossary",
			    set->glossary_reviewed, NULL, opt, diags);
	if (set->facts_file)
		check_dates(set->facts_file, set->facts_line, "the facts", set->facts_reviewed, NULL,
			    opt, diags);
}
