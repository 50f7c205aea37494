/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The text pop-up: the one window for text to read (help, sources, a
 * glossary word, a notice, "this guide stays open"). A kind gives only
 * what the window says; drawing, scrolling and closing are the same for
 * all of them. */
#include "tui/tui_int.h"

unsigned tui_textpop_ctx(struct tui *t, struct tui_screen *s) { return TUI_CTX_TEXT; }

void tui_textpop_draw(struct tui *t, struct tui_screen *s)
{
	const struct tui_text_kind *k = s->ops->text_kind;
	int w = tui_popup_width(t, k->want);
	if (tui_text_stale(s, w - 4))
		k->make(t, s, &s->text, w - 4);
	tui_textbox_draw(t, s, k->title ? k->title(t, s) : NULL, &s->text, w);
}

enum tui_handled tui_textpop_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
{
	const struct tui_text_kind *k = s->ops->text_kind;
	if (a == TUI_A_NONE || a != k->toggle)
		return tui_textbox_key(t, s, a);
	tui_pop(t); /* the key that opened it closes it, like a toggle */
	return TUI_HANDLED;
}
