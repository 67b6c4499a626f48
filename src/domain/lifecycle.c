// SPDX-License-Identifier: Apache-2.0
// The lifecycle table and its checks. Adding a transition is a row; adding
// a condition is a guard bit, a fact in the gate and a row of guard_checks.
//
// Invariants (checked by tests/unit/domain/test_lifecycle.c, and mirrored
// by hand in docs/workflow.md, which the same test compares with the table):
//  - no programme has two rows for the same (from, to);
//  - every consecutive pair of a programme's path (case.h) is a row;
//  - a return (VHR, AVR, REP) never moves forward past 'registered' while a
//    referral is open, past 'counselled' without an informed decision
//    'yes', nor to eligible, travel_ready, booked or departed while a
//    person is at high protection risk and not cleared.
#include "domain/lifecycle.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/error.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

/* Programme bits, by code: the order of cor_programmes does not matter. */
static const struct {
	const char *code;
	unsigned bit;
} programme_bits[] = {
	{"HEV", 1u << 0},  {"VHR", 1u << 1}, {"AVR", 1u << 2}, {"REP", 1u << 3},
	{"HASM", 1u << 4}, {"RST", 1u << 5}, {"REL", 1u << 6}, {"CPW", 1u << 7},
};

enum {
	HEV = 1u << 0,
	VHR = 1u << 1,
	AVR = 1u << 2,
	REP = 1u << 3,
	HASM = 1u << 4,
	RST = 1u << 5,
	REL = 1u << 6,
	CPW = 1u << 7,
	RET = VHR | AVR | REP,    /* returns: voluntariness and protection apply */
	SEL = RST | CPW,          /* admissions with a selection interview */
	ADM = RST | CPW | REL,    /* admissions: a receiving state decides */
	OTHER = HEV | HASM | ADM, /* everything but returns */
	ALL = RET | OTHER,
	COUNSELLED = ALL & ~HEV, /* programmes whose path has 'counselled' */
};

/* Roles, short, to keep the rows on one line each. */
#define W COR_ROLE_CASEWORKER
#define C COR_ROLE_COUNSELLOR
#define P COR_ROLE_PROTECTION
#define M COR_ROLE_MEDICAL
#define V COR_ROLE_MOVEMENT
#define G COR_ROLE_MANAGER

enum {
	RESUME = COR_GUARD_RESUME,
	REASON = COR_GUARD_REASON,
	COUNSELLING = COR_GUARD_COUNSELLING,
	DECISION = COR_GUARD_DECISION,
	NO_REFERRAL = COR_GUARD_NO_REFERRAL,
	ASSESSED = COR_GUARD_ASSESSED,
	NOT_AT_RISK = COR_GUARD_NOT_AT_RISK,
	ELIGIBLE = COR_GUARD_ELIGIBLE,
	PRE_MIGRATION = COR_GUARD_PRE_MIGRATION,
	/* A return moving towards departure once counselled. */
	FWD = NO_REFERRAL | DECISION,
	/* ... and towards eligible, travel_ready, booked, departed. */
	SAFE = NO_REFERRAL | DECISION | ASSESSED | NOT_AT_RISK,
};

/* Any state before departure may branch to ineligible, on_hold or closed
 * (withdrawn), each with a reason. */
#define BRANCHES(progs, from)                                                                      \
	{progs, from, "ineligible", W, REASON}, {progs, from, "on_hold", W, REASON},               \
	{                                                                                          \
		progs, from, "closed", G, REASON                                                   \
	}

