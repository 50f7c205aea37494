/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "export.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
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

static char *cond_text(const struct cond *c) { return cond_format(c); }

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
	for (size_t o = 0; o < s->n_options; o++) {
		if (!s->options[o].go.step)
			continue;
		char *label = tr(s->options[o].text);
		if (s->options[o].when) {
			char *c = cond_text(s->options[o].when);
			char *l2 = xasprintf("%s [%s]", label, c);
			free(label);
			free(c);
			label = l2;
		}
		xgrow((void **)out, cap, n + 1, sizeof(**out));
		(*out)[n++] = (struct edge){s, s->options[o].go.step, label, false};
	}
	for (size_t g = 0; g < s->n_gos; g++) {
		if (!s->gos[g].go.step)
			continue;
		char *label = s->gos[g].when ? cond_text(s->gos[g].when) : xstrdup(_("otherwise"));
		xgrow((void **)out, cap, n + 1, sizeof(**out));
		(*out)[n++] = (struct edge){s, s->gos[g].go.step, label, true};
	}
	if (s->next.step) {
		xgrow((void **)out, cap, n + 1, sizeof(**out));
		(*out)[n++] = (struct edge){s, s->next.step, xstrdup(_("Continue")), false};
	}
	return n;
}

void export_graph(const struct journey_set *set, enum export_format fmt, FILE *out)
{
	if (fmt == EXPORT_MARKDOWN) {
		for (size_t i = 0; i < set->n_journeys; i++) {
			const struct journey *j = set->journeys[i];
			char *title = tr(j->title);
			fprintf(out, "%s# %s\n\n", i ? "\n" : "", title);
			free(title);
			if (j->summary) {
				char *sum = tr(j->summary);
				fprintf(out, "%s\n\n", sum);
				free(sum);
			}
			for (size_t k = 0; k < j->n_steps; k++) {
				const struct step *s = &j->steps[k];
				char *t = tr(s->title);
				fprintf(out, "## %s {#%s-%s}\n\n", t, j->id, s->id);
				free(t);
				if (s->nav == NAV_ROUTE)
					fprintf(out, "*%s*\n\n", _("(No screen: the guide chooses the way.)"));
				for (size_t p = 0; p < s->n_paras; p++) {
					char *x = tr(s->paras[p].text);
					char *c = s->paras[p].when ? cond_text(s->paras[p].when) : NULL;
					const char *pre = s->paras[p].kind == PARA_WARNING ? _("Warning:")
							  : s->paras[p].kind == PARA_TIP   ? _("Tip:")
											   : NULL;
					fprintf(out, "%s%s%s%s%s%s%s\n\n", pre ? "> **" : "", pre ? pre : "",
						pre ? "** " : "", x, c ? " *(" : "", c ? c : "", c ? ")*" : "");
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
					char *c = s->tasks[t2].when ? cond_text(s->tasks[t2].when) : NULL;
					fprintf(out, "- [ ] %s%s%s%s\n", x, c ? " *(" : "", c ? c : "",
						c ? ")*" : "");
					free(x);
					free(c);
				}
				if (s->n_tasks)
					fputc('\n', out);
				struct edge *e = NULL;
				size_t cap = 0, n = step_edges(s, &e, &cap, 0);
				for (size_t x = 0; x < n; x++) {
					char *to = tr(e[x].to->title);
					fprintf(out, "%zu. %s → [%s](#%s-%s)\n", x + 1, e[x].label, to,
						e[x].to->journey->id, e[x].to->id);
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
					char *lab = i18n_display(s->sources[x].text);
					fprintf(out, "%s [%s](%s) (%s)", x ? ";" : "", lab, s->sources[x].href,
						s->sources[x].date);
					free(lab);
				}
				fputs("\n\n", out);
			}
		}
		return;
	}

	if (fmt == EXPORT_DOT)
		fputs("digraph klantreis {\n  rankdir=TB;\n  node [shape=box, style=rounded, fontname=\"sans\"];\n"
		      "  edge [fontname=\"sans\", fontsize=10];\n",
		      out);
	else
		fputs("flowchart TD\n", out);
	for (size_t i = 0; i < set->n_journeys; i++) {
		const struct journey *j = set->journeys[i];
		char *title = tr(j->title);
		if (fmt == EXPORT_DOT) {
			fprintf(out, "  subgraph \"cluster_%s\" {\n    label=", j->id);
			dot_str(out, title);
			fputs(";\n", out);
		} else {
			fprintf(out, "  subgraph %s [", j->id);
			mermaid_str(out, title);
			fputs("]\n", out);
		}
		free(title);
		for (size_t k = 0; k < j->n_steps; k++) {
			const struct step *s = &j->steps[k];
			char *t = tr(s->title);
			char *label = xasprintf("%s\n%s:%s", t, j->id, s->id);
			if (fmt == EXPORT_DOT) {
				fprintf(out, "    \"%s:%s\" [label=", j->id, s->id);
				dot_str(out, label);
				if (s->nav == NAV_END)
					fputs(", peripheries=2", out);
				if (s->nav == NAV_ROUTE)
					fputs(", shape=diamond, style=solid", out);
				fputs("];\n", out);
			} else {
				fputs("    ", out);
				mermaid_id(out, s);
				fputs(s->nav == NAV_ROUTE ? "{" : s->nav == NAV_END ? "([" : "[", out);
				mermaid_str(out, t);
				fputs(s->nav == NAV_ROUTE ? "}" : s->nav == NAV_END ? "])" : "]", out);
				fputc('\n', out);
			}
			free(label);
			free(t);
		}
		fputs(fmt == EXPORT_DOT ? "  }\n" : "  end\n", out);
	}
	for (size_t i = 0; i < set->n_steps; i++) {
		struct edge *e = NULL;
		size_t cap = 0, n = step_edges(set->steps[i], &e, &cap, 0);
		for (size_t x = 0; x < n; x++) {
			if (fmt == EXPORT_DOT) {
				fprintf(out, "  \"%s:%s\" -> \"%s:%s\" [label=", e[x].from->journey->id,
					e[x].from->id, e[x].to->journey->id, e[x].to->id);
				dot_str(out, e[x].label);
				fputs(e[x].route ? ", style=dashed];\n" : "];\n", out);
			} else {
				fputs("  ", out);
				mermaid_id(out, e[x].from);
				fputs(e[x].route ? " -.->|" : " -->|", out);
				mermaid_str(out, e[x].label);
				fputs("| ", out);
				mermaid_id(out, e[x].to);
				fputc('\n', out);
			}
			free(e[x].label);
		}
		free(e);
	}
	if (fmt == EXPORT_DOT)
		fputs("}\n", out);
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
	const struct journey *stay_in; /* count only, ending where the path leaves it */
	size_t *choice;                /* per path position: option number, 0 for none */
	struct paths_result r;
};

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
	for (size_t hops = 0; t && t->nav == NAV_ROUTE && hops <= w->set->n_steps; hops++) {
		const struct step *next = NULL;
		for (size_t g = 0; g < t->n_gos && !next; g++)
			if (w_holds(w, t->gos[g].when))
				next = t->gos[g].go.step;
		t = next;
	}
	return t && t->nav != NAV_ROUTE ? t : NULL;
}

