/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "parts.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The ask step whose options lead into the most other journeys (at least
 * two): the menu of the klantreis. Ties go to the first in set order. */
static const struct step *find_menu(const struct journey_set *set)
{
	const struct step *best = NULL;
	size_t best_n = 1;
	const struct journey **seen = xcalloc(set->n_journeys + 1, sizeof(*seen));
	for (size_t i = 0; i < set->n_steps; i++) {
		const struct step *s = set->steps[i];
		if (s->nav != NAV_ASK)
			continue;
		size_t n = 0;
		for (size_t o = 0; o < s->n_options; o++) {
			const struct step *to = s->options[o].go.step;
			if (!to || to->journey == s->journey)
				continue;
			bool dup = false;
			for (size_t k = 0; k < n && !dup; k++)
				dup = seen[k] == to->journey;
			if (!dup)
				seen[n++] = to->journey;
		}
		if (n > best_n) {
			best = s;
			best_n = n;
		}
	}
	free(seen);
	return best;
}

static size_t step_pos(const struct step *s) { return (size_t)(s - s->journey->steps); }

struct part *parts_of(const struct journey_set *set, size_t *n_out, const struct step **menu_out)
{
	const struct step *menu = find_menu(set);
	if (menu_out)
		*menu_out = menu;
	const struct journey *hub = menu ? menu->journey : journey_set_find(set, "klantreis");
	/* Entries in order: (journey, first step, title). */
	struct entry {
		const struct journey *j;
		size_t first;
		const char *title;
	} *e = xcalloc(set->n_journeys + (menu ? menu->n_options : 0) + 1, sizeof(*e));
	size_t ne = 0;
	if (hub)
		e[ne++] = (struct entry){hub, 0, hub->title};
	for (size_t o = 0; menu && o < menu->n_options; o++) {
		const struct step *to = menu->options[o].go.step;
		if (!to || to->journey == hub)
			continue;
		size_t first = to == to->journey->start ? 0 : step_pos(to);
		bool dup = false;
		for (size_t k = 0; k < ne && !dup; k++)
			dup = e[k].j == to->journey && e[k].first == first;
		if (!dup)
			e[ne++] = (struct entry){to->journey, first,
						 first ? menu->options[o].text : to->journey->title};
	}
	for (size_t i = 0; i < set->n_journeys; i++) {
		const struct journey *j = set->journeys[i];
		bool dup = false;
		for (size_t k = 0; k < ne && !dup; k++)
			dup = e[k].j == j && e[k].first == 0;
		if (!dup)
			e[ne++] = (struct entry){j, 0, j->title};
	}
	struct part *p = xcalloc(ne + 1, sizeof(*p));
	for (size_t k = 0; k < ne; k++) {
		/* A journey the menu splits is named by the menu's words for
		 * each piece ("Your rights at work", "Finding suitable work"). */
		for (size_t m = 0; m < ne && !e[k].first && menu; m++)
			if (m != k && e[m].j == e[k].j)
				for (size_t o = 0; o < menu->n_options; o++)
					if (menu->options[o].go.step == e[k].j->start)
						e[k].title = menu->options[o].text;
		/* A part ends where the next part of its journey starts. */
		size_t end = e[k].j->n_steps;
		for (size_t m = 0; m < ne; m++)
			if (e[m].j == e[k].j && e[m].first > e[k].first && e[m].first < end)
				end = e[m].first;
		p[k] = (struct part){e[k].j, e[k].first, end,
				     e[k].first ? &e[k].j->steps[e[k].first]
						: e[k].j->start ? e[k].j->start : &e[k].j->steps[0],
				     e[k].title, e[k].title == e[k].j->title ? e[k].j->summary : NULL};
	}
	free(e);
	*n_out = ne;
	return p;
}

size_t parts_find(const struct part *parts, size_t n, const struct step *s)
{
	size_t pos = step_pos(s);
	for (size_t i = 0; i < n; i++)
		if (parts[i].journey == s->journey && pos >= parts[i].first && pos < parts[i].end)
			return i;
	return 0;
}

char *part_ref(const struct part *p)
{
	if (!p->first)
		return xasprintf("%s:", p->journey->id);
	return xasprintf("%s:%s", p->journey->id, p->entry->id);
}

size_t parts_onward(const struct journey_set *set, const struct step *here, const struct step *to[2],
		    const char *labels[2])
{
	const struct step *menu = find_menu(set);
	if (!menu)
		return 0;
	size_t n = 0;
	bool seen = false;
	for (size_t i = 0; i < menu->n_options; i++) {
		const struct step *go = menu->options[i].go.step;
		if (!go || go->journey == menu->journey)
			continue;
		if (go->journey == here->journey) {
			seen = true;
		} else if (seen) {
			to[n] = go;
			labels[n++] = menu->options[i].text;
			break;
		}
	}
	to[n] = menu;
	labels[n++] = NULL;
	return n;
}
