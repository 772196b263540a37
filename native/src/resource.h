/*
 * Per-resource dump and restore. Each resource (memory, files, pipes,
 * signals, credentials, limits, timers, ...) lives in one file under
 * src/res/ that owns both directions and registers itself in the table in
 * src/res/table.c. Adding a resource adds a file and a table line, never a
 * switch elsewhere.
 *
 * Dump: every hook runs once per live process while the whole tree is
 *   frozen, in table order, and fills its part of the process's protobuf
 *   message. check() runs first for every process and refuses what is not
 *   supported, before anything is written, so a refused dump leaves the
 *   tree running untouched.
 * Restore: hooks run resource by resource in table order, each over every
 *   process (parents first), so a later process can take what an earlier
 *   one set up (a shared file, a pipe end). finish() runs once per resource
 *   after all processes went through restore().
 */
#ifndef STASIS_RESOURCE_H
#define STASIS_RESOURCE_H

#include "dump.h"
#include "restore.h"

struct resource_ops {
	const char *name;
	int (*check)(struct dump_ctx *ctx, struct dump_task *t);
	int (*dump)(struct dump_ctx *ctx, struct dump_task *t);
	int (*restore)(struct restore_ctx *ctx, struct restore_task *t);
	int (*finish)(struct restore_ctx *ctx);
};

extern const struct resource_ops *const resource_table[];
extern const size_t resource_count;

/* The resources, one per file in src/res/. */
extern const struct resource_ops res_mm;      /* mm.c: VMAs, pages, brk, vDSO */
extern const struct resource_ops res_files;   /* files.c: fds, regular files, devices, dirs */
extern const struct resource_ops res_pipes;   /* pipes.c: pipes and FIFOs, buffered data */
extern const struct resource_ops res_fs;      /* fs.c: cwd, root, umask */
extern const struct resource_ops res_sched;   /* sched.c: nice, personality */
extern const struct resource_ops res_limits;  /* limits.c: rlimits */
extern const struct resource_ops res_signals; /* signals.c: handlers, masks, pending, altstack */
extern const struct resource_ops res_timers;  /* timers.c: itimers, alarm */
extern const struct resource_ops res_creds;   /* creds.c: uid/gid/groups/caps (last) */
extern const struct resource_ops res_thread;  /* thread.c: registers, FPU, rseq, tid address */

#endif
