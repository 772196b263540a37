#ifndef STASIS_PRIVILEGE_H
#define STASIS_PRIVILEGE_H

/* Fail early, with what to do, when this process lacks what dump and
 * restore need: root, or CAP_CHECKPOINT_RESTORE plus CAP_SYS_PTRACE (and
 * CAP_SYS_ADMIN for restoring /proc/PID/exe and shared memory).
 * action: "checkpoint" or "restore", used in the message. */
int privilege_require(const char *action);

#endif
