/*
 * Freezing a process tree: seize every process, stop it, and make sure no
 * child escapes while we walk. The walk is repeated until a pass finds no
 * process it had not seen: a process can fork between our reading of its
 * children and its stop, but not after it is stopped.
 */
#include "freeze.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "log.h"
#include "proc.h"
#include "util.h"

static bool known(const struct dump_ctx *ctx, pid_t pid)
{
	for (size_t i = 0; i < ctx->ntasks; i++)
		if (ctx->tasks[i].pid == pid)
			return true;
	return false;
}

static int add_task(struct dump_ctx *ctx, pid_t pid, size_t *cap)
{
	struct proc_stat st;
	struct dump_task *t;

	if (proc_read_stat(pid, &st) < 0) {
		if (errno == ENOENT || errno == ESRCH)
			return 0; /* exited and reaped before we got to it */
		pr_perror("pid %d: cannot read /proc/%d/stat", pid, pid);
		return -1;
	}
	if (ctx->ntasks == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		ctx->tasks = xrealloc(ctx->tasks, *cap * sizeof(*ctx->tasks));
	}
	t = &ctx->tasks[ctx->ntasks];
	memset(t, 0, sizeof(*t));
	t->pid = pid;
	t->tracee.mem_fd = t->tracee.pidfd = -1;
	t->zombie = st.state == 'Z';
	if (!t->zombie && tracee_seize(&t->tracee, pid, false) < 0) {
		/* It may have died right now: a dead non-root child is a zombie
		 * we can still record; anything else is a failure. */
		if (proc_read_stat(pid, &st) == 0 && st.state == 'Z' && ctx->ntasks > 0) {
			tracee_detach(&t->tracee);
			t->zombie = true;
		} else {
			tracee_detach(&t->tracee);
			return -1;
		}
	}
	ctx->ntasks++;
	return 0;
}

int freeze_tree(struct dump_ctx *ctx, pid_t root)
{
	size_t cap = 0;
	bool grew;

	if (add_task(ctx, root, &cap) < 0)
		return -1;
	if (ctx->ntasks == 0) {
		pr_err("pid %d: no such process", root);
		return -1;
	}
	if (ctx->tasks[0].zombie) {
		pr_err("pid %d: is a zombie (it exited and waits for its parent to reap it); "
		       "there is nothing left to checkpoint", root);
		return -1;
	}
	do {
		grew = false;
		/* Index loop: add_task may grow (and move) the array. */
		for (size_t i = 0; i < ctx->ntasks; i++) {
			pid_t *kids;
			int n;

			if (ctx->tasks[i].zombie)
				continue;
			n = proc_children(ctx->tasks[i].pid, &kids);
			if (n < 0) {
				pr_perror("pid %d: cannot list its children", ctx->tasks[i].pid);
				return -1;
			}
			for (int k = 0; k < n; k++) {
				if (known(ctx, kids[k]))
					continue;
				if (add_task(ctx, kids[k], &cap) < 0) {
					free(kids);
					return -1;
				}
				grew = true;
			}
			free(kids);
		}
	} while (grew);
	return 0;
}

void thaw_tree(struct dump_ctx *ctx)
{
	for (size_t i = 0; i < ctx->ntasks; i++)
		tracee_release(&ctx->tasks[i].tracee);
}

void kill_tree(struct dump_ctx *ctx)
{
	/* Kill while still traced, so nothing runs between the checkpoint and
	 * the end (a counter must not count past its image). Collect each
	 * death as tracer so the real parent can reap it at once. */
	for (size_t i = 0; i < ctx->ntasks; i++) {
		struct dump_task *t = &ctx->tasks[i];

		if (t->zombie || !t->tracee.seized)
			continue;
		if (kill(t->pid, SIGKILL) < 0 && errno != ESRCH)
			pr_perror("pid %d: cannot kill it", t->pid);
	}
	for (size_t i = 0; i < ctx->ntasks; i++) {
		struct dump_task *t = &ctx->tasks[i];
		int status;

		if (t->zombie || !t->tracee.seized)
			continue;
		while (waitpid(t->pid, &status, __WALL) < 0 && errno == EINTR)
			;
		t->tracee.seized = false;
		tracee_detach(&t->tracee);
	}
}
