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
void export_graph(const struct journey_set *set, enum export_format fmt, FILE *out);

/* Every distinct path (no step twice) from `start` to an end step, with
 * its action plan, then the count. Gives up cleanly past `max_paths`
 * printed paths or `max_visits` steps explored, and says so. Returns the
 * number of paths found (at least that many when it gave up). */
struct paths_result {
	size_t paths, visits;
	size_t shortest, longest; /* in shown steps */
	int complete;             /* 0 when a limit was hit */
};
struct paths_result export_paths(const struct journey_set *set, const struct step *start,
				 size_t max_paths, size_t max_visits, FILE *out);

/* The person's action plan as text (.txt) or Markdown (.md), with links,
 * in the current language. */
void export_plan(struct session *s, int markdown, FILE *out);

#endif
