/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The binding and hint tables (keys.h) and key lookup. No drawing here:
 * the footer and the help screen (action.c) read these tables, so a key
 * cannot be shown in one place and work differently in another. */
#include <curses.h>

#include "tui/keys.h"

/* The cyrillic letters on the same physical keys as q, j, k, b, l, p, g,
 * s, f … on a Ukrainian or Russian (ЙЦУКЕН) layout, so the keys work
 * without switching the keyboard to Latin. */
#define CYR_Q 0x439, 0x419 /* й Й */
#define CYR_J 0x43e, 0x41e /* о О */
#define CYR_K 0x43b, 0x41b /* л Л */
#define CYR_B 0x438, 0x418 /* и И */
#define CYR_L 0x434, 0x414 /* д Д */
#define CYR_P 0x437, 0x417 /* з З */
#define CYR_G 0x43f, 0x41f /* п П */
#define CYR_S 0x456, 0x406, 0x44b, 0x42b /* і І (uk), ы Ы (ru) */
#define CYR_F 0x430, 0x410 /* а А */
#define CYR_X 0x447, 0x427 /* ч Ч */
#define CYR_T 0x435, 0x415 /* е Е */
#define CYR_C 0x441, 0x421 /* с С */
#define CYR_O 0x449, 0x429 /* щ Щ */
#define CYR_E 0x443, 0x423 /* у У */

#define K(k) TUI_KEY(KEY_##k)
#define ENTER_KEYS '\n', '\r', K(ENTER)

static const struct tui_action_info actions[TUI_A_COUNT] = {
	[TUI_A_NONE] = {"NONE", NULL, NULL, NULL},
#define X(name, fkeys, fword, help) [TUI_A_##name] = {#name, fkeys, fword, help},
	TUI_ACTIONS(X)
#undef X
	[TUI_A_CLICK] = {"CLICK", NULL, NULL, NULL},
};

/* Which keys do what, where. Space ticks a task where there are tasks
 * (an end step, the plan) and scrolls elsewhere; → chooses in lists and
 * switches between the two buttons of a question. */
static const struct tui_binding bindings[] = {
	/* The quit question: y or q again confirms. */
	{TUI_A_YES, TUI_CTX_ASK, {'y', 'Y', 'q', 'Q', CYR_Q}},
	{TUI_A_NO, TUI_CTX_ASK | TUI_CTX_CONFIRM, {'n', 'N'}},
	{TUI_A_SWITCH, TUI_CTX_ASK | TUI_CTX_CONFIRM,
	 {K(LEFT), K(RIGHT), K(UP), K(DOWN), '\t', K(BTAB)}},
	{TUI_A_CHOOSE, TUI_CTX_ASK | TUI_CTX_CONFIRM, {ENTER_KEYS}},
	/* Lists and texts. */
	{TUI_A_UP, TUI_CTX_MOST, {K(UP), 'k', 'K', CYR_K, K(BTAB)}},
	{TUI_A_DOWN, TUI_CTX_MOST, {K(DOWN), 'j', 'J', CYR_J, '\t'}},
	{TUI_A_CHOOSE, TUI_CTX_LISTS | TUI_CTX_TEXT, {ENTER_KEYS, K(RIGHT)}},
	{TUI_A_NUMBER, TUI_CTX_LISTS, {'1', '2', '3', '4', '5', '6', '7', '8', '9', '0'}},
	{TUI_A_BACK, TUI_CTX_MOST, {K(BACKSPACE), 127, 8, K(LEFT), 'b', 'B', CYR_B}},
	{TUI_A_SCROLL_UP, TUI_CTX_MOST, {K(PPAGE)}},
	{TUI_A_SCROLL_DOWN, TUI_CTX_MOST, {K(NPAGE)}},
	{TUI_A_SCROLL_DOWN, TUI_CTX_STEP | TUI_CTX_PICK | TUI_CTX_TEXT, {' '}},
	{TUI_A_TICK, TUI_CTX_END | TUI_CTX_PLAN, {' '}},
	/* The screens a step and the plan open. */
	{TUI_A_LANGUAGE, TUI_CTX_NAV | TUI_CTX_PLAN, {'L', 'l', CYR_L, K(F(2))}},
	{TUI_A_PLAN, TUI_CTX_NAV | TUI_CTX_PLAN, {'P', 'p', CYR_P}},
	{TUI_A_GLOSSARY, TUI_CTX_NAV | TUI_CTX_PLAN, {'G', 'g', CYR_G}},
	{TUI_A_SOURCES, TUI_CTX_NAV, {'S', 's', CYR_S}},
	{TUI_A_HELP, TUI_CTX_MOST, {'?', K(F(1))}},
	{TUI_A_CLOSE, TUI_CTX_MOST | TUI_CTX_ASK | TUI_CTX_CONFIRM | TUI_CTX_QR, {TUI_ESC}},
	/* Every mode (DESIGN.md section 5): kiosk mode wipes and shows the
	 * language picker, the others forget what is private and end. */
	{TUI_A_QUICK_EXIT,
	 TUI_CTX_MOST | TUI_CTX_ASK | TUI_CTX_CONFIRM | TUI_CTX_ALERT | TUI_CTX_QR,
	 {'X', 'x', CYR_X, K(F(12))}},
	/* Not kiosk mode: F forgets the save file, Q asks and quits, E
	 * saves the plan as a file. */
	{TUI_A_FORGET, TUI_CTX_NAV | TUI_CTX_PLAN | TUI_MODE_NORMAL, {'F', 'f', CYR_F}},
	{TUI_A_QUIT, TUI_CTX_MOST | TUI_MODE_NORMAL, {'Q', 'q', CYR_Q}},
	{TUI_A_EXPORT_PLAN, TUI_CTX_END | TUI_CTX_PLAN | TUI_MODE_NORMAL, {'E', 'e', CYR_E}},
	{TUI_A_OUTLINE, TUI_CTX_NAV | TUI_CTX_PLAN | TUI_MODE_TRAINER, {'O', 'o', CYR_O}},
	/* Kiosk mode (mode_kiosk.c): F finishes and clears instead of forgetting
	 * a save file (there is none), Q explains that the guide stays
	 * open, Ctrl-X asks a volunteer for the PIN. */
	{TUI_A_FINISH, TUI_CTX_NAV | TUI_CTX_PLAN | TUI_CTX_CONFIRM | TUI_MODE_KIOSK, {'F', 'f', CYR_F}},
	{TUI_A_STAYS, TUI_CTX_MOST | TUI_CTX_QR | TUI_MODE_KIOSK, {'Q', 'q', CYR_Q}},
	{TUI_A_ADMIN,
	 TUI_CTX_MOST | TUI_CTX_ASK | TUI_CTX_CONFIRM | TUI_CTX_ALERT | TUI_CTX_QR | TUI_MODE_KIOSK,
	 {TUI_CTRL_X}},
	{TUI_A_PRINT, TUI_CTX_END | TUI_CTX_PLAN | TUI_MODE_PRINTER, {'T', 't', CYR_T}},
	{TUI_A_QR, TUI_CTX_END | TUI_CTX_PLAN | TUI_MODE_KIOSK, {'C', 'c', CYR_C}},
	{TUI_A_NEXT_LINK, TUI_CTX_QR,
	 {K(RIGHT), K(LEFT), K(DOWN), K(UP), ' ', K(NPAGE), K(PPAGE), '\t', K(BTAB)}},
};

