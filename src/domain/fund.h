// SPDX-License-Identifier: Apache-2.0
// The stranded-migrant fund (HASM): rapid, flexible help for migrants
// stranded by lost documents, destitution, illness, abuse, broken promises,
// rejected claims or insecurity. A request states the reason, the kind of
// help and the amount; a programme manager approves it against the office's
// yearly budget in that currency; payments are recorded against it. The
// balance is never stored: it is derived from the records.
#ifndef COR_FUND_H
#define COR_FUND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Why a migrant is stranded (DOMAIN.md). */
extern const char *const cor_fund_reasons[];
/* What kind of help. */
extern const char *const cor_fund_kinds[];
bool cor_fund_reason_is_valid(const char *s);
bool cor_fund_kind_is_valid(const char *s);

enum cor_fund_state { COR_FUND_REQUESTED, COR_FUND_APPROVED, COR_FUND_REJECTED, COR_FUND__N };
const char *cor_fund_state_name(enum cor_fund_state s);
int cor_fund_state_parse(const char *s, enum cor_fund_state *out);

/* An office's money in one currency and year, all in minor units. */
struct cor_fund_position {
	int64_t budget;    /* set for the year; 0 when none */
	int64_t approved;  /* sum of approved requests */
	int64_t disbursed; /* sum of payments */
};

/* May a request of amount be approved? 0, or COR_EINVAL with a sentence in
 * msg naming the office, year and figures (office, currency and year are
 * only used in the message). */
int cor_fund_check_approval(const struct cor_fund_position *p, int64_t amount, const char *office,
			    int year, const char *currency, char *msg, size_t msglen);
/* May a payment of amount be made on a request approved for `approved` of
 * which `paid` is paid? 0, or COR_EINVAL with a sentence in msg. */
int cor_fund_check_disbursement(int64_t approved, int64_t paid, int64_t amount,
				const char *currency, char *msg, size_t msglen);

#endif
