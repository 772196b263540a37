/*
 * Parsers for the /proc text that fs, sched, limits and creds read
 * (/proc/PID/status lines, /proc/PID/limits, /proc/PID/personality).
 * They work on text already read, never on a pid, so unit tests can feed
 * them recorded and odd input (tests/unit/test_proc_text.c). They depend on
 * libc only, print nothing, and return -1 on anything malformed; the
 * resource that called them names the pid and the file in its message.
 */
#ifndef STASIS_RES_PROC_TEXT_H
#define STASIS_RES_PROC_TEXT_H

#include <stddef.h>
#include <stdint.h>

/*
 * The value of the "Key:" line of /proc/PID/status text (key without the
 * colon), leading and trailing blanks removed, copied into out (cap bytes).
 * The key must start a line: "Uid" does not match "NoUid:". Returns 0, or -1
 * when the line is missing or the value does not fit.
 */
int status_value(const char *text, const char *key, char *out, size_t cap);

/* Exactly n unsigned 32-bit decimal numbers separated by blanks ("Uid:"
 * gives real, effective, saved and fs ids). 0 or -1. */
int parse_u32_fields(const char *val, uint32_t *out, size_t n);

/* Zero or more unsigned 32-bit decimal numbers ("Groups:"). Stores at most
 * cap of them and returns how many there are (call again with a bigger
 * array when the result exceeds cap), or -1 when malformed. */
long parse_u32_list(const char *val, uint32_t *out, size_t cap);

/* One unsigned number in the given base (16 for "CapEff:" and
 * /proc/PID/personality, 8 for "Umask:", 10 for "NoNewPrivs:"), nothing else
 * but blanks around it. 0 or -1. */
int parse_u64(const char *val, int base, uint64_t *out);

/* Credentials from /proc/PID/status. */
struct status_creds {
	uint32_t uid[4], gid[4];    /* real, effective, saved, fs */
	uint32_t *groups;           /* malloc'ed; free with status_creds_free() */
	size_t ngroups;
	uint64_t cap_inh, cap_prm, cap_eff, cap_bnd, cap_amb;
	uint64_t no_new_privs;      /* 0 or 1 */
	uint64_t seccomp;           /* 0 none, 1 strict, 2 filter (0 if the line is absent) */
};

/* Parse Uid, Gid, Groups, Cap*, NoNewPrivs and Seccomp. On failure returns
 * -1 and *bad names the line ("CapEff") in static storage. */
int parse_status_creds(const char *text, struct status_creds *c, const char **bad);
void status_creds_free(struct status_creds *c);

/* One row of /proc/PID/limits. */
struct limit_row {
	int resource;           /* RLIMIT_* */
	const char *name;       /* short name: "nofile", "stack", ... */
	uint64_t soft, hard;    /* RLIM_INFINITY for "unlimited" */
};

#define LIMITS_COUNT 16     /* RLIMIT_CPU .. RLIMIT_RTTIME */

/* The short name of RLIMIT_* number r ("nofile"), or "?" if unknown. */
const char *limit_name(int resource);

/*
 * Parse /proc/PID/limits text into rows[r] for every RLIMIT_* r <
 * LIMITS_COUNT. Every one of the 16 rows must be present exactly once;
 * unknown rows (a newer kernel) are ignored. On failure returns -1 and
 * points *bad at a short description of the problem (the row name or
 * "header"), which lives in static storage.
 */
int parse_limits(const char *text, struct limit_row rows[LIMITS_COUNT], const char **bad);

#endif
