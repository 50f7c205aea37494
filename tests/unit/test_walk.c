/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Walk-throughs (src/core/walk.c, docs/walkthroughs.md): every malformed
 * line is refused with FILE:LINE and what is wrong, with no control
 * character of the file in the message; a walk plays on the content and
 * stops where the content no longer matches; the guide records a walk
 * that plays back to the same end, and never a private step. With
 * SHIPPED set (the test "walkthroughs"), each file given on the command
 * line is played on the shipped journeys instead. */
#include "testutil.h"

#include "core/facts.h"
#include "core/session.h"
#include "core/walk.h"

static char *parse_err(const char *text)
{
	struct walk w;
	char *err = NULL;
	if (walk_parse(&w, text, strlen(text), "t.walk", &err)) {
		walk_free(&w);
		fail_msg("accepted: %s", text);
	}
	return err;
}

#define BAD(want, text)                                                                      \
	do {                                                                                 \
		char *e_ = parse_err(text);                                                  \
		if (!strstr(e_, want))                                                       \
			fail_msg("for %s\nexpected \"%s\" in \"%s\"", text, want, e_);      \
		for (const char *p_ = e_; *p_; p_++)                                         \
			if ((unsigned char)*p_ < 0x20 || *p_ == 0x7f)                      \
				fail_msg("a control character in the message \"%s\"", e_); \
		free(e_);                                                                    \
	} while (0)

#define HEAD "klantreis-walk 1\n"

static void test_malformed_lines(void **state)
{
	(void)state;
	BAD("t.walk:1: not a walk-through", "walk 1\nstart a:b\nend a:b\n");
	BAD("t.walk:1: not a walk-through", "");
	BAD("t.walk:1: not a walk-through", "# only a comment\n");
	BAD("t.walk:2: unknown line \"stap\"", HEAD "stap a:b next\n");
	BAD("t.walk:2: a step or end line before the start line", HEAD "step a:b next\n");
	BAD("t.walk:3: a second start line", HEAD "start a:b\nstart a:c\nend a:b\n");
	BAD("t.walk:2: \"a\" is not a JOURNEY:STEP reference", HEAD "start a\nend a:b\n");
	BAD("t.walk:2: \"A:b\" is not a JOURNEY:STEP reference", HEAD "start A:b\nend a:b\n");
	BAD("t.walk:2: \"a:\" is not a JOURNEY:STEP reference", HEAD "start a:\nend a:b\n");
	BAD("t.walk:3: a step line is", HEAD "start a:b\nstep a:b\n");
	BAD("t.walk:3: a step line is", HEAD "start a:b\nstep a:b next more\n");
	BAD("t.walk:3: a step line is", HEAD "start a:b\nstep a:b  next\n");
	BAD("t.walk:3: a step line is", HEAD "start a:b\nstep a:b next \n");
	BAD("t.walk:3: \"#0\" is no option number", HEAD "start a:b\nstep a:b #0\n");
	BAD("t.walk:3: \"#1000\" is no option number", HEAD "start a:b\nstep a:b #1000\n");
	BAD("t.walk:3: \"#2x\" is no option number", HEAD "start a:b\nstep a:b #2x\n");
	BAD("t.walk:3: \"Yes\" is no choice", HEAD "start a:b\nstep a:b Yes\n");
	BAD("t.walk:3: this line takes one", HEAD "start a:b\nend a:b a:c\n");
	BAD("t.walk:4: a line after the end line", HEAD "start a:b\nend a:b\nstep a:b next\n");
	BAD("t.walk:2: unknown language \"de\"", HEAD "lang de\n");
	BAD("t.walk:3: a second lang line", HEAD "lang nl\nlang uk\n");
	BAD("t.walk:3: a second title line", HEAD "title A\ntitle B\n");
	BAD("t.walk:2: the title is empty", HEAD "title \n");
	BAD("t.walk:2: the title is empty or not UTF-8", HEAD "title caf\xe9\n");
	BAD("t.walk:2: no start line", HEAD "title A\n");
	BAD("t.walk:3: no end line", HEAD "start a:b\nstep a:b next\n");
	/* Control characters: refused, and never echoed. */
	BAD("t.walk:2: a control character (byte 27)", HEAD "title \x1b[2Jgone\nstart a:b\nend a:b\n");
	BAD("t.walk:2: a control character (byte 9)", HEAD "step\ta:b next\n");
	static const char nul[] = HEAD "start a:b\0\nend a:b\n";
	struct walk w;
	char *e = NULL;
	assert_false(walk_parse(&w, nul, sizeof nul - 1, "t.walk", &e));
	assert_string_equal(e, "t.walk:2: a NUL byte in the line");
	free(e);
	/* A long word is quoted cut: the message stays one short line. */
	char *big = xasprintf(HEAD "start a:b\nstep a:b %0500d\n", 7);
	e = parse_err(big);
	assert_true(strlen(e) < 200);
	free(e);
	free(big);
}

