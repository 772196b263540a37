/* Memory helpers the restore core shares with the mm resource. */
#ifndef STASIS_RES_MM_H
#define STASIS_RES_MM_H

#include <stdint.h>

#include "restore.h"

/* Bits of Vma.madvise: the VmFlags advice restore re-applies. */
#define STASIS_MADV_DONTFORK (1u << 1)
#define STASIS_MADV_DONTDUMP (1u << 2)
#define STASIS_MADV_WIPEONFORK (1u << 3)
#define STASIS_MADV_HUGEPAGE (1u << 4)
#define STASIS_MADV_NOHUGEPAGE (1u << 5)
#define STASIS_MADV_MERGEABLE (1u << 6)

/* True if [start, end) overlaps no VMA of the image process. */
bool mm_range_free(const Stasis__Process *p, uint64_t start, uint64_t end);

#endif
