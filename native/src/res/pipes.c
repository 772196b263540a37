/*
 * Pipes and FIFOs: their buffered bytes, and putting their ends back.
 *
 * Dump: files.c already recorded each end as an OpenFile with pipe_id (the
 * pipe's inode). Here each pipe gets one Stasis__Pipe with the bytes it
 * holds, read WITHOUT consuming them: stasis opens the pipe again through
 * /proc/PID/fd/N, tee(2)s its buffers into a pipe of its own as large, and
 * reads that copy. The frozen process finds its pipe exactly as it was.
 *
 * Restore (after files.c ran for every puppet): the first puppet that
 * needs any end of a pipe creates it (pipe2; a FIFO: open O_RDWR, which
 * never blocks) on staging fds >= fd_base, stasis refills the bytes
 * through /proc/<pid>/fd/<write end> and sets the capacity. Those staging
 * "anchors" are registered (restore_file_add, ids above every OpenFile id)
 * so that every later end, in any puppet, is taken from them: the end
 * itself for the first read-only and first write-only OpenFile of an
 * anonymous pipe, a reopen through /proc/self/fd/N for every other one
 * (FIFO ends, extra opens). finish() closes all anchors: an end that no
 * process of the tree held is closed then (readers see EOF after the data,
 * writers EPIPE).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "log.h"
#include "res/files_priv.h"
#include "res/puppet_fd.h"
#include "resource.h"
#include "util.h"

/* ---- dump ---------------------------------------------------------------- */

static Stasis__Pipe *find_pipe(const Stasis__Image *img, uint64_t id, size_t *idx)
{
	for (size_t i = 0; i < img->n_pipes; i++) {
		if (img->pipes[i]->id == id) {
			if (idx)
				*idx = i;
			return img->pipes[i];
		}
	}
	return NULL;
}

static const Stasis__OpenFile *dump_open_file(struct dump_ctx *ctx, uint64_t id)
{
	for (size_t i = 0; i < ctx->nfiles; i++)
		if (ctx->files[i].id == id)
			return ctx->files[i].pb;
	return NULL;
}

static long pipe_max_size(void)
{
	char *text;
	long v = -1;

	if (read_file("/proc/sys/fs/pipe-max-size", &text) >= 0) {
		v = strtol(text, NULL, 10);
		free(text);
	}
	return v;
}

/* Copy the bytes buffered in the pipe behind rfd into *data, not consuming
 * them. cap: its capacity. */
static int pipe_peek(pid_t pid, int fd, int rfd, int cap, int avail, uint8_t **data)
{
	int mine[2], got;
	ssize_t n;

	if (pipe2(mine, O_NONBLOCK | O_CLOEXEC) < 0) {
		pr_perror("pid %d: fd %d: cannot create a pipe to copy its buffered data", pid, fd);
		return -1;
	}
	/* tee needs a slot in our pipe for every buffer of theirs: same size. */
	got = fcntl(mine[1], F_GETPIPE_SZ);
	if (got < cap && fcntl(mine[1], F_SETPIPE_SZ, cap) < 0) {
		pr_perror("pid %d: fd %d: the pipe holds %d bytes in a %d-byte buffer and stasis cannot make a pipe that large to copy them (pipe-max-size is %ld); raise /proc/sys/fs/pipe-max-size or let the reader drain the pipe first",
			  pid, fd, avail, cap, pipe_max_size());
		goto fail;
	}
	n = tee(rfd, mine[1], (size_t)avail, SPLICE_F_NONBLOCK);
	if (n != avail) {
		if (n < 0)
			pr_perror("pid %d: fd %d: cannot copy the %d bytes buffered in its pipe (tee)", pid, fd, avail);
		else
			pr_err("pid %d: fd %d: copied only %zd of the %d bytes buffered in its pipe", pid, fd, n, avail);
		goto fail;
	}
	*data = xmalloc((size_t)avail);
	for (ssize_t off = 0; off < avail; off += n) {
		n = read(mine[0], *data + off, (size_t)(avail - off));
		if (n <= 0) {
			pr_perror("pid %d: fd %d: cannot read back the copy of its pipe data", pid, fd);
			free(*data);
			goto fail;
		}
	}
	close(mine[0]);
	close(mine[1]);
	return 0;
fail:
	close(mine[0]);
	close(mine[1]);
	return -1;
}

/* Is any end of the pipe seen so far in packet mode? */
static bool pipe_packet_mode(const struct dump_ctx *ctx, uint64_t pipe_id)
{
	for (size_t i = 0; i < ctx->nfiles; i++) {
		const Stasis__OpenFile *o = ctx->files[i].pb;

		if (o && o->kind == STASIS__FILE_KIND__FILE_PIPE && o->pipe_id == pipe_id && (o->flags & O_DIRECT))
			return true;
	}
	return false;
}

