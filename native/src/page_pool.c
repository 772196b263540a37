#include "page_pool.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <unistd.h>

#include "log.h"
#include "util.h"

/* Work comes in checksum chunks: a worker checks a chunk's CRC32C and then
 * copies it while it is still in the cache, so verification costs no
 * second read of the image. */
#define COPY_STEP IMG_PAGES_CHUNK

struct copy_job {
	pid_t pid;
	uint64_t addr, off, len;
};

struct page_pool {
	struct img_reader *img;
	const uint8_t *pages;       /* the PAGES section, mapped read-only */
	uint64_t pages_len;
	size_t map_len;
	void *map_base;
	struct copy_job *copies;
	size_t ncopies, copies_cap, next_copy, copies_done;
	uint8_t *verified;          /* per chunk: 0 not yet, 1 verified (atomic) */
	uint64_t nchunks, next_verify;
	size_t busy;                /* workers inside a job */
	bool failed, stop;
	pthread_t *threads;
	size_t nthreads;
	pthread_mutex_t lock;
	pthread_cond_t work, done;
};

/* Verify chunk c once, whichever worker gets there first. */
static int verify_chunk(struct page_pool *pp, uint64_t c)
{
	uint64_t start = c * IMG_PAGES_CHUNK, len = pp->pages_len - start;
	uint32_t crc;

	if (__atomic_exchange_n(&pp->verified[c], 1, __ATOMIC_ACQ_REL))
		return 0;
	if (len > IMG_PAGES_CHUNK)
		len = IMG_PAGES_CHUNK;
	crc = crc32c(0, pp->pages + start, len);
	if (crc == img_reader_chunk_sum(pp->img, c))
		return 0;
	pr_err("image %s: page data is damaged: chunk %llu (bytes %llu..%llu of the page data) has "
	       "CRC32C %08x, the image recorded %08x; nothing was restored",
	       img_reader_path(pp->img), (unsigned long long)c, (unsigned long long)start,
	       (unsigned long long)(start + len - 1), crc, img_reader_chunk_sum(pp->img, c));
	return -1;
}

static int do_copy(struct page_pool *pp, const struct copy_job *j)
{
	struct iovec local = { (void *)(pp->pages + j->off), j->len };
	struct iovec remote = { (void *)(uintptr_t)j->addr, j->len };
	ssize_t n;

	for (uint64_t c = j->off / IMG_PAGES_CHUNK; c <= (j->off + j->len - 1) / IMG_PAGES_CHUNK; c++)
		if (verify_chunk(pp, c) < 0)
			return -1;
	n = process_vm_writev(j->pid, &local, 1, &remote, 1, 0);
	/* Drop our view of what is copied: the image stays in the page cache
	 * but is no longer counted as restore's own memory. */
	madvise((void *)(pp->pages + j->off), j->len, MADV_DONTNEED);
	if (n == (ssize_t)j->len)
		return 0;
	if (n < 0)
		pr_perror("pid %d: cannot write %llu bytes of memory at 0x%llx", j->pid,
			  (unsigned long long)j->len, (unsigned long long)j->addr);
	else
		pr_err("pid %d: wrote only %zd of %llu bytes of memory at 0x%llx", j->pid, n,
		       (unsigned long long)j->len, (unsigned long long)j->addr);
	return -1;
}

static void *worker(void *arg)
{
	struct page_pool *pp = arg;

	pthread_mutex_lock(&pp->lock);
	for (;;) {
		int r;

		if (pp->next_copy < pp->ncopies) {
			struct copy_job j = pp->copies[pp->next_copy++];

			pp->busy++;
			pthread_mutex_unlock(&pp->lock);
			r = pp->failed ? -1 : do_copy(pp, &j);
			pthread_mutex_lock(&pp->lock);
			pp->copies_done++;
		} else if (pp->stop && pp->next_verify < pp->nchunks && !pp->failed) {
			/* Chunks no copy touched (shared memory stored once) */
			uint64_t c = pp->next_verify++;

			pp->busy++;
			pthread_mutex_unlock(&pp->lock);
			r = verify_chunk(pp, c);
			pthread_mutex_lock(&pp->lock);
		} else if (pp->stop) {
			break;
		} else {
			pthread_cond_wait(&pp->work, &pp->lock);
			continue;
		}
		pp->busy--;
		if (r < 0)
			pp->failed = true;
		pthread_cond_broadcast(&pp->done);
	}
	pthread_mutex_unlock(&pp->lock);
	return NULL;
}

