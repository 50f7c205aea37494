/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <dlfcn.h>
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "core/util.h"
#include "kiosk.h"

#define QUIET 2

/* libqrencode is opened when the first QR code is drawn: only a kiosk
 * draws them, and a library linked in costs every run its pages
 * (docs/performance.md). Without it the kiosk shows the address alone. */
static struct {
	bool tried;
	QRcode *(*encode)(const char *, int, QRecLevel);
	void (*free)(QRcode *);
} lib;

static bool lib_ready(void)
{
	if (!lib.tried) {
		lib.tried = true;
		void *h = dlopen(QRENCODE_SONAME, RTLD_NOW | RTLD_LOCAL);
		if (h) {
			*(void **)&lib.encode = dlsym(h, "QRcode_encodeString8bit");
			*(void **)&lib.free = dlsym(h, "QRcode_free");
		}
		if (!lib.encode || !lib.free)
			lib.encode = NULL;
	}
	return lib.encode != NULL;
}

bool kiosk_qr_make(const char *text, struct kiosk_qr *qr)
{
	memset(qr, 0, sizeof(*qr));
	if (!lib_ready())
		return false;
	QRcode *c = lib.encode(text, 0, QR_ECLEVEL_M);
	if (!c)
		return false;
	qr->size = c->width;
	qr->dark = xmalloc((size_t)c->width * (size_t)c->width);
	for (int i = 0; i < c->width * c->width; i++)
		qr->dark[i] = c->data[i] & 1;
	lib.free(c);
	return true;
}

void kiosk_qr_free(struct kiosk_qr *qr)
{
	free(qr->dark);
	memset(qr, 0, sizeof(*qr));
}

static bool dark_at(const struct kiosk_qr *qr, int x, int y)
{
	x -= QUIET;
	y -= QUIET;
	if (x < 0 || y < 0 || x >= qr->size || y >= qr->size)
		return false;
	return qr->dark[y * qr->size + x];
}

char **kiosk_qr_halfblocks(const struct kiosk_qr *qr, size_t *n)
{
	int side = qr->size + 2 * QUIET;
	size_t rows = (size_t)(side + 1) / 2;
	char **lines = xcalloc(rows + 1, sizeof(*lines));
	for (size_t r = 0; r < rows; r++) {
		struct strbuf b;
		sb_init(&b);
		sb_add(&b, "", 0);
		for (int x = 0; x < side; x++) {
			bool top = dark_at(qr, x, (int)r * 2), bot = dark_at(qr, x, (int)r * 2 + 1);
			sb_puts(&b, top && bot ? "█" : top ? "▀" : bot ? "▄" : " ");
		}
		lines[r] = sb_steal(&b);
	}
	*n = rows;
	return lines;
}
