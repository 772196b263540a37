/* Anonymous private memory: every byte of a patterned region survives,
 * never-touched pages stay zero, and the mapping keeps its address and
 * flags. A marker string lets the runner find page data inside the image
 * (the bit-flip scenario corrupts it there). */
#include "testlib.h"

#define SIZE (16UL << 20)
#define HOLE_START (4UL << 20) /* [4 MiB, 5 MiB) is never touched */
#define HOLE_END (5UL << 20)
#define MARKER_AT (8 * 4096UL)
#define MARKER "STASIS-PAGE-MARKER-0123456789abcdef"

int main(void)
{
	unsigned char *p = tl_mmap(SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	tl_fill(p, 0, HOLE_START, 1);
	tl_fill(p, HOLE_END, SIZE, 2);
	memcpy(p + MARKER_AT, MARKER, sizeof MARKER);
	char maps_before[512], maps_now[512];
	tl_maps_line(p, maps_before, sizeof maps_before);

	tl_ready(NULL);
	tl_wait_go();

	tl_check(memcmp(p + MARKER_AT, MARKER, sizeof MARKER) == 0, "marker bytes differ");
	long bad = tl_verify(p, 0, MARKER_AT, 1);
	tl_check(bad < 0, "first part: byte %ld differs", bad);
	bad = tl_verify(p, MARKER_AT + sizeof MARKER, HOLE_START, 1);
	tl_check(bad < 0, "first part: byte %ld differs", bad);
	bad = tl_first_nonzero(p + HOLE_START, HOLE_END - HOLE_START);
	tl_check(bad < 0, "untouched region: byte %ld is not 0", bad);
	bad = tl_verify(p, HOLE_END, SIZE, 2);
	tl_check(bad < 0, "second part: byte %ld differs", bad);
	tl_maps_line(p, maps_now, sizeof maps_now);
	tl_check_same("maps line", maps_before, maps_now);
	tl_finish();
}
