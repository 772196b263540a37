/*
 * sched: nice value and personality.
 *
 * Both are read from outside (/proc/PID/stat, /proc/PID/personality) and
 * set back by injected setpriority() and personality() in the puppet.
 *
 * Scheduling policy: the image has no field for it, so only SCHED_OTHER
 * survives. check() refuses realtime policies (FIFO, RR, DEADLINE: a
 * restored job silently losing its real-time guarantees would be worse
 * than no checkpoint) and warns for BATCH and IDLE, which are hints and
 * come back as SCHED_OTHER with the same nice value.
 */
#include "resource.h"

#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>

#include "log.h"
#include "proc.h"
#include "proc_text.h"
#include "util.h"

#ifndef SCHED_DEADLINE
#define SCHED_DEADLINE 6
#endif

static int sched_check(struct dump_ctx *ctx, struct dump_task *t)
{
	int policy;

	(void)ctx;
	if (t->zombie)
		return 0;
	policy = sched_getscheduler(t->pid);
	if (policy < 0) {
		pr_perror("pid %d: sched: sched_getscheduler", t->pid);
		return -1;
	}
	policy &= ~SCHED_RESET_ON_FORK;
	switch (policy) {
	case SCHED_OTHER:
		return 0;
	case SCHED_BATCH:
	case SCHED_IDLE:
		pr_warn("pid %d: sched: scheduling policy %s is not kept in the image; "
			"it will run as SCHED_OTHER after restore (same nice value)",
			t->pid, policy == SCHED_BATCH ? "SCHED_BATCH" : "SCHED_IDLE");
		return 0;
	default:
		pr_err("pid %d: sched: real-time scheduling policy (%s) cannot be checkpointed "
		       "yet: switch it to SCHED_OTHER first (chrt -o -p 0 %d)",
		       t->pid, policy == SCHED_FIFO ? "SCHED_FIFO" :
		       policy == SCHED_RR ? "SCHED_RR" :
		       policy == SCHED_DEADLINE ? "SCHED_DEADLINE" : "unknown", t->pid);
		return -1;
	}
}

static int sched_dump(struct dump_ctx *ctx, struct dump_task *t)
{
	struct proc_stat st;
	char *text = NULL;
	uint64_t pers;

	(void)ctx;
	if (t->zombie)
		return 0;
	if (proc_read_stat(t->pid, &st) < 0) {
		pr_perror("pid %d: sched: cannot read /proc/%d/stat", t->pid, t->pid);
		return -1;
	}
	if (read_filef(&text, "/proc/%d/personality", t->pid) < 0) {
		pr_perror("pid %d: sched: cannot read /proc/%d/personality", t->pid, t->pid);
		return -1;
	}
	if (parse_u64(text, 16, &pers) < 0 || pers > UINT32_MAX) {
		pr_err("pid %d: sched: unexpected /proc/%d/personality contents \"%s\"",
		       t->pid, t->pid, text);
		free(text);
		return -1;
	}
	free(text);
	t->pb->has_nice = 1;
	t->pb->nice = (int32_t)st.nice;
	t->pb->has_personality = 1;
	t->pb->personality = (uint32_t)pers;
	return 0;
}

static int sched_restore(struct restore_ctx *ctx, struct restore_task *t)
{
	const Stasis__Process *pb = t->pb;
	long ret;

	(void)ctx;
	if (t->zombie)
		return 0;
	if (pb->has_personality) {
		if (tracee_syscall(&t->tracee, &ret, SYS_personality, pb->personality,
				   0, 0, 0, 0, 0) < 0)
			return -1;
		if (ret < 0) {
			pr_err("pid %d: sched: personality 0x%x not accepted by this kernel: %s",
			       t->vpid, pb->personality, strerror((int)-ret));
			return -1;
		}
	}
	if (pb->has_nice) {
		if (tracee_syscall(&t->tracee, &ret, SYS_setpriority, PRIO_PROCESS, 0,
				   (uint64_t)(int64_t)pb->nice, 0, 0, 0) < 0)
			return -1;
		if (ret < 0) {
			pr_err("pid %d: sched: cannot set nice value %d: %s%s", t->vpid, pb->nice,
			       strerror((int)-ret), ret == -EACCES || ret == -EPERM ?
			       " (restoring a negative nice value needs CAP_SYS_NICE)" : "");
			return -1;
		}
	}
	return 0;
}

const struct resource_ops res_sched = {
	.name = "sched",
	.check = sched_check,
	.dump = sched_dump,
	.restore = sched_restore,
};
