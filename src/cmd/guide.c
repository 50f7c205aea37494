/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The guide itself, for a person (full screen or plain) or at a kiosk. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "app.h"
#include "cmd/cmd.h"
#include "config.h"
#include "core/i18n.h"
#include "core/store.h"
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

int cmd_guide(const struct cli *c)
{
	int status = 0;
	struct journey_set *set = content_open(c, &status);
	if (!set)
		return status;
	struct app app = {.set = set, .start = c->start, .show_ids = c->show_ids, .trainer = c->trainer};
	app.session = session_new(set);
	struct kiosk_config kconf;
	if (session_start(app.session, c->start) != SESSION_OK) {
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
	} else if (!c->no_save) {
		app.save_path = store_default_path();
	}
	char saved[8] = "";
	app_resume(&app, saved);
	i18n_set_lang(guide_language(c, app.kiosk, saved, &app.lang_given));

	app.width = plain_width();
#ifdef HAVE_TUI
	if (app.kiosk || (!c->plain && !want_plain()))
		status = tui_run(&app);
	else
#endif
		status = plain_run(&app, stdin, stdout);
out:
	if (app.kiosk)
		kiosk_config_free(app.kiosk);
	app_free(&app);
	journey_set_free(set);
	return status;
}
