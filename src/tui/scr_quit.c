/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Quit? A small question with two buttons; "Stay" is selected, so an
 * Enter typed by mistake keeps the person where they were. Q (or y)
 * again quits; n or Escape stays. */
#include "core/wrap.h"
#include "tui/tui_int.h"

enum { BUTTON_QUIT, BUTTON_STAY };

static unsigned quit_ctx(struct tui *t, struct tui_screen *s) { return TUI_CTX_ASK; }

static void quit_init(struct tui *t, struct tui_screen *s) { s->sel = BUTTON_STAY; }

static void quit_draw(struct tui *t, struct tui_screen *s)
{
	/* TRANSLATORS: buttons of the quit question; Stay keeps it open. */
	const char *labels[2] = {_("Quit"), _("Stay")};
	int w = tui_popup_width(t, 50);
	struct tui_text tx = {0};
	tui_text_add(&tx, _("Do you want to quit klantreis?"), w - 4, TUI_S_NORMAL, NULL, NULL, 0);
	int h = (int)tx.n + 4;
	if (h > t->rows - 2)
		h = t->rows - 2;
	int y = 1 + (t->rows - 2 - h) / 2, x = (t->cols - w) / 2;
	tui_box(t, y, x, h, w, NULL);
	tui_text_draw(t, &tx, 0, y + 1, x + 2, h - 4, w - 4);
	tui_text_free(&tx);
	int bw[2], total = 0;
	for (int i = 0; i < 2; i++) {
		bw[i] = wrap_width(labels[i]) + 4; /* "[ Quit ]" */
		total += bw[i];
	}
	int by = y + h - 2, bx = x + (w - total - 3) / 2;
	if (bx < x + 1)
		bx = x + 1;
	for (int i = 0; i < 2; i++) {
		enum tui_style st = (size_t)i == s->sel ? TUI_S_SELECTED : TUI_S_NORMAL;
		int x0 = bx, end = x + w - 1;
		bx += tui_put(t, by, bx, end - bx, "[ ", st);
		bx += tui_put(t, by, bx, end - bx, labels[i], st);
		bx += tui_put(t, by, bx, end - bx, " ]", st);
		tui_hit(t, by, by, x0, bx - 1, (size_t)i);
		bx += 3;
	}
}

static void quit_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
{
	switch (a) {
	case TUI_A_YES:
		t->quit = true;
		break;
	case TUI_A_NO:
	case TUI_A_CLOSE:
		tui_pop(t);
		break;
	case TUI_A_SWITCH:
		s->sel = s->sel == BUTTON_QUIT ? BUTTON_STAY : BUTTON_QUIT;
		break;
	case TUI_A_CLICK:
		s->sel = t->click;
		/* fall through */
	case TUI_A_CHOOSE:
		if (s->sel == BUTTON_QUIT)
			t->quit = true;
		else
			tui_pop(t);
		break;
	default:
		break;
	}
}

const struct tui_screen_ops tui_quit_ops = {
	.popup = true,
	.ctx = quit_ctx,
	.init = quit_init,
	.draw = quit_draw,
	.key = quit_key,
};
