/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk configuration file: it loads, or is refused with FILE:LINE. */
#include "fuzz_util.h"

#include "kiosk/kiosk.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *path = xasprintf("%s/kiosk.conf", fuzz_dir());
	fuzz_write(path, data, size);
	struct kiosk_config c;
	char *err = NULL;
	if (!kiosk_config_load(&c, path, true, &err)) {
		if (!err || strncmp(err, path, strlen(path)) != 0)
			abort();
	} else {
		kiosk_config_free(&c);
	}
	free(err);
	unlink(path);
	free(path);
	return 0;
}
