/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What an end step offers after its plan (DESIGN.md section 5: an end
 * step is never a dead end): the next part in the klantreis order, the
 * menu of parts, and leaving (quit; in kiosk mode "Finish and clear").
 * The parts come from the core (parts_onward), the same as plain mode's
 * numbered choices; only how they are shown is this file's.
 *
 *   > [x] Apply for a diploma valuation at idw.nl
 *     [ ] Collect your diploma and your grade list
 *     → Go on with the next part: Regulated professions
 *     → Choose a part of the klantreis
 *     → Quit the guide
 *
 * They follow the plan's tasks in the step's list: ↓ reaches them, Enter
 * takes one; Space only ticks tasks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/parts.h"
#include "core/util.h"
#include "core/present.h"
#include "tui/tui_int.h"

#define ONWARD_PREFIX "→ "

size_t tui_onward_list(struct tui *t, const struct view *v, struct tui_list *l)
{
	const struct step *to[2];
	const char *labels[2];
	size_t n = parts_onward(t->app->set, v->step, to, labels);
	for (size_t i = 0; i < n; i++) {
		tui_list_add(l, ONWARD_PREFIX, present_onward(labels[i]));
	}
	tui_list_add(l, ONWARD_PREFIX,
		     xstrdup(t->app->kiosk ? _("Finish and clear") : _("Quit the guide")));
	return n + 1;
}

void tui_onward_choose(struct tui *t, const struct view *v, size_t i)
{
	const struct step *to[2];
	const char *labels[2];
	size_t n = parts_onward(t->app->set, v->step, to, labels);
	if (i > n)
		return;
	if (i == n) {
		/* Asked first, as Q (or F at a kiosk) asks. */
		tui_push(t, t->app->kiosk ? &tui_finish_ops : &tui_quit_ops, NULL);
		return;
	}
	char *ref = xasprintf("%s:%s", to[i]->journey->id, to[i]->id);
	if (session_jump(t->app->session, ref) != SESSION_OK)
		tui_notice(t, "%s",
			   _("This choice leads nowhere (a content error). Please tell the people who run this guide."));
	free(ref);
}
