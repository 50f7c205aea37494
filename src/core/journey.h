/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journey model (DESIGN.md section 3): immutable once loaded. All of it
 * lives in one arena owned by the journey_set; pointers into it stay valid
 * until journey_set_free(). Texts are stored as gettext msgids, exactly as
 * xgettext builds them from the XML (see i18n_msgid_normalise()). */
#ifndef KLANTREIS_JOURNEY_H
#define KLANTREIS_JOURNEY_H

#include <stdbool.h>
#include <stddef.h>

#include "cond.h"
#include "diag.h"

struct arena;
struct journey;
struct step;

enum para_kind { PARA_NORMAL, PARA_WARNING, PARA_TIP };
enum nav_kind { NAV_NONE, NAV_ASK, NAV_NEXT, NAV_ROUTE, NAV_END };

struct target {
	const char *ref;   /* as written: STEP, JOURNEY:, JOURNEY:STEP */
	struct step *step; /* resolved at load time; NULL when unknown */
	int line, col;
};

struct para {
	const char *text;
	enum para_kind kind;
	const struct cond *when;
	int line;
};

struct task {
	const char *id;
	const char *text;
	const struct cond *when;
	const struct step *step;
	int line;
};

struct link {
	const char *href;
	const char *text;
	const struct cond *when;
	int line;
};

struct source {
	const char *href, *date, *text;
	int line;
};

struct ask_option {
	const char *value; /* NULL when the option has none */
	const char *text;
	const struct cond *when;
	struct target go;
	int line;
};

struct route_go {
	const struct cond *when;
	struct target go;
	int line;
};

struct step {
	const char *id;
	struct journey *journey;
	size_t index; /* 0..journey_set.n_steps-1 across the whole set */
	const char *title;
	const char *reviewed, *valid_until; /* NULL when absent */
	int line;
	struct para *paras;
	size_t n_paras;
	struct task *tasks;
	size_t n_tasks;
	struct link *links;
	size_t n_links;
	struct source *sources;
	size_t n_sources;
	enum nav_kind nav;
	const char *var; /* ask var, or NULL */
	struct ask_option *options;
	size_t n_options;
	struct target next;
	struct route_go *gos;
	size_t n_gos;
};

/* A dated fact (facts.xml; see facts.h). */
enum fact_kind { FACT_MONEY, FACT_DATE, FACT_PHONE, FACT_NUMBER, FACT_TEXT };

struct fact_value {
	long from, until; /* days since 1970-01-01, inclusive; open ends: see facts.h */
	const char *text;
	int line;
};

struct fact {
	const char *id, *file;
	enum fact_kind kind;
	struct fact_value *values; /* sorted by `from` */
	size_t n_values;
	struct source *sources;
	size_t n_sources;
	struct link link; /* the first source as a link, for the fallback text */
	int line;
};

struct step_index {
	const char *id;
	struct step *step;
};

struct journey {
	const char *id, *file, *title, *summary;
	const char *reviewed, *valid_until, *start_id;
	struct step *start;
	struct step *steps;         /* document order */
	size_t n_steps;
	struct step_index *by_id;   /* sorted by id, for lookups */
	int line;
	/* private="yes" (DESIGN.md section 3.2): answers given, choices made
	 * and tasks added in it never reach the save file. */
	bool is_private;
};

struct term {
	const char *id, *name, *definition, *file;
	const char **also;
	size_t n_also;
	struct source *sources;
	size_t n_sources;
	int line;
};

struct journey_set {
	struct arena *arena;
	const char *dir;           /* where the journeys were read from */
	struct journey **journeys; /* sorted by id */
	size_t n_journeys;
	struct step **steps;       /* by step->index */
	size_t n_steps;
	struct term *terms;        /* sorted by name */
	size_t n_terms;
	size_t n_tasks;
	const char *glossary_reviewed, *glossary_file;
	int glossary_line;
	struct fact *facts;        /* sorted by id */
	size_t n_facts;
	const char *facts_reviewed, *facts_file;
	int facts_line;
	/* A set read from a compiled image (image.h): its texts point into
	 * these bytes, mapped read-only (image_mapped) or malloc'd. */
	void *image;
	size_t image_len;
	bool image_mapped;
};

/* Load every *.xml in `dir` (glossary.xml is the glossary). Problems go to
 * `diags` (file:line:col); a file with an error is skipped as a whole,
 * the others are kept. Returns the set (never NULL); check diags->errors. */
struct journey_set *journey_set_load(const char *dir, struct diag_list *diags);
void journey_set_free(struct journey_set *set);

/* Options for the whole-set checks. `today` is days since 1970-01-01. */
struct check_options {
	long today;
	int review_months; /* `reviewed` older than this is a warning (18) */
	int expiry_days;   /* a fact or step running out this soon is a warning (60) */
};
/* Graph, variable and date checks over a loaded set (validate.c). */
void journey_set_validate(const struct journey_set *set, const struct check_options *opt,
			  struct diag_list *diags);

/* Every translatable text of the set with the place it is written (a
 * text may be NULL or empty). */
void journey_set_each_text(const struct journey_set *set,
			   void (*fn)(void *ctx, const char *text, const char *file, int line), void *ctx);

const struct journey *journey_set_find(const struct journey_set *set, const char *id);
const struct step *journey_find_step(const struct journey *j, const char *id);
/* Resolve "STEP" (relative to `from`, may be NULL), "JOURNEY:" or
 * "JOURNEY:STEP". NULL when unknown or malformed. */
const struct step *journey_set_resolve(const struct journey_set *set, const struct journey *from,
				       const char *ref);
/* Follow route steps from `t` to the first step that is shown, taking at
 * each route the first go whose condition holds for `lookup`. NULL when
 * `t` is NULL, a route has no go that holds or goes nowhere, or routes
 * loop (more hops than the set has steps). The session and --paths both
 * walk routes with this. */
const struct step *journey_settle(const struct journey_set *set, const struct step *t,
				  cond_lookup_fn lookup, void *ctx);

/* The ways out of a step, in order: its options, its route's gos, its
 * `next`. `to` may be NULL (a target the loader could not resolve). */
enum edge_kind { EDGE_OPTION, EDGE_GO, EDGE_NEXT };
struct step_edge {
	enum edge_kind kind;
	size_t i; /* the option's or go's index */
	const struct cond *when;
	const struct step *to;
};
/* Fills out[] (room for n_options + n_gos + 1) and returns how many. The
 * checks (validate.c) and the graph exports (export.c) both read edges
 * from here. */
size_t journey_step_edges(const struct step *s, struct step_edge *out);
#define JOURNEY_MAX_EDGES(s) ((s)->n_options + (s)->n_gos + 1)

/* Glossary term by its name or one of its `also` forms, compared without
 * regard to ASCII case. NULL when unknown. */
const struct term *journey_set_term(const struct journey_set *set, const char *name);

/* True for [a-z0-9][a-z0-9-]*. */
bool journey_id_valid(const char *s);

#endif
