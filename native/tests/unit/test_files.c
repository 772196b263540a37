/*
 * Unit tests for src/res/fdinfo.c: fdinfo text, fd link classification,
 * device numbers and the flags kept in / replayed from the image.
 * Plain C, libc only; exit 0 = pass.
 *   cc -D_GNU_SOURCE -o /tmp/test_files tests/unit/test_files.c src/res/fdinfo.c
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* O_PATH, O_DIRECT, O_NOATIME, __O_TMPFILE */
#endif
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "../../src/res/fdinfo.h"
#include "unit.h"

/* unit.h's CHECK with the condition as its own message. */
#define CHECK1(cond) CHECK(cond, "%s", #cond)

static void test_fdinfo(void)
{
	struct fdinfo fi;

	/* A regular file opened O_RDWR|O_APPEND|O_CLOEXEC at offset 1234. */
	CHECK1(fdinfo_parse("pos:\t1234\nflags:\t02102002\nmnt_id:\t25\nino:\t131\n", &fi) == 0);
	CHECK1(fi.pos == 1234);
	CHECK1(fi.flags == 02102002);
	CHECK1(fi.mnt_id == 25);
	CHECK1(fi.ino == 131);
	CHECK1(fi.flags & O_CLOEXEC);
	CHECK1((ofd_status_flags(fi.flags) & O_CLOEXEC) == 0);
	CHECK1(ofd_status_flags(fi.flags) & O_APPEND);
	CHECK1((ofd_status_flags(fi.flags) & O_ACCMODE) == O_RDWR);

	/* Older kernels: no ino line; extra lines (eventfd, inotify) ignored. */
	CHECK1(fdinfo_parse("pos:\t0\nflags:\t04000\nmnt_id:\t16\n", &fi) == 0);
	CHECK1(fi.ino == 0 && fi.flags == O_NONBLOCK);
	CHECK1(fdinfo_parse("pos:\t0\nflags:\t02\nmnt_id:\t15\nino:\t1\neventfd-count:\t5\neventfd-id: 3\n", &fi) == 0);
	CHECK1(fi.flags == O_RDWR);
	/* Large offsets. */
	CHECK1(fdinfo_parse("pos:\t18446744073709551615\nflags:\t0\n", &fi) == 0);
	CHECK1(fi.pos == 18446744073709551615ull);

	/* Malformed: missing or non-numeric fields, flags not octal. */
	CHECK1(fdinfo_parse("flags:\t02\n", &fi) == -1);
	CHECK1(fdinfo_parse("pos:\t0\n", &fi) == -1);
	CHECK1(fdinfo_parse("pos:\tx\nflags:\t0\n", &fi) == -1);
	CHECK1(fdinfo_parse("pos:\t0\nflags:\t09\n", &fi) == -1);
	CHECK1(fdinfo_parse("", &fi) == -1);
	/* A key must start a line. */
	CHECK1(fdinfo_parse("xpos:\t5\nflags:\t0\n", &fi) == -1);
}

static void test_links(void)
{
	char k[32];

	CHECK1(fd_link_inode("pipe:[12345]", "pipe") == 12345);
	CHECK1(fd_link_inode("socket:[7]", "socket") == 7);
	CHECK1(fd_link_inode("pipe:[12345]", "socket") == 0);
	CHECK1(fd_link_inode("pipe:[]", "pipe") == 0);
	CHECK1(fd_link_inode("pipe:[12a]", "pipe") == 0);
	CHECK1(fd_link_inode("pipe:12", "pipe") == 0);
	CHECK1(fd_link_inode("/tmp/pipe:[1]", "pipe") == 0);

	CHECK1(path_deleted("/tmp/x (deleted)"));
	CHECK1(!path_deleted("/tmp/x"));
	CHECK1(!path_deleted(" (deleted)"));
	char p[] = "/tmp/a b (deleted)";
	path_strip_deleted(p);
	CHECK1(strcmp(p, "/tmp/a b") == 0);

	fd_anon_kind("anon_inode:[eventfd]", k, sizeof(k));
	CHECK1(strcmp(k, "eventfd") == 0);
	fd_anon_kind("anon_inode:inotify", k, sizeof(k));
	CHECK1(strcmp(k, "inotify") == 0);
	fd_anon_kind("anon_inode:[eventpoll]", k, 4);
	CHECK1(strcmp(k, "eve") == 0);
	CHECK1(strcmp(fd_anon_describe("eventpoll"), "an epoll instance") == 0);
	CHECK1(strcmp(fd_anon_describe("something-new"), "an anonymous kernel object") == 0);
}

