/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Quit? A small question with two buttons; "Stay" is selected, so an
 * Enter typed by mistake keeps the person where they were. Q (or y)
 * again quits; n or Escape stays. */
#include "tui/tui_int.h"

enum { BUTTON_QUIT, BUTTON_STAY };

static unsigned quit_ctx(struct tui *t, struct tui_screen *s) { return TUI_CTX_ASK; }

static void quit_init(struct tui *t, struct tui_screen *s) { s->sel = BUTTON_STAY; }

static void quit_draw(struct tui *t, struct tui_screen *s)
{
	/* TRANSLATORS: buttons of the quit question; Stay keeps it open. */
	const char *labels[2] = {_("Quit"), _("Stay")};
	tui_question_draw(t, s, 50, _("Do you want to quit klantreis?"), labels);
}

static enum tui_handled quit_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
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
		return TUI_IGNORED;
	}
	return TUI_HANDLED;
}

const struct tui_screen_ops tui_quit_ops = {
	.popup = true,
	.ctx = quit_ctx,
	.init = quit_init,
	.draw = quit_draw,
	.key = quit_key,
};
