/*
 * stasis restore: check the image, build the tree with the original pids
 * (or in a fresh PID namespace), seize every new process and let each
 * resource turn it into the process in the image, then let them all go.
 * On any failure every process created so far is killed: nothing
 * half-restored stays behind.
 */
#include "restore.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "log.h"
#include "page_pool.h"
#include "privilege.h"
#include "proc.h"
#include "res/mm.h"
#include "res/thread.h"
#include "resource.h"
#include "spawn.h"
#include "util.h"

#define TRAMP_SIZE (PAGE_SIZE + 64 * 1024)
#define SPAWN_TIMEOUT_MS 10000

struct restore_task *restore_find_task(struct restore_ctx *ctx, pid_t vpid)
{
	for (size_t i = 0; i < ctx->ntasks; i++)
		if (ctx->tasks[i].vpid == vpid)
			return &ctx->tasks[i];
	return NULL;
}

static bool pid_taken(pid_t pid)
{
	char path[32];

	snprintf(path, sizeof(path), "/proc/%d", pid);
	return access(path, F_OK) == 0;
}

static int check_image(struct restore_ctx *ctx, bool *use_ns)
{
	const Stasis__Image *img = ctx->pb;
	struct utsname u;
	uint64_t pages = 0;

	if (!img->arch || strcmp(img->arch, ARCH_NAME)) {
		pr_err("%s: the image is for %s; this machine is %s", ctx->opts->image,
		       img->arch ? img->arch : "an unknown architecture", ARCH_NAME);
		return -1;
	}
	if (uname(&u) == 0 && img->kernel_release && strcmp(img->kernel_release, u.release))
		pr_warn("%s: made on kernel %s, restoring on %s", ctx->opts->image,
			img->kernel_release, u.release);
	if (!img->n_processes) {
		pr_err("%s: the image holds no process", ctx->opts->image);
		return -1;
	}
	for (size_t i = 0; i < img->n_processes; i++) {
		const Stasis__Process *p = img->processes[i];

		if (p->state != STASIS__PROCESS_STATE__PROCESS_ZOMBIE &&
		    (p->n_threads != 1 || !p->mm)) {
			pr_err("%s: pid %u has %zu threads recorded; this stasis restores "
			       "single-threaded processes only", ctx->opts->image, p->pid, p->n_threads);
			return -1;
		}
		if (p->mm)
			pages += p->mm->pages_stored;
		if (pid_taken((pid_t)p->pid) && !*use_ns) {
			pr_info("pid %u is in use here: restoring into a new PID namespace, where the "
				"tree keeps its original pids", p->pid);
			*use_ns = true;
		}
	}
	if (*use_ns && img->processes[0]->pid == 1) {
		pr_err("%s: the tree's root was pid 1 of its namespace; restoring it in a new "
		       "PID namespace is not supported yet", ctx->opts->image);
		return -1;
	}
	ctx->pages_total = pages;

	long avail_kb = 0;
	char *meminfo;

	if (read_file("/proc/meminfo", &meminfo) >= 0) {
		char *m = strstr(meminfo, "MemAvailable:");

		if (m)
			avail_kb = strtol(m + 13, NULL, 10);
		free(meminfo);
	}
	if (avail_kb && pages * 4 > (uint64_t)avail_kb)
		pr_warn("the image holds %llu MiB of memory but only %ld MiB are available",
			(unsigned long long)pages * 4 / 1024, avail_kb / 1024);
	return 0;
}

/* Find the host pid of every process of a namespace (NSpid in status). */
static int map_ns_pids(struct restore_ctx *ctx, pid_t init)
{
	pid_t *queue = xmalloc((ctx->ntasks + 1) * sizeof(pid_t));
	size_t head = 0, tail = 0;

	queue[tail++] = init;
	while (head < tail) {
		pid_t *kids;
		int n = proc_children(queue[head++], &kids);

		for (int k = 0; k < n; k++) {
			char *ns = proc_status_field(kids[k], "NSpid");
			char *last = ns ? strrchr(ns, '\t') : NULL;
			pid_t vpid = (pid_t)atoi(last ? last + 1 : (ns ? ns : "0"));
			struct restore_task *t = restore_find_task(ctx, vpid);

			free(ns);
			if (t && !t->pid && tail <= ctx->ntasks) {
				t->pid = kids[k];
				queue[tail++] = kids[k];
			}
		}
		free(kids);
	}
	free(queue);
	for (size_t i = 0; i < ctx->ntasks; i++)
		if (!ctx->tasks[i].pid && !ctx->tasks[i].zombie) {
			pr_err("pid %d: not found in the new PID namespace", ctx->tasks[i].vpid);
			return -1;
		}
	return 0;
}

