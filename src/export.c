/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "export.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/facts.h"
#include "core/i18n.h"
#include "core/parts.h"
#include "core/present.h"
#include "core/util.h"
#include "core/wrap.h"

int export_format_parse(const char *s)
{
	if (strcmp(s, "dot") == 0)
		return EXPORT_DOT;
	if (strcmp(s, "mermaid") == 0)
		return EXPORT_MERMAID;
	if (strcmp(s, "markdown") == 0)
		return EXPORT_MARKDOWN;
	return -1;
}

/* Translated, cleaned text (caller frees). */
static char *tr(const char *msgid)
{
	char *t = i18n_text(msgid);
	char *c = wrap_sanitize(t);
	free(t);
	return c;
}

/* A condition as words, "shown when ..." (malloc'd). */
static char *cond_text(const struct cond *c, const struct journey *from)
{
	return present_shown(c, facts_in_use(), from);
}

/* ---- dot and mermaid ---- */

static void dot_str(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

static void mermaid_id(FILE *out, const struct step *s)
{
	fputs("s_", out);
	for (const char *p = s->journey->id; *p; p++)
		fputc(*p == '-' ? '_' : *p, out);
	fputs("__", out);
	for (const char *p = s->id; *p; p++)
		fputc(*p == '-' ? '_' : *p, out);
}

static void mermaid_str(FILE *out, const char *s)
{
	/* Mermaid labels are quoted; quotes and the characters it reads as
	 * markup become entity codes. */
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputs("#quot;", out);
		else if (*s == '<')
			fputs("#lt;", out);
		else if (*s == '>')
			fputs("#gt;", out);
		else if (*s == '|')
			fputs("#124;", out);
		else
			fputc(*s, out);
	}
	fputc('"', out);
}

struct edge {
	const struct step *from, *to;
	char *label; /* owned */
	bool route;
};

/* Every edge of a step, labelled in the current language. */
static size_t step_edges(const struct step *s, struct edge **out, size_t *cap, size_t n)
{
	struct step_edge *e = xcalloc(JOURNEY_MAX_EDGES(s), sizeof(*e));
	size_t ne = journey_step_edges(s, e);
	for (size_t i = 0; i < ne; i++) {
		if (!e[i].to)
			continue;
		char *label;
		if (e[i].kind == EDGE_OPTION) {
			label = tr(s->options[e[i].i].text);
			if (e[i].when) {
				char *c = cond_text(e[i].when, s->journey);
				char *l2 = xasprintf("%s [%s]", label, c);
				free(label);
				free(c);
				label = l2;
			}
		} else if (e[i].kind == EDGE_GO) {
			label = e[i].when ? cond_words(e[i].when, facts_in_use(), s->journey)
					  : xstrdup(_("otherwise"));
		} else {
			label = xstrdup(_("Continue"));
		}
		xgrow((void **)out, cap, n + 1, sizeof(**out));
		(*out)[n++] = (struct edge){s, e[i].to, label, e[i].kind == EDGE_GO};
	}
	free(e);
	return n;
}

/* Source labels are never translated (they name Dutch documents), but
 * the word the content adds to an undated page is. */
static char *source_label(const char *text)
{
	char *lab = i18n_display(text);
	const char *u = strstr(lab, "(undated)");
	if (!u)
		return lab;
	/* TRANSLATORS: after a source's name: the page shows no date. */
	char *r = xasprintf("%.*s%s%s", (int)(u - lab), lab, _("(undated)"), u + 9);
	free(lab);
	return r;
}

/* ---- the booklet ---- */

