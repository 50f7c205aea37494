/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where the journeys and catalogues are, and "today": shared by the guide
 * and the compiler (klantreis-compile). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "config.h"
#include "core/facts.h"
#include "core/i18n.h"
#include "core/util.h"

/* The programs in the build tree read the source tree's journeys and the
 * build tree's catalogues; the installed ones their data directory. */
bool content_in_build_tree(void)
{
	static int known = -1;
	if (known < 0) {
		char self[PATH_MAX];
		ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
		if (n > 0)
			self[n] = '\0';
		known = n > 0 && (strcmp(self, BUILD_ROOT "/src/klantreis") == 0 ||
				  strcmp(self, BUILD_ROOT "/src/klantreis-compile") == 0);
	}
	return known;
}

const char *content_localedir(void)
{
	/* A translator tries a catalogue without installing it. */
	const char *dir = getenv("KLANTREIS_LOCALEDIR");
	if (dir && *dir)
		return dir;
	return content_in_build_tree() ? BUILD_ROOT "/po" : LOCALEDIR;
}

const char *content_dir(const struct cli *c)
{
	if (c->journeys)
		return c->journeys;
	return content_in_build_tree() ? SOURCE_ROOT "/journeys" : JOURNEYS_DIR;
}

struct check_options content_check_options(void)
{
	return (struct check_options){.today = facts_today(), .review_months = 18, .expiry_days = 60};
}

/* "Today" for the calendar (DESIGN 3.1): --today (checked by cli_parse),
 * else KLANTREIS_TODAY, else the system date. */
bool content_set_today(const struct cli *c)
{
	const char *env = getenv("KLANTREIS_TODAY");
	const char *v = c->today ? c->today : env && *env ? env : NULL;
	long d;
	if (!v)
		return true;
	if (date_parse(v, &d) != 0) {
		fprintf(stderr, _("klantreis: KLANTREIS_TODAY=%s: give a date as YYYY-MM-DD\n"), v);
		return false;
	}
	facts_set_today(d);
	return true;
}
