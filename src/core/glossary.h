/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Finding the glossary's Dutch terms inside (translated) display text. The
 * names are Dutch and never translated, so they appear as written in any
 * language; no markup in the journeys is needed. */
#ifndef KLANTREIS_GLOSSARY_H
#define KLANTREIS_GLOSSARY_H

#include <stdbool.h>
#include <stddef.h>

#include "journey.h"

/* True when `name` occurs in `text` as a whole word (not inside a longer
 * word; "BSN" in "BSN-nummer" counts, in "BSNX" it does not). A name with
 * capitals (an acronym: BIG, VE) must match exactly; an all-lowercase name
 * ignores ASCII case. */
bool glossary_word_in(const char *text, const char *name);

/* Adds to out[] (room for set->n_terms) every term whose name or `also`
 * form occurs in `text` and is not yet in out[0..*n). */
void glossary_terms_in(const struct journey_set *set, const char *text, const struct term **out,
		       size_t *n);

#endif
