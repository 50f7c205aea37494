/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every front end and export shows the same way, made in one place:
 * an option's label (with the trainer's note), the trainer's "shown when
 * …", and the glossary words on a screen or in the plan. The plain and
 * full-screen interfaces, the kiosk and the exports call these; none of
 * them builds its own. Texts come back translated into the language set
 * now, malloc'd, not yet sanitised for a terminal. */
#ifndef KLANTREIS_PRESENT_H
#define KLANTREIS_PRESENT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/journey.h"
#include "core/session.h"

/* "shown when the answer to … is …" / "shown from 4 March 2027". */
char *present_shown(const struct cond *when, const struct journey_set *set,
		    const struct journey *from);
/* The same in brackets, for a paragraph: "(shown …)". */
char *present_shown_para(const struct cond *when, const struct journey_set *set,
			 const struct journey *from);
/* Option `i` of the view as it is labelled; for trainers followed by the
 * answer it stores and the condition that lets it show:
 * "Yes  [diploma=yes; shown when …]". */
char *present_option(const struct journey_set *set, const struct view *v, size_t i, bool trainer);

/* An end step's way on (parts_onward): "Go on with the next part: NAME"
 * for the next part's label (a msgid), or "Choose a part of the
 * klantreis" for NULL (the hub). */
char *present_onward(const char *next_part);

/* Glossary terms, each once, into out[] (room for set->n_terms): in
 * every text the step's screen shows; in the tasks of the plan. */
size_t present_view_terms(const struct journey_set *set, const struct view *v,
			  const struct term **out);
size_t present_plan_terms(const struct journey_set *set, struct session *s, const struct term **out);

#endif
