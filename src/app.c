/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Save and resume for individuals: policy around the session, the same
 * for both front ends. */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/i18n.h"
#include "core/store.h"
#include "core/util.h"
#include "core/wrap.h"

/* A notice quotes what went wrong, which may come from a damaged save
 * file: no control or bidi character of it reaches the terminal. */
static void set_notice(struct app *app, char *msg)
{
	free(app->notice);
	app->notice = wrap_sanitize(msg);
	free(msg);
}

bool app_write_export(const char *path, const char *text, char **err)
{
	switch (store_export(path, text, err)) {
	case STORE_EXPORT_OK:
		return true;
	case STORE_EXPORT_NOT_REGULAR: {
		char *clean = wrap_sanitize(path);
		*err = xasprintf(_("%s is not a regular file (a link, a pipe or a device) and was left alone: "
				   "give a new file name, a regular file, or - for standard output"),
				 clean);
		free(clean);
		return false;
	}
	case STORE_EXPORT_IO:
		break;
	}
	char *clean = wrap_sanitize(*err);
	free(*err);
	*err = clean;
	return false;
}

void app_resume(struct app *app, char *lang)
{
	if (!app->save_path)
		return;
	char *text = NULL, *err = NULL;
	time_t when = 0;
	store_cleanup(app->save_path); /* what an interrupted save left */
	int r = store_read(app->save_path, &text, &when, &err);
	if (r == 0)
		return;
	char saved_lang[8] = "";
	if (r > 0 && session_load(app->session, text, saved_lang, sizeof saved_lang, &err)) {
		app->resume_offer = true;
		app->saved_at = when;
		app->saved_text = text;
		if (lang && i18n_find_lang(saved_lang))
			snprintf(lang, 8, "%s", saved_lang);
		return;
	}
	free(text);
	/* Never discard silently: keep the file under a new name and start
	 * afresh. */
	char *err2 = NULL;
	char *aside = store_set_aside(app->save_path, &err2);
	if (aside)
		set_notice(app, xasprintf(_("Your saved progress could not be read (%s). It was kept as %s; the guide starts again."),
					  err, aside));
	else
		set_notice(app, xasprintf(_("Your saved progress could not be read (%s), and could not be set aside (%s). Progress will not be saved."),
					  err, err2));
	if (!aside) {
		free(app->save_path);
		app->save_path = NULL;
	}
	free(aside);
	free(err);
	free(err2);
}

void app_save(struct app *app)
{
	if (!app->save_path || !session_depth(app->session))
		return;
	/* Nothing changed since the text on disk was written: most keys
	 * (moving the selection, scrolling, help) change nothing. */
	unsigned long gen = session_generation(app->session);
	if (app->saved_text && gen == app->saved_gen && strcmp(app->saved_lang, i18n_lang()) == 0)
		return;
	char *text = session_save(app->session, i18n_lang());
	if (!text) {
		/* Every step taken is private: what an earlier save says is
		 * no longer where the person is, and nothing of now may be
		 * written. */
		if (app->saved_text) {
			char *err = NULL;
			if (store_remove(app->save_path, &err)) {
				free(app->saved_text);
				app->saved_text = NULL;
			}
			free(err);
		}
		return;
	}
	if (app->saved_text && strcmp(text, app->saved_text) == 0) {
		free(text);
		app->saved_gen = gen;
		snprintf(app->saved_lang, sizeof app->saved_lang, "%s", i18n_lang());
		return;
	}
	char *err = NULL;
	if (!store_write(app->save_path, text, &err)) {
		set_notice(app, xasprintf(_("Your progress cannot be saved (%s). The guide goes on without saving."),
					  err));
		free(err);
		free(text);
		free(app->save_path);
		app->save_path = NULL;
		return;
	}
	free(app->saved_text);
	app->saved_text = text;
	app->saved_gen = gen;
	snprintf(app->saved_lang, sizeof app->saved_lang, "%s", i18n_lang());
}

bool app_forget(struct app *app)
{
	if (!app->save_path)
		return true;
	char *err = NULL;
	bool ok = store_remove(app->save_path, &err);
	if (!ok) {
		set_notice(app, err);
		return false;
	}
	free(app->save_path);
	app->save_path = NULL;
	free(app->saved_text);
	app->saved_text = NULL;
	return true;
}

bool app_start_over(struct app *app)
{
	session_reset(app->session);
	session_start(app->session, app->start);
	app->resume_offer = false;
	if (!app->save_path)
		return true;
	char *err = NULL;
	bool ok = store_remove(app->save_path, &err);
	if (!ok)
		set_notice(app, err);
	else
		free(err);
	free(app->saved_text);
	app->saved_text = NULL;
	return ok;
}

void app_quick_exit(struct app *app)
{
	session_forget_private(app->session);
	app->left_quickly = true;
	/* Still deciding about an earlier visit: what is on disk stays as
	 * it is (nothing private is in it). Otherwise the file is brought
	 * in line with what is left in memory. */
	if (!app->resume_offer)
		app_save(app);
}

char *app_take_notice(struct app *app)
{
	char *n = app->notice;
	app->notice = NULL;
	return n;
}

void app_free(struct app *app)
{
	free(app->save_path);
	free(app->saved_text);
	free(app->notice);
	session_free(app->session);
	app->save_path = app->saved_text = app->notice = NULL;
	app->session = NULL;
}
