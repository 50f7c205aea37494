/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gettext catalogues read on demand (mo.h, docs/catalogues.md).
 *
 * A catalogue is a header of seven 32-bit words (magic, revision, the
 * number of messages N, the offsets of the table of originals, of the
 * table of translations and of the hash table, and the hash table's
 * size), two tables of N (length, offset) pairs and the strings. Only
 * the hash table is read when a catalogue is opened; a message's
 * original is read the first time a look-up reaches it, its
 * translation the first time it matches, and both are kept. */
#include "mo.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#define MO_MAGIC 0x950412deu
#define MO_MAGIC_SWAPPED 0xde120495u
/* Ours are 0.3 MB; a file this large is not one of them. */
#define MO_MAX_SIZE (64u << 20)
/* Parentheses, '!' and '?:' nested deeper than this are refused. */
#define PLURAL_MAX_DEPTH 64

struct mo_msg {
	char *trans; /* NULL until first matched */
	uint32_t tlen;
	bool bad; /* the translation cannot be read */
	char orig[];
};

struct mo {
	int fd;
	bool swap;
	uint32_t size, n, orig_off, trans_off, hsize;
	/* hsize slots: 0 empty, else the message's index + 1. Kept in 16
	 * bits when every index fits (ours: 1,237 messages), in 32 else. */
	uint16_t *hash16;
	uint32_t *hash32;
	/* The messages read so far, by index + 1 (0: a free slot); open
	 * addressing, got_cap a power of two at most half full. A look-up
	 * reads only a few dozen of a catalogue's messages: a table of
	 * every message would cost each process 8 bytes a message. */
	struct got {
		uint32_t key;
		struct mo_msg *msg;
	} *got;
	uint32_t got_n, got_cap;
	unsigned long nplurals; /* 2 and NULL without Plural-Forms */
	char *plural;
	char path[256];
	char err[320];
};

static uint32_t u32(const struct mo *m, uint32_t v) { return m->swap ? __builtin_bswap32(v) : v; }

