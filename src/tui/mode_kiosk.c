/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Kiosk mode in the full-screen interface (docs/kiosk.md): a policy
 * around the same screens, not a fork of them.
 *
 * - No way out for a passer-by: the terminal is raw (Ctrl-C, Ctrl-Z,
 *   Ctrl-\ are keys that do nothing), every other signal that would end
 *   or stop the process is ignored (a sent SIGSEGV too; a real fault
 *   puts the terminal back first), Q only explains that the guide stays
 *   open. SIGTERM and SIGHUP end it cleanly; a volunteer ends it with
 *   Ctrl-X and the PIN.
 * - Privacy between people: idle time asks "Are you still there?", then
 *   wipes; F (after one question) and X or F12 (at once) wipe too. A wipe
 *   forgets the session, the language and every screen's state, and
 *   clears the terminal's screen and scrollback.
 * - Take-away: T prints the plan, C shows its links as QR codes.
 *
 * The loop (tui.c) calls in here through tui_mode_kiosk; see tui_int.h
 * for the protocol. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "core/util.h"
#include "export.h"
#include "tui/scrub.h"
#include "tui/tui_int.h"

/* Every signal that would end or stop the process has an action here
 * (DESIGN.md section 7: a kiosk ends only on SIGTERM, SIGHUP or the PIN).
 * SIGCHLD, SIGCONT, SIGURG and SIGWINCH do nothing by default (curses
 * takes SIGWINCH); SIGKILL and SIGSTOP cannot be caught. */
enum kiosk_sig { KS_STOP, KS_IGNORE, KS_FAULT };
static const struct {
	int sig;
	enum kiosk_sig how;
} kiosk_signals[] = {
	/* The system or a volunteer's script: end cleanly. */
	{SIGTERM, KS_STOP}, {SIGHUP, KS_STOP},
	/* The keyboard's (also sent directly), job control, and signals
	 * whose default ends the process but that mean nothing here. */
	{SIGINT, KS_IGNORE}, {SIGQUIT, KS_IGNORE}, {SIGTSTP, KS_IGNORE},
	{SIGTTIN, KS_IGNORE}, {SIGTTOU, KS_IGNORE}, {SIGPIPE, KS_IGNORE},
	{SIGUSR1, KS_IGNORE}, {SIGUSR2, KS_IGNORE}, {SIGALRM, KS_IGNORE},
	{SIGVTALRM, KS_IGNORE}, {SIGPROF, KS_IGNORE}, {SIGIO, KS_IGNORE},
	{SIGXCPU, KS_IGNORE}, {SIGXFSZ, KS_IGNORE},
#ifdef SIGPWR
	{SIGPWR, KS_IGNORE},
#endif
#ifdef SIGSTKFLT
	{SIGSTKFLT, KS_IGNORE},
#endif
	/* Faults: sent with kill(), ignored; a real one ends the process
	 * (through the handler that was there before: the default, or a
	 * sanitizer's report) after the terminal is put back. */
	{SIGILL, KS_FAULT}, {SIGTRAP, KS_FAULT}, {SIGABRT, KS_FAULT},
	{SIGBUS, KS_FAULT}, {SIGFPE, KS_FAULT}, {SIGSEGV, KS_FAULT},
	{SIGSYS, KS_FAULT},
};
#define KIOSK_N_SIGNALS (sizeof kiosk_signals / sizeof kiosk_signals[0])

/* Set by the SIGTERM/SIGHUP handler, read by the loop: the only thing a
 * handler may safely do. Module data, because handlers get no
 * arguments; so are the terminal's reset for the fault handler (which
 * may use only async-signal-safe calls: no curses). */
static volatile sig_atomic_t stop_signal;
static struct sigaction saved_actions[KIOSK_N_SIGNALS];
static struct termios shell_tty;
static bool have_shell_tty;
static char reset_seq[256];
static size_t reset_len;

/* How long the loop waits for a key before time is looked at again;
 * while printing, how soon the pipe to the printer is fed again (64 KiB
 * a time: a plan of 1 MB is written in about a second). */
#define KIOSK_WAIT_MS 250
#define KIOSK_PRINT_WAIT_MS 50
/* A print command that has not finished by then is killed. */
#define KIOSK_PRINT_SECONDS 30

static void on_stop(int sig)
{
	(void)sig;
	stop_signal = 1;
}

static void on_fault(int sig, siginfo_t *info, void *ctx)
{
	(void)ctx;
	/* Sent by another process (kill, sigqueue): a signal like any
	 * other, which must not end the kiosk. */
	if (info && info->si_code <= 0 && info->si_pid != getpid())
		return;
	/* A real fault, or our own abort(): the process ends. Leave the
	 * terminal as the kiosk found it. */
	if (reset_len) {
		ssize_t n = write(STDOUT_FILENO, reset_seq, reset_len);
		(void)n;
	}
	if (have_shell_tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &shell_tty);
	for (size_t i = 0; i < KIOSK_N_SIGNALS; i++)
		if (kiosk_signals[i].sig == sig)
			sigaction(sig, &saved_actions[i], NULL);
	/* A fault happens again on return, now to the old handler; a raised
	 * signal has to be raised again (abort() does that itself). */
	if (info && info->si_code <= 0 && sig != SIGABRT)
		raise(sig);
}

