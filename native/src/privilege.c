#include "privilege.h"

#include "capabilities.h"
#include "log.h"

int privilege_require(const char *action)
{
	struct probe_result r;

	if (!caps_probe("privileges", &r)) {
		pr_err("cannot %s: the privilege probe is missing from this build", action);
		return -1;
	}
	if (r.status == PROBE_OK)
		return 0;
	pr_err("cannot %s: %s (see 'stasis check')", action, r.detail);
	return -1;
}