/* Wait until every process of the tree reported, or one failed. */
static int wait_spawned(struct restore_ctx *ctx, int ready_fd, pid_t first)
{
	size_t got = 0;
	uint64_t deadline = now_ns() + SPAWN_TIMEOUT_MS * 1000000ull;

	while (got < ctx->ntasks) {
		struct pollfd pfd = { ready_fd, POLLIN, 0 };
		struct spawn_report r;
		int status;

		if (now_ns() > deadline) {
			pr_err("the new processes did not start within %d s", SPAWN_TIMEOUT_MS / 1000);
			return -1;
		}
		if (poll(&pfd, 1, 100) <= 0) {
			if (waitpid(first, &status, WNOHANG) == first) {
				pr_err("the new process tree died while being created (status 0x%x)", status);
				return -1;
			}
			continue;
		}
		if (read(ready_fd, &r, sizeof(r)) != sizeof(r)) {
			pr_perror("reading the new processes' reports");
			return -1;
		}
		if (r.err) {
			errno = r.err;
			if (r.err == EEXIST)
				pr_err("pid %d: is taken, so it cannot be recreated with its own pid; "
				       "retry with --pid-ns, or wait until it is free", r.vpid);
			else
				pr_perror("pid %d: cannot be created with its original pid", r.vpid);
			return -1;
		}
		got++;
	}
	return 0;
}

static int build_tree(struct restore_ctx *ctx, bool use_ns, pid_t *first)
{
	int pipefd[2];
	pid_t child;
	int ret;

	if (pipe2(pipefd, O_CLOEXEC) < 0) {
		pr_perror("cannot create a pipe");
		return -1;
	}
	child = use_ns ? spawn_ns_init_process() : spawn_with_pid(ctx->tasks[0].vpid);
	if (child == 0) {
		close(pipefd[0]);
		if (use_ns)
			spawn_ns_init(ctx, pipefd[1]);
		spawn_process(ctx, 0, pipefd[1]);
	}
	close(pipefd[1]);
	if (child < 0) {
		if (use_ns)
			pr_perror("cannot create a PID namespace");
		else if (errno == EEXIST)
			pr_err("pid %d: is taken; retry with --pid-ns", ctx->tasks[0].vpid);
		else
			pr_perror("cannot create the root process (pid %d)", ctx->tasks[0].vpid);
		close(pipefd[0]);
		return -1;
	}
	*first = child;
	ret = wait_spawned(ctx, pipefd[0], child);
	close(pipefd[0]);
	if (ret < 0)
		return -1;
	if (!use_ns) {
		for (size_t i = 0; i < ctx->ntasks; i++)
			ctx->tasks[i].pid = ctx->tasks[i].vpid;
		return 0;
	}
	return map_ns_pids(ctx, child);
}

static int inject(struct restore_task *t, long *r, const char *what, long nr, uint64_t a1,
		  uint64_t a2, uint64_t a3)
{
	return tracee_syscall_ok(&t->tracee, r, what, nr, a1, a2, a3, 0, 0, 0);
}

