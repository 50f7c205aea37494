/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The compiled journeys image: writing (image_build) and reading
 * (image_open, image_read). The layout is docs/image-format.md: a header, a
 * section table, then sections of fixed-size records of 32-bit words in the
 * writer's byte order, and one section of NUL-terminated strings. Records
 * name strings by byte offset and other records by index; nothing in the
 * file is a pointer. The reader checks every offset and index before it
 * builds the model, whose strings then point into the mapped bytes. */
#include "image.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "facts.h"
#include "i18n.h"
#include "util.h"

static const unsigned char MAGIC[8] = {'K', 'L', 'J', 'I', '\r', '\n', 0x1a, '\n'};
#define ENDIAN_MARK 0x01020304u
#define NONE 0xffffffffu
#define HEADER_SIZE 40u /* magic, version, endianness, hash, size, section count, 0 */

enum sec {
	SEC_STR,     /* NUL-terminated strings, named by byte offset */
	SEC_SET,     /* one record: the set */
	SEC_FILE,    /* file names, relative to the journeys directory */
	SEC_JOURNEY, /* sorted by id */
	SEC_BYID,    /* per journey, its steps sorted by id (global step indices) */
	SEC_STEP,    /* by step index; each journey's steps in a row */
	SEC_PARA,
	SEC_TASK,
	SEC_LINK,
	SEC_SOURCE,
	SEC_OPTION,
	SEC_GO,
	SEC_TERM,    /* sorted by name */
	SEC_STRLIST, /* string offsets: a term's `also` forms, a condition's values */
	SEC_FACT,    /* sorted by id */
	SEC_FVAL,
	SEC_COND,
	SEC_CTERM,
	SEC_N
};

/* Record fields, in 32-bit words. S: a string offset (or NONE), I: an index. */
enum { SET_GLOSSARY_REVIEWED, SET_GLOSSARY_FILE, SET_GLOSSARY_LINE, SET_FACTS_REVIEWED,
       SET_FACTS_FILE, SET_FACTS_LINE, SET_W };
enum { FILE_NAME, FILE_W };
enum { J_ID, J_FILE, J_TITLE, J_SUMMARY, J_REVIEWED, J_VALID_UNTIL, J_START_ID, J_START,
       J_STEP_FIRST, J_N_STEPS, J_LINE, J_PRIVATE, J_W };
enum { BYID_STEP, BYID_W };
enum { T_REF, T_STEP, T_LINE, T_COL, T_W }; /* a target, inside a record */
enum { S_ID, S_TITLE, S_REVIEWED, S_VALID_UNTIL, S_LINE, S_PARA, S_N_PARAS, S_TASK, S_N_TASKS,
       S_LINK, S_N_LINKS, S_SOURCE, S_N_SOURCES, S_NAV, S_VAR, S_OPTION, S_N_OPTIONS,
       S_NEXT, S_GO = S_NEXT + T_W, S_N_GOS, S_W };
enum { P_TEXT, P_KIND, P_WHEN, P_LINE, P_W };
enum { TK_ID, TK_TEXT, TK_WHEN, TK_LINE, TK_W };
enum { L_HREF, L_TEXT, L_WHEN, L_LINE, L_W };
enum { SRC_HREF, SRC_DATE, SRC_TEXT, SRC_LINE, SRC_W };
enum { O_VALUE, O_TEXT, O_WHEN, O_LINE, O_GO, O_W = O_GO + T_W };
enum { G_WHEN, G_LINE, G_GO, G_W = G_GO + T_W };
enum { TM_ID, TM_NAME, TM_DEFINITION, TM_FILE, TM_ALSO, TM_N_ALSO, TM_SOURCE, TM_N_SOURCES,
       TM_LINE, TM_W };
enum { SL_STR, SL_W };
enum { F_ID, F_FILE, F_KIND, F_VALUE, F_N_VALUES, F_SOURCE, F_N_SOURCES, F_LINK_HREF,
       F_LINK_TEXT, F_LINK_WHEN, F_LINK_LINE, F_LINE, F_W };
enum { FV_FROM_LO, FV_FROM_HI, FV_UNTIL_LO, FV_UNTIL_HI, FV_TEXT, FV_LINE, FV_W };
enum { C_TERM, C_N_TERMS, C_W };
enum { CT_FLAGS, CT_VAR, CT_VALUE, CT_N_VALUES, CT_OFFSET, CT_DATE_LO, CT_DATE_HI, CT_W };
enum { CT_NEGATE = 1, CT_NE = 2, CT_TODAY = 4, CT_GE = 8, CT_OR_AFTER = 16 };

static const unsigned width[SEC_N] = {
	[SEC_STR] = 1,	       [SEC_SET] = SET_W,     [SEC_FILE] = FILE_W, [SEC_JOURNEY] = J_W,
	[SEC_BYID] = BYID_W,   [SEC_STEP] = S_W,      [SEC_PARA] = P_W,    [SEC_TASK] = TK_W,
	[SEC_LINK] = L_W,      [SEC_SOURCE] = SRC_W,  [SEC_OPTION] = O_W,  [SEC_GO] = G_W,
	[SEC_TERM] = TM_W,     [SEC_STRLIST] = SL_W,  [SEC_FACT] = F_W,    [SEC_FVAL] = FV_W,
	[SEC_COND] = C_W,      [SEC_CTERM] = CT_W,
};

/* ---- the hash of the sources ---- */

#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * FNV_PRIME;
	return h;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool hash_file(const char *path, uint64_t *h)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	struct stat st;
	bool ok = fstat(fd, &st) == 0;
	char buf[65536];
	uint64_t total = 0;
	while (ok) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			ok = false;
		if (n <= 0)
			break;
		*h = fnv(*h, buf, (size_t)n);
		total += (uint64_t)n;
	}
	close(fd);
	*h = fnv(*h, &total, sizeof total);
	return ok;
}

