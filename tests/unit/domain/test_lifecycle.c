// SPDX-License-Identifier: Apache-2.0
// Unit tests for the lifecycle state machine, against a golden table of the
// states that may follow each state, written out by hand below for every
// programme: the table's invariants, every legal transition with its guards
// met, every illegal (from, to) pair of every programme refused with
// WRONG_STATE and its exact message, each guard's refusal with its exact
// message, and docs/workflow.md compared row by row with the table.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/case.h"
#include "domain/lifecycle.h"
#include "util/error.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))
#define REF     "LY-TIP-2026-000123"

/* ---- the golden table -------------------------------------------------- */

/* The states that may follow each state (guards aside), as the refusal
 * message lists them: the next state on the usual path first, then the
 * others in cor_states order. A state not listed has none. on_hold is
 * tested on its own (it depends on where the case was held). */
struct golden {
	const char *state;
	const char *next;
};

static const struct golden g_return[] = {
	{"registered", "counselled, ineligible, on_hold, closed"},
	{"counselled", "assessed, ineligible, on_hold, closed"},
	{"assessed", "eligible, ineligible, on_hold, closed"},
	{"eligible", "travel_ready, ineligible, on_hold, closed"},
	{"ineligible", "assessed, closed"},
	{"travel_ready", "booked, ineligible, on_hold, closed"},
	{"booked", "departed, ineligible, on_hold, travel_ready, no_show, closed"},
	{"departed", "arrived"},
	{"no_show", "travel_ready, closed"},
	{"arrived", "reintegration"},
	{"reintegration", "closed"},
	{NULL, NULL},
};

static const struct golden g_evacuation[] = {
	{"registered", "assessed, ineligible, on_hold, closed"},
	{"assessed", "eligible, ineligible, on_hold, closed"},
	{"eligible", "travel_ready, ineligible, on_hold, closed"},
	{"ineligible", "assessed, closed"},
	{"travel_ready", "booked, ineligible, on_hold, closed"},
	{"booked", "departed, ineligible, on_hold, travel_ready, no_show, closed"},
	{"departed", "arrived"},
	{"no_show", "travel_ready, closed"},
	{"arrived", "closed"},
	{NULL, NULL},
};

static const struct golden g_stranded[] = {
	{"registered", "counselled, ineligible, on_hold, closed"},
	{"counselled", "assessed, ineligible, on_hold, closed"},
	{"assessed", "eligible, ineligible, on_hold, closed"},
	{"eligible", "travel_ready, ineligible, on_hold, closed"},
	{"ineligible", "assessed, closed"},
	{"travel_ready", "booked, ineligible, on_hold, closed"},
	{"booked", "departed, ineligible, on_hold, travel_ready, no_show, closed"},
	{"departed", "arrived"},
	{"no_show", "travel_ready, closed"},
	{"arrived", "closed"},
	{NULL, NULL},
};

static const struct golden g_selection[] = {
	{"registered", "counselled, ineligible, on_hold, closed"},
	{"counselled", "assessed, ineligible, on_hold, closed"},
	{"assessed", "eligible, ineligible, on_hold, closed"},
	{"eligible", "submitted, ineligible, on_hold, closed"},
	{"ineligible", "assessed, closed"},
	{"submitted", "interviewed, ineligible, on_hold, rejected, closed"},
	{"interviewed", "accepted, ineligible, on_hold, rejected, closed"},
	{"accepted", "orientation, ineligible, on_hold, closed"},
	{"rejected", "closed"},
	{"orientation", "travel_ready, ineligible, on_hold, closed"},
	{"travel_ready", "booked, ineligible, on_hold, closed"},
	{"booked", "departed, ineligible, on_hold, travel_ready, no_show, closed"},
	{"departed", "arrived"},
	{"no_show", "travel_ready, closed"},
	{"arrived", "integration"},
	{"integration", "closed"},
	{NULL, NULL},
};

static const struct golden g_relocation[] = {
	{"registered", "counselled, ineligible, on_hold, closed"},
	{"counselled", "assessed, ineligible, on_hold, closed"},
	{"assessed", "eligible, ineligible, on_hold, closed"},
	{"eligible", "submitted, ineligible, on_hold, closed"},
	{"ineligible", "assessed, closed"},
	{"submitted", "accepted, ineligible, on_hold, rejected, closed"},
	{"accepted", "orientation, ineligible, on_hold, closed"},
	{"rejected", "closed"},
	{"orientation", "travel_ready, ineligible, on_hold, closed"},
	{"travel_ready", "booked, ineligible, on_hold, closed"},
	{"booked", "departed, ineligible, on_hold, travel_ready, no_show, closed"},
	{"departed", "arrived"},
	{"no_show", "travel_ready, closed"},
	{"arrived", "integration"},
	{"integration", "closed"},
	{NULL, NULL},
};

static const struct {
	const char *code;
	const struct golden *g;
} goldens[] = {
	{"HEV", g_evacuation}, {"VHR", g_return},    {"AVR", g_return},     {"REP", g_return},
	{"HASM", g_stranded},  {"RST", g_selection}, {"REL", g_relocation}, {"CPW", g_selection},
};

static const struct golden *golden_of(const char *code)
{
	for (size_t i = 0; i < ROWS(goldens); i++)
		if (!strcmp(goldens[i].code, code))
			return goldens[i].g;
	fail_msg("no golden table for '%s'", code);
	return NULL;
}

/* The golden next states of from, "none" when it has none. */
static const char *golden_next(const char *code, const char *from)
{
	for (const struct golden *g = golden_of(code); g->state; g++)
		if (!strcmp(g->state, from))
			return g->next;
	return "none";
}

/* Is to in the comma-separated list? */
static bool listed(const char *list, const char *to)
{
	size_t n = strlen(to);
	for (const char *s = list; *s;) {
		size_t k = strcspn(s, ",");
		if (k == n && !strncmp(s, to, n))
			return true;
		s += k;
		while (*s == ',' || *s == ' ')
			s++;
	}
	return false;
}

/* Join cor_lifecycle_next's answer as the message does. */
static void next_str(const struct cor_programme *p, const char *from, const char *held_from,
		     char *buf, size_t len)
{
	const char *next[32];
	size_t n = cor_lifecycle_next(p, from, held_from, next, ROWS(next));
	assert_true(n <= ROWS(next));
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%s", i ? ", " : "", next[i]);
	if (!n)
		snprintf(buf, len, "none");
}

