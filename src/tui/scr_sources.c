/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sources of the step on screen: label, date and address of each.
 * Sources are citations and never translated. First the links the step
 * shows, with their addresses whole: the step cuts one that is wider than
 * the screen with "…", and S is where it is read in full. */
#include <stdlib.h>

#include "core/util.h"
#include "tui/tui_int.h"

static void sources_text(const struct view *v, int w, struct tui_text *tx)
{
	const struct step *st = v->step;
	if (v->n_links) {
		tui_text_add(tx, _("Links on this screen:"), w, TUI_S_BOLD, NULL, NULL, 0);
		for (size_t i = 0; i < v->n_links; i++) {
			char *label = i18n_text(v->links[i]->text);
			tui_text_add(tx, label, w, TUI_S_NORMAL, "- ", "  ", 0);
			tui_text_add(tx, v->links[i]->href, w, TUI_S_URL, "  ", "  ", 0);
			free(label);
		}
		tui_text_blank(tx);
		tui_text_add(tx, _("Sources:"), w, TUI_S_BOLD, NULL, NULL, 0);
	}
	for (size_t i = 0; i < st->n_sources; i++) {
		const struct source *src = &st->sources[i];
		char *label = i18n_display(src->text);
		char *line = xasprintf("%s (%s)", label, src->date);
		if (i)
			tui_text_blank(tx);
		tui_text_add(tx, line, w, TUI_S_NORMAL, "- ", "  ", 0);
		tui_text_add(tx, src->href, w, TUI_S_URL, "  ", "  ", 0);
		free(line);
		free(label);
	}
}

static const char *sources_title(struct tui *t, struct tui_screen *s) { return _("Sources"); }

static void sources_make(struct tui *t, struct tui_screen *s, struct tui_text *tx, int w)
{
	sources_text(session_view(t->app->session), w, tx);
}

static const struct tui_text_kind sources_kind = {76, sources_title, sources_make, TUI_A_NONE};
const struct tui_screen_ops tui_sources_ops = TUI_TEXT_POPUP(sources_kind);
