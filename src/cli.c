/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The option table (after git's parse-options: each row names the option,
 * its value, where it goes, which mode it chooses or belongs to, and its
 * help). getopt_long does the scanning; this file does the rest. */
#include "cli.h"

#include <getopt.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "core/i18n.h"
#include "core/util.h"
#include "core/wrap.h"
#include "kiosk/kiosk.h"

enum kind {
	K_FLAG,    /* bool field */
	K_STR,     /* const char * field */
	K_SECONDS, /* int field, 1..86400 */
	K_MODE,    /* chooses `mode`; no value */
	K_MODE_STR /* chooses `mode`; the value goes in the field */
};

/* Modes an option may be used in (bit per enum cli_cmd); 0: all. */
#define ONLY(m) (1u << (m))

struct opt {
	const char *name;
	const char *metavar; /* the value's name in --help; NULL: none */
	enum kind kind;
	size_t field;        /* offsetof(struct cli, ...) */
	enum cli_cmd mode;   /* K_MODE, K_MODE_STR: the mode it chooses */
	unsigned only;       /* ONLY(...): the modes it belongs to */
	const char *help;    /* N_(): one msgid per option */
};

#define F(x) offsetof(struct cli, x)
static const struct opt opts[] = {
	{"lang", "CODE", K_STR, F(lang), 0, 0, N_("language: %s (default: ask)")},
	{"journeys", "DIR", K_STR, F(journeys), 0, 0, N_("read the journeys from DIR")},
	{"start", "REF", K_STR, F(start), 0, 0, N_("start at JOURNEY: or JOURNEY:STEP")},
	{"plain", NULL, K_FLAG, F(plain), 0, 0, N_("line-by-line interface (screen readers, pipes)")},
	{"show-ids", NULL, K_FLAG, F(show_ids), 0, 0, N_("show journey:step on every screen")},
	{"trainer", NULL, K_FLAG, F(trainer), 0, ONLY(CLI_GUIDE),
	 N_("for workshops: ids, sources and conditions on every screen, and O for an outline of all journeys")},
	{"replay", "FILE", K_STR, F(replay), 0, ONLY(CLI_GUIDE),
	 N_("for workshops: play the walk-through FILE in the full-screen guide, one step per Enter; nothing is saved (see docs/walkthroughs.md)")},
	{"record", "FILE", K_STR, F(record), 0, ONLY(CLI_GUIDE),
	 N_("write the choices made to FILE as a walk-through when the guide ends (never a private part)")},
	{"today", "DATE", K_STR, F(today), 0, 0,
	 N_("take DATE (YYYY-MM-DD) as today: the facts and texts that hold on that day (also KLANTREIS_TODAY)")},
	{"no-save", NULL, K_FLAG, F(no_save), 0, 0,
	 N_("do not save progress (it is saved after every step in $XDG_STATE_HOME/klantreis, or ~/.local/state/klantreis)")},
	{"check", NULL, K_MODE, 0, CLI_CHECK, 0, N_("check the journeys and report every problem")},
	{"export", "FORMAT", K_MODE_STR, F(export_format), CLI_EXPORT, 0,
	 N_("print every journey: dot, mermaid (graphs) or markdown")},
	{"paths", NULL, K_MODE, 0, CLI_PATHS, 0, N_("list every path from the start to an end, with its plan")},
	{"export-plan", "FILE", K_MODE_STR, F(export_plan), CLI_EXPORT_PLAN, 0,
	 N_("write the saved action plan to FILE (.md: Markdown; - for standard output; never through a link or pipe)")},
	{"kiosk", NULL, K_MODE, 0, CLI_KIOSK, 0, N_("kiosk mode for reception locations (see docs/kiosk.md)")},
	{"kiosk-config", "FILE", K_STR, F(kiosk_config), 0, ONLY(CLI_KIOSK), N_("kiosk settings (default %s)")},
	{"idle", "SECONDS", K_SECONDS, F(idle), 0, ONLY(CLI_KIOSK),
	 N_("kiosk: ask \"Are you still there?\" after this long")},
	{"countdown", "SECONDS", K_SECONDS, F(countdown), 0, ONLY(CLI_KIOSK),
	 N_("kiosk: then clear everything after this long")},
	{"hash-pin", NULL, K_MODE, 0, CLI_HASH_PIN, 0, N_("read a volunteer PIN and print its pin_hash line")},
	{"help", NULL, K_MODE, 0, CLI_HELP, 0, N_("show this help and exit")},
	{"version", NULL, K_MODE, 0, CLI_VERSION, 0, N_("show the version and exit")},
};
#undef F
#define N_OPTS (sizeof opts / sizeof opts[0])

