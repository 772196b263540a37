/*
 * Restore's page filling, on every core: worker threads copy stored pages
 * from a mapping of the image straight into the new processes
 * (process_vm_writev), and in between verify the page checksums of the
 * whole image. Copies go first, so a puppet never waits for verification;
 * verification must be complete (and clean) before any process is let go.
 */
#ifndef STASIS_PAGE_POOL_H
#define STASIS_PAGE_POOL_H

#include <stdint.h>
#include <sys/types.h>

#include "image.h"

struct page_pool;

struct page_pool *page_pool_start(struct img_reader *img);
/* Copy len bytes at offset off of the PAGES section to addr in pid. */
void page_pool_copy(struct page_pool *pp, pid_t pid, uint64_t addr, uint64_t off, uint64_t len);
/* Wait until every queued copy is done: 0, or -1 (reported). */
int page_pool_wait_copies(struct page_pool *pp);
/* Wait for everything including verification, stop the threads, free.
 * 0 only if every copy succeeded and every checksum matched. */
int page_pool_finish(struct page_pool *pp);

/* Stop without finishing the work (restore failed anyway). */
void page_pool_abort(struct page_pool *pp);

#endif
