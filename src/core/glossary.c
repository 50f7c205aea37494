/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "glossary.h"

#include <strings.h>
#include <string.h>

static bool word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c >= 0x80;
}

bool glossary_word_in(const char *text, const char *name)
{
	size_t n = strlen(name);
	if (!n)
		return false;
	/* "BIG" is an acronym and must not match "big"; "gemeente" matches
	 * "Gemeente" at the start of a sentence. */
	bool exact = false;
	for (const char *q = name; *q; q++)
		exact |= *q >= 'A' && *q <= 'Z';
	for (const char *p = text; *p; p++) {
		if ((exact ? strncmp(p, name, n) : strncasecmp(p, name, n)) != 0)
			continue;
		bool before = p == text || !word_char((unsigned char)p[-1]);
		bool after = !word_char((unsigned char)p[n]);
		if (before && after)
			return true;
	}
	return false;
}

void glossary_terms_in(const struct journey_set *set, const char *text, const struct term **out,
		       size_t *n)
{
	for (size_t i = 0; i < set->n_terms; i++) {
		const struct term *t = &set->terms[i];
		bool have = false;
		for (size_t k = 0; k < *n && !have; k++)
			have = out[k] == t;
		if (have)
			continue;
		bool found = glossary_word_in(text, t->name);
		for (size_t k = 0; k < t->n_also && !found; k++)
			found = glossary_word_in(text, t->also[k]);
		if (found)
			out[(*n)++] = t;
	}
}
