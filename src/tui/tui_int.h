/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internals of the full-screen interface, shared by the files in src/tui/
 * and by nothing else: the state, the screen protocol, the action table
 * and the drawing helpers. Only src/tui/ includes <curses.h>.
 *
 * Protocol. One loop (tui.c) owns input. Screens live on a small stack;
 * each has the same trio:
 *
 *   init(t, s)       when pushed: set up the screen's state in *s
 *   draw(t, s)       paint it into stdscr for t->rows x t->cols
 *   key(t, s, a, k)  act on action `a` (from key `k`)
 *
 * A `popup` screen is painted over the screens below it. Every key press
 * and every resize repaints the whole stack from scratch: screens keep
 * only their state (selection, scroll offset), never geometry, so a
 * resize cannot leave stale layout behind. Text wrapped for one width is
 * kept (for speed) only together with that width and language, and is
 * made again when either differs (struct tui_memo, tui_text_stale). Below
 * TUI_MIN_COLS x TUI_MIN_ROWS the loop shows tui_small instead of the
 * stack. */
#ifndef KLANTREIS_TUI_INT_H
#define KLANTREIS_TUI_INT_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "core/i18n.h"
#include "kiosk/kiosk.h"
#include "tui/styles.h"

struct tui;
struct tui_text;

#define TUI_MIN_COLS 40
#define TUI_MIN_ROWS 12
#define TUI_STACK_MAX 8
#define TUI_HITS_MAX 64

/* A key: a character as its code point, or a curses key code (KEY_UP …)
 * moved above Unicode so that the two never collide (curses returns both
 * as small numbers). */
#define TUI_KEY(k) (0x200000 + (k))
#define TUI_ESC 27

/* Contexts: which keys mean what where. One screen has one context at a
 * time; the action table says in which contexts a key binding applies,
 * and in which the footer mentions it. */
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
/* Flags a screen adds to its context so that the footer offers no key
 * that would do nothing there (rows never name them). */
enum {
	TUI_CTX_FIRST = 1u << 10, /* the first screen: nothing to close (no "Esc close") */
	TUI_CTX_FITS = 1u << 11,  /* a pop-up whose text fits: nothing to scroll (no "PgDn") */
};
/* Modes: the loop adds them to every screen's context (tui_context). A
 * row whose contexts name modes applies only when all of them hold; a
 * row without any applies in every mode. */
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

/* The cyrillic letters on the same physical keys as q, j, k, b, l, p, g, s, f
 * on a Ukrainian or Russian (ЙЦУКЕН) layout, so the keys work without
 * switching the keyboard to Latin. */
#define TUI_CYR_Q 0x439, 0x419 /* й Й */
#define TUI_CYR_J 0x43e, 0x41e /* о О */
#define TUI_CYR_K 0x43b, 0x41b /* л Л */
#define TUI_CYR_B 0x438, 0x418 /* и И */
#define TUI_CYR_L 0x434, 0x414 /* д Д */
#define TUI_CYR_P 0x437, 0x417 /* з З */
#define TUI_CYR_G 0x43f, 0x41f /* п П */
#define TUI_CYR_S 0x456, 0x406, 0x44b, 0x42b /* і І (uk), ы Ы (ru) */
#define TUI_CYR_F 0x430, 0x410 /* а А */
#define TUI_CYR_X 0x447, 0x427 /* ч Ч */
#define TUI_CYR_T 0x435, 0x415 /* е Е */
#define TUI_CYR_C 0x441, 0x421 /* с С */
#define TUI_CYR_O 0x449, 0x429 /* щ Щ */
#define TUI_CYR_E 0x443, 0x423 /* у У */
#define TUI_CTRL_X 24

