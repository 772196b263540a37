/*
 * Probes of privileges and process-level kernel features (see
 * capabilities.h). Memory-related probes are in caps_mm.c. Each probe
 * tries the real operation: a sysctl or a capability bit says what should
 * work, only trying says what does (LSMs, seccomp, containers).
 */
#include "capabilities.h"
#include "caps_priv.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/kcmp.h>
#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "log.h"
#include "proc.h"
#include "util.h"

#define CAPBIT_SYS_PTRACE 19
#define CAPBIT_SYS_ADMIN 21
#define CAPBIT_SYS_RESOURCE 24
#define CAPBIT_CHECKPOINT_RESTORE 40

#if defined(__x86_64__)
#define ARCH_NAME_BUILT "x86_64"
#elif defined(__aarch64__)
#define ARCH_NAME_BUILT "aarch64"
#else
#error "stasis: no port for this architecture (see native/arch/)"
#endif

#ifndef PTRACE_GET_RSEQ_CONFIGURATION
#define PTRACE_GET_RSEQ_CONFIGURATION 0x420f
#endif

void probe_set(struct probe_result *r, enum probe_status s, const char *fmt, ...)
{
	va_list ap;

	r->status = s;
	va_start(ap, fmt);
	vsnprintf(r->detail, sizeof(r->detail), fmt, ap);
	va_end(ap);
}

int probe_in_child(int (*fn)(void *), void *arg)
{
	pid_t pid;
	int st;

	fflush(NULL); /* the child must not flush our buffered output twice */
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0)
		_exit(fn(arg) & 0xff);
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

const char *caps_status_name(enum probe_status s)
{
	return s == PROBE_OK ? "OK" : s == PROBE_WARN ? "WARN" : "MISSING";
}

static uint64_t cap_effective(void)
{
	char *eff = proc_status_field(getpid(), "CapEff");
	uint64_t caps = eff ? strtoull(eff, NULL, 16) : 0;

	free(eff);
	return caps;
}

static bool has_cap(int bit)
{
	return cap_effective() & (1ull << bit);
}

/* root, or CAP_CHECKPOINT_RESTORE (or, before Linux 5.9, CAP_SYS_ADMIN)
 * plus CAP_SYS_PTRACE: what dump and restore need. */
static void probe_privileges(struct probe_result *r)
{
	bool ptrace_cap = has_cap(CAPBIT_SYS_PTRACE);
	bool cr = has_cap(CAPBIT_CHECKPOINT_RESTORE) || has_cap(CAPBIT_SYS_ADMIN);

	if (ptrace_cap && cr)
		probe_set(r, PROBE_OK, geteuid() == 0 ? "running as root"
			  : "running as uid %d with CAP_CHECKPOINT_RESTORE and CAP_SYS_PTRACE", (int)geteuid());
	else if (geteuid() == 0)
		probe_set(r, PROBE_MISSING, "root, but without %s%s%s (a container or a capability bounding set?): dump and restore need them; grant them to the container or run on the host",
			  ptrace_cap ? "" : "CAP_SYS_PTRACE", !ptrace_cap && !cr ? " and " : "",
			  cr ? "" : "CAP_CHECKPOINT_RESTORE");
	else
		probe_set(r, PROBE_MISSING, "not running as root (uid %d) and without CAP_CHECKPOINT_RESTORE and CAP_SYS_PTRACE: dump and restore need them; run with sudo",
			  (int)geteuid());
}

static void probe_sys_resource(struct probe_result *r)
{
	if (has_cap(CAPBIT_SYS_RESOURCE))
		probe_set(r, PROBE_OK, "CAP_SYS_RESOURCE: every rlimit can be restored");
	else
		probe_set(r, PROBE_WARN, "no CAP_SYS_RESOURCE: rlimits above the current hard limit cannot be restored; other users' limits cannot be set");
}

static const char *yama_meaning(int scope)
{
	switch (scope) {
	case 0: return "classic rules: any process of the same user";
	case 1: return "restricted: only descendants, unless the tracer has CAP_SYS_PTRACE";
	case 2: return "admin only: the tracer needs CAP_SYS_PTRACE";
	default: return "no attach at all: nobody can ptrace, dump is impossible until reboot";
	}
}

