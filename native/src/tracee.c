#include "tracee.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "log.h"
#include "proc.h"
#include "util.h"

#ifndef PTRACE_EVENT_STOP
#define PTRACE_EVENT_STOP 128
#endif

/* Wait for the next stop of t. Returns the wait status, or -1 if the
 * process is gone (with a message). */
static int wait_stop(struct tracee *t)
{
	int status;

	for (;;) {
		pid_t r = waitpid(t->pid, &status, __WALL);

		if (r < 0) {
			if (errno == EINTR)
				continue;
			pr_perror("pid %d: lost while stopped", t->pid);
			return -1;
		}
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			pr_err("pid %d: exited while being checkpointed or restored (%s %d)", t->pid,
			       WIFEXITED(status) ? "status" : "signal",
			       WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
			t->seized = false;
			return -1;
		}
		return status;
	}
}

static int syscall_ip_from_vdso(struct tracee *t)
{
	struct proc_vma *v;
	size_t n;

	if (proc_read_vmas(t->pid, &v, &n) < 0) {
		pr_perror("pid %d: cannot read its memory map", t->pid);
		return -1;
	}
	for (size_t i = 0; i < n && !t->syscall_ip; i++) {
		if (strcmp(v[i].name, "[vdso]"))
			continue;
		size_t len = v[i].end - v[i].start;
		uint8_t *buf = xmalloc(len);

		if (tracee_read(t, v[i].start, buf, len) == 0)
			t->syscall_ip = arch_find_syscall_insn(buf, len, v[i].start);
		free(buf);
	}
	proc_free_vmas(v, n);
	if (!t->syscall_ip) {
		pr_err("pid %d: found no syscall instruction in its vDSO; cannot drive it", t->pid);
		return -1;
	}
	return 0;
}

int tracee_seize(struct tracee *t, pid_t pid, bool exitkill)
{
	long opts = PTRACE_O_TRACESYSGOOD | (exitkill ? PTRACE_O_EXITKILL : 0);
	char path[64];
	int status;

	memset(t, 0, sizeof(*t));
	t->pid = pid;
	t->mem_fd = -1;
	t->pidfd = -1;
	if (ptrace(PTRACE_SEIZE, pid, NULL, (void *)opts) < 0) {
		if (errno == ESRCH)
			pr_err("pid %d: no such process (it exited?)", pid);
		else if (errno == EPERM)
			pr_err("pid %d: not allowed to trace it (%m): run stasis as root, or with "
			       "CAP_CHECKPOINT_RESTORE and CAP_SYS_PTRACE; check kernel.yama.ptrace_scope "
			       "and that no debugger is attached", pid);
		else
			pr_perror("pid %d: cannot attach", pid);
		return -1;
	}
	t->seized = true;
	if (ptrace(PTRACE_INTERRUPT, pid, NULL, NULL) < 0) {
		pr_perror("pid %d: cannot stop it", pid);
		return -1;
	}
	/* Signals that arrive before our stop are delivered and reported
	 * first; pass them on and wait for the PTRACE_EVENT_STOP. */
	for (;;) {
		status = wait_stop(t);
		if (status < 0)
			return -1;
		if (WIFSTOPPED(status) && (status >> 16) == PTRACE_EVENT_STOP)
			break;
		if (WIFSTOPPED(status) && ptrace(PTRACE_CONT, pid, NULL,
						 (void *)(long)WSTOPSIG(status)) < 0) {
			pr_perror("pid %d: cannot pass on signal %d", pid, WSTOPSIG(status));
			return -1;
		}
	}
	if (arch_get_regs(pid, &t->saved, false) < 0)
		return -1;
	if (ptrace(PTRACE_GETSIGMASK, pid, (void *)sizeof(uint64_t), &t->saved_sigmask) < 0) {
		pr_perror("pid %d: cannot read its signal mask", pid);
		return -1;
	}
	/* A process stopped inside a syscall carries "restart me" registers
	 * that the kernel only acts on when a signal is pending; rewrite them
	 * so that resuming from any stop re-enters the syscall. */
	arch_normalize_restart(&t->saved);
	t->regs_saved = true;

	snprintf(path, sizeof(path), "/proc/%d/mem", pid);
	t->mem_fd = open(path, O_RDWR | O_CLOEXEC);
	if (t->mem_fd < 0) {
		pr_perror("pid %d: cannot open its memory", pid);
		return -1;
	}
	t->pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	if (t->pidfd < 0) {
		pr_perror("pid %d: pidfd_open", pid);
		return -1;
	}
	/* Block everything while we inject, so no handler runs on our frames. */
	uint64_t all = ~0ull;

	if (ptrace(PTRACE_SETSIGMASK, pid, (void *)sizeof(all), &all) < 0) {
		pr_perror("pid %d: cannot block its signals", pid);
		return -1;
	}
	return syscall_ip_from_vdso(t);
}

