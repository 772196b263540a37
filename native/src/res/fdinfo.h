/*
 * Parsers and classifiers for what /proc tells about an fd: the text of
 * /proc/PID/fdinfo/N, the target of the /proc/PID/fd/N link, and the
 * character devices stasis knows how to reopen. They work on text and
 * numbers already read, never on a pid, so tests/unit/test_files.c can feed
 * them recorded and odd input. libc only; they print nothing.
 */
#ifndef STASIS_RES_FDINFO_H
#define STASIS_RES_FDINFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct fdinfo {
	uint64_t pos;           /* "pos:" decimal */
	uint32_t flags;         /* "flags:" octal, O_CLOEXEC included as shown */
	int mnt_id;             /* "mnt_id:", -1 if absent */
	uint64_t ino;           /* "ino:", 0 if absent (older kernels) */
};

/* Parse fdinfo text. pos and flags are required: 0, or -1 when missing or
 * malformed. */
int fdinfo_parse(const char *text, struct fdinfo *out);

/* What the /proc/PID/fd/N link and the file's mode say the fd is. */
enum fd_class {
	FDC_REGULAR,
	FDC_DIRECTORY,
	FDC_CHARDEV,        /* a character device that is not a terminal */
	FDC_TTY,            /* /dev/pts/N, /dev/ttyN, /dev/tty, /dev/console */
	FDC_PIPE,           /* pipe:[ino] */
	FDC_FIFO,           /* named pipe: S_ISFIFO with a path */
	FDC_SOCKET,         /* socket:[ino] */
	FDC_ANON,           /* anon_inode:... (eventfd, epoll, signalfd, ...) */
	FDC_MEMFD,          /* /memfd:NAME (deleted) */
	FDC_DELETED,        /* a path that ends in " (deleted)" */
	FDC_BLOCKDEV,
	FDC_OTHER,          /* namespace files, unknown kernel objects */
};

/*
 * Classify an fd from its link target and st_mode/st_rdev (of the file
 * the link points at). The link is classified first because anon inodes
 * have no file type bits and pidfds/nsfs look like regular files.
 */
enum fd_class fd_classify(const char *link, uint32_t mode, uint64_t rdev);

/* The inode number of "pipe:[123]" / "socket:[123]" style links; 0 if the
 * link is not of the form PREFIX:[digits]. */
uint64_t fd_link_inode(const char *link, const char *prefix);

/* "anon_inode:[eventfd]" -> "eventfd", "anon_inode:inotify" -> "inotify";
 * the kind name copied into out. */
void fd_anon_kind(const char *link, char *out, size_t cap);

/* A human description and advice for an anon inode kind ("eventfd" ->
 * "an eventfd"). Never NULL. */
const char *fd_anon_describe(const char *kind);

/* Character devices stasis reopens by path: /dev/null, /dev/zero,
 * /dev/random, /dev/urandom (by major:minor, whatever the path says). */
bool chardev_supported(uint64_t rdev);
/* Terminals: pty slaves, virtual consoles, /dev/tty, /dev/console. */
bool chardev_is_tty(uint64_t rdev);

/* True when path ends in " (deleted)"; strip removes that suffix in place. */
bool path_deleted(const char *path);
void path_strip_deleted(char *path);

/* Status flags worth keeping in the image: fdinfo flags minus O_CLOEXEC
 * (an fd property, recorded per FileDescriptor). */
uint32_t ofd_status_flags(uint32_t fdinfo_flags);
/* Flags to pass to open(2) to recreate an OFD: never creates, truncates
 * or makes a tmpfile; O_NOCTTY always, so a terminal never becomes a
 * controlling terminal as a side effect of restore. */
uint32_t ofd_open_flags(uint32_t status_flags);
/* The flags F_SETFL can change, as recorded. */
uint32_t ofd_setfl_flags(uint32_t status_flags);

/* "read-only", "write-only", "read-write". */
const char *ofd_access_name(uint32_t status_flags);

#endif
