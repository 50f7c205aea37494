/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drawing helpers. Every string reaches the screen through tui_put (or
 * put_clean for text already cleaned by wrap_text), which cuts it with
 * wrap_fit to the columns left in the window: nothing is ever written past
 * the right edge, where curses would wrap it onto the next line. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/util.h"
#include "core/wrap.h"
#include "tui/tui_int.h"

/* Add n bytes of clean UTF-8 at (y, x) with attributes `attr`; the
 * caller has made sure it fits. A paint adds every character of the
 * screen, and curses' string functions cost a few hundred instructions
 * a character; so runs are copied in as cells instead: ASCII as chtype
 * (~20 instructions each), other one-column characters (Cyrillic) as
 * cchar_t. Wide and combining characters, rare here, go through
 * waddnwstr, which knows how to place them. */
static void add_utf8(int y, int x, const char *s, size_t n, attr_t attr, bool simple)
{
	enum { RUN = 128 };
	chtype narrow[RUN];
	cchar_t wide[RUN];
	int cx = x;
	size_t i = 0;
	while (i < n) {
		int k = 0;
		while (i < n && (unsigned char)s[i] < 0x80 && k < RUN)
			narrow[k++] = (chtype)(unsigned char)s[i++] | attr;
		if (k) {
			mvaddchnstr(y, cx, narrow, k);
			cx += k;
			continue;
		}
		uint32_t cp;
		size_t len;
		while (i < n && k < RUN) {
			len = utf8_decode(s + i, n - i, &cp);
			if (cp < 0x80 || (!simple && wrap_cp_width(cp) != 1))
				break;
			memset(&wide[k], 0, sizeof(wide[k]));
			wide[k].attr = attr;
			wide[k].chars[0] = (wchar_t)cp;
			k++;
			i += len;
		}
		if (k) {
			mvadd_wchnstr(y, cx, wide, k);
			cx += k;
			continue;
		}
		/* One character with its combining marks. */
		wchar_t wc[8];
		int m = 0;
		len = utf8_decode(s + i, n - i, &cp);
		int cw = wrap_cp_width(cp);
		wc[m++] = (wchar_t)cp;
		i += len;
		while (i < n && m < 7) {
			len = utf8_decode(s + i, n - i, &cp);
			if (wrap_cp_width(cp) != 0)
				break;
			wc[m++] = (wchar_t)cp;
			i += len;
		}
		attrset(attr);
		mvaddnwstr(y, cx, wc, m);
		attrset(A_NORMAL);
		cx += cw > 0 ? cw : 0;
	}
}

/* Put the first n bytes of clean text s (n <= strlen(s)) at (y, x) with
 * attributes `attr`, cut to w columns; returns the columns used. */
static int put_attr(struct tui *t, int y, int x, int w, const char *s, size_t n, attr_t attr)
{
	if (y < 0 || y >= t->rows || x < 0 || x >= t->cols || w <= 0)
		return 0;
	if (w > t->cols - x)
		w = t->cols - x;
	char *part = s[n] ? xstrndup(s, n) : NULL;
	const char *p = part ? part : s;
	int used = 0;
	size_t fit = wrap_fit(p, w, &used);
	if (fit)
		add_utf8(y, x, p, fit, attr, false);
	free(part);
	return used;
}

static int put_clean(struct tui *t, int y, int x, int w, const char *s, size_t n,
		     enum tui_style st)
{
	return put_attr(t, y, x, w, s, n, t->style[st]);
}

int tui_put(struct tui *t, int y, int x, int w, const char *s, enum tui_style st)
{
	if (!s || y < 0 || y >= t->rows || x < 0 || x >= t->cols || w <= 0)
		return 0;
	/* Printable ASCII needs no cleaning (most labels and keys). */
	const char *p = s;
	while (*p >= 0x20 && *p < 0x7f)
		p++;
	if (!*p)
		return put_clean(t, y, x, w, s, (size_t)(p - s), st);
	char *clean = wrap_sanitize(s);
	int used = put_clean(t, y, x, w, clean, strlen(clean), st);
	free(clean);
	return used;
}