/* The action table: one row per action.
 *   X(NAME, contexts, footer contexts, footer priority, footer keys,
 *     footer word, help text, keys...)
 * Contexts and footer contexts may name modes too (TUI_MODE_*): the row
 * is then only for those runs (kiosk mode's F is not normal mode's F);
 * the help screen lists the rows of the run's modes.
 * The first row whose contexts hold the screen's context wins, so the
 * narrow rows come first: the quit question, and ticking (Space) before
 * scrolling (Space elsewhere). The footer shows, in table order, the rows
 * for the screen's context that fit, dropping the highest priority
 * numbers first. Rows without help text are left out of the help screen.
 * Help and footer words are translated when shown; the key names
 * ("Enter", "PgDn") are those printed on keyboards and stay as they are. */
#define TUI_ACTIONS(X)                                                                              \
	X(YES, TUI_CTX_ASK, 0, 0, NULL, NULL, NULL, 'y', 'Y', 'q', 'Q', TUI_CYR_Q)                  \
	X(NO, TUI_CTX_ASK | TUI_CTX_CONFIRM, 0, 0, NULL, NULL, NULL, 'n', 'N')                     \
	/* TRANSLATORS: footer words follow a key name in the last line: short! */                \
	X(SWITCH, TUI_CTX_ASK | TUI_CTX_CONFIRM, TUI_CTX_ASK | TUI_CTX_CONFIRM, 3, "←→", N_("switch"), \
	  NULL, TUI_KEY(KEY_LEFT), TUI_KEY(KEY_RIGHT), TUI_KEY(KEY_UP), TUI_KEY(KEY_DOWN), '\t',    \
	  TUI_KEY(KEY_BTAB))                                                                        \
	X(UP, TUI_CTX_MOST, TUI_CTX_LISTS, 6, "↑↓", N_("move"),                                   \
	  N_("Move the selection up (at the top: scroll the text)"), TUI_KEY(KEY_UP), 'k', 'K',     \
	  TUI_CYR_K, TUI_KEY(KEY_BTAB))                                                             \
	X(DOWN, TUI_CTX_MOST, 0, 0, NULL, NULL,                                                     \
	  N_("Move the selection down (at the bottom: scroll the text)"), TUI_KEY(KEY_DOWN), 'j',   \
	  'J', TUI_CYR_J, '\t')                                                                     \
	X(CHOOSE, TUI_CTX_LISTS | TUI_CTX_ASK | TUI_CTX_CONFIRM | TUI_CTX_TEXT,                     \
	  TUI_CTX_STEP | TUI_CTX_PICK | TUI_CTX_ASK | TUI_CTX_CONFIRM | TUI_CTX_PIN, 2,             \
	  "Enter", N_("choose"), N_("Choose the selected option"), '\n', '\r', TUI_KEY(KEY_ENTER),  \
	  TUI_KEY(KEY_RIGHT))                                                                       \
	X(NUMBER, TUI_CTX_LISTS, 0, 0, NULL, NULL,                                                  \
	  N_("Choose an option by its number (10 and up: two digits)"), '1', '2', '3', '4',  \
	  '5', '6', '7', '8', '9', '0')                                                             \
	X(BACK, TUI_CTX_MOST, TUI_CTX_NAV, 3, "←", N_("back"),                                      \
	  N_("Back to the previous screen (or close this window)"), TUI_KEY(KEY_BACKSPACE), 127, 8, \
	  TUI_KEY(KEY_LEFT), 'b', 'B', TUI_CYR_B)                                                   \
	X(SCROLL_UP, TUI_CTX_MOST, 0, 0, NULL, NULL, N_("Scroll the text up"), TUI_KEY(KEY_PPAGE))  \
	X(TICK, TUI_CTX_END | TUI_CTX_PLAN, TUI_CTX_END | TUI_CTX_PLAN, 2, "Space", N_("tick"),     \
	  N_("In your plan: tick or untick the selected task"), ' ')                                \
	X(SCROLL_DOWN, TUI_CTX_MOST, TUI_CTX_TEXT, 3, "PgDn", N_("scroll"), N_("Scroll the text down"), \
	  TUI_KEY(KEY_NPAGE), ' ')                                                                  \
	X(LANGUAGE, TUI_CTX_NAV | TUI_CTX_PLAN, TUI_CTX_NAV | TUI_CTX_PLAN, 5, "L", N_("language"), \
	  N_("Change the language (you keep your place)"), 'L', 'l', TUI_CYR_L, TUI_KEY(KEY_F(2)))  \
	X(PLAN, TUI_CTX_NAV | TUI_CTX_PLAN, TUI_CTX_NAV, 6, "P", N_("plan"),                        \
	  N_("Show your action plan"), 'P', 'p', TUI_CYR_P)                                        \
	X(GLOSSARY, TUI_CTX_NAV | TUI_CTX_PLAN, TUI_CTX_NAV | TUI_CTX_PLAN, 8, "G", N_("Dutch words"), \
	  N_("Explain the Dutch words on this screen"), 'G', 'g', TUI_CYR_G)                       \
	X(SOURCES, TUI_CTX_NAV, TUI_CTX_NAV, 9, "S", N_("sources"),                                  \
	  N_("Show the sources of this step"), 'S', 's', TUI_CYR_S)                                \
	/* Kiosk mode (kiosk.c): F finishes and clears instead of forgetting   \
	 * a save file (there is none), X and F12 leave at once, Q explains    \
	 * that the guide stays open, Ctrl-X asks a volunteer for the PIN. */  \
	X(FINISH, TUI_CTX_NAV | TUI_CTX_PLAN | TUI_CTX_CONFIRM | TUI_MODE_KIOSK,                    \
	  TUI_CTX_NAV | TUI_CTX_PLAN | TUI_MODE_KIOSK, 1, "F", N_("Finish and clear"),              \
	  N_("Finish: clear your answers and your plan from this computer"), 'F', 'f', TUI_CYR_F)  \
	/* Every mode (DESIGN.md section 5): kiosk mode wipes and shows the   \
	 * language picker, the others forget what is private and end. */    \
	X(QUICK_EXIT, TUI_CTX_MOST | TUI_CTX_ASK | TUI_CTX_CONFIRM | TUI_CTX_ALERT | TUI_CTX_QR,    \
	  TUI_CTX_MOST | TUI_CTX_ALERT | TUI_CTX_QR, 1, "X", N_("Quick exit"),                      \
	  N_("Quick exit: clear the screen at once and leave, keeping nothing private"), 'X', 'x',  \
	  TUI_CYR_X, TUI_KEY(KEY_F(12)))                                                            \
	X(PRINT, TUI_CTX_END | TUI_CTX_PLAN | TUI_MODE_PRINTER,                                     \
	  TUI_CTX_END | TUI_CTX_PLAN | TUI_MODE_PRINTER, 2, "T", N_("print"),                       \
	  N_("In your plan: print it to take it with you"), 'T', 't', TUI_CYR_T)                   \
	X(QR, TUI_CTX_END | TUI_CTX_PLAN | TUI_MODE_KIOSK, TUI_CTX_END | TUI_CTX_PLAN | TUI_MODE_KIOSK, \
	  3, "C", N_("QR codes"), N_("In your plan: show its links as QR codes for your phone"),    \
	  'C', 'c', TUI_CYR_C)                                                                      \
	X(NEXT_LINK, TUI_CTX_QR, TUI_CTX_QR, 2, "←→", N_("next link"), NULL, TUI_KEY(KEY_RIGHT),   \
	  TUI_KEY(KEY_LEFT), TUI_KEY(KEY_DOWN), TUI_KEY(KEY_UP), ' ', TUI_KEY(KEY_NPAGE),           \
	  TUI_KEY(KEY_PPAGE), '\t', TUI_KEY(KEY_BTAB))                                              \
	X(STAYS, TUI_CTX_MOST | TUI_CTX_QR | TUI_MODE_KIOSK, 0, 0, NULL, NULL,                     \
	  N_("About leaving: this guide stays open for the next person"), 'Q', 'q', TUI_CYR_Q)     \
	X(ADMIN, TUI_CTX_MOST | TUI_CTX_ASK | TUI_CTX_CONFIRM | TUI_CTX_ALERT | TUI_CTX_QR |        \
	  TUI_MODE_KIOSK, 0, 0, NULL, NULL, N_("For volunteers: end the kiosk with the PIN"),      \
	  TUI_CTRL_X)                                                                               \
	X(OUTLINE, TUI_CTX_NAV | TUI_CTX_PLAN | TUI_MODE_TRAINER,                                  \
	  TUI_CTX_NAV | TUI_MODE_TRAINER, 4, "O", N_("outline"),                                    \
	  N_("Trainers: an outline of every journey and step; Enter jumps there"), 'O', 'o',        \
	  TUI_CYR_O)                                                                                \
	X(EXPORT_PLAN, TUI_CTX_END | TUI_CTX_PLAN | TUI_MODE_NORMAL,                                \
	  TUI_CTX_PLAN | TUI_MODE_NORMAL, 4, "E", N_("save as file"),                               \
	  N_("In your plan: save it as a text file in your home folder, to mail or print"), 'E',    \
	  'e', TUI_CYR_E)                                                                           \
	X(FORGET, TUI_CTX_NAV | TUI_CTX_PLAN | TUI_MODE_NORMAL, 0, 0, NULL, NULL,                   \
	  N_("Forget: delete your saved progress from this computer"), 'F', 'f', TUI_CYR_F)        \
	X(HELP, TUI_CTX_MOST, TUI_CTX_NAV | TUI_CTX_PLAN | TUI_CTX_PICK, 1, "?", N_("help"),       \
	  N_("Show this help"), '?', TUI_KEY(KEY_F(1)))                                             \
	X(QUIT, TUI_CTX_MOST | TUI_MODE_NORMAL, TUI_CTX_NAV | TUI_CTX_PLAN | TUI_MODE_NORMAL, 4, "Q", \
	  N_("quit"),                                                                               \
	  N_("Quit (you are asked first)"), 'Q', 'q', TUI_CYR_Q)                                    \
	X(CLOSE, TUI_CTX_MOST | TUI_CTX_ASK | TUI_CTX_CONFIRM | TUI_CTX_QR,                         \
	  TUI_CTX_PLAN | TUI_CTX_PICK | TUI_CTX_TEXT | TUI_CTX_ASK | TUI_CTX_CONFIRM | TUI_CTX_PIN |  \
	  TUI_CTX_QR, 1, "Esc", N_("close"), N_("Close this window"), TUI_ESC)