/* A gate on which every guard passes. */
static struct cor_case_gate gate_ok(void)
{
	struct cor_case_gate g;
	memset(&g, 0, sizeof(g));
	g.ref = REF;
	g.reason = "because";
	g.sessions = 1;
	g.decision = "yes";
	g.open_referrals = 0;
	g.bookings = 1;
	g.persons = 3;
	g.persons_assessed = 3;
	g.persons_at_risk = 0;
	g.persons_pre_migration = 3;
	g.eligibility = COR_ELIG_MET;
	return g;
}

static const struct cor_programme *prog(const char *code)
{
	const struct cor_programme *p = cor_programme_find(code);
	if (!p)
		fail_msg("no programme '%s'", code);
	return p;
}

/* Check p: from -> to on gate; the error, code and message expected. */
static void expect_move(const char *code, const char *from, const char *to,
			const struct cor_case_gate *g, int err, const char *why_code,
			const char *msg)
{
	struct cor_refusal why;
	memset(&why, 0x5a, sizeof(why));
	int got = cor_lifecycle_check(prog(code), from, to, g, &why);
	if (got != err)
		fail_msg("%s %s -> %s: %d, expected %d (%s)", code, from, to, got, err,
			 got ? why.msg : "");
	assert_string_equal(why.code, why_code);
	assert_string_equal(why.msg, msg);
}

/* ---- the table --------------------------------------------------------- */

static void test_programme_bits(void **state)
{
	unsigned all = 0;
	for (size_t i = 0; i < cor_programmes_len; i++) {
		unsigned b = cor_programme_bit(&cor_programmes[i]);
		assert_int_not_equal(b, 0);
		assert_int_equal(b & (b - 1), 0); /* one bit */
		assert_int_equal(all & b, 0);     /* its own */
		all |= b;
	}
	struct cor_programme fake = {"XYZ", "none", false, false, NULL};
	assert_int_equal(cor_programme_bit(&fake), 0);
	assert_int_equal(cor_programme_bit(NULL), 0);
	assert_null(cor_lifecycle_find(&fake, "registered", "counselled"));
}

static void test_table_invariants(void **state)
{
	unsigned all = 0;
	for (size_t i = 0; i < cor_programmes_len; i++)
		all |= cor_programme_bit(&cor_programmes[i]);
	for (size_t i = 0; i < cor_transitions_len; i++) {
		const struct cor_transition *t = &cor_transitions[i];
		if (!cor_state_is_valid(t->from) || !cor_state_is_valid(t->to))
			fail_msg("row %zu: %s -> %s names an unknown state", i, t->from, t->to);
		assert_int_not_equal(t->programmes, 0);
		assert_int_equal(t->programmes & ~all, 0);
		assert_int_equal(t->guards & ~(unsigned)COR_GUARD__ALL, 0);
		assert_true((unsigned)t->role < COR_ROLE__N);
		assert_string_not_equal(t->from, t->to);
		/* Resume rows, and only they, leave on_hold for a state before it. */
		assert_int_equal(!!(t->guards & COR_GUARD_RESUME),
				 !strcmp(t->from, "on_hold") && strcmp(t->to, "ineligible") &&
					 strcmp(t->to, "closed"));
		for (size_t k = 0; k < cor_programmes_len; k++) {
			const struct cor_programme *p = &cor_programmes[k];
			if (!(t->programmes & cor_programme_bit(p)))
				continue;
			if (!cor_programme_has_state(p, t->from) ||
			    !cor_programme_has_state(p, t->to))
				fail_msg("row %zu: %s has no state '%s' or '%s'", i, p->code,
					 t->from, t->to);
			/* No programme has two rows for one pair. */
			assert_ptr_equal(cor_lifecycle_find(p, t->from, t->to), t);
			for (size_t j = i + 1; j < cor_transitions_len; j++) {
				const struct cor_transition *u = &cor_transitions[j];
				if ((u->programmes & cor_programme_bit(p)) &&
				    !strcmp(u->from, t->from) && !strcmp(u->to, t->to))
					fail_msg("%s has rows %zu and %zu for %s -> %s", p->code, i,
						 j, t->from, t->to);
			}
		}
	}
}

/* Every step of every usual path is a row, with no guard a case cannot
 * meet, and goes from 'registered' to 'closed'. */
static void test_paths_are_rows(void **state)
{
	for (size_t k = 0; k < cor_programmes_len; k++) {
		const struct cor_programme *p = &cor_programmes[k];
		struct cor_case_gate g = gate_ok();
		assert_string_equal(p->path[0], "registered");
		size_t n = 0;
		for (; p->path[n + 1]; n++) {
			if (!cor_lifecycle_find(p, p->path[n], p->path[n + 1]))
				fail_msg("%s: no row %s -> %s", p->code, p->path[n],
					 p->path[n + 1]);
			g.reason = NULL; /* the usual path needs no reason */
			expect_move(p->code, p->path[n], p->path[n + 1], &g, 0, "", "");
		}
		assert_string_equal(p->path[n], "closed");
	}
}

static void test_names(void **state)
{
	static const char *const roles[] = {
		"caseworker",      "counsellor",       "protection officer",
		"medical officer", "movement officer", "programme manager",
	};
	assert_int_equal(COR_ROLE__N, ROWS(roles));
	for (size_t i = 0; i < ROWS(roles); i++)
		assert_string_equal(cor_role_name((enum cor_role)i), roles[i]);
	assert_string_equal(cor_role_name(COR_ROLE__N), "?");
	assert_string_equal(cor_role_name((enum cor_role) - 1), "?");

	static const struct {
		enum cor_guard g;
		const char *name;
	} guards[] = {
		{COR_GUARD_RESUME, "resume"},
		{COR_GUARD_REASON, "reason"},
		{COR_GUARD_COUNSELLING, "counselling"},
		{COR_GUARD_DECISION, "decision"},
		{COR_GUARD_NO_REFERRAL, "no referral"},
		{COR_GUARD_ASSESSED, "assessed"},
		{COR_GUARD_NOT_AT_RISK, "not at risk"},
		{COR_GUARD_ELIGIBLE, "eligible"},
		{COR_GUARD_PRE_MIGRATION, "pre-migration health"},
	};
	unsigned all = 0;
	for (size_t i = 0; i < ROWS(guards); i++) {
		assert_string_equal(cor_guard_name(guards[i].g), guards[i].name);
		all |= guards[i].g;
	}
	assert_int_equal(all, COR_GUARD__ALL);
	assert_string_equal(cor_guard_name(COR_GUARD__ALL), "?");
	assert_string_equal(cor_guard_name((enum cor_guard)0), "?");
}

