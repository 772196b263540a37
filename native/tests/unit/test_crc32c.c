/* CRC32C: known vectors, hardware and table paths agree on every length
 * and alignment, chaining, and throughput (STASIS_BENCH=1 for 1 GiB). */
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "crc32c_impl.h"
#include "image.h"
#include "unit.h"

static void t_vectors(void)
{
	uint8_t zeros[32] = { 0 }, ones[32], inc[32];

	for (int i = 0; i < 32; i++) {
		ones[i] = 0xff;
		inc[i] = (uint8_t)i;
	}
	/* RFC 3720 appendix B.4 and the classic check value */
	CHECK(crc32c(0, "123456789", 9) == 0xe3069283, "check value %08x", crc32c(0, "123456789", 9));
	CHECK(crc32c(0, zeros, 32) == 0x8a9136aa, "32 zeros %08x", crc32c(0, zeros, 32));
	CHECK(crc32c(0, ones, 32) == 0x62a8ab43, "32 ones %08x", crc32c(0, ones, 32));
	CHECK(crc32c(0, inc, 32) == 0x46dd794e, "incrementing %08x", crc32c(0, inc, 32));
	CHECK(crc32c(0, "", 0) == 0, "empty");
}

static void t_paths_agree(void)
{
	size_t n = 3 * 8192 * 2 + 3 * 256 * 3 + 77;
	uint8_t *buf = malloc(n + 8);
	uint64_t x = 88172645463325252ull;

	for (size_t i = 0; i < n + 8; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		buf[i] = (uint8_t)x;
	}
	if (!crc32c_hw_available())
		printf("# no SSE4.2: only the table path is tested\n");
	for (size_t align = 0; align < 8; align++) {
		for (size_t len = 0; len <= n; len += len < 100 ? 1 : 997) {
			uint32_t sw = crc32c_sw(0x12345678, buf + align, len);

			if (crc32c_hw_available() && crc32c_hw(0x12345678, buf + align, len) != sw) {
				free(buf);
				CHECK(0, "hw and sw differ at align %zu len %zu", align, len);
			}
			if (crc32c(0x12345678, buf + align, len) != sw) {
				free(buf);
				CHECK(0, "dispatch differs at align %zu len %zu", align, len);
			}
		}
	}
	free(buf);
}

static void t_chaining(void)
{
	const char *s = "The quick brown fox jumps over the lazy dog";
	size_t n = strlen(s);
	uint32_t whole = crc32c(0, s, n);

	for (size_t cut = 0; cut <= n; cut++)
		CHECK(crc32c(crc32c(0, s, cut), s + cut, n - cut) == whole, "cut at %zu", cut);
}

static double gbps(uint32_t (*fn)(uint32_t, const void *, size_t), const uint8_t *buf, size_t len)
{
	struct timespec a, b;
	volatile uint32_t sink;

	clock_gettime(CLOCK_MONOTONIC, &a);
	sink = fn(0, buf, len);
	clock_gettime(CLOCK_MONOTONIC, &b);
	(void)sink;
	return (double)len / ((double)(b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec));
}

static void t_throughput(void)
{
	size_t len = getenv("STASIS_BENCH") ? 1ul << 30 : 64ul << 20;
	uint8_t *buf = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(buf != MAP_FAILED, "mmap %zu", len);
	memset(buf, 0x5a, len); /* fault it in: measure the CRC, not page faults */
	gbps(crc32c, buf, len); /* warm up */
	printf("# crc32c over %zu MiB: dispatch %.2f GB/s, table %.2f GB/s", len >> 20,
	       gbps(crc32c, buf, len), gbps(crc32c_sw, buf, len));
	if (crc32c_hw_available())
		printf(", sse4.2 3-way %.2f GB/s", gbps(crc32c_hw, buf, len));
	printf("\n");
	munmap(buf, len);
}

int main(void)
{
	RUN(t_vectors);
	RUN(t_paths_agree);
	RUN(t_chaining);
	RUN(t_throughput);
	return unit_done();
}
