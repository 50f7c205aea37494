/* SPDX-License-Identifier: GPL-3.0-or-later */
/* klantreis: command line, data paths, and the choice of front end. Only
 * main decides to exit. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "check.h"
#include "config.h"
#include "core/facts.h"
#include "core/i18n.h"
#include "core/store.h"
#include "core/util.h"
#include "export.h"
#include "kiosk/kiosk.h"

#ifdef HAVE_TUI
#include "tui/tui.h"
#endif

enum { EXIT_CONTENT = 1, EXIT_USAGE = 2 };

static void usage(FILE *out)
{
	fprintf(out, _("Usage: %s [OPTION]...\n"
		       "A step-by-step guide from arrival in the Netherlands to suitable work,\n"
		       "for people displaced from Ukraine.\n\n"),
		"klantreis");
	fputs(_("  --lang=CODE       language: en, nl, uk, ru (default: ask)\n"
		"  --journeys=DIR    read the journeys from DIR\n"
		"  --start=REF       start at JOURNEY: or JOURNEY:STEP\n"
		"  --plain           line-by-line interface (screen readers, pipes)\n"
		"  --show-ids        show journey:step on every screen\n"
		"  --trainer         for workshops: ids, sources and conditions on every\n"
		"                    screen, and O for an outline of all journeys\n"
		"  --today=DATE      take DATE (YYYY-MM-DD) as today: the facts and texts\n"
		"                    that hold on that day (also KLANTREIS_TODAY)\n"
		"  --no-save         do not save progress (it is saved after every step in\n"
		"                    $XDG_STATE_HOME/klantreis, or ~/.local/state/klantreis)\n"
		"  --check           check the journeys and report every problem\n"
		"  --export=FORMAT   print every journey: dot, mermaid (graphs) or markdown\n"
		"  --paths           list every path from the start to an end, with its plan\n"
		"  --export-plan=FILE  write the saved action plan to FILE (.md: Markdown;\n"
		"                    - for standard output; never through a link or pipe)\n"
		"  --kiosk           kiosk mode for reception locations (see docs/kiosk.md)\n"),
	      out);
	/* The path is not part of the text: xgettext cannot see through a
	 * macro in the middle of a string. */
	fprintf(out, _("  --kiosk-config=FILE  kiosk settings (default %s)\n"), KIOSK_CONFIG_DEFAULT);
	fputs(_("  --idle=SECONDS    kiosk: ask \"Are you still there?\" after this long\n"
		"  --countdown=SECONDS  kiosk: then clear everything after this long\n"
		"  --hash-pin        read a volunteer PIN and print its pin_hash line\n"
		"  --help            show this help and exit\n"
		"  --version         show the version and exit\n\n"),
	      out);
	fputs(_("Exit status: 0 success, 1 content errors, 2 usage errors.\n"), out);
	fprintf(out, _("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
}

/* The program in the build tree reads the source tree's journeys and the
 * build tree's catalogues; the installed one its data directory. */
static bool in_build_tree(void)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0)
		return false;
	self[n] = '\0';
	return strcmp(self, BUILD_ROOT "/src/klantreis") == 0;
}

/* "Today" for the calendar (DESIGN 3.1): --today, else KLANTREIS_TODAY,
 * else the system date. False (after a message) when a given date is
 * malformed. */
static bool set_today(const char *opt)
{
	const char *env = getenv("KLANTREIS_TODAY");
	const char *v = opt ? opt : env && *env ? env : NULL;
	long d;
	if (!v)
		return true;
	if (date_parse(v, &d) != 0) {
		fprintf(stderr, opt ? _("klantreis: --today=%s: give a date as YYYY-MM-DD\n")
				    : _("klantreis: KLANTREIS_TODAY=%s: give a date as YYYY-MM-DD\n"),
			v);
		return false;
	}
	facts_set_today(d);
	return true;
}

/* Read one line from the terminal without echo (or from stdin when it is
 * not a terminal, for scripts). */
