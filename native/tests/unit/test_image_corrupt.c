/*
 * Corrupt and hostile images: every truncation, every single-byte flip of
 * the checked structures, crafted counts, lengths and overlaps that pass the
 * checksums, protobuf garbage, and a seeded random mutation loop. The
 * reader must refuse each one with a message and never crash, hang or
 * read out of bounds (run under ASan/UBSan: make SANITIZE=1).
 */
#include <time.h>

#include "image_fixture.h"
#include "unit.h"

static char dir[64], path[128];
static uint8_t *good;       /* a valid fixture image */
static size_t good_len;
static uint64_t meta_off, meta_len, sums_off, table_off;

/* 1 if the reader accepts b (and, with verify, its page data is intact). */
static int accepts(const uint8_t *b, size_t len, bool verify)
{
	struct img_reader *r;
	int ok;

	if (file_store(path, b, len) < 0) {
		printf("# cannot write %s\n", path);
		exit(2);
	}
	r = img_reader_open(path);
	ok = r != NULL;
	if (r && verify)
		ok = img_reader_verify_all(r) == 0;
	img_reader_close(r);
	return ok;
}

static void locate_sections(void)
{
	uint64_t toff = get64(good + H_TABLE_OFF);

	table_off = toff;
	for (int i = 0; i < 3; i++) {
		const uint8_t *e = good + toff + 32 * i;

		if (get32(e + S_TYPE) == IMG_SECT_META) {
			meta_off = get64(e + S_OFFSET);
			meta_len = get64(e + S_LENGTH);
		} else if (get32(e + S_TYPE) == IMG_SECT_PAGE_SUMS) {
			sums_off = get64(e + S_OFFSET);
		}
	}
}

static void t_truncated(void)
{
	int q = quiet_begin(), accepted = -1;

	for (size_t len = 0; len < good_len; len += len < 8192 ? 1 : len < 4096 + FIX_PAGES ? 4093 : 1)
		if (accepts(good, len, false)) {
			accepted = (int)len;
			break;
		}
	quiet_end(q);
	CHECK(accepted < 0, "truncated to %d bytes and accepted", accepted);
}

/* Flip each byte (two ways) of the header, META, PAGE_SUMS and the table. */
static void t_byte_flips(void)
{
	uint8_t *b = malloc(good_len);
	uint64_t ranges[4][2] = {
		{ 0, IMG_HEADER_SIZE_V1 },
		{ meta_off, meta_off + meta_len },
		{ sums_off, sums_off + 4 * ((FIX_PAGES + IMG_PAGES_CHUNK - 1) / IMG_PAGES_CHUNK) },
		{ table_off, good_len },
	};
	int q = quiet_begin(), n = 0;
	long bad = -1;

	memcpy(b, good, good_len);
	for (int r = 0; r < 4 && bad < 0; r++)
		for (uint64_t i = ranges[r][0]; i < ranges[r][1] && bad < 0; i++)
			for (int k = 0; k < 2; k++) {
				b[i] ^= k ? 0xff : 0x01;
				if (accepts(b, good_len, false))
					bad = (long)i;
				b[i] = good[i];
				n++;
			}
	quiet_end(q);
	free(b);
	CHECK(bad < 0, "a flip of byte %ld was accepted", bad);
	printf("# %d flips of checked bytes, all refused\n", n);
}

/* Page data is not read at open; verify must find every flip there. */
static void t_page_flips(void)
{
	uint8_t *b = malloc(good_len);
	int q = quiet_begin();
	long bad = -1;

	memcpy(b, good, good_len);
	for (uint64_t i = 4096; i < 4096 + FIX_PAGES && bad < 0; i += 40961) {
		b[i] ^= 0x10;
		if (!accepts(b, good_len, false) || accepts(b, good_len, true))
			bad = (long)i;
		b[i] = good[i];
	}
	quiet_end(q);
	free(b);
	CHECK(bad < 0, "page byte %ld: open refused or verify missed it", bad);
}

/* Patch a copy, fix every checksum, expect refusal with want in the message. */
static char last_msg[1024];

static int refuse_patched(void *arg)
{
	const uint8_t *b = arg;

	return accepts(b, good_len, false) ? -1 : 0;
}

