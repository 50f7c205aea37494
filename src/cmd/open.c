/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening the journeys in the guide: the compiled image, never the XML
 * (the guide does not link an XML parser; klantreis-compile does). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "config.h"
#include "core/i18n.h"
#include "core/image.h"
#include "core/util.h"

static char **saved_argv;

void content_set_argv(char **argv) { saved_argv = argv; }

const char *content_compiler(void)
{
	return content_in_build_tree() ? BUILD_ROOT "/src/klantreis-compile" : KLANTREIS_COMPILE;
}

/* --check: the compiler program runs it with the same command line. */
int cmd_check(const struct cli *c)
{
	(void)c;
	const char *prog = content_compiler();
	if (saved_argv) {
		char *keep = saved_argv[0];
		saved_argv[0] = (char *)prog;
		fflush(NULL);
		execv(prog, saved_argv);
		saved_argv[0] = keep;
	}
	fprintf(stderr, _("klantreis: cannot run %s: %s\n"), prog, strerror(errno));
	return CLI_EXIT_CONTENT;
}

static struct journey_set *refuse(const char *path, const char *why, int *status)
{
	fprintf(stderr, _("klantreis: cannot use the journeys in %s: %s\n"), path, _(why));
	*status = CLI_EXIT_CONTENT;
	return NULL;
}

static bool wait_ok(pid_t pid, int *code)
{
	int st;
	*code = 127;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return false;
	*code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
	return *code == 0;
}

/* Run the compiler on `dir` into a pipe and keep the image in memory. Its
 * errors (file:line:col) go straight to our stderr. NULL on failure, with
 * the message printed. */
