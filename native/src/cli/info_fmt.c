#include "info_fmt.h"

#include <ctype.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>

const char *fmt_bytes(char *buf, size_t cap, uint64_t n)
{
	static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
	double v = (double)n;
	int u = 0;

	while (v >= 1024 && u < 6) {
		v /= 1024;
		u++;
	}
	if (u == 0 || v >= 100 || v == (double)(uint64_t)v)
		snprintf(buf, cap, "%.0f %s", v, units[u]);
	else
		snprintf(buf, cap, "%.1f %s", v, units[u]);
	return buf;
}

const char *fmt_prot(char *buf, uint32_t prot, uint32_t flags)
{
	buf[0] = prot & PROT_READ ? 'r' : '-';
	buf[1] = prot & PROT_WRITE ? 'w' : '-';
	buf[2] = prot & PROT_EXEC ? 'x' : '-';
	buf[3] = flags & MAP_SHARED ? 's' : 'p';
	buf[4] = '\0';
	return buf;
}

const char *fmt_open_flags(char *buf, size_t cap, uint32_t flags)
{
	static const struct { uint32_t bit; const char *name; } names[] = {
		{ O_APPEND, "append" }, { O_NONBLOCK, "nonblock" }, { O_DIRECT, "direct" },
		{ O_SYNC, "sync" }, { O_DSYNC, "dsync" }, { O_NOATIME, "noatime" },
		{ O_PATH, "path" }, { O_ASYNC, "async" },
	};
	uint32_t acc = flags & O_ACCMODE;
	size_t o = (size_t)snprintf(buf, cap, "%s", acc == O_RDONLY ? "r" : acc == O_WRONLY ? "w" : "rw");

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]) && o < cap; i++)
		if ((flags & names[i].bit) == names[i].bit)
			o += (size_t)snprintf(buf + o, cap - o, "|%s", names[i].name);
	return buf;
}

const char *fmt_signal(char *buf, size_t cap, uint32_t sig)
{
	const char *abbrev = sig < 32 ? sigabbrev_np((int)sig) : NULL;

	if (abbrev)
		snprintf(buf, cap, "SIG%s", abbrev);
	else if ((int)sig >= SIGRTMIN && (int)sig <= SIGRTMAX)
		snprintf(buf, cap, "SIGRTMIN+%d", (int)sig - SIGRTMIN);
	else
		snprintf(buf, cap, "SIG%u", sig);
	return buf;
}

const char *fmt_sigmask(char *buf, size_t cap, uint64_t mask)
{
	size_t o = 0;

	buf[0] = '\0';
	for (uint32_t s = 1; s <= 64 && o < cap; s++) {
		char name[24];

		if (mask & (1ull << (s - 1)))
			o += (size_t)snprintf(buf + o, cap - o, "%s%s", o ? " " : "",
					      fmt_signal(name, sizeof(name), s) + 3);
	}
	return buf;
}

const char *fmt_rlimit(char *buf, size_t cap, uint32_t resource, uint64_t value)
{
	if (value == (uint64_t)RLIM_INFINITY)
		return "unlimited";
	switch (resource) {
	case RLIMIT_FSIZE: case RLIMIT_DATA: case RLIMIT_STACK: case RLIMIT_CORE:
	case RLIMIT_RSS: case RLIMIT_MEMLOCK: case RLIMIT_AS: case RLIMIT_MSGQUEUE:
		return fmt_bytes(buf, cap, value);
	case RLIMIT_CPU:
		snprintf(buf, cap, "%llu s", (unsigned long long)value);
		return buf;
	case RLIMIT_RTTIME:
		snprintf(buf, cap, "%llu us", (unsigned long long)value);
		return buf;
	default:
		snprintf(buf, cap, "%llu", (unsigned long long)value);
		return buf;
	}
}

const char *fmt_enum(char *buf, size_t cap, const ProtobufCEnumDescriptor *d, int value,
		     const char *prefix)
{
	const ProtobufCEnumValue *v = protobuf_c_enum_descriptor_get_value(d, value);
	const char *name;
	size_t i;

	if (!v) {
		snprintf(buf, cap, "unknown(%d)", value);
		return buf;
	}
	name = v->name;
	if (!strncmp(name, prefix, strlen(prefix)))
		name += strlen(prefix);
	for (i = 0; name[i] && i + 1 < cap; i++)
		buf[i] = (char)tolower((unsigned char)name[i]);
	buf[i] = '\0';
	return buf;
}

const char *fmt_id(char *buf, const uint8_t id[16])
{
	for (int i = 0; i < 16; i++)
		snprintf(buf + 2 * i, 3, "%02x", id[i]);
	return buf;
}
