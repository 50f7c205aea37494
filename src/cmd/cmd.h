/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The commands: one small function each, chosen by the mode on the
 * command line (cli.h). Each returns the exit status (0, CLI_EXIT_CONTENT
 * or CLI_EXIT_USAGE) after saying what went wrong on stderr. */
#ifndef KLANTREIS_CMD_H
#define KLANTREIS_CMD_H

#include "cli.h"
#include "core/journey.h"

/* Set "today", then run the command `c` chose. */
int cmd_run(const struct cli *c);

int cmd_guide(const struct cli *c);       /* the guide and --kiosk (guide.c) */
int cmd_check(const struct cli *c);       /* --check (export.c) */
int cmd_export(const struct cli *c);      /* --export (export.c) */
int cmd_paths(const struct cli *c);       /* --paths (export.c) */
int cmd_export_plan(const struct cli *c); /* --export-plan (export.c) */
int cmd_hash_pin(const struct cli *c);    /* --hash-pin (hash_pin.c) */

/* ---- the content (content.c): the one place that finds and opens it ---- */

/* True for the programs in the build tree (they read the source tree's
 * journeys and the build tree's catalogues and image). */
bool content_in_build_tree(void);
/* Where the catalogues are: the build tree's when this is the program in
 * the build tree, else the installed ones. */
const char *content_localedir(void);
/* --journeys, else the build tree's or the installed journeys. */
const char *content_dir(const struct cli *c);
/* The check options for "today" (after cmd_run set it). */
struct check_options content_check_options(void);
/* Set "today" from --today or KLANTREIS_TODAY; false (message printed)
 * when the variable is no date. */
bool content_set_today(const struct cli *c);
/* The guide's command line, for the commands it hands to the compiler. */
void content_set_argv(char **argv);
/* The compiler, klantreis-compile: the build tree's or the installed one. */
const char *content_compiler(void);
/* Open the compiled journeys (open.c). The installed guide maps only the
 * installed image. With --journeys, or in the build tree, the XML files
 * are hashed: an image with that hash (the build's, DIR/journeys.kji, or
 * $XDG_CACHE_HOME/klantreis/HASH.kji) is mapped, else the compiler makes
 * one (cached, except in kiosk mode, which writes nothing). On errors,
 * prints them and the hint to run --check, sets *status to
 * CLI_EXIT_CONTENT and returns NULL. */
struct journey_set *content_open(const struct cli *c, int *status);

#endif
