/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads the journeys directory (every .xml file) into the model. The XML is untrusted: no DTD, no
 * entities, no network, no XInclude; a DOCTYPE stops the parser at once.
 * libxml2's tree lives only while one file is converted. */
#include "journey.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "facts.h"
#include "i18n.h"
#include "util.h"

#define LOADER_MAX_FILE (128L * 1024 * 1024)

struct load {
	struct journey_set *set;
	struct diag_list *diags;
	struct arena *a;
	const char *file; /* arena copy, used in diagnostics and the model */
	const char *buf;
	size_t len;
	size_t *line_start; /* built on first use, for columns in diagnostics */
	size_t n_lines;
	bool doctype;
	int doctype_line, doctype_col;
	int file_errors; /* reported for the current file */
	bool xml_error; /* the first fatal error libxml2 reported */
	int xml_line, xml_col;
	char xml_msg[200];
	/* A file read again to find a wrong goto's column. */
	const char *again_file;
	char *again;
	size_t again_len;
	size_t *again_lines; /* its line index, built once */
	size_t again_n_lines;
	/* Growing lists for the whole set. */
	struct journey **journeys;
	size_t n_journeys, cap_journeys;
	struct term *terms;
	size_t n_terms, cap_terms;
	struct fact *facts;
	size_t n_facts, cap_facts;
};

/* ---- locations ---- */

static void build_lines(struct load *L)
{
	size_t cap = 0;
	L->n_lines = 0;
	xgrow((void **)&L->line_start, &cap, 1, sizeof(size_t));
	L->line_start[L->n_lines++] = 0;
	for (size_t i = 0; i < L->len; i++)
		if (L->buf[i] == '\n') {
			xgrow((void **)&L->line_start, &cap, L->n_lines + 1, sizeof(size_t));
			L->line_start[L->n_lines++] = i + 1;
		}
}

/* Column (1-based, in bytes) of `needle` on `line`, or 1 when not found.
 * libxml2 keeps only the line of a node; the column makes the message
 * point at the element or attribute itself. */
static int col_of(struct load *L, int line, const char *needle)
{
	if (!L->buf || line < 1)
		return 1;
	if (!L->line_start)
		build_lines(L);
	if ((size_t)line > L->n_lines)
		return 1;
	size_t b = L->line_start[line - 1];
	size_t e = (size_t)line < L->n_lines ? L->line_start[line] : L->len;
	size_t n = strlen(needle);
	for (size_t i = b; i + n <= e; i++)
		if (memcmp(L->buf + i, needle, n) == 0)
			return (int)(i - b) + 1;
	return 1;
}

static int node_line(const xmlNode *n)
{
	long l = xmlGetLineNo(n);
	return l > 0 ? (int)l : 1;
}

static int elem_col(struct load *L, const xmlNode *n)
{
	char needle[64];
	snprintf(needle, sizeof needle, "<%s", (const char *)n->name);
	return col_of(L, node_line(n), needle);
}

static int attr_col(struct load *L, const xmlNode *n, const char *attr)
{
	char needle[64];
	snprintf(needle, sizeof needle, "%s=", attr);
	return col_of(L, node_line(n), needle);
}

/* At most LOADER_MAX_ERRORS errors a file, like a compiler's
 * -fmax-errors: finding each one's column reads its line, so 100,000
 * errors on one line would take quadratic time. The column expression is
 * evaluated only for an error that is reported. */
#define LOADER_MAX_ERRORS 100
static bool err_room(struct load *L)
{
	if (L->file_errors++ < LOADER_MAX_ERRORS)
		return true;
	if (L->file_errors == LOADER_MAX_ERRORS + 1)
		diag_add(L->diags, DIAG_ERROR, L->file, 0, 0,
			 "more than %d errors in this file: the rest are not shown (fix these first)",
			 LOADER_MAX_ERRORS);
	return false;
}
#define ERR_AT(L, line, col, ...)                                                           \
	do {                                                                                \
		if (err_room(L))                                                            \
			diag_add((L)->diags, DIAG_ERROR, (L)->file, line, col, __VA_ARGS__); \
	} while (0)
#define ERR_NODE(L, n, ...) ERR_AT(L, node_line(n), elem_col(L, n), __VA_ARGS__)
#define ERR_ATTR(L, n, a, ...) ERR_AT(L, node_line(n), attr_col(L, n, a), __VA_ARGS__)

/* ---- attributes and text ---- */

struct attr_spec {
	const char *name;
	bool required;
};

static void check_controls(struct load *L, const xmlNode *n, const char *attr, const char *s);

/* Copies the attributes named in `spec` into `out` (NULL when absent) and
 * reports unknown and missing ones. Returns false when a required one is
 * missing. */
static bool get_attrs(struct load *L, const xmlNode *n, const struct attr_spec *spec,
		      size_t n_spec, const char **out)
{
	bool ok = true;
	for (size_t i = 0; i < n_spec; i++)
		out[i] = NULL;
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		size_t i;
		for (i = 0; i < n_spec; i++)
			if (!a->ns && strcmp((const char *)a->name, spec[i].name) == 0)
				break;
		if (i == n_spec) {
			ERR_ATTR(L, n, (const char *)a->name, "unknown attribute '%s' on <%s>",
				 (const char *)a->name, (const char *)n->name);
			continue;
		}
		struct strbuf b;
		sb_init(&b);
		for (const xmlNode *t = a->children; t; t = t->next)
			if (t->content)
				sb_puts(&b, (const char *)t->content);
		out[i] = arena_strdup(L->a, b.s ? b.s : "");
		sb_free(&b);
		check_controls(L, n, spec[i].name, out[i]);
	}
	for (size_t i = 0; i < n_spec; i++)
		if (spec[i].required && !out[i]) {
			ERR_NODE(L, n, "<%s> needs the attribute '%s'", (const char *)n->name,
				 spec[i].name);
			ok = false;
		}
	return ok;
}

/* The element's text as a msgid (whitespace collapsed, & < > escaped).
 * Child elements are an error: the format has no inline markup. */
