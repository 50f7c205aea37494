/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Welcome back": progress saved on an earlier visit was loaded. Over the
 * step where the person was, ask whether to continue there or start
 * again (the same question as the plain interface). Escape continues:
 * nothing is lost by it. */
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
	int w = tui_popup_width(t, 64);
	if (tui_text_stale(s, w - 4)) {
		char date[32] = "";
		struct tm tm;
		if (localtime_r(&t->app->saved_at, &tm))
			strftime(date, sizeof date, "%Y-%m-%d", &tm);
		char *title = i18n_text(session_view(t->app->session)->step->title);
		char *msg = xasprintf(_("Your last visit was on %s. You were at: %s"), date, title);
		tui_text_add(&s->text, msg, w - 4, TUI_S_NORMAL, NULL, NULL, 0);
		free(msg);
		free(title);
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

static void resume_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
{
	size_t pick = s->sel;
	switch (a) {
	case TUI_A_UP:
		s->sel = RESUME_CONTINUE;
		return;
	case TUI_A_DOWN:
		s->sel = RESUME_RESTART;
		return;
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
	case TUI_A_HELP:
		tui_push(t, &tui_help_ops, NULL);
		return;
	case TUI_A_QUIT:
		tui_push(t, &tui_quit_ops, NULL);
		return;
	default:
		return;
	}
	if (pick > RESUME_RESTART)
		return;
	if (pick == RESUME_RESTART)
		session_start(t->app->session, t->app->start);
	t->app->resume_offer = false;
	tui_pop(t);
}

const struct tui_screen_ops tui_resume_ops = {
	.popup = true,
	.ctx = resume_ctx,
	.init = NULL,
	.draw = resume_draw,
	.key = resume_key,
};