static void add_cap(const char *name)
{
	char *v = tigetstr(name);
	if (!v || v == (char *)-1)
		return;
	size_t n = strlen(v);
	if (reset_len + n <= sizeof reset_seq) {
		memcpy(reset_seq + reset_len, v, n);
		reset_len += n;
	}
}

static void kiosk_started(struct tui *t)
{
	(void)t;
	/* What endwin() would send, for the fault handler. */
	reset_len = 0;
	add_cap("sgr0");
	add_cap("cnorm");
	add_cap("rmcup");
}

long long tui_kiosk_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void kiosk_begin(struct tui *t)
{
	struct tui_kiosk *k = &t->kiosk;
	memset(k, 0, sizeof(*k));
	kiosk_print_job_init(&k->print);
	snprintf(k->lang, sizeof k->lang, "%s", i18n_lang());
	k->last_key = tui_kiosk_now();
	/* Wrong PINs before a restart still count (kiosk_pin_guard_load). */
	kiosk_pin_guard_load(&k->guard, t->app->kiosk->pin_attempts_file, k->last_key);
	stop_signal = 0;
	reset_len = 0;
	have_shell_tty = tcgetattr(STDIN_FILENO, &shell_tty) == 0;
	for (size_t i = 0; i < KIOSK_N_SIGNALS; i++) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sigemptyset(&sa.sa_mask);
		/* No SA_RESTART: the wait for a key ends at once. */
		switch (kiosk_signals[i].how) {
		case KS_STOP:
			sa.sa_handler = on_stop;
			break;
		case KS_IGNORE:
			sa.sa_handler = SIG_IGN;
			break;
		case KS_FAULT:
			sa.sa_sigaction = on_fault;
			sa.sa_flags = SA_SIGINFO;
			break;
		}
		sigaction(kiosk_signals[i].sig, &sa, &saved_actions[i]);
	}
}

static void kiosk_end(struct tui *t)
{
	/* The kiosk ends (SIGTERM, SIGHUP, the PIN): a print command still
	 * running is not left behind. */
	kiosk_print_cancel(&t->kiosk.print);
	for (size_t i = 0; i < KIOSK_N_SIGNALS; i++)
		sigaction(kiosk_signals[i].sig, &saved_actions[i], NULL);
}

static int kiosk_wait(struct tui *t)
{
	return kiosk_print_busy(&t->kiosk.print) ? KIOSK_PRINT_WAIT_MS : KIOSK_WAIT_MS;
}

static bool top_is(struct tui *t, const struct tui_screen_ops *ops)
{
	return t->depth && t->stack[t->depth - 1].ops == ops;
}

static bool print_poll(struct tui *t);

static bool kiosk_tick(struct tui *t)
{
	struct tui_kiosk *k = &t->kiosk;
	const struct kiosk_config *c = t->app->kiosk;
	long long now = tui_kiosk_now();
	if (stop_signal) {
		t->quit = true;
		return false;
	}
	bool printed = print_poll(t);
	if (k->count_from) {
		if (now - k->count_from >= c->countdown_seconds * 1000LL) {
			tui_kiosk_wipe(t);
			return true;
		}
		return true; /* the seconds left change */
	}
	if (k->used && now - k->last_key >= c->idle_seconds * 1000LL) {
		/* Nothing may keep the countdown from running: with a full
		 * stack it runs without its pop-up. */
		tui_push(t, &tui_idle_ops, NULL);
		k->count_from = now;
		return true;
	}
	/* The PIN screen shows how long a wrong PIN makes it wait. */
	return printed || top_is(t, &tui_pin_ops);
}

/* Clear the terminal: the screen, and the scrollback, which may still
 * hold what the previous person saw (scrub.c: terminfo E3, or blank lines
 * where there is none); then curses paints every cell again. */
static void clear_terminal(void)
{
	tui_scrub_terminal();
	clearok(curscr, TRUE);
}

void tui_kiosk_wipe(struct tui *t)
{
	struct app *app = t->app;
	struct tui_kiosk *k = &t->kiosk;
	tui_reset(t); /* every screen and every cache of what was shown */
	session_reset(app->session);
	session_start(app->session, app->start);
	i18n_set_lang(k->lang);
	free(app_take_notice(app));
	k->used = false;
	/* A plan being printed after F or the idle wipe still comes out of
	 * the printer (the person asked for it, and may have pressed F right
	 * after T; the quick exit stopped it before this), but the next
	 * person is not told how it went. */
	k->print_shown = false;
	k->count_from = 0;
	k->last_key = tui_kiosk_now();
	/* Always the picker, also when the kiosk started in one language:
	 * the next person may read another. */
	tui_push(t, &tui_step_ops, NULL);
	tui_push(t, &tui_lang_first_ops, NULL);
	clear_terminal();
}

/* Whoever leaves at once may be watched: their plan must not come out
 * of the printer after they left. The print command is killed if it
 * still runs (what it already handed to a print queue is out of reach).
 * F and the idle wipe let a print finish: the person asked for it. */
