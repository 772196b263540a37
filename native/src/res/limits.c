/*
 * limits: the 16 resource limits.
 *
 * Dump reads /proc/PID/limits: prlimit(2) on a process of another uid needs
 * CAP_SYS_RESOURCE, which root may lack, and the file gives every limit to
 * anyone allowed to trace the process.
 *
 * Restore injects prlimit64(0, resource, new, NULL) into the puppet, which
 * still has stasis's limits. Raising a hard limit above what stasis has
 * needs CAP_SYS_RESOURCE. When that fails we keep the highest hard limit we
 * can (the one the puppet has) and warn, naming pid, limit and both values:
 * a lower ceiling only matters if the process later raises its soft limit.
 * If even the soft limit cannot be reached the restore fails: the process
 * would otherwise run with less than it had (fewer files, a smaller stack)
 * and break later in ways far from the cause.
 */
#include "resource.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>

#include "log.h"
#include "proc_text.h"
#include "util.h"

/* The kernel's struct rlimit64. */
struct kernel_rlimit64 {
	uint64_t cur, max;
};

static const char *fmt_limit(char *buf, size_t cap, uint64_t v)
{
	if (v == UINT64_MAX)
		snprintf(buf, cap, "unlimited");
	else
		snprintf(buf, cap, "%" PRIu64, v);
	return buf;
}

static int limits_dump(struct dump_ctx *ctx, struct dump_task *t)
{
	struct limit_row rows[LIMITS_COUNT];
	const char *bad = NULL;
	char *text = NULL;

	(void)ctx;
	if (t->zombie)
		return 0;
	if (read_filef(&text, "/proc/%d/limits", t->pid) < 0) {
		pr_perror("pid %d: limits: cannot read /proc/%d/limits", t->pid, t->pid);
		return -1;
	}
	if (parse_limits(text, rows, &bad) < 0) {
		pr_err("pid %d: limits: cannot parse /proc/%d/limits (row \"%s\" missing, "
		       "repeated or malformed)", t->pid, t->pid, bad ? bad : "?");
		free(text);
		return -1;
	}
	free(text);

	t->pb->rlimits = xzalloc(LIMITS_COUNT * sizeof(*t->pb->rlimits));
	t->pb->n_rlimits = LIMITS_COUNT;
	for (size_t r = 0; r < LIMITS_COUNT; r++) {
		Stasis__Rlimit *l = xzalloc(sizeof(*l));

		stasis__rlimit__init(l);
		l->has_resource = l->has_soft = l->has_hard = 1;
		l->resource = (uint32_t)rows[r].resource;
		l->name = xstrdup(rows[r].name);
		l->soft = rows[r].soft;
		l->hard = rows[r].hard;
		t->pb->rlimits[r] = l;
	}
	return 0;
}

/* prlimit64 in the puppet; raw kernel return in *ret. */
static int inject_prlimit(struct restore_task *t, uint32_t res, const struct kernel_rlimit64 *set,
			  struct kernel_rlimit64 *get, long *ret)
{
	uint64_t in = 0, out = 0;

	tracee_scratch_reset(&t->tracee);
	if (set && !(in = tracee_scratch_put(&t->tracee, set, sizeof(*set))))
		return -1; /* tracee_scratch_put said why */
	if (get && !(out = tracee_scratch_put(&t->tracee, NULL, sizeof(*get))))
		return -1;
	if (tracee_syscall(&t->tracee, ret, SYS_prlimit64, 0, res, in, out, 0, 0) < 0)
		return -1;
	if (get && *ret == 0 && tracee_read(&t->tracee, out, get, sizeof(*get)) < 0)
		return -1;
	return 0;
}

static int restore_one(struct restore_task *t, const Stasis__Rlimit *l)
{
	struct kernel_rlimit64 want = { l->soft, l->hard }, have;
	const char *name = l->name ? l->name : limit_name((int)l->resource);
	char a[32], b[32], c[32];
	long ret;

	if (inject_prlimit(t, l->resource, &want, NULL, &ret) < 0)
		return -1;
	if (ret == 0)
		return 0;
	if (ret != -EPERM) {
		pr_err("pid %d: limits: cannot set %s to soft %s, hard %s: %s", t->vpid, name,
		       fmt_limit(a, sizeof(a), l->soft), fmt_limit(b, sizeof(b), l->hard),
		       strerror((int)-ret));
		return -1;
	}

	/* EPERM: the hard limit is above ours and we lack CAP_SYS_RESOURCE. */
	if (inject_prlimit(t, l->resource, NULL, &have, &ret) < 0)
		return -1;
	if (ret < 0) {
		pr_err("pid %d: limits: cannot read %s: %s", t->vpid, name, strerror((int)-ret));
		return -1;
	}
	if (have.max >= l->hard || l->soft > have.max) {
		pr_err("pid %d: limits: cannot restore %s: soft %s, hard %s; stasis may only "
		       "set up to %s (it lacks CAP_SYS_RESOURCE): run the restore with a higher "
		       "hard limit (ulimit -H) or as a user with CAP_SYS_RESOURCE",
		       t->vpid, name, fmt_limit(a, sizeof(a), l->soft),
		       fmt_limit(b, sizeof(b), l->hard), fmt_limit(c, sizeof(c), have.max));
		return -1;
	}
	want.max = have.max;
	if (inject_prlimit(t, l->resource, &want, NULL, &ret) < 0)
		return -1;
	if (ret < 0) {
		pr_err("pid %d: limits: cannot set %s to soft %s, hard %s: %s", t->vpid, name,
		       fmt_limit(a, sizeof(a), want.cur), fmt_limit(b, sizeof(b), want.max),
		       strerror((int)-ret));
		return -1;
	}
	pr_warn("pid %d: limits: hard limit of %s lowered from %s (image) to %s: raising it "
		"needs CAP_SYS_RESOURCE, which stasis lacks; the soft limit %s is restored",
		t->vpid, name, fmt_limit(a, sizeof(a), l->hard),
		fmt_limit(b, sizeof(b), have.max), fmt_limit(c, sizeof(c), l->soft));
	return 0;
}

static int limits_restore(struct restore_ctx *ctx, struct restore_task *t)
{
	(void)ctx;
	if (t->zombie)
		return 0;
	for (size_t i = 0; i < t->pb->n_rlimits; i++) {
		const Stasis__Rlimit *l = t->pb->rlimits[i];

		if (!l->has_resource || !l->has_soft || !l->has_hard) {
			pr_err("pid %d: limits: image entry %zu is incomplete", t->vpid, i);
			return -1;
		}
		if (restore_one(t, l) < 0)
			return -1;
	}
	return 0;
}

const struct resource_ops res_limits = {
	.name = "limits",
	.dump = limits_dump,
	.restore = limits_restore,
};