/*
 * A stand-in for a process to dump that is not our descendant (Yama scope
 * 1 treats descendants differently): a grandchild whose parent has exited.
 * It waits for EOF on *hold, so it goes away when we close it or die.
 */
static pid_t spawn_stranger(int *hold)
{
	int pids[2], holdp[2], st;
	pid_t mid, target = -1;

	if (pipe2(pids, O_CLOEXEC) < 0)
		return -1;
	if (pipe2(holdp, O_CLOEXEC) < 0) {
		close(pids[0]);
		close(pids[1]);
		return -1;
	}
	fflush(NULL);
	mid = fork();
	if (mid == 0) {
		pid_t t = fork();
		char c;

		if (t == 0) {
			close(holdp[1]);
			while (read(holdp[0], &c, 1) != 0 && errno == EINTR)
				;
			_exit(0);
		}
		_exit(write(pids[1], &t, sizeof(t)) == sizeof(t) ? 0 : 1);
	}
	close(pids[1]);
	close(holdp[0]);
	if (mid > 0 && waitpid(mid, &st, 0) == mid && read(pids[0], &target, sizeof(target)) != sizeof(target))
		target = -1;
	close(pids[0]);
	if (target <= 0) {
		close(holdp[1]);
		return -1;
	}
	*hold = holdp[1];
	return target;
}

struct rseq_config { /* struct ptrace_rseq_configuration */
	uint64_t rseq_abi_pointer;
	uint32_t rseq_abi_size, signature, flags, pad;
};

static void probe_rseq_on(pid_t pid, struct probe_result *rs)
{
	struct rseq_config conf;
	int st;

	memset(&conf, 0, sizeof(conf));
	if (ptrace(PTRACE_INTERRUPT, pid, 0, 0) < 0 || waitpid(pid, &st, __WALL) != pid) {
		probe_set(rs, PROBE_WARN, "could not stop the test process to ask (%s)", strerror(errno));
		return;
	}
	if (ptrace(PTRACE_GET_RSEQ_CONFIGURATION, pid, sizeof(conf), &conf) < 0)
		probe_set(rs, PROBE_WARN, "PTRACE_GET_RSEQ_CONFIGURATION not supported (%s; Linux 5.13+): rseq registrations are not dumped, restored threads run without rseq",
			  strerror(errno));
	else
		probe_set(rs, PROBE_OK, "PTRACE_GET_RSEQ_CONFIGURATION works%s",
			  conf.rseq_abi_pointer ? " (the C library registers rseq: it will be restored)" : "");
}

static void ptrace_scope_text(char *out, size_t cap)
{
	char *buf = NULL;

	if (read_file("/proc/sys/kernel/yama/ptrace_scope", &buf) >= 0) {
		int scope = atoi(buf);

		snprintf(out, cap, "kernel.yama.ptrace_scope=%d (%s)", scope, yama_meaning(scope));
	} else {
		snprintf(out, cap, "no Yama LSM: classic ptrace rules");
	}
	free(buf);
}

/* Seize a process that is not our child; its pid, or -1 with errno. The
 * caller detaches and closes *hold. */
static pid_t seize_stranger(int *hold)
{
	pid_t pid = spawn_stranger(hold);
	int e;

	if (pid < 0)
		return -1;
	if (ptrace(PTRACE_SEIZE, pid, 0, 0) == 0)
		return pid;
	e = errno;
	close(*hold);
	errno = e;
	return -1;
}

static void probe_ptrace(struct probe_result *r)
{
	char yama[160];
	int hold;
	pid_t pid;

	ptrace_scope_text(yama, sizeof(yama));
	pid = seize_stranger(&hold);
	if (pid < 0) {
		probe_set(r, PROBE_MISSING, "%s; PTRACE_SEIZE of a process that is not our child failed (%s): dump cannot freeze processes",
			  yama, strerror(errno));
		return;
	}
	probe_set(r, PROBE_OK, "%s; PTRACE_SEIZE of a process that is not our child works", yama);
	ptrace(PTRACE_DETACH, pid, 0, 0);
	close(hold); /* the test process reads EOF and exits; init reaps it */
}

