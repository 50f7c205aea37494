/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Kiosk mode: the volunteer's PIN (Ctrl-X), the one way to end the kiosk
 * from the keyboard. Every key is text here (all_keys): characters show
 * as '*', Backspace and Ctrl-U edit, Enter checks, Escape goes back, F12
 * still leaves at once. A wrong PIN makes the next try wait
 * (kiosk_pin_guard, kept across people); a try during the wait is
 * refused unchecked, and the wait is shown as it runs down. The PIN is
 * erased from memory as soon as it is checked. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/util.h"
#include "core/wrap.h"
#include "tui/tui_int.h"

#define PIN_MAX_CHARS 32

struct pin_state {
	char buf[4 * PIN_MAX_CHARS + 1];
	size_t len;
	int chars;
	bool wrong; /* the last try was wrong (or refused) */
};

static unsigned pin_ctx(struct tui *t, struct tui_screen *s) { return TUI_CTX_PIN; }

static void forget(struct pin_state *p)
{
	explicit_bzero(p->buf, sizeof p->buf);
	p->len = 0;
	p->chars = 0;
}

/* The PIN screen speaks the volunteers' language (volunteer_language in
 * the kiosk settings), not the visitor's: it is drawn in it, and the
 * visitor's is back for everything else. */
static void pin_draw(struct tui *t, struct tui_screen *s)
{
	char visitor[8];
	snprintf(visitor, sizeof visitor, "%s", i18n_lang());
	bool other = strcmp(visitor, t->app->kiosk->volunteer_language) != 0;
	if (other)
		i18n_set_lang(t->app->kiosk->volunteer_language);
	const struct pin_state *p = s->priv;
	int w = tui_popup_width(t, 56);
	struct tui_text tx = {0};
	tui_text_add(&tx, _("To end the kiosk, type the volunteer PIN and press Enter."), w - 4,
		     TUI_S_NORMAL, NULL, NULL, 0);
	tui_text_blank(&tx);
	char field[8 + PIN_MAX_CHARS + 2];
	int n = snprintf(field, sizeof field, "PIN: ");
	for (int i = 0; i < p->chars; i++)
		field[n++] = '*';
	field[n++] = '_';
	field[n] = '\0';
	tui_text_add(&tx, field, w - 4, TUI_S_BOLD, NULL, NULL, 0);
	if (p->wrong) {
		tui_text_blank(&tx);
		long wait = kiosk_pin_wait(&t->kiosk.guard, tui_kiosk_now());
		char *msg = wait > 0 ? xasprintf(ngettext("Wrong PIN. Try again in %ld second.",
							  "Wrong PIN. Try again in %ld seconds.",
							  (unsigned long)wait),
						 wait)
				     : xstrdup(_("Wrong PIN. Try again."));
		tui_text_add(&tx, msg, w - 4, TUI_S_WARNING, NULL, NULL, 0);
		free(msg);
	}
	tui_textbox_draw(t, s, _("Volunteer PIN"), &tx, w);
	tui_text_free(&tx);
	if (other)
		i18n_set_lang(visitor);
}

static void check(struct tui *t, struct pin_state *p)
{
	if (!p->len)
		return;
	struct kiosk_pin_guard *g = &t->kiosk.guard;
	if (kiosk_pin_wait(g, tui_kiosk_now()) > 0) {
		/* Refused without a look: guessing must not go faster. */
		forget(p);
		p->wrong = true;
		return;
	}
	bool ok = kiosk_pin_check(p->buf, t->app->kiosk->pin_hash);
	forget(p);
	/* The wait counts from the answer: hashing takes a while. */
	kiosk_pin_result(g, ok, tui_kiosk_now());
	if (ok)
		t->quit = true;
	else
		p->wrong = true;
}

static enum tui_handled pin_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
{
	struct pin_state *p = s->priv;
	switch (key) {
	case TUI_KEY(KEY_F(12)):
		forget(p);
		tui_kiosk_quick_exit(t); /* frees this screen: nothing after */
		return TUI_HANDLED;
	case TUI_ESC:
		forget(p);
		tui_pop(t);
		return TUI_HANDLED;
	case '\n':
	case '\r':
	case TUI_KEY(KEY_ENTER):
		check(t, p);
		return TUI_HANDLED;
	case TUI_KEY(KEY_BACKSPACE):
	case 127:
	case 8:
		while (p->len && ((unsigned char)p->buf[p->len - 1] & 0xc0) == 0x80)
			p->buf[--p->len] = '\0';
		if (p->len) {
			p->buf[--p->len] = '\0';
			p->chars--;
		}
		return TUI_HANDLED;
	case 21: /* Ctrl-U */
		forget(p);
		return TUI_HANDLED;
	default:
		break;
	}
	/* Text: a code point (curses keys are above Unicode). */
	if (key < 0x20 || key == 127 || key > 0x10ffff || (key >= 0xd800 && key <= 0xdfff))
		return TUI_HANDLED;
	char enc[4];
	size_t n = utf8_encode((uint32_t)key, enc);
	if (p->chars >= PIN_MAX_CHARS || p->len + n >= sizeof p->buf)
		return TUI_HANDLED;
	memcpy(p->buf + p->len, enc, n);
	p->len += n;
	p->buf[p->len] = '\0';
	p->chars++;
	return TUI_HANDLED;
}

const struct tui_screen_ops tui_pin_ops = {
	.popup = true,
	.all_keys = true,
	.ctx = pin_ctx,
	.priv_size = sizeof(struct pin_state), /* wiped when the screen goes */
	.draw = pin_draw,
	.key = pin_key,
};
