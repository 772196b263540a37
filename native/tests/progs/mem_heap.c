/* The heap: brk-grown memory and malloc'd blocks (small ones in the brk
 * heap, a large one mmap'ed by malloc) survive, the break stays where it
 * was, and sbrk/malloc keep working afterwards. */
#include "testlib.h"

#define BLOCKS 500

int main(void)
{
	static unsigned char *block[BLOCKS];
	static size_t size[BLOCKS];
	unsigned char *grown = sbrk(1 << 20);
	if (grown == (void *)-1)
		tl_die("sbrk: %s", strerror(errno));
	tl_fill(grown, 0, 1 << 20, 8);
	for (int i = 0; i < BLOCKS; i++) {
		size[i] = i == 0 ? (8UL << 20) : 16 + (size_t)i * 97 % 20000;
		block[i] = malloc(size[i]);
		if (!block[i])
			tl_die("malloc %zu", size[i]);
		tl_fill(block[i], 0, size[i], 100 + i);
	}
	for (int i = 1; i < BLOCKS; i += 7) { /* holes in the free lists too */
		free(block[i]);
		block[i] = NULL;
	}
	void *brk_before = sbrk(0);
	tl_ready(NULL);
	tl_wait_go();

	tl_check(sbrk(0) == brk_before, "break moved: expected %p got %p", brk_before, sbrk(0));
	long bad = tl_verify(grown, 0, 1 << 20, 8);
	tl_check(bad < 0, "sbrk'ed memory: byte %ld differs", bad);
	for (int i = 0; i < BLOCKS; i++) {
		bad = block[i] ? tl_verify(block[i], 0, size[i], 100 + i) : -1;
		tl_check(bad < 0, "malloc block %d: byte %ld differs", i, bad);
	}
	unsigned char *more = sbrk(4 << 20);
	tl_check(more == brk_before, "sbrk cannot grow after restore: %p", (void *)more);
	if (more == brk_before) {
		tl_fill(more, 0, 4 << 20, 9);
		bad = tl_verify(more, 0, 4 << 20, 9);
		tl_check(bad < 0, "grown memory: byte %ld differs", bad);
	}
	for (int i = 1; i < BLOCKS; i += 7) {
		block[i] = malloc(size[i]);
		tl_check(block[i] != NULL, "malloc after restore failed");
	}
	tl_finish();
}