static void probe_rseq(struct probe_result *r)
{
	int hold;
	pid_t pid = seize_stranger(&hold);

	if (pid < 0) {
		probe_set(r, PROBE_WARN, "not tested: cannot ptrace a test process (%s)", strerror(errno));
		return;
	}
	probe_rseq_on(pid, r);
	ptrace(PTRACE_DETACH, pid, 0, 0);
	close(hold);
}

static int read_int_file(const char *path, long *v)
{
	char *buf = NULL;
	int ret = read_file(path, &buf) < 0 ? -1 : 0;

	if (ret == 0)
		*v = strtol(buf, NULL, 10);
	free(buf);
	return ret;
}

static int exit_child(void)
{
	syscall(SYS_exit, 0);
	return 0;
}

/* In a child: clone3 with set_tid = a free pid just above ns_last_pid. */
static int try_set_tid(void *arg)
{
	long last, max = 32768;
	(void)arg;

	if (read_int_file("/proc/sys/kernel/ns_last_pid", &last) < 0)
		return errno ? errno : EIO;
	read_int_file("/proc/sys/kernel/pid_max", &max);
	for (long cand = last + 100, tries = 0; tries < 20; cand++, tries++) {
		pid_t tid[1] = { (pid_t)(cand < max ? cand : 300 + tries) };
		struct clone_args ca;
		char proc[32];
		long ret;

		snprintf(proc, sizeof(proc), "/proc/%d", tid[0]);
		if (access(proc, F_OK) == 0)
			continue;
		memset(&ca, 0, sizeof(ca));
		ca.exit_signal = SIGCHLD;
		ca.set_tid = (uint64_t)(uintptr_t)tid;
		ca.set_tid_size = 1;
		ret = syscall(SYS_clone3, &ca, sizeof(ca));
		if (ret == 0)
			return exit_child();
		if (ret > 0) {
			waitpid((pid_t)ret, NULL, 0);
			return ret == tid[0] ? 0 : EINVAL;
		}
		if (errno != EEXIST) /* EEXIST: someone took it meanwhile */
			return errno;
	}
	return EEXIST;
}

static void probe_set_tid(struct probe_result *r)
{
	int e = probe_in_child(try_set_tid, NULL);

	if (e == 0)
		probe_set(r, PROBE_OK, "clone3 with set_tid works: restore can give processes their original PIDs");
	else if (e == EPERM)
		probe_set(r, PROBE_MISSING, "clone3 with set_tid refused (needs CAP_CHECKPOINT_RESTORE): restore cannot recreate processes with their original PIDs");
	else if (e == ENOSYS || e == E2BIG)
		probe_set(r, PROBE_MISSING, "this kernel has no clone3 set_tid (Linux 5.5+ needed): restore cannot recreate original PIDs");
	else
		probe_set(r, PROBE_MISSING, "clone3 with set_tid failed (%s): restore cannot recreate original PIDs",
			  e > 0 ? strerror(e) : "the test process died");
}

static int try_unshare(void *flags)
{
	return unshare(*(int *)flags) < 0 ? errno : 0;
}

static void probe_ns(struct probe_result *r, int flag, const char *what, const char *consequence)
{
	int e = probe_in_child(try_unshare, &flag);

	if (e == 0)
		probe_set(r, PROBE_OK, "new %s namespaces can be created", what);
	else
		probe_set(r, PROBE_WARN, "cannot create a new %s namespace (%s): %s", what,
			  e > 0 ? strerror(e) : "the test process died", consequence);
}

static void probe_pid_ns(struct probe_result *r)
{
	probe_ns(r, CLONE_NEWPID, "PID", "restore cannot fall back to a fresh PID namespace when original PIDs are taken (--pid-ns)");
}

