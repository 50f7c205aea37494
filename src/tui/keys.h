/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Keys as data. Three tables, each in one place:
 *
 *   actions   what the full-screen guide can do: a name, the words the
 *             footer and the help screen use for it (this file)
 *   bindings  which keys do an action, in which contexts and modes
 *             (keys.c)
 *   hints     where the footer offers an action, and how important the
 *             hint is when the footer is short of room (keys.c)
 *
 * A context is what the top screen is (a step, the plan, a pop-up …); a
 * mode is what kind of run this is (kiosk, trainer …). A key does at most
 * one action in any context of any mode: the unit test `keys` checks
 * every combination, so the order of the rows never decides.
 *
 * This file needs no curses: the key codes of curses are given to it as
 * TUI_KEY(code) by the files that include <curses.h> first. */
#ifndef KLANTREIS_TUI_KEYS_H
#define KLANTREIS_TUI_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/i18n.h"

/* A key: a character as its code point, or a curses key code (KEY_UP …)
 * moved above Unicode so that the two never collide (curses returns both
 * as small numbers). */
#define TUI_KEY(k) (0x200000 + (k))
#define TUI_ESC 27
#define TUI_CTRL_X 24

/* Contexts: what the top screen is. One screen has one context at a
 * time. */
enum {
	TUI_CTX_STEP = 1u << 0, /* a step with options or "Continue" */
	TUI_CTX_END = 1u << 1,  /* an end step: text, then the plan to tick */
	TUI_CTX_PLAN = 1u << 2, /* the action plan */
	TUI_CTX_PICK = 1u << 3, /* a pop-up list: language, glossary words */
	TUI_CTX_TEXT = 1u << 4, /* a pop-up text: help, sources, a definition */
	TUI_CTX_ASK = 1u << 5,  /* the quit question */
	TUI_CTX_CONFIRM = 1u << 6, /* kiosk: "Finish and clear?" */
	TUI_CTX_PIN = 1u << 7,  /* kiosk: the volunteer types the PIN (keys are text) */
	TUI_CTX_ALERT = 1u << 8, /* kiosk: "Are you still there?" (any key continues) */
	TUI_CTX_QR = 1u << 9,   /* kiosk: a link of the plan as a QR code */
};
#define TUI_CTX_ALL 0x3ffu
/* Flags a screen adds to its context so that the footer offers no key
 * that would do nothing there (bindings never name them). */
enum {
	TUI_CTX_FIRST = 1u << 10, /* the first screen: nothing to close (no "Esc close") */
	TUI_CTX_FITS = 1u << 11,  /* a pop-up whose text fits: nothing to scroll (no "PgDn") */
};
/* Modes: the loop adds them to every screen's context (tui_context). A
 * binding or hint that names modes applies only when all of them hold;
 * one without any applies in every mode. */
enum {
	TUI_MODE_NORMAL = 1u << 12,  /* not kiosk mode */
	TUI_MODE_KIOSK = 1u << 13,   /* --kiosk */
	TUI_MODE_PRINTER = 1u << 14, /* --kiosk with a print_command */
	TUI_MODE_TRAINER = 1u << 15, /* --trainer */
};
#define TUI_MODES (TUI_MODE_NORMAL | TUI_MODE_KIOSK | TUI_MODE_PRINTER | TUI_MODE_TRAINER)
#define TUI_CTX_NAV (TUI_CTX_STEP | TUI_CTX_END)
#define TUI_CTX_LISTS (TUI_CTX_NAV | TUI_CTX_PLAN | TUI_CTX_PICK)
#define TUI_CTX_MOST (TUI_CTX_LISTS | TUI_CTX_TEXT)

/* The actions: X(NAME, footer keys, footer word, help text). The footer
 * keys are the key names printed on keyboards ("Enter", "PgDn") and stay
 * as they are; the words are translated when shown. An action without
 * help text is left out of the help screen; one without a footer word is
 * never offered in the footer. */
