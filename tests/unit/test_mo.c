/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The catalogue reader (src/core/mo.c): every message of the project's
 * own catalogues reads as glibc's gettext reads it, singular and plural;
 * a catalogue without a hash table reads the same; broken catalogues
 * and Plural-Forms are refused with where and what. */
#include "testutil.h"

#include <limits.h>
#include <libintl.h>
#include <locale.h>
#include <stdint.h>

#include "config.h"
#include "core/mo.h"

static const char *const langs[] = {"nl", "uk", "ru"};
static const unsigned long counts[] = {0, 1, 2, 3, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 1000};

static char *cat_path(const char *lang)
{
	return xasprintf("%s/po/%s/LC_MESSAGES/klantreis.mo", BUILD_ROOT, lang);
}

/* Every message the catalogue holds, as its table lists them: read from
 * the file here, independently of the reader. */
static char **all_msgids(const char *path, size_t *n)
{
	size_t size;
	char *f = util_read_file(path, &size);
	assert_non_null(f);
	uint32_t w[7];
	memcpy(w, f, sizeof w);
	assert_int_equal(w[0], 0x950412de);
	*n = w[2];
	char **ids = xcalloc(*n, sizeof *ids);
	for (size_t i = 0; i < *n; i++) {
		uint32_t e[2];
		memcpy(e, f + w[3] + 8 * i, sizeof e);
		assert_true((size_t)e[1] + e[0] < size);
		ids[i] = xstrdup(f + e[1]);
	}
	free(f);
	return ids;
}

static void compare_with_glibc(const char *path, const char *lang)
{
	char err[400] = "";
	struct mo *m = mo_open(path, err, sizeof err);
	if (!m)
		fail_msg("%s", err);
	size_t n;
	char **ids = all_msgids(path, &n);
	assert_int_equal(mo_count(m), n);
	assert_true(n > 1000);
	setenv("LANGUAGE", lang, 1);
	textdomain(textdomain(NULL)); /* glibc: forget earlier look-ups */
	for (size_t i = 1; i < n; i++) { /* 0 is the header, msgid "" */
		const char *ours = mo_get(m, ids[i]), *theirs = dgettext("klantreis", ids[i]);
		assert_non_null(ours);
		assert_true(theirs != ids[i]);
		assert_string_equal(ours, theirs);
		for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++) {
			const char *p = mo_nget(m, ids[i], counts[k]);
			assert_non_null(p);
			assert_string_equal(p, dngettext("klantreis", ids[i], ids[i], counts[k]));
		}
	}
	assert_null(mo_get(m, "A text no catalogue has"));
	assert_null(mo_nget(m, "A text no catalogue has", 3));
	assert_null(mo_error(m));
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	mo_close(m);
}

static void test_as_glibc(void **state)
{
	(void)state;
	assert_non_null(setlocale(LC_ALL, "C.UTF-8"));
	bindtextdomain("klantreis", BUILD_ROOT "/po");
	bind_textdomain_codeset("klantreis", "UTF-8");
	for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
		char *path = cat_path(langs[l]);
		compare_with_glibc(path, langs[l]);
		free(path);
	}
}

/* A catalogue written without a hash table is searched by halves. */
static void test_no_hash(void **state)
{
	(void)state;
	char dir[] = "/tmp/klantreis-mo-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *cmd = xasprintf("msgfmt --no-hash -o '%s/nohash.mo' '%s/po/ru.po'", dir, SOURCE_ROOT_TEST);
	assert_int_equal(system(cmd), 0);
	char *path = xasprintf("%s/nohash.mo", dir), *ref = cat_path("ru");
	char err[400];
	struct mo *a = mo_open(path, err, sizeof err), *b = mo_open(ref, err, sizeof err);
	assert_non_null(a);
	assert_non_null(b);
	size_t n;
	char **ids = all_msgids(ref, &n);
	for (size_t i = 1; i < n; i++) {
		assert_string_equal(mo_get(a, ids[i]), mo_get(b, ids[i]));
		assert_string_equal(mo_nget(a, ids[i], 5), mo_nget(b, ids[i], 5));
		free(ids[i]);
	}
	free(ids[0]);
	free(ids);
	assert_null(mo_get(a, "A text no catalogue has"));
	assert_null(mo_get(a, "\xff\xff"));
	assert_null(mo_get(a, "!"));
	mo_close(a);
	mo_close(b);
	unlink(path);
	rmdir(dir);
	free(path);
	free(ref);
	free(cmd);
}

