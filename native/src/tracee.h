/*
 * Driving a stopped process through ptrace: run syscalls in it, read and
 * write its memory. Dump uses this on the frozen tree (for what only the
 * process can tell: signal handlers, tid address, timers); restore uses it
 * to puppet each new process into the one in the image.
 *
 * A tracee is seized (PTRACE_SEIZE), stopped (PTRACE_INTERRUPT) and has its
 * original registers and signal mask saved. While syscalls are injected all
 * signals are blocked in it, so nothing is delivered under our feet; the
 * mask and registers are put back by tracee_release().
 */
#ifndef STASIS_TRACEE_H
#define STASIS_TRACEE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "arch.h"

struct tracee {
	pid_t pid;
	bool seized;
	bool regs_saved;
	struct arch_regs saved;        /* registers when stopped */
	uint64_t saved_sigmask;        /* blocked mask when stopped */
	uint64_t syscall_ip;           /* address of a syscall instruction in it */
	uint64_t scratch;              /* scratch memory in the tracee, or 0 */
	uint64_t scratch_size;
	uint64_t scratch_used;
	int mem_fd;                    /* /proc/PID/mem opened O_RDWR, or -1 */
	int pidfd;                     /* pidfd_open(pid), or -1 */
};

/* Seize, interrupt and wait for the stop; save registers and mask.
 * exitkill: the tracee dies if stasis dies (restore puppets). */
int tracee_seize(struct tracee *t, pid_t pid, bool exitkill);

/*
 * Run syscall nr with up to six arguments in the tracee. Returns 0 when the
 * syscall ran, with its raw return value (e.g. -ENOENT) in *ret; -1 (with a
 * message) when the tracee could not be driven (it died, ptrace failed).
 * Needs t->syscall_ip (found in the vDSO, or set to a trampoline).
 */
int tracee_syscall(struct tracee *t, long *ret, long nr,
		   uint64_t a1, uint64_t a2, uint64_t a3,
		   uint64_t a4, uint64_t a5, uint64_t a6);

/* Same, and a negative return is an error reported as "pid P: what: strerror". */
int tracee_syscall_ok(struct tracee *t, long *ret, const char *what, long nr,
		      uint64_t a1, uint64_t a2, uint64_t a3,
		      uint64_t a4, uint64_t a5, uint64_t a6);

/* Map a scratch area of len bytes (rounded to pages) in the tracee. */
int tracee_scratch_map(struct tracee *t, uint64_t len);
int tracee_scratch_unmap(struct tracee *t);
/* Bump-allocate n bytes (16-byte aligned) of scratch, optionally filled from
 * data. Returns the tracee address, 0 if scratch is exhausted. Reset with
 * tracee_scratch_reset(). */
uint64_t tracee_scratch_put(struct tracee *t, const void *data, uint64_t n);
uint64_t tracee_scratch_str(struct tracee *t, const char *s);
void tracee_scratch_reset(struct tracee *t);

/* Memory of the tracee through /proc/PID/mem (works on any protection). */
int tracee_read(struct tracee *t, uint64_t addr, void *buf, uint64_t len);
int tracee_write(struct tracee *t, uint64_t addr, const void *buf, uint64_t len);

/* Put back saved registers and mask, and detach (the process runs on). */
int tracee_release(struct tracee *t);
/* Detach without restoring anything (the process was killed, or is a
 * restored process whose final registers are already set). */
void tracee_detach(struct tracee *t);

#endif
