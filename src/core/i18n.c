/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "i18n.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "mo.h"
#include "util.h"

const struct i18n_lang i18n_langs[] = {
	{"en", "English"},
	{"nl", "Nederlands"},
	{"uk", "Українська"},
	{"ru", "Русский"},
};
const size_t i18n_n_langs = sizeof i18n_langs / sizeof i18n_langs[0];

static char current[8] = "en";
static char *localedir;
/* Each language's catalogue, opened once, kept to the end: gettext()'s
 * callers keep the strings it returns. */
static struct {
	bool tried;
	struct mo *mo;
	char *path;
	char err[400];
} cats[8];
_Static_assert(sizeof i18n_langs / sizeof i18n_langs[0] <= sizeof cats / sizeof cats[0],
	       "a catalogue slot for every language");
static size_t cur = 0; /* English: no catalogue */

/* Writes the msgid of s[0..n) to `out`, which has room for n bytes plus
 * 4 for each & < > (each escape is at most 5 bytes), and a NUL. */
static void normalise(const char *s, size_t n, char *out)
{
	char *o = out;
	bool space = false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = true;
			continue;
		}
		if (space && o > out)
			*o++ = ' ';
		space = false;
		if (c == '&') {
			memcpy(o, "&amp;", 5);
			o += 5;
		} else if (c == '<') {
			memcpy(o, "&lt;", 4);
			o += 4;
		} else if (c == '>') {
			memcpy(o, "&gt;", 4);
			o += 4;
		} else {
			*o++ = c;
		}
	}
	*o = '\0';
}

/* The room normalise() needs for s[0..n). */
static size_t room(const char *s, size_t n)
{
	size_t extra = 0;
	for (const char *p = s; (p = memchr(p, '&', (size_t)(s + n - p))); p++)
		extra += 4;
	for (const char *p = s; (p = memchr(p, '<', (size_t)(s + n - p))); p++)
		extra += 3;
	for (const char *p = s; (p = memchr(p, '>', (size_t)(s + n - p))); p++)
		extra += 3;
	return n + extra + 1;
}

char *i18n_msgid_normalise(const char *s, size_t n)
{
	char *out = xmalloc(room(s, n));
	normalise(s, n, out);
	return out;
}

char *i18n_display(const char *msgid)
{
	static const struct {
		const char *ent;
		char c;
	} ents[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
	struct strbuf b;
	sb_init(&b);
	sb_add(&b, "", 0);
	const char *p = msgid;
	while (*p) {
		const char *amp = strchr(p, '&');
		if (!amp) {
			sb_puts(&b, p);
			break;
		}
		sb_add(&b, p, (size_t)(amp - p));
		size_t k;
		for (k = 0; k < sizeof ents / sizeof ents[0]; k++)
			if (strncmp(amp, ents[k].ent, strlen(ents[k].ent)) == 0)
				break;
		if (k < sizeof ents / sizeof ents[0]) {
			sb_putc(&b, ents[k].c);
			p = amp + strlen(ents[k].ent);
		} else {
			sb_putc(&b, '&');
			p = amp + 1;
		}
	}
	return sb_steal(&b);
}

void i18n_init(const char *dir)
{
	const char *ok = setlocale(LC_ALL, "");
	const char *cs = ok ? nl_langinfo(CODESET) : "";
	if (!ok || strcmp(cs, "UTF-8") != 0) {
		/* Keep the messages/other categories usable for UTF-8 output. */
		if (!setlocale(LC_ALL, "C.UTF-8"))
			setlocale(LC_ALL, "C.utf8");
	}
	/* Called once by the programs; a second call (the tests) forgets the
	 * catalogues of the first directory. */
	for (size_t i = 0; i < sizeof cats / sizeof cats[0]; i++) {
		mo_close(cats[i].mo);
		free(cats[i].path);
		memset(&cats[i], 0, sizeof cats[i]);
	}
	free(localedir);
	localedir = xstrdup(dir);
	cur = 0;
	snprintf(current, sizeof current, "en");
}

char *i18n_lang_codes(const char *last)
{
	struct strbuf b;
	sb_init(&b);
	for (size_t i = 0; i < i18n_n_langs; i++)
		sb_printf(&b, "%s%s", i == 0 ? "" : i + 1 == i18n_n_langs ? last : ", ", i18n_langs[i].code);
	return sb_steal(&b);
}

const struct i18n_lang *i18n_find_lang(const char *code)
{
	for (size_t i = 0; i < i18n_n_langs; i++)
		if (strcmp(i18n_langs[i].code, code) == 0)
			return &i18n_langs[i];
	return NULL;
}

bool i18n_set_lang(const char *code)
{
	const struct i18n_lang *l = i18n_find_lang(code);
	if (!l)
		return false;
	snprintf(current, sizeof current, "%s", l->code);
	cur = (size_t)(l - i18n_langs);
#ifdef ENABLE_NLS
	if (cur > 0 && !cats[cur].tried && localedir) {
		cats[cur].tried = true;
		cats[cur].path = xasprintf("%s/%s/LC_MESSAGES/%s.mo", localedir, l->code, I18N_DOMAIN);
		cats[cur].mo = mo_open(cats[cur].path, cats[cur].err, sizeof cats[cur].err);
	}
#endif
	return true;
}

const char *i18n_lang(void) { return current; }

const char *i18n_lang_problem(const char **path)
{
	if (cur == 0 || !cats[cur].tried)
		return NULL;
	const char *e = cats[cur].mo ? mo_error(cats[cur].mo) : cats[cur].err;
	if (e && path)
		*path = cats[cur].path;
	return e;
}

const char *i18n_gettext(const char *msgid)
{
	const char *t = cats[cur].mo && *msgid ? mo_get(cats[cur].mo, msgid) : NULL;
	return t ? t : msgid;
}

const char *i18n_ngettext(const char *msgid, const char *plural, unsigned long n)
{
	const char *t = cats[cur].mo ? mo_nget(cats[cur].mo, msgid, n) : NULL;
	return t ? t : n == 1 ? msgid : plural;
}

char *i18n_text(const char *msgid)
{
	if (!msgid || !*msgid)
		return xstrdup("");
	const char *t = gettext(msgid);
	if (!t || !*t)
		t = msgid;
	char *d = i18n_display(t);
	if (!strchr(d, '{'))
		return d;
	/* Dated facts: the value that holds today, in this language. */
	char *r = facts_render(d, i18n_lang());
	free(d);
	return r;
}

const char *i18n_env_lang(void)
{
	static const char *vars[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (!v || !*v)
			continue;
		char code[3] = {0};
		if (strlen(v) >= 2 && (v[2] == '\0' || v[2] == '_' || v[2] == '.' || v[2] == ':')) {
			code[0] = v[0];
			code[1] = v[1];
			if (i18n_find_lang(code))
				return i18n_find_lang(code)->code;
		}
		if (i > 0)
			return NULL; /* the first set locale variable decides */
	}
	return NULL;
}

char *i18n_msgid_normalise_arena(struct arena *a, const char *s, size_t n)
{
	/* Start-up normalises every text of every journey: written straight
	 * into the model's arena (the few bytes collapsed whitespace saves
	 * are not worth a second pass). */
	char *out = arena_alloc_raw(a, room(s, n));
	normalise(s, n, out);
	return out;
}
