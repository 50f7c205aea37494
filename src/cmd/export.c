/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The commands that print content and exit: --export, --paths,
 * --export-plan (--check is klantreis-compile's: open.c). */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cmd/cmd.h"
#include "core/i18n.h"
#include "core/store.h"
#include "core/util.h"
#include "export.h"

/* The default start is the hub's first step; a --start that names it is
 * taken as no --start. */
static bool start_given(const struct cli *c) { return strcmp(c->start, "klantreis:start") != 0; }

/* The content and the step --start names; NULL (status set, message
 * printed) when either fails. */
static struct journey_set *open_at_start(const struct cli *c, const struct step **start, int *status)
{
	struct journey_set *set = content_open(c, status);
	if (!set)
		return NULL;
	*start = journey_set_resolve(set, NULL, c->start);
	if (*start)
		return set;
	fprintf(stderr, _("klantreis: --start=%s: no such journey or step\n"), c->start);
	journey_set_free(set);
	*status = CLI_EXIT_USAGE;
	return NULL;
}

static int flushed(void) { return fflush(stdout) != 0 || ferror(stdout) ? CLI_EXIT_CONTENT : 0; }

int cmd_export(const struct cli *c)
{
	int status = 0;
	const struct step *start;
	struct journey_set *set = open_at_start(c, &start, &status);
	if (!set)
		return status;
	i18n_set_lang(c->lang ? c->lang : "en");
	/* --start names the journey to draw; without it, every part. */
	export_graph(set, (enum export_format)export_format_parse(c->export_format),
		     start_given(c) ? start->journey : NULL, stdout);
	journey_set_free(set);
	return flushed();
}

/* A part to name in advice: the first one that is not where we are. */
static const char *example_part(const struct journey_set *set, const struct step *start)
{
	for (size_t i = 0; i < set->n_journeys; i++)
		if (set->journeys[i] != start->journey)
			return set->journeys[i]->id;
	return start->journey->id;
}

int cmd_paths(const struct cli *c)
{
	int status = 0;
	const struct step *start;
	struct journey_set *set = open_at_start(c, &start, &status);
	if (!set)
		return status;
	i18n_set_lang(c->lang ? c->lang : "en");
	/* --start=JOURNEY: lists that part on its own: its paths end where
	 * it leads into another part. */
	const struct journey *part = start_given(c) ? start->journey : NULL;
	struct paths_result r = export_paths(set, start, part, 2000, 2000000, stdout);
	if (part && r.listed < r.paths)
		printf(_("Listed the first %zu paths.\n"), r.listed);
	if (part && r.complete)
		printf(ngettext("%zu path from %s within the part %s: (%zu to %zu steps); different action plans: %zu.\n",
				"%zu paths from %s within the part %s: (%zu to %zu steps); different action plans: %zu.\n",
				r.paths),
		       r.paths, c->start, part->id, r.shortest, r.longest, r.plans);
	else if (r.complete)
		printf(ngettext("%zu path from %s to an end step (%zu to %zu steps).\n",
				"%zu paths from %s to an end step (%zu to %zu steps).\n", r.paths),
		       r.paths, c->start, r.shortest, r.longest);
	else
		printf(_("More than %zu paths from %s (stopped after %zu steps explored); listed the first %zu. "
			 "To see every path of one part, for example: klantreis --paths --start=%s:\n"),
		       r.paths, c->start, r.visits, r.listed, example_part(set, start));
	journey_set_free(set);
	return flushed();
}

int cmd_export_plan(const struct cli *c)
{
	int status = 0;
	struct journey_set *set = content_open(c, &status);
	if (!set)
		return status;
	struct app app = {.set = set, .start = c->start};
	app.session = session_new(set);
	if (session_start(app.session, c->start) != SESSION_OK) {
		fprintf(stderr, _("klantreis: --start=%s: no such journey or step\n"), c->start);
		app_free(&app);
		journey_set_free(set);
		return CLI_EXIT_USAGE;
	}
	char saved_lang[8] = "";
	if (!c->no_save)
		app.save_path = store_default_path();
	app_resume(&app, saved_lang);
	if (!app.saved_text) {
		char *n = app_take_notice(&app);
		fprintf(stderr, _("klantreis: there is no saved plan to export%s%s\n"), n ? ": " : ".",
			n ? n : "");
		free(n);
		status = CLI_EXIT_CONTENT;
	} else {
		i18n_set_lang(c->lang ? c->lang : saved_lang[0] ? saved_lang : "en");
		size_t fl = strlen(c->export_plan);
		bool md = fl > 3 && strcmp(c->export_plan + fl - 3, ".md") == 0;
		size_t len;
		char *buf = export_plan_text(app.session, md, &len);
		char *err = NULL;
		if (!buf) {
			fprintf(stderr, "klantreis: %s\n", strerror(ENOMEM));
			status = CLI_EXIT_CONTENT;
		} else if (!app_write_export(c->export_plan, buf, &err)) {
			fprintf(stderr, "klantreis: %s\n", err);
			free(err);
			status = CLI_EXIT_CONTENT;
		}
		free(buf);
	}
	app_free(&app);
	journey_set_free(set);
	return status;
}
