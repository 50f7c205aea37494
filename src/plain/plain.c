/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plain interface (DESIGN.md section 5): one screen printed as lines,
 * one command read per line. For screen readers, braille displays, dumb
 * terminals, pipes and tests. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "core/glossary.h"
#include "core/parts.h"
#include "core/i18n.h"
#include "core/present.h"
#include "core/util.h"
#include "core/wrap.h"
#ifdef HAVE_TUI
#include "tui/scrub.h"
#endif

#define PLAIN_MAX_LINE 1000

/* Ctrl-C: the read of the next line ends, and the guide with it, with
 * status 0 (DESIGN.md section 4); every save is already whole. */
static volatile sig_atomic_t interrupted;

static void on_interrupt(int sig)
{
	(void)sig;
	interrupted = 1;
}

struct plain {
	struct app *app;
	FILE *out;
	int width;
};

/* Print `text` wrapped to the width (or as one line when there is no
 * width), each line after `indent` spaces; words and URLs are never split. */
static void put_hanging(struct plain *p, const char *text, int indent, int hang)
{
	struct wrap_lines l = {0};
	wrap_words(text, p->width ? p->width - indent - hang : 0, &l);
	for (size_t i = 0; i < l.n; i++)
		fprintf(p->out, "%*s%s\n", i ? indent + hang : indent, "", l.lines[i]);
	wrap_lines_free(&l);
}

static void put_wrapped(struct plain *p, const char *text, int indent)
{
	put_hanging(p, text, indent, 0);
}

/* A bullet or a numbered option: the lines after the first start under
 * its text, so that one item reads as one ("- Ask ... in Dutch" and
 * "and English" is one task, not two). */
static void put_item(struct plain *p, const char *mark, const char *text, int indent)
{
	char *line = xasprintf("%s %s", mark, text);
	put_hanging(p, line, indent, wrap_width(mark) + 1);
	free(line);
}

/* "1. The basics" at the start of a paragraph is heard as one more option
 * beside "1) Continue": content lists are read as bullets. */
static const char *list_number(const char *s, size_t *skip)
{
	size_t i = 0;
	while (s[i] >= '0' && s[i] <= '9' && i < 3)
		i++;
	if (i && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ') {
		*skip = i + 2;
		return "-";
	}
	*skip = 0;
	return NULL;
}

/* Translated journey text, wrapped. */
static void put_msg(struct plain *p, const char *prefix, const char *msgid, int indent)
{
	char *t = i18n_text(msgid);
	size_t skip;
	const char *bullet = list_number(t, &skip);
	if (bullet && !prefix)
		prefix = bullet;
	char *s = prefix ? xasprintf("%s %s", prefix, t + skip) : xstrdup(t);
	put_wrapped(p, s, indent);
	free(s);
	free(t);
}

static void put_heading(struct plain *p, const char *title, const struct step *ids)
{
	char *clean = wrap_sanitize(title);
	if (ids)
		fprintf(p->out, "== %s == [%s:%s]\n", clean, ids->journey->id, ids->id);
	else
		fprintf(p->out, "== %s ==\n", clean);
	free(clean);
}

static void print_plan(struct plain *p)
{
	const struct task **plan;
	size_t n = session_plan(p->app->session, &plan);
	put_heading(p, _("Your action plan"), NULL);
	if (!n)
		put_wrapped(p, _("Nothing yet: the steps you take will add tasks here."), 2);
	for (size_t i = 0; i < n; i++) {
		char *t = i18n_text(plan[i]->text);
		char *line = xasprintf("%s%s", t,
				       session_ticked(p->app->session, plan[i]) ? _(" (done)") : "");
		put_item(p, "-", line, 2);
		free(line);
		free(t);
	}
}

static void print_sources(struct plain *p);

static void print_para(struct plain *p, const struct para *para)
{
	const char *prefix = para->kind == PARA_WARNING ? _("Warning:")
			     : para->kind == PARA_TIP   ? _("Tip:")
							: NULL;
	put_msg(p, prefix, para->text, 0);
	if (p->app->trainer && para->when) {
		char *s = present_shown_para(para->when, p->app->set,
					     session_view(p->app->session)->step->journey);
		put_wrapped(p, s, 0);
		free(s);
	}
	fputc('\n', p->out);
}