static void *compile(const struct cli *c, const char *dir, size_t *len, int *status)
{
	const char *prog = content_compiler();
	char *jarg = xasprintf("--journeys=%s", dir);
	char *targ = c->today ? xasprintf("--today=%s", c->today) : NULL;
	char *argv[] = {(char *)prog, jarg, "--output=-", targ, NULL};
	int fds[2];
	if (pipe2(fds, O_CLOEXEC) != 0) {
		fprintf(stderr, _("klantreis: cannot run %s: %s\n"), prog, strerror(errno));
		free(jarg);
		free(targ);
		*status = CLI_EXIT_CONTENT;
		return NULL;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		if (dup2(fds[1], STDOUT_FILENO) < 0)
			_exit(127);
		execv(prog, argv);
		fprintf(stderr, _("klantreis: cannot run %s: %s\n"), prog, strerror(errno));
		_exit(127);
	}
	int e = errno;
	close(fds[1]);
	free(jarg);
	free(targ);
	if (pid < 0) {
		close(fds[0]);
		fprintf(stderr, _("klantreis: cannot run %s: %s\n"), prog, strerror(e));
		*status = CLI_EXIT_CONTENT;
		return NULL;
	}
	struct strbuf b;
	sb_init(&b);
	char chunk[65536];
	for (;;) {
		ssize_t n = read(fds[0], chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		sb_add(&b, chunk, (size_t)n);
	}
	close(fds[0]);
	int code;
	if (!wait_ok(pid, &code)) {
		sb_free(&b);
		if (code == CLI_EXIT_CONTENT)
			fprintf(stderr,
				_("klantreis: the journeys in %s have errors; run 'klantreis --check'.\n"),
				dir);
		*status = CLI_EXIT_CONTENT;
		return NULL;
	}
	*len = b.len;
	return sb_steal(&b);
}

/* $XDG_CACHE_HOME/klantreis (or ~/.cache/klantreis), made when missing;
 * NULL when there is none. */
static char *cache_dir(void)
{
	const char *x = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	char *base = x && *x == '/' ? xstrdup(x) : home && *home == '/' ? xasprintf("%s/.cache", home) : NULL;
	if (!base)
		return NULL;
	char *d = xasprintf("%s/klantreis", base);
	(void)mkdir(base, 0700);
	free(base);
	if (mkdir(d, 0700) != 0 && errno != EEXIST) {
		free(d);
		return NULL;
	}
	return d;
}

/* The cache gets a new image for every version of an author's XML, so it
 * is pruned whenever one is written: the CACHE_KEEP images used last are
 * kept (an image's modification time is set each time the guide uses
 * it), and the temporary files of a guide killed while writing one
 * (HASH.kji.XXXXXX) once they are a day old. Only names the guide makes
 * itself are removed, only regular files (never what a link points to),
 * and never `keep`, the image just written. */
#define CACHE_KEEP 8
#define CACHE_TMP_AGE (24 * 60 * 60)

struct cached {
	char name[21];
	time_t mtime;
};

/* 16 lower-case hex digits, ".kji", then nothing (0) or a temporary
 * file's ".XXXXXX" (1); -1 for any other name. */
static int cache_name(const char *n)
{
	for (int i = 0; i < 16; i++)
		if (!((n[i] >= '0' && n[i] <= '9') || (n[i] >= 'a' && n[i] <= 'f')))
			return -1;
	if (strncmp(n + 16, ".kji", 4) != 0)
		return -1;
	if (!n[20])
		return 0;
	if (n[20] != '.' || strlen(n + 21) != 6)
		return -1;
	return 1;
}

static int newer_first(const void *a, const void *b)
{
	const struct cached *x = a, *y = b;
	return x->mtime < y->mtime ? 1 : x->mtime > y->mtime ? -1 : strcmp(x->name, y->name);
}

static void cache_prune(const char *cdir, const char *keep)
{
	DIR *d = opendir(cdir);
	if (!d)
		return;
	int fd = dirfd(d);
	time_t now = time(NULL);
	struct cached *v = NULL;
	size_t n = 0, cap = 0;
	for (struct dirent *e; (e = readdir(d));) {
		int kind = cache_name(e->d_name);
		struct stat st;
		if (kind < 0 || fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
			continue;
		if (kind == 1) {
			if (now - st.st_mtime > CACHE_TMP_AGE)
				(void)unlinkat(fd, e->d_name, 0);
			continue;
		}
		if (strcmp(e->d_name, keep) == 0)
			continue;
		xgrow((void **)&v, &cap, n + 1, sizeof(*v));
		memcpy(v[n].name, e->d_name, 21); /* cache_name: 20 characters */
		v[n++].mtime = st.st_mtime;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), newer_first);
	for (size_t i = CACHE_KEEP - 1; i < n; i++) /* `keep` is one of the CACHE_KEEP */
		(void)unlinkat(fd, v[i].name, 0);
	free(v);
	closedir(d);
}

static struct journey_set *open_if(const char *path, uint64_t hash, const char *dir)
{
	uint64_t h;
	const char *why;
	if (!image_file_hash(path, &h) || h != hash)
		return NULL;
	return image_open(path, dir, &why);
}

struct journey_set *content_open(const struct cli *c, int *status)
{
	const char *dir = content_dir(c);
	const char *why;
	if (!c->journeys && !content_in_build_tree()) {
		/* Installed: only the image the package installed. */
		struct journey_set *set = image_open(JOURNEYS_DIR "/" IMAGE_NAME, dir, &why);
		return set ? set : refuse(JOURNEYS_DIR "/" IMAGE_NAME, why, status);
	}
	uint64_t hash;
	if (!image_hash_dir(dir, &hash, &why))
		return refuse(dir, why, status);
	/* The build's image, or one beside the XML files. */
	char *beside = c->journeys ? xasprintf("%s/%s", dir, IMAGE_NAME)
				   : xstrdup(BUILD_ROOT "/journeys/" IMAGE_NAME);
	struct journey_set *set = open_if(beside, hash, dir);
	free(beside);
	if (set)
		return set;
	/* The cache, keyed by the hash; the kiosk never writes one. */
	bool kiosk = c->cmd == CLI_KIOSK;
	char *cdir = kiosk ? NULL : cache_dir();
	char *cached = cdir ? xasprintf("%s/%016" PRIx64 ".kji", cdir, hash) : NULL;
	free(cdir);
	if (cached && (set = open_if(cached, hash, dir))) {
		(void)utimensat(AT_FDCWD, cached, NULL, 0); /* used now: kept longest */
		free(cached);
		return set;
	}
	size_t len;
	void *img = compile(c, dir, &len, status);
	if (!img) {
		free(cached);
		return NULL;
	}
	if (cached && image_save(cached, img, len)) { /* a cache: the guide runs without it */
		char *cdir2 = xstrdup(cached);
		char *slash = strrchr(cdir2, '/');
		*slash = '\0';
		cache_prune(cdir2, slash + 1);
		free(cdir2);
	}
	free(cached);
	set = image_read(img, len, dir, &why);
	return set ? set : refuse(dir, why, status);
}