enum tui_action {
	TUI_A_NONE,
#define TUI_X_ENUM(name, ...) TUI_A_##name,
	TUI_ACTIONS(TUI_X_ENUM)
#undef TUI_X_ENUM
	TUI_A_CLICK, /* a mouse click on item t->click (not a key binding) */
	TUI_A_COUNT
};

/* enum tui_style (TUI_S_NORMAL …) comes from the style table, tui/styles.h. */

/* Lines of wrapped text, each with a style; the first `bold` bytes of a
 * line are drawn in bold (a key name, a "Warning:" word). */
struct tui_line {
	char *s;
	size_t len;
	enum tui_style style;
	size_t bold;          /* bytes */
	int width, bold_width; /* columns of s and of its bold part */
	bool simple;          /* every character one column wide */
	bool keep;            /* keep with the next line: never last above a fold */
};
struct tui_text {
	struct tui_line *v;
	size_t n, cap;
	/* Words are never split: a word (a URL) wider than the line is a line
	 * of its own, drawn cut with "…" (the step's text; S shows links whole). */
	bool whole;
};

struct tui_screen;

struct tui_screen_ops {
	bool popup; /* painted over the screen below */
	bool all_keys; /* key() gets every key, also those no row binds
			* (as TUI_A_NONE): the PIN field, "any key continues" */
	unsigned (*ctx)(struct tui *t, struct tui_screen *s);
	void (*init)(struct tui *t, struct tui_screen *s);
	void (*draw)(struct tui *t, struct tui_screen *s);
	void (*key)(struct tui *t, struct tui_screen *s, enum tui_action a, int key);
};

