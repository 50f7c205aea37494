/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <crypt.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "kiosk.h"

char *kiosk_pin_hash(const char *pin)
{
	static const char *const prefixes[] = {"$y$", "$6$"};
	for (size_t i = 0; i < 2; i++) {
		char *salt = crypt_gensalt_ra(prefixes[i], 0, NULL, 0);
		if (!salt)
			continue;
		void *data = NULL;
		int size = 0;
		char *h = crypt_ra(pin, salt, &data, &size);
		char *r = h && h[0] == '$' ? xstrdup(h) : NULL;
		free(salt);
		if (data) {
			memset(data, 0, (size_t)size); /* it held the PIN's state */
			free(data);
		}
		if (r)
			return r;
	}
	return NULL;
}

bool kiosk_pin_check(const char *pin, const char *hash)
{
	if (!pin || !hash || hash[0] != '$')
		return false;
	void *data = NULL;
	int size = 0;
	const char *h = crypt_ra(pin, hash, &data, &size);
	bool ok = false;
	if (h && h[0] == '$') {
		size_t a = strlen(h), b = strlen(hash);
		unsigned char diff = (unsigned char)(a != b);
		for (size_t i = 0; i < a && i < b; i++)
			diff |= (unsigned char)(h[i] ^ hash[i]);
		ok = diff == 0;
	}
	if (data) {
		memset(data, 0, (size_t)size);
		free(data);
	}
	return ok;
}

long kiosk_pin_wait(const struct kiosk_pin_guard *g, long long now_ms)
{
	return g->next_try_ms > now_ms ? (long)((g->next_try_ms - now_ms + 999) / 1000) : 0;
}

void kiosk_pin_result(struct kiosk_pin_guard *g, bool ok, long long now_ms)
{
	if (ok) {
		g->fails = 0;
		g->next_try_ms = 0;
		return;
	}
	g->fails++;
	long wait = g->fails >= 10 ? 300 : 1L << (g->fails - 1);
	if (wait > 300)
		wait = 300;
	g->next_try_ms = now_ms + wait * 1000;
}
