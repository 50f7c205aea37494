/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef KLANTREIS_CHECK_H
#define KLANTREIS_CHECK_H

#include <stdio.h>

#include "core/journey.h"

/* klantreis --check: load and validate `dir`, print every problem as
 * FILE:LINE:COL: error|warning: MESSAGE, then a summary and translation
 * coverage. Returns the exit status (0 no errors, 1 errors). */
int check_run(const char *dir, const struct check_options *opt, FILE *out);

#endif
