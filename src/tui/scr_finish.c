/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Kiosk mode: "Finish and clear?" (F). One question, so that a key
 * pressed by mistake does not throw a person's plan away; "Go back" is
 * selected. F again (or the button) clears everything and the guide
 * starts again with the language picker for the next person. */
#include "tui/tui_int.h"

enum { BUTTON_FINISH, BUTTON_BACK };

static unsigned finish_ctx(struct tui *t, struct tui_screen *s) { return TUI_CTX_CONFIRM; }

static void finish_init(struct tui *t, struct tui_screen *s) { s->sel = BUTTON_BACK; }

static void finish_draw(struct tui *t, struct tui_screen *s)
{
	/* TRANSLATORS: buttons of the kiosk's "Finish and clear?" question. */
	const char *labels[2] = {_("Finish and clear"), _("Go back")};
	tui_question_draw(t, s, 60,
			  _("Finish and clear everything? Your answers and your plan are removed from this computer, and the guide starts again for the next person."),
			  labels);
}

static enum tui_handled finish_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
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
		return TUI_IGNORED;
	}
	return TUI_HANDLED;
}

const struct tui_screen_ops tui_finish_ops = {
	.popup = true,
	.ctx = finish_ctx,
	.init = finish_init,
	.draw = finish_draw,
	.key = finish_key,
};