/* A screen's state: what it shows and where the person is in it. */
struct tui_screen {
	const struct tui_screen_ops *ops;
	const void *arg;     /* what it shows: a glossary term, the step seen */
	size_t depth;        /* step: the path depth the state belongs to */
	size_t sel;          /* the selected item */
	size_t top;          /* the first text line shown */
	size_t list_top;     /* the first item shown */
	int page;            /* rows of text the last paint showed (scroll step) */
	bool at_end;         /* scrolled to the end: stays there when rewrapped */
	bool fits;           /* a text pop-up: the last paint showed all of it */
	int digit;           /* a long list: the first digit of a two-digit number */
	char lang[8];        /* language picker: the language when opened */
	/* A pop-up's text, made for text_w columns in text_lang (pop-ups
	 * cannot change what they show, only the window can change size). */
	struct tui_text text;
	int text_w;
	char text_lang[8];
	void *data;          /* malloc'd, freed when the screen goes */
	size_t n_data;
};

/* Where the last paint put the items of the top screen, for clicks. */
struct tui_hit {
	int y0, y1, x0, x1; /* rows y0..y1, columns x0..x1, inclusive */
	size_t item;
};

/* A list of items to choose from: each has a label and a short prefix
 * ("2. ", "[x] "); the selected one is marked "> " and highlighted. */
