/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `when` conditions: parsing, and/or precedence, not, alternatives and
 * unanswered variables. */
#include "testutil.h"

#include "core/cond.h"

struct answers {
	const char *kv[8][2];
};

static const char *lookup(void *ctx, const char *var)
{
	struct answers *a = ctx;
	for (size_t i = 0; i < 8 && a->kv[i][0]; i++)
		if (strcmp(a->kv[i][0], var) == 0)
			return a->kv[i][1];
	return NULL;
}

static bool eval(const char *when, struct answers *a)
{
	struct arena *ar = arena_new();
	const char *err = NULL;
	size_t off = 0;
	struct cond *c = cond_parse(ar, when, &err, &off);
	if (!c)
		fail_msg("cond_parse(\"%s\"): %s at %zu", when, err, off);
	bool r = cond_eval(c, lookup, a);
	arena_free(ar);
	return r;
}

static void test_parse_terms(void **state)
{
	(void)state;
	struct arena *ar = arena_new();
	const char *err;
	size_t off;
	struct cond *c = cond_parse(ar, "not profession=health|teaching and education!=none or x=y", &err, &off);
	assert_non_null(c);
	assert_int_equal(c->n_terms, 3);
	assert_true(c->terms[0].negate);
	assert_false(c->terms[0].ne);
	assert_string_equal(c->terms[0].var, "profession");
	assert_int_equal(c->terms[0].n_values, 2);
	assert_string_equal(c->terms[0].values[1], "teaching");
	assert_true(c->terms[1].ne);
	assert_false(c->or_after[0]);
	assert_true(c->or_after[1]);
	arena_free(ar);
}

static void test_parse_errors(void **state)
{
	(void)state;
	static const struct {
		const char *when;
		size_t offset;
	} bad[] = {
		{"", 0},	      {"profession", 10},   {"a=b and", 7},   {"a=b nand c=d", 4},
		{"=x", 0},	      {"a=", 2},	    {"a=b|", 4},      {"a=b or or c=d", 9},
		{"not", 3},	      {"a==b", 2},	    {"a=b c=d", 4},   {"a!b", 1},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct arena *ar = arena_new();
		const char *err = NULL;
		size_t off = 99;
		assert_null(cond_parse(ar, bad[i].when, &err, &off));
		assert_non_null(err);
		if (off != bad[i].offset)
			fail_msg("\"%s\": error at %zu, expected %zu (%s)", bad[i].when, off,
				 bad[i].offset, err);
		arena_free(ar);
	}
}

static void test_eval(void **state)
{
	(void)state;
	struct answers a = {{{"profession", "health"}, {"education", "higher"}}};
	assert_true(eval("profession=health", &a));
	assert_false(eval("profession=teaching", &a));
	assert_true(eval("profession=teaching|health", &a));
	assert_false(eval("profession!=health", &a));
	assert_true(eval("not profession=teaching", &a));
	assert_false(eval("not profession=health|teaching", &a));
	/* and binds tighter than or: a or (b and c) */
	assert_true(eval("education=higher or profession=x and education=y", &a));
	assert_false(eval("education=none or profession=x and education=higher", &a));
	assert_true(eval("education=none or profession=health and education=higher", &a));
	/* (a and b) or c, left to right */
	assert_true(eval("profession=x and education=y or education=higher", &a));
	assert_false(eval("profession=health and education=none or education=vocational", &a));
}

static void test_unanswered(void **state)
{
	(void)state;
	struct answers a = {{{NULL, NULL}}};
	assert_false(eval("profession=health", &a));
	assert_true(eval("profession!=health", &a));
	assert_true(eval("not profession=health", &a));
	assert_false(eval("not profession!=health", &a));
	assert_true(cond_eval(NULL, lookup, &a));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_terms),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_eval),
		cmocka_unit_test(test_unanswered),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
