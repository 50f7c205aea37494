/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "util.h"

struct answer {
	char *var, *value;
	bool priv; /* given in a private journey, or leading into one */
};

struct session {
	const struct journey_set *set;
	const struct step **path; /* shown steps, oldest first */
	size_t n_path, cap_path;
	struct answer *answers;
	size_t n_answers, cap_answers;
	int *choice; /* per step index: last chosen option (original index), -1 */
	bool *choice_priv; /* per step index: that choice led into a private journey */
	const struct task **ticked;
	size_t n_ticked, cap_ticked;

	bool view_valid;
	unsigned long gen; /* counts changes of what session_save() writes */
	struct view view;
	const void **buf; /* storage for the view's arrays */
	size_t cap_buf;
	const struct task **plan;
	size_t n_plan, cap_plan;
	const struct link **missing; /* sources of facts without a value today */
	size_t n_missing, cap_missing;
};

/* Every change of the path, the answers, the choices or the ticks goes
 * through here: the view is built again and the save file is written. */
static void changed(struct session *s)
{
	s->view_valid = false;
	s->gen++;
}

unsigned long session_generation(const struct session *s) { return s->gen; }

struct session *session_new(const struct journey_set *set)
{
	struct session *s = xcalloc(1, sizeof(*s));
	s->set = set;
	s->choice = xmalloc((set->n_steps + 1) * sizeof(int));
	s->choice_priv = xcalloc(set->n_steps + 1, sizeof(bool));
	session_reset(s);
	return s;
}

/* Free a string that may say something private: overwritten first, so
 * that it does not linger in freed memory. */
static void wipe_free(char *p)
{
	if (p) {
		explicit_bzero(p, strlen(p));
		free(p);
	}
}

static void clear_answers(struct session *s)
{
	for (size_t i = 0; i < s->n_answers; i++) {
		wipe_free(s->answers[i].var);
		wipe_free(s->answers[i].value);
	}
	s->n_answers = 0;
}

void session_reset(struct session *s)
{
	clear_answers(s);
	s->n_path = 0;
	s->n_ticked = 0;
	s->n_plan = 0;
	for (size_t i = 0; i < s->set->n_steps; i++) {
		s->choice[i] = -1;
		s->choice_priv[i] = false;
	}
	changed(s);
}

void session_free(struct session *s)
{
	if (!s)
		return;
	clear_answers(s);
	free(s->answers);
	free(s->path);
	free(s->choice);
	free(s->choice_priv);
	free(s->ticked);
	free(s->buf);
	free(s->plan);
	free(s->missing);
	free(s);
}

const char *session_answer(const struct session *s, const char *var)
{
	for (size_t i = 0; i < s->n_answers; i++)
		if (strcmp(s->answers[i].var, var) == 0)
			return s->answers[i].value;
	return NULL;
}

static const char *lookup(void *ctx, const char *var) { return session_answer(ctx, var); }

static bool holds(struct session *s, const struct cond *c) { return cond_eval(c, lookup, s); }

static void set_answer(struct session *s, const char *var, const char *value, bool priv)
{
	for (size_t i = 0; i < s->n_answers; i++)
		if (strcmp(s->answers[i].var, var) == 0) {
			if (strcmp(s->answers[i].value, value) != 0) {
				wipe_free(s->answers[i].value);
				s->answers[i].value = xstrdup(value);
			}
			s->answers[i].priv = priv;
			return;
		}
	xgrow((void **)&s->answers, &s->cap_answers, s->n_answers + 1, sizeof(*s->answers));
	s->answers[s->n_answers].var = xstrdup(var);
	s->answers[s->n_answers].value = xstrdup(value);
	s->answers[s->n_answers].priv = priv;
	s->n_answers++;
}

static bool answer_private(const struct session *s, const char *var)
{
	for (size_t i = 0; i < s->n_answers; i++)
		if (strcmp(s->answers[i].var, var) == 0)
			return s->answers[i].priv;
	return false;
}

static bool step_private(const struct step *t) { return t->journey->is_private; }

