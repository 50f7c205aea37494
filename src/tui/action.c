/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The action table (tui_int.h) made into data: key lookup, the footer and
 * the help screen all read the same rows, so a binding cannot be shown in
 * one place and work differently in another. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "core/wrap.h"
#include "tui/tui_int.h"

#define X(name, ctx, fctx, prio, fkeys, fword, help, ...) \
	static const int keys_##name[] = {__VA_ARGS__, 0};
TUI_ACTIONS(X)
#undef X

struct row {
	enum tui_action action;
	unsigned ctx, fctx;
	int prio;
	const char *fkeys, *fword, *help;
	const int *keys;
};

static const struct row rows[] = {
#define X(name, ctx, fctx, prio, fkeys, fword, help, ...) \
	{TUI_A_##name, ctx, fctx, prio, fkeys, fword, help, keys_##name},
	TUI_ACTIONS(X)
#undef X
};
#define N_ROWS (sizeof rows / sizeof rows[0])

/* Whether a row's contexts (or footer contexts) `row` hold for `ctx`, a
 * screen's context with the run's modes: one of the screens, and every
 * mode the row names. */
static bool applies(unsigned row, unsigned ctx)
{
	return (row & ctx & ~(unsigned)TUI_MODES) && !(row & TUI_MODES & ~ctx);
}

enum tui_action tui_action_for(int key, unsigned ctx)
{
	for (size_t i = 0; i < N_ROWS; i++) {
		if (!applies(rows[i].ctx, ctx))
			continue;
		for (const int *k = rows[i].keys; *k; k++)
			if (*k == key)
				return rows[i].action;
	}
	return TUI_A_NONE;
}

/* The name of a key for the help screen; NULL for keys not worth
 * listing: aliases (Return next to Enter, DEL next to Backspace) and the
 * cyrillic twins of letters, which are the same physical keys. */
static const char *key_text(int k, char buf[16])
{
	switch (k) {
	case TUI_KEY(KEY_UP):
		return "↑";
	case TUI_KEY(KEY_DOWN):
		return "↓";
	case TUI_KEY(KEY_LEFT):
		return "←";
	case TUI_KEY(KEY_RIGHT):
		return "→";
	case '\n':
		return "Enter";
	case ' ':
		return "Space";
	case '\t':
		return "Tab";
	case TUI_KEY(KEY_BTAB):
		return "Shift+Tab";
	case TUI_KEY(KEY_BACKSPACE):
		return "Backspace";
	case TUI_KEY(KEY_PPAGE):
		return "PgUp";
	case TUI_KEY(KEY_NPAGE):
		return "PgDn";
	case TUI_ESC:
		return "Esc";
	case '\r':
	case 127:
	case 8:
	case TUI_KEY(KEY_ENTER):
		return NULL;
	default:
		break;
	}
	if (k >= TUI_KEY(KEY_F(1)) && k <= TUI_KEY(KEY_F(12))) {
		snprintf(buf, 16, "F%d", k - TUI_KEY(KEY_F0));
		return buf;
	}
	if (k > 0 && k < ' ' && k != TUI_ESC) {
		snprintf(buf, 16, "Ctrl-%c", k + '@');
		return buf;
	}
	if (k > ' ' && k < 127) {
		buf[0] = (char)k;
		buf[1] = '\0';
		return buf;
	}
	return NULL;
}

static int other_case(int k)
{
	if (k >= 'a' && k <= 'z')
		return k - 'a' + 'A';
	if (k >= 'A' && k <= 'Z')
		return k - 'A' + 'a';
	return -1;
}

/* "↑ k Shift+Tab": the keys of a row, each once. */
static char *keys_label(const struct row *r)
{
	struct strbuf b;
	sb_init(&b);
	sb_add(&b, "", 0);
	for (const int *k = r->keys; *k; k++) {
		char buf[16];
		const char *name = key_text(*k, buf);
		if (!name)
			continue;
		if ((*k >= '2' && *k <= '9') || *k == '0')
			continue; /* shown as "1-9" */
		bool seen = false;
		for (const int *p = r->keys; p < k && !seen; p++)
			seen = *p == other_case(*k);
		if (seen)
			continue;
		if (b.len)
			sb_putc(&b, ' ');
		sb_puts(&b, *k == '1' ? "1-9" : name);
	}
	return sb_steal(&b);
}

void tui_help_text(struct tui_text *tx, int width, unsigned ctx)
{
	char *labels[N_ROWS];
	int kw = 0;
	for (size_t i = 0; i < N_ROWS; i++) {
		/* Every screen's keys, but only this mode's. */
		bool mode = !(rows[i].ctx & TUI_MODES & ~ctx);
		labels[i] = rows[i].help && mode ? keys_label(&rows[i]) : NULL;
		if (labels[i] && wrap_width(labels[i]) > kw)
			kw = wrap_width(labels[i]);
	}
	/* The keys get at most a third of the width; longer key lists wrap
	 * on a line of their own. */
	if (kw > width / 3)
		kw = width / 3;
	for (size_t i = 0; i < N_ROWS; i++) {
		if (!labels[i])
			continue;
		int lw = wrap_width(labels[i]);
		char *pad = xmalloc((size_t)kw + 3);
		memset(pad, ' ', (size_t)kw + 2);
		pad[kw + 2] = '\0';
		if (lw <= kw) {
			char *gutter = xasprintf("%s%*s  ", labels[i], kw - lw, "");
			tui_text_add(tx, _(rows[i].help), width, TUI_S_NORMAL, gutter, pad, strlen(labels[i]));
			free(gutter);
		} else {
			tui_text_add(tx, labels[i], width, TUI_S_BOLD, NULL, NULL, 0);
			tui_text_add(tx, _(rows[i].help), width, TUI_S_NORMAL, pad, pad, 0);
		}
		free(pad);
		free(labels[i]);
	}
}

void tui_footer_free(struct tui_footer_memo *f)
{
	tui_text_free(&f->items);
	free(f->x);
	memset(f, 0, sizeof(*f));
}

/* Choose the hints for `ctx` that fit in `cols` and place them. */
static void footer_make(struct tui_footer_memo *f, unsigned ctx, int cols)
{
	tui_footer_free(f);
	f->ctx = ctx;
	f->cols = cols;
	snprintf(f->lang, sizeof f->lang, "%s", i18n_lang());
	const struct row *show[N_ROWS];
	int width[N_ROWS];
	size_t n = 0;
	int total = 0;
	for (size_t i = 0; i < N_ROWS; i++) {
		if (!applies(rows[i].fctx, ctx) || !rows[i].prio)
			continue;
		/* Keys do what the footer says: none that would do nothing. */
		if ((rows[i].action == TUI_A_CLOSE && (ctx & TUI_CTX_FIRST)) ||
		    (rows[i].action == TUI_A_SCROLL_DOWN && (ctx & TUI_CTX_FITS)))
			continue;
		show[n] = &rows[i];
		width[n] = wrap_width(rows[i].fkeys) + 1 + wrap_width(_(rows[i].fword));
		total += width[n] + (n ? 2 : 0);
		n++;
	}
	/* Drop the least important hints until the rest fits; "? help"
	 * (priority 1) leads to all of them. */
	while (n > 1 && total > cols - 2) {
		size_t worst = 0;
		for (size_t i = 1; i < n; i++)
			if (show[i]->prio >= show[worst]->prio)
				worst = i;
		total -= width[worst] + 2;
		memmove(&show[worst], &show[worst + 1], (n - worst - 1) * sizeof(show[0]));
		memmove(&width[worst], &width[worst + 1], (n - worst - 1) * sizeof(width[0]));
		n--;
	}
	f->x = xcalloc(n ? n : 1, sizeof(*f->x));
	int x = 1;
	for (size_t i = 0; i < n; i++) {
		char *item = xasprintf("%s %s", show[i]->fkeys, _(show[i]->fword));
		tui_text_add(&f->items, item, 1000, TUI_S_FOOTER, NULL, NULL, strlen(show[i]->fkeys));
		free(item);
		f->x[i] = x;
		x += width[i] + 2;
	}
}

void tui_footer(struct tui *t, unsigned ctx)
{
	int y = t->rows - 1;
	if (y < 0)
		return;
	if (t->msg[0]) {
		tui_fill(t, y, 0, t->cols, TUI_S_NOTICE);
		tui_put(t, y, 1, t->cols - 2, t->msg, TUI_S_NOTICE);
		return;
	}
	struct tui_footer_memo *f = &t->footer;
	if (f->ctx != ctx || f->cols != t->cols || strcmp(f->lang, i18n_lang()) != 0 || !f->x)
		footer_make(f, ctx, t->cols);
	tui_fill(t, y, 0, t->cols, TUI_S_FOOTER);
	/* The items were wrapped for a very wide line: one line each. */
	for (size_t i = 0; i < f->items.n; i++)
		tui_text_draw(t, &f->items, i, y, f->x[i], 1, t->cols - 1 - f->x[i]);
}
