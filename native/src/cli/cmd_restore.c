/* stasis restore IMAGE [--pid-ns] [--shell-job | --terminal-to FILE] [--json] */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "log.h"
#include "restore.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: stasis restore IMAGE [--pid-ns] [--shell-job | --terminal-to FILE] [--json] [-v|-q]\n"
		   "  Bring the process tree in IMAGE back and print the root's pid.\n"
		   "  --pid-ns            restore inside a new PID namespace (automatic when an\n"
		   "                      original pid is taken here)\n"
		   "  --shell-job         attach the tree to this terminal and wait for it, like a\n"
		   "                      foreground job; without it the tree runs detached\n"
		   "  --terminal-to FILE  run detached, with the fds that were a terminal appending\n"
		   "                      to FILE instead (created if missing; /dev/null drops it)\n");
}

/* As a shell job the tree becomes this terminal's foreground group until
 * its root ends (seen as the end of our child that holds the tree); then
 * the terminal comes back to our group. */
static int wait_foreground(const struct restore_result *tree)
{
	pid_t ours = getpgrp();
	int status = 0;

	signal(SIGTTOU, SIG_IGN);
	if (isatty(STDIN_FILENO) && tcsetpgrp(STDIN_FILENO, getpgid(tree->root_pid)) < 0)
		pr_warn("cannot hand the terminal to the restored tree: %m");
	while (waitpid(tree->child, &status, 0) < 0) {
		if (errno != EINTR) {
			pr_perror("waiting for pid %d", tree->child);
			break;
		}
	}
	if (isatty(STDIN_FILENO))
		tcsetpgrp(STDIN_FILENO, ours);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* The file for --terminal-to, created here (by stasis, with its umask) so
 * that the puppets only open it, by its absolute path: they do not run in
 * our working directory. *abs gets the path (free it). */
static int terminal_file(const char *file, char **abs)
{
	int fd = open(file, O_WRONLY | O_CREAT | O_APPEND | O_NOCTTY | O_CLOEXEC, 0644);

	if (fd < 0) {
		pr_perror("--terminal-to: cannot create or open %s for the terminal's output", file);
		return -1;
	}
	if (close(fd) < 0) {
		pr_perror("--terminal-to: cannot close %s", file);
		return -1;
	}
	*abs = realpath(file, NULL);
	if (!*abs) {
		pr_perror("--terminal-to: cannot resolve the path %s", file);
		return -1;
	}
	return 0;
}

int cmd_restore(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "pid-ns", no_argument, NULL, 'n' },
		{ "shell-job", no_argument, NULL, 's' },
		{ "terminal-to", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		CLI_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	struct restore_opts opts = { 0 };
	const char *terminal_to = NULL;
	char *terminal_abs = NULL;
	struct restore_result tree = { 0 };
	int c, rc;

	while ((c = getopt_long(argc, argv, "h" CLI_COMMON_SHORTOPTS, longopts, NULL)) != -1) {
		switch (c) {
		case 'n':
			opts.pid_ns = true;
			break;
		case 's':
			opts.shell_job = true;
			break;
		case 't':
			terminal_to = optarg;
			break;
		default:
			if ((rc = cli_option_fallback(c, usage)) >= 0)
				return rc;
			break;
		}
	}
	if ((rc = cli_one_operand(argc, "restore", "IMAGE", usage)) != 0)
		return rc;
	if (terminal_to && opts.shell_job) {
		fprintf(stderr, "stasis restore: --shell-job and --terminal-to exclude each other: "
				"the terminal's fds go to this terminal or to a file\n");
		usage(stderr);
		return 2;
	}
	opts.image = argv[optind];
	if (terminal_to) {
		if (terminal_file(terminal_to, &terminal_abs) < 0) {
			log_result(false, NULL);
			return 1;
		}
		opts.terminal_to = terminal_abs;
	}
	rc = stasis_restore(&opts, &tree);
	free(terminal_abs);
	if (rc < 0) {
		log_result(false, NULL);
		return 1;
	}
	if (log_json_enabled()) {
		char fields[256];

		snprintf(fields, sizeof(fields), "\"root_pid\":%d,\"root_pid_in_namespace\":%d,"
			 "\"pid_namespace\":%s", tree.root_pid, tree.root_vpid,
			 tree.root_pid != tree.root_vpid ? "true" : "false");
		log_result(true, fields);
	} else {
		printf("%d\n", tree.root_pid);
		fflush(stdout);
	}
	return opts.shell_job ? wait_foreground(&tree) : 0;
}
