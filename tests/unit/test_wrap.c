/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Wrapping by display width: Cyrillic, CJK, combining marks, invalid bytes,
 * control characters and words longer than the line. */
#include "testutil.h"

#include "core/wrap.h"

static void check_lines(const struct wrap_lines *l, int width)
{
	for (size_t i = 0; i < l->n; i++)
		if (wrap_width(l->lines[i]) > width)
			fail_msg("line %zu is %d columns wide (max %d): %s", i, wrap_width(l->lines[i]),
				 width, l->lines[i]);
}

/* The words of `s` joined by single spaces, to compare with the lines. */
static char *joined(const struct wrap_lines *l, const char *sep)
{
	struct strbuf b;
	sb_init(&b);
	sb_add(&b, "", 0);
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			sb_puts(&b, sep);
		sb_puts(&b, l->lines[i]);
	}
	return sb_steal(&b);
}

static const char *cyr = "Ви можете працювати в Нідерландах без дозволу на роботу, якщо ваш "
			 "роботодавець вчасно повідомить UWV про початок роботи.";

static void test_widths(void **state)
{
	(void)state;
	assert_int_equal(wrap_width("abc"), 3);
	assert_int_equal(wrap_width("Привіт"), 6);     /* Cyrillic: 1 column a letter */
	assert_int_equal(wrap_width("日本語"), 6);      /* CJK: 2 */
	assert_int_equal(wrap_width("e\xcc\x81"), 1);  /* e + combining acute: 1 */
	assert_int_equal(wrap_width("ї"), 1);
	assert_int_equal(wrap_cp_width(0x1b), -1);
	assert_int_equal(wrap_cp_width(0x301), 0);
	assert_int_equal(wrap_cp_width(0x4e00), 2);
	assert_int_equal(wrap_cp_width(0x0416), 1);
}

static void test_cyrillic_widths(void **state)
{
	(void)state;
	static const int widths[] = {20, 40, 80};
	for (size_t w = 0; w < 3; w++) {
		struct wrap_lines l = {0};
		wrap_text(cyr, widths[w], &l);
		check_lines(&l, widths[w]);
		/* Nothing lost: the lines joined by spaces give the text back. */
		char *j = joined(&l, " ");
		assert_string_equal(j, cyr);
		free(j);
		/* Greedy: each line but the last could not take the next word. */
		for (size_t i = 0; i + 1 < l.n; i++) {
			const char *next = l.lines[i + 1];
			const char *sp = strchr(next, ' ');
			char *first = sp ? xstrndup(next, (size_t)(sp - next)) : xstrdup(next);
			assert_true(wrap_width(l.lines[i]) + 1 + wrap_width(first) > widths[w]);
			free(first);
		}
		if (widths[w] == 20)
			assert_true(l.n >= 6);
		if (widths[w] == 80)
			assert_int_equal(l.n, 2);
		wrap_lines_free(&l);
	}
	/* One exact case at width 20. */
	struct wrap_lines l = {0};
	wrap_text(cyr, 20, &l);
	assert_string_equal(l.lines[0], "Ви можете працювати");
	assert_string_equal(l.lines[1], "в Нідерландах без");
	wrap_lines_free(&l);
}

static void test_long_word(void **state)
{
	(void)state;
	char word[301];
	for (int i = 0; i < 300; i++)
		word[i] = (char)('a' + i % 26);
	word[300] = '\0';
	char *text = xasprintf("short %s end", word);
	struct wrap_lines l = {0};
	wrap_text(text, 40, &l);
	check_lines(&l, 40);
	assert_string_equal(l.lines[0], "short");
	/* 300 letters in pieces of 40: 7 full lines and one of 20 + " end". */
	assert_int_equal(l.n, 1 + 8);
	assert_int_equal(wrap_width(l.lines[1]), 40);
	assert_string_equal(l.lines[8] + 20, " end");
	char *j = joined(&l, "");
	assert_non_null(strstr(j, word));
	free(j);
	wrap_lines_free(&l);
	free(text);

	/* A long Cyrillic word is cut at characters, never inside one. */
	struct strbuf b;
	sb_init(&b);
	for (int i = 0; i < 100; i++)
		sb_puts(&b, "ж");
	wrap_text(b.s, 30, &l);
	assert_int_equal(l.n, 4);
	assert_int_equal(wrap_width(l.lines[0]), 30);
	assert_int_equal(strlen(l.lines[0]), 60);
	assert_int_equal(wrap_width(l.lines[3]), 10);
	wrap_lines_free(&l);
	sb_free(&b);
}

/* wrap_words never splits a word: a URL wider than the line is a line of
 * its own; a width below 1 is no wrapping at all (a pipe). */
static void test_words_whole(void **state)
{
	(void)state;
	const char *url = "https://ind.nl/en/news/different-application-process-for-ukrainian-refugees-collect-residence-sticker-within-4-weeks";
	char *text = xasprintf("See %s for more.", url);
	struct wrap_lines l = {0};
	wrap_words(text, 40, &l);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.lines[0], "See");
	assert_string_equal(l.lines[1], url);
	assert_string_equal(l.lines[2], "for more.");
	wrap_lines_free(&l);
	wrap_words(text, 0, &l);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.lines[0], text);
	wrap_lines_free(&l);
	/* A no-break space holds an amount together. */
	wrap_words("It costs \xe2\x82\xac\xc2\xa0" "1\xc2\xa0" "000 a year", 14, &l);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.lines[0], "It costs");
	wrap_lines_free(&l);
	free(text);
}

