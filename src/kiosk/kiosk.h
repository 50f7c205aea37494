/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Kiosk mode for reception locations: its configuration, the volunteer's
 * PIN, printing the plan and QR codes for links. The parts here do no
 * terminal I/O; the full-screen interface uses them. */
#ifndef KLANTREIS_KIOSK_H
#define KLANTREIS_KIOSK_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#define KIOSK_CONFIG_DEFAULT "/etc/klantreis/kiosk.conf"
/* Where the count of wrong PINs outlives a restart of the kiosk: /run is
 * a tmpfs (memory, emptied at boot); the kiosk package makes the
 * directory, owned by the kiosk user (tmpfiles.d). */
#define KIOSK_PIN_ATTEMPTS_DEFAULT "/run/klantreis-kiosk/pin-attempts"

struct kiosk_config {
	char *pin_hash;       /* crypt(3) hash: yescrypt ($y$) or SHA-512 ($6$) */
	int idle_seconds;     /* 180 */
	int countdown_seconds; /* 30 */
	char **print_argv;    /* NULL-terminated; NULL: no printer */
	char *language;       /* "picker" or a language code */
	char *volunteer_language; /* the PIN screen and messages for volunteers: "nl" */
	char *pin_attempts_file; /* KIOSK_PIN_ATTEMPTS_DEFAULT; NULL: in memory only */
};

/* Defaults, then the file's `key = value` lines. Comments start with '#'.
 * A missing file at the default path is not an error when `required` is
 * false. On error returns false with *err = "FILE:LINE: message". */
bool kiosk_config_load(struct kiosk_config *c, const char *path, bool required, char **err);
void kiosk_config_free(struct kiosk_config *c);

/* Whether the file at `path` can be read by users other than its owner
 * and group (the PIN hash in it invites an offline search). */
bool kiosk_config_readable_by_others(const char *path);

/* --hash-pin takes PINs of this many characters: a hash that leaks (a
 * readable file, a backup) makes every shorter PIN a matter of minutes. */
#define KIOSK_PIN_MIN 6
#define KIOSK_PIN_MAX 32

/* True when this system's crypt(3) library could be opened (it is opened
 * on first use); else false and *why (when why is not NULL) says why. */
bool kiosk_pin_ready(const char **why);
/* A new hash for `pin` (yescrypt, falling back to SHA-512). malloc'd, or
 * NULL when libcrypt can make neither. */
char *kiosk_pin_hash(const char *pin);
/* True when `pin` matches `hash` (compared in constant time). */
bool kiosk_pin_check(const char *pin, const char *hash);

/* Rate limit for wrong PINs: after the n-th wrong PIN in a row the next
 * try waits 2^(n-1) seconds, at most 300, counted from when the result
 * was known. Times are milliseconds of a monotonic clock: whole seconds
 * of the wall clock would make the first wait anything from 0 to 1 s. */
struct kiosk_pin_guard {
	unsigned fails;
	long long next_try_ms;
	const char *file; /* where the count outlives a restart; NULL: nowhere */
};
/* Whole seconds (rounded up) to wait before a try is allowed (0: now). */
long kiosk_pin_wait(const struct kiosk_pin_guard *g, long long now_ms);
/* Count a try. With g->file set, a wrong one is written there (two
 * numbers: the wrong PINs in a row and when the next try is allowed, on
 * the monotonic clock, which all processes share until the next boot;
 * written to a temporary file and renamed), and a right one removes it.
 * A file that cannot be written leaves the count in memory only. */
void kiosk_pin_result(struct kiosk_pin_guard *g, bool ok, long long now_ms);
/* A new guard that goes on from the count in `file` (NULL: none), left
 * there by a kiosk before this one: restarting gives no fresh tries. A
 * missing file is no count; so is one that does not hold the two numbers
 * (nothing else writes there). A next try more than 300 s away (a file
 * from an earlier boot, when the clock started again) waits 300 s. */
void kiosk_pin_guard_load(struct kiosk_pin_guard *g, const char *file, long long now_ms);

/* A print job: the print command (fork and execve with the configured
 * argument vector, never a shell; its output goes to /dev/null, the
 * screen belongs to curses) reading the plan on its standard input. None
 * of these calls blocks, but kiosk_print_cancel (a killed child is reaped
 * at once) and kiosk_print.
 *
 *   kiosk_print_job_init(&j);
 *   kiosk_print_start(&j, argv, text, len, 30, &why);   (copies text)
 *   while ((r = kiosk_print_step(&j, &why)) == 1)  ... other work ...
 *   (or kiosk_print_cancel(&j) to give up)
 *
 * Reasons are static English strings. The job's copy of the plan is
 * wiped when the job ends. */
struct kiosk_print_job {
	pid_t pid;        /* the print command; 0: no job */
	int fd;           /* the pipe to it (non-blocking); -1 when closed */
	char *text;       /* the plan; wiped and freed at the end */
	size_t len, off;  /* written so far */
	bool short_write; /* it stopped reading before the end */
	long long deadline; /* CLOCK_MONOTONIC ms: then it is killed */
};
void kiosk_print_job_init(struct kiosk_print_job *j);
/* 0: started; -1 with *why. */
int kiosk_print_start(struct kiosk_print_job *j, char *const argv[], const char *text, size_t len,
		      int timeout, const char **why);
/* Write what the pipe takes, look whether the command ended. 1: still
 * busy; 0: it read the whole plan and exited 0; -1: it failed, did not
 * read everything, or ran past the timeout (then it is killed). After 0
 * or -1 the job is over. */
int kiosk_print_step(struct kiosk_print_job *j, const char **why);
bool kiosk_print_busy(const struct kiosk_print_job *j);
/* Kill the print command (if any) and end the job. */
void kiosk_print_cancel(struct kiosk_print_job *j);
/* The whole job at once, waiting for it (at most `timeout` seconds). */
int kiosk_print(char *const argv[], const char *text, int timeout, const char **why);
/* Whether the print command's program exists and may be run; false with
 * a static English reason in *why (checked at start, so that a kiosk
 * never offers printing that cannot work). */
bool kiosk_print_usable(char *const argv[], const char **why);

/* A QR code as a square of modules (true = dark), with no quiet zone. */
struct kiosk_qr {
	int size;
	unsigned char *dark; /* size*size */
};
bool kiosk_qr_make(const char *text, struct kiosk_qr *qr);
void kiosk_qr_free(struct kiosk_qr *qr);
/* The code with a 2-module quiet zone as lines of half-block characters
 * (▀ ▄ █ and space: two module rows a line), each malloc'd; *n lines.
 * `dark_glyph` true: a glyph's ink is a dark module (draw with dark ink on
 * a light cell). */
char **kiosk_qr_halfblocks(const struct kiosk_qr *qr, size_t *n);

#endif