static void test_classify(void)
{
	CHECK1(fd_classify("/home/u/data.txt", S_IFREG | 0644, 0) == FDC_REGULAR);
	CHECK1(fd_classify("/home/u/data.txt (deleted)", S_IFREG | 0644, 0) == FDC_DELETED);
	CHECK1(fd_classify("/memfd:buf (deleted)", S_IFREG | 0777, 0) == FDC_MEMFD);
	CHECK1(fd_classify("/", S_IFDIR | 0755, 0) == FDC_DIRECTORY);
	CHECK1(fd_classify("pipe:[99]", S_IFIFO | 0600, 0) == FDC_PIPE);
	CHECK1(fd_classify("/tmp/fifo", S_IFIFO | 0600, 0) == FDC_FIFO);
	CHECK1(fd_classify("socket:[5]", S_IFSOCK | 0777, 0) == FDC_SOCKET);
	/* anon inodes have no file type; pidfds and nsfs look regular. */
	CHECK1(fd_classify("anon_inode:[eventfd]", 0600, 0) == FDC_ANON);
	CHECK1(fd_classify("anon_inode:[pidfd]", S_IFREG | 0700, 0) == FDC_ANON);
	CHECK1(fd_classify("net:[4026531833]", S_IFREG | 0444, 0) == FDC_OTHER);
	CHECK1(fd_classify("/dev/null", S_IFCHR | 0666, makedev(1, 3)) == FDC_CHARDEV);
	CHECK1(fd_classify("/dev/pts/3", S_IFCHR | 0620, makedev(136, 3)) == FDC_TTY);
	CHECK1(fd_classify("/dev/tty1", S_IFCHR | 0620, makedev(4, 1)) == FDC_TTY);
	CHECK1(fd_classify("/dev/console", S_IFCHR | 0600, makedev(5, 1)) == FDC_TTY);
	CHECK1(fd_classify("/dev/ptmx", S_IFCHR | 0666, makedev(5, 2)) == FDC_CHARDEV);
	CHECK1(fd_classify("/dev/sda", S_IFBLK | 0660, makedev(8, 0)) == FDC_BLOCKDEV);
}

static void test_devices(void)
{
	CHECK1(chardev_supported(makedev(1, 3)));  /* null */
	CHECK1(chardev_supported(makedev(1, 5)));  /* zero */
	CHECK1(chardev_supported(makedev(1, 8)));  /* random */
	CHECK1(chardev_supported(makedev(1, 9)));  /* urandom */
	CHECK1(!chardev_supported(makedev(1, 1))); /* mem */
	CHECK1(!chardev_supported(makedev(5, 2))); /* ptmx */
	CHECK1(!chardev_supported(makedev(10, 200)));
	CHECK1(chardev_is_tty(makedev(136, 0)));
	CHECK1(chardev_is_tty(makedev(143, 1000)));
	CHECK1(!chardev_is_tty(makedev(4, 64)));   /* ttyS0: a serial port */
	CHECK1(!chardev_is_tty(makedev(5, 2)));
}

static void test_flags(void)
{
	uint32_t f = O_WRONLY | O_APPEND | O_NONBLOCK | O_LARGEFILE;

	/* Reopening never creates, truncates or takes a controlling tty. */
	CHECK1((ofd_open_flags(f | O_CREAT | O_TRUNC | O_EXCL) & (O_CREAT | O_TRUNC | O_EXCL)) == 0);
	CHECK1(ofd_open_flags(f) & O_NOCTTY);
	CHECK1((ofd_open_flags(f) & O_ACCMODE) == O_WRONLY);
	CHECK1(ofd_open_flags(f) & O_APPEND);
	CHECK1((ofd_open_flags(O_RDONLY | O_ASYNC) & O_ASYNC) == 0);
	CHECK1(ofd_open_flags(O_PATH) & O_PATH);
	CHECK1(ofd_setfl_flags(f) == (O_APPEND | O_NONBLOCK));
	CHECK1(ofd_setfl_flags(O_RDONLY | O_DIRECT) == O_DIRECT);
	CHECK1(strcmp(ofd_access_name(O_RDONLY), "read-only") == 0);
	CHECK1(strcmp(ofd_access_name(O_WRONLY | O_APPEND), "write-only") == 0);
	CHECK1(strcmp(ofd_access_name(O_RDWR), "read-write") == 0);
}

int main(void)
{
	RUN(test_fdinfo);
	RUN(test_links);
	RUN(test_classify);
	RUN(test_devices);
	RUN(test_flags);
	return unit_done();
}