static int cmp_range(const void *a, const void *b)
{
	const uint64_t *x = a, *y = b;

	return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* The lowest gap of len bytes above 4 GiB (clear of small binaries and
 * the zero page) that neither the image nor the puppet uses now. The
 * puppet's own map matters: sanitizer builds reserve terabytes. */
static uint64_t free_gap(struct restore_task *t, uint64_t len)
{
	const Stasis__MmState *mm = t->pb->mm;
	struct proc_vma *v;
	size_t n, nr = 0;
	uint64_t (*r)[2], addr = 1ull << 32;

	if (proc_read_vmas(t->pid, &v, &n) < 0) {
		pr_perror("pid %d: cannot read the memory map of the new process", t->pid);
		return 0;
	}
	r = xmalloc((n + (mm ? mm->n_vmas : 0) + 1) * sizeof(*r));
	for (size_t i = 0; i < n; i++) {
		r[nr][0] = v[i].start;
		r[nr++][1] = v[i].end;
	}
	for (size_t i = 0; mm && i < mm->n_vmas; i++) {
		r[nr][0] = mm->vmas[i]->start;
		r[nr++][1] = mm->vmas[i]->end;
	}
	proc_free_vmas(v, n);
	qsort(r, nr, sizeof(*r), cmp_range);
	for (size_t i = 0; i < nr; i++) {
		if (r[i][0] >= addr + len)
			break;
		if (r[i][1] > addr)
			addr = PAGE_ALIGN_UP(r[i][1]);
	}
	free(r);
	/* Stay below the 47-bit user address space limit. */
	return addr + len < (1ull << 47) - (1ull << 32) ? addr : 0;
}

/* Give the puppet our trampoline page (a syscall instruction) and scratch
 * memory at an address the image does not use. */
static int map_trampoline(struct restore_task *t)
{
	static const uint8_t insn[] = ARCH_SYSCALL_INSN;
	uint64_t addr = free_gap(t, TRAMP_SIZE);
	long r;

	if (!addr) {
		pr_err("pid %d: found no free address for the restore trampoline", t->vpid);
		return -1;
	}
	if (tracee_syscall_ok(&t->tracee, &r, "cannot map the restore trampoline", SYS_mmap, addr,
			      TRAMP_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC,
			      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, (uint64_t)-1, 0) < 0)
		return -1;
	if (tracee_write(&t->tracee, addr, insn, sizeof(insn)) < 0)
		return -1;
	t->tramp = addr;
	t->tramp_size = TRAMP_SIZE;
	t->tracee.syscall_ip = addr;
	t->tracee.scratch = addr + PAGE_SIZE;
	t->tracee.scratch_size = TRAMP_SIZE - PAGE_SIZE;
	return 0;
}

static int highest_fd(const Stasis__Process *p)
{
	int max = 2;

	for (size_t i = 0; i < p->n_fds; i++)
		if ((int)p->fds[i]->fd > max)
			max = (int)p->fds[i]->fd;
	return max;
}

/* From a copy of the restorer to an empty shell driven through the
 * trampoline: no rseq, no fds but the image, no parent-death signal. */
static int prepare_puppet(struct restore_ctx *ctx, struct restore_task *t, const char *image)
{
	long r, fd;
	uint64_t path;

	if (tracee_seize(&t->tracee, t->pid, true) < 0)
		return -1;
	if (map_trampoline(t) < 0 || thread_rseq_unregister(&t->tracee) < 0)
		return -1;
	if (inject(t, &r, "cannot clear the parent-death signal", SYS_prctl, PR_SET_PDEATHSIG, 0, 0) < 0 ||
	    inject(t, &r, "cannot close the restorer's files", SYS_close_range, 0, ~0u, 0) < 0)
		return -1;
	path = tracee_scratch_str(&t->tracee, image);
	if (!path || inject(t, &fd, "cannot open the image", SYS_openat, (uint64_t)AT_FDCWD, path,
			    O_RDONLY | O_CLOEXEC) < 0)
		return -1;
	if (inject(t, &r, "cannot move the image fd", SYS_fcntl, (uint64_t)fd, F_DUPFD_CLOEXEC,
		   (uint64_t)highest_fd(t->pb) + 1) < 0 ||
	    inject(t, NULL, "cannot close a file", SYS_close, (uint64_t)fd, 0, 0) < 0)
		return -1;
	t->image_fd = (int)r;
	t->fd_base = t->image_fd + 1;
	(void)ctx;
	return 0;
}

/* Process groups: leaders first, then members. A group outside the tree
 * becomes the root's. */
static int restore_pgids(struct restore_ctx *ctx)
{
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < ctx->ntasks; i++) {
			struct restore_task *t = &ctx->tasks[i];
			pid_t pgid = (pid_t)t->pb->pgid;
			long r;

			if (t->zombie || (t->pb->sid == t->pb->pid && !(i == 0 && ctx->opts->shell_job)))
				continue; /* setsid made it its group's leader */
			if (i == 0 && ctx->opts->shell_job)
				continue; /* leads a new group in our session already */
			if (t->pb->pgrp_outside_tree)
				pgid = (i == 0) ? 0 : ctx->tasks[0].vpid;
			if ((pgid == t->vpid || pgid == 0) != (pass == 0))
				continue;
			if (i == 0 && t->pb->pgrp_outside_tree && !ctx->opts->shell_job)
				continue; /* already leads its own session and group */
			if (inject(t, &r, "cannot restore its process group", SYS_setpgid, 0,
				   (uint64_t)pgid, 0) < 0)
				return -1;
		}
	}
	return 0;
}

static int run_resources(struct restore_ctx *ctx)
{
	for (size_t r = 0; r < resource_count; r++) {
		const struct resource_ops *ops = resource_table[r];

		uint64_t t0 = now_ns();

		for (size_t i = 0; i < ctx->ntasks && ops->restore; i++) {
			struct restore_task *t = &ctx->tasks[i];

			if (t->zombie)
				continue;
			tracee_scratch_reset(&t->tracee);
			if (ops->restore(ctx, t) < 0)
				return -1;
			if (stasis_cancelled) {
				pr_err("restore cancelled: the processes created so far are removed");
				return -1;
			}
		}
		if (ops->finish && ops->finish(ctx) < 0)
			return -1;
		pr_debug("%s restored in %.1f ms", ops->name, (double)(now_ns() - t0) / 1e6);
	}
	return 0;
}

