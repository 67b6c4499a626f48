// SPDX-License-Identifier: Apache-2.0
// The vocabulary of (re)integration support and its rules: which cases it
// acts on, which items can be settled, when it can close, which cases can
// arrive and how an arrival time is written.
#include "domain/support.h"

#include <stdio.h>
#include <string.h>

#include "util/error.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

static const char *const kinds[COR_SUPPORT_KIND__N] = {
	"cash",    "in_kind",   "referral", "business",
	"medical", "education", "housing",  "psychosocial",
};
static const char *const statuses[COR_SUPPORT_STATUS__N] = {"planned", "delivered", "cancelled"};

static int find(const char *const *names, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(names[i], s))
			return (int)i;
	return -1;
}

const char *cor_support_kind_name(enum cor_support_kind k)
{
	return (unsigned)k < COR_SUPPORT_KIND__N ? kinds[k] : "?";
}

int cor_support_kind_parse(const char *s, enum cor_support_kind *out)
{
	int i = find(kinds, ROWS(kinds), s);
	if (i < 0)
		return COR_EINVAL;
	*out = (enum cor_support_kind)i;
	return 0;
}

const char *cor_support_status_name(enum cor_support_status s)
{
	return (unsigned)s < COR_SUPPORT_STATUS__N ? statuses[s] : "?";
}

int cor_support_status_parse(const char *s, enum cor_support_status *out)
{
	int i = find(statuses, ROWS(statuses), s);
	if (i < 0)
		return COR_EINVAL;
	*out = (enum cor_support_status)i;
	return 0;
}

const char *cor_support_state(const struct cor_programme *p)
{
	if (cor_programme_has_state(p, "reintegration"))
		return "reintegration";
	if (cor_programme_has_state(p, "integration"))
		return "integration";
	return NULL;
}

int cor_support_check_case(const struct cor_case *c, bool in_support, struct cor_error *e)
{
	const struct cor_programme *p = cor_programme_find(c->programme);
	const char *s = p ? cor_support_state(p) : NULL;
	if (!s)
		return cor_error_set(e, COR_CODE_WRONG_STATE, "case",
				     "case '%s' is %s, a programme without (re)integration support",
				     c->ref, c->programme);
	if (!strcmp(c->state, s) || (!in_support && !strcmp(c->state, "arrived")))
		return 0;
	return cor_error_set(e, COR_CODE_WRONG_STATE, "case",
			     "case '%s' is '%s'; support is for cases %s%s", c->ref, c->state,
			     in_support ? "in " : "that arrived or are in ", s);
}

int cor_support_check_item(const char *ref, int no, enum cor_support_status s, struct cor_error *e)
{
	if (s != COR_SUPPORT_PLANNED)
		return cor_error_set(e, COR_CODE_WRONG_STATE, "item",
				     "item %d of case '%s' is already %s", no, ref,
				     cor_support_status_name(s));
	return 0;
}

int cor_support_check_close(const char *ref, const struct cor_support_tally *t, struct cor_error *e)
{
	struct cor_error f;
	cor_error_clear(&f);
	if (t->planned)
		cor_error_cause(&f, COR_CODE_WRONG_STATE, "item",
				"case '%s' has %d assistance item%s still planned: deliver or "
				"cancel %s first",
				ref, t->planned, t->planned == 1 ? "" : "s",
				t->planned == 1 ? "it" : "them");
	if (!t->delivered)
		cor_error_cause(&f, COR_CODE_WRONG_STATE, "item",
				"case '%s' has no assistance delivered: plan and deliver an item "
				"first",
				ref);
	if (!t->visits)
		cor_error_cause(&f, COR_CODE_WRONG_STATE, "visit",
				"case '%s' has no follow-up visit recorded", ref);
	return cor_error_refuse(e, &f, COR_CODE_WRONG_STATE, NULL, false,
				"the support of case '%s' cannot close yet", ref);
}

int cor_arrival_check_case(const struct cor_case *c, struct cor_error *e)
{
	if (strcmp(c->state, "departed"))
		return cor_error_set(e, COR_CODE_WRONG_STATE, "case",
				     "case '%s' is '%s'; only a departed case can arrive", c->ref,
				     c->state);
	return 0;
}

int cor_arrival_time_parse(const char *s, char out[COR_TIME_LEN])
{
	struct cor_date d;
	char date[COR_DATE_LEN];
	unsigned h, m, sec = 0;
	char z[2];
	size_t n = strlen(s);
	if (n < 17 || s[10] != 'T')
		return COR_EINVAL;
	snprintf(date, sizeof(date), "%.10s", s);
	if (cor_date_parse(date, &d) < 0)
		return COR_EINVAL;
	if (n == 17 ? sscanf(s + 11, "%2u:%2u%1[Z]", &h, &m, z) != 3
		    : n != 20 || sscanf(s + 11, "%2u:%2u:%2u%1[Z]", &h, &m, &sec, z) != 4)
		return COR_EINVAL;
	if (h > 23 || m > 59 || sec > 59)
		return COR_EINVAL;
	snprintf(out, COR_TIME_LEN, "%sT%02u:%02u:%02uZ", date, h % 24, m % 60, sec % 60);
	return 0;
}
