/*
 * Writing a .stasis image (layout: image_layout.h, docs/image-format.md).
 *
 * The file is built under ".NAME.XXXXXX.tmp" next to the destination:
 * first a zeroed header block, then page data from offset 4096 as the
 * dumper produces it, then at finish the metadata, the page checksums and
 * the section table, and last the real header. Only after fsync is it
 * renamed over NAME, so a reader sees either the old image or the complete
 * new one, and a zeroed header marks a temporary file left by a crash.
 */
#include "image.h"
#include "image_layout.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "util.h"

struct img_writer {
	char *path, *tmp, *dir;
	int fd, dirfd;
	uint64_t pages_len;     /* committed page bytes */
	/* PAGE_SUMS: finished chunks, and the running CRC of the open one */
	uint32_t *sums;
	size_t nsums, sums_cap;
	uint32_t chunk_crc;
	uint64_t chunk_fill;
	/* the outstanding reservation, if any */
	void *map_base;         /* what mmap returned (system page aligned) */
	size_t map_len;
	void *map;              /* what the caller got */
	size_t res_len;
};

static void writer_free(struct img_writer *w)
{
	if (w->dirfd >= 0)
		close(w->dirfd);
	free(w->sums);
	free(w->path);
	free(w->dir);
	free(w->tmp);
	free(w);
}