bool image_hash_dir(const char *dir, uint64_t *hash, const char **why)
{
	DIR *d = opendir(dir);
	if (!d) {
		*why = strerror(errno);
		return false;
	}
	char **names = NULL;
	size_t n_names = 0, cap = 0;
	for (struct dirent *e; (e = readdir(d));) {
		size_t n = strlen(e->d_name);
		if (n > 4 && strcmp(e->d_name + n - 4, ".xml") == 0 && e->d_name[0] != '.') {
			xgrow((void **)&names, &cap, n_names + 1, sizeof(*names));
			names[n_names++] = xstrdup(e->d_name);
		}
	}
	closedir(d);
	xqsort(names, n_names, sizeof(*names), cmp_name);
	uint64_t h = FNV_OFFSET;
	bool ok = true;
	size_t dl = strlen(dir);
	for (size_t i = 0; i < n_names; i++) {
		h = fnv(h, names[i], strlen(names[i]) + 1);
		char *path = xasprintf("%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", names[i]);
		if (ok && !hash_file(path, &h)) {
			*why = strerror(errno);
			ok = false;
		}
		free(path);
		free(names[i]);
	}
	free(names);
	*hash = h;
	return ok;
}

/* ---- writing ---- */

struct wr {
	uint32_t *rec[SEC_N];
	size_t n[SEC_N], cap[SEC_N]; /* in words */
	struct strbuf str;
	uint32_t *ht; /* string offset + 1, open addressing; 0 is empty */
	size_t ht_cap, ht_used;
	const char *dir;
	const char **files;
	size_t n_files, cap_files;
	bool ok;
	const char *why;
};

static size_t count(const struct wr *w, enum sec s) { return w->n[s] / width[s]; }

/* A new zeroed record in section `s`; the pointer is good until the next
 * record in the same section. */
static uint32_t *wr_rec(struct wr *w, enum sec s)
{
	xgrow((void **)&w->rec[s], &w->cap[s], w->n[s] + width[s], sizeof(uint32_t));
	uint32_t *r = &w->rec[s][w->n[s]];
	memset(r, 0, width[s] * sizeof(uint32_t));
	w->n[s] += width[s];
	return r;
}

static uint64_t str_hash(const char *s) { return fnv(FNV_OFFSET, s, strlen(s)); }

static void ht_grow(struct wr *w)
{
	size_t cap = w->ht_cap ? w->ht_cap * 2 : 1024;
	uint32_t *ht = xcalloc(cap, sizeof(*ht));
	for (size_t i = 0; i < w->ht_cap; i++)
		if (w->ht[i]) {
			size_t k = str_hash(w->str.s + w->ht[i] - 1) & (cap - 1);
			while (ht[k])
				k = (k + 1) & (cap - 1);
			ht[k] = w->ht[i];
		}
	free(w->ht);
	w->ht = ht;
	w->ht_cap = cap;
}

/* Each distinct string once. */
static uint32_t wr_str(struct wr *w, const char *s)
{
	if (!s)
		return NONE;
	if (2 * (w->ht_used + 1) > w->ht_cap)
		ht_grow(w);
	size_t k = str_hash(s) & (w->ht_cap - 1);
	for (; w->ht[k]; k = (k + 1) & (w->ht_cap - 1))
		if (strcmp(w->str.s + w->ht[k] - 1, s) == 0)
			return w->ht[k] - 1;
	size_t off = w->str.len, n = strlen(s);
	if (off + n + 1 >= NONE - 1) {
		w->ok = false;
		w->why = "the texts take more than 4 GiB";
		return NONE;
	}
	sb_add(&w->str, s, n + 1); /* with its NUL */
	w->ht[k] = (uint32_t)off + 1;
	w->ht_used++;
	return (uint32_t)off;
}

/* A file by its index in SEC_FILE: the name relative to the set's
 * directory (as the loader joined them), else the path as it is. */
static uint32_t wr_file(struct wr *w, const char *path)
{
	if (!path)
		return NONE;
	for (size_t i = w->n_files; i-- > 0;)
		if (strcmp(w->files[i], path) == 0)
			return (uint32_t)i;
	xgrow((void **)&w->files, &w->cap_files, w->n_files + 1, sizeof(*w->files));
	w->files[w->n_files++] = path;
	size_t dl = strlen(w->dir);
	const char *name = path;
	if (dl && strncmp(path, w->dir, dl) == 0) {
		const char *rest = path + dl;
		if (w->dir[dl - 1] != '/' && *rest == '/')
			rest++;
		if ((w->dir[dl - 1] == '/' || rest != path + dl) && *rest && !strchr(rest, '/'))
			name = rest;
	}
	uint32_t s = wr_str(w, name);
	wr_rec(w, SEC_FILE)[FILE_NAME] = s;
	return (uint32_t)(w->n_files - 1);
}

static uint32_t u32_of_int(int v) { return (uint32_t)v; }

static uint32_t wr_cond(struct wr *w, const struct cond *c)
{
	if (!c)
		return NONE;
	uint32_t first = (uint32_t)count(w, SEC_CTERM);
	for (size_t i = 0; i < c->n_terms; i++) {
		const struct cond_term *t = &c->terms[i];
		uint32_t var = wr_str(w, t->var);
		uint32_t vfirst = (uint32_t)count(w, SEC_STRLIST);
		for (size_t k = 0; k < t->n_values; k++) {
			uint32_t v = wr_str(w, t->values[k]);
			wr_rec(w, SEC_STRLIST)[SL_STR] = v;
		}
		uint32_t *r = wr_rec(w, SEC_CTERM);
		r[CT_FLAGS] = (t->negate ? CT_NEGATE : 0) | (t->ne ? CT_NE : 0) |
			      (t->today ? CT_TODAY : 0) | (t->ge ? CT_GE : 0) |
			      (i + 1 < c->n_terms && c->or_after[i] ? CT_OR_AFTER : 0);
		r[CT_VAR] = var;
		r[CT_VALUE] = vfirst;
		r[CT_N_VALUES] = (uint32_t)t->n_values;
		r[CT_OFFSET] = (uint32_t)t->offset;
		r[CT_DATE_LO] = (uint32_t)((uint64_t)t->date & 0xffffffffu);
		r[CT_DATE_HI] = (uint32_t)((uint64_t)t->date >> 32);
	}
	uint32_t *r = wr_rec(w, SEC_COND);
	r[C_TERM] = first;
	r[C_N_TERMS] = (uint32_t)c->n_terms;
	return (uint32_t)count(w, SEC_COND) - 1;
}

