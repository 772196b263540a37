/*
 * Building the process tree for restore. Each process is forked by its
 * own parent, so parent links, sessions and zombies come out right, with
 * its original pid (clone3 set_tid). A spawned process resets what it
 * inherited from the restorer, reports on the ready pipe, and then waits
 * doing nothing until the restorer seizes it and replaces its insides.
 */
#ifndef STASIS_SPAWN_H
#define STASIS_SPAWN_H

#include <stdint.h>
#include <sys/types.h>

#include "restore.h"

/* What each spawned process writes to the ready pipe. */
struct spawn_report {
	int32_t vpid;   /* the pid it was to get */
	int32_t err;    /* 0, or the errno of a failed clone3 for that pid */
};

/* clone3 with set_tid: a child with exactly this pid (in the innermost
 * PID namespace). Returns like fork(). */
pid_t spawn_with_pid(pid_t pid);

/* Body of a spawned process: never returns. idx is its task index. */
void spawn_process(struct restore_ctx *ctx, size_t idx, int ready_fd) __attribute__((noreturn));

/* Fork the first process of a new PID namespace (its init). */
pid_t spawn_ns_init_process(void);

/* Body of the PID namespace's init: spawns the root, reaps orphans,
 * forwards termination signals to the root and exits with its status. */
void spawn_ns_init(struct restore_ctx *ctx, int ready_fd) __attribute__((noreturn));

#endif
