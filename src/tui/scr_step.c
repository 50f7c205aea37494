/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The step screen: header, title, the step's text (scrollable), and the
 * choices pinned below it: the options, "Continue", or on an end step the
 * action plan to tick.
 *
 *   klantreis · Step 3 · Diploma            [diploma:apply]
 *
 *   Apply at IDW
 *
 *   Apply online at IDW. It costs money …
 *   ! Warning: A valuation is not a licence …
 *   ──────────────────────────────────────────── ↓ PgDn
 *   Do you already have your sticker?
 *   > 1. Yes
 *     2. Not yet
 *
 * The question a step asks (view.question) is pinned between the rule and
 * the options: whatever the text above it, a person never sees answers
 * without their question.
 *   Enter choose  ← back  Q quit  L language  P plan  ? help */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/facts.h"
#include "core/util.h"
#include "core/wrap.h"
#include "core/present.h"
#include "tui/tui_int.h"

static unsigned step_ctx(struct tui *t, struct tui_screen *s)
{
	return session_view(t->app->session)->is_end ? TUI_CTX_END : TUI_CTX_STEP;
}

/* The state belongs to one visit of one step: a new step (or the same
 * step reached again by another path) starts with the earlier answer
 * selected and the text at its top. */
static const struct view *sync(struct tui *t, struct tui_screen *s)
{
	const struct view *v = session_view(t->app->session);
	if (s->arg != v->step || s->depth != v->depth) {
		s->arg = v->step;
		s->depth = v->depth;
		s->sel = v->is_end ? 0 : v->selected;
		tui_demo_select(t, v, &s->sel);
		s->top = 0;
		s->at_end = false;
		s->list_top = 0;
	}
	return v;
}

static size_t n_tasks(struct tui *t)
{
	const struct task **plan;
	return session_plan(t->app->session, &plan);
}

/* On an end step: the plan's tasks, then the ways on (onward.c). */
static size_t n_items(struct tui *t, const struct view *v)
{
	if (v->is_end) {
		struct tui_list l = {0};
		size_t n = n_tasks(t) + tui_onward_list(t, v, &l);
		tui_list_free(&l);
		return n;
	}
	return v->is_next ? 1 : v->n_options;
}

static void add_msg(struct tui_text *tx, const char *msgid, int w, enum tui_style st,
		    const char *word, const char *gutter)
{
	char *text = i18n_text(msgid);
	if (word) {
		char *s = xasprintf("%s %s", word, text);
		/* Bold: the bar and the word, which start the first line. */
		tui_text_add(tx, s, w, st, gutter, gutter, (gutter ? strlen(gutter) : 0) + strlen(word));
		free(s);
	} else {
		tui_text_add(tx, text, w, st, gutter, gutter, 0);
	}
	free(text);
}

/* The step's text as lines `w` columns wide. Warnings carry a "! " bar
 * and the translated "Warning:" word, so they stand out without colour
 * too. */
/* Trainers see the condition that let a text or an option show. */
static void add_when(struct tui_text *tx, const struct cond *when, const struct journey *from, int w,
		     const char *gutter)
{
	if (!when)
		return;
	char *s = present_shown_para(when, facts_in_use(), from);
	tui_text_add(tx, s, w, TUI_S_URL, gutter, gutter, 0);
	free(s);
}

static void body_text(const struct app *app, const struct view *v, int w, struct tui_text *tx)
{
	for (size_t i = 0; i < v->n_paras; i++) {
		const struct para *p = v->paras[i];
		if (p == v->question)
			continue;
		if (tx->n)
			tui_text_blank(tx);
		if (app->trainer)
			add_when(tx, p->when, v->step->journey, w, NULL);
		if (p->kind == PARA_WARNING)
			add_msg(tx, p->text, w, TUI_S_WARNING, _("Warning:"), "! ");
		else if (p->kind == PARA_TIP)
			add_msg(tx, p->text, w, TUI_S_TIP, _("Tip:"), NULL);
		else
			add_msg(tx, p->text, w, TUI_S_NORMAL, NULL, NULL);
	}
	for (size_t i = 0; i < v->n_links; i++) {
		if (tx->n)
			tui_text_blank(tx);
		add_msg(tx, v->links[i]->text, w, TUI_S_LINK, NULL, NULL);
		tui_text_keep(tx); /* a label is never alone at the fold */
		tui_text_add(tx, v->links[i]->href, w, TUI_S_URL, "  ", "  ", 0);
	}
	if (v->n_tasks && !v->is_end) {
		if (tx->n)
			tui_text_blank(tx);
		tui_text_add(tx, _("Added to your plan:"), w, TUI_S_BOLD, NULL, NULL, 0);
		tui_text_keep(tx);
		for (size_t i = 0; i < v->n_tasks; i++) {
			/* One bullet a task: its next lines hang under its text. */
			char *text = i18n_text(v->tasks[i]->text);
			tui_text_add(tx, text, w, TUI_S_NORMAL, "- ", "  ", 0);
			free(text);
		}
	}
	if (app->trainer) {
		/* Sources on the screen itself: a trainer shows where a fact
		 * comes from without opening a window. */
		const struct step *st = v->step;
		if (tx->n)
			tui_text_blank(tx);
		tui_text_add(tx, _("Sources:"), w, TUI_S_BOLD, NULL, NULL, 0);
		tui_text_keep(tx);
		for (size_t i = 0; i < st->n_sources; i++) {
			char *label = i18n_display(st->sources[i].text);
			char *s = xasprintf("%s (%s) %s", label, st->sources[i].date, st->sources[i].href);
			tui_text_add(tx, s, w, TUI_S_URL, "- ", "  ", 0);
			free(s);
			free(label);
		}
	}
}

