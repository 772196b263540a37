/* The vDSO and vvar areas stay at their addresses (a restored process has
 * pointers into them), getauxval(AT_SYSINFO_EHDR) still points at [vdso],
 * and clock_gettime works and moves forward. */
#include "testlib.h"
#include <sys/auxv.h>

static const char *const areas[] = { "[vdso]", "[vvar]", "[vvar_vclock]" };
#define NAREAS 3

int main(void)
{
	char before[NAREAS][256], now[256];
	for (int i = 0; i < NAREAS; i++)
		tl_maps_named(areas[i], before[i], sizeof before[i]);
	if (!before[0][0])
		tl_die("no [vdso] in /proc/self/maps");
	unsigned long ehdr = getauxval(AT_SYSINFO_EHDR);
	struct timespec mono0, real0, mono1, real1, mono2;
	clock_gettime(CLOCK_MONOTONIC, &mono0);
	clock_gettime(CLOCK_REALTIME, &real0);
	tl_ready(NULL);
	tl_wait_go();

	for (int i = 0; i < NAREAS; i++) {
		tl_maps_named(areas[i], now, sizeof now);
		tl_check_same(areas[i], before[i], now);
	}
	tl_check(strtoul(before[0], NULL, 16) == ehdr, "AT_SYSINFO_EHDR %#lx is not the [vdso] start", ehdr);
	tl_check(clock_gettime(CLOCK_MONOTONIC, &mono1) == 0, "clock_gettime(MONOTONIC) failed");
	tl_check(clock_gettime(CLOCK_REALTIME, &real1) == 0, "clock_gettime(REALTIME) failed");
	tl_sleep_ms(20);
	clock_gettime(CLOCK_MONOTONIC, &mono2);
	double t0 = mono0.tv_sec + mono0.tv_nsec / 1e9, t1 = mono1.tv_sec + mono1.tv_nsec / 1e9;
	double t2 = mono2.tv_sec + mono2.tv_nsec / 1e9;
	tl_check(t1 > t0, "CLOCK_MONOTONIC went back: %.6f then %.6f", t0, t1);
	tl_check(t2 - t1 >= 0.019, "CLOCK_MONOTONIC does not move: %.6f then %.6f after 20 ms", t1, t2);
	tl_check(real1.tv_sec + real1.tv_nsec / 1e9 > real0.tv_sec + real0.tv_nsec / 1e9,
		 "CLOCK_REALTIME went back");
	tl_finish();
}
