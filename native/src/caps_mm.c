/* Probes of the memory interfaces dump and restore use (see
 * capabilities.h): userfaultfd, soft-dirty tracking, process_vm_readv,
 * /proc/PID/map_files and the vDSO layout. */
#include "caps_priv.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "proc.h"
#include "util.h"

#ifndef UFFD_USER_MODE_ONLY
#define UFFD_USER_MODE_ONLY 1
#endif

void probe_userfaultfd(struct probe_result *r)
{
	struct uffdio_api api = { .api = UFFD_API, .features = 0 };
	const char *mode = "";
	long fd = syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);

	if (fd < 0 && errno == EPERM) { /* vm.unprivileged_userfaultfd=0 */
		fd = syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK | UFFD_USER_MODE_ONLY);
		mode = " (user-mode faults only: vm.unprivileged_userfaultfd=0)";
	}
	if (fd < 0) {
		probe_set(r, PROBE_WARN, "userfaultfd unavailable (%s): lazy restore (pages on demand) and live migration cannot be used",
			  strerror(errno));
		return;
	}
	if (ioctl((int)fd, UFFDIO_API, &api) < 0) {
		probe_set(r, PROBE_WARN, "userfaultfd UFFDIO_API failed (%s): lazy restore cannot be used",
			  strerror(errno));
	} else if (api.features & UFFD_FEATURE_PAGEFAULT_FLAG_WP) {
		probe_set(r, PROBE_OK, "userfaultfd works, with write-protect%s", mode);
	} else {
		probe_set(r, PROBE_WARN, "userfaultfd works%s but without write-protect: no pre-copy tracking through userfaultfd",
			  mode);
	}
	close((int)fd);
}

/* bit 55 of the pagemap entry for addr in this process, or -1 */
static int soft_dirty_bit(void *addr)
{
	int fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	uint64_t e;
	int ret = -1;

	if (fd < 0)
		return -1;
	if (pread_all(fd, &e, sizeof(e), (off_t)((uintptr_t)addr / PAGE_SIZE * sizeof(e))) == 0)
		ret = (int)((e >> 55) & 1);
	close(fd);
	return ret;
}

/* In a child (clear_refs changes our own page tables): 0 if soft-dirty
 * works, 1 if the bit never turns on, 2 if clear_refs or pagemap failed. */
static int try_soft_dirty(void *arg)
{
	volatile char *p = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int fd = open("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
	int before, after;

	(void)arg;
	if (p == MAP_FAILED || fd < 0)
		return 2;
	p[0] = 1;
	if (write(fd, "4", 1) != 1)
		return 2;
	close(fd);
	before = soft_dirty_bit((void *)p);
	p[0] = 2;
	after = soft_dirty_bit((void *)p);
	if (before < 0 || after < 0)
		return 2;
	return before == 0 && after == 1 ? 0 : 1;
}

void probe_soft_dirty(struct probe_result *r)
{
	int e = probe_in_child(try_soft_dirty, NULL);

	if (e == 0)
		probe_set(r, PROBE_OK, "soft-dirty page tracking works: incremental checkpoints can find changed pages cheaply");
	else
		probe_set(r, PROBE_WARN, "no soft-dirty%s: incremental checkpoints will compare page hashes instead",
			  e == 1 ? " (kernel without CONFIG_MEM_SOFT_DIRTY)" : " (clear_refs or pagemap not usable)");
}

void probe_process_vm_readv(struct probe_result *r)
{
	static volatile uint64_t marker;
	uint64_t got = 0;
	int hold[2], e = 0;
	pid_t pid;

	marker = 0x5354415349532121ull;
	if (pipe2(hold, O_CLOEXEC) < 0) {
		probe_set(r, PROBE_WARN, "not tested: pipe: %s", strerror(errno));
		return;
	}
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		char c;

		close(hold[1]);
		while (read(hold[0], &c, 1) < 0 && errno == EINTR)
			;
		_exit(0);
	}
	close(hold[0]);
	if (pid > 0) {
		struct iovec local = { &got, sizeof(got) }, remote = { (void *)&marker, sizeof(marker) };

		if (process_vm_readv(pid, &local, 1, &remote, 1, 0) != sizeof(got))
			e = errno;
	}
	close(hold[1]);
	if (pid > 0)
		waitpid(pid, NULL, 0);
	if (pid > 0 && e == 0 && got == marker)
		probe_set(r, PROBE_OK, "process_vm_readv works: memory is copied with large batched reads");
	else
		probe_set(r, PROBE_WARN, "process_vm_readv failed (%s): memory will be read through /proc/PID/mem, more slowly",
			  pid < 0 ? "cannot fork" : strerror(e ? e : EIO));
}

void probe_map_files(struct probe_result *r)
{
	struct proc_vma *v;
	size_t n, i;
	char path[96];
	int fd;

	if (proc_read_vmas(getpid(), &v, &n) < 0) {
		probe_set(r, PROBE_WARN, "not tested: cannot read /proc/self/smaps: %s", strerror(errno));
		return;
	}
	for (i = 0; i < n && v[i].name[0] != '/'; i++)
		;
	if (i == n) {
		proc_free_vmas(v, n);
		probe_set(r, PROBE_WARN, "not tested: no file mapping in this process");
		return;
	}
	snprintf(path, sizeof(path), "/proc/self/map_files/%llx-%llx", (unsigned long long)v[i].start,
		 (unsigned long long)v[i].end);
	proc_free_vmas(v, n);
	/* open, not readlink: following the link is what needs the capability */
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		close(fd);
		probe_set(r, PROBE_OK, "/proc/PID/map_files can be opened: mappings of deleted or replaced files can be dumped");
	} else {
		probe_set(r, PROBE_WARN, "/proc/PID/map_files cannot be opened (%s; needs CAP_CHECKPOINT_RESTORE or CAP_SYS_ADMIN): mappings of deleted files cannot be dumped",
			  strerror(errno));
	}
}

void probe_vdso(struct probe_result *r)
{
	struct proc_vma *v;
	size_t n, o = 0;
	char out[sizeof(r->detail)];
	bool vdso = false;

	if (proc_read_vmas(getpid(), &v, &n) < 0) {
		probe_set(r, PROBE_WARN, "cannot read /proc/self/smaps: %s", strerror(errno));
		return;
	}
	out[0] = '\0';
	for (size_t i = 0; i < n && o < sizeof(out); i++) {
		const char *name = v[i].name;

		if (strcmp(name, "[vdso]") && strcmp(name, "[vvar]") && strcmp(name, "[vvar_vclock]"))
			continue;
		vdso |= !strcmp(name, "[vdso]");
		o += (size_t)snprintf(out + o, sizeof(out) - o, "%s%s %llu KiB", o ? ", " : "", name,
				      (unsigned long long)((v[i].end - v[i].start) >> 10));
	}
	proc_free_vmas(v, n);
	if (vdso)
		probe_set(r, PROBE_OK, "%s (restore moves these to the addresses the image recorded; a host with a different layout cannot restore)",
			  out);
	else
		probe_set(r, PROBE_WARN, "no [vdso] mapped (vdso=0 on the kernel command line?): time calls are slower; images from hosts with a vDSO cannot restore here");
}
