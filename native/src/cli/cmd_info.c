/* stasis info IMAGE [--json] [--verify]: what an image holds. Needs no
 * privileges beyond reading the file (images are mode 0600). */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "image.h"
#include "info.h"
#include "info_fmt.h"
#include "log.h"
#include "util.h"

/* The first line alone after a usage error; all of it for --help. */
static void usage(FILE *f)
{
	fputs("usage: stasis info IMAGE [--json] [--verify] [-v|-q]\n", f);
	if (f == stdout)
		fprintf(f, "  Show the header, the process tree and each process's threads, memory,\n"
			"  files, signals, limits and credentials. --verify also checks every\n"
			"  page checksum (reads the whole file).\n");
}

static uint64_t pages_stored(const Stasis__Image *m)
{
	uint64_t n = 0;

	for (size_t i = 0; i < m->n_processes; i++)
		for (size_t v = 0; m->processes[i]->mm && v < m->processes[i]->mm->n_vmas; v++)
			n += info_vma_pages(m->processes[i]->mm->vmas[v]);
	return n;
}

static void fmt_times(uint64_t ns, char *local, size_t lcap, char *iso, size_t icap)
{
	time_t t = (time_t)(ns / 1000000000u);
	struct tm tm;

	strftime(local, lcap, "%Y-%m-%d %H:%M:%S %Z", localtime_r(&t, &tm));
	strftime(iso, icap, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
}

static bool is_zero(const uint8_t id[16])
{
	static const uint8_t zero[16];

	return memcmp(id, zero, 16) == 0;
}

/* Process order for the tree: depth-first from each root, children in
 * image order. Parents come before children (the reader checked), so a
 * parent's index is always smaller and the tree has no cycles. */
struct tree {
	size_t *order, *depth;
};

static long parent_index(const Stasis__Image *m, size_t i)
{
	for (size_t k = 0; k < i; k++)
		if (m->processes[k]->pid == m->processes[i]->ppid)
			return (long)k;
	return -1;
}

static void build_tree(const Stasis__Image *m, struct tree *t)
{
	size_t n = m->n_processes, *stack = xmalloc(n * sizeof(size_t)), sp = 0, o = 0;
	long *parent = xmalloc(n * sizeof(long));

	t->order = xmalloc(n * sizeof(size_t));
	t->depth = xzalloc(n * sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		parent[i] = parent_index(m, i);
	for (size_t i = n; i-- > 0;) /* push roots, last first, so they pop in order */
		if (parent[i] < 0)
			stack[sp++] = i;
	while (sp) {
		size_t cur = stack[--sp];

		t->order[o++] = cur;
		for (size_t k = n; k-- > cur + 1;)
			if (parent[k] == (long)cur) {
				t->depth[k] = t->depth[cur] + 1;
				stack[sp++] = k;
			}
	}
	free(stack);
	free(parent);
}

static void print_text(const char *path, struct img_reader *r, const struct tree *t)
{
	const struct img_header_info *h = img_reader_header(r);
	const Stasis__Image *m = img_reader_meta(r);
	char local[64], iso[64], id[40], sz[32], sz2[32];
	uint64_t stored = pages_stored(m);

	fmt_times(h->created_unix_ns, local, sizeof(local), iso, sizeof(iso));
	printf("image     %s\n", path);
	printf("id        %s\n", fmt_id(id, h->image_id));
	printf("parent    %s\n", is_zero(h->parent_id) ? "(none: a full checkpoint)" : fmt_id(id, h->parent_id));
	printf("created   %s (%s)\n", local, iso);
	printf("host      %s, Linux %s, %s\n", h->hostname, h->kernel_release, h->arch);
	printf("format    %u.%u, written by stasis %s\n", h->format_major, h->format_minor,
	       m->stasis_version ? m->stasis_version : "?");
	printf("size      %s (%" PRIu64 " bytes)\n", fmt_bytes(sz, sizeof(sz), h->file_size), h->file_size);
	printf("pages     %" PRIu64 " stored, %s (page data section %s)\n", stored,
	       fmt_bytes(sz, sizeof(sz), stored * PAGE_SIZE),
	       fmt_bytes(sz2, sizeof(sz2), img_reader_pages_size(r)));
	if (m->has_freeze_ns)
		printf("frozen    %.3f s during the dump%s\n", (double)m->freeze_ns / 1e9,
		       m->killed_after_dump ? "; the tree was killed afterwards" : "");
	printf("\nprocess tree (%zu processes):\n", m->n_processes);
	for (size_t i = 0; i < m->n_processes; i++) {
		const Stasis__Process *p = m->processes[t->order[i]];

		printf("  %*s%u %s ", (int)(2 * t->depth[t->order[i]]), "", p->pid,
		       p->state == STASIS__PROCESS_STATE__PROCESS_ZOMBIE ? "zombie" : "alive");
		if (p->n_argv)
			for (size_t a = 0; a < p->n_argv; a++)
				printf("%s%s", a ? " " : "", p->argv[a]);
		else
			printf("[%s]", p->comm ? p->comm : "?");
		printf("\n");
	}
	for (size_t i = 0; i < m->n_processes; i++)
		info_process_text(stdout, m, m->processes[t->order[i]]);
}

/* verified: -1 not requested, 0 failed, 1 all checksums match */
static void print_json(const char *path, struct img_reader *r, const struct tree *t, int verified)
{
	const struct img_header_info *h = img_reader_header(r);
	const Stasis__Image *m = img_reader_meta(r);
	char local[64], iso[64], id[40], fmt[24];
	struct json_out j;

	fmt_times(h->created_unix_ns, local, sizeof(local), iso, sizeof(iso));
	snprintf(fmt, sizeof(fmt), "%u.%u", h->format_major, h->format_minor);
	jo_init(&j, stdout);
	jo_obj_begin(&j, NULL);
	jo_str(&j, "image", path);
	jo_str(&j, "format", fmt);
	jo_str(&j, "image_id", fmt_id(id, h->image_id));
	jo_str(&j, "parent_id", is_zero(h->parent_id) ? NULL : fmt_id(id, h->parent_id));
	jo_u64(&j, "created_unix_ns", h->created_unix_ns);
	jo_str(&j, "created", iso);
	jo_str(&j, "hostname", h->hostname);
	jo_str(&j, "kernel_release", h->kernel_release);
	jo_str(&j, "arch", h->arch);
	jo_str(&j, "stasis_version", m->stasis_version);
	jo_u64(&j, "file_size", h->file_size);
	jo_u64(&j, "pages_section_bytes", img_reader_pages_size(r));
	jo_u64(&j, "pages_stored", pages_stored(m));
	jo_u64(&j, "root_pid", m->root_pid);
	jo_bool(&j, "killed_after_dump", m->killed_after_dump);
	if (m->has_freeze_ns)
		jo_u64(&j, "freeze_ns", m->freeze_ns);
	if (verified >= 0)
		jo_bool(&j, "verified", verified == 1);
	jo_arr_begin(&j, "tree");
	for (size_t i = 0; i < m->n_processes; i++) {
		jo_obj_begin(&j, NULL);
		jo_u64(&j, "pid", m->processes[t->order[i]]->pid);
		jo_u64(&j, "depth", t->depth[t->order[i]]);
		jo_obj_end(&j);
	}
	jo_arr_end(&j);
	jo_arr_begin(&j, "processes");
	for (size_t i = 0; i < m->n_processes; i++)
		info_process_json(&j, m, m->processes[i]);
	jo_arr_end(&j);
	jo_obj_end(&j);
}

int cmd_info(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "verify", no_argument, NULL, 'V' },
		{ "help", no_argument, NULL, 'h' },
		CLI_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	bool verify = false;
	struct img_reader *r;
	struct tree t;
	int c, rc, verified = -1;

	while ((c = getopt_long(argc, argv, "Vh" CLI_COMMON_SHORTOPTS, longopts, NULL)) != -1) {
		switch (c) {
		case 'V':
			verify = true;
			break;
		default:
			if ((rc = cli_option_fallback(c, usage)) >= 0)
				return rc;
			break;
		}
	}
	if ((rc = cli_one_operand(argc, "info", "IMAGE", usage)) != 0)
		return rc;
	r = img_reader_open(argv[optind]);
	if (!r)
		return 1;
	if (verify)
		verified = img_reader_verify_all(r) == 0;
	build_tree(img_reader_meta(r), &t);
	if (cli_json())
		print_json(argv[optind], r, &t, verified);
	else
		print_text(argv[optind], r, &t);
	if (verify && !cli_json())
		printf("\nverify    %s\n", verified ? "all checksums match" : "FAILED (see the error above)");
	free(t.order);
	free(t.depth);
	img_reader_close(r);
	return verified == 0 ? 1 : 0;
}
