/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The session: paths across journeys, back with pre-selection, routes,
 * conditions on answers from another journey, the plan, save and load. */
#include "testutil.h"
#include <time.h>

#include "core/glossary.h"
#include "core/session.h"

struct fx {
	struct journey_set *set;
	struct session *s;
};

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof(*f));
	struct diag_list d;
	diag_init(&d);
	f->set = journey_set_load(FIXTURES "/good", &d);
	assert_int_equal(d.errors, 0);
	diag_free(&d);
	f->s = session_new(f->set);
	assert_int_equal(session_start(f->s, "klantreis:start"), SESSION_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	session_free(f->s);
	journey_set_free(f->set);
	free(f);
	return 0;
}

static const char *here(struct session *s)
{
	static char buf[128];
	const struct step *t = session_view(s)->step;
	snprintf(buf, sizeof buf, "%s:%s", t->journey->id, t->id);
	return buf;
}

/* The plan as "id,id,id". */
static const char *plan(struct session *s)
{
	static char buf[512];
	const struct task **p;
	size_t n = session_plan(s, &p);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(buf, ",");
		strcat(buf, p[i]->id);
	}
	return buf;
}

static void test_walk_and_route(void **state)
{
	struct fx *f = *state;
	const struct view *v = session_view(f->s);
	assert_string_equal(v->step->title, "Welcome");
	assert_int_equal(v->n_paras, 2);
	assert_int_equal(v->n_options, 2);
	assert_int_equal(v->depth, 1);
	assert_int_equal(session_back(f->s), SESSION_E_FIRST);
	assert_int_equal(session_choose(f->s, 5), SESSION_E_RANGE);

	assert_int_equal(session_choose(f->s, 0), SESSION_OK); /* healthcare */
	assert_string_equal(here(f->s), "diploma:intro");
	assert_string_equal(session_answer(f->s, "profession"), "health");
	/* The warning's `when` uses the answer from the hub journey. */
	v = session_view(f->s);
	assert_int_equal(v->n_paras, 2);
	assert_int_equal(v->paras[1]->kind, PARA_WARNING);
	assert_int_equal(v->depth, 2);

	/* "University" goes through the route step to nuffic, never shown. */
	assert_int_equal(session_choose(f->s, 0), SESSION_OK);
	assert_string_equal(here(f->s), "diploma:nuffic");
	assert_int_equal(session_depth(f->s), 3);
	v = session_view(f->s);
	assert_true(v->is_next);
	assert_int_equal(v->n_tasks, 2); /* BIG shows for healthcare */
	assert_string_equal(plan(f->s), "diploma-gather,diploma-nuffic,diploma-big");
	assert_int_equal(session_choose(f->s, 1), SESSION_E_RANGE);
	assert_int_equal(session_choose(f->s, 0), SESSION_OK);
	assert_string_equal(here(f->s), "klantreis:done");
	v = session_view(f->s);
	assert_true(v->is_end);
	assert_int_equal(session_choose(f->s, 0), SESSION_E_END);
	assert_string_equal(plan(f->s), "diploma-gather,diploma-nuffic,diploma-big,hub-help");
}

/* The route walk and the edges every view reads (journey.c): the first
 * go that holds is taken; no go that holds is NULL; the edges of a step
 * come as options, gos, next, in order. */
static const char *fixed_answer(void *ctx, const char *var)
{
	return strcmp(var, "education") == 0 ? ctx : NULL;
}

