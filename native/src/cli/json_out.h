/*
 * A small streaming JSON writer for the one-object outputs of
 * "stasis info --json" and "stasis check --json". Commas and nesting are
 * tracked here; strings are escaped and made valid UTF-8 (process names,
 * paths and argv are arbitrary bytes: invalid sequences become U+FFFD), so
 * the workbench's strict parser never sees broken JSON.
 *
 *	struct json_out j;
 *	jo_init(&j, stdout);
 *	jo_obj_begin(&j, NULL);
 *	jo_str(&j, "image", path);
 *	jo_arr_begin(&j, "processes"); ... jo_arr_end(&j);
 *	jo_obj_end(&j);           (the outermost end writes a newline)
 *
 * key is the member name inside an object, NULL inside an array.
 */
#ifndef STASIS_JSON_OUT_H
#define STASIS_JSON_OUT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 32

struct json_out {
	FILE *f;
	int depth;
	bool need_comma[JSON_MAX_DEPTH];
};

void jo_init(struct json_out *j, FILE *f);
void jo_obj_begin(struct json_out *j, const char *key);
void jo_obj_end(struct json_out *j);
void jo_arr_begin(struct json_out *j, const char *key);
void jo_arr_end(struct json_out *j);
void jo_str(struct json_out *j, const char *key, const char *val); /* NULL -> null */
void jo_u64(struct json_out *j, const char *key, uint64_t val);
void jo_i64(struct json_out *j, const char *key, int64_t val);
void jo_bool(struct json_out *j, const char *key, bool val);
/* A number as a "0x..." string (masks, addresses: JSON numbers lose
 * precision above 2^53 in many parsers). */
void jo_hex(struct json_out *j, const char *key, uint64_t val);

#endif
