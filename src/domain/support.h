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

struct cor_error;

/* The rules below answer 0, or refuse on e (code, field, message) and
 * return the matching negative cor_err. */

/* May case c (programme and state) take support work? WRONG_STATE (field
 * "case") for a programme without support, or a case that is not in its
 * support state (in_support) or arrived or in it (!in_support). */
int cor_support_check_case(const struct cor_case *c, bool in_support, struct cor_error *e);
/* May item no of case ref, in status s, be delivered or cancelled?
 * WRONG_STATE (field "item") unless it is planned. */
int cor_support_check_item(const char *ref, int no, enum cor_support_status s, struct cor_error *e);
/* May the support of case ref close? WRONG_STATE listing every cause
 * (items still planned, nothing delivered, no follow-up visit); one cause
 * alone is the message itself. */
int cor_support_check_close(const char *ref, const struct cor_support_tally *t,
			    struct cor_error *e);
/* May case c be confirmed arrived? WRONG_STATE (field "case") unless it
 * departed. */
int cor_arrival_check_case(const struct cor_case *c, struct cor_error *e);
/* Parse "YYYY-MM-DDTHH:MMZ" or "YYYY-MM-DDTHH:MM:SSZ" into the stored form
 * "YYYY-MM-DDTHH:MM:SSZ" (COR_TIME_LEN bytes). COR_EINVAL when malformed. */
int cor_arrival_time_parse(const char *s, char out[COR_TIME_LEN]);

#endif