static const char *get_text(struct load *L, const xmlNode *n, bool required)
{
	/* Almost every element holds one text node: normalise it in place of
	 * copying it first. */
	const xmlNode *only = n->children;
	const char *r;
	if (only && !only->next && only->type == XML_TEXT_NODE && only->content) {
		const char *t = (const char *)only->content;
		r = i18n_msgid_normalise_arena(L->a, t, strlen(t));
	} else {
		struct strbuf b;
		sb_init(&b);
		for (const xmlNode *c = n->children; c; c = c->next) {
			if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
				if (c->content)
					sb_puts(&b, (const char *)c->content);
			} else if (c->type == XML_ELEMENT_NODE) {
				ERR_NODE(L, c, "unexpected element <%s> inside <%s> (text only)",
					 (const char *)c->name, (const char *)n->name);
			}
		}
		r = i18n_msgid_normalise_arena(L->a, b.s ? b.s : "", b.len);
		sb_free(&b);
	}
	if (required && !*r)
		ERR_NODE(L, n, "<%s> is empty", (const char *)n->name);
	check_controls(L, n, NULL, r);
	return r;
}

/* C1 controls (U+0080-U+009F, e.g. CSI) and bidi embeddings, overrides
 * and isolates are legal XML but would reach a terminal or reorder what
 * a person reads ("Fee: U+202E 00.05"): an error in content. `attr` is
 * the attribute's name, NULL for the element's text. Runs on every text
 * at every start: only the lead bytes 0xc2 and 0xe2 are looked at. */
static void check_controls(struct load *L, const xmlNode *n, const char *attr, const char *s)
{
	for (const char *q = s ? strpbrk(s, "\xc2\xe2") : NULL; q; q = strpbrk(q + 1, "\xc2\xe2")) {
		const unsigned char *p = (const unsigned char *)q;
		uint32_t cp = 0;
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			cp = p[1];
		else if (p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae)
			cp = 0x2000 + (p[2] - 0x80);
		else if (p[0] == 0xe2 && p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)
			cp = 0x2040 + (p[2] - 0x80);
		if (!cp)
			continue;
		if (attr)
			ERR_ATTR(L, n, attr, "the attribute %s has the control character U+%04X: remove it",
				 attr, (unsigned)cp);
		else
			ERR_NODE(L, n, "the text of <%s> has the control character U+%04X: remove it",
				 (const char *)n->name, (unsigned)cp);
		return;
	}
}

static bool is_elem(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && !n->ns && strcmp((const char *)n->name, name) == 0;
}

static void check_text_child(struct load *L, const xmlNode *parent, const xmlNode *c)
{
	if (c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE)
		return;
	for (const xmlChar *p = c->content; p && *p; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
			ERR_AT(L, node_line(c), 1, "unexpected text inside <%s>",
			       (const char *)parent->name);
			return;
		}
}

static void check_id(struct load *L, const xmlNode *n, const char *attr, const char *v)
{
	if (v && !journey_id_valid(v))
		ERR_ATTR(L, n, attr,
			 "invalid %s '%s' on <%s> (use a-z, 0-9 and '-', starting with a letter or digit)",
			 attr, v, (const char *)n->name);
}

static void check_date(struct load *L, const xmlNode *n, const char *attr, const char *v)
{
	long d;
	if (v && date_parse(v, &d) != 0)
		ERR_ATTR(L, n, attr, "malformed date %s=\"%s\" on <%s> (use YYYY-MM-DD)", attr, v,
			 (const char *)n->name);
}

static const struct cond *get_when(struct load *L, const xmlNode *n, const char *w)
{
	if (!w)
		return NULL;
	const char *err;
	size_t off;
	const struct cond *c = cond_parse(L->a, w, &err, &off);
	if (!c)
		ERR_ATTR(L, n, "when", "in when=\"%s\": %s at character %zu", w, err, off + 1);
	return c;
}

static void get_target(struct load *L, const xmlNode *n, const char *ref, struct target *t)
{
	t->ref = ref;
	t->line = node_line(n);
	t->col = 0; /* found only if the goto turns out to be wrong: see resolve() */
}

static void get_source(struct load *L, const xmlNode *c, struct source *s)
{
	static const struct attr_spec spec[] = {{"href", true}, {"date", true}};
	const char *v[2];
	get_attrs(L, c, spec, 2, v);
	check_date(L, c, "date", v[1]);
	s->href = v[0];
	s->date = v[1];
	s->text = get_text(L, c, true);
	s->line = node_line(c);
}

/* ---- steps ---- */

static void load_ask(struct load *L, const xmlNode *n, struct step *s)
{
	static const struct attr_spec spec[] = {{"var", false}};
	const char *v[1];
	get_attrs(L, n, spec, 1, v);
	check_id(L, n, "var", v[0]);
	s->var = v[0];
	size_t k = 0;
	for (const xmlNode *c = n->children; c; c = c->next)
		k += is_elem(c, "option");
	s->options = arena_alloc(L->a, k * sizeof(*s->options));
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE) {
			check_text_child(L, n, c);
			continue;
		}
		if (!is_elem(c, "option")) {
			ERR_NODE(L, c, "unexpected element <%s> in <ask> (only <option>)",
				 (const char *)c->name);
			continue;
		}
		static const struct attr_spec ospec[] = {{"value", false}, {"goto", true}, {"when", false}};
		const char *ov[3];
		get_attrs(L, c, ospec, 3, ov);
		struct ask_option *o = &s->options[s->n_options++];
		o->value = ov[0];
		check_id(L, c, "value", ov[0]);
		if (s->var && !ov[0])
			ERR_NODE(L, c, "<option> in <ask var=\"%s\"> needs a value", s->var);
		o->when = get_when(L, c, ov[2]);
		o->text = get_text(L, c, true);
		o->line = node_line(c);
		get_target(L, c, ov[1], &o->go);
	}
	if (!s->n_options)
		ERR_NODE(L, n, "<ask> needs at least one <option>");
}

