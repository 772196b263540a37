/*
 * Unit test of the /proc/PID/limits parser (src/res/proc_text.c) on recorded
 * text and odd input. Plain C, libc only; exit 0 = pass.
 *   cc -Isrc -o /tmp/test_limits tests/unit/test_limits.c src/res/proc_text.c
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "res/proc_text.h"

static int failures, passes;

#define CHECK(cond, name) do { \
	if (cond) { printf("PASS %s\n", name); passes++; } \
	else { printf("FAIL %s: (%s:%d)\n", name, __FILE__, __LINE__); failures++; } \
} while (0)

/* Recorded on the build machine (6.18 kernel), trailing blanks included. */
static const char recorded[] =
"Limit                     Soft Limit           Hard Limit           Units     \n"
"Max cpu time              unlimited            unlimited            seconds   \n"
"Max file size             unlimited            unlimited            bytes     \n"
"Max data size             unlimited            unlimited            bytes     \n"
"Max stack size            8388608              unlimited            bytes     \n"
"Max core file size        0                    unlimited            bytes     \n"
"Max resident set          unlimited            unlimited            bytes     \n"
"Max processes             96365                96365                processes \n"
"Max open files            20000                20000                files     \n"
"Max locked memory         8388608              8388608              bytes     \n"
"Max address space         unlimited            unlimited            bytes     \n"
"Max file locks            unlimited            unlimited            locks     \n"
"Max pending signals       96365                96365                signals   \n"
"Max msgqueue size         819200               819200               bytes     \n"
"Max nice priority         0                    0                    \n"
"Max realtime priority     0                    0                    \n"
"Max realtime timeout      unlimited            unlimited            us        \n";

/* recorded with one line replaced (line must match a whole row). */
static void replace_row(char *out, size_t cap, const char *row_prefix, const char *new_row)
{
	const char *p = strstr(recorded, row_prefix);
	const char *eol = strchr(p, '\n');

	snprintf(out, cap, "%.*s%s%s", (int)(p - recorded), recorded, new_row, eol + 1);
}

static int parses(const char *text, const char **bad)
{
	struct limit_row rows[LIMITS_COUNT];

	return parse_limits(text, rows, bad);
}

int main(void)
{
	struct limit_row rows[LIMITS_COUNT];
	const char *bad = "x";
	char buf[4096];

	CHECK(parse_limits(recorded, rows, &bad) == 0 && bad == NULL, "recorded text parses");
	CHECK(rows[RLIMIT_CPU].soft == UINT64_MAX && rows[RLIMIT_CPU].hard == UINT64_MAX,
	      "unlimited is RLIM_INFINITY");
	CHECK(rows[RLIMIT_STACK].soft == 8388608 && rows[RLIMIT_STACK].hard == UINT64_MAX,
	      "stack soft number, hard unlimited");
	CHECK(rows[RLIMIT_NOFILE].soft == 20000 && rows[RLIMIT_NOFILE].hard == 20000 &&
	      !strcmp(rows[RLIMIT_NOFILE].name, "nofile") &&
	      rows[RLIMIT_NOFILE].resource == RLIMIT_NOFILE, "nofile row, name and number");
	CHECK(rows[RLIMIT_FSIZE].soft == UINT64_MAX && rows[RLIMIT_LOCKS].soft == UINT64_MAX,
	      "'Max file size' and 'Max file locks' told apart");
	CHECK(rows[RLIMIT_CORE].soft == 0, "zero value");
	CHECK(rows[RLIMIT_NICE].soft == 0 && rows[RLIMIT_RTPRIO].hard == 0,
	      "rows without units");
	CHECK(rows[RLIMIT_RTTIME].soft == UINT64_MAX && !strcmp(rows[RLIMIT_RTTIME].name, "rttime"),
	      "last row");
	for (int r = 0; r < LIMITS_COUNT; r++)
		if (rows[r].resource != r)
			failures++, printf("FAIL row %d has resource %d\n", r, rows[r].resource);

	replace_row(buf, sizeof(buf), "Max open files",
		    "Max open files            18446744073709551614 18446744073709551614 files\n");
	CHECK(parses(buf, &bad) == 0, "largest finite value");
	CHECK(parse_limits(buf, rows, &bad) == 0 && rows[RLIMIT_NOFILE].soft == UINT64_MAX - 1,
	      "largest finite value kept exactly");

	replace_row(buf, sizeof(buf), "Max open files",
		    "Max open files            18446744073709551616 1 files\n");
	CHECK(parses(buf, &bad) < 0 && !strcmp(bad, "nofile"), "overflow refused, row named");

	replace_row(buf, sizeof(buf), "Max open files", "Max open files            -1 1 files\n");
	CHECK(parses(buf, &bad) < 0, "negative refused");

	replace_row(buf, sizeof(buf), "Max open files", "Max open files            12abc 20 files\n");
	CHECK(parses(buf, &bad) < 0, "trailing garbage in a number refused");

	replace_row(buf, sizeof(buf), "Max open files", "Max open files            unlimitedx 20\n");
	CHECK(parses(buf, &bad) < 0, "word starting with unlimited refused");

	replace_row(buf, sizeof(buf), "Max open files", "Max open files            1024\n");
	CHECK(parses(buf, &bad) < 0 && !strcmp(bad, "nofile"), "missing hard value refused");

	replace_row(buf, sizeof(buf), "Max open files", "");
	CHECK(parses(buf, &bad) < 0 && !strcmp(bad, "nofile"), "missing row named");

	replace_row(buf, sizeof(buf), "Max open files",
		    "Max open files            1 2 files\nMax open files            1 2 files\n");
	CHECK(parses(buf, &bad) < 0 && !strcmp(bad, "nofile"), "repeated row refused");

	replace_row(buf, sizeof(buf), "Max open files",
		    "Max open files            1 2 files\nMax shiny things          5 6 things\n");
	CHECK(parses(buf, &bad) == 0, "unknown row of a newer kernel ignored");

	replace_row(buf, sizeof(buf), "Max open files", "Max open files\t1024\t4096\tfiles\n");
	CHECK(parse_limits(buf, rows, &bad) == 0 && rows[RLIMIT_NOFILE].hard == 4096,
	      "tabs as separators");

	replace_row(buf, sizeof(buf), "Max open files", "Max open filesX           1 2 files\n");
	CHECK(parses(buf, &bad) < 0 && !strcmp(bad, "nofile"), "title must end the name");

	/* no trailing newline on the last row */
	snprintf(buf, sizeof(buf), "%.*s", (int)strlen(recorded) - 1, recorded);
	CHECK(parses(buf, &bad) == 0, "no final newline");

	CHECK(parses("", &bad) < 0 && !strcmp(bad, "cpu"), "empty text names the first row");
	CHECK(parses("\n\n\n", &bad) < 0, "only newlines");

	/* a very long line must be skipped, not overflow */
	memset(buf, 'M', sizeof(buf) - 1);
	buf[sizeof(buf) - 1] = '\0';
	CHECK(parses(buf, &bad) < 0, "one huge line");

	CHECK(!strcmp(limit_name(RLIMIT_MEMLOCK), "memlock") && !strcmp(limit_name(99), "?"),
	      "limit_name");

	printf("%d passed, %d failed\n", passes, failures);
	return failures ? 1 : 0;
}
