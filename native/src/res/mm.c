/*
 * Memory: every VMA with its protection, backing and stored pages; the
 * vDSO moved back to its old address; the kernel's mm fields (brk, where
 * argv and environ live, auxv, /proc/PID/exe).
 *
 * Dump stores only pages that exist: anonymous pages present or swapped,
 * the dirty (copied-on-write) pages of private file mappings, and the
 * populated parts of shared memory once per object. Clean file pages are
 * mapped again from the file on restore.
 *
 * Restore runs in the puppet: unmap everything of the helper but our
 * trampoline and the vDSO, move the vDSO, map every VMA at its address,
 * fill pages with pread/preadv from the image straight into place, then
 * set the final protections and the mm fields.
 */
#include "mm.h"

#include <errno.h>
#include <stdio.h>
#include <sys/sysmacros.h>
#include <fcntl.h>
#include <linux/prctl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "log.h"
#include "page_pool.h"
#include "pages.h"
#include "proc.h"
#include "resource.h"
#include "util.h"

#define MADVISE_BITS (STASIS_MADV_DONTFORK | STASIS_MADV_DONTDUMP | STASIS_MADV_WIPEONFORK | \
		      STASIS_MADV_HUGEPAGE | STASIS_MADV_NOHUGEPAGE | STASIS_MADV_MERGEABLE)

/* ------------------------------------------------------------------ dump */

static bool is_vvar(const char *name)
{
	return !strcmp(name, "[vvar]") || !strcmp(name, "[vvar_vclock]");
}

static bool in_scratch(const struct dump_task *t, const struct proc_vma *v)
{
	return t->tracee.scratch && v->start >= t->tracee.scratch &&
	       v->end <= t->tracee.scratch + t->tracee.scratch_size;
}

/* Refuse what v1 cannot restore, before anything is written. */
static int mm_check(struct dump_ctx *ctx, struct dump_task *t)
{
	struct proc_vma *v;
	size_t n;
	int ret = 0;

	if (proc_read_vmas(t->pid, &v, &n) < 0) {
		pr_perror("pid %d: cannot read its memory map", t->pid);
		return -1;
	}
	for (size_t i = 0; i < n && !ret; i++) {
		const char *name = v[i].name;

		ctx->pages_total += v[i].rss / PAGE_SIZE;
		if (!strncmp(name, "/SYSV", 5)) {
			pr_err("pid %d: maps SysV shared memory segment (key 0x%s) at 0x%llx; SysV IPC "
			       "is not supported yet: detach it (shmdt) before checkpointing",
			       t->pid, name + 5, (unsigned long long)v[i].start);
			ret = -1;
		} else if (name[0] == '/' && v[i].deleted && strcmp(name, "/dev/zero")) {
			pr_err("pid %d: maps %s at 0x%llx, a file that was deleted; such mappings are "
			       "not supported yet", t->pid, name, (unsigned long long)v[i].start);
			ret = -1;
		} else if (name[0] == '/' && !strncmp(name, "/dev/", 5) && strcmp(name, "/dev/zero")) {
			pr_err("pid %d: maps the device %s at 0x%llx; device mappings cannot be "
			       "checkpointed", t->pid, name, (unsigned long long)v[i].start);
			ret = -1;
		}
	}
	proc_free_vmas(v, n);
	return ret;
}

static Stasis__VmaKind classify(const struct proc_vma *v)
{
	if (!strcmp(v->name, "[vdso]"))
		return STASIS__VMA_KIND__VMA_VDSO;
	if (is_vvar(v->name))
		return STASIS__VMA_KIND__VMA_VVAR;
	if (v->name[0] == '/' && strcmp(v->name, "/dev/zero"))
		return v->shared ? STASIS__VMA_KIND__VMA_FILE_SHARED : STASIS__VMA_KIND__VMA_FILE_PRIVATE;
	return v->shared ? STASIS__VMA_KIND__VMA_ANON_SHARED : STASIS__VMA_KIND__VMA_ANON_PRIVATE;
}

static bool shmem_seen(struct dump_ctx *ctx, uint64_t id)
{
	for (size_t i = 0; i < ctx->nshmem_dumped; i++)
		if (ctx->shmem_dumped[i] == id)
			return true;
	ctx->shmem_dumped = xrealloc(ctx->shmem_dumped, (ctx->nshmem_dumped + 1) * sizeof(uint64_t));
	ctx->shmem_dumped[ctx->nshmem_dumped++] = id;
	return false;
}

