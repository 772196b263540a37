/*
 * A process tree: root -> A (own process group), B (session leader) -> C
 * (grandchild), and Z, a zombie that exited with 7. Every live process
 * checks its own ppid/pgid/sid after restore and reports through its exit
 * status; the root reaps them all and must get 7 from Z.
 */
#include "testlib.h"

struct ids { pid_t ppid, pgid, sid; };

static struct ids now_ids(void) { return (struct ids){ getppid(), getpgid(0), getsid(0) }; }

/* Wait for go, compare, exit with the verdict. */
static void check_ids_and_exit(const char *who, struct ids before)
{
	tl_wait_go();
	struct ids now = now_ids();
	tl_check(now.ppid == before.ppid && now.pgid == before.pgid && now.sid == before.sid,
		 "%s: ppid/pgid/sid expected %d/%d/%d got %d/%d/%d", who, before.ppid, before.pgid,
		 before.sid, now.ppid, now.pgid, now.sid);
	exit(tl_status());
}

static void say_ready(int fd)
{
	if (write(fd, "x", 1) != 1)
		_exit(3);
	close(fd);
}

static int is_zombie(pid_t pid)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/stat", pid);
	char *stat = tl_read_file(path, NULL);
	char *end = stat ? strrchr(stat, ')') : NULL;
	int z = end && end[2] == 'Z';
	free(stat);
	return z;
}

int main(void)
{
	int sync[2]; /* each live child writes one byte once set up */
	tl_try(pipe(sync));
	pid_t z = fork();
	tl_try(z);
	if (z == 0)
		_exit(7);
	pid_t a = fork();
	tl_try(a);
	if (a == 0) {
		setpgid(0, 0);
		close(sync[0]);
		say_ready(sync[1]);
		check_ids_and_exit("A", now_ids());
	}
	setpgid(a, a); /* also here: no race with the child's own call */
	pid_t b = fork(), c = -1;
	tl_try(b);
	if (b == 0) {
		close(sync[0]);
		if (setsid() < 0)
			_exit(3);
		c = fork();
		if (c == 0) {
			say_ready(sync[1]);
			check_ids_and_exit("C", now_ids());
		}
		say_ready(sync[1]);
		struct ids mine = now_ids();
		tl_wait_go();
		tl_check_child(c, 0, "C");
		check_ids_and_exit("B", mine);
	}
	close(sync[1]);
	char buf[3];
	for (size_t got = 0; got < 3;) {
		ssize_t n = read(sync[0], buf, 3 - got);
		if (n <= 0)
			tl_die("children did not report ready");
		got += n;
	}
	close(sync[0]);
	while (!is_zombie(z))
		tl_sleep_ms(1);
	struct ids mine = now_ids();
	char info[128];
	snprintf(info, sizeof info, "a=%d\nb=%d\nz=%d\n", a, b, z);
	tl_ready(info);
	tl_wait_go();

	struct ids now = now_ids();
	tl_check(now.ppid == mine.ppid && now.pgid == mine.pgid && now.sid == mine.sid,
		 "root: ppid/pgid/sid expected %d/%d/%d got %d/%d/%d", mine.ppid, mine.pgid,
		 mine.sid, now.ppid, now.pgid, now.sid);
	tl_check(getpgid(a) == a, "A's process group: expected %d got %d", a, getpgid(a));
	tl_check(getsid(b) == b, "B's session: expected %d got %d", b, getsid(b));
	tl_check_child(a, 0, "A");
	tl_check_child(b, 0, "B");
	tl_check_child(z, 7, "zombie Z");
	tl_finish();
}
