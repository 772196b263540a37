/* Checkpoint of a process tree into one image. */
#ifndef STASIS_DUMP_H
#define STASIS_DUMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "image.h"
#include "tracee.h"
#include "stasis/image.pb-c.h"

struct dump_opts {
	pid_t pid;
	const char *output;
	bool kill_after;     /* --kill: the tree is killed once the image is safe */
};

struct dump_task {
	pid_t pid;
	bool zombie;
	struct tracee tracee;   /* seized and stopped (not for zombies) */
	Stasis__Process *pb;    /* this process in the image */
};

/* An open file description seen while dumping, to find sharing (dup, fork). */
struct dump_file {
	uint64_t id;            /* Stasis__OpenFile.id */
	pid_t pid;              /* first process and fd seen with it (for kcmp) */
	int fd;
	Stasis__OpenFile *pb;
};

struct dump_ctx {
	const struct dump_opts *opts;
	struct img_writer *img;
	Stasis__Image *pb;
	struct dump_task *tasks;    /* parents before children */
	size_t ntasks;
	struct dump_file *files;    /* owned by files.c / pipes.c */
	size_t nfiles;
	uint64_t next_file_id;
	uint64_t *shmem_dumped;     /* shmem ids whose pages are stored (mm.c) */
	size_t nshmem_dumped;
	uint64_t pages_total;       /* pages to write, for progress */
	uint64_t pages_done;
};

struct dump_task *dump_find_task(struct dump_ctx *ctx, pid_t pid);

/* What a successful dump reports. */
struct dump_stats {
	size_t processes;
	uint64_t pages_bytes;   /* page data written */
	uint64_t freeze_ns;     /* the tree was stopped this long */
	uint64_t sealed_ns;     /* from the start until the image was complete in the page cache */
	uint64_t total_ns;      /* until it was durable on disk and in place */
};

/* Checkpoint the tree rooted at opts->pid. 0 on success (stats filled in
 * when not NULL); on failure the tree is left running as it was and no
 * image is written. */
int stasis_dump(const struct dump_opts *opts, struct dump_stats *stats);

/* Register/find an open file description (files.c and pipes.c share this):
 * returns the existing entry if (pid, fd) refers to a description already
 * seen (kcmp KCMP_FILE), else NULL. */
struct dump_file *dump_file_lookup(struct dump_ctx *ctx, pid_t pid, int fd);
struct dump_file *dump_file_add(struct dump_ctx *ctx, pid_t pid, int fd, Stasis__OpenFile *pb);

#endif
