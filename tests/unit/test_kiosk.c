/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Kiosk building blocks: configuration errors name their line, PINs are
 * hashed and checked, wrong PINs are rate-limited, the print command gets
 * exactly the plan through execve, and a QR code drawn in half blocks
 * decodes back to its link (read by zbarimg from the drawn characters). */
#include "testutil.h"

#include <sys/wait.h>

#include "core/store.h"
#include "core/wrap.h"
#include "kiosk/kiosk.h"

static int store_read_for_test(const char *path, char **text)
{
	char *err = NULL;
	int r = store_read(path, text, NULL, &err);
	free(err);
	return r;
}

#define wrap_width_for_test wrap_width

static char *conf(const char *dir, const char *text)
{
	tu_write(dir, "kiosk.conf", text, strlen(text));
	return xasprintf("%s/kiosk.conf", dir);
}

static void test_config(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	struct kiosk_config c;
	char *err = NULL;
	char *p = conf(dir, "# reception desk 3\n"
			    "pin_hash = $y$j9T$abcdefghijklmnop$0123456789abcdefghijklmnopqrstuvwxyzABCDE\n"
			    "idle_seconds = 90\n\n"
			    "  countdown_seconds=  10  \n"
			    "print_command = /usr/bin/lp -d desk3\n"
			    "language = uk\n"
			    "volunteer_language = en\n");
	assert_true(kiosk_config_load(&c, p, true, &err));
	assert_int_equal(c.idle_seconds, 90);
	assert_int_equal(c.countdown_seconds, 10);
	assert_string_equal(c.print_argv[0], "/usr/bin/lp");
	assert_string_equal(c.print_argv[2], "desk3");
	assert_null(c.print_argv[3]);
	assert_string_equal(c.language, "uk");
	assert_string_equal(c.volunteer_language, "en");
	assert_non_null(c.pin_hash);
	assert_string_equal(c.pin_attempts_file, KIOSK_PIN_ATTEMPTS_DEFAULT);
	kiosk_config_free(&c);
	free(p);
	/* Another place for the count of wrong PINs, or none. */
	p = conf(dir, "pin_attempts_file = /run/kiosk-2/pins\n");
	assert_true(kiosk_config_load(&c, p, true, &err));
	assert_string_equal(c.pin_attempts_file, "/run/kiosk-2/pins");
	kiosk_config_free(&c);
	free(p);
	p = conf(dir, "pin_attempts_file =\n");
	assert_true(kiosk_config_load(&c, p, true, &err));
	assert_null(c.pin_attempts_file);
	kiosk_config_free(&c);
	free(p);

	static const struct {
		const char *text, *needle;
	} bad[] = {
		{"idle_seconds = 90\nwhat\n", ":2: expected 'key = value'"},
		{"\n\ncolour = red\n", ":3: unknown key 'colour'"},
		{"idle_seconds = soon\n", ":1: idle_seconds must be a number"},
		{"idle_seconds = 1\n", ":1: idle_seconds must be a number from 5"},
		{"countdown_seconds = -3\n", ":1: countdown_seconds"},
		{"pin_hash = 1234\n", ":1: pin_hash is not a crypt(3) hash"},
		{"print_command = lp -d x\n", ":1: print_command must start with an absolute path"},
		{"language = de\n", ":1: language must be"},
		{"volunteer_language = picker\n", ":1: volunteer_language must be"},
		{"pin_attempts_file = run/pins\n", ":1: pin_attempts_file must be an absolute path"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		p = conf(dir, bad[i].text);
		assert_false(kiosk_config_load(&c, p, true, &err));
		if (!err || !strstr(err, bad[i].needle))
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err ? err : "(null)", bad[i].needle);
		assert_non_null(strstr(err, "kiosk.conf"));
		free(err);
		free(p);
	}
	/* A missing file: defaults when optional, an error when asked for. */
	p = xasprintf("%s/none.conf", dir);
	assert_true(kiosk_config_load(&c, p, false, &err));
	assert_int_equal(c.idle_seconds, 180);
	assert_int_equal(c.countdown_seconds, 30);
	assert_string_equal(c.language, "picker");
	assert_string_equal(c.volunteer_language, "nl");
	assert_null(c.print_argv);
	kiosk_config_free(&c);
	assert_false(kiosk_config_load(&c, p, true, &err));
	free(err);
	free(p);
	tu_rmdir(dir);
	free(dir);
}

