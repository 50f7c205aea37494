/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What ncurses alone costs for a step change (tests/bench/start.sh,
 * docs/performance.md): shows the text of one screen, waits for a key,
 * then shows the next screen's text in its place, as plainly as ncursesw
 * allows (waddnstr, no colours). The benchmark captures the guide's two
 * screens and measures the second refresh here beside the guide's.
 *
 *   floor SCREEN1.txt SCREEN2.txt */
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

static int show(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		return -1;
	}
	char line[4096];
	erase();
	for (int y = 0; y < LINES && fgets(line, sizeof line, f); y++) {
		line[strcspn(line, "\n")] = '\0';
		mvaddnstr(y, 0, line, -1);
	}
	fclose(f);
	refresh();
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: floor SCREEN1.txt SCREEN2.txt\n");
		return 2;
	}
	setlocale(LC_ALL, "");
	initscr();
	cbreak();
	noecho();
	nonl();
	int rc = show(argv[1]);
	if (rc == 0) {
		getch();
		rc = show(argv[2]);
		getch();
	}
	endwin();
	return rc ? 1 : 0;
}
