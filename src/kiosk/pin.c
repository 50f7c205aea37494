/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <crypt.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "core/util.h"
#include "core/wrap.h"
#include "kiosk.h"

/* libcrypt is opened the first time a PIN is hashed or checked, not when
 * the guide starts: most runs (at home, over SSH) never need it, and a
 * library linked in costs every run its pages (docs/performance.md).
 * The kiosk opens it before it starts (kiosk_pin_ready), so that a kiosk
 * never runs without a way to check the volunteer's PIN. */
static struct {
	bool tried;
	char *(*gensalt_ra)(const char *, unsigned long, const char *, int);
	char *(*crypt_ra)(const char *, const char *, void **, int *);
	char why[256];
} lib;

bool kiosk_pin_ready(const char **why)
{
	if (!lib.tried) {
		lib.tried = true;
		void *h = dlopen(CRYPT_SONAME, RTLD_NOW | RTLD_LOCAL);
		if (h) {
			*(void **)&lib.gensalt_ra = dlsym(h, "crypt_gensalt_ra");
			*(void **)&lib.crypt_ra = dlsym(h, "crypt_ra");
		}
		if (!h || !lib.gensalt_ra || !lib.crypt_ra) {
			const char *e = dlerror();
			char *clean = wrap_sanitize(e ? e : CRYPT_SONAME);
			snprintf(lib.why, sizeof lib.why, "%s", clean);
			free(clean);
			lib.gensalt_ra = NULL;
			lib.crypt_ra = NULL;
		}
	}
	if (why)
		*why = lib.why;
	return lib.crypt_ra != NULL;
}

char *kiosk_pin_hash(const char *pin)
{
	static const char *const prefixes[] = {"$y$", "$6$"};
	if (!kiosk_pin_ready(NULL))
		return NULL;
	for (size_t i = 0; i < 2; i++) {
		char *salt = lib.gensalt_ra(prefixes[i], 0, NULL, 0);
		if (!salt)
			continue;
		void *data = NULL;
		int size = 0;
		char *h = lib.crypt_ra(pin, salt, &data, &size);
		char *r = h && h[0] == '$' ? xstrdup(h) : NULL;
		free(salt);
		if (data) {
			memset(data, 0, (size_t)size); /* it held the PIN's state */
			free(data);
		}
		if (r)
			return r;
	}
	return NULL;
}

bool kiosk_pin_check(const char *pin, const char *hash)
{
	if (!pin || !hash || hash[0] != '$' || !kiosk_pin_ready(NULL))
		return false;
	void *data = NULL;
	int size = 0;
	const char *h = lib.crypt_ra(pin, hash, &data, &size);
	bool ok = false;
	if (h && h[0] == '$') {
		size_t a = strlen(h), b = strlen(hash);
		unsigned char diff = (unsigned char)(a != b);
		for (size_t i = 0; i < a && i < b; i++)
			diff |= (unsigned char)(h[i] ^ hash[i]);
		ok = diff == 0;
	}
	if (data) {
		memset(data, 0, (size_t)size);
		free(data);
	}
	return ok;
}

long kiosk_pin_wait(const struct kiosk_pin_guard *g, long long now_ms)
{
	return g->next_try_ms > now_ms ? (long)((g->next_try_ms - now_ms + 999) / 1000) : 0;
}

#define PIN_WAIT_MAX 300

/* The count on its way to g->file: a temporary file next to it, then a
 * rename, so that a kiosk killed while writing leaves the old count or
 * the new one. */
static void store(const struct kiosk_pin_guard *g)
{
	if (!g->file)
		return;
	if (!g->fails) {
		unlink(g->file);
		return;
	}
	char tmp[4096];
	int n = snprintf(tmp, sizeof tmp, "%s.%ld.tmp", g->file, (long)getpid());
	if (n < 0 || (size_t)n >= sizeof tmp)
		return;
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	char buf[96];
	int len = snprintf(buf, sizeof buf, "fails %u\nnext_try_ms %lld\n", g->fails, g->next_try_ms);
	ssize_t w;
	do /* the kiosk's signal handlers do not restart calls */
		w = write(fd, buf, (size_t)(len > 0 ? len : 0));
	while (w < 0 && errno == EINTR);
	bool ok = len > 0 && w == len;
	ok = close(fd) == 0 && ok;
	if (!ok || rename(tmp, g->file) != 0)
		unlink(tmp);
}

void kiosk_pin_result(struct kiosk_pin_guard *g, bool ok, long long now_ms)
{
	if (ok) {
		g->fails = 0;
		g->next_try_ms = 0;
		store(g);
		return;
	}
	if (g->fails < 1000)
		g->fails++;
	long wait = g->fails >= 10 ? PIN_WAIT_MAX : 1L << (g->fails - 1);
	if (wait > PIN_WAIT_MAX)
		wait = PIN_WAIT_MAX;
	g->next_try_ms = now_ms + wait * 1000;
	store(g);
}

/* "KEY N\n" at *p, N from 0 to max, digits only; moves *p past it. */
static bool number_line(const char **p, const char *key, long long max, long long *out)
{
	size_t n = strlen(key);
	if (strncmp(*p, key, n) != 0 || (*p)[n] != ' ')
		return false;
	const char *s = *p + n + 1;
	if (*s < '0' || *s > '9')
		return false;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || v > max || *end != '\n')
		return false;
	*out = v;
	*p = end + 1;
	return true;
}

void kiosk_pin_guard_load(struct kiosk_pin_guard *g, const char *file, long long now_ms)
{
	memset(g, 0, sizeof *g);
	g->file = file;
	if (!file)
		return;
	int fd = open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return;
	char buf[96];
	ssize_t len;
	do
		len = read(fd, buf, sizeof buf - 1);
	while (len < 0 && errno == EINTR);
	close(fd);
	if (len <= 0)
		return;
	buf[len] = '\0';
	const char *p = buf;
	long long fails, next;
	if (strlen(buf) != (size_t)len || !number_line(&p, "fails", 1000, &fails) || fails < 1 ||
	    !number_line(&p, "next_try_ms", LLONG_MAX, &next) || *p)
		return;
	g->fails = (unsigned)fails;
	g->next_try_ms = next - now_ms > PIN_WAIT_MAX * 1000LL ? now_ms + PIN_WAIT_MAX * 1000LL : next;
}