/* Follow route steps from `t` to the first step that is shown. */
static enum session_status settle(struct session *s, const struct step *t, const struct step **out)
{
	if (!t)
		return SESSION_E_REF;
	*out = journey_settle(s->set, t, lookup, s);
	return *out ? SESSION_OK : SESSION_E_ROUTE;
}

static void push(struct session *s, const struct step *t)
{
	xgrow((void **)&s->path, &s->cap_path, s->n_path + 1, sizeof(*s->path));
	s->path[s->n_path++] = t;
	changed(s);
}

enum session_status session_jump(struct session *s, const char *ref)
{
	const struct journey *from = s->n_path ? s->path[s->n_path - 1]->journey : NULL;
	const struct step *t = journey_set_resolve(s->set, from, ref);
	if (!t)
		return SESSION_E_REF;
	const struct step *shown;
	enum session_status st = settle(s, t, &shown);
	if (st != SESSION_OK)
		return st;
	push(s, shown);
	return SESSION_OK;
}

enum session_status session_start(struct session *s, const char *ref)
{
	size_t keep = s->n_path;
	s->n_path = 0;
	enum session_status st = session_jump(s, ref);
	if (st != SESSION_OK)
		s->n_path = keep;
	changed(s);
	return st;
}

/* Index of the option to pre-select: the current answer of the variable,
 * or the option chosen last time on this step. */
static int preselect(const struct session *s, const struct step *t)
{
	if (t->var) {
		const char *a = session_answer(s, t->var);
		if (a)
			for (size_t o = 0; o < t->n_options; o++)
				if (t->options[o].value && strcmp(t->options[o].value, a) == 0)
					return (int)o;
	}
	return s->choice[t->index];
}

static void add_missing(void *ctx, const struct fact *f)
{
	struct session *s = ctx;
	/* One link per source page, however many facts it gives. */
	for (size_t i = 0; i < s->n_missing; i++)
		if (strcmp(s->missing[i]->href, f->link.href) == 0)
			return;
	xgrow((void **)&s->missing, &s->cap_missing, s->n_missing + 1, sizeof(*s->missing));
	s->missing[s->n_missing++] = &f->link;
}

/* The facts named on this screen that have no value today: their sources
 * are shown as links, beside the "see … for the current figure" text. */
static void collect_missing(struct session *s, const struct step *t)
{
	s->n_missing = 0;
	if (!s->set->n_facts)
		return;
	facts_each_missing(s->set, t->title, add_missing, s);
	for (size_t i = 0; i < t->n_paras; i++)
		if (holds(s, t->paras[i].when))
			facts_each_missing(s->set, t->paras[i].text, add_missing, s);
	for (size_t i = 0; i < t->n_tasks; i++)
		if (holds(s, t->tasks[i].when))
			facts_each_missing(s->set, t->tasks[i].text, add_missing, s);
	for (size_t i = 0; i < t->n_options; i++)
		if (holds(s, t->options[i].when))
			facts_each_missing(s->set, t->options[i].text, add_missing, s);
	for (size_t i = 0; i < t->n_links; i++)
		if (holds(s, t->links[i].when))
			facts_each_missing(s->set, t->links[i].text, add_missing, s);
}

/* The question an ask step puts: its last visible paragraph, when that is
 * a plain one ending in a question mark. Decided on the msgid, so that
 * every language lays the screen out the same way. */
static const struct para *ask_question(const struct step *t, const struct view *v)
{
	if (t->nav != NAV_ASK || !v->n_paras)
		return NULL;
	const struct para *p = v->paras[v->n_paras - 1];
	if (p->kind != PARA_NORMAL || !p->text)
		return NULL;
	size_t n = strlen(p->text);
	while (n && (p->text[n - 1] == ' ' || p->text[n - 1] == '\n'))
		n--;
	return n && p->text[n - 1] == '?' ? p : NULL;
}

