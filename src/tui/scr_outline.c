/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Trainers: an outline of every journey and its steps as a tree, the
 * current step marked; Enter jumps to the chosen step (the path before it
 * is kept, so Back returns to where the trainer was). */
#include <stdio.h>
#include <stdlib.h>

#include "core/util.h"
#include "core/wrap.h"
#include "tui/tui_int.h"

/* Item i is step steps[i]; journeys are shown as their first step's
 * heading line, so every line can be chosen. */
static unsigned outline_ctx(struct tui *t, struct tui_screen *s) { return TUI_CTX_PICK; }

static void outline_init(struct tui *t, struct tui_screen *s)
{
	const struct journey_set *set = t->app->set;
	const struct step **steps = xcalloc(set->n_steps + 1, sizeof(*steps));
	const struct step *here = session_view(t->app->session)->step;
	size_t n = 0;
	for (size_t j = 0; j < set->n_journeys; j++)
		for (size_t k = 0; k < set->journeys[j]->n_steps; k++) {
			const struct step *st = &set->journeys[j]->steps[k];
			if (st == here)
				s->sel = n;
			steps[n++] = st;
		}
	s->data = steps;
	s->n_data = n;
}

static void outline_draw(struct tui *t, struct tui_screen *s)
{
	const struct step **steps = s->data;
	const struct step *here = session_view(t->app->session)->step;
	struct tui_list l = {0};
	for (size_t i = 0; i < s->n_data; i++) {
		const struct step *st = steps[i];
		char *title = i18n_text(st->title);
		char *label;
		if (st == &st->journey->steps[0]) {
			char *jt = i18n_text(st->journey->title);
			label = xasprintf("%s [%s:]\n  %s [%s]", jt, st->journey->id, title, st->id);
			free(jt);
		} else {
			label = xasprintf("  %s [%s]", title, st->id);
		}
		free(title);
		/* The list wraps labels itself; a newline is not text. */
		for (char *p = label; *p; p++)
			if (*p == '\n')
				*p = ' ';
		tui_list_add(&l, st == here ? "* " : "  ", label);
	}
	int w = tui_popup_width(t, t->cols);
	int h = t->rows - 2;
	int y = 1, x = (t->cols - w) / 2;
	tui_box(t, y, x, h, w, _("Outline: every journey and step"));
	tui_list_draw(t, &l, s->sel, &s->list_top, y + 1, x + 1, h - 2, w - 2);
	tui_list_free(&l);
}

static void outline_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
{
	const struct step **steps = s->data;
	size_t n = s->n_data;
	if (tui_list_move(s, a, n, 10))
		return;
	switch (a) {
	case TUI_A_CLICK:
	case TUI_A_CHOOSE: {
		size_t pick = a == TUI_A_CLICK ? t->click : s->sel;
		if (pick >= n)
			break;
		char ref[256];
		snprintf(ref, sizeof ref, "%s:%s", steps[pick]->journey->id, steps[pick]->id);
		enum session_status st = session_jump(t->app->session, ref);
		tui_pop(t);
		if (st != SESSION_OK)
			tui_notice(t, "%s", _("This choice leads nowhere (a content error). Please tell the people who run this guide."));
		break;
	}
	case TUI_A_CLOSE:
	case TUI_A_BACK:
	case TUI_A_OUTLINE:
		tui_pop(t);
		break;
	default:
		break;
	}
}

const struct tui_screen_ops tui_outline_ops = {
	.popup = true,
	.ctx = outline_ctx,
	.init = outline_init,
	.draw = outline_draw,
	.key = outline_key,
};
