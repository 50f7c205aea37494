/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The parts of the klantreis in the order a person takes them, as the
 * hub's menu lists them (the step with options into the most other
 * journeys): the hub first, then each part in menu order, then any
 * journey the menu does not name. A menu option into the middle of a
 * journey ("work:find") makes a part of its own: the journey's steps from
 * that step on, in document order. Used by the booklet, the outline and
 * the overview map, so that trainers see one order everywhere. */
#ifndef KLANTREIS_PARTS_H
#define KLANTREIS_PARTS_H

#include <stddef.h>

#include "journey.h"

struct part {
	const struct journey *journey;
	size_t first, end;   /* the steps journey->steps[first..end) */
	const struct step *entry; /* where the part starts */
	const char *title;   /* msgid: the journey's title, or the menu option's text */
	const char *summary; /* msgid or NULL: the journey's summary (whole-journey parts) */
};

/* The parts (malloc'd array, *n_out of them); every step of the set is in
 * exactly one part. `menu_out` (may be NULL) gets the menu step or NULL. */
struct part *parts_of(const struct journey_set *set, size_t *n_out, const struct step **menu_out);

/* The part a step belongs to (index into `parts`). */
size_t parts_find(const struct part *parts, size_t n, const struct step *s);

/* "work:" for a part that is a whole journey, "work:find" for one that
 * starts inside it (malloc'd). */
char *part_ref(const struct part *p);

/* Where an end step leads on, the same in every front end: the part after
 * `here`'s in the menu's order (the menu option into it), then the menu
 * itself. Fills to[] and labels[] (labels[i] is the option's msgid, or
 * NULL for the menu: "Choose a part") and returns how many (0 to 2).
 * Quitting is each front end's own. */
size_t parts_onward(const struct journey_set *set, const struct step *here, const struct step *to[2],
		    const char *labels[2]);

#endif
