/*
 * creds: user and group ids, supplementary groups, capabilities and
 * no_new_privs. Also the gate for seccomp, whose filters cannot be
 * restored yet.
 *
 * Dump reads everything from /proc/PID/status. Restore runs next to last
 * (after it the puppet can no longer do privileged things) and injects, in
 * the puppet that still has stasis's root credentials:
 *   setgroups, setresgid, setfsgid,
 *   PR_SET_KEEPCAPS=1 then setresuid: without keepcaps, leaving uid 0 for
 *     non-zero uids clears the permitted set and we could not set the
 *     image's capabilities any more; the effective set is cleared anyway,
 *   capset(effective = permitted) to use CAP_SETUID and CAP_SETPCAP again,
 *   setfsuid, PR_CAPBSET_DROP for bounding caps not in the image,
 *   capset(image inheritable, permitted, effective), ambient raises
 *     (setresuid cleared them, capset needs them in permitted+inheritable),
 *   PR_SET_KEEPCAPS=0 (the default; the image does not record it),
 *   PR_SET_NO_NEW_PRIVS if recorded.
 * Then /proc/PID/status of the puppet is read from outside and every field
 * compared with the image: a mismatch fails the restore, naming the field,
 * so a restored process never holds more (or other) rights than it had.
 *
 * Raw syscalls act on the calling thread only (glibc's setresuid signals
 * every thread); v1 puppets have one thread.
 */
#include "resource.h"

#include <errno.h>
#include <inttypes.h>
#include <linux/capability.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#include "log.h"
#include "proc_text.h"
#include "util.h"

#ifndef PR_CAP_AMBIENT
#define PR_CAP_AMBIENT 47
#define PR_CAP_AMBIENT_RAISE 2
#endif

static int read_creds(pid_t pid, struct status_creds *c)
{
	char *text = NULL;
	const char *bad = NULL;

	if (read_filef(&text, "/proc/%d/status", pid) < 0) {
		pr_perror("pid %d: creds: cannot read /proc/%d/status", pid, pid);
		return -1;
	}
	if (parse_status_creds(text, c, &bad) < 0) {
		pr_err("pid %d: creds: line \"%s:\" of /proc/%d/status is missing or malformed",
		       pid, bad, pid);
		free(text);
		return -1;
	}
	free(text);
	return 0;
}

static int creds_check(struct dump_ctx *ctx, struct dump_task *t)
{
	struct status_creds c;
	int ret = 0;

	(void)ctx;
	if (t->zombie)
		return 0;
	if (read_creds(t->pid, &c) < 0)
		return -1;
	if (c.seccomp == 2) {
		pr_err("pid %d: creds: the process has a seccomp filter (Seccomp: 2); seccomp "
		       "filters cannot be checkpointed yet: run it without one", t->pid);
		ret = -1;
	} else if (c.seccomp == 1) {
		pr_err("pid %d: creds: the process is in seccomp strict mode (Seccomp: 1); "
		       "it cannot be checkpointed", t->pid);
		ret = -1;
	}
	status_creds_free(&c);
	return ret;
}

static int creds_dump(struct dump_ctx *ctx, struct dump_task *t)
{
	struct status_creds c;
	Stasis__Creds *pb;

	(void)ctx;
	if (t->zombie)
		return 0;
	if (read_creds(t->pid, &c) < 0)
		return -1;
	pb = xzalloc(sizeof(*pb));
	stasis__creds__init(pb);
	pb->has_uid = pb->has_euid = pb->has_suid = pb->has_fsuid = 1;
	pb->uid = c.uid[0], pb->euid = c.uid[1], pb->suid = c.uid[2], pb->fsuid = c.uid[3];
	pb->has_gid = pb->has_egid = pb->has_sgid = pb->has_fsgid = 1;
	pb->gid = c.gid[0], pb->egid = c.gid[1], pb->sgid = c.gid[2], pb->fsgid = c.gid[3];
	pb->n_groups = c.ngroups;
	pb->groups = xzalloc(c.ngroups * sizeof(*pb->groups));
	memcpy(pb->groups, c.groups, c.ngroups * sizeof(*pb->groups));
	pb->has_cap_inheritable = pb->has_cap_permitted = pb->has_cap_effective = 1;
	pb->has_cap_bounding = pb->has_cap_ambient = pb->has_no_new_privs = 1;
	pb->cap_inheritable = c.cap_inh;
	pb->cap_permitted = c.cap_prm;
	pb->cap_effective = c.cap_eff;
	pb->cap_bounding = c.cap_bnd;
	pb->cap_ambient = c.cap_amb;
	pb->no_new_privs = c.no_new_privs != 0;
	t->pb->creds = pb;
	status_creds_free(&c);
	return 0;
}

