/*
 * The stasis command: main.c dispatches "stasis COMMAND ARGS..." to one
 * cmd_*() per subcommand. Each gets argv with argv[0] the subcommand name
 * ("dump") and parses its own options with getopt_long, and returns the
 * exit status:
 *   0 success, 1 failure (already reported), 2 usage error (unknown
 *   command or option, missing argument: one-line message plus usage).
 *
 * Common options (-v/--verbose, -q/--quiet, --json) are shared through
 * CLI_COMMON_SHORTOPTS / CLI_COMMON_LONGOPTS and cli_common_option():
 *
 *	static const struct option longopts[] = {
 *		{ "verify", no_argument, NULL, 'V' },
 *		CLI_COMMON_LONGOPTS,
 *		{ NULL, 0, NULL, 0 },
 *	};
 *	while ((c = getopt_long(argc, argv, "V" CLI_COMMON_SHORTOPTS, longopts, NULL)) != -1) {
 *		switch (c) {
 *		case 'V': ...; break;
 *		default:
 *			if (cli_common_option(c) == 0)
 *				break;
 *			usage(stderr);
 *			return 2;
 *		}
 *	}
 *
 * cli_common_option() applies the setting at once (log_init), so messages
 * printed after option parsing already honour --json and -v/-q. The same
 * options are also accepted before the command: "stasis --json info X".
 */
#ifndef STASIS_CLI_H
#define STASIS_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#define CLI_OPT_JSON 0x100 /* getopt value of --json (no short form) */

#define CLI_COMMON_SHORTOPTS "vq"
#define CLI_COMMON_LONGOPTS                                     \
	{ "json", no_argument, NULL, CLI_OPT_JSON },            \
	{ "verbose", no_argument, NULL, 'v' },                  \
	{ "quiet", no_argument, NULL, 'q' }

/* 0 if opt was a common option (now in effect), -1 if it is not one
 * (including getopt's '?' and ':' for bad options). */
int cli_common_option(int opt);
/* What a command's option switch does with options it does not handle
 * itself: -h/--help prints usage on stdout (exit 0), a common option takes
 * effect (-1: go on parsing), anything else prints usage on stderr (2).
 *	default:
 *		if ((rc = cli_option_fallback(c, usage)) >= 0)
 *			return rc;
 */
int cli_option_fallback(int opt, void (*usage)(FILE *));
/* After option parsing: 0 if exactly one operand is left (argv[optind]),
 * else a message naming what is missing or extra, usage, and 2. */
int cli_one_operand(int argc, const char *cmd, const char *operand, void (*usage)(FILE *));
/* Whether --json was given: commands print one JSON object on stdout. */
bool cli_json(void);

int cmd_dump(int argc, char **argv);
int cmd_restore(int argc, char **argv);
int cmd_info(int argc, char **argv);
int cmd_check(int argc, char **argv);

#endif
