/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dated facts and the calendar (DESIGN 3.1): values by day, formatting by
 * language, the fallback when no value holds, today>= / today< in `when`,
 * three-valued conditions for the per-period graph check, and the links a
 * screen gets for facts without a value. */
#include "testutil.h"

#include "core/cond.h"
#include "core/facts.h"
#include "core/i18n.h"
#include "core/session.h"

#define SRC "<source href=\"https://example.org/\" date=\"2026-01-01\">S</source>"

static const char *const FACTS =
	"<facts reviewed=\"2026-11-01\">\n"
	"<fact id=\"wage\" kind=\"money\">\n"
	"  <value from=\"2026-01-01\" until=\"2026-06-30\">14.71</value>\n"
	"  <value from=\"2026-07-01\" until=\"2026-12-31\">14.99</value>\n"
	"  <source href=\"https://www.rijksoverheid.nl/onderwerpen/minimumloon\" date=\"2026-12-01\">Rijksoverheid: minimumloon</source>\n"
	"</fact>\n"
	"<fact id=\"deposit\" kind=\"money\"><value>100000</value>" SRC "</fact>\n"
	"<fact id=\"rtb-end\" kind=\"date\"><value>2027-03-04</value>" SRC "</fact>\n"
	"<fact id=\"phone\" kind=\"phone\"><value>0800 5151</value>" SRC "</fact>\n"
	"<fact id=\"years\" kind=\"number\"><value>3</value>" SRC "</fact>\n"
	"</facts>\n";

/* A hub whose texts name the facts and switch on 4 March 2027. */
static const char *const HUB =
	"<journey id=\"klantreis\" start=\"start\" reviewed=\"2026-11-01\"><title>T</title>\n"
	"<step id=\"start\"><title>Pay</title>\n"
	"<p>The minimum wage is {wage} an hour.</p>\n"
	"<p when=\"not today>=rtb-end\">Protection runs until {rtb-end}.</p>\n"
	"<p when=\"today>=rtb-end\">You have a transition document for {years} years.</p>\n"
	"<ask var=\"v\">\n"
	"<option value=\"a\" when=\"today&lt;rtb-end\" goto=\"done\">Before</option>\n"
	"<option value=\"b\" when=\"today>=2027-03-04\" goto=\"done\">After</option>\n"
	"</ask>" SRC "</step>\n"
	"<step id=\"done\" end=\"yes\"><title>E</title>" SRC "</step>\n"
	"</journey>\n";

static struct journey_set *load(char **dir)
{
	*dir = tu_tmpdir();
	tu_write(*dir, "facts.xml", FACTS, strlen(FACTS));
	tu_write(*dir, "klantreis.xml", HUB, strlen(HUB));
	struct diag_list d;
	diag_init(&d);
	struct journey_set *set = journey_set_load(*dir, &d);
	struct check_options o = {.today = date_days(2026, 11, 28), .review_months = 18, .expiry_days = 60};
	journey_set_validate(set, &o, &d);
	if (d.errors)
		tu_dump(&d);
	assert_int_equal(d.errors, 0);
	diag_free(&d);
	return set;
}

static void done(struct journey_set *set, char *dir)
{
	journey_set_free(set);
	tu_rmdir(dir);
	free(dir);
	facts_set_today(-1);
}

static void render_is(const char *text, const char *lang, const char *want)
{
	char *r = facts_render(text, lang);
	assert_string_equal(r, want);
	free(r);
}

static void test_values_by_day(void **state)
{
	(void)state;
	char *dir;
	struct journey_set *set = load(&dir);
	assert_int_equal(set->n_facts, 5);
	const struct fact *w = facts_find(set, "wage", 4);
	assert_non_null(w);
	assert_null(facts_find(set, "wag", 3));
	assert_string_equal(fact_value_at(w, date_days(2026, 6, 30))->text, "14.71");
	assert_string_equal(fact_value_at(w, date_days(2026, 7, 1))->text, "14.99");
	assert_null(fact_value_at(w, date_days(2027, 1, 1)));
	assert_null(fact_value_at(w, date_days(2025, 12, 31)));

	facts_set_today(date_days(2026, 12, 5));
	render_is("{wage} an hour", "en", "€14.99 an hour");
	render_is("{wage} per uur", "nl", "€\xc2\xa0" "14,99 per uur");
	render_is("{wage} на годину", "uk", "14,99\xc2\xa0€ на годину");
	render_is("{wage}", "ru", "14,99\xc2\xa0€");
	render_is("{deposit}", "en", "€100,000");
	render_is("{deposit}", "nl", "€\xc2\xa0" "100.000");
	render_is("{rtb-end}", "en", "4\xc2\xa0March 2027");
	render_is("{rtb-end}", "nl", "4\xc2\xa0maart 2027");
	render_is("{rtb-end}", "uk", "4\xc2\xa0березня 2027");
	render_is("{rtb-end}", "ru", "4\xc2\xa0марта 2027");
	render_is("Call {phone} or {phone}.", "en", "Call 0800\xc2\xa0" "5151 or 0800\xc2\xa0" "5151.");
	render_is("{years} years", "uk", "3 years");
	/* Not placeholders: left as written. */
	render_is("{Wage} {} {-x} {wage", "en", "{Wage} {} {-x} {wage");
	render_is("{nothing}", "en", "…");

	/* After the last value: never the old figure, never a raw {…}. */
	facts_set_today(date_days(2027, 1, 1));
	render_is("{wage} an hour", "en", "see rijksoverheid.nl for the current figure an hour");
	done(set, dir);
}

