/*
 * A snapshot of the whole fd table (every fd in /proc/self/fd: its target,
 * status flags, fd flags and offset) taken before the checkpoint and
 * compared after it, so a lost, added or changed fd shows up whatever the
 * program set up. Pipe and socket targets carry inode numbers that a
 * restore cannot keep, so only their kind ("pipe:") is compared.
 */
#ifndef STASIS_FDTABLE_H
#define STASIS_FDTABLE_H

#include "testlib.h"
#include <dirent.h>

#define TL_MAXFD 64

struct tl_fd {
	int used, flags, fdflags;
	off_t pos; /* -1: not seekable (pipes) */
	char target[512];
};

static inline void tl_fd_snapshot(struct tl_fd table[TL_MAXFD])
{
	memset(table, 0, sizeof(struct tl_fd) * TL_MAXFD);
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	while (d && (e = readdir(d))) {
		int fd = atoi(e->d_name);
		if (e->d_name[0] == '.' || fd == dirfd(d) || fd >= TL_MAXFD)
			continue;
		char link[64];
		snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
		ssize_t n = readlink(link, table[fd].target, sizeof table[fd].target - 1);
		table[fd].target[n > 0 ? n : 0] = 0;
		char *inode = strchr(table[fd].target, '[');
		if (inode && (!strncmp(table[fd].target, "pipe:", 5) || !strncmp(table[fd].target, "socket:", 7)))
			*inode = 0;
		table[fd].used = 1;
		table[fd].flags = fcntl(fd, F_GETFL);
		table[fd].fdflags = fcntl(fd, F_GETFD);
		table[fd].pos = lseek(fd, 0, SEEK_CUR);
	}
	if (d)
		closedir(d);
}

static inline void tl_fd_compare(const struct tl_fd before[TL_MAXFD])
{
	struct tl_fd now[TL_MAXFD];
	tl_fd_snapshot(now);
	for (int fd = 0; fd < TL_MAXFD; fd++) {
		const struct tl_fd *b = &before[fd], *n = &now[fd];
		if (b->used != n->used)
			tl_fail("fd %d: %s", fd, b->used ? "missing after restore" : "appeared after restore");
		else if (b->used && (strcmp(b->target, n->target) || b->flags != n->flags ||
				     b->fdflags != n->fdflags || b->pos != n->pos))
			tl_fail("fd %d: expected %s flags 0%o fdflags %d pos %ld, got %s flags 0%o fdflags %d pos %ld",
				fd, b->target, b->flags, b->fdflags, (long)b->pos,
				n->target, n->flags, n->fdflags, (long)n->pos);
	}
}

#endif
