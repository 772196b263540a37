/*
 * Restore of fds that are not pipes: for each fd of the puppet in number
 * order, either the open file description already exists (in this puppet:
 * dup3; in another: pidfd_getfd) or this puppet opens it: regular files
 * and directories by path at their offset (never creating or truncating
 * anything), /dev/null & co by path, terminals as the restorer's terminal
 * (--shell-job) or as the file given with --terminal-to. Pipes and FIFOs are left to pipes.c, which runs
 * after this for every puppet.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "log.h"
#include "res/files_priv.h"
#include "res/puppet_fd.h"
#include "util.h"

/* stat of the file behind fd in the puppet, seen from stasis. */
static int puppet_fstat(struct restore_task *t, int fd, struct stat *st)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/fd/%d", t->pid, fd);
	if (stat(path, st) < 0) {
		pr_perror("pid %d: fd %d: cannot stat %s", t->vpid, fd, path);
		return -1;
	}
	return 0;
}

static uint64_t mtime_ns(const struct stat *st)
{
	return (uint64_t)st->st_mtim.tv_sec * 1000000000ull + (uint64_t)st->st_mtim.tv_nsec;
}

/* Warn when the file reopened by path is not quite the one of the image. */
static int compare_file(struct restore_task *t, int fd, int tmp, const Stasis__OpenFile *of)
{
	struct stat st;

	if (puppet_fstat(t, tmp, &st) < 0)
		return -1;
	if ((st.st_mode & S_IFMT) != (of->mode & S_IFMT)) {
		pr_err("pid %d: fd %d: %s is no longer the same kind of file (mode %o, was %o): put the original back before restoring",
		       t->vpid, fd, of->path, (unsigned)st.st_mode, (unsigned)of->mode);
		return -1;
	}
	if (of->kind != STASIS__FILE_KIND__FILE_REGULAR)
		return 0;
	if (of->has_size && (uint64_t)st.st_size != of->size)
		pr_warn("pid %d: fd %d: %s changed size since the image was made (%llu bytes, was %llu); the process continues at offset %llu",
			t->vpid, fd, of->path, (unsigned long long)st.st_size,
			(unsigned long long)of->size, (unsigned long long)of->pos);
	else if (of->has_mtime_ns && mtime_ns(&st) != of->mtime_ns)
		pr_warn("pid %d: fd %d: %s was modified since the image was made (same size); the process sees the new contents",
			t->vpid, fd, of->path);
	return 0;
}

static int open_error(struct restore_task *t, int fd, const Stasis__OpenFile *of, const char *path, long err)
{
	errno = (int)-err;
	if (err == -ENOENT && of->kind == STASIS__FILE_KIND__FILE_REGULAR)
		pr_err("pid %d: fd %d: %s is gone (it was open at offset %llu when the image was made); restore it, or restore on a host that has it",
		       t->vpid, fd, path, (unsigned long long)of->pos);
	else if (err == -ENOENT)
		pr_err("pid %d: fd %d: %s is gone (it was open when the image was made); create it again before restoring",
		       t->vpid, fd, path);
	else
		pr_perror("pid %d: fd %d: cannot reopen %s %s", t->vpid, fd, path, ofd_access_name(of->flags));
	return -1;
}

/* The canonical path of a supported character device (its number rules:
 * a container's /dev path may not exist here). */
static const char *chardev_path(uint64_t rdev)
{
	switch (minor(rdev)) {
	case 3: return "/dev/null";
	case 5: return "/dev/zero";
	case 8: return "/dev/random";
	default: return "/dev/urandom";
	}
}

/* Open of in the puppet; *tmp gets the fd (any number). */
static int open_ofd(struct restore_ctx *ctx, struct restore_task *t, int fd,
		    const Stasis__OpenFile *of, int *tmp)
{
	const char *path = of->path ? of->path : "";
	uint32_t flags = ofd_open_flags(of->flags);
	bool redirected = false; /* a terminal fd reopened on --terminal-to */
	long r;

	switch (of->kind) {
	case STASIS__FILE_KIND__FILE_REGULAR:
		break;
	case STASIS__FILE_KIND__FILE_DIRECTORY:
		flags |= O_DIRECTORY;
		break;
	case STASIS__FILE_KIND__FILE_CHARDEV:
		if (!chardev_supported(of->rdev)) {
			pr_err("pid %d: fd %d: the image holds the character device %s (%u:%u), which stasis cannot reopen",
			       t->vpid, fd, path, major(of->rdev), minor(of->rdev));
			return -1;
		}
		path = chardev_path(of->rdev);
		break;
	case STASIS__FILE_KIND__FILE_TTY:
		if (ctx->opts->terminal_to) {
			/* appended to, like a log: the terminal's output never
			 * had an offset, and several fds may share the file */
			path = ctx->opts->terminal_to;
			flags |= O_APPEND;
			redirected = true;
			break;
		}
		if (!ctx->opts->shell_job) {
			pr_err("pid %d: fd %d is the terminal %s; restore with --shell-job to attach it to this terminal, or with --terminal-to FILE to send it to a file",
			       t->vpid, fd, path);
			return -1;
		}
		if (!ctx->tty_path) {
			pr_err("pid %d: fd %d is the terminal %s, but stasis has no terminal to attach it to: run the restore from a terminal",
			       t->vpid, fd, path);
			return -1;
		}
		path = ctx->tty_path;
		break;
	default:
		pr_err("pid %d: fd %d: open file %llu has kind %d, which this stasis does not know: restore with a newer stasis",
		       t->vpid, fd, (unsigned long long)of->id, (int)of->kind);
		return -1;
	}
	if (pfd_open(t, path, flags, &r) < 0)
		return -1;
	if (r < 0)
		return open_error(t, fd, of, path, r);
	*tmp = (int)r;
	if (redirected) {
		/* another kind of file by design: nothing to compare or seek */
		pr_debug("pid %d: fd %d: the terminal %s now goes to %s", t->vpid, fd,
			 of->path ? of->path : "", path);
		return 0;
	}
	if (compare_file(t, fd, *tmp, of) < 0)
		return -1;

	/* The offset; O_PATH fds and devices have none worth restoring. */
	if ((of->kind == STASIS__FILE_KIND__FILE_REGULAR || of->kind == STASIS__FILE_KIND__FILE_DIRECTORY) &&
	    !(of->flags & O_PATH) && of->pos) {
		char what[96];

		snprintf(what, sizeof(what), "fd %d: cannot seek %s to offset %llu", fd, path,
			 (unsigned long long)of->pos);
		if (tracee_syscall_ok(&t->tracee, &r, what, SYS_lseek, (uint64_t)*tmp, of->pos,
				      SEEK_SET, 0, 0, 0) < 0)
			return -1;
	}
	return 0;
}

/* Open of in the puppet (this puppet is the first to hold it) at d->fd. */
static int create_ofd(struct restore_ctx *ctx, struct pidfd_cache *c,
		      const Stasis__FileDescriptor *d, const Stasis__OpenFile *of)
{
	struct restore_task *t = c->puppet;
	int tmp;

	if (open_ofd(ctx, t, (int)d->fd, of, &tmp) < 0 || pfd_place(t, tmp, (int)d->fd, d->cloexec) < 0)
		return -1;
	restore_file_add(ctx, of->id, t, (int)d->fd, false);
	pr_debug("pid %d: fd %u: reopened %s", t->vpid, d->fd, of->path);
	return 0;
}

int files_restore(struct restore_ctx *ctx, struct restore_task *t)
{
	return pfd_restore_all(ctx, t, false, create_ofd);
}
