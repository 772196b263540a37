/*
 * A job whose stdio was its controlling terminal, restored without one
 * (--terminal-to FILE): after the restore its output must still be
 * writable, wherever it goes now. The runner checks from outside where it
 * went (the fds' targets and the file's contents); this program checks
 * that every write to stdout and stderr is taken whole.
 */
#include "testlib.h"

static const char out_text[] = "stdout-after-restore\n";
static const char err_text[] = "stderr-after-restore\n";

int main(void)
{
	for (int fd = 0; fd < 3; fd++)
		tl_check(isatty(fd), "setup: fd %d is not a terminal", fd);
	tl_ready(NULL);
	tl_wait_go();

	ssize_t n = write(1, out_text, sizeof(out_text) - 1);
	tl_check(n == (ssize_t)sizeof(out_text) - 1, "write to stdout: %zd of %zu bytes (%s)", n,
		 sizeof(out_text) - 1, n < 0 ? strerror(errno) : "short");
	n = write(2, err_text, sizeof(err_text) - 1);
	tl_check(n == (ssize_t)sizeof(err_text) - 1, "write to stderr: %zd of %zu bytes (%s)", n,
		 sizeof(err_text) - 1, n < 0 ? strerror(errno) : "short");
	tl_finish();
}