static void test_pin(void **state)
{
	(void)state;
	char *h = kiosk_pin_hash("4711");
	assert_non_null(h);
	assert_true(strncmp(h, "$y$", 3) == 0 || strncmp(h, "$6$", 3) == 0);
	assert_null(strstr(h, "4711"));
	assert_true(kiosk_pin_check("4711", h));
	assert_false(kiosk_pin_check("4712", h));
	assert_false(kiosk_pin_check("", h));
	assert_false(kiosk_pin_check("4711", "4711"));
	char *h2 = kiosk_pin_hash("4711");
	assert_string_not_equal(h, h2); /* salted */
	free(h);
	free(h2);

	struct kiosk_pin_guard g = {0};
	assert_int_equal(kiosk_pin_wait(&g, 1000000), 0);
	kiosk_pin_result(&g, false, 1000000);
	assert_int_equal(kiosk_pin_wait(&g, 1000000), 1);
	/* Rounded up: 1 ms left is still a second to show. */
	assert_int_equal(kiosk_pin_wait(&g, 1000999), 1);
	assert_int_equal(kiosk_pin_wait(&g, 1001000), 0);
	kiosk_pin_result(&g, false, 1001000);
	assert_int_equal(kiosk_pin_wait(&g, 1001000), 2);
	assert_int_equal(kiosk_pin_wait(&g, 1002001), 1);
	for (int i = 0; i < 20; i++)
		kiosk_pin_result(&g, false, 2000000);
	assert_int_equal(kiosk_pin_wait(&g, 2000000), 300);
	kiosk_pin_result(&g, true, 2000000);
	assert_int_equal(kiosk_pin_wait(&g, 2000000), 0);
}

/* The count of wrong PINs outlives the kiosk: a guard loaded from the
 * file goes on where the last one stopped; the right PIN removes it. */
