// SPDX-License-Identifier: Apache-2.0
// Counselling sessions: the decision names and the checks a session passes
// before it is recorded.
#include "domain/counselling.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "domain/country.h"
#include "util/error.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

static const char *const decisions[] = {
	[COR_COUNSEL_YES] = "yes",
	[COR_COUNSEL_NO] = "no",
	[COR_COUNSEL_UNDECIDED] = "undecided",
};

const char *cor_counselling_decision_name(enum cor_counselling_decision d)
{
	return (unsigned)d < ROWS(decisions) ? decisions[d] : "?";
}

int cor_counselling_decision_parse(const char *s, enum cor_counselling_decision *out)
{
	for (size_t i = 0; s && i < ROWS(decisions); i++)
		if (!strcmp(decisions[i], s)) {
			*out = (enum cor_counselling_decision)i;
			return 0;
		}
	return COR_EINVAL;
}

static int invalid(struct cor_refusal *why, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int invalid(struct cor_refusal *why, const char *field, const char *fmt, ...)
{
	if (why) {
		va_list ap;
		why->code = "INVALID";
		why->field = field;
		va_start(ap, fmt);
		vsnprintf(why->msg, sizeof(why->msg), fmt, ap);
		va_end(ap);
	}
	return COR_EINVAL;
}

int cor_counselling_check(const struct cor_counselling *s, struct cor_refusal *why)
{
	int err;
	if ((err = cor_lifecycle_text_check("counsellor", s->counsellor, COR_NAME_MAX, why)) < 0)
		return err;
	if (!s->language || !cor_language_is_valid(s->language))
		return invalid(why, "language",
			       "language: '%.40s' is not an ISO 639-1 or ISO 639-3 language code "
			       "(lower case, e.g. 'ar', 'fr', 'tir')",
			       s->language ? s->language : "");
	if ((unsigned)s->decision >= COR_COUNSEL__N)
		return invalid(why, "decision", "decision: give 'yes', 'no' or 'undecided'");
	if (s->notes && *s->notes &&
	    (err = cor_lifecycle_text_check("notes", s->notes, COR_NOTE_MAX, why)) < 0)
		return err;
	if (s->refer_to && !s->asylum_wish) {
		invalid(why, "refer_to", "refer_to: whom to refer to goes with an asylum wish");
		if (why)
			why->code = "BAD_PARAMETER";
		return COR_EINVAL;
	}
	if (s->refer_to &&
	    (err = cor_lifecycle_text_check("refer_to", s->refer_to, COR_NAME_MAX, why)) < 0)
		return err;
	return 0;
}

int cor_counselling_state_check(const struct cor_programme *p, const char *ref, const char *state,
				struct cor_refusal *why)
{
	if (!strcmp(state, "on_hold") || cor_lifecycle_find(p, state, "on_hold"))
		return 0;
	if (why) {
		why->code = "WRONG_STATE";
		why->field = NULL;
		snprintf(why->msg, sizeof(why->msg),
			 "case '%s' is '%s'; counselling is recorded only before departure, while "
			 "the case can be put on hold or is on hold",
			 ref, state);
	}
	return COR_EWRONGSTATE;
}

void cor_counselling_hold_reason(int session, char *buf, size_t len)
{
	snprintf(buf, len, "asylum wish recorded at counselling session %d", session);
}

bool cor_counselling_holds(const struct cor_programme *p, const struct cor_counselling *s)
{
	return p->is_return && s->asylum_wish;
}

const char *cor_counselling_refer_to(const struct cor_counselling *s)
{
	return s->refer_to ? s->refer_to : COR_ASYLUM_REFERRAL;
}