int tracee_syscall(struct tracee *t, long *ret, long nr,
		   uint64_t a1, uint64_t a2, uint64_t a3,
		   uint64_t a4, uint64_t a5, uint64_t a6)
{
	const uint64_t args[6] = { a1, a2, a3, a4, a5, a6 };
	struct arch_regs r = t->saved;
	int status;

	r.xstate = NULL;
	arch_setup_syscall(&r, t->syscall_ip, nr, args);
	if (arch_set_regs(t->pid, &r) < 0)
		return -1;
	/* Entry stop, then exit stop. A signal-delivery stop in between can
	 * only be SIGKILL-related (everything else is blocked). */
	for (int stops = 0; stops < 2;) {
		if (ptrace(PTRACE_SYSCALL, t->pid, NULL, NULL) < 0) {
			pr_perror("pid %d: cannot run injected syscall %ld", t->pid, nr);
			return -1;
		}
		status = wait_stop(t);
		if (status < 0)
			return -1;
		if (WIFSTOPPED(status) && WSTOPSIG(status) == (SIGTRAP | 0x80)) {
			stops++;
			continue;
		}
		if (WIFSTOPPED(status) && (status >> 16) == PTRACE_EVENT_STOP)
			continue; /* group-stop notification; keep going */
		pr_err("pid %d: unexpected stop (status 0x%x) during injected syscall %ld",
		       t->pid, status, nr);
		return -1;
	}
	if (arch_get_regs(t->pid, &r, false) < 0)
		return -1;
	*ret = arch_syscall_result(&r);
	return 0;
}

int tracee_syscall_ok(struct tracee *t, long *ret, const char *what, long nr,
		      uint64_t a1, uint64_t a2, uint64_t a3,
		      uint64_t a4, uint64_t a5, uint64_t a6)
{
	long r;

	if (tracee_syscall(t, &r, nr, a1, a2, a3, a4, a5, a6) < 0)
		return -1;
	if (ret)
		*ret = r;
	if (r < 0 && r > -4096) {
		errno = (int)-r;
		pr_perror("pid %d: %s", t->pid, what);
		return -1;
	}
	return 0;
}

int tracee_scratch_map(struct tracee *t, uint64_t len)
{
	long addr;

	len = PAGE_ALIGN_UP(len);
	/* Shared anonymous memory is a file of its own to the kernel, so it
	 * never merges with a neighbouring mapping of the process and the
	 * process's own map is read unchanged around it. */
	if (tracee_syscall_ok(t, &addr, "cannot map scratch memory", SYS_mmap, 0, len,
			      PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, (uint64_t)-1, 0) < 0)
		return -1;
	t->scratch = (uint64_t)addr;
	t->scratch_size = len;
	t->scratch_used = 0;
	return 0;
}

int tracee_scratch_unmap(struct tracee *t)
{
	long r;

	if (!t->scratch)
		return 0;
	if (tracee_syscall_ok(t, &r, "cannot unmap scratch memory", SYS_munmap,
			      t->scratch, t->scratch_size, 0, 0, 0, 0) < 0)
		return -1;
	t->scratch = 0;
	t->scratch_size = 0;
	return 0;
}

uint64_t tracee_scratch_put(struct tracee *t, const void *data, uint64_t n)
{
	uint64_t off = (t->scratch_used + 15) & ~15ull;

	if (!t->scratch || off + n > t->scratch_size) {
		pr_err("pid %d: scratch memory exhausted (%llu bytes wanted)", t->pid,
		       (unsigned long long)n);
		return 0;
	}
	if (data && tracee_write(t, t->scratch + off, data, n) < 0)
		return 0;
	t->scratch_used = off + n;
	return t->scratch + off;
}

uint64_t tracee_scratch_str(struct tracee *t, const char *s)
{
	return tracee_scratch_put(t, s, strlen(s) + 1);
}

void tracee_scratch_reset(struct tracee *t)
{
	t->scratch_used = 0;
}

int tracee_read(struct tracee *t, uint64_t addr, void *buf, uint64_t len)
{
	if (pread_all(t->mem_fd, buf, len, (off_t)addr) < 0) {
		pr_perror("pid %d: cannot read %llu bytes of memory at 0x%llx", t->pid,
			  (unsigned long long)len, (unsigned long long)addr);
		return -1;
	}
	return 0;
}

int tracee_write(struct tracee *t, uint64_t addr, const void *buf, uint64_t len)
{
	if (pwrite_all(t->mem_fd, buf, len, (off_t)addr) < 0) {
		pr_perror("pid %d: cannot write %llu bytes of memory at 0x%llx", t->pid,
			  (unsigned long long)len, (unsigned long long)addr);
		return -1;
	}
	return 0;
}

static void close_fds(struct tracee *t)
{
	if (t->mem_fd >= 0)
		close(t->mem_fd);
	if (t->pidfd >= 0)
		close(t->pidfd);
	t->mem_fd = t->pidfd = -1;
}

int tracee_release(struct tracee *t)
{
	int ret = 0;

	if (!t->seized)
		return 0;
	if (t->regs_saved) {
		if (ptrace(PTRACE_SETSIGMASK, t->pid, (void *)sizeof(t->saved_sigmask),
			   &t->saved_sigmask) < 0) {
			pr_perror("pid %d: cannot restore its signal mask", t->pid);
			ret = -1;
		}
		if (arch_set_regs(t->pid, &t->saved) < 0)
			ret = -1;
	}
	tracee_detach(t);
	return ret;
}

void tracee_detach(struct tracee *t)
{
	if (t->seized && ptrace(PTRACE_DETACH, t->pid, NULL, NULL) < 0 && errno != ESRCH)
		pr_perror("pid %d: cannot detach", t->pid);
	t->seized = false;
	arch_regs_free(&t->saved);
	close_fds(t);
}
