/* Shared by the probe files (capabilities.c, caps_mm.c); not for the rest
 * of the engine. */
#ifndef STASIS_CAPS_PRIV_H
#define STASIS_CAPS_PRIV_H

#include "capabilities.h"

/* Set status and a printf-formatted detail. */
void probe_set(struct probe_result *r, enum probe_status s, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Run fn(arg) in a forked child and return what it returned (0..255, by
 * convention 0 or an errno value), or -1 if the child could not be
 * forked or was killed. The child never returns into our code.
 */
int probe_in_child(int (*fn)(void *), void *arg);

void probe_userfaultfd(struct probe_result *r);
void probe_soft_dirty(struct probe_result *r);
void probe_process_vm_readv(struct probe_result *r);
void probe_map_files(struct probe_result *r);
void probe_vdso(struct probe_result *r);

#endif
