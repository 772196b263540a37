/*
 * Copying a process's pages into the image: which pages exist (from
 * /proc/PID/pagemap, so never-touched memory costs nothing), and the copy
 * itself in large batches straight into the image's page cache.
 */
#ifndef STASIS_PAGES_H
#define STASIS_PAGES_H

#include <stdbool.h>
#include <stdint.h>

#include "dump.h"

enum page_select {
	PAGES_ANON,       /* present or swapped: private anonymous memory */
	PAGES_COW,        /* present-and-anonymous or swapped: dirty pages of a private file map */
};

struct page_copier;

/* Start copying pages of task t; reads through process_vm_readv, or
 * /proc/PID/mem for memory the process cannot read itself (PROT_NONE). */
struct page_copier *pages_begin(struct dump_ctx *ctx, struct dump_task *t);
/* Store the selected pages of [start, end) and append their runs to *vma. */
int pages_dump_range(struct page_copier *pc, Stasis__Vma *vma, enum page_select sel, bool readable);
/* Store the populated ranges of a shared memory object read through fd
 * (SEEK_DATA/SEEK_HOLE), mapped at vma->start from file offset vma->pgoff. */
int pages_dump_shmem(struct page_copier *pc, Stasis__Vma *vma, int fd);
/* Flush what is batched. */
int pages_end(struct page_copier *pc);

#endif