static int dump_vma(struct dump_ctx *ctx, struct dump_task *t, struct page_copier *pc,
		    const struct proc_vma *v, Stasis__Vma *pb)
{
	char mf[96];

	stasis__vma__init(pb);
	pb->has_start = pb->has_end = pb->has_prot = pb->has_flags = pb->has_kind = 1;
	pb->start = v->start;
	pb->end = v->end;
	pb->prot = v->prot;
	pb->flags = (v->shared ? MAP_SHARED : MAP_PRIVATE) |
		    ((v->vmflags & PROC_VMF_GROWSDOWN) ? MAP_GROWSDOWN : 0);
	pb->kind = classify(v);
	pb->name = xstrdup(v->name);
	pb->has_pgoff = pb->has_dev = pb->has_inode = pb->has_madvise = 1;
	pb->pgoff = v->pgoff;
	pb->dev = makedev(v->dev_major, v->dev_minor);
	pb->inode = v->inode;
	pb->madvise = v->vmflags & MADVISE_BITS;

	snprintf(mf, sizeof(mf), "/proc/%d/map_files/%llx-%llx", t->pid,
		 (unsigned long long)v->start, (unsigned long long)v->end);
	switch (pb->kind) {
	case STASIS__VMA_KIND__VMA_VDSO:
	case STASIS__VMA_KIND__VMA_VVAR:
		return 0;
	case STASIS__VMA_KIND__VMA_FILE_PRIVATE:
	case STASIS__VMA_KIND__VMA_FILE_SHARED: {
		struct stat st;

		if (stat(mf, &st) < 0) {
			pr_perror("pid %d: cannot look at the file %s mapped at 0x%llx", t->pid, v->name,
				  (unsigned long long)v->start);
			return -1;
		}
		pb->path = xstrdup(v->name);
		pb->has_file_size = pb->has_file_mtime_ns = 1;
		pb->file_size = (uint64_t)st.st_size;
		pb->file_mtime_ns = (uint64_t)st.st_mtim.tv_sec * 1000000000ull +
				    (uint64_t)st.st_mtim.tv_nsec;
		if (pb->kind == STASIS__VMA_KIND__VMA_FILE_SHARED)
			return 0; /* contents live in the file */
		return pages_dump_range(pc, pb, PAGES_COW, v->prot & PROT_READ);
	}
	case STASIS__VMA_KIND__VMA_ANON_SHARED: {
		int fd, ret;

		pb->has_shmem_id = 1;
		pb->shmem_id = v->inode;
		if (shmem_seen(ctx, v->inode))
			return 0; /* pages stored with the first process mapping it */
		fd = open(mf, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			pr_perror("pid %d: cannot open shared memory at 0x%llx", t->pid,
				  (unsigned long long)v->start);
			return -1;
		}
		ret = pages_dump_shmem(pc, pb, fd);
		close(fd);
		return ret;
	}
	default:
		return pages_dump_range(pc, pb, PAGES_ANON, v->prot & PROT_READ);
	}
}

static int dump_mm_fields(struct dump_task *t, Stasis__MmState *mm)
{
	struct proc_stat st;
	char *auxv;
	ssize_t len;
	long brk;

	if (proc_read_stat(t->pid, &st) < 0) {
		pr_perror("pid %d: cannot read its status", t->pid);
		return -1;
	}
	if (tracee_syscall_ok(&t->tracee, &brk, "cannot read its program break", SYS_brk,
			      0, 0, 0, 0, 0, 0) < 0)
		return -1;
#define SET(f, v) do { mm->has_##f = 1; mm->f = (v); } while (0)
	SET(start_code, st.start_code);
	SET(end_code, st.end_code);
	SET(start_data, st.start_data);
	SET(end_data, st.end_data);
	SET(start_brk, st.start_brk);
	SET(brk, (uint64_t)brk);
	SET(start_stack, st.start_stack);
	SET(arg_start, st.arg_start);
	SET(arg_end, st.arg_end);
	SET(env_start, st.env_start);
	SET(env_end, st.env_end);
#undef SET
	len = read_filef(&auxv, "/proc/%d/auxv", t->pid);
	if (len < 0) {
		pr_perror("pid %d: cannot read its auxiliary vector", t->pid);
		return -1;
	}
	mm->n_auxv = (size_t)len / sizeof(uint64_t);
	mm->auxv = xmalloc(mm->n_auxv * sizeof(uint64_t) + 1);
	memcpy(mm->auxv, auxv, mm->n_auxv * sizeof(uint64_t));
	free(auxv);
	mm->exe_path = t->pb->exe ? xstrdup(t->pb->exe) : NULL;
	return 0;
}

