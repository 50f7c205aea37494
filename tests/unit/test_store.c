/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving progress: atomic writes, interrupted writes, reading back, bad
 * files set aside, forgetting. */
#include "testutil.h"

#include <fcntl.h>
#include <signal.h>
#include <time.h>
#include <sys/wait.h>

#include "core/store.h"

static void test_default_path(void **state)
{
	(void)state;
	setenv("XDG_STATE_HOME", "/x/state", 1);
	char *p = store_default_path();
	assert_string_equal(p, "/x/state/klantreis/session");
	free(p);
	setenv("XDG_STATE_HOME", "relative", 1); /* not absolute: ignored */
	setenv("HOME", "/home/olena", 1);
	p = store_default_path();
	assert_string_equal(p, "/home/olena/.local/state/klantreis/session");
	free(p);
	unsetenv("XDG_STATE_HOME");
	unsetenv("HOME");
	assert_null(store_default_path());
}

static void test_write_read(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	char *path = xasprintf("%s/a/b/session", dir);
	char *err = NULL, *text = NULL;
	time_t when = 0;
	assert_int_equal(store_read(path, &text, &when, &err), 0);
	assert_true(store_write(path, "one\n", &err));
	assert_true(store_write(path, "two\n", &err));
	assert_int_equal(store_read(path, &text, &when, &err), 1);
	assert_string_equal(text, "two\n");
	assert_true(when > 0);
	free(text);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	char *parent = xasprintf("%s/a/b", dir);
	assert_int_equal(stat(parent, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	free(parent);
	/* Forget. */
	assert_true(store_remove(path, &err));
	assert_int_equal(store_read(path, &text, &when, &err), 0);
	assert_true(store_remove(path, &err));
	/* A directory in the way is an error with a message, not a crash. */
	char *blocked = xasprintf("%s/file/session", dir);
	tu_write(dir, "file", "x", 1);
	assert_false(store_write(blocked, "x", &err));
	assert_non_null(err);
	assert_non_null(strstr(err, "/file")); /* says where */
	free(err);
	free(blocked);
	free(path);
	tu_rmdir(dir);
	free(dir);
}

static void test_interrupted_write(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	char *path = xasprintf("%s/session", dir);
	char *err = NULL, *text = NULL;
	assert_true(store_write(path, "old and whole\n", &err));
	/* A child is killed between writing the new file and renaming it. */
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		setenv("KLANTREIS_TEST_SAVE_STOP", "before-rename", 1);
		store_write(path, "new\n", &err);
		_exit(0);
	}
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFSIGNALED(st));
	assert_int_equal(store_read(path, &text, NULL, &err), 1);
	assert_string_equal(text, "old and whole\n");
	free(text);
	/* It left its temporary file; the next start removes it. */
	assert_int_equal(store_cleanup(path), 1);
	assert_int_equal(store_cleanup(path), 0);
	free(path);
	tu_rmdir(dir);
	free(dir);
}

/* Two guides on one account (issue 17): the clean-up at one's start
 * removed the other's temporary file mid-save, whose rename then failed.
 * Only stale files go: a dead writer's, or an old one. */
static void test_cleanup_two_guides(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	char *path = xasprintf("%s/session", dir);
	int go[2];
	assert_int_equal(pipe(go), 0);
	/* Another guide, in the middle of a save: its file, its pid. */
	pid_t other = fork();
	assert_true(other >= 0);
	if (other == 0) {
		close(go[1]);
		char *mine = xasprintf("%s.tmp-%ld-Ab12Cd", path, (long)getpid());
		int fd = open(mine, O_WRONLY | O_CREAT | O_EXCL, 0600);
		if (fd < 0 || write(fd, "half", 4) != 4)
			_exit(1);
		close(fd);
		char c;
		ssize_t r = read(go[0], &c, 1); /* until the test says go */
		(void)r;
		int ok = access(mine, F_OK) == 0;
		_exit(ok ? 0 : 2);
	}
	close(go[0]);
	char *theirs = xasprintf("%s.tmp-%ld-Ab12Cd", path, (long)other);
	for (int i = 0; i < 500 && access(theirs, F_OK) != 0; i++)
		usleep(10000);
	assert_int_equal(access(theirs, F_OK), 0);
	/* Stale ones beside it: a writer that is gone (a reaped child),
	 * and an old file of a writer that runs (this process). */
	pid_t gone = fork();
	assert_true(gone >= 0);
	if (gone == 0)
		_exit(0);
	assert_int_equal(waitpid(gone, NULL, 0), gone);
	char *dead = xasprintf("%s.tmp-%ld-Xy34Zw", path, (long)gone);
	char *old = xasprintf("%s.tmp-%ld-Qq56Rr", path, (long)getpid());
	char *young_legacy = xasprintf("%s.tmp-Lm78No", path);
	tu_write(dir, strrchr(dead, '/') + 1, "x", 1);
	tu_write(dir, strrchr(old, '/') + 1, "x", 1);
	tu_write(dir, strrchr(young_legacy, '/') + 1, "x", 1);
	struct timespec hour_ago[2] = {{time(NULL) - 3600, 0}, {time(NULL) - 3600, 0}};
	assert_int_equal(utimensat(AT_FDCWD, old, hour_ago, 0), 0);

	assert_int_equal(store_cleanup(path), 2);
	assert_int_equal(access(theirs, F_OK), 0);       /* the running guide's */
	assert_int_equal(access(young_legacy, F_OK), 0); /* young, writer unknown */
	assert_int_not_equal(access(dead, F_OK), 0);
	assert_int_not_equal(access(old, F_OK), 0);
	/* The other guide still has its file when it goes on. */
	assert_int_equal(write(go[1], "g", 1), 1);
	close(go[1]);
	int st;
	assert_int_equal(waitpid(other, &st, 0), other);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	/* Now it is gone: its file is stale. */
	assert_int_equal(store_cleanup(path), 1);
	assert_int_not_equal(access(theirs, F_OK), 0);
	unlink(young_legacy);
	free(theirs);
	free(dead);
	free(old);
	free(young_legacy);
	free(path);
	tu_rmdir(dir);
	free(dir);
}

static void test_set_aside(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	char *path = xasprintf("%s/session", dir);
	char *err = NULL, *text = NULL;
	assert_true(store_write(path, "garbage 1\n", &err));
	char *a = store_set_aside(path, &err);
	assert_non_null(a);
	assert_true(store_write(path, "garbage 2\n", &err));
	char *b = store_set_aside(path, &err);
	assert_non_null(b);
	assert_string_not_equal(a, b); /* the second never overwrites the first */
	assert_int_equal(store_read(path, &text, NULL, &err), 0);
	assert_int_equal(store_read(a, &text, NULL, &err), 1);
	assert_string_equal(text, "garbage 1\n");
	free(text);
	assert_int_equal(store_read(b, &text, NULL, &err), 1);
	assert_string_equal(text, "garbage 2\n");
	free(text);
	/* Binary data and huge files are not ours. */
	tu_write(dir, "bin", "a\0b", 3);
	char *bin = xasprintf("%s/bin", dir);
	assert_int_equal(store_read(bin, &text, NULL, &err), -1);
	assert_non_null(strstr(err, "not a klantreis save file"));
	free(err);
	free(bin);
	free(a);
	free(b);
	free(path);
	tu_rmdir(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_path),
		cmocka_unit_test(test_write_read),
		cmocka_unit_test(test_interrupted_write),
		cmocka_unit_test(test_cleanup_two_guides),
		cmocka_unit_test(test_set_aside),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
