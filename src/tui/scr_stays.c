/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Kiosk mode's answer to Q: this guide stays open for the next person.
 * It offers nothing that ends the program, only what the person can do
 * instead (finish and clear). Escape, Enter or Q again close it. */
#include "tui/tui_int.h"

static const char *stays_title(struct tui *t, struct tui_screen *s)
{
	return _("This guide stays open");
}

static void stays_make(struct tui *t, struct tui_screen *s, struct tui_text *tx, int w)
{
	tui_text_add(tx, _("This guide stays open for the next person, so it cannot be closed here."), w,
		     TUI_S_NORMAL, NULL, NULL, 0);
	tui_text_blank(tx);
	tui_text_add(tx,
		     _("When you are done, press F to finish: your answers and your plan are cleared from this computer."),
		     w, TUI_S_NORMAL, NULL, NULL, 0);
	tui_text_blank(tx);
	tui_text_add(tx, _("Press X to clear the screen and everything at once."), w, TUI_S_NORMAL, NULL,
		     NULL, 0);
}

static const struct tui_text_kind stays_kind = {60, stays_title, stays_make, TUI_A_NONE};
const struct tui_screen_ops tui_stays_ops = TUI_TEXT_POPUP(stays_kind);
