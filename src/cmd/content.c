/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where the journeys and catalogues are, and opening the journeys. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "config.h"
#include "core/facts.h"
#include "core/i18n.h"

/* The program in the build tree reads the source tree's journeys and the
 * build tree's catalogues; the installed one its data directory. */
static bool in_build_tree(void)
{
	static int known = -1;
	if (known < 0) {
		char self[PATH_MAX];
		ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
		if (n > 0)
			self[n] = '\0';
		known = n > 0 && strcmp(self, BUILD_ROOT "/src/klantreis") == 0;
	}
	return known;
}

const char *content_localedir(void) { return in_build_tree() ? BUILD_ROOT "/po" : LOCALEDIR; }

const char *content_dir(const struct cli *c)
{
	if (c->journeys)
		return c->journeys;
	return in_build_tree() ? SOURCE_ROOT "/journeys" : JOURNEYS_DIR;
}

struct check_options content_check_options(void)
{
	return (struct check_options){.today = facts_today(), .review_months = 18, .expiry_days = 60};
}

struct journey_set *content_open(const struct cli *c, int *status)
{
	const char *dir = content_dir(c);
	struct diag_list diags;
	diag_init(&diags);
	struct journey_set *set = journey_set_load(dir, &diags);
	struct check_options copt = content_check_options();
	if (!diags.errors)
		journey_set_validate(set, &copt, &diags);
	if (!diags.errors) {
		diag_free(&diags);
		return set;
	}
	diag_sort(&diags);
	for (size_t i = 0; i < diags.n; i++)
		if (diags.items[i].severity == DIAG_ERROR)
			diag_print(&diags.items[i], stderr);
	fprintf(stderr, _("klantreis: the journeys in %s have errors; run 'klantreis --check'.\n"), dir);
	diag_free(&diags);
	journey_set_free(set);
	*status = CLI_EXIT_CONTENT;
	return NULL;
}
