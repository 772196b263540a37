/*
 * The image container: round trip through reserve/commit and append,
 * atomic replacement, a full disk, metadata rules, and format versioning.
 * Corrupt and hostile files are in test_image_corrupt.c.
 */
#include <dirent.h>
#include <errno.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/wait.h>

#include "image_fixture.h"
#include "unit.h"

static char dir[64], img_path[128];

static int count_temp_files(const char *d)
{
	DIR *dp = opendir(d);
	struct dirent *e;
	int n = 0;

	if (!dp)
		return -1;
	while ((e = readdir(dp)))
		if (e->d_name[0] == '.' && strstr(e->d_name, ".tmp"))
			n++;
	closedir(dp);
	return n;
}

static void t_roundtrip(void)
{
	struct fixture f;
	struct img_reader *r;
	const struct img_header_info *h;
	const Stasis__Image *m;
	struct stat st;
	uint8_t *buf;
	int q, bad;

	fixture_init(&f);
	CHECK(fixture_write(img_path, &f.img) == 0, "write failed");
	CHECK(stat(img_path, &st) == 0 && (st.st_mode & 0777) == 0600, "mode %o, want 0600", st.st_mode & 0777);
	CHECK(count_temp_files(dir) == 0, "temporary file left behind");
	r = img_reader_open(img_path);
	CHECK(r, "reader rejected a fresh image");
	h = img_reader_header(r);
	m = img_reader_meta(r);
	CHECK(h->format_major == IMG_FORMAT_MAJOR && h->format_minor == IMG_FORMAT_MINOR, "version %u.%u",
	      h->format_major, h->format_minor);
	CHECK(h->file_size == (uint64_t)st.st_size, "file size %llu", (unsigned long long)h->file_size);
	CHECK(h->created_unix_ns == f.img.created_unix_ns, "created time");
	CHECK(h->arch[0] && h->kernel_release[0] && h->hostname[0], "uname facts missing");
	CHECK(memcmp(h->image_id, (uint8_t[16]){ 0 }, 16) != 0, "image id is zero");
	CHECK(memcmp(h->parent_id, (uint8_t[16]){ 0 }, 16) == 0, "parent id set");
	CHECK(img_reader_pages_offset(r) == 4096, "pages at %llu", (unsigned long long)img_reader_pages_offset(r));
	CHECK(img_reader_pages_size(r) == FIX_PAGES, "pages size");
	CHECK(m->n_processes == 2 && m->processes[1]->pid == 101 && m->root_pid == 100, "processes");
	CHECK(m->processes[0]->n_argv == 2 && strcmp(m->processes[0]->argv[1], "--steps=9") == 0, "argv");
	CHECK(m->processes[0]->mm->n_vmas == 3 && m->processes[0]->mm->vmas[1]->pages[0]->offset == FIX_RESERVE,
	      "vmas");
	buf = malloc(FIX_PAGES);
	CHECK(pread_all(img_reader_fd(r), buf, FIX_PAGES, 4096) == 0, "read pages");
	for (uint64_t i = 0; i < FIX_PAGES; i++)
		if (buf[i] != pattern_byte(i)) {
			free(buf);
			img_reader_close(r);
			CHECK(0, "page byte %llu differs", (unsigned long long)i);
		}
	free(buf);
	CHECK(img_reader_verify_all(r) == 0, "verify_all");
	CHECK(img_reader_verify_pages(r, FIX_RESERVE, FIX_APPEND) == 0, "verify_pages tail");
	CHECK(img_reader_verify_pages(r, 0, 0) == 0, "verify_pages empty");
	q = quiet_begin();
	bad = img_reader_verify_pages(r, FIX_PAGES, 4096);
	quiet_end(q);
	CHECK(bad < 0, "verify_pages past the end accepted");
	img_reader_close(r);
}

static void t_no_pages(void)
{
	struct fixture f;
	struct img_writer *w;
	struct img_reader *r;

	fixture_init(&f);
	f.proc[0].mm = NULL;
	w = img_writer_create(img_path);
	CHECK(w && img_writer_finish(w, &f.img) == 0, "write");
	r = img_reader_open(img_path);
	CHECK(r && img_reader_pages_size(r) == 0, "read");
	CHECK(img_reader_verify_all(r) == 0, "verify");
	img_reader_close(r);
}

