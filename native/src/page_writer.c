#include "page_writer.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "log.h"
#include "util.h"

#define NBUF 4

struct page_writer {
	struct img_writer *img;
	size_t buf_size;
	char *buf[NBUF];
	size_t len[NBUF];        /* queued bytes, 0 when the buffer is free */
	int next_fill;           /* buffer handed out by page_writer_buffer */
	int next_write;          /* buffer the thread writes next */
	uint64_t next_offset;    /* where the next queued bytes will land */
	bool stop, failed;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed;
};

static void *writer_main(void *arg)
{
	struct page_writer *pw = arg;

	pthread_mutex_lock(&pw->lock);
	for (;;) {
		int i = pw->next_write;
		uint64_t off;

		while (!pw->len[i] && !pw->stop)
			pthread_cond_wait(&pw->changed, &pw->lock);
		if (!pw->len[i])
			break;
		pthread_mutex_unlock(&pw->lock);
		/* Only this thread touches the image while pages are dumped. */
		int r = pw->failed ? -1 : img_pages_append(pw->img, pw->buf[i], pw->len[i], &off);

		pthread_mutex_lock(&pw->lock);
		if (r < 0)
			pw->failed = true;
		pw->len[i] = 0;
		pw->next_write = (i + 1) % NBUF;
		pthread_cond_broadcast(&pw->changed);
	}
	pthread_mutex_unlock(&pw->lock);
	return NULL;
}

struct page_writer *page_writer_start(struct img_writer *img, size_t buf_size)
{
	struct page_writer *pw = xzalloc(sizeof(*pw));

	pw->img = img;
	pw->buf_size = buf_size;
	pw->next_offset = img_pages_size(img);
	for (int i = 0; i < NBUF; i++) {
		/* Populated up front: faulting 64 MiB page by page during the
		 * freeze would cost more than the copy. */
		pw->buf[i] = mmap(NULL, buf_size, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
		if (pw->buf[i] == MAP_FAILED) {
			pr_perror("cannot allocate %zu MiB for copying memory", buf_size >> 20);
			while (i--)
				munmap(pw->buf[i], buf_size);
			free(pw);
			return NULL;
		}
	}
	pthread_mutex_init(&pw->lock, NULL);
	pthread_cond_init(&pw->changed, NULL);
	if (pthread_create(&pw->thread, NULL, writer_main, pw)) {
		pr_err("cannot start the image writer thread");
		for (int i = 0; i < NBUF; i++)
			munmap(pw->buf[i], buf_size);
		free(pw);
		return NULL;
	}
	return pw;
}

char *page_writer_buffer(struct page_writer *pw)
{
	char *b = NULL;

	pthread_mutex_lock(&pw->lock);
	while (pw->len[pw->next_fill] && !pw->failed)
		pthread_cond_wait(&pw->changed, &pw->lock);
	if (!pw->failed)
		b = pw->buf[pw->next_fill];
	pthread_mutex_unlock(&pw->lock);
	return b;
}

int page_writer_queue(struct page_writer *pw, size_t len, uint64_t *offset)
{
	pthread_mutex_lock(&pw->lock);
	*offset = pw->next_offset;
	pw->next_offset += len;
	pw->len[pw->next_fill] = len;
	pw->next_fill = (pw->next_fill + 1) % NBUF;
	pthread_cond_broadcast(&pw->changed);
	pthread_mutex_unlock(&pw->lock);
	return 0;
}

int page_writer_drain(struct page_writer *pw)
{
	int ret;

	pthread_mutex_lock(&pw->lock);
	for (int i = 0; i < NBUF; i++)
		while (pw->len[i] && !pw->failed)
			pthread_cond_wait(&pw->changed, &pw->lock);
	ret = pw->failed ? -1 : 0;
	pthread_mutex_unlock(&pw->lock);
	return ret;
}

int page_writer_stop(struct page_writer *pw)
{
	int ret = page_writer_drain(pw);

	pthread_mutex_lock(&pw->lock);
	pw->stop = true;
	pthread_cond_broadcast(&pw->changed);
	pthread_mutex_unlock(&pw->lock);
	pthread_join(pw->thread, NULL);
	for (int i = 0; i < NBUF; i++)
		munmap(pw->buf[i], pw->buf_size);
	pthread_mutex_destroy(&pw->lock);
	pthread_cond_destroy(&pw->changed);
	free(pw);
	return ret;
}
