/*
 * stasis dump: freeze the tree, let every resource record its part, write
 * the image atomically, then let the tree go on (or kill it with --kill).
 * Nothing here knows about a particular resource: see src/res/.
 */
#include "dump.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "privilege.h"
#include "freeze.h"
#include "log.h"
#include "proc.h"
#include "resource.h"
#include "util.h"

#define DUMP_SCRATCH_SIZE (64 * 1024)

struct dump_task *dump_find_task(struct dump_ctx *ctx, pid_t pid)
{
	for (size_t i = 0; i < ctx->ntasks; i++)
		if (ctx->tasks[i].pid == pid)
			return &ctx->tasks[i];
	return NULL;
}

/* NUL-separated /proc/PID/cmdline or environ into a string array. */
static void read_strings(pid_t pid, const char *file, size_t *n, char ***out)
{
	char *buf;
	ssize_t len = read_filef(&buf, "/proc/%d/%s", pid, file);

	*n = 0;
	*out = NULL;
	if (len <= 0) {
		free(buf);
		return;
	}
	for (ssize_t i = 0; i < len;) {
		size_t l = strnlen(buf + i, (size_t)(len - i));

		*out = xrealloc(*out, (*n + 1) * sizeof(char *));
		(*out)[*n] = xmalloc(l + 1);
		memcpy((*out)[*n], buf + i, l);
		(*out)[*n][l] = '\0';
		(*n)++;
		i += (ssize_t)l + 1;
	}
	free(buf);
}

/* The identity every process has, alive or zombie. */
static int dump_identity(struct dump_ctx *ctx, struct dump_task *t)
{
	Stasis__Process *p = xzalloc(sizeof(*p));
	struct proc_stat st;

	stasis__process__init(p);
	t->pb = p;
	if (proc_read_stat(t->pid, &st) < 0) {
		pr_perror("pid %d: cannot read its status", t->pid);
		return -1;
	}
	p->has_pid = p->has_ppid = p->has_pgid = p->has_sid = 1;
	p->pid = (uint32_t)t->pid;
	p->ppid = (uint32_t)st.ppid;
	p->pgid = (uint32_t)st.pgid;
	p->sid = (uint32_t)st.sid;
	p->has_state = 1;
	p->state = t->zombie ? STASIS__PROCESS_STATE__PROCESS_ZOMBIE
			     : STASIS__PROCESS_STATE__PROCESS_ALIVE;
	p->comm = xstrdup(st.comm);
	p->has_start_time_ticks = 1;
	p->start_time_ticks = st.start_time;
	p->has_session_outside_tree = 1;
	p->session_outside_tree = !dump_find_task(ctx, st.sid);
	p->has_pgrp_outside_tree = 1;
	p->pgrp_outside_tree = !dump_find_task(ctx, st.pgid);
	if (t->zombie) {
		p->has_exit_status = 1;
		p->exit_status = st.exit_code;
		return 0;
	}
	read_strings(t->pid, "cmdline", &p->n_argv, &p->argv);
	read_strings(t->pid, "environ", &p->n_env, &p->env);
	char link[64];

	snprintf(link, sizeof(link), "/proc/%d/exe", t->pid);
	p->exe = read_link(link);

	/* Thread 0 exists for every live process; resources fill it in. */
	p->n_threads = 1;
	p->threads = xzalloc(sizeof(*p->threads));
	p->threads[0] = xzalloc(sizeof(**p->threads));
	stasis__thread__init(p->threads[0]);
	p->threads[0]->has_tid = 1;
	p->threads[0]->tid = (uint32_t)t->pid;
	return 0;
}

static int check_not_self(pid_t pid)
{
	/* We cannot freeze ourselves or an ancestor (the tree would include us),
	 * up to and including init. */
	for (pid_t p = getpid(); p > 0;) {
		struct proc_stat st;

		if (p == pid) {
			pr_err("pid %d: is stasis itself or one of its parents; run stasis from "
			       "outside the tree you want to checkpoint", pid);
			return -1;
		}
		if (p == 1 || proc_read_stat(p, &st) < 0)
			break;
		p = st.ppid;
	}
	return 0;
}

static Stasis__Image *image_header(const struct dump_opts *opts)
{
	Stasis__Image *img = xzalloc(sizeof(*img));
	struct utsname u;
	struct timespec ts;

	stasis__image__init(img);
	img->stasis_version = xstrdup(STASIS_VERSION);
	clock_gettime(CLOCK_REALTIME, &ts);
	img->has_created_unix_ns = 1;
	img->created_unix_ns = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
	if (uname(&u) == 0) {
		img->hostname = xstrdup(u.nodename);
		img->kernel_release = xstrdup(u.release);
		img->kernel_version = xstrdup(u.version);
	}
	img->arch = xstrdup(ARCH_NAME);
	img->has_root_pid = 1;
	img->root_pid = (uint32_t)opts->pid;
	img->has_killed_after_dump = 1;
	img->killed_after_dump = opts->kill_after;
	return img;
}

