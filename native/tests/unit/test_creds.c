/*
 * Unit test of the /proc/PID/status parsers (src/res/proc_text.c) used by
 * creds, fs (Umask) and sched (personality), on recorded text and odd input.
 * Plain C, libc only; exit 0 = pass.
 *   cc -Isrc -o /tmp/test_creds tests/unit/test_creds.c src/res/proc_text.c
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "res/proc_text.h"

static int failures, passes;

#define CHECK(cond, name) do { \
	if (cond) { printf("PASS %s\n", name); passes++; } \
	else { printf("FAIL %s: (%s:%d)\n", name, __FILE__, __LINE__); failures++; } \
} while (0)

/* Recorded from a non-root process with ambient caps (excerpt keeps the
 * lines around ours; note "Groups:" ends with a blank, as the kernel prints). */
static const char recorded[] =
"Name:\tsleep\n"
"Umask:\t0027\n"
"State:\tS (sleeping)\n"
"Tgid:\t4711\n"
"Ngid:\t0\n"
"Pid:\t4711\n"
"PPid:\t1\n"
"TracerPid:\t0\n"
"Uid:\t1000\t1001\t1002\t1003\n"
"Gid:\t100\t101\t102\t103\n"
"FDSize:\t64\n"
"Groups:\t4 24 27 100 4294967294 \n"
"NStgid:\t4711\n"
"VmPeak:\t    8224 kB\n"
"Threads:\t1\n"
"SigQ:\t0/96365\n"
"SigPnd:\t0000000000000000\n"
"CapInh:\t0000000000003000\n"
"CapPrm:\t0000000000003400\n"
"CapEff:\t0000000000000400\n"
"CapBnd:\t000001fffeffffff\n"
"CapAmb:\t0000000000001000\n"
"NoNewPrivs:\t1\n"
"Seccomp:\t0\n"
"Seccomp_filters:\t0\n"
"Speculation_Store_Bypass:\tthread vulnerable\n";

/* recorded with the line starting with key replaced by line ("" deletes). */
static void with_line(char *out, size_t cap, const char *key, const char *line)
{
	char pat[64];
	const char *p, *eol;

	snprintf(pat, sizeof(pat), "\n%s:", key);
	p = strstr(recorded, pat) + 1;
	eol = strchr(p, '\n');
	snprintf(out, cap, "%.*s%s%s", (int)(p - recorded), recorded, line, eol + 1);
}

static int parses(const char *text, const char **bad)
{
	struct status_creds c;
	int r = parse_status_creds(text, &c, bad);

	status_creds_free(&c);
	return r;
}

