/* Semantic checks of an image's metadata, run by the reader after the
 * container is known to be intact, so the rest of the engine can trust
 * counts, ranges and cross references (docs/image-format.md, "Metadata
 * rules"). Private to the image code. */
#ifndef STASIS_IMAGE_CHECK_H
#define STASIS_IMAGE_CHECK_H

#include <stdint.h>

#include "stasis/image.pb-c.h"

/* 0 if m is consistent with a PAGES section of pages_len bytes; else -1
 * after pr_err naming path, the process, the item and what is wrong. */
int img_check_meta(const char *path, const Stasis__Image *m, uint64_t pages_len);

#endif
