/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The loader and the validator: the good fixture set loads into the
 * expected structure; each error class is reported with its file, line and
 * kind; hostile input is refused without a crash, a hang or a leak of what
 * an entity points at. */
#include "testutil.h"

#include <fcntl.h>

#include "core/session.h"

#define TODAY_2026_11_28 20785L /* days since 1970-01-01 */

static struct check_options opts(void)
{
	struct check_options o = {.today = date_days(2026, 11, 28), .review_months = 18, .expiry_days = 60};
	return o;
}

static struct journey_set *load_dir(const char *dir, struct diag_list *d, bool validate)
{
	diag_init(d);
	struct journey_set *set = journey_set_load(dir, d);
	if (validate) {
		struct check_options o = opts();
		journey_set_validate(set, &o, d);
	}
	return set;
}

static void test_today_constant(void **state)
{
	(void)state;
	assert_int_equal(date_days(2026, 11, 28), TODAY_2026_11_28);
	long d;
	assert_int_equal(date_parse("2024-02-29", &d), 0);
	assert_int_equal(date_parse("2025-02-29", &d), -1);
	assert_int_equal(date_parse("2025-13-01", &d), -1);
	assert_int_equal(date_parse("2025-1-01", &d), -1);
	assert_int_equal(date_parse("2025-01-01x", &d), -1);
}

static void test_good_structure(void **state)
{
	(void)state;
	struct diag_list d;
	struct journey_set *set = load_dir(FIXTURES "/good", &d, true);
	if (d.n)
		tu_dump(&d);
	assert_int_equal(d.n, 0);
	assert_int_equal(set->n_journeys, 2);
	assert_int_equal(set->n_steps, 6);
	assert_int_equal(set->n_tasks, 5);
	assert_int_equal(set->n_terms, 2);

	const struct journey *j = journey_set_find(set, "diploma");
	assert_non_null(j);
	assert_string_equal(j->title, "Diploma");
	assert_string_equal(j->valid_until, "2027-12-31");
	assert_ptr_equal(j->start, journey_find_step(j, "intro"));
	const struct step *s = j->start;
	assert_int_equal(s->line, 4);
	assert_int_equal(s->n_paras, 2);
	assert_int_equal(s->paras[1].kind, PARA_WARNING);
	assert_non_null(s->paras[1].when);
	assert_string_equal(s->paras[1].when->terms[0].var, "profession");
	assert_int_equal(s->nav, NAV_ASK);
	assert_string_equal(s->var, "education");
	assert_int_equal(s->n_options, 3);
	assert_string_equal(s->options[2].value, "none");
	/* gotos are resolved: "route" in the same journey, "klantreis:done" across. */
	assert_ptr_equal(s->options[0].go.step, journey_find_step(j, "route"));
	assert_ptr_equal(s->options[2].go.step,
			 journey_find_step(journey_set_find(set, "klantreis"), "done"));
	/* Text is kept as the msgid: & escaped, whitespace collapsed. */
	assert_string_equal(s->tasks[0].text, "Gather your diploma &amp; transcripts");
	const struct step *n = journey_find_step(j, "nuffic");
	assert_string_equal(n->paras[0].text, "Apply online. It takes about six weeks.");
	assert_string_equal(n->reviewed, "2026-10-01");
	assert_int_equal(n->nav, NAV_NEXT);
	assert_string_equal(n->links[0].href, "https://www.idw.nl/");
	const struct step *r = journey_find_step(j, "route");
	assert_int_equal(r->nav, NAV_ROUTE);
	assert_int_equal(r->n_gos, 2);
	assert_null(r->gos[1].when);
	assert_int_equal(journey_find_step(journey_set_find(set, "klantreis"), "done")->nav, NAV_END);
	const struct term *t = journey_set_term(set, "Burgerservicenummer");
	assert_non_null(t);
	assert_string_equal(t->id, "bsn");
	assert_null(journey_set_term(set, "nothing"));
	assert_null(journey_set_resolve(set, NULL, "nope:"));
	assert_null(journey_set_resolve(set, NULL, "diploma:nope"));
	assert_ptr_equal(journey_set_resolve(set, NULL, "diploma:"), j->start);
	journey_set_free(set);
	diag_free(&d);
}

