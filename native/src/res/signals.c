/*
 * signals: dispositions, pending signals and the alternate signal stack.
 * (The blocked mask is thread.c's: it is applied at the very end.)
 *
 * Dump: dispositions and the altstack are known only to the process, so
 * rt_sigaction(sig, NULL, &old) and sigaltstack(NULL, &old) are injected;
 * pending signals are read from outside with PTRACE_PEEKSIGINFO (shared
 * queue into SignalState.shared_pending, the thread's own queue into
 * Thread.pending), without dequeuing them.
 *
 * Restore: rt_sigaction for every signal (recorded, or the default: the
 * puppet must not keep what it inherited from stasis), sigaltstack (or
 * SS_DISABLE), then the pending signals are queued again by the puppet to itself
 * (rt_sigqueueinfo for shared ones, rt_tgsigqueueinfo for the thread's):
 * the kernel lets a process fake si_code and the sender fields only in
 * signals it sends to itself. Handlers go first because setting SIG_IGN
 * flushes that signal from the queues. All signals stay blocked in the
 * puppet meanwhile, so nothing is delivered before thread.c sets the mask.
 */
#include "resource.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>

#include "log.h"
#include "util.h"

#define NSIG_KERNEL 64
#define SIGSET_BYTES 8          /* sizeof(kernel sigset_t) on 64-bit */
#define SIGINFO_BYTES 128
#define PEEK_BATCH 32

#ifndef PTRACE_PEEKSIGINFO
#define PTRACE_PEEKSIGINFO 0x4209
#endif
#ifndef PTRACE_PEEKSIGINFO_SHARED
#define PTRACE_PEEKSIGINFO_SHARED 1
#endif

/* The kernel's struct sigaction (x86_64 and every 64-bit port we target). */
struct kernel_sigaction {
	uint64_t handler;
	uint64_t flags;
	uint64_t restorer;
	uint64_t mask;
};

/* The kernel's stack_t. */
struct kernel_stack {
	uint64_t sp;
	int32_t flags;
	int32_t pad;
	uint64_t size;
};

struct peek_args {
	uint64_t off;
	uint32_t flags;
	int32_t nr;
};

static bool sig_settable(unsigned sig)
{
	return sig >= 1 && sig <= NSIG_KERNEL && sig != SIGKILL && sig != SIGSTOP;
}

/* All 62 dispositions: one scratch array, one injection per signal, one read. */
static int dump_actions(struct dump_task *t, Stasis__SignalState *ss)
{
	struct kernel_sigaction act[NSIG_KERNEL + 1];
	uint64_t base;
	long ret;

	tracee_scratch_reset(&t->tracee);
	base = tracee_scratch_put(&t->tracee, NULL, sizeof(act));
	if (!base)
		return -1; /* tracee_scratch_put said why */
	for (unsigned sig = 1; sig <= NSIG_KERNEL; sig++) {
		if (!sig_settable(sig))
			continue;
		if (tracee_syscall_ok(&t->tracee, &ret, "signals: rt_sigaction", SYS_rt_sigaction,
				      sig, 0, base + sig * sizeof(act[0]), SIGSET_BYTES, 0, 0) < 0)
			return -1;
	}
	if (tracee_read(&t->tracee, base, act, sizeof(act)) < 0)
		return -1;

	ss->actions = xzalloc(NSIG_KERNEL * sizeof(*ss->actions));
	for (unsigned sig = 1; sig <= NSIG_KERNEL; sig++) {
		const struct kernel_sigaction *k = &act[sig];
		Stasis__SigAction *a;

		/* All zero is the default every new process has. SIG_DFL with
		 * flags (SIGCHLD's SA_NOCLDWAIT, glibc's SA_RESTORER) is kept. */
		if (!sig_settable(sig) || (!k->handler && !k->flags && !k->restorer && !k->mask))
			continue;
		a = xzalloc(sizeof(*a));
		stasis__sig_action__init(a);
		a->has_signal = a->has_handler = a->has_flags = a->has_restorer = a->has_mask = 1;
		a->signal = sig;
		a->handler = k->handler;
		a->flags = k->flags;
		a->restorer = k->restorer;
		a->mask = k->mask;
		ss->actions[ss->n_actions++] = a;
	}
	return 0;
}

