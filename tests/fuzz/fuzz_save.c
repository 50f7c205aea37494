/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The save file, against the test fixtures' journeys: it loads or is
 * refused with a message; what loads saves and loads again the same. */
#include "fuzz_util.h"

#include "core/diag.h"
#include "core/journey.h"
#include "core/session.h"

static struct journey_set *set;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	struct diag_list diags;
	diag_init(&diags);
	set = journey_set_load(FUZZ_FIXTURES "/good", &diags);
	if (diags.errors)
		abort();
	diag_free(&diags);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_string(data, size);
	struct session *s = session_new(set);
	char lang[8] = "", *err = NULL;
	if (session_load(s, text, lang, sizeof lang, &err)) {
		char *saved = session_save(s, lang);
		struct session *s2 = session_new(set);
		char *err2 = NULL;
		if (!session_load(s2, saved, lang, sizeof lang, &err2))
			abort();
		char *again = session_save(s2, lang);
		if (strcmp(again, saved) != 0)
			abort();
		session_view(s2);
		free(again);
		free(saved);
		session_free(s2);
	} else if (!err) {
		abort(); /* a refusal says why */
	}
	free(err);
	session_free(s);
	free(text);
	return 0;
}