/* The namespace's init died with the restorer while the tree was being
 * built; now that the tree stands, it must outlive us. */
static int keep_ns_init(pid_t init)
{
	struct tracee t;
	long r;
	int ret;

	if (tracee_seize(&t, init, false) < 0) {
		tracee_detach(&t);
		return -1;
	}
	ret = tracee_syscall_ok(&t, &r, "cannot clear the parent-death signal of the namespace's init",
				SYS_prctl, PR_SET_PDEATHSIG, 0, 0, 0, 0, 0);
	if (tracee_release(&t) < 0)
		ret = -1;
	return ret;
}

static void kill_all(struct restore_ctx *ctx, pid_t first)
{
	for (size_t i = 0; i < ctx->ntasks; i++)
		if (ctx->tasks[i].pid > 0)
			kill(ctx->tasks[i].pid, SIGKILL);
	if (first > 0)
		kill(first, SIGKILL);
	/* Let go of the dead puppets first: while we trace them nobody else
	 * can reap them, and a namespace's init does not finish dying until
	 * its children are reaped. */
	for (size_t i = 0; i < ctx->ntasks; i++)
		tracee_detach(&ctx->tasks[i].tracee);
	if (first > 0)
		while (waitpid(first, NULL, 0) < 0 && errno == EINTR)
			;
}

static void raise_nofile(void)
{
	struct rlimit rl;

	/* Puppets inherit this; images may use high fd numbers. */
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
}

int stasis_restore(const struct restore_opts *opts, struct restore_result *result)
{
	struct restore_ctx ctx = { .opts = opts };
	char image[PATH_MAX];
	bool use_ns = opts->pid_ns;
	pid_t first = -1;
	int ret = -1;

	if (!realpath(opts->image, image)) {
		pr_perror("%s: cannot open the image", opts->image);
		return -1;
	}
	ctx.img = img_reader_open(image);
	if (!ctx.img)
		return -1;
	ctx.pb = img_reader_meta(ctx.img);
	if (privilege_require("restore") < 0 || check_image(&ctx, &use_ns) < 0)
		goto out;
	uint64_t t0;

	/* Page checksums are verified by the pool's threads while processes
	 * are built and filled, and must all match before any runs. */
	ctx.pool = page_pool_start(ctx.img);
	if (!ctx.pool)
		goto out;

	ctx.ntasks = ctx.pb->n_processes;
	ctx.tasks = xzalloc(ctx.ntasks * sizeof(*ctx.tasks));
	for (size_t i = 0; i < ctx.ntasks; i++) {
		struct restore_task *t = &ctx.tasks[i];

		t->pb = ctx.pb->processes[i];
		t->vpid = (pid_t)t->pb->pid;
		t->zombie = t->pb->state == STASIS__PROCESS_STATE__PROCESS_ZOMBIE;
		t->image_fd = -1;
		t->tracee.mem_fd = t->tracee.pidfd = -1;
	}
	if (opts->shell_job)
		ctx.tty_path = ttyname(STDIN_FILENO);
	raise_nofile();
	t0 = now_ns();
	if (build_tree(&ctx, use_ns, &first) < 0)
		goto fail;
	pr_debug("process tree created in %.1f ms", (double)(now_ns() - t0) / 1e6);
	for (size_t i = 0; i < ctx.ntasks; i++)
		if (!ctx.tasks[i].zombie && prepare_puppet(&ctx, &ctx.tasks[i], image) < 0)
			goto fail;
	if (restore_pgids(&ctx) < 0 || run_resources(&ctx) < 0)
		goto fail;
	if (use_ns && keep_ns_init(first) < 0)
		goto fail;
	pr_debug("processes restored in %.1f ms", (double)(now_ns() - t0) / 1e6);
	result->root_pid = ctx.tasks[0].pid;
	result->root_vpid = ctx.tasks[0].vpid;
	result->child = first;
	pr_info("restored %zu process(es) from %s; root pid %d%s", ctx.ntasks, opts->image,
		result->root_pid, use_ns ? " (in a new PID namespace)" : "");
	ret = 0;
	goto out;
fail:
	kill_all(&ctx, first);
out:
	for (size_t i = 0; i < ctx.ntasks; i++)
		tracee_detach(&ctx.tasks[i].tracee);
	if (ctx.pool)
		page_pool_abort(ctx.pool);
	free(ctx.tasks);
	free(ctx.shmem);
	free(ctx.files);
	img_reader_close(ctx.img);
	return ret;
}
