/*
 * The test-program protocol, shared by every program in tests/progs/.
 *
 *   PROG STATEDIR [args]   cwd = STATEDIR, output appended to STATEDIR/log
 *   1. set the state up, record what it should be after restore;
 *   2. tl_ready(): write STATEDIR/ready atomically (pid= plus key=value lines);
 *   3. tl_wait_go(): poll for STATEDIR/go (the checkpoint happens meanwhile);
 *   4. verify with tl_check(); tl_finish() writes STATEDIR/result
 *      ("PASS" or "FAIL: ...") and exits 0 or 1.
 *
 * Everything is static inline so each program is one translation unit and
 * tests.mk needs no extra objects. Helpers use only async-safe-ish libc calls
 * and never allocate in the wait loop, so the state under test is not
 * disturbed while the engine freezes, dumps and restores the process.
 */
#ifndef STASIS_TESTLIB_H
#define STASIS_TESTLIB_H

#ifndef _GNU_SOURCE /* strchrnul, and whatever a program needs: include this first */
#define _GNU_SOURCE
#endif

#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char tl_failures[4096]; /* first failures, "; "-separated */
static int tl_nfail;
static const char *tl_note; /* said after PASS: what was not tested here */
static char tl_dir[2048];  /* STATEDIR: programs may chdir away from it */
static char tl_go[2100];   /* STATEDIR/go, built once: the wait loop allocates nothing */

__attribute__((constructor)) static void tl_init(void)
{
	if (!getcwd(tl_dir, sizeof tl_dir))
		_exit(3);
	snprintf(tl_go, sizeof tl_go, "%s/go", tl_dir);
}

/* Write STATEDIR/name atomically (temp + rename): the runner never reads half. */
static inline void tl_write_file(const char *name, const char *text)
{
	char path[2300], tmp[2400];
	snprintf(path, sizeof path, "%s/%s", tl_dir, name);
	snprintf(tmp, sizeof tmp, "%s.tmp.%d", path, (int)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text) ||
	    close(fd) != 0 || rename(tmp, path) != 0) {
		fprintf(stderr, "cannot write %s: %s\n", path, strerror(errno));
		_exit(3);
	}
}

/* Record a failure (printf-style); the first ones go into the result. */
static inline void tl_fail(const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fprintf(stderr, "[%d] FAIL: %s\n", (int)getpid(), msg);
	size_t used = strlen(tl_failures);
	if (used < sizeof tl_failures - 1)
		snprintf(tl_failures + used, sizeof tl_failures - used, "%s%s",
			 tl_nfail ? "; " : "", msg);
	tl_nfail++;
}

#define tl_check(cond, ...) do { if (!(cond)) tl_fail(__VA_ARGS__); } while (0)

/* Verdict of this process as an exit status (children report this way). */
static inline int tl_status(void)
{
	return tl_nfail ? 1 : 0;
}

/* Write STATEDIR/result and exit: the root process ends with this. */
static inline void tl_finish(void)
{
	char text[sizeof tl_failures + 16];
	if (tl_nfail)
		snprintf(text, sizeof text, "FAIL: %s\n", tl_failures);
	else
		snprintf(text, sizeof text, "PASS%s%s\n", tl_note ? " " : "", tl_note ? tl_note : "");
	fflush(NULL);
	tl_write_file("result", text);
	exit(tl_status());
}

/* Setup went wrong: there is nothing to checkpoint, report and stop now. */
#define tl_die(...) do { tl_fail("setup: " __VA_ARGS__); tl_finish(); } while (0)
#define tl_try(expr) do { if ((expr) < 0) tl_die("%s: %s", #expr, strerror(errno)); } while (0)