static void load_route(struct load *L, const xmlNode *n, struct step *s)
{
	size_t k = 0;
	const xmlNode *last = NULL;
	for (const xmlNode *c = n->children; c; c = c->next)
		k += is_elem(c, "go");
	s->gos = arena_alloc(L->a, k * sizeof(*s->gos));
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE) {
			check_text_child(L, n, c);
			continue;
		}
		if (!is_elem(c, "go")) {
			ERR_NODE(L, c, "unexpected element <%s> in <route> (only <go>)",
				 (const char *)c->name);
			continue;
		}
		static const struct attr_spec gspec[] = {{"when", false}, {"goto", true}};
		const char *gv[2];
		get_attrs(L, c, gspec, 2, gv);
		struct route_go *g = &s->gos[s->n_gos++];
		last = c;
		g->when = get_when(L, c, gv[0]);
		g->line = node_line(c);
		get_target(L, c, gv[1], &g->go);
		if (c->children)
			for (const xmlNode *t = c->children; t; t = t->next)
				check_text_child(L, c, t);
	}
	if (!s->n_gos)
		ERR_NODE(L, n, "<route> needs at least one <go>");
	else if (s->gos[s->n_gos - 1].when)
		ERR_ATTR(L, last, "when",
			 "the last <go> of a <route> must have no 'when' (it is the fallback)");
}

static void set_nav(struct load *L, const xmlNode *c, struct step *s, enum nav_kind k)
{
	if (s->nav != NAV_NONE)
		ERR_NODE(L, c, "step '%s' has more than one navigation (<ask>, <next>, <route>, end=\"yes\")",
			 s->id);
	else
		s->nav = k;
}

/* Long on purpose: one case per kind of child a step may have. */
static void load_step(struct load *L, const xmlNode *n, struct journey *j, struct step *s)
{
	static const struct attr_spec spec[] = {
		{"id", true}, {"reviewed", false}, {"valid-until", false}, {"end", false}};
	const char *v[4];
	get_attrs(L, n, spec, 4, v);
	s->id = v[0] ? v[0] : "";
	check_id(L, n, "id", v[0]);
	s->reviewed = v[1];
	s->valid_until = v[2];
	check_date(L, n, "reviewed", v[1]);
	check_date(L, n, "valid-until", v[2]);
	s->journey = j;
	s->line = node_line(n);
	if (v[3] && strcmp(v[3], "yes") != 0)
		ERR_ATTR(L, n, "end", "end=\"%s\": the only value is \"yes\"", v[3]);
	bool end = v[3] && strcmp(v[3], "yes") == 0;

	size_t np = 0, nt = 0, nl = 0, ns = 0;
	for (const xmlNode *c = n->children; c; c = c->next) {
		np += is_elem(c, "p");
		nt += is_elem(c, "task");
		nl += is_elem(c, "link");
		ns += is_elem(c, "source");
	}
	s->paras = arena_alloc(L->a, np * sizeof(*s->paras));
	s->tasks = arena_alloc(L->a, nt * sizeof(*s->tasks));
	s->links = arena_alloc(L->a, nl * sizeof(*s->links));
	s->sources = arena_alloc(L->a, ns * sizeof(*s->sources));
	if (end)
		s->nav = NAV_END;

	bool first = true;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE) {
			check_text_child(L, n, c);
			continue;
		}
		if (is_elem(c, "title")) {
			if (!first)
				ERR_NODE(L, c, s->title ? "step '%s' has more than one <title>"
							: "<title> must come first in step '%s'",
					 s->id);
			if (!s->title) {
				get_attrs(L, c, NULL, 0, NULL);
				s->title = get_text(L, c, true);
			}
		} else if (is_elem(c, "p")) {
			static const struct attr_spec ps[] = {{"kind", false}, {"when", false}};
			const char *pv[2];
			get_attrs(L, c, ps, 2, pv);
			struct para *p = &s->paras[s->n_paras++];
			p->kind = PARA_NORMAL;
			if (pv[0] && strcmp(pv[0], "warning") == 0)
				p->kind = PARA_WARNING;
			else if (pv[0] && strcmp(pv[0], "tip") == 0)
				p->kind = PARA_TIP;
			else if (pv[0])
				ERR_ATTR(L, c, "kind", "kind=\"%s\": use \"warning\" or \"tip\"", pv[0]);
			p->when = get_when(L, c, pv[1]);
			p->text = get_text(L, c, true);
			p->line = node_line(c);
		} else if (is_elem(c, "task")) {
			static const struct attr_spec ts[] = {{"id", true}, {"when", false}};
			const char *tv[2];
			get_attrs(L, c, ts, 2, tv);
			check_id(L, c, "id", tv[0]);
			struct task *t = &s->tasks[s->n_tasks++];
			t->id = tv[0] ? tv[0] : "";
			t->when = get_when(L, c, tv[1]);
			t->text = get_text(L, c, true);
			t->step = s;
			t->line = node_line(c);
		} else if (is_elem(c, "link")) {
			static const struct attr_spec ls[] = {{"href", true}, {"when", false}};
			const char *lv[2];
			get_attrs(L, c, ls, 2, lv);
			struct link *k = &s->links[s->n_links++];
			k->href = lv[0] ? lv[0] : "";
			k->when = get_when(L, c, lv[1]);
			k->text = get_text(L, c, true);
			k->line = node_line(c);
		} else if (is_elem(c, "source")) {
			get_source(L, c, &s->sources[s->n_sources++]);
		} else if (is_elem(c, "ask")) {
			set_nav(L, c, s, NAV_ASK);
			if (s->nav == NAV_ASK && !s->options)
				load_ask(L, c, s);
		} else if (is_elem(c, "next")) {
			set_nav(L, c, s, NAV_NEXT);
			static const struct attr_spec xs[] = {{"goto", true}};
			const char *xv[1];
			get_attrs(L, c, xs, 1, xv);
			if (s->nav == NAV_NEXT && !s->next.ref)
				get_target(L, c, xv[0], &s->next);
		} else if (is_elem(c, "route")) {
			set_nav(L, c, s, NAV_ROUTE);
			get_attrs(L, c, NULL, 0, NULL);
			if (s->nav == NAV_ROUTE && !s->gos)
				load_route(L, c, s);
		} else {
			ERR_NODE(L, c, "unexpected element <%s> in <step>", (const char *)c->name);
		}
		first = false;
	}
	if (!s->title) {
		ERR_NODE(L, n, "step '%s' needs a <title>", s->id);
		s->title = "";
	}
	if (s->n_sources == 0)
		ERR_NODE(L, n, "step '%s' has no <source> (every step cites at least one)", s->id);
	if (s->nav == NAV_NONE)
		ERR_NODE(L, n, "step '%s' leads nowhere: give it <ask>, <next>, <route> or end=\"yes\"",
			 s->id);
	L->set->n_tasks += s->n_tasks;
}

