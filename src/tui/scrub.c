/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Clearing what a terminal shows and keeps (the quick exit, a kiosk
 * wipe): the screen and its scrollback, so that Shift-PgUp shows nothing
 * of what the person saw.
 *
 * With terminfo's E3 ("\033[3J" on xterm, VTE, tmux and the Linux
 * console) the screen is cleared first and the scrollback after it: some
 * terminals (VTE, tmux) push a cleared screen into the scrollback. Without
 * E3 (vt100, many serial consoles) the scrollback cannot be emptied; the
 * visible lines are then blanked where they are, one by one (which pushes
 * nothing into it), and a screenful of blank lines scrolls the blank
 * screen up, so that what lies directly above the prompt is empty and
 * whatever older text is there moves a screen further away. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "tui/scrub.h"

static const char *cap(const char *name)
{
	char *s = tigetstr(name);
	return s && s != (char *)-1 ? s : NULL;
}

static int out_char(int c) { return putc(c, stdout); }

static void put_cap(const char *s)
{
	if (s)
		tputs(s, 1, out_char);
}

static int screen_rows(void)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0)
		return ws.ws_row;
	const char *l = getenv("LINES");
	int n = l ? atoi(l) : 0;
	return n > 0 && n < 1000 ? n : 24;
}

void tui_scrub_terminal(void)
{
	if (!isatty(STDOUT_FILENO))
		return;
	fflush(stdout);
	/* The plain interface has no terminal description loaded yet; the
	 * full-screen one keeps its own (cur_term) until delscreen(). */
	TERMINAL *mine = NULL, *before = cur_term;
	if (!cur_term) {
		int err = 0;
		if (setupterm(NULL, STDOUT_FILENO, &err) == OK)
			mine = cur_term;
	}
	int rows = screen_rows();
	const char *e3 = cur_term ? cap("E3") : NULL;
	const char *clear = cur_term ? cap("clear") : NULL;
	const char *cup = cur_term ? cap("cup") : NULL;
	const char *el = cur_term ? cap("el") : NULL;
	if (e3 && clear) {
		put_cap(clear);
		put_cap(e3);
	} else {
		if (cup && el)
			for (int y = 0; y < rows; y++) {
				put_cap(tparm(cup, y, 0));
				put_cap(el);
			}
		if (cup)
			put_cap(tparm(cup, rows - 1, 0));
		/* A line feed on the bottom line scrolls; the carriage return
		 * keeps the column at 0 whatever the output modes are. */
		for (int i = 0; i < rows; i++)
			fputs("\r\n", stdout);
		if (cup)
			put_cap(tparm(cup, 0, 0));
	}
	fflush(stdout);
	if (mine) {
		del_curterm(mine);
		set_curterm(before);
	}
}