static void wr_target(struct wr *w, uint32_t *r, const struct target *t)
{
	r[T_REF] = wr_str(w, t->ref);
	r[T_STEP] = t->step ? (uint32_t)t->step->index : NONE;
	r[T_LINE] = u32_of_int(t->line);
	r[T_COL] = u32_of_int(t->col);
}

static uint32_t wr_sources(struct wr *w, const struct source *s, size_t n)
{
	uint32_t first = (uint32_t)count(w, SEC_SOURCE);
	for (size_t i = 0; i < n; i++) {
		uint32_t href = wr_str(w, s[i].href), date = wr_str(w, s[i].date),
			 text = wr_str(w, s[i].text);
		uint32_t *r = wr_rec(w, SEC_SOURCE);
		r[SRC_HREF] = href;
		r[SRC_DATE] = date;
		r[SRC_TEXT] = text;
		r[SRC_LINE] = u32_of_int(s[i].line);
	}
	return first;
}

/* Long on purpose: each kind of record a step owns, written in the order
 * rd_steps reads them back. */
static void wr_step(struct wr *w, const struct step *s)
{
	uint32_t para = (uint32_t)count(w, SEC_PARA);
	for (size_t i = 0; i < s->n_paras; i++) {
		uint32_t text = wr_str(w, s->paras[i].text), when = wr_cond(w, s->paras[i].when);
		uint32_t *r = wr_rec(w, SEC_PARA);
		r[P_TEXT] = text;
		r[P_KIND] = (uint32_t)s->paras[i].kind;
		r[P_WHEN] = when;
		r[P_LINE] = u32_of_int(s->paras[i].line);
	}
	uint32_t task = (uint32_t)count(w, SEC_TASK);
	for (size_t i = 0; i < s->n_tasks; i++) {
		const struct task *t = &s->tasks[i];
		if (t->step != s) {
			w->ok = false;
			w->why = "a task does not belong to its step";
		}
		uint32_t id = wr_str(w, t->id), text = wr_str(w, t->text), when = wr_cond(w, t->when);
		uint32_t *r = wr_rec(w, SEC_TASK);
		r[TK_ID] = id;
		r[TK_TEXT] = text;
		r[TK_WHEN] = when;
		r[TK_LINE] = u32_of_int(t->line);
	}
	uint32_t link = (uint32_t)count(w, SEC_LINK);
	for (size_t i = 0; i < s->n_links; i++) {
		const struct link *l = &s->links[i];
		uint32_t href = wr_str(w, l->href), text = wr_str(w, l->text), when = wr_cond(w, l->when);
		uint32_t *r = wr_rec(w, SEC_LINK);
		r[L_HREF] = href;
		r[L_TEXT] = text;
		r[L_WHEN] = when;
		r[L_LINE] = u32_of_int(l->line);
	}
	uint32_t source = wr_sources(w, s->sources, s->n_sources);
	uint32_t option = (uint32_t)count(w, SEC_OPTION);
	for (size_t i = 0; i < s->n_options; i++) {
		const struct ask_option *o = &s->options[i];
		uint32_t value = wr_str(w, o->value), text = wr_str(w, o->text),
			 when = wr_cond(w, o->when);
		uint32_t go[T_W];
		wr_target(w, go, &o->go);
		uint32_t *r = wr_rec(w, SEC_OPTION);
		r[O_VALUE] = value;
		r[O_TEXT] = text;
		r[O_WHEN] = when;
		r[O_LINE] = u32_of_int(o->line);
		memcpy(r + O_GO, go, sizeof go);
	}
	uint32_t gofirst = (uint32_t)count(w, SEC_GO);
	for (size_t i = 0; i < s->n_gos; i++) {
		uint32_t when = wr_cond(w, s->gos[i].when);
		uint32_t go[T_W];
		wr_target(w, go, &s->gos[i].go);
		uint32_t *r = wr_rec(w, SEC_GO);
		r[G_WHEN] = when;
		r[G_LINE] = u32_of_int(s->gos[i].line);
		memcpy(r + G_GO, go, sizeof go);
	}
	uint32_t next[T_W];
	wr_target(w, next, &s->next);
	uint32_t id = wr_str(w, s->id), title = wr_str(w, s->title), rev = wr_str(w, s->reviewed),
		 vu = wr_str(w, s->valid_until), var = wr_str(w, s->var);
	uint32_t *r = wr_rec(w, SEC_STEP);
	r[S_ID] = id;
	r[S_TITLE] = title;
	r[S_REVIEWED] = rev;
	r[S_VALID_UNTIL] = vu;
	r[S_LINE] = u32_of_int(s->line);
	r[S_PARA] = para;
	r[S_N_PARAS] = (uint32_t)s->n_paras;
	r[S_TASK] = task;
	r[S_N_TASKS] = (uint32_t)s->n_tasks;
	r[S_LINK] = link;
	r[S_N_LINKS] = (uint32_t)s->n_links;
	r[S_SOURCE] = source;
	r[S_N_SOURCES] = (uint32_t)s->n_sources;
	r[S_NAV] = (uint32_t)s->nav;
	r[S_VAR] = var;
	r[S_OPTION] = option;
	r[S_N_OPTIONS] = (uint32_t)s->n_options;
	memcpy(r + S_NEXT, next, sizeof next);
	r[S_GO] = gofirst;
	r[S_N_GOS] = (uint32_t)s->n_gos;
}

