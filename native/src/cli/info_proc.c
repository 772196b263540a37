/* One process of an image, for "stasis info" (text and --json). The
 * reader has validated the metadata, so references resolve and ranges
 * are sane; absent optional messages are simply not shown. */
#include "info.h"

#include <inttypes.h>
#include <string.h>

#include "info_fmt.h"

#define NONE "(none)"

static const char *const itimer_names[] = { "real", "virtual", "prof" };

uint64_t info_vma_pages(const Stasis__Vma *v)
{
	uint64_t n = 0;

	for (size_t i = 0; i < v->n_pages; i++)
		n += v->pages[i]->count;
	return n;
}

static const Stasis__OpenFile *find_file(const Stasis__Image *m, uint64_t id)
{
	for (size_t i = 0; i < m->n_files; i++)
		if (m->files[i]->id == id)
			return m->files[i];
	return NULL;
}

static const char *str_or(const char *s, const char *dflt)
{
	return s && *s ? s : dflt;
}

/* ---- text ------------------------------------------------------------- */

static void text_threads(FILE *f, const Stasis__Process *p)
{
	char mask[1024];

	fprintf(f, "  threads: %zu\n", p->n_threads);
	for (size_t i = 0; i < p->n_threads; i++) {
		const Stasis__Thread *t = p->threads[i];
		uint64_t pend = 0;

		for (size_t k = 0; k < t->n_pending; k++)
			pend |= 1ull << (t->pending[k]->signal - 1);
		fprintf(f, "    tid %u", t->tid);
		if (t->x86_64)
			fprintf(f, "  rip 0x%" PRIx64 "  rsp 0x%" PRIx64, t->x86_64->rip, t->x86_64->rsp);
		if (t->rseq && t->rseq->address)
			fprintf(f, "  rseq 0x%" PRIx64, t->rseq->address);
		fprintf(f, "\n      blocked: %s\n", *fmt_sigmask(mask, sizeof(mask), t->blocked) ? mask : NONE);
		if (pend)
			fprintf(f, "      pending: %s\n", fmt_sigmask(mask, sizeof(mask), pend));
	}
}

static void text_vmas(FILE *f, const Stasis__MmState *mm)
{
	char prot[8], size[32], kind[32];

	fprintf(f, "  memory: %zu vmas\n", mm->n_vmas);
	fprintf(f, "    %-33s %9s %4s %-13s %8s  %s\n", "range", "size", "prot", "kind", "stored", "name");
	for (size_t i = 0; i < mm->n_vmas; i++) {
		const Stasis__Vma *v = mm->vmas[i];

		fprintf(f, "    %016" PRIx64 "-%016" PRIx64 " %9s %4s %-13s %8" PRIu64 "  %s\n", v->start, v->end,
			fmt_bytes(size, sizeof(size), v->end - v->start), fmt_prot(prot, v->prot, v->flags),
			fmt_enum(kind, sizeof(kind), &stasis__vma_kind__descriptor, v->kind, "VMA_"),
			info_vma_pages(v), str_or(v->name, str_or(v->path, "")));
	}
}

static void text_fds(FILE *f, const Stasis__Image *m, const Stasis__Process *p)
{
	char kind[32], flags[128];

	fprintf(f, "  files: %zu fds\n", p->n_fds);
	for (size_t i = 0; i < p->n_fds; i++) {
		const Stasis__FileDescriptor *d = p->fds[i];
		const Stasis__OpenFile *o = find_file(m, d->file_id);

		fprintf(f, "    %4u %-9s %-16s pos %-10" PRIu64 " %s%s\n", d->fd,
			fmt_enum(kind, sizeof(kind), &stasis__file_kind__descriptor, o->kind, "FILE_"),
			fmt_open_flags(flags, sizeof(flags), o->flags), o->pos,
			str_or(o->path, o->kind == STASIS__FILE_KIND__FILE_PIPE ? "pipe" : "?"),
			d->cloexec ? " (cloexec)" : "");
	}
}

