#include "pages.h"

#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "log.h"
#include "page_writer.h"
#include "util.h"

#define PM_PRESENT (1ull << 63)
#define PM_SWAPPED (1ull << 62)
#define PM_FILE (1ull << 61)

#define BATCH_BYTES (4ul << 20) /* small batches stay in the cache between the copy in and the copy out */
#define BATCH_IOVS 1024          /* IOV_MAX for process_vm_readv */
#define PAGEMAP_CHUNK 16384      /* entries read at once: 64 MiB of address space */

struct pending_run {
	Stasis__Vma *vma;
	uint64_t addr, count;
	bool readable;
};

struct page_copier {
	struct dump_ctx *ctx;
	struct dump_task *t;
	int pagemap_fd;
	struct page_writer *writer;
	struct pending_run runs[BATCH_IOVS];
	size_t nruns;
	uint64_t batch_bytes;
	uint64_t *pm;           /* pagemap chunk buffer */
};

struct page_copier *pages_begin(struct dump_ctx *ctx, struct dump_task *t)
{
	struct page_copier *pc = xzalloc(sizeof(*pc));
	char path[64];

	pc->ctx = ctx;
	pc->t = t;
	snprintf(path, sizeof(path), "/proc/%d/pagemap", t->pid);
	pc->pagemap_fd = open(path, O_RDONLY | O_CLOEXEC);
	if (pc->pagemap_fd < 0) {
		pr_perror("pid %d: cannot open %s", t->pid, path);
		free(pc);
		return NULL;
	}
	pc->writer = page_writer_start(ctx->img, BATCH_BYTES);
	if (!pc->writer) {
		close(pc->pagemap_fd);
		free(pc);
		return NULL;
	}
	pc->pm = xmalloc(PAGEMAP_CHUNK * sizeof(uint64_t));
	return pc;
}

static void add_page_run(Stasis__Vma *vma, uint64_t addr, uint64_t count, uint64_t offset)
{
	Stasis__PageRun *r;

	/* Extend the previous run when both address and offset continue it. */
	if (vma->n_pages) {
		Stasis__PageRun *last = vma->pages[vma->n_pages - 1];

		if (last->address + last->count * PAGE_SIZE == addr &&
		    last->offset + last->count * PAGE_SIZE == offset) {
			last->count += count;
			return;
		}
	}
	r = xzalloc(sizeof(*r));
	stasis__page_run__init(r);
	r->has_address = r->has_count = r->has_offset = 1;
	r->address = addr;
	r->count = count;
	r->offset = offset;
	vma->pages = xrealloc(vma->pages, (vma->n_pages + 1) * sizeof(*vma->pages));
	vma->pages[vma->n_pages++] = r;
}

/* Copy every batched run into a buffer and hand it to the writer thread. */
static int flush(struct page_copier *pc)
{
	struct iovec remote[BATCH_IOVS], local[BATCH_IOVS];
	size_t nremote = 0, want = 0;
	uint64_t base, off = 0;
	pid_t pid = pc->t->pid;
	char *buf;

	if (!pc->nruns)
		return 0;
	buf = page_writer_buffer(pc->writer);
	if (!buf)
		return -1;
	for (size_t i = 0; i < pc->nruns; i++) {
		struct pending_run *r = &pc->runs[i];
		uint64_t len = r->count * PAGE_SIZE;

		if (r->readable) {
			/* One process_vm_readv for all of them, below. */
			remote[nremote].iov_base = (void *)(uintptr_t)r->addr;
			remote[nremote].iov_len = len;
			local[nremote].iov_base = buf + off;
			local[nremote].iov_len = len;
			nremote++;
			want += len;
		} else if (tracee_read(&pc->t->tracee, r->addr, buf + off, len) < 0) {
			return -1;
		}
		off += len;
	}
	if (nremote) {
		ssize_t got = process_vm_readv(pid, local, nremote, remote, nremote, 0);

		if (got < 0 || (size_t)got != want) {
			if (got < 0)
				pr_perror("pid %d: cannot read its memory", pid);
			else
				pr_err("pid %d: read only %zd of %zu bytes of its memory", pid, got, want);
			return -1;
		}
	}
	if (page_writer_queue(pc->writer, pc->batch_bytes, &base) < 0)
		return -1;
	off = 0;
	for (size_t i = 0; i < pc->nruns; i++) {
		add_page_run(pc->runs[i].vma, pc->runs[i].addr, pc->runs[i].count, base + off);
		off += pc->runs[i].count * PAGE_SIZE;
	}
	pc->ctx->pages_done += pc->batch_bytes / PAGE_SIZE;
	log_progress("dump-memory", pc->ctx->pages_done, pc->ctx->pages_total);
	pc->nruns = 0;
	pc->batch_bytes = 0;
	return 0;
}

