// SPDX-License-Identifier: Apache-2.0
// UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, the version, 74
// random bits. The identity of a record across devices (docs/operations.md,
// "Identity across devices"): made where the record is made, never changed,
// and ordered by time so that an index on it is appended to.
#ifndef COR_UUID_H
#define COR_UUID_H

#include <stdbool.h>
#include <stdint.h>

#define COR_UUID_LEN 37 /* "xxxxxxxx-xxxx-7xxx-yxxx-xxxxxxxxxxxx" and its terminator */

struct cor_uuid {
	uint8_t b[16];
};

/* A new UUIDv7 for the time unix_ms (milliseconds since 1970). Within one
 * process, UUIDs made in the same millisecond still increase (the random
 * part is then a counter step above the last one). 0, or COR_EIO when the
 * system has no randomness to give. Thread-safe. */
int cor_uuid7(int64_t unix_ms, struct cor_uuid *out);
/* A new UUIDv7 at the wall clock's time: a uid says when the record was
 * made, whatever "now" an operation was given. */
int cor_uuid7_now(struct cor_uuid *out);
/* Write u in the canonical lowercase 8-4-4-4-12 form. Returns buf. */
char *cor_uuid_format(const struct cor_uuid *u, char buf[COR_UUID_LEN]);
/* Parse the canonical form (either case); COR_EINVAL when malformed. */
int cor_uuid_parse(const char *s, struct cor_uuid *out);
/* The milliseconds of a version 7 UUID. */
int64_t cor_uuid7_ms(const struct cor_uuid *u);

#endif