static void wr_journeys(struct wr *w, const struct journey_set *set)
{
	size_t total = 0;
	for (size_t i = 0; i < set->n_journeys; i++) {
		const struct journey *j = set->journeys[i];
		uint32_t first = (uint32_t)total;
		for (size_t k = 0; k < j->n_steps; k++, total++) {
			if (j->steps[k].index != total || total >= set->n_steps ||
			    set->steps[total] != &j->steps[k]) {
				w->ok = false;
				w->why = "the steps are not numbered as the loader numbers them";
				return;
			}
			wr_step(w, &j->steps[k]);
		}
		for (size_t k = 0; k < j->n_steps; k++)
			wr_rec(w, SEC_BYID)[BYID_STEP] = (uint32_t)j->by_id[k].step->index;
		uint32_t id = wr_str(w, j->id), file = wr_file(w, j->file), title = wr_str(w, j->title),
			 sum = wr_str(w, j->summary), rev = wr_str(w, j->reviewed),
			 vu = wr_str(w, j->valid_until), sid = wr_str(w, j->start_id);
		uint32_t *r = wr_rec(w, SEC_JOURNEY);
		r[J_ID] = id;
		r[J_FILE] = file;
		r[J_TITLE] = title;
		r[J_SUMMARY] = sum;
		r[J_REVIEWED] = rev;
		r[J_VALID_UNTIL] = vu;
		r[J_START_ID] = sid;
		r[J_START] = j->start ? (uint32_t)j->start->index : NONE;
		r[J_STEP_FIRST] = first;
		r[J_N_STEPS] = (uint32_t)j->n_steps;
		r[J_LINE] = u32_of_int(j->line);
		r[J_PRIVATE] = j->is_private;
	}
	if (total != set->n_steps) {
		w->ok = false;
		w->why = "the steps are not numbered as the loader numbers them";
	}
}

static void wr_terms_facts(struct wr *w, const struct journey_set *set)
{
	for (size_t i = 0; i < set->n_terms; i++) {
		const struct term *t = &set->terms[i];
		uint32_t also = (uint32_t)count(w, SEC_STRLIST);
		for (size_t k = 0; k < t->n_also; k++) {
			uint32_t s = wr_str(w, t->also[k]);
			wr_rec(w, SEC_STRLIST)[SL_STR] = s;
		}
		uint32_t src = wr_sources(w, t->sources, t->n_sources);
		uint32_t id = wr_str(w, t->id), name = wr_str(w, t->name),
			 def = wr_str(w, t->definition), file = wr_file(w, t->file);
		uint32_t *r = wr_rec(w, SEC_TERM);
		r[TM_ID] = id;
		r[TM_NAME] = name;
		r[TM_DEFINITION] = def;
		r[TM_FILE] = file;
		r[TM_ALSO] = also;
		r[TM_N_ALSO] = (uint32_t)t->n_also;
		r[TM_SOURCE] = src;
		r[TM_N_SOURCES] = (uint32_t)t->n_sources;
		r[TM_LINE] = u32_of_int(t->line);
	}
	for (size_t i = 0; i < set->n_facts; i++) {
		const struct fact *f = &set->facts[i];
		uint32_t val = (uint32_t)count(w, SEC_FVAL);
		for (size_t k = 0; k < f->n_values; k++) {
			const struct fact_value *v = &f->values[k];
			uint32_t text = wr_str(w, v->text);
			uint32_t *r = wr_rec(w, SEC_FVAL);
			r[FV_FROM_LO] = (uint32_t)((uint64_t)v->from & 0xffffffffu);
			r[FV_FROM_HI] = (uint32_t)((uint64_t)v->from >> 32);
			r[FV_UNTIL_LO] = (uint32_t)((uint64_t)v->until & 0xffffffffu);
			r[FV_UNTIL_HI] = (uint32_t)((uint64_t)v->until >> 32);
			r[FV_TEXT] = text;
			r[FV_LINE] = u32_of_int(v->line);
		}
		uint32_t src = wr_sources(w, f->sources, f->n_sources);
		uint32_t id = wr_str(w, f->id), file = wr_file(w, f->file),
			 lh = wr_str(w, f->link.href), lt = wr_str(w, f->link.text),
			 lw = wr_cond(w, f->link.when);
		uint32_t *r = wr_rec(w, SEC_FACT);
		r[F_ID] = id;
		r[F_FILE] = file;
		r[F_KIND] = (uint32_t)f->kind;
		r[F_VALUE] = val;
		r[F_N_VALUES] = (uint32_t)f->n_values;
		r[F_SOURCE] = src;
		r[F_N_SOURCES] = (uint32_t)f->n_sources;
		r[F_LINK_HREF] = lh;
		r[F_LINK_TEXT] = lt;
		r[F_LINK_WHEN] = lw;
		r[F_LINK_LINE] = u32_of_int(f->link.line);
		r[F_LINE] = u32_of_int(f->line);
	}
}

static void put32(unsigned char *p, uint32_t v) { memcpy(p, &v, 4); }
static void put64(unsigned char *p, uint64_t v) { memcpy(p, &v, 8); }

bool image_build(const struct journey_set *set, uint64_t hash, void **out, size_t *len,
		 const char **why)
{
	struct wr w = {.ok = true, .dir = set->dir ? set->dir : ""};
	sb_init(&w.str);
	uint32_t gr = wr_str(&w, set->glossary_reviewed), gf = wr_file(&w, set->glossary_file),
		 fr = wr_str(&w, set->facts_reviewed), ff = wr_file(&w, set->facts_file);
	uint32_t *r = wr_rec(&w, SEC_SET);
	r[SET_GLOSSARY_REVIEWED] = gr;
	r[SET_GLOSSARY_FILE] = gf;
	r[SET_GLOSSARY_LINE] = u32_of_int(set->glossary_line);
	r[SET_FACTS_REVIEWED] = fr;
	r[SET_FACTS_FILE] = ff;
	r[SET_FACTS_LINE] = u32_of_int(set->facts_line);
	wr_journeys(&w, set);
	wr_terms_facts(&w, set);

	/* Lay out: header, table, then each section at an 8-byte boundary. */
	size_t off = HEADER_SIZE + SEC_N * 8u, offs[SEC_N], sizes[SEC_N];
	for (int s = 0; s < SEC_N; s++) {
		off = (off + 7) & ~(size_t)7;
		offs[s] = off;
		sizes[s] = s == SEC_STR ? w.str.len : w.n[s] * sizeof(uint32_t);
		off += sizes[s];
	}
	if (off > NONE) {
		w.ok = false;
		w.why = "the image would be larger than 4 GiB";
	}
	unsigned char *img = NULL;
	if (w.ok) {
		img = xcalloc(1, off);
		memcpy(img, MAGIC, sizeof MAGIC);
		put32(img + 8, IMAGE_VERSION);
		put32(img + 12, ENDIAN_MARK);
		put64(img + 16, hash);
		put64(img + 24, off);
		put32(img + 32, SEC_N);
		for (int s = 0; s < SEC_N; s++) {
			put32(img + HEADER_SIZE + 8u * (unsigned)s, (uint32_t)offs[s]);
			put32(img + HEADER_SIZE + 8u * (unsigned)s + 4, (uint32_t)sizes[s]);
			if (sizes[s])
				memcpy(img + offs[s], s == SEC_STR ? (void *)w.str.s : (void *)w.rec[s],
				       sizes[s]);
		}
		*out = img;
		*len = off;
	} else {
		*why = w.why;
	}
	for (int s = 0; s < SEC_N; s++)
		free(w.rec[s]);
	sb_free(&w.str);
	free(w.ht);
	free(w.files);
	return w.ok;
}

