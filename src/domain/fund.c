// SPDX-License-Identifier: Apache-2.0
// Rules of the stranded-migrant fund: the vocabularies and the two money
// checks (approval within the budget, payments within the approval), the
// budget year and which cases and states the fund acts on.
#include "domain/fund.h"

#include <stdio.h>
#include <string.h>

#include "domain/case.h"
#include "domain/money.h"
#include "util/error.h"

const char *const cor_fund_reasons[] = {
	"lost_documents", /* lost or stolen documents */
	"destitution",
	"accident_illness", /* accident or ill health */
	"abuse",
	"broken_promises", /* by family or employers */
	"asylum_rejected", /* rejected asylum claim */
	"insecurity",      /* in destination or transit */
	NULL,
};

const char *const cor_fund_kinds[] = {
	"shelter", "food", "medical", "documents", "transport", "cash", "other", NULL,
};

static bool in(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (!strcmp(*list, s))
			return true;
	return false;
}

bool cor_fund_reason_is_valid(const char *s)
{
	return in(cor_fund_reasons, s);
}

bool cor_fund_kind_is_valid(const char *s)
{
	return in(cor_fund_kinds, s);
}

static const char *const states[] = {"requested", "approved", "rejected"};

const char *cor_fund_state_name(enum cor_fund_state s)
{
	return (unsigned)s < COR_FUND__N ? states[s] : "?";
}

int cor_fund_state_parse(const char *s, enum cor_fund_state *out)
{
	for (int i = 0; i < COR_FUND__N; i++)
		if (!strcmp(states[i], s)) {
			*out = (enum cor_fund_state)i;
			return 0;
		}
	return COR_EINVAL;
}

int cor_fund_year(int given, int today_year)
{
	return given ? given : today_year;
}

bool cor_fund_year_is_valid(int year)
{
	return year >= 2000 && year <= 2100;
}

int cor_fund_check_case(const struct cor_case *c, struct cor_error *e)
{
	if (strcmp(c->programme, "HASM"))
		return cor_error_set(
			e, COR_CODE_REFUSED, "case",
			"case '%s' is %s; the fund assists stranded-migrant (HASM) cases only",
			c->ref, c->programme);
	if (!strcmp(c->state, "closed"))
		return cor_error_set(e, COR_CODE_WRONG_STATE, "case", "case '%s' is closed",
				     c->ref);
	return 0;
}

int cor_fund_check_budget(const struct cor_fund_position *p, int64_t amount, const char *office,
			  int year, const char *currency, struct cor_error *e)
{
	char a[COR_MONEY_LEN], b[COR_MONEY_LEN];
	if (amount < p->approved)
		return cor_error_set(
			e, COR_CODE_REFUSED, "amount",
			"the %d budget of office '%s' cannot be %s: %s is already approved", year,
			office, cor_money_format(amount, currency, a),
			cor_money_format(p->approved, currency, b));
	return 0;
}

int cor_fund_check_decision(long id, enum cor_fund_state s, struct cor_error *e)
{
	if (s != COR_FUND_REQUESTED)
		return cor_error_set(e, COR_CODE_WRONG_STATE, "request",
				     "fund request %ld is already %s", id, cor_fund_state_name(s));
	return 0;
}

int cor_fund_check_approval(const struct cor_fund_position *p, int64_t amount, const char *office,
			    int year, const char *currency, struct cor_error *e)
{
	char a[COR_MONEY_LEN], b[COR_MONEY_LEN], c[COR_MONEY_LEN], d[COR_MONEY_LEN];
	if (p->budget <= 0)
		return cor_error_set(e, COR_CODE_FUND_EXCEEDED, NULL,
				     "office '%s' has no %d budget in %s", office, year, currency);
	int64_t left = p->budget - p->approved;
	if (amount > left)
		return cor_error_set(e, COR_CODE_FUND_EXCEEDED, NULL,
				     "approving %s would exceed the %d budget of office '%s': "
				     "budget %s, already approved %s, left %s",
				     cor_money_format(amount, currency, a), year, office,
				     cor_money_format(p->budget, currency, b),
				     cor_money_format(p->approved, currency, c),
				     cor_money_format(left, currency, d));
	return 0;
}

int cor_fund_check_payment(long id, enum cor_fund_state s, int64_t approved, int64_t paid,
			   int64_t amount, const char *currency, struct cor_error *e)
{
	char a[COR_MONEY_LEN], b[COR_MONEY_LEN], c[COR_MONEY_LEN];
	if (s != COR_FUND_APPROVED)
		return cor_error_set(e, COR_CODE_WRONG_STATE, "request",
				     "fund request %ld is %s, not approved", id,
				     cor_fund_state_name(s));
	if (amount > approved - paid)
		return cor_error_set(e, COR_CODE_FUND_EXCEEDED, "amount",
				     "fund request %ld: paying %s would exceed the approved %s "
				     "(already paid %s)",
				     id, cor_money_format(amount, currency, a),
				     cor_money_format(approved, currency, b),
				     cor_money_format(paid, currency, c));
	return 0;
}
