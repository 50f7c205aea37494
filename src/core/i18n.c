/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "i18n.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "util.h"

const struct i18n_lang i18n_langs[] = {
	{"en", "English"},
	{"nl", "Nederlands"},
	{"uk", "Українська"},
	{"ru", "Русский"},
};
const size_t i18n_n_langs = sizeof i18n_langs / sizeof i18n_langs[0];

static char current[8] = "en";

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

void i18n_init(const char *localedir)
{
	const char *ok = setlocale(LC_ALL, "");
	const char *cs = ok ? nl_langinfo(CODESET) : "";
	if (!ok || strcmp(cs, "UTF-8") != 0) {
		/* Keep the messages/other categories usable for UTF-8 output. */
		if (!setlocale(LC_ALL, "C.UTF-8"))
			setlocale(LC_ALL, "C.utf8");
	}
#ifdef ENABLE_NLS
	bindtextdomain(I18N_DOMAIN, localedir);
	bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
	textdomain(I18N_DOMAIN);
#else
	(void)localedir;
#endif
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
	/* LANGUAGE wins over the locale in glibc's gettext (except in the C
	 * locale, avoided in i18n_init). Re-setting the text domain makes
	 * gettext drop its cache of earlier look-ups. */
	setenv("LANGUAGE", l->code, 1);
#ifdef ENABLE_NLS
	textdomain(textdomain(NULL));
#endif
	return true;
}

const char *i18n_lang(void) { return current; }

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