static bool write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	while (len) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

bool image_save(const char *path, const void *data, size_t len)
{
	if (strcmp(path, "-") == 0)
		return write_all(STDOUT_FILENO, data, len);
	/* Not a regular file (a device, a pipe): written as it is. A
	 * temporary file renamed over it would replace the device itself. */
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode)) {
			errno = EISDIR;
			return false;
		}
		int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
		if (fd < 0)
			return false;
		bool ok = write_all(fd, data, len);
		int e = errno;
		if (close(fd) != 0 && ok) {
			ok = false;
			e = errno;
		}
		errno = e;
		return ok;
	}
	char *tmp = xasprintf("%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int e = errno;
		free(tmp);
		errno = e;
		return false;
	}
	bool ok = fchmod(fd, 0644) == 0 && write_all(fd, data, len) && fsync(fd) == 0;
	int e = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		e = errno;
	}
	if (ok && rename(tmp, path) != 0) {
		ok = false;
		e = errno;
	}
	if (!ok)
		unlink(tmp);
	free(tmp);
	errno = e;
	return ok;
}

/* ---- reading ---- */

static const char *const BAD_MAGIC = N_("it is not a journeys image");
static const char *const BAD_VERSION =
	N_("it was made for another version of klantreis: compile the journeys again");
static const char *const BAD_ENDIAN =
	N_("it was made on a computer with another byte order: compile the journeys on this one");
static const char *const BAD_SIZE = N_("it is cut short or has bytes added (its size does not match)");
static const char *const BAD_RANGE = N_("it is damaged (a reference points outside the image)");

struct rd {
	const unsigned char *base;
	size_t len;
	const uint32_t *sec[SEC_N];
	size_t n[SEC_N]; /* records (bytes for SEC_STR) */
	const char *str;
	const char *why;
	struct arena *a;
	const char **files;
	const char **strs; /* SEC_STRLIST as pointers */
	struct cond *conds;
	struct step *steps;
};

