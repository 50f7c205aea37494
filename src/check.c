/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "check.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/facts.h"
#include "core/i18n.h"
#include "core/util.h"

/* A translatable text and the first place it appears. */
struct msg {
	const char *id, *file;
	int line;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_msg(const void *a, const void *b)
{
	const struct msg *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	if (c)
		return c;
	c = strcmp(x->file, y->file);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

struct collect {
	struct msg *v;
	size_t n, cap;
};

static void collect_one(void *ctx, const char *text, const char *file, int line)
{
	struct collect *c = ctx;
	if (!text || !*text)
		return;
	xgrow((void **)&c->v, &c->cap, c->n + 1, sizeof(*c->v));
	c->v[c->n++] = (struct msg){text, file, line};
}

/* Every translatable text of the set, each once (sorted by msgid). */
static size_t collect_msgids(const struct journey_set *set, struct msg **out)
{
	struct collect c = {0};
	journey_set_each_text(set, collect_one, &c);
	struct msg *v = c.v;
	size_t n = c.n;
	if (n)
		xqsort(v, n, sizeof(*v), cmp_msg);
	size_t u = 0;
	for (size_t i = 0; i < n; i++)
		if (!u || strcmp(v[u - 1].id, v[i].id) != 0)
			v[u++] = v[i];
	*out = v;
	return u;
}

/* items[0..n) sorted and joined with spaces, as one string; the items
 * and the array are freed. */
static char *sorted_join(char **items, size_t n)
{
	if (n)
		xqsort(items, n, sizeof(*items), cmp_str);
	struct strbuf b;
	sb_init(&b);
	sb_add(&b, "", 0);
	for (size_t i = 0; i < n; i++) {
		sb_printf(&b, "%s%s", i ? " " : "", items[i]);
		free(items[i]);
	}
	free(items);
	return sb_steal(&b);
}

/* The placeholders of a text ({FACT-ID}), sorted, as one string. */
static char *placeholders(const char *s)
{
	char **items = NULL;
	size_t n = 0, cap = 0, len;
	const char *id;
	for (const char *p = s; (p = facts_next_placeholder(p, &id, &len, NULL)); p = id + len + 1) {
		xgrow((void **)&items, &cap, n + 1, sizeof(*items));
		items[n++] = xstrndup(id - 1, len + 2);
	}
	return sorted_join(items, n);
}

/* The things a translation must keep exactly: every group of digits (phone
 * numbers, amounts, dates) and every web address, as one sorted list. */
static char *invariants(const char *s)
{
	char **items = NULL;
	size_t n = 0, cap = 0;
	for (const char *p = s; *p;) {
		size_t len = 0;
		if (strncmp(p, "http://", 7) == 0 || strncmp(p, "https://", 8) == 0) {
			while (p[len] && p[len] != ' ' && p[len] != ')' && p[len] != ',')
				len++;
			while (len && (p[len - 1] == '.' || p[len - 1] == ';' || p[len - 1] == ':'))
				len--;
		} else if (isdigit((unsigned char)*p)) {
			while (isdigit((unsigned char)p[len]))
				len++;
		}
		if (len) {
			xgrow((void **)&items, &cap, n + 1, sizeof(*items));
			items[n++] = xstrndup(p, len);
			p += len;
			continue;
		}
		/* Skip the rest of a word that is not a URL (digits inside
		 * a URL were taken with it). */
		p++;
	}
	return sorted_join(items, n);
}

static bool space_at(const char *s, bool end)
{
	if (!*s)
		return false;
	char c = end ? s[strlen(s) - 1] : s[0];
	return c == ' ' || c == '\t' || c == '\n';
}

/* Coverage and rule checks for one language. Returns the number of
 * translated texts. */
static size_t check_lang(const struct i18n_lang *lang, const struct msg *m, size_t n,
			 struct diag_list *diags)
{
	size_t done = 0;
	for (size_t i = 0; i < n; i++) {
		const char *t = gettext(m[i].id);
		if (t == m[i].id) /* gettext returns the key when untranslated */
			continue;
		done++;
		char *pa = placeholders(m[i].id), *pb = placeholders(t);
		if (strcmp(pa, pb) != 0)
			diag_add(diags, DIAG_ERROR, m[i].file, m[i].line, 1,
				 "the %s translation drops, adds or changes a placeholder: [%s] in English, [%s] in %s",
				 lang->code, pa, pb, lang->code);
		free(pa);
		free(pb);
		char *a = invariants(m[i].id), *b = invariants(t);
		if (strcmp(a, b) != 0)
			diag_add(diags, DIAG_ERROR, m[i].file, m[i].line, 1,
				 "the %s translation changes the numbers or web addresses: [%s] in English, [%s] in %s",
				 lang->code, a, b, lang->code);
		free(a);
		free(b);
		if (space_at(m[i].id, false) != space_at(t, false) ||
		    space_at(m[i].id, true) != space_at(t, true))
			diag_add(diags, DIAG_ERROR, m[i].file, m[i].line, 1,
				 "the %s translation has different leading or trailing space", lang->code);
	}
	return done;
}

/* facts-ledger.md beside facts.xml lists every fact with its source and
 * the day it was checked, as a Markdown table row "| `id` | ...". A fact
 * missing there was not put through the review. */
static void check_ledger(const struct journey_set *set, struct diag_list *diags)
{
	if (!set->facts_file)
		return;
	char *path = xasprintf("%s/facts-ledger.md", set->dir);
	char *ledger = util_read_file(path, NULL);
	if (!ledger) {
		diag_add(diags, DIAG_ERROR, path, 0, 0,
			 "there is no facts ledger beside facts.xml: list every fact, its source and the day it was checked");
		free(path);
		return;
	}
	for (size_t i = 0; i < set->n_facts; i++) {
		const struct fact *ft = &set->facts[i];
		char *row = xasprintf("| `%s` |", ft->id);
		if (!strstr(ledger, row))
			diag_add(diags, DIAG_ERROR, ft->file, ft->line, 1,
				 "fact '%s' is not in %s (a row \"| `%s` | ...\" with its source and the day it was checked)",
				 ft->id, path, ft->id);
		free(row);
	}
	free(ledger);
	free(path);
}

int check_run(const char *dir, const struct check_options *opt, FILE *out)
{
	struct diag_list diags;
	diag_init(&diags);
	struct journey_set *set = journey_set_load(dir, &diags);
	journey_set_validate(set, opt, &diags);
	check_ledger(set, &diags);

	/* Translation coverage: each language's catalogue is asked for every
	 * journey text by the key the program uses at run time. A language
	 * that translates some of this content must translate all of it; one
	 * that translates none (new content, a test set) is reported only. */
	struct msg *m;
	size_t n = collect_msgids(set, &m);
	size_t *done = xcalloc(i18n_n_langs, sizeof(*done));
	char keep[8];
	snprintf(keep, sizeof keep, "%s", i18n_lang());
	for (size_t l = 1; l < i18n_n_langs; l++) {
		i18n_set_lang(i18n_langs[l].code);
		done[l] = check_lang(&i18n_langs[l], m, n, &diags);
		const char *cat, *problem = i18n_lang_problem(&cat);
		if (problem) {
			size_t k = strlen(cat);
			bool prefixed = strncmp(problem, cat, k) == 0 && strncmp(problem + k, ": ", 2) == 0;
			diag_add(&diags, DIAG_ERROR, cat, 0, 0, "the %s catalogue cannot be read: %s",
				 i18n_langs[l].name, prefixed ? problem + k + 2 : problem);
		}
		if (done[l] && done[l] < n)
			for (size_t i = 0; i < n; i++)
				if (gettext(m[i].id) == m[i].id)
					diag_add(&diags, DIAG_ERROR, m[i].file, m[i].line, 1,
						 "not translated into %s (%s): \"%.60s%s\"",
						 i18n_langs[l].name, i18n_langs[l].code, m[i].id,
						 strlen(m[i].id) > 60 ? "..." : "");
	}
	i18n_set_lang(keep);

	diag_sort(&diags);
	for (size_t i = 0; i < diags.n; i++)
		diag_print(&diags.items[i], out);
	fprintf(out, "klantreis: %zu journeys, %zu steps, %zu tasks, %zu glossary terms, %zu facts: ",
		set->n_journeys, set->n_steps, set->n_tasks, set->n_terms, set->n_facts);
	fprintf(out, "%zu %s, %zu %s\n", diags.errors, diags.errors == 1 ? "error" : "errors",
		diags.warnings, diags.warnings == 1 ? "warning" : "warnings");
	for (size_t l = 1; l < i18n_n_langs; l++)
		fprintf(out, "%s: %zu/%zu strings translated (%zu%%)%s\n", i18n_langs[l].code, done[l],
			n, n ? done[l] * 100 / n : 100,
			done[l] == 0 && n ? " - this content is not translated yet" : "");
	free(done);
	free(m);

	int status = diags.errors ? 1 : 0;
	diag_free(&diags);
	journey_set_free(set);
	return status;
}
