/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line (DESIGN.md section 4): one table of options, parsed
 * into one struct; the usage text is made from the table. A new option is
 * one row in cli.c and one field here.
 *
 *   struct cli c;
 *   if (!cli_parse(&c, argc, argv, stderr))
 *           return CLI_EXIT_USAGE;      // the message is printed
 *   return cmd_run(&c);                 // cmd.h
 */
#ifndef KLANTREIS_CLI_H
#define KLANTREIS_CLI_H

#include <stdbool.h>
#include <stdio.h>

enum { CLI_EXIT_CONTENT = 1, CLI_EXIT_USAGE = 2 };

/* What the program does; the modes exclude each other. */
enum cli_cmd {
	CLI_GUIDE,       /* the guide (full screen or plain): no mode option */
	CLI_KIOSK,       /* --kiosk */
	CLI_CHECK,       /* --check */
	CLI_EXPORT,      /* --export=FORMAT */
	CLI_PATHS,       /* --paths */
	CLI_EXPORT_PLAN, /* --export-plan=FILE */
	CLI_HASH_PIN,    /* --hash-pin */
	CLI_HELP,        /* --help (wins over everything) */
	CLI_VERSION,     /* --version */
};

struct cli {
	enum cli_cmd cmd;
	const char *cmd_option; /* the option that chose cmd, as written */
	const char *lang, *journeys, *start, *today, *kiosk_config;
	const char *export_format, *export_plan; /* the mode options' values */
	const char *replay, *record; /* walk-throughs (docs/walkthroughs.md) */
	bool plain, show_ids, no_save, trainer;
	int idle, countdown; /* seconds; 0 when not given */
};

/* Fill `c` from the arguments. A usage error (unknown option, missing or
 * bad value, two modes, an option of another mode) is printed to `err`
 * in the current language and false returned. The strings point into
 * argv. */
bool cli_parse(struct cli *c, int argc, char **argv, FILE *err);

/* --help, made from the option table; each option's help is one msgid. */
void cli_usage(FILE *out);

/* The name of a mode, as its option is written ("--check"). */
const char *cli_cmd_option(enum cli_cmd cmd);

#endif
