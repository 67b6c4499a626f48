// SPDX-License-Identifier: Apache-2.0
// Calendar dates (proleptic Gregorian, ISO 8601 "YYYY-MM-DD") and UTC times.
// Dates are plain values; day numbers make arithmetic and comparison trivial.
#ifndef COR_DATE_H
#define COR_DATE_H

#include <stdbool.h>
#include <stdint.h>

struct cor_date {
	int year;  /* 1..9999 */
	int month; /* 1..12 */
	int day;   /* 1..31 */
};

#define COR_DATE_LEN 11 /* "YYYY-MM-DD" and its terminator */
#define COR_TIME_LEN 21 /* "YYYY-MM-DDTHH:MM:SSZ" and its terminator */

/* Is y-m-d a real calendar day in years 1..9999? */
bool cor_date_is_valid(int year, int month, int day);
/* Parse exactly "YYYY-MM-DD" into *out; COR_EINVAL when malformed or not a real day. */
int cor_date_parse(const char *s, struct cor_date *out);
/* Write "YYYY-MM-DD" into buf (COR_DATE_LEN bytes). Returns buf. */
char *cor_date_format(struct cor_date d, char *buf);
/* Days since 1970-01-01 (negative before). */
int32_t cor_date_to_days(struct cor_date d);
/* The date of a day number. */
struct cor_date cor_date_from_days(int32_t days);
/* Today in UTC. */
struct cor_date cor_date_today(void);
/* Whole years from birth to on (0 when on is before birth). */
int cor_date_age(struct cor_date birth, struct cor_date on);
/* Compare two dates: <0, 0, >0. */
int cor_date_cmp(struct cor_date a, struct cor_date b);
/* Write the current UTC time as "YYYY-MM-DDTHH:MM:SSZ" into buf (COR_TIME_LEN bytes). */
char *cor_time_now(char *buf);

#endif
