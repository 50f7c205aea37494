/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Walk-throughs: parse, check against the content, play, record (walk.h;
 * the format: docs/walkthroughs.md). One pass over the lines; each line
 * is looked at once, so parsing is linear in the file's size. */
#include "walk.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"
#include "wrap.h"

/* "FILE:LINE: " and the message, sanitised as a whole: the file's name
 * and any word quoted from it are the file's own bytes. */
static char *where_msg(const char *file, int line, const char *msg)
{
	char *raw = line > 0 ? xasprintf("%s:%d: %s", file, line, msg) : xasprintf("%s: %s", file, msg);
	char *clean = wrap_sanitize(raw);
	free(raw);
	return clean;
}

/* A word quoted from the file in a message: sanitised, and cut so that a
 * line of a megabyte does not make a message of one. */
static char *quote(const char *s, size_t n)
{
	if (n > 60)
		n = 60;
	char *w = xstrndup(s, n);
	char *clean = wrap_sanitize(w);
	free(w);
	return clean;
}

static bool utf8_ok(const char *s)
{
	for (size_t n = strlen(s), off = 0; off < n;) {
		uint32_t cp;
		size_t k = utf8_decode(s + off, n - off, &cp);
		if (cp == 0xFFFD && !(k == 3 && (unsigned char)s[off] == 0xEF))
			return false;
		off += k;
	}
	return true;
}

static bool ref_ok(const char *r)
{
	const char *colon = strchr(r, ':');
	if (!colon || colon == r || !colon[1] || strlen(r) > 200)
		return false;
	char *j = xstrndup(r, (size_t)(colon - r));
	bool ok = journey_id_valid(j) && journey_id_valid(colon + 1);
	free(j);
	return ok;
}

