// SPDX-License-Identifier: Apache-2.0
// Arrival and (re)integration support: after a case arrives, a plan of
// assistance items (cash, in-kind, referral, business start-up, medical...)
// is delivered and followed up by visits until the support is closed. For
// returns it is reintegration, for admissions integration; the records are
// the same.
#ifndef COR_SUPPORT_H
#define COR_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/case.h"

enum cor_support_kind {
	COR_SUPPORT_CASH,
	COR_SUPPORT_IN_KIND,
	COR_SUPPORT_REFERRAL, /* to a service: health, legal, employment */
	COR_SUPPORT_BUSINESS, /* business start-up */
	COR_SUPPORT_MEDICAL,
	COR_SUPPORT_EDUCATION, /* schooling, vocational training */
	COR_SUPPORT_HOUSING,
	COR_SUPPORT_PSYCHOSOCIAL,
	COR_SUPPORT_KIND__N
};

enum cor_support_status {
	COR_SUPPORT_PLANNED,
	COR_SUPPORT_DELIVERED,
	COR_SUPPORT_CANCELLED,
	COR_SUPPORT_STATUS__N
};

/* "cash", "in_kind", "referral", "business", "medical", "education",
 * "housing", "psychosocial"; "?" otherwise. */
const char *cor_support_kind_name(enum cor_support_kind k);
int cor_support_kind_parse(const char *s, enum cor_support_kind *out);
/* "planned", "delivered", "cancelled". */
const char *cor_support_status_name(enum cor_support_status s);
int cor_support_status_parse(const char *s, enum cor_support_status *out);

/* The state a case enters when its support begins ("reintegration" for
 * returns, "integration" for admissions), or NULL when the programme has
 * none (HEV, HASM). */
const char *cor_support_state(const struct cor_programme *p);

/* What a plan holds, to decide whether support can close. */
struct cor_support_tally {
	int planned, delivered, cancelled;
	int visits;
};

/* May the support of case ref close? 0, or COR_EWRONGSTATE with a sentence
 * in msg: items still planned, nothing delivered, or no follow-up visit. */
int cor_support_check_close(const char *ref, const struct cor_support_tally *t, char *msg,
			    size_t msglen);

#endif
