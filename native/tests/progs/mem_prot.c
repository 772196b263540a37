/* Every protection: r--, rw-, r-x, --x, rwx mappings and a region with
 * mprotect'ed subranges keep their exact maps lines and their contents. */
#include "testlib.h"

#define NPROT 5
static const int prots[NPROT] = {
	PROT_READ, PROT_READ | PROT_WRITE, PROT_READ | PROT_EXEC, PROT_EXEC,
	PROT_READ | PROT_WRITE | PROT_EXEC,
};

int main(void)
{
	/* One reservation, carved up, so all lines sit in one address range. */
	size_t span = (NPROT * 2 + 16) * 4096UL;
	char *base = tl_mmap(span, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	tl_fill(base, 0, span, 11);
	for (int i = 0; i < NPROT; i++) /* every other page: keeps them separate VMAs */
		tl_try(mprotect(base + 2 * i * 4096, 4096, prots[i]));
	char *sub = base + NPROT * 2 * 4096;
	tl_try(mprotect(sub + 2 * 4096, 2 * 4096, PROT_READ));
	tl_try(mprotect(sub + 5 * 4096, 4096, PROT_NONE));
	tl_try(mprotect(sub + 7 * 4096, 3 * 4096, PROT_READ | PROT_EXEC));
	tl_try(mprotect(sub + 12 * 4096, 4096, PROT_WRITE | PROT_EXEC | PROT_READ));
	char before[4096], now[4096];
	tl_maps_range(base, base + span, before, sizeof before);
	tl_ready(NULL);
	tl_wait_go();

	tl_maps_range(base, base + span, now, sizeof now);
	tl_check_same("maps lines", before, now);
	for (size_t pg = 0; pg < span / 4096; pg++) {
		int readable = pg < NPROT * 2 ? (pg % 2 || prots[pg / 2] & PROT_READ) : pg - NPROT * 2 != 5;
		long bad = readable ? tl_verify(base, pg * 4096, (pg + 1) * 4096, 11) : -1;
		tl_check(bad < 0, "page %zu: byte %ld differs", pg, bad);
	}
	tl_check(tl_faults(base, 1), "write to the r-- page did not fault");
	tl_check(tl_faults(sub + 2 * 4096, 1), "write to the mprotect'ed r-- range did not fault");
	tl_check(!tl_faults(base + 2 * 4096 * 4, 1), "write to the rwx page faulted");
	tl_finish();
}
