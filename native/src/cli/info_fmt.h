/* Turning image values into words for "stasis info": sizes, protections,
 * open flags, signal names, rlimit units, enum names. Each returns a
 * pointer to buf (or a constant). */
#ifndef STASIS_INFO_FMT_H
#define STASIS_INFO_FMT_H

#include <stddef.h>
#include <stdint.h>

#include <protobuf-c/protobuf-c.h>

/* "4 KiB", "1.5 GiB", "123 B" */
const char *fmt_bytes(char *buf, size_t cap, uint64_t n);
/* "rw-p" from PROT_* and MAP_SHARED in flags */
const char *fmt_prot(char *buf, uint32_t prot, uint32_t flags);
/* "rw|append|nonblock" from O_* status flags */
const char *fmt_open_flags(char *buf, size_t cap, uint32_t flags);
/* "SIGINT", "SIGRTMIN+3", "SIG32" */
const char *fmt_signal(char *buf, size_t cap, uint32_t sig);
/* "INT TERM USR1" from a mask where bit n-1 is signal n; "" if empty */
const char *fmt_sigmask(char *buf, size_t cap, uint64_t mask);
/* a limit in the unit its resource uses: "8 MiB", "1024", "60 s", "unlimited" */
const char *fmt_rlimit(char *buf, size_t cap, uint32_t resource, uint64_t value);
/* lower-case enum value name without its prefix: VMA_ANON_PRIVATE -> "anon_private" */
const char *fmt_enum(char *buf, size_t cap, const ProtobufCEnumDescriptor *d, int value,
		     const char *prefix);
/* "0123...ef" (32 hex digits) */
const char *fmt_id(char *buf, const uint8_t id[16]);

#endif