#define PATCH_CASE(name, patch, want)                                          \
	static void name(void)                                                 \
	{                                                                      \
		uint8_t *b = malloc(good_len);                                 \
		int rc;                                                        \
		memcpy(b, good, good_len);                                     \
		patch;                                                         \
		fix_checksums(b, good_len);                                    \
		rc = capture_stderr(refuse_patched, b, last_msg, sizeof(last_msg)); \
		free(b);                                                       \
		CHECK(rc == 0, "accepted");                                    \
		CHECK(strstr(last_msg, want), "want \"%s\", got: %s", want, last_msg); \
	}

#define ENTRY(i) (b + table_off + 32 * (i))

PATCH_CASE(t_wrong_magic, memcpy(b, "GIF89a\0\0", 8), "not a stasis image")
PATCH_CASE(t_zero_header, memset(b, 0, 256), "unfinished temporary file")
PATCH_CASE(t_major_zero, put16(b + H_MAJOR, 0), "never released")
PATCH_CASE(t_header_size_huge, put32(b + H_SIZE, 0xfffffff0), "header size")
PATCH_CASE(t_page_size, put32(b + H_PAGE_SIZE, 65536), "page size 65536")
PATCH_CASE(t_unterminated_host, memset(b + H_HOSTNAME, 'x', 65), "not NUL-terminated")
PATCH_CASE(t_file_size_smaller, put64(b + H_FILE_SIZE, good_len - 1), "something was appended")
PATCH_CASE(t_file_size_larger, put64(b + H_FILE_SIZE, ~0ull), "truncated")
PATCH_CASE(t_count_huge, put32(b + H_TABLE_COUNT, 0xffffffff), "section count")
PATCH_CASE(t_entsz_huge, put32(b + H_TABLE_ENTSZ, 1u << 31), "entry size")
PATCH_CASE(t_table_off_huge, put64(b + H_TABLE_OFF, ~0ull - 8), "section table at byte")
PATCH_CASE(t_section_overflow, (put64(ENTRY(1) + S_OFFSET, ~0ull - 10), put64(ENTRY(1) + S_LENGTH, 100)),
	   "ends past the end of the file")
PATCH_CASE(t_section_huge_len, put64(ENTRY(1) + S_LENGTH, 1ull << 62), "ends past the end of the file")
PATCH_CASE(t_section_in_header, put64(ENTRY(1) + S_OFFSET, 16), "inside the header")
PATCH_CASE(t_sections_overlap, put64(ENTRY(1) + S_OFFSET, 4096 + 8192), "overlap")
PATCH_CASE(t_section_over_table, put64(ENTRY(2) + S_LENGTH, good_len - get64(ENTRY(2) + S_OFFSET)),
	   "overlaps the section table")
PATCH_CASE(t_section_twice, put32(ENTRY(2) + S_TYPE, IMG_SECT_META), "twice")
PATCH_CASE(t_pages_unaligned, (put64(ENTRY(0) + S_OFFSET, 4096 + 512), put64(ENTRY(0) + S_LENGTH, 4096)),
	   "not 4096-aligned")
PATCH_CASE(t_sums_short, put64(ENTRY(2) + S_LENGTH, 4), "PAGE_SUMS section is 4 bytes")
PATCH_CASE(t_protobuf_garbage,
	   for (uint64_t i = 0; i < meta_len; i++) b[meta_off + i] = (uint8_t)(0xff - i),
	   "not a valid stasis.Image")

/*
 * Random mutations of the good image, a fixed seed so failures reproduce.
 * Each mutant gets 1-4 edits (byte sets, 32/64-bit "interesting" values,
 * META-focused edits, truncation); half of them get their checksums fixed
 * so the mutation reaches the bounds and metadata checks behind the CRCs.
 */
static uint64_t rng = 0x5eed5eed12345678ull;

static uint64_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* The small image the loop mutates: two pages, so a mutant is ~14 KB. */
static uint8_t *small;
static size_t small_len;
static uint64_t small_meta_off, small_meta_len;

static int write_small(const char *p)
{
	struct fixture f;
	struct img_writer *w;
	uint8_t pages[FIX_APPEND];
	uint64_t off;

	fixture_init(&f);
	f.vma[0].n_pages = 0;
	f.run[1].offset = 0;
	memset(pages, 0x77, sizeof(pages));
	w = img_writer_create(p);
	if (!w || img_pages_append(w, pages, sizeof(pages), &off) < 0 || img_writer_finish(w, &f.img) < 0) {
		img_writer_abort(w);
		return -1;
	}
	small = file_load(p, &small_len);
	for (int i = 0; small && i < 3; i++) {
		const uint8_t *e = small + get64(small + H_TABLE_OFF) + 32 * i;

		if (get32(e + S_TYPE) == IMG_SECT_META) {
			small_meta_off = get64(e + S_OFFSET);
			small_meta_len = get64(e + S_LENGTH);
		}
	}
	return small ? 0 : -1;
}

