/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "glossary.h"

#include <strings.h>
#include <string.h>

#include "wrap.h"

/* Letters and digits continue a word; punctuation, including «», ’ and
 * dashes, does not. Covers the scripts of our languages. */
static bool letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
	return (cp >= 0xc0 && cp <= 0x24f && cp != 0xd7 && cp != 0xf7) || /* Latin */
	       (cp >= 0x370 && cp <= 0x3ff) ||                               /* Greek */
	       (cp >= 0x400 && cp <= 0x52f) ||                               /* Cyrillic */
	       (cp >= 0x1e00 && cp <= 0x1eff) || (cp >= 0x3040 && cp <= 0x9fff) ||
	       (cp >= 0xac00 && cp <= 0xd7a3);
}

/* The character that ends just before p (text <= p). */
static uint32_t before(const char *text, const char *p)
{
	if (p == text)
		return ' ';
	const char *q = p - 1;
	while (q > text && ((unsigned char)*q & 0xc0) == 0x80 && p - q < 4)
		q--;
	uint32_t cp;
	utf8_decode(q, (size_t)(p - q), &cp);
	return cp;
}

static uint32_t at(const char *p)
{
	if (!*p)
		return ' ';
	uint32_t cp;
	utf8_decode(p, strnlen(p, 4), &cp);
	return cp;
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
		if (!letter(before(text, p)) && !letter(at(p + n)))
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