static void choices(struct tui *t, const struct view *v, struct tui_list *l)
{
	if (v->is_end) {
		tui_plan_list(t, l);
		tui_onward_list(t, v, l);
	} else if (v->is_next) {
		tui_list_add(l, "1. ", xstrdup(_("Continue")));
	} else {
		for (size_t i = 0; i < v->n_options; i++) {
			char num[24];
			snprintf(num, sizeof num, "%zu. ", i + 1);
			/* For trainers: the answer stored and the condition. */
			tui_list_add(l, num, present_option(t->app->set, v, i, t->app->trainer));
		}
	}
}

/* What the step's title and text are made from, as a list of pointers
 * (the visible paragraphs, links and tasks depend on the answers). */
static void memo_key(const struct view *v, const void ***key, size_t *n, size_t *cap)
{
	/* Paragraphs, links and tasks are distinct objects of the model, so
	 * the flat list of their addresses tells the three lists apart. */
	size_t need = 2 + v->n_paras + v->n_links + v->n_tasks + v->n_options;
	xgrow((void **)key, cap, need, sizeof(**key));
	const void **k = *key;
	size_t i = 0;
	k[i++] = v->step;
	k[i++] = (const void *)(uintptr_t)v->depth; /* "Step N" in the header */
	for (size_t j = 0; j < v->n_paras; j++)
		k[i++] = v->paras[j];
	for (size_t j = 0; j < v->n_links; j++)
		k[i++] = v->links[j];
	for (size_t j = 0; j < v->n_tasks; j++)
		k[i++] = v->tasks[j];
	for (size_t j = 0; j < v->n_options; j++)
		k[i++] = v->options[j];
	*n = i;
}

/* The memo holds the title and text for this view, width and language. */
static struct tui_memo *memo_get(struct tui *t, const struct view *v, int w)
{
	struct tui_memo *m = &t->memo;
	const void **key = NULL;
	size_t n = 0, cap = 0;
	memo_key(v, &key, &n, &cap);
	if (m->key && m->n_key == n && m->width == w && strcmp(m->lang, i18n_lang()) == 0 &&
	    memcmp(m->key, key, n * sizeof(*key)) == 0) {
		free(key);
		return m;
	}
	tui_memo_free(m);
	m->key = key;
	m->n_key = n;
	m->cap_key = cap;
	m->width = w;
	snprintf(m->lang, sizeof m->lang, "%s", i18n_lang());
	const struct step *st = v->step;
	char *jtitle = i18n_text(st->journey->title);
	/* TRANSLATORS: in the top line, how far the person is: "Step 3". */
	char *where = xasprintf(_("Step %zu"), v->depth);
	char *left = xasprintf("klantreis · %s · %s", where, jtitle);
	char *ids = t->app->show_ids ? xasprintf("[%s:%s]", st->journey->id, st->id) : NULL;
	tui_header_make(&m->header, w + 2, left, ids);
	free(ids);
	free(left);
	free(where);
	free(jtitle);
	char *title = i18n_text(v->step->title);
	tui_text_add(&m->title, title, w, TUI_S_TITLE, NULL, NULL, 0);
	free(title);
	m->body.whole = true;
	body_text(t->app, v, w, &m->body);
	m->question.whole = true;
	if (v->question)
		add_msg(&m->question, v->question->text, w, TUI_S_BOLD, NULL, NULL);
	if (!v->is_end)
		choices(t, v, &m->list);
	return m;
}

void tui_memo_free(struct tui_memo *m)
{
	free(m->key);
	tui_text_free(&m->header);
	tui_text_free(&m->title);
	tui_text_free(&m->body);
	tui_text_free(&m->question);
	tui_list_free(&m->list);
	memset(m, 0, sizeof(*m));
}

