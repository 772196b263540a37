/* stasis restore IMAGE [--pid-ns] [--shell-job] [--json] */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "log.h"
#include "restore.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: stasis restore IMAGE [--pid-ns] [--shell-job] [--json] [-v|-q]\n"
		   "  Bring the process tree in IMAGE back and print the root's pid.\n"
		   "  --pid-ns     restore inside a new PID namespace (automatic when an\n"
		   "               original pid is taken here)\n"
		   "  --shell-job  attach the tree to this terminal and wait for it, like a\n"
		   "               foreground job; without it the tree runs detached\n");
}

/* As a shell job the tree becomes this terminal's foreground group until
 * its root ends; then the terminal comes back to our group. */
static int wait_foreground(pid_t root)
{
	pid_t ours = getpgrp();
	int status = 0;

	signal(SIGTTOU, SIG_IGN);
	if (isatty(STDIN_FILENO) && tcsetpgrp(STDIN_FILENO, getpgid(root)) < 0)
		pr_warn("cannot hand the terminal to the restored tree: %m");
	while (waitpid(root, &status, 0) < 0) {
		if (errno != EINTR) {
			pr_perror("waiting for pid %d", root);
			break;
		}
	}
	if (isatty(STDIN_FILENO))
		tcsetpgrp(STDIN_FILENO, ours);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int cmd_restore(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "pid-ns", no_argument, NULL, 'n' },
		{ "shell-job", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		CLI_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	struct restore_opts opts = { 0 };
	pid_t root = 0, vroot = 0;
	int c, rc;

	while ((c = getopt_long(argc, argv, "h" CLI_COMMON_SHORTOPTS, longopts, NULL)) != -1) {
		switch (c) {
		case 'n':
			opts.pid_ns = true;
			break;
		case 's':
			opts.shell_job = true;
			break;
		default:
			if ((rc = cli_option_fallback(c, usage)) >= 0)
				return rc;
			break;
		}
	}
	if ((rc = cli_one_operand(argc, "restore", "IMAGE", usage)) != 0)
		return rc;
	opts.image = argv[optind];
	if (stasis_restore(&opts, &root, &vroot) < 0) {
		log_result(false, NULL);
		return 1;
	}
	if (log_json_enabled()) {
		char fields[256];

		snprintf(fields, sizeof(fields), "\"root_pid\":%d,\"root_pid_in_namespace\":%d,"
			 "\"pid_namespace\":%s", root, vroot, root != vroot ? "true" : "false");
		log_result(true, fields);
	} else {
		printf("%d\n", root);
		fflush(stdout);
	}
	return opts.shell_job ? wait_foreground(root) : 0;
}