static uint32_t get32(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

static uint64_t get64(const unsigned char *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

#define REC(R, s, i) (&(R)->sec[s][(size_t)(i) * width[s]])

/* The string at `off`; NONE is NULL when `optional`. The string section
 * ends with a NUL (checked once), so every offset inside it starts a
 * terminated string. */
static bool rd_str(struct rd *R, uint32_t off, bool optional, const char **out)
{
	if (off == NONE && optional) {
		*out = NULL;
		return true;
	}
	if (off >= R->n[SEC_STR]) {
		R->why = BAD_RANGE;
		return false;
	}
	*out = R->str + off;
	return true;
}

static bool rd_range(struct rd *R, uint32_t first, uint32_t n, enum sec s)
{
	if (first > R->n[s] || n > R->n[s] - first) {
		R->why = BAD_RANGE;
		return false;
	}
	return true;
}

static bool rd_index(struct rd *R, uint32_t i, enum sec s, bool optional)
{
	if ((i == NONE && optional) || i < R->n[s])
		return true;
	R->why = BAD_RANGE;
	return false;
}

static bool rd_cond(struct rd *R, uint32_t i, const struct cond **out)
{
	if (!rd_index(R, i, SEC_COND, true))
		return false;
	*out = i == NONE ? NULL : &R->conds[i];
	return true;
}

static bool rd_file(struct rd *R, uint32_t i, const char **out)
{
	if (!rd_index(R, i, SEC_FILE, true))
		return false;
	*out = i == NONE ? NULL : R->files[i];
	return true;
}

static long long_of(uint32_t lo, uint32_t hi) { return (long)(int64_t)(((uint64_t)hi << 32) | lo); }

static bool rd_target(struct rd *R, const uint32_t *r, struct target *t)
{
	if (!rd_str(R, r[T_REF], true, &t->ref) || !rd_index(R, r[T_STEP], SEC_STEP, true))
		return false;
	t->step = r[T_STEP] == NONE ? NULL : &R->steps[r[T_STEP]];
	t->line = (int)r[T_LINE];
	t->col = (int)r[T_COL];
	return true;
}

static bool rd_sources(struct rd *R, uint32_t first, uint32_t n, struct source *all,
		       struct source **out)
{
	if (!rd_range(R, first, n, SEC_SOURCE))
		return false;
	*out = all + first;
	return true;
}

/* Files and conditions first: records name them. */
static bool rd_files_conds(struct rd *R, const char *dir)
{
	size_t dl = strlen(dir);
	R->files = arena_alloc(R->a, (R->n[SEC_FILE] + 1) * sizeof(*R->files));
	for (size_t i = 0; i < R->n[SEC_FILE]; i++) {
		const char *name;
		if (!rd_str(R, REC(R, SEC_FILE, i)[FILE_NAME], false, &name))
			return false;
		if (strchr(name, '/')) {
			R->files[i] = name;
			continue;
		}
		/* As the loader joins them (journey_set_load). */
		size_t nl = strlen(name);
		bool slash = dl && dir[dl - 1] == '/';
		char *p = arena_alloc_raw(R->a, dl + !slash + nl + 1);
		memcpy(p, dir, dl);
		if (!slash)
			p[dl] = '/';
		memcpy(p + dl + !slash, name, nl + 1);
		R->files[i] = p;
	}
	R->strs = arena_alloc_raw(R->a, (R->n[SEC_STRLIST] + 1) * sizeof(*R->strs));
	for (size_t i = 0; i < R->n[SEC_STRLIST]; i++)
		if (!rd_str(R, REC(R, SEC_STRLIST, i)[SL_STR], false, &R->strs[i]))
			return false;
	struct cond_term *terms = arena_alloc(R->a, (R->n[SEC_CTERM] + 1) * sizeof(*terms));
	bool *or_after = arena_alloc(R->a, (R->n[SEC_CTERM] + 1) * sizeof(*or_after));
	for (size_t i = 0; i < R->n[SEC_CTERM]; i++) {
		const uint32_t *r = REC(R, SEC_CTERM, i);
		struct cond_term *t = &terms[i];
		uint32_t f = r[CT_FLAGS];
		if (!rd_str(R, r[CT_VAR], false, &t->var) ||
		    !rd_range(R, r[CT_VALUE], r[CT_N_VALUES], SEC_STRLIST))
			return false;
		t->negate = f & CT_NEGATE;
		t->ne = f & CT_NE;
		t->today = f & CT_TODAY;
		t->ge = f & CT_GE;
		or_after[i] = f & CT_OR_AFTER;
		t->values = R->strs + r[CT_VALUE];
		t->n_values = r[CT_N_VALUES];
		t->offset = r[CT_OFFSET];
		t->date = long_of(r[CT_DATE_LO], r[CT_DATE_HI]);
		if (t->today && !t->n_values) { /* a calendar term reads values[0] */
			R->why = BAD_RANGE;
			return false;
		}
	}
	R->conds = arena_alloc(R->a, (R->n[SEC_COND] + 1) * sizeof(*R->conds));
	for (size_t i = 0; i < R->n[SEC_COND]; i++) {
		const uint32_t *r = REC(R, SEC_COND, i);
		if (!rd_range(R, r[C_TERM], r[C_N_TERMS], SEC_CTERM))
			return false;
		R->conds[i].terms = terms + r[C_TERM];
		R->conds[i].or_after = or_after + r[C_TERM];
		R->conds[i].n_terms = r[C_N_TERMS];
	}
	return true;
}

/* Long on purpose: one flat pass over the step records and the kinds of
 * record a step owns, each checked against its bounds before use; split,
 * every part would need the same cursor and counts. */
static bool rd_steps(struct rd *R, struct journey_set *set)
{
	size_t ns = R->n[SEC_STEP];
	struct para *paras = arena_alloc(R->a, (R->n[SEC_PARA] + 1) * sizeof(*paras));
	for (size_t i = 0; i < R->n[SEC_PARA]; i++) {
		const uint32_t *r = REC(R, SEC_PARA, i);
		if (!rd_str(R, r[P_TEXT], true, &paras[i].text) || !rd_cond(R, r[P_WHEN], &paras[i].when))
			return false;
		if (r[P_KIND] > PARA_TIP) {
			R->why = BAD_RANGE;
			return false;
		}
		paras[i].kind = (enum para_kind)r[P_KIND];
		paras[i].line = (int)r[P_LINE];
	}
	struct task *tasks = arena_alloc(R->a, (R->n[SEC_TASK] + 1) * sizeof(*tasks));
	for (size_t i = 0; i < R->n[SEC_TASK]; i++) {
		const uint32_t *r = REC(R, SEC_TASK, i);
		if (!rd_str(R, r[TK_ID], false, &tasks[i].id) ||
		    !rd_str(R, r[TK_TEXT], true, &tasks[i].text) ||
		    !rd_cond(R, r[TK_WHEN], &tasks[i].when))
			return false;
		tasks[i].line = (int)r[TK_LINE];
	}
	struct link *links = arena_alloc(R->a, (R->n[SEC_LINK] + 1) * sizeof(*links));
	for (size_t i = 0; i < R->n[SEC_LINK]; i++) {
		const uint32_t *r = REC(R, SEC_LINK, i);
		if (!rd_str(R, r[L_HREF], true, &links[i].href) ||
		    !rd_str(R, r[L_TEXT], true, &links[i].text) || !rd_cond(R, r[L_WHEN], &links[i].when))
			return false;
		links[i].line = (int)r[L_LINE];
	}
	struct source *sources = arena_alloc(R->a, (R->n[SEC_SOURCE] + 1) * sizeof(*sources));
	for (size_t i = 0; i < R->n[SEC_SOURCE]; i++) {
		const uint32_t *r = REC(R, SEC_SOURCE, i);
		if (!rd_str(R, r[SRC_HREF], true, &sources[i].href) ||
		    !rd_str(R, r[SRC_DATE], true, &sources[i].date) ||
		    !rd_str(R, r[SRC_TEXT], true, &sources[i].text))
			return false;
		sources[i].line = (int)r[SRC_LINE];
	}
	set->terms = arena_alloc(R->a, (R->n[SEC_TERM] + 1) * sizeof(*set->terms));
	set->n_terms = R->n[SEC_TERM];
	for (size_t i = 0; i < R->n[SEC_TERM]; i++) {
		const uint32_t *r = REC(R, SEC_TERM, i);
		struct term *t = &set->terms[i];
		if (!rd_str(R, r[TM_ID], false, &t->id) || !rd_str(R, r[TM_NAME], false, &t->name) ||
		    !rd_str(R, r[TM_DEFINITION], true, &t->definition) ||
		    !rd_file(R, r[TM_FILE], &t->file) ||
		    !rd_range(R, r[TM_ALSO], r[TM_N_ALSO], SEC_STRLIST) ||
		    !rd_sources(R, r[TM_SOURCE], r[TM_N_SOURCES], sources, &t->sources))
			return false;
		t->also = R->strs + r[TM_ALSO];
		t->n_also = r[TM_N_ALSO];
		t->n_sources = r[TM_N_SOURCES];
		t->line = (int)r[TM_LINE];
	}
	struct ask_option *opts = arena_alloc(R->a, (R->n[SEC_OPTION] + 1) * sizeof(*opts));
	for (size_t i = 0; i < R->n[SEC_OPTION]; i++) {
		const uint32_t *r = REC(R, SEC_OPTION, i);
		if (!rd_str(R, r[O_VALUE], true, &opts[i].value) ||
		    !rd_str(R, r[O_TEXT], true, &opts[i].text) || !rd_cond(R, r[O_WHEN], &opts[i].when) ||
		    !rd_target(R, r + O_GO, &opts[i].go))
			return false;
		opts[i].line = (int)r[O_LINE];
	}
	struct route_go *gos = arena_alloc(R->a, (R->n[SEC_GO] + 1) * sizeof(*gos));
	for (size_t i = 0; i < R->n[SEC_GO]; i++) {
		const uint32_t *r = REC(R, SEC_GO, i);
		if (!rd_cond(R, r[G_WHEN], &gos[i].when) || !rd_target(R, r + G_GO, &gos[i].go))
			return false;
		gos[i].line = (int)r[G_LINE];
	}
	set->steps = arena_alloc(R->a, (ns + 1) * sizeof(*set->steps));
	set->n_steps = ns;
	for (size_t i = 0; i < ns; i++) {
		const uint32_t *r = REC(R, SEC_STEP, i);
		struct step *s = &R->steps[i];
		set->steps[i] = s;
		s->index = i;
		if (!rd_str(R, r[S_ID], false, &s->id) || !rd_str(R, r[S_TITLE], true, &s->title) ||
		    !rd_str(R, r[S_REVIEWED], true, &s->reviewed) ||
		    !rd_str(R, r[S_VALID_UNTIL], true, &s->valid_until) ||
		    !rd_str(R, r[S_VAR], true, &s->var) ||
		    !rd_range(R, r[S_PARA], r[S_N_PARAS], SEC_PARA) ||
		    !rd_range(R, r[S_TASK], r[S_N_TASKS], SEC_TASK) ||
		    !rd_range(R, r[S_LINK], r[S_N_LINKS], SEC_LINK) ||
		    !rd_range(R, r[S_SOURCE], r[S_N_SOURCES], SEC_SOURCE) ||
		    !rd_range(R, r[S_OPTION], r[S_N_OPTIONS], SEC_OPTION) ||
		    !rd_range(R, r[S_GO], r[S_N_GOS], SEC_GO) || !rd_target(R, r + S_NEXT, &s->next))
			return false;
		if (r[S_NAV] > NAV_END) {
			R->why = BAD_RANGE;
			return false;
		}
		s->line = (int)r[S_LINE];
		s->paras = paras + r[S_PARA];
		s->n_paras = r[S_N_PARAS];
		s->tasks = tasks + r[S_TASK];
		s->n_tasks = r[S_N_TASKS];
		for (size_t k = 0; k < s->n_tasks; k++)
			s->tasks[k].step = s;
		set->n_tasks += s->n_tasks;
		s->links = links + r[S_LINK];
		s->n_links = r[S_N_LINKS];
		s->sources = sources + r[S_SOURCE];
		s->n_sources = r[S_N_SOURCES];
		s->nav = (enum nav_kind)r[S_NAV];
		s->options = opts + r[S_OPTION];
		s->n_options = r[S_N_OPTIONS];
		s->gos = gos + r[S_GO];
		s->n_gos = r[S_N_GOS];
	}
	set->facts = arena_alloc(R->a, (R->n[SEC_FACT] + 1) * sizeof(*set->facts));
	set->n_facts = R->n[SEC_FACT];
	struct fact_value *vals = arena_alloc(R->a, (R->n[SEC_FVAL] + 1) * sizeof(*vals));
	for (size_t i = 0; i < R->n[SEC_FVAL]; i++) {
		const uint32_t *r = REC(R, SEC_FVAL, i);
		if (!rd_str(R, r[FV_TEXT], true, &vals[i].text))
			return false;
		vals[i].from = long_of(r[FV_FROM_LO], r[FV_FROM_HI]);
		vals[i].until = long_of(r[FV_UNTIL_LO], r[FV_UNTIL_HI]);
		vals[i].line = (int)r[FV_LINE];
	}
	for (size_t i = 0; i < R->n[SEC_FACT]; i++) {
		const uint32_t *r = REC(R, SEC_FACT, i);
		struct fact *f = &set->facts[i];
		if (!rd_str(R, r[F_ID], false, &f->id) || !rd_file(R, r[F_FILE], &f->file) ||
		    !rd_range(R, r[F_VALUE], r[F_N_VALUES], SEC_FVAL) ||
		    !rd_sources(R, r[F_SOURCE], r[F_N_SOURCES], sources, &f->sources) ||
		    !rd_str(R, r[F_LINK_HREF], true, &f->link.href) ||
		    !rd_str(R, r[F_LINK_TEXT], true, &f->link.text) ||
		    !rd_cond(R, r[F_LINK_WHEN], &f->link.when))
			return false;
		if (r[F_KIND] > FACT_TEXT) {
			R->why = BAD_RANGE;
			return false;
		}
		f->kind = (enum fact_kind)r[F_KIND];
		f->values = vals + r[F_VALUE];
		f->n_values = r[F_N_VALUES];
		f->n_sources = r[F_N_SOURCES];
		f->link.line = (int)r[F_LINK_LINE];
		f->line = (int)r[F_LINE];
	}
	return true;
}

static bool rd_journeys(struct rd *R, struct journey_set *set)
{
	size_t nj = R->n[SEC_JOURNEY];
	set->journeys = arena_alloc(R->a, (nj + 1) * sizeof(*set->journeys));
	struct journey *js = arena_alloc(R->a, (nj + 1) * sizeof(*js));
	struct step_index *ix = arena_alloc(R->a, (R->n[SEC_BYID] + 1) * sizeof(*ix));
	if (R->n[SEC_BYID] != R->n[SEC_STEP]) {
		R->why = BAD_RANGE;
		return false;
	}
	uint32_t next = 0; /* the journeys' steps follow each other */
	for (size_t i = 0; i < nj; i++) {
		const uint32_t *r = REC(R, SEC_JOURNEY, i);
		struct journey *j = &js[i];
		set->journeys[i] = j;
		uint32_t first = r[J_STEP_FIRST], n = r[J_N_STEPS];
		if (first != next || !rd_range(R, first, n, SEC_STEP) ||
		    !rd_str(R, r[J_ID], false, &j->id) || !rd_file(R, r[J_FILE], &j->file) ||
		    !j->file || !rd_str(R, r[J_TITLE], true, &j->title) ||
		    !rd_str(R, r[J_SUMMARY], true, &j->summary) ||
		    !rd_str(R, r[J_REVIEWED], true, &j->reviewed) ||
		    !rd_str(R, r[J_VALID_UNTIL], true, &j->valid_until) ||
		    !rd_str(R, r[J_START_ID], true, &j->start_id)) {
			R->why = R->why ? R->why : BAD_RANGE;
			return false;
		}
		next = first + n;
		if (r[J_START] != NONE && (r[J_START] < first || r[J_START] >= next)) {
			R->why = BAD_RANGE;
			return false;
		}
		j->start = r[J_START] == NONE ? NULL : &R->steps[r[J_START]];
		j->steps = R->steps + first;
		j->n_steps = n;
		j->line = (int)r[J_LINE];
		j->is_private = r[J_PRIVATE] != 0;
		j->by_id = ix + first;
		for (size_t k = 0; k < n; k++) {
			uint32_t s = REC(R, SEC_BYID, first + k)[BYID_STEP];
			if (s < first || s >= next) {
				R->why = BAD_RANGE;
				return false;
			}
			ix[first + k].step = &R->steps[s];
			ix[first + k].id = R->steps[s].id;
			R->steps[first + k].journey = j;
		}
	}
	if (next != R->n[SEC_STEP]) {
		R->why = BAD_RANGE;
		return false;
	}
	set->n_journeys = nj;
	return true;
}

static bool rd_header(struct rd *R)
{
	const unsigned char *b = R->base;
	if (R->len < HEADER_SIZE || memcmp(b, MAGIC, sizeof MAGIC) != 0) {
		R->why = R->len >= sizeof MAGIC && memcmp(b, MAGIC, sizeof MAGIC) == 0 ? BAD_SIZE
										    : BAD_MAGIC;
		return false;
	}
	uint32_t endian = get32(b + 12);
	if (endian != ENDIAN_MARK) {
		R->why = endian == __builtin_bswap32(ENDIAN_MARK) ? BAD_ENDIAN : BAD_MAGIC;
		return false;
	}
	if (get32(b + 8) != IMAGE_VERSION || get32(b + 32) != SEC_N) {
		R->why = BAD_VERSION;
		return false;
	}
	if (get64(b + 24) != R->len || R->len < HEADER_SIZE + SEC_N * 8u) {
		R->why = BAD_SIZE;
		return false;
	}
	for (int s = 0; s < SEC_N; s++) {
		uint32_t off = get32(b + HEADER_SIZE + 8u * (unsigned)s);
		uint32_t size = get32(b + HEADER_SIZE + 8u * (unsigned)s + 4);
		if (off % 8 || off < HEADER_SIZE + SEC_N * 8u || off > R->len || size > R->len - off ||
		    size % (width[s] * (s == SEC_STR ? 1u : 4u))) {
			R->why = BAD_RANGE;
			return false;
		}
		R->sec[s] = (const uint32_t *)(const void *)(b + off);
		R->n[s] = s == SEC_STR ? size : size / 4 / width[s];
	}
	R->str = (const char *)R->sec[SEC_STR];
	if (R->n[SEC_STR] && R->str[R->n[SEC_STR] - 1] != '\0') {
		R->why = BAD_RANGE;
		return false;
	}
	if (R->n[SEC_SET] != 1) {
		R->why = BAD_RANGE;
		return false;
	}
	return true;
}

/* Check the bytes the set owns and build the model from them. */
static struct journey_set *rd_set(struct journey_set *set, const char *dir, const char **why)
{
	set->arena = arena_new();
	set->dir = arena_strdup(set->arena, dir);
	struct rd R = {.base = set->image, .len = set->image_len, .a = set->arena};
	if (!rd_header(&R) || !rd_files_conds(&R, dir))
		goto refuse;
	R.steps = arena_alloc(R.a, (R.n[SEC_STEP] + 1) * sizeof(*R.steps));
	if (!rd_steps(&R, set) || !rd_journeys(&R, set))
		goto refuse;
	const uint32_t *r = REC(&R, SEC_SET, 0);
	if (!rd_str(&R, r[SET_GLOSSARY_REVIEWED], true, &set->glossary_reviewed) ||
	    !rd_file(&R, r[SET_GLOSSARY_FILE], &set->glossary_file) ||
	    !rd_str(&R, r[SET_FACTS_REVIEWED], true, &set->facts_reviewed) ||
	    !rd_file(&R, r[SET_FACTS_FILE], &set->facts_file))
		goto refuse;
	set->glossary_line = (int)r[SET_GLOSSARY_LINE];
	set->facts_line = (int)r[SET_FACTS_LINE];
	facts_use(set);
	return set;
refuse:
	*why = R.why ? R.why : BAD_RANGE;
	journey_set_free(set);
	return NULL;
}

struct journey_set *image_read(void *data, size_t len, const char *dir, const char **why)
{
	struct journey_set *set = xcalloc(1, sizeof(*set));
	set->image = data;
	set->image_len = len;
	return rd_set(set, dir, why);
}

struct journey_set *image_open(const char *path, const char *dir, const char **why)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		*why = strerror(errno);
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		*why = strerror(errno);
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		*why = strerror(S_ISDIR(st.st_mode) ? EISDIR : EINVAL);
		close(fd);
		return NULL;
	}
	if (st.st_size == 0 || (uint64_t)st.st_size > NONE) { /* mmap maps no empty file */
		close(fd);
		*why = st.st_size == 0 ? BAD_MAGIC : BAD_SIZE;
		return NULL;
	}
	void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	int e = errno;
	close(fd);
	if (p == MAP_FAILED) {
		*why = strerror(e);
		return NULL;
	}
	struct journey_set *set = xcalloc(1, sizeof(*set));
	set->image = p;
	set->image_len = (size_t)st.st_size;
	set->image_mapped = true;
	return rd_set(set, dir, why);
}

bool image_file_hash(const char *path, uint64_t *hash)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	unsigned char h[HEADER_SIZE];
	ssize_t n = read(fd, h, sizeof h);
	close(fd);
	if (n != (ssize_t)sizeof h || memcmp(h, MAGIC, sizeof MAGIC) != 0 ||
	    get32(h + 8) != IMAGE_VERSION || get32(h + 12) != ENDIAN_MARK)
		return false;
	*hash = get64(h + 16);
	return true;
}