static void test_invalid_and_control(void **state)
{
	(void)state;
	char *s = wrap_sanitize("a\xff" "b\x1b[31mc\td\xe2\x82" "e\x7f");
	/* 0xff and each byte of the truncated sequence become U+FFFD; ESC and
	 * DEL vanish; the tab becomes a space. "[31m" stays: it is only text. */
	assert_string_equal(s, "a\xef\xbf\xbd" "b[31mc d\xef\xbf\xbd\xef\xbf\xbd" "e");
	free(s);
	struct wrap_lines l = {0};
	wrap_text("\x01\x02 ok \xc0\xaf", 10, &l);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.lines[0], "ok \xef\xbf\xbd\xef\xbf\xbd");
	wrap_lines_free(&l);
}

/* The inline decoder (ASCII and 2-byte sequences) agrees with the full
 * one on every 1- and 2-byte input, and the sanitiser's run copying
 * drops C1 controls (the 2-byte CSI U+009B) while keeping Cyrillic and a
 * real U+FFFD. */
static void test_fast_paths(void **state)
{
	(void)state;
	for (unsigned a = 0; a < 256; a++)
		for (unsigned b = 0; b < 256; b++) {
			char in[2] = {(char)a, (char)b};
			uint32_t c1 = 0, c2 = 0;
			for (size_t n = 1; n <= 2; n++) {
				size_t k1 = utf8_decode(in, n, &c1), k2 = utf8_decode_long(in, n, &c2);
				assert_int_equal(k1, k2);
				assert_int_equal(c1, c2);
			}
		}
	char *s = wrap_sanitize("\xd0\x9a\xc2\x9b" "31m\xc2\x85x\xef\xbf\xbd\xc2\xa0\xc1\x80\xd1");
	assert_string_equal(s, "\xd0\x9a" "31mx\xef\xbf\xbd\xc2\xa0\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	free(s);
}

static void test_combining(void **state)
{
	(void)state;
	/* "ёё" written with combining diaeresis: 2 columns, 8 bytes. */
	const char *s = "е\xcc\x88е\xcc\x88";
	assert_int_equal(wrap_width(s), 2);
	int used;
	size_t k = wrap_fit(s, 1, &used);
	assert_int_equal(used, 1);
	assert_int_equal(k, 4); /* the mark stays with its letter */
	struct wrap_lines l = {0};
	wrap_text("café\xcc\x81 café\xcc\x81", 5, &l);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.lines[0], "café\xcc\x81");
	wrap_lines_free(&l);
}

static void test_cjk_and_edges(void **state)
{
	(void)state;
	struct wrap_lines l = {0};
	wrap_text("日本語日本語", 5, &l); /* 12 columns in lines of 5: 4+4+4 */
	check_lines(&l, 5);
	assert_int_equal(l.n, 3);
	wrap_lines_free(&l);
	wrap_text("日本", 1, &l); /* a wide character in a 1-column line still shows */
	assert_int_equal(l.n, 2);
	wrap_lines_free(&l);
	wrap_text("", 10, &l);
	assert_int_equal(l.n, 0);
	wrap_text("   ", 10, &l);
	assert_int_equal(l.n, 0);
	wrap_text("a  b   c    d", 3, &l); /* runs of spaces count as one */
	assert_int_equal(l.n, 2);
	assert_string_equal(l.lines[0], "a b");
	assert_string_equal(l.lines[1], "c d");
	wrap_lines_free(&l);
	wrap_text("x", 0, &l);
	assert_int_equal(l.n, 1);
	wrap_lines_free(&l);
}

/* A word of a million characters is cut into full lines, each measured
 * once (the cut used to copy and measure the whole rest of the word for
 * every line: 35 s for one screen). */
static void test_huge_word(void **state)
{
	(void)state;
	size_t n = 1000000;
	char *word = xmalloc(n * 2 + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(word + 2 * i, "\xd0\x96", 2); /* Ж, 2 bytes, 1 column */
	word[2 * n] = '\0';
	struct wrap_lines l = {0};
	wrap_text(word, 78, &l);
	assert_int_equal(l.n, (n + 77) / 78);
	size_t total = 0;
	for (size_t i = 0; i < l.n; i++) {
		int w = wrap_width(l.lines[i]);
		assert_true(w == 78 || i == l.n - 1);
		total += strlen(l.lines[i]);
	}
	assert_int_equal(total, 2 * n);
	wrap_lines_free(&l);
	free(word);
}

/* Bidi controls reorder what is shown: dropped like control characters. */
static void test_bidi_dropped(void **state)
{
	(void)state;
	char *c = wrap_sanitize("Fee: \xe2\x80\xae" "00.05\xe2\x80\xac EUR \xe2\x81\xa6x\xe2\x81\xa9");
	assert_string_equal(c, "Fee: 00.05 EUR x");
	free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_cyrillic_widths),
		cmocka_unit_test(test_long_word),
		cmocka_unit_test(test_words_whole),
		cmocka_unit_test(test_invalid_and_control),
		cmocka_unit_test(test_fast_paths),
		cmocka_unit_test(test_combining),
		cmocka_unit_test(test_cjk_and_edges),
		cmocka_unit_test(test_huge_word),
		cmocka_unit_test(test_bidi_dropped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