/* ---- next states ------------------------------------------------------- */

static void test_next_golden(void **state)
{
	char got[256];
	for (size_t k = 0; k < cor_programmes_len; k++) {
		const struct cor_programme *p = &cor_programmes[k];
		for (size_t i = 0; i < cor_states_len; i++) {
			const char *from = cor_states[i];
			if (!strcmp(from, "on_hold"))
				continue;
			next_str(p, from, NULL, got, sizeof(got));
			if (strcmp(got, golden_next(p->code, from)))
				fail_msg("%s %s: next '%s', expected '%s'", p->code, from, got,
					 golden_next(p->code, from));
		}
	}
	/* max bounds the writes, not the count. */
	const char *one[1] = {NULL};
	assert_int_equal(cor_lifecycle_next(prog("VHR"), "booked", NULL, one, 1), 6);
	assert_string_equal(one[0], "departed");
	assert_int_equal(cor_lifecycle_next(prog("VHR"), "booked", NULL, NULL, 0), 6);
}

/* on_hold goes back where it was held (registered when that is unknown),
 * or to ineligible or closed. */
static void test_next_on_hold(void **state)
{
	char got[256], want[256];
	for (size_t k = 0; k < cor_programmes_len; k++) {
		const struct cor_programme *p = &cor_programmes[k];
		int holds = 0;
		for (size_t i = 0; i < cor_states_len; i++) {
			const char *h = cor_states[i];
			if (!listed(golden_next(p->code, h), "on_hold"))
				continue;
			holds++;
			next_str(p, "on_hold", h, got, sizeof(got));
			snprintf(want, sizeof(want), "%s, ineligible, closed", h);
			if (strcmp(got, want))
				fail_msg("%s on_hold from %s: '%s', expected '%s'", p->code, h, got,
					 want);
		}
		assert_true(holds >=
			    5); /* HEV: registered, assessed, eligible, travel_ready, booked */
		next_str(p, "on_hold", NULL, got, sizeof(got));
		assert_string_equal(got, "registered, ineligible, closed");
		next_str(p, "on_hold", "", got, sizeof(got));
		assert_string_equal(got, "registered, ineligible, closed");
		/* Held from a state it cannot resume to: it can only leave. */
		next_str(p, "on_hold", "departed", got, sizeof(got));
		assert_string_equal(got, "ineligible, closed");
	}
}

/* ---- legal and illegal transitions -------------------------------------- */

/* Every row, for every programme it applies to, passes on a gate that
 * meets its guards; and the golden table and the rows agree. */
static void test_every_legal_transition(void **state)
{
	int checked = 0;
	for (size_t i = 0; i < cor_transitions_len; i++) {
		const struct cor_transition *t = &cor_transitions[i];
		for (size_t k = 0; k < cor_programmes_len; k++) {
			const struct cor_programme *p = &cor_programmes[k];
			if (!(t->programmes & cor_programme_bit(p)))
				continue;
			struct cor_case_gate g = gate_ok();
			if (t->guards & COR_GUARD_RESUME)
				snprintf(g.held_from, sizeof(g.held_from), "%s", t->to);
			else if (!strcmp(t->from, "on_hold"))
				snprintf(g.held_from, sizeof(g.held_from), "registered");
			expect_move(p->code, t->from, t->to, &g, 0, "", "");
			/* Eligibility not evaluated (no hook) passes too. */
			g.eligibility = COR_ELIG_UNCHECKED;
			expect_move(p->code, t->from, t->to, &g, 0, "", "");
			if (strcmp(t->from, "on_hold") &&
			    !listed(golden_next(p->code, t->from), t->to))
				fail_msg("%s %s -> %s is a row but not in the golden table",
					 p->code, t->from, t->to);
			checked++;
		}
	}
	/* Rows times the programmes they apply to: 41 for each return, 35 HEV,
	 * 40 HASM, 64 RST and CPW, 58 REL. */
	assert_int_equal(checked, 384);
	print_message("%d legal transitions checked\n", checked);
}

/* Every (from, to) pair of every programme that is not legal is refused
 * with WRONG_STATE and the exact message. */
static void test_every_illegal_transition(void **state)
{
	char msg[512];
	int refused = 0;
	for (size_t k = 0; k < cor_programmes_len; k++) {
		const struct cor_programme *p = &cor_programmes[k];
		for (size_t i = 0; i < cor_states_len; i++) {
			const char *from = cor_states[i];
			struct cor_case_gate g = gate_ok();
			const char *next = golden_next(p->code, from);
			char hold_next[64];
			if (!strcmp(from, "on_hold")) {
				snprintf(g.held_from, sizeof(g.held_from), "assessed");
				next = "assessed, ineligible, closed";
			}
			snprintf(hold_next, sizeof(hold_next), "%s", next);
			for (size_t j = 0; j < cor_states_len; j++) {
				const char *to = cor_states[j];
				if (listed(hold_next, to))
					continue;
				snprintf(msg, sizeof(msg),
					 "case '" REF "' is '%s'; it cannot go to '%s' (next: %s)",
					 from, to, hold_next);
				expect_move(p->code, from, to, &g, COR_EWRONGSTATE, "WRONG_STATE",
					    msg);
				refused++;
			}
		}
	}
	/* 8 programmes x 19 x 19 pairs, less the legal ones: 36 for each
	 * return, 31 HEV, 35 HASM, 55 RST and CPW, 50 REL (on_hold: 3). */
	assert_int_equal(refused, 8 * 19 * 19 - 334);
	print_message("%d illegal transitions refused\n", refused);
}

static void test_unknown_state(void **state)
{
	struct cor_case_gate g = gate_ok();
	expect_move("VHR", "registered", "bokked", &g, COR_EINVAL, "UNKNOWN_STATE",
		    "case '" REF "': 'bokked' is not a lifecycle state");
	expect_move("VHR", "registered", "", &g, COR_EINVAL, "UNKNOWN_STATE",
		    "case '" REF "': '' is not a lifecycle state");
	expect_move("VHR", "registered", "Counselled", &g, COR_EINVAL, "UNKNOWN_STATE",
		    "case '" REF "': 'Counselled' is not a lifecycle state");
	struct cor_refusal why;
	assert_int_equal(cor_lifecycle_check(prog("VHR"), "registered", "x", &g, &why), COR_EINVAL);
	assert_string_equal(why.field, "state");
	/* No gate: the guards see nothing met, the case is '?'. */
	assert_int_equal(cor_lifecycle_check(prog("HEV"), "registered", "assessed", NULL, NULL), 0);
	expect_move("HEV", "registered", "booked", NULL, COR_EWRONGSTATE, "WRONG_STATE",
		    "case '?' is 'registered'; it cannot go to 'booked' (next: assessed, "
		    "ineligible, on_hold, closed)");
	expect_move("HEV", "registered", "on_hold", NULL, COR_EINVAL, "REASON_REQUIRED",
		    "case '?' is 'registered'; it can go to 'on_hold' only with a reason");
}