static void test_settle_and_edges(void **state)
{
	struct fx *f = *state;
	const struct step *route = journey_set_resolve(f->set, NULL, "diploma:route");
	assert_non_null(route);
	const struct step *t = journey_settle(f->set, route, fixed_answer, "higher");
	assert_non_null(t);
	assert_string_equal(t->id, "nuffic");
	t = journey_settle(f->set, route, fixed_answer, "vocational");
	assert_non_null(t);
	assert_string_equal(t->id, "sbb"); /* the go without a condition */
	assert_null(journey_settle(f->set, NULL, fixed_answer, "higher"));
	const struct step *intro = journey_set_resolve(f->set, NULL, "diploma:intro");
	t = journey_settle(f->set, intro, fixed_answer, "higher");
	assert_ptr_equal(t, intro); /* a shown step settles on itself */

	struct step_edge e[8];
	assert_true(JOURNEY_MAX_EDGES(route) <= 8 && JOURNEY_MAX_EDGES(intro) <= 8);
	size_t n = journey_step_edges(route, e);
	assert_int_equal(n, 2);
	assert_int_equal(e[0].kind, EDGE_GO);
	assert_non_null(e[0].when);
	assert_string_equal(e[0].to->id, "nuffic");
	assert_null(e[1].when);
	assert_string_equal(e[1].to->id, "sbb");
	n = journey_step_edges(intro, e);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(e[i].kind, EDGE_OPTION);
		assert_int_equal(e[i].i, i);
	}
	assert_string_equal(e[2].to->id, "done");
}

static void test_back_keeps_answers(void **state)
{
	struct fx *f = *state;
	assert_int_equal(session_choose(f->s, 0), SESSION_OK); /* health */
	assert_int_equal(session_choose(f->s, 1), SESSION_OK); /* vocational -> sbb */
	assert_string_equal(here(f->s), "diploma:sbb");
	assert_string_equal(plan(f->s), "diploma-gather,diploma-sbb");
	/* sbb's third option is hidden for healthcare. */
	assert_int_equal(session_view(f->s)->n_options, 2);
	assert_int_equal(session_choose(f->s, 0), SESSION_OK);
	assert_string_equal(here(f->s), "klantreis:done");

	/* Back twice: to sbb with "See my plan" selected, then to intro with
	 * "Vocational school" selected. */
	assert_int_equal(session_back(f->s), SESSION_OK);
	assert_string_equal(here(f->s), "diploma:sbb");
	assert_int_equal(session_view(f->s)->selected, 0);
	assert_int_equal(session_back(f->s), SESSION_OK);
	assert_string_equal(here(f->s), "diploma:intro");
	assert_int_equal(session_view(f->s)->selected, 1);

	/* A different choice replaces the path ahead, and the plan with it. */
	assert_int_equal(session_choose(f->s, 0), SESSION_OK);
	assert_string_equal(here(f->s), "diploma:nuffic");
	assert_string_equal(plan(f->s), "diploma-gather,diploma-nuffic,diploma-big");

	/* Back to the hub, choose "Other work": the education answer is still
	 * remembered and pre-selected, the healthcare warning is gone. */
	assert_int_equal(session_back(f->s), SESSION_OK);
	assert_int_equal(session_back(f->s), SESSION_OK);
	assert_string_equal(here(f->s), "klantreis:start");
	assert_int_equal(session_view(f->s)->selected, 0);
	assert_int_equal(session_choose(f->s, 1), SESSION_OK);
	const struct view *v = session_view(f->s);
	assert_int_equal(v->n_paras, 1);
	assert_int_equal(v->selected, 0); /* education=higher, chosen last */
	assert_string_equal(session_answer(f->s, "education"), "higher");
	assert_int_equal(session_choose(f->s, 1), SESSION_OK);
	assert_string_equal(here(f->s), "diploma:sbb");
	assert_int_equal(session_view(f->s)->n_options, 3);
	/* The answer to a later question changes where a route leads and what
	 * the plan holds: no BIG task for other work. */
	assert_string_equal(plan(f->s), "diploma-gather,diploma-sbb");
}

static void test_loop_plan_no_duplicates(void **state)
{
	struct fx *f = *state;
	assert_int_equal(session_choose(f->s, 1), SESSION_OK);
	assert_int_equal(session_choose(f->s, 1), SESSION_OK); /* sbb */
	assert_int_equal(session_choose(f->s, 1), SESSION_OK); /* start again: intro */
	assert_string_equal(here(f->s), "diploma:intro");
	assert_int_equal(session_choose(f->s, 1), SESSION_OK); /* sbb again */
	assert_int_equal(session_depth(f->s), 5);
	assert_string_equal(plan(f->s), "diploma-gather,diploma-sbb");
}

