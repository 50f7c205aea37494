/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The contrast of a terminal's picture, cell by cell.
 *
 *   cells IMAGE.ppm FRAME.txt COLS ROWS [MIN]
 *
 * IMAGE is a photograph of the terminal's text area (binary PPM, as
 * xwdtopnm writes it), exactly COLS x ROWS cells of a bitmap font, so
 * every cell has its background and at most one text colour. FRAME is
 * the text the program painted (the last frame of KLANTREIS_TEST_FRAMES_FD:
 * ROWS lines of UTF-8). For every cell that holds a visible character,
 * the two most frequent colours in the cell are text and background; it
 * prints each pair found with its WCAG 2 contrast ratio, the cells it
 * covers and the first text drawn in it, lowest ratio first.
 *
 * Exit status: 0 when every pair reaches MIN (default 4.5); 1 when one
 * does not; 3 when the picture does not show the frame yet (a character
 * cell without ink, or ink in a blank cell other than an underline): the
 * terminal has not drawn it all, take another picture; 2 on bad input. */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

struct image {
	int w, h;
	unsigned char *px; /* RGB */
};

static int read_ppm(const char *path, struct image *im)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	int maxval = 0;
	int ok = fscanf(f, "P6 %d %d %d", &im->w, &im->h, &maxval) == 3 && maxval == 255 &&
		 im->w > 0 && im->h > 0 && im->w < 20000 && im->h < 20000 && fgetc(f) != EOF;
	if (ok) {
		size_t n = (size_t)im->w * (size_t)im->h * 3;
		im->px = malloc(n);
		ok = im->px && fread(im->px, 1, n, f) == n;
	}
	fclose(f);
	return ok ? 0 : -1;
}

static unsigned pixel(const struct image *im, int x, int y)
{
	const unsigned char *p = im->px + ((size_t)y * (size_t)im->w + (size_t)x) * 3;
	return (unsigned)p[0] << 16 | (unsigned)p[1] << 8 | p[2];
}