/* More messages than 16 bits can number: the hash table is kept in 32
 * bits, and every message read is found again. */
static void test_large(void **state)
{
	(void)state;
	char dir[] = "/tmp/klantreis-mo-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *po = xasprintf("%s/big.po", dir), *mo = xasprintf("%s/big.mo", dir);
	FILE *f = fopen(po, "w");
	assert_non_null(f);
	fprintf(f, "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n");
	enum { N = 70000 };
	for (int i = 0; i < N; i++)
		fprintf(f, "\nmsgid \"message %d\"\nmsgstr \"повідомлення %d\"\n", i, i);
	fclose(f);
	char *cmd = xasprintf("msgfmt -o '%s' '%s'", mo, po);
	assert_int_equal(system(cmd), 0);
	char err[400];
	struct mo *m = mo_open(mo, err, sizeof err);
	if (!m)
		fail_msg("%s", err);
	assert_int_equal(mo_count(m), N + 1);
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < N; i += pass ? 7 : 1) {
			char id[32], want[48];
			snprintf(id, sizeof id, "message %d", i);
			snprintf(want, sizeof want, "повідомлення %d", i);
			const char *t = mo_get(m, id);
			if (!t || strcmp(t, want) != 0)
				fail_msg("%s: %s", id, t ? t : "(none)");
		}
	assert_null(mo_get(m, "message 70000"));
	assert_null(mo_error(m));
	mo_close(m);
	unlink(po);
	unlink(mo);
	rmdir(dir);
	free(po);
	free(mo);
	free(cmd);
}

static struct mo *open_bytes(const char *dir, const void *data, size_t len, char *err, size_t errlen)
{
	char *path = xasprintf("%s/t.mo", dir);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
	struct mo *m = mo_open(path, err, errlen);
	unlink(path);
	free(path);
	return m;
}

/* A header, one message (the header entry "" with `header` as its
 * translation) and one more, "a" -> "b" / plural forms; no hash table. */
static size_t build(unsigned char *buf, const char *header, const char *trans, size_t tlen)
{
	uint32_t w[7] = {0x950412de, 0, 2, 28, 28 + 16, 0, 0};
	size_t off = 28 + 32;
	uint32_t tab[8];
	tab[0] = 0, tab[1] = (uint32_t)off; /* "" */
	buf[off++] = 0;
	tab[2] = 1, tab[3] = (uint32_t)off; /* "a" */
	buf[off++] = 'a', buf[off++] = 0;
	tab[4] = (uint32_t)strlen(header), tab[5] = (uint32_t)off;
	memcpy(buf + off, header, strlen(header) + 1);
	off += strlen(header) + 1;
	tab[6] = (uint32_t)tlen, tab[7] = (uint32_t)off;
	memcpy(buf + off, trans, tlen + 1);
	off += tlen + 1;
	memcpy(buf, w, sizeof w);
	memcpy(buf + 28, tab, sizeof tab);
	return off;
}

