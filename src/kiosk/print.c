/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printing the plan: the print command runs as a child that reads the
 * plan on its standard input. The kiosk never waits for it: the plan goes
 * into a pipe that does not block, as much at a time as the pipe takes,
 * from the kiosk's own loop (kiosk_print_step), so that the keys, the
 * quick exit and SIGTERM keep working while a printer is slow or does
 * not read at all. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/util.h"
#include "kiosk.h"

bool kiosk_print_usable(char *const argv[], const char **why)
{
	*why = NULL;
	if (!argv || !argv[0]) {
		*why = "no print command is configured";
		return false;
	}
	if (access(argv[0], F_OK) != 0) {
		*why = "the print command does not exist";
		return false;
	}
	if (access(argv[0], X_OK) != 0) {
		*why = "the print command may not be run";
		return false;
	}
	return true;
}

/* Close every descriptor from `low` up: the print command gets its three
 * and nothing else of the kiosk (not the terminal, a copy of which the
 * guide keeps while curses runs; not what a library left open without
 * close-on-exec). In the child, between fork and execve. */
static void close_from(int low)
{
#ifdef SYS_close_range
	if (syscall(SYS_close_range, (unsigned)low, ~0u, 0u) == 0)
		return;
#endif
	long max = sysconf(_SC_OPEN_MAX);
	if (max < 0 || max > 65536)
		max = 65536;
	for (int fd = low; fd < max; fd++)
		close(fd);
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void job_clear(struct kiosk_print_job *j)
{
	if (j->fd >= 0)
		close(j->fd);
	j->fd = -1;
	if (j->text) {
		explicit_bzero(j->text, j->len); /* the plan is the person's */
		free(j->text);
	}
	j->text = NULL;
	j->len = j->off = 0;
	j->pid = 0;
}

void kiosk_print_job_init(struct kiosk_print_job *j)
{
	memset(j, 0, sizeof(*j));
	j->fd = -1;
}

bool kiosk_print_busy(const struct kiosk_print_job *j) { return j->pid > 0; }

int kiosk_print_start(struct kiosk_print_job *j, char *const argv[], const char *text, size_t len,
		      int timeout, const char **why)
{
	*why = NULL;
	if (!argv || !argv[0]) {
		*why = "no print command is configured";
		return -1;
	}
	int fds[2];
	if (pipe2(fds, O_CLOEXEC) != 0) {
		*why = "cannot create a pipe";
		return -1;
	}
	/* Only the kiosk's end does not block; the printer reads as usual. */
	if (fcntl(fds[1], F_SETFL, O_NONBLOCK) != 0) {
		close(fds[0]);
		close(fds[1]);
		*why = "cannot create a pipe";
		return -1;
	}
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		*why = "cannot start the print command";
		return -1;
	}
	if (pid == 0) {
		/* The child: the plan on stdin, nothing on the terminal, a
		 * minimal environment, the default signal actions; execve,
		 * never a shell. */
		int null = open("/dev/null", O_WRONLY);
		dup2(fds[0], STDIN_FILENO);
		if (null >= 0) {
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		close_from(3);
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		for (int sig = 1; sig < NSIG; sig++)
			signal(sig, SIG_DFL);
		char *const envp[] = {"PATH=/usr/bin:/bin", "LC_ALL=C.UTF-8", NULL};
		execve(argv[0], argv, envp);
		_exit(127);
	}
	close(fds[0]);
	kiosk_print_job_init(j);
	j->pid = pid;
	j->fd = fds[1];
	j->text = xmalloc(len ? len : 1);
	memcpy(j->text, text, len);
	j->len = len;
	j->deadline = now_ms() + timeout * 1000LL;
	return 0;
}

/* Write what the pipe takes now; close it when all is written or the
 * printer stopped reading. */
static void job_write(struct kiosk_print_job *j)
{
	/* A printer that exits early must not end the kiosk with SIGPIPE:
	 * EPIPE says the same. The old action comes back at once. */
	struct sigaction ign, old;
	memset(&ign, 0, sizeof ign);
	sigemptyset(&ign.sa_mask);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &old);
	while (j->off < j->len) {
		ssize_t w = write(j->fd, j->text + j->off, j->len - j->off);
		if (w > 0) {
			j->off += (size_t)w;
			continue;
		}
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			break; /* full: the next step goes on */
		j->short_write = true; /* EPIPE or worse: it stays short */
		break;
	}
	sigaction(SIGPIPE, &old, NULL);
	if (j->off >= j->len || j->short_write) {
		close(j->fd);
		j->fd = -1;
	}
}

int kiosk_print_step(struct kiosk_print_job *j, const char **why)
{
	*why = NULL;
	if (j->pid <= 0) {
		*why = "lost the print command";
		return -1;
	}
	if (j->fd >= 0)
		job_write(j);
	int status = 0;
	pid_t r = waitpid(j->pid, &status, WNOHANG);
	if (r == 0) {
		if (now_ms() < j->deadline)
			return 1;
		kiosk_print_cancel(j);
		*why = "the print command did not finish in time";
		return -1;
	}
	if (r < 0 && errno == EINTR)
		return 1;
	bool short_write = j->short_write || j->fd >= 0;
	j->pid = 0; /* reaped (or not ours to reap) */
	job_clear(j);
	if (r < 0) {
		*why = "lost the print command";
		return -1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		*why = "the print command could not be started";
		return -1;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		*why = "the print command failed";
		return -1;
	}
	if (short_write) {
		*why = "the print command did not read the whole plan";
		return -1;
	}
	return 0;
}

void kiosk_print_cancel(struct kiosk_print_job *j)
{
	if (j->pid > 0) {
		kill(j->pid, SIGKILL);
		/* Killed: it ends at once; EINTR only for a signal. */
		while (waitpid(j->pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	job_clear(j);
}

int kiosk_print(char *const argv[], const char *text, int timeout, const char **why)
{
	struct kiosk_print_job j;
	kiosk_print_job_init(&j);
	if (kiosk_print_start(&j, argv, text, strlen(text), timeout, why) != 0)
		return -1;
	int r;
	while ((r = kiosk_print_step(&j, why)) == 1) {
		/* Until the pipe takes more, or a moment (to look for the
		 * end and the deadline). */
		struct pollfd p = {.fd = j.fd, .events = POLLOUT};
		if (j.fd >= 0)
			poll(&p, 1, 20);
		else
			poll(NULL, 0, 20);
	}
	return r;
}
