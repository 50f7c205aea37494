/* SPDX-License-Identifier: GPL-3.0-or-later */
/* msgids built as xgettext builds them, and display text built back. */
#include "testutil.h"

#include "config.h"
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

/* A catalogue that cannot be read leaves the texts in English and says
 * where and why; a good one translates (the build tree's). */
static void test_catalogues(void **state)
{
	(void)state;
	char dir[] = "/tmp/klantreis-i18n-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *sub = xasprintf("%s/ru/LC_MESSAGES", dir), *mo = xasprintf("%s/klantreis.mo", sub);
	char *mk = xasprintf("mkdir -p '%s' && printf 'not a catalogue, but long enough' >'%s'", sub, mo);
	assert_int_equal(system(mk), 0);
	i18n_init(dir);
	assert_true(i18n_set_lang("ru"));
	const char *path = NULL, *why = i18n_lang_problem(&path);
	assert_non_null(why);
	assert_string_equal(path, mo);
	assert_non_null(strstr(why, "not a gettext catalogue"));
	assert_string_equal(_("Step %zu"), "Step %zu");
	assert_string_equal(ngettext("%ld second", "%ld seconds", 5), "%ld seconds");
	assert_true(i18n_set_lang("uk")); /* none at all: said, too */
	why = i18n_lang_problem(NULL);
	assert_non_null(why);
	assert_non_null(strstr(why, "/uk/LC_MESSAGES/klantreis.mo: "));
	assert_true(i18n_set_lang("en"));
	assert_null(i18n_lang_problem(NULL));

	/* The real ones: a fresh start, so they are opened again. */
	i18n_init(BUILD_ROOT "/po");
	assert_true(i18n_set_lang("nl"));
	assert_null(i18n_lang_problem(NULL));
	assert_string_not_equal(_("Quit"), "Quit");
	assert_true(i18n_set_lang("en"));
	assert_string_equal(_("Quit"), "Quit");
	unlink(mo);
	rmdir(sub);
	*strrchr(sub, '/') = '\0';
	rmdir(sub);
	rmdir(dir);
	free(mk);
	free(mo);
	free(sub);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalise),
		cmocka_unit_test(test_display),
		cmocka_unit_test(test_langs),
		cmocka_unit_test(test_catalogues),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
