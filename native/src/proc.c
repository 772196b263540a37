#include "proc.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "util.h"

int proc_read_stat(pid_t pid, struct proc_stat *st)
{
	char *buf, *p, *close_paren;
	int n;

	if (read_filef(&buf, "/proc/%d/stat", pid) < 0)
		return -1;
	memset(st, 0, sizeof(*st));
	/* comm may hold spaces and parentheses: it ends at the last ')'. */
	p = strchr(buf, '(');
	close_paren = strrchr(buf, ')');
	if (!p || !close_paren || close_paren < p) {
		free(buf);
		errno = EINVAL;
		return -1;
	}
	st->pid = pid;
	size_t clen = (size_t)(close_paren - p - 1);

	if (clen >= sizeof(st->comm))
		clen = sizeof(st->comm) - 1;
	memcpy(st->comm, p + 1, clen);
	st->comm[clen] = '\0';

	/* Fields from 3 (state) on; see proc(5). */
	unsigned long long f[60] = { 0 };
	char state = '?';
	int count = 0;

	p = close_paren + 2;
	if (*p)
		state = *p++;
	while (*p && count < 60) {
		char *end;

		while (*p == ' ')
			p++;
		if (!*p || *p == '\n')
			break;
		if (*p == '-') /* nice and priority may be negative */
			f[count] = (unsigned long long)strtoll(p, &end, 10);
		else
			f[count] = strtoull(p, &end, 10);
		if (end == p)
			break;
		count++;
		p = end;
	}
	free(buf);
	n = count;
	if (n < 49) {
		errno = EINVAL;
		return -1;
	}
	/* f[k] is field number k + 4 of proc(5). */
#define FIELD(num) f[(num) - 4]
	st->state = state;
	st->ppid = (pid_t)FIELD(4);
	st->pgid = (pid_t)FIELD(5);
	st->sid = (pid_t)FIELD(6);
	st->tty_nr = (int)FIELD(7);
	st->nice = (long)(long long)FIELD(19);
	st->num_threads = (long)FIELD(20);
	st->start_time = FIELD(22);
	st->start_code = FIELD(26);
	st->end_code = FIELD(27);
	st->start_stack = FIELD(28);
	st->start_data = FIELD(45);
	st->end_data = FIELD(46);
	st->start_brk = FIELD(47);
	st->arg_start = FIELD(48);
	st->arg_end = FIELD(49);
	st->env_start = FIELD(50);
	st->env_end = FIELD(51);
	st->exit_code = (int)FIELD(52);
#undef FIELD
	return 0;
}

int proc_children(pid_t pid, pid_t **out)
{
	char path[64];
	DIR *d;
	struct dirent *de;
	pid_t *kids = NULL;
	int n = 0, cap = 0;

	*out = NULL;
	snprintf(path, sizeof(path), "/proc/%d/task", pid);
	d = opendir(path);
	if (!d)
		return -1;
	while ((de = readdir(d))) {
		char *buf, *p;

		if (de->d_name[0] == '.')
			continue;
		if (read_filef(&buf, "/proc/%d/task/%s/children", pid, de->d_name) < 0)
			continue; /* thread exited */
		for (p = buf; *p;) {
			char *end;
			long v = strtol(p, &end, 10);

			if (end == p)
				break;
			if (n == cap) {
				cap = cap ? cap * 2 : 16;
				kids = xrealloc(kids, (size_t)cap * sizeof(*kids));
			}
			kids[n++] = (pid_t)v;
			p = end;
		}
		free(buf);
	}
	closedir(d);
	*out = kids;
	return n;
}

char *proc_status_field(pid_t pid, const char *key)
{
	char *buf, *line, *res = NULL;
	size_t klen = strlen(key);

	if (read_filef(&buf, "/proc/%d/status", pid) < 0)
		return NULL;
	for (line = buf; line && *line;) {
		char *nl = strchr(line, '\n');

		if (nl)
			*nl = '\0';
		if (!strncmp(line, key, klen) && line[klen] == ':') {
			char *v = line + klen + 1;

			while (isspace((unsigned char)*v))
				v++;
			res = xstrdup(v);
			break;
		}
		line = nl ? nl + 1 : NULL;
	}
	free(buf);
	if (!res)
		errno = ENOENT;
	return res;
}

