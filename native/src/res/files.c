/*
 * Open files: every fd of a process and the open file description (OFD)
 * behind it. Dump reads everything from outside (/proc/PID/fd, fdinfo and
 * a stat through the fd link); nothing is injected. An OFD shared by dup()
 * or fork() is stored once (file_table.c finds sharing with kcmp).
 * Pipes and FIFOs get their OpenFile here too (kind, flags, pipe_id); their
 * buffered bytes are pipes.c's job, and so is putting them back.
 * Restore is in files_restore.c.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "res/files_priv.h"
#include "resource.h"
#include "util.h"

void fd_scan_free(struct fd_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(e[i].link);
	free(e);
}

static int entry_cmp(const void *a, const void *b)
{
	const struct fd_entry *x = a, *y = b;

	return (x->fd > y->fd) - (x->fd < y->fd);
}

/* Fill e for fd of pid. -1 with a message. */
static int fd_read(pid_t pid, int fd, struct fd_entry *e)
{
	char path[64], *text;

	e->fd = fd;
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", pid, fd);
	e->link = read_link(path);
	if (!e->link) {
		pr_perror("pid %d: fd %d: cannot read the link %s", pid, fd, path);
		return -1;
	}
	if (stat(path, &e->st) < 0) {
		pr_perror("pid %d: fd %d (%s): cannot stat it through %s", pid, fd, e->link, path);
		return -1;
	}
	if (read_filef(&text, "/proc/%d/fdinfo/%d", pid, fd) < 0) {
		pr_perror("pid %d: fd %d: cannot read /proc/%d/fdinfo/%d", pid, fd, pid, fd);
		return -1;
	}
	if (fdinfo_parse(text, &e->info) < 0) {
		pr_err("pid %d: fd %d: /proc/%d/fdinfo/%d has no pos/flags lines this version understands",
		       pid, fd, pid, fd);
		free(text);
		return -1;
	}
	free(text);
	e->cls = fd_classify(e->link, e->st.st_mode, e->st.st_rdev);
	return 0;
}

int fd_scan(pid_t pid, struct fd_entry **out, size_t *n)
{
	char path[64];
	struct dirent *de;
	struct fd_entry *v = NULL;
	size_t cnt = 0;
	DIR *d;

	snprintf(path, sizeof(path), "/proc/%d/fd", pid);
	d = opendir(path);
	if (!d) {
		pr_perror("pid %d: cannot list its open files in %s", pid, path);
		return -1;
	}
	while ((errno = 0, de = readdir(d))) {
		char *end;
		long fd = strtol(de->d_name, &end, 10);

		if (de->d_name[0] == '.' || *end || fd < 0 || fd > INT32_MAX)
			continue;
		v = xrealloc(v, (cnt + 1) * sizeof(*v));
		memset(&v[cnt], 0, sizeof(v[cnt]));
		if (fd_read(pid, (int)fd, &v[cnt]) < 0) {
			closedir(d);
			fd_scan_free(v, cnt + 1);
			return -1;
		}
		cnt++;
	}
	if (errno) {
		pr_perror("pid %d: cannot list %s", pid, path);
		closedir(d);
		fd_scan_free(v, cnt);
		return -1;
	}
	closedir(d);
	qsort(v, cnt, sizeof(*v), entry_cmp);
	*out = v;
	*n = cnt;
	return 0;
}

static int files_check(struct dump_ctx *ctx, struct dump_task *t)
{
	struct fd_entry *e;
	size_t n;
	int ret = 0;

	(void)ctx;
	if (fd_scan(t->pid, &e, &n) < 0)
		return -1;
	/* Name every fd that stops the dump, not just the first. */
	for (size_t i = 0; i < n; i++)
		if (fd_refuse(t->pid, &e[i]) < 0)
			ret = -1;
	fd_scan_free(e, n);
	return ret;
}

