/* SPDX-License-Identifier: GPL-3.0-or-later */
/* --hash-pin: read a volunteer PIN and print the line for kiosk.conf. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "core/i18n.h"
#include "kiosk/kiosk.h"

/* Read one line from the terminal without echo (or from stdin when it is
 * not a terminal, for scripts). */
static char *read_secret(const char *prompt)
{
	bool tty = isatty(STDIN_FILENO);
	struct termios old, quiet;
	if (tty) {
		fputs(prompt, stderr);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t n = getline(&line, &cap, stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (n < 0) {
		free(line);
		return NULL;
	}
	line[strcspn(line, "\r\n")] = '\0';
	return line;
}

int cmd_hash_pin(const struct cli *c)
{
	/* For the volunteer at the terminal: their --lang, else the language
	 * of their environment. */
	const char *env = c->lang ? NULL : i18n_env_lang();
	if (env)
		i18n_set_lang(env);
	const char *why = NULL;
	if (!kiosk_pin_ready(&why)) { /* said before the PIN is typed */
		fprintf(stderr, _("klantreis: cannot make a PIN hash: %s\n"), why);
		return CLI_EXIT_CONTENT;
	}
	char *pin = read_secret(_("New volunteer PIN (6 to 32 characters): "));
	if (!pin || strlen(pin) < KIOSK_PIN_MIN || strlen(pin) > KIOSK_PIN_MAX) {
		fprintf(stderr, _("klantreis: the PIN must have 6 to 32 characters: whoever can read its hash "
				  "can try every shorter PIN on their own computer (all four-digit PINs in "
				  "minutes)\n"));
		free(pin);
		return CLI_EXIT_USAGE;
	}
	if (isatty(STDIN_FILENO)) {
		char *again = read_secret(_("The same PIN again: "));
		bool same = again && strcmp(again, pin) == 0;
		free(again);
		if (!same) {
			fprintf(stderr, _("klantreis: the two PINs differ; nothing was made\n"));
			free(pin);
			return CLI_EXIT_USAGE;
		}
	}
	char *h = kiosk_pin_hash(pin);
	memset(pin, 0, strlen(pin));
	free(pin);
	if (!h) {
		fprintf(stderr, _("klantreis: this system's crypt(3) cannot make a yescrypt or SHA-512 hash\n"));
		return CLI_EXIT_CONTENT;
	}
	printf("pin_hash = %s\n", h);
	free(h);
	return 0;
}