static void test_fallback_link(void **state)
{
	(void)state;
	char *dir;
	struct journey_set *set = load(&dir);
	struct session *s = session_new(set);
	facts_set_today(date_days(2026, 12, 5));
	assert_int_equal(session_start(s, "klantreis:start"), SESSION_OK);
	const struct view *v = session_view(s);
	assert_int_equal(v->n_links, 0);
	session_free(s);

	/* No value today: the fact's source is a link on that screen. */
	facts_set_today(date_days(2027, 1, 1));
	s = session_new(set);
	assert_int_equal(session_start(s, "klantreis:start"), SESSION_OK);
	v = session_view(s);
	assert_int_equal(v->n_links, 1);
	assert_string_equal(v->links[0]->href, "https://www.rijksoverheid.nl/onderwerpen/minimumloon");
	session_free(s);
	done(set, dir);
}

static void test_calendar_conditions(void **state)
{
	(void)state;
	char *dir;
	struct journey_set *set = load(&dir);
	struct session *s = session_new(set);
	facts_set_today(date_days(2027, 3, 3));
	assert_int_equal(session_start(s, "klantreis:start"), SESSION_OK);
	const struct view *v = session_view(s);
	assert_int_equal(v->n_paras, 2);
	assert_non_null(strstr(v->paras[1]->text, "Protection runs until"));
	assert_int_equal(v->n_options, 1);
	assert_string_equal(v->options[0]->text, "Before");
	session_free(s);

	facts_set_today(date_days(2027, 3, 4)); /* the day itself: after */
	s = session_new(set);
	assert_int_equal(session_start(s, "klantreis:start"), SESSION_OK);
	v = session_view(s);
	assert_int_equal(v->n_paras, 2);
	assert_non_null(strstr(v->paras[1]->text, "transition document"));
	assert_int_equal(v->n_options, 1);
	assert_string_equal(v->options[0]->text, "After");
	session_free(s);

	/* Written back for trainers as the author wrote it. */
	const struct step *st = journey_set_resolve(set, NULL, "klantreis:start");
	char *f = cond_format(st->paras[1].when);
	assert_string_equal(f, "not today>=rtb-end (2027-03-04)");
	free(f);
	f = cond_format(st->options[0].when);
	assert_string_equal(f, "today<rtb-end (2027-03-04)");
	free(f);
	done(set, dir);
}

static void test_three_valued(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *err;
	size_t off;
	long before = date_days(2027, 1, 1), after = date_days(2027, 6, 1);
	struct cond *c = cond_parse(a, "today>=2027-03-04", &err, &off);
	assert_non_null(c);
	assert_int_equal(cond_on_day(c, before), COND_FALSE);
	assert_int_equal(cond_on_day(c, after), COND_TRUE);
	c = cond_parse(a, "v=x and today>=2027-03-04", &err, &off);
	assert_int_equal(cond_on_day(c, before), COND_FALSE);
	assert_int_equal(cond_on_day(c, after), COND_MAYBE);
	c = cond_parse(a, "v=x or today<2027-03-04", &err, &off);
	assert_int_equal(cond_on_day(c, before), COND_TRUE);
	assert_int_equal(cond_on_day(c, after), COND_MAYBE);
	c = cond_parse(a, "not today<2027-03-04", &err, &off);
	assert_int_equal(cond_on_day(c, before), COND_FALSE);
	assert_int_equal(cond_on_day(c, after), COND_TRUE);
	assert_int_equal(cond_on_day(NULL, before), COND_TRUE);
	/* Errors say where. */
	assert_null(cond_parse(a, "today>=", &err, &off));
	assert_int_equal(off, 7);
	assert_null(cond_parse(a, "today>=2027-13-01", &err, &off));
	assert_string_equal(err, "malformed date (use YYYY-MM-DD)");
	/* "today" as an ordinary answer name still works. */
	assert_non_null(cond_parse(a, "today=yes", &err, &off));
	arena_free(a);
}

static void test_dates(void **state)
{
	(void)state;
	char b[11];
	date_format(date_days(2027, 3, 4), b);
	assert_string_equal(b, "2027-03-04");
	date_format(date_days(2024, 2, 29), b);
	assert_string_equal(b, "2024-02-29");
	date_format(0, b);
	assert_string_equal(b, "1970-01-01");
	for (long d = date_days(1999, 12, 25); d < date_days(2031, 1, 10); d += 17) {
		long back;
		date_format(d, b);
		assert_int_equal(date_parse(b, &back), 0);
		assert_int_equal(back, d);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values_by_day),
		cmocka_unit_test(test_fallback_link),
		cmocka_unit_test(test_calendar_conditions),
		cmocka_unit_test(test_three_valued),
		cmocka_unit_test(test_dates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
