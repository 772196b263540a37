/* Anonymous shared memory between a parent and its forked child must stay
 * one object after restore: the child writes, the parent sees the write. */
#include "testlib.h"

#define SIZE (1UL << 20)

/* The maps line without its device and inode: a shared anonymous mapping
 * is backed by a fresh shmem inode after restore (no tool can keep it). */
static void without_inode(const void *addr, char *out, size_t size)
{
	char line[512], perms[8], path[256] = "";
	unsigned long lo, hi, off;
	tl_maps_line(addr, line, sizeof line);
	sscanf(line, "%lx-%lx %7s %lx %*s %*s %255[^\n]", &lo, &hi, perms, &off, path);
	snprintf(out, size, "%lx-%lx %s %lx %s", lo, hi, perms, off, path);
}

int main(void)
{
	unsigned char *p = tl_mmap(SIZE, PROT_READ | PROT_WRITE, MAP_SHARED);
	tl_fill(p, 0, SIZE, 3);
	pid_t child = fork();
	tl_try(child);
	if (child == 0) {
		tl_wait_go();
		long bad = tl_verify(p, 0, SIZE, 3);
		tl_check(bad < 0, "child: shared byte %ld differs", bad);
		tl_fill(p, 0, SIZE / 2, 4); /* the parent must see this */
		exit(tl_status());
	}
	char maps_before[512], maps_now[512];
	without_inode(p, maps_before, sizeof maps_before);
	tl_ready(NULL);
	tl_wait_go();
	tl_check_child(child, 0, "child");
	long bad = tl_verify(p, 0, SIZE / 2, 4);
	tl_check(bad < 0, "parent does not see the child's write: byte %ld", bad);
	bad = tl_verify(p, SIZE / 2, SIZE, 3);
	tl_check(bad < 0, "second half: byte %ld differs", bad);
	without_inode(p, maps_now, sizeof maps_now);
	tl_check_same("maps line", maps_before, maps_now);
	tl_finish();
}
