/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Quit? "Stay" is selected, so an Enter typed by mistake keeps the person
 * where they were. Q (or y) again quits; n or Escape stays. */
#include "core/util.h"
#include "tui/tui_int.h"

static char *quit_question(struct tui *t, struct tui_screen *s)
{
	return xstrdup(_("Do you want to quit klantreis?"));
}

static void quit_yes(struct tui *t, struct tui_screen *s) { t->quit = true; }

static const struct tui_question_kind quit_kind = {
	.ctx = TUI_CTX_ASK,
	.want = 50,
	.question = quit_question,
	/* TRANSLATORS: buttons of the quit question; Stay keeps it open. */
	.labels = {N_("Quit"), N_("Stay")},
	.yes = quit_yes,
};
const struct tui_screen_ops tui_quit_ops = TUI_QUESTION(quit_kind);
