/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journey model's lookups and its release: shared by the XML loader
 * (loader.c) and the image reader (image.c), so that the program that draws
 * screens needs no XML parser. */
#include "journey.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>

#include "facts.h"
#include "util.h"

void journey_set_free(struct journey_set *set)
{
	if (!set)
		return;
	if (facts_in_use() == set)
		facts_use(NULL);
	arena_free(set->arena);
	if (set->image_mapped)
		munmap(set->image, set->image_len);
	else
		free(set->image);
	free(set);
}

/* ---- lookups ---- */

bool journey_id_valid(const char *s)
{
	if (!s || !((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return false;
	return true;
}

const struct journey *journey_set_find(const struct journey_set *set, const char *id)
{
	size_t lo = 0, hi = set->n_journeys;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(set->journeys[mid]->id, id);
		if (c == 0)
			return set->journeys[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct step *journey_find_step(const struct journey *j, const char *id)
{
	size_t lo = 0, hi = j->by_id ? j->n_steps : 0;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(j->by_id[mid].id, id);
		if (c == 0) {
			/* The first of duplicates, as the error message says. */
			while (mid > 0 && strcmp(j->by_id[mid - 1].id, id) == 0)
				mid--;
			return j->by_id[mid].step;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct step *journey_set_resolve(const struct journey_set *set, const struct journey *from,
				       const char *ref)
{
	if (!ref)
		return NULL;
	const char *colon = strchr(ref, ':');
	if (!colon)
		return from ? journey_find_step(from, ref) : NULL;
	char jid[128];
	if ((size_t)(colon - ref) >= sizeof jid)
		return NULL;
	memcpy(jid, ref, (size_t)(colon - ref));
	jid[colon - ref] = '\0';
	const struct journey *j = journey_set_find(set, jid);
	if (!j)
		return NULL;
	return colon[1] ? journey_find_step(j, colon + 1) : j->start;
}

const struct term *journey_set_term(const struct journey_set *set, const char *name)
{
	for (size_t i = 0; i < set->n_terms; i++) {
		const struct term *t = &set->terms[i];
		if (strcasecmp(t->name, name) == 0)
			return t;
		for (size_t k = 0; k < t->n_also; k++)
			if (strcasecmp(t->also[k], name) == 0)
				return t;
	}
	return NULL;
}

const struct step *journey_settle(const struct journey_set *set, const struct step *t,
				  cond_lookup_fn lookup, void *ctx)
{
	for (size_t hops = 0; t && t->nav == NAV_ROUTE; hops++) {
		if (hops > set->n_steps)
			return NULL;
		const struct step *next = NULL;
		bool taken = false;
		for (size_t g = 0; g < t->n_gos && !taken; g++)
			if (cond_eval(t->gos[g].when, lookup, ctx)) {
				next = t->gos[g].go.step;
				taken = true;
			}
		t = next;
	}
	return t;
}

size_t journey_step_edges(const struct step *s, struct step_edge *out)
{
	size_t n = 0;
	for (size_t o = 0; o < s->n_options; o++)
		out[n++] = (struct step_edge){EDGE_OPTION, o, s->options[o].when, s->options[o].go.step};
	for (size_t g = 0; g < s->n_gos; g++)
		out[n++] = (struct step_edge){EDGE_GO, g, s->gos[g].when, s->gos[g].go.step};
	if (s->nav == NAV_NEXT || s->next.step)
		out[n++] = (struct step_edge){EDGE_NEXT, 0, NULL, s->next.step};
	return n;
}