static void load_journey(struct load *L, const xmlNode *root)
{
	static const struct attr_spec spec[] = {
		{"id", true}, {"start", true}, {"reviewed", true}, {"valid-until", false},
		{"private", false}};
	const char *v[5];
	get_attrs(L, root, spec, 5, v);
	struct journey *j = arena_alloc(L->a, sizeof(*j));
	j->id = v[0] ? v[0] : "";
	check_id(L, root, "id", v[0]);
	j->start_id = v[1];
	j->reviewed = v[2];
	j->valid_until = v[3];
	check_date(L, root, "reviewed", v[2]);
	check_date(L, root, "valid-until", v[3]);
	/* "no" is allowed too, so an author can say so explicitly. */
	if (v[4] && strcmp(v[4], "yes") != 0 && strcmp(v[4], "no") != 0)
		ERR_ATTR(L, root, "private", "private=\"%s\": use \"yes\" or \"no\"", v[4]);
	j->is_private = v[4] && strcmp(v[4], "yes") == 0;
	j->file = L->file;
	j->line = node_line(root);

	size_t k = 0;
	for (const xmlNode *c = root->children; c; c = c->next)
		k += is_elem(c, "step");
	j->steps = arena_alloc(L->a, k * sizeof(*j->steps));
	int seen = 0; /* 0: expect title, 1: summary or step, 2: steps */
	for (const xmlNode *c = root->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE) {
			check_text_child(L, root, c);
			continue;
		}
		if (is_elem(c, "title") && seen == 0) {
			get_attrs(L, c, NULL, 0, NULL);
			j->title = get_text(L, c, true);
			seen = 1;
		} else if (is_elem(c, "summary") && seen == 1) {
			get_attrs(L, c, NULL, 0, NULL);
			j->summary = get_text(L, c, true);
			seen = 2;
		} else if (is_elem(c, "step")) {
			if (seen == 0)
				ERR_NODE(L, c, "<journey> needs a <title> before its steps");
			seen = 2;
			load_step(L, c, j, &j->steps[j->n_steps++]);
		} else {
			ERR_NODE(L, c, "unexpected element <%s> in <journey>%s", (const char *)c->name,
				 is_elem(c, "title") || is_elem(c, "summary")
					 ? " (order: title, summary, steps)"
					 : "");
		}
	}
	if (!j->title) {
		j->title = "";
		if (seen == 0)
			ERR_NODE(L, root, "<journey> needs a <title>");
	}
	if (!j->n_steps)
		ERR_NODE(L, root, "journey '%s' has no <step>", j->id);
	xgrow((void **)&L->journeys, &L->cap_journeys, L->n_journeys + 1, sizeof(*L->journeys));
	L->journeys[L->n_journeys++] = j;
}

static void load_glossary(struct load *L, const xmlNode *root)
{
	static const struct attr_spec spec[] = {{"reviewed", true}};
	const char *v[1];
	get_attrs(L, root, spec, 1, v);
	check_date(L, root, "reviewed", v[0]);
	if (L->set->glossary_file)
		ERR_NODE(L, root, "a second <glossary> (the first is in %s)", L->set->glossary_file);
	else {
		L->set->glossary_reviewed = v[0];
		L->set->glossary_file = L->file;
		L->set->glossary_line = node_line(root);
	}
	for (const xmlNode *c = root->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE) {
			check_text_child(L, root, c);
			continue;
		}
		if (!is_elem(c, "term")) {
			ERR_NODE(L, c, "unexpected element <%s> in <glossary> (only <term>)",
				 (const char *)c->name);
			continue;
		}
		static const struct attr_spec ts[] = {{"id", true}};
		const char *tv[1];
		get_attrs(L, c, ts, 1, tv);
		check_id(L, c, "id", tv[0]);
		xgrow((void **)&L->terms, &L->cap_terms, L->n_terms + 1, sizeof(*L->terms));
		struct term *t = &L->terms[L->n_terms++];
		memset(t, 0, sizeof(*t));
		t->id = tv[0] ? tv[0] : "";
		t->file = L->file;
		t->line = node_line(c);
		size_t na = 0, ns = 0;
		for (const xmlNode *e = c->children; e; e = e->next) {
			na += is_elem(e, "also");
			ns += is_elem(e, "source");
		}
		t->also = arena_alloc(L->a, na * sizeof(*t->also));
		t->sources = arena_alloc(L->a, ns * sizeof(*t->sources));
		for (const xmlNode *e = c->children; e; e = e->next) {
			if (e->type != XML_ELEMENT_NODE) {
				check_text_child(L, c, e);
				continue;
			}
			if (is_elem(e, "name") && !t->name) {
				get_attrs(L, e, NULL, 0, NULL);
				t->name = get_text(L, e, true);
			} else if (is_elem(e, "also")) {
				get_attrs(L, e, NULL, 0, NULL);
				t->also[t->n_also++] = get_text(L, e, true);
			} else if (is_elem(e, "definition") && !t->definition) {
				get_attrs(L, e, NULL, 0, NULL);
				t->definition = get_text(L, e, true);
			} else if (is_elem(e, "source")) {
				get_source(L, e, &t->sources[t->n_sources++]);
			} else {
				ERR_NODE(L, e, "unexpected element <%s> in <term>", (const char *)e->name);
			}
		}
		if (!t->name) {
			ERR_NODE(L, c, "term '%s' needs a <name>", t->id);
			t->name = "";
		}
		if (!t->definition) {
			ERR_NODE(L, c, "term '%s' needs a <definition>", t->id);
			t->definition = "";
		}
		if (!t->n_sources)
			ERR_NODE(L, c, "term '%s' has no <source>", t->id);
	}
}