/* The end step's choices (parts_onward): the next part, the menu.
 * Quitting is said in words, not numbered: a number typed one time too
 * many must not end the guide. */
static size_t end_choices(struct plain *p, const struct step *here, const char *labels[2],
			  const struct step *to[2])
{
	return parts_onward(p->app->set, here, to, labels);
}

static void print_end_choices(struct plain *p, const struct step *here)
{
	const char *labels[2];
	const struct step *to[2];
	size_t n = end_choices(p, here, labels, to);
	if (!n) {
		put_wrapped(p, _("This is the end of this part. Type b to go back, p for your plan or q to quit."), 0);
		return;
	}
	put_wrapped(p, _("What do you want to do now? An empty line chooses 1; q quits."), 0);
	for (size_t i = 0; i < n; i++) {
		char *label = present_onward(labels[i]);
		char num[24];
		snprintf(num, sizeof num, "%zu)", i + 1);
		put_item(p, num, label, 2);
		free(label);
	}
}

static void print_screen(struct plain *p)
{
	const struct view *v = session_view(p->app->session);
	char *title = i18n_text(v->step->title);
	put_heading(p, title, p->app->show_ids ? v->step : NULL);
	free(title);
	for (size_t i = 0; i < v->n_paras; i++)
		if (v->paras[i] != v->question)
			print_para(p, v->paras[i]);
	if (p->app->trainer) {
		print_sources(p);
		fputc('\n', p->out);
	}
	for (size_t i = 0; i < v->n_links; i++) {
		char *label = i18n_text(v->links[i]->text);
		char *line = xasprintf("%s: %s", label, v->links[i]->href);
		put_wrapped(p, line, 0);
		free(line);
		free(label);
	}
	if (v->n_links)
		fputc('\n', p->out);
	if (v->n_tasks && !v->is_end) {
		fprintf(p->out, "%s\n", _("Added to your plan:"));
		for (size_t i = 0; i < v->n_tasks; i++) {
			char *t = i18n_text(v->tasks[i]->text);
			put_item(p, "-", t, 2);
			free(t);
		}
		fputc('\n', p->out);
	}
	/* The question is the last thing heard before its answers. */
	if (v->question)
		print_para(p, v->question);
	if (v->is_end) {
		print_plan(p);
		fputc('\n', p->out);
		print_end_choices(p, v->step);
	} else if (v->is_next) {
		fprintf(p->out, "  1) %s\n", _("Continue"));
	} else {
		for (size_t i = 0; i < v->n_options; i++) {
			char *label = present_option(p->app->set, v, i, p->app->trainer);
			char num[24];
			snprintf(num, sizeof num, "%zu)", i + 1);
			put_item(p, num, label, 2);
			free(label);
		}
	}
}

static void say(struct plain *p, const char *msg)
{
	char *clean = wrap_sanitize(msg);
	fprintf(p->out, "%s\n", clean);
	free(clean);
}

static void print_help(struct plain *p)
{
	static const struct {
		const char *cmd, *help;
	} cmds[] = {
		{"N", N_("choose option N")},
		{"", N_("(empty line) continue; at the end of a part, option 1")},
		{"b", N_("back to the previous screen")},
		{"p", N_("show your action plan")},
		/* TRANSLATORS: the command "l" and a language code; only the
		 * placeholder CODE is translated, the l stays. */
		/* TRANSLATORS: %s lists the language codes: "en, nl, uk, ru". */
		{N_("l CODE"), N_("change language: %s")},
		/* TRANSLATORS: the command "g" and a word; only the placeholder
		 * TERM is translated, the g stays. */
		{N_("g TERM"), N_("explain a Dutch word (g alone lists the words on this screen)")},
		{"s", N_("show the sources of this screen")},
		{"f", N_("forget: delete your saved progress from this computer")},
		{"x", N_("quick exit: clear the screen and leave at once, keeping nothing private")},
		{"?", N_("show this help")},
		{"q", N_("quit")},
	};
	enum { N_CMDS = sizeof cmds / sizeof cmds[0] };
	put_heading(p, _("Commands"), NULL);
	/* A column of commands, as wide as the widest in this language (in
	 * columns: "l КОД" is 5 columns and 9 bytes), the help wrapped beside it. */
	int cw = 8;
	for (size_t i = 0; i < N_CMDS; i++) {
		int w = *cmds[i].cmd ? wrap_width(_(cmds[i].cmd)) : 0;
		cw = w > cw ? w : cw;
	}
	for (size_t i = 0; i < N_CMDS; i++) {
		const char *cmd = *cmds[i].cmd ? _(cmds[i].cmd) : "";
		struct wrap_lines l = {0};
		char *codes = i18n_lang_codes(", ");
		/* The one help text with a value: the language codes. */
		char *help = strstr(cmds[i].help, "%s") ? xasprintf(_(cmds[i].help), codes) : xstrdup(_(cmds[i].help));
		free(codes);
		wrap_words(help, p->width ? p->width - cw - 3 : 0, &l);
		free(help);
		for (size_t k = 0; k < l.n; k++) {
			const char *c = k ? "" : cmd;
			fprintf(p->out, "  %s%*s %s\n", c, cw - wrap_width(c), "", l.lines[k]);
		}
		wrap_lines_free(&l);
	}
}