/* A damaged chunk is reported by the verify calls that cover it only. */
static void t_verify_catches_damage(void)
{
	struct fixture f;
	struct img_reader *r;
	int fd, q;
	uint8_t b;

	fixture_init(&f);
	CHECK(fixture_write(img_path, &f.img) == 0, "write");
	fd = open(img_path, O_RDWR);
	CHECK(fd >= 0 && pread(fd, &b, 1, 4096 + (2 << 20) + 5) == 1, "open");
	b ^= 0x40;
	CHECK(pwrite(fd, &b, 1, 4096 + (2 << 20) + 5) == 1, "write");
	close(fd);
	r = img_reader_open(img_path);
	CHECK(r, "open must not read page data");
	q = quiet_begin();
	int all = img_reader_verify_all(r), in = img_reader_verify_pages(r, (2 << 20) + 4096, 4096);
	int out = img_reader_verify_pages(r, 0, 4096), tail = img_reader_verify_pages(r, FIX_RESERVE, 4096);
	quiet_end(q);
	img_reader_close(r);
	CHECK(all < 0 && in < 0, "damage not found (all %d, chunk %d)", all, in);
	CHECK(out == 0 && tail == 0, "intact chunks reported (%d, %d)", out, tail);
}

static int write_then_abort(void *arg)
{
	struct img_writer *w = img_writer_create(arg);
	uint64_t off;
	void *m;

	if (!w)
		return -1;
	m = img_pages_reserve(w, 1 << 20, &off);
	if (!m)
		return -1;
	memset(m, 0xee, 1 << 20);
	img_writer_abort(w); /* with the mapping still outstanding */
	return 0;
}

static void t_abort_keeps_old(void)
{
	struct fixture f;
	size_t n1, n2;
	uint8_t *a, *b;
	int same;

	fixture_init(&f);
	CHECK(fixture_write(img_path, &f.img) == 0, "write");
	a = file_load(img_path, &n1);
	CHECK(write_then_abort(img_path) == 0, "abort path");
	b = file_load(img_path, &n2);
	same = a && b && n1 == n2 && memcmp(a, b, n1) == 0;
	free(a);
	free(b);
	CHECK(same, "destination changed by an aborted write");
	CHECK(count_temp_files(dir) == 0, "temporary file left behind");
}

static int finish_with_reservation(void *arg)
{
	struct fixture *f = arg;
	struct img_writer *w = img_writer_create(img_path);
	uint64_t off;
	int ret;

	if (!w || !img_pages_reserve(w, 4096, &off))
		return 0;
	ret = img_writer_finish(w, &f->img);
	img_writer_abort(w);
	return ret;
}

static void t_failed_finish_keeps_old(void)
{
	struct fixture f;
	char msg[512];
	size_t n1, n2;
	uint8_t *a, *b;
	int same;

	fixture_init(&f);
	CHECK(fixture_write(img_path, &f.img) == 0, "write");
	a = file_load(img_path, &n1);
	CHECK(capture_stderr(finish_with_reservation, &f, msg, sizeof(msg)) < 0, "finish succeeded");
	CHECK(strstr(msg, "img_pages_commit"), "message: %s", msg);
	b = file_load(img_path, &n2);
	same = a && b && n1 == n2 && memcmp(a, b, n1) == 0;
	free(a);
	free(b);
	CHECK(same, "destination changed by a failed finish");
	CHECK(count_temp_files(dir) == 0, "temporary file left behind");
}

static int create_in(void *arg)
{
	struct img_writer *w = img_writer_create(arg);

	img_writer_abort(w);
	return w ? 0 : -1;
}

static void t_bad_destinations(void)
{
	char msg[512];

	CHECK(capture_stderr(create_in, dir, msg, sizeof(msg)) < 0, "a directory was accepted");
	CHECK(strstr(msg, "is a directory"), "message: %s", msg);
	CHECK(capture_stderr(create_in, "/nonexistent-dir/x.stasis", msg, sizeof(msg)) < 0, "missing dir");
	CHECK(strstr(msg, "/nonexistent-dir"), "message: %s", msg);
}