/* How the rows below the title are shared. The choices are what the
 * person acts on: they get their room first, keeping a couple of lines
 * for the text, which scrolls; the question before them gets all its
 * lines, leaving one row for an option. */
struct rows {
	int text, sep, question, list;
};

static struct rows share_rows(int room, size_t body_n, size_t question_n, int list_lines)
{
	struct rows r = {.sep = body_n ? 1 : 0};
	int text_min = body_n < 2 ? (int)body_n : 2;
	r.question = (int)question_n;
	if (r.question > room - r.sep - 1)
		r.question = room - r.sep - 1 > 0 ? room - r.sep - 1 : 0;
	room -= r.question;
	r.list = list_lines;
	if (r.list > room - r.sep - text_min)
		r.list = room - r.sep - text_min;
	if (r.list < 1 && list_lines)
		r.list = room - r.sep > 0 ? (room - r.sep < list_lines ? room - r.sep : list_lines) : 0;
	r.text = room - r.sep - r.list;
	if (r.text > (int)body_n)
		r.text = (int)body_n;
	if (r.text < 0)
		r.text = 0;
	return r;
}

/* The line between the text and the choices; where there is more text,
 * it says which keys show it. */
static void draw_rule(struct tui *t, int y, int x, int w, bool up, bool down)
{
	attrset(t->style[TUI_S_BORDER]);
	mvhline(y, x, ACS_HLINE, w);
	attrset(A_NORMAL);
	if (!up && !down)
		return;
	int hx = x + w - 9;
	if (up)
		mvaddch(y, hx, ACS_UARROW | t->style[TUI_S_BOLD]);
	if (down)
		mvaddch(y, hx + 1, ACS_DARROW | t->style[TUI_S_BOLD]);
	tui_put(t, y, hx + 2, 7, down ? " PgDn " : " PgUp ", TUI_S_BOLD);
}

static void step_draw(struct tui *t, struct tui_screen *s)
{
	const struct view *v = sync(t, s);
	int rows = t->rows, cols = t->cols;

	int x = 1, w = cols - 2;
	bool roomy = rows >= 20;
	int y = roomy ? 2 : 1, bottom = rows - 1; /* rows y..bottom-1 are ours */

	struct tui_memo *memo = memo_get(t, v, w);
	const struct tui_text *title = &memo->title, *body = &memo->body;
	const struct tui_text *question = &memo->question;
	tui_header_draw(t, &memo->header);
	int tmax = (bottom - y) / 4;
	if (tmax > 3)
		tmax = 3;
	if (tmax < 1)
		tmax = 1;
	int th = title->n < (size_t)tmax ? (int)title->n : tmax;
	tui_text_draw(t, title, 0, y, x, th, w);
	if (title->n > (size_t)th) /* cut: say so rather than end mid-sentence */
		tui_put(t, y + th - 1, x + w - 1, 1, "…", TUI_S_TITLE);
	y += th + (roomy ? 1 : 0);

	/* An end step's list is the plan, whose ticks change: built anew. */
	struct tui_list plan = {0};
	struct tui_list *list = &memo->list;
	if (v->is_end) {
		choices(t, v, &plan);
		list = &plan;
	}
	const char *heading = v->is_end ? _("Your action plan") : NULL;
	const char *empty =
		v->is_end && !n_tasks(t) ? _("Nothing yet: the steps you take will add tasks here.") : NULL;
	int list_lines = tui_list_height(list, w) + (heading ? 1 : 0);
	struct tui_text empty_text = {0};
	if (empty)
		tui_text_add(&empty_text, empty, w - 2, TUI_S_NORMAL, NULL, NULL, 0);
	list_lines += (int)empty_text.n;

	struct rows r = share_rows(bottom - y, body->n, question->n, list_lines);
	int sep = r.sep, q_h = r.question, list_h = r.list, text_h = r.text;

	/* Lines are counted at this width; a person who read to the end
	 * stays at the end when a resize rewraps the text. */
	size_t max_top = body->n > (size_t)text_h ? body->n - (size_t)text_h : 0;
	if (s->top > max_top || s->at_end)
		s->top = max_top;
	s->at_end = max_top > 0 && s->top == max_top;
	s->page = text_h;
	tui_text_draw_fold(t, body, s->top, y, x, text_h, w);
	y += text_h;
	if (sep && y < bottom)
		draw_rule(t, y++, x, w, s->top > 0, s->top < max_top);
	if (q_h > 0) {
		tui_text_draw(t, question, question->n - (size_t)q_h, y, x, q_h, w);
		y += q_h;
	}
	if (heading && y < bottom) {
		tui_put(t, y, x, w, heading, TUI_S_BOLD);
		y++;
		list_h--;
	}
	if (empty) {
		int eh = (int)empty_text.n < bottom - y ? (int)empty_text.n : bottom - y;
		tui_text_draw(t, &empty_text, 0, y, x + 2, eh, w - 2);
		y += eh;
		list_h -= eh;
	}
	if (list_h > bottom - y)
		list_h = bottom - y;
	if (list->n && s->sel >= list->n)
		s->sel = list->n - 1;
	tui_list_draw(t, list, s->sel, &s->list_top, y, x, list_h, w);

	tui_text_free(&empty_text);
	tui_list_free(&plan);
	tui_demo_footer(t);
}

