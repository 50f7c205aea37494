/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dated facts and the calendar (DESIGN.md section 3.1).
 *
 * journeys/facts.xml holds amounts, dates and phone numbers with the
 * periods in which they hold; texts name them as {FACT-ID}. The loader
 * puts the facts in the journey_set (sorted by id); this module finds
 * the value that holds on a day and writes it for a language.
 *
 * "Today" is module data, set once by main (--today, KLANTREIS_TODAY, or
 * the system date) and read wherever a text is rendered or a `today>=`
 * condition evaluated; the checker sets it to each calendar period in
 * turn. facts_use() names the set whose facts rendering uses (the set
 * must outlive that use); journey_set_load() names the set it loaded,
 * journey_set_free() forgets it. */
#ifndef KLANTREIS_FACTS_H
#define KLANTREIS_FACTS_H

#include <stdbool.h>
#include <stddef.h>

#include "journey.h"

/* `from`/`until` of a value without that bound. */
#define FACT_OPEN_FROM (-100000000L)
#define FACT_OPEN_UNTIL (100000000L)

/* The system date (local time) as days since 1970-01-01. */
long facts_system_today(void);
/* Fix today (days since 1970-01-01); a negative value returns to the
 * system date. */
void facts_set_today(long days);
long facts_today(void);

/* The set whose facts texts are rendered with (NULL: none; placeholders
 * then render as "…"). */
void facts_use(const struct journey_set *set);
const struct journey_set *facts_in_use(void);

const struct fact *facts_find(const struct journey_set *set, const char *id, size_t len);
/* The value that holds on `day`, or NULL. */
const struct fact_value *fact_value_at(const struct fact *f, long day);
/* The day a `date` fact names on `day` (the value that holds then, else
 * the nearest one in time). False when it has none or is not a date. */
bool fact_date_at(const struct fact *f, long day, long *out);
/* The same for a fact of the set in use (facts_use), by id. */
bool facts_date(const char *id, long day, long *out);

/* Placeholders: "{id}" with a valid journey id. Finds the next one in
 * `s`; returns a pointer to its '{' and sets *id and *len (without braces),
 * or returns NULL. Also reports, through *bad (may be NULL), the first
 * '{' before it that starts no valid placeholder. */
const char *facts_next_placeholder(const char *s, const char **id, size_t *len, const char **bad);

/* `text` with every placeholder replaced by the value that holds today,
 * written for language `lang` ("en", "nl", "uk", "ru"). A fact without a
 * value today becomes the translated "see HOST for the current figure";
 * an unknown one "…". Returns a malloc'd string. */
char *facts_render(const char *text, const char *lang);

/* The value as a person in `lang` reads it (malloc'd): money "€14.71" /
 * "€ 14,71" / "14,71 €", dates written out ("4 March 2027"). */
char *facts_format(const struct fact *f, const char *value, const char *lang);

/* A day (YYYY-MM-DD) written out for `lang`: "4 March 2027",
 * "4 березня 2027" (malloc'd; the text itself when it is no date). */
char *facts_format_date(const char *value, const char *lang);

/* For each placeholder in `text` whose fact has no value today, call
 * `fn` with the fact (the screen then shows its source as a link). */
void facts_each_missing(const struct journey_set *set, const char *text,
			void (*fn)(void *ctx, const struct fact *f), void *ctx);

#endif