static void test_jump_and_start(void **state)
{
	struct fx *f = *state;
	assert_int_equal(session_jump(f->s, "diploma:nuffic"), SESSION_OK);
	assert_string_equal(here(f->s), "diploma:nuffic");
	assert_int_equal(session_depth(f->s), 2);
	assert_int_equal(session_jump(f->s, "route"), SESSION_OK); /* relative, routed */
	assert_string_equal(here(f->s), "diploma:sbb");
	assert_int_equal(session_jump(f->s, "nope:x"), SESSION_E_REF);
	assert_int_equal(session_start(f->s, "diploma:nope"), SESSION_E_REF);
	assert_string_equal(here(f->s), "diploma:sbb");
	assert_int_equal(session_start(f->s, "diploma:"), SESSION_OK);
	assert_string_equal(here(f->s), "diploma:intro");
	assert_int_equal(session_depth(f->s), 1);
}

static void test_ticks_and_reset(void **state)
{
	struct fx *f = *state;
	assert_int_equal(session_choose(f->s, 1), SESSION_OK);
	const struct task **p;
	assert_int_equal(session_plan(f->s, &p), 1);
	assert_false(session_ticked(f->s, p[0]));
	session_tick(f->s, p[0], true);
	session_tick(f->s, p[0], true);
	assert_true(session_ticked(f->s, p[0]));
	session_tick(f->s, p[0], false);
	assert_false(session_ticked(f->s, p[0]));
	session_tick(f->s, p[0], true);
	session_reset(f->s);
	assert_false(session_ticked(f->s, p[0]));
	assert_null(session_answer(f->s, "profession"));
	assert_int_equal(session_depth(f->s), 0);
}

/* The generation grows with every change the save file would show, and
 * only then: the guide writes the file when it grew (issue 15). */
static void test_generation(void **state)
{
	struct fx *f = *state;
	unsigned long g = session_generation(f->s);
	char *before = session_save(f->s, "en");
	(void)session_view(f->s);
	const struct task **p;
	(void)session_plan(f->s, &p);
	(void)session_answer(f->s, "profession");
	assert_int_equal(session_generation(f->s), g);
	char *same = session_save(f->s, "en");
	assert_string_equal(before, same);
	assert_int_equal(session_choose(f->s, 1), SESSION_OK);
	assert_true(session_generation(f->s) > g);
	g = session_generation(f->s);
	assert_int_equal(session_plan(f->s, &p), 1);
	session_tick(f->s, p[0], true);
	assert_true(session_generation(f->s) > g);
	g = session_generation(f->s);
	session_tick(f->s, p[0], true); /* already ticked: no change */
	assert_int_equal(session_generation(f->s), g);
	session_tick(f->s, p[0], false);
	assert_true(session_generation(f->s) > g);
	g = session_generation(f->s);
	session_tick(f->s, p[0], false); /* not ticked: no change */
	assert_int_equal(session_generation(f->s), g);
	assert_int_equal(session_choose(f->s, 99), SESSION_E_RANGE);
	assert_int_equal(session_back(f->s), SESSION_OK);
	assert_true(session_generation(f->s) > g);
	g = session_generation(f->s);
	assert_int_equal(session_back(f->s), SESSION_E_FIRST);
	assert_int_equal(session_jump(f->s, "diploma:intro"), SESSION_OK);
	assert_true(session_generation(f->s) > g);
	g = session_generation(f->s);
	session_forget_private(f->s);
	assert_true(session_generation(f->s) > g);
	g = session_generation(f->s);
	session_reset(f->s);
	assert_true(session_generation(f->s) > g);
	free(before);
	free(same);
}