static int mm_dump(struct dump_ctx *ctx, struct dump_task *t)
{
	Stasis__MmState *mm = xzalloc(sizeof(*mm));
	struct page_copier *pc;
	struct proc_vma *v;
	size_t n;
	int ret = 0;

	stasis__mm_state__init(mm);
	t->pb->mm = mm;
	if (dump_mm_fields(t, mm) < 0)
		return -1;
	if (proc_read_vmas(t->pid, &v, &n) < 0) {
		pr_perror("pid %d: cannot read its memory map", t->pid);
		return -1;
	}
	pc = pages_begin(ctx, t);
	if (!pc) {
		proc_free_vmas(v, n);
		return -1;
	}
	mm->vmas = xzalloc(n * sizeof(*mm->vmas));
	for (size_t i = 0; i < n && !ret; i++) {
		if (in_scratch(t, &v[i]) || !strcmp(v[i].name, "[vsyscall]"))
			continue;
		Stasis__Vma *pb = xzalloc(sizeof(*pb));

		mm->vmas[mm->n_vmas++] = pb;
		ret = dump_vma(ctx, t, pc, &v[i], pb);
	}
	if (pages_end(pc) < 0)
		ret = -1;
	proc_free_vmas(v, n);
	mm->has_pages_stored = 1;
	for (size_t i = 0; i < mm->n_vmas; i++)
		for (size_t r = 0; r < mm->vmas[i]->n_pages; r++)
			mm->pages_stored += mm->vmas[i]->pages[r]->count;
	return ret;
}

/* --------------------------------------------------------------- restore */

bool mm_range_free(const Stasis__Process *p, uint64_t start, uint64_t end)
{
	if (!p->mm)
		return true;
	for (size_t i = 0; i < p->mm->n_vmas; i++)
		if (start < p->mm->vmas[i]->end && p->mm->vmas[i]->start < end)
			return false;
	return true;
}

static bool is_vdso_kind(const Stasis__Vma *v)
{
	return v->kind == STASIS__VMA_KIND__VMA_VDSO || v->kind == STASIS__VMA_KIND__VMA_VVAR;
}

static int inject(struct restore_task *t, long *ret, const char *what, long nr, uint64_t a1,
		  uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5, uint64_t a6)
{
	return tracee_syscall_ok(&t->tracee, ret, what, nr, a1, a2, a3, a4, a5, a6);
}

/* Remove the helper's own memory from the puppet, keeping our trampoline
 * and the vDSO (moved next). */
static int unmap_helper(struct restore_task *t, struct proc_vma *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (v[i].start >= t->tramp && v[i].end <= t->tramp + t->tramp_size)
			continue;
		if (!strcmp(v[i].name, "[vdso]") || is_vvar(v[i].name) || !strcmp(v[i].name, "[vsyscall]"))
			continue;
		if (inject(t, NULL, "cannot unmap the restorer's memory", SYS_munmap, v[i].start,
			   v[i].end - v[i].start, 0, 0, 0, 0) < 0)
			return -1;
	}
	return 0;
}

struct vdso_move {
	uint64_t from, to, len;
};

static bool overlaps_plan(const struct vdso_move *plan, size_t n, uint64_t start, uint64_t end)
{
	for (size_t i = 0; i < n; i++)
		if (start < plan[i].from + plan[i].len && plan[i].from < end)
			return true;
	return false;
}

/* Move [vvar], [vvar_vclock] and [vdso] to where the image had them. Each
 * goes through a free spot first, so old and new places may overlap. */