static int pipe_capture(struct dump_ctx *ctx, pid_t pid, int fd, const Stasis__OpenFile *of)
{
	Stasis__Image *img = ctx->pb;
	Stasis__Pipe *p;
	char path[64];
	int rfd, cap, avail = 0;
	uint8_t *data = NULL;

	/* A second reader on the same pipe: opening never blocks with
	 * O_NONBLOCK, and reading through tee() takes nothing away. */
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", pid, fd);
	rfd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (rfd < 0) {
		pr_perror("pid %d: fd %d: cannot open its pipe through %s to copy the buffered data", pid, fd, path);
		return -1;
	}
	cap = fcntl(rfd, F_GETPIPE_SZ);
	if (cap < 0 || ioctl(rfd, FIONREAD, &avail) < 0) {
		pr_perror("pid %d: fd %d: cannot read the size and fill of its pipe", pid, fd);
		close(rfd);
		return -1;
	}
	if (avail > 0 && pipe_peek(pid, fd, rfd, cap, avail, &data) < 0) {
		close(rfd);
		return -1;
	}
	close(rfd);
	if (avail > 0 && pipe_packet_mode(ctx, of->pipe_id))
		pr_warn("pid %d: fd %d: its pipe is in packet mode (O_DIRECT) and holds %d bytes; the image keeps the bytes but not the packet boundaries, so after restore they read as one packet",
			pid, fd, avail);

	p = xzalloc(sizeof(*p));
	stasis__pipe__init(p);
	p->has_id = p->has_capacity = p->has_data = 1;
	p->id = of->pipe_id;
	p->capacity = (uint32_t)cap;
	p->data.len = (size_t)avail;
	p->data.data = data;
	if (of->kind == STASIS__FILE_KIND__FILE_FIFO)
		p->fifo_path = xstrdup(of->path);
	img->pipes = xrealloc(img->pipes, (img->n_pipes + 1) * sizeof(*img->pipes));
	img->pipes[img->n_pipes++] = p;
	pr_debug("pid %d: fd %d: pipe %llu holds %d bytes (capacity %d)", pid, fd,
		 (unsigned long long)p->id, avail, cap);
	return 0;
}

static int pipes_dump(struct dump_ctx *ctx, struct dump_task *t)
{
	const Stasis__Process *proc = t->pb;

	for (size_t i = 0; i < proc->n_fds; i++) {
		const Stasis__OpenFile *of = dump_open_file(ctx, proc->fds[i]->file_id);

		if (!of || (of->kind != STASIS__FILE_KIND__FILE_PIPE && of->kind != STASIS__FILE_KIND__FILE_FIFO))
			continue;
		if (find_pipe(ctx->pb, of->pipe_id, NULL)) {
			/* Pipe ids are inode numbers: a pipefs inode and a FIFO on
			 * disk could share one. Refuse rather than mix them up. */
			for (size_t j = 0; j < ctx->nfiles; j++) {
				const Stasis__OpenFile *o = ctx->files[j].pb;

				if (o && o->has_pipe_id && o->pipe_id == of->pipe_id && o->dev != of->dev) {
					pr_err("pid %d: fd %d: two different pipes share the inode number %llu; this stasis cannot store both: close one of them",
					       t->pid, (int)proc->fds[i]->fd, (unsigned long long)of->pipe_id);
					return -1;
				}
			}
			continue;
		}
		if (pipe_capture(ctx, t->pid, (int)proc->fds[i]->fd, of) < 0)
			return -1;
	}
	return 0;
}

/* ---- restore ------------------------------------------------------------- */

/* Anchor ids: above every OpenFile id (those count up from 1). */
#define ANCHOR_BASE (1ull << 63)
enum { END_READ = 0, END_WRITE = 1 };

static uint64_t anchor_id(size_t pipe_idx, int end)
{
	return ANCHOR_BASE | ((uint64_t)pipe_idx << 1) | (uint64_t)end;
}

/* The OpenFile that takes the pipe2() end itself: the first read-only
 * (write-only) one of this pipe. 0 if none in the image. */
static uint64_t primary_end(const Stasis__Image *img, uint64_t pipe_id, int end)
{
	uint32_t acc = end == END_READ ? O_RDONLY : O_WRONLY;

	for (size_t i = 0; i < img->n_files; i++) {
		const Stasis__OpenFile *o = img->files[i];

		if (o->kind == STASIS__FILE_KIND__FILE_PIPE && o->pipe_id == pipe_id &&
		    (o->flags & O_ACCMODE) == acc)
			return o->id;
	}
	return 0;
}