/* ---- guards ------------------------------------------------------------ */

static void test_guard_reason(void **state)
{
	static const char *const branches[][2] = {
		{"registered", "on_hold"},  {"counselled", "ineligible"}, {"eligible", "closed"},
		{"booked", "travel_ready"}, {"booked", "no_show"},        {"no_show", "closed"},
		{"on_hold", "closed"},      {"ineligible", "assessed"},   {"on_hold", "ineligible"},
	};
	char msg[256];
	for (size_t i = 0; i < ROWS(branches); i++) {
		struct cor_case_gate g = gate_ok();
		g.reason = NULL;
		snprintf(msg, sizeof(msg),
			 "case '" REF "' is '%s'; it can go to '%s' only with a reason",
			 branches[i][0], branches[i][1]);
		expect_move("VHR", branches[i][0], branches[i][1], &g, COR_EINVAL,
			    "REASON_REQUIRED", msg);
		g.reason = "";
		expect_move("AVR", branches[i][0], branches[i][1], &g, COR_EINVAL,
			    "REASON_REQUIRED", msg);
		struct cor_refusal why;
		assert_int_equal(
			cor_lifecycle_check(prog("VHR"), branches[i][0], branches[i][1], &g, &why),
			COR_EINVAL);
		assert_string_equal(why.field, "reason");
		g.reason = "the person withdrew";
		expect_move("VHR", branches[i][0], branches[i][1], &g, 0, "", "");
	}
	/* Admissions: a rejection needs a reason; closing after it does not. */
	struct cor_case_gate g = gate_ok();
	g.reason = NULL;
	expect_move("RST", "interviewed", "rejected", &g, COR_EINVAL, "REASON_REQUIRED",
		    "case '" REF "' is 'interviewed'; it can go to 'rejected' only with a reason");
	expect_move("REL", "submitted", "rejected", &g, COR_EINVAL, "REASON_REQUIRED",
		    "case '" REF "' is 'submitted'; it can go to 'rejected' only with a reason");
	expect_move("CPW", "rejected", "closed", &g, 0, "", "");
	expect_move("HEV", "ineligible", "closed", &g, 0, "", "");
	expect_move("HEV", "no_show", "travel_ready", &g, 0, "", "");
}

static void test_guard_counselling(void **state)
{
	struct cor_case_gate g = gate_ok();
	g.sessions = 0;
	g.decision = NULL;
	static const char *const returns[] = {"VHR", "AVR", "REP"};
	for (size_t i = 0; i < ROWS(returns); i++)
		expect_move(returns[i], "registered", "counselled", &g, COR_EWRONGSTATE,
			    "NOT_COUNSELLED",
			    "case '" REF "' is 'registered'; it cannot go to 'counselled' before a "
			    "counselling session is recorded (a return happens only at the "
			    "person's request)");
	/* The other programmes that counsel need a session too: 'counselled'
	 * means one is recorded. */
	static const char *const others[] = {"HASM", "RST", "REL", "CPW"};
	for (size_t i = 0; i < ROWS(others); i++)
		expect_move(others[i], "registered", "counselled", &g, COR_EWRONGSTATE,
			    "NOT_COUNSELLED",
			    "case '" REF "' is 'registered'; it cannot go to 'counselled' before a "
			    "counselling session is recorded");
	g.sessions = 1;
	expect_move("VHR", "registered", "counselled", &g, 0, "", "");
	expect_move("RST", "registered", "counselled", &g, 0, "", "");
}

static void test_guard_decision(void **state)
{
	struct cor_case_gate g = gate_ok();
	static const struct {
		const char *decision, *latest;
	} cases[] = {
		{NULL, "none is recorded"},
		{"", "none is recorded"},
		{"no", "the latest is 'no'"},
		{"undecided", "the latest is 'undecided'"},
	};
	static const char *const returns[] = {"VHR", "AVR", "REP"};
	char msg[256];
	for (size_t i = 0; i < ROWS(cases); i++) {
		g.decision = cases[i].decision;
		snprintf(msg, sizeof(msg),
			 "case '" REF "' is 'counselled'; it cannot go to 'assessed' without an "
			 "informed decision 'yes' to return (%s)",
			 cases[i].latest);
		for (size_t k = 0; k < ROWS(returns); k++)
			expect_move(returns[k], "counselled", "assessed", &g, COR_EWRONGSTATE,
				    "NO_INFORMED_DECISION", msg);
		/* A person who changed their mind stops the return further on too. */
		snprintf(msg, sizeof(msg),
			 "case '" REF "' is 'travel_ready'; it cannot go to 'booked' without an "
			 "informed decision 'yes' to return (%s)",
			 cases[i].latest);
		expect_move("VHR", "travel_ready", "booked", &g, COR_EWRONGSTATE,
			    "NO_INFORMED_DECISION", msg);
		/* Not the other programmes; and withdrawing always works. */
		expect_move("HASM", "counselled", "assessed", &g, 0, "", "");
		expect_move("RST", "counselled", "assessed", &g, 0, "", "");
		expect_move("VHR", "counselled", "closed", &g, 0, "", "");
		expect_move("VHR", "counselled", "ineligible", &g, 0, "", "");
	}
	g.decision = "yes";
	expect_move("VHR", "counselled", "assessed", &g, 0, "", "");
}

