/*
 * CRC32C (Castagnoli, reflected polynomial 0x82f63b78), the checksum of
 * every image section.
 *
 * Page data is checksummed while a dump holds the tree frozen, so speed
 * matters: on x86_64 with SSE4.2 the crc32 instruction is used on three
 * independent streams at once (the instruction has a latency of 3 cycles
 * but a throughput of 1, so one stream leaves two thirds of the unit idle),
 * and the three partial CRCs are joined with precomputed "shift by N zero
 * bytes" tables. Elsewhere a slicing-by-8 table does 8 bytes per step.
 * The approach follows Mark Adler's public-domain crc32c.c.
 */
#include "crc32c_impl.h"
#include "image.h"

#include <pthread.h>
#include <string.h>

#define POLY 0x82f63b78u

/* Stream lengths for the interleaved loop: LONG for the bulk, SHORT for
 * what is left, then single 8-byte steps. */
#define LONG 8192
#define SHORT 256

static uint32_t table[8][256];      /* slicing-by-8 */
static uint32_t shift_long[4][256]; /* state * x^(8*LONG) mod P, by byte */
static uint32_t shift_short[4][256];
static bool have_hw;
static pthread_once_t init_once = PTHREAD_ONCE_INIT;

/* a * b modulo P, both reflected polynomials (bit 31 is x^0). */
static uint32_t multmodp(uint32_t a, uint32_t b)
{
	uint32_t m = 1u << 31, p = 0;

	for (;;) {
		if (a & m) {
			p ^= b;
			if ((a & (m - 1)) == 0)
				break;
		}
		m >>= 1;
		b = b & 1 ? (b >> 1) ^ POLY : b >> 1;
	}
	return p;
}

/* x^(8*n) modulo P: the operator that appends n zero bytes to a CRC state. */
static uint32_t zeros_op(size_t n)
{
	uint32_t sq = 1u << 23; /* x^8 */
	uint32_t p = 1u << 31;  /* x^0 */

	for (; n; n >>= 1) {
		if (n & 1)
			p = multmodp(sq, p);
		sq = multmodp(sq, sq);
	}
	return p;
}

static void build_shift_table(uint32_t t[4][256], size_t n)
{
	uint32_t op = zeros_op(n);

	for (unsigned k = 0; k < 4; k++)
		for (uint32_t b = 0; b < 256; b++)
			t[k][b] = multmodp(op, b << (8 * k));
}

static inline uint32_t shift(const uint32_t t[4][256], uint32_t crc)
{
	return t[0][crc & 0xff] ^ t[1][(crc >> 8) & 0xff] ^
	       t[2][(crc >> 16) & 0xff] ^ t[3][crc >> 24];
}

static void crc32c_init(void)
{
	for (uint32_t n = 0; n < 256; n++) {
		uint32_t c = n;

		for (int k = 0; k < 8; k++)
			c = c & 1 ? (c >> 1) ^ POLY : c >> 1;
		table[0][n] = c;
	}
	for (uint32_t n = 0; n < 256; n++)
		for (int k = 1; k < 8; k++)
			table[k][n] = (table[k - 1][n] >> 8) ^ table[0][table[k - 1][n] & 0xff];
	build_shift_table(shift_long, LONG);
	build_shift_table(shift_short, SHORT);
#if defined(__x86_64__)
	__builtin_cpu_init();
	have_hw = __builtin_cpu_supports("sse4.2");
#endif
}

static inline uint64_t load64(const unsigned char *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v)); /* unaligned-safe; compiles to one load */
	return v;                 /* little-endian hosts only use this path */
}

static uint32_t sw_update(uint32_t crc, const unsigned char *p, size_t len)
{
	while (len && ((uintptr_t)p & 7)) {
		crc = table[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
		len--;
	}
	while (len >= 8) {
		uint32_t lo = crc ^ ((uint32_t)p[0] | (uint32_t)p[1] << 8 |
				     (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);

		crc = table[7][lo & 0xff] ^ table[6][(lo >> 8) & 0xff] ^
		      table[5][(lo >> 16) & 0xff] ^ table[4][lo >> 24] ^
		      table[3][p[4]] ^ table[2][p[5]] ^ table[1][p[6]] ^ table[0][p[7]];
		p += 8;
		len -= 8;
	}
	while (len--)
		crc = table[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return crc;
}

uint32_t crc32c_sw(uint32_t crc, const void *buf, size_t len)
{
	pthread_once(&init_once, crc32c_init);
	return ~sw_update(~crc, buf, len);
}

bool crc32c_hw_available(void)
{
	pthread_once(&init_once, crc32c_init);
	return have_hw;
}

#if defined(__x86_64__)
#include <nmmintrin.h>

/* Three streams of n bytes each, joined: n is LONG or SHORT. */
__attribute__((target("sse4.2")))
static uint64_t hw_3way(uint64_t crc0, const unsigned char **pp, size_t n,
			const uint32_t t[4][256])
{
	const unsigned char *p = *pp, *end = p + n;
	uint64_t crc1 = 0, crc2 = 0;

	do {
		crc0 = _mm_crc32_u64(crc0, load64(p));
		crc1 = _mm_crc32_u64(crc1, load64(p + n));
		crc2 = _mm_crc32_u64(crc2, load64(p + 2 * n));
		p += 8;
	} while (p < end);
	crc0 = shift(t, (uint32_t)crc0) ^ crc1;
	crc0 = shift(t, (uint32_t)crc0) ^ crc2;
	*pp = p + 2 * n;
	return crc0;
}

__attribute__((target("sse4.2")))
uint32_t crc32c_hw(uint32_t crc, const void *buf, size_t len)
{
	const unsigned char *p = buf;
	uint64_t c = ~crc;

	pthread_once(&init_once, crc32c_init);
	while (len && ((uintptr_t)p & 7)) {
		c = _mm_crc32_u8((uint32_t)c, *p++);
		len--;
	}
	for (; len >= 3 * LONG; len -= 3 * LONG)
		c = hw_3way(c, &p, LONG, shift_long);
	for (; len >= 3 * SHORT; len -= 3 * SHORT)
		c = hw_3way(c, &p, SHORT, shift_short);
	for (; len >= 8; len -= 8, p += 8)
		c = _mm_crc32_u64(c, load64(p));
	while (len--)
		c = _mm_crc32_u8((uint32_t)c, *p++);
	return ~(uint32_t)c;
}
#else
uint32_t crc32c_hw(uint32_t crc, const void *buf, size_t len)
{
	return crc32c_sw(crc, buf, len); /* no hardware path for this arch yet */
}
#endif

uint32_t crc32c(uint32_t crc, const void *buf, size_t len)
{
	pthread_once(&init_once, crc32c_init);
	return have_hw ? crc32c_hw(crc, buf, len) : crc32c_sw(crc, buf, len);
}
