#ifndef STASIS_RES_THREAD_H
#define STASIS_RES_THREAD_H

#include <stdint.h>
#include <sys/types.h>

#include "tracee.h"

#define PTRACE_GET_RSEQ_CONFIGURATION_REQ 0x420f
#define RSEQ_FLAG_UNREGISTER 1

/* struct ptrace_rseq_configuration of the kernel. */
struct rseq_config {
	uint64_t rseq_abi_pointer;
	uint32_t rseq_abi_size;
	uint32_t signature;
	uint32_t flags;
	uint32_t pad;
};

int thread_rseq_config(pid_t pid, struct rseq_config *conf);
/* Unregister whatever rseq area the tracee has (the restorer's, in a new
 * puppet), before its memory goes away under the kernel's feet. */
int thread_rseq_unregister(struct tracee *t);

#endif
