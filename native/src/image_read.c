/*
 * Reading and validating a .stasis image (layout: image_layout.h,
 * docs/image-format.md). Every number from the file is checked against the
 * real file size before it is used for an allocation, a read or an offset;
 * every rejection names the file, the byte offset and what is wrong.
 */
#include "image.h"
#include "image_check.h"
#include "image_layout.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "util.h"

struct img_reader {
	char *path;
	int fd;
	struct img_header_info hdr;
	uint32_t header_size;
	Stasis__Image *meta;
	struct img_section sect[IMG_SECT_MAX];
	uint32_t nsect;
	const struct img_section *pages, *meta_s, *sums_s;
	uint32_t *sums;
	uint64_t nsums;
};

static int bad(const struct img_reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int bad(const struct img_reader *r, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pr_err("image %s: %s", r->path, msg);
	return -1;
}

static int read_at(const struct img_reader *r, void *buf, uint64_t len, uint64_t off, const char *what)
{
	if (pread_all(r->fd, buf, len, (off_t)off) < 0) {
		pr_perror("image %s: cannot read %s (%llu bytes at byte %llu)", r->path, what,
			  (unsigned long long)len, (unsigned long long)off);
		return -1;
	}
	return 0;
}

/* Say how the magic was damaged when we can tell: a text-mode transfer
 * is a common way to ruin a binary file and is worth naming. */
static int check_magic(const struct img_reader *r, const uint8_t *h, uint64_t size)
{
	if (size >= IMG_MAGIC_LEN && memcmp(h, IMG_MAGIC, IMG_MAGIC_LEN) == 0)
		return 0;
	if (size >= 7 && memcmp(h, "\x89STA\n\x1a\n", 7) == 0)
		return bad(r, "not a valid image: CR LF at byte 4 became LF; the file was copied in text mode (use binary mode, e.g. scp or ftp 'binary')");
	if ((size >= 9 && memcmp(h, "\x89STA\r\n\x1a\r\n", 9) == 0) ||
	    (size >= 10 && memcmp(h, "\x89STA\r\r\n\x1a\r\n", 10) == 0))
		return bad(r, "not a valid image: LF became CR LF; the file was copied in text mode (use binary mode)");
	if (size >= 4 && h[0] == 0x09 && memcmp(h + 1, "STA", 3) == 0)
		return bad(r, "not a valid image: byte 0 lost its high bit; the file went through a 7-bit channel (copy it in binary mode)");
	if (size >= 4 && memcmp(h, "\0\0\0\0", 4) == 0)
		return bad(r, "not a valid image: the header is zero; this is an unfinished temporary file from an interrupted dump");
	return bad(r, "not a stasis image (wrong magic at byte 0: expected 89 53 54 41 0d 0a 1a 0a)");
}

static void copy_str(char *dst, const uint8_t *src, size_t n)
{
	memcpy(dst, src, n);
	dst[n - 1] = '\0';
}

static int check_str(const struct img_reader *r, const uint8_t *h, size_t off, size_t n, const char *what)
{
	if (!memchr(h + off, 0, n))
		return bad(r, "header field %s (bytes %zu..%zu) is not NUL-terminated", what, off, off + n - 1);
	return 0;
}

static int parse_header(struct img_reader *r, const uint8_t *h, uint64_t size)
{
	struct img_header_info *hi = &r->hdr;
	uint32_t hsize, crc;

	if (check_magic(r, h, size) < 0)
		return -1;
	if (size < IMG_HEADER_SIZE_V1)
		return bad(r, "truncated: file is %llu bytes, a header alone is %u", (unsigned long long)size,
			   IMG_HEADER_SIZE_V1);
	hi->format_major = get16(h + H_MAJOR);
	hi->format_minor = get16(h + H_MINOR);
	if (hi->format_major > IMG_FORMAT_MAJOR)
		return bad(r, "image format %u.%u is newer than this stasis (%u.x): upgrade stasis",
			   hi->format_major, hi->format_minor, IMG_FORMAT_MAJOR);
	if (hi->format_major < 1)
		return bad(r, "image format %u.%u was never released; not a valid image",
			   hi->format_major, hi->format_minor);
	hsize = get32(h + H_SIZE);
	if (hsize < IMG_HEADER_SIZE_V1 || hsize > IMG_HEADER_MAX || hsize % 4)
		return bad(r, "header size %u (byte %d) is invalid: must be a multiple of 4 in %u..%u",
			   hsize, H_SIZE, IMG_HEADER_SIZE_V1, IMG_HEADER_MAX);
	if (hsize > size)
		return bad(r, "truncated: header is %u bytes, file is %llu", hsize, (unsigned long long)size);
	crc = crc32c(0, h, hsize - 4);
	if (crc != get32(h + hsize - 4))
		return bad(r, "header checksum mismatch: bytes 0..%u have CRC32C %08x, byte %u says %08x (the header is damaged)",
			   hsize - 5, crc, hsize - 4, get32(h + hsize - 4));
	r->header_size = hsize;
	if (get32(h + H_PAGE_SIZE) != PAGE_SIZE)
		return bad(r, "page size %u (byte %d) is not supported; this stasis handles %lu",
			   get32(h + H_PAGE_SIZE), H_PAGE_SIZE, PAGE_SIZE);
	if (check_str(r, h, H_ARCH, IMG_ARCH_LEN, "arch") < 0 ||
	    check_str(r, h, H_KERNEL, IMG_UTS_LEN, "kernel release") < 0 ||
	    check_str(r, h, H_HOSTNAME, IMG_UTS_LEN, "hostname") < 0)
		return -1;
	memcpy(hi->image_id, h + H_IMAGE_ID, 16);
	memcpy(hi->parent_id, h + H_PARENT_ID, 16);
	hi->created_unix_ns = get64(h + H_CREATED);
	copy_str(hi->arch, h + H_ARCH, IMG_ARCH_LEN);
	copy_str(hi->kernel_release, h + H_KERNEL, IMG_UTS_LEN);
	copy_str(hi->hostname, h + H_HOSTNAME, IMG_UTS_LEN);
	hi->file_size = size;
	if (get64(h + H_FILE_SIZE) > size)
		return bad(r, "truncated: the header says the image is %llu bytes, the file is %llu (incomplete copy?)",
			   (unsigned long long)get64(h + H_FILE_SIZE), (unsigned long long)size);
	if (get64(h + H_FILE_SIZE) < size)
		return bad(r, "the header says the image is %llu bytes, but the file is %llu: something was appended or the header is wrong",
			   (unsigned long long)get64(h + H_FILE_SIZE), (unsigned long long)size);
	return 0;
}

static const char *sect_name(uint32_t type)
{
	switch (type) {
	case IMG_SECT_META: return "META";
	case IMG_SECT_PAGES: return "PAGES";
	case IMG_SECT_PAGE_SUMS: return "PAGE_SUMS";
	default: return "unknown";
	}
}

static int check_section(struct img_reader *r, uint32_t i, uint64_t size, uint64_t toff, uint64_t tlen)
{
	const struct img_section *s = &r->sect[i];
	const struct img_section **slot = NULL;

	if (s->length > size || s->offset > size - s->length)
		return bad(r, "truncated: section %u (%s) at byte %llu, %llu bytes long, ends past the end of the file (%llu bytes)",
			   i, sect_name(s->type), (unsigned long long)s->offset,
			   (unsigned long long)s->length, (unsigned long long)size);
	if (s->offset < r->header_size)
		return bad(r, "section %u (%s) starts at byte %llu, inside the header (%u bytes)",
			   i, sect_name(s->type), (unsigned long long)s->offset, r->header_size);
	if (s->offset < toff + tlen && toff < s->offset + s->length)
		return bad(r, "section %u (%s) [%llu, %llu) overlaps the section table [%llu, %llu)",
			   i, sect_name(s->type), (unsigned long long)s->offset,
			   (unsigned long long)(s->offset + s->length), (unsigned long long)toff,
			   (unsigned long long)(toff + tlen));
	for (uint32_t j = 0; j < i; j++) {
		const struct img_section *o = &r->sect[j];

		if (s->length && o->length && s->offset < o->offset + o->length &&
		    o->offset < s->offset + s->length)
			return bad(r, "sections %u (%s) and %u (%s) overlap: [%llu, %llu) and [%llu, %llu)",
				   j, sect_name(o->type), i, sect_name(s->type),
				   (unsigned long long)o->offset, (unsigned long long)(o->offset + o->length),
				   (unsigned long long)s->offset, (unsigned long long)(s->offset + s->length));
	}
	switch (s->type) {
	case IMG_SECT_META: slot = &r->meta_s; break;
	case IMG_SECT_PAGES: slot = &r->pages; break;
	case IMG_SECT_PAGE_SUMS: slot = &r->sums_s; break;
	default:
		if (s->flags & IMG_SF_REQUIRED)
			return bad(r, "section %u has type %u, which this stasis does not know and the image marks as required: upgrade stasis",
				   i, s->type);
		return 0; /* an optional extension from a newer minor version */
	}
	if (*slot)
		return bad(r, "section table lists %s twice (entries %ld and %u)", sect_name(s->type),
			   (long)(*slot - r->sect), i);
	*slot = s;
	return 0;
}

static int parse_table(struct img_reader *r, const uint8_t *h, uint64_t size)
{
	uint64_t toff = get64(h + H_TABLE_OFF);
	uint32_t count = get32(h + H_TABLE_COUNT), entsz = get32(h + H_TABLE_ENTSZ);
	uint64_t tlen;
	uint8_t *t;
	uint32_t crc;

	if (count < 3 || count > IMG_SECT_MAX)
		return bad(r, "section count %u (byte %d) is out of range 3..%d", count, H_TABLE_COUNT, IMG_SECT_MAX);
	if (entsz < IMG_SECT_ENTRY_SIZE_V1 || entsz > IMG_SECT_ENTRY_MAX || entsz % 8)
		return bad(r, "section entry size %u (byte %d) is invalid: must be a multiple of 8 in %d..%d",
			   entsz, H_TABLE_ENTSZ, IMG_SECT_ENTRY_SIZE_V1, IMG_SECT_ENTRY_MAX);
	tlen = (uint64_t)count * entsz;
	if (toff < r->header_size || toff > size || tlen > size - toff)
		return bad(r, "truncated or damaged: section table at byte %llu, %llu bytes, does not fit in the file (%llu bytes)",
			   (unsigned long long)toff, (unsigned long long)tlen, (unsigned long long)size);
	t = xmalloc(tlen);
	if (read_at(r, t, tlen, toff, "the section table") < 0) {
		free(t);
		return -1;
	}
	crc = crc32c(0, t, tlen);
	if (crc != get32(h + H_TABLE_CRC)) {
		free(t);
		return bad(r, "section table checksum mismatch: bytes %llu..%llu have CRC32C %08x, header byte %d says %08x",
			   (unsigned long long)toff, (unsigned long long)(toff + tlen - 1), crc, H_TABLE_CRC,
			   get32(h + H_TABLE_CRC));
	}
	r->nsect = count;
	for (uint32_t i = 0; i < count; i++) {
		const uint8_t *e = t + (uint64_t)i * entsz;
		struct img_section *s = &r->sect[i];

		s->type = get32(e + S_TYPE);
		s->flags = get32(e + S_FLAGS);
		s->offset = get64(e + S_OFFSET);
		s->length = get64(e + S_LENGTH);
		s->crc = get32(e + S_CRC);
		if (check_section(r, i, size, toff, tlen) < 0) {
			free(t);
			return -1;
		}
	}
	free(t);
	if (!r->meta_s || !r->pages || !r->sums_s)
		return bad(r, "section table lacks the %s section", !r->meta_s ? "META" : !r->pages ? "PAGES" : "PAGE_SUMS");
	return 0;
}

static int check_crc(const struct img_reader *r, const struct img_section *s, uint32_t crc)
{
	if (crc == s->crc)
		return 0;
	return bad(r, "%s section %ld (bytes %llu..%llu) is damaged: CRC32C %08x, the section table says %08x",
		   sect_name(s->type), (long)(s - r->sect), (unsigned long long)s->offset,
		   (unsigned long long)(s->offset + s->length - 1), crc, s->crc);
}

/* Read a whole non-page section and check its CRC; *out is malloc'ed. */
static int read_section(struct img_reader *r, const struct img_section *s, uint8_t **out)
{
	uint8_t *buf = xmalloc(s->length);

	*out = NULL;
	if (read_at(r, buf, s->length, s->offset, sect_name(s->type)) < 0 ||
	    check_crc(r, s, crc32c(0, buf, s->length)) < 0) {
		free(buf);
		return -1;
	}
	*out = buf;
	return 0;
}

/* Check a section of any size without holding it in memory. */
static int stream_section(struct img_reader *r, const struct img_section *s)
{
	uint8_t *buf = xmalloc(IMG_PAGES_CHUNK);
	uint32_t crc = 0;

	for (uint64_t done = 0; done < s->length;) {
		uint64_t n = s->length - done < IMG_PAGES_CHUNK ? s->length - done : IMG_PAGES_CHUNK;

		if (read_at(r, buf, n, s->offset + done, sect_name(s->type)) < 0) {
			free(buf);
			return -1;
		}
		crc = crc32c(crc, buf, n);
		done += n;
	}
	free(buf);
	return check_crc(r, s, crc);
}

static int load_sums(struct img_reader *r)
{
	const struct img_section *p = r->pages, *s = r->sums_s;
	uint64_t chunks = (p->length + IMG_PAGES_CHUNK - 1) / IMG_PAGES_CHUNK;
	uint8_t *buf;

	if (p->offset % PAGE_SIZE || p->offset < IMG_PAGES_START || p->length % PAGE_SIZE)
		return bad(r, "PAGES section at byte %llu, %llu bytes, is not 4096-aligned",
			   (unsigned long long)p->offset, (unsigned long long)p->length);
	if (s->length != chunks * 4)
		return bad(r, "PAGE_SUMS section is %llu bytes; %llu bytes of pages need %llu checksums (%llu bytes)",
			   (unsigned long long)s->length, (unsigned long long)p->length,
			   (unsigned long long)chunks, (unsigned long long)(chunks * 4));
	if (read_section(r, s, &buf) < 0)
		return -1;
	r->nsums = chunks;
	r->sums = xmalloc(chunks * sizeof(*r->sums));
	for (uint64_t i = 0; i < chunks; i++)
		r->sums[i] = get32(buf + 4 * i);
	free(buf);
	return 0;
}

static int load_meta(struct img_reader *r)
{
	const struct img_section *s = r->meta_s;
	uint8_t *buf;

	if (s->length > IMG_META_MAX)
		return bad(r, "META section is %llu bytes, more than the %u this stasis accepts",
			   (unsigned long long)s->length, IMG_META_MAX);
	if (read_section(r, s, &buf) < 0)
		return -1;
	r->meta = stasis__image__unpack(NULL, s->length, buf);
	free(buf);
	if (!r->meta)
		return bad(r, "META section (bytes %llu..%llu) is not a valid stasis.Image message",
			   (unsigned long long)s->offset, (unsigned long long)(s->offset + s->length - 1));
	return img_check_meta(r->path, r->meta, r->pages->length);
}

static int open_file(struct img_reader *r, uint64_t *size)
{
	struct stat st;

	r->fd = open(r->path, O_RDONLY | O_CLOEXEC);
	if (r->fd < 0) {
		if (errno == EACCES)
			pr_err("cannot open image %s: permission denied (images are created mode 0600, readable only by their owner: run as the owner or root)",
			       r->path);
		else
			pr_perror("cannot open image %s", r->path);
		return -1;
	}
	if (fstat(r->fd, &st) < 0) {
		pr_perror("image %s: fstat", r->path);
		return -1;
	}
	if (!S_ISREG(st.st_mode))
		return bad(r, "not a regular file");
	*size = (uint64_t)st.st_size;
	if (*size == 0)
		return bad(r, "the file is empty");
	return 0;
}

struct img_reader *img_reader_open(const char *path)
{
	struct img_reader *r = xzalloc(sizeof(*r));
	uint8_t h[IMG_HEADER_MAX];
	uint64_t size;

	r->path = xstrdup(path);
	r->fd = -1;
	if (open_file(r, &size) < 0)
		goto fail;
	memset(h, 0, sizeof(h));
	if (read_at(r, h, size < sizeof(h) ? size : sizeof(h), 0, "the header") < 0 ||
	    parse_header(r, h, size) < 0 || parse_table(r, h, size) < 0 ||
	    load_sums(r) < 0 || load_meta(r) < 0)
		goto fail;
	return r;
fail:
	img_reader_close(r);
	return NULL;
}

void img_reader_close(struct img_reader *r)
{
	if (!r)
		return;
	if (r->fd >= 0)
		close(r->fd);
	if (r->meta)
		stasis__image__free_unpacked(r->meta, NULL);
	free(r->sums);
	free(r->path);
	free(r);
}

const struct img_header_info *img_reader_header(const struct img_reader *r)
{
	return &r->hdr;
}

const Stasis__Image *img_reader_meta(const struct img_reader *r)
{
	return r->meta;
}

int img_reader_fd(const struct img_reader *r)
{
	return r->fd;
}

uint64_t img_reader_pages_offset(const struct img_reader *r)
{
	return r->pages->offset;
}

uint64_t img_reader_pages_size(const struct img_reader *r)
{
	return r->pages->length;
}

/* Check chunks [first, last] against PAGE_SUMS, reporting progress when
 * asked (verify_all of a multi-gigabyte image takes a while). */
static int verify_chunks(struct img_reader *r, uint64_t first, uint64_t last, bool progress)
{
	uint8_t *buf = xmalloc(IMG_PAGES_CHUNK);
	uint64_t total = last - first + 1;
	int ret = 0;

	posix_fadvise(r->fd, (off_t)r->pages->offset, (off_t)r->pages->length, POSIX_FADV_SEQUENTIAL);
	for (uint64_t c = first; c <= last; c++) {
		uint64_t start = c * IMG_PAGES_CHUNK, len = r->pages->length - start;
		uint32_t crc;

		if (stasis_cancelled) {
			pr_err("image %s: verification cancelled", r->path);
			ret = -1;
			break;
		}
		if (len > IMG_PAGES_CHUNK)
			len = IMG_PAGES_CHUNK;
		if (read_at(r, buf, len, r->pages->offset + start, "page data") < 0) {
			ret = -1;
			break;
		}
		crc = crc32c(0, buf, len);
		if (crc != r->sums[c]) {
			ret = bad(r, "page data is damaged: chunk %llu (bytes %llu..%llu of the file) has CRC32C %08x, PAGE_SUMS says %08x",
				  (unsigned long long)c, (unsigned long long)(r->pages->offset + start),
				  (unsigned long long)(r->pages->offset + start + len - 1), crc, r->sums[c]);
			break;
		}
		if (progress && ((c - first) % 256 == 255 || c == last))
			log_progress("verify", c - first + 1, total);
	}
	free(buf);
	return ret;
}

int img_reader_verify_pages(struct img_reader *r, uint64_t offset, uint64_t len)
{
	uint64_t size = r->pages->length;

	if (offset > size || len > size - offset)
		return bad(r, "page range [%llu, +%llu) is outside the PAGES section (%llu bytes)",
			   (unsigned long long)offset, (unsigned long long)len, (unsigned long long)size);
	if (len == 0)
		return 0;
	return verify_chunks(r, offset / IMG_PAGES_CHUNK, (offset + len - 1) / IMG_PAGES_CHUNK, false);
}

int img_reader_verify_all(struct img_reader *r)
{
	/* PAGES is covered by PAGE_SUMS; every other section by its entry */
	for (uint32_t i = 0; i < r->nsect; i++)
		if (&r->sect[i] != r->pages && stream_section(r, &r->sect[i]) < 0)
			return -1;
	if (r->pages->length == 0)
		return 0;
	return verify_chunks(r, 0, r->nsums - 1, true);
}

uint64_t img_reader_chunk_count(const struct img_reader *r)
{
	return r->pages->length ? r->nsums : 0;
}

uint32_t img_reader_chunk_sum(const struct img_reader *r, uint64_t chunk)
{
	return chunk < r->nsums ? r->sums[chunk] : 0;
}

const char *img_reader_path(const struct img_reader *r)
{
	return r->path;
}