static void test_guard_referral(void **state)
{
	struct cor_case_gate g = gate_ok();
	g.open_referrals = 1;
	snprintf(g.held_from, sizeof(g.held_from), "counselled");
	expect_move("VHR", "on_hold", "counselled", &g, COR_EWRONGSTATE, "REFERRAL_OPEN",
		    "case '" REF "' is 'on_hold'; it cannot go to 'counselled' while 1 referral "
		    "is open");
	g.open_referrals = 2;
	expect_move("REP", "on_hold", "counselled", &g, COR_EWRONGSTATE, "REFERRAL_OPEN",
		    "case '" REF "' is 'on_hold'; it cannot go to 'counselled' while 2 referrals "
		    "are open");
	/* Every forward step of a return is blocked too. */
	expect_move("AVR", "assessed", "eligible", &g, COR_EWRONGSTATE, "REFERRAL_OPEN",
		    "case '" REF "' is 'assessed'; it cannot go to 'eligible' while 2 referrals "
		    "are open");
	expect_move("VHR", "booked", "departed", &g, COR_EWRONGSTATE, "REFERRAL_OPEN",
		    "case '" REF "' is 'booked'; it cannot go to 'departed' while 2 referrals are "
		    "open");
	/* Leaving the return is not. */
	expect_move("VHR", "on_hold", "closed", &g, 0, "", "");
	expect_move("VHR", "on_hold", "ineligible", &g, 0, "", "");
	expect_move("VHR", "booked", "travel_ready", &g, 0, "", "");
	/* Nor does it block other programmes. */
	expect_move("RST", "on_hold", "counselled", &g, 0, "", "");
	expect_move("HEV", "booked", "departed", &g, 0, "", "");
	g.open_referrals = 0;
	expect_move("VHR", "on_hold", "counselled", &g, 0, "", "");
}

static void test_guard_assessed(void **state)
{
	struct cor_case_gate g = gate_ok();
	g.persons = 3;
	g.persons_assessed = 1;
	expect_move("VHR", "assessed", "eligible", &g, COR_EWRONGSTATE, "PROTECTION_NOT_ASSESSED",
		    "case '" REF "' is 'assessed'; it cannot go to 'eligible' before every "
		    "person's protection risk is assessed (2 of 3 not assessed)");
	g.persons_assessed = 0;
	expect_move("REP", "assessed", "eligible", &g, COR_EWRONGSTATE, "PROTECTION_NOT_ASSESSED",
		    "case '" REF "' is 'assessed'; it cannot go to 'eligible' before every "
		    "person's protection risk is assessed (3 of 3 not assessed)");
	expect_move("HEV", "assessed", "eligible", &g, 0, "", "");
	/* 'assessed' means every person's protection risk is, in every
	 * programme. */
	static const struct {
		const char *code, *from;
	} into[] = {
		{"VHR", "counselled"}, {"HEV", "registered"}, {"HASM", "counselled"},
		{"RST", "counselled"}, {"REL", "counselled"}, {"CPW", "counselled"},
		{"AVR", "ineligible"}, {"RST", "ineligible"}, {"REP", "on_hold"},
		{"HEV", "on_hold"},
	};
	char msg[300];
	for (size_t i = 0; i < ROWS(into); i++) {
		snprintf(g.held_from, sizeof(g.held_from), "assessed");
		snprintf(msg, sizeof(msg),
			 "case '" REF "' is '%s'; it cannot go to 'assessed' before every "
			 "person's protection risk is assessed (3 of 3 not assessed)",
			 into[i].from);
		expect_move(into[i].code, into[i].from, "assessed", &g, COR_EWRONGSTATE,
			    "PROTECTION_NOT_ASSESSED", msg);
	}
	g.persons_assessed = 3;
	for (size_t i = 0; i < ROWS(into); i++)
		expect_move(into[i].code, into[i].from, "assessed", &g, 0, "", "");
	expect_move("VHR", "assessed", "eligible", &g, 0, "", "");
}

/* A resettlement or complementary pathway is travel-ready only once every
 * person has had the pre-migration health assessment. */
static void test_guard_pre_migration(void **state)
{
	struct cor_case_gate g = gate_ok();
	g.persons_pre_migration = 2;
	expect_move("RST", "orientation", "travel_ready", &g, COR_EWRONGSTATE,
		    "HEALTH_NOT_ASSESSED",
		    "case '" REF "' is 'orientation'; it cannot go to 'travel_ready' before every "
		    "person has a pre-migration health assessment (1 of 3 without one)");
	g.persons_pre_migration = 0;
	expect_move("CPW", "orientation", "travel_ready", &g, COR_EWRONGSTATE,
		    "HEALTH_NOT_ASSESSED",
		    "case '" REF "' is 'orientation'; it cannot go to 'travel_ready' before every "
		    "person has a pre-migration health assessment (3 of 3 without one)");
	/* Relocation inside the EU and the other programmes do not ask. */
	expect_move("REL", "orientation", "travel_ready", &g, 0, "", "");
	expect_move("HEV", "eligible", "travel_ready", &g, 0, "", "");
	expect_move("VHR", "eligible", "travel_ready", &g, 0, "", "");
	g.persons_pre_migration = 3;
	expect_move("RST", "orientation", "travel_ready", &g, 0, "", "");
}

static void test_guard_not_at_risk(void **state)
{
	static const char *const blocked[][2] = {
		{"assessed", "eligible"}, {"eligible", "travel_ready"}, {"travel_ready", "booked"},
		{"booked", "departed"},   {"on_hold", "eligible"},      {"on_hold", "travel_ready"},
		{"on_hold", "booked"},    {"no_show", "travel_ready"},
	};
	static const char *const returns[] = {"VHR", "AVR", "REP"};
	char msg[400];
	for (size_t i = 0; i < ROWS(blocked); i++) {
		struct cor_case_gate g = gate_ok();
		g.persons_at_risk = 1;
		snprintf(g.person_at_risk, sizeof(g.person_at_risk), REF "-02");
		snprintf(g.held_from, sizeof(g.held_from), "%s", blocked[i][1]);
		snprintf(msg, sizeof(msg),
			 "case '" REF "' is '%s'; it cannot go to '%s': person '" REF
			 "-02' at high protection risk, not cleared by a protection officer",
			 blocked[i][0], blocked[i][1]);
		for (size_t k = 0; k < ROWS(returns); k++)
			expect_move(returns[k], blocked[i][0], blocked[i][1], &g, COR_EWRONGSTATE,
				    "PROTECTION_NOT_CLEARED", msg);
		/* Not a return: not blocked. */
		expect_move("HEV", blocked[i][0], blocked[i][1], &g, 0, "", "");
		expect_move("HASM", blocked[i][0], blocked[i][1], &g, 0, "", "");
		g.persons_at_risk = 0;
		expect_move("VHR", blocked[i][0], blocked[i][1], &g, 0, "", "");
	}
	struct cor_case_gate g = gate_ok();
	g.persons_at_risk = 2;
	snprintf(g.person_at_risk, sizeof(g.person_at_risk), REF "-01");
	expect_move("VHR", "assessed", "eligible", &g, COR_EWRONGSTATE, "PROTECTION_NOT_CLEARED",
		    "case '" REF "' is 'assessed'; it cannot go to 'eligible': person '" REF
		    "-01' and 1 other at high protection risk, not cleared by a protection "
		    "officer");
	g.persons_at_risk = 3;
	expect_move("VHR", "assessed", "eligible", &g, COR_EWRONGSTATE, "PROTECTION_NOT_CLEARED",
		    "case '" REF "' is 'assessed'; it cannot go to 'eligible': person '" REF
		    "-01' and 2 others at high protection risk, not cleared by a protection "
		    "officer");
	/* Away from departure: never blocked. */
	expect_move("VHR", "booked", "travel_ready", &g, 0, "", "");
	expect_move("VHR", "booked", "on_hold", &g, 0, "", "");
	expect_move("VHR", "eligible", "ineligible", &g, 0, "", "");
	expect_move("VHR", "assessed", "closed", &g, 0, "", "");
	expect_move("VHR", "departed", "arrived", &g, 0, "", "");
	expect_move("VHR", "counselled", "assessed", &g, 0, "", "");
}

