/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The `when` parser: any text parses or is refused with an offset inside
 * it; what parses is formatted, parses again, and evaluates. */
#include "fuzz_util.h"

#include "core/cond.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static const char *lookup(void *ctx, const char *var)
{
	(void)ctx;
	return var[0] == 'a' ? "yes" : NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size);
	struct arena *a = arena_new();
	const char *err = NULL;
	size_t off = 0;
	struct cond *c = cond_parse(a, s, &err, &off);
	if (!c) {
		if (!err || off > strlen(s))
			abort();
	} else {
		cond_eval(c, lookup, NULL);
		cond_on_day(c, 20500);
		char *f = cond_format(c);
		struct cond *c2 = cond_parse(a, f, &err, &off);
		if (!c2)
			abort(); /* what we print must parse */
		free(f);
	}
	arena_free(a);
	free(s);
	return 0;
}