/* ---- one fixture per error class ---- */

#define SRC "<source href=\"https://example.org/\" date=\"2026-01-01\">S</source>"
#define HUB_HEAD "<journey id=\"klantreis\" start=\"start\" reviewed=\"2026-11-01\">\n<title>T</title>\n"
#define END_STEP "<step id=\"done\" end=\"yes\"><title>E</title><task id=\"t-end\">Do it</task>" SRC "</step>\n"
#define FACTS_HEAD "<facts reviewed=\"2026-11-01\">\n"
#define FACT_WAGE FACTS_HEAD "<fact id=\"wage\" kind=\"money\"><value>1.00</value>" SRC "</fact></facts>\n"
#define FACT_RTB FACTS_HEAD "<fact id=\"rtb-end\" kind=\"date\"><value>2027-03-04</value>" SRC "</fact></facts>\n"
#define GOOD_HUB HUB_HEAD "<step id=\"start\"><title>S</title><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"

struct file {
	const char *name, *text;
};

struct bad_case {
	const char *name;
	struct file files[3];
	const char *file; /* where the error is reported */
	int line;
	const char *needle;
	enum diag_severity sev;
};

static const struct bad_case bad_cases[] = {
	{"not well-formed", {{"klantreis.xml", HUB_HEAD "<step id=\"start\">\n<title>S</title>\n</journey>\n"}},
	 "klantreis.xml", 5, "not well-formed XML: Opening and ending tag mismatch", DIAG_ERROR},
	{"doctype", {{"klantreis.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE journey>\n" GOOD_HUB}},
	 "klantreis.xml", 2, "DOCTYPE", DIAG_ERROR},
	{"schema: unknown element", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title>\n<para>x</para><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 4, "unexpected element <para> in <step>", DIAG_ERROR},
	{"schema: unknown attribute", {{"klantreis.xml", HUB_HEAD "<step id=\"start\" colour=\"red\"><title>S</title><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 3, "unknown attribute 'colour' on <step>", DIAG_ERROR},
	{"schema: missing attribute", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title>\n<task>x</task><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 4, "<task> needs the attribute 'id'", DIAG_ERROR},
	{"schema: markup inside text", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title>\n<p>a <b>b</b></p><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 4, "unexpected element <b> inside <p>", DIAG_ERROR},
	{"schema: wrong root", {{"klantreis.xml", "<html/>\n"}}, "klantreis.xml", 1, "root element <html>", DIAG_ERROR},
	{"empty file", {{"klantreis.xml", ""}}, "klantreis.xml", 1, "file is empty", DIAG_ERROR},
	{"invalid UTF-8", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S\xff</title><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 3, "invalid UTF-8", DIAG_ERROR},
	{"duplicate step", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title><next goto=\"done\"/>" SRC "</step>\n<step id=\"start\"><title>S</title><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 4, "duplicate step id 'start'", DIAG_ERROR},
	{"duplicate journey", {{"klantreis.xml", GOOD_HUB}, {"other.xml", "<journey id=\"klantreis\" start=\"a\" reviewed=\"2026-11-01\"><title>T</title><step id=\"a\" end=\"yes\"><title>A</title>" SRC "</step></journey>\n"}},
	 "other.xml", 1, "duplicate journey id 'klantreis'", DIAG_ERROR},
	{"duplicate task", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title><task id=\"t-end\">x</task><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 4, "duplicate task id 't-end'", DIAG_ERROR},
	{"duplicate term", {{"klantreis.xml", GOOD_HUB}, {"glossary.xml", "<glossary reviewed=\"2026-11-01\">\n<term id=\"bsn\"><name>BSN</name><definition>D</definition>" SRC "</term>\n<term id=\"bsn\"><name>BSN2</name><definition>D</definition>" SRC "</term>\n</glossary>\n"}},
	 "glossary.xml", 3, "duplicate term id 'bsn'", DIAG_ERROR},
	{"start names no step", {{"klantreis.xml", "<journey id=\"klantreis\" start=\"begin\" reviewed=\"2026-11-01\">\n<title>T</title>\n<step id=\"start\"><title>S</title><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 1, "start=\"begin\"", DIAG_ERROR},
	{"goto unknown journey", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title>\n<next goto=\"nowhere:x\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 4, "there is no journey 'nowhere'", DIAG_ERROR},
	{"goto unknown step", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title>\n<next goto=\"dne\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 4, "has no step 'dne'", DIAG_ERROR},
	{"two navigation elements", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title><next goto=\"done\"/>\n<ask><option goto=\"done\">x</option></ask>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 4, "more than one navigation", DIAG_ERROR},
	{"end step with navigation", {{"klantreis.xml", HUB_HEAD "<step id=\"start\" end=\"yes\"><title>S</title>\n<next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 4, "more than one navigation", DIAG_ERROR},
	{"ask var option without value", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title><ask var=\"v\">\n<option value=\"a\" goto=\"done\">A</option>\n<option goto=\"done\">B</option></ask>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 5, "needs a value", DIAG_ERROR},
	{"unreachable step", {{"klantreis.xml", GOOD_HUB}, {"extra.xml", "<journey id=\"extra\" start=\"a\" reviewed=\"2026-11-01\"><title>T</title>\n<step id=\"a\" end=\"yes\"><title>A</title>" SRC "</step></journey>\n"}},
	 "extra.xml", 2, "cannot be reached from klantreis:start", DIAG_ERROR},
	{"loop with no way out", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title><ask><option goto=\"done\">D</option><option goto=\"a\">A</option></ask>" SRC "</step>\n<step id=\"a\"><title>A</title><next goto=\"b\"/>" SRC "</step>\n<step id=\"b\"><title>B</title><next goto=\"a\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 4, "no end step can be reached", DIAG_ERROR},
	{"dead end", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 3, "leads nowhere", DIAG_ERROR},
	{"route: last go has when", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title><ask var=\"v\"><option value=\"a\" goto=\"r\">A</option></ask>" SRC "</step>\n<step id=\"r\"><title>R</title><route>\n<go when=\"v=a\" goto=\"done\"/>\n</route>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 5, "last <go>", DIAG_ERROR},
	{"when: unknown variable", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title>\n<p when=\"colour=red\">x</p><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 4, "sets the variable 'colour'", DIAG_ERROR},
	{"when: unknown value", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title><ask var=\"v\"><option value=\"a\" goto=\"done\">A</option>\n<option value=\"b\" when=\"v=a|c\" goto=\"done\">B</option></ask>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 4, "no option of 'v' has the value 'c'", DIAG_ERROR},
	{"when: syntax", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title>\n<p when=\"v=a nand\">x</p><ask var=\"v\"><option value=\"a\" goto=\"done\">A</option></ask>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 4, "expected 'and' or 'or'", DIAG_ERROR},
	{"step without source", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title><next goto=\"done\"/></step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 3, "has no <source>", DIAG_ERROR},
	{"malformed date", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title><next goto=\"done\"/>\n<source href=\"https://example.org/\" date=\"28-11-2026\">S</source></step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 4, "malformed date date=\"28-11-2026\"", DIAG_ERROR},
	{"impossible date", {{"klantreis.xml", HUB_HEAD "<step id=\"start\" valid-until=\"2027-02-30\"><title>S</title><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 3, "malformed date valid-until", DIAG_ERROR},
	{"invalid id", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title><next goto=\"Done_1\"/>" SRC "</step>\n<step id=\"Done_1\" end=\"yes\"><title>E</title>" SRC "</step>\n</journey>\n"}},
	 "klantreis.xml", 4, "invalid id 'Done_1'", DIAG_ERROR},
	{"no hub", {{"other.xml", "<journey id=\"other\" start=\"a\" reviewed=\"2026-11-01\"><title>T</title><step id=\"a\" end=\"yes\"><title>A</title>" SRC "</step></journey>\n"}},
	 "klantreis.xml", 1, "no hub journey 'klantreis'", DIAG_ERROR},
	{"private: unknown value", {{"klantreis.xml", "<journey id=\"klantreis\" start=\"start\" reviewed=\"2026-11-01\"\n private=\"maybe\">\n<title>T</title>\n<step id=\"start\"><title>S</title><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 2, "private=\"maybe\": use \"yes\" or \"no\"", DIAG_ERROR},
	{"reviewed too long ago", {{"klantreis.xml", HUB_HEAD "<step id=\"start\" reviewed=\"2025-05-01\"><title>S</title><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 3, "more than 18 months ago", DIAG_WARNING},
	{"valid-until passed", {{"klantreis.xml", HUB_HEAD "<step id=\"start\" valid-until=\"2026-11-27\"><title>S</title><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 3, "which has passed", DIAG_WARNING},
	{"valid-until within 60 days", {{"klantreis.xml", HUB_HEAD "<step id=\"start\" valid-until=\"2027-01-20\"><title>S</title><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 3, "(within 60 days)", DIAG_WARNING},
	{"C1 control in text", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title>\n<p>Pay \xc2\x9b" "31m now</p><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 4, "control character U+009B", DIAG_ERROR},
	{"bidi override in text", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title>\n<p>Fee: \xe2\x80\xae" "00.05</p><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 4, "control character U+202E", DIAG_ERROR},
	{"bidi isolate in an attribute", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title>\n<link href=\"https://example.org/\xe2\x81\xa6\">L</link><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 4, "control character U+2066", DIAG_ERROR},
	/* Dated facts (DESIGN 3.1). */
	{"facts: duplicate id", {{"klantreis.xml", GOOD_HUB}, {"facts.xml", FACTS_HEAD "<fact id=\"w\" kind=\"money\"><value>1</value>" SRC "</fact>\n<fact id=\"w\" kind=\"money\"><value>2</value>" SRC "</fact></facts>\n"}},
	 "facts.xml", 3, "duplicate fact id 'w' (also at line 2)", DIAG_ERROR},
	{"facts: unused fact", {{"klantreis.xml", GOOD_HUB}, {"facts.xml", FACT_WAGE}},
	 "facts.xml", 2, "named by no text and no condition", DIAG_WARNING},
	{"facts: overlapping values", {{"klantreis.xml", GOOD_HUB}, {"facts.xml", FACTS_HEAD "<fact id=\"w\" kind=\"money\">\n<value from=\"2026-01-01\" until=\"2026-06-30\">1.00</value>\n<value from=\"2026-06-01\">2.00</value>" SRC "</fact></facts>\n"}},
	 "facts.xml", 4, "overlaps the one at line 3", DIAG_ERROR},
	{"facts: money not a number", {{"klantreis.xml", GOOD_HUB}, {"facts.xml", FACTS_HEAD "<fact id=\"w\" kind=\"money\">\n<value>14,71</value>" SRC "</fact></facts>\n"}},
	 "facts.xml", 3, "money value '14,71' is not a number", DIAG_ERROR},
	{"facts: date fact not a date", {{"klantreis.xml", GOOD_HUB}, {"facts.xml", FACTS_HEAD "<fact id=\"d\" kind=\"date\">\n<value>4 March 2027</value>" SRC "</fact></facts>\n"}},
	 "facts.xml", 3, "the date '4 March 2027' is not a date", DIAG_ERROR},
	{"facts: unknown kind", {{"klantreis.xml", GOOD_HUB}, {"facts.xml", FACTS_HEAD "<fact id=\"d\" kind=\"amount\">\n<value>1</value>" SRC "</fact></facts>\n"}},
	 "facts.xml", 2, "unknown kind 'amount'", DIAG_ERROR},
	{"facts: no source", {{"klantreis.xml", GOOD_HUB}, {"facts.xml", FACTS_HEAD "<fact id=\"d\" kind=\"phone\">\n<value>0800 5151</value></fact></facts>\n"}},
	 "facts.xml", 2, "has no <source>", DIAG_ERROR},
	{"facts: from after until", {{"klantreis.xml", GOOD_HUB}, {"facts.xml", FACTS_HEAD "<fact id=\"d\" kind=\"phone\">\n<value from=\"2027-01-01\" until=\"2026-01-01\">1</value>" SRC "</fact></facts>\n"}},
	 "facts.xml", 3, "is after until", DIAG_ERROR},
	{"placeholder names no fact", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title>\n<p>Pay {min-wage} an hour.</p><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}, {"facts.xml", FACT_WAGE}},
	 "klantreis.xml", 4, "placeholder {min-wage} names no fact", DIAG_ERROR},
	{"malformed placeholder", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title>\n<p>Pay {Wage} an hour.</p><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}, {"facts.xml", FACT_WAGE}},
	 "klantreis.xml", 4, "'{' that starts no placeholder", DIAG_ERROR},
	{"today: unknown fact", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title>\n<p when=\"today>=rtb-ends\">x</p><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}, {"facts.xml", FACT_WAGE}},
	 "klantreis.xml", 4, "today>=rtb-ends names no date and no fact", DIAG_ERROR},
	{"today: not a date fact", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title>\n<p when=\"today&lt;wage\">x</p><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}, {"facts.xml", FACT_WAGE}},
	 "klantreis.xml", 4, "fact 'wage' is not a date fact", DIAG_ERROR},
	{"today: malformed date", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title>\n<p when=\"today>=2027-02-30\">x</p><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n"}},
	 "klantreis.xml", 4, "malformed date", DIAG_ERROR},
	/* The only way on is switched off from 4 March 2027: found now. */
	{"unreachable in a later period", {{"klantreis.xml", HUB_HEAD "<step id=\"start\"><title>S</title><ask>\n<option when=\"not today>=rtb-end\" goto=\"done\">Go</option></ask>" SRC "</step>\n" END_STEP "</journey>\n"}, {"facts.xml", FACT_RTB}},
	 "klantreis.xml", 3, "no end step can be reached (a loop with no way out?) (from 2027-03-04)", DIAG_ERROR},
	{"fact runs out soon", {{"klantreis.xml", GOOD_HUB}, {"facts.xml", FACTS_HEAD "<fact id=\"w\" kind=\"money\">\n<value until=\"2026-12-31\">1.00</value>" SRC "</fact></facts>\n"}},
	 "facts.xml", 2, "runs out on 2026-12-31 (within 60 days)", DIAG_WARNING},
	{"fact ran out", {{"klantreis.xml", GOOD_HUB}, {"facts.xml", FACTS_HEAD "<fact id=\"w\" kind=\"money\">\n<value until=\"2026-06-30\">1.00</value>" SRC "</fact></facts>\n"}},
	 "facts.xml", 2, "has no value after 2026-06-30", DIAG_WARNING},
};

static void test_bad_cases(void **state)
{
	(void)state;
	/* The good hub alone is clean: every case differs from it in one way. */
	char *dir = tu_tmpdir();
	tu_write(dir, "klantreis.xml", GOOD_HUB, strlen(GOOD_HUB));
	struct diag_list d;
	struct journey_set *set = load_dir(dir, &d, true);
	if (d.n)
		tu_dump(&d);
	assert_int_equal(d.n, 0);
	journey_set_free(set);
	diag_free(&d);
	tu_rmdir(dir);
	free(dir);

	for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		const struct bad_case *c = &bad_cases[i];
		dir = tu_tmpdir();
		for (size_t f = 0; f < 3 && c->files[f].name; f++)
			tu_write(dir, c->files[f].name, c->files[f].text, strlen(c->files[f].text));
		set = load_dir(dir, &d, true);
		const struct diag *x = tu_find(&d, c->file, c->line, c->needle);
		if (!x || x->severity != c->sev) {
			print_error("case '%s': expected %s:%d \"%s\"; got:\n", c->name, c->file,
				    c->line, c->needle);
			tu_dump(&d);
			fail();
		}
		/* Warnings alone never make an error. */
		if (c->sev == DIAG_WARNING)
			assert_int_equal(d.errors, 0);
		assert_true(x->col >= 1);
		journey_set_free(set);
		diag_free(&d);
		tu_rmdir(dir);
		free(dir);
	}
}

static void test_columns(void **state)
{
	(void)state;
	/* The column points at the attribute. */
	char *dir = tu_tmpdir();
	const char *x = HUB_HEAD "<step id=\"start\"><title>S</title>\n  <next goto=\"dne\"/>" SRC "</step>\n" END_STEP "</journey>\n";
	tu_write(dir, "klantreis.xml", x, strlen(x));
	struct diag_list d;
	struct journey_set *set = load_dir(dir, &d, false);
	const struct diag *e = tu_find(&d, "klantreis.xml", 4, "has no step");
	assert_non_null(e);
	assert_int_equal(e->col, 9);
	journey_set_free(set);
	diag_free(&d);
	tu_rmdir(dir);
	free(dir);
}

/* ---- hostile input ---- */

static bool diags_contain(const struct diag_list *d, const char *secret)
{
	for (size_t i = 0; i < d->n; i++)
		if (strstr(d->items[i].msg, secret) || strstr(d->items[i].file, secret))
			return true;
	return false;
}

static void test_billion_laughs(void **state)
{
	(void)state;
	struct strbuf b;
	sb_init(&b);
	sb_puts(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE journey [\n<!ENTITY lol \"lol\">\n");
	for (int i = 1; i <= 9; i++) {
		sb_printf(&b, "<!ENTITY lol%d \"", i);
		for (int k = 0; k < 10; k++)
			sb_printf(&b, "&lol%s;", i == 1 ? "" : (char[]){(char)('0' + i - 1), 0});
		sb_puts(&b, "\">\n");
	}
	sb_puts(&b, "]>\n<journey id=\"klantreis\" start=\"s\" reviewed=\"2026-11-01\"><title>&lol9;</title></journey>\n");
	char *dir = tu_tmpdir();
	tu_write(dir, "klantreis.xml", b.s, b.len);
	struct diag_list d;
	struct journey_set *set = load_dir(dir, &d, false);
	assert_non_null(tu_find(&d, "klantreis.xml", 2, "DOCTYPE"));
	assert_int_equal(set->n_journeys, 0);
	assert_false(diags_contain(&d, "lollol"));
	journey_set_free(set);
	diag_free(&d);
	sb_free(&b);
	tu_rmdir(dir);
	free(dir);
}

static void test_external_entity(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	const char *secret = "SECRET-7f3a9c";
	tu_write(dir, "secret.txt", secret, strlen(secret));
	char *x = xasprintf("<?xml version=\"1.0\"?>\n<!DOCTYPE journey [<!ENTITY s SYSTEM \"file://%s/secret.txt\">]>\n"
			    "<journey id=\"klantreis\" start=\"s\" reviewed=\"2026-11-01\"><title>&s;</title>"
			    "<step id=\"s\" end=\"yes\"><title>&s;</title>" SRC "</step></journey>\n",
			    dir);
	tu_write(dir, "klantreis.xml", x, strlen(x));
	/* Without a DOCTYPE, an entity is simply undefined. */
	const char *y = "<journey id=\"y\" start=\"s\" reviewed=\"2026-11-01\"><title>&s;</title></journey>\n";
	tu_write(dir, "y.xml", y, strlen(y));
	struct diag_list d;
	struct journey_set *set = load_dir(dir, &d, true);
	assert_non_null(tu_find(&d, "klantreis.xml", 2, "DOCTYPE"));
	assert_non_null(tu_find(&d, "y.xml", 1, "not well-formed"));
	assert_false(diags_contain(&d, secret));
	for (size_t i = 0; i < set->n_steps; i++)
		assert_null(strstr(set->steps[i]->title, secret));
	journey_set_free(set);
	diag_free(&d);
	free(x);
	tu_rmdir(dir);
	free(dir);
}

static void test_random_bytes(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	size_t n = 5 * 1024 * 1024;
	char *buf = xmalloc(n);
	unsigned long x = 12345;
	for (size_t i = 0; i < n; i++) {
		x = x * 6364136223846793005UL + 1442695040888963407UL;
		buf[i] = (char)(x >> 56);
	}
	tu_write(dir, "klantreis.xml", buf, n);
	/* Random bytes that happen to be valid UTF-8 still are not XML. */
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)(' ' + (unsigned char)buf[i] % 90);
	buf[0] = '<';
	tu_write(dir, "ascii.xml", buf, n);
	free(buf);
	struct diag_list d;
	struct journey_set *set = load_dir(dir, &d, false);
	const struct diag *e = tu_find(&d, "klantreis.xml", 0, "invalid UTF-8");
	assert_non_null(e);
	assert_non_null(tu_find(&d, "ascii.xml", 0, "not well-formed"));
	assert_int_equal(set->n_journeys, 0);
	journey_set_free(set);
	diag_free(&d);
	tu_rmdir(dir);
	free(dir);
}

/* 10,000 unknown attributes on one line: each error's column is found
 * by reading the line, so only the first 100 are reported (the rest in
 * one message), and our part of the time stays linear (libxml2's own
 * duplicate-attribute check is what remains). */
static void test_many_errors(void **state)
{
	(void)state;
	struct strbuf b;
	sb_init(&b);
	sb_puts(&b, HUB_HEAD "<step id=\"start\"");
	for (int i = 0; i < 10000; i++)
		sb_printf(&b, " x%d=\"1\"", i);
	sb_puts(&b, "><title>S</title><next goto=\"done\"/>" SRC "</step>\n" END_STEP "</journey>\n");
	char *dir = tu_tmpdir();
	tu_write(dir, "klantreis.xml", b.s, b.len);
	struct diag_list d;
	struct journey_set *set = load_dir(dir, &d, false);
	assert_int_equal(d.errors, 101);
	assert_non_null(tu_find(&d, "klantreis.xml", 3, "unknown attribute 'x0'"));
	assert_non_null(tu_find(&d, "klantreis.xml", 0, "more than 100 errors in this file"));
	journey_set_free(set);
	diag_free(&d);
	sb_free(&b);
	tu_rmdir(dir);
	free(dir);
}

static void test_odd_files(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	tu_write(dir, "klantreis.xml", GOOD_HUB, strlen(GOOD_HUB));
	tu_write(dir, "empty.xml", "", 0);
	char *sub = xasprintf("%s/x.xml", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	char *link = xasprintf("%s/gone.xml", dir);
	assert_int_equal(symlink("/nonexistent/klantreis-test", link), 0);
	tu_write(dir, "locked.xml", GOOD_HUB, strlen(GOOD_HUB));
	char *locked = xasprintf("%s/locked.xml", dir);
	chmod(locked, 0);
	bool root = geteuid() == 0;

	struct diag_list d;
	struct journey_set *set = load_dir(dir, &d, false);
	assert_non_null(tu_find(&d, "empty.xml", 1, "file is empty"));
	assert_non_null(tu_find(&d, "x.xml", 1, "is a directory"));
	assert_non_null(tu_find(&d, "gone.xml", 1, "cannot read"));
	if (!root) /* root reads anything; the dangling link covers that case */
		assert_non_null(tu_find(&d, "locked.xml", 1, "cannot read"));
	/* One clear error per bad file, and the good file still loads. */
	size_t per_file = 0;
	for (size_t i = 0; i < d.n; i++)
		per_file += strstr(d.items[i].file, "x.xml") != NULL &&
			    strstr(d.items[i].file, "/x.xml") != NULL;
	assert_int_equal(per_file, 1);
	assert_non_null(journey_set_find(set, "klantreis"));
	journey_set_free(set);
	diag_free(&d);

	/* A directory that does not exist. */
	set = load_dir("/nonexistent/klantreis", &d, false);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.items[0].msg, "cannot open the journeys directory"));
	journey_set_free(set);
	diag_free(&d);
	chmod(locked, 0600);
	free(locked);
	free(sub);
	free(link);
	tu_rmdir(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_today_constant),
		cmocka_unit_test(test_good_structure),
		cmocka_unit_test(test_bad_cases),
		cmocka_unit_test(test_columns),
		cmocka_unit_test(test_billion_laughs),
		cmocka_unit_test(test_external_entity),
		cmocka_unit_test(test_random_bytes),
		cmocka_unit_test(test_odd_files),
		cmocka_unit_test(test_many_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
