// SPDX-License-Identifier: Apache-2.0
// Local time at a place: times are stored in UTC and shown in the time zone
// of the airport, port or town they happen at, from the system's tz database
// (/usr/share/zoneinfo, Debian's tzdata).
#ifndef COR_TZ_H
#define COR_TZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define COR_LOCAL_LEN 32 /* "2026-12-01 14:30 +01:00" and its terminator */

/* Is zone an IANA zone name the system knows ("Africa/Tripoli", "UTC")? */
bool cor_tz_is_known(const char *zone);
/* Write utc (seconds since the epoch) as local time in zone:
 * "YYYY-MM-DD HH:MM +HH:MM" (the offset from UTC then). COR_EINVAL for an
 * unknown zone. Thread-safe. */
int cor_tz_format(int64_t utc, const char *zone, char buf[COR_LOCAL_LEN]);
/* Parse "YYYY-MM-DDTHH:MMZ" or "YYYY-MM-DDTHH:MM:SSZ" (UTC) into seconds
 * since the epoch. COR_EINVAL when malformed. */
int cor_time_parse_utc(const char *s, int64_t *out);
/* Write utc as "YYYY-MM-DDTHH:MMZ" (18 bytes with the terminator). */
char *cor_time_format_utc(int64_t utc, char buf[18]);

#endif