int main(void)
{
	struct status_creds c;
	const char *bad = "x";
	char buf[4096], val[64];
	uint64_t v;
	uint32_t ids[4], list[8];

	CHECK(parse_status_creds(recorded, &c, &bad) == 0 && bad == NULL, "recorded text parses");
	CHECK(c.uid[0] == 1000 && c.uid[1] == 1001 && c.uid[2] == 1002 && c.uid[3] == 1003,
	      "Uid real, effective, saved, fs");
	CHECK(c.gid[0] == 100 && c.gid[3] == 103, "Gid");
	CHECK(c.ngroups == 5 && c.groups[0] == 4 && c.groups[4] == 4294967294u,
	      "Groups with trailing blank and a large gid");
	CHECK(c.cap_inh == 0x3000 && c.cap_prm == 0x3400 && c.cap_eff == 0x400 &&
	      c.cap_bnd == 0x1fffeffffffULL && c.cap_amb == 0x1000, "capability sets");
	CHECK(c.no_new_privs == 1 && c.seccomp == 0, "NoNewPrivs and Seccomp");
	status_creds_free(&c);

	with_line(buf, sizeof(buf), "Groups", "Groups:\t \n");
	CHECK(parse_status_creds(buf, &c, &bad) == 0 && c.ngroups == 0, "no groups (root)");
	status_creds_free(&c);

	with_line(buf, sizeof(buf), "Groups", "Groups:\n");
	CHECK(parse_status_creds(buf, &c, &bad) == 0 && c.ngroups == 0, "empty Groups without blank");
	status_creds_free(&c);

	with_line(buf, sizeof(buf), "Seccomp", "Seccomp:\t2\n");
	CHECK(parse_status_creds(buf, &c, &bad) == 0 && c.seccomp == 2, "Seccomp filter mode seen");
	status_creds_free(&c);

	with_line(buf, sizeof(buf), "Seccomp", "");
	CHECK(parse_status_creds(buf, &c, &bad) == 0 && c.seccomp == 0,
	      "no Seccomp line (kernel without seccomp) is mode 0");
	status_creds_free(&c);
	CHECK(strstr(buf, "Seccomp_filters:") != NULL, "(Seccomp_filters kept in that text)");

	with_line(buf, sizeof(buf), "Seccomp", "Seccomp:\t3\n");
	CHECK(parses(buf, &bad) < 0 && !strcmp(bad, "Seccomp"), "unknown seccomp mode refused");

	with_line(buf, sizeof(buf), "Uid", "Uid:\t1000\t1001\t1002\n");
	CHECK(parses(buf, &bad) < 0 && !strcmp(bad, "Uid"), "three uids refused");

	with_line(buf, sizeof(buf), "Uid", "Uid:\t1000\t1001\t1002\t1003\t1004\n");
	CHECK(parses(buf, &bad) < 0 && !strcmp(bad, "Uid"), "five uids refused");

	with_line(buf, sizeof(buf), "Gid", "Gid:\t0\t0\t0\t4294967296\n");
	CHECK(parses(buf, &bad) < 0 && !strcmp(bad, "Gid"), "gid above 32 bits refused");

	with_line(buf, sizeof(buf), "Uid", "");
	CHECK(parses(buf, &bad) < 0 && !strcmp(bad, "Uid"), "missing Uid named");

	with_line(buf, sizeof(buf), "CapEff", "CapEff:\t00000000000004\n");
	CHECK(parses(buf, &bad) < 0 && !strcmp(bad, "CapEff"), "short capability mask refused");

	with_line(buf, sizeof(buf), "CapAmb", "CapAmb:\t000000000000100g\n");
	CHECK(parses(buf, &bad) < 0 && !strcmp(bad, "CapAmb"), "non-hex capability refused");

	with_line(buf, sizeof(buf), "CapPrm", "CapPrm:\tffffffffffffffff\n");
	CHECK(parse_status_creds(buf, &c, &bad) == 0 && c.cap_prm == UINT64_MAX,
	      "all 64 capability bits");
	status_creds_free(&c);

	with_line(buf, sizeof(buf), "NoNewPrivs", "NoNewPrivs:\t2\n");
	CHECK(parses(buf, &bad) < 0 && !strcmp(bad, "NoNewPrivs"), "NoNewPrivs other than 0/1");

	with_line(buf, sizeof(buf), "Groups", "Groups:\t1 2 x\n");
	CHECK(parses(buf, &bad) < 0 && !strcmp(bad, "Groups"), "garbage in Groups");

	/* status_value: key must start a line and be followed by ':' */
	CHECK(status_value("NoUid:\t5\nUid:\t1 2 3 4\n", "Uid", val, sizeof(val)) == 0 &&
	      !strcmp(val, "1 2 3 4"), "key matched at line start only");
	CHECK(status_value("Uidx:\t5\n", "Uid", val, sizeof(val)) < 0, "longer key not matched");
	CHECK(status_value("Seccomp_filters:\t0\n", "Seccomp", val, sizeof(val)) < 0,
	      "Seccomp does not match Seccomp_filters");
	CHECK(status_value("Umask:\t0022", "Umask", val, sizeof(val)) == 0 && !strcmp(val, "0022"),
	      "last line without newline");
	CHECK(status_value("Umask:\t0022\n", "Umask", val, 4) < 0, "value too long for buffer");
	CHECK(status_value("", "Umask", val, sizeof(val)) < 0, "empty text");

	/* Umask is octal, personality hex with a newline, NoNewPrivs decimal */
	CHECK(parse_u64("0027", 8, &v) == 0 && v == 027, "octal umask");
	CHECK(parse_u64("0089", 8, &v) < 0, "bad octal digit refused");
	CHECK(parse_u64("00400000\n", 16, &v) == 0 && v == 0x400000,
	      "personality file with newline");
	CHECK(parse_u64("", 16, &v) < 0 && parse_u64(" \n", 16, &v) < 0, "empty number refused");
	CHECK(parse_u64("-1", 10, &v) < 0 && parse_u64("+1", 10, &v) < 0, "signs refused");
	CHECK(parse_u64("1 2", 10, &v) < 0, "two numbers where one is expected");

	CHECK(parse_u32_fields(" 1\t2  3 4 ", ids, 4) == 0 && ids[3] == 4, "mixed blanks");
	CHECK(parse_u32_list("1 2 3 4 5 6 7 8 9 10", list, 8) == 10 && list[7] == 8,
	      "list longer than the array: count returned, array not overrun");

	printf("%d passed, %d failed\n", passes, failures);
	return failures ? 1 : 0;
}
