/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application state shared by the front ends: one struct, passed
 * explicitly. */
#ifndef KLANTREIS_APP_H
#define KLANTREIS_APP_H

#include <stdbool.h>
#include <stdio.h>

#include "core/journey.h"
#include "core/session.h"

struct app {
	struct journey_set *set;
	struct session *session;
	const char *start;   /* --start, default "klantreis:start" */
	bool lang_given;     /* --lang: skip the language picker */
	bool show_ids;       /* --show-ids */
	int width;           /* plain: $COLUMNS or 80 */
};

/* Plain, line-oriented interface (DESIGN.md section 5). Reads commands from
 * `in` until end of input or `q`; returns the exit status. */
int plain_run(struct app *app, FILE *in, FILE *out);

#endif