void tui_fill(struct tui *t, int y, int x, int w, enum tui_style st)
{
	if (y < 0 || y >= t->rows || x < 0 || x >= t->cols || w <= 0)
		return;
	if (w > t->cols - x)
		w = t->cols - x;
	/* hline does not move the cursor, so filling the bottom-right cell
	 * cannot scroll the screen. */
	mvhline(y, x, ' ' | t->style[st], w);
}

void tui_hit(struct tui *t, int y0, int y1, int x0, int x1, size_t item)
{
	if (t->n_hits < TUI_HITS_MAX)
		t->hits[t->n_hits++] = (struct tui_hit){y0, y1, x0, x1, item};
}

/* ---- text ---- */

/* Measured once when the line is made, so that painting it again (every
 * key press) needs no width arithmetic. */
static void add_line(struct tui_text *tx, char *s, enum tui_style st, size_t bold)
{
	xgrow((void **)&tx->v, &tx->cap, tx->n + 1, sizeof(*tx->v));
	struct tui_line *ln = &tx->v[tx->n++];
	size_t len = strlen(s);
	if (bold > len)
		bold = len;
	/* Never split a character between the bold part and the rest. */
	while (bold > 0 && bold < len && ((unsigned char)s[bold] & 0xc0) == 0x80)
		bold--;
	*ln = (struct tui_line){.s = s, .len = len, .style = st, .bold = bold, .simple = true};
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		int cw = cp < 0x80 ? 1 : wrap_cp_width(cp);
		if (cw != 1)
			ln->simple = false;
		if (cw > 0) {
			ln->width += cw;
			if (i < bold)
				ln->bold_width += cw;
		}
		i += k;
	}
}

void tui_text_add(struct tui_text *tx, const char *s, int width, enum tui_style st,
		  const char *gutter, const char *rest, size_t bold)
{
	int gw = gutter ? wrap_width(gutter) : 0;
	struct wrap_lines l = {0};
	if (tx->whole)
		wrap_words(s, width - gw > 1 ? width - gw : 1, &l);
	else
		wrap_text(s, width - gw, &l);
	for (size_t i = 0; i < l.n; i++) {
		const char *g = !gutter ? "" : i == 0 ? gutter : rest ? rest : gutter;
		if (*g) {
			size_t a = strlen(g), b = strlen(l.lines[i]);
			char *both = xmalloc(a + b + 1);
			memcpy(both, g, a);
			memcpy(both + a, l.lines[i], b + 1);
			add_line(tx, both, st, i == 0 ? bold : 0);
			free(l.lines[i]);
		} else {
			add_line(tx, l.lines[i], st, i == 0 ? bold : 0);
		}
	}
	free(l.lines);
}

void tui_text_keep(struct tui_text *tx)
{
	if (tx->n)
		tx->v[tx->n - 1].keep = true;
}

void tui_text_blank(struct tui_text *tx) { add_line(tx, xstrdup(""), TUI_S_NORMAL, 0); }

void tui_text_free(struct tui_text *tx)
{
	for (size_t i = 0; i < tx->n; i++)
		free(tx->v[i].s);
	free(tx->v);
	tx->v = NULL;
	tx->n = tx->cap = 0;
}

/* One line at (y, x) within w columns in style `st`, its emphasised
 * part in the style's emphasis (t->emph: never simply bold added, which
 * turns black text grey). */
static void draw_line(struct tui *t, const struct tui_line *ln, int y, int x, int w,
		      enum tui_style st)
{
	attr_t attr = t->style[st], emph = t->emph[st];
	if (y < 0 || y >= t->rows || x < 0 || x >= t->cols || w <= 0)
		return;
	if (w > t->cols - x)
		w = t->cols - x;
	if (ln->width <= w) { /* the usual case: it was wrapped to fit */
		if (ln->bold)
			add_utf8(y, x, ln->s, ln->bold, emph, ln->simple);
		add_utf8(y, x + ln->bold_width, ln->s + ln->bold, ln->len - ln->bold, attr,
			 ln->simple);
		return;
	}
	/* Wider than the room (a URL kept whole, a narrow pop-up): cut, and
	 * say so with "…" in the last column. */
	int used = 0;
	if (ln->bold)
		used = put_attr(t, y, x, w - 1, ln->s, ln->bold, emph);
	put_attr(t, y, x + used, w - 1 - used, ln->s + ln->bold, ln->len - ln->bold, attr);
	add_utf8(y, x + w - 1, "…", strlen("…"), attr, false);
}

