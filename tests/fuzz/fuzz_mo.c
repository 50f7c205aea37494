/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The catalogue reader (src/core/mo.c): any file is refused with a
 * reason or read so that every look-up stays inside it and ends; any
 * Plural-Forms expression is evaluated or refused, never recursed into
 * without end. */
#include "fuzz_util.h"

#include "core/mo.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* Keys the seeds hold, and ones they do not. */
static const char *const keys[] = {"", "a", "Quit", "Step %zu", "%ld second", "zz", "\xd0\x96"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[128];
	snprintf(path, sizeof path, "%s/c.mo", fuzz_dir());
	fuzz_write(path, data, size);
	char err[400] = "";
	struct mo *m = mo_open(path, err, sizeof err);
	if (!m) {
		if (!err[0])
			abort(); /* every refusal says why */
	} else {
		size_t n = 0;
		for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
			const char *t = mo_get(m, keys[i]);
			n += t ? strlen(t) : 0;
			for (unsigned long c = 0; c < 30; c += 7) {
				t = mo_nget(m, keys[i], c);
				n += t ? strlen(t) : 0;
			}
		}
		if (n == (size_t)-1)
			abort();
		mo_close(m);
	}
	/* The bytes as a plural expression. */
	char *s = fuzz_string(data, size);
	unsigned long v;
	const char *at, *why;
	if (!mo_plural_eval(s, 3, &v, &at, &why) && (!why || at < s || at > s + size))
		abort();
	free(s);
	return 0;
}