static void test_broken(void **state)
{
	(void)state;
	char dir[] = "/tmp/klantreis-mo-XXXXXX";
	assert_non_null(mkdtemp(dir));
	unsigned char buf[1024];
	char err[400];

	/* A good one first: plural forms picked by the header's rule. */
	const char *hdr = "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
			  "n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n";
	size_t len = build(buf, hdr, "one\0few\0many", 12);
	struct mo *m = open_bytes(dir, buf, len, err, sizeof err);
	assert_non_null(m);
	assert_string_equal(mo_nget(m, "a", 1), "one");
	assert_string_equal(mo_nget(m, "a", 3), "few");
	assert_string_equal(mo_nget(m, "a", 11), "many");
	assert_string_equal(mo_nget(m, "a", 21), "one");
	assert_string_equal(mo_nget(m, "a", 24), "few");
	assert_string_equal(mo_get(m, "a"), "one");
	mo_close(m);

	static const struct {
		const char *header, *says;
	} bad_headers[] = {
		{"Plural-Forms: nplurals=2; plural=n != ;\n", "the expression ends too early at column 6"},
		{"Plural-Forms: nplurals=2; plural=(n != 1;\n", "a ')' is missing at column 8"},
		{"Plural-Forms: nplurals=2; plural=n ? 1;\n", "a ':' is missing"},
		{"Plural-Forms: nplurals=2; plural=n x 1;\n", "unexpected text after the expression at column 3"},
		{"Plural-Forms: nplurals=0; plural=0;\n", "nplurals must be a number from 1 to 100"},
		{"Plural-Forms: plural=0;\n", "needs nplurals=N; plural=EXPRESSION;"},
		{"Plural-Forms: nplurals=2; plural=99999999999999999999999;\n", "the number is too large"},
	};
	for (size_t i = 0; i < sizeof bad_headers / sizeof bad_headers[0]; i++) {
		len = build(buf, bad_headers[i].header, "b", 1);
		assert_null(open_bytes(dir, buf, len, err, sizeof err));
		if (!strstr(err, bad_headers[i].says))
			fail_msg("%s: expected \"%s\"", err, bad_headers[i].says);
		assert_non_null(strstr(err, "t.mo: "));
	}

	/* The header and tables. */
	len = build(buf, "", "b", 1);
	assert_null(open_bytes(dir, buf, 20, err, sizeof err));
	assert_non_null(strstr(err, "shorter than a catalogue's 28-byte header"));
	buf[0] ^= 1;
	assert_null(open_bytes(dir, buf, len, err, sizeof err));
	assert_non_null(strstr(err, "not a gettext catalogue"));
	buf[0] ^= 1;
	buf[8] = 200; /* 200 messages */
	assert_null(open_bytes(dir, buf, len, err, sizeof err));
	assert_non_null(strstr(err, "tables of messages run past the end"));
	buf[8] = 2;
	buf[20] = 100, buf[24] = 28; /* 100 hash slots */
	assert_null(open_bytes(dir, buf, len, err, sizeof err));
	assert_non_null(strstr(err, "hash table runs past the end"));
	buf[20] = 0, buf[24] = 0;
	buf[6] = 2; /* revision 2.0 */
	assert_null(open_bytes(dir, buf, len, err, sizeof err));
	assert_non_null(strstr(err, "revision"));
	buf[6] = 0;

	/* A message pointing past the end is no translation, and said so. */
	buf[28 + 24 + 4] = 0xf0; /* the translation of "a": offset += 0xf0 */
	m = open_bytes(dir, buf, len, err, sizeof err);
	assert_non_null(m);
	assert_null(mo_get(m, "a"));
	assert_non_null(strstr(mo_error(m), "message 1: its text runs past the end of the file"));
	mo_close(m);

	assert_null(mo_open(dir, err, sizeof err));
	assert_non_null(strstr(err, "not a regular file"));
	assert_null(mo_open("/nonexistent/x.mo", err, sizeof err));
	assert_int_equal(strncmp(err, "/nonexistent/x.mo: ", 19), 0); /* and strerror(ENOENT) */
	rmdir(dir);
}

static void test_plural_eval(void **state)
{
	(void)state;
	static const struct {
		const char *e;
		unsigned long n, v;
	} cases[] = {
		{"n != 1", 1, 0},	    {"n != 1", 0, 1},	    {"n>1", 2, 1},
		{"0", 7, 0},		    {"!n", 0, 1},	    {"!!n", 5, 1},
		{"n%10==1 ? 0 : 1", 21, 0}, {"n / 0", 5, 0},	    {"n % 0", 5, 0},
		{"1 + 2 * 3", 0, 7},	    {"(1 + 2) * 3", 0, 9},  {"n<=2 && n>=2", 2, 1},
		{"n-1", 0, ULONG_MAX},	    {"n==1 || n==2", 2, 1}, {"n ? n ? 1 : 2 : 3", 0, 3},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		unsigned long v = 99;
		const char *at, *why;
		if (!mo_plural_eval(cases[i].e, cases[i].n, &v, &at, &why))
			fail_msg("%s: %s", cases[i].e, why);
		if (v != cases[i].v)
			fail_msg("%s at n=%lu: %lu, not %lu", cases[i].e, cases[i].n, v, cases[i].v);
	}
	/* Deep nesting is refused, not recursed into without end. */
	char deep[4096];
	memset(deep, '(', sizeof deep - 1);
	deep[sizeof deep - 1] = '\0';
	unsigned long v;
	const char *at, *why;
	assert_false(mo_plural_eval(deep, 1, &v, &at, &why));
	assert_string_equal(why, "nested too deeply");
	memset(deep, '!', sizeof deep - 1);
	assert_false(mo_plural_eval(deep, 1, &v, &at, &why));
	assert_string_equal(why, "nested too deeply");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_as_glibc),
		cmocka_unit_test(test_no_hash),
		cmocka_unit_test(test_large),
		cmocka_unit_test(test_broken),
		cmocka_unit_test(test_plural_eval),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
