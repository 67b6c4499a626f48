// SPDX-License-Identifier: Apache-2.0
// ICAO Doc 9303 machine readable zone (MRZ) reader for TD1 (3 x 30), TD2
// (2 x 36) and TD3 (2 x 44). Pure: no I/O, no allocation; everything read,
// and every message for a person, lives in the caller's struct cor_mrz.
#ifndef COR_MRZ_H
#define COR_MRZ_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/date.h"

enum cor_mrz_format { COR_MRZ_UNKNOWN = 0, COR_MRZ_TD1, COR_MRZ_TD2, COR_MRZ_TD3 };

#define COR_MRZ_MAX_CHECKS  12
#define COR_MRZ_MESSAGE_MAX 112

/* The outcome of one rule. name is one of "format", "characters",
 * "document_code", "issuing_state", "document_number", "nationality",
 * "birth_date", "sex", "expiry_date", "optional_data" (TD3 only),
 * "composite"; "reference_date" alone when the reference date is bad. */
struct cor_mrz_check {
	const char *name; /* static storage */
	bool ok;
	char message[COR_MRZ_MESSAGE_MAX]; /* why it failed; "" when ok */
};

/* One document as read. Fields are "" when they could not be read (the
 * format or characters check failed). Filler '<' is stripped from the right
 * of codes, the document number and optional data; names turn '<' into
 * spaces. */
struct cor_mrz {
	enum cor_mrz_format format;
	bool valid;                    /* every check passed */
	char document_code[3];         /* "P", "I", "AC" */
	char issuing_state[4];         /* "UTO", "D" */
	char document_number[24];      /* the whole number, long ones included */
	char nationality[4];           /* as issuing_state */
	char birth_date[11];           /* ISO "YYYY-MM-DD"; "YYYY-MM" or "YYYY" when the
					* MRZ leaves the day or the month unknown ('<');
					* "" when wholly unknown or not a date */
	bool birth_unknown;            /* the MRZ leaves the birth date wholly or partly
					* unknown (ICAO 9303: filled with '<') */
	char sex;                      /* 'M', 'F', 'X', '<' (unspecified); 0 unread */
	char expiry_date[11];          /* ISO "YYYY-MM-DD", "" when not a date */
	bool expired;                  /* expiry is before the reference date */
	char optional_data[16];        /* TD3 personal number; TD1 line 1 / TD2 */
	char optional_data_2[12];      /* TD1 line 2; "" for TD2 and TD3 */
	char primary_name[40];         /* before the first "<<" */
	char secondary_name[40];       /* after it */
	bool name_truncated;           /* the name field is full: may be cut */
	struct cor_date birth, expiry; /* {0, 0, 0} when not a date; birth's unknown
					* parts 0 */
	int n_checks;
	struct cor_mrz_check checks[COR_MRZ_MAX_CHECKS];
};

/* Read and validate the MRZ of one document: its lines separated by "\n"
 * ("\r\n", trailing blanks and blank lines tolerated), len bytes, not
 * necessarily NUL-terminated. ref is the date that decides centuries: the
 * birth date is the latest one not after ref, the expiry date lies 49 years
 * before to 50 years after ref. Fills *out in every case. Returns 0 when the
 * document is valid, COR_EINVAL when any check failed (see out->checks) or
 * ref is not a real date. Thread-safe: the only state kept between calls is
 * a per-thread cache of cor_country_is_icao() answers. */
int cor_mrz_parse(struct cor_mrz *out, const char *text, size_t len, struct cor_date ref);

/* The Doc 9303 check digit (weights 7, 3, 1) of len characters: 0-9, or
 * COR_EINVAL when one is not A-Z, 0-9 or '<'. */
int cor_mrz_check_digit(const char *s, size_t len);

/* The check called name in m, or NULL when it was not run. Borrowed. */
const struct cor_mrz_check *cor_mrz_find_check(const struct cor_mrz *m, const char *name);

/* "TD1", "TD2", "TD3" or "unknown". Static storage. */
const char *cor_mrz_format_name(enum cor_mrz_format f);

#endif
