/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Translation (DESIGN.md section 6). Journey text is kept in English as a
 * gettext msgid and translated when a front end renders it, so switching
 * language is a redraw: the session keeps its place and answers. */
#ifndef KLANTREIS_I18N_H
#define KLANTREIS_I18N_H

#include <stdbool.h>
#include <stddef.h>

/* The translation of msgid in the current language's catalogue, or
 * msgid itself (the same pointer) when there is none. The catalogues are
 * gettext's .mo files, read by core/mo.c (docs/catalogues.md). */
const char *i18n_gettext(const char *msgid) __attribute__((format_arg(1)));
/* The same for a message with plural forms: the form for n. */
const char *i18n_ngettext(const char *msgid, const char *plural, unsigned long n)
	__attribute__((format_arg(1), format_arg(2)));

#ifdef ENABLE_NLS
#define _(s) i18n_gettext(s)
#define gettext(s) i18n_gettext(s)
#define ngettext(a, b, n) i18n_ngettext(a, b, n)
#else
#define _(s) (s)
#define gettext(s) (s)
#define ngettext(a, b, n) ((n) == 1 ? (a) : (b))
#endif
#define N_(s) (s)

#define I18N_DOMAIN "klantreis"

struct i18n_lang {
	const char *code; /* "uk" */
	const char *name; /* in its own language: "Українська" */
};

/* The languages the guide offers, English first. */
extern const struct i18n_lang i18n_langs[];
extern const size_t i18n_n_langs;

/* The msgid xgettext (0.21, ITS rules) makes of an element's text: runs of
 * space/tab/CR/LF become one space, the ends are trimmed, and & < > are
 * written as &amp; &lt; &gt;. Returns a malloc'd string. */
char *i18n_msgid_normalise(const char *s, size_t n);

struct arena;
/* The same, allocated in an arena (the journey model's). */
char *i18n_msgid_normalise_arena(struct arena *a, const char *s, size_t n);

/* Turn a msgid (or its translation) back into display text: &amp; &lt;
 * &gt; &quot; &apos; become the characters. Returns a malloc'd string. */
char *i18n_display(const char *msgid);

/* Set up: the locale from the environment, falling back to C.UTF-8 when
 * its codeset is not UTF-8 (the screen needs UTF-8; the messages never
 * depend on the locale, so kiosk PCs without uk_UA are fine), and the
 * catalogue directory (LOCALEDIR/CODE/LC_MESSAGES/klantreis.mo). */
void i18n_init(const char *localedir);

/* Switch the language of every later gettext() call, opening its
 * catalogue the first time. Returns false when `code` is not a known
 * language (nothing changes then). A catalogue that cannot be read
 * leaves the texts in English: i18n_lang_problem() says why. */
bool i18n_set_lang(const char *code);
/* Why the current language's catalogue cannot be read, or a message of
 * it could not ("PATH: what"), or NULL when all is well. *path (when
 * path is not NULL) is then set to the catalogue's path. */
const char *i18n_lang_problem(const char **path);
const char *i18n_lang(void); /* the current code, "en" by default */
const struct i18n_lang *i18n_find_lang(const char *code);
/* The codes of the languages offered, from the one list: "en, nl, uk, ru"
 * with `last` before the last code (", " or a translated " or ").
 * malloc'd. */
char *i18n_lang_codes(const char *last);

/* Translate a journey text for display: gettext, then i18n_display().
 * Returns a malloc'd string; never empty for a non-empty msgid. */
char *i18n_text(const char *msgid);

/* The default language from the environment (LANGUAGE, LC_ALL,
 * LC_MESSAGES, LANG), when it is one we offer; NULL otherwise. */
const char *i18n_env_lang(void);

#endif
