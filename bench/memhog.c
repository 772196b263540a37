/*
 * The benchmark's subject: MIB MiB of touched anonymous memory.
 *   memhog DIR [MIB]   fills the memory, writes DIR/ready ("pid=N\nsum=X\n"
 *   \nfill_s=..\nsum_s=..), then waits for DIR/go; on go it recomputes the
 *   checksum and writes DIR/answer ("ok" or "bad"), and waits again for
 *   DIR/go to disappear and reappear (so one process can answer after each
 *   of several restores of the same image).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static uint64_t checksum(const uint64_t *w, size_t n)
{
	uint64_t sum = 0;
	for (size_t i = 0; i < n; i++)
		sum = (sum ^ w[i]) * 0x100000001b3ULL;
	return sum;
}

static void put(const char *dir, const char *name, const char *text)
{
	char path[4096], tmp[4200];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	FILE *f = fopen(tmp, "w");
	if (!f || fputs(text, f) < 0 || fclose(f) || rename(tmp, path))
		exit(2);
}

static void wait_for(const char *path, int present)
{
	struct timespec tick = { 0, 2000000 };
	while ((access(path, F_OK) == 0) != present)
		nanosleep(&tick, NULL);
}

int main(int argc, char **argv)
{
	const char *dir = argv[1];
	size_t size = (size_t)(argc > 2 ? atol(argv[2]) : 1024) << 20, n = size / 8;
	uint64_t *w = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (w == MAP_FAILED)
		return 2;
	double t0 = now();
	for (size_t i = 0; i < n; i++) /* no page of it is zero or alike */
		w[i] = (i + 1) * 0x9e3779b97f4a7c15ULL;
	double t1 = now();
	uint64_t want = checksum(w, n);
	double t2 = now();
	char text[256], go[4096];
	snprintf(text, sizeof text, "pid=%d\nsum=%llx\nfill_s=%.3f\nsum_s=%.3f\n", getpid(),
		 (unsigned long long)want, t1 - t0, t2 - t1);
	put(dir, "ready", text);
	snprintf(go, sizeof go, "%s/go", dir);
	for (;;) {
		wait_for(go, 1);
		put(dir, "answer", checksum(w, n) == want ? "ok\n" : "bad\n");
		wait_for(go, 0);
	}
}