static void probe_ipc_ns(struct probe_result *r)
{
	probe_ns(r, CLONE_NEWIPC, "IPC", "SysV IPC ids that are taken on this host cannot be restored in a fresh IPC namespace");
}

static void probe_io_uring(struct probe_result *r)
{
	uint8_t params[120]; /* struct io_uring_params */
	long fd, disabled = 0;

	memset(params, 0, sizeof(params));
	fd = syscall(SYS_io_uring_setup, 1, params);
	if (fd >= 0) {
		close((int)fd);
		probe_set(r, PROBE_OK, "io_uring_setup works (processes holding an io_uring instance cannot be dumped yet)");
		return;
	}
	read_int_file("/proc/sys/kernel/io_uring_disabled", &disabled);
	probe_set(r, PROBE_WARN, "io_uring unavailable (%s%s): no effect on stasis; programs that need io_uring will not work here after restore either",
		  strerror(errno), disabled ? ", kernel.io_uring_disabled is set" : "");
}

static void probe_kcmp(struct probe_result *r)
{
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	long ret = fd < 0 ? -1 : syscall(SYS_kcmp, getpid(), getpid(), KCMP_FILE, fd, fd);
	int e = errno;

	if (fd >= 0)
		close(fd);
	if (ret == 0)
		probe_set(r, PROBE_OK, "kcmp works: open files shared between processes are recognised");
	else
		probe_set(r, PROBE_WARN, "kcmp unavailable (%s; kernel without CONFIG_KCMP?): dump cannot tell whether two descriptors share one open file (dup, fork), so shared offsets are not kept",
			  strerror(e));
}

static void probe_kernel(struct probe_result *r)
{
	struct utsname u;

	if (uname(&u) < 0)
		probe_set(r, PROBE_WARN, "uname failed: %s", strerror(errno));
	else
		probe_set(r, PROBE_OK, "Linux %s %s", u.release, u.version);
}

static void probe_arch(struct probe_result *r)
{
	struct utsname u;

	if (uname(&u) < 0)
		probe_set(r, PROBE_WARN, "uname failed: %s", strerror(errno));
	else if (strcmp(u.machine, ARCH_NAME_BUILT))
		probe_set(r, PROBE_MISSING, "machine is %s but this stasis is built for %s: install the %s build",
			  u.machine, ARCH_NAME_BUILT, u.machine);
	else
		probe_set(r, PROBE_OK, "%s (images restore only on %s)", u.machine, u.machine);
}

static const struct probe {
	const char *name;
	bool required;
	void (*fn)(struct probe_result *r);
} probes[] = {
	{ "privileges", true, probe_privileges },
	{ "cap_sys_resource", false, probe_sys_resource },
	{ "ptrace", true, probe_ptrace },
	{ "rseq_config", false, probe_rseq },
	{ "clone3_set_tid", true, probe_set_tid },
	{ "pid_namespace", false, probe_pid_ns },
	{ "ipc_namespace", false, probe_ipc_ns },
	{ "process_vm_readv", false, probe_process_vm_readv },
	{ "map_files", false, probe_map_files },
	{ "kcmp", false, probe_kcmp },
	{ "userfaultfd", false, probe_userfaultfd },
	{ "soft_dirty", false, probe_soft_dirty },
	{ "io_uring", false, probe_io_uring },
	{ "vdso", false, probe_vdso },
	{ "kernel", false, probe_kernel },
	{ "arch", true, probe_arch },
};

static void run(const struct probe *p, struct probe_result *out)
{
	memset(out, 0, sizeof(*out));
	out->name = p->name;
	out->required = p->required;
	p->fn(out);
}

size_t caps_probe_all(struct probe_result *out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < ARRAY_SIZE(probes) && n < max; i++) {
		run(&probes[i], &out[n++]);
	}
	return n;
}

bool caps_probe(const char *name, struct probe_result *out)
{
	for (size_t i = 0; i < ARRAY_SIZE(probes); i++)
		if (!strcmp(probes[i].name, name)) {
			run(&probes[i], out);
			return true;
		}
	return false;
}
