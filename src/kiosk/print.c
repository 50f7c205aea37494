/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

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

int kiosk_print(char *const argv[], const char *text, int timeout, const char **why)
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
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		*why = "cannot start the print command";
		return -1;
	}
	if (pid == 0) {
		/* The child: the plan on stdin, nothing on the terminal, a
		 * minimal environment; execve, never a shell. */
		int null = open("/dev/null", O_WRONLY);
		dup2(fds[0], STDIN_FILENO);
		if (null >= 0) {
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		signal(SIGPIPE, SIG_DFL);
		char *const envp[] = {"PATH=/usr/bin:/bin", "LC_ALL=C.UTF-8", NULL};
		execve(argv[0], argv, envp);
		_exit(127);
	}
	close(fds[0]);
	/* A printer that does not read must not block the kiosk. */
	void (*old)(int) = signal(SIGPIPE, SIG_IGN);
	size_t len = strlen(text), off = 0;
	while (off < len) {
		ssize_t w = write(fds[1], text + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	close(fds[1]);
	signal(SIGPIPE, old);
	int status = 0;
	time_t end = time(NULL) + timeout;
	for (;;) {
		pid_t r = waitpid(pid, &status, WNOHANG);
		if (r == pid)
			break;
		if (r < 0 && errno != EINTR) {
			*why = "lost the print command";
			return -1;
		}
		if (time(NULL) >= end) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			*why = "the print command did not finish in time";
			return -1;
		}
		struct timespec ts = {0, 20 * 1000 * 1000};
		nanosleep(&ts, NULL);
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		*why = "the print command could not be started";
		return -1;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		*why = "the print command failed";
		return -1;
	}
	if (off < len) {
		*why = "the print command did not read the whole plan";
		return -1;
	}
	return 0;
}
