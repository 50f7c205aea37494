/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The question pop-up: the one window that asks before something that
 * cannot be undone (quit, finish and clear, replace a file). Two buttons;
 * the safe one is selected, so an Enter typed by mistake loses nothing.
 * A kind gives the question, the buttons and what "yes" does; the keys
 * are the same for all of them: ←→ switch, Enter chooses, n or Esc is
 * the safe answer, y (or the kind's own key again) the other. */
#include <stdlib.h>

#include "tui/tui_int.h"

enum { BUTTON_YES, BUTTON_NO };

unsigned tui_question_ctx(struct tui *t, struct tui_screen *s)
{
	return s->ops->question_kind->ctx;
}

void tui_question_init(struct tui *t, struct tui_screen *s) { s->sel = BUTTON_NO; }

void tui_question_popup_draw(struct tui *t, struct tui_screen *s)
{
	const struct tui_question_kind *k = s->ops->question_kind;
	const char *labels[2] = {_(k->labels[0]), _(k->labels[1])};
	char *q = k->question(t, s);
	tui_question_draw(t, s, k->want, q, labels);
	free(q);
}

/* The answer: "yes" runs the kind's action (which may free this screen,
 * or every screen), "no" closes the question. */
static void answer(struct tui *t, struct tui_screen *s, size_t button)
{
	if (button == BUTTON_YES)
		s->ops->question_kind->yes(t, s);
	else
		tui_pop(t);
}

enum tui_handled tui_question_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
{
	const struct tui_question_kind *k = s->ops->question_kind;
	switch (a) {
	case TUI_A_YES:
		/* Where q also quits, only y may answer a kind that is not
		 * about quitting. */
		if (k->yes_keys_only_y && key != 'y' && key != 'Y')
			return TUI_HANDLED;
		answer(t, s, BUTTON_YES);
		break;
	case TUI_A_NO:
	case TUI_A_CLOSE:
		answer(t, s, BUTTON_NO);
		break;
	case TUI_A_SWITCH:
		s->sel = s->sel == BUTTON_YES ? BUTTON_NO : BUTTON_YES;
		break;
	case TUI_A_CLICK:
		if (t->click <= BUTTON_NO)
			answer(t, s, t->click);
		break;
	case TUI_A_CHOOSE:
		answer(t, s, s->sel);
		break;
	default:
		return TUI_IGNORED;
	}
	return TUI_HANDLED;
}