static void test_guard_eligible(void **state)
{
	static const struct {
		const char *code, *from;
	} rows[] = {
		{"VHR", "eligible"},    {"HEV", "eligible"},    {"HASM", "eligible"},
		{"RST", "orientation"}, {"REL", "orientation"}, {"AVR", "no_show"},
		{"CPW", "no_show"},     {"REP", "on_hold"},     {"HEV", "on_hold"},
	};
	char msg[400];
	for (size_t i = 0; i < ROWS(rows); i++) {
		struct cor_case_gate g = gate_ok();
		snprintf(g.held_from, sizeof(g.held_from), "travel_ready");
		g.eligibility = COR_ELIG_NOT_MET;
		snprintf(g.ineligible_why, sizeof(g.ineligible_why),
			 "person '" REF "-01': passport expired on 2026-01-01");
		snprintf(msg, sizeof(msg),
			 "case '" REF "' is '%s'; it cannot go to 'travel_ready': person '" REF
			 "-01': passport expired on 2026-01-01",
			 rows[i].from);
		expect_move(rows[i].code, rows[i].from, "travel_ready", &g, COR_EWRONGSTATE,
			    "NOT_ELIGIBLE", msg);
		g.ineligible_why[0] = '\0';
		snprintf(msg, sizeof(msg),
			 "case '" REF "' is '%s'; it cannot go to 'travel_ready': the eligibility "
			 "criteria are not met",
			 rows[i].from);
		expect_move(rows[i].code, rows[i].from, "travel_ready", &g, COR_EWRONGSTATE,
			    "NOT_ELIGIBLE", msg);
		g.eligibility = COR_ELIG_MET;
		expect_move(rows[i].code, rows[i].from, "travel_ready", &g, 0, "", "");
	}
	/* Unbooking does not ask. */
	struct cor_case_gate g = gate_ok();
	g.eligibility = COR_ELIG_NOT_MET;
	expect_move("VHR", "booked", "travel_ready", &g, 0, "", "");
	expect_move("VHR", "assessed", "eligible", &g, 0, "", "");
}

static void test_guard_resume(void **state)
{
	struct cor_case_gate g = gate_ok();
	snprintf(g.held_from, sizeof(g.held_from), "counselled");
	expect_move("VHR", "on_hold", "counselled", &g, 0, "", "");
	expect_move("VHR", "on_hold", "assessed", &g, COR_EWRONGSTATE, "WRONG_STATE",
		    "case '" REF "' is 'on_hold'; it cannot go to 'assessed' (next: counselled, "
		    "ineligible, closed)");
	expect_move("VHR", "on_hold", "registered", &g, COR_EWRONGSTATE, "WRONG_STATE",
		    "case '" REF "' is 'on_hold'; it cannot go to 'registered' (next: counselled, "
		    "ineligible, closed)");
	g.held_from[0] = '\0';
	expect_move("VHR", "on_hold", "registered", &g, 0, "", "");
	expect_move("VHR", "on_hold", "counselled", &g, COR_EWRONGSTATE, "WRONG_STATE",
		    "case '" REF "' is 'on_hold'; it cannot go to 'counselled' (next: registered, "
		    "ineligible, closed)");
	/* Resuming a return beyond counselling asks for the decision again. */
	snprintf(g.held_from, sizeof(g.held_from), "booked");
	g.decision = "undecided";
	expect_move("VHR", "on_hold", "booked", &g, COR_EWRONGSTATE, "NO_INFORMED_DECISION",
		    "case '" REF "' is 'on_hold'; it cannot go to 'booked' without an informed "
		    "decision 'yes' to return (the latest is 'undecided')");
}

/* The guards are checked in a fixed order: the first unmet one answers. */
static void test_guard_order(void **state)
{
	struct cor_case_gate g = gate_ok();
	g.decision = "no";
	g.open_referrals = 1;
	g.persons_assessed = 0;
	g.persons_at_risk = 1;
	g.eligibility = COR_ELIG_NOT_MET;
	snprintf(g.person_at_risk, sizeof(g.person_at_risk), REF "-01");
	struct cor_refusal why;
	assert_int_equal(cor_lifecycle_check(prog("VHR"), "eligible", "travel_ready", &g, &why),
			 COR_EWRONGSTATE);
	assert_string_equal(why.code, "NO_INFORMED_DECISION");
	g.decision = "yes";
	cor_lifecycle_check(prog("VHR"), "eligible", "travel_ready", &g, &why);
	assert_string_equal(why.code, "REFERRAL_OPEN");
	g.open_referrals = 0;
	cor_lifecycle_check(prog("VHR"), "eligible", "travel_ready", &g, &why);
	assert_string_equal(why.code, "PROTECTION_NOT_ASSESSED");
	g.persons_assessed = 3;
	cor_lifecycle_check(prog("VHR"), "eligible", "travel_ready", &g, &why);
	assert_string_equal(why.code, "PROTECTION_NOT_CLEARED");
	g.persons_at_risk = 0;
	cor_lifecycle_check(prog("VHR"), "eligible", "travel_ready", &g, &why);
	assert_string_equal(why.code, "NOT_ELIGIBLE");
	/* The structure answers before any guard. */
	g.reason = NULL;
	cor_lifecycle_check(prog("VHR"), "eligible", "booked", &g, &why);
	assert_string_equal(why.code, "WRONG_STATE");
}

