/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sources of the step on screen: label, date and address of each.
 * Sources are citations and never translated. First the links the step
 * shows, with their addresses whole: the step cuts one that is wider than
 * the screen with "…", and S is where it is read in full. */
#include <stdlib.h>

#include "core/util.h"
#include "tui/tui_int.h"

static unsigned sources_ctx(struct tui *t, struct tui_screen *s) { return TUI_CTX_TEXT; }

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

static void sources_draw(struct tui *t, struct tui_screen *s)
{
	const struct view *v = session_view(t->app->session);
	int w = tui_popup_width(t, 76);
	if (tui_text_stale(s, w - 4))
		sources_text(v, w - 4, &s->text);
	tui_textbox_draw(t, s, _("Sources"), &s->text, w);
}

static enum tui_handled sources_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
{
	return tui_textbox_key(t, s, a);
}

const struct tui_screen_ops tui_sources_ops = {
	.popup = true,
	.ctx = sources_ctx,
	.init = NULL,
	.draw = sources_draw,
	.key = sources_key,
};
