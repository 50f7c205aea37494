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
#include "tui/keys.h"
#include "tui/styles.h"

struct tui;
struct tui_text;

#define TUI_MIN_COLS 40
#define TUI_MIN_ROWS 12
#define TUI_STACK_MAX 8
#define TUI_HITS_MAX 64

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

/* What a key handler did with a key: HANDLED ends the key's way through
 * the dispatcher (tui.c: the mode, then the top screen, then the keys
 * every screen shares); IGNORED passes it on. */
enum tui_handled { TUI_IGNORED, TUI_HANDLED };

struct tui_text_kind;

struct tui_screen_ops {
	bool popup; /* painted over the screen below */
	bool all_keys; /* key() gets every key, also those no row binds
			* (as TUI_A_NONE): the PIN field, "any key continues" */
	size_t priv_size; /* the screen's own state (s->priv), zeroed when pushed */
	unsigned (*ctx)(struct tui *t, struct tui_screen *s);
	void (*init)(struct tui *t, struct tui_screen *s);
	void (*draw)(struct tui *t, struct tui_screen *s);
	enum tui_handled (*key)(struct tui *t, struct tui_screen *s, enum tui_action a, int key);
	/* Free what s->priv points to (s->priv itself is wiped and freed
	 * by the stack); may be NULL. */
	void (*fini)(struct tui *t, struct tui_screen *s);
	const struct tui_text_kind *text_kind; /* a text pop-up: what it says */
	const struct tui_question_kind *question_kind; /* a question: what it asks */
};

/* A question pop-up (scr_question.c): the one window that asks before
 * something that cannot be undone. Its kind gives the context (TUI_CTX_ASK
 * or TUI_CTX_CONFIRM), the width it would like, the question (malloc'd,
 * translated), the two buttons (untranslated: "yes" first, then the safe
 * answer, which is selected), and what "yes" does (it may free the
 * screen). */
struct tui_question_kind {
	unsigned ctx;
	int want;
	char *(*question)(struct tui *t, struct tui_screen *s);
	const char *labels[2];
	void (*yes)(struct tui *t, struct tui_screen *s);
	bool yes_keys_only_y; /* q also answers "yes" to quitting, not to this */
};
unsigned tui_question_ctx(struct tui *t, struct tui_screen *s);
void tui_question_init(struct tui *t, struct tui_screen *s);
void tui_question_popup_draw(struct tui *t, struct tui_screen *s);
enum tui_handled tui_question_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key);
/* A kind with state of its own writes {TUI_QUESTION_FIELDS(k), .init = …}
 * and calls tui_question_init from its init. */
#define TUI_QUESTION_FIELDS(k)                                                                    \
	.popup = true, .ctx = tui_question_ctx, .draw = tui_question_popup_draw,                    \
	.key = tui_question_key, .question_kind = &(k)
#define TUI_QUESTION(k) {TUI_QUESTION_FIELDS(k), .init = tui_question_init}

/* A text pop-up (scr_text.c): the one window for text to read. Its kind
 * gives the width it would like, its title (translated; NULL: none), its
 * text made for `w` columns (again when the width or the language
 * changes), and the action that opened it, which closes it again
 * (TUI_A_NONE: none). */
struct tui_text_kind {
	int want;
	const char *(*title)(struct tui *t, struct tui_screen *s);
	void (*make)(struct tui *t, struct tui_screen *s, struct tui_text *tx, int w);
	enum tui_action toggle;
};
unsigned tui_textpop_ctx(struct tui *t, struct tui_screen *s);
void tui_textpop_draw(struct tui *t, struct tui_screen *s);
enum tui_handled tui_textpop_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key);
/* The ops of a text pop-up of kind `k`; a kind with state of its own
 * writes {TUI_TEXT_POPUP_FIELDS(k), .init = …, .fini = …}. */
#define TUI_TEXT_POPUP_FIELDS(k)                                                                  \
	.popup = true, .ctx = tui_textpop_ctx, .draw = tui_textpop_draw, .key = tui_textpop_key,   \
	.text_kind = &(k)