void tui_text_draw(struct tui *t, const struct tui_text *tx, size_t top, int y, int x, int h,
		   int w)
{
	for (int r = 0; r < h && top + (size_t)r < tx->n; r++) {
		const struct tui_line *ln = &tx->v[top + (size_t)r];
		draw_line(t, ln, y + r, x, w, ln->style);
	}
}

void tui_text_draw_fold(struct tui *t, const struct tui_text *tx, size_t top, int y, int x, int h,
			int w)
{
	if (h > 0 && top + (size_t)h < tx->n && tx->v[top + (size_t)h - 1].keep)
		h--;
	tui_text_draw(t, tx, top, y, x, h, w);
}

/* ---- lists ---- */

static void unwrap(struct tui_list *l)
{
	if (!l->wrapped)
		return;
	for (size_t i = 0; i < l->n; i++)
		tui_text_free(&l->wrapped[i]);
	free(l->wrapped);
	l->wrapped = NULL;
}

void tui_list_add(struct tui_list *l, const char *prefix, char *label)
{
	unwrap(l); /* made for fewer items */
	xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof(*l->v));
	struct tui_item *it = &l->v[l->n++];
	it->label = label;
	size_t n = strlen(prefix);
	if (n >= sizeof it->prefix)
		n = sizeof it->prefix - 1;
	memcpy(it->prefix, prefix, n);
	it->prefix[n] = '\0';
}

void tui_list_free(struct tui_list *l)
{
	unwrap(l);
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].label);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* An item is drawn as "> 2. label", continuation lines under the label;
 * the last column is kept for the scroll arrows. The labels are wrapped
 * once per width (height and paint both need them, and a memoised list
 * keeps them across paints). */
static const struct tui_text *wrapped(struct tui_list *l, int w)
{
	if (l->wrapped && l->wrapped_w == w)
		return l->wrapped;
	unwrap(l);
	l->wrapped = xcalloc(l->n ? l->n : 1, sizeof(*l->wrapped));
	for (size_t i = 0; i < l->n; i++) {
		struct tui_text *out = &l->wrapped[i];
		tui_text_add(out, l->v[i].label, w - 3 - wrap_width(l->v[i].prefix), TUI_S_NORMAL, NULL,
			     NULL, 0);
		if (!out->n) /* an empty label still takes its row */
			tui_text_blank(out);
	}
	l->wrapped_w = w;
	return l->wrapped;
}

int tui_list_height(struct tui_list *l, int w)
{
	const struct tui_text *wl = wrapped(l, w);
	int h = 0;
	for (size_t i = 0; i < l->n; i++)
		h += (int)wl[i].n;
	return h;
}

void tui_list_draw(struct tui *t, struct tui_list *l, size_t sel, size_t *top, int y, int x, int h,
		   int w)
{
	if (!l->n || h <= 0 || w <= 0)
		return;
	const struct tui_text *wl = wrapped(l, w);
	if (sel >= l->n)
		sel = l->n - 1;
	/* Scroll so that the selected item is shown whole (or from its top
	 * when it is taller than the room), and no room is wasted below the
	 * last item. */
	if (*top > sel)
		*top = sel;
	for (;;) {
		size_t need = 0;
		for (size_t i = *top; i <= sel; i++)
			need += wl[i].n;
		if (need <= (size_t)h || *top == sel)
			break;
		(*top)++;
	}
	for (;;) {
		if (*top == 0)
			break;
		size_t need = 0;
		for (size_t i = *top - 1; i < l->n; i++)
			need += wl[i].n;
		if (need > (size_t)h)
			break;
		(*top)--;
	}
	int r = 0;
	for (size_t i = *top; i < l->n && r < h; i++) {
		const struct tui_item *it = &l->v[i];
		bool on = i == sel;
		enum tui_style st = on ? TUI_S_SELECTED : TUI_S_NORMAL;
		int pw = wrap_width(it->prefix);
		int y0 = y + r;
		for (size_t k = 0; k < wl[i].n && r < h; k++, r++) {
			if (on)
				tui_fill(t, y + r, x, w - 1, st);
			if (k == 0) {
				tui_put(t, y + r, x, w - 1, on ? "> " : "  ", st);
				tui_put(t, y + r, x + 2, w - 3, it->prefix, st);
			}
			draw_line(t, &wl[i].v[k], y + r, x + 2 + pw, w - 3 - pw, st);
		}
		tui_hit(t, y0, y + r - 1, x, x + w - 1, i);
	}
	size_t rest = 0;
	for (size_t k = *top; k < l->n; k++)
		rest += wl[k].n;
	if (*top > 0)
		mvaddch(y, x + w - 1, ACS_UARROW | t->style[TUI_S_BOLD]);
	if (rest > (size_t)h)
		mvaddch(y + h - 1, x + w - 1, ACS_DARROW | t->style[TUI_S_BOLD]);
}