static void md_step(const struct step *s, FILE *out)
{
	const struct journey *j = s->journey;
	char *t = tr(s->title);
	fprintf(out, "## %s {#%s-%s}\n\n", t, j->id, s->id);
	free(t);
	if (s->nav == NAV_ROUTE)
		fprintf(out, "*%s*\n\n", _("(No screen: the guide chooses the way.)"));
	for (size_t p = 0; p < s->n_paras; p++) {
		char *x = tr(s->paras[p].text);
		char *c = s->paras[p].when ? cond_text(s->paras[p].when, j) : NULL;
		const char *pre = s->paras[p].kind == PARA_WARNING ? _("Warning:")
				  : s->paras[p].kind == PARA_TIP   ? _("Tip:")
								   : NULL;
		fprintf(out, "%s%s%s%s%s%s%s\n\n", pre ? "> **" : "", pre ? pre : "", pre ? "** " : "", x,
			c ? " *(" : "", c ? c : "", c ? ")*" : "");
		free(x);
		free(c);
	}
	for (size_t l = 0; l < s->n_links; l++) {
		char *x = tr(s->links[l].text);
		fprintf(out, "- [%s](%s)\n", x, s->links[l].href);
		free(x);
	}
	if (s->n_links)
		fputc('\n', out);
	for (size_t t2 = 0; t2 < s->n_tasks; t2++) {
		char *x = tr(s->tasks[t2].text);
		char *c = s->tasks[t2].when ? cond_text(s->tasks[t2].when, j) : NULL;
		fprintf(out, "- [ ] %s%s%s%s\n", x, c ? " *(" : "", c ? c : "", c ? ")*" : "");
		free(x);
		free(c);
	}
	if (s->n_tasks)
		fputc('\n', out);
	struct edge *e = NULL;
	size_t cap = 0, n = step_edges(s, &e, &cap, 0);
	for (size_t x = 0; x < n; x++) {
		char *to = tr(e[x].to->title);
		fprintf(out, "%zu. %s → [%s](#%s-%s)\n", x + 1, e[x].label, to, e[x].to->journey->id,
			e[x].to->id);
		free(to);
		free(e[x].label);
	}
	free(e);
	if (n)
		fputc('\n', out);
	if (s->nav == NAV_END)
		fprintf(out, "*%s*\n\n", _("End of the journey: the action plan is shown."));
	fprintf(out, "%s", _("Sources:"));
	for (size_t x = 0; x < s->n_sources; x++) {
		char *lab = source_label(s->sources[x].text);
		char *day = facts_format_date(s->sources[x].date, i18n_lang());
		/* TRANSLATORS: the day a source was last looked at. */
		char *when = xasprintf(_("checked %s"), day);
		fprintf(out, "%s [%s](%s) (%s)", x ? ";" : "", lab, s->sources[x].href, when);
		free(when);
		free(day);
		free(lab);
	}
	fputs("\n\n", out);
}

/* The booklet: a table of contents, then every part in the klantreis
 * order with its steps. */
static void export_markdown(const struct journey_set *set, FILE *out)
{
	size_t np;
	struct part *parts = parts_of(set, &np, NULL);
	fprintf(out, "# %s\n\n", _("Contents"));
	for (size_t i = 0; i < np; i++) {
		char *title = tr(parts[i].title);
		char *ref = part_ref(&parts[i]);
		fprintf(out, "%zu. [%s](#part-%s%s%s) (`%s`)\n", i + 1, title, parts[i].journey->id,
			parts[i].first ? "-" : "", parts[i].first ? parts[i].entry->id : "", ref);
		free(ref);
		free(title);
	}
	for (size_t i = 0; i < np; i++) {
		const struct part *p = &parts[i];
		char *title = tr(p->title);
		fprintf(out, "\n# %zu. %s {#part-%s%s%s}\n\n", i + 1, title, p->journey->id,
			p->first ? "-" : "", p->first ? p->entry->id : "");
		free(title);
		if (p->summary) {
			char *sum = tr(p->summary);
			fprintf(out, "%s\n\n", sum);
			free(sum);
		}
		for (size_t k = p->first; k < p->end; k++)
			md_step(&p->journey->steps[k], out);
	}
	free(parts);
}

/* ---- graphs ---- */

/* Text for an HTML-like Graphviz label, broken into lines of about
 * `width` characters at spaces. */
