/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/i18n.h"
#include "core/util.h"
#include "kiosk.h"

static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

static bool parse_seconds(const char *v, int min, int max, int *out)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno || end == v || *end || n < min || n > max)
		return false;
	*out = (int)n;
	return true;
}

/* Split on spaces into a NULL-terminated vector; no quoting, no shell. */
static char **split_argv(const char *v)
{
	char **argv = NULL;
	size_t n = 0, cap = 0;
	const char *p = v;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		const char *b = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		xgrow((void **)&argv, &cap, n + 2, sizeof(*argv));
		argv[n++] = xstrndup(b, (size_t)(p - b));
	}
	if (argv)
		argv[n] = NULL;
	return argv;
}

static void free_argv(char **argv)
{
	for (size_t i = 0; argv && argv[i]; i++)
		free(argv[i]);
	free(argv);
}

void kiosk_config_free(struct kiosk_config *c)
{
	free(c->pin_hash);
	free_argv(c->print_argv);
	free(c->language);
	free(c->volunteer_language);
	free(c->pin_attempts_file);
	memset(c, 0, sizeof(*c));
}

/* Long on purpose: the settings file's grammar, one case per key with
 * its own message. */
bool kiosk_config_load(struct kiosk_config *c, const char *path, bool required, char **err)
{
	memset(c, 0, sizeof(*c));
	c->idle_seconds = 180;
	c->countdown_seconds = 30;
	c->language = xstrdup("picker");
	c->volunteer_language = xstrdup("nl");
	c->pin_attempts_file = xstrdup(KIOSK_PIN_ATTEMPTS_DEFAULT);
	*err = NULL;
	FILE *f = fopen(path, "r");
	if (!f) {
		if (errno == ENOENT && !required)
			return true;
		*err = xasprintf("%s: %s", path, strerror(errno));
		kiosk_config_free(c);
		return false;
	}
	char *line = NULL;
	size_t cap = 0;
	int ln = 0;
	bool ok = true;
	while (ok && getline(&line, &cap, f) >= 0) {
		ln++;
		char *s = trim(line);
		if (!*s || *s == '#')
			continue;
		char *eq = strchr(s, '=');
		if (!eq) {
			*err = xasprintf("%s:%d: expected 'key = value', got '%.40s'", path, ln, s);
			ok = false;
			break;
		}
		*eq = '\0';
		char *key = trim(s), *val = trim(eq + 1);
		if (strcmp(key, "pin_hash") == 0) {
			if (val[0] != '$' || strlen(val) < 20 || strchr(val, ' ')) {
				*err = xasprintf("%s:%d: pin_hash is not a crypt(3) hash; make one with 'klantreis --hash-pin'",
						 path, ln);
				ok = false;
			} else {
				free(c->pin_hash);
				c->pin_hash = xstrdup(val);
			}
		} else if (strcmp(key, "idle_seconds") == 0) {
			if (!parse_seconds(val, 5, 86400, &c->idle_seconds)) {
				*err = xasprintf("%s:%d: idle_seconds must be a number from 5 to 86400, not '%.20s'",
						 path, ln, val);
				ok = false;
			}
		} else if (strcmp(key, "countdown_seconds") == 0) {
			if (!parse_seconds(val, 1, 3600, &c->countdown_seconds)) {
				*err = xasprintf("%s:%d: countdown_seconds must be a number from 1 to 3600, not '%.20s'",
						 path, ln, val);
				ok = false;
			}
		} else if (strcmp(key, "print_command") == 0) {
			free_argv(c->print_argv);
			c->print_argv = split_argv(val);
			if (c->print_argv && c->print_argv[0][0] != '/') {
				*err = xasprintf("%s:%d: print_command must start with an absolute path (for example /usr/bin/lp), not '%.40s'",
						 path, ln, c->print_argv[0]);
				ok = false;
			}
		} else if (strcmp(key, "language") == 0) {
			if (strcmp(val, "picker") != 0 && !i18n_find_lang(val)) {
				char *codes = i18n_lang_codes(", ");
				*err = xasprintf("%s:%d: language must be 'picker' or one of %s, not '%.20s'",
						 path, ln, codes, val);
				free(codes);
				ok = false;
			} else {
				free(c->language);
				c->language = xstrdup(val);
			}
		} else if (strcmp(key, "volunteer_language") == 0) {
			if (!i18n_find_lang(val)) {
				char *codes = i18n_lang_codes(", ");
				*err = xasprintf("%s:%d: volunteer_language must be one of %s, not '%.20s'",
						 path, ln, codes, val);
				free(codes);
				ok = false;
			} else {
				free(c->volunteer_language);
				c->volunteer_language = xstrdup(val);
			}
		} else if (strcmp(key, "pin_attempts_file") == 0) {
			/* Empty: the count of wrong PINs is kept in memory only. */
			if (*val && val[0] != '/') {
				*err = xasprintf("%s:%d: pin_attempts_file must be an absolute path (for example %s) or empty, not '%.40s'",
						 path, ln, KIOSK_PIN_ATTEMPTS_DEFAULT, val);
				ok = false;
			} else {
				free(c->pin_attempts_file);
				c->pin_attempts_file = *val ? xstrdup(val) : NULL;
			}
		} else {
			*err = xasprintf("%s:%d: unknown key '%.40s' (known: pin_hash, idle_seconds, countdown_seconds, print_command, language, volunteer_language, pin_attempts_file)",
					 path, ln, key);
			ok = false;
		}
	}
	free(line);
	fclose(f);
	if (!ok)
		kiosk_config_free(c);
	return ok;
}

bool kiosk_config_readable_by_others(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && (st.st_mode & S_IROTH);
}
