/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The image reader (docs/image-format.md): any bytes are refused with a
 * reason or read into a model whose every pointer stays inside what was
 * read; the model is walked as the guide would (lookups, conditions). */
#include "fuzz_util.h"

#include "core/cond.h"
#include "core/image.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static const char *lookup(void *ctx, const char *var)
{
	(void)ctx;
	return var[0] == 'a' ? "yes" : NULL;
}

static size_t walk_cond(const struct cond *c)
{
	if (!c)
		return 0;
	cond_eval(c, lookup, NULL);
	cond_on_day(c, 20500);
	char *f = cond_format(c);
	size_t n = strlen(f);
	free(f);
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	void *copy = xmalloc(size ? size : 1);
	memcpy(copy, data, size);
	const char *why = NULL;
	struct journey_set *set = image_read(copy, size, "/fuzz", &why);
	if (!set) {
		if (!why || !*why)
			abort(); /* every refusal says why */
		return 0;
	}
	size_t n = 0;
	for (size_t i = 0; i < set->n_journeys; i++) {
		const struct journey *j = set->journeys[i];
		n += strlen(j->id) + strlen(j->file);
		if (journey_set_find(set, j->id) == NULL && i == 0)
			n++;
		for (size_t k = 0; k < j->n_steps; k++) {
			const struct step *s = &j->steps[k];
			if (s->journey != j || set->steps[s->index] != s)
				abort();
			n += strlen(s->id) + (s->title ? strlen(s->title) : 0);
			(void)journey_find_step(j, s->id);
			for (size_t p = 0; p < s->n_paras; p++)
				n += walk_cond(s->paras[p].when) + (s->paras[p].text ? strlen(s->paras[p].text) : 0);
			for (size_t o = 0; o < s->n_options; o++) {
				n += walk_cond(s->options[o].when);
				if (s->options[o].go.step)
					n += strlen(s->options[o].go.step->id);
				if (s->options[o].go.ref)
					(void)journey_set_resolve(set, j, s->options[o].go.ref);
			}
			for (size_t g = 0; g < s->n_gos; g++)
				n += walk_cond(s->gos[g].when);
			for (size_t t = 0; t < s->n_tasks; t++)
				n += strlen(s->tasks[t].id) + walk_cond(s->tasks[t].when);
		}
	}
	for (size_t i = 0; i < set->n_terms; i++) {
		n += strlen(set->terms[i].name);
		for (size_t k = 0; k < set->terms[i].n_also; k++)
			n += strlen(set->terms[i].also[k]);
	}
	for (size_t i = 0; i < set->n_facts; i++)
		for (size_t k = 0; k < set->facts[i].n_values; k++)
			n += set->facts[i].values[k].text ? strlen(set->facts[i].values[k].text) : 0;
	if (n == (size_t)-1)
		abort();
	journey_set_free(set);
	return 0;
}