static void dot_html(FILE *out, const char *s, size_t width)
{
	size_t col = 0;
	for (const char *p = s; *p; p++) {
		if (*p == ' ' && col >= width) {
			const char *q = p + 1;
			size_t rest = 0;
			while (*q && *q != ' ')
				rest += (*q++ & 0xc0) != 0x80;
			if (rest > 2) {
				fputs("<BR/>", out);
				col = 0;
				continue;
			}
		}
		if (*p == '&')
			fputs("&amp;", out);
		else if (*p == '<')
			fputs("&lt;", out);
		else if (*p == '>')
			fputs("&gt;", out);
		else if (*p == '"')
			fputs("&quot;", out);
		else
			fputc(*p, out);
		col += (*p & 0xc0) != 0x80;
	}
}

/* The overview: one box a part, in the klantreis order, and an arrow
 * where a part leads into another; arrows back to the hub are drawn
 * once, light, as they go back to the menu. */
static void export_overview(const struct journey_set *set, FILE *out)
{
	size_t np;
	struct part *parts = parts_of(set, &np, NULL);
	unsigned char *link = xcalloc(np * np + 1, 1);
	for (size_t i = 0; i < set->n_steps; i++) {
		const struct step *s = set->steps[i];
		size_t a = parts_find(parts, np, s);
		struct edge *e = NULL;
		size_t cap = 0, n = step_edges(s, &e, &cap, 0);
		for (size_t x = 0; x < n; x++) {
			size_t b = parts_find(parts, np, e[x].to);
			if (a != b)
				link[a * np + b] = 1;
			free(e[x].label);
		}
		free(e);
	}
	fputs("digraph klantreis {\n  rankdir=TB;\n  ranksep=0.6; nodesep=0.4; newrank=true;\n"
	      "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef3fb\", fontname=\"sans\", fontsize=14];\n"
	      "  edge [color=\"#333333\"];\n",
	      out);
	fputs("  label=", out);
	char *head = xasprintf("%s\n%s", _("The parts of the klantreis and where they lead"),
			       _("Bold: the order of the parts. Part 1 has the menu: it leads to every part, and every part leads back to it."));
	dot_str(out, head);
	free(head);
	fputs(";\n  labelloc=t; fontname=\"sans\"; fontsize=18;\n", out);
	for (size_t i = 0; i < np; i++) {
		char *title = tr(parts[i].title);
		char *ref = part_ref(&parts[i]);
		fprintf(out, "  p%zu [label=<<B>%zu.</B> ", i, i + 1);
		dot_html(out, title, 22);
		fputs("<BR/><FONT POINT-SIZE=\"10\">", out);
		dot_html(out, ref, 100);
		fputs("</FONT>>", out);
		if (i == 0)
			fputs(", fillcolor=\"#fdf1d6\"", out);
		fputs("];\n", out);
		free(ref);
		free(title);
	}
	/* The order a person takes the parts in, bold; other links between
	 * parts, thin. The hub's menu leads to every part and every part
	 * back to it: the title says so instead of twenty arrows. */
	for (size_t a = 0; a < np; a++)
		for (size_t b = 1; b < np; b++) {
			if (!link[a * np + b] || (a == 0 && b != 1))
				continue;
			if (b == a + 1)
				fprintf(out, "  p%zu -> p%zu [penwidth=2.5%s];\n", a, b,
					a + 1 == (np + 1) / 2 ? ", constraint=false" : "");
			else
				fprintf(out, "  p%zu -> p%zu [color=\"#7f9cc9\", constraint=false];\n", a, b);
		}
	/* Two columns, read top to bottom, the left one first: the map fits
	 * a slide or an A4 page in landscape. */
	size_t half = (np + 1) / 2;
	for (size_t i = 0; i < half; i++) {
		if (i + half < np)
			fprintf(out, "  { rank=same; p%zu -> p%zu [style=invis, minlen=3]; }\n", i, i + half);
		if (i + 1 < half)
			fprintf(out, "  p%zu -> p%zu [style=invis];\n", i, i + 1);
		if (i + half + 1 < np)
			fprintf(out, "  p%zu -> p%zu [style=invis];\n", i + half, i + half + 1);
	}
	free(link);
	free(parts);
	fputs("}\n", out);
}

