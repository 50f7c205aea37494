/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The full-screen ncurses interface. */
#ifndef KLANTREIS_TUI_H
#define KLANTREIS_TUI_H

#include "app.h"
#include "tui/scrub.h"

/* Run the guide full-screen on the controlling terminal until the person
 * quits. app->session must have been started (session_start) and the
 * language set; the session keeps the person's place, answers and ticks.
 * Returns the exit status: 0 after a quit. When the terminal cannot be
 * driven by curses (unknown TERM), falls back to plain_run(). Nothing is
 * written to stdout/stderr while curses owns the screen. */
int tui_run(struct app *app);

#endif
