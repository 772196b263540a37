#include "arch.h"

#include <elf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

#include "log.h"
#include "util.h"

/* Kernel syscall restart codes (include/linux/errno.h, not exported). */
#define ERESTARTSYS 512
#define ERESTARTNOINTR 513
#define ERESTARTNOHAND 514
#define ERESTART_RESTARTBLOCK 516

/* Large enough for every XSAVE layout shipping today (AMX needs ~11 KiB). */
#define XSTATE_MAX (16 * 1024)

int arch_get_regs(pid_t pid, struct arch_regs *r, bool with_fpu)
{
	struct iovec iov = { &r->gp, sizeof(r->gp) };

	if (ptrace(PTRACE_GETREGSET, pid, (void *)NT_PRSTATUS, &iov) < 0) {
		pr_perror("pid %d: cannot read registers", pid);
		return -1;
	}
	if (!with_fpu)
		return 0;
	r->xstate = xmalloc(XSTATE_MAX);
	iov.iov_base = r->xstate;
	iov.iov_len = XSTATE_MAX;
	if (ptrace(PTRACE_GETREGSET, pid, (void *)NT_X86_XSTATE, &iov) < 0) {
		pr_perror("pid %d: cannot read the FPU/SSE/AVX state", pid);
		free(r->xstate);
		r->xstate = NULL;
		return -1;
	}
	r->xstate_len = iov.iov_len;
	return 0;
}

int arch_set_regs(pid_t pid, const struct arch_regs *r)
{
	struct iovec iov = { (void *)&r->gp, sizeof(r->gp) };

	if (r->xstate) {
		struct iovec x = { r->xstate, r->xstate_len };

		if (ptrace(PTRACE_SETREGSET, pid, (void *)NT_X86_XSTATE, &x) < 0) {
			pr_perror("pid %d: cannot set the FPU/SSE/AVX state (%zu bytes)", pid, r->xstate_len);
			return -1;
		}
	}
	if (ptrace(PTRACE_SETREGSET, pid, (void *)NT_PRSTATUS, &iov) < 0) {
		pr_perror("pid %d: cannot set registers", pid);
		return -1;
	}
	return 0;
}

void arch_regs_free(struct arch_regs *r)
{
	free(r->xstate);
	r->xstate = NULL;
	r->xstate_len = 0;
}

void arch_setup_syscall(struct arch_regs *r, uint64_t ip, long nr, const uint64_t a[6])
{
	r->gp.rax = (uint64_t)nr;
	r->gp.orig_rax = (uint64_t)-1;
	r->gp.rdi = a[0];
	r->gp.rsi = a[1];
	r->gp.rdx = a[2];
	r->gp.r10 = a[3];
	r->gp.r8 = a[4];
	r->gp.r9 = a[5];
	r->gp.rip = ip;
}

long arch_syscall_result(const struct arch_regs *r)
{
	return (long)r->gp.rax;
}

bool arch_normalize_restart(struct arch_regs *r)
{
	long ret = (long)r->gp.rax;

	if ((long)r->gp.orig_rax < 0)
		return false;
	switch (-ret) {
	case ERESTARTSYS:
	case ERESTARTNOINTR:
	case ERESTARTNOHAND:
		/* Enter the same syscall again with the same arguments. */
		r->gp.rax = r->gp.orig_rax;
		r->gp.rip -= ARCH_SYSCALL_INSN_LEN;
		break;
	case ERESTART_RESTARTBLOCK:
		/* The kernel's restart block (e.g. the time left to sleep) does
		 * not survive a checkpoint, and restart_syscall would run
		 * whatever block the new task inherited. Return EINTR instead:
		 * callers of nanosleep, poll and friends handle it. */
		r->gp.rax = (uint64_t)-EINTR;
		break;
	default:
		return false;
	}
	r->gp.orig_rax = (uint64_t)-1;
	return true;
}

uint64_t arch_find_syscall_insn(const uint8_t *buf, size_t len, uint64_t addr)
{
	for (size_t i = 0; i + 1 < len; i++)
		if (buf[i] == 0x0f && buf[i + 1] == 0x05)
			return addr + i;
	return 0;
}
