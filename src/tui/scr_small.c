/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Too small: below TUI_MIN_COLS x TUI_MIN_ROWS no layout is readable, so
 * the loop shows this instead of the screens (which keep their state) and
 * ignores keys until the window grows. */
#include <stdio.h>

#include "tui/tui_int.h"

static unsigned small_ctx(struct tui *t, struct tui_screen *s) { return 0; }

static void small_draw(struct tui *t, struct tui_screen *s)
{
	struct tui_text tx = {0};
	tui_text_add(&tx, _("Please make the window larger."), t->cols, TUI_S_BOLD, NULL, NULL, 0);
	char size[32];
	snprintf(size, sizeof size, "(%d×%d → %d×%d)", t->cols, t->rows, TUI_MIN_COLS, TUI_MIN_ROWS);
	tui_text_add(&tx, size, t->cols, TUI_S_NORMAL, NULL, NULL, 0);
	int y = t->rows > (int)tx.n ? (t->rows - (int)tx.n) / 2 : 0;
	for (size_t i = 0; i < tx.n && y + (int)i < t->rows; i++) {
		int w = tx.v[i].width;
		tui_text_draw(t, &tx, i, y + (int)i, w < t->cols ? (t->cols - w) / 2 : 0, 1, t->cols);
	}
	tui_text_free(&tx);
}

static enum tui_handled small_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
{
	return TUI_IGNORED;
}

const struct tui_screen_ops tui_small_ops = {
	.popup = false,
	.ctx = small_ctx,
	.init = NULL,
	.draw = small_draw,
	.key = small_key,
};
