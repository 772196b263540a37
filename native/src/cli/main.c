/*
 * stasis: checkpoint and restore of Linux process trees.
 * Dispatches to the subcommands in cmd_*.c; see cli.h for the conventions.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "image.h"
#include "log.h"
#include "util.h"

static bool json;
static int verbosity = 1;

static const struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{ "dump", cmd_dump, "checkpoint a process tree into an image file" },
	{ "restore", cmd_restore, "bring a process tree back from an image" },
	{ "info", cmd_info, "show what an image holds (no privileges needed)" },
	{ "check", cmd_check, "report what this kernel and these privileges allow" },
};

int cli_common_option(int opt)
{
	switch (opt) {
	case CLI_OPT_JSON:
		json = true;
		break;
	case 'v':
		verbosity++;
		break;
	case 'q':
		verbosity = 0;
		break;
	default:
		return -1;
	}
	log_init(json, verbosity);
	return 0;
}

int cli_option_fallback(int opt, void (*usage)(FILE *))
{
	if (opt == 'h') {
		usage(stdout);
		return 0;
	}
	if (cli_common_option(opt) == 0)
		return -1;
	usage(stderr);
	return 2;
}

int cli_one_operand(int argc, const char *cmd, const char *operand, void (*usage)(FILE *))
{
	if (optind == argc - 1)
		return 0;
	if (optind >= argc)
		fprintf(stderr, "stasis %s: missing %s\n", cmd, operand);
	else
		fprintf(stderr, "stasis %s: too many arguments\n", cmd);
	usage(stderr);
	return 2;
}

bool cli_json(void)
{
	return json;
}

#define USAGE "usage: stasis [-v|-q] [--json] COMMAND [ARGS...]\n"

/* One line after a usage error ("stasis help" for the rest). */
static int usage_error(void)
{
	fputs(USAGE "'stasis help' lists the commands\n", stderr);
	return 2;
}

static void usage(FILE *f)
{
	fprintf(f, USAGE "\ncommands:\n");
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\n'stasis COMMAND --help' describes a command's options.\n"
		   "Exit status: 0 success, 1 failure, 2 usage error.\n");
}

static void on_cancel(int sig)
{
	(void)sig;
	stasis_cancelled = 1;
}

/* SIGINT/SIGTERM only raise a flag: long loops see it and unwind, leaving
 * the tree running and no partial image. No SA_RESTART, so a blocking
 * call returns EINTR and the loop around it gets to look at the flag. A
 * closed pipe (stasis info | head) is an EPIPE error, not a death. */
static int install_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_cancel;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGINT, &sa, NULL) < 0 || sigaction(SIGTERM, &sa, NULL) < 0) {
		pr_perror("cannot install signal handlers");
		return -1;
	}
	sa.sa_handler = SIG_IGN;
	if (sigaction(SIGPIPE, &sa, NULL) < 0) {
		pr_perror("cannot ignore SIGPIPE");
		return -1;
	}
	return 0;
}

static int version(void)
{
	printf("stasis %s\nimage format %d.%d\n", STASIS_VERSION, IMG_FORMAT_MAJOR, IMG_FORMAT_MINOR);
	return 0;
}

int main(int argc, char **argv)
{
	int i;

	log_init(false, verbosity);
	if (install_signals() < 0)
		return 1;
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--version"))
			return version();
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			return 0;
		}
		if (cli_common_option(!strcmp(a, "--json") ? CLI_OPT_JSON :
				      !strcmp(a, "-v") || !strcmp(a, "--verbose") ? 'v' :
				      !strcmp(a, "-q") || !strcmp(a, "--quiet") ? 'q' : 0) < 0) {
			fprintf(stderr, "stasis: unknown option '%s'\n", a);
			return usage_error();
		}
	}
	if (i == argc) {
		fprintf(stderr, "stasis: missing command\n");
		return usage_error();
	}
	if (!strcmp(argv[i], "help") && i + 1 < argc) { /* "stasis help dump" */
		static char help_opt[] = "--help";

		argv[i] = argv[i + 1];
		argv[i + 1] = help_opt;
		argc = i + 2;
	} else if (!strcmp(argv[i], "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[i], "version"))
		return version();
	for (size_t c = 0; c < ARRAY_SIZE(commands); c++)
		if (!strcmp(argv[i], commands[c].name)) {
			int ret = commands[c].fn(argc - i, argv + i);

			if (fflush(stdout) == EOF && errno != EPIPE) {
				pr_perror("cannot write the output");
				return 1;
			}
			return ret;
		}
	fprintf(stderr, "stasis: unknown command '%s'\n", argv[i]);
	return usage_error();
}