/* ---- frames ---- */

void tui_header_make(struct tui_text *out, int cols, const char *left, const char *right)
{
	int rw = right ? wrap_width(right) : 0;
	int room = cols - 2 - (rw ? rw + 2 : 0);
	char *clean = wrap_sanitize(room >= 1 ? left : "");
	if (wrap_width(clean) > room) { /* no room for both: the ids win */
		size_t n = room > 1 ? wrap_fit(clean, room - 1, NULL) : 0;
		clean[n] = '\0';
		char *cut = xasprintf("%s%s", clean, n ? "…" : "");
		free(clean);
		clean = cut;
	}
	add_line(out, clean, TUI_S_HEADER, 0);
	if (right)
		add_line(out, wrap_sanitize(right), TUI_S_HEADER, 0);
}

void tui_header_draw(struct tui *t, const struct tui_text *h)
{
	if (t->rows < 1)
		return;
	tui_fill(t, 0, 0, t->cols, TUI_S_HEADER);
	if (h->n > 0)
		draw_line(t, &h->v[0], 0, 1, t->cols - 2, TUI_S_HEADER);
	if (h->n > 1) {
		int x = t->cols - 1 - h->v[1].width;
		draw_line(t, &h->v[1], 0, x < 1 ? 1 : x, t->cols - 2, TUI_S_HEADER);
	}
}

void tui_header(struct tui *t, const char *left, const char *right)
{
	struct tui_text h = {0};
	tui_header_make(&h, t->cols, left, right);
	tui_header_draw(t, &h);
	tui_text_free(&h);
}

void tui_box(struct tui *t, int y, int x, int h, int w, const char *title)
{
	if (y < 0)
		h += y, y = 0;
	if (x < 0)
		w += x, x = 0;
	if (y + h > t->rows)
		h = t->rows - y;
	if (x + w > t->cols)
		w = t->cols - x;
	if (h < 2 || w < 2)
		return;
	for (int r = 0; r < h; r++)
		tui_fill(t, y + r, x, w, TUI_S_NORMAL);
	attrset(t->style[TUI_S_BORDER]);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y, x, ACS_ULCORNER);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	/* The bottom-right corner of the screen is never written by
	 * addch (it may scroll); boxes stop above the footer anyway. */
	if (!(y + h == t->rows && x + w == t->cols))
		mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	attrset(A_NORMAL);
	if (title && w > 6) {
		int used = tui_put(t, y, x + 2, w - 4, " ", TUI_S_TITLE);
		used += tui_put(t, y, x + 2 + used, w - 5 - used, title, TUI_S_TITLE);
		tui_put(t, y, x + 2 + used, w - 4 - used, " ", TUI_S_TITLE);
	}
}

int tui_popup_width(const struct tui *t, int want)
{
	int w = want;
	if (w > t->cols - 4)
		w = t->cols - 4;
	if (w < 20)
		w = t->cols < 20 ? t->cols : 20;
	return w;
}

bool tui_text_stale(struct tui_screen *s, int w)
{
	if (s->text_w == w && strcmp(s->text_lang, i18n_lang()) == 0)
		return false;
	tui_text_free(&s->text);
	s->text_w = w;
	snprintf(s->text_lang, sizeof s->text_lang, "%s", i18n_lang());
	return true;
}

