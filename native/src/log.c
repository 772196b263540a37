#include "log.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static bool json_on;
static int verbosity = 1; /* 0 errors+warnings, 1 +info, 2 +debug */

void log_init(bool json, int v)
{
	json_on = json;
	verbosity = v;
}

bool log_json_enabled(void)
{
	return json_on;
}

void json_quote(char *out, size_t cap, const char *s)
{
	size_t o = 0;

#define PUT(c) do { if (o + 1 < cap) out[o++] = (c); } while (0)
	PUT('"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			PUT('\\');
			PUT((char)c);
		} else if (c == '\n') {
			PUT('\\');
			PUT('n');
		} else if (c < 0x20) {
			char esc[8];

			snprintf(esc, sizeof(esc), "\\u%04x", c);
			for (char *e = esc; *e; e++)
				PUT(*e);
		} else {
			PUT((char)c);
		}
	}
	PUT('"');
#undef PUT
	out[o < cap ? o : cap - 1] = '\0';
}

static const char *const level_names[] = { "error", "warning", "info", "debug" };

void log_msg(enum log_level level, const char *fmt, ...)
{
	int saved_errno = errno; /* %m in fmt must see the caller's errno */
	char text[2048];
	va_list ap;

	if ((level == LOG_INFO && verbosity < 1) || (level == LOG_DEBUG && verbosity < 2))
		return;
	va_start(ap, fmt);
	errno = saved_errno;
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);

	if (level <= LOG_WARN || !json_on)
		fprintf(stderr, "stasis: %s%s\n",
			level == LOG_ERROR ? "error: " : level == LOG_WARN ? "warning: " : "", text);
	if (json_on) {
		char q[4200];

		json_quote(q, sizeof(q), text);
		printf("{\"event\":\"message\",\"level\":\"%s\",\"text\":%s}\n", level_names[level], q);
		fflush(stdout);
	}
	errno = saved_errno;
}

void log_progress(const char *phase, uint64_t done, uint64_t total)
{
	if (!json_on)
		return;
	printf("{\"event\":\"progress\",\"phase\":\"%s\",\"done\":%llu,\"total\":%llu}\n",
	       phase, (unsigned long long)done, (unsigned long long)total);
	fflush(stdout);
}

void log_result(bool ok, const char *fields)
{
	if (!json_on)
		return;
	printf("{\"event\":\"result\",\"ok\":%s%s%s}\n", ok ? "true" : "false",
	       fields && *fields ? "," : "", fields ? fields : "");
	fflush(stdout);
}