static int move_vdso(struct restore_task *t, struct proc_vma *v, size_t n)
{
	const Stasis__MmState *mm = t->pb->mm;
	uint64_t spot = t->tramp + t->tramp_size;
	size_t moved = 0;

	struct vdso_move plan[8];
	size_t nplan = 0;

	for (size_t i = 0; i < mm->n_vmas; i++) {
		const Stasis__Vma *iv = mm->vmas[i];
		size_t k;

		if (!is_vdso_kind(iv))
			continue;
		for (k = 0; k < n; k++)
			if (!strcmp(v[k].name, iv->name))
				break;
		if (k == n || v[k].end - v[k].start != iv->end - iv->start || nplan == ARRAY_SIZE(plan)) {
			pr_err("pid %u: the image's %s (%llu KiB) does not match this kernel's; the "
			       "image was made on another kernel (%s) and cannot be restored here",
			       t->pb->pid, iv->name, (unsigned long long)(iv->end - iv->start) / 1024,
			       "see 'stasis info'");
			return -1;
		}
		plan[nplan].from = v[k].start;
		plan[nplan].to = iv->start;
		plan[nplan].len = iv->end - iv->start;
		nplan++;
	}
	/* The temporary spot must be free in the image and in the puppet,
	 * which by now holds only the trampoline and the vDSO itself. */
	while (!mm_range_free(t->pb, spot, spot + 64 * PAGE_SIZE) ||
	       overlaps_plan(plan, nplan, spot, spot + 64 * PAGE_SIZE))
		spot += 64 * PAGE_SIZE;
	for (size_t i = 0; i < nplan; i++) {
		long r;

		if (plan[i].from == plan[i].to)
			continue;
		if (inject(t, &r, "cannot move the vDSO", SYS_mremap, plan[i].from, plan[i].len,
			   plan[i].len, MREMAP_MAYMOVE | MREMAP_FIXED, spot + moved, 0) < 0)
			return -1;
		plan[i].from = spot + moved;
		moved += plan[i].len;
	}
	for (size_t i = 0; i < nplan; i++) {
		long r;

		if (plan[i].from == plan[i].to)
			continue;
		if (inject(t, &r, "cannot move the vDSO", SYS_mremap, plan[i].from, plan[i].len,
			   plan[i].len, MREMAP_MAYMOVE | MREMAP_FIXED, plan[i].to, 0) < 0)
			return -1;
	}
	return 0;
}

static int open_in_puppet(struct restore_task *t, const char *path, int flags, long *fd)
{
	uint64_t p;

	tracee_scratch_reset(&t->tracee);
	p = tracee_scratch_str(&t->tracee, path);
	if (!p)
		return -1;
	return tracee_syscall(&t->tracee, fd, SYS_openat, (uint64_t)AT_FDCWD, p,
			      (uint64_t)(flags | O_CLOEXEC), 0, 0, 0);
}

static int map_file(struct restore_ctx *ctx, struct restore_task *t, const Stasis__Vma *v,
		    uint32_t prot, uint32_t flags)
{
	int oflags = (v->kind == STASIS__VMA_KIND__VMA_FILE_SHARED && (v->prot & PROT_WRITE))
			     ? O_RDWR : O_RDONLY;
	struct stat st;
	long fd, r;
	int ret;

	(void)ctx;
	if (stat(v->path, &st) < 0) {
		pr_perror("pid %u: %s, mapped at 0x%llx, cannot be found", t->pb->pid, v->path,
			  (unsigned long long)v->start);
		return -1;
	}
	if ((uint64_t)st.st_size != v->file_size)
		pr_warn("pid %u: %s changed size since the checkpoint (%llu -> %llu bytes); its "
			"mapping at 0x%llx may not match", t->pb->pid, v->path,
			(unsigned long long)v->file_size, (unsigned long long)st.st_size,
			(unsigned long long)v->start);
	if (open_in_puppet(t, v->path, oflags, &fd) < 0)
		return -1;
	if (fd < 0) {
		errno = (int)-fd;
		pr_perror("pid %u: cannot open %s to map it at 0x%llx", t->pb->pid, v->path,
			  (unsigned long long)v->start);
		return -1;
	}
	ret = inject(t, &r, "cannot map a file", SYS_mmap, v->start, v->end - v->start, prot,
		     flags | MAP_FIXED, (uint64_t)fd, v->pgoff);
	if (inject(t, NULL, "cannot close a file", SYS_close, (uint64_t)fd, 0, 0, 0, 0, 0) < 0)
		return -1;
	return ret;
}

static struct restore_shmem *shmem_find(struct restore_ctx *ctx, uint64_t id)
{
	for (size_t i = 0; i < ctx->nshmem; i++)
		if (ctx->shmem[i].id == id)
			return &ctx->shmem[i];
	return NULL;
}

