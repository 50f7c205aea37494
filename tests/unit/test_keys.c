/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The key tables (src/tui/keys.h): a key does at most one thing in any
 * context of any mode; the footer offers only keys that work where it
 * offers them; every action can be reached. */
#include "testutil.h"

#include <curses.h>

#include "tui/keys.h"

/* The kinds of run there are: the modes tui_context adds. */
static const unsigned modes[] = {
	TUI_MODE_NORMAL,
	TUI_MODE_NORMAL | TUI_MODE_TRAINER,
	TUI_MODE_KIOSK,
	TUI_MODE_KIOSK | TUI_MODE_PRINTER,
};
#define N_MODES (sizeof modes / sizeof modes[0])

/* Screens that read their keys themselves (their ops take every key): the
 * PIN field, "Are you still there?". Their footer names raw keys. */
#define RAW_CTX (TUI_CTX_PIN | TUI_CTX_ALERT)

static size_t n_keys(const struct tui_binding *b)
{
	size_t n = 0;
	while (n < TUI_BINDING_KEYS && b->keys[n])
		n++;
	return n;
}

static void no_key_bound_twice(void **state)
{
	(void)state;
	size_t nb;
	const struct tui_binding *b = tui_bindings(&nb);
	int clashes = 0;
	for (size_t m = 0; m < N_MODES; m++)
		for (unsigned c = 1; c <= TUI_CTX_ALL; c <<= 1) {
			unsigned ctx = c | modes[m];
			for (size_t i = 0; i < nb; i++) {
				if (!tui_ctx_applies(b[i].ctx, ctx))
					continue;
				for (size_t k = 0; k < n_keys(&b[i]); k++)
					for (size_t j = i; j < nb; j++) {
						if (!tui_ctx_applies(b[j].ctx, ctx))
							continue;
						for (size_t l = j == i ? k + 1 : 0; l < n_keys(&b[j]); l++)
							if (b[j].keys[l] == b[i].keys[k]) {
								fprintf(stderr,
									"key %#x: %s and %s in context %#x\n",
									(unsigned)b[i].keys[k],
									tui_action_info(b[i].action)->name,
									tui_action_info(b[j].action)->name, ctx);
								clashes++;
							}
					}
			}
		}
	assert_int_equal(clashes, 0);
}

static bool bound(enum tui_action a, unsigned ctx)
{
	size_t nb;
	const struct tui_binding *b = tui_bindings(&nb);
	for (size_t i = 0; i < nb; i++)
		if (b[i].action == a && tui_ctx_applies(b[i].ctx, ctx) && n_keys(&b[i]))
			return true;
	return false;
}

static void footer_offers_working_keys(void **state)
{
	(void)state;
	size_t nh;
	const struct tui_hint *h = tui_hints(&nh);
	int dead = 0;
	for (size_t i = 0; i < nh; i++) {
		const struct tui_action_info *info = tui_action_info(h[i].action);
		assert_non_null(info->fkeys);
		assert_non_null(info->fword);
		assert_true(h[i].prio > 0);
		for (size_t m = 0; m < N_MODES; m++)
			for (unsigned c = 1; c <= TUI_CTX_ALL; c <<= 1) {
				unsigned ctx = c | modes[m];
				if ((c & RAW_CTX) || !tui_ctx_applies(h[i].ctx, ctx) || bound(h[i].action, ctx))
					continue;
				fprintf(stderr, "footer offers %s in context %#x, where no key does it\n",
					info->name, ctx);
				dead++;
			}
	}
	assert_int_equal(dead, 0);
}

static void every_action_has_keys(void **state)
{
	(void)state;
	for (int a = TUI_A_NONE + 1; a < TUI_A_CLICK; a++) {
		bool any = false;
		for (size_t m = 0; m < N_MODES && !any; m++)
			any = bound((enum tui_action)a, TUI_CTX_ALL | modes[m]);
		if (!any)
			fprintf(stderr, "%s has no key\n", tui_action_info((enum tui_action)a)->name);
		assert_true(any);
	}
	/* Rows name screens, and never the footer-only flags. */
	size_t nb;
	const struct tui_binding *b = tui_bindings(&nb);
	for (size_t i = 0; i < nb; i++) {
		assert_true(b[i].ctx & TUI_CTX_ALL);
		assert_false(b[i].ctx & (TUI_CTX_FIRST | TUI_CTX_FITS));
		assert_true(n_keys(&b[i]) > 0);
	}
}

/* What the table says where it once depended on the order of its rows. */
static void keys_mean_what_the_footer_says(void **state)
{
	(void)state;
	unsigned n = TUI_MODE_NORMAL, k = TUI_MODE_KIOSK;
	assert_int_equal(tui_action_for(' ', TUI_CTX_PLAN | n), TUI_A_TICK);
	assert_int_equal(tui_action_for(' ', TUI_CTX_END | n), TUI_A_TICK);
	assert_int_equal(tui_action_for(' ', TUI_CTX_STEP | n), TUI_A_SCROLL_DOWN);
	assert_int_equal(tui_action_for(' ', TUI_CTX_TEXT | n), TUI_A_SCROLL_DOWN);
	assert_int_equal(tui_action_for(TUI_KEY(KEY_RIGHT), TUI_CTX_ASK | n), TUI_A_SWITCH);
	assert_int_equal(tui_action_for(TUI_KEY(KEY_RIGHT), TUI_CTX_STEP | n), TUI_A_CHOOSE);
	assert_int_equal(tui_action_for('\n', TUI_CTX_ASK | n), TUI_A_CHOOSE);
	assert_int_equal(tui_action_for('q', TUI_CTX_STEP | n), TUI_A_QUIT);
	assert_int_equal(tui_action_for('q', TUI_CTX_STEP | k), TUI_A_STAYS);
	assert_int_equal(tui_action_for('q', TUI_CTX_ASK | n), TUI_A_YES);
	assert_int_equal(tui_action_for('f', TUI_CTX_PLAN | n), TUI_A_FORGET);
	assert_int_equal(tui_action_for('f', TUI_CTX_PLAN | k), TUI_A_FINISH);
	assert_int_equal(tui_action_for(0x439 /* й */, TUI_CTX_STEP | n), TUI_A_QUIT);
	assert_int_equal(tui_action_for('o', TUI_CTX_STEP | n), TUI_A_NONE);
	assert_int_equal(tui_action_for('o', TUI_CTX_STEP | n | TUI_MODE_TRAINER), TUI_A_OUTLINE);
	assert_int_equal(tui_action_for('t', TUI_CTX_PLAN | k), TUI_A_NONE);
	assert_int_equal(tui_action_for('t', TUI_CTX_PLAN | k | TUI_MODE_PRINTER), TUI_A_PRINT);
	assert_int_equal(tui_action_for(TUI_CTRL_X, TUI_CTX_STEP | n), TUI_A_NONE);
	assert_int_equal(tui_action_for(TUI_CTRL_X, TUI_CTX_ALERT | k), TUI_A_ADMIN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_key_bound_twice),
		cmocka_unit_test(footer_offers_working_keys),
		cmocka_unit_test(every_action_has_keys),
		cmocka_unit_test(keys_mean_what_the_footer_says),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