static void node_ref(FILE *out, const struct step *s)
{
	fprintf(out, "\"%s:%s\"", s->journey->id, s->id);
}

/* One journey's steps, titled in the current language; a way out of the
 * journey ends at a box naming the part it leads to. */
static void export_journey_dot(const struct journey_set *set, const struct journey *j, FILE *out)
{
	size_t np;
	struct part *parts = parts_of(set, &np, NULL);
	char *title = tr(j->title);
	fputs("digraph klantreis {\n  rankdir=TB;\n"
	      "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef3fb\", fontname=\"sans\", fontsize=12];\n"
	      "  edge [fontname=\"sans\", fontsize=9, color=\"#333333\"];\n  labelloc=t; fontname=\"sans\"; fontsize=18;\n  label=",
	      out);
	dot_str(out, title);
	fputs(";\n", out);
	free(title);
	for (size_t k = 0; k < j->n_steps; k++) {
		const struct step *s = &j->steps[k];
		char *t = tr(s->title);
		fputs("  ", out);
		node_ref(out, s);
		fputs(" [label=<", out);
		dot_html(out, t, 26);
		fprintf(out, "<BR/><FONT POINT-SIZE=\"8\">%s</FONT>>", s->id);
		if (s->nav == NAV_END)
			fputs(", peripheries=2", out);
		if (s->nav == NAV_ROUTE)
			fputs(", shape=diamond, style=filled, fillcolor=\"#ffffff\"", out);
		if (s == j->start)
			fputs(", fillcolor=\"#fdf1d6\"", out);
		fputs("];\n", out);
		free(t);
	}
	unsigned char *out_part = xcalloc(np + 1, 1);
	for (size_t k = 0; k < j->n_steps; k++) {
		struct edge *e = NULL;
		size_t cap = 0, n = step_edges(&j->steps[k], &e, &cap, 0);
		for (size_t x = 0; x < n; x++) {
			fputs("  ", out);
			node_ref(out, e[x].from);
			fputs(" -> ", out);
			if (e[x].to->journey == j) {
				node_ref(out, e[x].to);
			} else {
				size_t b = parts_find(parts, np, e[x].to);
				fprintf(out, "\"part:%zu\"", b);
				out_part[b] = 1;
			}
			fputs(" [label=<", out);
			dot_html(out, e[x].label, 24);
			fputs(e[x].route ? ">, style=dashed];\n" : ">];\n", out);
			free(e[x].label);
		}
		free(e);
	}
	for (size_t b = 0; b < np; b++) {
		if (!out_part[b])
			continue;
		char *pt = tr(parts[b].title);
		char *ref = part_ref(&parts[b]);
		fprintf(out, "  \"part:%zu\" [shape=cds, style=filled, fillcolor=\"#e6e6e6\", label=<", b);
		/* TRANSLATORS: a box in a journey's map; %s is another part. */
		char *l = xasprintf(_("To: %s"), pt);
		dot_html(out, l, 22);
		fputs("<BR/><FONT POINT-SIZE=\"8\">", out);
		dot_html(out, ref, 100);
		fputs("</FONT>>];\n", out);
		free(l);
		free(ref);
		free(pt);
	}
	free(out_part);
	free(parts);
	fputs("}\n", out);
}

/* Long on purpose: dot and mermaid share one walk over the steps and
 * their edges; the few lines that differ per format are inline. */