/* Reserve more than the disk holds, then append until it is full: both
 * must fail (0) rather than succeed (-1). */
static int fill_disk(void *arg)
{
	struct img_writer *w = arg;
	uint8_t page[4096] = { 0 };
	uint64_t off;

	if (img_pages_reserve(w, 4 << 20, &off))
		return -1;
	for (int n = 0; n < 1000; n++)
		if (img_pages_append(w, page, sizeof(page), &off) < 0)
			return 0;
	return -1;
}

/*
 * A 1 MiB tmpfs in a private mount namespace: reserving 4 MiB must fail up
 * front with the clear message, and the old image must survive.
 */
static int enospc_child(const char *mnt)
{
	struct fixture f;
	char path[256], msg[1024];
	struct img_reader *r;
	struct img_writer *w;

	if (unshare(CLONE_NEWNS) < 0 || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0 ||
	    mount("tmpfs", mnt, "tmpfs", 0, "size=1m") < 0)
		return 10;
	snprintf(path, sizeof(path), "%s/old.stasis", mnt);
	fixture_init(&f);
	f.proc[0].mm = NULL;
	w = img_writer_create(path);
	if (!w || img_writer_finish(w, &f.img) < 0)
		return 11;
	w = img_writer_create(path);
	if (!w)
		return 12;
	if (capture_stderr(fill_disk, w, msg, sizeof(msg)) < 0)
		return 14;
	img_writer_abort(w);
	if (!strstr(msg, "not enough space on ") || !strstr(msg, "iB more")) {
		fprintf(stderr, "message was: %s\n", msg);
		return 15;
	}
	r = img_reader_open(path);
	if (!r)
		return 16;
	img_reader_close(r);
	return count_temp_files(mnt) == 0 ? 0 : 17;
}

static void t_enospc(void)
{
	char mnt[128];
	int st;
	pid_t pid;

	if (geteuid() != 0) {
		printf("# t_enospc needs root (mount in a private namespace): skipped\n");
		return;
	}
	snprintf(mnt, sizeof(mnt), "%s/small", dir);
	CHECK(mkdir(mnt, 0700) == 0, "mkdir");
	pid = fork();
	if (pid == 0)
		_exit(enospc_child(mnt));
	CHECK(waitpid(pid, &st, 0) == pid, "waitpid");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "child failed with status %d", WEXITSTATUS(st));
	rmdir(mnt);
}

/* Write f, expect the reader to refuse it with a message containing want. */
static int expect_rejected(const struct fixture *f, const char *want, char *msg, size_t cap)
{
	struct img_reader *r;
	int saved, fd;
	char tmp[] = "/tmp/stasis-unit-msg-XXXXXX";
	ssize_t n;

	if (fixture_write(img_path, &f->img) < 0)
		return -1;
	fd = mkstemp(tmp);
	unlink(tmp);
	saved = dup(2);
	dup2(fd, 2);
	r = img_reader_open(img_path);
	dup2(saved, 2);
	close(saved);
	n = pread(fd, msg, cap - 1, 0);
	msg[n > 0 ? n : 0] = '\0';
	close(fd);
	if (r) {
		img_reader_close(r);
		return -1;
	}
	return strstr(msg, want) ? 0 : -1;
}

#define META_CASE(name, edit, want)                                            \
	static void name(void)                                                 \
	{                                                                      \
		struct fixture f;                                              \
		char msg[1024];                                                \
		fixture_init(&f);                                              \
		edit;                                                          \
		CHECK(expect_rejected(&f, want, msg, sizeof(msg)) == 0,        \
		      "want \"%s\", got: %s", want, msg);                      \
	}

