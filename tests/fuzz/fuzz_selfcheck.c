/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Not a target: a check of the smoke test itself. Its seed corpora
 * (selfcheck/crash, leak, ub) hold the one input that makes it write
 * past a buffer, lose memory or overflow a signed int, and selfcheck.sh
 * runs it exactly as the targets are run and wants that to fail with the
 * sanitizer's report. Were the run options or the build ever to let such
 * a fault pass, the smoke tests would be passing for nothing. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void *volatile keep;
static volatile int big = INT_MAX;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 6 && memcmp(data, "crash!", 6) == 0) {
		char *p = malloc(4);
		memcpy(p, data, size); /* 2 bytes too many */
		keep = p;              /* (or the compiler drops it all) */
		free(keep);
	} else if (size == 5 && memcmp(data, "leak!", 5) == 0) {
		keep = malloc(64);
		keep = NULL;
	} else if (size == 3 && memcmp(data, "ub!", 3) == 0) {
		int n = big;
		n += (int)size; /* signed overflow */
		keep = (void *)(intptr_t)n;
		keep = NULL;
	}
	return 0;
}