/* Does any OpenFile of the image read from (end READ) / write to the pipe? */
static bool end_held(const Stasis__Image *img, uint64_t pipe_id, int end)
{
	for (size_t i = 0; i < img->n_files; i++) {
		const Stasis__OpenFile *o = img->files[i];
		uint32_t acc = o->flags & O_ACCMODE;

		if (!o->has_pipe_id || o->pipe_id != pipe_id)
			continue;
		if (acc == O_RDWR || acc == (end == END_READ ? O_RDONLY : O_WRONLY))
			return true;
	}
	return false;
}

/* Put the bytes back and the capacity, from stasis, through the puppet's
 * write end. */
static int pipe_refill(struct restore_task *t, int fd, int wfd, const Stasis__Pipe *p)
{
	char path[64];
	int w, cur;

	snprintf(path, sizeof(path), "/proc/%d/fd/%d", t->pid, wfd);
	w = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
	if (w < 0) {
		pr_perror("pid %d: fd %d: cannot open its new pipe through %s to refill it", t->vpid, fd, path);
		return -1;
	}
	cur = fcntl(w, F_GETPIPE_SZ);
	if (p->has_capacity && cur >= 0 && (uint32_t)cur != p->capacity &&
	    fcntl(w, F_SETPIPE_SZ, (int)p->capacity) < 0) {
		if (p->data.len > (size_t)cur) {
			pr_perror("pid %d: fd %d: cannot give its pipe the %u-byte buffer it had (pipe-max-size is %ld), and its %zu buffered bytes do not fit in %d; raise /proc/sys/fs/pipe-max-size",
				  t->vpid, fd, p->capacity, pipe_max_size(), p->data.len, cur);
			close(w);
			return -1;
		}
		pr_warn("pid %d: fd %d: its pipe gets a %d-byte buffer instead of %u (pipe-max-size is %ld)",
			t->vpid, fd, cur, p->capacity, pipe_max_size());
	}
	if (p->data.len && write_all(w, p->data.data, p->data.len) < 0) {
		pr_perror("pid %d: fd %d: cannot put the %zu buffered bytes back into its pipe", t->vpid, fd, p->data.len);
		close(w);
		return -1;
	}
	close(w);
	return 0;
}

/* Create pipe (index idx) in t on staging fds and register its anchors. */
static int pipe_create(struct restore_ctx *ctx, struct restore_task *t, int fd,
		       const Stasis__OpenFile *of, size_t idx)
{
	const Stasis__Pipe *p = ctx->pb->pipes[idx];
	int rs, ws;
	long r;

	if (p->fifo_path) {
		struct stat st;
		char path[64];

		/* O_RDWR on a FIFO never blocks and holds both ends open. */
		if (pfd_open(t, p->fifo_path, O_RDWR | O_NONBLOCK | O_CLOEXEC, &r) < 0)
			return -1;
		if (r < 0) {
			errno = (int)-r;
			if (r == -ENOENT)
				pr_err("pid %d: fd %d: the named pipe %s is gone; recreate it (mkfifo %s) before restoring",
				       t->vpid, fd, p->fifo_path, p->fifo_path);
			else
				pr_perror("pid %d: fd %d: cannot open the named pipe %s", t->vpid, fd, p->fifo_path);
			return -1;
		}
		if (pfd_stage(t, (int)r, &rs) < 0)
			return -1;
		snprintf(path, sizeof(path), "/proc/%d/fd/%d", t->pid, rs);
		if (stat(path, &st) < 0 || !S_ISFIFO(st.st_mode)) {
			pr_err("pid %d: fd %d: %s is no longer a named pipe; recreate it with mkfifo before restoring",
			       t->vpid, fd, p->fifo_path);
			return -1;
		}
		ws = rs;
	} else {
		uint64_t addr;
		int ends[2];

		tracee_scratch_reset(&t->tracee);
		addr = tracee_scratch_put(&t->tracee, NULL, sizeof(ends));
		if (!addr) {
			pr_err("pid %d: no scratch memory left to create a pipe", t->vpid);
			return -1;
		}
		if (tracee_syscall_ok(&t->tracee, &r, "cannot create a pipe (pipe2)", SYS_pipe2,
				      addr, O_CLOEXEC, 0, 0, 0, 0) < 0)
			return -1;
		if (tracee_read(&t->tracee, addr, ends, sizeof(ends)) < 0)
			return -1;
		if (pfd_stage(t, ends[0], &rs) < 0 || pfd_stage(t, ends[1], &ws) < 0)
			return -1;
		if (!end_held(ctx->pb, of->pipe_id, END_READ))
			pr_info("pid %d: fd %d: no process of the checkpointed tree holds the read end of pipe %llu (closed, or held outside the tree); after restore it has no reader and writers get EPIPE",
				t->vpid, fd, (unsigned long long)of->pipe_id);
		if (!end_held(ctx->pb, of->pipe_id, END_WRITE))
			pr_info("pid %d: fd %d: no process of the checkpointed tree holds the write end of pipe %llu (closed, or held outside the tree); after restore readers get its %zu buffered bytes, then end of file",
				t->vpid, fd, (unsigned long long)of->pipe_id, p->data.len);
	}
	if (pipe_refill(t, fd, ws, p) < 0)
		return -1;
	restore_file_add(ctx, anchor_id(idx, END_READ), t, rs, true);
	restore_file_add(ctx, anchor_id(idx, END_WRITE), t, ws, true);
	return 0;
}