static void test_name_is_sanitised(void **state)
{
	(void)state;
	struct walk w;
	char *err = NULL;
	assert_false(walk_parse(&w, "x", 1, "evil\x1b]0;pwned\x07.walk", &err));
	assert_non_null(strstr(err, ":1: not a walk-through"));
	for (const char *p = err; *p; p++)
		assert_true((unsigned char)*p >= 0x20 && *p != 0x7f);
	free(err);
}

static void test_size_cap(void **state)
{
	(void)state;
	size_t n = WALK_MAX_BYTES + 1;
	char *text = xmalloc(n);
	memset(text, '#', n);
	struct walk w;
	char *err = NULL;
	assert_false(walk_parse(&w, text, n, "big.walk", &err));
	assert_non_null(strstr(err, "big.walk: too big for a walk-through"));
	free(err);
	free(text);
}

/* A long walk parses (one pass, each line once): 5000 steps near the cap. */
static void test_long_walk(void **state)
{
	(void)state;
	struct strbuf b;
	sb_init(&b);
	sb_puts(&b, "# comment\r\n" HEAD "title Een verpleegkundige uit Charkiv\r\nlang nl\nstart a:b\n");
	for (int i = 0; i < 5000; i++)
		sb_printf(&b, "step a:s%d %s\n", i, i % 3 == 0 ? "next" : i % 3 == 1 ? "#12" : "yes");
	sb_puts(&b, "\n# the end\nend a:z");
	struct walk w;
	char *err = NULL;
	assert_true(b.len < WALK_MAX_BYTES);
	assert_true(walk_parse(&w, b.s, b.len, "long.walk", &err));
	assert_null(err);
	assert_int_equal(w.n_steps, 5000);
	assert_string_equal(w.title, "Een verpleegkundige uit Charkiv");
	assert_string_equal(w.lang, "nl");
	assert_string_equal(w.start, "a:b");
	assert_string_equal(w.end, "a:z");
	assert_int_equal(w.end_line, 5000 + 8);
	assert_int_equal(w.steps[0].kind, WALK_NEXT);
	assert_int_equal(w.steps[1].kind, WALK_POS);
	assert_int_equal(w.steps[1].pos, 12);
	assert_int_equal(w.steps[2].kind, WALK_VALUE);
	assert_string_equal(w.steps[2].value, "yes");
	assert_int_equal(w.steps[2].line, 8);
	walk_free(&w);
	sb_free(&b);
}

struct fx {
	struct journey_set *set;
	struct session *s;
};

static struct fx *load(const char *dir)
{
	struct fx *f = xcalloc(1, sizeof(*f));
	struct diag_list d;
	diag_init(&d);
	f->set = journey_set_load(dir, &d);
	assert_int_equal(d.errors, 0);
	diag_free(&d);
	f->s = session_new(f->set);
	return f;
}

static void unload(struct fx *f)
{
	session_free(f->s);
	journey_set_free(f->set);
	free(f);
}

static bool play(struct fx *f, const char *text, char **err)
{
	struct walk w;
	if (!walk_parse(&w, text, strlen(text), "p.walk", err))
		fail_msg("does not parse: %s", *err);
	bool ok = walk_play(&w, f->s, err);
	walk_free(&w);
	return ok;
}

#define PLAYS(f, text)                                      \
	do {                                                \
		char *e_ = NULL;                            \
		if (!play(f, text, &e_))                    \
			fail_msg("does not play: %s", e_);  \
	} while (0)
#define STOPS(f, want, text)                                                        \
	do {                                                                        \
		char *e_ = NULL;                                                    \
		if (play(f, text, &e_))                                             \
			fail_msg("played, expected %s", want);                      \
		if (!strstr(e_, want))                                              \
			fail_msg("expected \"%s\" in \"%s\"", want, e_);            \
		free(e_);                                                           \
	} while (0)

