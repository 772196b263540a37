/* madvise state: MADV_FREE pages read back either intact or as zeros (the
 * kernel may have reclaimed them), MADV_DONTFORK and MADV_DONTDUMP stay set
 * (smaps VmFlags "dc"/"dd"), and a DONTFORK region is really absent in a
 * child forked after restore. */
#include "testlib.h"

#define SIZE (64 * 4096UL)

static char *map_filled(unsigned long seed)
{
	char *p = tl_mmap(SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	tl_fill(p, 0, SIZE, seed);
	return p;
}

int main(void)
{
	char *lazy = map_filled(12), *nofork = map_filled(13), *nodump = map_filled(14);
	tl_try(madvise(lazy, SIZE, MADV_FREE));
	tl_try(madvise(nofork, SIZE, MADV_DONTFORK));
	tl_try(madvise(nodump, SIZE, MADV_DONTDUMP));
	char fl_nofork[256], fl_nodump[256], now[256];
	tl_smaps_field(nofork, "VmFlags:", fl_nofork, sizeof fl_nofork);
	tl_smaps_field(nodump, "VmFlags:", fl_nodump, sizeof fl_nodump);
	if (!strstr(fl_nofork, "dc") || !strstr(fl_nodump, "dd"))
		tl_die("kernel shows no dc/dd flags: [%s] [%s]", fl_nofork, fl_nodump);
	tl_ready(NULL);
	tl_wait_go();

	for (size_t pg = 0; pg < SIZE / 4096; pg++) {
		long bad = tl_verify(lazy, pg * 4096, (pg + 1) * 4096, 12);
		tl_check(bad < 0 || tl_first_nonzero(lazy + pg * 4096, 4096) < 0,
			 "MADV_FREE page %zu is neither intact nor zero (byte %ld)", pg, bad);
	}
	long bad = tl_verify(nofork, 0, SIZE, 13);
	tl_check(bad < 0, "DONTFORK region: byte %ld differs", bad);
	bad = tl_verify(nodump, 0, SIZE, 14);
	tl_check(bad < 0, "DONTDUMP region: byte %ld differs", bad);
	tl_smaps_field(nofork, "VmFlags:", now, sizeof now);
	tl_check_same("DONTFORK VmFlags", fl_nofork, now);
	tl_smaps_field(nodump, "VmFlags:", now, sizeof now);
	tl_check_same("DONTDUMP VmFlags", fl_nodump, now);
	pid_t child = fork();
	tl_try(child);
	if (child == 0)
		_exit(tl_faults(nofork, 0) ? 0 : 1);
	tl_check_child(child, 0, "child reading the DONTFORK region (must fault)");
	tl_finish();
}