void export_graph(const struct journey_set *set, enum export_format fmt, const struct journey *only,
		  FILE *out)
{
	if (fmt == EXPORT_MARKDOWN) {
		export_markdown(set, out);
		return;
	}
	if (fmt == EXPORT_DOT) {
		if (only)
			export_journey_dot(set, only, out);
		else
			export_overview(set, out);
		return;
	}
	fputs("flowchart TD\n", out);
	for (size_t i = 0; i < set->n_journeys; i++) {
		const struct journey *j = set->journeys[i];
		if (only && j != only)
			continue;
		char *title = tr(j->title);
		fprintf(out, "  subgraph %s [", j->id);
		mermaid_str(out, title);
		fputs("]\n", out);
		free(title);
		for (size_t k = 0; k < j->n_steps; k++) {
			const struct step *s = &j->steps[k];
			char *t = tr(s->title);
			fputs("    ", out);
			mermaid_id(out, s);
			fputs(s->nav == NAV_ROUTE ? "{" : s->nav == NAV_END ? "([" : "[", out);
			mermaid_str(out, t);
			fputs(s->nav == NAV_ROUTE ? "}" : s->nav == NAV_END ? "])" : "]", out);
			fputc('\n', out);
			free(t);
		}
		fputs("  end\n", out);
	}
	for (size_t i = 0; i < set->n_steps; i++) {
		if (only && set->steps[i]->journey != only)
			continue;
		struct edge *e = NULL;
		size_t cap = 0, n = step_edges(set->steps[i], &e, &cap, 0);
		for (size_t x = 0; x < n; x++) {
			fputs("  ", out);
			mermaid_id(out, e[x].from);
			fputs(e[x].route ? " -.->|" : " -->|", out);
			mermaid_str(out, e[x].label);
			fputs("| ", out);
			mermaid_id(out, e[x].to);
			fputc('\n', out);
			free(e[x].label);
		}
		free(e);
	}
}

/* ---- paths ---- */

struct walker {
	const struct journey_set *set;
	FILE *out;
	const struct step **path;
	size_t n_path;
	unsigned char *on_path; /* by step index */
	const char **vars, **vals; /* answers, a stack */
	size_t n_ans, cap_ans;
	size_t max_paths, max_visits;
	const struct journey *stay_in; /* paths end where they leave this journey */
	const struct step *leaves_to;  /* the step a path that ends so leads to */
	bool count_plans;
	size_t *choice;                /* per path position: option number, 0 for none */
	struct paths_result r;
	/* The distinct plans: a hash of each plan's set of tasks. */
	uint64_t *plans;
	size_t cap_plans;
	const struct task **tasks; /* scratch: the tasks of one plan */
	size_t cap_tasks;
};

static int ptr_cmp(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t) * (const struct task *const *)a;
	uintptr_t y = (uintptr_t) * (const struct task *const *)b;
	return x < y ? -1 : x > y;
}

/* Count the plan of the current path if no path before had the same
 * tasks (in any order: the same plan). */
static void w_count_plan(struct walker *w, size_t n_tasks)
{
	xqsort(w->tasks, n_tasks, sizeof(*w->tasks), ptr_cmp);
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n_tasks; i++) {
		h ^= (uint64_t)(uintptr_t)w->tasks[i];
		h *= 1099511628211ull;
	}
	h = h ? h : 1;
	if (w->r.plans * 2 + 2 > w->cap_plans) {
		size_t cap = w->cap_plans ? w->cap_plans * 2 : 64;
		uint64_t *t = xcalloc(cap, sizeof(*t));
		for (size_t i = 0; i < w->cap_plans; i++)
			if (w->plans[i])
				for (size_t k = w->plans[i] % cap;; k = (k + 1) % cap)
					if (!t[k]) {
						t[k] = w->plans[i];
						break;
					}
		free(w->plans);
		w->plans = t;
		w->cap_plans = cap;
	}
	for (size_t k = h % w->cap_plans;; k = (k + 1) % w->cap_plans) {
		if (w->plans[k] == h)
			return;
		if (!w->plans[k]) {
			w->plans[k] = h;
			w->r.plans++;
			return;
		}
	}
}

static const char *w_lookup(void *ctx, const char *var)
{
	struct walker *w = ctx;
	for (size_t i = w->n_ans; i-- > 0;)
		if (strcmp(w->vars[i], var) == 0)
			return w->vals[i];
	return NULL;
}

static bool w_holds(struct walker *w, const struct cond *c) { return cond_eval(c, w_lookup, w); }