/* Every queued siginfo of one queue of thread tid, oldest first. */
static int peek_queue(pid_t pid, pid_t tid, bool shared, Stasis__SigInfo ***out, size_t *n)
{
	uint8_t buf[PEEK_BATCH][SIGINFO_BYTES];
	struct peek_args args = { 0, shared ? PTRACE_PEEKSIGINFO_SHARED : 0, PEEK_BATCH };
	const char *which = shared ? "shared" : "thread";

	for (;;) {
		long got = ptrace(PTRACE_PEEKSIGINFO, tid, &args, buf);

		if (got < 0) {
			pr_perror("pid %d: signals: PTRACE_PEEKSIGINFO (%s queue of %d)", pid, which, tid);
			return -1;
		}
		if (got == 0)
			return 0;
		*out = xrealloc(*out, (*n + (size_t)got) * sizeof(**out));
		for (long i = 0; i < got; i++) {
			siginfo_t si;
			Stasis__SigInfo *p;

			memcpy(&si, buf[i], sizeof(si) < SIGINFO_BYTES ? sizeof(si) : SIGINFO_BYTES);
			if (si.si_signo == SIGKILL || si.si_signo == SIGSTOP) {
				/* A pending SIGKILL means it is dying anyway; a queued
				 * SIGSTOP would stop the puppet under our feet. */
				pr_warn("pid %d: signals: pending %s (%s queue) is not kept",
					pid, strsignal(si.si_signo), which);
				continue;
			}
			p = xzalloc(sizeof(*p));
			stasis__sig_info__init(p);
			p->has_signal = p->has_code = p->has_raw = 1;
			p->signal = (uint32_t)si.si_signo;
			p->code = si.si_code;
			p->raw.len = SIGINFO_BYTES;
			p->raw.data = xmalloc(SIGINFO_BYTES);
			memcpy(p->raw.data, buf[i], SIGINFO_BYTES);
			(*out)[(*n)++] = p;
		}
		args.off += (uint64_t)got;
	}
}

/* Threads[0] is created by the core; be safe if it was not. */
static Stasis__Thread *main_thread(Stasis__Process *pb, pid_t pid)
{
	if (!pb->n_threads) {
		Stasis__Thread *th = xzalloc(sizeof(*th));

		stasis__thread__init(th);
		th->has_tid = 1;
		th->tid = (uint32_t)pid;
		pb->threads = xzalloc(sizeof(*pb->threads));
		pb->threads[0] = th;
		pb->n_threads = 1;
	}
	return pb->threads[0];
}

static int dump_altstack(struct dump_task *t, Stasis__Thread *th)
{
	struct kernel_stack st;
	uint64_t addr;
	long ret;

	tracee_scratch_reset(&t->tracee);
	addr = tracee_scratch_put(&t->tracee, NULL, sizeof(st));
	if (!addr)
		return -1; /* tracee_scratch_put said why */
	if (tracee_syscall_ok(&t->tracee, &ret, "signals: sigaltstack", SYS_sigaltstack,
			      0, addr, 0, 0, 0, 0) < 0 ||
	    tracee_read(&t->tracee, addr, &st, sizeof(st)) < 0)
		return -1;
	if (st.flags & SS_DISABLE)
		return 0;
	th->altstack = xzalloc(sizeof(*th->altstack));
	stasis__alt_stack__init(th->altstack);
	th->altstack->has_sp = th->altstack->has_flags = th->altstack->has_size = 1;
	th->altstack->sp = st.sp;
	th->altstack->flags = (uint32_t)st.flags;
	th->altstack->size = st.size;
	return 0;
}

static int signals_dump(struct dump_ctx *ctx, struct dump_task *t)
{
	Stasis__SignalState *ss;
	Stasis__Thread *th;

	(void)ctx;
	if (t->zombie)
		return 0;
	ss = xzalloc(sizeof(*ss));
	stasis__signal_state__init(ss);
	t->pb->signals = ss;
	th = main_thread(t->pb, t->pid);

	if (dump_actions(t, ss) < 0 || dump_altstack(t, th) < 0)
		return -1;
	if (peek_queue(t->pid, t->pid, true, &ss->shared_pending, &ss->n_shared_pending) < 0)
		return -1;
	return peek_queue(t->pid, (pid_t)th->tid, false, &th->pending, &th->n_pending);
}

/*
 * Every settable signal gets its action: the recorded one, or the all-zero
 * default. The puppet is a fork of stasis and must not keep what it
 * inherited (stasis's own handlers, or glibc's SA_RESTORER on SIG_DFL).
 */
static int restore_actions(struct restore_task *t, const Stasis__SignalState *ss)
{
	struct kernel_sigaction act[NSIG_KERNEL + 1];
	uint64_t base;

	memset(act, 0, sizeof(act));
	for (size_t i = 0; ss && i < ss->n_actions; i++) {
		const Stasis__SigAction *a = ss->actions[i];

		if (!a->has_signal || !sig_settable(a->signal)) {
			pr_err("pid %d: signals: image has an action for invalid signal %u",
			       t->vpid, a->signal);
			return -1;
		}
		act[a->signal] = (struct kernel_sigaction){ a->handler, a->flags, a->restorer, a->mask };
	}
	tracee_scratch_reset(&t->tracee);
	base = tracee_scratch_put(&t->tracee, act, sizeof(act));
	if (!base)
		return -1; /* tracee_scratch_put said why */
	for (unsigned sig = 1; sig <= NSIG_KERNEL; sig++) {
		long ret;

		if (!sig_settable(sig))
			continue;
		if (tracee_syscall(&t->tracee, &ret, SYS_rt_sigaction, sig,
				   base + sig * sizeof(act[0]), 0, SIGSET_BYTES, 0, 0) < 0)
			return -1;
		if (ret < 0) {
			pr_err("pid %d: signals: cannot set the action of signal %u (%s): %s",
			       t->vpid, sig, strsignal((int)sig), strerror((int)-ret));
			return -1;
		}
	}
	return 0;
}

