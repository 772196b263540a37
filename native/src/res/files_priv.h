/* Shared between the files and pipes resources (files.c, files_refuse.c,
 * files_restore.c, pipes.c, file_table.c). */
#ifndef STASIS_RES_FILES_PRIV_H
#define STASIS_RES_FILES_PRIV_H

#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "dump.h"
#include "res/fdinfo.h"
#include "restore.h"

/* One fd of a frozen process, as /proc shows it. */
struct fd_entry {
	int fd;
	char *link;             /* /proc/PID/fd/N target (malloc'ed) */
	struct stat st;         /* stat of the file the fd refers to */
	struct fdinfo info;
	enum fd_class cls;
};

/* Every fd of pid, sorted by number. -1 with a message. */
int fd_scan(pid_t pid, struct fd_entry **out, size_t *n);
void fd_scan_free(struct fd_entry *e, size_t n);

/* If e is something stasis cannot checkpoint, say what it is and what to
 * do (pr_err) and return -1; else 0. */
int fd_refuse(pid_t pid, const struct fd_entry *e);

/* The OpenFile with this id in the image, or NULL. */
const Stasis__OpenFile *image_file(const Stasis__Image *img, uint64_t id);

/* Sorted copy of a process's fds (the image order is not trusted). */
Stasis__FileDescriptor **sorted_fds(const Stasis__Process *p);

/* Restore of the non-pipe kinds (files_restore.c). */
int files_restore(struct restore_ctx *ctx, struct restore_task *t);

#endif