static void text_signals(FILE *f, const Stasis__SignalState *s)
{
	char name[32], mask[1024];
	uint64_t pend = 0;

	fprintf(f, "  signal handlers:%s\n", s->n_actions ? "" : " " NONE " (all default)");
	for (size_t i = 0; i < s->n_actions; i++) {
		const Stasis__SigAction *a = s->actions[i];

		fprintf(f, "    %-12s ", fmt_signal(name, sizeof(name), a->signal));
		if (a->handler == 1)
			fprintf(f, "ignored\n");
		else
			fprintf(f, "handler 0x%" PRIx64 " flags 0x%" PRIx64 " mask %s\n", a->handler, a->flags,
				*fmt_sigmask(mask, sizeof(mask), a->mask) ? mask : NONE);
	}
	for (size_t k = 0; k < s->n_shared_pending; k++)
		pend |= 1ull << (s->shared_pending[k]->signal - 1);
	if (pend)
		fprintf(f, "  pending (process): %s\n", fmt_sigmask(mask, sizeof(mask), pend));
}

static void text_limits(FILE *f, const Stasis__Process *p)
{
	char soft[32], hard[32];

	if (!p->n_rlimits)
		return;
	fprintf(f, "  rlimits:\n");
	for (size_t i = 0; i < p->n_rlimits; i++) {
		const Stasis__Rlimit *r = p->rlimits[i];

		fprintf(f, "    %-12s soft %-12s hard %s\n", str_or(r->name, "?"),
			fmt_rlimit(soft, sizeof(soft), r->resource, r->soft),
			fmt_rlimit(hard, sizeof(hard), r->resource, r->hard));
	}
}

static void text_creds(FILE *f, const Stasis__Creds *c)
{
	fprintf(f, "  creds: uid %u/%u/%u/%u gid %u/%u/%u/%u (real/effective/saved/fs)\n", c->uid,
		c->euid, c->suid, c->fsuid, c->gid, c->egid, c->sgid, c->fsgid);
	if (c->n_groups) {
		fprintf(f, "    groups:");
		for (size_t i = 0; i < c->n_groups; i++)
			fprintf(f, " %u", c->groups[i]);
		fprintf(f, "\n");
	}
	fprintf(f, "    caps: effective %016" PRIx64 " permitted %016" PRIx64 " inheritable %016" PRIx64
		   "\n          bounding %016" PRIx64 " ambient %016" PRIx64 "%s\n",
		c->cap_effective, c->cap_permitted, c->cap_inheritable, c->cap_bounding, c->cap_ambient,
		c->no_new_privs ? "  no_new_privs" : "");
}

void info_process_text(FILE *f, const Stasis__Image *m, const Stasis__Process *p)
{
	fprintf(f, "\nprocess %u (%s)%s\n", p->pid, str_or(p->comm, "?"),
		p->state == STASIS__PROCESS_STATE__PROCESS_ZOMBIE ? " zombie" : "");
	fprintf(f, "  ppid %u  pgid %u%s  sid %u%s\n", p->ppid, p->pgid,
		p->pgrp_outside_tree ? " (outside the image)" : "", p->sid,
		p->session_outside_tree ? " (outside the image)" : "");
	if (p->exe)
		fprintf(f, "  exe %s\n", p->exe);
	fprintf(f, "  cwd %s  root %s  umask %03o  nice %d\n", str_or(p->cwd, "?"), str_or(p->root, "?"),
		p->umask, p->nice);
	if (p->state == STASIS__PROCESS_STATE__PROCESS_ZOMBIE)
		fprintf(f, "  exit status 0x%x\n", (unsigned)p->exit_status);
	text_threads(f, p);
	if (p->mm)
		text_vmas(f, p->mm);
	text_fds(f, m, p);
	if (p->signals)
		text_signals(f, p->signals);
	text_limits(f, p);
	if (p->creds)
		text_creds(f, p->creds);
	for (size_t i = 0; i < p->n_itimers; i++)
		fprintf(f, "  itimer %s: %.6f s left, every %.6f s\n", itimer_names[p->itimers[i]->which],
			(double)p->itimers[i]->value_us / 1e6, (double)p->itimers[i]->interval_us / 1e6);
}

