/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dated facts: the value that holds on a day, written for a language. */
#include "facts.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "util.h"

static long fixed_today = -1;
static const struct journey_set *active;

long facts_system_today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	return date_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

void facts_set_today(long days) { fixed_today = days < 0 ? -1 : days; }

long facts_today(void) { return fixed_today >= 0 ? fixed_today : facts_system_today(); }

void facts_use(const struct journey_set *set) { active = set; }

const struct journey_set *facts_in_use(void) { return active; }

const struct fact *facts_find(const struct journey_set *set, const char *id, size_t len)
{
	if (!set)
		return NULL;
	size_t lo = 0, hi = set->n_facts;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const char *m = set->facts[mid].id;
		int c = strncmp(m, id, len);
		if (c == 0 && m[len])
			c = 1;
		if (c == 0)
			return &set->facts[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct fact_value *fact_value_at(const struct fact *f, long day)
{
	for (size_t i = 0; i < f->n_values; i++)
		if (f->values[i].from <= day && day <= f->values[i].until)
			return &f->values[i];
	return NULL;
}

bool fact_date_at(const struct fact *f, long day, long *out)
{
	if (!f || f->kind != FACT_DATE || !f->n_values)
		return false;
	const struct fact_value *v = fact_value_at(f, day);
	if (!v) {
		/* The nearest period: the last that ended, else the first. */
		v = &f->values[0];
		for (size_t i = 0; i < f->n_values; i++)
			if (f->values[i].until < day)
				v = &f->values[i];
	}
	return date_parse(v->text, out) == 0;
}

bool facts_date(const char *id, long day, long *out)
{
	return fact_date_at(facts_find(active, id, strlen(id)), day, out);
}

static bool id_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

const char *facts_next_placeholder(const char *s, const char **id, size_t *len, const char **bad)
{
	if (bad)
		*bad = NULL;
	for (const char *p = strchr(s, '{'); p; p = strchr(p + 1, '{')) {
		size_t n = 0;
		while (id_char(p[1 + n]))
			n++;
		if (n && p[1 + n] == '}' && p[1] != '-') {
			*id = p + 1;
			*len = n;
			return p;
		}
		if (bad && !*bad)
			*bad = p;
	}
	return NULL;
}

/* ---- formatting ---- */

static const char *const month_names[][12] = {
	{"January", "February", "March", "April", "May", "June", "July", "August", "September",
	 "October", "November", "December"},
	{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
	 "oktober", "november", "december"},
	/* The genitive, as a date is written: "4 березня 2027". */
	{"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
	 "жовтня", "листопада", "грудня"},
	{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
	 "октября", "ноября", "декабря"},
};

static int lang_index(const char *lang)
{
	static const char *const codes[] = {"en", "nl", "uk", "ru"};
	for (int i = 0; i < 4; i++)
		if (lang && strcmp(lang, codes[i]) == 0)
			return i;
	return 0;
}

#define NBSP "\xc2\xa0"

/* "14.71" or "10000" with the language's decimal comma and grouping. */
static void format_number(struct strbuf *b, const char *v, int li, size_t group_from)
{
	const char *dot = strchr(v, '.');
	size_t ilen = dot ? (size_t)(dot - v) : strlen(v);
	static const char *const group[] = {",", ".", NBSP, NBSP};
	for (size_t i = 0; i < ilen; i++) {
		if (i && (ilen - i) % 3 == 0 && ilen >= group_from)
			sb_puts(b, group[li]);
		sb_putc(b, v[i]);
	}
	if (dot) {
		sb_putc(b, li == 0 ? '.' : ',');
		sb_puts(b, dot + 1);
	}
}

char *facts_format_date(const char *value, const char *lang)
{
	long d;
	if (date_parse(value, &d) != 0)
		return xstrdup(value);
	/* date_parse accepted it: YYYY-MM-DD. */
	int y = (value[0] - '0') * 1000 + (value[1] - '0') * 100 + (value[2] - '0') * 10 + (value[3] - '0');
	int m = (value[5] - '0') * 10 + (value[6] - '0');
	int day = (value[8] - '0') * 10 + (value[9] - '0');
	return xasprintf("%d" NBSP "%s %d", day, month_names[lang_index(lang)][m - 1], y);
}

char *facts_format(const struct fact *f, const char *value, const char *lang)
{
	int li = lang_index(lang);
	struct strbuf b;
	sb_init(&b);
	long d;
	if (f->kind == FACT_MONEY) {
		if (li == 0)
			sb_puts(&b, "€");
		else if (li == 1)
			sb_puts(&b, "€" NBSP);
		format_number(&b, value, li, 4);
		if (li >= 2)
			sb_puts(&b, NBSP "€");
	} else if (f->kind == FACT_DATE && date_parse(value, &d) == 0) {
		char *t = facts_format_date(value, lang);
		sb_puts(&b, t);
		free(t);
	} else if (f->kind == FACT_PHONE) {
		/* A number is dialled whole: never broken across lines. */
		for (const char *p = value; *p; p++)
			if (*p == ' ')
				sb_puts(&b, NBSP);
			else
				sb_putc(&b, *p);
	} else if (f->kind == FACT_NUMBER) {
		format_number(&b, value, li, 5); /* 2027 stays 2027 */
	} else {
		sb_puts(&b, value);
	}
	return sb_steal(&b);
}

/* "https://www.idw.nl/en/..." -> "idw.nl" */
static char *source_host(const struct fact *f)
{
	const char *h = f->n_sources ? f->sources[0].href : "";
	const char *p = strstr(h, "://");
	p = p ? p + 3 : h;
	if (strncmp(p, "www.", 4) == 0)
		p += 4;
	return xstrndup(p, strcspn(p, "/:?#"));
}

char *facts_render(const char *text, const char *lang)
{
	const char *id, *p;
	size_t len;
	if (!facts_next_placeholder(text, &id, &len, NULL))
		return xstrdup(text);
	struct strbuf b;
	sb_init(&b);
	long today = facts_today();
	const char *s = text;
	while ((p = facts_next_placeholder(s, &id, &len, NULL))) {
		sb_add(&b, s, (size_t)(p - s));
		const struct fact *f = facts_find(active, id, len);
		const struct fact_value *v = f ? fact_value_at(f, today) : NULL;
		if (v) {
			char *t = facts_format(f, v->text, lang);
			sb_puts(&b, t);
			free(t);
		} else if (f) {
			char *host = source_host(f);
			sb_printf(&b, _("see %s for the current figure"), host);
			free(host);
		} else {
			sb_puts(&b, "…");
		}
		s = id + len + 1;
	}
	sb_puts(&b, s);
	return sb_steal(&b);
}

void facts_each_missing(const struct journey_set *set, const char *text,
			void (*fn)(void *ctx, const struct fact *f), void *ctx)
{
	const char *id;
	size_t len;
	long today = facts_today();
	for (const char *p = text; text && (p = facts_next_placeholder(p, &id, &len, NULL));
	     p = id + len + 1) {
		const struct fact *f = facts_find(set, id, len);
		if (f && !fact_value_at(f, today) && f->n_sources)
			fn(ctx, f);
	}
}
