/*
 * A second thread that appends page data to the image while the first
 * reads the next batch out of the frozen process: the copy from the
 * process and the copy into the page cache overlap, so a dump runs at the
 * speed of the slower of the two instead of their sum.
 */
#ifndef STASIS_PAGE_WRITER_H
#define STASIS_PAGE_WRITER_H

#include <stddef.h>
#include <stdint.h>

#include "image.h"

struct page_writer;

struct page_writer *page_writer_start(struct img_writer *img, size_t buf_size);
/* A buffer to fill (waits until the writer has finished with it). NULL if
 * an earlier write failed (the error was reported). */
char *page_writer_buffer(struct page_writer *pw);
/* Queue len bytes of the buffer last returned; *offset gets where they will
 * sit in the PAGES section. */
int page_writer_queue(struct page_writer *pw, size_t len, uint64_t *offset);
/* Wait until everything queued is written. 0, or -1 if a write failed. */
int page_writer_drain(struct page_writer *pw);
/* Drain, stop the thread and free. 0, or -1 if a write failed. */
int page_writer_stop(struct page_writer *pw);

#endif