/* The footer, left to right. The PIN field and "Are you still there?"
 * read their keys themselves (their screens take every key), so their
 * hints name keys no binding has. */
static const struct tui_hint hints[] = {
	{TUI_A_SWITCH, TUI_CTX_ASK | TUI_CTX_CONFIRM, 3},
	{TUI_A_UP, TUI_CTX_LISTS, 6},
	{TUI_A_CHOOSE, TUI_CTX_STEP | TUI_CTX_PICK | TUI_CTX_ASK | TUI_CTX_CONFIRM | TUI_CTX_PIN, 2},
	{TUI_A_BACK, TUI_CTX_NAV, 3},
	{TUI_A_TICK, TUI_CTX_END | TUI_CTX_PLAN, 2},
	{TUI_A_SCROLL_DOWN, TUI_CTX_TEXT, 3},
	{TUI_A_LANGUAGE, TUI_CTX_NAV | TUI_CTX_PLAN, 5},
	{TUI_A_PLAN, TUI_CTX_NAV, 6},
	{TUI_A_GLOSSARY, TUI_CTX_NAV | TUI_CTX_PLAN, 8},
	{TUI_A_SOURCES, TUI_CTX_NAV, 9},
	{TUI_A_FINISH, TUI_CTX_NAV | TUI_CTX_PLAN | TUI_MODE_KIOSK, 1},
	{TUI_A_QUICK_EXIT, TUI_CTX_MOST | TUI_CTX_ALERT | TUI_CTX_QR, 1},
	{TUI_A_PRINT, TUI_CTX_END | TUI_CTX_PLAN | TUI_MODE_PRINTER, 2},
	{TUI_A_QR, TUI_CTX_END | TUI_CTX_PLAN | TUI_MODE_KIOSK, 3},
	{TUI_A_NEXT_LINK, TUI_CTX_QR, 2},
	{TUI_A_OUTLINE, TUI_CTX_NAV | TUI_MODE_TRAINER, 4},
	{TUI_A_EXPORT_PLAN, TUI_CTX_PLAN | TUI_MODE_NORMAL, 4},
	{TUI_A_HELP, TUI_CTX_NAV | TUI_CTX_PLAN | TUI_CTX_PICK, 1},
	{TUI_A_QUIT, TUI_CTX_NAV | TUI_CTX_PLAN | TUI_MODE_NORMAL, 4},
	{TUI_A_CLOSE,
	 TUI_CTX_PLAN | TUI_CTX_PICK | TUI_CTX_TEXT | TUI_CTX_ASK | TUI_CTX_CONFIRM | TUI_CTX_PIN |
		 TUI_CTX_QR,
	 1},
};

const struct tui_action_info *tui_action_info(enum tui_action a)
{
	return (unsigned)a < TUI_A_COUNT ? &actions[a] : &actions[TUI_A_NONE];
}

const struct tui_binding *tui_bindings(size_t *n)
{
	*n = sizeof bindings / sizeof bindings[0];
	return bindings;
}

const struct tui_hint *tui_hints(size_t *n)
{
	*n = sizeof hints / sizeof hints[0];
	return hints;
}

bool tui_ctx_applies(unsigned row, unsigned ctx)
{
	return (row & ctx & ~(unsigned)TUI_MODES) && !(row & TUI_MODES & ~ctx);
}

enum tui_action tui_action_for(int key, unsigned ctx)
{
	for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++) {
		if (!tui_ctx_applies(bindings[i].ctx, ctx))
			continue;
		for (const int *k = bindings[i].keys; k < bindings[i].keys + TUI_BINDING_KEYS && *k; k++)
			if (*k == key)
				return bindings[i].action;
	}
	return TUI_A_NONE;
}
