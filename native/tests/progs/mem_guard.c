/* Guard pages: a PROT_NONE page inside a read-write region and a separate
 * PROT_NONE mapping stay PROT_NONE (same maps lines) and still fault. */
#include "testlib.h"

int main(void)
{
	char *region = tl_mmap(3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	char *guard = tl_mmap(4096, PROT_NONE, MAP_PRIVATE);
	tl_fill(region, 0, 3 * 4096, 10);
	tl_try(mprotect(region + 4096, 4096, PROT_NONE));
	char before[1024], now[1024], gbefore[256], gnow[256];
	tl_maps_range(region, region + 3 * 4096, before, sizeof before);
	tl_maps_line(guard, gbefore, sizeof gbefore);
	tl_ready(NULL);
	tl_wait_go();

	tl_maps_range(region, region + 3 * 4096, now, sizeof now);
	tl_check_same("region maps", before, now);
	tl_maps_line(guard, gnow, sizeof gnow);
	tl_check_same("guard maps", gbefore, gnow);
	tl_check(strstr(now, "---p") != NULL, "no PROT_NONE part left in [%s]", now);
	tl_check(tl_faults(region + 4096, 1), "write to the inner guard page did not fault");
	tl_check(tl_faults(region + 4096 + 100, 0), "read of the inner guard page did not fault");
	tl_check(tl_faults(guard, 1), "write to the guard mapping did not fault");
	long bad = tl_verify(region, 0, 4096, 10);
	tl_check(bad < 0, "page before the guard: byte %ld differs", bad);
	bad = tl_verify(region, 2 * 4096, 3 * 4096, 10);
	tl_check(bad < 0, "page after the guard: byte %ld differs", bad);
	tl_check(!tl_faults(region + 2 * 4096, 1), "write after the guard page faulted");
	tl_finish();
}