/* ---- facts ---- */

/* A money amount: digits, then optionally a point and one or two. */
static bool money_valid(const char *v)
{
	size_t i = 0;
	while (v[i] >= '0' && v[i] <= '9')
		i++;
	if (!i)
		return false;
	if (!v[i])
		return true;
	if (v[i] != '.')
		return false;
	size_t k = 0;
	while (v[i + 1 + k] >= '0' && v[i + 1 + k] <= '9')
		k++;
	return (k == 1 || k == 2) && !v[i + 1 + k];
}

static int cmp_value(const void *a, const void *b)
{
	const struct fact_value *x = a, *y = b;
	return (x->from > y->from) - (x->from < y->from);
}

static void load_fact_value(struct load *L, const xmlNode *e, struct fact *f)
{
	static const struct attr_spec vs[] = {{"from", false}, {"until", false}};
	const char *v[2];
	get_attrs(L, e, vs, 2, v);
	check_date(L, e, "from", v[0]);
	check_date(L, e, "until", v[1]);
	struct fact_value *fv = &f->values[f->n_values++];
	fv->line = node_line(e);
	fv->from = FACT_OPEN_FROM;
	fv->until = FACT_OPEN_UNTIL;
	if (v[0])
		date_parse(v[0], &fv->from);
	if (v[1])
		date_parse(v[1], &fv->until);
	if (fv->from > fv->until)
		ERR_NODE(L, e, "fact '%s': from=\"%s\" is after until=\"%s\"", f->id, v[0], v[1]);
	/* Values are not translated: the text as written, trimmed. */
	const char *t = get_text(L, e, true);
	fv->text = t;
	long d;
	if (f->kind == FACT_MONEY && *t && !money_valid(t))
		ERR_NODE(L, e, "fact '%s': the money value '%s' is not a number (write it as 14.71, without € or a comma)",
			 f->id, t);
	else if (f->kind == FACT_DATE && *t && date_parse(t, &d) != 0)
		ERR_NODE(L, e, "fact '%s': the date '%s' is not a date (use YYYY-MM-DD)", f->id, t);
	else if (f->kind == FACT_NUMBER && *t && !money_valid(t))
		ERR_NODE(L, e, "fact '%s': the number '%s' is not a number", f->id, t);
}

static void load_fact(struct load *L, const xmlNode *c)
{
	static const char *const kinds[] = {"money", "date", "phone", "number", "text"};
	static const struct attr_spec fs[] = {{"id", true}, {"kind", true}};
	const char *fv[2];
	get_attrs(L, c, fs, 2, fv);
	check_id(L, c, "id", fv[0]);
	xgrow((void **)&L->facts, &L->cap_facts, L->n_facts + 1, sizeof(*L->facts));
	struct fact *f = &L->facts[L->n_facts++];
	memset(f, 0, sizeof(*f));
	f->id = fv[0] ? fv[0] : "";
	f->file = L->file;
	f->line = node_line(c);
	f->kind = FACT_TEXT;
	if (fv[1]) {
		size_t k = 0;
		while (k < 5 && strcmp(fv[1], kinds[k]) != 0)
			k++;
		if (k == 5)
			ERR_ATTR(L, c, "kind", "fact '%s': unknown kind '%s' (money, date, phone, number or text)",
				 f->id, fv[1]);
		else
			f->kind = (enum fact_kind)k;
	}
	size_t nv = 0, ns = 0;
	for (const xmlNode *e = c->children; e; e = e->next) {
		nv += is_elem(e, "value");
		ns += is_elem(e, "source");
	}
	f->values = arena_alloc(L->a, (nv + 1) * sizeof(*f->values));
	f->sources = arena_alloc(L->a, (ns + 1) * sizeof(*f->sources));
	for (const xmlNode *e = c->children; e; e = e->next) {
		if (e->type != XML_ELEMENT_NODE)
			check_text_child(L, c, e);
		else if (is_elem(e, "value"))
			load_fact_value(L, e, f);
		else if (is_elem(e, "source"))
			get_source(L, e, &f->sources[f->n_sources++]);
		else
			ERR_NODE(L, e, "unexpected element <%s> in <fact> (only <value> and <source>)",
				 (const char *)e->name);
	}
	if (!f->n_values)
		ERR_NODE(L, c, "fact '%s' has no <value>", f->id);
	if (!f->n_sources)
		ERR_NODE(L, c, "fact '%s' has no <source>", f->id);
	else
		f->link = (struct link){.href = f->sources[0].href, .text = f->sources[0].text,
					.line = f->sources[0].line};
	xqsort(f->values, f->n_values, sizeof(*f->values), cmp_value);
	for (size_t k = 1; k < f->n_values; k++)
		if (f->values[k].from <= f->values[k - 1].until)
			ERR_AT(L, f->values[k].line, 1,
			       "fact '%s': this value's period overlaps the one at line %d (periods must not overlap)",
			       f->id, f->values[k - 1].line);
}

static void load_facts(struct load *L, const xmlNode *root)
{
	static const struct attr_spec spec[] = {{"reviewed", true}};
	const char *v[1];
	get_attrs(L, root, spec, 1, v);
	check_date(L, root, "reviewed", v[0]);
	if (L->set->facts_file) {
		ERR_NODE(L, root, "a second <facts> (the first is in %s)", L->set->facts_file);
		return;
	}
	L->set->facts_reviewed = v[0];
	L->set->facts_file = L->file;
	L->set->facts_line = node_line(root);
	for (const xmlNode *c = root->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			check_text_child(L, root, c);
		else if (is_elem(c, "fact"))
			load_fact(L, c);
		else
			ERR_NODE(L, c, "unexpected element <%s> in <facts> (only <fact>)",
				 (const char *)c->name);
	}
}

/* ---- files ---- */