struct tui_item {
	char *label; /* malloc'd, freed by tui_list_free */
	char prefix[16];
};
struct tui_list {
	struct tui_item *v;
	size_t n, cap;
	struct tui_text *wrapped; /* the labels wrapped for `wrapped_w` */
	int wrapped_w;
};
/* The step's title and text wrapped for one width in one language, kept
 * while nothing they depend on changes, so that moving through the
 * options does not wrap the whole text again. `key` lists what the text
 * was made from; any difference rebuilds it (scr_step.c). */
struct tui_memo {
	const void **key;
	size_t n_key, cap_key;
	char lang[8];
	int width;
	struct tui_text header, title, body;
	struct tui_text question; /* pinned above the options (view.question) */
	struct tui_list list; /* the options; not for end steps (ticks vary) */
};

/* Kiosk mode's state (kiosk.c); all zero outside kiosk mode. Times are
 * CLOCK_MONOTONIC milliseconds. */
struct tui_kiosk {
	long long last_key;   /* the last key (or the last wipe) */
	long long count_from; /* "Are you still there?" shown since; 0: not shown */
	bool used;            /* a key since the last wipe: something to clear */
	struct kiosk_print_job print; /* the plan on its way to the printer */
	bool print_shown;     /* say how printing went (not after a wipe) */
	char lang[8];         /* the language each new person starts with */
	struct kiosk_pin_guard guard; /* kept across people: a wipe is no new try */
};

/* The footer as last made: for one context, width and language. */
struct tui_footer_memo {
	unsigned ctx;
	int cols;
	char lang[8];
	struct tui_text items; /* "KEY word", the key in bold */
	int *x;                /* column of each item */
};

struct tui {
	struct app *app;
	struct tui_memo memo;
	struct tui_footer_memo footer;
	struct tui_screen stack[TUI_STACK_MAX];
	size_t depth;
	bool quit;
	bool quick_exit;         /* quit by the quick exit: clear the terminal */
	int rows, cols;          /* of the window now (getmaxyx before each use) */
	attr_t style[TUI_S_COUNT];
	attr_t emph[TUI_S_COUNT]; /* for the emphasised part of a line in each style */
	char msg[256];           /* a notice for the footer, until the next key */
	struct tui_hit hits[TUI_HITS_MAX];
	size_t n_hits;
	size_t click;            /* the item a TUI_A_CLICK is for */
	struct tui_kiosk kiosk;
	int pushback;            /* a key read too early, for the next read (tui.c) */
	int frames_fd;           /* KLANTREIS_TEST_FRAMES, or -1 (tests only) */
	unsigned long frames;    /* frames painted */
};

