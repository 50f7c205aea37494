/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The guide's state machine: where the person is, what they answered, what
 * their plan holds. Pure logic: no I/O, no terminal, no translation. Every
 * front end asks for a view, shows it, and turns input into one of the
 * calls below.
 *
 *   s = session_new(set);
 *   session_start(s, "klantreis:start");
 *   v = session_view(s);          // show v->step, v->paras, v->options ...
 *   session_choose(s, 1);         // the person chose the 2nd visible option
 *   session_back(s);              // previous screen, earlier choice selected
 *   session_free(s);
 *
 * The session borrows `set`, which must outlive it. Pointers returned by
 * session_view() and session_plan() stay valid until the next call that
 * changes the session. */
#ifndef KLANTREIS_SESSION_H
#define KLANTREIS_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "journey.h"

#define SESSION_FORMAT_VERSION 1

enum session_status {
	SESSION_OK = 0,
	SESSION_E_RANGE,   /* no such option */
	SESSION_E_REF,     /* unknown journey or step reference */
	SESSION_E_ROUTE,   /* a route led nowhere or looped (content error) */
	SESSION_E_FIRST,   /* back on the first screen */
	SESSION_E_END,     /* choose on an end step */
};

struct view {
	const struct step *step;
	const struct para **paras;   /* those whose `when` holds */
	size_t n_paras;
	/* On an ask step, the last of paras when it is the question the
	 * options answer ("Do you have ...?"); NULL otherwise. Front ends show
	 * it last, right above the options, after links and tasks. */
	const struct para *question;
	const struct link **links;
	size_t n_links;
	const struct task **tasks;   /* added to the plan on this step */
	size_t n_tasks;
	const struct ask_option **options; /* visible options, numbered from 1 */
	size_t n_options;
	size_t selected;             /* index into options to pre-select */
	bool is_end, is_next;        /* end step; a single "Continue" */
	size_t depth;                /* 1 on the first screen: "Step N" */
};

struct session;

struct session *session_new(const struct journey_set *set);
void session_free(struct session *s);

/* Forget everything about the person: path, answers, remembered choices,
 * ticked tasks (the kiosk does this between people). */
void session_reset(struct session *s);

/* Begin at a reference ("klantreis:start", "diploma:", "diploma:nuffic"),
 * replacing the path. Route steps are passed through. */
enum session_status session_start(struct session *s, const char *ref);
/* Go to a reference, keeping the path before it (trainers jump around). */
enum session_status session_jump(struct session *s, const char *ref);

const struct view *session_view(struct session *s);
/* Choose visible option `n` (0-based); on a `next` step, n = 0 continues. */
enum session_status session_choose(struct session *s, size_t n);
enum session_status session_back(struct session *s);

/* The action plan: tasks of the shown steps on the path whose `when` holds,
 * in path order, each once. */
size_t session_plan(struct session *s, const struct task ***out);
bool session_ticked(const struct session *s, const struct task *t);

/* A link that helps with a task of the plan. */
struct plan_link {
	const struct link *link;
	size_t task; /* the task's index in session_plan's list */
};
/* The links of the steps that added the plan's tasks, where their `when`
 * holds, each address once (under the first task whose step has it), in
 * plan order: what the saved and printed plan and the kiosk's QR codes
 * show, so that they never differ. malloc'd into *out (NULL when there
 * are none); returns how many. */
size_t session_plan_links(struct session *s, struct plan_link **out);
void session_tick(struct session *s, const struct task *t, bool on);

const char *session_answer(const struct session *s, const char *var);
size_t session_depth(const struct session *s);
/* Grows with every change of what session_save() writes (the steps, the
 * answers, the choices, the ticks): equal numbers, equal save text. */
unsigned long session_generation(const struct session *s);
const struct step *session_path_step(const struct session *s, size_t i);
/* The option (index into t->options) chosen last on step `t`, or -1. */
int session_choice(const struct session *s, const struct step *t);

/* Whether anything private is in the session now (DESIGN.md section 3.2):
 * a step of a private journey on the path, an answer or choice given in
 * one or leading into one, a tick of one of its tasks. */
bool session_has_private(const struct session *s);
/* Forget all of that (the quick exit): the path keeps only the steps of
 * other journeys (it may be empty afterwards: start it again, or end),
 * and the private answers are overwritten before they are freed. */
void session_forget_private(struct session *s);

/* Save as a small versioned text (see session.c); `lang` is stored too.
 * Nothing private is in it: no step of a private journey, no answer or
 * choice given in one or leading into one, no tick of its tasks.
 * Returns a malloc'd string, or NULL when nothing would be left (every
 * step on the path is private). */
char *session_save(const struct session *s, const char *lang);
/* Replace the session's state by a saved one. Anything private in it (a
 * file written before a journey became private) is left out. On error, returns false,
 * leaves the session as it was and sets *err to a malloc'd English
 * message ("line 3: unknown step 'x:y'"). `lang` receives the language. */
bool session_load(struct session *s, const char *text, char *lang, size_t lang_size, char **err);

#endif