static int run_checks(struct dump_ctx *ctx)
{
	for (size_t i = 0; i < ctx->ntasks; i++) {
		struct dump_task *t = &ctx->tasks[i];
		int threads;

		if (t->zombie)
			continue;
		threads = proc_thread_count(t->pid);
		if (threads > 1) {
			pr_err("pid %d (%s): has %d threads; multi-threaded processes are not "
			       "supported yet: nothing was changed, the tree keeps running",
			       t->pid, t->pb->comm, threads);
			return -1;
		}
		for (size_t r = 0; r < resource_count; r++)
			if (resource_table[r]->check && resource_table[r]->check(ctx, t) < 0)
				return -1;
	}
	return 0;
}

static int run_dumps(struct dump_ctx *ctx)
{
	for (size_t i = 0; i < ctx->ntasks; i++) {
		struct dump_task *t = &ctx->tasks[i];

		if (t->zombie)
			continue;
		if (tracee_scratch_map(&t->tracee, DUMP_SCRATCH_SIZE) < 0)
			return -1;
		for (size_t r = 0; r < resource_count; r++) {
			if (stasis_cancelled) {
				pr_err("dump cancelled; the tree keeps running and no image was written");
				return -1;
			}
			tracee_scratch_reset(&t->tracee);
			if (resource_table[r]->dump && resource_table[r]->dump(ctx, t) < 0)
				return -1;
		}
		if (tracee_scratch_unmap(&t->tracee) < 0)
			return -1;
	}
	return 0;
}

int stasis_dump(const struct dump_opts *opts, struct dump_stats *stats)
{
	struct dump_ctx ctx = { .opts = opts, .next_file_id = 1 };
	uint64_t t0;
	int ret = -1;

	if (privilege_require("checkpoint") < 0)
		return -1;
	if (check_not_self(opts->pid) < 0)
		return -1;
	ctx.pb = image_header(opts);
	ctx.img = img_writer_create(opts->output);
	if (!ctx.img)
		return -1;

	t0 = now_ns();
	log_progress("freeze", 0, 1);
	if (freeze_tree(&ctx, opts->pid) < 0)
		goto out;
	log_progress("freeze", 1, 1);
	/* Processes belong to the image message from the start, so that
	 * freeing it frees them on every path. */
	ctx.pb->processes = xzalloc(ctx.ntasks * sizeof(*ctx.pb->processes));
	for (size_t i = 0; i < ctx.ntasks; i++) {
		int r = dump_identity(&ctx, &ctx.tasks[i]);

		ctx.pb->processes[ctx.pb->n_processes++] = ctx.tasks[i].pb;
		if (r < 0)
			goto out;
	}
	if (run_checks(&ctx) < 0 || run_dumps(&ctx) < 0)
		goto out;
	/* The total was estimated from RSS, which counts clean file pages
	 * that are not stored: close the phase at what was really written. */
	log_progress("dump-memory", ctx.pages_done, ctx.pages_done);

	ctx.pb->has_pages_section_bytes = 1;
	ctx.pb->pages_section_bytes = img_pages_size(ctx.img);
	ctx.pb->has_freeze_ns = 1;
	ctx.pb->freeze_ns = now_ns() - t0; /* sealing, below, takes microseconds */
	log_progress("write", 0, 1);
	if (img_writer_seal(ctx.img, ctx.pb) < 0)
		goto out;
	uint64_t sealed = now_ns() - t0;
	/* The image is complete in the page cache. A tree that keeps running
	 * may go on now while the image is made durable; a tree to be killed
	 * dies only once its image is safely on disk. */
	if (!opts->kill_after) {
		thaw_tree(&ctx);
		ctx.pb->freeze_ns = now_ns() - t0;
	}
	if (img_writer_commit(ctx.img) < 0)
		goto out;
	ctx.img = NULL;
	log_progress("write", 1, 1);
	if (stats) {
		stats->processes = ctx.ntasks;
		stats->pages_bytes = ctx.pb->pages_section_bytes;
		stats->sealed_ns = sealed;
		stats->total_ns = now_ns() - t0;
		/* With --kill the tree stays stopped until it dies, after commit. */
		stats->freeze_ns = opts->kill_after ? stats->total_ns : ctx.pb->freeze_ns;
	}
	ret = 0;
out:
	if (ctx.img)
		img_writer_abort(ctx.img);
	if (ret == 0 && opts->kill_after)
		kill_tree(&ctx);
	else
		thaw_tree(&ctx);
	if (ret == 0)
		pr_info("pid %d: %zu process(es) checkpointed into %s (frozen %.1f ms)", opts->pid,
			ctx.ntasks, opts->output, (double)ctx.pb->freeze_ns / 1e6);
	for (size_t i = 0; i < ctx.ntasks; i++)
		tracee_detach(&ctx.tasks[i].tracee);
	stasis__image__free_unpacked(ctx.pb, NULL);
	free(ctx.tasks);
	free(ctx.files);
	free(ctx.shmem_dumped);
	return ret;
}
