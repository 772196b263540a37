/*
 * Semantic checks of stasis.Image metadata (docs/image-format.md,
 * "Metadata rules"). protobuf-c guarantees only that the bytes parse; these
 * rules make the content safe to act on: pids in range and unique, parents
 * before children, VMAs sorted and page aligned, every page run inside its
 * VMA and inside PAGES (no offset + length overflow), references resolve.
 */
#include "image_check.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "log.h"
#include "util.h"

#define PID_MAX_LIMIT 4194304u  /* the kernel's ceiling for pid_max */
#define MAX_SIGNAL 64
#define MAX_RLIMIT 16           /* RLIM_NLIMITS */
#define MAX_XSTATE (1u << 20)
#define MAX_SIGINFO 128         /* sizeof(siginfo_t) */
#define MAX_GROUPS 65536        /* NGROUPS_MAX */

struct ctx {
	const char *path;
	const Stasis__Image *m;
	uint64_t pages_len;
	size_t proc;               /* index of the process being checked */
};

static int fail(const struct ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(const struct ctx *c, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (c->proc < c->m->n_processes)
		pr_err("image %s: metadata: process %zu (pid %u): %s", c->path, c->proc,
		       c->m->processes[c->proc]->pid, msg);
	else
		pr_err("image %s: metadata: %s", c->path, msg);
	return -1;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Sort a copy of ids; return the index of a duplicate in the sorted copy or -1. */
static long find_duplicate(uint64_t *ids, size_t n)
{
	qsort(ids, n, sizeof(*ids), cmp_u64);
	for (size_t i = 1; i < n; i++)
		if (ids[i] == ids[i - 1])
			return (long)i;
	return -1;
}

static bool sorted_contains(const uint64_t *ids, size_t n, uint64_t id)
{
	return n && bsearch(&id, ids, n, sizeof(*ids), cmp_u64);
}

static int check_runs(const struct ctx *c, size_t vi, const Stasis__Vma *v)
{
	uint64_t next = v->start;

	for (size_t i = 0; i < v->n_pages; i++) {
		const Stasis__PageRun *p = v->pages[i];
		uint64_t bytes;

		if (!p->count || p->address % PAGE_SIZE || p->offset % PAGE_SIZE)
			return fail(c, "vma %zu: page run %zu (address 0x%llx, %llu pages, offset %llu) is empty or not page aligned",
				    vi, i, (unsigned long long)p->address, (unsigned long long)p->count,
				    (unsigned long long)p->offset);
		if (p->count > (v->end - v->start) / PAGE_SIZE)
			return fail(c, "vma %zu: page run %zu has %llu pages, more than the vma holds",
				    vi, i, (unsigned long long)p->count);
		bytes = p->count * PAGE_SIZE; /* cannot overflow: bounded by the vma */
		if (p->address < next || p->address > v->end - bytes)
			return fail(c, "vma %zu [0x%llx-0x%llx): page run %zu [0x%llx, +%llu pages) is outside the vma or overlaps the previous run",
				    vi, (unsigned long long)v->start, (unsigned long long)v->end, i,
				    (unsigned long long)p->address, (unsigned long long)p->count);
		if (p->offset > c->pages_len || bytes > c->pages_len - p->offset)
			return fail(c, "vma %zu: page run %zu at PAGES offset %llu, %llu bytes, ends beyond the PAGES section (%llu bytes)",
				    vi, i, (unsigned long long)p->offset, (unsigned long long)bytes,
				    (unsigned long long)c->pages_len);
		next = p->address + bytes;
	}
	return 0;
}

static int check_mm(const struct ctx *c, const Stasis__MmState *mm)
{
	uint64_t prev_end = 0;

	if (mm->n_auxv % 2)
		return fail(c, "auxv has %zu entries; it must be (type, value) pairs", mm->n_auxv);
	for (size_t i = 0; i < mm->n_vmas; i++) {
		const Stasis__Vma *v = mm->vmas[i];

		if (v->start % PAGE_SIZE || v->end % PAGE_SIZE || v->start >= v->end)
			return fail(c, "vma %zu [0x%llx-0x%llx) is empty or not page aligned", i,
				    (unsigned long long)v->start, (unsigned long long)v->end);
		if (v->start < prev_end)
			return fail(c, "vma %zu [0x%llx-0x%llx) is out of order or overlaps the one before (ending 0x%llx)",
				    i, (unsigned long long)v->start, (unsigned long long)v->end,
				    (unsigned long long)prev_end);
		if ((unsigned)v->kind > STASIS__VMA_KIND__VMA_VVAR)
			return fail(c, "vma %zu has unknown kind %d", i, v->kind);
		if (check_runs(c, i, v) < 0)
			return -1;
		prev_end = v->end;
	}
	return 0;
}

static int check_siginfo(const struct ctx *c, const char *where, Stasis__SigInfo **si, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (si[i]->signal < 1 || si[i]->signal > MAX_SIGNAL || si[i]->raw.len > MAX_SIGINFO)
			return fail(c, "%s pending signal %zu: signal %u or siginfo size %zu out of range",
				    where, i, si[i]->signal, si[i]->raw.len);
	return 0;
}

static int check_threads(const struct ctx *c, const Stasis__Process *p)
{
	uint64_t *tids;
	long dup;

	if (p->state == STASIS__PROCESS_STATE__PROCESS_ALIVE && p->n_threads == 0)
		return fail(c, "a live process with no threads");
	tids = xmalloc((p->n_threads + 1) * sizeof(*tids));
	for (size_t i = 0; i < p->n_threads; i++) {
		const Stasis__Thread *t = p->threads[i];

		tids[i] = t->tid;
		if (t->tid < 1 || t->tid > PID_MAX_LIMIT || t->xstate.len > MAX_XSTATE) {
			free(tids);
			return fail(c, "thread %zu: tid %u or xstate size %zu out of range", i, t->tid,
				    t->xstate.len);
		}
		if (check_siginfo(c, "thread", t->pending, t->n_pending) < 0) {
			free(tids);
			return -1;
		}
	}
	dup = find_duplicate(tids, p->n_threads);
	if (dup >= 0) {
		fail(c, "tid %llu appears twice", (unsigned long long)tids[dup]);
		free(tids);
		return -1;
	}
	free(tids);
	return 0;
}

static int check_fds(const struct ctx *c, const Stasis__Process *p, const uint64_t *file_ids)
{
	uint64_t *fds = xmalloc((p->n_fds + 1) * sizeof(*fds));
	long dup;

	for (size_t i = 0; i < p->n_fds; i++) {
		const Stasis__FileDescriptor *f = p->fds[i];

		fds[i] = f->fd;
		if (f->fd > INT_MAX || !sorted_contains(file_ids, c->m->n_files, f->file_id)) {
			free(fds);
			return fail(c, "fd %u refers to open file %llu, which the image does not list",
				    f->fd, (unsigned long long)f->file_id);
		}
	}
	dup = find_duplicate(fds, p->n_fds);
	free(fds);
	if (dup >= 0)
		return fail(c, "an fd number appears twice");
	return 0;
}

static int check_misc(const struct ctx *c, const Stasis__Process *p)
{
	uint64_t seen = 0; /* bit set of signals, then of rlimits */

	if (p->signals) {
		for (size_t i = 0; i < p->signals->n_actions; i++) {
			uint32_t s = p->signals->actions[i]->signal;

			if (s < 1 || s > MAX_SIGNAL || (seen & (1ull << (s - 1))))
				return fail(c, "signal action %zu: signal %u out of range or listed twice", i, s);
			seen |= 1ull << (s - 1);
		}
		if (check_siginfo(c, "shared", p->signals->shared_pending,
				  p->signals->n_shared_pending) < 0)
			return -1;
	}
	seen = 0;
	for (size_t i = 0; i < p->n_rlimits; i++) {
		uint32_t r = p->rlimits[i]->resource;

		if (r >= MAX_RLIMIT || (seen & (1ull << r)))
			return fail(c, "rlimit %zu: resource %u out of range or listed twice", i, r);
		seen |= 1ull << r;
	}
	for (size_t i = 0; i < p->n_itimers; i++)
		if (p->itimers[i]->which > 2)
			return fail(c, "itimer %zu: unknown timer %u", i, p->itimers[i]->which);
	if (p->creds && p->creds->n_groups > MAX_GROUPS)
		return fail(c, "%zu supplementary groups, more than the kernel allows (%d)",
			    p->creds->n_groups, MAX_GROUPS);
	if ((unsigned)p->state > STASIS__PROCESS_STATE__PROCESS_ZOMBIE)
		return fail(c, "unknown process state %d", p->state);
	return 0;
}

/* Index of the process with this pid in keys (pid << 32 | index, sorted), or -1. */
static long find_pid(const uint64_t *keys, size_t n, uint64_t pid)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (keys[mid] >> 32 < pid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && keys[lo] >> 32 == pid ? (long)(keys[lo] & 0xffffffffu) : -1;
}

/* Pids in range and unique; a parent inside the image comes first (so the
 * tree has no cycles and restore can fork in order). O(n log n): a hostile
 * image may list millions of processes. */
static int check_tree(struct ctx *c, uint64_t *keys)
{
	const Stasis__Image *m = c->m;
	size_t n = m->n_processes;

	for (size_t i = 0; i < n; i++) {
		c->proc = i;
		if (m->processes[i]->pid < 1 || m->processes[i]->pid > PID_MAX_LIMIT)
			return fail(c, "pid out of range 1..%u", PID_MAX_LIMIT);
		keys[i] = (uint64_t)m->processes[i]->pid << 32 | i;
	}
	c->proc = SIZE_MAX;
	qsort(keys, n, sizeof(*keys), cmp_u64);
	for (size_t i = 1; i < n; i++)
		if (keys[i] >> 32 == keys[i - 1] >> 32)
			return fail(c, "pid %llu appears twice", (unsigned long long)(keys[i] >> 32));
	if (m->has_root_pid && find_pid(keys, n, m->root_pid) < 0)
		return fail(c, "root pid %u is not one of the processes", m->root_pid);
	for (size_t i = 0; i < n; i++) {
		long parent = find_pid(keys, n, m->processes[i]->ppid);

		c->proc = i;
		if (parent >= 0 && (size_t)parent >= i)
			return fail(c, "its parent (pid %u, process %ld) does not come before it; parents must come first",
				    m->processes[i]->ppid, parent);
	}
	c->proc = SIZE_MAX;
	return 0;
}

static int check_pipes(const struct ctx *c)
{
	for (size_t i = 0; i < c->m->n_pipes; i++) {
		const Stasis__Pipe *p = c->m->pipes[i];

		if (p->has_capacity && p->data.len > p->capacity)
			return fail(c, "pipe %zu holds %zu bytes, more than its capacity %u", i,
				    p->data.len, p->capacity);
	}
	return 0;
}

int img_check_meta(const char *path, const Stasis__Image *m, uint64_t pages_len)
{
	struct ctx c = { .path = path, .m = m, .pages_len = pages_len, .proc = SIZE_MAX };
	uint64_t *pids, *file_ids;
	int ret = -1;

	if (m->n_processes == 0)
		return fail(&c, "the image holds no processes");
	if (m->n_processes > PID_MAX_LIMIT)
		return fail(&c, "%zu processes, more than a kernel can run", m->n_processes);
	pids = xmalloc(m->n_processes * sizeof(*pids));
	file_ids = xmalloc((m->n_files + 1) * sizeof(*file_ids));
	for (size_t i = 0; i < m->n_files; i++) {
		file_ids[i] = m->files[i]->id;
		if ((unsigned)m->files[i]->kind > STASIS__FILE_KIND__FILE_TTY) {
			fail(&c, "open file %zu has unknown kind %d", i, m->files[i]->kind);
			goto out;
		}
	}
	if (find_duplicate(file_ids, m->n_files) >= 0) {
		fail(&c, "two open files share one id");
		goto out;
	}
	if (check_tree(&c, pids) < 0 || check_pipes(&c) < 0)
		goto out;
	for (size_t i = 0; i < m->n_processes; i++) {
		const Stasis__Process *p = m->processes[i];

		c.proc = i;
		if (check_threads(&c, p) < 0 || check_fds(&c, p, file_ids) < 0 ||
		    check_misc(&c, p) < 0 || (p->mm && check_mm(&c, p->mm) < 0))
			goto out;
	}
	ret = 0;
out:
	free(pids);
	free(file_ids);
	return ret;
}