static void w_print(struct walker *w)
{
	w->r.paths++;
	if (!w->r.shortest || w->n_path < w->r.shortest)
		w->r.shortest = w->n_path;
	if (w->n_path > w->r.longest)
		w->r.longest = w->n_path;
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
		w_print(w);
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

struct paths_result export_paths(const struct journey_set *set, const struct step *start,
				 size_t max_paths, size_t max_visits, FILE *out)
{
	struct walker w = {.set = set, .out = out, .max_paths = max_paths, .max_visits = max_visits};
	w.r.complete = 1;
	w.path = xmalloc((set->n_steps + 1) * sizeof(*w.path));
	w.choice = xcalloc(set->n_steps + 1, sizeof(*w.choice));
	w.on_path = xcalloc(set->n_steps + 1, 1);
	const struct step *s = w_settle(&w, start);
	if (s)
		w_step(&w, s);
	if (w.r.paths > max_paths)
		w.r.complete = 0;
	if (!w.r.complete && out) {
		/* Too many to list: count each part on its own, from its start
		 * to where it hands over to the next part. */
		fprintf(out, "%s\n", _("Paths within each part (from its start until it leads to another part):"));
		for (size_t i = 0; i < set->n_journeys; i++) {
			const struct journey *j = set->journeys[i];
			struct walker p = {.set = set, .max_paths = 0, .max_visits = max_visits, .stay_in = j};
			p.r.complete = 1;
			p.path = w.path;
			p.choice = w.choice;
			p.on_path = w.on_path;
			memset(p.on_path, 0, set->n_steps + 1);
			const struct step *js = j->start ? w_settle(&p, j->start) : NULL;
			if (js)
				w_step(&p, js);
			fprintf(out, "  %-20s %s%zu\n", j->id, p.r.complete ? "" : "> ", p.r.paths);
			free(p.vars);
			free(p.vals);
		}
	}
	free(w.choice);
	free(w.path);
	free(w.on_path);
	free(w.vars);
	free(w.vals);
	return w.r;
}

/* ---- the plan ---- */

static const char *s_lookup(void *ctx, const char *var) { return session_answer(ctx, var); }

void export_plan(struct session *s, int markdown, FILE *out)
{
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
		const struct step *st = plan[i]->step;
		for (size_t l = 0; l < st->n_links; l++) {
			if (!cond_eval(st->links[l].when, s_lookup, s))
				continue;
			char *lab = tr(st->links[l].text);
			if (markdown)
				fprintf(out, "  - [%s](%s)\n", lab, st->links[l].href);
			else
				fprintf(out, "    %s: %s\n", lab, st->links[l].href);
			free(lab);
		}
	}
	if (!n) {
		char *none = wrap_sanitize(_("Nothing yet: the steps you take will add tasks here."));
		fprintf(out, "%s\n", none);
		free(none);
	}
}