int proc_thread_count(pid_t pid)
{
	char *v = proc_status_field(pid, "Threads");
	int n;

	if (!v)
		return -1;
	n = atoi(v);
	free(v);
	return n;
}

static uint64_t parse_vmflags(const char *s)
{
	static const struct { const char *code; uint64_t bit; } map[] = {
		{ "gd", PROC_VMF_GROWSDOWN }, { "dc", PROC_VMF_DONTFORK },
		{ "dd", PROC_VMF_DONTDUMP }, { "wf", PROC_VMF_WIPEONFORK },
		{ "hg", PROC_VMF_HUGEPAGE }, { "nh", PROC_VMF_NOHUGEPAGE },
		{ "mg", PROC_VMF_MERGEABLE }, { "lo", PROC_VMF_LOCKED },
		{ "sr", PROC_VMF_SEQ_READ }, { "rr", PROC_VMF_RAND_READ },
	};
	uint64_t flags = 0;

	for (const char *p = s; *p;) {
		while (*p == ' ')
			p++;
		for (size_t i = 0; i < ARRAY_SIZE(map); i++)
			if (p[0] == map[i].code[0] && p[1] == map[i].code[1] &&
			    (p[2] == ' ' || p[2] == '\0' || p[2] == '\n'))
				flags |= map[i].bit;
		while (*p && *p != ' ')
			p++;
	}
	return flags;
}

/* Parse a maps line: "start-end perms offset major:minor inode   name" */
static int parse_maps_line(const char *line, struct proc_vma *v)
{
	char perms[8];
	int name_off = 0;
	unsigned long long start, end, off, ino;
	unsigned int maj, min;

	if (sscanf(line, "%llx-%llx %7s %llx %x:%x %llu %n", &start, &end, perms, &off, &maj, &min,
		   &ino, &name_off) < 7)
		return -1;
	memset(v, 0, sizeof(*v));
	v->start = start;
	v->end = end;
	v->pgoff = off;
	v->dev_major = maj;
	v->dev_minor = min;
	v->inode = ino;
	v->prot = (perms[0] == 'r' ? PROT_READ : 0) | (perms[1] == 'w' ? PROT_WRITE : 0) |
		  (perms[2] == 'x' ? PROT_EXEC : 0);
	v->shared = perms[3] == 's';
	const char *name = name_off ? line + name_off : "";
	size_t len = strlen(name);

	while (len && (name[len - 1] == '\n' || name[len - 1] == ' '))
		len--;
	static const char deleted[] = " (deleted)";
	const size_t dlen = sizeof(deleted) - 1;

	if (len > dlen && !memcmp(name + len - dlen, deleted, dlen)) {
		v->deleted = true;
		len -= dlen;
	}
	v->name = xmalloc(len + 1);
	memcpy(v->name, name, len);
	v->name[len] = '\0';
	return 0;
}

int proc_read_vmas(pid_t pid, struct proc_vma **out, size_t *n)
{
	char *buf, *line;
	struct proc_vma *v = NULL;
	size_t cnt = 0, cap = 0;

	*out = NULL;
	*n = 0;
	if (read_filef(&buf, "/proc/%d/smaps", pid) < 0)
		return -1;
	for (line = buf; line && *line;) {
		char *nl = strchr(line, '\n');

		if (nl)
			*nl = '\0';
		/* VMA header lines start with a hex address and a dash. */
		if (isxdigit((unsigned char)line[0]) && strchr(line, '-') &&
		    strchr(line, '-') < strchr(line, ' ')) {
			if (cnt == cap) {
				cap = cap ? cap * 2 : 64;
				v = xrealloc(v, cap * sizeof(*v));
			}
			if (parse_maps_line(line, &v[cnt]) == 0)
				cnt++;
		} else if (cnt && !strncmp(line, "Rss:", 4)) {
			v[cnt - 1].rss = strtoull(line + 4, NULL, 10) * 1024;
		} else if (cnt && !strncmp(line, "VmFlags:", 8)) {
			v[cnt - 1].vmflags = parse_vmflags(line + 8);
		}
		line = nl ? nl + 1 : NULL;
	}
	free(buf);
	*out = v;
	*n = cnt;
	return 0;
}

void proc_free_vmas(struct proc_vma *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}
