/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Whole-set checks that need every file loaded: reachability from the hub,
 * a way to an end from every step, `when` variables and values that some
 * question can produce, and review dates. Linear in steps + edges. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journey.h"
#include "util.h"

#define HUB_JOURNEY "klantreis"

/* Each edge of the step graph, in both directions, as flat arrays (CSR). */
struct graph {
	size_t n;
	size_t *out_start, *out; /* successors of i: out[out_start[i] .. out_start[i+1]) */
	size_t *in_start, *in;
};

static void edges_of(const struct step *s, void (*fn)(void *, const struct step *, const struct step *),
		     void *ctx)
{
	for (size_t o = 0; o < s->n_options; o++)
		if (s->options[o].go.step)
			fn(ctx, s, s->options[o].go.step);
	for (size_t g = 0; g < s->n_gos; g++)
		if (s->gos[g].go.step)
			fn(ctx, s, s->gos[g].go.step);
	if (s->next.step)
		fn(ctx, s, s->next.step);
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

static void graph_build(const struct journey_set *set, struct graph *g)
{
	g->n = set->n_steps;
	g->out_start = xcalloc(g->n + 2, sizeof(size_t));
	g->in_start = xcalloc(g->n + 2, sizeof(size_t));
	struct fill f = {.g = g};
	for (size_t i = 0; i < g->n; i++)
		edges_of(set->steps[i], count_edge, &f);
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
		edges_of(set->steps[i], count_edge, &f);
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

static void check_graph(const struct journey_set *set, struct diag_list *diags)
{
	struct graph g;
	graph_build(set, &g);
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
	struct vars v = {xmalloc((n + 1) * sizeof(*v.vv)), 0};
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
}

void journey_set_validate(const struct journey_set *set, const struct check_options *opt,
			  struct diag_list *diags)
{
	check_graph(set, diags);
	check_vars(set, diags);
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
}