static int queue_run(struct page_copier *pc, Stasis__Vma *vma, uint64_t addr, uint64_t count,
		     bool readable)
{
	while (count) {
		uint64_t room = (BATCH_BYTES - pc->batch_bytes) / PAGE_SIZE;
		uint64_t n = count < room ? count : room;

		if (stasis_cancelled) {
			pr_err("dump cancelled while copying memory of pid %d", pc->t->pid);
			return -1;
		}
		pc->runs[pc->nruns++] = (struct pending_run){ vma, addr, n, readable };
		pc->batch_bytes += n * PAGE_SIZE;
		addr += n * PAGE_SIZE;
		count -= n;
		if (pc->nruns == BATCH_IOVS || pc->batch_bytes == BATCH_BYTES)
			if (flush(pc) < 0)
				return -1;
	}
	return 0;
}

static bool page_wanted(uint64_t e, enum page_select sel)
{
	if (e & PM_SWAPPED)
		return true;
	if (!(e & PM_PRESENT))
		return false;
	return sel == PAGES_ANON || !(e & PM_FILE);
}

int pages_dump_range(struct page_copier *pc, Stasis__Vma *vma, enum page_select sel, bool readable)
{
	uint64_t addr = vma->start;

	while (addr < vma->end) {
		uint64_t n = (vma->end - addr) / PAGE_SIZE;
		uint64_t run_start = 0, run_len = 0;

		if (n > PAGEMAP_CHUNK)
			n = PAGEMAP_CHUNK;
		if (pread_all(pc->pagemap_fd, pc->pm, n * sizeof(uint64_t),
			      (off_t)(addr / PAGE_SIZE * sizeof(uint64_t))) < 0) {
			pr_perror("pid %d: cannot read the page map at 0x%llx", pc->t->pid,
				  (unsigned long long)addr);
			return -1;
		}
		for (uint64_t i = 0; i < n; i++) {
			if (page_wanted(pc->pm[i], sel)) {
				if (!run_len)
					run_start = addr + i * PAGE_SIZE;
				run_len++;
				vma->pages_resident++;
				continue;
			}
			if (run_len && queue_run(pc, vma, run_start, run_len, readable) < 0)
				return -1;
			run_len = 0;
		}
		if (run_len && queue_run(pc, vma, run_start, run_len, readable) < 0)
			return -1;
		addr += n * PAGE_SIZE;
	}
	vma->has_pages_resident = 1;
	return 0;
}

int pages_dump_shmem(struct page_copier *pc, Stasis__Vma *vma, int fd)
{
	off_t pos = (off_t)vma->pgoff, end = pos + (off_t)(vma->end - vma->start);

	/* The object's own view: pages touched by any process of the tree,
	 * resident or swapped, are data; holes were never written. */
	if (flush(pc) < 0)
		return -1;
	while (pos < end) {
		off_t data = lseek(fd, pos, SEEK_DATA), hole;

		if (data < 0 && errno == ENXIO)
			break;
		if (data < 0 || (hole = lseek(fd, data, SEEK_HOLE)) < 0) {
			pr_perror("pid %d: cannot scan shared memory at 0x%llx", pc->t->pid,
				  (unsigned long long)vma->start);
			return -1;
		}
		if (data >= end)
			break;
		if (hole > end)
			hole = end;
		/* Through the writer's buffers, a batch at a time. */
		for (off_t at = data; at < hole;) {
			uint64_t len = (uint64_t)(hole - at), off;
			char *buf = page_writer_buffer(pc->writer);

			if (len > BATCH_BYTES)
				len = BATCH_BYTES;
			if (!buf)
				return -1;
			if (pread_all(fd, buf, len, at) < 0) {
				pr_perror("pid %d: cannot read shared memory at 0x%llx", pc->t->pid,
					  (unsigned long long)(vma->start + (uint64_t)(at - (off_t)vma->pgoff)));
				return -1;
			}
			if (page_writer_queue(pc->writer, len, &off) < 0)
				return -1;
			add_page_run(vma, vma->start + (uint64_t)(at - (off_t)vma->pgoff), len / PAGE_SIZE, off);
			vma->pages_resident += len / PAGE_SIZE;
			pc->ctx->pages_done += len / PAGE_SIZE;
			at += (off_t)len;
		}
		pos = hole;
	}
	vma->has_pages_resident = 1;
	return 0;
}

int pages_end(struct page_copier *pc)
{
	int ret = flush(pc);

	if (page_writer_stop(pc->writer) < 0)
		ret = -1;
	close(pc->pagemap_fd);
	free(pc->pm);
	free(pc);
	return ret;
}
