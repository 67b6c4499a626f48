// SPDX-License-Identifier: Apache-2.0
// Specific-needs codes (UNHCR proGres groups and sub-codes), as in
// ../shared/reference/specific-needs.md. Later issues weigh them for priority.
#ifndef COR_NEEDS_H
#define COR_NEEDS_H

#include <stdbool.h>
#include <stddef.h>

struct cor_need {
	const char *code;    /* "SM" or "SM-CC" */
	const char *meaning; /* "critical medical condition" */
};

extern const struct cor_need cor_needs[];
extern const size_t cor_needs_len;

/* The row for code, or NULL. */
const struct cor_need *cor_need_find(const char *code);
/* Is list a ';'-separated list of known codes without repeats? Empty is valid.
 * On failure *bad_at, when not NULL, gets the offset of the first bad code. */
bool cor_need_list_is_valid(const char *list, size_t *bad_at);

#endif
