/*
 * Byte layout of a .stasis file, shared by the writer (image.c) and the
 * reader (image_read.c) and nothing else. docs/image-format.md is the
 * specification; the offsets here must match its tables.
 *
 * All integers are little-endian, fixed width, written byte by byte so the
 * code is correct on any host and never reads a misaligned or padded struct.
 */
#ifndef STASIS_IMAGE_LAYOUT_H
#define STASIS_IMAGE_LAYOUT_H

#include <stdint.h>
#include <string.h>

/* 89 'S' 'T' 'A' CR LF 1A LF: the high byte catches 7-bit transfers, CR LF
 * and the lone LF catch line-ending conversion in either direction, 1A stops
 * a DOS "type" (the PNG trick). */
#define IMG_MAGIC "\x89STA\r\n\x1a\n"
#define IMG_MAGIC_LEN 8

/* Header fields (offset, size) for format 1.0. */
#define H_MAGIC 0           /* 8 */
#define H_MAJOR 8           /* u16 */
#define H_MINOR 10          /* u16 */
#define H_SIZE 12           /* u32: header bytes, CRC at the last 4 */
#define H_IMAGE_ID 16       /* 16 */
#define H_PARENT_ID 32      /* 16 */
#define H_CREATED 48        /* u64 ns since the epoch, UTC */
#define H_PAGE_SIZE 56      /* u32 */
#define H_FLAGS 60          /* u32, 0 in 1.0 */
#define H_ARCH 64           /* 16, NUL padded */
#define H_KERNEL 80         /* 65, NUL padded */
#define H_HOSTNAME 145      /* 65, NUL padded */
/* 210..215 reserved, zero */
#define H_TABLE_OFF 216     /* u64 */
#define H_TABLE_COUNT 224   /* u32 */
#define H_TABLE_ENTSZ 228   /* u32 */
#define H_FILE_SIZE 232     /* u64 */
#define H_TABLE_CRC 240     /* u32: CRC32C of count*entsz table bytes */
/* 244..251 reserved, zero */
#define IMG_HEADER_SIZE_V1 256 /* CRC32C of bytes [0, size-4) at size-4 */
#define IMG_HEADER_MAX 4096    /* the header never reaches the page data */

#define IMG_ARCH_LEN 16
#define IMG_UTS_LEN 65

/* Section table entry (entry size 32 in 1.0; readers use the first 32
 * bytes of a longer entry). */
#define S_TYPE 0            /* u32 */
#define S_FLAGS 4           /* u32 */
#define S_OFFSET 8          /* u64, absolute file offset */
#define S_LENGTH 16         /* u64 */
#define S_CRC 24            /* u32 CRC32C of the section bytes; 0 for PAGES */
/* 28..31 reserved, zero */
#define IMG_SECT_ENTRY_SIZE_V1 32
#define IMG_SECT_ENTRY_MAX 256
#define IMG_SECT_MAX 64

/* Section flags. A reader that meets an unknown section type with
 * REQUIRED set must refuse the image; without it the section is skipped. */
#define IMG_SF_REQUIRED 0x1u
#define IMG_SF_KNOWN_MASK IMG_SF_REQUIRED

#define IMG_PAGES_START 4096   /* PAGES always starts here */
#define IMG_SECT_ALIGN 8       /* META, PAGE_SUMS and the table start 8-aligned */
#define IMG_META_MAX (256u << 20) /* refuse larger metadata before allocating */

static inline void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static inline void put32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static inline void put64(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static inline uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static inline uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t get64(const uint8_t *p)
{
	return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

/* One decoded section table entry. */
struct img_section {
	uint32_t type, flags;
	uint64_t offset, length;
	uint32_t crc;
};

#endif
