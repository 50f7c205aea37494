/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The full-screen interface: terminal set-up and tear-down, the screen
 * stack, and the one loop that owns input (see tui_int.h). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/util.h"
#include "core/wrap.h"
#include "tui/tui.h"
#include "tui/tui_int.h"

/* The terminal state the out-of-memory handler must restore; the only
 * module data, because the handler gets no arguments. */
static bool curses_on;
static int saved_stderr = -1;

/* While curses owns the terminal, stderr goes to memory when it is the
 * terminal too (a stray library message would tear the screen); it is
 * replayed after endwin(). Memory, never a temporary file: nothing of a
 * session may reach the disk (kiosk mode). A memfd where the kernel has
 * it, else a pipe that does not block (what does not fit is lost). */
static int stderr_mem = -1;  /* the memfd, or the pipe's read end */
static bool stderr_is_pipe;

/* Ctrl-C outside kiosk mode: set by the handler, read by the loop, which
 * then ends as after Q (status 0, DESIGN.md section 4) with the progress
 * saved whole. Module data, because handlers get no arguments. */
static volatile sig_atomic_t interrupted;
static struct sigaction saved_sigint;

static void on_interrupt(int sig)
{
	(void)sig;
	interrupted = 1;
}

static void restore_stderr(void)
{
	if (saved_stderr < 0)
		return;
	fflush(stderr);
	dup2(saved_stderr, STDERR_FILENO);
	close(saved_stderr);
	saved_stderr = -1;
	if (stderr_mem < 0)
		return;
	if (!stderr_is_pipe)
		lseek(stderr_mem, 0, SEEK_SET);
	char buf[4096];
	ssize_t n;
	while ((n = read(stderr_mem, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
		if (n > 0 && fwrite(buf, 1, (size_t)n, stderr) != (size_t)n)
			break;
	close(stderr_mem);
	stderr_mem = -1;
}

static void divert_stderr(void)
{
	if (!isatty(STDERR_FILENO))
		return; /* a file or a pipe: nothing to tear */
	int wr = memfd_create("klantreis-stderr", MFD_CLOEXEC);
	stderr_is_pipe = wr < 0;
	if (wr >= 0) {
		stderr_mem = wr;
	} else {
		int p[2];
		if (pipe2(p, O_CLOEXEC | O_NONBLOCK) != 0)
			return;
		stderr_mem = p[0];
		wr = p[1];
	}
	fflush(stderr);
	/* Close-on-exec: a print command must not inherit the terminal. */
	saved_stderr = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
	if (saved_stderr < 0 || dup2(wr, STDERR_FILENO) < 0) {
		if (saved_stderr >= 0)
			close(saved_stderr);
		saved_stderr = -1;
		close(stderr_mem);
		stderr_mem = -1;
	}
	if (stderr_is_pipe)
		close(wr); /* fd 2 is the write end now */
}

static void oom_handler(void)
{
	if (curses_on) {
		endwin();
		curses_on = false;
	}
	restore_stderr();
}

/* The style table (tui/styles.h) as curses attributes. */
struct style_def {
	short fg, bg;
	unsigned attrs, mono;
	enum tui_style emph;
};
#define STYLE_ROW(name, f, b, a, m, e) [TUI_S_##name] = {f, b, a, m, TUI_S_##e},
static const struct style_def style_defs[TUI_S_COUNT] = {TUI_STYLES(STYLE_ROW)};
#undef STYLE_ROW

static attr_t style_attrs(unsigned bits)
{
	return (bits & TUI_AT_BOLD ? A_BOLD : 0) | (bits & TUI_AT_UNDERLINE ? A_UNDERLINE : 0) |
	       (bits & TUI_AT_REVERSE ? A_REVERSE : 0);
}

static void init_styles(struct tui *t)
{
	/* NO_COLOR (no-color.org): any non-empty value means no colour; the
	 * styles then rest on bold, reverse and underline alone, which are
	 * also what a monochrome terminal gets. */
	const char *no_color = getenv("NO_COLOR");
	bool color = has_colors() && !(no_color && *no_color) && start_color() != ERR;
	/* Without the terminal's own colours (use_default_colors), "default"
	 * is the usual white on black. */
	bool defaults = color && use_default_colors() != ERR;
	short pair = 0;
	for (int i = 0; i < TUI_S_COUNT; i++) {
		const struct style_def *d = &style_defs[i];
		if (!color) {
			t->style[i] = style_attrs(d->mono);
			continue;
		}
		t->style[i] = style_attrs(d->attrs);
		if (d->fg == TUI_C_DEFAULT && d->bg == TUI_C_DEFAULT)
			continue; /* the terminal's own colours: no pair */
		short fg = d->fg, bg = d->bg;
		if (!defaults) {
			if (fg == TUI_C_DEFAULT)
				fg = COLOR_WHITE;
			if (bg == TUI_C_DEFAULT)
				bg = COLOR_BLACK;
		}
		init_pair(++pair, fg, bg);
		t->style[i] |= COLOR_PAIR(pair);
	}
	for (int i = 0; i < TUI_S_COUNT; i++)
		t->emph[i] = t->style[style_defs[i].emph];
}

struct tui_screen *tui_push(struct tui *t, const struct tui_screen_ops *ops, const void *arg)
{
	if (t->depth >= TUI_STACK_MAX)
		return NULL;
	struct tui_screen *s = &t->stack[t->depth++];
	memset(s, 0, sizeof(*s));
	s->ops = ops;
	s->arg = arg;
	s->priv = ops->priv_size ? xcalloc(1, ops->priv_size) : NULL;
	if (ops->init)
		ops->init(t, s);
	return s;
}

/* A screen's own state may hold what a person typed (the PIN): wiped
 * before it is freed. */
static void screen_free(struct tui *t, struct tui_screen *s)
{
	if (s->ops->fini)
		s->ops->fini(t, s);
	tui_text_free(&s->text);
	if (s->priv) {
		explicit_bzero(s->priv, s->ops->priv_size);
		free(s->priv);
	}
	memset(s, 0, sizeof(*s));
}

void tui_pop(struct tui *t)
{
	/* The bottom screen stays: there is always something to show. */
	if (t->depth > 1) {
		t->depth--;
		screen_free(t, &t->stack[t->depth]);
	}
}

void tui_pop_all(struct tui *t)
{
	while (t->depth) {
		t->depth--;
		screen_free(t, &t->stack[t->depth]);
	}
}

void tui_reset(struct tui *t)
{
	tui_pop_all(t);
	tui_memo_free(&t->memo);
	tui_footer_free(&t->footer);
	explicit_bzero(t->msg, sizeof t->msg);
	memset(t->hits, 0, sizeof t->hits);
	t->n_hits = 0;
	t->click = 0;
}

void tui_notice(struct tui *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof t->msg, fmt, ap);
	va_end(ap);
}

static struct tui_screen *top(struct tui *t) { return &t->stack[t->depth - 1]; }

unsigned tui_context(struct tui *t, struct tui_screen *s)
{
	unsigned modes = TUI_MODE_NORMAL;
	if (t->app->kiosk)
		modes = TUI_MODE_KIOSK | (t->app->kiosk->print_argv ? TUI_MODE_PRINTER : 0);
	else if (t->app->trainer)
		modes |= TUI_MODE_TRAINER;
	unsigned ctx = s->ops->ctx(t, s);
	if ((ctx & TUI_CTX_TEXT) && s->fits)
		ctx |= TUI_CTX_FITS;
	return ctx | modes;
}

static bool too_small(const struct tui *t)
{
	return t->rows < TUI_MIN_ROWS || t->cols < TUI_MIN_COLS;
}

static void measure(struct tui *t)
{
	getmaxyx(stdscr, t->rows, t->cols);
	if (t->rows < 0)
		t->rows = 0;
	if (t->cols < 0)
		t->cols = 0;
}

/* A test hook: with KLANTREIS_TEST_FRAMES_FD naming an open file
 * descriptor, the text of every painted frame is written to it, so the
 * full-screen tests wait for what the program drew (also a message shown
 * for a moment, which a capture of the terminal may miss) rather than for
 * time. One write per frame: "-- frame N" and the rows. A descriptor the
 * test opened, not a path: the program itself opens no file for it (the
 * kiosk's "nothing on disk" test traces every open). */
static void frames_open(struct tui *t)
{
	t->frames_fd = -1;
	const char *v = getenv("KLANTREIS_TEST_FRAMES_FD");
	if (!v || *v < '0' || *v > '9')
		return;
	char *end;
	long fd = strtol(v, &end, 10);
	if (*end || fd < 3 || fd > 1024 || fcntl((int)fd, F_SETFD, FD_CLOEXEC) < 0)
		return;
	t->frames_fd = (int)fd;
}

static void frames_log(struct tui *t)
{
	if (t->frames_fd < 0)
		return;
	struct strbuf b;
	sb_init(&b);
	sb_printf(&b, "-- frame %lu\n", ++t->frames);
	wchar_t *row = xcalloc((size_t)t->cols + 1, sizeof *row);
	for (int y = 0; y < t->rows; y++) {
		int n = mvwinnwstr(stdscr, y, 0, row, t->cols);
		for (int i = 0; i < n && row[i]; i++) {
			char enc[4];
			size_t len = utf8_encode((uint32_t)row[i], enc);
			sb_add(&b, enc, len);
		}
		sb_puts(&b, "\n");
	}
	free(row);
	for (size_t off = 0; off < b.len;) {
		ssize_t w = write(t->frames_fd, b.s + off, b.len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	sb_free(&b);
}

/* Paint everything from scratch: the lowest screen that is not a pop-up,
 * then each screen above it, then the footer for the top one. */
static void paint(struct tui *t)
{
	measure(t);
	erase();
	t->n_hits = 0;
	if (too_small(t)) {
		tui_small_ops.draw(t, NULL);
	} else {
		size_t from = t->depth - 1;
		while (from > 0 && t->stack[from].ops->popup)
			from--;
		for (size_t i = from; i < t->depth; i++) {
			/* Click targets belong to the top screen only. */
			if (i == t->depth - 1)
				t->n_hits = 0;
			t->stack[i].ops->draw(t, &t->stack[i]);
		}
		tui_footer(t, tui_context(t, top(t)));
	}
	refresh();
	frames_log(t);
}

void tui_repaint(struct tui *t) { paint(t); }

/* A mouse event as an action: the wheel scrolls, a click on an item
 * chooses it. */
static enum tui_action mouse_action(struct tui *t)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return TUI_A_NONE;
	if (ev.bstate & BUTTON4_PRESSED)
		return TUI_A_SCROLL_UP;
#ifdef BUTTON5_PRESSED
	if (ev.bstate & BUTTON5_PRESSED)
		return TUI_A_SCROLL_DOWN;
#endif
	if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return TUI_A_NONE;
	for (size_t i = 0; i < t->n_hits; i++) {
		const struct tui_hit *h = &t->hits[i];
		if (ev.y >= h->y0 && ev.y <= h->y1 && ev.x >= h->x0 && ev.x <= h->x1) {
			t->click = h->item;
			return TUI_A_CLICK;
		}
	}
	return TUI_A_NONE;
}

/* "No key": a timeout, the end of input, or an invalid byte dropped. */
#define NO_KEY (-1)
/* How long the rest of a UTF-8 character may take after its first byte:
 * a character arrives in one write, but a paste over a slow connection
 * may split it. */
#define UTF8_REST_MS 100

/* One key: TUI_KEY(code) for a key curses knows, a character, or NO_KEY.
 * wait_ms as for timeout(): -1 waits for ever. Characters are decoded
 * here from the bytes curses passes on, not by get_wch: get_wch keeps
 * adding bytes to an invalid sequence until about 128 have come (so a
 * stray 0xFF swallowed the keys typed after it) and then returns one
 * error for them all. Here each invalid byte is dropped on its own, and
 * a byte that cannot continue a character starts the next key. */
static int read_key(struct tui *t, int wait_ms)
{
	if (t->pushback != NO_KEY) {
		int k = t->pushback;
		t->pushback = NO_KEY;
		return k;
	}
	timeout(wait_ms);
	int c = getch();
	if (c == ERR)
		return NO_KEY;
	if (c >= KEY_MIN)
		return TUI_KEY(c);
	if (c < 0x80)
		return c;
	size_t need = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
	if (!need)
		return NO_KEY; /* a continuation byte or one never used */
	char buf[4] = {(char)c};
	timeout(UTF8_REST_MS);
	for (size_t i = 1; i < need; i++) {
		c = getch();
		if (c == ERR)
			return NO_KEY;
		if (c >= KEY_MIN || (c & 0xc0) != 0x80) {
			ungetch(c); /* the next key's */
			return NO_KEY;
		}
		buf[i] = (char)c;
	}
	uint32_t cp;
	if (utf8_decode(buf, need, &cp) != need)
		return NO_KEY; /* overlong, a surrogate, above U+10FFFF */
	return (int)cp;
}

/* After an Escape, what arrives at once belongs to it: curses already
 * waited ESCDELAY for a sequence it knows, so this is one it does not
 * (End or F13 on some terminals, a mouse report of another kind). Its
 * bytes must not act as keys ("\033[4~" would choose option 4): read a
 * CSI or SS3 sequence to its end and drop it. Returns true when an
 * unknown sequence was dropped, false for a real Escape; a key that
 * follows an Escape on its own is put back. */
static bool drop_unknown_sequence(struct tui *t)
{
	int k = read_key(t, 0);
	if (k == '[' || k == 'O') {
		bool csi = k == '[';
		for (int n = 0; n < 32; n++) {
			k = read_key(t, 0);
			if (k == NO_KEY)
				break;
			/* CSI: parameters and intermediates 0x20-0x3f, then a
			 * final byte 0x40-0x7e; SS3: one character. */
			if (!csi || k < 0x20 || k > 0x3f)
				break;
		}
		return true;
	}
	t->pushback = k;
	return false;
}

/* A message from the application (saving failed, saved progress could
 * not be read) is shown in a pop-up. */
static void show_notice(struct tui *t)
{
	char *n = app_take_notice(t->app);
	if (n)
		tui_push(t, &tui_notice_ops, n); /* the pop-up keeps a copy */
	free(n);
}

/* Progress is saved after every key that changed it (app_save writes
 * only then), as in the plain interface. The question "continue where
 * you left off?" is still open while resume_offer is set: nothing is
 * saved before it is answered, or starting again would already have
 * overwritten the earlier visit. */
static void after_key(struct tui *t)
{
	if (t->mode->saves && !t->app->resume_offer)
		app_save(t->app);
	tui_demo_after_key(t);
	show_notice(t);
}

/* Whether the terminal is gone (hung up, closed, at end of input), asked
 * of the terminal itself after get_wch returned ERR. An ERR alone says
 * nothing: a timeout and every invalid byte sequence (0xFF typed or
 * pasted, thousands at a time) give it too, and no count of them may end
 * the guide (a kiosk ends only on SIGTERM, SIGHUP or the PIN). Curses
 * reads the terminal a byte at a time, so what it has not taken is still
 * in the terminal's queue: readable with bytes queued is input; readable
 * with nothing queued is end of file. */
static bool input_gone(void)
{
	struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
	int r;
	do
		r = poll(&p, 1, 0);
	while (r < 0 && errno == EINTR);
	if (r <= 0)
		return false; /* nothing to read: a timeout */
	if (p.revents & (POLLERR | POLLNVAL))
		return true;
	int queued = 0;
	if (ioctl(STDIN_FILENO, FIONREAD, &queued) != 0)
		return (p.revents & POLLHUP) != 0;
	return queued == 0;
}

/* ---- normal mode: Ctrl-C ends as Q does; X leaves at once ---- */

static void normal_begin(struct tui *t)
{
	(void)t;
	/* No SA_RESTART: the wait for a key ends at once. */
	interrupted = 0;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_interrupt;
	sigaction(SIGINT, &sa, &saved_sigint);
}

static void normal_end(struct tui *t)
{
	(void)t;
	sigaction(SIGINT, &saved_sigint, NULL);
}

/* For ever, unless Ctrl-C came while a key was being handled. */
static int normal_wait(struct tui *t)
{
	(void)t;
	return interrupted ? 0 : -1;
}

/* No key: Ctrl-C (the read ends: the handler has no SA_RESTART), or an
 * invalid byte sequence dropped, with nothing to paint again. */
static bool normal_tick(struct tui *t)
{
	if (interrupted)
		t->quit = true;
	return false;
}

/* The quick exit: forget what is private, bring the save file in line,
 * end; tui_run then clears the terminal. */
static enum tui_handled normal_key(struct tui *t, enum tui_action a, int key)
{
	(void)key;
	if (a != TUI_A_QUICK_EXIT)
		return TUI_IGNORED;
	app_quick_exit(t->app);
	t->quick_exit = true;
	t->quit = true;
	return TUI_HANDLED;
}

const struct tui_mode tui_mode_normal = {
	.raw = false,
	.plain_fallback = true,
	.saves = true,
	.begin = normal_begin,
	.end = normal_end,
	.wait = normal_wait,
	.tick = normal_tick,
	.key = normal_key,
};

/* ---- one key's way: the mode, the top screen, then these ---- */

/* The keys that mean the same on every screen where they are bound
 * (keys.c says where): they open the other screens. */
static enum tui_handled global_key(struct tui *t, enum tui_action a)
{
	switch (a) {
	case TUI_A_LANGUAGE:
		tui_push(t, &tui_lang_ops, NULL);
		break;
	case TUI_A_HELP:
		tui_push(t, &tui_help_ops, NULL);
		break;
	case TUI_A_QUIT:
		tui_push(t, &tui_quit_ops, NULL);
		break;
	case TUI_A_PLAN:
		tui_push(t, &tui_plan_ops, NULL);
		break;
	case TUI_A_GLOSSARY:
		tui_push(t, &tui_glossary_ops, NULL);
		break;
	case TUI_A_SOURCES:
		tui_push(t, &tui_sources_ops, NULL);
		break;
	case TUI_A_OUTLINE:
		tui_push(t, &tui_outline_ops, NULL);
		break;
	case TUI_A_EXPORT_PLAN:
		tui_export_plan(t);
		break;
	case TUI_A_FORGET:
		if (!t->app->save_path)
			tui_push(t, &tui_notice_ops, _("Nothing about you is saved on this computer."));
		else if (app_forget(t->app))
			tui_push(t, &tui_notice_ops,
				 _("Your saved progress is deleted. Nothing more will be saved."));
		break;
	default:
		return TUI_IGNORED;
	}
	return TUI_HANDLED;
}

static void dispatch(struct tui *t, int key)
{
	struct tui_screen *s = top(t);
	enum tui_action a = key == TUI_KEY(KEY_MOUSE) ? mouse_action(t)
						      : tui_action_for(key, tui_context(t, s));
	if (t->mode->key(t, a, key) == TUI_HANDLED)
		return; /* the mode's own keys change no progress: nothing to save */
	if ((a == TUI_A_NONE && !s->ops->all_keys) || s->ops->key(t, s, a, key) != TUI_HANDLED)
		global_key(t, a);
	after_key(t);
}

static void run(struct tui *t)
{
	bool repaint = true;
	while (!t->quit) {
		if (repaint)
			paint(t);
		repaint = true;
		int key = read_key(t, t->mode->wait(t));
		if (key == NO_KEY && input_gone())
			break; /* nobody left to answer: stop rather than spin */
		if (key == NO_KEY) {
			repaint = t->mode->tick(t);
			continue;
		}
		if (key == TUI_ESC && drop_unknown_sequence(t))
			continue;
		t->msg[0] = '\0';
		if (key == TUI_KEY(KEY_RESIZE)) {
			/* The terminal may have reflowed what was there: repaint
			 * every cell, not just the ones curses thinks changed. */
			clearok(curscr, TRUE);
			continue;
		}
		measure(t);
		if (too_small(t)) {
			/* The mode's keys (the quick exit, the kiosk's) work on
			 * any window. */
			t->mode->key(t, tui_action_for(key, tui_context(t, top(t))), key);
			continue;
		}
		dispatch(t, key);
	}
}

/* Curses' settings for the guide; false when the terminal cannot be
 * driven. */
static bool start_curses(struct tui *t, SCREEN **scr)
{
	/* In a UTF-8 locale, draw lines with Unicode box characters rather
	 * than the terminal's alternate character set: a wrong TERM (xterm
	 * inside tmux or screen, common over SSH) otherwise shows "qqqq".
	 * A person who sets the variable keeps their choice. */
	setenv("NCURSES_NO_UTF8_ACS", "1", 0);
	*scr = newterm(NULL, stdout, stdin);
	if (!*scr)
		return false;
	curses_on = true;
	if (t->mode->started)
		t->mode->started(t);
	util_set_oom_handler(oom_handler);
	divert_stderr();
	/* 25 ms (not curses' default of a second) makes Escape close a
	 * pop-up at once, while the keys' own sequences, which arrive in one
	 * burst, still parse. */
	set_escdelay(25);
	if (t->mode->raw)
		raw();
	else
		cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	curs_set(0);
	/* Report presses at once (no click timing, which would delay every
	 * key after a click) and the wheel. */
	mouseinterval(0);
	mmask_t mask = BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
	mask |= BUTTON5_PRESSED;
#endif
	mousemask(mask, NULL);
	init_styles(t);
	measure(t);
	return true;
}

int tui_run(struct app *app)
{
	struct tui t = {.app = app, .pushback = NO_KEY};
	t.mode = app->kiosk ? &tui_mode_kiosk : &tui_mode_normal;
	frames_open(&t);
	/* Before newterm: curses installs its own handlers only for signals
	 * still at their default. */
	t.mode->begin(&t);
	SCREEN *scr;
	if (!start_curses(&t, &scr)) {
		const char *term = getenv("TERM");
		t.mode->end(&t);
		if (!t.mode->plain_fallback) {
			/* Kiosk mode: never the plain interface, it can be left. */
			fprintf(stderr, _("klantreis: kiosk mode cannot drive terminal type '%s'\n"),
				term ? term : "");
			return 2;
		}
		fprintf(stderr, _("klantreis: cannot drive terminal type '%s'; using the plain interface.\n"),
			term ? term : "");
		return plain_run(app, stdin, stdout);
	}
	tui_push(&t, &tui_step_ops, NULL);
	if (app->resume_offer)
		tui_push(&t, &tui_resume_ops, NULL);
	if (!app->lang_given)
		tui_push(&t, &tui_lang_first_ops, NULL);
	tui_demo_begin(&t);
	show_notice(&t);
	run(&t);
	tui_reset(&t);

	endwin();
	curses_on = false;
	/* Nothing of the guide may stay readable: not the last screen (it
	 * stays where there is no alternate screen, as on vt100), not the
	 * scrollback. Not by erasing through curses: a cleared screen may
	 * be pushed into the scrollback (VTE, tmux). */
	if (t.quick_exit)
		tui_scrub_terminal(); /* still with this terminal's description */
	delscreen(scr);
	restore_stderr();
	util_set_oom_handler(NULL);
	t.mode->end(&t);
	if (t.frames_fd >= 0)
		close(t.frames_fd);
	return 0;
}