static const struct step *w_settle(struct walker *w, const struct step *t)
{
	return journey_settle(w->set, t, w_lookup, w);
}

static void w_print(struct walker *w)
{
	w->r.paths++;
	if (!w->r.shortest || w->n_path < w->r.shortest)
		w->r.shortest = w->n_path;
	if (w->n_path > w->r.longest)
		w->r.longest = w->n_path;
	size_t n_tasks = 0;
	for (size_t i = 0; i < w->n_path; i++)
		for (size_t k = 0; k < w->path[i]->n_tasks; k++)
			if (w_holds(w, w->path[i]->tasks[k].when)) {
				xgrow((void **)&w->tasks, &w->cap_tasks, n_tasks + 1, sizeof(*w->tasks));
				w->tasks[n_tasks++] = &w->path[i]->tasks[k];
			}
	if (w->count_plans)
		w_count_plan(w, n_tasks);
	if (w->r.paths > w->max_paths || !w->out)
		return;
	/* Each step with the number of the option taken there, as a person
	 * would type it in the plain interface. */
	fprintf(w->out, "%s %zu:", _("Path"), w->r.paths);
	for (size_t i = 0; i < w->n_path; i++) {
		fprintf(w->out, "%s%s:%s", i ? " > " : " ", w->path[i]->journey->id, w->path[i]->id);
		if (w->choice[i])
			fprintf(w->out, " (%zu)", w->choice[i]);
	}
	if (w->leaves_to)
		fprintf(w->out, " -> %s:%s", w->leaves_to->journey->id, w->leaves_to->id);
	fputc('\n', w->out);
	/* The plan, as session_plan() builds it: path order, each task once. */
	for (size_t i = 0; i < w->n_path; i++)
		for (size_t k = 0; k < w->path[i]->n_tasks; k++) {
			const struct task *t = &w->path[i]->tasks[k];
			/* A path never repeats a step, so no task comes twice. */
			if (!w_holds(w, t->when))
				continue;
			char *x = tr(t->text);
			fprintf(w->out, "  - %s\n", x);
			free(x);
		}
}

static void w_step(struct walker *w, const struct step *s)
{
	if (++w->r.visits > w->max_visits) {
		w->r.complete = 0;
		return;
	}
	w->choice[w->n_path] = 0;
	w->path[w->n_path++] = s;
	w->on_path[s->index] = 1;
	if (w->stay_in && s->journey != w->stay_in) {
		/* The path hands over to the next part: it ends before this step. */
		w->n_path--;
		w->leaves_to = s;
		w_print(w);
		w->leaves_to = NULL;
		w->n_path++;
	} else if (s->nav == NAV_END) {
		w_print(w);
	} else if (s->nav == NAV_NEXT) {
		const struct step *t = w_settle(w, s->next.step);
		if (t && !w->on_path[t->index])
			w_step(w, t);
	} else if (s->nav == NAV_ASK) {
		size_t shown = 0;
		for (size_t o = 0; o < s->n_options && w->r.complete; o++) {
			const struct ask_option *opt = &s->options[o];
			if (!w_holds(w, opt->when))
				continue;
			w->choice[w->n_path - 1] = ++shown;
			bool pushed = false;
			if (s->var && opt->value) {
				xgrow((void **)&w->vars, &w->cap_ans, w->n_ans + 1, sizeof(*w->vars));
				w->vals = xrealloc(w->vals, w->cap_ans * sizeof(*w->vals));
				w->vars[w->n_ans] = s->var;
				w->vals[w->n_ans++] = opt->value;
				pushed = true;
			}
			const struct step *t = w_settle(w, opt->go.step);
			if (t && !w->on_path[t->index])
				w_step(w, t);
			if (pushed)
				w->n_ans--;
		}
	}
	w->on_path[s->index] = 0;
	w->n_path--;
}

static void w_free(struct walker *w)
{
	free(w->vars);
	free(w->vals);
	free(w->plans);
	free(w->tasks);
}