/* ---- actions (action.c) ---- */

/* The action `key` stands for in context `ctx`; TUI_A_NONE if none. */
enum tui_action tui_action_for(int key, unsigned ctx);
/* Paint the footer (bottom row) for context `ctx`: the hints that fit,
 * or the notice t->msg. */
void tui_footer(struct tui *t, unsigned ctx);
void tui_footer_free(struct tui_footer_memo *f);
/* Append to `tx` the table's rows for the modes in `ctx` (tui_context):
 * their keys, then their help text. */
void tui_help_text(struct tui_text *tx, int width, unsigned ctx);

/* ---- screens and the stack (tui.c, scr_*.c) ---- */

extern const struct tui_screen_ops tui_step_ops, tui_plan_ops, tui_lang_first_ops, tui_lang_ops,
	tui_help_ops, tui_glossary_ops, tui_term_ops, tui_sources_ops, tui_quit_ops, tui_small_ops,
	tui_notice_ops, tui_resume_ops, tui_outline_ops, tui_overwrite_ops;
/* Kiosk mode's screens: the guide stays open (Q), finish and clear?
 * (F), the volunteer's PIN (Ctrl-X), are you still there? (idle), the
 * plan's links as QR codes (C). */
extern const struct tui_screen_ops tui_stays_ops, tui_finish_ops, tui_pin_ops, tui_idle_ops,
	tui_qr_ops;

/* Stack (tui.c). Push returns the new screen, or NULL when the stack is
 * full (the key is then ignored). */
