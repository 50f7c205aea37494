/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The compiled journeys image (docs/image-format.md): the checked model
 * written once by klantreis-compile and mapped read-only by the guide, so
 * that the guide parses no XML and N sessions share the same pages.
 *
 * Reading checks the header and every bound, offset and index; it never
 * trusts the bytes. A refusal is one short reason (English, marked with
 * N_() so that the caller can translate it with _()). */
#ifndef KLANTREIS_IMAGE_H
#define KLANTREIS_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "journey.h"

#define IMAGE_VERSION 1u
#define IMAGE_NAME "journeys.kji" /* the image's file name beside the journeys */

/* The hash of a journeys directory's sources: the names and bytes of its
 * *.xml files (the files journey_set_load() reads), in name order. False
 * (and a reason in *why) when the directory or a file cannot be read. */
bool image_hash_dir(const char *dir, uint64_t *hash, const char **why);

/* The source hash recorded in the image at `path`, reading only its
 * header. False when it is not a readable image of this version. */
bool image_file_hash(const char *path, uint64_t *hash);

/* The image of a loaded, checked set, malloc'd (*len bytes). False (and a
 * reason) when the set cannot be written (over 4 GiB, or not as the loader
 * builds it). */
bool image_build(const struct journey_set *set, uint64_t hash, void **out, size_t *len,
		 const char **why);

/* Write `len` bytes to `path` atomically (a temporary file beside it, then
 * rename); "-" is standard output, and a path that is no regular file (a
 * device, a pipe) is written as it is, never replaced. False with errno
 * set on failure. */
bool image_save(const char *path, const void *data, size_t len);

/* Map `path` read-only and build the model from it. `dir` becomes
 * set->dir, and the journeys' file names are read relative to it. NULL on
 * refusal, with the reason in *why. The set owns the mapping. */
struct journey_set *image_open(const char *path, const char *dir, const char **why);

/* The same from bytes in memory (malloc'd; the set takes them over, also
 * on refusal, when they are freed). */
struct journey_set *image_read(void *data, size_t len, const char *dir, const char **why);

#endif