struct paths_result export_paths(const struct journey_set *set, const struct step *start,
				 const struct journey *stay_in, size_t max_paths, size_t max_visits,
				 FILE *out)
{
	struct walker w = {.set = set, .out = out, .max_paths = max_paths, .max_visits = max_visits,
			   .stay_in = stay_in, .count_plans = stay_in != NULL};
	w.r.complete = 1;
	w.path = xmalloc((set->n_steps + 1) * sizeof(*w.path));
	w.choice = xcalloc(set->n_steps + 1, sizeof(*w.choice));
	w.on_path = xcalloc(set->n_steps + 1, 1);
	const struct step *s = w_settle(&w, start);
	if (s)
		w_step(&w, s);
	w.r.listed = w.r.paths < max_paths ? w.r.paths : max_paths;
	if (w.r.paths > max_paths && !stay_in)
		w.r.complete = 0;
	if (!w.r.complete && out) {
		/* Too many to list: count each part on its own, from its start
		 * to where it hands over to the next part. */
		fprintf(out, "%s\n", _("Each part on its own, from its start until it leads to another part:"));
		/* TRANSLATORS: the heading of a table; keep the words short. */
		fprintf(out, "  %-24s %10s %10s\n", _("part"), _("paths"), _("plans"));
		for (size_t i = 0; i < set->n_journeys; i++) {
			const struct journey *j = set->journeys[i];
			struct walker p = {.set = set, .max_paths = 0, .max_visits = max_visits, .stay_in = j,
					   .count_plans = true};
			p.r.complete = 1;
			p.path = w.path;
			p.choice = w.choice;
			p.on_path = w.on_path;
			memset(p.on_path, 0, set->n_steps + 1);
			const struct step *js = j->start ? w_settle(&p, j->start) : NULL;
			if (js)
				w_step(&p, js);
			char *ref = xasprintf("%s:", j->id);
			fprintf(out, "  %-24s %s%9zu %10zu\n", ref, p.r.complete ? " " : ">", p.r.paths,
				p.r.plans);
			free(ref);
			w_free(&p);
		}
	}
	free(w.choice);
	free(w.path);
	free(w.on_path);
	w_free(&w);
	return w.r;
}

/* ---- the plan ---- */

void export_plan(struct session *s, int markdown, FILE *out)
{
	struct plan_link *links;
	size_t nl = session_plan_links(s, &links), nl_done = 0;
	const struct task **plan;
	size_t n = session_plan(s, &plan);
	char *heading = wrap_sanitize(_("Your action plan"));
	fprintf(out, markdown ? "# %s\n\n" : "%s\n\n", heading);
	free(heading);
	for (size_t i = 0; i < n; i++) {
		char *t = tr(plan[i]->text);
		bool done = session_ticked(s, plan[i]);
		if (markdown)
			fprintf(out, "- [%c] %s\n", done ? 'x' : ' ', t);
		else
			fprintf(out, "[%c] %s\n", done ? 'x' : ' ', t);
		free(t);
		/* The links of the step that added the task help to do it. */
		for (; nl_done < nl && links[nl_done].task == i; nl_done++) {
			const struct link *ln = links[nl_done].link;
			char *lab = tr(ln->text);
			char *href = wrap_sanitize(ln->href);
			if (markdown)
				fprintf(out, "  - [%s](%s)\n", lab, href);
			else
				fprintf(out, "    %s: %s\n", lab, href);
			free(href);
			free(lab);
		}
	}
	free(links);
	if (!n) {
		char *none = wrap_sanitize(_("Nothing yet: the steps you take will add tasks here."));
		fprintf(out, "%s\n", none);
		free(none);
	}
}

char *export_plan_text(struct session *s, int markdown, size_t *len)
{
	char *buf = NULL;
	*len = 0;
	FILE *mem = open_memstream(&buf, len);
	if (!mem)
		return NULL;
	export_plan(s, markdown, mem);
	if (fclose(mem) != 0) {
		free(buf);
		*len = 0;
		return NULL;
	}
	return buf;
}
