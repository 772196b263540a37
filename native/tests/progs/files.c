/*
 * Open files. The whole fd table is compared (fdtable.h): targets, flags,
 * close-on-exec, offsets. Then each kind is used: rw file at offset 1234,
 * O_APPEND appends, O_RDONLY at EOF reads 0, a directory fd works with
 * openat and fchdir, /dev/null, /dev/zero, /dev/urandom, /dev/random; a
 * dup'ed fd and an fd shared with a child keep sharing their offset.
 * ro.dat is the file the runner deletes to make a restore fail.
 */
#include "fdtable.h"

static int open_with(const char *path, int flags, const char *content)
{
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, content, strlen(content)) != (ssize_t)strlen(content) || close(fd))
		tl_die("create %s: %s", path, strerror(errno));
	fd = open(path, flags);
	if (fd < 0)
		tl_die("open %s: %s", path, strerror(errno));
	return fd;
}

int main(void)
{
	static char data[4096];
	tl_fill(data, 0, sizeof data - 1, 20);
	for (size_t i = 0; i < sizeof data - 1; i++)
		data[i] = 'a' + (unsigned char)data[i] % 26; /* text: no NUL inside */
	int rw = open_with("rw.dat", O_RDWR, data);
	lseek(rw, 1234, SEEK_SET);
	int dup_rw = dup(rw);
	int app = open_with("append.dat", O_WRONLY | O_APPEND, "first\n");
	int ro = open_with("ro.dat", O_RDONLY | O_CLOEXEC, "read only\n");
	lseek(ro, 0, SEEK_END);
	tl_try(mkdir("subdir", 0755));
	close(open_with("subdir/inside.txt", O_RDONLY, "inside\n"));
	int dir = open("subdir", O_RDONLY | O_DIRECTORY);
	int null = open("/dev/null", O_RDWR), zero = open("/dev/zero", O_RDONLY);
	int urandom = open("/dev/urandom", O_RDONLY | O_CLOEXEC), random = open("/dev/random", O_RDONLY | O_NONBLOCK);
	int shared = open_with("shared.dat", O_RDWR, "");
	tl_try(dir | null | zero | urandom | random | dup_rw);
	pid_t child = fork();
	tl_try(child);
	if (child == 0) { /* writes through the inherited description once the
			   * parent has compared its fd table (child-go) */
		tl_wait_go();
		while (access("child-go", F_OK) != 0)
			tl_sleep_ms(1);
		tl_check(write(shared, "child!", 6) == 6, "child write: %s", strerror(errno));
		exit(tl_status());
	}
	struct tl_fd before[TL_MAXFD];
	tl_fd_snapshot(before);
	tl_ready(NULL);
	tl_wait_go();

	tl_fd_compare(before);
	off_t shared_before = lseek(shared, 0, SEEK_CUR);
	tl_write_file("child-go", "");
	char buf[64];
	tl_check(read(rw, buf, 10) == 10 && memcmp(buf, data + 1234, 10) == 0, "rw.dat: bytes at 1234 differ");
	tl_check(write(dup_rw, "XY", 2) == 2 && lseek(rw, 0, SEEK_CUR) == 1246, "dup'ed fd does not share the offset: %ld", (long)lseek(rw, 0, SEEK_CUR));
	tl_check(write(app, "second\n", 7) == 7, "append: %s", strerror(errno));
	char *text = tl_read_file("append.dat", NULL);
	tl_check(text && strcmp(text, "first\nsecond\n") == 0, "append.dat: [%s]", text ? text : "?");
	tl_check(read(ro, buf, sizeof buf) == 0, "ro.dat: not at EOF any more");
	int in = openat(dir, "inside.txt", O_RDONLY);
	tl_check(in >= 0 && read(in, buf, 7) == 7 && memcmp(buf, "inside\n", 7) == 0, "openat through the directory fd failed");
	tl_check(fchdir(dir) == 0 && access("inside.txt", F_OK) == 0, "fchdir through the directory fd failed");
	tl_check(write(null, "x", 1) == 1 && read(null, buf, 1) == 0, "/dev/null misbehaves");
	memset(buf, 0xff, sizeof buf);
	tl_check(read(zero, buf, 16) == 16 && tl_first_nonzero(buf, 16) < 0, "/dev/zero does not give zeros");
	tl_check(read(urandom, buf, 16) == 16, "/dev/urandom: %s", strerror(errno));
	tl_check(read(random, buf, 16) > 0, "/dev/random: %s", strerror(errno));
	tl_check_child(child, 0, "child writing to the shared fd");
	tl_check(lseek(shared, 0, SEEK_CUR) == shared_before + 6,
		 "fd shared with the child: offset %ld, expected %ld", (long)lseek(shared, 0, SEEK_CUR), (long)shared_before + 6);
	tl_finish();
}
