/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line (DESIGN 4): every mode conflict and every bad value is
 * a usage error that names the options; the rest parses into struct cli;
 * --help lists every option of the table. */
#include "testutil.h"

#include <stdarg.h>

#include "cli.h"

/* Parse a NULL-terminated list; the message goes to *msg (malloc'd). */
static bool parse(struct cli *c, char **msg, ...)
{
	char *argv[32] = {"klantreis"};
	int argc = 1;
	va_list ap;
	va_start(ap, msg);
	for (char *a; (a = va_arg(ap, char *)) && argc < 31;)
		argv[argc++] = a;
	va_end(ap);
	argv[argc] = NULL;
	size_t len = 0;
	*msg = NULL;
	FILE *err = open_memstream(msg, &len);
	bool ok = cli_parse(c, argc, argv, err);
	fclose(err);
	return ok;
}

#define REFUSED(want, ...)                                                             \
	do {                                                                           \
		struct cli c_;                                                         \
		char *m_;                                                              \
		bool ok_ = parse(&c_, &m_, __VA_ARGS__, (char *)NULL);                 \
		if (ok_ || !strstr(m_, want))                                          \
			fail_msg("expected a usage error with \"%s\", got %s: \"%s\"", \
				 want, ok_ ? "success" : "error", m_);                 \
		free(m_);                                                              \
	} while (0)

static void test_modes_exclude_each_other(void **state)
{
	(void)state;
	static const char *const modes[] = {"--check", "--export=dot", "--paths",
					    "--export-plan=p.md", "--hash-pin", "--kiosk"};
	size_t n = sizeof modes / sizeof modes[0];
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < n; k++) {
			if (i == k)
				continue;
			char want[160];
			char a[40], b[40];
			snprintf(a, sizeof a, "%s", modes[i]);
			snprintf(b, sizeof b, "%s", modes[k]);
			a[strcspn(a, "=")] = '\0';
			b[strcspn(b, "=")] = '\0';
			snprintf(want, sizeof want, "%s and %s do not go together", a, b);
			REFUSED(want, (char *)modes[i], (char *)modes[k]);
		}
	/* The same mode twice is no conflict. */
	struct cli c;
	char *m;
	assert_true(parse(&c, &m, "--check", "--check", (char *)NULL));
	assert_int_equal(c.cmd, CLI_CHECK);
	free(m);
}

static void test_bad_values(void **state)
{
	(void)state;
	REFUSED("unknown language 'de' (use en, nl, uk or ru)", "--lang=de");
	REFUSED("--today=2027-02-30: give a date as YYYY-MM-DD", "--today=2027-02-30");
	REFUSED("--today=tomorrow", "--today=tomorrow");
	REFUSED("--export=pdf: use dot, mermaid or markdown", "--export=pdf");
	REFUSED("--idle=0: give a number of seconds from 1 to 86400", "--kiosk", "--idle=0");
	REFUSED("--idle=5s", "--kiosk", "--idle=5s");
	REFUSED("--countdown=86401", "--kiosk", "--countdown=86401");
	REFUSED("--countdown=: give", "--kiosk", "--countdown=");
	REFUSED("option '--lang' needs a value", "--lang");
	REFUSED("option '--export-plan' needs a value", "--export-plan=");
	REFUSED("option '--replay' needs a value (--replay=...)", "--replay=");
	REFUSED("option '--record' needs a value (--record=...)", "--record=");
	REFUSED("option '--replay' needs a value", "--replay");
	REFUSED("--replay plays in the full-screen guide: leave out --plain", "--plain", "--replay=w.walk");
	REFUSED("unknown option '--colour'", "--colour");
	REFUSED("unknown option '-x'", "-x");
	REFUSED("unexpected argument 'diploma'", "diploma");
}

