/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The language picker: every language in its own name. As the selection
 * moves, the whole interface switches with it, so a person who does not
 * read the current language sees their own as soon as they reach it.
 * Enter keeps it; Escape goes back to the language the picker opened
 * with (on the first screen it does nothing: there is nothing to go back
 * to, and it must not choose for the person). It is the first screen (full screen) unless --lang was given, and
 * a pop-up over the step on L or F2: a switch is only a repaint, the
 * session keeps the place and the answers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "core/wrap.h"
#include "tui/tui_int.h"

static unsigned lang_ctx(struct tui *t, struct tui_screen *s)
{
	return TUI_CTX_PICK | (s->ops == &tui_lang_first_ops ? TUI_CTX_FIRST : 0);
}

/* The language when the picker opened: Esc goes back to it (the
 * selection shows each language as it moves). */
struct lang_state {
	char lang[8];
};

static void lang_init(struct tui *t, struct tui_screen *s)
{
	struct lang_state *ls = s->priv;
	snprintf(ls->lang, sizeof ls->lang, "%s", i18n_lang());
	for (size_t i = 0; i < i18n_n_langs; i++)
		if (strcmp(i18n_langs[i].code, ls->lang) == 0)
			s->sel = i;
}

static void lang_list(struct tui_list *l)
{
	for (size_t i = 0; i < i18n_n_langs; i++) {
		char num[24];
		snprintf(num, sizeof num, "%zu. ", i + 1);
		tui_list_add(l, num, xstrdup(i18n_langs[i].name));
	}
}

static int list_width(void)
{
	int w = 0;
	for (size_t i = 0; i < i18n_n_langs; i++)
		if (wrap_width(i18n_langs[i].name) > w)
			w = wrap_width(i18n_langs[i].name);
	return w + 8; /* "> 1. " and the scroll column */
}

/* When the highlighted language's catalogue cannot be read, the picker
 * says so under the list: in English (there is no catalogue to say it
 * in), after the language's own name, so the person sees their language
 * named and a volunteer can read why. Returns false when all is well. */
static bool lang_problem(struct tui_text *tx, int w)
{
	if (!i18n_lang_problem(NULL) || w < 10)
		return false;
	char *msg = xasprintf("%s: the translation file on this computer cannot be read, so "
			      "the texts stay in English.",
			      i18n_find_lang(i18n_lang())->name);
	tui_text_add(tx, msg, w, TUI_S_WARNING, NULL, NULL, 0);
	free(msg);
	return true;
}

static void lang_first_draw(struct tui *t, struct tui_screen *s)
{
	tui_header(t, "klantreis", NULL);
	int w = t->cols - 2;
	int y = t->rows >= 20 ? 3 : 2;
	const char *prompt = _("Choose your language");
	int pw = wrap_width(prompt);
	tui_put(t, y, pw < w ? 1 + (w - pw) / 2 : 1, w, prompt, TUI_S_TITLE);
	y += 2;
	struct tui_list l = {0};
	lang_list(&l);
	int lw = list_width();
	if (lw > w)
		lw = w;
	tui_list_draw(t, &l, s->sel, &s->list_top, y, 1 + (w - lw) / 2, t->rows - 1 - y, lw);
	tui_list_free(&l);
	struct tui_text tx = {0};
	int below = y + (int)i18n_n_langs + 1;
	if (below < t->rows - 1 && lang_problem(&tx, w - 2))
		tui_text_draw(t, &tx, 0, below, 2, t->rows - 1 - below, w - 2);
	tui_text_free(&tx);
}

static void lang_popup_draw(struct tui *t, struct tui_screen *s)
{
	const char *title = _("Language");
	int want = list_width() + 4;
	if (wrap_width(title) + 8 > want)
		want = wrap_width(title) + 8;
	if (i18n_lang_problem(NULL) && want < 40)
		want = 40; /* room for the reason in a few lines */
	int w = tui_popup_width(t, want);
	struct tui_text tx = {0};
	bool problem = lang_problem(&tx, w - 4);
	int list_h = (int)i18n_n_langs;
	int h = list_h + 2 + (problem ? 1 + (int)tx.n : 0);
	if (h > t->rows - 2)
		h = t->rows - 2;
	int y = 1 + (t->rows - 2 - h) / 2, x = (t->cols - w) / 2;
	tui_box(t, y, x, h, w, title);
	struct tui_list l = {0};
	lang_list(&l);
	if (list_h > h - 2)
		list_h = h - 2;
	tui_list_draw(t, &l, s->sel, &s->list_top, y + 1, x + 1, list_h, w - 2);
	tui_list_free(&l);
	if (problem && h - 2 - list_h > 1)
		tui_text_draw(t, &tx, 0, y + 2 + list_h, x + 2, h - 3 - list_h, w - 4);
	tui_text_free(&tx);
}

static enum tui_handled lang_key(struct tui *t, struct tui_screen *s, enum tui_action a, int key)
{
	size_t pick = s->sel;
	switch (a) {
	case TUI_A_UP:
		if (s->sel)
			s->sel--;
		i18n_set_lang(i18n_langs[s->sel].code);
		return TUI_HANDLED;
	case TUI_A_DOWN:
		if (s->sel + 1 < i18n_n_langs)
			s->sel++;
		i18n_set_lang(i18n_langs[s->sel].code);
		return TUI_HANDLED;
	case TUI_A_NUMBER:
		pick = (size_t)(key - '1');
		if (pick >= i18n_n_langs)
			return TUI_HANDLED;
		break;
	case TUI_A_CLICK:
		pick = t->click;
		break;
	case TUI_A_CHOOSE:
		break;
	case TUI_A_CLOSE:
	case TUI_A_BACK:
		/* The first screen has nothing to close or go back to: Esc must
		 * not choose a language for the person. */
		if (s->ops == &tui_lang_first_ops)
			return TUI_HANDLED;
		i18n_set_lang(((struct lang_state *)s->priv)->lang);
		tui_pop(t);
		return TUI_HANDLED;
	default:
		return TUI_IGNORED; /* help, quit: the keys every screen shares */
	}
	if (pick < i18n_n_langs)
		i18n_set_lang(i18n_langs[pick].code);
	tui_pop(t);
	return TUI_HANDLED;
}

const struct tui_screen_ops tui_lang_first_ops = {
	.popup = false,
	.ctx = lang_ctx,
	.init = lang_init,
	.draw = lang_first_draw,
	.key = lang_key,
	.priv_size = sizeof(struct lang_state),
};

const struct tui_screen_ops tui_lang_ops = {
	.popup = true,
	.ctx = lang_ctx,
	.init = lang_init,
	.draw = lang_popup_draw,
	.key = lang_key,
	.priv_size = sizeof(struct lang_state),
};
