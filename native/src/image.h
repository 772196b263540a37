/*
 * The .stasis container: a fixed header, 4 KiB-aligned page data, protobuf
 * metadata and a section table, every section checksummed (CRC32C).
 * Layout and rules: docs/image-format.md. This file is the only code that
 * knows the byte layout; the rest of the engine sees sections and messages.
 *
 * Writing is atomic: the image is built under a temporary name in the same
 * directory (mode 0600: it holds process memory), fsynced and renamed over
 * the destination only when complete, so a failed or cancelled dump never
 * destroys the last good checkpoint.
 */
#ifndef STASIS_IMAGE_H
#define STASIS_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stasis/image.pb-c.h"

#define IMG_FORMAT_MAJOR 1
#define IMG_FORMAT_MINOR 0
#define IMG_PAGES_CHUNK (1UL << 20) /* PAGE_SUMS: one CRC32C per MiB of pages */

enum img_section_type {
	IMG_SECT_META = 1,      /* stasis.Image protobuf message */
	IMG_SECT_PAGES = 2,     /* raw page data, starts 4 KiB aligned */
	IMG_SECT_PAGE_SUMS = 3, /* u32 LE CRC32C per IMG_PAGES_CHUNK of PAGES */
};

struct img_header_info {
	uint32_t format_major, format_minor;
	uint8_t image_id[16];
	uint8_t parent_id[16];   /* all zero: not part of an incremental chain */
	uint64_t created_unix_ns;
	char arch[16];
	char kernel_release[65];
	char hostname[65];
	uint64_t file_size;
};

/* ---- writing ------------------------------------------------------------ */

struct img_writer;

/* Create the temporary file next to path. NULL with a message on failure. */
struct img_writer *img_writer_create(const char *path);

/*
 * Page data is appended in order. img_pages_reserve() grows the PAGES
 * section by len bytes (a multiple of 4 KiB) and returns a writable mapping
 * of that region, so memory can be copied from the tree straight into the
 * page cache with one copy (process_vm_readv into it); *offset receives the
 * offset within the PAGES section. img_pages_commit() checksums the region
 * and unmaps it. Reserve/commit pairs must not interleave.
 */
void *img_pages_reserve(struct img_writer *w, size_t len, uint64_t *offset);
int img_pages_commit(struct img_writer *w, void *map, size_t len);
/* Append bytes from a buffer (small runs; /proc/PID/mem reads). */
int img_pages_append(struct img_writer *w, const void *buf, size_t len, uint64_t *offset);
uint64_t img_pages_size(const struct img_writer *w);

/* Write metadata, page sums, the table and the header; fsync; rename over
 * the destination; fsync the directory. On success the writer is freed;
 * on failure call img_writer_abort(). */
int img_writer_finish(struct img_writer *w, const Stasis__Image *meta);
/* The same in two steps, so a dump can let the tree run again while the
 * image goes to disk: seal writes everything into the temporary file (the
 * page cache); commit makes it durable and puts it in place. */
int img_writer_seal(struct img_writer *w, const Stasis__Image *meta);
int img_writer_commit(struct img_writer *w);

/* Remove the temporary file and free. Safe after a failed finish. */
void img_writer_abort(struct img_writer *w);

/* ---- reading ------------------------------------------------------------ */

struct img_reader;

/*
 * Open and validate header, section table and metadata (bounds, overlaps,
 * counts, checksums of everything except page data). Every failure is a
 * message naming the file and what is wrong ("truncated: section 2 ends at
 * 8392704, file is 4096 bytes"); returns NULL. Never trusts sizes from the
 * file before checking them against the file size.
 */
struct img_reader *img_reader_open(const char *path);
void img_reader_close(struct img_reader *r);

const struct img_header_info *img_reader_header(const struct img_reader *r);
const Stasis__Image *img_reader_meta(const struct img_reader *r);
int img_reader_fd(const struct img_reader *r);
/* Absolute file offset of the PAGES section (4 KiB aligned) and its size. */
uint64_t img_reader_pages_offset(const struct img_reader *r);
uint64_t img_reader_pages_size(const struct img_reader *r);

/*
 * Verify the page data checksums of [offset, offset+len) within PAGES
 * (whole chunks around it). 0 if intact, -1 with a message naming the chunk.
 * img_reader_verify_all() checks every section.
 */
int img_reader_verify_pages(struct img_reader *r, uint64_t offset, uint64_t len);
int img_reader_verify_all(struct img_reader *r);
/* For verifying page data where it is already mapped (restore): the number
 * of IMG_PAGES_CHUNK chunks and the CRC32C PAGE_SUMS records for one. */
uint64_t img_reader_chunk_count(const struct img_reader *r);
uint32_t img_reader_chunk_sum(const struct img_reader *r, uint64_t chunk);
const char *img_reader_path(const struct img_reader *r);

/* ---- checksums ---------------------------------------------------------- */
uint32_t crc32c(uint32_t crc, const void *buf, size_t len);

#endif