static void test_save_load(void **state)
{
	struct fx *f = *state;
	assert_int_equal(session_choose(f->s, 0), SESSION_OK);
	assert_int_equal(session_choose(f->s, 1), SESSION_OK); /* sbb */
	const struct task **p;
	size_t n = session_plan(f->s, &p);
	assert_int_equal(n, 2);
	session_tick(f->s, p[1], true);
	assert_int_equal(session_choose(f->s, 0), SESSION_OK);
	char *saved = session_save(f->s, "uk");
	assert_string_equal(saved, "klantreis-session 1\n"
				   "lang uk\n"
				   "path klantreis:start\n"
				   "path diploma:intro\n"
				   "path diploma:sbb\n"
				   "path klantreis:done\n"
				   "answer profession health\n"
				   "answer education vocational\n"
				   "choice diploma:sbb 0\n"
				   "tick diploma-sbb\n"
				   "end\n");
	struct session *s2 = session_new(f->set);
	char lang[8] = "";
	char *err = NULL;
	assert_true(session_load(s2, saved, lang, sizeof lang, &err));
	assert_null(err);
	assert_string_equal(lang, "uk");
	assert_string_equal(here(s2), "klantreis:done");
	char *again = session_save(s2, lang);
	assert_string_equal(again, saved);
	assert_string_equal(plan(s2), "diploma-gather,diploma-sbb,hub-help");
	session_plan(s2, &p);
	assert_true(session_ticked(s2, p[1]));
	assert_false(session_ticked(s2, p[0]));
	assert_int_equal(session_back(s2), SESSION_OK);
	assert_int_equal(session_view(s2)->selected, 0);
	assert_int_equal(session_back(s2), SESSION_OK);
	assert_int_equal(session_view(s2)->selected, 1);
	free(again);
	free(saved);
	session_free(s2);
}

/* A save file of many answers loads in linear time (issue 17: 1 MB of
 * answer lines took 11.8 s, each line a pass over the answers so far).
 * 150 000 lines: distinct variables no step asks (dropped), the same
 * variable again and again (the last answer counts), tasks ticked again
 * and again. Quadratic, this takes minutes; linear, well under a second
 * of CPU time (the bound leaves room for a sanitizer build). */
static void test_load_many_answers(void **state)
{
	struct fx *f = *state;
	struct strbuf b;
	sb_init(&b);
	sb_puts(&b, "klantreis-session 1\nlang en\npath klantreis:start\npath diploma:intro\n");
	for (int i = 0; i < 100000; i++)
		sb_printf(&b, "answer v%d yes\n", i);
	for (int i = 0; i < 25000; i++)
		sb_printf(&b, "answer education %s\n", i % 2 ? "vocational" : "higher");
	for (int i = 0; i < 25000; i++)
		sb_puts(&b, "tick diploma-sbb\n");
	sb_puts(&b, "end\n");
	struct session *s2 = session_new(f->set);
	char lang[8] = "";
	char *err = NULL;
	clock_t t0 = clock();
	assert_true(session_load(s2, b.s, lang, sizeof lang, &err));
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	assert_null(err);
	assert_true(secs < 3.0);
	assert_string_equal(session_answer(s2, "education"), "vocational"); /* the last */
	assert_null(session_answer(s2, "v7"));
	char *saved = session_save(s2, lang);
	assert_non_null(strstr(saved, "answer education vocational\ntick diploma-sbb\nend\n"));
	free(saved);
	session_free(s2);
	sb_free(&b);
}

