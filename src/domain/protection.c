// SPDX-License-Identifier: Apache-2.0
// Protection risk levels and person references.
#include "domain/protection.h"

#include <stdio.h>
#include <string.h>

#include "util/error.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

static const char *const risks[] = {
	[COR_PROT_NONE] = "none",
	[COR_PROT_LOW] = "low",
	[COR_PROT_MEDIUM] = "medium",
	[COR_PROT_HIGH] = "high",
};

const char *cor_protection_level_name(enum cor_protection_level r)
{
	return (unsigned)r < ROWS(risks) ? risks[r] : "?";
}

int cor_protection_level_parse(const char *s, enum cor_protection_level *out)
{
	for (size_t i = 0; s && i < ROWS(risks); i++)
		if (!strcmp(risks[i], s)) {
			*out = (enum cor_protection_level)i;
			return 0;
		}
	return COR_EINVAL;
}

bool cor_protection_level_blocks_return(enum cor_protection_level r)
{
	return r == COR_PROT_HIGH;
}

int cor_protection_person_ref_parse(const char *ref, char case_ref[COR_CASE_REF_MAX], int *seq)
{
	size_t n = strlen(ref);
	char office[8];
	int year;
	long cseq;
	if (n < 4 || n - 3 >= COR_CASE_REF_MAX || ref[n - 3] != '-' || ref[n - 2] < '0' ||
	    ref[n - 2] > '9' || ref[n - 1] < '0' || ref[n - 1] > '9')
		return COR_EINVAL;
	int s = (ref[n - 2] - '0') * 10 + (ref[n - 1] - '0');
	char c[COR_CASE_REF_MAX];
	memcpy(c, ref, n - 3);
	c[n - 3] = '\0';
	if (s < 1 || cor_case_ref_parse(c, office, &year, &cseq) < 0)
		return COR_EINVAL;
	memcpy(case_ref, c, n - 2);
	*seq = s;
	return 0;
}

static int wrong_state(struct cor_refusal *why)
{
	if (why) {
		why->code = "WRONG_STATE";
		why->field = NULL;
	}
	return COR_EWRONGSTATE;
}

int cor_protection_state_check(const char *ref, const char *state, struct cor_refusal *why)
{
	if (strcmp(state, "closed"))
		return 0;
	if (why)
		snprintf(why->msg, sizeof(why->msg),
			 "case '%s' is 'closed'; its protection record does not change", ref);
	return wrong_state(why);
}

int cor_protection_clear_check(const char *person, const struct cor_protection_latest *l,
			       struct cor_refusal *why)
{
	if (l->no > 0 && cor_protection_level_blocks_return(l->level) && !l->cleared_at[0])
		return 0;
	if (!why)
		return wrong_state(why);
	if (l->no <= 0)
		snprintf(why->msg, sizeof(why->msg),
			 "person '%s' has no protection risk assessment to clear", person);
	else if (!cor_protection_level_blocks_return(l->level))
		snprintf(why->msg, sizeof(why->msg),
			 "person '%s' is assessed at '%s' protection risk (assessment %d); only a "
			 "high risk is cleared",
			 person, cor_protection_level_name(l->level), l->no);
	else
		snprintf(
			why->msg, sizeof(why->msg),
			"the high protection risk of person '%s' (assessment %d) was cleared at %s",
			person, l->no, l->cleared_at);
	return wrong_state(why);
}
