/*
 * Messages for people and for programs.
 *
 * Every message goes to stderr as one line ("stasis: pid 4711: fd 5: ...")
 * and, when --json is on, also to stdout as one JSON event, so the workbench
 * shows the same words a terminal user reads. Messages about a process name
 * its pid and the resource; errors say what the user can do.
 */
#ifndef STASIS_LOG_H
#define STASIS_LOG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

enum log_level { LOG_ERROR, LOG_WARN, LOG_INFO, LOG_DEBUG };

void log_init(bool json, int verbosity);
bool log_json_enabled(void);

void log_msg(enum log_level level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define pr_err(...) log_msg(LOG_ERROR, __VA_ARGS__)
#define pr_warn(...) log_msg(LOG_WARN, __VA_ARGS__)
#define pr_info(...) log_msg(LOG_INFO, __VA_ARGS__)
#define pr_debug(...) log_msg(LOG_DEBUG, __VA_ARGS__)
/* errno text appended: pr_perror("pid %d: cannot open %s", pid, path) */
#define pr_perror(fmt, ...) log_msg(LOG_ERROR, fmt ": %m", ##__VA_ARGS__)

/*
 * JSON progress stream (one object per line on stdout, only with --json).
 * phase: "freeze", "dump-memory", "write", "restore-memory", ...
 * done/total: units of work (pages for memory phases).
 */
void log_progress(const char *phase, uint64_t done, uint64_t total);

/* A final result event: {"event":"result","ok":true,...fields}. The fields
 * string is a comma-separated list of already-encoded JSON members, or NULL. */
void log_result(bool ok, const char *fields);

/* Append s to out (capacity cap) as a JSON string literal with quotes. */
void json_quote(char *out, size_t cap, const char *s);

#endif