struct page_pool *page_pool_start(struct img_reader *img)
{
	struct page_pool *pp = xzalloc(sizeof(*pp));
	uint64_t off = img_reader_pages_offset(img);
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);

	pp->img = img;
	pp->pages_len = img_reader_pages_size(img);
	if (pp->pages_len) {
		/* The section starts 4 KiB aligned; mmap wants the system page. */
		uint64_t base = off - off % (uint64_t)sysconf(_SC_PAGESIZE);

		pp->map_len = pp->pages_len + (off - base);
		pp->map_base = mmap(NULL, pp->map_len, PROT_READ, MAP_SHARED, img_reader_fd(img),
				    (off_t)base);
		if (pp->map_base == MAP_FAILED) {
			pr_perror("cannot map the image's page data (%llu MiB)",
				  (unsigned long long)pp->pages_len >> 20);
			free(pp);
			return NULL;
		}
		madvise(pp->map_base, pp->map_len, MADV_SEQUENTIAL);
		pp->pages = (const uint8_t *)pp->map_base + (off - base);
	}
	pp->nchunks = img_reader_chunk_count(img);
	pp->verified = xzalloc(pp->nchunks + 1);
	pthread_mutex_init(&pp->lock, NULL);
	pthread_cond_init(&pp->work, NULL);
	pthread_cond_init(&pp->done, NULL);
	pp->nthreads = ncpu > 1 ? (size_t)(ncpu < 8 ? ncpu : 8) : 1;
	pp->threads = xzalloc(pp->nthreads * sizeof(*pp->threads));
	for (size_t i = 0; i < pp->nthreads; i++) {
		if (pthread_create(&pp->threads[i], NULL, worker, pp)) {
			pr_err("cannot start page worker threads");
			pp->nthreads = i;
			page_pool_finish(pp);
			return NULL;
		}
	}
	return pp;
}

void page_pool_copy(struct page_pool *pp, pid_t pid, uint64_t addr, uint64_t off, uint64_t len)
{
	pthread_mutex_lock(&pp->lock);
	for (uint64_t done = 0, n; done < len; done += n) {
		/* Cut at chunk boundaries: one job, one chunk to verify. */
		n = COPY_STEP - (off + done) % COPY_STEP;
		if (n > len - done)
			n = len - done;

		if (pp->ncopies == pp->copies_cap) {
			pp->copies_cap = pp->copies_cap ? pp->copies_cap * 2 : 256;
			pp->copies = xrealloc(pp->copies, pp->copies_cap * sizeof(*pp->copies));
		}
		pp->copies[pp->ncopies++] = (struct copy_job){ pid, addr + done, off + done, n };
	}
	pthread_cond_broadcast(&pp->work);
	pthread_mutex_unlock(&pp->lock);
}

int page_pool_wait_copies(struct page_pool *pp)
{
	int ret;

	pthread_mutex_lock(&pp->lock);
	while (pp->copies_done < pp->ncopies)
		pthread_cond_wait(&pp->done, &pp->lock);
	ret = pp->failed ? -1 : 0;
	pthread_mutex_unlock(&pp->lock);
	return ret;
}

int page_pool_finish(struct page_pool *pp)
{
	int ret;

	pthread_mutex_lock(&pp->lock);
	pp->stop = true;
	pthread_cond_broadcast(&pp->work);
	pthread_mutex_unlock(&pp->lock);
	for (size_t i = 0; i < pp->nthreads; i++)
		pthread_join(pp->threads[i], NULL);
	/* Workers exit only when nothing is left, unless something failed. */
	ret = pp->failed || pp->next_verify < pp->nchunks ? -1 : 0;
	if (pp->map_base && pp->map_base != MAP_FAILED)
		munmap(pp->map_base, pp->map_len);
	pthread_mutex_destroy(&pp->lock);
	pthread_cond_destroy(&pp->work);
	pthread_cond_destroy(&pp->done);
	free(pp->copies);
	free(pp->verified);
	free(pp->threads);
	free(pp);
	return ret;
}

void page_pool_abort(struct page_pool *pp)
{
	pthread_mutex_lock(&pp->lock);
	pp->failed = true; /* skips the remaining copies and checks */
	pthread_mutex_unlock(&pp->lock);
	page_pool_finish(pp);
}
