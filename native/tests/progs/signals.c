/*
 * Signal state: handlers (SIGUSR1 SA_SIGINFO|SA_RESTART with a handler
 * mask, SIGUSR2 SA_RESETHAND|SA_NODEFER, SIGHUP ignored) compared field by
 * field for every signal; the blocked mask; pending signals, both shared
 * (kill: SIGUSR2) and thread-private (tgkill: SIGWINCH), and SIGRTMIN+3
 * queued twice with values 11 and 22, received in order after restore;
 * the alternate signal stack; and SIGUSR1 still runs its handler.
 */
#include "testlib.h"
#include <stdbool.h>
#include <sys/syscall.h>

#define NSIG_CHECK 65

static volatile sig_atomic_t usr1_runs;
static void on_usr1(int sig, siginfo_t *info, void *ctx) { (void)ctx; usr1_runs += sig == SIGUSR1 && info->si_signo == SIGUSR1; }
static void on_usr2(int sig) { (void)sig; }

/* The kernel fills only its 64 bits of a sigset_t: compare those. */
static int same_set(const sigset_t *a, const sigset_t *b)
{
	for (int s = 1; s < NSIG_CHECK; s++)
		if (sigismember(a, s) != sigismember(b, s))
			return 0;
	return 1;
}

/* The signal lines of /proc/self/status: pending (private, shared), blocked, ignored, caught. */
static void status_signals(char *out, size_t size)
{
	static const char *const keys[] = { "SigQ:", "SigPnd:", "ShdPnd:", "SigBlk:", "SigIgn:", "SigCgt:" };
	tl_status_lines(keys, sizeof keys / sizeof *keys, out, size);
}

int main(void)
{
	struct sigaction sa = { .sa_sigaction = on_usr1, .sa_flags = SA_SIGINFO | SA_RESTART };
	sigaddset(&sa.sa_mask, SIGINT);
	sigaddset(&sa.sa_mask, SIGQUIT);
	tl_try(sigaction(SIGUSR1, &sa, NULL));
	struct sigaction sa2 = { .sa_handler = on_usr2, .sa_flags = SA_RESETHAND | SA_NODEFER };
	tl_try(sigaction(SIGUSR2, &sa2, NULL));
	signal(SIGHUP, SIG_IGN);
	int rt = SIGRTMIN + 3;
	sigset_t block;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR2);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGWINCH);
	sigaddset(&block, rt);
	tl_try(sigprocmask(SIG_BLOCK, &block, NULL));
	tl_try(kill(getpid(), SIGUSR2));
	tl_try(syscall(SYS_tgkill, getpid(), gettid(), SIGWINCH));
	tl_try(sigqueue(getpid(), rt, (union sigval){ .sival_int = 11 }));
	tl_try(sigqueue(getpid(), rt, (union sigval){ .sival_int = 22 }));
	static char altstack[65536];
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof altstack }, ss_now;
	tl_try(sigaltstack(&ss, NULL));

	/* glibc keeps signals 32 and 33 for itself and refuses to report
	 * them: only compare what could be read before the checkpoint. */
	struct sigaction before[NSIG_CHECK], now;
	bool readable[NSIG_CHECK];
	for (int s = 1; s < NSIG_CHECK; s++)
		readable[s] = sigaction(s, NULL, &before[s]) == 0;
	sigset_t mask_before, pend_before, cur;
	sigprocmask(SIG_BLOCK, NULL, &mask_before);
	sigpending(&pend_before);
	char st_before[512], st_now[512];
	status_signals(st_before, sizeof st_before);
	tl_ready(NULL);
	tl_wait_go();

	status_signals(st_now, sizeof st_now);
	tl_check_same("/proc/self/status signal lines", st_before, st_now);
	for (int s = 1; s < NSIG_CHECK; s++) {
		if (!readable[s])
			continue;
		tl_check(sigaction(s, NULL, &now) == 0, "signal %d: sigaction: %s", s, strerror(errno));
		tl_check(now.sa_handler == before[s].sa_handler && now.sa_flags == before[s].sa_flags &&
			 same_set(&now.sa_mask, &before[s].sa_mask) &&
			 now.sa_restorer == before[s].sa_restorer,
			 "signal %d: handler %p flags %#x restorer %p, expected %p %#x %p", s,
			 (void *)now.sa_handler, now.sa_flags, (void *)now.sa_restorer,
			 (void *)before[s].sa_handler, before[s].sa_flags, (void *)before[s].sa_restorer);
	}
	sigprocmask(SIG_BLOCK, NULL, &cur);
	tl_check(same_set(&cur, &mask_before), "blocked mask differs");
	sigpending(&cur);
	tl_check(same_set(&cur, &pend_before), "pending set differs");
	sigset_t only_rt;
	sigemptyset(&only_rt);
	sigaddset(&only_rt, rt);
	struct timespec no_wait = { 0, 0 };
	for (int want = 11; want <= 22; want += 11) {
		siginfo_t info;
		int got = sigtimedwait(&only_rt, &info, &no_wait);
		tl_check(got == rt && info.si_value.sival_int == want && info.si_code == SI_QUEUE,
			 "SIGRTMIN+3: expected value %d, got signal %d value %d code %d", want, got,
			 got == rt ? info.si_value.sival_int : -1, got == rt ? info.si_code : 0);
	}
	siginfo_t info;
	sigset_t only_usr2;
	sigemptyset(&only_usr2);
	sigaddset(&only_usr2, SIGUSR2);
	int got = sigtimedwait(&only_usr2, &info, &no_wait);
	tl_check(got == SIGUSR2 && info.si_code == SI_USER, "pending SIGUSR2 not received (got %d)", got);
	tl_check(sigaltstack(NULL, &ss_now) == 0 && ss_now.ss_sp == ss.ss_sp && ss_now.ss_size == ss.ss_size &&
		 ss_now.ss_flags == 0, "sigaltstack: expected %p/%zu/0 got %p/%zu/%d", ss.ss_sp, ss.ss_size,
		 ss_now.ss_sp, ss_now.ss_size, ss_now.ss_flags);
	raise(SIGUSR1);
	tl_check(usr1_runs == 1, "SIGUSR1 handler ran %d times, expected 1", (int)usr1_runs);
	tl_finish();
}
