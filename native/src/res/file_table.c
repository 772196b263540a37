/*
 * The tables of open file descriptions shared by files.c and pipes.c.
 *
 * Dump: an OFD shared by dup() or fork() is stored once. Two fds refer to
 * the same OFD exactly when kcmp(KCMP_FILE) says so; the inode is compared
 * first so kcmp only runs on real candidates.
 * Restore: where each OFD already exists (owner puppet and fd), so the next
 * fd that refers to it takes it (dup3, or pidfd_getfd from another puppet).
 */
#include <errno.h>
#include <linux/kcmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "dump.h"
#include "res/files_priv.h"
#include "log.h"
#include "restore.h"
#include "util.h"

static int same_ofd(pid_t p1, int fd1, pid_t p2, int fd2)
{
	long r = syscall(SYS_kcmp, p1, p2, KCMP_FILE, fd1, fd2);

	if (r < 0) {
		if (errno == ENOSYS)
			pr_err("kcmp is not available in this kernel (CONFIG_KCMP or CONFIG_CHECKPOINT_RESTORE is off): stasis cannot tell which files are shared; use a kernel with kcmp");
		else
			pr_perror("pid %d: fd %d: kcmp with pid %d fd %d", p1, fd1, p2, fd2);
		return -1;
	}
	return r == 0;
}

struct dump_file *dump_file_lookup(struct dump_ctx *ctx, pid_t pid, int fd)
{
	char path[64];
	struct stat st;

	snprintf(path, sizeof(path), "/proc/%d/fd/%d", pid, fd);
	if (stat(path, &st) < 0)
		return NULL; /* the caller stats again and reports */
	for (size_t i = 0; i < ctx->nfiles; i++) {
		struct dump_file *f = &ctx->files[i];

		if (!f->pb || f->pb->inode != (uint64_t)st.st_ino || f->pb->dev != (uint64_t)st.st_dev)
			continue;
		if (f->pid == pid && f->fd == fd)
			return f;
		if (same_ofd(pid, fd, f->pid, f->fd) == 1)
			return f;
	}
	return NULL;
}

struct dump_file *dump_file_add(struct dump_ctx *ctx, pid_t pid, int fd, Stasis__OpenFile *pb)
{
	struct dump_file *f;
	Stasis__Image *img = ctx->pb;

	ctx->files = xrealloc(ctx->files, (ctx->nfiles + 1) * sizeof(*ctx->files));
	f = &ctx->files[ctx->nfiles++];
	if (ctx->next_file_id == 0)
		ctx->next_file_id = 1; /* ids start at 1: 0 means "unset" */
	f->id = ctx->next_file_id++;
	f->pid = pid;
	f->fd = fd;
	f->pb = pb;
	pb->id = f->id;
	pb->has_id = 1;

	img->files = xrealloc(img->files, (img->n_files + 1) * sizeof(*img->files));
	img->files[img->n_files++] = pb;
	return f;
}

struct restore_file *restore_file_find(struct restore_ctx *ctx, uint64_t id)
{
	for (size_t i = 0; i < ctx->nfiles; i++)
		if (ctx->files[i].id == id && ctx->files[i].fd >= 0)
			return &ctx->files[i];
	return NULL;
}

struct restore_file *restore_file_add(struct restore_ctx *ctx, uint64_t id,
				      struct restore_task *owner, int fd, bool staging)
{
	struct restore_file *f;

	ctx->files = xrealloc(ctx->files, (ctx->nfiles + 1) * sizeof(*ctx->files));
	f = &ctx->files[ctx->nfiles++];
	f->id = id;
	f->owner = owner;
	f->fd = fd;
	f->staging = staging;
	return f;
}

const Stasis__OpenFile *image_file(const Stasis__Image *img, uint64_t id)
{
	/* Dump numbers OpenFiles 1, 2, 3... in order: try that first. */
	if (id >= 1 && id <= img->n_files && img->files[id - 1]->id == id)
		return img->files[id - 1];
	for (size_t i = 0; i < img->n_files; i++)
		if (img->files[i]->id == id)
			return img->files[i];
	return NULL;
}

static int fd_cmp(const void *a, const void *b)
{
	const Stasis__FileDescriptor *x = *(Stasis__FileDescriptor *const *)a;
	const Stasis__FileDescriptor *y = *(Stasis__FileDescriptor *const *)b;

	return (x->fd > y->fd) - (x->fd < y->fd);
}

Stasis__FileDescriptor **sorted_fds(const Stasis__Process *p)
{
	Stasis__FileDescriptor **v = xmalloc(p->n_fds * sizeof(*v));

	for (size_t i = 0; i < p->n_fds; i++)
		v[i] = p->fds[i];
	qsort(v, p->n_fds, sizeof(*v), fd_cmp);
	return v;
}