static void tick(struct tui *t, size_t i)
{
	const struct task **plan;
	size_t n = session_plan(t->app->session, &plan);
	if (i < n)
		session_tick(t->app->session, plan[i], !session_ticked(t->app->session, plan[i]));
}

static void choose(struct tui *t, struct tui_screen *s, size_t n)
{
	const struct view *v = session_view(t->app->session);
	if (v->is_end) {
		size_t tasks = n_tasks(t);
		if (n >= tasks) {
			tui_onward_choose(t, v, n - tasks);
			return;
		}
		tick(t, n);
		s->sel = n;
		return;
	}
	enum session_status st = session_choose(t->app->session, n);
	if (st == SESSION_E_RANGE) {
		size_t max = v->is_next ? 1 : v->n_options;
		tui_notice(t, _("There is no option %zu. Choose a number from 1 to %zu."), n + 1, max);
	} else if (st != SESSION_OK) {
		tui_notice(t, "%s",
			   _("This choice leads nowhere (a content error). Please tell the people who run this guide."));
	}
}

/* A digit. With ten options or more, "1" may begin "11": a digit that
 * can begin a longer number selects its option and waits for a second
 * digit (Enter chooses the one selected); otherwise it chooses at once. */
static void number_key(struct tui *t, struct tui_screen *s, size_t n, int first, int d)
{
	if (first) {
		size_t k = (size_t)(first * 10 + d);
		if (k >= 1 && k <= n) {
			s->sel = k - 1;
			choose(t, s, k - 1);
			return;
		}
	}
	if (d == 0)
		return;
	if (n >= 10 && (size_t)d * 10 <= n) {
		s->sel = (size_t)d - 1;
		s->digit = d;
		tui_notice(t, _("Option %d is selected: press Enter, or type the second digit of %d0 to %zu."), d,
			   d, (size_t)d * 10 + 9 < n ? (size_t)d * 10 + 9 : n);
		return;
	}
	choose(t, s, (size_t)d - 1);
}

static enum tui_handled step_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
{
	const struct view *v = sync(t, s);
	size_t n = n_items(t, v);
	size_t page = s->page > 2 ? (size_t)s->page - 1 : 1;
	int digit = s->digit; /* the first of two digits, typed just before */
	s->digit = 0;
	switch (a) {
	case TUI_A_UP:
		/* At the first choice, the arrow scrolls the text instead: the
		 * keyboard alone reaches everything. */
		if (s->sel > 0 && s->sel < n) {
			s->sel--;
		} else if (s->top) {
			s->top--;
			s->at_end = false;
		}
		break;
	case TUI_A_DOWN:
		if (s->sel + 1 < n)
			s->sel++;
		else
			s->top++; /* clamped by the next paint */
		break;
	case TUI_A_SCROLL_UP:
		s->top = s->top > page ? s->top - page : 0;
		s->at_end = false;
		break;
	case TUI_A_SCROLL_DOWN:
		s->top += page;
		break;
	case TUI_A_TICK:
		/* Space ticks a task; it never takes a way on. */
		if (v->is_end && s->sel >= n_tasks(t))
			break;
		choose(t, s, s->sel);
		break;
	case TUI_A_CHOOSE:
		choose(t, s, s->sel);
		break;
	case TUI_A_NUMBER:
		/* On an end step digits tick tasks; the ways on after them
		 * have no number. */
		if (v->is_end && !digit && (size_t)(key - '0') > n_tasks(t))
			break;
		number_key(t, s, v->is_end ? n_tasks(t) : n, digit, key - '0');
		break;
	case TUI_A_CLICK:
		s->sel = t->click;
		choose(t, s, t->click);
		break;
	case TUI_A_BACK:
		if (session_back(t->app->session) != SESSION_OK)
			tui_notice(t, "%s", _("This is the first screen; there is nothing to go back to."));
		break;
	default:
		return TUI_IGNORED; /* the keys every screen shares (tui.c) */
	}
	return TUI_HANDLED;
}

const struct tui_screen_ops tui_step_ops = {
	.popup = false,
	.ctx = step_ctx,
	.init = NULL,
	.draw = step_draw,
	.key = step_key,
};
