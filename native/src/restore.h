/* Restore of a process tree from one image. */
#ifndef STASIS_RESTORE_H
#define STASIS_RESTORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "image.h"
#include "tracee.h"
#include "stasis/image.pb-c.h"

struct restore_opts {
	const char *image;
	bool pid_ns;        /* --pid-ns: restore inside a fresh PID namespace */
	bool shell_job;     /* --shell-job: attach to this terminal, wait for the root */
	/* --terminal-to FILE: fds that were a terminal write to this absolute
	 * path instead (it exists: the command created it); NULL to refuse
	 * them unless shell_job. */
	const char *terminal_to;
};

struct restore_task {
	const Stasis__Process *pb;
	pid_t pid;              /* pid as seen by stasis (host pid namespace) */
	pid_t vpid;             /* pid inside its namespace (== pb->pid) */
	bool zombie;
	struct tracee tracee;   /* the puppet (not for zombies) */
	int image_fd;           /* the image opened inside the puppet, or -1 */
	int fd_base;            /* puppet fds >= this are ours (staging) */
	uint64_t tramp;         /* our trampoline+scratch area in the puppet */
	uint64_t tramp_size;
};

/* Where an open file description is available during restore, so that
 * other processes can take it with pidfd_getfd (files.c, pipes.c). */
struct restore_file {
	uint64_t id;            /* Stasis__OpenFile.id */
	struct restore_task *owner;
	int fd;                 /* fd number in owner */
	bool staging;           /* fd is a staging fd, closed in finish() */
};

struct page_pool;

struct restore_ctx {
	const struct restore_opts *opts;
	struct img_reader *img;
	const Stasis__Image *pb;
	struct restore_task *tasks; /* parents before children */
	size_t ntasks;
	struct restore_file *files;
	size_t nfiles;
	const char *tty_path;       /* --shell-job: our terminal */
	struct page_pool *pool;     /* fills pages and verifies checksums (mm.c) */
	uint64_t pages_total, pages_done;
	/* Shared anonymous memory already created: later processes map it
	 * from the first one's /proc/PID/map_files (mm.c). */
	struct restore_shmem { uint64_t id; pid_t pid; uint64_t start, end; } *shmem;
	size_t nshmem;
};

struct restore_task *restore_find_task(struct restore_ctx *ctx, pid_t vpid);
struct restore_file *restore_file_find(struct restore_ctx *ctx, uint64_t id);
struct restore_file *restore_file_add(struct restore_ctx *ctx, uint64_t id,
				      struct restore_task *owner, int fd, bool staging);

/* A restored tree, as its restorer sees it. */
struct restore_result {
	pid_t root_pid;   /* the root's host pid */
	pid_t root_vpid;  /* the root's pid in its namespace (its own pid without one) */
	/* The restorer's child that holds the tree, to wait for (--shell-job):
	 * the root, or in a new PID namespace its init, which ends with the
	 * root's status (the root is not our child there). */
	pid_t child;
};

/* Bring the tree back. Prints nothing. On failure every process created
 * so far is killed. */
int stasis_restore(const struct restore_opts *opts, struct restore_result *result);

#endif
