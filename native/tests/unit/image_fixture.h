/*
 * Building small test images and patching their bytes, shared by the image
 * unit tests. Header-only, because every test .c file here is built as its
 * own program. A fixture image has two processes, three VMAs and page runs
 * written through both img_pages_reserve/commit and img_pages_append.
 */
#ifndef STASIS_IMAGE_FIXTURE_H
#define STASIS_IMAGE_FIXTURE_H

#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "image.h"
#include "image_layout.h"
#include "util.h"

/* A valid metadata tree (static storage, no allocation); tests edit it
 * to make invalid ones. */
struct fixture {
	Stasis__Image img;
	Stasis__Process proc[2], *procs[2];
	Stasis__Thread thr[2], *thrs[2][1];
	Stasis__MmState mm;
	Stasis__Vma vma[3], *vmas[3];
	Stasis__PageRun run[3], *runs[3][1];
	Stasis__OpenFile file, *files[1];
	Stasis__FileDescriptor fd, *fds[1];
	Stasis__Rlimit rl, *rls[1];
	char *argv[2];
};

/* Page bytes written through reserve/commit, then through append. */
#define FIX_RESERVE (3u << 20)
#define FIX_APPEND (2u * 4096)
#define FIX_PAGES (FIX_RESERVE + FIX_APPEND)


/* Page data pattern: byte i of PAGES is pattern_byte(i). */
static inline uint8_t pattern_byte(uint64_t i)
{
	return (uint8_t)(i * 2654435761u >> 13);
}

static inline void fixture_init(struct fixture *f)
{
	memset(f, 0, sizeof(*f));
	stasis__image__init(&f->img);
	f->img.has_root_pid = true;
	f->img.root_pid = 100;
	f->img.hostname = "testhost";
	f->img.arch = "x86_64";
	f->img.has_created_unix_ns = true;
	f->img.created_unix_ns = 1700000000123456789ull;
	for (int i = 0; i < 2; i++) {
		Stasis__Process *p = &f->proc[i];

		stasis__process__init(p);
		stasis__thread__init(&f->thr[i]);
		p->has_pid = p->has_ppid = true;
		p->pid = 100 + (uint32_t)i;
		p->ppid = i ? 100 : 1;
		p->comm = i ? "child" : "root";
		f->thr[i].has_tid = true;
		f->thr[i].tid = p->pid;
		f->thrs[i][0] = &f->thr[i];
		p->n_threads = 1;
		p->threads = f->thrs[i];
		f->procs[i] = p;
	}
	f->img.n_processes = 2;
	f->img.processes = f->procs;
	f->argv[0] = "sim";
	f->argv[1] = "--steps=9";
	f->proc[0].n_argv = 2;
	f->proc[0].argv = f->argv;

	/* VMA 0: reserved pages [0, 3 MiB); VMA 1: appended pages; VMA 2: none */
	stasis__mm_state__init(&f->mm);
	for (int i = 0; i < 3; i++) {
		stasis__vma__init(&f->vma[i]);
		stasis__page_run__init(&f->run[i]);
		f->vmas[i] = &f->vma[i];
		f->runs[i][0] = &f->run[i];
		f->vma[i].has_start = f->vma[i].has_end = f->vma[i].has_prot = true;
		f->vma[i].prot = 3;
	}
	f->vma[0].start = 0x10000000;
	f->vma[0].end = 0x10000000 + FIX_RESERVE + 0x10000;
	f->run[0].has_address = f->run[0].has_count = f->run[0].has_offset = true;
	f->run[0].address = 0x10000000;
	f->run[0].count = FIX_RESERVE / 4096;
	f->run[0].offset = 0;
	f->vma[0].n_pages = 1;
	f->vma[0].pages = f->runs[0];
	f->vma[1].start = 0x20000000;
	f->vma[1].end = 0x20004000;
	f->run[1].has_address = f->run[1].has_count = f->run[1].has_offset = true;
	f->run[1].address = 0x20001000;
	f->run[1].count = FIX_APPEND / 4096;
	f->run[1].offset = FIX_RESERVE;
	f->vma[1].n_pages = 1;
	f->vma[1].pages = f->runs[1];
	f->vma[1].name = "[heap]";
	f->vma[2].start = 0x7ff000000000;
	f->vma[2].end = 0x7ff000021000;
	f->vma[2].name = "[stack]";
	f->mm.n_vmas = 3;
	f->mm.vmas = f->vmas;
	f->proc[0].mm = &f->mm;

	stasis__open_file__init(&f->file);
	f->file.has_id = true;
	f->file.id = 7;
	f->file.path = "/dev/null";
	f->files[0] = &f->file;
	f->img.n_files = 1;
	f->img.files = f->files;
	stasis__file_descriptor__init(&f->fd);
	f->fd.has_fd = f->fd.has_file_id = true;
	f->fd.fd = 0;
	f->fd.file_id = 7;
	f->fds[0] = &f->fd;
	f->proc[0].n_fds = 1;
	f->proc[0].fds = f->fds;
	stasis__rlimit__init(&f->rl);
	f->rl.has_resource = f->rl.has_soft = f->rl.has_hard = true;
	f->rl.resource = 7;
	f->rl.name = "nofile";
	f->rl.soft = 1024;
	f->rl.hard = 4096;
	f->rls[0] = &f->rl;
	f->proc[1].n_rlimits = 1;
	f->proc[1].rlimits = f->rls;
}