const char *cli_cmd_option(enum cli_cmd cmd)
{
	for (size_t i = 0; i < N_OPTS; i++)
		if ((opts[i].kind == K_MODE || opts[i].kind == K_MODE_STR) && opts[i].mode == cmd)
			return opts[i].name;
	return "";
}

/* "en, nl, uk or ru": the languages the guide offers, from one list. */
static char *lang_list(void) { return i18n_lang_codes(_(" or ")); }

static void try_help(FILE *err) { fprintf(err, _("Try 'klantreis --help' for more information.\n")); }

/* The value of an option, checked; false after a message. */
static bool set_value(struct cli *c, const struct opt *o, const char *v, FILE *err)
{
	char *base = (char *)c + o->field;
	switch (o->kind) {
	case K_FLAG:
		*(bool *)base = true;
		return true;
	case K_SECONDS: {
		char *end;
		long n = strtol(v, &end, 10);
		if (*end || end == v || n < 1 || n > 86400) {
			fprintf(err, _("klantreis: --%s=%s: give a number of seconds from 1 to 86400\n"),
				o->name, v);
			return false;
		}
		*(int *)base = (int)n;
		return true;
	}
	case K_STR:
	case K_MODE_STR:
		*(const char **)base = v;
		return true;
	case K_MODE:
		return true;
	}
	return true;
}

/* Checks that need the whole line: the values of some options, and
 * options that belong to another mode. */
static bool check_all(struct cli *c, const bool *seen, FILE *err)
{
	if (c->lang && !i18n_find_lang(c->lang)) {
		char *l = lang_list();
		fprintf(err, _("klantreis: unknown language '%s' (use %s)\n"), c->lang, l);
		free(l);
		return false;
	}
	long d;
	if (c->today && date_parse(c->today, &d) != 0) {
		fprintf(err, _("klantreis: --today=%s: give a date as YYYY-MM-DD\n"), c->today);
		return false;
	}
	if (c->cmd == CLI_EXPORT && strcmp(c->export_format, "dot") != 0 &&
	    strcmp(c->export_format, "mermaid") != 0 && strcmp(c->export_format, "markdown") != 0) {
		fprintf(err, _("klantreis: --export=%s: use dot, mermaid or markdown\n"), c->export_format);
		return false;
	}
	if (c->cmd == CLI_EXPORT_PLAN && !*c->export_plan) {
		fprintf(err, _("klantreis: option '%s' needs a value (%s=...)\n"), "--export-plan",
			"--export-plan");
		return false;
	}
	const char *files[] = {"replay", c->replay, "record", c->record};
	for (size_t i = 0; i < 4; i += 2)
		if (files[i + 1] && !*files[i + 1]) {
			char *o = xasprintf("--%s", files[i]);
			fprintf(err, _("klantreis: option '%s' needs a value (%s=...)\n"), o, o);
			free(o);
			return false;
		}
	if (c->replay && c->plain && c->cmd == CLI_GUIDE) {
		fprintf(err, _("klantreis: --replay plays in the full-screen guide: leave out --plain\n"));
		return false;
	}
	for (size_t i = 0; i < N_OPTS; i++)
		if (seen[i] && opts[i].only && !(opts[i].only & ONLY(c->cmd))) {
			if (c->cmd == CLI_GUIDE)
				fprintf(err, _("klantreis: --%s works only with --%s\n"), opts[i].name,
					cli_cmd_option(CLI_KIOSK));
			else
				fprintf(err, _("klantreis: --%s and --%s do not go together\n"),
					cli_cmd_option(c->cmd), opts[i].name);
			return false;
		}
	return true;
}