const struct cor_transition cor_transitions[] = {
	/* The usual paths, step by step. */
	{RET, "registered", "counselled", C, COUNSELLING | NO_REFERRAL},
	{COUNSELLED & ~RET, "registered", "counselled", C, COUNSELLING},
	{HEV, "registered", "assessed", P, ASSESSED},
	{RET, "counselled", "assessed", P, FWD | ASSESSED},
	{COUNSELLED & ~RET, "counselled", "assessed", P, ASSESSED},
	{RET, "assessed", "eligible", W, SAFE},
	{OTHER, "assessed", "eligible", W, 0},
	{RET, "eligible", "travel_ready", M, SAFE | ELIGIBLE},
	{HEV | HASM, "eligible", "travel_ready", M, ELIGIBLE},
	{ADM, "eligible", "submitted", W, 0},
	{SEL, "submitted", "interviewed", W, 0},
	{SEL, "interviewed", "accepted", G, 0},
	{REL, "submitted", "accepted", G, 0},
	{ADM, "accepted", "orientation", C, 0},
	{SEL, "orientation", "travel_ready", M, PRE_MIGRATION | ELIGIBLE},
	{REL, "orientation", "travel_ready", M, ELIGIBLE},
	{RET, "travel_ready", "booked", V, SAFE},
	{OTHER, "travel_ready", "booked", V, 0},
	{RET, "booked", "departed", V, SAFE},
	{OTHER, "booked", "departed", V, 0},
	{ALL, "departed", "arrived", V, 0},
	{RET, "arrived", "reintegration", W, 0},
	{ADM, "arrived", "integration", W, 0},
	{HEV | HASM, "arrived", "closed", G, 0},
	{RET, "reintegration", "closed", G, 0},
	{ADM, "integration", "closed", G, 0},

	/* Branches before departure. */
	BRANCHES(ALL, "registered"),
	BRANCHES(COUNSELLED, "counselled"),
	BRANCHES(ALL, "assessed"),
	BRANCHES(ALL, "eligible"),
	BRANCHES(ADM, "submitted"),
	BRANCHES(SEL, "interviewed"),
	BRANCHES(ADM, "accepted"),
	BRANCHES(ADM, "orientation"),
	BRANCHES(ALL, "travel_ready"),
	BRANCHES(ALL, "booked"),

	/* On hold: resume where it was held, or leave. */
	{RET, "on_hold", "registered", W, RESUME | NO_REFERRAL},
	{RET, "on_hold", "counselled", W, RESUME | NO_REFERRAL | COUNSELLING},
	{RET, "on_hold", "assessed", W, RESUME | FWD | ASSESSED},
	{RET, "on_hold", "eligible", W, RESUME | SAFE},
	{RET, "on_hold", "travel_ready", W, RESUME | SAFE | ELIGIBLE},
	{RET, "on_hold", "booked", W, RESUME | SAFE},
	{OTHER, "on_hold", "registered", W, RESUME},
	{COUNSELLED & ~RET, "on_hold", "counselled", W, RESUME | COUNSELLING},
	{OTHER, "on_hold", "assessed", W, RESUME | ASSESSED},
	{OTHER, "on_hold", "eligible", W, RESUME},
	{ADM, "on_hold", "submitted", W, RESUME},
	{SEL, "on_hold", "interviewed", W, RESUME},
	{ADM, "on_hold", "accepted", W, RESUME},
	{ADM, "on_hold", "orientation", W, RESUME},
	{OTHER, "on_hold", "travel_ready", W, RESUME | ELIGIBLE},
	{OTHER, "on_hold", "booked", W, RESUME},
	{ALL, "on_hold", "ineligible", W, REASON},
	{ALL, "on_hold", "closed", G, REASON},

	/* Ineligible: assessed again, or closed. */
	{ALL, "ineligible", "assessed", P, REASON | ASSESSED},
	{ALL, "ineligible", "closed", G, 0},

	/* Departure day: unbooked, no-show, rebooked. */
	{ALL, "booked", "travel_ready", V, REASON},
	{ALL, "booked", "no_show", V, REASON},
	{RET, "no_show", "travel_ready", V, SAFE | ELIGIBLE},
	{OTHER, "no_show", "travel_ready", V, ELIGIBLE},
	{ALL, "no_show", "closed", G, REASON},

	/* The receiving state says no. */
	{ADM, "submitted", "rejected", G, REASON},
	{SEL, "interviewed", "rejected", G, REASON},
	{ADM, "rejected", "closed", G, 0},
};
const size_t cor_transitions_len = ROWS(cor_transitions);

static const char *const role_names[] = {
	[COR_ROLE_CASEWORKER] = "caseworker",         [COR_ROLE_COUNSELLOR] = "counsellor",
	[COR_ROLE_PROTECTION] = "protection officer", [COR_ROLE_MEDICAL] = "medical officer",
	[COR_ROLE_MOVEMENT] = "movement officer",     [COR_ROLE_MANAGER] = "programme manager",
};

const char *cor_role_name(enum cor_role r)
{
	return (unsigned)r < ROWS(role_names) ? role_names[r] : "?";
}

