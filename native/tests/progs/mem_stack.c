/* The stack: data in 2000 frames of a deep recursion is checked frame by
 * frame as the recursion unwinds after restore; the [stack] mapping keeps
 * its place and size. */
#include "testlib.h"

#define DEPTH 2000

/* Out of line: its buffers (and the inlined testlib's) must not be in
 * each of the 2000 frames. */
static __attribute__((noinline)) void bottom(void)
{
	char before[256], now[256];
	tl_maps_named("[stack]", before, sizeof before);
	tl_ready(NULL);
	tl_wait_go();
	tl_maps_named("[stack]", now, sizeof now);
	tl_check_same("[stack] line", before, now);
}

static __attribute__((noinline)) void frame_differs(int depth, size_t i)
{
	tl_fail("frame %d: byte %zu differs", depth, i);
}

static int recurse(int depth)
{
	volatile unsigned char local[256]; /* volatile: kept on the stack */
	for (size_t i = 0; i < sizeof local; i++)
		local[i] = tl_pattern(depth, i);
	int bad = 0;
	if (depth < DEPTH) {
		bad = recurse(depth + 1);
	} else {
		bottom();
	}
	for (size_t i = 0; i < sizeof local; i++)
		if (local[i] != tl_pattern(depth, i)) {
			frame_differs(depth, i);
			return bad + 1;
		}
	return bad;
}

int main(void)
{
	int bad = recurse(0);
	tl_check(bad == 0, "%d frames differ", bad);
	tl_finish();
}