/* Reads len bytes at off; false when they are not all in the file. */
static bool rd(struct mo *m, void *buf, size_t len, uint32_t off)
{
	if ((uint64_t)off + len > m->size)
		return false;
	size_t got = 0;
	while (got < len) {
		ssize_t r = pread(m->fd, (char *)buf + got, len - got, (off_t)off + (off_t)got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return false;
		got += (size_t)r;
	}
	return true;
}

static void problem(struct mo *m, const char *what, uint32_t i)
{
	if (!m->err[0])
		snprintf(m->err, sizeof m->err, "%s: message %u: %s", m->path, (unsigned)i, what);
}

/* One (length, offset) pair of a table and the NUL-terminated string it
 * points at, into a buffer of `extra` bytes before the string; NULL when
 * they cannot be read. */
static void *read_string(struct mo *m, uint32_t table, uint32_t i, size_t extra, uint32_t *len)
{
	uint32_t e[2];
	if (!rd(m, e, sizeof e, table + 8 * i)) {
		problem(m, "its table entry is outside the file", i);
		return NULL;
	}
	*len = u32(m, e[0]);
	uint32_t off = u32(m, e[1]);
	if ((uint64_t)off + *len + 1 > m->size) {
		problem(m, "its text runs past the end of the file", i);
		return NULL;
	}
	char *buf = xmalloc(extra + *len + 1);
	if (!rd(m, buf + extra, (size_t)*len + 1, off) || buf[extra + *len] != '\0') {
		problem(m, "its text does not end in a NUL byte", i);
		free(buf);
		return NULL;
	}
	return buf;
}

static struct got *got_slot(const struct mo *m, uint32_t i)
{
	uint32_t mask = m->got_cap - 1, at = (i * 0x9e3779b1u) & mask;
	while (m->got[at].key && m->got[at].key != i + 1)
		at = (at + 1) & mask;
	return &m->got[at];
}

static void got_grow(struct mo *m)
{
	struct got *old = m->got;
	uint32_t old_cap = m->got_cap;
	m->got_cap = old_cap ? old_cap * 2 : 64;
	m->got = xcalloc(m->got_cap, sizeof *m->got);
	for (uint32_t k = 0; k < old_cap; k++)
		if (old[k].key)
			*got_slot(m, old[k].key - 1) = old[k];
	free(old);
}

/* Message i (< n), read the first time it is asked for; NULL when it
 * cannot be read. */
static struct mo_msg *msg_at(struct mo *m, uint32_t i)
{
	struct got *slot = got_slot(m, i);
	if (slot->key)
		return slot->msg;
	uint32_t len;
	struct mo_msg *g = read_string(m, m->orig_off, i, offsetof(struct mo_msg, orig), &len);
	if (!g)
		return NULL;
	g->trans = NULL;
	g->tlen = 0;
	g->bad = false;
	if (2 * (m->got_n + 1) > m->got_cap) {
		got_grow(m);
		slot = got_slot(m, i);
	}
	slot->key = i + 1;
	slot->msg = g;
	m->got_n++;
	return g;
}

static uint32_t hash_slot(const struct mo *m, uint32_t at)
{
	return m->hash16 ? (m->hash16[at] == UINT16_MAX ? UINT32_MAX : m->hash16[at]) : m->hash32[at];
}

static const char *trans_at(struct mo *m, uint32_t i, struct mo_msg *g)
{
	if (!g->trans && !g->bad) {
		g->trans = read_string(m, m->trans_off, i, 0, &g->tlen);
		g->bad = !g->trans;
	}
	return g->trans;
}

/* gettext's hash of a key (hash-string.c: "hashpjw"). */
static uint32_t hash_key(const char *s)
{
	uint32_t h = 0;
	for (; *s; s++) {
		h = (h << 4) + (unsigned char)*s;
		uint32_t g = h & 0xf0000000u;
		if (g)
			h ^= (g >> 24) ^ g;
	}
	return h;
}

/* The message msgid (its index in *index), or NULL. msgfmt writes the
 * originals sorted (by bytes) and, unless told not to, a hash table with
 * open addressing. */
static struct mo_msg *find(struct mo *m, const char *msgid, uint32_t *index)
{
	if (m->hsize > 2) {
		uint32_t h = hash_key(msgid);
		uint32_t at = h % m->hsize, step = 1 + h % (m->hsize - 2);
		for (uint32_t tries = 0; tries < m->hsize; tries++) {
			uint32_t e = hash_slot(m, at);
			if (e == 0)
				return NULL;
			/* Entries past n are revision 1's system-dependent
			 * strings; ours have none. */
			if (e - 1 < m->n) {
				struct mo_msg *g = msg_at(m, e - 1);
				if (g && strcmp(g->orig, msgid) == 0) {
					*index = e - 1;
					return g;
				}
			}
			at = at < m->hsize - step ? at + step : at - (m->hsize - step);
		}
		return NULL;
	}
	uint32_t lo = 0, hi = m->n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		struct mo_msg *g = msg_at(m, mid);
		if (!g)
			return NULL;
		int c = strcmp(msgid, g->orig);
		if (c == 0) {
			*index = mid;
			return g;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* The translation of msgid (all its forms, NUL-separated), or NULL;
 * *g is its message. */
static const char *lookup(struct mo *m, const char *msgid, struct mo_msg **g)
{
	uint32_t i;
	*g = find(m, msgid, &i);
	return *g ? trans_at(m, i, *g) : NULL;
}

const char *mo_get(struct mo *m, const char *msgid)
{
	struct mo_msg *g;
	const char *t = lookup(m, msgid, &g);
	return t && *t ? t : NULL;
}

/* --- Plural-Forms: a small C expression over n ------------------------ */

struct pl {
	const char *p;
	unsigned long n;
	int depth;
	const char *err, *why;
};

static void pl_fail(struct pl *s, const char *why)
{
	if (!s->err) {
		s->err = s->p;
		s->why = why;
	}
}

static void pl_space(struct pl *s)
{
	while (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r')
		s->p++;
}

static unsigned long pl_cond(struct pl *s);

static unsigned long pl_unary(struct pl *s)
{
	pl_space(s);
	if (s->err)
		return 0;
	if (++s->depth > PLURAL_MAX_DEPTH) {
		pl_fail(s, "nested too deeply");
		return 0;
	}
	unsigned long v = 0;
	if (*s->p == '!' && s->p[1] != '=') {
		s->p++;
		v = !pl_unary(s);
	} else if (*s->p == '(') {
		s->p++;
		v = pl_cond(s);
		pl_space(s);
		if (*s->p == ')')
			s->p++;
		else
			pl_fail(s, "a ')' is missing");
	} else if (*s->p == 'n') {
		s->p++;
		v = s->n;
	} else if (*s->p >= '0' && *s->p <= '9') {
		while (*s->p >= '0' && *s->p <= '9') {
			if (v > (ULONG_MAX - 9) / 10) {
				pl_fail(s, "the number is too large");
				break;
			}
			v = v * 10 + (unsigned long)(*s->p++ - '0');
		}
	} else {
		pl_fail(s, *s->p ? "expected n, a number, '!' or '('" : "the expression ends too early");
	}
	s->depth--;
	return v;
}

/* Binary operators, tightest last (C's precedence). */
static const struct {
	const char *op;
	int prec;
} ops[] = {
	{"||", 1}, {"&&", 2}, {"==", 3}, {"!=", 3}, {"<=", 4}, {">=", 4}, {"<", 4},
	{">", 4},  {"+", 5},  {"-", 5},  {"*", 6},  {"/", 6},  {"%", 6},
};

static int op_at(const char *p)
{
	for (int i = 0; i < (int)(sizeof ops / sizeof ops[0]); i++)
		if (strncmp(p, ops[i].op, strlen(ops[i].op)) == 0)
			return i;
	return -1;
}

static unsigned long apply(const char *op, unsigned long a, unsigned long b)
{
	switch (op[0]) {
	case '|': return a || b;
	case '&': return a && b;
	case '=': return a == b;
	case '!': return a != b;
	case '<': return op[1] == '=' ? a <= b : a < b;
	case '>': return op[1] == '=' ? a >= b : a > b;
	case '+': return a + b;
	case '-': return a - b;
	case '*': return a * b;
	case '/': return b ? a / b : 0;
	default: return b ? a % b : 0;
	}
}

static unsigned long pl_binary(struct pl *s, int min_prec)
{
	unsigned long left = pl_unary(s);
	for (;;) {
		pl_space(s);
		int i = s->err ? -1 : op_at(s->p);
		if (i < 0 || ops[i].prec < min_prec)
			return left;
		s->p += strlen(ops[i].op);
		/* One level deeper per operator: the right operand's own
		 * operators bind tighter, so this recursion is at most as deep
		 * as there are levels. */
		unsigned long right = pl_binary(s, ops[i].prec + 1);
		left = apply(ops[i].op, left, right);
	}
}

static unsigned long pl_cond(struct pl *s)
{
	unsigned long c = pl_binary(s, 1);
	pl_space(s);
	if (s->err || *s->p != '?')
		return c;
	if (++s->depth > PLURAL_MAX_DEPTH) {
		pl_fail(s, "nested too deeply");
		return 0;
	}
	s->p++;
	unsigned long a = pl_cond(s);
	pl_space(s);
	if (*s->p != ':') {
		pl_fail(s, "a ':' is missing");
		s->depth--;
		return 0;
	}
	s->p++;
	unsigned long b = pl_cond(s);
	s->depth--;
	return c ? a : b;
}

bool mo_plural_eval(const char *expr, unsigned long n, unsigned long *out, const char **err,
		    const char **why)
{
	struct pl s = {.p = expr, .n = n};
	unsigned long v = pl_cond(&s);
	pl_space(&s);
	if (!s.err && *s.p)
		pl_fail(&s, "unexpected text after the expression");
	if (s.err) {
		*err = s.err;
		*why = s.why;
		return false;
	}
	*out = v;
	return true;
}

const char *mo_nget(struct mo *m, const char *msgid, unsigned long n)
{
	struct mo_msg *g;
	const char *t = lookup(m, msgid, &g);
	if (!t)
		return NULL;
	unsigned long form = n != 1, v;
	const char *e, *w;
	if (m->plural && mo_plural_eval(m->plural, n, &v, &e, &w))
		form = v < m->nplurals ? v : 0;
	/* The forms are NUL-separated in the translation; past the last
	 * one, the first (as glibc does). */
	const char *first = t, *end = t + g->tlen;
	for (; form > 0; form--) {
		t += strlen(t) + 1;
		if (t >= end)
			return *first ? first : NULL;
	}
	return *t ? t : NULL;
}

/* The header (the translation of ""): "nplurals=N; plural=EXPR;". */
static bool read_plural_forms(struct mo *m, char *err, size_t errlen)
{
	const char *h = mo_get(m, "");
	const char *pf = h ? strstr(h, "Plural-Forms:") : NULL;
	if (!pf)
		return true;
	const char *np = strstr(pf, "nplurals="), *ex = strstr(pf, "plural=");
	const char *eol = strchr(pf, '\n');
	if (!np || !ex || (eol && (np > eol || ex > eol))) {
		snprintf(err, errlen, "%s: the Plural-Forms header needs nplurals=N; plural=EXPRESSION;",
			 m->path);
		return false;
	}
	char *endp;
	errno = 0;
	m->nplurals = strtoul(np + 9, &endp, 10);
	if (endp == np + 9 || errno || m->nplurals < 1 || m->nplurals > 100) {
		snprintf(err, errlen, "%s: Plural-Forms: nplurals must be a number from 1 to 100", m->path);
		return false;
	}
	ex += 7;
	size_t len = strcspn(ex, ";\n");
	m->plural = xmalloc(len + 1);
	memcpy(m->plural, ex, len);
	m->plural[len] = '\0';
	unsigned long v;
	const char *at, *why;
	if (!mo_plural_eval(m->plural, 1, &v, &at, &why)) {
		snprintf(err, errlen, "%s: Plural-Forms: %s at column %zu of \"%.60s\"", m->path, why,
			 (size_t)(at - m->plural) + 1, m->plural);
		return false;
	}
	return true;
}

/* The hash table, read in blocks through a buffer on the stack (no
 * second copy on the heap). */
static bool read_hash(struct mo *m, uint32_t off)
{
	if (m->n < UINT16_MAX)
		m->hash16 = xmalloc(2ull * m->hsize);
	else
		m->hash32 = xmalloc(4ull * m->hsize);
	uint32_t buf[512];
	for (uint32_t done = 0; done < m->hsize;) {
		uint32_t k = m->hsize - done < 512 ? m->hsize - done : 512;
		if (!rd(m, buf, 4ull * k, off + 4 * done))
			return false;
		for (uint32_t j = 0; j < k; j++) {
			uint32_t v = u32(m, buf[j]);
			if (m->hash16)
				m->hash16[done + j] = v < UINT16_MAX ? (uint16_t)v : UINT16_MAX;
			else
				m->hash32[done + j] = v;
		}
		done += k;
	}
	return true;
}

struct mo *mo_open(const char *path, char *err, size_t errlen)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	struct stat st;
	const char *bad = fstat(fd, &st) != 0		    ? strerror(errno)
			  : !S_ISREG(st.st_mode)	    ? "not a regular file"
			  : st.st_size > (off_t)MO_MAX_SIZE ? "larger than a catalogue can be (64 MB)"
							    : NULL;
	if (bad) {
		snprintf(err, errlen, "%s: %s", path, bad);
		close(fd);
		return NULL;
	}
	struct mo *m = xcalloc(1, sizeof *m);
	m->fd = fd;
	m->size = (uint32_t)st.st_size;
	snprintf(m->path, sizeof m->path, "%s", path);
	uint32_t h[7];
	const char *why = NULL;
	if (!rd(m, h, sizeof h, 0)) {
		why = "shorter than a catalogue's 28-byte header";
	} else if (h[0] != MO_MAGIC && h[0] != MO_MAGIC_SWAPPED) {
		why = "not a gettext catalogue (.mo): its first four bytes are not the magic number";
	} else {
		m->swap = h[0] == MO_MAGIC_SWAPPED;
		m->n = u32(m, h[2]);
		m->orig_off = u32(m, h[3]);
		m->trans_off = u32(m, h[4]);
		m->hsize = u32(m, h[5]);
		uint32_t hash_off = u32(m, h[6]);
		if (u32(m, h[1]) >> 16 > 1)
			why = "a catalogue format revision this program does not know";
		else if ((uint64_t)m->orig_off + 8ull * m->n > m->size ||
			 (uint64_t)m->trans_off + 8ull * m->n > m->size)
			why = "its tables of messages run past the end of the file";
		else if ((uint64_t)hash_off + 4ull * m->hsize > m->size)
			why = "its hash table runs past the end of the file";
		else if (m->hsize > 0 && !read_hash(m, hash_off))
			why = "its hash table cannot be read";
	}
	if (why) {
		snprintf(err, errlen, "%s: %s", path, why);
		mo_close(m);
		return NULL;
	}
	got_grow(m);
	m->nplurals = 2;
	if (!read_plural_forms(m, err, errlen)) {
		mo_close(m);
		return NULL;
	}
	return m;
}

void mo_close(struct mo *m)
{
	if (!m)
		return;
	for (uint32_t k = 0; k < m->got_cap; k++)
		if (m->got[k].key) {
			free(m->got[k].msg->trans);
			free(m->got[k].msg);
		}
	free(m->got);
	free(m->hash16);
	free(m->hash32);
	free(m->plural);
	close(m->fd);
	free(m);
}

const char *mo_error(const struct mo *m) { return m->err[0] ? m->err : NULL; }

size_t mo_count(const struct mo *m) { return m->n; }