unsigned cor_programme_bit(const struct cor_programme *p)
{
	for (size_t i = 0; p && i < ROWS(programme_bits); i++)
		if (!strcmp(programme_bits[i].code, p->code))
			return programme_bits[i].bit;
	return 0;
}

const struct cor_transition *cor_lifecycle_find(const struct cor_programme *p, const char *from,
						const char *to)
{
	unsigned bit = cor_programme_bit(p);
	for (size_t i = 0; i < ROWS(cor_transitions); i++) {
		const struct cor_transition *t = &cor_transitions[i];
		if ((t->programmes & bit) && !strcmp(t->from, from) && !strcmp(t->to, to))
			return t;
	}
	return NULL;
}

/* The state an on_hold case resumes at. */
static const char *resume_state(const char *held_from)
{
	return held_from && *held_from ? held_from : "registered";
}

/* Is row t, found for from -> to, open to a case held from held_from? */
static bool row_open(const struct cor_transition *t, const char *held_from)
{
	return !(t->guards & COR_GUARD_RESUME) || !strcmp(t->to, resume_state(held_from));
}

/* The state after from on p's usual path, or NULL. */
static const char *path_next(const struct cor_programme *p, const char *from)
{
	for (const char *const *s = p->path; *s; s++)
		if (!strcmp(*s, from))
			return s[1];
	return NULL;
}

size_t cor_lifecycle_next(const struct cor_programme *p, const char *from, const char *held_from,
			  const char **out, size_t max)
{
	size_t n = 0;
	const char *first = strcmp(from, "on_hold") ? path_next(p, from) : resume_state(held_from);
	const struct cor_transition *t = first ? cor_lifecycle_find(p, from, first) : NULL;
	if (t && row_open(t, held_from)) {
		if (n < max)
			out[n] = first;
		n++;
	} else {
		first = NULL;
	}
	for (size_t i = 0; i < cor_states_len; i++) {
		const char *to = cor_states[i];
		if (first && !strcmp(to, first))
			continue;
		t = cor_lifecycle_find(p, from, to);
		if (t && row_open(t, held_from)) {
			if (n < max)
				out[n] = to;
			n++;
		}
	}
	return n;
}

int cor_lifecycle_implied(const struct cor_programme *p, const char *state, unsigned *guards,
			  bool *movement)
{
	unsigned g = 0;
	bool booked = false;
	*guards = 0;
	if (movement)
		*movement = false;
	if (!p || !state)
		return COR_EINVAL;
	for (const char *const *s = p->path; *s; s++) {
		if (!strcmp(*s, state)) {
			*guards = g;
			if (movement)
				*movement = booked;
			return 0;
		}
		const struct cor_transition *t = s[1] ? cor_lifecycle_find(p, s[0], s[1]) : NULL;
		if (t)
			g |= t->guards;
		booked = booked || (s[1] && !strcmp(s[1], "booked"));
	}
	return COR_EINVAL;
}

/* ---- refusals ---------------------------------------------------------- */

const char *const cor_refusal_codes[] = {
	"UNKNOWN_STATE",
	"INVALID",
	"REASON_REQUIRED",
	"NO_BOOKING",
	"WRONG_STATE",
	"NOT_COUNSELLED",
	"NO_INFORMED_DECISION",
	"REFERRAL_OPEN",
	"PROTECTION_NOT_ASSESSED",
	"PROTECTION_NOT_CLEARED",
	"NOT_ELIGIBLE",
	"HEALTH_NOT_ASSESSED",
	"BAD_PARAMETER",
	NULL,
};