static bool dest_is_directory(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

struct img_writer *img_writer_create(const char *path)
{
	struct img_writer *w;
	char *copy;

	if (dest_is_directory(path)) {
		pr_err("cannot write image %s: it is a directory; give a file name such as %s/checkpoint.stasis",
		       path, path);
		return NULL;
	}
	w = xzalloc(sizeof(*w));
	w->fd = w->dirfd = -1;
	w->path = xstrdup(path);
	copy = xstrdup(path);
	w->dir = xstrdup(dirname(copy));
	free(copy);
	copy = xstrdup(path);
	w->tmp = xasprintf("%s/.%s.XXXXXX.tmp", w->dir, basename(copy));
	free(copy);

	w->dirfd = open(w->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (w->dirfd < 0) {
		pr_perror("cannot write image %s: cannot open its directory %s", path, w->dir);
		goto fail;
	}
	/* mkostemps: O_CREAT|O_EXCL, mode 0600 (the image holds process memory) */
	w->fd = mkostemps(w->tmp, 4, O_CLOEXEC);
	if (w->fd < 0) {
		pr_perror("cannot write image %s: cannot create a temporary file in %s", path, w->dir);
		goto fail;
	}
	/* A zero header block: nothing can mistake a half-written file for an image. */
	if (ftruncate(w->fd, IMG_PAGES_START) < 0) {
		pr_perror("cannot write image %s: cannot size temporary file %s", path, w->tmp);
		img_writer_abort(w);
		return NULL;
	}
	return w;
fail:
	writer_free(w);
	return NULL;
}

/* Name the shortfall on a full filesystem, the most likely failure of a
 * multi-gigabyte dump, in terms the user can act on. */
static void report_write_error(struct img_writer *w, const char *what, uint64_t need)
{
	struct statvfs sv;
	int err = errno;

	if (err == ENOSPC || err == EDQUOT) {
		uint64_t avail = 0, more = need;

		if (fstatvfs(w->fd, &sv) == 0)
			avail = (uint64_t)sv.f_bavail * sv.f_frsize;
		if (avail < need)
			more = need - avail;
		/* MiB for big shortfalls, KiB so a small one does not read "0" */
		pr_err("not enough space on %s for the image %s: need %llu %s more (%s)%s",
		       w->dir, w->path,
		       (unsigned long long)(more >= (1 << 20) ? (more + (1 << 20) - 1) >> 20 : (more + 1023) >> 10),
		       more >= (1 << 20) ? "MiB" : "KiB", what, err == EDQUOT ? ": disk quota exceeded" : "");
		return;
	}
	errno = err;
	pr_perror("cannot write image %s: %s in %s", w->path, what, w->tmp);
}

/* Record the CRC of the chunk being filled (full, or the last one). */
static void sums_close_chunk(struct img_writer *w)
{
	if (w->nsums == w->sums_cap) {
		w->sums_cap = w->sums_cap ? 2 * w->sums_cap : 64;
		w->sums = xrealloc(w->sums, w->sums_cap * sizeof(*w->sums));
	}
	w->sums[w->nsums++] = w->chunk_crc;
	w->chunk_crc = 0;
	w->chunk_fill = 0;
}

/* Feed page bytes into the per-MiB checksums. */
static void sums_feed(struct img_writer *w, const uint8_t *p, uint64_t len)
{
	while (len) {
		uint64_t n = IMG_PAGES_CHUNK - w->chunk_fill;

		if (n > len)
			n = len;
		w->chunk_crc = crc32c(w->chunk_crc, p, n);
		w->chunk_fill += n;
		p += n;
		len -= n;
		if (w->chunk_fill == IMG_PAGES_CHUNK)
			sums_close_chunk(w);
	}
}

static int check_page_len(struct img_writer *w, size_t len, const char *fn)
{
	if (len == 0 || len % PAGE_SIZE) {
		pr_err("image %s: %s: length %zu is not a positive multiple of 4096", w->path, fn, len);
		return -1;
	}
	if (w->map) {
		pr_err("image %s: %s while a reservation is outstanding", w->path, fn);
		return -1;
	}
	return 0;
}

void *img_pages_reserve(struct img_writer *w, size_t len, uint64_t *offset)
{
	uint64_t off = IMG_PAGES_START + w->pages_len;
	uint64_t sys_page = (uint64_t)sysconf(_SC_PAGESIZE);
	uint64_t base = off - off % sys_page; /* mmap wants system-page alignment */
	void *m;
	int err;

	if (check_page_len(w, len, "img_pages_reserve") < 0)
		return NULL;
	/* Allocate the blocks now: a full disk fails here, before the copy,
	 * rather than as SIGBUS on a store into the mapping. */
	err = posix_fallocate(w->fd, (off_t)off, (off_t)len);
	if (err == EOPNOTSUPP || err == EINVAL)
		err = ftruncate(w->fd, (off_t)(off + len)) < 0 ? errno : 0;
	if (err) {
		errno = err;
		report_write_error(w, "reserving page data", len);
		/* give back what a partial allocation took */
		if (ftruncate(w->fd, (off_t)off) < 0)
			pr_perror("image %s: cannot shrink %s back", w->path, w->tmp);
		return NULL;
	}
	m = mmap(NULL, len + (off - base), PROT_READ | PROT_WRITE, MAP_SHARED, w->fd, (off_t)base);
	if (m == MAP_FAILED) {
		pr_perror("image %s: cannot map %zu bytes of page data at offset %llu of %s",
			  w->path, len, (unsigned long long)off, w->tmp);
		if (ftruncate(w->fd, (off_t)off) < 0)
			pr_perror("image %s: cannot shrink %s back", w->path, w->tmp);
		return NULL;
	}
	w->map_base = m;
	w->map_len = len + (off - base);
	w->map = (uint8_t *)m + (off - base);
	w->res_len = len;
	*offset = w->pages_len;
	return w->map;
}

int img_pages_commit(struct img_writer *w, void *map, size_t len)
{
	uint64_t off = IMG_PAGES_START + w->pages_len;

	if (!w->map || map != w->map || len != w->res_len) {
		pr_err("image %s: img_pages_commit of a region that was not reserved", w->path);
		return -1;
	}
	sums_feed(w, map, len);
	/* Start writeback now so dirty pages do not pile up until fsync; it
	 * does not wait, and a failure here only loses that head start. */
	if (sync_file_range(w->fd, (off_t)off, (off_t)len, SYNC_FILE_RANGE_WRITE) < 0 &&
	    errno != ESPIPE && errno != EINVAL)
		pr_debug("image %s: sync_file_range: %m", w->path);
	if (munmap(w->map_base, w->map_len) < 0) {
		pr_perror("image %s: cannot unmap page data", w->path);
		return -1;
	}
	w->map = w->map_base = NULL;
	w->pages_len += len;
	return 0;
}

int img_pages_append(struct img_writer *w, const void *buf, size_t len, uint64_t *offset)
{
	uint64_t off = IMG_PAGES_START + w->pages_len;

	if (check_page_len(w, len, "img_pages_append") < 0)
		return -1;
	if (pwrite_all(w->fd, buf, len, (off_t)off) < 0) {
		report_write_error(w, "writing page data", len);
		return -1;
	}
	sums_feed(w, buf, len);
	*offset = w->pages_len;
	w->pages_len += len;
	return 0;
}

uint64_t img_pages_size(const struct img_writer *w)
{
	return w->pages_len;
}

static uint64_t align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) / a * a;
}