static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *eid, const xmlChar *sid)
{
	(void)name;
	(void)eid;
	(void)sid;
	xmlParserCtxtPtr ctxt = ctx;
	struct load *L = ctxt->_private;
	L->doctype = true;
	L->doctype_line = xmlSAX2GetLineNumber(ctxt);
	L->doctype_col = xmlSAX2GetColumnNumber(ctxt);
	xmlStopParser(ctxt);
}

/* libxml2 reports through this instead of printing; the first error is
 * the one that explains the problem (later ones follow from it). */
static void on_xml_error(void *ctx, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct load *L = ctxt ? ctxt->_private : NULL;
	if (!L || !e || e->level < XML_ERR_ERROR || L->xml_error)
		return;
	L->xml_error = true;
	L->xml_line = e->line > 0 ? e->line : 1;
	L->xml_col = e->int2 > 0 ? e->int2 : 1;
	snprintf(L->xml_msg, sizeof L->xml_msg, "%s", e->message ? e->message : "");
	size_t n = strlen(L->xml_msg);
	while (n && (L->xml_msg[n - 1] == '\n' || L->xml_msg[n - 1] == ' '))
		L->xml_msg[--n] = '\0';
}

/* Returns the offset of the first byte that is not valid UTF-8, or `len`. */
static size_t utf8_check(const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t n;
		unsigned min;
		if (c >= 0xc2 && c <= 0xdf)
			n = 1, min = 0x80;
		else if (c >= 0xe0 && c <= 0xef)
			n = 2, min = 0x800;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 3, min = 0x10000;
		else
			return i;
		unsigned cp = c & (0x3f >> n);
		for (size_t k = 1; k <= n; k++) {
			if (i + k >= len || (s[i + k] & 0xc0) != 0x80)
				return i;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return i;
		i += n + 1;
	}
	return len;
}

/* Long on purpose: one file's checks in the order they run, each with
 * its file:line:col message; split, the error paths would scatter. */
static void load_file(struct load *L, const char *path)
{
	L->file = arena_strdup(L->a, path);
	L->file_errors = 0;
	L->buf = NULL;
	L->len = 0;
	free(L->line_start);
	L->line_start = NULL;
	L->doctype = false;

	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		ERR_AT(L, 1, 1, "cannot read this file: %s", strerror(errno));
		return;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		ERR_AT(L, 1, 1, "%s", S_ISDIR(st.st_mode) ? "is a directory, not a journey file"
							 : "is not a regular file");
		close(fd);
		return;
	}
	if (st.st_size > LOADER_MAX_FILE) {
		ERR_AT(L, 1, 1, "file is too large (%lld bytes; the limit is %ld)",
		       (long long)st.st_size, LOADER_MAX_FILE);
		close(fd);
		return;
	}
	/* Room for the file, its NUL, and one byte more, so that the read
	 * that finds the end needs no bigger buffer (a file that grows while
	 * it is read still gets one). */
	size_t cap = (size_t)st.st_size + 2, len = 0;
	char *buf = xmalloc(cap);
	for (;;) {
		if (len + 1 >= cap) {
			if (cap > (size_t)LOADER_MAX_FILE)
				break;
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		ssize_t r = read(fd, buf + len, cap - len - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			ERR_AT(L, 1, 1, "cannot read this file: %s", strerror(errno));
			close(fd);
			free(buf);
			return;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	buf[len] = '\0';
	L->buf = buf;
	L->len = len;

	size_t ws = 0;
	while (ws < len && (buf[ws] == ' ' || buf[ws] == '\n' || buf[ws] == '\t' || buf[ws] == '\r'))
		ws++;
	if (ws == len) {
		ERR_AT(L, 1, 1, "file is empty");
		goto out;
	}
	size_t bad = utf8_check((const unsigned char *)buf, len);
	if (bad < len) {
		int line = 1;
		size_t ls = 0;
		for (size_t i = 0; i < bad; i++)
			if (buf[i] == '\n')
				line++, ls = i + 1;
		ERR_AT(L, line, (int)(bad - ls) + 1, "invalid UTF-8 (byte 0x%02x); save the file as UTF-8",
		       (unsigned char)buf[bad]);
		goto out;
	}
	if (len > INT32_MAX) {
		ERR_AT(L, 1, 1, "file is too large");
		goto out;
	}

	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		ERR_AT(L, 1, 1, "cannot create an XML parser (out of memory?)");
		goto out;
	}
	ctxt->_private = L;
	ctxt->sax->internalSubset = on_doctype;
	ctxt->sax->externalSubset = on_doctype;
	ctxt->sax->serror = on_xml_error;
	ctxt->sax->warning = NULL;
	L->xml_error = false;
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buf, (int)len, path, "UTF-8",
					  XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT | XML_PARSE_NOBLANKS |
						  XML_PARSE_NOCDATA);
	if (L->doctype) {
		ERR_AT(L, L->doctype_line > 0 ? L->doctype_line : 1, 1,
		       "<!DOCTYPE> is not allowed in journey files (it can define entities); remove it");
	} else if ((!doc || !ctxt->wellFormed) && L->xml_error) {
		ERR_AT(L, L->xml_line, L->xml_col, "not well-formed XML: %s", L->xml_msg);
	} else if (!doc || !ctxt->wellFormed) {
		const xmlError *e = xmlCtxtGetLastError(ctxt);
		char msg[256] = "not well-formed XML";
		int line = 1, col = 1;
		if (e && e->message) {
			snprintf(msg, sizeof msg, "not well-formed XML: %s", e->message);
			size_t n = strlen(msg);
			while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
				msg[--n] = '\0';
			line = e->line > 0 ? e->line : 1;
			col = e->int2 > 0 ? e->int2 : 1;
		}
		ERR_AT(L, line, col, "%s", msg);
	} else {
		xmlNode *root = xmlDocGetRootElement(doc);
		if (!root)
			ERR_AT(L, 1, 1, "no root element");
		else if (is_elem(root, "journey"))
			load_journey(L, root);
		else if (is_elem(root, "glossary"))
			load_glossary(L, root);
		else if (is_elem(root, "facts"))
			load_facts(L, root);
		else
			ERR_NODE(L, root, "root element <%s>: expected <journey>, <glossary> or <facts>",
				 (const char *)root->name);
	}
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
out:
	free(buf);
	L->buf = NULL;
	free(L->line_start);
	L->line_start = NULL;
}