/* Create the pipe/FIFO end "of" (no puppet has it yet) at d->fd in c->puppet. */
static int pipe_end_install(struct restore_ctx *ctx, struct pidfd_cache *c,
			    const Stasis__FileDescriptor *d, const Stasis__OpenFile *of)
{
	struct restore_task *t = c->puppet;
	int fd = (int)d->fd, end = (of->flags & O_ACCMODE) == O_WRONLY ? END_WRITE : END_READ;
	const struct restore_file *anchor;
	size_t idx;
	long r;

	if (!find_pipe(ctx->pb, of->pipe_id, &idx)) {
		pr_err("pid %d: fd %d refers to pipe %llu, which the image does not describe: the image is damaged",
		       t->vpid, fd, (unsigned long long)of->pipe_id);
		return -1;
	}
	if (!restore_file_find(ctx, anchor_id(idx, end)) && pipe_create(ctx, t, fd, of, idx) < 0)
		return -1;
	anchor = restore_file_find(ctx, anchor_id(idx, end));

	if (of->kind == STASIS__FILE_KIND__FILE_PIPE && primary_end(ctx->pb, of->pipe_id, end) == of->id) {
		/* This OpenFile is the pipe2() end itself. */
		if (pfd_install(c, anchor, fd, d->cloexec) < 0)
			return -1;
	} else {
		/* A new open of the same pipe, as a FIFO open would be. */
		char path[64];
		bool temp;
		int src;

		if (pfd_get(c, anchor, &src, &temp) < 0)
			return -1;
		snprintf(path, sizeof(path), "/proc/self/fd/%d", src);
		if (pfd_open(t, path, (ofd_open_flags(of->flags) | O_NONBLOCK) & ~(uint32_t)O_NOCTTY, &r) < 0)
			return -1;
		if (r < 0) {
			errno = (int)-r;
			pr_perror("pid %d: fd %d: cannot open %s %s through %s", t->vpid, fd,
				  of->path && *of->path ? of->path : "its pipe", ofd_access_name(of->flags), path);
			return -1;
		}
		if (temp && pfd_close(t, src) < 0)
			return -1;
		if (pfd_place(t, (int)r, fd, d->cloexec) < 0)
			return -1;
	}
	/* Status flags of this end (pipe2 gave none, FIFO opens O_NONBLOCK). */
	if (pfd_fcntl(t, fd, F_SETFL, ofd_setfl_flags(of->flags), &r) < 0)
		return -1;
	restore_file_add(ctx, of->id, t, fd, false);
	return 0;
}

static int pipes_restore(struct restore_ctx *ctx, struct restore_task *t)
{
	return pfd_restore_all(ctx, t, true, pipe_end_install);
}

/* Close every staging fd in every puppet, once each. */
static int pipes_finish(struct restore_ctx *ctx)
{
	int ret = 0;

	for (size_t i = 0; i < ctx->nfiles; i++) {
		struct restore_file *f = &ctx->files[i];

		if (!f->staging || f->fd < 0)
			continue;
		int fd = f->fd;
		struct restore_task *owner = f->owner;

		if (pfd_close(owner, fd) < 0)
			ret = -1;
		for (size_t j = i; j < ctx->nfiles; j++)
			if (ctx->files[j].staging && ctx->files[j].owner == owner && ctx->files[j].fd == fd)
				ctx->files[j].fd = -1;
	}
	return ret;
}

const struct resource_ops res_pipes = {
	.name = "pipes",
	.check = NULL,
	.dump = pipes_dump,
	.restore = pipes_restore,
	.finish = pipes_finish,
};
