/*
 * The thread: general registers, FPU/SSE/AVX state, blocked signal mask,
 * rseq registration, clear_child_tid and the robust futex list. Restored
 * last of all: the final step removes our trampoline, puts the registers
 * back and lets the process run.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "log.h"
#include "resource.h"
#include "util.h"

#include "thread.h"

static void regs_to_pb(const struct user_regs_struct *r, Stasis__X8664Regs *pb)
{
	stasis__x86_64_regs__init(pb);
#define R(f) do { pb->has_##f = 1; pb->f = r->f; } while (0)
	R(r15); R(r14); R(r13); R(r12); R(rbp); R(rbx); R(r11); R(r10); R(r9); R(r8);
	R(rax); R(rcx); R(rdx); R(rsi); R(rdi); R(orig_rax); R(rip); R(cs); R(eflags);
	R(rsp); R(ss); R(fs_base); R(gs_base); R(ds); R(es); R(fs); R(gs);
#undef R
}

static void pb_to_regs(const Stasis__X8664Regs *pb, struct user_regs_struct *r)
{
#define R(f) (r->f = pb->f)
	R(r15); R(r14); R(r13); R(r12); R(rbp); R(rbx); R(r11); R(r10); R(r9); R(r8);
	R(rax); R(rcx); R(rdx); R(rsi); R(rdi); R(orig_rax); R(rip); R(cs); R(eflags);
	R(rsp); R(ss); R(fs_base); R(gs_base); R(ds); R(es); R(fs); R(gs);
#undef R
}

int thread_rseq_config(pid_t pid, struct rseq_config *conf)
{
	memset(conf, 0, sizeof(*conf));
	if (ptrace(PTRACE_GET_RSEQ_CONFIGURATION_REQ, pid, (void *)sizeof(*conf), conf) < 0) {
		pr_perror("pid %d: cannot read its rseq registration", pid);
		return -1;
	}
	return 0;
}

int thread_rseq_unregister(struct tracee *t)
{
	struct rseq_config rs;
	long r;

	if (thread_rseq_config(t->pid, &rs) < 0)
		return -1;
	if (!rs.rseq_abi_pointer)
		return 0;
	return tracee_syscall_ok(t, &r, "cannot unregister the restorer's rseq area", SYS_rseq,
				 rs.rseq_abi_pointer, rs.rseq_abi_size, RSEQ_FLAG_UNREGISTER,
				 rs.signature, 0, 0);
}

static int thread_dump(struct dump_ctx *ctx, struct dump_task *t)
{
	Stasis__Thread *th = t->pb->threads[0];
	struct rseq_config rs;
	struct arch_regs regs = { 0 };
	uint64_t addr, tid_addr = 0;
	long r, head = 0;
	size_t len = 0;

	(void)ctx;
	if (arch_get_regs(t->pid, &regs, true) < 0)
		return -1;
	th->x86_64 = xzalloc(sizeof(*th->x86_64));
	/* The general registers as they were when frozen (normalised for a
	 * syscall restart), not the ones our injections left. */
	regs_to_pb(&t->tracee.saved.gp, th->x86_64);
	th->has_xstate = 1;
	th->xstate.data = regs.xstate;
	th->xstate.len = regs.xstate_len;
	th->has_blocked = 1;
	th->blocked = t->tracee.saved_sigmask;

	if (thread_rseq_config(t->pid, &rs) < 0)
		return -1;
	if (rs.rseq_abi_pointer) {
		th->rseq = xzalloc(sizeof(*th->rseq));
		stasis__rseq__init(th->rseq);
		th->rseq->has_address = th->rseq->has_length = th->rseq->has_signature = 1;
		th->rseq->address = rs.rseq_abi_pointer;
		th->rseq->length = rs.rseq_abi_size;
		th->rseq->signature = rs.signature;
	}

	addr = tracee_scratch_put(&t->tracee, NULL, sizeof(uint64_t));
	if (!addr || tracee_syscall_ok(&t->tracee, &r, "cannot read its clear_child_tid address",
				       SYS_prctl, PR_GET_TID_ADDRESS, addr, 0, 0, 0, 0) < 0 ||
	    tracee_read(&t->tracee, addr, &tid_addr, sizeof(tid_addr)) < 0)
		return -1;
	th->has_clear_child_tid = 1;
	th->clear_child_tid = tid_addr;

	if (syscall(SYS_get_robust_list, t->pid, &head, &len) < 0) {
		pr_perror("pid %d: cannot read its robust futex list", t->pid);
		return -1;
	}
	th->has_robust_list = th->has_robust_list_len = 1;
	th->robust_list = (uint64_t)head;
	th->robust_list_len = len;
	return 0;
}

static int thread_restore(struct restore_ctx *ctx, struct restore_task *t)
{
	const Stasis__Thread *th = t->pb->threads[0];
	struct tracee *tr = &t->tracee;
	long r;

	(void)ctx;
	if (!th->x86_64) {
		pr_err("pid %u: the image has no registers for it", t->pb->pid);
		return -1;
	}
	if (th->rseq &&
	    tracee_syscall_ok(tr, &r, "cannot register rseq", SYS_rseq, th->rseq->address,
			      th->rseq->length, 0, th->rseq->signature, 0, 0) < 0)
		return -1;
	if (tracee_syscall_ok(tr, &r, "cannot set its clear_child_tid address", SYS_set_tid_address,
			      th->clear_child_tid, 0, 0, 0, 0, 0) < 0)
		return -1;
	if (th->robust_list && tracee_syscall_ok(tr, &r, "cannot set its robust futex list",
						 SYS_set_robust_list, th->robust_list,
						 th->robust_list_len, 0, 0, 0, 0) < 0)
		return -1;
	if (t->image_fd >= 0 && tracee_syscall_ok(tr, &r, "cannot close the image", SYS_close,
						  (uint64_t)t->image_fd, 0, 0, 0, 0, 0) < 0)
		return -1;
	/* The last injected call removes the trampoline it runs from; the
	 * process stops at the syscall's exit, before returning there. */
	if (tracee_syscall_ok(tr, &r, "cannot remove the restore trampoline", SYS_munmap, t->tramp,
			      t->tramp_size, 0, 0, 0, 0) < 0)
		return -1;
	arch_regs_free(&tr->saved);
	memset(&tr->saved.gp, 0, sizeof(tr->saved.gp));
	pb_to_regs(th->x86_64, &tr->saved.gp);
	if (th->has_xstate && th->xstate.len) {
		tr->saved.xstate = xmalloc(th->xstate.len);
		memcpy(tr->saved.xstate, th->xstate.data, th->xstate.len);
		tr->saved.xstate_len = th->xstate.len;
	}
	tr->saved_sigmask = th->blocked;
	tr->regs_saved = true;
	return tracee_release(tr);
}

const struct resource_ops res_thread = {
	.name = "thread",
	.dump = thread_dump,
	.restore = thread_restore,
};
