/* SPDX-License-Identifier: GPL-3.0-or-later */
/* msgids built as xgettext builds them, and display text built back. */
#include "testutil.h"

#include "core/i18n.h"

static void test_normalise(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"  A & B <c>   with\n   spaces\ttab ", "A &amp; B &lt;c&gt; with spaces tab"},
		{"x \"q\" 'a'", "x \"q\" 'a'"},
		{"\n\n", ""},
		{"one", "one"},
		{"Привіт,\r\n  світ", "Привіт, світ"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *m = i18n_msgid_normalise(cases[i].in, strlen(cases[i].in));
		assert_string_equal(m, cases[i].out);
		free(m);
	}
}

static void test_display(void **state)
{
	(void)state;
	char *d = i18n_display("A &amp; B &lt;c&gt; &quot;q&quot; &apos;x&apos; &unknown; &");
	assert_string_equal(d, "A & B <c> \"q\" 'x' &unknown; &");
	free(d);
}

static void test_langs(void **state)
{
	(void)state;
	assert_int_equal(i18n_n_langs, 4);
	assert_string_equal(i18n_find_lang("uk")->name, "Українська");
	assert_string_equal(i18n_find_lang("ru")->name, "Русский");
	assert_string_equal(i18n_find_lang("nl")->name, "Nederlands");
	assert_null(i18n_find_lang("xx"));
	assert_false(i18n_set_lang("xx"));
	assert_true(i18n_set_lang("nl"));
	assert_string_equal(i18n_lang(), "nl");
	/* With no catalogue for this text, the English shows, never "". */
	char *t = i18n_text("Some text &amp; more that no catalogue has");
	assert_string_equal(t, "Some text & more that no catalogue has");
	free(t);
	setenv("LANGUAGE", "", 1);
	setenv("LC_ALL", "uk_UA.UTF-8", 1);
	assert_string_equal(i18n_env_lang(), "uk");
	setenv("LC_ALL", "C", 1);
	assert_null(i18n_env_lang());
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalise),
		cmocka_unit_test(test_display),
		cmocka_unit_test(test_langs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