static int map_shmem(struct restore_ctx *ctx, struct restore_task *t, const Stasis__Vma *v,
		     uint32_t prot, bool *fill)
{
	struct restore_shmem *s = shmem_find(ctx, v->shmem_id);
	long fd, r;
	int ret;

	if (!s) {
		/* First process mapping it: create it; later ones share it. */
		ctx->shmem = xrealloc(ctx->shmem, (ctx->nshmem + 1) * sizeof(*ctx->shmem));
		ctx->shmem[ctx->nshmem++] = (struct restore_shmem){ v->shmem_id, t->pid, v->start, v->end };
		*fill = true;
		return inject(t, &r, "cannot map shared memory", SYS_mmap, v->start, v->end - v->start,
			      prot, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, (uint64_t)-1, 0);
	}
	*fill = false;
	char path[96];

	snprintf(path, sizeof(path), "/proc/%d/map_files/%llx-%llx", s->pid,
		 (unsigned long long)s->start, (unsigned long long)s->end);
	if (open_in_puppet(t, path, O_RDWR, &fd) < 0)
		return -1;
	if (fd < 0) {
		errno = (int)-fd;
		pr_perror("pid %u: cannot share memory at 0x%llx with pid %d", t->pb->pid,
			  (unsigned long long)v->start, s->pid);
		return -1;
	}
	ret = inject(t, &r, "cannot map shared memory", SYS_mmap, v->start, v->end - v->start, prot,
		     MAP_SHARED | MAP_FIXED, (uint64_t)fd, v->pgoff);
	if (inject(t, NULL, "cannot close a file", SYS_close, (uint64_t)fd, 0, 0, 0, 0, 0) < 0)
		return -1;
	return ret;
}

/* Queue the stored pages for the page pool's threads, which write them
 * straight into place while verifying the image's checksums. */
static void fill_pages(struct restore_ctx *ctx, struct restore_task *t, const Stasis__Vma *v)
{
	for (size_t i = 0; i < v->n_pages; i++) {
		const Stasis__PageRun *pr = v->pages[i];

		page_pool_copy(ctx->pool, t->pid, pr->address, pr->offset, pr->count * PAGE_SIZE);
		ctx->pages_done += pr->count;
	}
}

static int madvise_vma(struct restore_task *t, const Stasis__Vma *v)
{
	static const struct { uint64_t bit; int advice; } advice[] = {
		{ STASIS_MADV_DONTFORK, MADV_DONTFORK }, { STASIS_MADV_DONTDUMP, MADV_DONTDUMP },
		{ STASIS_MADV_WIPEONFORK, MADV_WIPEONFORK }, { STASIS_MADV_HUGEPAGE, MADV_HUGEPAGE },
		{ STASIS_MADV_NOHUGEPAGE, MADV_NOHUGEPAGE }, { STASIS_MADV_MERGEABLE, MADV_MERGEABLE },
	};

	for (size_t i = 0; i < ARRAY_SIZE(advice); i++) {
		long r;

		if (!(v->madvise & advice[i].bit))
			continue;
		if (tracee_syscall(&t->tracee, &r, SYS_madvise, v->start, v->end - v->start,
				   (uint64_t)advice[i].advice, 0, 0, 0) < 0)
			return -1;
		if (r < 0)
			pr_warn("pid %u: could not re-apply memory advice %d at 0x%llx (error %ld)",
				t->pb->pid, advice[i].advice, (unsigned long long)v->start, -r);
	}
	return 0;
}

/* The protection a VMA is mapped with while its pages are filled. */
static uint32_t fill_prot(const Stasis__Vma *v)
{
	return v->prot | (v->n_pages ? PROT_READ | PROT_WRITE : 0);
}

static int map_vma(struct restore_ctx *ctx, struct restore_task *t, const Stasis__Vma *v)
{
	uint32_t prot = fill_prot(v);
	uint32_t grows = (v->flags & MAP_GROWSDOWN) ? MAP_GROWSDOWN : 0;
	bool fill = v->n_pages > 0;
	long r;

	switch (v->kind) {
	case STASIS__VMA_KIND__VMA_FILE_PRIVATE:
		if (map_file(ctx, t, v, prot, MAP_PRIVATE) < 0)
			return -1;
		break;
	case STASIS__VMA_KIND__VMA_FILE_SHARED:
		return map_file(ctx, t, v, v->prot, MAP_SHARED);
	case STASIS__VMA_KIND__VMA_ANON_SHARED:
		if (map_shmem(ctx, t, v, prot, &fill) < 0)
			return -1;
		break;
	default:
		if (inject(t, &r, "cannot map memory", SYS_mmap, v->start, v->end - v->start, prot,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | grows, (uint64_t)-1, 0) < 0)
			return -1;
		break;
	}
	if (fill)
		fill_pages(ctx, t, v);
	return 0;
}

