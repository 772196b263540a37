/* "stasis info": per-process sections, as text and as JSON (info_proc.c),
 * called by cmd_info.c for each process of the tree. */
#ifndef STASIS_INFO_H
#define STASIS_INFO_H

#include <stdio.h>

#include "json_out.h"
#include "stasis/image.pb-c.h"

uint64_t info_vma_pages(const Stasis__Vma *v);
void info_process_text(FILE *f, const Stasis__Image *m, const Stasis__Process *p);
void info_process_json(struct json_out *j, const Stasis__Image *m, const Stasis__Process *p);

#endif