/* The image's altstack, or none (SS_DISABLE) if it had none. */
static int restore_altstack(struct restore_task *t, const Stasis__AltStack *as)
{
	/* SS_ONSTACK is a state (running on it), not a setting. */
	struct kernel_stack st = { 0, SS_DISABLE, 0, 0 };
	uint64_t addr;
	long ret;

	if (as)
		st = (struct kernel_stack){ as->sp, (int32_t)(as->flags & ~(uint32_t)SS_ONSTACK),
					    0, as->size };
	tracee_scratch_reset(&t->tracee);
	addr = tracee_scratch_put(&t->tracee, &st, sizeof(st));
	if (!addr)
		return -1; /* tracee_scratch_put said why */
	if (tracee_syscall(&t->tracee, &ret, SYS_sigaltstack, addr, 0, 0, 0, 0, 0) < 0)
		return -1;
	if (ret < 0) {
		pr_err("pid %d: signals: cannot set the alternate signal stack (0x%llx, %llu bytes): %s",
		       t->vpid, (unsigned long long)st.sp, (unsigned long long)st.size,
		       strerror((int)-ret));
		return -1;
	}
	return 0;
}

/* Queue siginfos again, sent by the puppet to itself. tid 0: shared queue. */
static int requeue(struct restore_task *t, Stasis__SigInfo *const *q, size_t n, pid_t tid)
{
	for (size_t i = 0; i < n; i++) {
		const Stasis__SigInfo *s = q[i];
		siginfo_t si;
		uint64_t addr;
		long ret;

		if (!s->has_raw || s->raw.len != SIGINFO_BYTES || !s->has_signal ||
		    s->signal < 1 || s->signal > NSIG_KERNEL) {
			pr_err("pid %d: signals: image has a malformed pending signal (entry %zu)",
			       t->vpid, i);
			return -1;
		}
		memcpy(&si, s->raw.data, sizeof(si) < SIGINFO_BYTES ? sizeof(si) : SIGINFO_BYTES);
		if ((uint32_t)si.si_signo != s->signal) {
			pr_err("pid %d: signals: pending signal %u has siginfo for signal %d",
			       t->vpid, s->signal, si.si_signo);
			return -1;
		}
		tracee_scratch_reset(&t->tracee);
		addr = tracee_scratch_put(&t->tracee, s->raw.data, SIGINFO_BYTES);
		if (!addr)
			return -1; /* tracee_scratch_put said why */
		if ((tid ? tracee_syscall(&t->tracee, &ret, SYS_rt_tgsigqueueinfo, t->vpid, tid,
					  s->signal, addr, 0, 0)
			 : tracee_syscall(&t->tracee, &ret, SYS_rt_sigqueueinfo, t->vpid,
					  s->signal, addr, 0, 0, 0)) < 0)
			return -1;
		if (ret < 0) {
			pr_err("pid %d: signals: cannot queue pending signal %u (%s, code %d) again: %s%s",
			       t->vpid, s->signal, strsignal((int)s->signal), si.si_code,
			       strerror((int)-ret), ret == -EAGAIN ?
			       " (RLIMIT_SIGPENDING reached)" : "");
			return -1;
		}
	}
	return 0;
}

static int signals_restore(struct restore_ctx *ctx, struct restore_task *t)
{
	const Stasis__Process *pb = t->pb;
	const Stasis__Thread *th = pb->n_threads ? pb->threads[0] : NULL;

	(void)ctx;
	if (t->zombie)
		return 0;
	if (restore_actions(t, pb->signals) < 0)
		return -1;
	if (restore_altstack(t, th ? th->altstack : NULL) < 0)
		return -1;
	if (pb->signals && requeue(t, pb->signals->shared_pending,
				   pb->signals->n_shared_pending, 0) < 0)
		return -1;
	/* v1: one thread, whose tid in its namespace is the process's vpid. */
	if (th && requeue(t, th->pending, th->n_pending, t->vpid) < 0)
		return -1;
	return 0;
}

const struct resource_ops res_signals = {
	.name = "signals",
	.dump = signals_dump,
	.restore = signals_restore,
};