static void test_options_of_a_mode(void **state)
{
	(void)state;
	REFUSED("--idle works only with --kiosk", "--idle=5");
	REFUSED("--countdown works only with --kiosk", "--countdown=5");
	REFUSED("--kiosk-config works only with --kiosk", "--kiosk-config=/tmp/k");
	REFUSED("--kiosk and --trainer do not go together", "--kiosk", "--trainer");
	REFUSED("--check and --trainer do not go together", "--trainer", "--check");
	/* Walk-throughs: the guide's, never a kiosk's (a kiosk keeps nothing
	 * about a person), nor another mode's. */
	REFUSED("--kiosk and --record do not go together", "--kiosk", "--record=w.walk");
	REFUSED("--kiosk and --record do not go together", "--record=w.walk", "--kiosk");
	REFUSED("--kiosk and --replay do not go together", "--kiosk", "--replay=w.walk");
	REFUSED("--paths and --replay do not go together", "--replay=w.walk", "--paths");
	REFUSED("--export-plan and --record do not go together", "--export-plan=p", "--record=w");
}

static void test_parsed(void **state)
{
	(void)state;
	struct cli c;
	char *m;
	assert_true(parse(&c, &m, "--lang=uk", "--journeys=/j", "--start=diploma:", "--plain",
			  "--no-save", "--today=2027-03-05", (char *)NULL));
	free(m);
	assert_int_equal(c.cmd, CLI_GUIDE);
	assert_string_equal(c.lang, "uk");
	assert_string_equal(c.journeys, "/j");
	assert_string_equal(c.start, "diploma:");
	assert_string_equal(c.today, "2027-03-05");
	assert_true(c.plain && c.no_save && !c.show_ids && !c.trainer);

	assert_true(parse(&c, &m, "--replay=nurse.walk", "--record=out.walk", "--trainer", (char *)NULL));
	free(m);
	assert_int_equal(c.cmd, CLI_GUIDE);
	assert_string_equal(c.replay, "nurse.walk");
	assert_string_equal(c.record, "out.walk");
	assert_true(parse(&c, &m, "--plain", "--record=out.walk", (char *)NULL));
	free(m);
	assert_true(c.plain && c.record && !c.replay);

	assert_true(parse(&c, &m, "--trainer", (char *)NULL));
	free(m);
	assert_true(c.trainer && c.show_ids); /* trainers see the ids */
	assert_string_equal(c.start, "klantreis:start");

	assert_true(parse(&c, &m, "--kiosk", "--idle=30", "--countdown=10",
			  "--kiosk-config=/etc/k.conf", (char *)NULL));
	free(m);
	assert_int_equal(c.cmd, CLI_KIOSK);
	assert_int_equal(c.idle, 30);
	assert_int_equal(c.countdown, 10);
	assert_string_equal(c.kiosk_config, "/etc/k.conf");

	assert_true(parse(&c, &m, "--export=mermaid", "--lang=nl", (char *)NULL));
	free(m);
	assert_int_equal(c.cmd, CLI_EXPORT);
	assert_string_equal(c.export_format, "mermaid");

	assert_true(parse(&c, &m, "--export-plan=plan.md", (char *)NULL));
	free(m);
	assert_int_equal(c.cmd, CLI_EXPORT_PLAN);
	assert_string_equal(c.export_plan, "plan.md");

	/* --help wins, also over a conflict or a bad value after it. */
	assert_true(parse(&c, &m, "--check", "--help", "--paths", "--lang=xx", (char *)NULL));
	free(m);
	assert_int_equal(c.cmd, CLI_HELP);
	assert_true(parse(&c, &m, "--version", (char *)NULL));
	free(m);
	assert_int_equal(c.cmd, CLI_VERSION);
}

static void test_usage_lists_every_option(void **state)
{
	(void)state;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	cli_usage(f);
	fclose(f);
	static const char *const all[] = {
		"--lang=CODE", "--journeys=DIR", "--start=REF", "--plain", "--show-ids", "--trainer",
		"--today=DATE", "--no-save", "--replay=FILE", "--record=FILE", "--check", "--export=FORMAT", "--paths",
		"--export-plan=FILE", "--kiosk ", "--kiosk-config=FILE", "--idle=SECONDS",
		"--countdown=SECONDS", "--hash-pin", "--help", "--version"};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (!strstr(text, all[i]))
			fail_msg("--help does not list %s", all[i]);
	/* No line wider than 80 columns. */
	for (char *line = text, *nl; (nl = strchr(line, '\n')); line = nl + 1)
		assert_true(nl - line <= 80);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_modes_exclude_each_other),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_options_of_a_mode),
		cmocka_unit_test(test_parsed),
		cmocka_unit_test(test_usage_lists_every_option),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