const struct view *session_view(struct session *s)
{
	if (s->view_valid)
		return &s->view;
	struct view *v = &s->view;
	memset(v, 0, sizeof(*v));
	if (!s->n_path)
		return v;
	const struct step *t = s->path[s->n_path - 1];
	collect_missing(s, t);
	size_t need = t->n_paras + t->n_links + s->n_missing + t->n_tasks + t->n_options + 1;
	xgrow((void **)&s->buf, &s->cap_buf, need, sizeof(*s->buf));
	const void **b = s->buf;
	v->step = t;
	v->depth = s->n_path;
	v->is_end = t->nav == NAV_END;
	v->is_next = t->nav == NAV_NEXT;
	v->paras = (const struct para **)b;
	for (size_t i = 0; i < t->n_paras; i++)
		if (holds(s, t->paras[i].when))
			v->paras[v->n_paras++] = &t->paras[i];
	b += v->n_paras;
	v->question = ask_question(t, v);
	v->links = (const struct link **)b;
	for (size_t i = 0; i < t->n_links; i++)
		if (holds(s, t->links[i].when))
			v->links[v->n_links++] = &t->links[i];
	for (size_t i = 0; i < s->n_missing; i++)
		v->links[v->n_links++] = s->missing[i];
	b += v->n_links;
	v->tasks = (const struct task **)b;
	for (size_t i = 0; i < t->n_tasks; i++)
		if (holds(s, t->tasks[i].when))
			v->tasks[v->n_tasks++] = &t->tasks[i];
	b += v->n_tasks;
	v->options = (const struct ask_option **)b;
	int pre = preselect(s, t);
	for (size_t i = 0; i < t->n_options; i++)
		if (holds(s, t->options[i].when)) {
			if ((int)i == pre)
				v->selected = v->n_options;
			v->options[v->n_options++] = &t->options[i];
		}
	s->view_valid = true;
	return v;
}

/* Forget the answer to `var` (undoing a choice whose route failed). */
static void drop_answer(struct session *s, const char *var)
{
	for (size_t i = 0; i < s->n_answers; i++)
		if (strcmp(s->answers[i].var, var) == 0) {
			wipe_free(s->answers[i].var);
			wipe_free(s->answers[i].value);
			s->answers[i] = s->answers[--s->n_answers];
			return;
		}
}

enum session_status session_choose(struct session *s, size_t n)
{
	const struct view *v = session_view(s);
	if (!v->step)
		return SESSION_E_REF;
	if (v->is_end)
		return SESSION_E_END;
	const struct step *t = v->step, *target;
	if (v->is_next) {
		if (n != 0)
			return SESSION_E_RANGE;
		target = t->next.step;
	} else if (n >= v->n_options) {
		return SESSION_E_RANGE;
	} else {
		target = v->options[n]->go.step;
	}
	/* Record the choice and the answer first: the routes ahead and the
	 * `when`s of the next screen see them. Undo both if the way fails. */
	const struct ask_option *o = v->is_next ? NULL : v->options[n];
	int prev_choice = s->choice[t->index];
	bool prev_choice_priv = s->choice_priv[t->index];
	char *prev_answer = NULL;
	bool prev_priv = false;
	bool answered = o && t->var && o->value;
	if (o)
		s->choice[t->index] = (int)(o - t->options);
	if (answered) {
		const char *old = session_answer(s, t->var);
		prev_answer = old ? xstrdup(old) : NULL;
		prev_priv = answer_private(s, t->var);
		set_answer(s, t->var, o->value, step_private(t));
	}
	const struct step *shown;
	enum session_status st = settle(s, target, &shown);
	if (st == SESSION_OK) {
		/* A choice that leads into a private journey says as much as
		 * one made inside it ("I have a problem at work"). */
		bool priv = step_private(t) || step_private(shown);
		if (o)
			s->choice_priv[t->index] = priv;
		if (answered)
			set_answer(s, t->var, o->value, priv);
		push(s, shown);
	} else {
		s->choice[t->index] = prev_choice;
		s->choice_priv[t->index] = prev_choice_priv;
		if (answered) {
			if (prev_answer)
				set_answer(s, t->var, prev_answer, prev_priv);
			else
				drop_answer(s, t->var);
		}
		changed(s);
	}
	wipe_free(prev_answer);
	return st;
}