static void test_text_check(void **state)
{
	struct cor_refusal why;
	assert_int_equal(cor_lifecycle_text_check("reason", "withdrew", 10, &why), 0);
	assert_int_equal(cor_lifecycle_text_check("reason", "a", 1, NULL), 0);
	assert_int_equal(cor_lifecycle_text_check("reason", "عاد إلى بلده", 100, NULL), 0);
	static const char *const bad[] = {"",          " ",    "   ",           "tab\there",
					  "new\nline", "\x7f", "bad \xff utf-8"};
	for (size_t i = 0; i < ROWS(bad); i++) {
		memset(&why, 0, sizeof(why));
		assert_int_equal(cor_lifecycle_text_check("outcome", bad[i], 100, &why),
				 COR_EINVAL);
		assert_string_equal(why.code, "INVALID");
		assert_string_equal(why.field, "outcome");
		assert_string_equal(
			why.msg, "outcome: give 1 to 100 bytes of text without control characters");
	}
	assert_int_equal(cor_lifecycle_text_check("reason", NULL, 10, &why), COR_EINVAL);
	assert_int_equal(cor_lifecycle_text_check("reason", "12345678901", 10, &why), COR_EINVAL);
	assert_int_equal(cor_lifecycle_text_check("reason", "1234567890", 10, &why), 0);
}

/* ---- docs/workflow.md --------------------------------------------------- */

/* One documented row. */
struct doc_row {
	unsigned programmes;
	char from[COR_STATE_MAX], to[COR_STATE_MAX], role[32];
	unsigned guards;
};

static char *trim(char *s)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
	/* `code` spans */
	if (n >= 2 && s[0] == '`' && s[n - 1] == '`') {
		s[n - 1] = '\0';
		s++;
	}
	return s;
}

static unsigned guard_bits(const char *names, int line)
{
	if (!strcmp(names, "-"))
		return 0;
	unsigned bits = 0;
	char buf[256];
	snprintf(buf, sizeof(buf), "%s", names);
	for (char *save = NULL, *g = strtok_r(buf, ",", &save); g; g = strtok_r(NULL, ",", &save)) {
		char *name = trim(g);
		unsigned b = 0;
		for (unsigned bit = 1; bit <= COR_GUARD__ALL; bit <<= 1)
			if (!strcmp(cor_guard_name((enum cor_guard)bit), name))
				b = bit;
		if (!b)
			fail_msg("docs/workflow.md:%d: unknown guard '%s'", line, name);
		bits |= b;
	}
	return bits;
}

/* Read the transition tables of docs/workflow.md: under a heading
 * "### HEV" or "### VHR, AVR, REP: ...", rows "| from | to | role | guards |". */
static size_t read_doc(struct doc_row *rows, size_t max)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s", __FILE__);
	char *cut = strstr(path, "tests/unit/domain/test_lifecycle.c");
	assert_non_null(cut);
	snprintf(cut, sizeof(path) - (size_t)(cut - path), "docs/workflow.md");
	FILE *f = fopen(path, "r");
	if (!f)
		fail_msg("cannot open '%s'", path);
	char line[512];
	unsigned progs = 0;
	size_t n = 0;
	int lineno = 0;
	while (fgets(line, sizeof(line), f)) {
		lineno++;
		if (!strncmp(line, "## ", 3)) {
			progs = 0;
		} else if (!strncmp(line, "### ", 4)) {
			progs = 0;
			char *h = line + 4;
			h[strcspn(h, ":\n")] = '\0';
			for (char *save = NULL, *c = strtok_r(h, ",", &save); c;
			     c = strtok_r(NULL, ",", &save)) {
				const struct cor_programme *p = cor_programme_find(trim(c));
				if (!p) {
					progs = 0;
					break;
				}
				progs |= cor_programme_bit(p);
			}
		} else if (progs && line[0] == '|' && !strstr(line, "---") &&
			   !strstr(line, "| from |")) {
			char *cells[6] = {0};
			int nc = 0;
			for (char *save = NULL, *c = strtok_r(line + 1, "|", &save); c && nc < 6;
			     c = strtok_r(NULL, "|", &save))
				cells[nc++] = trim(c);
			if (nc < 4 || !*cells[0])
				continue;
			assert_true(n < max);
			rows[n].programmes = progs;
			snprintf(rows[n].from, sizeof(rows[n].from), "%s", cells[0]);
			snprintf(rows[n].to, sizeof(rows[n].to), "%s", cells[1]);
			snprintf(rows[n].role, sizeof(rows[n].role), "%s", cells[2]);
			rows[n].guards = guard_bits(cells[3], lineno);
			n++;
		}
	}
	fclose(f);
	return n;
}

/* Every documented transition is a row with that role and those guards,
 * and every row is documented for every programme it applies to. */
/* Entering 'booked' needs a booking, whatever the row. */
static void test_booking_needed(void **state)
{
	(void)state;
	struct cor_case_gate g = gate_ok();
	g.bookings = 0;
	expect_move("VHR", "travel_ready", "booked", &g, COR_EINVAL, "NO_BOOKING",
		    "case '" REF "' is 'travel_ready'; it cannot go to 'booked' without a seat on "
		    "a movement");
	expect_move("HEV", "travel_ready", "booked", &g, COR_EINVAL, "NO_BOOKING",
		    "case '" REF "' is 'travel_ready'; it cannot go to 'booked' without a seat on "
		    "a movement");
	/* The guards come first. */
	g.persons_at_risk = 1;
	snprintf(g.person_at_risk, sizeof(g.person_at_risk), "%s-01", REF);
	struct cor_refusal why;
	assert_int_equal(
		cor_lifecycle_check(cor_programme_find("VHR"), "travel_ready", "booked", &g, &why),
		COR_EWRONGSTATE);
	assert_string_equal(why.code, "PROTECTION_NOT_CLEARED");
	/* Leaving is never held back by it. */
	g = gate_ok();
	g.bookings = 0;
	expect_move("VHR", "booked", "departed", &g, 0, "", "");
}

/* A reason given is checked as text before anything else of the move. */
static void test_reason_text(void **state)
{
	(void)state;
	struct cor_case_gate g = gate_ok();
	g.reason = "two\nlines";
	expect_move("VHR", "registered", "on_hold", &g, COR_EINVAL, "INVALID",
		    "reason: give 1 to 500 bytes of text without control characters");
	struct cor_refusal why;
	cor_lifecycle_check(cor_programme_find("VHR"), "registered", "on_hold", &g, &why);
	assert_string_equal(why.field, "reason");
}

