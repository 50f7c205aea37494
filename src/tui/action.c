/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The footer and the help screen, both made from the key tables (keys.h,
 * keys.c), so a binding cannot be shown in one place and work differently
 * in another. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "core/wrap.h"
#include "tui/tui_int.h"

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

/* Whether `k` is already among the keys collected in `seen`. */
static bool listed(const int *seen, size_t n, int k)
{
	for (size_t i = 0; i < n; i++)
		if (seen[i] == k || seen[i] == other_case(k))
			return true;
	return false;
}

/* "↑ k Shift+Tab": the keys of an action in the run's modes (`ctx`),
 * each once, in the order of the bindings. NULL when it has none. */
static char *keys_label(enum tui_action a, unsigned ctx)
{
	size_t nb;
	const struct tui_binding *b = tui_bindings(&nb);
	int seen[64];
	size_t n_seen = 0;
	struct strbuf sb;
	sb_init(&sb);
	sb_add(&sb, "", 0);
	bool any = false;
	for (size_t i = 0; i < nb; i++) {
		/* Every screen's keys, but only this run's modes. */
		if (b[i].action != a || (b[i].ctx & TUI_MODES & ~ctx))
			continue;
		any = true;
		for (const int *k = b[i].keys; k < b[i].keys + TUI_BINDING_KEYS && *k; k++) {
			char buf[16];
			const char *name = key_text(*k, buf);
			if (!name || (*k >= '2' && *k <= '9') || *k == '0')
				continue; /* an alias, or shown as "1-9" */
			if (listed(seen, n_seen, *k))
				continue;
			if (n_seen < sizeof seen / sizeof seen[0])
				seen[n_seen++] = *k;
			if (sb.len)
				sb_putc(&sb, ' ');
			sb_puts(&sb, *k == '1' ? "1-9" : name);
		}
	}
	if (!any) {
		sb_free(&sb);
		return NULL;
	}
	return sb_steal(&sb);
}

void tui_help_text(struct tui_text *tx, int width, unsigned ctx)
{
	char *labels[TUI_A_COUNT] = {0};
	int kw = 0;
	for (int a = 0; a < TUI_A_COUNT; a++) {
		if (!tui_action_info((enum tui_action)a)->help)
			continue;
		labels[a] = keys_label((enum tui_action)a, ctx);
		if (labels[a] && wrap_width(labels[a]) > kw)
			kw = wrap_width(labels[a]);
	}
	/* The keys get at most a third of the width; longer key lists wrap
	 * on a line of their own. */
	if (kw > width / 3)
		kw = width / 3;
	for (int a = 0; a < TUI_A_COUNT; a++) {
		if (!labels[a])
			continue;
		const char *help = _(tui_action_info((enum tui_action)a)->help);
		int lw = wrap_width(labels[a]);
		char *pad = xmalloc((size_t)kw + 3);
		memset(pad, ' ', (size_t)kw + 2);
		pad[kw + 2] = '\0';
		if (lw <= kw) {
			char *gutter = xasprintf("%s%*s  ", labels[a], kw - lw, "");
			tui_text_add(tx, help, width, TUI_S_NORMAL, gutter, pad, strlen(labels[a]));
			free(gutter);
		} else {
			tui_text_add(tx, labels[a], width, TUI_S_BOLD, NULL, NULL, 0);
			tui_text_add(tx, help, width, TUI_S_NORMAL, pad, pad, 0);
		}
		free(pad);
		free(labels[a]);
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
	size_t nh;
	const struct tui_hint *hints = tui_hints(&nh);
	const struct tui_hint *show[64];
	int width[64];
	size_t n = 0;
	int total = 0;
	for (size_t i = 0; i < nh && n < sizeof show / sizeof show[0]; i++) {
		if (!tui_ctx_applies(hints[i].ctx, ctx))
			continue;
		/* Keys do what the footer says: none that would do nothing. */
		if ((hints[i].action == TUI_A_CLOSE && (ctx & TUI_CTX_FIRST)) ||
		    (hints[i].action == TUI_A_SCROLL_DOWN && (ctx & TUI_CTX_FITS)))
			continue;
		const struct tui_action_info *info = tui_action_info(hints[i].action);
		show[n] = &hints[i];
		width[n] = wrap_width(info->fkeys) + 1 + wrap_width(_(info->fword));
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
		const struct tui_action_info *info = tui_action_info(show[i]->action);
		char *item = xasprintf("%s %s", info->fkeys, _(info->fword));
		tui_text_add(&f->items, item, 1000, TUI_S_FOOTER, NULL, NULL, strlen(info->fkeys));
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