enum session_status session_back(struct session *s)
{
	if (s->n_path <= 1)
		return SESSION_E_FIRST;
	s->n_path--;
	changed(s);
	return SESSION_OK;
}

size_t session_plan(struct session *s, const struct task ***out)
{
	s->n_plan = 0;
	for (size_t i = 0; i < s->n_path; i++) {
		const struct step *t = s->path[i];
		for (size_t k = 0; k < t->n_tasks; k++) {
			const struct task *task = &t->tasks[k];
			if (!holds(s, task->when))
				continue;
			bool dup = false;
			for (size_t p = 0; p < s->n_plan && !dup; p++)
				dup = s->plan[p] == task;
			if (dup)
				continue;
			xgrow((void **)&s->plan, &s->cap_plan, s->n_plan + 1, sizeof(*s->plan));
			s->plan[s->n_plan++] = task;
		}
	}
	*out = s->plan;
	return s->n_plan;
}

size_t session_plan_links(struct session *s, struct plan_link **out)
{
	const struct task **plan;
	size_t n = session_plan(s, &plan), nl = 0, cap = 0;
	struct plan_link *v = NULL;
	for (size_t i = 0; i < n; i++) {
		const struct step *st = plan[i]->step;
		for (size_t l = 0; l < st->n_links; l++) {
			const struct link *ln = &st->links[l];
			if (!holds(s, ln->when))
				continue;
			/* A plan has tens of links: a scan is enough. */
			bool seen = false;
			for (size_t j = 0; j < nl && !seen; j++)
				seen = strcmp(v[j].link->href, ln->href) == 0;
			if (seen)
				continue;
			xgrow((void **)&v, &cap, nl + 1, sizeof(*v));
			v[nl++] = (struct plan_link){ln, i};
		}
	}
	*out = v;
	return nl;
}

bool session_ticked(const struct session *s, const struct task *t)
{
	for (size_t i = 0; i < s->n_ticked; i++)
		if (s->ticked[i] == t)
			return true;
	return false;
}

void session_tick(struct session *s, const struct task *t, bool on)
{
	for (size_t i = 0; i < s->n_ticked; i++)
		if (s->ticked[i] == t) {
			if (!on) {
				s->ticked[i] = s->ticked[--s->n_ticked];
				s->gen++;
			}
			return;
		}
	if (on) {
		xgrow((void **)&s->ticked, &s->cap_ticked, s->n_ticked + 1, sizeof(*s->ticked));
		s->ticked[s->n_ticked++] = t;
		s->gen++;
	}
}

size_t session_depth(const struct session *s) { return s->n_path; }

bool session_has_private(const struct session *s)
{
	for (size_t i = 0; i < s->n_path; i++)
		if (step_private(s->path[i]))
			return true;
	for (size_t i = 0; i < s->n_answers; i++)
		if (s->answers[i].priv)
			return true;
	for (size_t i = 0; i < s->set->n_steps; i++)
		if (s->choice[i] >= 0 && s->choice_priv[i])
			return true;
	for (size_t i = 0; i < s->n_ticked; i++)
		if (step_private(s->ticked[i]->step))
			return true;
	return false;
}

void session_forget_private(struct session *s)
{
	size_t k = 0;
	for (size_t i = 0; i < s->n_path; i++)
		if (!step_private(s->path[i]))
			s->path[k++] = s->path[i];
	s->n_path = k;
	for (size_t i = 0; i < s->n_answers;) {
		if (s->answers[i].priv) {
			wipe_free(s->answers[i].var);
			wipe_free(s->answers[i].value);
			s->answers[i] = s->answers[--s->n_answers];
		} else {
			i++;
		}
	}
	for (size_t i = 0; i < s->set->n_steps; i++)
		if (s->choice_priv[i] || step_private(s->set->steps[i])) {
			s->choice[i] = -1;
			s->choice_priv[i] = false;
		}
	k = 0;
	for (size_t i = 0; i < s->n_ticked; i++)
		if (!step_private(s->ticked[i]->step))
			s->ticked[k++] = s->ticked[i];
	s->n_ticked = k;
	s->n_plan = 0;
	changed(s);
}

