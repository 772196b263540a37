/* Parsing /proc/PID files. Every function tolerates a process that exits
 * mid-read: it returns -1 with errno ESRCH or ENOENT and no message, and the
 * caller decides whether that is an error. */
#ifndef STASIS_PROC_H
#define STASIS_PROC_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct proc_stat {
	pid_t pid, ppid, pgid, sid;
	char state;             /* R S D T t Z X ... */
	char comm[64];
	int tty_nr;
	long nice;
	long num_threads;
	unsigned long long start_time;
	unsigned long start_code, end_code, start_stack;
	unsigned long start_data, end_data, start_brk;
	unsigned long arg_start, arg_end, env_start, env_end;
	int exit_code;          /* field 52: wait status of a zombie */
};

int proc_read_stat(pid_t pid, struct proc_stat *st);

/* Children of every thread of pid (/proc/PID/task/TID/children). *out is
 * malloc'ed; returns the count or -1. */
int proc_children(pid_t pid, pid_t **out);
/* Number of threads, from /proc/PID/status "Threads:" (-1 on error). */
int proc_thread_count(pid_t pid);
/* A "Key:" line of /proc/PID/status as text (value trimmed), malloc'ed. */
char *proc_status_field(pid_t pid, const char *key);

/* One line of /proc/PID/smaps, with the VmFlags that matter. */
struct proc_vma {
	uint64_t start, end, pgoff;
	uint32_t prot;          /* PROT_* */
	bool shared;            /* 's' in maps; else private */
	uint32_t dev_major, dev_minor;
	uint64_t inode;
	char *name;             /* path, "[heap]", "" ... (malloc'ed) */
	bool deleted;           /* path ends in " (deleted)" (stripped from name) */
	uint64_t vmflags;       /* PROC_VMF_* */
	uint64_t rss;           /* resident bytes (smaps Rss) */
};

#define PROC_VMF_GROWSDOWN (1u << 0)  /* gd */
#define PROC_VMF_DONTFORK  (1u << 1)  /* dc */
#define PROC_VMF_DONTDUMP  (1u << 2)  /* dd */
#define PROC_VMF_WIPEONFORK (1u << 3) /* wf */
#define PROC_VMF_HUGEPAGE  (1u << 4)  /* hg */
#define PROC_VMF_NOHUGEPAGE (1u << 5) /* nh */
#define PROC_VMF_MERGEABLE (1u << 6)  /* mg */
#define PROC_VMF_LOCKED    (1u << 7)  /* lo */
#define PROC_VMF_SEQ_READ  (1u << 8)  /* sr */
#define PROC_VMF_RAND_READ (1u << 9)  /* rr */

/* All VMAs of pid from /proc/PID/smaps, sorted by address. */
int proc_read_vmas(pid_t pid, struct proc_vma **out, size_t *n);
void proc_free_vmas(struct proc_vma *v, size_t n);

#endif
