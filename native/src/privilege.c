#include "privilege.h"

#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "log.h"
#include "proc.h"

#define CAP_SYS_PTRACE_BIT 19
#define CAP_SYS_ADMIN_BIT 21
#define CAP_CHECKPOINT_RESTORE_BIT 40

int privilege_require(const char *action)
{
	char *eff = proc_status_field(getpid(), "CapEff");
	uint64_t caps = eff ? strtoull(eff, NULL, 16) : 0;
	uint64_t need = (1ull << CAP_SYS_PTRACE_BIT) | (1ull << CAP_SYS_ADMIN_BIT);

	free(eff);
	/* CAP_SYS_ADMIN implies what CAP_CHECKPOINT_RESTORE grants. */
	if ((caps & need) == need ||
	    ((caps & (1ull << CAP_SYS_PTRACE_BIT)) && (caps & (1ull << CAP_CHECKPOINT_RESTORE_BIT))))
		return 0;
	pr_err("cannot %s: stasis needs root (uid %d here), or CAP_CHECKPOINT_RESTORE and "
	       "CAP_SYS_PTRACE; run it with sudo, or see 'stasis check'", action, (int)geteuid());
	return -1;
}