/* ---- restore ------------------------------------------------------------ */

/* One injected call that must return >= 0. */
static int inject(struct restore_task *t, const char *what, long nr, uint64_t a1,
		  uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	long ret;

	if (tracee_syscall(&t->tracee, &ret, nr, a1, a2, a3, a4, a5, 0) < 0)
		return -1;
	if (ret < 0) {
		pr_err("pid %d: creds: %s: %s", t->vpid, what, strerror((int)-ret));
		return -1;
	}
	return 0;
}

struct kcaps {
	struct __user_cap_header_struct hdr;
	struct __user_cap_data_struct data[2];
};

static void caps_set(struct kcaps *k, uint64_t inh, uint64_t prm, uint64_t eff)
{
	k->hdr.version = _LINUX_CAPABILITY_VERSION_3;
	k->hdr.pid = 0;
	for (int i = 0; i < 2; i++) {
		k->data[i].inheritable = (uint32_t)(inh >> (32 * i));
		k->data[i].permitted = (uint32_t)(prm >> (32 * i));
		k->data[i].effective = (uint32_t)(eff >> (32 * i));
	}
}

static uint64_t caps_get(const struct __user_cap_data_struct d[2], size_t off)
{
	uint32_t lo, hi;

	memcpy(&lo, (const char *)&d[0] + off, sizeof(lo));
	memcpy(&hi, (const char *)&d[1] + off, sizeof(hi));
	return (uint64_t)hi << 32 | lo;
}

static int capset_in(struct restore_task *t, const char *what, uint64_t inh, uint64_t prm,
		     uint64_t eff)
{
	struct kcaps k;
	uint64_t addr;

	caps_set(&k, inh, prm, eff);
	tracee_scratch_reset(&t->tracee);
	addr = tracee_scratch_put(&t->tracee, &k, sizeof(k));
	if (!addr)
		return -1; /* tracee_scratch_put said why */
	return inject(t, what, SYS_capset, addr, addr + offsetof(struct kcaps, data), 0, 0, 0);
}

/* The puppet's permitted set as the kernel has it now. */
static int capget_prm(struct restore_task *t, uint64_t *prm, uint64_t *inh)
{
	struct kcaps k;
	uint64_t addr;

	caps_set(&k, 0, 0, 0);
	tracee_scratch_reset(&t->tracee);
	addr = tracee_scratch_put(&t->tracee, &k, sizeof(k));
	if (!addr)
		return -1; /* tracee_scratch_put said why */
	if (inject(t, "capget", SYS_capget, addr, addr + offsetof(struct kcaps, data), 0, 0, 0) < 0 ||
	    tracee_read(&t->tracee, addr, &k, sizeof(k)) < 0)
		return -1;
	*prm = caps_get(k.data, offsetof(struct __user_cap_data_struct, permitted));
	*inh = caps_get(k.data, offsetof(struct __user_cap_data_struct, inheritable));
	return 0;
}

