/*
 * A job on a terminal: stdin, stdout and stderr on a pty that is its
 * controlling terminal. Restored with --shell-job, all three must be on the
 * terminal of the restoring shell, its group in the foreground there, and
 * writing to the terminal must work.
 */
#include "testlib.h"

#include <sys/ioctl.h>

int main(void)
{
	for (int fd = 0; fd < 3; fd++)
		tl_check(isatty(fd), "setup: fd %d is not a terminal", fd);
	tl_ready(NULL);
	tl_wait_go();

	for (int fd = 0; fd < 3; fd++)
		tl_check(isatty(fd), "fd %d is not a terminal after restore", fd);
	char *name = ttyname(0);
	tl_check(name != NULL, "ttyname(0): %s", strerror(errno));
	tl_check(tcgetpgrp(0) == getpgrp(), "not the terminal's foreground group: %d vs %d",
		 (int)tcgetpgrp(0), (int)getpgrp());
	tl_check(write(1, "restored-on-terminal\n", 21) == 21, "write to the terminal: %s", strerror(errno));
	if (name)
		tl_write_file("tty", name);
	tl_finish();
}