static void print_sources(struct plain *p)
{
	const struct step *t = session_view(p->app->session)->step;
	put_heading(p, _("Sources"), NULL);
	for (size_t i = 0; i < t->n_sources; i++) {
		char *label = i18n_display(t->sources[i].text);
		char *line = xasprintf("%s (%s): %s", label, t->sources[i].date, t->sources[i].href);
		put_item(p, "-", line, 2);
		free(line);
		free(label);
	}
}

static void glossary_cmd(struct plain *p, const char *arg)
{
	const struct journey_set *set = p->app->set;
	if (!*arg) {
		const struct term **terms = xcalloc(set->n_terms + 1, sizeof(*terms));
		size_t n = present_view_terms(set, session_view(p->app->session), terms);
		if (!n) {
			say(p, _("No Dutch words from the glossary on this screen."));
		} else {
			struct strbuf b;
			sb_init(&b);
			sb_puts(&b, _("Dutch words on this screen:"));
			for (size_t i = 0; i < n; i++)
				sb_printf(&b, "%s %s", i ? "," : "", terms[i]->name);
			put_wrapped(p, b.s, 0);
			sb_free(&b);
		}
		free(terms);
		return;
	}
	const struct term *t = journey_set_term(set, arg);
	if (!t) {
		char *clean = wrap_sanitize(arg);
		char *msg = xasprintf(_("No explanation for \"%.40s\". Type g to list the words on this screen."),
				      clean);
		say(p, msg);
		free(msg);
		free(clean);
		return;
	}
	struct strbuf b;
	sb_init(&b);
	sb_puts(&b, t->name);
	for (size_t i = 0; i < t->n_also; i++)
		sb_printf(&b, "%s%s", i ? ", " : " (", t->also[i]);
	if (t->n_also)
		sb_putc(&b, ')');
	char *def = i18n_text(t->definition);
	sb_printf(&b, ": %s", def);
	free(def);
	put_wrapped(p, b.s, 0);
	sb_free(&b);
}

static void lang_cmd(struct plain *p, const char *arg)
{
	if (i18n_set_lang(arg)) {
		print_screen(p);
		return;
	}
	struct strbuf b;
	sb_init(&b);
	for (size_t i = 0; i < i18n_n_langs; i++)
		sb_printf(&b, "%s%s (%s)", i ? ", " : "", i18n_langs[i].code, i18n_langs[i].name);
	char *clean = wrap_sanitize(arg);
	char *msg = *arg ? xasprintf(_("Unknown language \"%.20s\". Choose one of: %s."), clean, b.s)
			 : xasprintf(_("Languages: %s."), b.s);
	say(p, msg);
	free(msg);
	free(clean);
	sb_free(&b);
}

/* Option n (0-based) of an end step's choices. */
static void end_choose(struct plain *p, size_t n)
{
	const struct view *v = session_view(p->app->session);
	const char *labels[2];
	const struct step *to[2];
	size_t max = end_choices(p, v->step, labels, to);
	if (!max) {
		say(p, _("This is the end of this part. Type b to go back, p for your plan or q to quit."));
		return;
	}
	if (n >= max) {
		char *msg = xasprintf(_("There is no option %zu. Choose a number from 1 to %zu."), n + 1,
				      max);
		say(p, msg);
		free(msg);
		return;
	}
	char *ref = xasprintf("%s:%s", to[n]->journey->id, to[n]->id);
	if (session_jump(p->app->session, ref) == SESSION_OK)
		print_screen(p);
	else
		say(p, _("This choice leads nowhere (a content error). Please tell the people who run this guide."));
	free(ref);
}

