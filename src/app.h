/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application state shared by the front ends: one struct, passed
 * explicitly. */
#ifndef KLANTREIS_APP_H
#define KLANTREIS_APP_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "core/journey.h"
#include "core/session.h"
#include "core/walk.h"

struct app {
	struct journey_set *set;
	struct session *session;
	const char *start;   /* --start, default "klantreis:start" */
	bool lang_given;     /* --lang: skip the language picker */
	bool show_ids;       /* --show-ids */
	bool trainer;        /* --trainer: ids, sources and conditions shown; outline */
	int width;           /* plain: $COLUMNS, the terminal's, or 0: no wrapping */

	/* Individual mode: progress saved after every step (NULL: --no-save,
	 * or no home directory). */
	char *save_path;
	char *saved_text;    /* what is on disk, to write only on change */
	unsigned long saved_gen; /* the session's generation saved_text is of */
	char saved_lang[8];      /* and its language */
	bool resume_offer;   /* a saved session was loaded: ask to continue */
	time_t saved_at;     /* when it was saved (the file's time) */
	char *notice;        /* one message for the person, shown once */

	/* --replay (docs/walkthroughs.md): the walk-through the full-screen
	 * guide plays, and how far it is (the index of the walk's next step).
	 * NULL when there is none or the demo has stopped; the guide owns it
	 * (cmd_guide frees it). A demo never saves: save_path is NULL. */
	struct walk *replay;
	size_t replay_pos;
	/* The guide ended by the quick exit: --record writes nothing. */
	bool left_quickly;

	/* --kiosk: the configuration (NULL otherwise). Kiosk mode never saves. */
	struct kiosk_config *kiosk;
};

/* Load the saved session, if any, into app->session (setting
 * resume_offer) and its language into `lang` (size 8). A bad file is set
 * aside and explained in app->notice. */
void app_resume(struct app *app, char *lang);
/* Save when the session changed since the last save. A failure turns
 * saving off for this run and leaves a notice. */
void app_save(struct app *app);
/* "Start again" after "Welcome back": every answer, choice and tick is
 * forgotten and the saved file deleted (saving goes on from the first
 * screen). False, with a notice, when the file could not be deleted. */
bool app_start_over(struct app *app);
/* The quick exit (DESIGN.md sections 3.2 and 5): forget everything
 * private in the session and write the save file again from what is
 * left (it never held anything private, but it may name a step reached
 * after one). The caller then clears the screen and ends. */
void app_quick_exit(struct app *app);
/* "Forget my data": delete the saved file and stop saving. */
bool app_forget(struct app *app);
/* Take app->notice (the caller frees it); NULL when there is none. */
char *app_take_notice(struct app *app);
/* Free what the app owns: the session, the save path and texts (not the
 * journey set, not the kiosk configuration). */
void app_free(struct app *app);
/* Write an export (--export-plan) to `path`, "-" for standard output;
 * refuses anything but a regular file or a new name (store_export).
 * False with *err: a translated, sanitised message (malloc'd). */
bool app_write_export(const char *path, const char *text, char **err);

/* Plain, line-oriented interface (DESIGN.md section 5). Reads commands from
 * `in` until end of input or `q`; returns the exit status. */
int plain_run(struct app *app, FILE *in, FILE *out);

#endif