/* ---- JSON ------------------------------------------------------------- */

static void json_sigs(struct json_out *j, const char *key, Stasis__SigInfo **si, size_t n)
{
	char name[32];

	jo_arr_begin(j, key);
	for (size_t i = 0; i < n; i++)
		jo_str(j, NULL, fmt_signal(name, sizeof(name), si[i]->signal));
	jo_arr_end(j);
}

static void json_threads(struct json_out *j, const Stasis__Process *p)
{
	char mask[1024];

	jo_arr_begin(j, "threads");
	for (size_t i = 0; i < p->n_threads; i++) {
		const Stasis__Thread *t = p->threads[i];

		jo_obj_begin(j, NULL);
		jo_u64(j, "tid", t->tid);
		if (t->x86_64) {
			jo_hex(j, "ip", t->x86_64->rip);
			jo_hex(j, "sp", t->x86_64->rsp);
		}
		jo_str(j, "blocked", fmt_sigmask(mask, sizeof(mask), t->blocked));
		json_sigs(j, "pending", t->pending, t->n_pending);
		if (t->rseq)
			jo_hex(j, "rseq", t->rseq->address);
		jo_obj_end(j);
	}
	jo_arr_end(j);
}

static void json_vmas(struct json_out *j, const Stasis__MmState *mm)
{
	char prot[8], kind[32];

	jo_arr_begin(j, "vmas");
	for (size_t i = 0; mm && i < mm->n_vmas; i++) {
		const Stasis__Vma *v = mm->vmas[i];

		jo_obj_begin(j, NULL);
		jo_hex(j, "start", v->start);
		jo_hex(j, "end", v->end);
		jo_u64(j, "size", v->end - v->start);
		jo_str(j, "prot", fmt_prot(prot, v->prot, v->flags));
		jo_str(j, "kind", fmt_enum(kind, sizeof(kind), &stasis__vma_kind__descriptor, v->kind, "VMA_"));
		jo_str(j, "name", v->name ? v->name : "");
		if (v->path)
			jo_str(j, "path", v->path);
		jo_u64(j, "pages_stored", info_vma_pages(v));
		jo_obj_end(j);
	}
	jo_arr_end(j);
}

static void json_fds(struct json_out *j, const Stasis__Image *m, const Stasis__Process *p)
{
	char kind[32], flags[128];

	jo_arr_begin(j, "fds");
	for (size_t i = 0; i < p->n_fds; i++) {
		const Stasis__OpenFile *o = find_file(m, p->fds[i]->file_id);

		jo_obj_begin(j, NULL);
		jo_u64(j, "fd", p->fds[i]->fd);
		jo_u64(j, "file_id", o->id);
		jo_str(j, "kind", fmt_enum(kind, sizeof(kind), &stasis__file_kind__descriptor, o->kind, "FILE_"));
		jo_str(j, "path", o->path ? o->path : "");
		jo_str(j, "flags", fmt_open_flags(flags, sizeof(flags), o->flags));
		jo_u64(j, "pos", o->pos);
		jo_bool(j, "cloexec", p->fds[i]->cloexec);
		jo_obj_end(j);
	}
	jo_arr_end(j);
}

static void json_signals(struct json_out *j, const Stasis__SignalState *s)
{
	char name[32], mask[1024];

	jo_arr_begin(j, "signal_actions");
	for (size_t i = 0; s && i < s->n_actions; i++) {
		jo_obj_begin(j, NULL);
		jo_str(j, "signal", fmt_signal(name, sizeof(name), s->actions[i]->signal));
		jo_str(j, "action", s->actions[i]->handler == 1 ? "ignore" : "handler");
		jo_hex(j, "handler", s->actions[i]->handler);
		jo_hex(j, "flags", s->actions[i]->flags);
		jo_str(j, "mask", fmt_sigmask(mask, sizeof(mask), s->actions[i]->mask));
		jo_obj_end(j);
	}
	jo_arr_end(j);
	json_sigs(j, "pending", s ? s->shared_pending : NULL, s ? s->n_shared_pending : 0);
}

