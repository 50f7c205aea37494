/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo for the projector (--replay, docs/walkthroughs.md): the
 * walk-through's choice is selected on each step, so Enter takes it; the
 * footer says "Demo 3/12". The demo follows the session, it does not
 * drive it: after every key it looks at where the guide is now.
 *
 *   one step further by the walk's choice  -> the next step of the walk
 *   one step further by another choice     -> the demo stops, said on screen
 *   one step back                          -> the walk goes back one too
 *   elsewhere (the content changed, a jump) -> the demo stops, with the
 *                                             walk-through's line
 *
 * Once stopped, the guide goes on as usual. Nothing of the demo is saved
 * (cmd_guide gives a demo no save file). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "core/walk.h"
#include "tui/tui_int.h"

static void stop(struct tui *t, char *why)
{
	t->app->replay = NULL;
	t->demo_depth = 0;
	free(t->app->notice);
	t->app->notice = why;
}

/* Check the view against step app->replay_pos of the walk: remember the
 * option to select, or stop with the walk's line. */
static void expect(struct tui *t)
{
	struct walk *w = t->app->replay;
	const struct view *v = session_view(t->app->session);
	size_t opt = 0;
	char *err = NULL;
	if (!walk_expect(w, t->app->replay_pos, v, &opt, &err)) {
		/* TRANSLATORS: %s says where the walk-through and the content
		 * differ: "nurse.walk:12: regulated:health has no option ...". */
		char *m = xasprintf(_("The demo has stopped: the guide no longer matches the walk-through (%s). You can go on yourself."),
				    err);
		free(err);
		stop(t, m);
		return;
	}
	t->demo_depth = v->depth;
	t->demo_want = t->app->replay_pos < w->n_steps && !v->is_next ? v->options[opt] : NULL;
	if (t->app->replay_pos == w->n_steps) {
		t->app->replay = NULL;
		t->demo_depth = 0;
		tui_notice(t, "%s", _("The demo is at its end. You can go on yourself."));
	}
}

void tui_demo_begin(struct tui *t)
{
	if (t->app->replay)
		expect(t);
}

void tui_demo_after_key(struct tui *t)
{
	struct walk *w = t->app->replay;
	if (!w)
		return;
	size_t depth = session_depth(t->app->session);
	if (depth == t->demo_depth + 1) {
		const struct step *from = session_path_step(t->app->session, depth - 2);
		int c = session_choice(t->app->session, from);
		if (t->demo_want && (c < 0 || &from->options[c] != t->demo_want)) {
			stop(t, xstrdup(_("You chose another answer, so the demo has stopped. The guide goes on from your answer.")));
			return;
		}
		t->app->replay_pos++;
		expect(t);
	} else if (depth + 1 == t->demo_depth && t->app->replay_pos > 0) {
		t->app->replay_pos--;
		expect(t);
	} else if (depth != t->demo_depth) {
		expect(t);
	}
}

void tui_demo_select(struct tui *t, const struct view *v, size_t *sel)
{
	if (!t->app->replay || !t->demo_want || v->depth != t->demo_depth)
		return;
	for (size_t i = 0; i < v->n_options; i++)
		if (v->options[i] == t->demo_want)
			*sel = i;
}

void tui_demo_footer(struct tui *t)
{
	if (!t->app->replay || t->msg[0] || t->stack[t->depth - 1].ops != &tui_step_ops)
		return;
	/* TRANSLATORS: footer during a demo (--replay): step 3 of 12;
	 * Enter is the key's name and stays. */
	tui_notice(t, _("Demo %zu/%zu · Enter: next step"),
		   t->app->replay_pos + 1, t->app->replay->n_steps);
}