/* ---- the set ---- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_journey(const void *a, const void *b)
{
	const struct journey *x = *(const struct journey *const *)a;
	const struct journey *y = *(const struct journey *const *)b;
	int c = strcmp(x->id, y->id);
	return c ? c : strcmp(x->file, y->file);
}

static int cmp_task(const void *a, const void *b)
{
	const struct task *x = *(const struct task *const *)a;
	const struct task *y = *(const struct task *const *)b;
	int c = strcmp(x->id, y->id);
	if (c)
		return c;
	c = strcmp(x->step->journey->file, y->step->journey->file);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static int cmp_term_id(const void *a, const void *b)
{
	const struct term *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static int cmp_fact(const void *a, const void *b)
{
	const struct fact *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static int cmp_term_name(const void *a, const void *b)
{
	const struct term *x = a, *y = b;
	return strcasecmp(x->name, y->name);
}

/* Steps keep document order in j->steps (the outline shows them so), and a
 * sorted index (by id) is built for lookups: j->by_id. */

static int cmp_index(const void *a, const void *b)
{
	const struct step_index *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->step->line > y->step->line) - (x->step->line < y->step->line);
}

/* The column of `goto="REF"` on the target's line. Columns cost a scan of
 * the line, so they are looked up only for a goto that is wrong, by
 * reading the file again (the last one read is kept). */
static int target_col(struct load *L, const char *file, struct target *t)
{
	if (!L->again_file || strcmp(L->again_file, file) != 0) {
		free(L->again);
		free(L->again_lines);
		L->again = NULL;
		L->again_lines = NULL;
		L->again_n_lines = 0;
		L->again_len = 0;
		L->again_file = file;
		L->again = util_read_file(file, &L->again_len);
	}
	const char *keep_buf = L->buf;
	size_t keep_len = L->len;
	size_t *keep_lines = L->line_start;
	size_t keep_n = L->n_lines;
	L->buf = L->again;
	L->len = L->again_len;
	L->line_start = L->again_lines;
	L->n_lines = L->again_n_lines;
	char needle[160];
	snprintf(needle, sizeof needle, "goto=\"%s\"", t->ref);
	int col = col_of(L, t->line, needle);
	if (col == 1)
		col = col_of(L, t->line, "goto=");
	/* Kept for the next wrong goto in this file: building it for each
	 * made --check of 1,000 wrong gotos 66 times slower than a clean set. */
	L->again_lines = L->line_start;
	L->again_n_lines = L->n_lines;
	L->buf = keep_buf;
	L->len = keep_len;
	L->line_start = keep_lines;
	L->n_lines = keep_n;
	return col;
}

static void resolve(struct load *L, const struct journey *j, struct target *t)
{
	if (!t->ref)
		return;
	t->step = (struct step *)journey_set_resolve(L->set, j, t->ref);
	if (t->step)
		return;
	t->col = target_col(L, j->file, t);
	const char *colon = strchr(t->ref, ':');
	if (colon) {
		char jid[128];
		snprintf(jid, sizeof jid, "%.*s", (int)(colon - t->ref), t->ref);
		const struct journey *tj = journey_set_find(L->set, jid);
		if (!tj)
			diag_add(L->diags, DIAG_ERROR, j->file, t->line, t->col,
				 "goto=\"%s\": there is no journey '%s'", t->ref, jid);
		else if (!colon[1])
			diag_add(L->diags, DIAG_ERROR, j->file, t->line, t->col,
				 "goto=\"%s\": journey '%s' has no valid start step", t->ref, jid);
		else
			diag_add(L->diags, DIAG_ERROR, j->file, t->line, t->col,
				 "goto=\"%s\": journey '%s' has no step '%s'", t->ref, jid, colon + 1);
	} else {
		diag_add(L->diags, DIAG_ERROR, j->file, t->line, t->col,
			 "goto=\"%s\": journey '%s' has no step '%s'", t->ref, j->id, t->ref);
	}
}

/* Terms: duplicate ids reported, then sorted by name for lookups. */
static void index_terms(struct load *L, struct journey_set *set, struct diag_list *diags)
{
	xqsort(L->terms, L->n_terms, sizeof(*L->terms), cmp_term_id);
	for (size_t k = 1; k < L->n_terms; k++)
		if (strcmp(L->terms[k].id, L->terms[k - 1].id) == 0)
			diag_add(diags, DIAG_ERROR, L->terms[k].file, L->terms[k].line, 1,
				 "duplicate term id '%s' (also at line %d)", L->terms[k].id,
				 L->terms[k - 1].line);
	xqsort(L->terms, L->n_terms, sizeof(*L->terms), cmp_term_name);
	set->terms = arena_alloc(set->arena, (L->n_terms + 1) * sizeof(*set->terms));
	if (L->n_terms)
		memcpy(set->terms, L->terms, L->n_terms * sizeof(*L->terms));
	set->n_terms = L->n_terms;
	free(L->terms);
	L->terms = NULL;
}

/* Facts: sorted by id for lookups, duplicates reported. */
static void index_facts(struct load *L, struct journey_set *set, struct diag_list *diags)
{
	xqsort(L->facts, L->n_facts, sizeof(*L->facts), cmp_fact);
	for (size_t k = 1; k < L->n_facts; k++)
		if (strcmp(L->facts[k].id, L->facts[k - 1].id) == 0)
			diag_add(diags, DIAG_ERROR, L->facts[k].file, L->facts[k].line, 1,
				 "duplicate fact id '%s' (also at line %d)", L->facts[k].id,
				 L->facts[k - 1].line);
	set->facts = arena_alloc(set->arena, (L->n_facts + 1) * sizeof(*set->facts));
	if (L->n_facts)
		memcpy(set->facts, L->facts, L->n_facts * sizeof(*L->facts));
	set->n_facts = L->n_facts;
	free(L->facts);
	L->facts = NULL;
}

