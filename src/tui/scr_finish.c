/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Kiosk mode: "Finish and clear?" (F). One question, so that a key
 * pressed by mistake does not throw a person's plan away; "Go back" is
 * selected. F again (kiosk mode's key) or the button clears everything
 * and the guide starts again with the language picker for the next
 * person. */
#include "core/util.h"
#include "tui/tui_int.h"

static char *finish_question(struct tui *t, struct tui_screen *s)
{
	return xstrdup(_("Finish and clear everything? Your answers and your plan are removed from this computer, and the guide starts again for the next person."));
}

static void finish_yes(struct tui *t, struct tui_screen *s)
{
	tui_kiosk_wipe(t); /* frees this screen too: nothing after */
}

static const struct tui_question_kind finish_kind = {
	.ctx = TUI_CTX_CONFIRM,
	.want = 60,
	.question = finish_question,
	/* TRANSLATORS: buttons of the kiosk's "Finish and clear?" question. */
	.labels = {N_("Finish and clear"), N_("Go back")},
	.yes = finish_yes,
};
const struct tui_screen_ops tui_finish_ops = TUI_QUESTION(finish_kind);
