/* stasis dump PID -o IMAGE [--kill] [--json] */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "dump.h"
#include "log.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: stasis dump PID -o IMAGE [--kill] [--json] [-v|-q]\n"
		   "  Checkpoint PID and all its descendants into the single file IMAGE.\n"
		   "  The tree keeps running unless --kill is given. An existing IMAGE is\n"
		   "  replaced only when the new one is complete.\n");
}

int cmd_dump(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "kill", no_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		CLI_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	struct dump_opts opts = { 0 };
	char *end;
	int c, rc;

	while ((c = getopt_long(argc, argv, "o:kh" CLI_COMMON_SHORTOPTS, longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			opts.output = optarg;
			break;
		case 'k':
			opts.kill_after = true;
			break;
		default:
			if ((rc = cli_option_fallback(c, usage)) >= 0)
				return rc;
			break;
		}
	}
	if (optind != argc - 1 || !opts.output) {
		fprintf(stderr, "stasis dump: %s\n", optind >= argc ? "missing PID" :
			!opts.output ? "missing -o IMAGE" : "too many arguments");
		usage(stderr);
		return 2;
	}
	long pid = strtol(argv[optind], &end, 10);

	if (*end || pid <= 0 || pid > 0x3fffffff) {
		fprintf(stderr, "stasis dump: '%s' is not a process id\n", argv[optind]);
		return 2;
	}
	opts.pid = (pid_t)pid;
	struct dump_stats st;

	if (stasis_dump(&opts, &st) < 0) {
		log_result(false, NULL);
		return 1;
	}
	char fields[8192], q[4096];

	json_quote(q, sizeof(q), opts.output);
	snprintf(fields, sizeof(fields),
		 "\"pid\":%d,\"image\":%s,\"killed\":%s,\"processes\":%zu,\"pages_bytes\":%llu,"
		 "\"frozen_ms\":%.1f,\"sealed_ms\":%.1f,\"total_ms\":%.1f",
		 opts.pid, q, opts.kill_after ? "true" : "false", st.processes,
		 (unsigned long long)st.pages_bytes, (double)st.freeze_ns / 1e6,
		 (double)st.sealed_ns / 1e6, (double)st.total_ns / 1e6);
	log_result(true, fields);
	return 0;
}