/* Write meta to path with the fixture's page data; 0 on success. */
static inline int fixture_write(const char *path, const Stasis__Image *meta)
{
	struct img_writer *w = img_writer_create(path);
	uint8_t page[FIX_APPEND];
	uint64_t off;
	uint8_t *m;

	if (!w)
		return -1;
	m = img_pages_reserve(w, FIX_RESERVE, &off);
	if (!m || off != 0)
		goto fail;
	for (uint64_t i = 0; i < FIX_RESERVE; i++)
		m[i] = pattern_byte(i);
	if (img_pages_commit(w, m, FIX_RESERVE) < 0)
		goto fail;
	for (uint64_t i = 0; i < FIX_APPEND; i++)
		page[i] = pattern_byte(FIX_RESERVE + i);
	if (img_pages_append(w, page, FIX_APPEND, &off) < 0 || off != FIX_RESERVE)
		goto fail;
	if (img_writer_finish(w, meta) < 0)
		goto fail;
	return 0;
fail:
	img_writer_abort(w);
	return -1;
}

static inline uint8_t *file_load(const char *path, size_t *len)
{
	char *buf;
	ssize_t n = read_file(path, &buf);

	if (n < 0)
		return NULL;
	*len = (size_t)n;
	return (uint8_t *)buf;
}

static inline int file_store(const char *path, const uint8_t *buf, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	int ret;

	if (fd < 0)
		return -1;
	ret = write_all(fd, buf, len);
	close(fd);
	return ret;
}

/* Recompute every checksum the container has (section CRCs of non-page
 * sections inside the buffer, the table CRC, the header CRC), so that a
 * mutation is judged by the checks behind them, not only by a CRC. */
static inline void fix_checksums(uint8_t *b, size_t len)
{
	uint32_t hs, count, entsz;
	uint64_t toff;

	if (len < IMG_HEADER_SIZE_V1)
		return;
	hs = get32(b + H_SIZE);
	if (hs < 8 || hs > len || hs > IMG_HEADER_MAX)
		hs = IMG_HEADER_SIZE_V1;
	toff = get64(b + H_TABLE_OFF);
	count = get32(b + H_TABLE_COUNT);
	entsz = get32(b + H_TABLE_ENTSZ);
	if (count <= IMG_SECT_MAX && entsz >= 32 && entsz <= IMG_SECT_ENTRY_MAX && toff <= len &&
	    (uint64_t)count * entsz <= len - toff) {
		for (uint32_t i = 0; i < count; i++) {
			uint8_t *e = b + toff + (uint64_t)i * entsz;
			uint64_t off = get64(e + S_OFFSET), l = get64(e + S_LENGTH);

			if (get32(e + S_TYPE) != IMG_SECT_PAGES && off <= len && l <= len - off)
				put32(e + S_CRC, crc32c(0, b + off, l));
		}
		put32(b + H_TABLE_CRC, crc32c(0, b + toff, (uint64_t)count * entsz));
	}
	put32(b + hs - 4, crc32c(0, b, hs - 4));
}

/* Silence stderr during bulk loops; quiet_end(token) restores it. */
static inline int quiet_begin(void)
{
	int saved = dup(2), null = open("/dev/null", O_WRONLY | O_CLOEXEC);

	fflush(stderr);
	dup2(null, 2);
	close(null);
	return saved;
}

static inline void quiet_end(int saved)
{
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
}

/* Run fn with stderr captured into out (NUL-terminated). */
static inline int capture_stderr(int (*fn)(void *), void *arg, char *out, size_t cap)
{
	char path[] = "/tmp/stasis-unit-stderr-XXXXXX";
	int fd = mkstemp(path), saved = dup(2), ret;
	ssize_t n;

	unlink(path);
	fflush(stderr);
	dup2(fd, 2);
	ret = fn(arg);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	n = pread(fd, out, cap - 1, 0);
	out[n > 0 ? n : 0] = '\0';
	close(fd);
	return ret;
}

#endif