/* Edits land in META, in the header, in what follows META (sums and
 * table), or anywhere, a quarter of the time each. */
static void mutate(uint8_t *b, size_t *len)
{
	static const uint64_t interesting[] = { 0, 1, 3, 4095, 4096, 4097, 0x7fffffff, 0x80000000,
						0xffffffff, 1ull << 32, 1ull << 63, ~0ull };
	int edits = 1 + (int)(next_rand() % 4);

	for (int e = 0; e < edits; e++) {
		uint64_t r = next_rand(), where, base = 0, span = *len;

		switch (r & 3) {
		case 0: base = small_meta_off; span = small_meta_len; break;
		case 1: span = IMG_HEADER_SIZE_V1; break;
		case 2: base = small_meta_off + small_meta_len; span = small_len - base; break;
		}
		if (span < 8 || base + span > *len)
			continue;
		where = base + (r >> 8) % (span - 8);
		switch ((r >> 2) % 5) {
		case 0: b[where] = (uint8_t)(r >> 40); break;
		case 1: b[where] ^= (uint8_t)(1u << ((r >> 40) % 8)); break;
		case 2: put32(b + where, (uint32_t)interesting[(r >> 40) % 12]); break;
		case 3: put64(b + where, interesting[(r >> 40) % 12]); break;
		case 4:
			if ((r >> 40) % 8 == 0) /* truncation, now and then */
				*len = (r >> 20) % *len;
			break;
		}
	}
	if (next_rand() & 1)
		fix_checksums(b, *len);
}

static void t_mutation_loop(void)
{
	int n = getenv("STASIS_MUTATIONS") ? atoi(getenv("STASIS_MUTATIONS")) : 20000;
	uint8_t *b;
	int q, accepted = 0;
	struct timespec a, z;

	CHECK(write_small(path) == 0, "cannot write the small image");
	b = malloc(small_len);
	q = quiet_begin();
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (int i = 0; i < n; i++) {
		size_t len = small_len;

		memcpy(b, small, small_len);
		mutate(b, &len);
		accepted += accepts(b, len, true);
	}
	clock_gettime(CLOCK_MONOTONIC, &z);
	quiet_end(q);
	free(b);
	free(small);
	printf("# %d mutations in %.1f s (seed 0x5eed5eed12345678): %d accepted as valid, none crashed\n",
	       n, (double)(z.tv_sec - a.tv_sec) + (double)(z.tv_nsec - a.tv_nsec) / 1e9, accepted);
}

int main(void)
{
	struct fixture f;
	char cmd[128];

	/* tmpfs when available: the loops write the image thousands of times */
	snprintf(dir, sizeof(dir), access("/dev/shm", W_OK) == 0 ? "/dev/shm/stasis-unit-XXXXXX"
								  : "/tmp/stasis-unit-XXXXXX");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(path, sizeof(path), "%s/test.stasis", dir);
	fixture_init(&f);
	if (fixture_write(path, &f.img) < 0 || !(good = file_load(path, &good_len))) {
		printf("FAIL setup: cannot write the fixture image\n");
		return 1;
	}
	locate_sections();
	RUN(t_truncated);
	RUN(t_byte_flips);
	RUN(t_page_flips);
	RUN(t_wrong_magic);
	RUN(t_zero_header);
	RUN(t_major_zero);
	RUN(t_header_size_huge);
	RUN(t_page_size);
	RUN(t_unterminated_host);
	RUN(t_file_size_smaller);
	RUN(t_file_size_larger);
	RUN(t_count_huge);
	RUN(t_entsz_huge);
	RUN(t_table_off_huge);
	RUN(t_section_overflow);
	RUN(t_section_huge_len);
	RUN(t_section_in_header);
	RUN(t_sections_overlap);
	RUN(t_section_over_table);
	RUN(t_section_twice);
	RUN(t_pages_unaligned);
	RUN(t_sums_short);
	RUN(t_protobuf_garbage);
	RUN(t_mutation_loop);
	free(good);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return unit_done();
}
