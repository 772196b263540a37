/*
 * Minimal unit-test support: one line per case, "PASS name" or
 * "FAIL name: why", and an exit status of 0 only if every case passed.
 *
 *	static void t_roundtrip(void) { CHECK(x == 1, "x is %d", x); }
 *	int main(void) { RUN(t_roundtrip); return unit_done(); }
 */
#ifndef STASIS_UNIT_H
#define STASIS_UNIT_H

#include <stdio.h>
#include <stdlib.h>

static int unit_failed, unit_passed, unit_case_failed;
static const char *unit_case;

/* Fail the current case (once) and return from the test function. */
#define CHECK(cond, ...)                                                       \
	do {                                                                   \
		if (!(cond)) {                                                 \
			if (!unit_case_failed) {                               \
				printf("FAIL %s: ", unit_case);                \
				printf(__VA_ARGS__);                           \
				printf(" (%s:%d)\n", __FILE__, __LINE__);      \
				fflush(stdout);                                \
			}                                                      \
			unit_case_failed = 1;                                  \
			return;                                                \
		}                                                              \
	} while (0)

#define RUN(fn)                                                                \
	do {                                                                   \
		unit_case = #fn;                                               \
		unit_case_failed = 0;                                          \
		fn();                                                          \
		if (unit_case_failed) {                                        \
			unit_failed++;                                         \
		} else {                                                       \
			unit_passed++;                                         \
			printf("PASS %s\n", #fn);                              \
		}                                                              \
		fflush(stdout);                                                \
	} while (0)

static inline int unit_done(void)
{
	printf("%d passed, %d failed\n", unit_passed, unit_failed);
	return unit_failed ? 1 : 0;
}

#endif
