/* Parsers for /proc text; see proc_text.h. libc only, no messages. */
#include "proc_text.h"

#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

/* Blanks separate fields; a trailing newline (whole-file values such as
 * /proc/PID/personality) counts as one. */
static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

int status_value(const char *text, const char *key, char *out, size_t cap)
{
	size_t klen = strlen(key);
	const char *line = text;

	while (line && *line) {
		const char *eol = strchr(line, '\n');
		const char *end = eol ? eol : line + strlen(line);

		if ((size_t)(end - line) > klen && !strncmp(line, key, klen) && line[klen] == ':') {
			const char *v = line + klen + 1;
			size_t len;

			while (v < end && is_blank(*v))
				v++;
			while (end > v && is_blank(end[-1]))
				end--;
			len = (size_t)(end - v);
			if (len >= cap)
				return -1;
			memcpy(out, v, len);
			out[len] = '\0';
			return 0;
		}
		line = eol ? eol + 1 : NULL;
	}
	return -1;
}

/* One number at *p in base, advancing *p; blanks before it are skipped.
 * Rejects signs (strtoull accepts "-1"), overflow and empty input. */
static int take_u64(const char **p, int base, uint64_t *out)
{
	const char *s = *p;
	char *end;
	unsigned long long v;

	while (is_blank(*s))
		s++;
	if (!isxdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoull(s, &end, base);
	if (errno || end == s)
		return -1;
	if (*end && !is_blank(*end))
		return -1;
	*out = v;
	*p = end;
	return 0;
}

static bool only_blanks(const char *s)
{
	while (is_blank(*s))
		s++;
	return *s == '\0';
}

int parse_u64(const char *val, int base, uint64_t *out)
{
	const char *p = val;

	if (take_u64(&p, base, out) < 0 || !only_blanks(p))
		return -1;
	return 0;
}

static int take_u32(const char **p, uint32_t *out)
{
	uint64_t v;

	if (take_u64(p, 10, &v) < 0 || v > UINT32_MAX)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

int parse_u32_fields(const char *val, uint32_t *out, size_t n)
{
	const char *p = val;

	for (size_t i = 0; i < n; i++)
		if (take_u32(&p, &out[i]) < 0)
			return -1;
	return only_blanks(p) ? 0 : -1;
}

long parse_u32_list(const char *val, uint32_t *out, size_t cap)
{
	const char *p = val;
	long n = 0;

	while (!only_blanks(p)) {
		uint32_t v;

		if (take_u32(&p, &v) < 0)
			return -1;
		if ((size_t)n < cap)
			out[n] = v;
		n++;
	}
	return n;
}

int parse_status_creds(const char *text, struct status_creds *c, const char **bad)
{
	static const struct {
		const char *key;
		size_t off;
	} caps[] = {
		{ "CapInh", offsetof(struct status_creds, cap_inh) },
		{ "CapPrm", offsetof(struct status_creds, cap_prm) },
		{ "CapEff", offsetof(struct status_creds, cap_eff) },
		{ "CapBnd", offsetof(struct status_creds, cap_bnd) },
		{ "CapAmb", offsetof(struct status_creds, cap_amb) },
	};
	/* Groups can be long (NGROUPS_MAX is 65536): size the value buffer on
	 * the whole text, which holds it. */
	size_t cap = strlen(text) + 1;
	char *val = malloc(cap);
	long n;

	memset(c, 0, sizeof(*c));
	if (!val) {
		*bad = "out of memory";
		return -1;
	}
	*bad = "Uid";
	if (status_value(text, "Uid", val, cap) < 0 || parse_u32_fields(val, c->uid, 4) < 0)
		goto fail;
	*bad = "Gid";
	if (status_value(text, "Gid", val, cap) < 0 || parse_u32_fields(val, c->gid, 4) < 0)
		goto fail;
	*bad = "Groups";
	if (status_value(text, "Groups", val, cap) < 0 || (n = parse_u32_list(val, NULL, 0)) < 0)
		goto fail;
	c->groups = malloc(((size_t)n ? (size_t)n : 1) * sizeof(*c->groups));
	if (!c->groups)
		goto fail;
	c->ngroups = (size_t)parse_u32_list(val, c->groups, (size_t)n);
	for (size_t i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
		*bad = caps[i].key;
		if (status_value(text, caps[i].key, val, cap) < 0 || strlen(val) != 16 ||
		    parse_u64(val, 16, (uint64_t *)((char *)c + caps[i].off)) < 0)
			goto fail;
	}
	*bad = "NoNewPrivs";
	if (status_value(text, "NoNewPrivs", val, cap) < 0 ||
	    parse_u64(val, 10, &c->no_new_privs) < 0 || c->no_new_privs > 1)
		goto fail;
	*bad = "Seccomp";
	if (status_value(text, "Seccomp", val, cap) == 0 &&
	    (parse_u64(val, 10, &c->seccomp) < 0 || c->seccomp > 2))
		goto fail;
	free(val);
	*bad = NULL;
	return 0;
fail:
	free(val);
	status_creds_free(c);
	return -1;
}

void status_creds_free(struct status_creds *c)
{
	free(c->groups);
	c->groups = NULL;
	c->ngroups = 0;
}

/* Row titles as the kernel prints them (fs/proc/base.c lnames[]). */
static const struct {
	int resource;
	const char *title;
	const char *name;
} limit_names[LIMITS_COUNT] = {
	{ RLIMIT_CPU, "Max cpu time", "cpu" },
	{ RLIMIT_FSIZE, "Max file size", "fsize" },
	{ RLIMIT_DATA, "Max data size", "data" },
	{ RLIMIT_STACK, "Max stack size", "stack" },
	{ RLIMIT_CORE, "Max core file size", "core" },
	{ RLIMIT_RSS, "Max resident set", "rss" },
	{ RLIMIT_NPROC, "Max processes", "nproc" },
	{ RLIMIT_NOFILE, "Max open files", "nofile" },
	{ RLIMIT_MEMLOCK, "Max locked memory", "memlock" },
	{ RLIMIT_AS, "Max address space", "as" },
	{ RLIMIT_LOCKS, "Max file locks", "locks" },
	{ RLIMIT_SIGPENDING, "Max pending signals", "sigpending" },
	{ RLIMIT_MSGQUEUE, "Max msgqueue size", "msgqueue" },
	{ RLIMIT_NICE, "Max nice priority", "nice" },
	{ RLIMIT_RTPRIO, "Max realtime priority", "rtprio" },
	{ RLIMIT_RTTIME, "Max realtime timeout", "rttime" },
};

const char *limit_name(int resource)
{
	for (size_t i = 0; i < LIMITS_COUNT; i++)
		if (limit_names[i].resource == resource)
			return limit_names[i].name;
	return "?";
}

/* "unlimited" or a decimal number, advancing *p. */
static int take_limit(const char **p, uint64_t *out)
{
	const char *s = *p;

	while (is_blank(*s))
		s++;
	if (!strncmp(s, "unlimited", 9) && (s[9] == '\0' || is_blank(s[9]))) {
		*out = UINT64_MAX; /* RLIM_INFINITY */
		*p = s + 9;
		return 0;
	}
	if (!isdigit((unsigned char)*s))
		return -1;
	*p = s;
	return take_u64(p, 10, out);
}

int parse_limits(const char *text, struct limit_row rows[LIMITS_COUNT], const char **bad)
{
	bool seen[LIMITS_COUNT] = { false };
	const char *line = text;
	char buf[256];

	while (line && *line) {
		const char *eol = strchr(line, '\n');
		size_t len = eol ? (size_t)(eol - line) : strlen(line);
		const char *start = line;

		line = eol ? eol + 1 : NULL;
		if (len >= sizeof(buf))
			continue; /* not a row we know: those are short */
		memcpy(buf, start, len);
		buf[len] = '\0';

		for (size_t i = 0; i < LIMITS_COUNT; i++) {
			size_t tl = strlen(limit_names[i].title);
			int r = limit_names[i].resource;
			const char *p = buf + tl;

			if (strncmp(buf, limit_names[i].title, tl) || !is_blank(buf[tl]))
				continue;
			*bad = limit_names[i].name;
			if (r < 0 || r >= LIMITS_COUNT || seen[r])
				return -1;
			if (take_limit(&p, &rows[r].soft) < 0 || take_limit(&p, &rows[r].hard) < 0)
				return -1;
			rows[r].resource = r;
			rows[r].name = limit_names[i].name;
			seen[r] = true;
			break;
		}
	}
	for (size_t i = 0; i < LIMITS_COUNT; i++) {
		if (!seen[limit_names[i].resource]) {
			*bad = limit_names[i].name;
			return -1;
		}
	}
	*bad = NULL;
	return 0;
}
