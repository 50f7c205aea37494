/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The compiled journeys image (docs/image-format.md): every fixture set and
 * the shipped journeys come back from an image as the same model the
 * loader built; a damaged image (wrong magic, version or byte order, cut
 * at any length, grown, an offset or index out of range, a string that does
 * not end, any byte flipped) is refused with a reason and never crashes
 * (the sanitizer build runs this too). */
#include "testutil.h"

#include <fcntl.h>
#include <stdint.h>

#include "core/cond.h"
#include "core/image.h"

/* The section numbers and a few record fields, as docs/image-format.md
 * lists them. */
enum { SEC_STR = 0, SEC_JOURNEY = 3, SEC_STEP = 5, SEC_N = 18 };
#define HEADER 40u
#define STEP_WORDS 23u
#define STEP_NEXT_STEP 18u /* the next target's step index */

static struct journey_set *load(const char *dir)
{
	struct diag_list d;
	diag_init(&d);
	struct journey_set *set = journey_set_load(dir, &d);
	if (d.errors)
		for (size_t i = 0; i < d.n; i++)
			diag_print(&d.items[i], stderr);
	assert_int_equal(d.errors, 0);
	diag_free(&d);
	return set;
}

static void *compile(const char *dir, size_t *len)
{
	struct journey_set *set = load(dir);
	void *img;
	const char *why = NULL;
	assert_true(image_build(set, 42, &img, len, &why));
	journey_set_free(set);
	return img;
}

