/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The guide itself, for a person (full screen or plain) or at a kiosk. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "cmd/cmd.h"
#include "config.h"
#include "core/i18n.h"
#include "core/store.h"
#include "core/util.h"
#include "core/walk.h"
#include "core/wrap.h"
#include "kiosk/kiosk.h"

#ifdef HAVE_TUI
#include "tui/tui.h"
#endif

/* DESIGN.md section 5: $COLUMNS when set, else the terminal's width when
 * stdout is one; else 0, no wrapping at all: a pipe, a file, a speech or
 * braille pipeline gets each paragraph as one line and wraps it itself. */
static int plain_width(void)
{
	const char *cols = getenv("COLUMNS");
	int w = 0;
	if (cols && *cols) {
		w = atoi(cols);
	} else if (isatty(STDOUT_FILENO)) {
		struct winsize ws;
		w = ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 ? ws.ws_col : 80;
	} else {
		return 0;
	}
	return w < 20 || w > 1000 ? 80 : w;
}

static bool want_plain(void)
{
	const char *term = getenv("TERM");
	return !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) || !term || !*term ||
	       strcmp(term, "dumb") == 0;
}

/* The language, decided in one place: --lang; else the kiosk's setting;
 * else the language saved with the progress; else the environment's;
 * else English. *asked says whether the person (or the kiosk) chose it,
 * so that the full-screen guide skips its language picker. */
static const char *guide_language(const struct cli *c, const struct kiosk_config *k,
				  const char *saved, bool *asked)
{
	*asked = true;
	if (c->lang)
		return c->lang;
	if (k && strcmp(k->language, "picker") != 0)
		return k->language;
	if (saved && *saved)
		return saved;
	*asked = false;
	const char *env = i18n_env_lang();
	return env ? env : "en";
}

/* Kiosk settings, with every problem reported before curses starts.
 * False (after a message to the volunteer) when the kiosk cannot run. */
static bool kiosk_setup(const struct cli *c, struct kiosk_config *k)
{
	const char *path = c->kiosk_config ? c->kiosk_config : KIOSK_CONFIG_DEFAULT;
	char *err = NULL;
	if (!kiosk_config_load(k, path, c->kiosk_config != NULL, &err)) {
		fprintf(stderr, "klantreis: %s\n", err);
		free(err);
		return false;
	}
	/* What follows is for the volunteer who sets the kiosk up. */
	char visitor_lang[8];
	snprintf(visitor_lang, sizeof visitor_lang, "%s", i18n_lang());
	i18n_set_lang(k->volunteer_language);
	bool ok = true;
	const char *why = NULL;
	if (kiosk_config_readable_by_others(path))
		fprintf(stderr, _("klantreis: warning: every user of this computer can read %s; with its PIN hash "
				  "they can try PINs on their own computer. Make it readable by root and the "
				  "kiosk user only: chown root:kiosk %s; chmod 640 %s\n"),
			path, path, path);
	if (!k->pin_hash) {
		fprintf(stderr, _("klantreis: kiosk mode needs a volunteer PIN: run 'klantreis --hash-pin' and put its line in %s\n"),
			path);
		ok = false;
	} else if (!kiosk_pin_ready(&why)) {
		/* Without it the PIN could never be checked: no way out. */
		fprintf(stderr, _("klantreis: kiosk mode cannot check the volunteer PIN: %s\n"), why);
		ok = false;
	} else if (c->plain || want_plain()) {
		fprintf(stderr, _("klantreis: kiosk mode needs a terminal for the full-screen guide\n"));
		ok = false;
	} else if (k->print_argv && !kiosk_print_usable(k->print_argv, &why)) {
		/* Said now, not when a visitor presses T: printing is then
		 * not offered at all. */
		fprintf(stderr, _("klantreis: print_command %s: %s; the kiosk runs without printing\n"),
			k->print_argv[0], _(why));
		for (size_t i = 0; k->print_argv[i]; i++)
			free(k->print_argv[i]);
		free(k->print_argv);
		k->print_argv = NULL;
	}
	i18n_set_lang(visitor_lang);
	if (!ok) {
		kiosk_config_free(k);
		return false;
	}
	if (c->idle > 0)
		k->idle_seconds = c->idle;
	if (c->countdown > 0)
		k->countdown_seconds = c->countdown;
	return true;
}

/* --replay: read and parse the walk-through before anything starts. A
 * regular file of at most WALK_MAX_BYTES; never waits on a FIFO. False
 * after a message naming the file (and its line). */