META_CASE(t_meta_no_processes, f.img.n_processes = 0, "holds no processes")
META_CASE(t_meta_dup_pid, f.proc[1].pid = 100, "pid 100 appears twice")
META_CASE(t_meta_parent_after_child, (f.proc[0].ppid = 101, f.proc[1].ppid = 1), "does not come before it")
META_CASE(t_meta_root_missing, f.img.root_pid = 5, "root pid 5")
META_CASE(t_meta_pid_range, f.proc[1].pid = 4194305, "pid out of range")
META_CASE(t_meta_vma_unaligned, f.vma[2].start += 1, "not page aligned")
META_CASE(t_meta_vma_overlap, f.vma[1].start = 0x10000000, "overlaps the one before")
META_CASE(t_meta_run_outside_vma, f.run[1].address = 0x20003000, "outside the vma")
META_CASE(t_meta_run_past_pages, f.run[1].offset = FIX_PAGES - 4096, "ends beyond the PAGES section")
META_CASE(t_meta_run_overflow, (f.run[1].offset = ~0ull & ~4095ull), "ends beyond the PAGES section")
META_CASE(t_meta_run_huge_count, f.run[0].count = ~0ull, "more than the vma holds")
META_CASE(t_meta_fd_dangling, f.fd.file_id = 8, "which the image does not list")
META_CASE(t_meta_no_threads, f.proc[1].n_threads = 0, "no threads")
META_CASE(t_meta_rlimit, f.rl.resource = 99, "resource 99")

/* For capture_stderr: 0 if the reader refuses path. */
static int open_fails(void *path)
{
	struct img_reader *r = img_reader_open(path);
	bool opened = r != NULL;

	img_reader_close(r);
	return opened ? -1 : 0;
}

static void t_future_major(void)
{
	size_t n;
	uint8_t *b;
	char msg[512];

	struct fixture f;

	fixture_init(&f);
	CHECK(fixture_write(img_path, &f.img) == 0, "write");
	b = file_load(img_path, &n);
	CHECK(b, "load");
	put16(b + H_MAJOR, 2);
	put16(b + H_MINOR, 3);
	fix_checksums(b, n);
	CHECK(file_store(img_path, b, n) == 0, "store");
	free(b);
	CHECK(capture_stderr(open_fails, img_path, msg, sizeof(msg)) == 0,
	      "accepted");
	CHECK(strstr(msg, "image format 2.3 is newer than this stasis (1.x): upgrade stasis"), "message: %s", msg);
}

/*
 * What a 1.x writer with x > 0 may do: a longer header (new fields before
 * the CRC) and an extra optional section. Readers of 1.0 accept it; an
 * unknown section marked required is refused.
 */
static uint8_t *add_section(uint8_t *b, size_t *n, uint32_t type, uint32_t flags)
{
	uint64_t toff = get64(b + H_TABLE_OFF);
	uint32_t count = get32(b + H_TABLE_COUNT), entsz = get32(b + H_TABLE_ENTSZ);
	const char data[] = "extension data!";
	uint64_t doff = toff, noff = toff + 16, end = noff + (uint64_t)(count + 1) * entsz;
	uint8_t *e, *out = calloc(1, end);

	memcpy(out, b, toff);
	memcpy(out + doff, data, 16);
	memcpy(out + noff, b + toff, (size_t)count * entsz);
	e = out + noff + (size_t)count * entsz;
	put32(e + S_TYPE, type);
	put32(e + S_FLAGS, flags);
	put64(e + S_OFFSET, doff);
	put64(e + S_LENGTH, 16);
	put64(out + H_TABLE_OFF, noff);
	put32(out + H_TABLE_COUNT, count + 1);
	put64(out + H_FILE_SIZE, end);
	/* a 1.1 header: 8 more bytes of fields, the CRC moves to the end */
	put32(out + H_SIZE, 264);
	put16(out + H_MINOR, 1);
	memset(out + 252, 0xab, 8);
	fix_checksums(out, end);
	free(b);
	*n = end;
	return out;
}

static void t_future_minor(void)
{
	struct fixture f;
	struct img_reader *r;
	size_t n;
	uint8_t *b;
	char msg[512];

	fixture_init(&f);
	CHECK(fixture_write(img_path, &f.img) == 0, "write");
	b = add_section(file_load(img_path, &n), &n, 99, 0);
	CHECK(file_store(img_path, b, n) == 0, "store");
	free(b);
	r = img_reader_open(img_path);
	CHECK(r, "a 1.1 image with an optional section was refused");
	CHECK(img_reader_header(r)->format_minor == 1, "minor");
	CHECK(img_reader_verify_all(r) == 0, "verify_all");
	img_reader_close(r);

	CHECK(fixture_write(img_path, &f.img) == 0, "write");
	b = add_section(file_load(img_path, &n), &n, 99, IMG_SF_REQUIRED);
	CHECK(file_store(img_path, b, n) == 0, "store");
	free(b);
	CHECK(capture_stderr(open_fails, img_path, msg, sizeof(msg)) == 0,
	      "required unknown section accepted");
	CHECK(strstr(msg, "type 99") && strstr(msg, "upgrade stasis"), "message: %s", msg);
}

