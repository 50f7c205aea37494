/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Clearing the terminal on the quick exit (scrub.c). Apart from tui.h
 * because <term.h>, which scrub.c needs, has a `struct term` of its own. */
#ifndef KLANTREIS_TUI_SCRUB_H
#define KLANTREIS_TUI_SCRUB_H

/* Clear the terminal's screen and its scrollback (terminfo E3); where
 * the terminal has no E3, blank the screen line by line and scroll a
 * screenful of blank lines over it instead. Does nothing when stdout is
 * not a terminal. Writes to stdout directly: inside curses, the caller
 * repaints everything afterwards (clearok). */
void tui_scrub_terminal(void);

#endif