struct tui_screen *tui_push(struct tui *t, const struct tui_screen_ops *ops, const void *arg);
void tui_pop(struct tui *t);
/* Free every screen, the bottom one too (the caller pushes a new one). */
void tui_pop_all(struct tui *t);
/* The screen's context with the modes of this run (see TUI_MODES). */
unsigned tui_context(struct tui *t, struct tui_screen *s);
/* Paint now, before a slow action (printing), so its notice shows. */
void tui_repaint(struct tui *t);
/* Set the footer notice (already translated; printf-style). */
void tui_notice(struct tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- drawing (draw.c) ---- */

/* Wrap `s` to `width` columns and append the lines. `gutter` (may be
 * NULL) is put before the first line and `rest` before the others; both
 * must have the same width, which is taken from `width`. */
void tui_text_add(struct tui_text *tx, const char *s, int width, enum tui_style st,
		  const char *gutter, const char *rest, size_t bold);
/* The last line added is kept with the next one (a heading, a link's
 * label): tui_text_draw_fold leaves it out when it would end the view. */
void tui_text_keep(struct tui_text *tx);
void tui_text_blank(struct tui_text *tx);
void tui_text_free(struct tui_text *tx);
/* Paint lines top.. into rows y..y+h-1, columns x..x+w-1. */
void tui_text_draw(struct tui *t, const struct tui_text *tx, size_t top, int y, int x, int h,
		   int w);
/* The same for a text that scrolls: a line kept with the next is not
 * drawn as the last row when the next follows below the fold. */
void tui_text_draw_fold(struct tui *t, const struct tui_text *tx, size_t top, int y, int x, int h,
			int w);

void tui_list_add(struct tui_list *l, const char *prefix, char *label);
void tui_list_free(struct tui_list *l);
/* Rows all items take at `w` columns. */
int tui_list_height(struct tui_list *l, int w);
/* Paint the items into rows y..y+h-1 so that item `sel` is visible,
 * scrolling *top as needed; records click targets. */
void tui_list_draw(struct tui *t, struct tui_list *l, size_t sel, size_t *top, int y, int x, int h,
		   int w);

/* Put `s` at (y, x) cut to `w` columns (never past the window); returns
 * the columns used. `s` need not be clean: it is sanitised. */
int tui_put(struct tui *t, int y, int x, int w, const char *s, enum tui_style st);
void tui_fill(struct tui *t, int y, int x, int w, enum tui_style st);
/* The header (top row): `left` cut with "…" to leave room for `right`
 * (may be NULL), which ends one column before the right edge. _make
 * prepares it for `cols` columns (two lines in *out), _draw paints it. */
void tui_header(struct tui *t, const char *left, const char *right);
void tui_header_make(struct tui_text *out, int cols, const char *left, const char *right);
void tui_header_draw(struct tui *t, const struct tui_text *h);
/* A framed, cleared box with a title in its top border. */
void tui_box(struct tui *t, int y, int x, int h, int w, const char *title);
/* A pop-up's width for content that wants `want` columns. */
int tui_popup_width(const struct tui *t, int want);
/* True when s->text must be made (again) for `w` columns: it was made
 * for another width or language. It is then emptied. */
bool tui_text_stale(struct tui_screen *s, int w);
/* A pop-up showing text: sized to the lines, scrolled by s->top. */
void tui_textbox_draw(struct tui *t, struct tui_screen *s, const char *title,
		      const struct tui_text *tx, int w);
/* The keys of a text pop-up: scroll, close. */
void tui_textbox_key(struct tui *t, struct tui_screen *s, enum tui_action a);
/* The keys that open the other screens, shared by the step and the plan;
 * returns false when `a` is none of them. */
bool tui_common_key(struct tui *t, enum tui_action a);
/* A question in a box with two buttons (the selected one s->sel), each a
 * click target 0 or 1; the box is `want` columns wide where it fits. */
void tui_question_draw(struct tui *t, struct tui_screen *s, int want, const char *question,
		       const char *const labels[2]);
/* Move the selection of a list of n items for UP, DOWN and the page keys
 * (`page` items a page). Returns false for any other action. */
bool tui_list_move(struct tui_screen *s, enum tui_action a, size_t n, size_t page);
/* Write the plan to ~/klantreis-plan.txt and say where, with the whole
 * path; asks first when that file exists (scr_plan.c). */
void tui_export_plan(struct tui *t);
/* Record a click target. */
void tui_hit(struct tui *t, int y0, int y1, int x0, int x1, size_t item);

/* Free the step screen's memo (at exit). */
void tui_memo_free(struct tui_memo *m);

/* The action plan as a tickable list (the plan screen and end steps). */
size_t tui_plan_list(struct tui *t, struct tui_list *l);

/* ---- kiosk mode (kiosk.c) ----
 *
 * The loop calls tui_kiosk_begin before curses starts (signals), then
 * before every wait tui_kiosk_wait (how long to wait, in ms), after a
 * wait without a key tui_kiosk_tick (time passes: SIGTERM/SIGHUP end the
 * loop, idle time asks "Are you still there?", then wipes; returns true
 * when the screen must be painted again), and for every key
 * tui_kiosk_key first (returns true when it took the key). */
void tui_kiosk_begin(struct tui *t);
/* After newterm: what a fault must send to put the terminal back. */
void tui_kiosk_started(struct tui *t);
void tui_kiosk_end(struct tui *t);
int tui_kiosk_wait(struct tui *t);
bool tui_kiosk_tick(struct tui *t);
bool tui_kiosk_key(struct tui *t, enum tui_action a, int key);
/* Forget the person: the session, the language, every screen and the
 * terminal's screen and scrollback; back to the language picker. */
void tui_kiosk_wipe(struct tui *t);
/* The quick exit (X, F12): a print still running is stopped, then the
 * wipe. */
void tui_kiosk_quick_exit(struct tui *t);
long long tui_kiosk_now(void);

#endif
