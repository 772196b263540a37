/* A private file mapping with some dirty pages: dirty bytes are kept, clean
 * pages still match the file, and the file itself is untouched. */
#include "testlib.h"
#include <sys/mman.h>

#define PAGES 16
#define SIZE (PAGES * 4096UL)

static int dirty(size_t page) { return page == 1 || page == 3 || page == 10; }

int main(void)
{
	static unsigned char buf[SIZE];
	tl_fill(buf, 0, SIZE, 6);
	int fd = open("data.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
	tl_try(fd);
	if (write(fd, buf, SIZE) != (ssize_t)SIZE)
		tl_die("write data.bin");
	unsigned char *p = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED)
		tl_die("mmap: %s", strerror(errno));
	close(fd);
	for (size_t pg = 0; pg < PAGES; pg++)
		if (dirty(pg))
			tl_fill(p, pg * 4096, (pg + 1) * 4096, 7);
	char maps_before[512], maps_now[512];
	tl_maps_line(p, maps_before, sizeof maps_before);
	tl_ready(NULL);
	tl_wait_go();

	for (size_t pg = 0; pg < PAGES; pg++) {
		long bad = tl_verify(p, pg * 4096, (pg + 1) * 4096, dirty(pg) ? 7 : 6);
		tl_check(bad < 0, "%s page %zu: byte %ld differs", dirty(pg) ? "dirty" : "clean", pg, bad);
	}
	size_t len;
	unsigned char *file = (unsigned char *)tl_read_file("data.bin", &len);
	tl_check(file && len == SIZE, "data.bin: size %zu, expected %lu", len, SIZE);
	long bad = file ? tl_verify(file, 0, len, 6) : 0;
	tl_check(bad < 0, "data.bin changed at byte %ld", bad);
	tl_maps_line(p, maps_now, sizeof maps_now);
	tl_check_same("maps line", maps_before, maps_now);
	tl_finish();
}
