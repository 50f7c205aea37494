/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "store.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#define STORE_MAX (1024 * 1024)

char *store_default_path(void)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/klantreis/session", xdg);
	const char *home = getenv("HOME");
	if (home && home[0] == '/')
		return xasprintf("%s/.local/state/klantreis/session", home);
	return NULL;
}

/* mkdir -p for the directories above `path`. */
static bool make_parents(const char *path, char **err)
{
	char *d = xstrdup(path);
	for (char *p = d + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(d, 0700) != 0 && errno != EEXIST) {
			*err = xasprintf("cannot create %s: %s", d, strerror(errno));
			free(d);
			return false;
		}
		*p = '/';
	}
	free(d);
	return true;
}

static bool write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		s += w;
		n -= (size_t)w;
	}
	return true;
}

bool store_write(const char *path, const char *text, char **err)
{
	*err = NULL;
	if (!make_parents(path, err))
		return false;
	/* The writer's pid in the name: another guide's clean-up at start
	 * (store_cleanup) leaves a file alone while its writer runs. */
	char *tmp = xasprintf("%s.tmp-%ld-XXXXXX", path, (long)getpid());
	int fd = mkstemp(tmp);
	if (fd < 0) {
		*err = xasprintf("cannot write %s: %s", path, strerror(errno));
		free(tmp);
		return false;
	}
	fchmod(fd, 0600);
	bool ok = write_all(fd, text, strlen(text)) && fsync(fd) == 0;
	int e = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		e = errno;
	}
	/* Tests stop here to prove that an interrupted save leaves the old
	 * file whole: the new one is complete but not yet in place. */
	const char *hook = getenv("KLANTREIS_TEST_SAVE_STOP");
	if (ok && hook && strcmp(hook, "before-rename") == 0)
		raise(9);
	if (ok && rename(tmp, path) != 0) {
		ok = false;
		e = errno;
	}
	if (!ok) {
		*err = xasprintf("cannot write %s: %s", path, strerror(e));
		unlink(tmp);
		free(tmp);
		return false;
	}
	free(tmp);
	/* Make the rename itself durable. */
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd >= 0) {
			fsync(dfd);
			close(dfd);
		}
	}
	free(dir);
	return true;
}

enum store_export_status store_export(const char *path, const char *text, char **err)
{
	*err = NULL;
	if (strcmp(path, "-") == 0) {
		size_t n = strlen(text);
		if (fwrite(text, 1, n, stdout) != n || fflush(stdout) != 0) {
			*err = xasprintf("cannot write to standard output: %s", strerror(errno));
			return STORE_EXPORT_IO;
		}
		return STORE_EXPORT_OK;
	}
	/* lstat: a symbolic link is refused, not followed. The rename in
	 * store_write replaces a name, never writes through one, so a
	 * link or FIFO put there after this check is replaced, not used. */
	struct stat st;
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return STORE_EXPORT_NOT_REGULAR;
	if (lstat(path, &st) != 0 && errno != ENOENT) {
		*err = xasprintf("cannot write %s: %s", path, strerror(errno));
		return STORE_EXPORT_IO;
	}
	return store_write(path, text, err) ? STORE_EXPORT_OK : STORE_EXPORT_IO;
}

int store_read(const char *path, char **text, time_t *mtime, char **err)
{
	*text = NULL;
	*err = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		if (errno == ENOENT)
			return 0;
		*err = xasprintf("cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > STORE_MAX) {
		*err = xasprintf("%s is not a klantreis save file", path);
		close(fd);
		return -1;
	}
	char *buf = xmalloc((size_t)st.st_size + 1);
	size_t len = 0;
	for (;;) {
		ssize_t r = read(fd, buf + len, (size_t)st.st_size - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		len += (size_t)r;
		if (len == (size_t)st.st_size)
			break;
	}
	close(fd);
	buf[len] = '\0';
	if (strlen(buf) != len) {
		free(buf);
		*err = xasprintf("%s is not a klantreis save file (binary data)", path);
		return -1;
	}
	*text = buf;
	if (mtime)
		*mtime = st.st_mtime;
	return 1;
}

char *store_set_aside(const char *path, char **err)
{
	*err = NULL;
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	char stamp[32];
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	for (int i = 0; i < 100; i++) {
		char *dst = i ? xasprintf("%s.bad-%s-%d", path, stamp, i)
			      : xasprintf("%s.bad-%s", path, stamp);
		/* link() fails when the name exists: never overwrite. */
		if (link(path, dst) == 0) {
			unlink(path);
			return dst;
		}
		int e = errno;
		free(dst);
		if (e != EEXIST) {
			*err = xasprintf("cannot move %s aside: %s", path, strerror(e));
			return NULL;
		}
	}
	*err = xasprintf("cannot move %s aside: too many earlier copies", path);
	return NULL;
}

bool store_remove(const char *path, char **err)
{
	*err = NULL;
	if (unlink(path) != 0 && errno != ENOENT) {
		*err = xasprintf("cannot delete %s: %s", path, strerror(errno));
		return false;
	}
	return true;
}

/* Whether a temporary file is stale: its writer is gone, or it is older
 * than any save takes (a pid may have been reused, or belong to another
 * machine sharing the home directory). `name` is what follows ".tmp-":
 * "PID-XXXXXX", or "XXXXXX" from a version that wrote no pid. */
#define STORE_TMP_STALE_SECONDS 600
static bool tmp_stale(const char *name, const struct stat *st, time_t now)
{
	if (now - st->st_mtime > STORE_TMP_STALE_SECONDS || st->st_mtime - now > STORE_TMP_STALE_SECONDS)
		return true;
	char *end;
	errno = 0;
	long pid = strtol(name, &end, 10);
	if (end == name || *end != '-' || errno || pid <= 0 || (pid_t)pid != pid)
		return false; /* no writer named: by age only */
	/* EPERM: a process of someone else, alive. */
	return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

int store_cleanup(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (!slash) {
		free(dir);
		return 0;
	}
	*slash = '\0';
	char *prefix = xasprintf("%s.tmp-", slash + 1);
	size_t plen = strlen(prefix);
	int n = 0;
	time_t now = time(NULL);
	DIR *d = opendir(*dir ? dir : "/");
	if (d) {
		for (struct dirent *e; (e = readdir(d));) {
			if (strncmp(e->d_name, prefix, plen) != 0)
				continue;
			char *p = xasprintf("%s/%s", dir, e->d_name);
			struct stat st;
			if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) && tmp_stale(e->d_name + plen, &st, now))
				n += unlink(p) == 0;
			free(p);
		}
		closedir(d);
	}
	free(prefix);
	free(dir);
	return n;
}