static Stasis__FileKind kind_of(enum fd_class c)
{
	switch (c) {
	case FDC_DIRECTORY: return STASIS__FILE_KIND__FILE_DIRECTORY;
	case FDC_CHARDEV: return STASIS__FILE_KIND__FILE_CHARDEV;
	case FDC_TTY: return STASIS__FILE_KIND__FILE_TTY;
	case FDC_PIPE: return STASIS__FILE_KIND__FILE_PIPE;
	case FDC_FIFO: return STASIS__FILE_KIND__FILE_FIFO;
	default: return STASIS__FILE_KIND__FILE_REGULAR;
	}
}

static Stasis__OpenFile *open_file_pb(pid_t pid, const struct fd_entry *e)
{
	Stasis__OpenFile *of = xzalloc(sizeof(*of));
	const struct stat *st = &e->st;

	stasis__open_file__init(of);
	of->has_kind = 1;
	of->kind = kind_of(e->cls);
	of->path = xstrdup(e->cls == FDC_PIPE ? "" : e->link);
	of->has_flags = 1;
	of->flags = ofd_status_flags(e->info.flags);
	of->has_pos = 1;
	of->pos = e->info.pos;
	of->has_mode = 1;
	of->mode = st->st_mode;
	of->has_dev = 1;
	of->dev = st->st_dev;
	of->has_inode = 1;
	of->inode = st->st_ino;
	if (e->cls == FDC_REGULAR) {
		of->has_size = 1;
		of->size = (uint64_t)st->st_size;
		of->has_mtime_ns = 1;
		of->mtime_ns = (uint64_t)st->st_mtim.tv_sec * 1000000000ull + (uint64_t)st->st_mtim.tv_nsec;
		if (strncmp(e->link, "/proc/", 6) == 0)
			pr_warn("pid %d: fd %d is %s; it will be reopened by that path, which may name another process after restore",
				pid, e->fd, e->link);
	}
	if (e->cls == FDC_CHARDEV || e->cls == FDC_TTY) {
		of->has_rdev = 1;
		of->rdev = st->st_rdev;
	}
	if (e->cls == FDC_PIPE || e->cls == FDC_FIFO) {
		of->has_pipe_id = 1;
		of->pipe_id = st->st_ino;
	}
	if (e->info.flags & O_ASYNC)
		pr_warn("pid %d: fd %d (%s) has O_ASYNC set; stasis does not restore signal-driven I/O, the flag will be off after restore",
			pid, e->fd, e->link);
	return of;
}

static int files_dump(struct dump_ctx *ctx, struct dump_task *t)
{
	Stasis__Process *p = t->pb;
	struct fd_entry *e;
	size_t n;

	if (fd_scan(t->pid, &e, &n) < 0)
		return -1;
	p->fds = xzalloc(n * sizeof(*p->fds));
	p->n_fds = 0;
	for (size_t i = 0; i < n; i++) {
		Stasis__FileDescriptor *fd = xzalloc(sizeof(*fd));
		struct dump_file *df;

		stasis__file_descriptor__init(fd);
		fd->has_fd = fd->has_file_id = fd->has_cloexec = 1;
		fd->fd = (uint32_t)e[i].fd;
		fd->cloexec = (e[i].info.flags & O_CLOEXEC) != 0;
		p->fds[p->n_fds++] = fd;

		df = dump_file_lookup(ctx, t->pid, e[i].fd);
		if (!df)
			df = dump_file_add(ctx, t->pid, e[i].fd, open_file_pb(t->pid, &e[i]));
		fd->file_id = df->id;
		pr_debug("pid %d: fd %d -> open file %llu (%s)", t->pid, e[i].fd,
			 (unsigned long long)df->id, e[i].link);
	}
	fd_scan_free(e, n);
	return 0;
}

static int files_restore_hook(struct restore_ctx *ctx, struct restore_task *t)
{
	return files_restore(ctx, t);
}

const struct resource_ops res_files = {
	.name = "files",
	.check = files_check,
	.dump = files_dump,
	.restore = files_restore_hook,
	.finish = NULL,
};
