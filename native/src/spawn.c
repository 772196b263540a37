#include "spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

pid_t spawn_with_pid(pid_t pid)
{
	struct clone_args args;
	pid_t tid = pid;

	memset(&args, 0, sizeof(args));
	args.exit_signal = SIGCHLD;
	args.set_tid = (uint64_t)(uintptr_t)&tid;
	args.set_tid_size = 1;
	return (pid_t)syscall(SYS_clone3, &args, sizeof(args));
}

pid_t spawn_ns_init_process(void)
{
	struct clone_args args;

	/* clone3 puts only the child in the new namespace; unshare() would
	 * move every later child of stasis there too. */
	memset(&args, 0, sizeof(args));
	args.flags = CLONE_NEWPID;
	args.exit_signal = SIGCHLD;
	return (pid_t)syscall(SYS_clone3, &args, sizeof(args));
}

static void report(int fd, pid_t vpid, int err)
{
	struct spawn_report r = { (int32_t)vpid, (int32_t)err };

	/* A report is smaller than PIPE_BUF: the write is atomic. */
	while (write(fd, &r, sizeof(r)) < 0 && errno == EINTR)
		;
}

/* Undo what the restorer's process state would leak into the new one. */
static void reset_inherited(void)
{
	struct sigaction sa;
	sigset_t none;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	for (int sig = 1; sig < NSIG; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			sigaction(sig, &sa, NULL); /* glibc-reserved ones fail: fine */
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	/* If the restorer dies before it seized us, do not linger. Cleared
	 * again when the puppet is prepared. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
}

static void become_zombie(int status) __attribute__((noreturn));
static void become_zombie(int status)
{
	if (WIFSIGNALED(status)) {
		/* Die of the same signal, without leaving a core file. */
		prctl(PR_SET_DUMPABLE, 0);
		signal(WTERMSIG(status), SIG_DFL);
		syscall(SYS_kill, getpid(), WTERMSIG(status));
	}
	_exit(WEXITSTATUS(status));
}

void spawn_process(struct restore_ctx *ctx, size_t idx, int ready_fd)
{
	struct restore_task *t = &ctx->tasks[idx];
	const Stasis__Process *p = t->pb;

	reset_inherited();
	if (idx == 0 && ctx->opts->shell_job) {
		/* A shell job: the root leads a new group in our session (the
		 * one of the terminal the tree is attached to), whatever
		 * session it had; its descendants share that session. */
		setpgid(0, 0);
	} else if (p->sid == p->pid || (idx == 0 && p->session_outside_tree)) {
		/* Detached, a tree whose session was the dumping shell's gets
		 * a session of its own. */
		setsid();
	}
	for (size_t j = idx + 1; j < ctx->ntasks; j++) {
		pid_t child;

		if (ctx->tasks[j].pb->ppid != p->pid)
			continue;
		child = spawn_with_pid((pid_t)ctx->tasks[j].pb->pid);
		if (child < 0) {
			report(ready_fd, (pid_t)ctx->tasks[j].pb->pid, errno);
			_exit(1);
		}
		if (child == 0)
			spawn_process(ctx, j, ready_fd);
	}
	report(ready_fd, (pid_t)p->pid, 0);
	if (t->zombie)
		become_zombie(p->exit_status);
	for (;;)
		pause();
}

static volatile pid_t ns_root;

static void forward_signal(int sig)
{
	if (ns_root > 0)
		kill(ns_root, sig);
}

void spawn_ns_init(struct restore_ctx *ctx, int ready_fd)
{
	static const int forwarded[] = { SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGCONT };
	struct sigaction sa;
	pid_t root;

	reset_inherited();
	/* Detached, the namespace leaves the restorer's session. A shell job
	 * stays in it: the root's group must be in the terminal's session to
	 * become its foreground job (a new session has no terminal). */
	if (!ctx->opts->shell_job)
		setsid();
	if (chdir("/") < 0)
		_exit(127);
	root = spawn_with_pid((pid_t)ctx->tasks[0].pb->pid);
	if (root < 0) {
		report(ready_fd, (pid_t)ctx->tasks[0].pb->pid, errno);
		_exit(1);
	}
	if (root == 0)
		spawn_process(ctx, 0, ready_fd);
	ns_root = root;
	close(ready_fd);
	/* Hold nothing of whoever started the restore (a pipe kept open here
	 * would keep a waiting reader from seeing EOF). */
	int null = open("/dev/null", O_RDWR);

	if (null >= 0) {
		dup2(null, 0);
		dup2(null, 1);
		dup2(null, 2);
	}
	syscall(SYS_close_range, 3, ~0u, 0);
	prctl(PR_SET_NAME, "stasis-init");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = forward_signal;
	for (size_t i = 0; i < sizeof(forwarded) / sizeof(forwarded[0]); i++)
		sigaction(forwarded[i], &sa, NULL);
	for (;;) {
		int status;
		pid_t w = waitpid(-1, &status, 0);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			_exit(0);
		if (w == root)
			_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	}
}