static void choose(struct plain *p, size_t n)
{
	enum session_status st = session_choose(p->app->session, n);
	if (st == SESSION_OK) {
		print_screen(p);
	} else if (st == SESSION_E_END) {
		say(p, _("This is the end of this part. Type b to go back, p for your plan or q to quit."));
	} else if (st == SESSION_E_RANGE) {
		const struct view *v = session_view(p->app->session);
		size_t max = v->is_next ? 1 : v->n_options;
		char *msg = xasprintf(_("There is no option %zu. Choose a number from 1 to %zu."), n + 1,
				      max);
		say(p, msg);
		free(msg);
	} else {
		say(p, _("This choice leads nowhere (a content error). Please tell the people who run this guide."));
	}
}

/* The quick exit: forget what is private, bring the save file in line,
 * clear the terminal (when the output is one) and end. No message: there
 * is to be nothing left to read. */
static void quick_exit_cmd(struct plain *p)
{
	app_quick_exit(p->app);
	fflush(p->out);
#ifdef HAVE_TUI
	if (p->out == stdout)
		tui_scrub_terminal();
#endif
}

/* One command. Returns false to quit. */
/* Long on purpose: the plain interface's commands as one dispatch, a
 * short case each. */
static bool command(struct plain *p, char *line)
{
	size_t len = strlen(line);
	while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
	char *s = line;
	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		s[--len] = '\0';

	if (!*s) {
		/* An empty line continues; on a question it must not pick an
		 * answer for the person. */
		const struct view *v = session_view(p->app->session);
		if (v->is_end) {
			end_choose(p, 0);
		} else if (v->is_next) {
			choose(p, 0);
		} else {
			char *msg = xasprintf(_("Type the number of your answer (1 to %zu)."), v->n_options);
			say(p, msg);
			free(msg);
		}
		return true;
	}
	if (s[0] >= '0' && s[0] <= '9') {
		char *end;
		unsigned long n = strtoul(s, &end, 10);
		if (*end == '\0' && n >= 1 && len <= 6) {
			if (session_view(p->app->session)->is_end)
				end_choose(p, n - 1);
			else
				choose(p, n - 1);
			return true;
		}
		if (*end == '\0') {
			const struct view *v = session_view(p->app->session);
			const char *labels[2];
			const struct step *to[2];
			size_t max = v->is_end    ? end_choices(p, v->step, labels, to)
				     : v->is_next ? 1
						  : v->n_options;
			char *msg = xasprintf(_("There is no option %.10s. Choose a number from 1 to %zu."),
					      s, max);
			say(p, msg);
			free(msg);
			return true;
		}
	}
	char cmd = s[0];
	const char *arg = s + 1;
	bool has_arg = *arg != '\0';
	if (has_arg && *arg != ' ')
		cmd = '\0'; /* "back" or "quit" are not commands: one letter */
	while (*arg == ' ')
		arg++;
	switch (cmd) {
	case 'q':
		if (!has_arg)
			return false;
		break;
	case 'x':
		if (has_arg)
			break;
		quick_exit_cmd(p);
		return false;
	case 'b':
		if (has_arg)
			break;
		if (session_back(p->app->session) == SESSION_OK)
			print_screen(p);
		else
			say(p, _("This is the first screen; there is nothing to go back to."));
		return true;
	case 'p':
		if (has_arg)
			break;
		print_plan(p);
		return true;
	case 's':
		if (has_arg)
			break;
		print_sources(p);
		return true;
	case '?':
		if (has_arg)
			break;
		print_help(p);
		return true;
	case 'l':
		lang_cmd(p, arg);
		return true;
	case 'g':
		glossary_cmd(p, arg);
		return true;
	case 'f':
		if (has_arg)
			break;
		if (!p->app->save_path)
			say(p, _("Nothing about you is saved on this computer."));
		else if (app_forget(p->app))
			say(p, _("Your saved progress is deleted. Nothing more will be saved."));
		return true;
	default:
		break;
	}
	say(p, _("Not understood. Type ? for the list of commands."));
	return true;
}

enum resume_answer { RESUME_CONTINUE, RESUME_RESTART, RESUME_QUICK_EXIT };

