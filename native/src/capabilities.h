/*
 * What this kernel and these privileges allow, found by trying each thing
 * for real (in short-lived children where a try could leave state).
 * "stasis check" prints every probe; dump and restore run the ones they
 * need to fail early with a plain reason instead of half-way through.
 */
#ifndef STASIS_CAPABILITIES_H
#define STASIS_CAPABILITIES_H

#include <stdbool.h>
#include <stddef.h>

enum probe_status { PROBE_OK, PROBE_WARN, PROBE_MISSING };

struct probe_result {
	const char *name;        /* stable id: "privileges", "ptrace", ... */
	enum probe_status status;
	bool required;           /* dump or restore cannot work without it */
	char detail[512];        /* what was found and what it means for the user */
};

#define CAPS_MAX_PROBES 24

/* Run every probe; fills out[0..n) and returns n (at most max). */
size_t caps_probe_all(struct probe_result *out, size_t max);
/* Run one probe by name; false if there is no such probe. */
bool caps_probe(const char *name, struct probe_result *out);
const char *caps_status_name(enum probe_status s); /* "OK", "WARN", "MISSING" */

#endif
