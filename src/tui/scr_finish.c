/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Kiosk mode: "Finish and clear?" (F). One question, so that a key
 * pressed by mistake does not throw a person's plan away; "Go back" is
 * selected. F again (or the button) clears everything and the guide
 * starts again with the language picker for the next person. */
#include "core/wrap.h"
#include "tui/tui_int.h"

enum { BUTTON_FINISH, BUTTON_BACK };

static unsigned finish_ctx(struct tui *t, struct tui_screen *s) { return TUI_CTX_CONFIRM; }

static void finish_init(struct tui *t, struct tui_screen *s) { s->sel = BUTTON_BACK; }

static void finish_draw(struct tui *t, struct tui_screen *s)
{
	/* TRANSLATORS: buttons of the kiosk's "Finish and clear?" question. */
	const char *labels[2] = {_("Finish and clear"), _("Go back")};
	int w = tui_popup_width(t, 60);
	struct tui_text tx = {0};
	tui_text_add(&tx,
		     _("Finish and clear everything? Your answers and your plan are removed from this computer, and the guide starts again for the next person."),
		     w - 4, TUI_S_NORMAL, NULL, NULL, 0);
	int h = (int)tx.n + 4;
	if (h > t->rows - 2)
		h = t->rows - 2;
	int y = 1 + (t->rows - 2 - h) / 2, x = (t->cols - w) / 2;
	tui_box(t, y, x, h, w, NULL);
	tui_text_draw(t, &tx, 0, y + 1, x + 2, h - 4, w - 4);
	tui_text_free(&tx);
	int total = 3;
	for (int i = 0; i < 2; i++)
		total += wrap_width(labels[i]) + 4; /* "[ Go back ]" */
	int by = y + h - 2, bx = x + (w - total) / 2;
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

static void finish_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
{
	switch (a) {
	case TUI_A_NO:
	case TUI_A_CLOSE:
		tui_pop(t);
		break;
	case TUI_A_SWITCH:
		s->sel = s->sel == BUTTON_FINISH ? BUTTON_BACK : BUTTON_FINISH;
		break;
	case TUI_A_CLICK:
		s->sel = t->click;
		/* fall through */
	case TUI_A_CHOOSE:
		if (s->sel == BUTTON_FINISH)
			tui_kiosk_wipe(t); /* frees this screen too: nothing after */
		else
			tui_pop(t);
		break;
	default:
		break;
	}
}

const struct tui_screen_ops tui_finish_ops = {
	.popup = true,
	.ctx = finish_ctx,
	.init = finish_init,
	.draw = finish_draw,
	.key = finish_key,
};
