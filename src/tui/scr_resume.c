/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Welcome back": progress saved on an earlier visit was loaded. Ask
 * whether to continue there or start again (the same question as the
 * plain interface), on a screen of its own: nothing of the earlier visit
 * (its step, its plan, a highlighted choice) shows until the person
 * chooses to continue, because the person in front of the screen may not
 * be the one who was here. Escape continues: nothing is lost by it.
 * Starting again deletes the saved file and every answer. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/util.h"
#include "core/wrap.h"
#include "tui/tui_int.h"

enum { RESUME_CONTINUE, RESUME_RESTART };

static unsigned resume_ctx(struct tui *t, struct tui_screen *s) { return TUI_CTX_PICK; }

static void resume_draw(struct tui *t, struct tui_screen *s)
{
	tui_header(t, "klantreis", NULL);
	int w = tui_popup_width(t, 64);
	if (tui_text_stale(s, w - 4)) {
		char date[32] = "";
		struct tm tm;
		if (localtime_r(&t->app->saved_at, &tm))
			strftime(date, sizeof date, "%Y-%m-%d", &tm);
		char *msg = xasprintf(_("Your progress from a visit on %s is saved on this computer."),
				      date);
		tui_text_add(&s->text, msg, w - 4, TUI_S_NORMAL, NULL, NULL, 0);
		free(msg);
	}
	struct tui_list l = {0};
	tui_list_add(&l, "1. ", xstrdup(_("Continue where I left off")));
	tui_list_add(&l, "2. ", xstrdup(_("Start again")));
	int lh = tui_list_height(&l, w - 2);
	int h = (int)s->text.n + lh + 3;
	if (h > t->rows - 2)
		h = t->rows - 2;
	int y = 1 + (t->rows - 2 - h) / 2, x = (t->cols - w) / 2;
	tui_box(t, y, x, h, w, _("Welcome back"));
	int th = (int)s->text.n < h - 3 - 1 ? (int)s->text.n : h - 4;
	tui_text_draw(t, &s->text, 0, y + 1, x + 2, th, w - 4);
	tui_list_draw(t, &l, s->sel, &s->list_top, y + 2 + th, x + 1, h - 3 - th, w - 2);
	tui_list_free(&l);
}

static enum tui_handled resume_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
{
	size_t pick = s->sel;
	switch (a) {
	case TUI_A_UP:
		s->sel = RESUME_CONTINUE;
		return TUI_HANDLED;
	case TUI_A_DOWN:
		s->sel = RESUME_RESTART;
		return TUI_HANDLED;
	case TUI_A_NUMBER:
		pick = (size_t)(key - '1');
		break;
	case TUI_A_CLICK:
		pick = t->click;
		break;
	case TUI_A_CHOOSE:
		break;
	case TUI_A_CLOSE:
	case TUI_A_BACK:
		pick = RESUME_CONTINUE;
		break;
	default:
		return TUI_IGNORED; /* help, quit: the keys every screen shares */
	}
	if (pick > RESUME_RESTART)
		return TUI_HANDLED;
	if (pick == RESUME_RESTART)
		app_start_over(t->app); /* a failure leaves a notice */
	t->app->resume_offer = false;
	tui_pop(t);
	return TUI_HANDLED;
}

const struct tui_screen_ops tui_resume_ops = {
	.popup = false, /* the step below must not show */
	.ctx = resume_ctx,
	.init = NULL,
	.draw = resume_draw,
	.key = resume_key,
};