static void test_play_and_stop(void **state)
{
	(void)state;
	struct fx *f = load(FIXTURES "/good");
	/* health -> higher -> (route) nuffic -> Continue -> done */
	PLAYS(f, HEAD "start klantreis:start\nstep klantreis:start health\n"
		      "step diploma:intro higher\nstep diploma:nuffic next\nend klantreis:done\n");
	/* #3 on sbb is shown only when not health: a position among all
	 * options, whatever is shown. */
	PLAYS(f, HEAD "start klantreis:start\nstep klantreis:start other\n"
		      "step diploma:intro vocational\nstep diploma:sbb #3\nend klantreis:done\n");
	STOPS(f, "p.walk:5: the option chosen on diploma:sbb is not shown with these answers",
	      HEAD "start klantreis:start\nstep klantreis:start health\n"
		   "step diploma:intro vocational\nstep diploma:sbb #3\nend klantreis:done\n");
	STOPS(f, "p.walk:3: klantreis:start has no option \"teacher\"",
	      HEAD "start klantreis:start\nstep klantreis:start teacher\nend klantreis:done\n");
	STOPS(f, "p.walk:5: diploma:sbb has no option #4",
	      HEAD "start klantreis:start\nstep klantreis:start other\n"
		   "step diploma:intro vocational\nstep diploma:sbb #4\nend klantreis:done\n");
	/* The content changed: a route now leads elsewhere. */
	STOPS(f, "p.walk:5: the walk-through expects diploma:sbb here, but the guide is at diploma:nuffic",
	      HEAD "start klantreis:start\nstep klantreis:start health\n"
		   "step diploma:intro higher\nstep diploma:sbb #1\nend klantreis:done\n");
	STOPS(f, "p.walk:5: diploma:nuffic has only \"Continue\" now",
	      HEAD "start klantreis:start\nstep klantreis:start health\n"
		   "step diploma:intro higher\nstep diploma:nuffic yes\nend klantreis:done\n");
	STOPS(f, "p.walk:3: klantreis:start asks a question now",
	      HEAD "start klantreis:start\nstep klantreis:start next\nend klantreis:done\n");
	STOPS(f, "p.walk:5: the walk-through ends at diploma:intro, but the guide is at diploma:nuffic",
	      HEAD "start klantreis:start\nstep klantreis:start health\n"
		   "step diploma:intro higher\nend diploma:intro\n");
	STOPS(f, "p.walk:5: klantreis:done is an end step now",
	      HEAD "start klantreis:start\nstep klantreis:start health\n"
		   "step diploma:intro none\nstep klantreis:done next\nend klantreis:done\n");
	STOPS(f, "p.walk:2: no step klantreis:gone in the content", HEAD "start klantreis:gone\nend klantreis:done\n");
	unload(f);
}

/* What the guide records plays back to the same end. */
static void test_record_round_trip(void **state)
{
	(void)state;
	struct fx *f = load(FIXTURES "/good");
	assert_int_equal(session_start(f->s, "klantreis:start"), SESSION_OK);
	assert_int_equal(session_choose(f->s, 1), SESSION_OK); /* other */
	assert_int_equal(session_choose(f->s, 1), SESSION_OK); /* vocational -> sbb */
	assert_int_equal(session_choose(f->s, 1), SESSION_OK); /* start again -> intro */
	assert_int_equal(session_back(f->s), SESSION_OK);     /* back on sbb */
	assert_int_equal(session_choose(f->s, 2), SESSION_OK); /* #3 -> done */
	char *text = walk_record(f->s, "Een lasser", "nl");
	assert_string_equal(text, HEAD "title Een lasser\nlang nl\nstart klantreis:start\n"
				       "step klantreis:start other\nstep diploma:intro vocational\n"
				       "step diploma:sbb #3\nend klantreis:done\n");
	struct fx *g = load(FIXTURES "/good");
	char *err = NULL;
	assert_true(play(g, text, &err));
	assert_string_equal(session_view(g->s)->step->id, "done");
	free(text);
	/* An end step followed by a jump: the walk ends at the end step. */
	assert_int_equal(session_jump(f->s, "diploma:"), SESSION_OK);
	text = walk_record(f->s, NULL, NULL);
	assert_non_null(strstr(text, "step diploma:sbb #3\nend klantreis:done\n"));
	assert_null(strstr(text, "title"));
	free(text);
	unload(g);
	unload(f);
}

/* Options that store the same answer and lead apart (regulated:next-part
 * in the shipped content): the recorder names the option by its number,
 * and a value naming several is refused, not guessed. */
