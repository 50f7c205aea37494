/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One journey file through everything a guide does with it: load,
 * validate, a walk (the input's last bytes choose the options), the plan,
 * save, and load of what was saved (which must succeed: our own file). */
#include "fuzz_util.h"

#include "core/diag.h"
#include "core/journey.h"
#include "core/session.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *path = xasprintf("%s/klantreis.xml", fuzz_dir());
	fuzz_write(path, data, size);
	struct diag_list diags;
	diag_init(&diags);
	struct journey_set *set = journey_set_load(fuzz_dir(), &diags);
	struct check_options opt = {.today = 20500, .review_months = 18, .expiry_days = 60};
	journey_set_validate(set, &opt, &diags);
	if (set->n_journeys && !diags.errors) {
		struct session *s = session_new(set);
		char *ref = xasprintf("%s:", set->journeys[0]->id);
		if (session_start(s, ref) == SESSION_OK) {
			for (size_t i = 0; i < 32 && i < size; i++) {
				const struct view *v = session_view(s);
				if (v->n_options)
					session_choose(s, data[size - 1 - i] % v->n_options);
				else if (data[size - 1 - i] & 1)
					session_back(s);
			}
			const struct task **plan;
			size_t n = session_plan(s, &plan);
			if (n)
				session_tick(s, plan[0], true);
			char *saved = session_save(s, "en");
			struct session *s2 = session_new(set);
			char lang[8], *err = NULL;
			if (!session_load(s2, saved, lang, sizeof lang, &err))
				abort(); /* a file we wrote must load */
			char *again = session_save(s2, lang);
			if (strcmp(again, saved) != 0)
				abort(); /* and round-trip */
			free(again);
			free(err);
			session_free(s2);
			free(saved);
		}
		free(ref);
		session_free(s);
	}
	journey_set_free(set);
	diag_free(&diags);
	unlink(path);
	free(path);
	return 0;
}
