/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where an individual's progress lives between runs, and how it is written
 * so that no crash or power cut leaves a half-written file: a temporary
 * file in the same directory, fsync, rename over the old one, fsync of the
 * directory. Nothing here prints; errors come back as malloc'd English
 * sentences. */
#ifndef KLANTREIS_STORE_H
#define KLANTREIS_STORE_H

#include <stdbool.h>
#include <time.h>

/* $XDG_STATE_HOME/klantreis/session, or ~/.local/state/klantreis/session.
 * NULL when neither XDG_STATE_HOME nor HOME is set. malloc'd. */
char *store_default_path(void);

/* Write `text` to `path` atomically (parent directories are made, mode
 * 0700; the file is 0600). Returns false and sets *err on failure; the old
 * file is then untouched. */
bool store_write(const char *path, const char *text, char **err);

/* Write an export the user named (--export-plan): "-" is standard
 * output; an existing path must be a regular file, which is replaced as
 * store_write does; a symbolic link, FIFO, device, socket or directory is
 * refused untouched (as root, "/dev/stdout" would otherwise be replaced).
 * STORE_EXPORT_IO comes with *err (malloc'd English). */
enum store_export_status { STORE_EXPORT_OK, STORE_EXPORT_NOT_REGULAR, STORE_EXPORT_IO };
enum store_export_status store_export(const char *path, const char *text, char **err);

/* Read the file. Returns 1 and sets *text (malloc'd) and *mtime when it
 * exists, 0 when there is none, -1 with *err on a read error. Files over
 * 1 MiB are refused as not ours. */
int store_read(const char *path, char **text, time_t *mtime, char **err);

/* Move a bad file aside as PATH.bad-YYYYMMDD-HHMMSS (never overwriting an
 * earlier one). Returns the new name (malloc'd), or NULL with *err. */
char *store_set_aside(const char *path, char **err);

/* Remove temporary files an interrupted store_write() left beside `path`:
 * those whose writer (its pid is in the name) is gone, and those older
 * than ten minutes; never another running guide's save in progress (two
 * guides on one account). Returns how many were removed. */
int store_cleanup(const char *path);

/* Delete the file ("forget my data"). Returns false with *err on failure;
 * a file that does not exist is not a failure. */
bool store_remove(const char *path, char **err);

#endif
