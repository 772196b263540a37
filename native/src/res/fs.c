/*
 * fs: current directory, root directory and umask.
 *
 * Dump reads them from outside (/proc/PID/cwd, /proc/PID/root, "Umask:").
 * Restore injects chdir, then chroot (only when the root was not "/"), then
 * umask. chdir comes first because both paths are as stasis sees them (from
 * its own root): after a chroot the cwd path would no longer resolve.
 */
#include "resource.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>

#include "log.h"
#include "proc_text.h"
#include "util.h"

#define DELETED_SUFFIX " (deleted)"

static bool path_deleted(const char *path)
{
	size_t n = strlen(path), s = strlen(DELETED_SUFFIX);

	return n >= s && !strcmp(path + n - s, DELETED_SUFFIX);
}

/* readlink of /proc/PID/<what>; refuses a directory that was removed. */
static char *read_dir_link(pid_t pid, const char *what, const char *title)
{
	char path[64];
	char *target;

	snprintf(path, sizeof(path), "/proc/%d/%s", pid, what);
	target = read_link(path);
	if (!target) {
		pr_perror("pid %d: fs: cannot read %s", pid, path);
		return NULL;
	}
	if (path_deleted(target)) {
		target[strlen(target) - strlen(DELETED_SUFFIX)] = '\0';
		pr_err("pid %d: fs: its %s %s was removed; a removed directory cannot be "
		       "restored: make the process change to an existing directory first",
		       pid, title, target);
		free(target);
		return NULL;
	}
	return target;
}

static int fs_check(struct dump_ctx *ctx, struct dump_task *t)
{
	char *cwd, *root;

	(void)ctx;
	if (t->zombie)
		return 0;
	cwd = read_dir_link(t->pid, "cwd", "current directory");
	root = cwd ? read_dir_link(t->pid, "root", "root directory") : NULL;
	free(cwd);
	if (!root)
		return -1;
	free(root);
	return 0;
}

static int fs_dump(struct dump_ctx *ctx, struct dump_task *t)
{
	char *status = NULL, umask_text[16];
	uint64_t mask;

	(void)ctx;
	if (t->zombie)
		return 0;
	t->pb->cwd = read_dir_link(t->pid, "cwd", "current directory");
	if (!t->pb->cwd)
		return -1;
	t->pb->root = read_dir_link(t->pid, "root", "root directory");
	if (!t->pb->root)
		return -1;

	if (read_filef(&status, "/proc/%d/status", t->pid) < 0) {
		pr_perror("pid %d: fs: cannot read /proc/%d/status", t->pid, t->pid);
		return -1;
	}
	if (status_value(status, "Umask", umask_text, sizeof(umask_text)) < 0 ||
	    parse_u64(umask_text, 8, &mask) < 0 || mask > 0777) {
		pr_err("pid %d: fs: no valid \"Umask:\" line in /proc/%d/status", t->pid, t->pid);
		free(status);
		return -1;
	}
	free(status);
	t->pb->has_umask = 1;
	t->pb->umask = (uint32_t)mask;
	return 0;
}

/* Inject a syscall taking one path argument (chdir, chroot). */
static int inject_path(struct restore_task *t, long nr, const char *call, const char *path,
		       const char *title)
{
	uint64_t addr;
	long ret;

	tracee_scratch_reset(&t->tracee);
	addr = tracee_scratch_str(&t->tracee, path);
	if (!addr)
		return -1; /* tracee_scratch_put said why */
	if (tracee_syscall(&t->tracee, &ret, nr, addr, 0, 0, 0, 0, 0) < 0)
		return -1;
	if (ret < 0) {
		pr_err("pid %d: fs: cannot restore the %s %s: %s(): %s; "
		       "recreate it (or make it reachable) and restore again",
		       t->vpid, title, path, call, strerror((int)-ret));
		return -1;
	}
	return 0;
}

static int fs_restore(struct restore_ctx *ctx, struct restore_task *t)
{
	const Stasis__Process *pb = t->pb;
	long ret;

	(void)ctx;
	if (t->zombie)
		return 0;
	if (pb->cwd && inject_path(t, SYS_chdir, "chdir", pb->cwd, "current directory") < 0)
		return -1;
	if (pb->root && strcmp(pb->root, "/") &&
	    inject_path(t, SYS_chroot, "chroot", pb->root, "root directory") < 0)
		return -1;
	if (pb->has_umask &&
	    tracee_syscall_ok(&t->tracee, &ret, "fs: umask", SYS_umask, pb->umask & 0777,
			      0, 0, 0, 0, 0) < 0)
		return -1;
	return 0;
}

const struct resource_ops res_fs = {
	.name = "fs",
	.check = fs_check,
	.dump = fs_dump,
	.restore = fs_restore,
};