static void same_str(const char *a, const char *b)
{
	if (!a || !b)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static void same_cond(const struct cond *a, const struct cond *b)
{
	if (!a || !b) {
		assert_ptr_equal(a, b);
		return;
	}
	assert_int_equal(a->n_terms, b->n_terms);
	for (size_t i = 0; i < a->n_terms; i++) {
		const struct cond_term *x = &a->terms[i], *y = &b->terms[i];
		assert_int_equal(x->negate, y->negate);
		assert_int_equal(x->ne, y->ne);
		assert_int_equal(x->today, y->today);
		assert_int_equal(x->ge, y->ge);
		assert_int_equal(x->date, y->date);
		assert_int_equal(x->offset, y->offset);
		same_str(x->var, y->var);
		assert_int_equal(x->n_values, y->n_values);
		for (size_t k = 0; k < x->n_values; k++)
			same_str(x->values[k], y->values[k]);
		if (i + 1 < a->n_terms)
			assert_int_equal(a->or_after[i], b->or_after[i]);
	}
	char *fa = cond_format(a), *fb = cond_format(b);
	assert_string_equal(fa, fb);
	free(fa);
	free(fb);
}

static void same_target(const struct target *a, const struct target *b)
{
	same_str(a->ref, b->ref);
	assert_int_equal(a->line, b->line);
	assert_int_equal(a->col, b->col);
	assert_int_equal(!a->step, !b->step);
	if (a->step)
		assert_int_equal(a->step->index, b->step->index);
}

static void same_sources(const struct source *a, size_t na, const struct source *b, size_t nb)
{
	assert_int_equal(na, nb);
	for (size_t i = 0; i < na; i++) {
		same_str(a[i].href, b[i].href);
		same_str(a[i].date, b[i].date);
		same_str(a[i].text, b[i].text);
		assert_int_equal(a[i].line, b[i].line);
	}
}

static void same_step(const struct step *a, const struct step *b)
{
	same_str(a->id, b->id);
	same_str(a->title, b->title);
	same_str(a->reviewed, b->reviewed);
	same_str(a->valid_until, b->valid_until);
	same_str(a->var, b->var);
	assert_int_equal(a->index, b->index);
	assert_int_equal(a->line, b->line);
	assert_int_equal(a->nav, b->nav);
	same_str(a->journey->id, b->journey->id);
	assert_int_equal(a->n_paras, b->n_paras);
	for (size_t i = 0; i < a->n_paras; i++) {
		same_str(a->paras[i].text, b->paras[i].text);
		assert_int_equal(a->paras[i].kind, b->paras[i].kind);
		assert_int_equal(a->paras[i].line, b->paras[i].line);
		same_cond(a->paras[i].when, b->paras[i].when);
	}
	assert_int_equal(a->n_tasks, b->n_tasks);
	for (size_t i = 0; i < a->n_tasks; i++) {
		same_str(a->tasks[i].id, b->tasks[i].id);
		same_str(a->tasks[i].text, b->tasks[i].text);
		assert_int_equal(a->tasks[i].line, b->tasks[i].line);
		assert_ptr_equal(b->tasks[i].step, b);
		same_cond(a->tasks[i].when, b->tasks[i].when);
	}
	assert_int_equal(a->n_links, b->n_links);
	for (size_t i = 0; i < a->n_links; i++) {
		same_str(a->links[i].href, b->links[i].href);
		same_str(a->links[i].text, b->links[i].text);
		assert_int_equal(a->links[i].line, b->links[i].line);
		same_cond(a->links[i].when, b->links[i].when);
	}
	same_sources(a->sources, a->n_sources, b->sources, b->n_sources);
	assert_int_equal(a->n_options, b->n_options);
	for (size_t i = 0; i < a->n_options; i++) {
		same_str(a->options[i].value, b->options[i].value);
		same_str(a->options[i].text, b->options[i].text);
		assert_int_equal(a->options[i].line, b->options[i].line);
		same_cond(a->options[i].when, b->options[i].when);
		same_target(&a->options[i].go, &b->options[i].go);
	}
	assert_int_equal(a->n_gos, b->n_gos);
	for (size_t i = 0; i < a->n_gos; i++) {
		assert_int_equal(a->gos[i].line, b->gos[i].line);
		same_cond(a->gos[i].when, b->gos[i].when);
		same_target(&a->gos[i].go, &b->gos[i].go);
	}
	same_target(&a->next, &b->next);
}

/* Everything the loader built, compared field by field. */
static void same_set(const struct journey_set *a, const struct journey_set *b)
{
	same_str(a->dir, b->dir);
	assert_int_equal(a->n_journeys, b->n_journeys);
	assert_int_equal(a->n_steps, b->n_steps);
	assert_int_equal(a->n_tasks, b->n_tasks);
	assert_int_equal(a->n_terms, b->n_terms);
	assert_int_equal(a->n_facts, b->n_facts);
	for (size_t i = 0; i < a->n_journeys; i++) {
		const struct journey *x = a->journeys[i], *y = b->journeys[i];
		same_str(x->id, y->id);
		same_str(x->file, y->file);
		same_str(x->title, y->title);
		same_str(x->summary, y->summary);
		same_str(x->reviewed, y->reviewed);
		same_str(x->valid_until, y->valid_until);
		same_str(x->start_id, y->start_id);
		assert_int_equal(x->line, y->line);
		assert_int_equal(x->is_private, y->is_private);
		assert_int_equal(!x->start, !y->start);
		if (x->start)
			assert_int_equal(x->start->index, y->start->index);
		assert_int_equal(x->n_steps, y->n_steps);
		for (size_t k = 0; k < x->n_steps; k++) {
			same_step(&x->steps[k], &y->steps[k]);
			assert_ptr_equal(y->steps[k].journey, y);
			same_str(x->by_id[k].id, y->by_id[k].id);
			assert_int_equal(x->by_id[k].step->index, y->by_id[k].step->index);
			/* Lookups work on the read model. */
			assert_ptr_equal(journey_find_step(y, x->steps[k].id)->journey, y);
		}
		assert_ptr_equal(journey_set_find(b, x->id), y);
	}
	for (size_t i = 0; i < a->n_steps; i++)
		assert_int_equal(b->steps[i]->index, i);
	for (size_t i = 0; i < a->n_terms; i++) {
		const struct term *x = &a->terms[i], *y = &b->terms[i];
		same_str(x->id, y->id);
		same_str(x->name, y->name);
		same_str(x->definition, y->definition);
		same_str(x->file, y->file);
		assert_int_equal(x->line, y->line);
		assert_int_equal(x->n_also, y->n_also);
		for (size_t k = 0; k < x->n_also; k++)
			same_str(x->also[k], y->also[k]);
		same_sources(x->sources, x->n_sources, y->sources, y->n_sources);
		assert_ptr_equal(journey_set_term(b, x->name), y);
	}
	for (size_t i = 0; i < a->n_facts; i++) {
		const struct fact *x = &a->facts[i], *y = &b->facts[i];
		same_str(x->id, y->id);
		same_str(x->file, y->file);
		assert_int_equal(x->kind, y->kind);
		assert_int_equal(x->line, y->line);
		assert_int_equal(x->n_values, y->n_values);
		for (size_t k = 0; k < x->n_values; k++) {
			assert_int_equal(x->values[k].from, y->values[k].from);
			assert_int_equal(x->values[k].until, y->values[k].until);
			same_str(x->values[k].text, y->values[k].text);
			assert_int_equal(x->values[k].line, y->values[k].line);
		}
		same_sources(x->sources, x->n_sources, y->sources, y->n_sources);
		same_str(x->link.href, y->link.href);
		same_str(x->link.text, y->link.text);
		assert_int_equal(x->link.line, y->link.line);
		same_cond(x->link.when, y->link.when);
	}
	same_str(a->glossary_reviewed, b->glossary_reviewed);
	same_str(a->glossary_file, b->glossary_file);
	assert_int_equal(a->glossary_line, b->glossary_line);
	same_str(a->facts_reviewed, b->facts_reviewed);
	same_str(a->facts_file, b->facts_file);
	assert_int_equal(a->facts_line, b->facts_line);
}

static void round_trip(const char *dir)
{
	struct journey_set *a = load(dir);
	void *img;
	size_t len;
	const char *why = NULL;
	assert_true(image_build(a, 7, &img, &len, &why));
	/* From memory, and mapped from a file. */
	void *copy = xmalloc(len);
	memcpy(copy, img, len);
	struct journey_set *b = image_read(copy, len, dir, &why);
	assert_non_null(b);
	same_set(a, b);
	journey_set_free(b);

	char *tmp = tu_tmpdir();
	char *path = xasprintf("%s/%s", tmp, IMAGE_NAME);
	assert_true(image_save(path, img, len));
	uint64_t h = 0;
	assert_true(image_file_hash(path, &h));
	assert_int_equal(h, 7);
	b = image_open(path, dir, &why);
	assert_non_null(b);
	assert_true(b->image_mapped);
	same_set(a, b);
	journey_set_free(b);
	free(img);
	journey_set_free(a);
	free(path);
	tu_rmdir(tmp);
	free(tmp);
}

static void test_round_trip_fixtures(void **state)
{
	(void)state;
	static const char *const sets[] = {"good", "calendar", "layout", "order", "private"};
	for (size_t i = 0; i < sizeof sets / sizeof *sets; i++) {
		char *dir = xasprintf("%s/%s", FIXTURES, sets[i]);
		round_trip(dir);
		free(dir);
	}
}

static void test_round_trip_shipped(void **state)
{
	(void)state;
	round_trip(SOURCE_ROOT_TEST "/journeys");
	/* A directory given with a trailing slash: the files are joined as
	 * the loader joins them. */
	round_trip(SOURCE_ROOT_TEST "/journeys/");
}

/* Read a modified copy; returns the reason or NULL when it was accepted. */
static const char *try_read(const void *img, size_t len)
{
	void *copy = xmalloc(len ? len : 1);
	memcpy(copy, img, len);
	const char *why = NULL;
	struct journey_set *s = image_read(copy, len, FIXTURES "/good", &why);
	if (s) {
		journey_set_free(s);
		return NULL;
	}
	assert_non_null(why);
	return why;
}

static uint32_t word(const unsigned char *img, size_t off)
{
	uint32_t v;
	memcpy(&v, img + off, 4);
	return v;
}

static void set_word(unsigned char *img, size_t off, uint32_t v) { memcpy(img + off, &v, 4); }

static size_t sec_off(const unsigned char *img, unsigned s) { return word(img, HEADER + 8 * s); }
static size_t sec_size(const unsigned char *img, unsigned s) { return word(img, HEADER + 8 * s + 4); }

static void test_refusals(void **state)
{
	(void)state;
	size_t len;
	unsigned char *img = compile(FIXTURES "/good", &len);
	assert_null(try_read(img, len));

	img[0] ^= 0x20;
	assert_non_null(strstr(try_read(img, len), "not a journeys image"));
	img[0] ^= 0x20;

	set_word(img, 8, IMAGE_VERSION + 1);
	assert_non_null(strstr(try_read(img, len), "another version"));
	set_word(img, 8, IMAGE_VERSION);

	uint32_t mark = word(img, 12);
	set_word(img, 12, __builtin_bswap32(mark));
	assert_non_null(strstr(try_read(img, len), "byte order"));
	set_word(img, 12, mark);

	/* Grown by a byte (the size in the header no longer matches). */
	unsigned char *big = xcalloc(1, len + 1);
	memcpy(big, img, len);
	assert_non_null(strstr(try_read(big, len + 1), "size"));
	free(big);

	/* A string offset past the string section. */
	size_t j = sec_off(img, SEC_JOURNEY);
	uint32_t keep = word(img, j);
	set_word(img, j, (uint32_t)sec_size(img, SEC_STR) + 3);
	assert_non_null(strstr(try_read(img, len), "damaged"));
	set_word(img, j, keep);

	/* A step index past the steps. */
	size_t nsteps = sec_size(img, SEC_STEP) / 4 / STEP_WORDS;
	assert_true(nsteps > 0);
	size_t at = sec_off(img, SEC_STEP) + 4 * STEP_NEXT_STEP;
	keep = word(img, at);
	set_word(img, at, (uint32_t)nsteps);
	assert_non_null(strstr(try_read(img, len), "damaged"));
	set_word(img, at, keep);

	/* A section reaching past the end of the file. */
	set_word(img, HEADER + 8 * SEC_STEP + 4, (uint32_t)len);
	assert_non_null(strstr(try_read(img, len), "damaged"));
	set_word(img, HEADER + 8 * SEC_STEP + 4, (uint32_t)(nsteps * 4 * STEP_WORDS));

	/* The last string does not end inside the string section. */
	size_t str_end = sec_off(img, SEC_STR) + sec_size(img, SEC_STR) - 1;
	assert_int_equal(img[str_end], 0);
	img[str_end] = 'x';
	assert_non_null(strstr(try_read(img, len), "damaged"));
	img[str_end] = 0;

	assert_null(try_read(img, len));
	free(img);
}

/* Cut at every length: each is refused with a reason. */
static void test_truncated(void **state)
{
	(void)state;
	size_t len;
	unsigned char *img = compile(FIXTURES "/good", &len);
	for (size_t n = 0; n < len; n++)
		assert_non_null(try_read(img, n));
	free(img);
}

/* Any one byte changed: refused, or read into a model that is whole
 * enough to walk (no crash under the sanitizers). */
static void test_every_byte(void **state)
{
	(void)state;
	size_t len;
	unsigned char *img = compile(FIXTURES "/good", &len);
	size_t refused = 0;
	for (size_t i = 0; i < len; i++) {
		for (unsigned x = 0x01; x <= 0x80; x <<= 7) {
			img[i] ^= (unsigned char)x;
			void *copy = xmalloc(len);
			memcpy(copy, img, len);
			const char *why = NULL;
			struct journey_set *s = image_read(copy, len, FIXTURES "/good", &why);
			if (!s) {
				assert_non_null(why);
				refused++;
			} else {
				size_t n = 0;
				for (size_t k = 0; k < s->n_steps; k++) {
					const struct step *st = s->steps[k];
					n += strlen(st->id) + strlen(st->journey->id);
					(void)journey_find_step(st->journey, st->id);
				}
				assert_true(n >= s->n_steps);
				journey_set_free(s);
			}
			img[i] ^= (unsigned char)x;
		}
	}
	assert_true(refused > 0);
	free(img);
}

static void test_open_file(void **state)
{
	(void)state;
	char *tmp = tu_tmpdir();
	char *path = xasprintf("%s/%s", tmp, IMAGE_NAME);
	const char *why = NULL;
	assert_null(image_open(path, tmp, &why));
	assert_non_null(why); /* no such file */
	tu_write(tmp, IMAGE_NAME, "<journey/>", 10);
	why = NULL;
	assert_null(image_open(path, tmp, &why));
	assert_non_null(strstr(why, "not a journeys image"));
	size_t len;
	unsigned char *img = compile(FIXTURES "/good", &len);
	tu_write(tmp, IMAGE_NAME, (const char *)img, len / 2);
	why = NULL;
	assert_null(image_open(path, tmp, &why));
	assert_non_null(strstr(why, "size"));
	uint64_t h;
	assert_true(image_file_hash(path, &h)); /* the header alone is whole */
	assert_null(image_open(tmp, tmp, &why)); /* a directory */
	free(img);
	free(path);
	tu_rmdir(tmp);
	free(tmp);
}

/* A path that is not a regular file is written to, never replaced by
 * the temporary file (as root, --output=/dev/null once replaced the
 * device with a file). A pipe stands in for the device here. */
static void test_save_not_regular(void **state)
{
	(void)state;
	char *tmp = tu_tmpdir();
	char *fifo = xasprintf("%s/pipe", tmp);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	int rfd = open(fifo, O_RDONLY | O_NONBLOCK);
	assert_true(rfd >= 0);
	static const char data[] = "image bytes";
	assert_true(image_save(fifo, data, sizeof data));
	struct stat st;
	assert_int_equal(stat(fifo, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	char back[64];
	assert_int_equal(read(rfd, back, sizeof back), (ssize_t)sizeof data);
	assert_memory_equal(back, data, sizeof data);
	close(rfd);
	/* A directory is refused and stays. */
	assert_false(image_save(tmp, data, sizeof data));
	assert_int_equal(stat(tmp, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	/* A regular file is replaced whole. */
	char *file = xasprintf("%s/%s", tmp, IMAGE_NAME);
	tu_write(tmp, IMAGE_NAME, "old and longer content", 22);
	assert_true(image_save(file, data, sizeof data));
	size_t n;
	char *got = util_read_file(file, &n);
	assert_int_equal(n, sizeof data);
	assert_memory_equal(got, data, sizeof data);
	free(got);
	free(file);
	free(fifo);
	tu_rmdir(tmp);
	free(tmp);
}

static void test_hash(void **state)
{
	(void)state;
	char *tmp = tu_tmpdir();
	tu_write(tmp, "a.xml", "<x/>", 4);
	tu_write(tmp, "notes.md", "n", 1);
	uint64_t h1, h2, h3, h4;
	const char *why;
	assert_true(image_hash_dir(tmp, &h1, &why));
	tu_write(tmp, "notes.md", "changed", 7); /* not a source */
	assert_true(image_hash_dir(tmp, &h2, &why));
	assert_int_equal(h1, h2);
	tu_write(tmp, "a.xml", "<y/>", 4);
	assert_true(image_hash_dir(tmp, &h3, &why));
	assert_int_not_equal(h1, h3);
	/* The same bytes under another name. */
	char *a = xasprintf("%s/a.xml", tmp), *b = xasprintf("%s/b.xml", tmp);
	assert_int_equal(rename(a, b), 0);
	assert_true(image_hash_dir(tmp, &h4, &why));
	assert_int_not_equal(h3, h4);
	free(a);
	free(b);
	tu_rmdir(tmp);
	assert_false(image_hash_dir(tmp, &h4, &why));
	free(tmp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_fixtures),
		cmocka_unit_test(test_round_trip_shipped),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_every_byte),
		cmocka_unit_test(test_open_file),
		cmocka_unit_test(test_save_not_regular),
		cmocka_unit_test(test_hash),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