static void test_load_bad(void **state)
{
	struct fx *f = *state;
	static const struct {
		const char *text, *needle;
	} bad[] = {
		{"", "empty"},
		{"hello world\n", "not a klantreis session"},
		{"klantreis-session 1\nlang en\npath klantreis:start\n", "incomplete"},
		{"klantreis-session 1\nlang en\npath klantreis:start\nend\nmore\n", "after 'end'"},
		{"klantreis-session 9\nend\n", "newer"},
		{"klantreis-session x\nend\n", "version"},
		{"klantreis-session 1\npath nope:x\nend\n", "no longer exists"},
		{"klantreis-session 1\npath diploma:route\nend\n", "no longer exists"},
		{"klantreis-session 1\npath diploma:\nend\n", "no longer exists"},
		{"klantreis-session 1\npath klantreis:start\ntick nope\nend\n", "unknown task"},
		{"klantreis-session 1\npath klantreis:start\nchoice diploma:sbb 7\nend\n", "unknown choice"},
		{"klantreis-session 1\npath klantreis:start\nanswer a b c\nend\n", "too many"},
		{"klantreis-session 1\npath klantreis:start\nanswer A\xff b\nend\n", "not understood"},
		{"klantreis-session 1\nlang en\nend\n", "no steps"},
		{"klantreis-session 1\nwhat\nend\n", "not understood"},
	};
	assert_int_equal(session_choose(f->s, 1), SESSION_OK);
	char *before = session_save(f->s, "en");
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char lang[8] = "xx";
		char *err = NULL;
		assert_false(session_load(f->s, bad[i].text, lang, sizeof lang, &err));
		assert_non_null(err);
		if (!strstr(err, bad[i].needle))
			fail_msg("case %zu: \"%s\" does not mention \"%s\"", i, err, bad[i].needle);
		free(err);
		assert_string_equal(lang, "xx");
		/* The session is unchanged. */
		char *after = session_save(f->s, "en");
		assert_string_equal(after, before);
		free(after);
	}
	/* Every truncation of a good save before its "end" line is refused,
	 * never a crash. */
	char *good = session_save(f->s, "nl");
	size_t len = strlen(good) - strlen("end\n");
	for (size_t cut = 0; cut <= len; cut++) {
		char *t = xstrndup(good, cut);
		char *err = NULL;
		char lang[8];
		struct session *s2 = session_new(f->set);
		bool ok = session_load(s2, t, lang, sizeof lang, &err);
		assert_false(ok); /* without the final "end\n" line nothing loads */
		free(err);
		session_free(s2);
		free(t);
	}
	free(good);
	free(before);
}

/* DESIGN.md section 3.2: what is given in a private journey, and the
 * choice that led into it, never reach the saved bytes; the public part
 * after it does. A save file written before the journey became private
 * loads without it. The quick exit forgets it in memory too. */