#define TUI_ACTIONS(X)                                                                          \
	X(YES, NULL, NULL, NULL)                                                                \
	X(NO, NULL, NULL, NULL)                                                                 \
	/* TRANSLATORS: footer words follow a key name in the last line: short! */            \
	X(SWITCH, "←→", N_("switch"), NULL)                                                     \
	X(UP, "↑↓", N_("move"), N_("Move the selection up (at the top: scroll the text)"))      \
	X(DOWN, NULL, NULL, N_("Move the selection down (at the bottom: scroll the text)"))     \
	X(CHOOSE, "Enter", N_("choose"), N_("Choose the selected option"))                      \
	X(NUMBER, NULL, NULL, N_("Choose an option by its number (10 and up: two digits)"))     \
	X(BACK, "←", N_("back"), N_("Back to the previous screen (or close this window)"))       \
	X(SCROLL_UP, NULL, NULL, N_("Scroll the text up"))                                      \
	X(TICK, "Space", N_("tick"), N_("In your plan: tick or untick the selected task"))      \
	X(SCROLL_DOWN, "PgDn", N_("scroll"), N_("Scroll the text down"))                        \
	X(LANGUAGE, "L", N_("language"), N_("Change the language (you keep your place)"))       \
	X(PLAN, "P", N_("plan"), N_("Show your action plan"))                                   \
	X(GLOSSARY, "G", N_("Dutch words"), N_("Explain the Dutch words on this screen"))       \
	X(SOURCES, "S", N_("sources"), N_("Show the sources of this step"))                     \
	X(FINISH, "F", N_("Finish and clear"),                                                  \
	  N_("Finish: clear your answers and your plan from this computer"))                    \
	X(QUICK_EXIT, "X", N_("Quick exit"),                                                    \
	  N_("Quick exit: clear the screen at once and leave, keeping nothing private"))        \
	X(PRINT, "T", N_("print"), N_("In your plan: print it to take it with you"))            \
	X(QR, "C", N_("QR codes"), N_("In your plan: show its links as QR codes for your phone")) \
	X(NEXT_LINK, "←→", N_("next link"), NULL)                                               \
	X(STAYS, NULL, NULL, N_("About leaving: this guide stays open for the next person"))    \
	X(ADMIN, NULL, NULL, N_("For volunteers: end the kiosk with the PIN"))                  \
	X(OUTLINE, "O", N_("outline"),                                                          \
	  N_("Trainers: an outline of every journey and step; Enter jumps there"))              \
	X(EXPORT_PLAN, "E", N_("save as file"),                                                 \
	  N_("In your plan: save it as a text file in your home folder, to mail or print"))     \
	X(FORGET, NULL, NULL, N_("Forget: delete your saved progress from this computer"))      \
	X(HELP, "?", N_("help"), N_("Show this help"))                                          \
	X(QUIT, "Q", N_("quit"), N_("Quit (you are asked first)"))                              \
	X(CLOSE, "Esc", N_("close"), N_("Close this window"))

enum tui_action {
	TUI_A_NONE,
#define TUI_X_ENUM(name, ...) TUI_A_##name,
	TUI_ACTIONS(TUI_X_ENUM)
#undef TUI_X_ENUM
	TUI_A_CLICK, /* a mouse click on item t->click (not a key binding) */
	TUI_A_COUNT
};

struct tui_action_info {
	const char *name;         /* "QUICK_EXIT", for tests and messages */
	const char *fkeys, *fword; /* the footer's "X Quick exit"; NULL: none */
	const char *help;         /* untranslated; NULL: not in the help */
};

/* One row of the binding table: `keys` (0-terminated) do `action` where
 * `ctx` holds (see tui_ctx_applies). */
#define TUI_BINDING_KEYS 12
struct tui_binding {
	enum tui_action action;
	unsigned ctx;
	int keys[TUI_BINDING_KEYS];
};

/* Where the footer offers an action: in `ctx`, with priority `prio` (1
 * is shown longest when the footer is short of room). */
struct tui_hint {
	enum tui_action action;
	unsigned ctx;
	int prio;
};

const struct tui_action_info *tui_action_info(enum tui_action a);
/* The tables, for the footer, the help screen and the unit test. */
const struct tui_binding *tui_bindings(size_t *n);
const struct tui_hint *tui_hints(size_t *n);

/* Whether a row's contexts `row` hold for `ctx`, a screen's context with
 * the run's modes: one of the row's screens, and every mode it names. */
bool tui_ctx_applies(unsigned row, unsigned ctx);
/* The action `key` does in context `ctx`; TUI_A_NONE if none. */
enum tui_action tui_action_for(int key, unsigned ctx);

#endif
