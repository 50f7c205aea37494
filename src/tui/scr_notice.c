/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A notice for the person: saving failed, saved progress could not be
 * read, progress deleted. A pop-up, because such a message is often too
 * long for the footer and must not go unseen. The text (already
 * translated) is owned by the screen. */
#include <stdlib.h>

#include "core/util.h"
#include "tui/tui_int.h"

static unsigned notice_ctx(struct tui *t, struct tui_screen *s) { return TUI_CTX_TEXT; }

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

static void notice_draw(struct tui *t, struct tui_screen *s)
{
	int w = tui_popup_width(t, 64);
	if (tui_text_stale(s, w - 4))
		tui_text_add(&s->text, ((struct notice_state *)s->priv)->text, w - 4, TUI_S_NORMAL, NULL, NULL, 0);
	tui_textbox_draw(t, s, NULL, &s->text, w);
}

static enum tui_handled notice_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
{
	return tui_textbox_key(t, s, a);
}

const struct tui_screen_ops tui_notice_ops = {
	.popup = true,
	.ctx = notice_ctx,
	.init = notice_init,
	.draw = notice_draw,
	.key = notice_key,
	.priv_size = sizeof(struct notice_state),
	.fini = notice_fini,
};
