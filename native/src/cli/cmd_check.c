/* stasis check [--json]: what this kernel and these privileges allow,
 * one line per probe, and whether dump and restore can work here. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "capabilities.h"
#include "cli.h"
#include "json_out.h"
#include "log.h"

/* The first line alone after a usage error; all of it for --help. */
static void usage(FILE *f)
{
	fputs("usage: stasis check [--json] [-v|-q]\n", f);
	if (f == stdout)
		fprintf(f, "  Try what dump and restore need (privileges, ptrace, clone3 set_tid, ...)\n"
			"  and say what works. Exit status 0 when dump and restore can work here.\n");
}

/* The closing line, or NULL when every required probe passed. */
static const char *verdict(const struct probe_result *p, size_t n, char *buf, size_t cap)
{
	char names[256] = "";
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		if (!p[i].required || p[i].status != PROBE_MISSING)
			continue;
		if (!strcmp(p[i].name, "privileges"))
			return "stasis check: not running as root: dump and restore need root, or CAP_CHECKPOINT_RESTORE and CAP_SYS_PTRACE; run with sudo";
		if (o < sizeof(names))
			o += (size_t)snprintf(names + o, sizeof(names) - o, "%s%s", o ? ", " : "", p[i].name);
	}
	if (!o)
		return NULL;
	snprintf(buf, cap, "stasis check: dump and restore cannot work here: %s missing (see above)", names);
	return buf;
}

int cmd_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		CLI_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	struct probe_result p[CAPS_MAX_PROBES];
	char buf[512];
	const char *bad;
	size_t n;
	int c, rc;

	while ((c = getopt_long(argc, argv, "h" CLI_COMMON_SHORTOPTS, longopts, NULL)) != -1) {
		switch (c) {
		default:
			if ((rc = cli_option_fallback(c, usage)) >= 0)
				return rc;
			break;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "stasis check: unexpected argument '%s'\n", argv[optind]);
		usage(stderr);
		return 2;
	}
	n = caps_probe_all(p, CAPS_MAX_PROBES);
	bad = verdict(p, n, buf, sizeof(buf));
	if (cli_json()) {
		struct json_out j;

		jo_init(&j, stdout);
		jo_obj_begin(&j, NULL);
		jo_bool(&j, "ok", bad == NULL);
		jo_arr_begin(&j, "probes");
		for (size_t i = 0; i < n; i++) {
			char status[16];

			snprintf(status, sizeof(status), "%s", caps_status_name(p[i].status));
			for (char *s = status; *s; s++)
				*s = (char)(*s - 'A' + 'a');
			jo_obj_begin(&j, NULL);
			jo_str(&j, "name", p[i].name);
			jo_str(&j, "status", status);
			jo_bool(&j, "required", p[i].required);
			jo_str(&j, "detail", p[i].detail);
			jo_obj_end(&j);
		}
		jo_arr_end(&j);
		jo_str(&j, "message", bad ? bad : "dump and restore can work here");
		jo_obj_end(&j);
	} else {
		for (size_t i = 0; i < n; i++)
			printf("%-8s %-17s %s\n", caps_status_name(p[i].status), p[i].name, p[i].detail);
		printf("\n%s\n", bad ? bad : "stasis check: dump and restore can work here");
	}
	return bad ? 1 : 0;
}
