// SPDX-License-Identifier: Apache-2.0
// The vocabulary of (re)integration support and the rule for closing it.
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

int cor_support_check_close(const char *ref, const struct cor_support_tally *t, char *msg,
			    size_t msglen)
{
	if (t->planned) {
		snprintf(msg, msglen,
			 "case '%s' has %d assistance item%s still planned: deliver or cancel %s "
			 "first",
			 ref, t->planned, t->planned == 1 ? "" : "s",
			 t->planned == 1 ? "it" : "them");
		return COR_EWRONGSTATE;
	}
	if (!t->delivered) {
		snprintf(msg, msglen,
			 "case '%s' has no assistance delivered: plan and deliver an item first",
			 ref);
		return COR_EWRONGSTATE;
	}
	if (!t->visits) {
		snprintf(msg, msglen, "case '%s' has no follow-up visit recorded", ref);
		return COR_EWRONGSTATE;
	}
	return 0;
}
