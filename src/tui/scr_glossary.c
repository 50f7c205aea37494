/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Dutch words on this screen: a pop-up list of the glossary terms
 * found in what the step shows, in the language shown (the names are
 * Dutch and never translated, so they are found in any language), and a
 * pop-up with the definition of the chosen one. */
#include <stdio.h>
#include <stdlib.h>

#include "core/glossary.h"
#include "core/util.h"
#include "core/wrap.h"
#include "core/present.h"
#include "tui/tui_int.h"

/* The terms in every text the step screen shows, or over the action plan
 * the words of the plan's tasks; out[] has room for all terms. */
static size_t screen_terms(struct tui *t, const struct term **out)
{
	if (t->depth >= 2 && t->stack[t->depth - 2].ops == &tui_plan_ops)
		return present_plan_terms(t->app->set, t->app->session, out);
	return present_view_terms(t->app->set, session_view(t->app->session), out);
}

static char *term_label(const struct term *term)
{
	struct strbuf b;
	sb_init(&b);
	sb_puts(&b, term->name);
	for (size_t i = 0; i < term->n_also; i++)
		sb_printf(&b, "%s%s", i ? ", " : " (", term->also[i]);
	if (term->n_also)
		sb_putc(&b, ')');
	return sb_steal(&b);
}

static unsigned glossary_ctx(struct tui *t, struct tui_screen *s) { return TUI_CTX_PICK; }

/* The words are found once, when the pop-up opens: what the step shows
 * cannot change while it is open. */
struct glossary_state {
	const struct term **terms; /* pointers into the model */
	size_t n;
};

static void glossary_init(struct tui *t, struct tui_screen *s)
{
	struct glossary_state *g = s->priv;
	g->terms = xcalloc(t->app->set->n_terms + 1, sizeof(*g->terms));
	g->n = screen_terms(t, g->terms);
}

static void glossary_fini(struct tui *t, struct tui_screen *s)
{
	struct glossary_state *g = s->priv;
	free(g->terms);
}

static void glossary_draw(struct tui *t, struct tui_screen *s)
{
	const struct glossary_state *g = s->priv;
	const struct term **terms = g->terms;
	size_t n = g->n;
	const char *title = _("Dutch words on this screen");
	if (!n) {
		int w = tui_popup_width(t, 60);
		if (tui_text_stale(s, w - 4))
			tui_text_add(&s->text, _("No Dutch words from the glossary on this screen."), w - 4,
				     TUI_S_NORMAL, NULL, NULL, 0);
		tui_textbox_draw(t, s, title, &s->text, w);
		return;
	}
	struct tui_list l = {0};
	int want = wrap_width(title) + 8;
	for (size_t i = 0; i < n; i++) {
		char num[24];
		snprintf(num, sizeof num, "%zu. ", i + 1);
		char *label = term_label(terms[i]);
		if (wrap_width(label) + 10 > want)
			want = wrap_width(label) + 10;
		tui_list_add(&l, num, label);
	}
	int w = tui_popup_width(t, want);
	int h = tui_list_height(&l, w - 2) + 2;
	if (h > t->rows - 2)
		h = t->rows - 2;
	int y = 1 + (t->rows - 2 - h) / 2, x = (t->cols - w) / 2;
	tui_box(t, y, x, h, w, title);
	if (s->sel >= n)
		s->sel = n - 1;
	tui_list_draw(t, &l, s->sel, &s->list_top, y + 1, x + 1, h - 2, w - 2);
	tui_list_free(&l);
}

static enum tui_handled glossary_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
{
	const struct glossary_state *g = s->priv;
	const struct term **terms = g->terms;
	size_t n = g->n;
	size_t pick = s->sel;
	switch (a) {
	case TUI_A_UP:
		if (s->sel)
			s->sel--;
		break;
	case TUI_A_DOWN:
		if (s->sel + 1 < n)
			s->sel++;
		break;
	case TUI_A_NUMBER:
	case TUI_A_CLICK:
	case TUI_A_CHOOSE:
		if (a == TUI_A_NUMBER)
			pick = (size_t)(key - '1');
		else if (a == TUI_A_CLICK)
			pick = t->click;
		if (pick < n) {
			s->sel = pick;
			tui_push(t, &tui_term_ops, terms[pick]);
		} else if (!n && a == TUI_A_CHOOSE) {
			tui_pop(t); /* Enter on "no words" just closes */
		}
		break;
	default:
		return tui_textbox_key(t, s, a);
	}
	return TUI_HANDLED;
}

const struct tui_screen_ops tui_glossary_ops = {
	.popup = true,
	.ctx = glossary_ctx,
	.init = glossary_init,
	.draw = glossary_draw,
	.key = glossary_key,
	.priv_size = sizeof(struct glossary_state),
	.fini = glossary_fini,
};

/* ---- one term ---- */

static void term_text(const struct term *term, int w, struct tui_text *tx)
{
	char *label = term_label(term);
	tui_text_add(tx, label, w, TUI_S_BOLD, NULL, NULL, 0);
	free(label);
	tui_text_blank(tx);
	char *def = i18n_text(term->definition);
	tui_text_add(tx, def, w, TUI_S_NORMAL, NULL, NULL, 0);
	free(def);
	for (size_t i = 0; i < term->n_sources; i++) {
		const struct source *src = &term->sources[i];
		char *slabel = i18n_display(src->text);
		char *line = xasprintf("%s (%s)", slabel, src->date);
		tui_text_blank(tx);
		tui_text_add(tx, line, w, TUI_S_NORMAL, "- ", "  ", 0);
		tui_text_add(tx, src->href, w, TUI_S_URL, "  ", "  ", 0);
		free(line);
		free(slabel);
	}
}

static const char *term_title(struct tui *t, struct tui_screen *s)
{
	return ((const struct term *)s->arg)->name;
}

static void term_make(struct tui *t, struct tui_screen *s, struct tui_text *tx, int w)
{
	term_text(s->arg, w, tx);
}

static const struct tui_text_kind term_kind = {70, term_title, term_make, TUI_A_NONE};
const struct tui_screen_ops tui_term_ops = TUI_TEXT_POPUP(term_kind);