static double channel(unsigned v)
{
	double c = (double)v / 255.0;
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(unsigned rgb)
{
	return 0.2126 * channel(rgb >> 16 & 0xff) + 0.7152 * channel(rgb >> 8 & 0xff) +
	       0.0722 * channel(rgb & 0xff);
}

static double ratio(unsigned a, unsigned b)
{
	double la = luminance(a), lb = luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* The colours of one box of pixels, most frequent first. */
struct hist {
	unsigned rgb[16];
	int n[16];
	int k;
};

static void box_hist(const struct image *im, int x0, int y0, int w, int h, struct hist *hs)
{
	hs->k = 0;
	for (int y = y0; y < y0 + h; y++)
		for (int x = x0; x < x0 + w; x++) {
			unsigned c = pixel(im, x, y);
			int i = 0;
			while (i < hs->k && hs->rgb[i] != c)
				i++;
			if (i == hs->k) {
				if (hs->k == 16)
					continue; /* not a bitmap font: ignore the rest */
				hs->rgb[hs->k] = c;
				hs->n[hs->k++] = 0;
			}
			hs->n[i]++;
		}
	for (int i = 1; i < hs->k; i++)
		for (int j = i; j > 0 && hs->n[j] > hs->n[j - 1]; j--) {
			unsigned c = hs->rgb[j];
			int n = hs->n[j];
			hs->rgb[j] = hs->rgb[j - 1];
			hs->n[j] = hs->n[j - 1];
			hs->rgb[j - 1] = c;
			hs->n[j - 1] = n;
		}
}

/* Ink of a blank cell lies in at most two pixel rows: an underline. */
static int underline_only(const struct image *im, int x0, int y0, int w, int h, unsigned bg)
{
	int rows = 0;
	for (int y = y0; y < y0 + h; y++)
		for (int x = x0; x < x0 + w; x++)
			if (pixel(im, x, y) != bg) {
				rows++;
				break;
			}
	return rows <= 2;
}

struct pair {
	unsigned fg, bg;
	double ratio;
	int cells;
	char example[96];
	size_t ex_len;
};

/* The first run of text drawn in a pair, as an example. */
static void append(struct pair *pr, const char *s, size_t len)
{
	if (pr->ex_len + len < sizeof pr->example) {
		memcpy(pr->example + pr->ex_len, s, len);
		pr->ex_len += len;
		pr->example[pr->ex_len] = '\0';
	}
}

/* Characters that are pictures, not text: block elements (QR codes,
 * a full block has one colour). */
static int is_block(wchar_t c) { return c >= 0x2580 && c <= 0x259f; }

int main(int argc, char **argv)
{
	if (argc < 5 || argc > 6) {
		fprintf(stderr, "usage: cells IMAGE.ppm FRAME.txt COLS ROWS [MIN]\n");
		return 2;
	}
	setlocale(LC_ALL, "C.UTF-8");
	int cols = atoi(argv[3]), rows = atoi(argv[4]);
	double min = argc == 6 ? atof(argv[5]) : 4.5;
	struct image im = {0};
	if (read_ppm(argv[1], &im) != 0) {
		fprintf(stderr, "cells: %s: not a binary PPM with maxval 255\n", argv[1]);
		return 2;
	}
	if (cols <= 0 || rows <= 0 || im.w % cols || im.h % rows) {
		fprintf(stderr, "cells: a %dx%d picture is not %d x %d cells\n", im.w, im.h, cols, rows);
		return 2;
	}
	int cw = im.w / cols, ch = im.h / rows;
	FILE *f = fopen(argv[2], "r");
	if (!f) {
		fprintf(stderr, "cells: cannot read %s\n", argv[2]);
		return 2;
	}
	struct pair pairs[64];
	int np = 0, undrawn = 0, stale = 0;
	char line[4096];
	for (int r = 0; r < rows; r++) {
		if (!fgets(line, sizeof line, f))
			line[0] = '\0';
		line[strcspn(line, "\n")] = '\0';
		mbstate_t st;
		memset(&st, 0, sizeof st);
		const char *p = line;
		int col = 0;
		int building = -1; /* the pair whose example this run of text is */
		while (col < cols) {
			wchar_t c = L' ';
			size_t len = 1;
			if (*p) {
				len = mbrtowc(&c, p, strlen(p), &st);
				if (len == (size_t)-1 || len == (size_t)-2 || len == 0) {
					c = L'?';
					len = 1;
					memset(&st, 0, sizeof st);
				}
			}
			int wd = wcwidth(c);
			if (wd == 0 && *p) { /* a combining mark: part of the cell before */
				p += len;
				continue;
			}
			if (wd < 1)
				wd = 1;
			if (col + wd > cols)
				break;
			struct hist hs;
			int x0 = col * cw, y0 = r * ch;
			box_hist(&im, x0, y0, cw * wd, ch, &hs);
			if (c == L' ' || is_block(c)) {
				if (c == L' ' && hs.k > 1 && !underline_only(&im, x0, y0, cw * wd, ch, hs.rgb[0]))
					stale++;
				/* A space within a run of text on the same ground. */
				if (c == L' ' && building >= 0 && hs.rgb[0] == pairs[building].bg)
					append(&pairs[building], " ", 1);
				else
					building = -1;
			} else if (hs.k < 2) {
				undrawn++;
				building = -1;
			} else {
				unsigned bg = hs.rgb[0], fg = hs.rgb[1];
				int i = 0;
				while (i < np && !(pairs[i].fg == fg && pairs[i].bg == bg))
					i++;
				if (i == np && np < 64) {
					pairs[np] = (struct pair){fg, bg, ratio(fg, bg), 0, "", 0};
					np++;
				}
				if (i < np) {
					pairs[i].cells++;
					if (building != i)
						building = pairs[i].ex_len ? -1 : i;
					if (building == i)
						append(&pairs[i], p, len);
				} else {
					building = -1;
				}
			}
			if (*p)
				p += len;
			col += wd;
		}
	}
	fclose(f);
	free(im.px);
	if (undrawn || stale) {
		printf("not drawn yet: %d character cells without ink, %d blank cells with ink\n",
		       undrawn, stale);
		return 3;
	}
	for (int i = 1; i < np; i++)
		for (int j = i; j > 0 && pairs[j].ratio < pairs[j - 1].ratio; j--) {
			struct pair x = pairs[j];
			pairs[j] = pairs[j - 1];
			pairs[j - 1] = x;
		}
	int bad = 0;
	for (int i = 0; i < np; i++) {
		while (pairs[i].ex_len && pairs[i].example[pairs[i].ex_len - 1] == ' ')
			pairs[i].example[--pairs[i].ex_len] = '\0';
		printf("%6.2f:1  #%06x on #%06x  %4d cells  \"%s\"%s\n", pairs[i].ratio, pairs[i].fg,
		       pairs[i].bg, pairs[i].cells, pairs[i].example,
		       pairs[i].ratio < min ? "  BELOW MINIMUM" : "");
		if (pairs[i].ratio < min)
			bad++;
	}
	return bad ? 1 : 0;
}