static void test_pin_restart(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	char *file = xasprintf("%s/pin-attempts", dir);
	struct kiosk_pin_guard g;
	kiosk_pin_guard_load(&g, file, 5000); /* no file yet: no count */
	assert_int_equal(g.fails, 0);
	assert_int_equal(kiosk_pin_wait(&g, 5000), 0);
	kiosk_pin_result(&g, false, 5000);
	kiosk_pin_result(&g, false, 6000);
	kiosk_pin_result(&g, false, 8000); /* 3 wrong: wait 4 s */
	char *text = NULL;
	assert_int_equal(store_read_for_test(file, &text), 1);
	assert_string_equal(text, "fails 3\nnext_try_ms 12000\n");
	free(text);
	struct stat st;
	assert_int_equal(stat(file, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);

	/* Restarted a second later: 3 s still to wait, then a wrong PIN
	 * waits 8 s (the 4th in a row), not 1 s (a fresh start). */
	struct kiosk_pin_guard h;
	kiosk_pin_guard_load(&h, file, 9000);
	assert_int_equal(h.fails, 3);
	assert_int_equal(kiosk_pin_wait(&h, 9000), 3);
	kiosk_pin_result(&h, false, 12000);
	assert_int_equal(kiosk_pin_wait(&h, 12000), 8);
	kiosk_pin_guard_load(&g, file, 12000);
	assert_int_equal(g.fails, 4);
	/* The right PIN: no count left behind. */
	kiosk_pin_result(&h, true, 20000);
	assert_int_equal(access(file, F_OK), -1);
	kiosk_pin_guard_load(&g, file, 20000);
	assert_int_equal(g.fails, 0);
	assert_int_equal(kiosk_pin_wait(&g, 20000), 0);

	/* A count from an earlier boot (the clock started again): at most
	 * the longest wait. */
	tu_write(dir, "pin-attempts", "fails 12\nnext_try_ms 999999999\n", 31);
	kiosk_pin_guard_load(&g, file, 1000);
	assert_int_equal(g.fails, 12);
	assert_int_equal(kiosk_pin_wait(&g, 1000), 300);
	/* Anything else in the file is no count. */
	static const char *const bad[] = {
		"", "fails 3\n", "fails 3\nnext_try_ms soon\n", "fails 0\nnext_try_ms 12000\n",
		"fails -1\nnext_try_ms 12000\n", "fails 3\nnext_try_ms 12000\nname Olena\n",
		"fails 3\nnext_try_ms -5\n", "nonsense", "fails 3\nnext_try_ms 12000",
		"fails  3\nnext_try_ms 12000\n", "fails 3\nnext_try_ms 99999999999999999999\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		tu_write(dir, "pin-attempts", bad[i], strlen(bad[i]));
		kiosk_pin_guard_load(&g, file, 1000);
		if (g.fails != 0 || kiosk_pin_wait(&g, 1000) != 0)
			fail_msg("case %zu: \"%s\" gave %u wrong PINs", i, bad[i], g.fails);
	}
	/* A directory that is not there: the count is kept in memory. */
	char *gone = xasprintf("%s/none/pin-attempts", dir);
	kiosk_pin_guard_load(&g, gone, 1000);
	kiosk_pin_result(&g, false, 1000);
	assert_int_equal(g.fails, 1);
	assert_int_equal(kiosk_pin_wait(&g, 1000), 1);
	assert_int_equal(access(gone, F_OK), -1);
	/* No file named: nothing read or written. */
	kiosk_pin_guard_load(&g, NULL, 1000);
	kiosk_pin_result(&g, false, 1000);
	assert_int_equal(g.fails, 1);
	free(gone);
	free(file);
	tu_rmdir(dir);
	free(dir);
}

static void test_print(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	char *out = xasprintf("%s/printed", dir);
	char *script = xasprintf("#!/bin/sh\n# arguments, then the plan\nprintf '%%s|' \"$@\" >\"%s\"\necho >>\"%s\"\ncat >>\"%s\"\n",
				 out, out, out);
	tu_write(dir, "fakelp", script, strlen(script));
	char *prog = xasprintf("%s/fakelp", dir);
	chmod(prog, 0700);
	const char *plan = "Your action plan\n\n[ ] Register in the BRP; \"$(rm -rf /)\" `x`\n";
	char *argv[] = {prog, "-d", "desk 3", NULL};
	const char *why = NULL;
	assert_int_equal(kiosk_print(argv, plan, 10, &why), 0);
	char *got = NULL;
	assert_int_equal(store_read_for_test(out, &got), 1);
	char *want = xasprintf("-d|desk 3|\n%s", plan);
	assert_string_equal(got, want); /* the plan exactly, arguments untouched */
	free(got);
	free(want);

	char *missing[] = {"/nonexistent/lp", NULL};
	assert_int_equal(kiosk_print(missing, plan, 5, &why), -1);
	assert_non_null(why);
	/* Checked at start: a program that is not there, or may not run. */
	assert_true(kiosk_print_usable(argv, &why));
	assert_false(kiosk_print_usable(missing, &why));
	assert_non_null(strstr(why, "does not exist"));
	chmod(prog, 0600);
	assert_false(kiosk_print_usable(argv, &why));
	assert_non_null(strstr(why, "may not be run"));
	chmod(prog, 0700);
	char *falsy[] = {"/bin/false", NULL};
	assert_int_equal(kiosk_print(falsy, plan, 5, &why), -1);
	char *slow[] = {"/bin/sleep", "30", NULL};
	time_t start = time(NULL);
	assert_int_equal(kiosk_print(slow, plan, 1, &why), -1);
	assert_true(time(NULL) - start < 10);
	assert_non_null(strstr(why, "in time"));

	/* A plan larger than a pipe holds, to a command that never reads:
	 * no step blocks (the write once did, for ever), and the timeout
	 * still ends it. */
	size_t big_len = 1u << 20;
	char *big = xmalloc(big_len + 1);
	memset(big, 'x', big_len);
	big[big_len] = '\0';
	char *never[] = {"/bin/sleep", "1000", NULL};
	struct kiosk_print_job job;
	kiosk_print_job_init(&job);
	assert_int_equal(kiosk_print_start(&job, never, big, big_len, 1, &why), 0);
	assert_true(kiosk_print_busy(&job));
	start = time(NULL);
	int r;
	while ((r = kiosk_print_step(&job, &why)) == 1) {
		struct timespec pause = {0, 20 * 1000 * 1000};
		nanosleep(&pause, NULL);
		assert_true(time(NULL) - start < 10);
	}
	assert_int_equal(r, -1);
	assert_non_null(strstr(why, "in time"));
	assert_false(kiosk_print_busy(&job));
	/* The same through the waiting call. */
	start = time(NULL);
	assert_int_equal(kiosk_print(never, big, 1, &why), -1);
	assert_true(time(NULL) - start < 10);
	/* Cancelled: the command is gone at once. */
	assert_int_equal(kiosk_print_start(&job, never, big, big_len, 30, &why), 0);
	pid_t pid = job.pid;
	assert_int_equal(kiosk_print_step(&job, &why), 1);
	kiosk_print_cancel(&job);
	assert_false(kiosk_print_busy(&job));
	assert_int_equal(kill(pid, 0), -1);
	/* A printer that exits without reading: said so, and no SIGPIPE. */
	char *quitter[] = {"/bin/true", NULL};
	assert_int_equal(kiosk_print(quitter, big, 5, &why), -1);
	assert_non_null(strstr(why, "whole plan"));
	free(big);
	free(script);
	free(prog);
	free(out);
	tu_rmdir(dir);
	free(dir);
}

/* Read the drawn half blocks back into pixels, as a camera would see the
 * screen, and let zbarimg decode them. */
static char *decode_drawn(char **lines, size_t n, const char *dir)
{
	int w = wrap_width_for_test(lines[0]), h = (int)n * 2, scale = 6;
	char *path = xasprintf("%s/qr.pbm", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "P1\n%d %d\n", w * scale, h * scale);
	for (int y = 0; y < h; y++)
		for (int sy = 0; sy < scale; sy++) {
			const char *p = lines[y / 2];
			for (int x = 0; x < w; x++) {
				bool top, bot;
				if (strncmp(p, "█", 3) == 0)
					top = bot = true, p += 3;
				else if (strncmp(p, "▀", 3) == 0)
					top = true, bot = false, p += 3;
				else if (strncmp(p, "▄", 3) == 0)
					top = false, bot = true, p += 3;
				else
					top = bot = false, p += 1;
				bool dark = y % 2 ? bot : top;
				for (int sx = 0; sx < scale; sx++)
					fputs(dark ? "1 " : "0 ", f);
			}
			fputc('\n', f);
		}
	fclose(f);
	char *cmd = xasprintf("zbarimg --quiet --raw '%s' 2>/dev/null", path);
	FILE *z = popen(cmd, "r");
	assert_non_null(z);
	char buf[512] = "";
	size_t r = fread(buf, 1, sizeof buf - 1, z);
	buf[r] = '\0';
	pclose(z);
	while (r && buf[r - 1] == '\n')
		buf[--r] = '\0';
	free(cmd);
	free(path);
	return xstrdup(buf);
}

static void test_qr(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	static const char *links[] = {
		"https://www.idw.nl/",
		"https://www.nlarbeidsinspectie.nl/onderwerpen/melden",
		"https://www.refugeehelp.nl/get-help/work-and-income/working-in-the-netherlands",
	};
	for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
		struct kiosk_qr qr;
		assert_true(kiosk_qr_make(links[i], &qr));
		assert_true(qr.size >= 21);
		size_t n;
		char **lines = kiosk_qr_halfblocks(&qr, &n);
		assert_int_equal(n, (size_t)(qr.size + 4 + 1) / 2);
		char *got = decode_drawn(lines, n, dir);
		assert_string_equal(got, links[i]);
		free(got);
		for (size_t k = 0; k < n; k++)
			free(lines[k]);
		free(lines);
		kiosk_qr_free(&qr);
	}
	tu_rmdir(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config),
		cmocka_unit_test(test_pin),
		cmocka_unit_test(test_pin_restart),
		cmocka_unit_test(test_print),
		cmocka_unit_test(test_qr),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