/* A text-mode copy (LF -> CR LF, or CR LF -> LF) is named as such. */
static void t_text_mode(void)
{
	struct fixture f;
	size_t n, o = 0;
	uint8_t *b, *t;
	char msg[512];

	fixture_init(&f);
	CHECK(fixture_write(img_path, &f.img) == 0, "write");
	b = file_load(img_path, &n);
	t = malloc(2 * n);
	for (size_t i = 0; i < n; i++) {
		if (b[i] == '\n' && (i == 0 || b[i - 1] != '\r'))
			t[o++] = '\r';
		t[o++] = b[i];
	}
	CHECK(file_store(img_path, t, o) == 0, "store");
	o = 0;
	for (size_t i = 0; i < n; i++)
		if (!(b[i] == '\r' && i + 1 < n && b[i + 1] == '\n'))
			t[o++] = b[i];
	free(b);
	if (capture_stderr(open_fails, img_path, msg, sizeof(msg)) != 0 || !strstr(msg, "text mode")) {
		free(t);
		CHECK(0, "LF->CRLF: %s", msg);
	}
	n = file_store(img_path, t, o) == 0;
	free(t);
	CHECK(n, "store");
	CHECK(capture_stderr(open_fails, img_path, msg, sizeof(msg)) == 0, "CRLF->LF accepted");
	CHECK(strstr(msg, "text mode"), "CRLF->LF message: %s", msg);
}

static void t_permission_message(void)
{
	struct fixture f;
	char msg[512];
	pid_t pid;
	int st, fd;

	if (geteuid() != 0) {
		printf("# t_permission_message needs root to switch users: skipped\n");
		return;
	}
	fixture_init(&f);
	CHECK(fixture_write(img_path, &f.img) == 0, "write");
	chmod(dir, 0755);
	{
		char tmp[] = "/tmp/stasis-unit-perm-XXXXXX";

		fd = mkstemp(tmp);
		unlink(tmp);
	}
	CHECK(fd >= 0, "mkstemp");
	pid = fork();
	if (pid == 0) {
		dup2(fd, 2);
		if (setgid(65534) < 0 || setuid(65534) < 0)
			_exit(3);
		_exit(img_reader_open(img_path) ? 1 : 0);
	}
	waitpid(pid, &st, 0);
	chmod(dir, 0700);
	ssize_t n = pread(fd, msg, sizeof(msg) - 1, 0);
	msg[n > 0 ? n : 0] = '\0';
	close(fd);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "status %d", WEXITSTATUS(st));
	CHECK(strstr(msg, "permission denied") && strstr(msg, "0600"), "message: %s", msg);
}

int main(void)
{
	char cmd[128];

	snprintf(dir, sizeof(dir), "/tmp/stasis-unit-XXXXXX");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(img_path, sizeof(img_path), "%s/test.stasis", dir);
	RUN(t_roundtrip);
	RUN(t_no_pages);
	RUN(t_verify_catches_damage);
	RUN(t_abort_keeps_old);
	RUN(t_failed_finish_keeps_old);
	RUN(t_bad_destinations);
	RUN(t_enospc);
	RUN(t_meta_no_processes);
	RUN(t_meta_dup_pid);
	RUN(t_meta_parent_after_child);
	RUN(t_meta_root_missing);
	RUN(t_meta_pid_range);
	RUN(t_meta_vma_unaligned);
	RUN(t_meta_vma_overlap);
	RUN(t_meta_run_outside_vma);
	RUN(t_meta_run_past_pages);
	RUN(t_meta_run_overflow);
	RUN(t_meta_run_huge_count);
	RUN(t_meta_fd_dangling);
	RUN(t_meta_no_threads);
	RUN(t_meta_rlimit);
	RUN(t_future_major);
	RUN(t_future_minor);
	RUN(t_text_mode);
	RUN(t_permission_message);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return unit_done();
}
