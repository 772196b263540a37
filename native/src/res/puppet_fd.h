/*
 * Fd operations injected into a restore puppet, shared by files.c and
 * pipes.c: open a path, move an fd to a staging number or to its final
 * number, and take an open file description that another puppet already
 * holds (pidfd_open + pidfd_getfd). Every failure is reported with the pid
 * and returns -1.
 */
#ifndef STASIS_RES_PUPPET_FD_H
#define STASIS_RES_PUPPET_FD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "restore.h"

/* pidfds of other puppets, opened in one puppet while its fds are being
 * installed, closed by pfd_cache_close() when that puppet is done. */
struct pidfd_cache {
	struct restore_task *puppet;
	struct pidfd_ent { struct restore_task *owner; int fd; } *e;
	size_t n;
};

void pfd_cache_init(struct pidfd_cache *c, struct restore_task *puppet);
int pfd_cache_close(struct pidfd_cache *c);

/* openat(AT_FDCWD, path, flags) in t. Returns 0 with the fd, or the
 * negative errno in *res (no message: the caller knows what to say); -1
 * when t could not be driven. */
int pfd_open(struct restore_task *t, const char *path, uint32_t flags, long *res);

/* fcntl/close in t, reported as "pid P: fd N: what" on failure. */
int pfd_fcntl(struct restore_task *t, int fd, int cmd, uint64_t arg, long *res);
int pfd_close(struct restore_task *t, int fd);

/* Move fd to a staging number >= t->fd_base (close-on-exec); *out gets it. */
int pfd_stage(struct restore_task *t, int fd, int *out);

/* Put the OFD of tmp at number target with the close-on-exec flag, and
 * close tmp (tmp may already be target). */
int pfd_place(struct restore_task *t, int tmp, int target, bool cloexec);

/* Install at target in c->puppet the OFD that rf says is available: dup3
 * when the puppet owns it, else pidfd_getfd from the owner. */
int pfd_install(struct pidfd_cache *c, const struct restore_file *rf, int target, bool cloexec);

/* Get the OFD of rf into c->puppet at some number: *fd, and *temp true when
 * it is a new fd the caller must close (false: rf's own fd in this puppet). */
int pfd_get(struct pidfd_cache *c, const struct restore_file *rf, int *fd, bool *temp);

/*
 * The fd restore loop shared by files.c and pipes.c: for every fd of t in
 * number order whose OpenFile is (pipes) / is not (!pipes) a pipe or FIFO
 * end, take the OFD where it already exists, else call create(), which
 * makes it, installs it at d->fd and registers it with restore_file_add.
 */
typedef int (*pfd_create_fn)(struct restore_ctx *ctx, struct pidfd_cache *c,
			     const Stasis__FileDescriptor *d, const Stasis__OpenFile *of);
int pfd_restore_all(struct restore_ctx *ctx, struct restore_task *t, bool pipes, pfd_create_fn create);

#endif
