/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Trainers: an outline of every journey and its steps as a tree, the
 * current step marked; Enter jumps to the chosen step (the path before it
 * is kept, so Back returns to where the trainer was). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/parts.h"
#include "core/util.h"
#include "core/wrap.h"
#include "tui/tui_int.h"

/* The parts in the klantreis order (core/parts.h): a heading line for
 * each part, then its steps, indented. Choosing a heading goes to the
 * part's first screen. */
struct outline_item {
	const struct step *step;
	const struct part *part; /* set on a part's heading line */
};

struct outline {
	struct part *parts;
	struct outline_item *items;
};

struct outline_state {
	struct outline *o;
	size_t n; /* items */
};

static unsigned outline_ctx(struct tui *t, struct tui_screen *s) { return TUI_CTX_PICK; }

static void outline_init(struct tui *t, struct tui_screen *s)
{
	const struct journey_set *set = t->app->set;
	size_t np;
	struct part *parts = parts_of(set, &np, NULL);
	/* One block, freed by outline_fini. */
	struct outline *o = xcalloc(1, sizeof(*o) + np * sizeof(*parts) +
					       (set->n_steps + np + 1) * sizeof(*o->items));
	o->parts = (struct part *)(o + 1);
	memcpy(o->parts, parts, np * sizeof(*parts));
	free(parts);
	o->items = (struct outline_item *)(o->parts + np);
	const struct step *here = session_view(t->app->session)->step;
	size_t n = 0;
	for (size_t i = 0; i < np; i++) {
		const struct part *p = &o->parts[i];
		o->items[n++] = (struct outline_item){p->entry, p};
		for (size_t k = p->first; k < p->end; k++) {
			const struct step *st = &p->journey->steps[k];
			if (st == here)
				s->sel = n;
			o->items[n++] = (struct outline_item){st, NULL};
		}
	}
	struct outline_state *os = s->priv;
	os->o = o;
	os->n = n;
}

static void outline_fini(struct tui *t, struct tui_screen *s)
{
	free(((struct outline_state *)s->priv)->o);
}

static void outline_draw(struct tui *t, struct tui_screen *s)
{
	const struct outline_state *os = s->priv;
	const struct outline *o = os->o;
	const struct step *here = session_view(t->app->session)->step;
	struct tui_list l = {0};
	for (size_t i = 0; i < os->n; i++) {
		const struct outline_item *it = &o->items[i];
		char *label;
		if (it->part) {
			char *pt = i18n_text(it->part->title);
			char *ref = part_ref(it->part);
			label = xasprintf("%zu. %s [%s]", (size_t)(it->part - o->parts) + 1, pt, ref);
			free(ref);
			free(pt);
			tui_list_add(&l, "", label);
			continue;
		}
		char *title = i18n_text(it->step->title);
		label = xasprintf("%s [%s]", title, it->step->id);
		free(title);
		tui_list_add(&l, it->step == here ? "  * " : "    ", label);
	}
	int w = tui_popup_width(t, t->cols);
	int h = t->rows - 2;
	int y = 1, x = (t->cols - w) / 2;
	tui_box(t, y, x, h, w, _("Outline: every part and its steps"));
	tui_list_draw(t, &l, s->sel, &s->list_top, y + 1, x + 1, h - 2, w - 2);
	tui_list_free(&l);
}

static enum tui_handled outline_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
{
	const struct outline_state *os = s->priv;
	const struct outline *o = os->o;
	size_t n = os->n;
	if (tui_list_move(s, a, n, 10))
		return TUI_HANDLED;
	switch (a) {
	case TUI_A_CLICK:
	case TUI_A_CHOOSE: {
		size_t pick = a == TUI_A_CLICK ? t->click : s->sel;
		if (pick >= n)
			break;
		char ref[256];
		snprintf(ref, sizeof ref, "%s:%s", o->items[pick].step->journey->id, o->items[pick].step->id);
		enum session_status st = session_jump(t->app->session, ref);
		tui_pop(t);
		if (st != SESSION_OK)
			tui_notice(t, "%s", _("This choice leads nowhere (a content error). Please tell the people who run this guide."));
		break;
	}
	case TUI_A_CLOSE:
	case TUI_A_BACK:
	case TUI_A_OUTLINE:
		tui_pop(t);
		break;
	default:
		return TUI_IGNORED;
	}
	return TUI_HANDLED;
}

const struct tui_screen_ops tui_outline_ops = {
	.popup = true,
	.ctx = outline_ctx,
	.init = outline_init,
	.draw = outline_draw,
	.key = outline_key,
	.priv_size = sizeof(struct outline_state),
	.fini = outline_fini,
};