#define TUI_TEXT_POPUP(k) {TUI_TEXT_POPUP_FIELDS(k)}

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
	/* A pop-up's text, made for text_w columns in text_lang (pop-ups
	 * cannot change what they show, only the window can change size). */
	struct tui_text text;
	int text_w;
	char text_lang[8];
	void *priv;          /* ops->priv_size bytes of the screen's own state */
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

/* Kiosk mode's state (mode_kiosk.c); all zero outside kiosk mode. Times are
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
	const struct tui_mode *mode;
	struct tui_kiosk kiosk;
	int pushback;            /* a key read too early, for the next read (tui.c) */
	int frames_fd;           /* KLANTREIS_TEST_FRAMES, or -1 (tests only) */
	/* --replay (demo.c): the path's depth where the demo last checked,
	 * and the option the walk-through takes there (NULL: "Continue"). */
	size_t demo_depth;
	const struct ask_option *demo_want;
	unsigned long frames;    /* frames painted */
};

/* ---- the footer and the help (action.c; the key tables: keys.h) ---- */

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
/* How many links a QR screen has to show (none: nothing to open). */
size_t tui_qr_links(const struct tui_screen *s);

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

/* ---- the demo (demo.c, --replay) and an end step's way on (onward.c) ---- */

/* At the start: check the first step against the walk-through. */
void tui_demo_begin(struct tui *t);
/* After every key: follow the session one step on or back, or stop the
 * demo (app->notice says why). */
void tui_demo_after_key(struct tui *t);
/* A new visit of a step: select the walk-through's choice in *sel. */
void tui_demo_select(struct tui *t, const struct view *v, size_t *sel);
/* The footer's "Demo 3/12 · Enter: next step" (when the step screen is
 * on top and no other notice is shown). */
void tui_demo_footer(struct tui *t);
/* Append an end step's ways on (next part, the parts, quit or finish)
 * to `l`; returns how many. */
size_t tui_onward_list(struct tui *t, const struct view *v, struct tui_list *l);
/* Take way on `i` (0-based, as listed). */
void tui_onward_choose(struct tui *t, const struct view *v, size_t i);

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
enum tui_handled tui_textbox_key(struct tui *t, struct tui_screen *s, enum tui_action a);
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

/* Free the step screen's memo (tui_reset). */
void tui_memo_free(struct tui_memo *m);
/* Forget every screen and every cache of what was shown (the wrapped
 * step, the footer, a notice, click targets): at the end, and when kiosk
 * mode forgets a person. Every cache the full-screen guide keeps is freed
 * here and nowhere else, so the end of a run (checked for leaks under
 * AddressSanitizer) proves that a privacy wipe forgets it too. */
void tui_reset(struct tui *t);

/* The action plan as a tickable list (the plan screen and end steps). */
size_t tui_plan_list(struct tui *t, struct tui_list *l);

/* ---- modes (tui.c: normal; mode_kiosk.c: kiosk) ----
 *
 * A mode is how this run treats time, signals and a few keys; the loop
 * asks it, never "if kiosk". tui_run calls begin before curses starts
 * (signals), started after; each wait for a key lasts wait() ms (-1: for
 * ever); when none came, tick() (time passes: true when the screen must
 * be painted again); every key goes to key() first. end() runs on every
 * way out, after curses has given the terminal back. */
struct tui_mode {
	bool raw;            /* raw(): Ctrl-C, Ctrl-Z, Ctrl-\ are keys, not signals */
	bool plain_fallback; /* a terminal curses cannot drive: the plain interface */
	bool saves;          /* progress is saved after every key */
	void (*begin)(struct tui *t);
	void (*started)(struct tui *t);
	void (*end)(struct tui *t);
	int (*wait)(struct tui *t);
	bool (*tick)(struct tui *t);
	enum tui_handled (*key)(struct tui *t, enum tui_action a, int key);
};
extern const struct tui_mode tui_mode_normal, tui_mode_kiosk;

/* Kiosk mode: forget the person — tui_reset, the session, the language,
 * and the terminal's screen and scrollback; back to the language picker.
 * Frees every screen, the caller's too. */
void tui_kiosk_wipe(struct tui *t);
/* The quick exit (X, F12): a print still running is stopped, then the
 * wipe. */
void tui_kiosk_quick_exit(struct tui *t);
long long tui_kiosk_now(void);

#endif
