#ifndef STASIS_FREEZE_H
#define STASIS_FREEZE_H

#include "dump.h"

/* Seize and stop root and all its descendants into ctx->tasks (parents
 * before children; zombies recorded but not seized). */
int freeze_tree(struct dump_ctx *ctx, pid_t root);
/* Put every process back as it was and let it run. */
void thaw_tree(struct dump_ctx *ctx);
/* Kill every process of the tree (after a successful dump with --kill). */
void kill_tree(struct dump_ctx *ctx);

#endif
