/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A notice for the person: saving failed, saved progress could not be
 * read, progress deleted. A pop-up, because such a message is often too
 * long for the footer and must not go unseen. The text (already
 * translated) is owned by the screen. */
#include <stdlib.h>

#include "core/util.h"
#include "tui/tui_int.h"

struct notice_state {
	char *text;
};

static void notice_init(struct tui *t, struct tui_screen *s)
{
	struct notice_state *n = s->priv;
	n->text = xstrdup(s->arg ? s->arg : "");
	s->arg = NULL; /* the caller's string may go; the copy stays */
}

static void notice_fini(struct tui *t, struct tui_screen *s)
{
	struct notice_state *n = s->priv;
	free(n->text);
}

static void notice_make(struct tui *t, struct tui_screen *s, struct tui_text *tx, int w)
{
	tui_text_add(tx, ((struct notice_state *)s->priv)->text, w, TUI_S_NORMAL, NULL, NULL, 0);
}

static const struct tui_text_kind notice_kind = {64, NULL, notice_make, TUI_A_NONE};
const struct tui_screen_ops tui_notice_ops = {TUI_TEXT_POPUP_FIELDS(notice_kind), .init = notice_init,
					       .fini = notice_fini,
					       .priv_size = sizeof(struct notice_state)};
