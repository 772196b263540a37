/*
 * Filesystem and scheduling state: cwd (a subdirectory), umask 027, nice 5,
 * and all 16 rlimits lowered (the soft and hard limits, what an
 * unprivileged process may do). After restore getrlimit gives what
 * /proc/self/limits said before, and the limits text is unchanged.
 */
#include "testlib.h"
#include <limits.h>
#include <sys/resource.h>

#define NLIMITS 16

/* /proc/self/limits: one line per resource in resource order; the values
 * start at column 26 ("unlimited" or a number, soft then hard). */
static void parse_limits(const char *text, struct rlimit out[NLIMITS])
{
	const char *line = strchr(text, '\n') + 1; /* skip the heading */
	for (int r = 0; r < NLIMITS && line; r++) {
		char *end;
		const char *v = line + 26;
		while (*v == ' ')
			v++;
		out[r].rlim_cur = strncmp(v, "unlimited", 9) ? strtoull(v, &end, 10) : RLIM_INFINITY;
		v += strncmp(v, "unlimited", 9) ? (size_t)(end - v) : 9;
		out[r].rlim_max = strncmp(v + strspn(v, " "), "unlimited", 9)
			? strtoull(v, NULL, 10) : RLIM_INFINITY;
		line = strchr(line, '\n');
		line = line ? line + 1 : NULL;
	}
}

static rlim_t lower(rlim_t v, rlim_t cap)
{
	if (v == RLIM_INFINITY)
		return cap;
	return v > 1 ? v - 1 : v;
}

int main(void)
{
	tl_try(mkdir("sub", 0755));
	tl_try(chdir("sub"));
	umask(027);
	tl_try(setpriority(PRIO_PROCESS, 0, 5));
	for (int r = 0; r < NLIMITS; r++) {
		struct rlimit l;
		tl_try(getrlimit(r, &l));
		l.rlim_max = lower(l.rlim_max, 1ULL << 40);
		l.rlim_cur = l.rlim_cur == RLIM_INFINITY || l.rlim_cur > l.rlim_max ? l.rlim_max : lower(l.rlim_cur, 0);
		if (r == RLIMIT_NOFILE && l.rlim_cur < 64)
			l.rlim_cur = 64;
		if (setrlimit(r, &l) < 0)
			tl_die("setrlimit(%d): %s", r, strerror(errno));
	}
	char *limits = tl_read_file("/proc/self/limits", NULL);
	struct rlimit want[NLIMITS];
	parse_limits(limits, want);
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof cwd))
		tl_die("getcwd");
	tl_ready(NULL);
	tl_wait_go();

	char now[PATH_MAX];
	tl_check(getcwd(now, sizeof now) && strcmp(now, cwd) == 0, "cwd: expected %s got %s", cwd, now);
	mode_t mask = umask(0);
	tl_check(mask == 027, "umask: expected 027 got %03o", mask);
	errno = 0;
	int nice = getpriority(PRIO_PROCESS, 0);
	tl_check(nice == 5, "nice: expected 5 got %d", nice);
	for (int r = 0; r < NLIMITS; r++) {
		struct rlimit l;
		getrlimit(r, &l);
		tl_check(l.rlim_cur == want[r].rlim_cur && l.rlim_max == want[r].rlim_max,
			 "rlimit %d: expected %llu/%llu got %llu/%llu", r,
			 (unsigned long long)want[r].rlim_cur, (unsigned long long)want[r].rlim_max,
			 (unsigned long long)l.rlim_cur, (unsigned long long)l.rlim_max);
	}
	char *limits_now = tl_read_file("/proc/self/limits", NULL);
	tl_check_same("/proc/self/limits", limits, limits_now);
	tl_finish();
}
