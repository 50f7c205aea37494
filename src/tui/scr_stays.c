/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Kiosk mode's answer to Q: this guide stays open for the next person.
 * It offers nothing that ends the program, only what the person can do
 * instead (finish and clear). Escape, Enter or Q again close it. */
#include "tui/tui_int.h"

static unsigned stays_ctx(struct tui *t, struct tui_screen *s) { return TUI_CTX_TEXT; }

static void stays_draw(struct tui *t, struct tui_screen *s)
{
	int w = tui_popup_width(t, 60);
	if (tui_text_stale(s, w - 4)) {
		tui_text_add(&s->text, _("This guide stays open for the next person, so it cannot be closed here."),
			     w - 4, TUI_S_NORMAL, NULL, NULL, 0);
		tui_text_blank(&s->text);
		tui_text_add(&s->text,
			     _("When you are done, press F to finish: your answers and your plan are cleared from this computer."),
			     w - 4, TUI_S_NORMAL, NULL, NULL, 0);
		tui_text_blank(&s->text);
		tui_text_add(&s->text, _("Press X to clear the screen and everything at once."), w - 4,
			     TUI_S_NORMAL, NULL, NULL, 0);
	}
	tui_textbox_draw(t, s, _("This guide stays open"), &s->text, w);
}

static enum tui_handled stays_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
{
	return tui_textbox_key(t, s, a);
}

const struct tui_screen_ops tui_stays_ops = {
	.popup = true,
	.ctx = stays_ctx,
	.init = NULL,
	.draw = stays_draw,
	.key = stays_key,
};
