#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* O_PATH, O_DIRECT, O_NOATIME, __O_TMPFILE */
#endif
#include "fdinfo.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

/* The value after "key:" at the start of a line, or NULL. */
static const char *line_value(const char *text, const char *key)
{
	size_t klen = strlen(key);

	for (const char *p = text; p && *p; ) {
		if (strncmp(p, key, klen) == 0 && p[klen] == ':') {
			p += klen + 1;
			while (*p == ' ' || *p == '\t')
				p++;
			return p;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return NULL;
}

/* Parse an unsigned number in base up to the end of the line. */
static int parse_num(const char *v, int base, uint64_t *out)
{
	char *end;

	if (!v || !(isdigit((unsigned char)*v)))
		return -1;
	errno = 0;
	unsigned long long n = strtoull(v, &end, base);
	if (errno || end == v || (*end && *end != '\n' && *end != ' ' && *end != '\t'))
		return -1;
	*out = n;
	return 0;
}

int fdinfo_parse(const char *text, struct fdinfo *out)
{
	uint64_t v;

	memset(out, 0, sizeof(*out));
	out->mnt_id = -1;
	if (parse_num(line_value(text, "pos"), 10, &out->pos))
		return -1;
	if (parse_num(line_value(text, "flags"), 8, &v) || v > UINT32_MAX)
		return -1;
	out->flags = (uint32_t)v;
	if (parse_num(line_value(text, "mnt_id"), 10, &v) == 0 && v <= INT32_MAX)
		out->mnt_id = (int)v;
	if (parse_num(line_value(text, "ino"), 10, &v) == 0)
		out->ino = v;
	return 0;
}

uint64_t fd_link_inode(const char *link, const char *prefix)
{
	size_t plen = strlen(prefix);
	uint64_t ino;
	char *end;

	if (strncmp(link, prefix, plen) || link[plen] != ':' || link[plen + 1] != '[')
		return 0;
	const char *d = link + plen + 2;
	if (!isdigit((unsigned char)*d))
		return 0;
	errno = 0;
	ino = strtoull(d, &end, 10);
	if (errno || strcmp(end, "]") != 0)
		return 0;
	return ino;
}

bool path_deleted(const char *path)
{
	static const char suffix[] = " (deleted)";
	size_t n = strlen(path), s = sizeof(suffix) - 1;

	return n > s && strcmp(path + n - s, suffix) == 0;
}

void path_strip_deleted(char *path)
{
	if (path_deleted(path))
		path[strlen(path) - (sizeof(" (deleted)") - 1)] = '\0';
}

enum fd_class fd_classify(const char *link, uint32_t mode, uint64_t rdev)
{
	if (strncmp(link, "anon_inode:", 11) == 0)
		return FDC_ANON;
	if (fd_link_inode(link, "socket") || S_ISSOCK(mode))
		return FDC_SOCKET;
	if (fd_link_inode(link, "pipe"))
		return FDC_PIPE;
	if (link[0] != '/')
		return FDC_OTHER; /* net:[...], mnt:[...], pidfd:[...] ... */
	if (strncmp(link, "/memfd:", 7) == 0 && path_deleted(link))
		return FDC_MEMFD;
	if (path_deleted(link))
		return FDC_DELETED;
	switch (mode & S_IFMT) {
	case S_IFREG:
		return FDC_REGULAR;
	case S_IFDIR:
		return FDC_DIRECTORY;
	case S_IFIFO:
		return FDC_FIFO;
	case S_IFBLK:
		return FDC_BLOCKDEV;
	case S_IFCHR:
		return chardev_is_tty(rdev) ? FDC_TTY : FDC_CHARDEV;
	default:
		return FDC_OTHER;
	}
}

void fd_anon_kind(const char *link, char *out, size_t cap)
{
	const char *k = link;
	size_t n;

	if (strncmp(k, "anon_inode:", 11) == 0)
		k += 11;
	if (*k == '[')
		k++;
	n = strcspn(k, "]");
	if (cap == 0)
		return;
	if (n >= cap)
		n = cap - 1;
	memcpy(out, k, n);
	out[n] = '\0';
}

const char *fd_anon_describe(const char *kind)
{
	static const struct { const char *kind, *what; } names[] = {
		{ "eventfd", "an eventfd" },
		{ "eventpoll", "an epoll instance" },
		{ "signalfd", "a signalfd" },
		{ "timerfd", "a timerfd" },
		{ "inotify", "an inotify instance" },
		{ "fanotify", "a fanotify group" },
		{ "io_uring", "an io_uring instance" },
		{ "pidfd", "a pidfd" },
		{ "userfaultfd", "a userfaultfd" },
		{ "perf_event", "a perf event" },
		{ "bpf-map", "a BPF map" },
		{ "bpf-prog", "a BPF program" },
		{ "memfd_secret", "a secret memory area" },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(kind, names[i].kind) == 0)
			return names[i].what;
	return "an anonymous kernel object";
}

bool chardev_supported(uint64_t rdev)
{
	/* major 1 is the mem driver: 3 null, 5 zero, 8 random, 9 urandom. */
	if (major(rdev) != 1)
		return false;
	switch (minor(rdev)) {
	case 3: case 5: case 8: case 9:
		return true;
	default:
		return false;
	}
}

bool chardev_is_tty(uint64_t rdev)
{
	unsigned int ma = major(rdev), mi = minor(rdev);

	if (ma >= 136 && ma <= 143)    /* UNIX98 pty slaves: /dev/pts/N */
		return true;
	if (ma == 4 && mi < 64)        /* virtual consoles /dev/ttyN */
		return true;
	if (ma == 5 && (mi == 0 || mi == 1)) /* /dev/tty, /dev/console */
		return true;
	return false;
}

uint32_t ofd_status_flags(uint32_t fdinfo_flags)
{
	return fdinfo_flags & ~(uint32_t)O_CLOEXEC;
}

uint32_t ofd_open_flags(uint32_t status_flags)
{
	uint32_t drop = O_CREAT | O_TRUNC | O_EXCL | O_CLOEXEC | O_ASYNC | __O_TMPFILE;

	return (status_flags & ~drop) | O_NOCTTY;
}

uint32_t ofd_setfl_flags(uint32_t status_flags)
{
	/* O_ASYNC is left out: without the owner (F_SETOWN) it would signal
	 * nobody, and stasis v1 does not record the owner. */
	return status_flags & (O_APPEND | O_NONBLOCK | O_DIRECT | O_NOATIME);
}

const char *ofd_access_name(uint32_t status_flags)
{
	switch (status_flags & O_ACCMODE) {
	case O_RDONLY:
		return "read-only";
	case O_WRONLY:
		return "write-only";
	default:
		return "read-write";
	}
}