/* rlimits: numbers in the kernel's units; null means unlimited */
static void json_limits(struct json_out *j, const Stasis__Process *p)
{
	jo_arr_begin(j, "rlimits");
	for (size_t i = 0; i < p->n_rlimits; i++) {
		const Stasis__Rlimit *r = p->rlimits[i];

		jo_obj_begin(j, NULL);
		jo_str(j, "name", r->name);
		jo_u64(j, "resource", r->resource);
		if (r->soft == UINT64_MAX)
			jo_str(j, "soft", NULL);
		else
			jo_u64(j, "soft", r->soft);
		if (r->hard == UINT64_MAX)
			jo_str(j, "hard", NULL);
		else
			jo_u64(j, "hard", r->hard);
		jo_obj_end(j);
	}
	jo_arr_end(j);
}

static void json_creds(struct json_out *j, const Stasis__Creds *c)
{
	const struct { const char *k; uint32_t v; } ids[] = {
		{ "uid", c->uid }, { "euid", c->euid }, { "suid", c->suid }, { "fsuid", c->fsuid },
		{ "gid", c->gid }, { "egid", c->egid }, { "sgid", c->sgid }, { "fsgid", c->fsgid },
	};

	jo_obj_begin(j, "creds");
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		jo_u64(j, ids[i].k, ids[i].v);
	jo_arr_begin(j, "groups");
	for (size_t i = 0; i < c->n_groups; i++)
		jo_u64(j, NULL, c->groups[i]);
	jo_arr_end(j);
	jo_hex(j, "cap_effective", c->cap_effective);
	jo_hex(j, "cap_permitted", c->cap_permitted);
	jo_hex(j, "cap_inheritable", c->cap_inheritable);
	jo_hex(j, "cap_bounding", c->cap_bounding);
	jo_hex(j, "cap_ambient", c->cap_ambient);
	jo_bool(j, "no_new_privs", c->no_new_privs);
	jo_obj_end(j);
}

void info_process_json(struct json_out *j, const Stasis__Image *m, const Stasis__Process *p)
{
	jo_obj_begin(j, NULL);
	jo_u64(j, "pid", p->pid);
	jo_u64(j, "ppid", p->ppid);
	jo_u64(j, "pgid", p->pgid);
	jo_u64(j, "sid", p->sid);
	jo_str(j, "state", p->state == STASIS__PROCESS_STATE__PROCESS_ZOMBIE ? "zombie" : "alive");
	if (p->state == STASIS__PROCESS_STATE__PROCESS_ZOMBIE)
		jo_i64(j, "exit_status", p->exit_status);
	jo_str(j, "comm", p->comm);
	jo_arr_begin(j, "argv");
	for (size_t i = 0; i < p->n_argv; i++)
		jo_str(j, NULL, p->argv[i]);
	jo_arr_end(j);
	jo_str(j, "exe", p->exe);
	jo_str(j, "cwd", p->cwd);
	jo_str(j, "root", p->root);
	jo_u64(j, "umask", p->umask);
	jo_i64(j, "nice", p->nice);
	json_threads(j, p);
	json_vmas(j, p->mm);
	json_fds(j, m, p);
	json_signals(j, p->signals);
	json_limits(j, p);
	if (p->creds)
		json_creds(j, p->creds);
	jo_arr_begin(j, "itimers");
	for (size_t i = 0; i < p->n_itimers; i++) {
		jo_obj_begin(j, NULL);
		jo_str(j, "which", itimer_names[p->itimers[i]->which]);
		jo_u64(j, "value_us", p->itimers[i]->value_us);
		jo_u64(j, "interval_us", p->itimers[i]->interval_us);
		jo_obj_end(j);
	}
	jo_arr_end(j);
	jo_obj_end(j);
}