static int refuse(struct cor_refusal *why, int err, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int refuse(struct cor_refusal *why, int err, const char *code, const char *fmt, ...)
{
	if (why) {
		va_list ap;
		why->code = code;
		why->field = NULL;
		va_start(ap, fmt);
		vsnprintf(why->msg, sizeof(why->msg), fmt, ap);
		va_end(ap);
	}
	return err;
}

static const char *ref_of(const struct cor_case_gate *g)
{
	return g && g->ref ? g->ref : "?";
}

/* "case 'R' is 'F'; it cannot go to 'T' (next: a, b, c)" */
static int wrong_state(const struct cor_programme *p, const char *from, const char *to,
		       const struct cor_case_gate *g, struct cor_refusal *why)
{
	const char *next[32];
	char list[256] = "";
	size_t n = cor_lifecycle_next(p, from, g ? g->held_from : NULL, next, ROWS(next));
	size_t at = 0;
	for (size_t i = 0; i < n && i < ROWS(next) && at < sizeof(list); i++)
		at += (size_t)snprintf(list + at, sizeof(list) - at, "%s%s", i ? ", " : "",
				       next[i]);
	return refuse(why, COR_EWRONGSTATE, "WRONG_STATE",
		      "case '%s' is '%s'; it cannot go to '%s' (next: %s)", ref_of(g), from, to,
		      n ? list : "none");
}

/* ---- guards ------------------------------------------------------------ */

/* One guard: does the gate satisfy it? If not, fill why and return the error. */
typedef int (*guard_fn)(const struct cor_programme *p, const char *from, const char *to,
			const struct cor_case_gate *g, struct cor_refusal *why);

static int guard_reason(const struct cor_programme *p, const char *from, const char *to,
			const struct cor_case_gate *g, struct cor_refusal *why)
{
	(void)p;
	if (g->reason && *g->reason)
		return 0;
	int err = refuse(why, COR_EINVAL, "REASON_REQUIRED",
			 "case '%s' is '%s'; it can go to '%s' only with a reason", ref_of(g), from,
			 to);
	if (why)
		why->field = "reason";
	return err;
}

static int guard_counselling(const struct cor_programme *p, const char *from, const char *to,
			     const struct cor_case_gate *g, struct cor_refusal *why)
{
	if (g->sessions > 0)
		return 0;
	return refuse(why, COR_EWRONGSTATE, "NOT_COUNSELLED",
		      "case '%s' is '%s'; it cannot go to '%s' before a counselling session is "
		      "recorded%s",
		      ref_of(g), from, to,
		      p && p->is_return ? " (a return happens only at the person's request)" : "");
}

static int guard_decision(const struct cor_programme *p, const char *from, const char *to,
			  const struct cor_case_gate *g, struct cor_refusal *why)
{
	(void)p;
	if (g->decision && !strcmp(g->decision, "yes"))
		return 0;
	char latest[64];
	if (g->decision && *g->decision)
		snprintf(latest, sizeof(latest), "the latest is '%s'", g->decision);
	else
		snprintf(latest, sizeof(latest), "none is recorded");
	return refuse(why, COR_EWRONGSTATE, "NO_INFORMED_DECISION",
		      "case '%s' is '%s'; it cannot go to '%s' without an informed decision 'yes' "
		      "to return (%s)",
		      ref_of(g), from, to, latest);
}

static int guard_no_referral(const struct cor_programme *p, const char *from, const char *to,
			     const struct cor_case_gate *g, struct cor_refusal *why)
{
	(void)p;
	if (g->open_referrals <= 0)
		return 0;
	return refuse(why, COR_EWRONGSTATE, "REFERRAL_OPEN",
		      "case '%s' is '%s'; it cannot go to '%s' while %d referral%s open", ref_of(g),
		      from, to, g->open_referrals, g->open_referrals == 1 ? " is" : "s are");
}

static int guard_assessed(const struct cor_programme *p, const char *from, const char *to,
			  const struct cor_case_gate *g, struct cor_refusal *why)
{
	(void)p;
	int missing = g->persons - g->persons_assessed;
	if (missing <= 0)
		return 0;
	return refuse(why, COR_EWRONGSTATE, "PROTECTION_NOT_ASSESSED",
		      "case '%s' is '%s'; it cannot go to '%s' before every person's protection "
		      "risk is assessed (%d of %d not assessed)",
		      ref_of(g), from, to, missing, g->persons);
}

static int guard_not_at_risk(const struct cor_programme *p, const char *from, const char *to,
			     const struct cor_case_gate *g, struct cor_refusal *why)
{
	(void)p;
	if (g->persons_at_risk <= 0)
		return 0;
	char others[48] = "";
	if (g->persons_at_risk > 1)
		snprintf(others, sizeof(others), " and %d other%s", g->persons_at_risk - 1,
			 g->persons_at_risk == 2 ? "" : "s");
	return refuse(why, COR_EWRONGSTATE, "PROTECTION_NOT_CLEARED",
		      "case '%s' is '%s'; it cannot go to '%s': person '%s'%s at high protection "
		      "risk, not cleared by a protection officer",
		      ref_of(g), from, to, g->person_at_risk, others);
}

static int guard_eligible(const struct cor_programme *p, const char *from, const char *to,
			  const struct cor_case_gate *g, struct cor_refusal *why)
{
	(void)p;
	if (g->eligibility != COR_ELIG_NOT_MET)
		return 0;
	return refuse(why, COR_EWRONGSTATE, "NOT_ELIGIBLE",
		      "case '%s' is '%s'; it cannot go to '%s': %s", ref_of(g), from, to,
		      g->ineligible_why[0] ? g->ineligible_why
					   : "the eligibility criteria are not met");
}

static int guard_pre_migration(const struct cor_programme *p, const char *from, const char *to,
			       const struct cor_case_gate *g, struct cor_refusal *why)
{
	(void)p;
	int missing = g->persons - g->persons_pre_migration;
	if (missing <= 0)
		return 0;
	return refuse(why, COR_EWRONGSTATE, "HEALTH_NOT_ASSESSED",
		      "case '%s' is '%s'; it cannot go to '%s' before every person has a "
		      "pre-migration health assessment (%d of %d without one)",
		      ref_of(g), from, to, missing, g->persons);
}

/* The guards in the order they are checked (RESUME is structural: see
 * cor_lifecycle_check). */
static const struct {
	enum cor_guard guard;
	const char *name;
	guard_fn check;
} guard_checks[] = {
	{COR_GUARD_RESUME, "resume", NULL},
	{COR_GUARD_REASON, "reason", guard_reason},
	{COR_GUARD_COUNSELLING, "counselling", guard_counselling},
	{COR_GUARD_DECISION, "decision", guard_decision},
	{COR_GUARD_NO_REFERRAL, "no referral", guard_no_referral},
	{COR_GUARD_ASSESSED, "assessed", guard_assessed},
	{COR_GUARD_NOT_AT_RISK, "not at risk", guard_not_at_risk},
	{COR_GUARD_PRE_MIGRATION, "pre-migration health", guard_pre_migration},
	{COR_GUARD_ELIGIBLE, "eligible", guard_eligible},
};

const char *cor_guard_name(enum cor_guard g)
{
	for (size_t i = 0; i < ROWS(guard_checks); i++)
		if (guard_checks[i].guard == g)
			return guard_checks[i].name;
	return "?";
}

int cor_lifecycle_check(const struct cor_programme *p, const char *from, const char *to,
			const struct cor_case_gate *gate, struct cor_refusal *why)
{
	static const struct cor_case_gate none = {0};
	const struct cor_case_gate *g = gate ? gate : &none;
	if (!cor_state_is_valid(to)) {
		int err = refuse(why, COR_EINVAL, "UNKNOWN_STATE",
				 "case '%s': '%s' is not a lifecycle state", ref_of(g), to);
		if (why)
			why->field = "state";
		return err;
	}
	if (g->reason && *g->reason) {
		int err = cor_lifecycle_text_check("reason", g->reason, COR_REASON_MAX, why);
		if (err < 0)
			return err;
	}
	const struct cor_transition *t = cor_lifecycle_find(p, from, to);
	if (!t || !row_open(t, g->held_from))
		return wrong_state(p, from, to, g, why);
	for (size_t i = 0; i < ROWS(guard_checks); i++) {
		int err;
		if ((t->guards & guard_checks[i].guard) && guard_checks[i].check &&
		    (err = guard_checks[i].check(p, from, to, g, why)) < 0)
			return err;
	}
	/* A case is booked exactly when it holds a booking: it enters 'booked'
	 * only with one, made just before (store_movement.h). */
	if (!strcmp(to, "booked") && g->bookings <= 0)
		return refuse(why, COR_EINVAL, "NO_BOOKING",
			      "case '%s' is '%s'; it cannot go to 'booked' without a seat on a "
			      "movement",
			      ref_of(g), from);
	if (why) {
		why->code = "";
		why->field = NULL;
		why->msg[0] = '\0';
	}
	return 0;
}

int cor_lifecycle_text_check(const char *field, const char *s, size_t max, struct cor_refusal *why)
{
	size_t n = s ? strlen(s) : 0;
	bool blank = true;
	for (size_t i = 0; i < n && blank; i++)
		blank = s[i] == ' ';
	if (n > 0 && n <= max && !blank && cor_text_is_clean(s))
		return 0;
	int err = refuse(why, COR_EINVAL, "INVALID",
			 "%s: give 1 to %zu bytes of text without control characters", field, max);
	if (why)
		why->field = field;
	return err;
}
