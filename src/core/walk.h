/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Walk-throughs (docs/walkthroughs.md): a saved list of choices that the
 * full-screen guide plays one step per key press (--replay) and writes
 * as a person goes (--record). Plain text, one line per step taken:
 *
 *   klantreis-walk 1
 *   title Een verpleegkundige uit Charkiv
 *   lang nl
 *   start klantreis:start
 *   step klantreis:start next          "Continue"
 *   step klantreis:menu #4             the 4th option (it has no value)
 *   step regulated:profession health   the option whose value is health
 *   end regulated:big-done
 *
 * Choices name steps and option values, not screen positions, so a walk
 * survives new text, reordered options and new conditions; it stops
 * (walk_expect) when a step or option it names is gone.
 *
 *   struct walk w;
 *   if (!walk_parse(&w, text, len, "nurse.walk", &err)) ... // err: "nurse.walk:3: ..."
 *   for each shown step: walk_expect(&w, i, view, &opt, &err), session_choose(s, opt)
 *   walk_free(&w);
 *
 * Messages are translated and sanitised (no control character of the
 * file reaches a terminal); they are malloc'd for the caller to free. */
#ifndef KLANTREIS_WALK_H
#define KLANTREIS_WALK_H

#include <stdbool.h>
#include <stddef.h>

#include "journey.h"
#include "session.h"

#define WALK_MAGIC "klantreis-walk 1"
/* Bigger files are not walk-throughs (a walk of 1000 steps is ~40 KiB). */
#define WALK_MAX_BYTES (256 * 1024)

enum walk_choice { WALK_NEXT, WALK_VALUE, WALK_POS };

struct walk_step {
	char *ref;            /* JOURNEY:STEP */
	enum walk_choice kind;
	char *value;          /* WALK_VALUE */
	size_t pos;           /* WALK_POS: 1-based, among all the step's options */
	int line;
};

struct walk {
	char *file;           /* the name messages give (sanitised) */
	char *title, *lang;   /* NULL when not given */
	char *start, *end;    /* references */
	int start_line, end_line;
	struct walk_step *steps;
	size_t n_steps;
};

/* Parse `len` bytes of `text` (need not end in NUL). False with *err
 * ("FILE:LINE: what is wrong") at the first problem; `w` is then empty. */
bool walk_parse(struct walk *w, const char *text, size_t len, const char *file, char **err);
void walk_free(struct walk *w);

/* What step `i` of the walk chooses on the view the guide shows now:
 * the index into v->options (0 on a "Continue" step). With i ==
 * w->n_steps, checks that the guide is at the walk's end (*opt is then
 * not set). False with *err when the content no longer matches: another
 * step, an option gone or not shown, an end reached early. */
bool walk_expect(const struct walk *w, size_t i, const struct view *v, size_t *opt, char **err);

/* Play the whole walk in `s` from its start; true when it arrives at its
 * end. False with *err naming the walk's line where it went wrong. */
bool walk_play(const struct walk *w, struct session *s, char **err);

/* The session's path as a walk (malloc'd text), for --record: each shown
 * step with the choice that led on from it. It stops before a step of a
 * private journey (DESIGN.md section 3.2: nothing of it is written, not
 * even that it was entered) and where the path goes on by a jump, not a
 * choice (an end step's "next part", the trainer outline). `title` and
 * `lang` may be NULL. NULL when nothing can be written (the first step is
 * private). */
char *walk_record(const struct session *s, const char *title, const char *lang);

#endif