const struct step *session_path_step(const struct session *s, size_t i)
{
	return i < s->n_path ? s->path[i] : NULL;
}

int session_choice(const struct session *s, const struct step *t) { return s->choice[t->index]; }

/* ---- save and load ----
 *
 *   klantreis-session 1
 *   lang uk
 *   path klantreis:start          (one line per shown step, oldest first)
 *   answer profession health
 *   choice klantreis:menu 2       (the option chosen on a step without var)
 *   tick registration-brp
 *   end
 *
 * Lines are "key value..." with single spaces; every value is an id or a
 * reference, so no quoting is needed. "end" proves the file is complete.
 *
 * Nothing private is written (DESIGN.md section 3.2): no step of a private
 * journey, no answer or choice given in one or leading into one, no tick
 * of its tasks. */

char *session_save(const struct session *s, const char *lang)
{
	size_t shown = 0;
	for (size_t i = 0; i < s->n_path; i++)
		shown += !step_private(s->path[i]);
	if (!shown)
		return NULL;
	struct strbuf b;
	sb_init(&b);
	sb_printf(&b, "klantreis-session %d\n", SESSION_FORMAT_VERSION);
	sb_printf(&b, "lang %s\n", lang ? lang : "en");
	for (size_t i = 0; i < s->n_path; i++)
		if (!step_private(s->path[i]))
			sb_printf(&b, "path %s:%s\n", s->path[i]->journey->id, s->path[i]->id);
	for (size_t i = 0; i < s->n_answers; i++)
		if (!s->answers[i].priv)
			sb_printf(&b, "answer %s %s\n", s->answers[i].var, s->answers[i].value);
	for (size_t i = 0; i < s->set->n_steps; i++)
		if (s->choice[i] >= 0 && !s->set->steps[i]->var && !s->choice_priv[i] &&
		    !step_private(s->set->steps[i]))
			sb_printf(&b, "choice %s:%s %d\n", s->set->steps[i]->journey->id,
				  s->set->steps[i]->id, s->choice[i]);
	for (size_t i = 0; i < s->n_ticked; i++)
		if (!step_private(s->ticked[i]->step))
			sb_printf(&b, "tick %s\n", s->ticked[i]->id);
	sb_puts(&b, "end\n");
	return sb_steal(&b);
}

/* Lookups for session_load, made once a load: a save file of many lines
 * costs a binary search a line, not a pass over the content (or over the
 * answers so far) each. Answers are kept only for variables some step
 * asks: no other answer can ever be looked at. */
struct load_var {
	const char *var;
	bool priv;    /* asked only in private journeys */
	size_t order; /* 1 + the position of its first answer; 0: none */
	const char *value; /* the last answer, in the loaded text */
	size_t value_len;
};
struct load_task {
	const char *id;
	size_t seq; /* the first in content order wins, as before */
	const struct task *task;
};
struct load_index {
	struct load_var *vars;
	size_t n_vars;
	struct load_task *tasks;
	size_t n_tasks;
};

static int cmp_load_var(const void *a, const void *b)
{
	return strcmp(((const struct load_var *)a)->var, ((const struct load_var *)b)->var);
}