static void put_entry(uint8_t *e, uint32_t type, uint64_t off, uint64_t len, uint32_t crc)
{
	put32(e + S_TYPE, type);
	put32(e + S_FLAGS, IMG_SF_REQUIRED);
	put64(e + S_OFFSET, off);
	put64(e + S_LENGTH, len);
	put32(e + S_CRC, crc);
}

static void put_str(uint8_t *dst, size_t cap, const char *s)
{
	size_t n = strnlen(s, cap - 1); /* always leaves a NUL */

	memcpy(dst, s, n);
}

static int build_header(struct img_writer *w, uint8_t *h, const Stasis__Image *meta,
			uint64_t table_off, uint32_t table_crc, uint64_t file_size)
{
	struct utsname u;
	struct timespec ts;
	uint64_t created;

	if (uname(&u) < 0) {
		pr_perror("image %s: uname", w->path);
		return -1;
	}
	if (meta->has_created_unix_ns) {
		created = meta->created_unix_ns;
	} else {
		clock_gettime(CLOCK_REALTIME, &ts);
		created = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
	}
	memset(h, 0, IMG_HEADER_SIZE_V1);
	memcpy(h + H_MAGIC, IMG_MAGIC, IMG_MAGIC_LEN);
	put16(h + H_MAJOR, IMG_FORMAT_MAJOR);
	put16(h + H_MINOR, IMG_FORMAT_MINOR);
	put32(h + H_SIZE, IMG_HEADER_SIZE_V1);
	if (getrandom(h + H_IMAGE_ID, 16, 0) != 16) {
		pr_perror("image %s: cannot get random bytes for the image id", w->path);
		return -1;
	}
	/* H_PARENT_ID stays zero: image.h has no incremental chains yet */
	put64(h + H_CREATED, created);
	put32(h + H_PAGE_SIZE, PAGE_SIZE);
	put_str(h + H_ARCH, IMG_ARCH_LEN, u.machine);
	put_str(h + H_KERNEL, IMG_UTS_LEN, u.release);
	put_str(h + H_HOSTNAME, IMG_UTS_LEN, u.nodename);
	put64(h + H_TABLE_OFF, table_off);
	put32(h + H_TABLE_COUNT, 3);
	put32(h + H_TABLE_ENTSZ, IMG_SECT_ENTRY_SIZE_V1);
	put64(h + H_FILE_SIZE, file_size);
	put32(h + H_TABLE_CRC, table_crc);
	put32(h + IMG_HEADER_SIZE_V1 - 4, crc32c(0, h, IMG_HEADER_SIZE_V1 - 4));
	return 0;
}

/*
 * Everything after the page data in one buffer: META, PAGE_SUMS, the table
 * (each 8-aligned, zero padding between), returned with the table's offset.
 */
