/*
 * x86_64: registers, the syscall calling convention for injection, and
 * syscall restart rules. Everything architecture-specific in the engine
 * goes through this header; a port adds arch/<arch>/arch.h and arch.c.
 */
#ifndef STASIS_ARCH_H
#define STASIS_ARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/user.h>

#define ARCH_NAME "x86_64"

struct arch_regs {
	struct user_regs_struct gp;
	/* NT_X86_XSTATE as read; NULL when not fetched (injection only needs gp) */
	uint8_t *xstate;
	size_t xstate_len;
};

/* The bytes of one syscall instruction, and a trap after it. */
#define ARCH_SYSCALL_INSN { 0x0f, 0x05, 0xcc, 0xcc }
#define ARCH_SYSCALL_INSN_LEN 2

/* General registers only, or with the FPU/SSE/AVX state too. */
int arch_get_regs(pid_t pid, struct arch_regs *r, bool with_fpu);
int arch_set_regs(pid_t pid, const struct arch_regs *r);
void arch_regs_free(struct arch_regs *r);

/* Prepare r to execute syscall nr at ip with args a[0..5]. orig_ax is set
 * to -1 so the kernel's restart logic leaves the injected call alone. */
void arch_setup_syscall(struct arch_regs *r, uint64_t ip, long nr, const uint64_t a[6]);
long arch_syscall_result(const struct arch_regs *r);

/*
 * A process frozen inside a syscall (read, nanosleep, wait4...) has
 * registers that say "interrupted, restart me". Rewrite them so that, when
 * resumed later from any stop, the syscall is simply entered again (or
 * returns EINTR where the kernel could not restart it either). Returns true
 * when r was changed.
 */
bool arch_normalize_restart(struct arch_regs *r);

/* Find a syscall instruction in [buf, buf+len) mapped at addr; 0 if none. */
uint64_t arch_find_syscall_insn(const uint8_t *buf, size_t len, uint64_t addr);

#endif
