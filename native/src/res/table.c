/*
 * The order of resources. Restore runs them top to bottom: memory first
 * (it replaces the helper's address space and gives the scratch page the
 * others inject through), then what refers to memory or files, credentials
 * next to last (after them the puppet can no longer do privileged things),
 * and the thread's registers last of all.
 */
#include "resource.h"
#include "util.h"

const struct resource_ops *const resource_table[] = {
	&res_mm,
	&res_files,
	&res_pipes,
	&res_fs,
	&res_sched,
	&res_limits,
	&res_signals,
	&res_timers,
	&res_creds,
	&res_thread,
};

const size_t resource_count = ARRAY_SIZE(resource_table);
