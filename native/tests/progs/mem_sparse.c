/* A sparse process: 8 GiB reserved (MAP_NORESERVE), 10 MiB touched across
 * it. Only touched pages may go into the image (the runner checks its
 * size); here: the touched pages are intact, the region's RSS did not grow
 * to its size, and untouched pages read zero. */
#include "testlib.h"

#define SPAN (8UL << 30)
#define TOUCHED 2560UL /* pages: 10 MiB */
#define STRIDE (SPAN / TOUCHED / 4096 * 4096)

static long region_rss_kb(const void *addr)
{
	char rss[64];
	tl_smaps_field(addr, "Rss:", rss, sizeof rss);
	return rss[0] ? strtol(rss, NULL, 10) : -1;
}

int main(void)
{
	char *p = tl_mmap(SPAN, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_NORESERVE);
	for (size_t k = 0; k < TOUCHED; k++)
		tl_fill(p + k * STRIDE, 0, 4096, 1000 + k);
	long rss_before = region_rss_kb(p);
	tl_ready(NULL);
	tl_wait_go();

	long rss = region_rss_kb(p);
	tl_check(rss > 0 && rss <= rss_before + 1024,
		 "region RSS %ld KiB after restore, %ld KiB before", rss, rss_before);
	for (size_t k = 0; k < TOUCHED; k++) {
		long bad = tl_verify(p + k * STRIDE, 0, 4096, 1000 + k);
		tl_check(bad < 0, "touched page %zu: byte %ld differs", k, bad);
		if (k % 64 == 0) { /* a sample of the gaps */
			bad = tl_first_nonzero(p + k * STRIDE + 4096, 4096);
			tl_check(bad < 0, "untouched page after %zu: byte %ld not 0", k, bad);
		}
	}
	tl_finish();
}