static uint8_t *build_tail(struct img_writer *w, const Stasis__Image *meta, uint64_t *tail_len,
			   uint64_t *table_off, uint32_t *table_crc)
{
	uint64_t pages_off = IMG_PAGES_START, meta_off = pages_off + w->pages_len;
	size_t meta_len = protobuf_c_message_get_packed_size(&meta->base);
	uint64_t sums_off = align_up(meta_off + meta_len, IMG_SECT_ALIGN);
	uint64_t sums_len = (uint64_t)w->nsums * 4;
	uint64_t toff = align_up(sums_off + sums_len, IMG_SECT_ALIGN);
	uint64_t end = toff + 3 * IMG_SECT_ENTRY_SIZE_V1;
	uint8_t *t, *m, *s, *tab;

	if (meta_len > IMG_META_MAX) {
		pr_err("image %s: metadata is %zu bytes, more than the format allows (%u)",
		       w->path, meta_len, IMG_META_MAX);
		return NULL;
	}
	t = xzalloc(end - meta_off);
	m = t;
	s = t + (sums_off - meta_off);
	tab = t + (toff - meta_off);
	protobuf_c_message_pack(&meta->base, m);
	for (size_t i = 0; i < w->nsums; i++)
		put32(s + 4 * i, w->sums[i]);
	put_entry(tab, IMG_SECT_PAGES, pages_off, w->pages_len, 0);
	put_entry(tab + 32, IMG_SECT_META, meta_off, meta_len, crc32c(0, m, meta_len));
	put_entry(tab + 64, IMG_SECT_PAGE_SUMS, sums_off, sums_len, crc32c(0, s, sums_len));
	*table_crc = crc32c(0, tab, 3 * IMG_SECT_ENTRY_SIZE_V1);
	*table_off = toff;
	*tail_len = end - meta_off;
	return t;
}

int img_writer_seal(struct img_writer *w, const Stasis__Image *meta)
{
	uint64_t meta_off = IMG_PAGES_START + w->pages_len, tail_len, table_off;
	uint8_t header[IMG_HEADER_SIZE_V1], *tail;
	uint32_t table_crc;

	if (w->map) {
		pr_err("image %s: finish while page data is still reserved (missing img_pages_commit)",
		       w->path);
		return -1;
	}
	if (w->chunk_fill) /* the last, partial chunk */
		sums_close_chunk(w);
	tail = build_tail(w, meta, &tail_len, &table_off, &table_crc);
	if (!tail)
		return -1;
	if (pwrite_all(w->fd, tail, tail_len, (off_t)meta_off) < 0) {
		report_write_error(w, "writing metadata", tail_len);
		free(tail);
		return -1;
	}
	free(tail);
	if (ftruncate(w->fd, (off_t)(meta_off + tail_len)) < 0) {
		pr_perror("cannot write image %s: cannot set the size of %s", w->path, w->tmp);
		return -1;
	}
	if (build_header(w, header, meta, table_off, table_crc, meta_off + tail_len) < 0)
		return -1;
	if (pwrite_all(w->fd, header, sizeof(header), 0) < 0) {
		report_write_error(w, "writing the header", sizeof(header));
		return -1;
	}
	return 0;
}

int img_writer_commit(struct img_writer *w)
{
	if (fsync(w->fd) < 0) {
		report_write_error(w, "flushing to disk (fsync)", 0);
		return -1;
	}
	if (rename(w->tmp, w->path) < 0) {
		pr_perror("cannot write image %s: cannot rename %s over it", w->path, w->tmp);
		return -1;
	}
	/* The rename is durable only once the directory is. The image is in
	 * place now, so this failing is reported but is not a failed dump. */
	if (fsync(w->dirfd) < 0)
		pr_perror("image %s: fsync of directory %s", w->path, w->dir);
	close(w->fd);
	writer_free(w);
	return 0;
}

int img_writer_finish(struct img_writer *w, const Stasis__Image *meta)
{
	if (img_writer_seal(w, meta) < 0 || img_writer_commit(w) < 0)
		return -1;
	return 0;
}

void img_writer_abort(struct img_writer *w)
{
	if (!w)
		return;
	if (w->map_base && munmap(w->map_base, w->map_len) < 0)
		pr_perror("image %s: cannot unmap page data", w->path);
	if (w->fd >= 0) {
		close(w->fd);
		/* After a successful rename the temporary name is gone; finish
		 * frees w then, so reaching here means it still exists. */
		if (unlink(w->tmp) < 0 && errno != ENOENT)
			pr_perror("image %s: cannot remove temporary file %s", w->path, w->tmp);
	}
	writer_free(w);
}