/* mmap anonymous memory or give up (setup only). */
static inline void *tl_mmap(size_t size, int prot, int flags)
{
	void *p = mmap(NULL, size, prot, flags | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		tl_die("mmap %zu bytes: %s", size, strerror(errno));
	return p;
}

/* Announce readiness; extra is "key=value\n" lines (may be NULL). */
static inline void tl_ready(const char *extra)
{
	char text[4096];
	snprintf(text, sizeof text, "pid=%d\n%s", (int)getpid(), extra ? extra : "");
	fflush(NULL);
	tl_write_file("ready", text);
}

static inline void tl_sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* The checkpoint happens while a process sits here. */
static inline void tl_wait_go(void)
{
	while (access(tl_go, F_OK) != 0)
		tl_sleep_ms(5);
}

/* Like tl_wait_go, but keeps STATEDIR/count moving so the runner can see
 * from outside that the process still runs (after a refused dump). */
static inline void tl_wait_go_counting(void)
{
	char path[2300];
	snprintf(path, sizeof path, "%s/count", tl_dir);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	unsigned long n = 0;
	char buf[32];
	while (access(tl_go, F_OK) != 0) {
		int len = snprintf(buf, sizeof buf, "%020lu\n", ++n);
		if (fd < 0 || pwrite(fd, buf, len, 0) != len)
			tl_die("count: %s", strerror(errno));
		tl_sleep_ms(5);
	}
	close(fd);
}

/* Read a whole (small, /proc) file into a NUL-terminated malloc'd buffer. */
static inline char *tl_read_file(const char *path, size_t *len_out)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return NULL;
	size_t cap = 65536, len = 0;
	char *buf = malloc(cap);
	ssize_t n;
	while (buf && (n = read(fd, buf + len, cap - len - 1)) > 0) {
		len += n;
		if (cap - len < 2)
			buf = realloc(buf, cap *= 2);
	}
	close(fd);
	if (buf)
		buf[len] = 0;
	if (len_out)
		*len_out = len;
	return buf;
}

/* The lines of /proc/self/status starting with the given keys ("CapEff:"),
 * joined into out: compare them before and after the checkpoint. */
static inline void tl_status_lines(const char *const keys[], int n, char *out, size_t size)
{
	char *status = tl_read_file("/proc/self/status", NULL);
	size_t used = 0;
	out[0] = 0;
	for (int i = 0; i < n && status; i++) {
		char *at = strstr(status, keys[i]);
		if (at && used < size)
			used += snprintf(out + used, size - used, "%.*s ", (int)strcspn(at, "\n"), at);
	}
	free(status);
}

/* The /proc/self/maps lines of the mappings starting in [lo, hi), copied
 * into out: compare them before and after the checkpoint. */
static inline void tl_maps_range(const void *lo, const void *hi, char *out, size_t size)
{
	char *maps = tl_read_file("/proc/self/maps", NULL);
	size_t used = 0;
	out[0] = 0;
	for (char *line = maps; line && *line;) {
		char *end = strchrnul(line, '\n');
		unsigned long start = strtoul(line, NULL, 16);
		if (start >= (unsigned long)lo && start < (unsigned long)hi && used < size)
			used += snprintf(out + used, size - used, "%.*s\n", (int)(end - line), line);
		line = *end ? end + 1 : end;
	}
	free(maps);
}

/* The maps line of the mapping that starts at addr ("" if none). */
static inline void tl_maps_line(const void *addr, char *out, size_t size)
{
	tl_maps_range(addr, (const char *)addr + 1, out, size);
}

/* The maps line of the mapping named name ("[stack]", "[vdso]"), "" if none. */
static inline void tl_maps_named(const char *name, char *out, size_t size)
{
	char *maps = tl_read_file("/proc/self/maps", NULL);
	out[0] = 0;
	for (char *line = maps; line && *line;) {
		char *end = strchrnul(line, '\n');
		size_t len = end - line, nlen = strlen(name);
		if (len >= nlen && memcmp(end - nlen, name, nlen) == 0 && (len == nlen || end[-nlen - 1] == ' ')) {
			snprintf(out, size, "%.*s", (int)len, line);
			break;
		}
		line = *end ? end + 1 : end;
	}
	free(maps);
}

