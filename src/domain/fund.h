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

struct cor_case;
struct cor_error;

/* The year a budget or a request draws on: given, or the year of today
 * when given is 0. */
int cor_fund_year(int given, int today_year);
/* Is year one a budget can be set for (2000 to 2100)? */
bool cor_fund_year_is_valid(int year);

/* The rules below answer 0, or refuse on e (code, field, message) and
 * return the matching negative cor_err. */

/* May case c ask the fund for help? REFUSED (field "case") for a programme
 * other than HASM; WRONG_STATE for a closed case. */
int cor_fund_check_case(const struct cor_case *c, struct cor_error *e);
/* May the budget of p's office be set to amount? REFUSED (field "amount")
 * below what is already approved (office, year and currency name it). */
int cor_fund_check_budget(const struct cor_fund_position *p, int64_t amount, const char *office,
			  int year, const char *currency, struct cor_error *e);
/* May request id, in state s, be approved or rejected? WRONG_STATE unless
 * it is requested. */
int cor_fund_check_decision(long id, enum cor_fund_state s, struct cor_error *e);
/* May a request of amount be approved against position p? FUND_EXCEEDED
 * when the office has no budget or the amount is more than is left of it. */
int cor_fund_check_approval(const struct cor_fund_position *p, int64_t amount, const char *office,
			    int year, const char *currency, struct cor_error *e);
/* May amount be paid on request id, in state s, approved for `approved` of
 * which `paid` is paid? WRONG_STATE unless approved; FUND_EXCEEDED (field
 * "amount") beyond what is approved. */
int cor_fund_check_payment(long id, enum cor_fund_state s, int64_t approved, int64_t paid,
			   int64_t amount, const char *currency, struct cor_error *e);

#endif