static bool replay_load(const char *path, struct walk *w)
{
	char *clean = wrap_sanitize(path);
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	struct stat st;
	bool ok = false;
	if (fd < 0) {
		fprintf(stderr, _("klantreis: --replay=%s: %s\n"), clean, strerror(errno));
	} else if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		fprintf(stderr, _("klantreis: --replay=%s: not a regular file\n"), clean);
	} else {
		size_t cap = WALK_MAX_BYTES + 1, len = 0;
		char *buf = xmalloc(cap);
		for (;;) {
			ssize_t r = read(fd, buf + len, cap - len);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0)
				break;
			len += (size_t)r;
			if (len == cap)
				break;
		}
		char *err = NULL;
		ok = walk_parse(w, buf, len, path, &err);
		if (!ok)
			fprintf(stderr, "klantreis: %s\n", err);
		free(err);
		free(buf);
	}
	if (fd >= 0)
		close(fd);
	free(clean);
	return ok;
}

/* --record: the walk the person took, written when the guide ends (not
 * after the quick exit: that leaves nothing behind). */
static int record_write(const struct cli *c, struct app *app, const struct walk *replayed)
{
	if (app->left_quickly)
		return 0;
	char *text = walk_record(app->session, replayed ? replayed->title : NULL, i18n_lang());
	if (!text) {
		fprintf(stderr, _("klantreis: --record: nothing written: the walk began in a private part\n"));
		return 0;
	}
	char *err = NULL;
	int status = 0;
	if (!app_write_export(c->record, text, &err)) {
		fprintf(stderr, "klantreis: --record: %s\n", err);
		status = 1;
	}
	free(err);
	free(text);
	return status;
}

int cmd_guide(const struct cli *c)
{
	int status = 0;
	struct journey_set *set = content_open(c, &status);
	if (!set)
		return status;
	struct app app = {.set = set, .start = c->start, .show_ids = c->show_ids, .trainer = c->trainer};
	app.session = session_new(set);
	struct kiosk_config kconf;
	struct walk walk = {0};
	const char *start = c->start;
	if (c->replay) {
		if (!replay_load(c->replay, &walk)) {
			status = CLI_EXIT_USAGE;
			goto out;
		}
		app.replay = &walk;
		if (session_start(app.session, walk.start) == SESSION_OK) {
			start = walk.start;
		} else {
			/* The guide stays usable: it starts where it would have. */
			char *m = xasprintf(_("no step %s in the content"), walk.start);
			char *line = xasprintf("%s:%d: %s", walk.file, walk.start_line, m);
			app.notice = xasprintf(_("The demo cannot start: %s"), line);
			free(line);
			free(m);
			app.replay = NULL;
		}
	}
	if (session_start(app.session, start) != SESSION_OK) {
		fprintf(stderr, _("klantreis: --start=%s: no such journey or step\n"), c->start);
		status = CLI_EXIT_USAGE;
		goto out;
	}
	if (c->cmd == CLI_KIOSK) {
		if (!kiosk_setup(c, &kconf)) {
			status = CLI_EXIT_USAGE;
			goto out;
		}
		app.kiosk = &kconf; /* never saves: nothing about a person is written to disk */
	} else if (!c->no_save && !c->replay) {
		/* A demo on a projector PC keeps nothing about a person. */
		app.save_path = store_default_path();
	}
	char saved[8] = "";
	app_resume(&app, saved);
	if (!c->lang && c->replay && walk.lang) {
		i18n_set_lang(walk.lang);
		app.lang_given = true;
	} else {
		i18n_set_lang(guide_language(c, app.kiosk, saved, &app.lang_given));
	}
	const char *problem = i18n_lang_problem(NULL);
	if (problem)
		fprintf(stderr, "klantreis: warning: %s: the texts are shown in English\n", problem);

	app.width = plain_width();
#ifdef HAVE_TUI
	if (app.kiosk || (!c->plain && !want_plain()))
		status = tui_run(&app);
	else
#endif
		status = plain_run(&app, stdin, stdout);
	if (c->record && record_write(c, &app, c->replay ? &walk : NULL) != 0 && status == 0)
		status = 1;
out:
	if (c->replay)
		walk_free(&walk);
	if (app.kiosk)
		kiosk_config_free(app.kiosk);
	app_free(&app);
	journey_set_free(set);
	return status;
}