bool cli_parse(struct cli *c, int argc, char **argv, FILE *err)
{
	memset(c, 0, sizeof(*c));
	c->cmd = CLI_GUIDE;
	c->start = "klantreis:start";
	struct option lo[N_OPTS + 1];
	bool seen[N_OPTS] = {0};
	for (size_t i = 0; i < N_OPTS; i++)
		lo[i] = (struct option){opts[i].name, opts[i].metavar ? required_argument : no_argument,
					NULL, (int)(256 + i)};
	lo[N_OPTS] = (struct option){NULL, 0, NULL, 0};
	/* Messages about options speak the language asked for, wherever
	 * --lang stands on the line. */
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strncmp(argv[i], "--lang=", 7) == 0 && i18n_find_lang(argv[i] + 7))
			i18n_set_lang(argv[i] + 7);
	/* getopt must not print in its own words; we say what went wrong. */
	opterr = 0;
	optind = 0; /* a fresh scan (tests parse more than once) */
	int r;
	while ((r = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		if (r < 256 || r >= 256 + (int)N_OPTS) {
			if (optopt && optopt < 256)
				fprintf(err, _("klantreis: unknown option '-%c'\n"), optopt);
			else if (optopt)
				fprintf(err, _("klantreis: option '%s' needs a value (%s=...)\n"),
					argv[optind - 1], argv[optind - 1]);
			else
				fprintf(err, _("klantreis: unknown option '%s'\n"), argv[optind - 1]);
			try_help(err);
			return false;
		}
		const struct opt *o = &opts[r - 256];
		seen[r - 256] = true;
		if (o->kind == K_MODE || o->kind == K_MODE_STR) {
			if (o->mode == CLI_HELP || o->mode == CLI_VERSION) {
				/* GNU: --help and --version win at once. */
				c->cmd = o->mode;
				c->cmd_option = o->name;
				return true;
			}
			if (c->cmd != CLI_GUIDE && c->cmd != o->mode) {
				fprintf(err, _("klantreis: --%s and --%s do not go together\n"), c->cmd_option,
					o->name);
				try_help(err);
				return false;
			}
			c->cmd = o->mode;
			c->cmd_option = o->name;
		}
		if (!set_value(c, o, optarg, err))
			return false;
	}
	if (optind < argc) {
		fprintf(err, _("klantreis: unexpected argument '%s'\n"), argv[optind]);
		try_help(err);
		return false;
	}
	if (!check_all(c, seen, err))
		return false;
	if (c->trainer)
		c->show_ids = true;
	return true;
}

/* One option's help line(s): "  --name=VALUE" in a column of 20, the
 * help wrapped beside it (by display width: Cyrillic help stays in its
 * column). */
static void usage_opt(FILE *out, const struct opt *o)
{
	enum { COL = 20, WIDTH = 79 };
	char *left = xasprintf("  --%s%s%s", o->name, o->metavar ? "=" : "", o->metavar ? o->metavar : "");
	char *help;
	if (strcmp(o->name, "lang") == 0) {
		char *l = lang_list();
		help = xasprintf(_(o->help), l);
		free(l);
	} else if (strcmp(o->name, "kiosk-config") == 0) {
		/* The path is not part of the msgid: xgettext cannot see
		 * through a macro in the middle of a string. */
		help = xasprintf(_(o->help), KIOSK_CONFIG_DEFAULT);
	} else {
		help = xstrdup(_(o->help));
	}
	struct wrap_lines l = {0};
	wrap_text(help, WIDTH - COL, &l);
	int lw = wrap_width(left);
	for (size_t i = 0; i < l.n; i++) {
		if (i == 0 && lw <= COL - 2)
			fprintf(out, "%s%*s%s\n", left, COL - lw, "", l.lines[0]);
		else if (i == 0)
			fprintf(out, "%s  %s\n", left, l.lines[0]);
		else
			fprintf(out, "%*s%s\n", COL, "", l.lines[i]);
	}
	wrap_lines_free(&l);
	free(help);
	free(left);
}

void cli_usage(FILE *out)
{
	fprintf(out, _("Usage: %s [OPTION]...\n"
		       "A step-by-step guide from arrival in the Netherlands to suitable work,\n"
		       "for people displaced from Ukraine.\n\n"),
		"klantreis");
	for (size_t i = 0; i < N_OPTS; i++)
		usage_opt(out, &opts[i]);
	fputc('\n', out);
	fputs(_("Exit status: 0 success, 1 content errors, 2 usage errors.\n"), out);
	fprintf(out, _("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
}