void tui_kiosk_quick_exit(struct tui *t)
{
	kiosk_print_cancel(&t->kiosk.print);
	tui_kiosk_wipe(t);
}

/* kiosk_print gives its reasons in English; these are the same texts
 * for the catalogues. */
static const char *const print_reasons[] = {
	N_("no print command is configured"),
	N_("cannot create a pipe"),
	N_("cannot start the print command"),
	N_("lost the print command"),
	N_("the print command did not finish in time"),
	N_("the print command could not be started"),
	N_("the print command failed"),
	N_("the print command did not read the whole plan"),
	/* kiosk_print_usable, said at start (main.c) */
	N_("the print command does not exist"),
	N_("the print command may not be run"),
};

static const char *print_reason(const char *why)
{
	for (size_t i = 0; why && i < sizeof print_reasons / sizeof print_reasons[0]; i++)
		if (strcmp(why, print_reasons[i]) == 0)
			return _(print_reasons[i]);
	return why ? why : "?";
}

static void print_failed(struct tui *t, const char *why)
{
	/* In a pop-up, wrapped: the footer would cut the reason off. */
	t->msg[0] = '\0';
	char *msg = xasprintf(_("Printing did not work (%s). Please ask a volunteer."), print_reason(why));
	tui_push(t, &tui_notice_ops, msg); /* the pop-up keeps a copy */
	free(msg);
}

/* The plan as export_plan writes it, in the language on the screen, on
 * the print command's standard input. Nothing waits for the printer:
 * the loop feeds it (print_poll) between keys; one job at a time. */
static void print_plan(struct tui *t)
{
	struct tui_kiosk *k = &t->kiosk;
	if (kiosk_print_busy(&k->print)) {
		tui_notice(t, "%s", _("Printing…"));
		return;
	}
	size_t len;
	char *text = export_plan_text(t->app->session, 0, &len);
	bool ok = text != NULL;
	const char *why = "cannot start the print command";
	int r = ok ? kiosk_print_start(&k->print, t->app->kiosk->print_argv, text, len, KIOSK_PRINT_SECONDS, &why)
		   : -1;
	if (text) {
		explicit_bzero(text, len);
		free(text);
	}
	if (r != 0) {
		print_failed(t, why);
		return;
	}
	k->print_shown = true;
	tui_notice(t, "%s", _("Printing…"));
}

/* Feed the printer and see whether it is done; true when that was just
 * said (the screen changed). */
static bool print_poll(struct tui *t)
{
	struct tui_kiosk *k = &t->kiosk;
	if (!kiosk_print_busy(&k->print))
		return false;
	const char *why;
	int r = kiosk_print_step(&k->print, &why);
	if (r == 1 || !k->print_shown)
		return false;
	if (r == 0)
		tui_notice(t, "%s", _("Your plan was sent to the printer."));
	else
		print_failed(t, why);
	return true;
}

static enum tui_handled kiosk_key(struct tui *t, enum tui_action a, int key)
{
	struct tui_kiosk *k = &t->kiosk;
	print_poll(t); /* keys in a row leave no wait for the loop to do it */
	k->last_key = tui_kiosk_now();
	k->used = true;
	if (k->count_from) {
		/* "Are you still there?": any key continues (and does nothing
		 * else), but the quick exit still leaves. */
		k->count_from = 0;
		if (top_is(t, &tui_idle_ops))
			tui_pop(t);
		if (a == TUI_A_QUICK_EXIT)
			tui_kiosk_quick_exit(t);
		return TUI_HANDLED;
	}
	struct tui_screen *s;
	switch (a) {
	case TUI_A_QUICK_EXIT:
		tui_kiosk_quick_exit(t);
		return TUI_HANDLED;
	case TUI_A_ADMIN:
		if (!top_is(t, &tui_pin_ops))
			tui_push(t, &tui_pin_ops, NULL);
		return TUI_HANDLED;
	case TUI_A_STAYS:
		if (top_is(t, &tui_stays_ops))
			tui_pop(t);
		else
			tui_push(t, &tui_stays_ops, NULL);
		return TUI_HANDLED;
	case TUI_A_FINISH:
		if (top_is(t, &tui_finish_ops))
			tui_kiosk_wipe(t);
		else
			tui_push(t, &tui_finish_ops, NULL);
		return TUI_HANDLED;
	case TUI_A_PRINT:
		print_plan(t);
		return TUI_HANDLED;
	case TUI_A_QR:
		s = tui_push(t, &tui_qr_ops, NULL);
		if (s && !tui_qr_links(s)) {
			tui_pop(t);
			tui_notice(t, "%s", _("Your plan has no links to show as QR codes yet."));
		}
		return TUI_HANDLED;
	default:
		return TUI_IGNORED;
	}
}

const struct tui_mode tui_mode_kiosk = {
	.raw = true,
	.plain_fallback = false,
	.saves = false,
	.begin = kiosk_begin,
	.started = kiosk_started,
	.end = kiosk_end,
	.wait = kiosk_wait,
	.tick = kiosk_tick,
	.key = kiosk_key,
};
