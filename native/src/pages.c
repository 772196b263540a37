#include "pages.h"

#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "log.h"
#include "util.h"

#define PM_PRESENT (1ull << 63)
#define PM_SWAPPED (1ull << 62)
#define PM_FILE (1ull << 61)

#define BATCH_BYTES (64ul << 20) /* one image mapping per 64 MiB */
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

/* Copy every batched run into one freshly reserved region of the image. */
static int flush(struct page_copier *pc)
{
	struct iovec remote[BATCH_IOVS];
	uint64_t base, off = 0;
	char *map;
	pid_t pid = pc->t->pid;
	size_t nremote = 0;

	if (!pc->nruns)
		return 0;
	map = img_pages_reserve(pc->ctx->img, pc->batch_bytes, &base);
	if (!map)
		return -1;
	for (size_t i = 0; i < pc->nruns; i++) {
		struct pending_run *r = &pc->runs[i];
		uint64_t len = r->count * PAGE_SIZE;

		if (r->readable) {
			remote[nremote].iov_base = (void *)(uintptr_t)r->addr;
			remote[nremote].iov_len = len;
			nremote++;
		} else if (tracee_read(&pc->t->tracee, r->addr, map + off, len) < 0) {
			goto fail;
		}
		add_page_run(r->vma, r->addr, r->count, base + off);
		r->vma->has_pages_resident = 1;
		off += len;
	}
	/* Readable runs go in one process_vm_readv, scattered from the
	 * process into their places in the image mapping. */
	if (nremote) {
		struct iovec local[BATCH_IOVS];
		size_t nlocal = 0, want = 0;

		off = 0;
		for (size_t i = 0; i < pc->nruns; i++) {
			uint64_t len = pc->runs[i].count * PAGE_SIZE;

			if (pc->runs[i].readable) {
				local[nlocal].iov_base = map + off;
				local[nlocal].iov_len = len;
				nlocal++;
				want += len;
			}
			off += len;
		}
		ssize_t got = process_vm_readv(pid, local, nlocal, remote, nremote, 0);

		if (got < 0 || (size_t)got != want) {
			if (got < 0)
				pr_perror("pid %d: cannot read its memory", pid);
			else
				pr_err("pid %d: read only %zd of %zu bytes of its memory", pid, got, want);
			goto fail;
		}
	}
	if (img_pages_commit(pc->ctx->img, map, pc->batch_bytes) < 0)
		return -1;
	pc->ctx->pages_done += pc->batch_bytes / PAGE_SIZE;
	log_progress("dump-memory", pc->ctx->pages_done, pc->ctx->pages_total);
	pc->nruns = 0;
	pc->batch_bytes = 0;
	return 0;
fail:
	img_pages_commit(pc->ctx->img, map, pc->batch_bytes);
	return -1;
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
		uint64_t len = (uint64_t)(hole - data), off;
		char *map = img_pages_reserve(pc->ctx->img, len, &off);

		if (!map)
			return -1;
		if (pread_all(fd, map, len, data) < 0) {
			pr_perror("pid %d: cannot read shared memory at 0x%llx", pc->t->pid,
				  (unsigned long long)(vma->start + (uint64_t)(data - (off_t)vma->pgoff)));
			img_pages_commit(pc->ctx->img, map, len);
			return -1;
		}
		if (img_pages_commit(pc->ctx->img, map, len) < 0)
			return -1;
		add_page_run(vma, vma->start + (uint64_t)(data - (off_t)vma->pgoff), len / PAGE_SIZE, off);
		vma->pages_resident += len / PAGE_SIZE;
		pc->ctx->pages_done += len / PAGE_SIZE;
		pos = hole;
	}
	vma->has_pages_resident = 1;
	return 0;
}

int pages_end(struct page_copier *pc)
{
	int ret = flush(pc);

	close(pc->pagemap_fd);
	free(pc->pm);
	free(pc);
	return ret;
}
