/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Kiosk mode: "Are you still there?" After idle_seconds without a key,
 * over whatever is on the screen, in the language on the screen, with
 * the seconds left until everything is cleared. Any key continues (the
 * kiosk mode takes it: kiosk_key); the end of the countdown wipes
 * (kiosk_tick). */
#include <stdlib.h>

#include "core/util.h"
#include "tui/tui_int.h"

static unsigned idle_ctx(struct tui *t, struct tui_screen *s) { return TUI_CTX_ALERT; }

static void idle_draw(struct tui *t, struct tui_screen *s)
{
	const struct kiosk_config *c = t->app->kiosk;
	long long left_ms = c->countdown_seconds * 1000LL - (tui_kiosk_now() - t->kiosk.count_from);
	long left = left_ms > 0 ? (long)((left_ms + 999) / 1000) : 0;
	int w = tui_popup_width(t, 56);
	struct tui_text tx = {0};
	char *msg = xasprintf(ngettext("Everything you did here will be cleared in %ld second.",
				       "Everything you did here will be cleared in %ld seconds.",
				       (unsigned long)left),
			      left);
	tui_text_add(&tx, msg, w - 4, TUI_S_BOLD, NULL, NULL, 0);
	free(msg);
	tui_text_blank(&tx);
	tui_text_add(&tx, _("Press any key to continue."), w - 4, TUI_S_NORMAL, NULL, NULL, 0);
	tui_textbox_draw(t, s, _("Are you still there?"), &tx, w);
	tui_text_free(&tx);
}

static enum tui_handled idle_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
{
	tui_pop(t);
	return TUI_HANDLED;
}

const struct tui_screen_ops tui_idle_ops = {
	.popup = true,
	.all_keys = true,
	.ctx = idle_ctx,
	.init = NULL,
	.draw = idle_draw,
	.key = idle_key,
};
