/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The action plan: the tasks of the steps taken so far, each with a box
 * the person ticks with Space or Enter. Ticks live in the session, so
 * they survive leaving this screen, going back and changing language. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "core/util.h"
#include "core/store.h"
#include "export.h"
#include "tui/tui_int.h"

static unsigned plan_ctx(struct tui *t, struct tui_screen *s) { return TUI_CTX_PLAN; }

static void plan_draw(struct tui *t, struct tui_screen *s)
{
	const struct view *v = session_view(t->app->session);
	char *left = xasprintf("klantreis · %s", _("Your action plan"));
	char *ids = t->app->show_ids ? xasprintf("[%s:%s]", v->step->journey->id, v->step->id) : NULL;
	tui_header(t, left, ids);
	free(ids);
	free(left);

	int x = 1, w = t->cols - 2;
	bool roomy = t->rows >= 20;
	int y = roomy ? 2 : 1, bottom = t->rows - 1;
	tui_put(t, y, x, w, _("Your action plan"), TUI_S_TITLE);
	y += roomy ? 2 : 1;
	if (t->app->kiosk) {
		/* The take-away keys, where the person looks (the footer may
		 * have no room for them). */
		const char *hint =
			t->app->kiosk->print_argv
				? _("To take your plan with you: T prints it, C shows its links as QR codes for your phone.")
				: _("To take your plan with you: C shows its links as QR codes for your phone.");
		struct tui_text tx = {0};
		tui_text_add(&tx, hint, w, TUI_S_TIP, NULL, NULL, 0);
		int h = tx.n < 2 ? (int)tx.n : 2;
		tui_text_draw(t, &tx, 0, y, x, h, w);
		tui_text_free(&tx);
		y += h + (roomy ? 1 : 0);
	}

	struct tui_list list = {0};
	if (!tui_plan_list(t, &list)) {
		struct tui_text tx = {0};
		tui_text_add(&tx, _("Nothing yet: the steps you take will add tasks here."), w, TUI_S_NORMAL,
			     NULL, NULL, 0);
		tui_text_draw(t, &tx, 0, y, x, bottom - y, w);
		tui_text_free(&tx);
		return;
	}
	if (s->sel >= list.n)
		s->sel = list.n - 1;
	tui_list_draw(t, &list, s->sel, &s->list_top, y, x, bottom - y, w);
	tui_list_free(&list);
}

static void toggle(struct tui *t, size_t i)
{
	const struct task **plan;
	size_t n = session_plan(t->app->session, &plan);
	if (i < n)
		session_tick(t->app->session, plan[i], !session_ticked(t->app->session, plan[i]));
}

static enum tui_handled plan_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
{
	const struct task **plan;
	size_t n = session_plan(t->app->session, &plan);
	if (tui_list_move(s, a, n, 5))
		return TUI_HANDLED;
	switch (a) {
	case TUI_A_TICK:
	case TUI_A_CHOOSE:
		toggle(t, s->sel);
		break;
	case TUI_A_NUMBER:
		if ((size_t)(key - '1') < n) {
			s->sel = (size_t)(key - '1');
			toggle(t, s->sel);
		}
		break;
	case TUI_A_CLICK:
		s->sel = t->click;
		toggle(t, s->sel);
		break;
	case TUI_A_CLOSE:
	case TUI_A_BACK:
	case TUI_A_PLAN:
		tui_pop(t);
		break;
	default:
		return TUI_IGNORED;
	}
	return TUI_HANDLED;
}

/* Write the plan to `path` (0600, atomically: store_write) and say where
 * it went, with the whole path. */
static void write_plan(struct tui *t, const char *path)
{
	size_t len;
	char *buf = export_plan_text(t->app->session, 0, &len);
	if (!buf)
		return;
	char *err = NULL;
	char *msg = store_write(path, buf, &err)
			    ? xasprintf(_("Your plan is saved as %s. You can mail or print that file."), path)
			    : xasprintf(_("Your plan could not be saved (%s)."), err);
	tui_push(t, &tui_notice_ops, msg); /* the notice keeps its own copy */
	free(msg);
	free(err);
	free(buf);
}

static char *plan_path(void)
{
	const char *home = getenv("HOME");
	return home && home[0] == '/' ? xasprintf("%s/klantreis-plan.txt", home) : NULL;
}

void tui_export_plan(struct tui *t)
{
	char *path = plan_path();
	if (!path) {
		tui_push(t, &tui_notice_ops, _("There is no home folder to save your plan in."));
		return;
	}
	/* An earlier plan, or a file of the person's own by that name: ask
	 * first (the question names the file). */
	struct stat st;
	if (lstat(path, &st) == 0)
		tui_push(t, &tui_overwrite_ops, NULL);
	else
		write_plan(t, path);
	free(path);
}

/* "The file … exists. Replace it?" "Keep it" is selected, so an Enter
 * typed by mistake loses nothing. y replaces, n or Escape keeps. */
struct overwrite_state {
	char *path;
};

static void overwrite_init(struct tui *t, struct tui_screen *s)
{
	tui_question_init(t, s);
	((struct overwrite_state *)s->priv)->path = plan_path();
}

static void overwrite_fini(struct tui *t, struct tui_screen *s)
{
	free(((struct overwrite_state *)s->priv)->path);
}

static char *overwrite_question(struct tui *t, struct tui_screen *s)
{
	const struct overwrite_state *o = s->priv;
	return xasprintf(_("The file %s exists already. Replace it with your plan?"), o->path ? o->path : "");
}

static void overwrite_yes(struct tui *t, struct tui_screen *s)
{
	const struct overwrite_state *o = s->priv;
	char *path = o->path ? xstrdup(o->path) : NULL;
	tui_pop(t); /* frees s */
	if (path)
		write_plan(t, path);
	free(path);
}

static const struct tui_question_kind overwrite_kind = {
	.ctx = TUI_CTX_ASK,
	.want = 60,
	.question = overwrite_question,
	/* TRANSLATORS: buttons of the question whether to replace a file. */
	.labels = {N_("Replace"), N_("Keep it")},
	.yes = overwrite_yes,
	.yes_keys_only_y = true,
};
const struct tui_screen_ops tui_overwrite_ops = {TUI_QUESTION_FIELDS(overwrite_kind),
						  .init = overwrite_init, .fini = overwrite_fini,
						  .priv_size = sizeof(struct overwrite_state)};

const struct tui_screen_ops tui_plan_ops = {
	.popup = false,
	.ctx = plan_ctx,
	.init = NULL,
	.draw = plan_draw,
	.key = plan_key,
};