static char *read_secret(const char *prompt)
{
	bool tty = isatty(STDIN_FILENO);
	struct termios old, quiet;
	if (tty) {
		fputs(prompt, stderr);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t n = getline(&line, &cap, stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (n < 0) {
		free(line);
		return NULL;
	}
	line[strcspn(line, "\r\n")] = '\0';
	return line;
}

static int print_pin_hash(void)
{
	char *pin = read_secret(_("New volunteer PIN (6 to 32 characters): "));
	if (!pin || strlen(pin) < KIOSK_PIN_MIN || strlen(pin) > KIOSK_PIN_MAX) {
		fprintf(stderr, _("klantreis: the PIN must have 6 to 32 characters: whoever can read its hash "
				  "can try every shorter PIN on their own computer (all four-digit PINs in "
				  "minutes)\n"));
		free(pin);
		return EXIT_USAGE;
	}
	if (isatty(STDIN_FILENO)) {
		char *again = read_secret(_("The same PIN again: "));
		bool same = again && strcmp(again, pin) == 0;
		free(again);
		if (!same) {
			fprintf(stderr, _("klantreis: the two PINs differ; nothing was made\n"));
			free(pin);
			return EXIT_USAGE;
		}
	}
	char *h = kiosk_pin_hash(pin);
	memset(pin, 0, strlen(pin));
	free(pin);
	if (!h) {
		fprintf(stderr, _("klantreis: this system's crypt(3) cannot make a yescrypt or SHA-512 hash\n"));
		return EXIT_CONTENT;
	}
	printf("pin_hash = %s\n", h);
	free(h);
	return 0;
}

static bool want_plain(void)
{
	const char *term = getenv("TERM");
	return !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) || !term || !*term ||
	       strcmp(term, "dumb") == 0;
}

int main(int argc, char **argv)
{
	const char *lang = NULL, *journeys = NULL, *start = "klantreis:start";
	const char *export = NULL, *export_plan_file = NULL;
	bool plain = false, show_ids = false, check = false, no_save = false, paths = false;
	bool kiosk = false, hash_pin = false, trainer = false;
	const char *kiosk_config = NULL, *today = NULL;
	int idle = -1, countdown = -1;
	bool build = in_build_tree();

	i18n_init(build ? BUILD_ROOT "/po" : LOCALEDIR);

	enum {
		O_LANG = 256, O_JOURNEYS, O_START, O_PLAIN, O_SHOW_IDS, O_CHECK, O_HELP, O_VERSION,
		O_NO_SAVE, O_EXPORT, O_PATHS, O_EXPORT_PLAN, O_KIOSK, O_KIOSK_CONFIG, O_IDLE,
		O_COUNTDOWN, O_HASH_PIN, O_TRAINER, O_TODAY
	};
	static const struct option opts[] = {
		{"lang", required_argument, NULL, O_LANG},
		{"journeys", required_argument, NULL, O_JOURNEYS},
		{"start", required_argument, NULL, O_START},
		{"plain", no_argument, NULL, O_PLAIN},
		{"show-ids", no_argument, NULL, O_SHOW_IDS},
		{"check", no_argument, NULL, O_CHECK},
		{"help", no_argument, NULL, O_HELP},
		{"version", no_argument, NULL, O_VERSION},
		{"no-save", no_argument, NULL, O_NO_SAVE},
		{"export", required_argument, NULL, O_EXPORT},
		{"paths", no_argument, NULL, O_PATHS},
		{"export-plan", required_argument, NULL, O_EXPORT_PLAN},
		{"kiosk", no_argument, NULL, O_KIOSK},
		{"kiosk-config", required_argument, NULL, O_KIOSK_CONFIG},
		{"idle", required_argument, NULL, O_IDLE},
		{"countdown", required_argument, NULL, O_COUNTDOWN},
		{"hash-pin", no_argument, NULL, O_HASH_PIN},
		{"trainer", no_argument, NULL, O_TRAINER},
		{"today", required_argument, NULL, O_TODAY},
		{NULL, 0, NULL, 0},
	};
	/* --help and the messages about options speak the language asked for,
	 * wherever --lang stands on the line. */
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strncmp(argv[i], "--lang=", 7) == 0 && i18n_find_lang(argv[i] + 7))
			i18n_set_lang(argv[i] + 7);
	/* getopt must not print in its own words; we say what went wrong. */
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case O_LANG:
			lang = optarg;
			break;
		case O_JOURNEYS:
			journeys = optarg;
			break;
		case O_START:
			start = optarg;
			break;
		case O_PLAIN:
			plain = true;
			break;
		case O_SHOW_IDS:
			show_ids = true;
			break;
		case O_CHECK:
			check = true;
			break;
		case O_NO_SAVE:
			no_save = true;
			break;
		case O_EXPORT:
			export = optarg;
			break;
		case O_PATHS:
			paths = true;
			break;
		case O_EXPORT_PLAN:
			export_plan_file = optarg;
			break;
		case O_KIOSK:
			kiosk = true;
			break;
		case O_KIOSK_CONFIG:
			kiosk_config = optarg;
			break;
		case O_IDLE:
		case O_COUNTDOWN: {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || end == optarg || v < 1 || v > 86400) {
				fprintf(stderr, _("klantreis: --%s=%s: give a number of seconds from 1 to 86400\n"),
					c == O_IDLE ? "idle" : "countdown", optarg);
				return EXIT_USAGE;
			}
			*(c == O_IDLE ? &idle : &countdown) = (int)v;
			break;
		}
		case O_HASH_PIN:
			hash_pin = true;
			break;
		case O_TODAY:
			today = optarg;
			break;
		case O_TRAINER:
			trainer = true;
			show_ids = true;
			break;
		case O_HELP:
			usage(stdout);
			return 0;
		case O_VERSION:
			printf("klantreis %s\n", PACKAGE_VERSION);
			puts(_("License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
			       "This is free software: you are free to change and redistribute it.\n"
			       "There is NO WARRANTY, to the extent permitted by law."));
			return 0;
		default:
			if (optopt && optopt < 256)
				fprintf(stderr, _("klantreis: unknown option '-%c'\n"), optopt);
			else if (optopt)
				fprintf(stderr, _("klantreis: option '%s' needs a value (%s=...)\n"),
					argv[optind - 1], argv[optind - 1]);
			else
				fprintf(stderr, _("klantreis: unknown option '%s'\n"), argv[optind - 1]);
			fprintf(stderr, _("Try 'klantreis --help' for more information.\n"));
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, _("klantreis: unexpected argument '%s'\n"), argv[optind]);
		fprintf(stderr, _("Try 'klantreis --help' for more information.\n"));
		return EXIT_USAGE;
	}
	if (lang && !i18n_find_lang(lang)) {
		fprintf(stderr, _("klantreis: unknown language '%s' (use en, nl, uk or ru)\n"), lang);
		return EXIT_USAGE;
	}
	if (hash_pin) {
		/* For the volunteer at the terminal: their --lang, else the
		 * language of their environment. */
		const char *env = lang ? NULL : i18n_env_lang();
		if (env)
			i18n_set_lang(env);
		return print_pin_hash();
	}
	if (!set_today(today))
		return EXIT_USAGE;
	if (export && export_format_parse(export) < 0) {
		fprintf(stderr, _("klantreis: --export=%s: use dot, mermaid or markdown\n"), export);
		return EXIT_USAGE;
	}
	if (!journeys)
		journeys = build ? SOURCE_ROOT "/journeys" : JOURNEYS_DIR;

	struct check_options copt = {.today = facts_today(), .review_months = 18, .expiry_days = 60};
	if (check)
		return check_run(journeys, &copt, stdout);

	struct diag_list diags;
	diag_init(&diags);
	struct journey_set *set = journey_set_load(journeys, &diags);
	if (!diags.errors)
		journey_set_validate(set, &copt, &diags);
	if (diags.errors) {
		diag_sort(&diags);
		for (size_t i = 0; i < diags.n; i++)
			if (diags.items[i].severity == DIAG_ERROR)
				diag_print(&diags.items[i], stderr);
		fprintf(stderr, _("klantreis: the journeys in %s have errors; run 'klantreis --check'.\n"),
			journeys);
		diag_free(&diags);
		journey_set_free(set);
		return EXIT_CONTENT;
	}
	diag_free(&diags);

	char lang_buf[8] = "";
	snprintf(lang_buf, sizeof lang_buf, "%s", lang ? lang : "");
	struct app app = {.set = set, .start = start, .show_ids = show_ids, .trainer = trainer,
			  .lang_given = lang != NULL};
	app.session = session_new(set);
	int status = 0;
	const struct step *start_step = journey_set_resolve(set, NULL, start);
	if (!start_step || session_start(app.session, start) != SESSION_OK) {
		fprintf(stderr, _("klantreis: --start=%s: no such journey or step\n"), start);
		status = EXIT_USAGE;
		goto out;
	}
	if (export || paths) {
		i18n_set_lang(lang ? lang : "en");
		if (export) {
			export_graph(set, export_format_parse(export), stdout);
		} else {
			struct paths_result r = export_paths(set, start_step, 2000, 2000000, stdout);
			if (r.complete)
				printf(ngettext("%zu path from %s to an end step (%zu to %zu steps).\n",
						"%zu paths from %s to an end step (%zu to %zu steps).\n", r.paths),
				       r.paths, start, r.shortest, r.longest);
			else
				printf(_("More than %zu paths from %s: stopped after %zu steps explored. "
					 "Listed the first %zu; start lower down with --start=JOURNEY: to see all of a part.\n"),
				       r.paths, start, r.visits, r.paths < 2000 ? r.paths : (size_t)2000);
		}
		if (fflush(stdout) != 0 || ferror(stdout))
			status = EXIT_CONTENT;
		goto out;
	}

	struct kiosk_config kconf;
	if (kiosk && trainer) {
		fprintf(stderr, _("klantreis: --kiosk and --trainer do not go together\n"));
		status = EXIT_USAGE;
		goto out;
	}
	if (kiosk) {
		/* Every configuration problem is reported here, before curses. */
		char *err = NULL;
		if (!kiosk_config_load(&kconf, kiosk_config ? kiosk_config : KIOSK_CONFIG_DEFAULT,
				       kiosk_config != NULL, &err)) {
			fprintf(stderr, "klantreis: %s\n", err);
			free(err);
			status = EXIT_USAGE;
			goto out;
		}
		/* What follows is for the volunteer who sets the kiosk up. */
		char visitor_lang[8];
		snprintf(visitor_lang, sizeof visitor_lang, "%s", i18n_lang());
		i18n_set_lang(kconf.volunteer_language);
		if (!kconf.pin_hash) {
			fprintf(stderr, _("klantreis: kiosk mode needs a volunteer PIN: run 'klantreis --hash-pin' and put its line in %s\n"),
				kiosk_config ? kiosk_config : KIOSK_CONFIG_DEFAULT);
			kiosk_config_free(&kconf);
			status = EXIT_USAGE;
			goto out;
		}
		const char *conf_path = kiosk_config ? kiosk_config : KIOSK_CONFIG_DEFAULT;
		if (kiosk_config_readable_by_others(conf_path))
			fprintf(stderr, _("klantreis: warning: every user of this computer can read %s; with its PIN hash "
					  "they can try PINs on their own computer. Make it readable by root and the "
					  "kiosk user only: chown root:kiosk %s; chmod 640 %s\n"),
				conf_path, conf_path, conf_path);
		const char *why = NULL;
		if (kconf.print_argv && !kiosk_print_usable(kconf.print_argv, &why)) {
			/* Said now, not when a visitor presses T: printing is
			 * then not offered at all. */
			fprintf(stderr, _("klantreis: print_command %s: %s; the kiosk runs without printing\n"),
				kconf.print_argv[0], _(why));
			for (size_t i = 0; kconf.print_argv[i]; i++)
				free(kconf.print_argv[i]);
			free(kconf.print_argv);
			kconf.print_argv = NULL;
		}
		if (idle > 0)
			kconf.idle_seconds = idle;
		if (countdown > 0)
			kconf.countdown_seconds = countdown;
		if (plain || want_plain()) {
			fprintf(stderr, _("klantreis: kiosk mode needs a terminal for the full-screen guide\n"));
			kiosk_config_free(&kconf);
			status = EXIT_USAGE;
			goto out;
		}
		i18n_set_lang(visitor_lang);
		app.kiosk = &kconf;
		no_save = true; /* nothing about a person is written to disk */
		if (strcmp(kconf.language, "picker") != 0 && !lang)
			lang = kconf.language;
		app.lang_given = lang != NULL;
	}
	if (!no_save)
		app.save_path = store_default_path();
	app_resume(&app, lang ? NULL : lang_buf);
	if (export_plan_file) {
		if (!app.saved_text) {
			char *n = app_take_notice(&app);
			fprintf(stderr, _("klantreis: there is no saved plan to export%s%s\n"), n ? ": " : ".",
				n ? n : "");
			free(n);
			status = EXIT_CONTENT;
			goto out;
		}
		i18n_set_lang(lang ? lang : lang_buf[0] ? lang_buf : "en");
		size_t fl = strlen(export_plan_file);
		bool md = fl > 3 && strcmp(export_plan_file + fl - 3, ".md") == 0;
		char *buf = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);
		export_plan(app.session, md, mem);
		fclose(mem);
		char *err = NULL;
		if (!app_write_export(export_plan_file, buf, &err)) {
			fprintf(stderr, "klantreis: %s\n", err);
			free(err);
			status = EXIT_CONTENT;
		}
		free(buf);
		goto out;
	}

	const char *l = lang ? lang : lang_buf[0] ? lang_buf : i18n_env_lang();
	i18n_set_lang(l ? l : "en");
	if (l && !lang && lang_buf[0])
		app.lang_given = true; /* the saved language: no picker again */

	const char *cols = getenv("COLUMNS");
	app.width = cols ? atoi(cols) : 80;
	if (app.width < 20 || app.width > 1000)
		app.width = 80;

#ifdef HAVE_TUI
	if (!plain && !want_plain())
		status = tui_run(&app);
	else
#else
	(void)want_plain;
#endif
		status = plain_run(&app, stdin, stdout);
	(void)plain;
out:
	if (app.kiosk)
		kiosk_config_free(app.kiosk);
	free(app.save_path);
	free(app.saved_text);
	free(app.notice);
	session_free(app.session);
	journey_set_free(set);
	return status;
}