/* After the pages are in: final protection and memory advice. */
static int finish_vma(struct restore_task *t, const Stasis__Vma *v)
{
	long r;

	if (v->kind != STASIS__VMA_KIND__VMA_FILE_SHARED && fill_prot(v) != v->prot &&
	    inject(t, &r, "cannot set memory protection", SYS_mprotect, v->start, v->end - v->start,
		   v->prot, 0, 0, 0) < 0)
		return -1;
	return madvise_vma(t, v);
}

static int restore_mm_fields(struct restore_task *t)
{
	const Stasis__MmState *mm = t->pb->mm;
	struct prctl_mm_map map = {
		.start_code = mm->start_code, .end_code = mm->end_code,
		.start_data = mm->start_data, .end_data = mm->end_data,
		.start_brk = mm->start_brk, .brk = mm->brk,
		.start_stack = mm->start_stack,
		.arg_start = mm->arg_start, .arg_end = mm->arg_end,
		.env_start = mm->env_start, .env_end = mm->env_end,
		.exe_fd = (uint32_t)-1,
	};
	uint64_t auxv_addr = 0, map_addr;
	long fd = -1, r;

	if (mm->exe_path) {
		if (open_in_puppet(t, mm->exe_path, O_RDONLY, &fd) < 0)
			return -1;
		if (fd < 0)
			pr_warn("pid %u: its program %s is gone; /proc/%u/exe will not point at it",
				t->pb->pid, mm->exe_path, t->pb->pid);
		else
			map.exe_fd = (uint32_t)fd;
	}
	tracee_scratch_reset(&t->tracee);
	if (mm->n_auxv) {
		auxv_addr = tracee_scratch_put(&t->tracee, mm->auxv, mm->n_auxv * sizeof(uint64_t));
		if (!auxv_addr)
			return -1;
		map.auxv = (__u64 *)(uintptr_t)auxv_addr;
		map.auxv_size = (uint32_t)(mm->n_auxv * sizeof(uint64_t));
	}
	map_addr = tracee_scratch_put(&t->tracee, &map, sizeof(map));
	if (!map_addr)
		return -1;
	if (inject(t, &r, "cannot restore the memory layout fields (prctl PR_SET_MM_MAP)", SYS_prctl,
		   PR_SET_MM, PR_SET_MM_MAP, map_addr, sizeof(map), 0, 0) < 0)
		return -1;
	if (fd >= 0 && inject(t, NULL, "cannot close a file", SYS_close, (uint64_t)fd, 0, 0, 0, 0, 0) < 0)
		return -1;
	return 0;
}

static int mm_restore(struct restore_ctx *ctx, struct restore_task *t)
{
	const Stasis__MmState *mm = t->pb->mm;
	struct proc_vma *v;
	size_t n;
	int ret;

	if (!mm) {
		pr_err("pid %u: the image has no memory for it", t->pb->pid);
		return -1;
	}
	if (proc_read_vmas(t->pid, &v, &n) < 0) {
		pr_perror("pid %d: cannot read the memory map of the new process", t->pid);
		return -1;
	}
	ret = unmap_helper(t, v, n);
	if (!ret)
		ret = move_vdso(t, v, n);
	proc_free_vmas(v, n);
	for (size_t i = 0; i < mm->n_vmas && !ret; i++)
		if (!is_vdso_kind(mm->vmas[i]))
			ret = map_vma(ctx, t, mm->vmas[i]);
	if (!ret)
		ret = page_pool_wait_copies(ctx->pool);
	log_progress("restore-memory", ctx->pages_done, ctx->pages_total);
	for (size_t i = 0; i < mm->n_vmas && !ret; i++)
		if (!is_vdso_kind(mm->vmas[i]))
			ret = finish_vma(t, mm->vmas[i]);
	if (!ret)
		ret = restore_mm_fields(t);
	return ret;
}

/* Every page is in and every checksum verified before anything runs. */
static int mm_finish(struct restore_ctx *ctx)
{
	int ret = page_pool_finish(ctx->pool);

	ctx->pool = NULL;
	return ret;
}

const struct resource_ops res_mm = {
	.name = "memory",
	.check = mm_check,
	.dump = mm_dump,
	.restore = mm_restore,
	.finish = mm_finish,
};