static bool value_ok(const char *v)
{
	if (!*v || strlen(v) > 200)
		return false;
	for (const char *p = v; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return false;
	return true;
}

void walk_free(struct walk *w)
{
	free(w->file);
	free(w->title);
	free(w->lang);
	free(w->start);
	free(w->end);
	for (size_t i = 0; i < w->n_steps; i++) {
		free(w->steps[i].ref);
		free(w->steps[i].value);
	}
	free(w->steps);
	memset(w, 0, sizeof(*w));
}

/* Split `line` (NUL-terminated, modified) at single spaces into at most
 * `max` words; returns how many, or max + 1 when there are more. An
 * empty word (two spaces, a space at the end) counts as a problem: -1. */
static int split(char *line, char **words, int max)
{
	int n = 0;
	char *p = line;
	for (;;) {
		if (n == max)
			return max + 1;
		char *sp = strchr(p, ' ');
		if (sp == p || !*p)
			return -1;
		words[n++] = p;
		if (!sp)
			return n;
		*sp = '\0';
		p = sp + 1;
	}
}

/* One line (without its newline); false with *msg (untranslated msgid
 * already translated, malloc'd). */
/* Long on purpose: the walk-through format's grammar in one place, one
 * case per keyword with its own FILE:LINE message. */
static bool parse_line(struct walk *w, char *line, int lineno, bool *header, size_t *cap, char **msg)
{
	/* No control character anywhere (a tab, an escape, a NUL): the
	 * words of a walk are ids, its title one line of text. */
	for (const unsigned char *p = (const unsigned char *)line; *p; p++)
		if (*p < 0x20 || *p == 0x7f) {
			*msg = xasprintf(_("a control character (byte %u) in the line"), (unsigned)*p);
			return false;
		}
	if (!*header) {
		if (strcmp(line, WALK_MAGIC) != 0) {
			char *q = quote(line, strlen(line));
			/* TRANSLATORS: %s is the line found; "klantreis-walk 1" stays as it is. */
			*msg = xasprintf(_("not a walk-through: the first line must be \"%s\", not \"%s\""),
					 WALK_MAGIC, q);
			free(q);
			return false;
		}
		*header = true;
		return true;
	}
	if (w->end) {
		*msg = xstrdup(_("a line after the end line: \"end\" must be the last line"));
		return false;
	}
	char *sp = strchr(line, ' ');
	size_t klen = sp ? (size_t)(sp - line) : strlen(line);
	char *rest = sp ? sp + 1 : line + klen;
	if (klen == 5 && strncmp(line, "title", 5) == 0) {
		if (w->title) {
			*msg = xstrdup(_("a second title line"));
			return false;
		}
		if (!*rest || !utf8_ok(rest)) {
			*msg = xstrdup(_("the title is empty or not UTF-8 text"));
			return false;
		}
		w->title = xstrdup(rest);
		return true;
	}
	char *words[4];
	int n = split(rest, words, 3);
	if (klen == 4 && strncmp(line, "lang", 4) == 0) {
		if (w->lang) {
			*msg = xstrdup(_("a second lang line"));
			return false;
		}
		if (n != 1 || !i18n_find_lang(words[0])) {
			char *q = quote(rest, strlen(rest));
			*msg = xasprintf(_("unknown language \"%s\""), q);
			free(q);
			return false;
		}
		w->lang = xstrdup(words[0]);
		return true;
	}
	bool is_start = klen == 5 && strncmp(line, "start", 5) == 0;
	bool is_end = klen == 3 && strncmp(line, "end", 3) == 0;
	bool is_step = klen == 4 && strncmp(line, "step", 4) == 0;
	if (!is_start && !is_end && !is_step) {
		char *q = quote(line, klen);
		*msg = xasprintf(_("unknown line \"%s\" (use title, lang, start, step or end)"), q);
		free(q);
		return false;
	}
	if (is_start && w->start) {
		*msg = xstrdup(_("a second start line"));
		return false;
	}
	if (!is_start && !w->start) {
		*msg = xstrdup(_("a step or end line before the start line"));
		return false;
	}
	if (n < 1 || n > (is_step ? 2 : 1) || (is_step && n != 2)) {
		*msg = xstrdup(is_step ? _("a step line is \"step JOURNEY:STEP CHOICE\"")
				       : _("this line takes one JOURNEY:STEP reference"));
		return false;
	}
	if (!ref_ok(words[0])) {
		char *q = quote(words[0], strlen(words[0]));
		*msg = xasprintf(_("\"%s\" is not a JOURNEY:STEP reference"), q);
		free(q);
		return false;
	}
	if (is_start) {
		w->start = xstrdup(words[0]);
		w->start_line = lineno;
		return true;
	}
	if (is_end) {
		w->end = xstrdup(words[0]);
		w->end_line = lineno;
		return true;
	}
	struct walk_step st = {.ref = NULL, .line = lineno};
	const char *c = words[1];
	if (strcmp(c, "next") == 0) {
		st.kind = WALK_NEXT;
	} else if (c[0] == '#') {
		char *endp;
		unsigned long pos = c[1] >= '1' && c[1] <= '9' ? strtoul(c + 1, &endp, 10) : 0;
		if (!pos || *endp || pos > 999) {
			char *q = quote(c, strlen(c));
			*msg = xasprintf(_("\"%s\" is no option number (#1 to #999)"), q);
			free(q);
			return false;
		}
		st.kind = WALK_POS;
		st.pos = pos;
	} else if (value_ok(c)) {
		st.kind = WALK_VALUE;
		st.value = xstrdup(c);
	} else {
		char *q = quote(c, strlen(c));
		*msg = xasprintf(_("\"%s\" is no choice (use next, #N or an option's value)"), q);
		free(q);
		return false;
	}
	st.ref = xstrdup(words[0]);
	xgrow((void **)&w->steps, cap, w->n_steps + 1, sizeof(*w->steps));
	w->steps[w->n_steps++] = st;
	return true;
}

bool walk_parse(struct walk *w, const char *text, size_t len, const char *file, char **err)
{
	memset(w, 0, sizeof(*w));
	*err = NULL;
	if (len > WALK_MAX_BYTES) {
		char *m = xasprintf(_("too big for a walk-through (%zu bytes; at most %d)"), len,
				    WALK_MAX_BYTES);
		*err = where_msg(file, 0, m);
		free(m);
		return false;
	}
	w->file = wrap_sanitize(file);
	bool header = false;
	size_t cap = 0;
	int lineno = 0;
	char *msg = NULL;
	for (size_t off = 0; off < len && !msg;) {
		const char *nl = memchr(text + off, '\n', len - off);
		size_t n = nl ? (size_t)(nl - (text + off)) : len - off;
		lineno++;
		if (memchr(text + off, '\0', n)) {
			msg = xstrdup(_("a NUL byte in the line"));
			break;
		}
		char *line = xstrndup(text + off, n);
		off += n + (nl ? 1 : 0);
		/* A file written on Windows keeps working. */
		if (n && line[n - 1] == '\r')
			line[--n] = '\0';
		if (n && line[0] != '#')
			parse_line(w, line, lineno, &header, &cap, &msg);
		free(line);
	}
	if (!msg && !header)
		msg = xasprintf(_("not a walk-through: the first line must be \"%s\""), WALK_MAGIC);
	else if (!msg && !w->start)
		msg = xstrdup(_("no start line"));
	else if (!msg && !w->end)
		msg = xstrdup(_("no end line: a walk-through says where it ends (\"end JOURNEY:STEP\")"));
	if (msg) {
		/* An empty file: its first line is what is missing. */
		*err = where_msg(file, lineno ? lineno : 1, msg);
		free(msg);
		walk_free(w);
		return false;
	}
	return true;
}

static char *step_ref(const struct step *t) { return xasprintf("%s:%s", t->journey->id, t->id); }

bool walk_expect(const struct walk *w, size_t i, const struct view *v, size_t *opt, char **err)
{
	*err = NULL;
	char *here = step_ref(v->step);
	char *msg = NULL;
	int line;
	if (i >= w->n_steps) {
		line = w->end_line;
		if (strcmp(here, w->end) != 0)
			/* TRANSLATORS: both %s are JOURNEY:STEP references. */
			msg = xasprintf(_("the walk-through ends at %s, but the guide is at %s"), w->end, here);
		goto out;
	}
	const struct walk_step *ws = &w->steps[i];
	line = ws->line;
	if (strcmp(here, ws->ref) != 0) {
		msg = xasprintf(_("the walk-through expects %s here, but the guide is at %s"), ws->ref, here);
		goto out;
	}
	if (v->is_end) {
		msg = xasprintf(_("%s is an end step now: there is nothing to choose"), here);
		goto out;
	}
	if (ws->kind == WALK_NEXT) {
		if (!v->is_next)
			msg = xasprintf(_("%s asks a question now: \"next\" no longer fits"), here);
		else
			*opt = 0;
		goto out;
	}
	if (v->is_next) {
		msg = xasprintf(_("%s has only \"Continue\" now: no option to choose"), here);
		goto out;
	}
	const struct step *t = v->step;
	const struct ask_option *want = NULL;
	if (ws->kind == WALK_POS) {
		if (ws->pos <= t->n_options)
			want = &t->options[ws->pos - 1];
	} else {
		for (size_t o = 0; o < t->n_options; o++)
			if (t->options[o].value && strcmp(t->options[o].value, ws->value) == 0) {
				if (want) {
					msg = xasprintf(_("more than one option of %s has the value \"%s\": "
							  "name the option by its number (#N)"),
							here, ws->value);
					goto out;
				}
				want = &t->options[o];
			}
	}
	if (!want) {
		msg = ws->kind == WALK_POS ? xasprintf(_("%s has no option #%zu"), here, ws->pos)
					   : xasprintf(_("%s has no option \"%s\""), here, ws->value);
		goto out;
	}
	for (size_t o = 0; o < v->n_options; o++)
		if (v->options[o] == want) {
			*opt = o;
			goto out;
		}
	msg = xasprintf(_("the option chosen on %s is not shown with these answers"), here);
out:
	free(here);
	if (msg) {
		*err = where_msg(w->file, line, msg);
		free(msg);
		return false;
	}
	return true;
}

bool walk_play(const struct walk *w, struct session *s, char **err)
{
	*err = NULL;
	if (session_start(s, w->start) != SESSION_OK) {
		char *m = xasprintf(_("no step %s in the content"), w->start);
		*err = where_msg(w->file, w->start_line, m);
		free(m);
		return false;
	}
	for (size_t i = 0; i <= w->n_steps; i++) {
		size_t opt = 0;
		if (!walk_expect(w, i, session_view(s), &opt, err))
			return false;
		if (i == w->n_steps)
			return true;
		if (session_choose(s, opt) != SESSION_OK) {
			*err = where_msg(w->file, w->steps[i].line,
					 _("this choice leads nowhere (a content error)"));
			return false;
		}
	}
	return true;
}

/* Whether the path's step after `t` was reached by choosing: the option
 * chosen on `t` (or its "Continue") leads to `to`, straight or through
 * route steps (which the path does not show). */
/* Whether an option's value names it alone (several options may store
 * the same answer and lead to different places). */
static bool value_unique(const struct step *t, const struct ask_option *o)
{
	for (size_t k = 0; k < t->n_options; k++)
		if (&t->options[k] != o && t->options[k].value && strcmp(t->options[k].value, o->value) == 0)
			return false;
	return true;
}

static bool led_to(const struct step *target, const struct step *to)
{
	return target && (target == to || target->nav == NAV_ROUTE);
}

char *walk_record(const struct session *s, const char *title, const char *lang)
{
	size_t n = session_depth(s);
	const struct step *first = session_path_step(s, 0);
	if (!first || first->journey->is_private)
		return NULL;
	struct strbuf b;
	sb_init(&b);
	sb_printf(&b, "%s\n", WALK_MAGIC);
	if (title && *title) {
		/* One line of text whatever the caller passed. */
		char *t = wrap_sanitize(title);
		for (char *p = t; *p; p++)
			if (*p == '\n' || *p == '\r' || *p == '\t')
				*p = ' ';
		sb_printf(&b, "title %s\n", t);
		free(t);
	}
	if (lang && *lang)
		sb_printf(&b, "lang %s\n", lang);
	sb_printf(&b, "start %s:%s\n", first->journey->id, first->id);
	const struct step *end = first;
	for (size_t i = 0; i + 1 < n; i++) {
		const struct step *t = session_path_step(s, i), *to = session_path_step(s, i + 1);
		if (to->journey->is_private)
			break; /* not even that it was entered */
		if (t->nav == NAV_NEXT) {
			if (!led_to(t->next.step, to))
				break;
			sb_printf(&b, "step %s:%s next\n", t->journey->id, t->id);
		} else if (t->nav == NAV_ASK) {
			int c = session_choice(s, t);
			if (c < 0 || !led_to(t->options[c].go.step, to))
				break;
			const struct ask_option *o = &t->options[c];
			if (o->value && value_unique(t, o))
				sb_printf(&b, "step %s:%s %s\n", t->journey->id, t->id, o->value);
			else
				sb_printf(&b, "step %s:%s #%d\n", t->journey->id, t->id, c + 1);
		} else {
			break; /* an end step: what follows came by a jump */
		}
		end = to;
	}
	sb_printf(&b, "end %s:%s\n", end->journey->id, end->id);
	return sb_steal(&b);
}