/* Long on purpose: the steps of a whole load in order (the directory,
 * each file, glossary and facts, indexes, targets), a few lines each. */
struct journey_set *journey_set_load(const char *dir, struct diag_list *diags)
{
	struct journey_set *set = xcalloc(1, sizeof(*set));
	set->arena = arena_new();
	set->dir = arena_strdup(set->arena, dir);
	struct load L = {.set = set, .diags = diags, .a = set->arena};

	/* libxml2 must never print: the core does not write to the terminal. */
	xmlSetGenericErrorFunc(NULL, NULL);
	xmlSetStructuredErrorFunc(NULL, NULL);

	DIR *d = opendir(dir);
	if (!d) {
		diag_add(diags, DIAG_ERROR, dir, 0, 0, "cannot open the journeys directory: %s",
			 strerror(errno));
		return set;
	}
	char **names = NULL;
	size_t n_names = 0, cap_names = 0;
	for (struct dirent *e; (e = readdir(d));) {
		size_t n = strlen(e->d_name);
		if (n > 4 && strcmp(e->d_name + n - 4, ".xml") == 0 && e->d_name[0] != '.') {
			xgrow((void **)&names, &cap_names, n_names + 1, sizeof(*names));
			names[n_names++] = xstrdup(e->d_name);
		}
	}
	closedir(d);
	xqsort(names, n_names, sizeof(*names), cmp_str);
	size_t dl = strlen(dir);
	for (size_t i = 0; i < n_names; i++) {
		char *path = xasprintf("%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", names[i]);
		load_file(&L, path);
		free(path);
		free(names[i]);
	}
	free(names);
	if (!n_names)
		diag_add(diags, DIAG_ERROR, dir, 0, 0, "no journey files (*.xml) in this directory");

	/* Journeys: sorted by id, duplicates reported and dropped. */
	xqsort(L.journeys, L.n_journeys, sizeof(*L.journeys), cmp_journey);
	set->journeys = arena_alloc(set->arena, (L.n_journeys + 1) * sizeof(*set->journeys));
	for (size_t i = 0; i < L.n_journeys; i++) {
		struct journey *j = L.journeys[i];
		if (set->n_journeys && strcmp(set->journeys[set->n_journeys - 1]->id, j->id) == 0) {
			const struct journey *f = set->journeys[set->n_journeys - 1];
			diag_add(diags, DIAG_ERROR, j->file, j->line, 1,
				 "duplicate journey id '%s' (also in %s:%d)", j->id, f->file, f->line);
			continue;
		}
		set->journeys[set->n_journeys++] = j;
	}
	free(L.journeys);

	/* Steps: global index, duplicate ids within a journey. */
	size_t total = 0;
	for (size_t i = 0; i < set->n_journeys; i++)
		total += set->journeys[i]->n_steps;
	set->steps = arena_alloc(set->arena, (total + 1) * sizeof(*set->steps));
	for (size_t i = 0; i < set->n_journeys; i++) {
		struct journey *j = set->journeys[i];
		struct step_index *ix = arena_alloc(set->arena, (j->n_steps + 1) * sizeof(*ix));
		for (size_t k = 0; k < j->n_steps; k++) {
			j->steps[k].index = set->n_steps;
			set->steps[set->n_steps++] = &j->steps[k];
			ix[k].id = j->steps[k].id;
			ix[k].step = &j->steps[k];
		}
		xqsort(ix, j->n_steps, sizeof(*ix), cmp_index);
		for (size_t k = 1; k < j->n_steps; k++)
			if (strcmp(ix[k].id, ix[k - 1].id) == 0) {
				const struct step *a = ix[k - 1].step, *b = ix[k].step;
				if (a->line > b->line) {
					const struct step *t = a;
					a = b;
					b = t;
				}
				diag_add(diags, DIAG_ERROR, j->file, b->line, 1,
					 "duplicate step id '%s' in journey '%s' (first at line %d)",
					 b->id, j->id, a->line);
			}
		j->by_id = ix;
	}

	/* Task ids are global: the plan and the save file name tasks by id. */
	struct task **tasks = xmalloc((set->n_tasks + 1) * sizeof(*tasks));
	size_t nt = 0;
	for (size_t i = 0; i < set->n_steps; i++)
		for (size_t k = 0; k < set->steps[i]->n_tasks; k++)
			tasks[nt++] = &set->steps[i]->tasks[k];
	xqsort(tasks, nt, sizeof(*tasks), cmp_task);
	for (size_t k = 1; k < nt; k++)
		if (strcmp(tasks[k]->id, tasks[k - 1]->id) == 0)
			diag_add(diags, DIAG_ERROR, tasks[k]->step->journey->file, tasks[k]->line, 1,
				 "duplicate task id '%s' (also in %s:%d)", tasks[k]->id,
				 tasks[k - 1]->step->journey->file, tasks[k - 1]->line);
	free(tasks);
	set->n_tasks = nt;

	index_terms(&L, set, diags);
	index_facts(&L, set, diags);

	/* Resolve starts and gotos. */
	for (size_t i = 0; i < set->n_journeys; i++) {
		struct journey *j = set->journeys[i];
		if (j->start_id) {
			j->start = (struct step *)journey_find_step(j, j->start_id);
			if (!j->start)
				diag_add(diags, DIAG_ERROR, j->file, j->line, 1,
					 "start=\"%s\": journey '%s' has no such step", j->start_id, j->id);
		}
	}
	for (size_t i = 0; i < set->n_journeys; i++) {
		struct journey *j = set->journeys[i];
		for (size_t k = 0; k < j->n_steps; k++) {
			struct step *s = &j->steps[k];
			for (size_t o = 0; o < s->n_options; o++)
				resolve(&L, j, &s->options[o].go);
			for (size_t g = 0; g < s->n_gos; g++)
				resolve(&L, j, &s->gos[g].go);
			resolve(&L, j, &s->next);
		}
	}
	free(L.again);
	free(L.again_lines);
	facts_use(set); /* texts are rendered with these facts from now on */
	return set;
}