static void test_shared_value(void **state)
{
	(void)state;
	static const char xml[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<journey id=\"klantreis\" start=\"start\" reviewed=\"2026-11-01\">\n"
		"<title>T</title>\n"
		"<step id=\"start\"><title>W</title><ask var=\"v\">\n"
		"<option value=\"same\" goto=\"a\">A</option>\n"
		"<option value=\"same\" goto=\"done\">B</option></ask>\n"
		"<source href=\"https://example.org/\" date=\"2026-01-01\">S</source></step>\n"
		"<step id=\"a\"><title>A</title><next goto=\"done\"/>\n"
		"<source href=\"https://example.org/\" date=\"2026-01-01\">S</source></step>\n"
		"<step id=\"done\" end=\"yes\"><title>D</title>\n"
		"<source href=\"https://example.org/\" date=\"2026-01-01\">S</source></step>\n"
		"</journey>\n";
	char *dir = tu_tmpdir();
	tu_write(dir, "klantreis.xml", xml, sizeof xml - 1);
	struct fx *f = load(dir);
	assert_int_equal(session_start(f->s, "klantreis:start"), SESSION_OK);
	assert_int_equal(session_choose(f->s, 1), SESSION_OK);
	char *text = walk_record(f->s, NULL, NULL);
	assert_non_null(strstr(text, "step klantreis:start #2\nend klantreis:done\n"));
	char *err = NULL;
	assert_true(play(f, text, &err));
	free(text);
	STOPS(f, "p.walk:3: more than one option of klantreis:start has the value \"same\"",
	      HEAD "start klantreis:start\nstep klantreis:start same\nend klantreis:done\n");
	unload(f);
	tu_rmdir(dir);
	free(dir);
}

/* Nothing of a private journey is recorded, not even that it was entered. */
static void test_record_private(void **state)
{
	(void)state;
	struct fx *f = load(FIXTURES "/private");
	assert_int_equal(session_start(f->s, "klantreis:start"), SESSION_OK);
	assert_int_equal(session_choose(f->s, 1), SESSION_OK); /* -> secret: */
	assert_int_equal(session_choose(f->s, 0), SESSION_OK); /* passport kept */
	assert_int_equal(session_choose(f->s, 0), SESSION_OK); /* -> klantreis:papers */
	assert_int_equal(session_choose(f->s, 0), SESSION_OK); /* -> done */
	char *text = walk_record(f->s, "t", "en");
	assert_string_equal(text, HEAD "title t\nlang en\nstart klantreis:start\nend klantreis:start\n");
	assert_null(strstr(text, "secret"));
	free(text);
	/* Starting inside the private journey: nothing at all. */
	assert_int_equal(session_start(f->s, "secret:"), SESSION_OK);
	assert_null(walk_record(f->s, NULL, NULL));
	unload(f);
}

/* The title is one clean line whatever the caller passes. */
static void test_record_title_clean(void **state)
{
	(void)state;
	struct fx *f = load(FIXTURES "/good");
	assert_int_equal(session_start(f->s, "klantreis:start"), SESSION_OK);
	char *text = walk_record(f->s, "a\nstep x:y next\x1b[2J", NULL);
	struct walk w;
	char *err = NULL;
	assert_true(walk_parse(&w, text, strlen(text), "r.walk", &err));
	assert_int_equal(w.n_steps, 0);
	assert_null(strchr(w.title, '\x1b'));
	walk_free(&w);
	free(text);
	unload(f);
}

/* Each shipped walk-through (argv) arrives at its end on the shipped
 * content, on the day the walks were made for. */
static int play_shipped(int argc, char **argv)
{
	long today;
	if (date_parse("2026-12-05", &today) != 0)
		return 1;
	facts_set_today(today);
	struct diag_list d;
	diag_init(&d);
	struct journey_set *set = journey_set_load(SOURCE_ROOT_TEST "/journeys", &d);
	int bad = d.errors ? 1 : 0;
	diag_free(&d);
	facts_use(set);
	for (int i = 1; i < argc; i++) {
		size_t len = 0;
		char *text = util_read_file(argv[i], &len);
		struct walk w;
		char *err = NULL;
		if (!text) {
			printf("FAIL %s: cannot read it\n", argv[i]);
			bad = 1;
			continue;
		}
		struct session *s = session_new(set);
		if (!walk_parse(&w, text, len, argv[i], &err) || !walk_play(&w, s, &err)) {
			printf("FAIL %s\n", err);
			bad = 1;
		} else if (!w.title || !w.lang) {
			printf("FAIL %s: a shipped walk-through has a title and a language\n", argv[i]);
			bad = 1;
		} else {
			printf("ok %s: %zu steps to %s\n", argv[i], w.n_steps, w.end);
		}
		free(err);
		walk_free(&w);
		session_free(s);
		free(text);
	}
	journey_set_free(set);
	return bad;
}

int main(int argc, char **argv)
{
	if (argc > 1)
		return play_shipped(argc, argv);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_malformed_lines),
		cmocka_unit_test(test_name_is_sanitised),
		cmocka_unit_test(test_size_cap),
		cmocka_unit_test(test_long_walk),
		cmocka_unit_test(test_play_and_stop),
		cmocka_unit_test(test_record_round_trip),
		cmocka_unit_test(test_shared_value),
		cmocka_unit_test(test_record_private),
		cmocka_unit_test(test_record_title_clean),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