static int cmp_load_task(const void *a, const void *b)
{
	const struct load_task *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

static void load_index_make(struct load_index *ix, const struct journey_set *set)
{
	memset(ix, 0, sizeof(*ix));
	size_t n_tasks = 0;
	for (size_t i = 0; i < set->n_steps; i++)
		n_tasks += set->steps[i]->n_tasks;
	ix->vars = xcalloc(set->n_steps + 1, sizeof(*ix->vars));
	ix->tasks = xcalloc(n_tasks + 1, sizeof(*ix->tasks));
	for (size_t i = 0; i < set->n_steps; i++) {
		const struct step *t = set->steps[i];
		if (t->var)
			ix->vars[ix->n_vars++] = (struct load_var){.var = t->var, .priv = step_private(t)};
		for (size_t k = 0; k < t->n_tasks; k++, ix->n_tasks++)
			ix->tasks[ix->n_tasks] = (struct load_task){t->tasks[k].id, ix->n_tasks, &t->tasks[k]};
	}
	qsort(ix->vars, ix->n_vars, sizeof(*ix->vars), cmp_load_var);
	qsort(ix->tasks, ix->n_tasks, sizeof(*ix->tasks), cmp_load_task);
	/* One entry a name: a variable is private only when every step
	 * that asks it is; a task id means its first task. */
	size_t w = 0;
	for (size_t i = 0; i < ix->n_vars; i++) {
		if (w && strcmp(ix->vars[w - 1].var, ix->vars[i].var) == 0)
			ix->vars[w - 1].priv = ix->vars[w - 1].priv && ix->vars[i].priv;
		else
			ix->vars[w++] = ix->vars[i];
	}
	ix->n_vars = w;
	w = 0;
	for (size_t i = 0; i < ix->n_tasks; i++)
		if (!w || strcmp(ix->tasks[w - 1].id, ix->tasks[i].id) != 0)
			ix->tasks[w++] = ix->tasks[i];
	ix->n_tasks = w;
}

static struct load_var *load_var_find(struct load_index *ix, const char *var)
{
	struct load_var key = {.var = var};
	return bsearch(&key, ix->vars, ix->n_vars, sizeof(*ix->vars), cmp_load_var);
}

static const struct task *load_task_find(const struct load_index *ix, const char *id)
{
	size_t lo = 0, hi = ix->n_tasks;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(ix->tasks[mid].id, id);
		if (c == 0)
			return ix->tasks[mid].task;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int cmp_load_var_order(const void *a, const void *b)
{
	const struct load_var *x = *(const struct load_var *const *)a, *y = *(const struct load_var *const *)b;
	return (x->order > y->order) - (x->order < y->order);
}

/* The answers, in the order of their first line, into the session. */
static void load_index_answers(struct load_index *ix, struct session *n)
{
	struct load_var **given = xcalloc(ix->n_vars + 1, sizeof(*given));
	size_t k = 0;
	for (size_t i = 0; i < ix->n_vars; i++)
		if (ix->vars[i].order)
			given[k++] = &ix->vars[i];
	qsort(given, k, sizeof(*given), cmp_load_var_order);
	for (size_t i = 0; i < k; i++) {
		char *v = xstrndup(given[i]->value, given[i]->value_len);
		xgrow((void **)&n->answers, &n->cap_answers, n->n_answers + 1, sizeof(*n->answers));
		n->answers[n->n_answers++] = (struct answer){xstrdup(given[i]->var), v, false};
	}
	free(given);
}

static void load_index_free(struct load_index *ix)
{
	free(ix->vars);
	free(ix->tasks);
}

/* A value is one word of id characters (and ':' in references). */
static bool word_ok(const char *w, bool ref)
{
	if (!*w || strlen(w) > 200)
		return false;
	for (const char *p = w; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
		      (ref && *p == ':')))
			return false;
	return true;
}

/* Long on purpose: the save file's grammar in one place, one case per
 * kind of line, each refused with its line number. */
bool session_load(struct session *s, const char *text, char *lang, size_t lang_size, char **err)
{
	struct session *n = session_new(s->set);
	char got_lang[16] = "en";
	bool ok = false, ended = false;
	*err = NULL;
	int line = 0;
	size_t n_given = 0;
	struct load_index ix;
	load_index_make(&ix, s->set);
	const char *p = text;
	if (!p || !*p) {
		*err = xstrdup("the saved session is empty");
		goto out;
	}
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		line++;
		if (len > 512) {
			*err = xasprintf("line %d: too long", line);
			goto out;
		}
		char buf[520], *key = buf, *a1 = NULL, *a2 = NULL;
		memcpy(buf, p, len);
		buf[len] = '\0';
		const char *line_start = p;
		p = e ? e + 1 : p + len;
		if (ended) {
			*err = xasprintf("line %d: text after 'end'", line);
			goto out;
		}
		char *sp = strchr(buf, ' ');
		if (sp) {
			*sp = '\0';
			a1 = sp + 1;
			sp = strchr(a1, ' ');
			if (sp) {
				*sp = '\0';
				a2 = sp + 1;
				if (strchr(a2, ' ')) {
					*err = xasprintf("line %d: too many words", line);
					goto out;
				}
			}
		}
		if (line == 1) {
			if (strcmp(key, "klantreis-session") != 0 || !a1 || a2) {
				*err = xstrdup("this is not a klantreis session file");
				goto out;
			}
			char *end;
			long v = strtol(a1, &end, 10);
			if (*end || v < 1) {
				*err = xstrdup("line 1: unreadable version");
				goto out;
			}
			if (v > SESSION_FORMAT_VERSION) {
				*err = xasprintf("saved by a newer klantreis (format %ld; this one reads %d)",
						 v, SESSION_FORMAT_VERSION);
				goto out;
			}
			continue;
		}
		if (strcmp(key, "end") == 0 && !a1) {
			ended = true;
		} else if (strcmp(key, "lang") == 0 && a1 && !a2 && word_ok(a1, false) &&
			   strlen(a1) < sizeof got_lang) {
			snprintf(got_lang, sizeof got_lang, "%s", a1);
		} else if (strcmp(key, "path") == 0 && a1 && !a2 && word_ok(a1, true)) {
			const struct step *t = journey_set_resolve(s->set, NULL, a1);
			if (!t || !strchr(a1, ':') || !strchr(a1, ':')[1] || t->nav == NAV_ROUTE) {
				*err = xasprintf("line %d: the step '%s' no longer exists", line, a1);
				goto out;
			}
			/* Files written before a journey became private may
			 * hold its steps: they are left out, never shown. */
			if (!step_private(t))
				push(n, t);
		} else if (strcmp(key, "answer") == 0 && a1 && a2 && word_ok(a1, false) &&
			   word_ok(a2, false)) {
			/* Answers to variables no step asks any more are
			 * dropped; so are those asked only in private
			 * journeys (saved before they became private). */
			struct load_var *v = load_var_find(&ix, a1);
			if (v && !v->priv) {
				if (!v->order)
					v->order = ++n_given;
				v->value = line_start + (a2 - buf); /* in `text` */
				v->value_len = strlen(a2);
			}
		} else if (strcmp(key, "choice") == 0 && a1 && a2 && word_ok(a1, true)) {
			const struct step *t = journey_set_resolve(s->set, NULL, a1);
			char *end;
			long o = strtol(a2, &end, 10);
			if (!t || *end || o < 0 || (size_t)o >= t->n_options) {
				*err = xasprintf("line %d: unknown choice '%s %s'", line, a1, a2);
				goto out;
			}
			const struct step *to = t->options[o].go.step;
			if (!step_private(t) && !(to && step_private(to)))
				n->choice[t->index] = (int)o;
		} else if (strcmp(key, "tick") == 0 && a1 && !a2 && word_ok(a1, false)) {
			const struct task *t = load_task_find(&ix, a1);
			if (!t) {
				*err = xasprintf("line %d: unknown task '%s'", line, a1);
				goto out;
			}
			if (!step_private(t->step))
				session_tick(n, t, true);
		} else {
			*err = xasprintf("line %d: not understood: '%.40s'", line, key);
			goto out;
		}
	}
	if (!ended) {
		*err = xstrdup("the saved session is incomplete (no 'end' line)");
		goto out;
	}
	if (!n->n_path) {
		*err = xstrdup("the saved session has no steps");
		goto out;
	}
	load_index_answers(&ix, n);
	/* Swap the new state in. */
	struct session tmp = *s;
	*s = *n;
	*n = tmp;
	changed(s);
	if (lang && lang_size)
		snprintf(lang, lang_size, "%s", got_lang);
	ok = true;
out:
	load_index_free(&ix);
	session_free(n);
	return ok;
}
