/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "check.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/util.h"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Every translatable text of the set, each once (sorted). */
static size_t collect_msgids(const struct journey_set *set, const char ***out)
{
	const char **v = NULL;
	size_t n = 0, cap = 0;
#define ADD(s)                                                           \
	do {                                                             \
		if ((s) && *(s)) {                                       \
			xgrow((void **)&v, &cap, n + 1, sizeof(*v));     \
			v[n++] = (s);                                    \
		}                                                        \
	} while (0)
	for (size_t i = 0; i < set->n_journeys; i++) {
		ADD(set->journeys[i]->title);
		ADD(set->journeys[i]->summary);
	}
	for (size_t i = 0; i < set->n_steps; i++) {
		const struct step *s = set->steps[i];
		ADD(s->title);
		for (size_t k = 0; k < s->n_paras; k++)
			ADD(s->paras[k].text);
		for (size_t k = 0; k < s->n_tasks; k++)
			ADD(s->tasks[k].text);
		for (size_t k = 0; k < s->n_links; k++)
			ADD(s->links[k].text);
		for (size_t k = 0; k < s->n_options; k++)
			ADD(s->options[k].text);
	}
	for (size_t i = 0; i < set->n_terms; i++)
		ADD(set->terms[i].definition);
#undef ADD
	if (n)
		qsort(v, n, sizeof(*v), cmp_str);
	size_t u = 0;
	for (size_t i = 0; i < n; i++)
		if (!u || strcmp(v[u - 1], v[i]) != 0)
			v[u++] = v[i];
	*out = v;
	return u;
}

int check_run(const char *dir, const struct check_options *opt, FILE *out)
{
	struct diag_list diags;
	diag_init(&diags);
	struct journey_set *set = journey_set_load(dir, &diags);
	journey_set_validate(set, opt, &diags);
	diag_sort(&diags);
	for (size_t i = 0; i < diags.n; i++)
		diag_print(&diags.items[i], out);

	fprintf(out, "klantreis: %zu journeys, %zu steps, %zu tasks, %zu glossary terms: ",
		set->n_journeys, set->n_steps, set->n_tasks, set->n_terms);
	fprintf(out, "%zu %s, %zu %s\n", diags.errors, diags.errors == 1 ? "error" : "errors",
		diags.warnings, diags.warnings == 1 ? "warning" : "warnings");

	/* Translation coverage: each language's catalogue is asked for every
	 * journey text, by the key the program uses at run time. */
	const char **ids;
	size_t n = collect_msgids(set, &ids);
	char keep[8];
	snprintf(keep, sizeof keep, "%s", i18n_lang());
	for (size_t l = 1; l < i18n_n_langs; l++) {
		i18n_set_lang(i18n_langs[l].code);
		size_t done = 0;
		for (size_t i = 0; i < n; i++) {
			const char *t = gettext(ids[i]);
			done += t != ids[i]; /* gettext returns the key itself when untranslated */
		}
		fprintf(out, "%s: %zu/%zu strings translated (%zu%%)\n", i18n_langs[l].code, done, n,
			n ? done * 100 / n : 100);
	}
	i18n_set_lang(keep);
	free(ids);

	int status = diags.errors ? 1 : 0;
	diag_free(&diags);
	journey_set_free(set);
	return status;
}
