/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Whole-journey exports for trainers and content review, in the current
 * language: a graph (Graphviz dot, Mermaid), a readable booklet (Markdown)
 * and the list of every path from the start to an end step. */
#ifndef KLANTREIS_EXPORT_H
#define KLANTREIS_EXPORT_H

#include <stdio.h>

#include "core/journey.h"
#include "core/session.h"

enum export_format { EXPORT_DOT, EXPORT_MERMAID, EXPORT_MARKDOWN };

/* Parse "dot", "mermaid", "markdown"; -1 when unknown. */
int export_format_parse(const char *s);
/* markdown: the booklet, every part in the klantreis order (core/parts.h)
 * after a table of contents. dot: `only` NULL draws the overview (one box
 * a part and the links between parts), else that journey's steps.
 * mermaid: every step, or only those of `only`. */
void export_graph(const struct journey_set *set, enum export_format fmt, const struct journey *only,
		  FILE *out);

/* Every distinct path (no step twice) from `start` to an end step, with
 * its action plan, then the count. With `stay_in`, a path also ends where
 * it leaves that journey (the part is counted on its own) and the
 * distinct plans are counted. Lists at most `max_paths` paths; without
 * `stay_in`, gives up past `max_paths` paths or `max_visits` steps
 * explored, and then counts every part on its own. */
struct paths_result {
	size_t paths, visits, listed;
	size_t plans;             /* distinct action plans (with stay_in) */
	size_t shortest, longest; /* in shown steps */
	int complete;             /* 0 when a limit was hit */
};
struct paths_result export_paths(const struct journey_set *set, const struct step *start,
				 const struct journey *stay_in, size_t max_paths, size_t max_visits,
				 FILE *out);

/* The person's action plan as text (.txt) or Markdown (.md), with links,
 * in the current language. */
void export_plan(struct session *s, int markdown, FILE *out);
/* The same, in memory (malloc'd, *len bytes and a NUL): for the saved
 * file, the printer and --export-plan. NULL when memory ran out. */
char *export_plan_text(struct session *s, int markdown, size_t *len);

#endif
