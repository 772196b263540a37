#include "res/puppet_fd.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>

#include "log.h"
#include "res/files_priv.h"
#include "util.h"

void pfd_cache_init(struct pidfd_cache *c, struct restore_task *puppet)
{
	c->puppet = puppet;
	c->e = NULL;
	c->n = 0;
}

int pfd_cache_close(struct pidfd_cache *c)
{
	int ret = 0;

	for (size_t i = 0; i < c->n; i++)
		if (pfd_close(c->puppet, c->e[i].fd) < 0)
			ret = -1;
	free(c->e);
	c->e = NULL;
	c->n = 0;
	return ret;
}

int pfd_open(struct restore_task *t, const char *path, uint32_t flags, long *res)
{
	uint64_t addr;

	tracee_scratch_reset(&t->tracee);
	addr = tracee_scratch_str(&t->tracee, path);
	if (!addr) {
		pr_err("pid %d: path too long for the scratch area: %s", t->vpid, path);
		return -1;
	}
	return tracee_syscall(&t->tracee, res, SYS_openat, (uint64_t)AT_FDCWD, addr, flags, 0, 0, 0);
}

int pfd_fcntl(struct restore_task *t, int fd, int cmd, uint64_t arg, long *res)
{
	char what[64];

	snprintf(what, sizeof(what), "fd %d: fcntl(%d)", fd, cmd);
	return tracee_syscall_ok(&t->tracee, res, what, SYS_fcntl, (uint64_t)fd, (uint64_t)cmd, arg, 0, 0, 0);
}

int pfd_close(struct restore_task *t, int fd)
{
	char what[64];
	long r;

	snprintf(what, sizeof(what), "cannot close its temporary fd %d", fd);
	return tracee_syscall_ok(&t->tracee, &r, what, SYS_close, (uint64_t)fd, 0, 0, 0, 0, 0);
}

int pfd_stage(struct restore_task *t, int fd, int *out)
{
	long r;

	if (pfd_fcntl(t, fd, F_DUPFD_CLOEXEC, (uint64_t)t->fd_base, &r) < 0)
		return -1;
	if (pfd_close(t, fd) < 0)
		return -1;
	*out = (int)r;
	return 0;
}

int pfd_place(struct restore_task *t, int tmp, int target, bool cloexec)
{
	char what[64];
	long r;

	if (target == t->image_fd) {
		pr_err("pid %d: fd %d is needed by the process but the restorer keeps the image open there (internal error)",
		       t->vpid, target);
		return -1;
	}
	if (tmp == target)
		return pfd_fcntl(t, target, F_SETFD, cloexec ? FD_CLOEXEC : 0, &r);
	snprintf(what, sizeof(what), "fd %d: dup3 from %d", target, tmp);
	if (tracee_syscall_ok(&t->tracee, &r, what, SYS_dup3, (uint64_t)tmp, (uint64_t)target,
			      cloexec ? O_CLOEXEC : 0, 0, 0, 0) < 0)
		return -1;
	return pfd_close(t, tmp);
}

/* A pidfd (in c->puppet) for owner, opened once per owner. */
static int pidfd_of(struct pidfd_cache *c, struct restore_task *owner, int *out)
{
	struct restore_task *t = c->puppet;
	char what[96];
	long r;
	int fd;

	for (size_t i = 0; i < c->n; i++) {
		if (c->e[i].owner == owner) {
			*out = c->e[i].fd;
			return 0;
		}
	}
	snprintf(what, sizeof(what), "pidfd_open(%d) to take a file it shares with that process", owner->vpid);
	if (tracee_syscall_ok(&t->tracee, &r, what, SYS_pidfd_open, (uint64_t)owner->vpid, 0, 0, 0, 0, 0) < 0)
		return -1;
	/* Keep it out of the fd numbers the process still needs. */
	if (pfd_stage(t, (int)r, &fd) < 0)
		return -1;
	c->e = xrealloc(c->e, (c->n + 1) * sizeof(*c->e));
	c->e[c->n].owner = owner;
	c->e[c->n].fd = fd;
	c->n++;
	*out = fd;
	return 0;
}

int pfd_get(struct pidfd_cache *c, const struct restore_file *rf, int *fd, bool *temp)
{
	struct restore_task *t = c->puppet;
	char what[96];
	int pidfd;
	long r;

	if (rf->owner == t) {
		*fd = rf->fd;
		*temp = false;
		return 0;
	}
	if (pidfd_of(c, rf->owner, &pidfd) < 0)
		return -1;
	snprintf(what, sizeof(what), "pidfd_getfd(pid %d, fd %d)", rf->owner->vpid, rf->fd);
	if (tracee_syscall_ok(&t->tracee, &r, what, SYS_pidfd_getfd, (uint64_t)pidfd,
			      (uint64_t)rf->fd, 0, 0, 0, 0) < 0)
		return -1;
	*fd = (int)r;
	*temp = true;
	return 0;
}

int pfd_install(struct pidfd_cache *c, const struct restore_file *rf, int target, bool cloexec)
{
	struct restore_task *t = c->puppet;
	char what[64];
	bool temp;
	long r;
	int fd;

	if (pfd_get(c, rf, &fd, &temp) < 0)
		return -1;
	if (temp)
		return pfd_place(t, fd, target, cloexec);
	if (fd == target) /* already there (cannot happen for a fresh fd) */
		return pfd_fcntl(t, target, F_SETFD, cloexec ? FD_CLOEXEC : 0, &r);
	if (target == t->image_fd)
		return pfd_place(t, fd, target, cloexec); /* reports the clash */
	snprintf(what, sizeof(what), "fd %d: dup3 from %d", target, fd);
	return tracee_syscall_ok(&t->tracee, &r, what, SYS_dup3, (uint64_t)fd, (uint64_t)target,
				 cloexec ? O_CLOEXEC : 0, 0, 0, 0);
}

static bool is_pipe_end(const Stasis__OpenFile *of)
{
	return of->kind == STASIS__FILE_KIND__FILE_PIPE || of->kind == STASIS__FILE_KIND__FILE_FIFO;
}

int pfd_restore_all(struct restore_ctx *ctx, struct restore_task *t, bool pipes, pfd_create_fn create)
{
	Stasis__FileDescriptor **fds;
	struct pidfd_cache cache;
	int ret = -1;

	if (t->zombie)
		return 0;
	fds = sorted_fds(t->pb);
	pfd_cache_init(&cache, t);
	for (size_t i = 0; i < t->pb->n_fds; i++) {
		const Stasis__FileDescriptor *d = fds[i];
		const Stasis__OpenFile *of = image_file(ctx->pb, d->file_id);
		const struct restore_file *rf;

		if (!of) {
			if (pipes)
				continue; /* files.c said it already */
			pr_err("pid %d: fd %u refers to open file %llu, which the image does not describe: the image is damaged",
			       t->vpid, d->fd, (unsigned long long)d->file_id);
			goto out;
		}
		if (is_pipe_end(of) != pipes)
			continue;
		rf = restore_file_find(ctx, of->id);
		if (rf ? pfd_install(&cache, rf, (int)d->fd, d->cloexec) : create(ctx, &cache, d, of))
			goto out;
	}
	ret = 0;
out:
	if (pfd_cache_close(&cache) < 0)
		ret = -1;
	free(fds);
	return ret;
}