/* Every code a refusal can carry is a code of the one error table, and
 * every code the checks produce is listed. */
static void test_refusal_codes_known(void **state)
{
	(void)state;
	size_t n = 0;
	for (const char *const *c = cor_refusal_codes; *c; c++, n++)
		if (cor_code_from_name(*c) < 0)
			fail_msg("refusal code '%s' is not in COR_CODES", *c);
	assert_true(n >= 12);

	/* Produce each refusal of the lifecycle and find its code listed. */
	const struct cor_programme *vhr = cor_programme_find("VHR");
	struct {
		const char *from, *to;
		void (*spoil)(struct cor_case_gate *g);
	} cases[] = {
		{"registered", "bokked", NULL},
		{"registered", "booked", NULL},
		{"travel_ready", "booked", NULL},
		{"registered", "counselled", NULL},
	};
	struct cor_case_gate g = gate_ok();
	struct cor_refusal why;
	const char *seen[16];
	size_t nseen = 0;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		g = gate_ok();
		if (i == 2)
			g.bookings = 0;
		if (i == 3)
			g.sessions = 0;
		assert_true(cor_lifecycle_check(vhr, cases[i].from, cases[i].to, &g, &why) < 0);
		seen[nseen++] = why.code;
	}
	g = gate_ok();
	g.reason = "";
	assert_true(cor_lifecycle_check(vhr, "registered", "on_hold", &g, &why) < 0);
	seen[nseen++] = why.code;
	g = gate_ok();
	g.reason = "\t";
	assert_true(cor_lifecycle_check(vhr, "registered", "on_hold", &g, &why) < 0);
	seen[nseen++] = why.code;
	g = gate_ok();
	g.decision = "no";
	assert_true(cor_lifecycle_check(vhr, "counselled", "assessed", &g, &why) < 0);
	seen[nseen++] = why.code;
	g = gate_ok();
	g.open_referrals = 1;
	assert_true(cor_lifecycle_check(vhr, "registered", "counselled", &g, &why) < 0);
	seen[nseen++] = why.code;
	g = gate_ok();
	g.persons_assessed = 1;
	assert_true(cor_lifecycle_check(vhr, "assessed", "eligible", &g, &why) < 0);
	seen[nseen++] = why.code;
	g = gate_ok();
	g.persons_at_risk = 1;
	assert_true(cor_lifecycle_check(vhr, "assessed", "eligible", &g, &why) < 0);
	seen[nseen++] = why.code;
	g = gate_ok();
	g.eligibility = COR_ELIG_NOT_MET;
	assert_true(cor_lifecycle_check(vhr, "eligible", "travel_ready", &g, &why) < 0);
	seen[nseen++] = why.code;
	for (size_t i = 0; i < nseen; i++) {
		bool listed = false;
		for (const char *const *c = cor_refusal_codes; *c && !listed; c++)
			listed = !strcmp(*c, seen[i]);
		if (!listed || cor_code_from_name(seen[i]) < 0)
			fail_msg("refusal %zu: code '%s' not listed or not in COR_CODES", i,
				 seen[i]);
	}
	const char *want[] = {
		"UNKNOWN_STATE",          "WRONG_STATE",     "NO_BOOKING",
		"NOT_COUNSELLED",         "REASON_REQUIRED", "INVALID",
		"NO_INFORMED_DECISION",   "REFERRAL_OPEN",   "PROTECTION_NOT_ASSESSED",
		"PROTECTION_NOT_CLEARED", "NOT_ELIGIBLE"};
	assert_int_equal(nseen, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < nseen; i++)
		assert_string_equal(seen[i], want[i]);
}

static void test_docs_match_table(void **state)
{
	static struct doc_row rows[1024];
	size_t n = read_doc(rows, ROWS(rows));
	assert_true(n > 100);
	for (size_t k = 0; k < cor_programmes_len; k++) {
		const struct cor_programme *p = &cor_programmes[k];
		unsigned bit = cor_programme_bit(p);
		size_t documented = 0, tabled = 0;
		for (size_t i = 0; i < n; i++) {
			if (!(rows[i].programmes & bit))
				continue;
			documented++;
			const struct cor_transition *t =
				cor_lifecycle_find(p, rows[i].from, rows[i].to);
			if (!t)
				fail_msg("docs/workflow.md: %s %s -> %s is not in the table",
					 p->code, rows[i].from, rows[i].to);
			if (strcmp(cor_role_name(t->role), rows[i].role))
				fail_msg("docs/workflow.md: %s %s -> %s: role '%s', the table says "
					 "'%s'",
					 p->code, rows[i].from, rows[i].to, rows[i].role,
					 cor_role_name(t->role));
			if (t->guards != rows[i].guards)
				fail_msg("docs/workflow.md: %s %s -> %s: guards %#x, the table "
					 "says %#x",
					 p->code, rows[i].from, rows[i].to, rows[i].guards,
					 t->guards);
		}
		for (size_t i = 0; i < cor_transitions_len; i++)
			tabled += (cor_transitions[i].programmes & bit) != 0;
		if (documented != tabled)
			fail_msg("docs/workflow.md documents %zu transitions of %s; the table has "
				 "%zu",
				 documented, p->code, tabled);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_programme_bits),
		cmocka_unit_test(test_table_invariants),
		cmocka_unit_test(test_paths_are_rows),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_next_golden),
		cmocka_unit_test(test_next_on_hold),
		cmocka_unit_test(test_every_legal_transition),
		cmocka_unit_test(test_every_illegal_transition),
		cmocka_unit_test(test_unknown_state),
		cmocka_unit_test(test_guard_reason),
		cmocka_unit_test(test_guard_counselling),
		cmocka_unit_test(test_guard_decision),
		cmocka_unit_test(test_guard_referral),
		cmocka_unit_test(test_guard_assessed),
		cmocka_unit_test(test_guard_pre_migration),
		cmocka_unit_test(test_guard_not_at_risk),
		cmocka_unit_test(test_guard_eligible),
		cmocka_unit_test(test_guard_resume),
		cmocka_unit_test(test_guard_order),
		cmocka_unit_test(test_text_check),
		cmocka_unit_test(test_booking_needed),
		cmocka_unit_test(test_reason_text),
		cmocka_unit_test(test_refusal_codes_known),
		cmocka_unit_test(test_docs_match_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