/* "Continue where you left off?" */
static enum resume_answer resume_question(struct plain *p, FILE *in, bool echo)
{
	char date[32] = "";
	struct tm tm;
	if (localtime_r(&p->app->saved_at, &tm))
		strftime(date, sizeof date, "%Y-%m-%d", &tm);
	put_heading(p, _("Welcome back"), NULL);
	/* Nothing of the earlier visit until the person chooses it: the one
	 * reading may be someone else. */
	char *msg = xasprintf(_("Your progress from a visit on %s is saved on this computer."), date);
	put_wrapped(p, msg, 0);
	free(msg);
	fputc('\n', p->out);
	fprintf(p->out, "  1) %s\n  2) %s\n", _("Continue where I left off"), _("Start again"));
	char *line = NULL;
	size_t cap = 0;
	enum resume_answer r = RESUME_CONTINUE;
	for (;;) {
		fputs("> ", p->out);
		fflush(p->out);
		ssize_t n = getline(&line, &cap, in);
		if (n < 0)
			break;
		if (echo)
			fputs(line, p->out);
		if (line[0] == '1' || line[0] == '\n')
			break;
		if (line[0] == '2') {
			r = RESUME_RESTART;
			break;
		}
		if (line[0] == 'x' && (line[1] == '\n' || !line[1])) {
			r = RESUME_QUICK_EXIT;
			break;
		}
		say(p, _("Type 1 to continue or 2 to start again."));
	}
	free(line);
	return r;
}

/* Long on purpose: the whole read-answer loop, with what is said at its
 * start and end, in the order a person meets it. */
int plain_run(struct app *app, FILE *in, FILE *out)
{
	struct plain p = {.app = app, .out = out, .width = app->width > 0 ? app->width : 0};
	bool echo = !isatty(fileno(in));
	char *notice = app_take_notice(app);
	if (notice) {
		put_wrapped(&p, notice, 0);
		fputc('\n', out);
		free(notice);
	}
	interrupted = 0;
	struct sigaction sa, saved;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_interrupt; /* no SA_RESTART: the read ends */
	sigaction(SIGINT, &sa, &saved);
	/* How to answer, once, before the first screen (DESIGN.md section 5). */
	say(&p, _("Type the number of your answer and press Enter. Type ? and Enter for help."));
	enum resume_answer r = app->resume_offer ? resume_question(&p, in, echo) : RESUME_CONTINUE;
	if (r == RESUME_QUICK_EXIT) {
		quick_exit_cmd(&p);
		sigaction(SIGINT, &saved, NULL);
		return 0;
	}
	if (r == RESUME_RESTART) {
		app_start_over(app);
		char *n = app_take_notice(app);
		if (n) {
			put_wrapped(&p, n, 0);
			free(n);
		}
	}
	app->resume_offer = false;
	print_screen(&p);
	char *line = NULL;
	size_t cap = 0;
	while (!interrupted) {
		fputs("> ", out);
		fflush(out);
		ssize_t n = getline(&line, &cap, in);
		if (n < 0) {
			fputc('\n', out);
			break;
		}
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if (n > 0 && line[n - 1] == '\r')
			line[--n] = '\0';
		if (echo) {
			/* Show what was read, so a piped transcript reads like a
			 * conversation; cleaned and cut short like any input. */
			char *clean = wrap_sanitize(line);
			size_t cut = wrap_fit(clean, 60, NULL);
			fprintf(out, "%.*s%s\n", (int)cut, clean, clean[cut] ? "..." : "");
			free(clean);
		}
		if ((size_t)n > PLAIN_MAX_LINE || strlen(line) != (size_t)n) {
			say(&p, _("Not understood. Type ? for the list of commands."));
			continue;
		}
		/* Invalid UTF-8 is never a command. */
		char *clean = wrap_sanitize(line);
		bool bad = strstr(clean, "\xef\xbf\xbd") != NULL && !strstr(line, "\xef\xbf\xbd");
		free(clean);
		if (bad) {
			say(&p, _("Not understood. Type ? for the list of commands."));
			continue;
		}
		if (!command(&p, line))
			break;
		app_save(app);
		char *later = app_take_notice(app);
		if (later) {
			put_wrapped(&p, later, 0);
			free(later);
		}
	}
	free(line);
	fflush(out);
	sigaction(SIGINT, &saved, NULL);
	return 0;
}