static int set_ids(struct restore_task *t, const Stasis__Creds *c)
{
	uint64_t addr = 0;

	tracee_scratch_reset(&t->tracee);
	if (c->n_groups) {
		addr = tracee_scratch_put(&t->tracee, c->groups, c->n_groups * sizeof(uint32_t));
		if (!addr)
			return -1; /* tracee_scratch_put said why */
	}
	if (inject(t, "setgroups", SYS_setgroups, c->n_groups, addr, 0, 0, 0) < 0 ||
	    inject(t, "setresgid", SYS_setresgid, c->gid, c->egid, c->sgid, 0, 0) < 0 ||
	    /* setfsgid/setfsuid cannot fail visibly: the final comparison checks them */
	    inject(t, "setfsgid", SYS_setfsgid, c->fsgid, 0, 0, 0, 0) < 0 ||
	    inject(t, "prctl(PR_SET_KEEPCAPS, 1)", SYS_prctl, PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0 ||
	    inject(t, "setresuid", SYS_setresuid, c->uid, c->euid, c->suid, 0, 0) < 0)
		return -1;
	return 0;
}

static int set_caps(struct restore_task *t, const Stasis__Creds *c)
{
	struct status_creds now;
	uint64_t prm, inh, missing;

	/* Regain the effective set setresuid may have cleared. */
	if (capget_prm(t, &prm, &inh) < 0 ||
	    capset_in(t, "capset (effective = permitted)", inh, prm, prm) < 0 ||
	    inject(t, "setfsuid", SYS_setfsuid, c->fsuid, 0, 0, 0, 0) < 0)
		return -1;

	missing = c->cap_permitted & ~prm;
	if (missing) {
		pr_err("pid %d: creds: the image holds capabilities stasis does not have "
		       "(0x%016" PRIx64 "); restore as a user who has them", t->vpid, missing);
		return -1;
	}

	if (read_creds(t->pid, &now) < 0)
		return -1;
	status_creds_free(&now); /* only the bounding set is needed below */
	for (unsigned cap = 0; cap < 64; cap++) {
		uint64_t bit = 1ULL << cap;
		char what[48];

		if (!(now.cap_bnd & bit) || (c->cap_bounding & bit))
			continue;
		snprintf(what, sizeof(what), "prctl(PR_CAPBSET_DROP, %u)", cap);
		if (inject(t, what, SYS_prctl, PR_CAPBSET_DROP, cap, 0, 0, 0) < 0)
			return -1;
	}

	if (capset_in(t, "capset (image sets)", c->cap_inheritable, c->cap_permitted,
		      c->cap_effective) < 0)
		return -1;
	for (unsigned cap = 0; cap < 64; cap++) {
		char what[64];

		if (!(c->cap_ambient & (1ULL << cap)))
			continue;
		snprintf(what, sizeof(what), "prctl(PR_CAP_AMBIENT_RAISE, %u)", cap);
		if (inject(t, what, SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, cap, 0, 0) < 0)
			return -1;
	}
	if (inject(t, "prctl(PR_SET_KEEPCAPS, 0)", SYS_prctl, PR_SET_KEEPCAPS, 0, 0, 0, 0) < 0)
		return -1;
	if (c->no_new_privs &&
	    inject(t, "prctl(PR_SET_NO_NEW_PRIVS)", SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -1;
	return 0;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static bool same_groups(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	uint32_t *sa, *sb;
	bool same;

	if (na != nb)
		return false;
	if (na == 0)
		return true; /* and a or b may be NULL: no memcpy from them */
	sa = xmalloc(na * sizeof(*sa) + 1);
	sb = xmalloc(nb * sizeof(*sb) + 1);
	memcpy(sa, a, na * sizeof(*sa));
	memcpy(sb, b, nb * sizeof(*sb));
	qsort(sa, na, sizeof(*sa), cmp_u32);
	qsort(sb, nb, sizeof(*sb), cmp_u32);
	same = !memcmp(sa, sb, na * sizeof(*sa));
	free(sa);
	free(sb);
	return same;
}

/* Read the puppet's credentials from outside and compare every field. */
static int verify(struct restore_task *t, const Stasis__Creds *c)
{
	struct status_creds now;
	int bad = 0;

	if (read_creds(t->pid, &now) < 0)
		return -1;
	{
		const struct {
			const char *field;
			uint64_t want, got;
		} fields[] = {
			{ "uid", c->uid, now.uid[0] },
			{ "euid", c->euid, now.uid[1] },
			{ "suid", c->suid, now.uid[2] },
			{ "fsuid", c->fsuid, now.uid[3] },
			{ "gid", c->gid, now.gid[0] },
			{ "egid", c->egid, now.gid[1] },
			{ "sgid", c->sgid, now.gid[2] },
			{ "fsgid", c->fsgid, now.gid[3] },
			{ "CapInh", c->cap_inheritable, now.cap_inh },
			{ "CapPrm", c->cap_permitted, now.cap_prm },
			{ "CapEff", c->cap_effective, now.cap_eff },
			{ "CapBnd", c->cap_bounding, now.cap_bnd },
			{ "CapAmb", c->cap_ambient, now.cap_amb },
			{ "NoNewPrivs", c->no_new_privs, now.no_new_privs },
		};

		for (size_t i = 0; i < ARRAY_SIZE(fields); i++) {
			if (fields[i].want == fields[i].got)
				continue;
			pr_err("pid %d: creds: %s is 0x%" PRIx64 " after restore, the image has 0x%"
			       PRIx64, t->vpid, fields[i].field, fields[i].got, fields[i].want);
			bad = 1;
		}
	}
	if (!same_groups(c->groups, c->n_groups, now.groups, now.ngroups)) {
		pr_err("pid %d: creds: supplementary groups differ from the image after restore "
		       "(%zu groups, image has %zu)", t->vpid, now.ngroups, c->n_groups);
		bad = 1;
	}
	status_creds_free(&now);
	return bad ? -1 : 0;
}

static int creds_restore(struct restore_ctx *ctx, struct restore_task *t)
{
	const Stasis__Creds *c = t->pb->creds;

	(void)ctx;
	if (t->zombie || !c)
		return 0;
	if (set_ids(t, c) < 0 || set_caps(t, c) < 0)
		return -1;
	return verify(t, c);
}

const struct resource_ops res_creds = {
	.name = "creds",
	.check = creds_check,
	.dump = creds_dump,
	.restore = creds_restore,
};