void tui_textbox_draw(struct tui *t, struct tui_screen *s, const char *title,
		      const struct tui_text *tx, int w)
{
	/* Between the header and the footer, which stay readable. */
	int max_h = t->rows - 2;
	int h = (int)tx->n + 2;
	if (h > max_h)
		h = max_h;
	if (h < 3)
		h = 3;
	int inner = h - 2;
	size_t max_top = tx->n > (size_t)inner ? tx->n - (size_t)inner : 0;
	if (s->top > max_top)
		s->top = max_top;
	s->page = inner;
	s->fits = max_top == 0;
	int y = 1 + (max_h - h) / 2, x = (t->cols - w) / 2;
	tui_box(t, y, x, h, w, title);
	tui_text_draw(t, tx, s->top, y + 1, x + 2, inner, w - 4);
	if (s->top > 0)
		mvaddch(y, x + w - 3, ACS_UARROW | t->style[TUI_S_BOLD]);
	if (s->top < max_top)
		mvaddch(y + h - 1, x + w - 3, ACS_DARROW | t->style[TUI_S_BOLD]);
}

static size_t page_step(const struct tui_screen *s)
{
	return s->page > 2 ? (size_t)s->page - 1 : 1;
}

enum tui_handled tui_textbox_key(struct tui *t, struct tui_screen *s, enum tui_action a)
{
	switch (a) {
	case TUI_A_UP:
		if (s->top)
			s->top--;
		break;
	case TUI_A_DOWN:
		s->top++; /* the next paint clamps it */
		break;
	case TUI_A_SCROLL_UP:
		s->top = s->top > page_step(s) ? s->top - page_step(s) : 0;
		break;
	case TUI_A_SCROLL_DOWN:
		s->top += page_step(s);
		break;
	case TUI_A_CLOSE:
	case TUI_A_BACK:
	case TUI_A_CHOOSE: /* Enter: read, done */
		tui_pop(t);
		break;
	default:
		return TUI_IGNORED;
	}
	return TUI_HANDLED;
}

void tui_question_draw(struct tui *t, struct tui_screen *s, int want, const char *question,
		       const char *const labels[2])
{
	int w = tui_popup_width(t, want);
	struct tui_text tx = {0};
	tui_text_add(&tx, question, w - 4, TUI_S_NORMAL, NULL, NULL, 0);
	int h = (int)tx.n + 4;
	if (h > t->rows - 2)
		h = t->rows - 2;
	int y = 1 + (t->rows - 2 - h) / 2, x = (t->cols - w) / 2;
	tui_box(t, y, x, h, w, NULL);
	tui_text_draw(t, &tx, 0, y + 1, x + 2, h - 4, w - 4);
	tui_text_free(&tx);
	int total = 3; /* the gap between the buttons */
	for (int i = 0; i < 2; i++)
		total += wrap_width(labels[i]) + 4; /* "[ Quit ]" */
	int by = y + h - 2, bx = x + (w - total) / 2;
	if (bx < x + 1)
		bx = x + 1;
	for (int i = 0; i < 2; i++) {
		enum tui_style st = (size_t)i == s->sel ? TUI_S_SELECTED : TUI_S_NORMAL;
		int x0 = bx, end = x + w - 1;
		bx += tui_put(t, by, bx, end - bx, "[ ", st);
		bx += tui_put(t, by, bx, end - bx, labels[i], st);
		bx += tui_put(t, by, bx, end - bx, " ]", st);
		tui_hit(t, by, by, x0, bx - 1, (size_t)i);
		bx += 3;
	}
}

bool tui_list_move(struct tui_screen *s, enum tui_action a, size_t n, size_t page)
{
	switch (a) {
	case TUI_A_UP:
		if (s->sel)
			s->sel--;
		return true;
	case TUI_A_DOWN:
		if (s->sel + 1 < n)
			s->sel++;
		return true;
	case TUI_A_SCROLL_UP:
		s->sel = s->sel > page ? s->sel - page : 0;
		return true;
	case TUI_A_SCROLL_DOWN:
		s->sel = s->sel + page < n ? s->sel + page : (n ? n - 1 : 0);
		return true;
	default:
		return false;
	}
}

size_t tui_plan_list(struct tui *t, struct tui_list *l)
{
	const struct task **plan;
	size_t n = session_plan(t->app->session, &plan);
	for (size_t i = 0; i < n; i++)
		tui_list_add(l, session_ticked(t->app->session, plan[i]) ? "[x] " : "[ ] ",
			     i18n_text(plan[i]->text));
	return n;
}