static void test_private_not_saved(void **state)
{
	(void)state;
	struct diag_list d;
	diag_init(&d);
	struct journey_set *set = journey_set_load(FIXTURES "/private", &d);
	assert_int_equal(d.errors, 0);
	diag_free(&d);
	const struct journey *secret = journey_set_find(set, "secret");
	assert_non_null(secret);
	assert_true(secret->is_private);
	assert_false(journey_set_find(set, "klantreis")->is_private);

	struct session *s = session_new(set);
	assert_int_equal(session_start(s, "klantreis:start"), SESSION_OK);
	/* Only the private part: nothing is left to save. */
	assert_int_equal(session_choose(s, 1), SESSION_OK);
	assert_string_equal(here(s), "secret:start");
	assert_true(session_has_private(s));
	char *none = session_save(s, "en");
	assert_non_null(none); /* the hub is still on the path */
	assert_null(strstr(none, "secret"));
	assert_null(strstr(none, "choice"));
	free(none);
	assert_int_equal(session_choose(s, 0), SESSION_OK); /* my boss keeps my passport */
	assert_string_equal(here(s), "secret:report");
	assert_string_equal(session_answer(s, "secret-passport"), "yes");
	const struct task **p;
	assert_int_equal(session_plan(s, &p), 1);
	session_tick(s, p[0], true);
	assert_int_equal(session_choose(s, 0), SESSION_OK); /* on to the papers */
	assert_string_equal(here(s), "klantreis:papers");
	assert_int_equal(session_choose(s, 1), SESSION_OK); /* no ID card */
	assert_string_equal(here(s), "klantreis:done");
	/* In this session the plan holds the private task (an export now
	 * may show it). */
	assert_string_equal(plan(s), "secret-report,papers-copy,hub-help");

	char *saved = session_save(s, "en");
	assert_non_null(saved);
	assert_string_equal(saved, "klantreis-session 1\n"
				   "lang en\n"
				   "path klantreis:start\n"
				   "path klantreis:papers\n"
				   "path klantreis:done\n"
				   "answer has-id no\n"
				   "end\n");
	static const char *const never[] = {"secret", "passport", "report", "tick", "choice"};
	for (size_t i = 0; i < sizeof never / sizeof never[0]; i++)
		if (strstr(saved, never[i]))
			fail_msg("\"%s\" is in the saved bytes:\n%s", never[i], saved);

	/* Loaded again: nothing of it is pre-selected or in the plan. */
	struct session *s2 = session_new(set);
	char lang[8], *err = NULL;
	assert_true(session_load(s2, saved, lang, sizeof lang, &err));
	assert_string_equal(plan(s2), "papers-copy,hub-help");
	assert_null(session_answer(s2, "secret-passport"));
	assert_false(session_has_private(s2));
	session_start(s2, "klantreis:start");
	assert_int_equal(session_view(s2)->selected, 0);
	session_free(s2);

	/* A file from before the journey became private: its part is left
	 * out when loaded. */
	static const char old[] = "klantreis-session 1\nlang en\npath klantreis:start\n"
				  "path secret:start\npath secret:report\nanswer secret-passport yes\n"
				  "choice klantreis:start 1\nchoice secret:report 0\ntick secret-report\nend\n";
	s2 = session_new(set);
	assert_true(session_load(s2, old, lang, sizeof lang, &err));
	assert_string_equal(here(s2), "klantreis:start");
	assert_int_equal(session_depth(s2), 1);
	assert_false(session_has_private(s2));
	assert_int_equal(session_view(s2)->selected, 0);
	char *clean = session_save(s2, "en");
	assert_null(strstr(clean, "secret"));
	assert_null(strstr(clean, "choice"));
	free(clean);
	session_free(s2);

	/* The quick exit forgets it in memory: the path keeps the public
	 * steps, the answers only public ones. */
	session_forget_private(s);
	assert_false(session_has_private(s));
	assert_null(session_answer(s, "secret-passport"));
	assert_string_equal(session_answer(s, "has-id"), "no");
	assert_int_equal(session_depth(s), 3);
	assert_string_equal(plan(s), "papers-copy,hub-help");
	char *after = session_save(s, "en");
	assert_string_equal(after, saved);
	free(after);

	/* Every step private: nothing to save at all. */
	assert_int_equal(session_start(s, "secret:"), SESSION_OK);
	assert_null(session_save(s, "en"));
	session_forget_private(s);
	assert_int_equal(session_depth(s), 0);

	free(saved);
	session_free(s);
	journey_set_free(set);
}

static void test_glossary_words(void **state)
{
	struct fx *f = *state;
	assert_true(glossary_word_in("Your BSN is on the letter", "BSN"));
	assert_true(glossary_word_in("BSN-nummer", "BSN"));
	assert_false(glossary_word_in("BSNX", "BSN"));
	assert_false(glossary_word_in("a big house", "BIG"));
	assert_true(glossary_word_in("Go to the Gemeente.", "gemeente"));
	assert_true(glossary_word_in("Ваш BSN", "BSN"));
	assert_true(glossary_word_in("«BSN»", "BSN"));
	assert_true(glossary_word_in("„gemeente“ —", "gemeente"));
	assert_true(glossary_word_in("BSN’s", "BSN"));
	assert_false(glossary_word_in("BSNів", "BSN")); /* a Cyrillic ending makes another word */
	assert_false(glossary_word_in("éBSN", "BSN"));
	const struct term *out[4];
	size_t n = 0;
	glossary_terms_in(f->set, "Ask the gemeente for your burgerservicenummer", out, &n);
	assert_int_equal(n, 2);
	glossary_terms_in(f->set, "BSN", out, &n);
	assert_int_equal(n, 2); /* no duplicates */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_walk_and_route, setup, teardown),
		cmocka_unit_test_setup_teardown(test_settle_and_edges, setup, teardown),
		cmocka_unit_test_setup_teardown(test_back_keeps_answers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_loop_plan_no_duplicates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_jump_and_start, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ticks_and_reset, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_load, setup, teardown),
		cmocka_unit_test_setup_teardown(test_load_bad, setup, teardown),
		cmocka_unit_test_setup_teardown(test_load_many_answers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_generation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_glossary_words, setup, teardown),
		cmocka_unit_test(test_private_not_saved),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
