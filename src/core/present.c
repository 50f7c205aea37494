/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared presentation (present.h). */
#include <stdlib.h>

#include "core/glossary.h"
#include "core/i18n.h"
#include "core/present.h"
#include "core/util.h"

/* The condition in words, put into `fmt` (a translated "… %s …"). */
static char *shown(const char *fmt, const struct cond *when, const struct journey_set *set,
		   const struct journey *from)
{
	char *w = cond_words(when, set, from);
	char *r = xasprintf(fmt, w);
	free(w);
	return r;
}

char *present_shown(const struct cond *when, const struct journey_set *set,
		    const struct journey *from)
{
	/* TRANSLATORS: a trainer annotation; %s is a condition in words
	 * ("when the answer to ... is ...", "from 4 March 2027"). */
	return shown(_("shown %s"), when, set, from);
}

char *present_shown_para(const struct cond *when, const struct journey_set *set,
			 const struct journey *from)
{
	/* TRANSLATORS: trainer mode; %s is a condition in words: "when
	 * the answer to ... is ...", "from 4 March 2027". */
	return shown(_("(shown %s)"), when, set, from);
}

char *present_onward(const char *next_part)
{
	if (!next_part)
		return xstrdup(_("Choose a part of the klantreis"));
	char *name = i18n_text(next_part);
	/* TRANSLATORS: at the end of a part; %s is the next part's name. */
	char *label = xasprintf(_("Go on with the next part: %s"), name);
	free(name);
	return label;
}

char *present_option(const struct journey_set *set, const struct view *v, size_t i, bool trainer)
{
	const struct ask_option *o = v->options[i];
	char *label = i18n_text(o->text);
	if (!trainer || (!o->when && !o->value))
		return label;
	char *c = o->when ? present_shown(o->when, set, v->step->journey) : NULL;
	char *r = xasprintf("%s  [%s%s%s%s%s]", label, o->value ? v->step->var : "", o->value ? "=" : "",
			    o->value ? o->value : "", c && o->value ? "; " : "", c ? c : "");
	free(label);
	free(c);
	return r;
}

static void scan(const struct journey_set *set, const char *msgid, const struct term **out,
		 size_t *n)
{
	char *s = i18n_text(msgid);
	glossary_terms_in(set, s, out, n);
	free(s);
}

size_t present_view_terms(const struct journey_set *set, const struct view *v,
			  const struct term **out)
{
	size_t n = 0;
	scan(set, v->step->title, out, &n);
	for (size_t i = 0; i < v->n_paras; i++)
		scan(set, v->paras[i]->text, out, &n);
	for (size_t i = 0; i < v->n_links; i++)
		scan(set, v->links[i]->text, out, &n);
	for (size_t i = 0; i < v->n_tasks; i++)
		scan(set, v->tasks[i]->text, out, &n);
	for (size_t i = 0; i < v->n_options; i++)
		scan(set, v->options[i]->text, out, &n);
	return n;
}

size_t present_plan_terms(const struct journey_set *set, struct session *s, const struct term **out)
{
	const struct task **plan;
	size_t np = session_plan(s, &plan), n = 0;
	for (size_t i = 0; i < np; i++)
		scan(set, plan[i]->text, out, &n);
	return n;
}
