/*
 * Pipes and a FIFO with data in flight at checkpoint time:
 *  - parent -> child pipe holding 1000 unread bytes: the child reads exactly them;
 *  - a pipe whose write end is closed everywhere, 500 bytes in it: the parent
 *    reads them, then EOF;
 *  - a FIFO in STATEDIR, read end O_NONBLOCK in the child, write end in the
 *    parent, 300 bytes in it: read exactly them, then EAGAIN (the writer is
 *    still there and O_NONBLOCK was kept).
 * Both processes also compare their whole fd table (fdtable.h).
 */
#include "fdtable.h"
#include <poll.h>

/* Read exactly len bytes within 2 s, or report what came. */
static void read_exact(int fd, size_t len, unsigned long seed, const char *what)
{
	static char buf[4096];
	size_t got = 0;
	while (got < len) {
		struct pollfd p = { fd, POLLIN, 0 };
		if (poll(&p, 1, 2000) <= 0)
			break;
		ssize_t n = read(fd, buf + got, len - got);
		if (n <= 0)
			break;
		got += n;
	}
	tl_check(got == len, "%s: got %zu bytes, expected %zu", what, got, len);
	long bad = tl_verify(buf, 0, got, seed);
	tl_check(bad < 0, "%s: byte %ld differs", what, bad);
}

static void write_pattern(int fd, size_t len, unsigned long seed)
{
	char buf[1000];
	tl_fill(buf, 0, len, seed);
	if (write(fd, buf, len) != (ssize_t)len)
		tl_die("write: %s", strerror(errno));
}

int main(void)
{
	int to_child[2], closed[2];
	tl_try(pipe(to_child));
	tl_try(pipe(closed));
	tl_try(mkfifo("fifo", 0600));
	write_pattern(closed[1], 500, 22);
	close(closed[1]);
	int fifo_r = open("fifo", O_RDONLY | O_NONBLOCK); /* does not wait for a writer */
	int fifo_w = open("fifo", O_WRONLY);
	tl_try(fifo_r | fifo_w);
	write_pattern(fifo_w, 300, 23);
	pid_t child = fork();
	tl_try(child);
	if (child == 0) {
		close(to_child[1]);
		close(closed[0]);
		close(fifo_w);
		struct tl_fd before[TL_MAXFD];
		tl_fd_snapshot(before);
		tl_write_file("child-ready", "");
		tl_wait_go();
		tl_fd_compare(before);
		read_exact(to_child[0], 1000, 21, "pipe from parent");
		read_exact(fifo_r, 300, 23, "FIFO");
		char c;
		tl_check(read(fifo_r, &c, 1) < 0 && errno == EAGAIN, "FIFO after its data: expected EAGAIN, got %s", strerror(errno));
		exit(tl_status());
	}
	close(to_child[0]);
	close(fifo_r);
	write_pattern(to_child[1], 1000, 21);
	while (access("child-ready", F_OK) != 0)
		tl_sleep_ms(1);
	struct tl_fd before[TL_MAXFD];
	tl_fd_snapshot(before);
	char info[64];
	snprintf(info, sizeof info, "child=%d\n", child);
	tl_ready(info);
	tl_wait_go();

	tl_fd_compare(before);
	read_exact(closed[0], 500, 22, "pipe with closed write end");
	char c;
	struct pollfd p = { closed[0], POLLIN, 0 };
	tl_check(poll(&p, 1, 2000) == 1 && read(closed[0], &c, 1) == 0, "no EOF after the data: a write end is open again");
	tl_check_child(child, 0, "reader child");
	tl_finish();
}
