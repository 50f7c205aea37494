/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Help: every key and what it does, straight from the action table, so
 * it can never disagree with what the keys do. */
#include "tui/tui_int.h"

static unsigned help_ctx(struct tui *t, struct tui_screen *s) { return TUI_CTX_TEXT; }

static void help_draw(struct tui *t, struct tui_screen *s)
{
	int w = tui_popup_width(t, 76);
	if (tui_text_stale(s, w - 4))
		tui_help_text(&s->text, w - 4, tui_context(t, s));
	tui_textbox_draw(t, s, _("Keys"), &s->text, w);
}

static enum tui_handled help_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
{
	if (a != TUI_A_HELP)
		return tui_textbox_key(t, s, a);
	tui_pop(t); /* ? again closes, like a toggle */
	return TUI_HANDLED;
}

const struct tui_screen_ops tui_help_ops = {
	.popup = true,
	.ctx = help_ctx,
	.init = NULL,
	.draw = help_draw,
	.key = help_key,
};
