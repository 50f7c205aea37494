/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Help: every key and what it does, straight from the action table, so
 * it can never disagree with what the keys do. */
#include "tui/tui_int.h"

static const char *help_title(struct tui *t, struct tui_screen *s) { return _("Keys"); }

static void help_make(struct tui *t, struct tui_screen *s, struct tui_text *tx, int w)
{
	tui_help_text(tx, w, tui_context(t, s));
}

static const struct tui_text_kind help_kind = {76, help_title, help_make, TUI_A_HELP};
const struct tui_screen_ops tui_help_ops = TUI_TEXT_POPUP(help_kind);
