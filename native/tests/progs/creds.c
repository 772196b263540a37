/*
 * Credentials: started as root, drops to uid/gid 65534 with supplementary
 * groups {65534, 100}. After restore the ids, the groups and the capability
 * sets are identical, and it cannot get root back. The runner makes
 * STATEDIR writable for uid 65534.
 */
#include "testlib.h"
#include <grp.h>

#define CAP_LINES 5
static const char *const cap_keys[CAP_LINES] = { "CapInh:", "CapPrm:", "CapEff:", "CapBnd:", "CapAmb:" };

/* The capability lines of /proc/self/status, in one string. */
static void caps(char *out, size_t size)
{
	tl_status_lines(cap_keys, CAP_LINES, out, size);
}

struct creds { uid_t r, e, s; gid_t gr, ge, gs; int ngroups; gid_t groups[8]; };

static void get_creds(struct creds *c)
{
	memset(c, 0, sizeof *c);
	getresuid(&c->r, &c->e, &c->s);
	getresgid(&c->gr, &c->ge, &c->gs);
	c->ngroups = getgroups(8, c->groups);
}

int main(void)
{
	if (getuid() != 0)
		tl_die("must start as root (uid %d)", getuid());
	gid_t groups[2] = { 65534, 100 };
	tl_try(setgroups(2, groups));
	tl_try(setresgid(65534, 65534, 65534));
	tl_try(setresuid(65534, 65534, 65534));
	struct creds before, now;
	get_creds(&before);
	char caps_before[512], caps_now[512];
	caps(caps_before, sizeof caps_before);
	tl_ready(NULL);
	tl_wait_go();

	get_creds(&now);
	tl_check(memcmp(&before, &now, sizeof now) == 0,
		 "credentials: expected uid %d/%d/%d gid %d/%d/%d %d groups, got uid %d/%d/%d gid %d/%d/%d %d groups",
		 before.r, before.e, before.s, before.gr, before.ge, before.gs, before.ngroups,
		 now.r, now.e, now.s, now.gr, now.ge, now.gs, now.ngroups);
	caps(caps_now, sizeof caps_now);
	tl_check_same("capabilities", caps_before, caps_now);
	tl_check(setuid(0) < 0 && errno == EPERM, "setuid(0) did not fail with EPERM: root regained");
	tl_check(setgroups(0, NULL) < 0, "setgroups succeeded: privilege regained");
	tl_finish();
}