/* The value of one field ("VmFlags:", "Rss:") of the smaps entry of the
 * mapping that starts at addr ("" if none). */
static inline void tl_smaps_field(const void *addr, const char *field, char *out, size_t size)
{
	char key[32], fkey[64]; /* "\nADDR-": a start address, not the tail of another */
	snprintf(key, sizeof key, "\n%lx-", (unsigned long)addr);
	snprintf(fkey, sizeof fkey, "\n%s", field);
	char *smaps = tl_read_file("/proc/self/smaps", NULL);
	char *at = smaps ? strstr(smaps, key) : NULL;
	char *value = at ? strstr(at + 1, fkey) : NULL;
	out[0] = 0;
	if (value) {
		value += strlen(fkey);
		value += strspn(value, " \t");
		snprintf(out, size, "%.*s", (int)strcspn(value, "\n"), value);
	}
	free(smaps);
}

/* Compare a text snapshot taken before the checkpoint with one taken now. */
static inline void tl_check_same(const char *what, const char *before, const char *now)
{
	tl_check(strcmp(before, now) == 0, "%s changed: expected [%s] got [%s]", what, before, now);
}

/* Wait for a child and check it exited with want (its own verdict). */
static inline void tl_check_child(pid_t pid, int want, const char *what)
{
	int st;
	pid_t got = waitpid(pid, &st, 0);
	if (got != pid)
		tl_fail("%s (pid %d): waitpid: %s", what, (int)pid, strerror(errno));
	else if (!WIFEXITED(st) || WEXITSTATUS(st) != want)
		tl_fail("%s (pid %d): expected exit %d, got status 0x%x", what,
			(int)pid, want, st);
}

/* A pattern that depends on seed and position, so a page moved, lost or
 * duplicated shows up. Fill/verify bytes [from, to) of p at their absolute
 * positions, so part of a region can be checked or rewritten alone. */
static inline unsigned char tl_pattern(unsigned long seed, size_t i)
{
	unsigned long x = (i / 8 + 1) * 0x9e3779b97f4a7c15UL ^ (seed * 0xbf58476d1ce4e5b9UL);
	return (unsigned char)(x >> (8 * (i % 8)));
}

static inline void tl_fill(void *p, size_t from, size_t to, unsigned long seed)
{
	for (size_t i = from; i < to; i++)
		((unsigned char *)p)[i] = tl_pattern(seed, i);
}

/* Index of the first byte in [from, to) that differs, or -1. */
static inline long tl_verify(const void *p, size_t from, size_t to, unsigned long seed)
{
	for (size_t i = from; i < to; i++)
		if (((const unsigned char *)p)[i] != tl_pattern(seed, i))
			return (long)i;
	return -1;
}

/* Index of the first non-zero byte, or -1 (pages never written read 0). */
static inline long tl_first_nonzero(const void *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (((const unsigned char *)p)[i])
			return (long)i;
	return -1;
}

static sigjmp_buf tl_fault_jmp;
static void tl_on_fault(int sig) { siglongjmp(tl_fault_jmp, sig); }

/* Does touching addr (a write if write, else a read) fault? SIGSEGV and
 * SIGBUS are caught for the probe only, then set back to default. */
static inline int tl_faults(void *addr, int write)
{
	struct sigaction sa = { .sa_handler = tl_on_fault }, old_segv, old_bus;
	sigaction(SIGSEGV, &sa, &old_segv);
	sigaction(SIGBUS, &sa, &old_bus);
	int faulted = sigsetjmp(tl_fault_jmp, 1) != 0;
	if (!faulted) {
		if (write)
			*(volatile char *)addr = 1;
		else
			(void)*(volatile char *)addr;
	}
	sigaction(SIGSEGV, &old_segv, NULL);
	sigaction(SIGBUS, &old_bus, NULL);
	return faulted;
}

#endif
