/* Small helpers used across the engine. */
#ifndef STASIS_UTIL_H
#define STASIS_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#ifndef PAGE_SIZE /* <sys/user.h> has it too */
#define PAGE_SIZE 4096UL
#endif
#define PAGE_ALIGN_DOWN(x) ((x) & ~(PAGE_SIZE - 1))
#define PAGE_ALIGN_UP(x) (((x) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Set by SIGINT/SIGTERM in the stasis command: long loops check it and
 * unwind, leaving the tree as it was and no partial image behind. */
extern volatile int stasis_cancelled;

/* Allocation that never returns NULL: out of memory in the engine is fatal
 * with a message (the tree is released by the kernel when we exit). */
void *xmalloc(size_t n);
void *xzalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Read a whole small file (for /proc files) into a NUL-terminated buffer.
 * Returns the length or -1 with errno set. *out is malloc'ed.
 */
ssize_t read_file(const char *path, char **out);
/* Same, path formatted: read_filef(&buf, "/proc/%d/stat", pid). */
ssize_t read_filef(char **out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* readlink into a malloc'ed NUL-terminated string, or NULL with errno set. */
char *read_link(const char *path);

/* Full read/write loops: retry on EINTR and short transfers. 0 or -1. */
int write_all(int fd, const void *buf, size_t len);
int pread_all(int fd, void *buf, size_t len, off_t off);
int pwrite_all(int fd, const void *buf, size_t len, off_t off);

uint64_t now_ns(void);  /* CLOCK_MONOTONIC */

#endif
