/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Kiosk mode: the links of the plan as QR codes (C), so that a person
 * takes them home on their phone. The links are those export_plan
 * prints: of the steps that added the plan's tasks, whose `when` holds,
 * each once. One at a time, ←/→ for the next; its label and URL in text
 * under it.
 *
 *   klantreis · Your plan on your phone
 *              Link 1 of 2: IDW
 *              █▀▀▀▀▀█ ▄▀ █▀▀▀▀▀█
 *              …
 *              https://www.idw.nl/
 *
 * Half blocks (▀ ▄ █, two modules a cell, so a module is about square)
 * as dark ink on a light cell. Where the terminal cannot show them, "##"
 * for a dark module (two columns, one row each). When the code does not
 * fit, no code at all (a cut code scans as nothing, or as something
 * else), but the URL and a word about the window. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/cond.h"
#include "core/util.h"
#include "tui/tui_int.h"

#define QR_QUIET 2 /* modules of light around the code, as kiosk_qr_halfblocks */

static unsigned qr_ctx(struct tui *t, struct tui_screen *s) { return TUI_CTX_QR; }

/* The links (pointers into the model, which outlives the screen), one
 * malloc'd array. */
struct qr_state {
	struct plan_link *links;
	size_t n;
};

static void qr_init(struct tui *t, struct tui_screen *s)
{
	/* The same links, in the same order, as the printed plan. */
	struct qr_state *q = s->priv;
	q->n = session_plan_links(t->app->session, &q->links);
}

static void qr_fini(struct tui *t, struct tui_screen *s)
{
	free(((struct qr_state *)s->priv)->links);
}

size_t tui_qr_links(const struct tui_screen *s)
{
	return ((const struct qr_state *)s->priv)->n;
}

/* Whether the terminal shows ▀ ▄ █. Not a terminal of the DEC VT family
 * (vt100, vt220 …: ASCII and line drawing only), nor one whose locale
 * the person set to a character set other than UTF-8. The guide itself
 * always writes UTF-8 (i18n_init falls back to C.UTF-8), so an unset
 * locale counts as UTF-8. */
static bool halfblocks_ok(void)
{
	const char *term = getenv("TERM");
	if (term && strncmp(term, "vt", 2) == 0 && isdigit((unsigned char)term[2]))
		return false;
	static const char *const vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return strcasestr(v, "utf-8") || strcasestr(v, "utf8");
	}
	return true;
}

/* The code as "##" (dark) and "  " (light), a row a module, with the
 * same quiet zone as the half blocks. */
static char **hash_lines(const struct kiosk_qr *qr, size_t *n)
{
	int side = qr->size + 2 * QR_QUIET;
	char **lines = xcalloc((size_t)side + 1, sizeof(*lines));
	for (int y = 0; y < side; y++) {
		char *ln = xmalloc(2 * (size_t)side + 1);
		for (int x = 0; x < side; x++) {
			int mx = x - QR_QUIET, my = y - QR_QUIET;
			bool dark = mx >= 0 && my >= 0 && mx < qr->size && my < qr->size &&
				    qr->dark[my * qr->size + mx];
			memcpy(ln + 2 * x, dark ? "##" : "  ", 2);
		}
		ln[2 * side] = '\0';
		lines[y] = ln;
	}
	*n = (size_t)side;
	return lines;
}

static void free_lines(char **lines, size_t n)
{
	for (size_t i = 0; lines && i < n; i++)
		free(lines[i]);
	free(lines);
}

/* Lines of text, each centred when it is narrower than w. */
static int draw_centred(struct tui *t, const struct tui_text *tx, int y, int x, int w, int max)
{
	int r = 0;
	for (; r < (int)tx->n && r < max; r++) {
		int lw = tx->v[r].width;
		tui_text_draw(t, tx, (size_t)r, y + r, lw < w ? x + (w - lw) / 2 : x, 1, w);
	}
	return r;
}

static void qr_draw(struct tui *t, struct tui_screen *s)
{
	const struct qr_state *q = s->priv;
	char *left = xasprintf("klantreis · %s", _("Your plan on your phone"));
	tui_header(t, left, NULL);
	free(left);
	if (!q->n)
		return;
	if (s->sel >= q->n)
		s->sel = q->n - 1;
	const struct link *ln = q->links[s->sel].link;
	int x = 1, w = t->cols - 2, y = 1, bottom = t->rows - 1;

	char *label = i18n_text(ln->text);
	/* TRANSLATORS: over a QR code: "Link 1 of 3: IDW". */
	char *title = xasprintf(_("Link %zu of %zu: %s"), s->sel + 1, q->n, label);
	free(label);
	struct tui_text head = {0}, url = {0};
	tui_text_add(&head, title, w, TUI_S_TITLE, NULL, NULL, 0);
	free(title);
	tui_text_add(&url, ln->href, w, TUI_S_URL, NULL, NULL, 0);

	struct kiosk_qr qr;
	char **lines = NULL;
	size_t n = 0;
	int cw = 0;
	if (kiosk_qr_make(ln->href, &qr)) {
		if (halfblocks_ok()) {
			lines = kiosk_qr_halfblocks(&qr, &n);
			cw = qr.size + 2 * QR_QUIET;
		} else {
			lines = hash_lines(&qr, &n);
			cw = 2 * (qr.size + 2 * QR_QUIET);
		}
		kiosk_qr_free(&qr);
	}
	int need = (int)head.n + (int)n + (int)url.n;
	if (lines && cw <= w && need <= bottom - y) {
		if (need < bottom - y)
			y++; /* a blank line under the header, when there is room */
		y += draw_centred(t, &head, y, x, w, bottom - y);
		int cx = (t->cols - cw) / 2;
		for (size_t i = 0; i < n; i++)
			tui_put(t, y++, cx, cw, lines[i], TUI_S_QR);
		draw_centred(t, &url, y, x, w, bottom - y);
	} else {
		y += bottom - y > (int)head.n + 4 ? 1 : 0;
		y += draw_centred(t, &head, y, x, w, bottom - y);
		y++;
		struct tui_text msg = {0};
		/* No code at all (the QR library could not be opened): the
		 * window is not what is wrong. */
		tui_text_add(&msg,
			     lines ? _("Make the window larger to scan this code.")
				   : _("This computer cannot make QR codes. Write down the address below."),
			     w, TUI_S_BOLD, NULL, NULL, 0);
		y += draw_centred(t, &msg, y, x, w, bottom - y) + 1;
		tui_text_free(&msg);
		draw_centred(t, &url, y, x, w, bottom - y);
	}
	free_lines(lines, n);
	tui_text_free(&head);
	tui_text_free(&url);
}

static enum tui_handled qr_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
{
	const struct qr_state *q = s->priv;
	switch (a) {
	case TUI_A_NEXT_LINK:
		if (!q->n)
			break;
		if (key == TUI_KEY(KEY_LEFT) || key == TUI_KEY(KEY_UP) || key == TUI_KEY(KEY_PPAGE) ||
		    key == TUI_KEY(KEY_BTAB))
			s->sel = (s->sel + q->n - 1) % q->n;
		else
			s->sel = (s->sel + 1) % q->n;
		break;
	case TUI_A_CLOSE:
		tui_pop(t);
		break;
	default:
		return TUI_IGNORED;
	}
	return TUI_HANDLED;
}

const struct tui_screen_ops tui_qr_ops = {
	.popup = false,
	.ctx = qr_ctx,
	.init = qr_init,
	.draw = qr_draw,
	.key = qr_key,
	.priv_size = sizeof(struct qr_state),
	.fini = qr_fini,
};
