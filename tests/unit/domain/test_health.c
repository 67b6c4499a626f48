// SPDX-License-Identifier: Apache-2.0
// Unit tests for the health rules: names and their parsing, the SSR codes of
// every condition, each rule of a check with its exact message, the fitness
// window at and around its edges, what clears travel, the event text (never
// the TB class), notes, and UTC times at minute precision.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "domain/eligibility.h"
#include "domain/health.h"
#include "util/error.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))
#define B(c)    COR_HEALTH_COND_BIT(COR_HEALTH_##c)

static int64_t T(const char *s)
{
	int64_t t;
	if (cor_health_time_parse(s, &t) != 0)
		fail_msg("'%s' does not parse", s);
	return t;
}

static struct cor_health_check mkcheck(enum cor_health_outcome o, unsigned conds,
				       enum cor_health_tb tb)
{
	struct cor_health_check h;
	memset(&h, 0, sizeof(h));
	h.kind = COR_HEALTH_FITNESS;
	h.outcome = o;
	h.conditions = conds;
	h.tb = tb;
	h.at = T("2026-03-01T08:00Z");
	snprintf(h.examiner, sizeof(h.examiner), "Dr N. Haddad");
	return h;
}

static void test_names(void **state)
{
	static const char *const outcomes[] = {"fit", "fit_with_conditions", "unfit", "deferred"};
	for (size_t i = 0; i < ROWS(outcomes); i++) {
		enum cor_health_outcome o = COR_HEALTH_OUTCOME_NONE;
		assert_int_equal(cor_health_outcome_parse(outcomes[i], &o), 0);
		assert_int_equal(o, (int)i + 1);
		assert_string_equal(cor_health_outcome_name(o), outcomes[i]);
	}
	enum cor_health_outcome o = COR_HEALTH_FIT;
	assert_int_equal(cor_health_outcome_parse("", &o), COR_EINVAL);
	assert_int_equal(cor_health_outcome_parse("Fit", &o), COR_EINVAL);
	assert_int_equal(cor_health_outcome_parse("fit ", &o), COR_EINVAL);
	assert_int_equal(o, COR_HEALTH_FIT);
	assert_string_equal(cor_health_outcome_name(COR_HEALTH_OUTCOME_NONE), "");

	static const char *const conds[] = {
		"medical_escort", "non_medical_escort", "oxygen",     "wchr",     "wchs",
		"wchc",           "stretcher",          "extra_seat", "front_row"};
	assert_int_equal(ROWS(conds), COR_HEALTH_CONDITION__N);
	for (size_t i = 0; i < ROWS(conds); i++) {
		enum cor_health_condition c;
		assert_int_equal(cor_health_condition_parse(conds[i], &c), 0);
		assert_int_equal(c, (int)i);
		assert_string_equal(cor_health_condition_name(c), conds[i]);
	}
	enum cor_health_condition c;
	assert_int_equal(cor_health_condition_parse("WCHC", &c), 0);
	assert_int_equal(c, COR_HEALTH_WCHC);
	assert_int_equal(cor_health_condition_parse("Medical_Escort", &c), COR_EINVAL);
	assert_int_equal(cor_health_condition_parse("STCR", &c), COR_EINVAL);
	assert_int_equal(cor_health_condition_parse("", &c), COR_EINVAL);

	static const char *const tbs[] = {"none", "A", "B1_pulmonary", "B1_extrapulmonary",
					  "B2",   "B3"};
	for (size_t i = 0; i < ROWS(tbs); i++) {
		enum cor_health_tb t;
		assert_int_equal(cor_health_tb_parse(tbs[i], &t), 0);
		assert_int_equal(t, (int)i + 1);
		assert_string_equal(cor_health_tb_name(t), tbs[i]);
	}
	enum cor_health_tb t;
	assert_int_equal(cor_health_tb_parse("b1_PULMONARY", &t), 0);
	assert_int_equal(t, COR_HEALTH_TB_B1_PULMONARY);
	assert_int_equal(cor_health_tb_parse("a", &t), 0);
	assert_int_equal(t, COR_HEALTH_TB_A);
	assert_int_equal(cor_health_tb_parse("", &t), COR_EINVAL);
	assert_int_equal(cor_health_tb_parse("B1", &t), COR_EINVAL);
	assert_int_equal(cor_health_tb_parse("C", &t), COR_EINVAL);
	assert_string_equal(cor_health_tb_name(COR_HEALTH_TB_NOT_SCREENED), "");

	assert_string_equal(cor_health_kind_name(COR_HEALTH_FITNESS), "fitness_to_travel");
	assert_string_equal(cor_health_kind_name(COR_HEALTH_PRE_MIGRATION), "pre_migration");
	assert_string_equal(cor_health_kind_title(COR_HEALTH_PRE_MIGRATION),
			    "pre-migration health assessment");
}

static void test_ssr(void **state)
{
	static const struct {
		unsigned set;
		const char *names, *ssr;
	} rows[] = {
		{0, "", ""},
		{B(MEDICAL_ESCORT), "medical_escort", "MEDA"},
		{B(NON_MEDICAL_ESCORT), "non_medical_escort", ""},
		{B(OXYGEN), "oxygen", "MEDA OXYG"},
		{B(WCHR), "wchr", "WCHR"},
		{B(WCHS), "wchs", "WCHS"},
		{B(WCHC), "wchc", "WCHC"},
		{B(STRETCHER), "stretcher", "MEDA STCR"},
		{B(EXTRA_SEAT), "extra_seat", "EXST"},
		{B(FRONT_ROW), "front_row", ""},
		{B(STRETCHER) | B(MEDICAL_ESCORT), "medical_escort, stretcher", "MEDA STCR"},
		{B(EXTRA_SEAT) | B(WCHC) | B(OXYGEN) | B(MEDICAL_ESCORT),
		 "medical_escort, oxygen, wchc, extra_seat", "MEDA OXYG WCHC EXST"},
		{B(FRONT_ROW) | B(NON_MEDICAL_ESCORT) | B(WCHS),
		 "non_medical_escort, wchs, front_row", "WCHS"},
	};
	for (size_t i = 0; i < ROWS(rows); i++) {
		char names[200], ssr[64];
		assert_string_equal(cor_health_conditions_format(rows[i].set, names, sizeof(names)),
				    rows[i].names);
		assert_string_equal(cor_health_ssr_format(rows[i].set, ssr, sizeof(ssr)),
				    rows[i].ssr);
	}
	const char *codes[COR_HEALTH_SSR_MAX];
	assert_int_equal(cor_health_ssr_codes(B(OXYGEN) | B(STRETCHER) | B(MEDICAL_ESCORT), codes),
			 3);
	assert_string_equal(codes[0], "MEDA");
	assert_string_equal(codes[1], "OXYG");
	assert_string_equal(codes[2], "STCR");
	/* A short buffer is cut, never overrun. */
	char small[6];
	assert_string_equal(cor_health_ssr_format(B(OXYGEN), small, sizeof(small)), "MEDA ");
	assert_string_equal(cor_health_conditions_format(B(OXYGEN) | B(WCHR), small, sizeof(small)),
			    "oxyge");
}

static void test_validate(void **state)
{
	static const struct {
		enum cor_health_outcome o;
		unsigned conds;
		enum cor_health_tb tb;
		const char *dest;
		const char *field; /* NULL: valid */
		const char *message;
	} rows[] = {
		{COR_HEALTH_FIT, 0, 0, "SDN", NULL, NULL},
		{COR_HEALTH_UNFIT, 0, 0, "SDN", NULL, NULL},
		{COR_HEALTH_DEFERRED, 0, 0, "SDN", NULL, NULL},
		{COR_HEALTH_FIT_WITH_CONDITIONS, B(WCHR), 0, "SDN", NULL, NULL},
		{COR_HEALTH_FIT_WITH_CONDITIONS, B(STRETCHER) | B(MEDICAL_ESCORT) | B(OXYGEN), 0,
		 "CAN", NULL, NULL},
		{COR_HEALTH_OUTCOME_NONE, 0, 0, "SDN", "outcome",
		 "give one of fit, fit_with_conditions, unfit, deferred"},
		{COR_HEALTH_FIT, B(WCHR), 0, "SDN", "condition",
		 "outcome 'fit' takes no condition (given: wchr); record fit_with_conditions "
		 "instead"},
		{COR_HEALTH_FIT_WITH_CONDITIONS, 0, 0, "SDN", "condition",
		 "outcome 'fit_with_conditions' needs at least one condition (medical_escort, "
		 "non_medical_escort, oxygen, wchr, wchs, wchc, stretcher, extra_seat, front_row)"},
		{COR_HEALTH_UNFIT, B(OXYGEN) | B(MEDICAL_ESCORT), 0, "SDN", "condition",
		 "outcome 'unfit' takes no condition: conditions are the terms of travel (given: "
		 "medical_escort, oxygen)"},
		{COR_HEALTH_DEFERRED, B(FRONT_ROW), 0, "SDN", "condition",
		 "outcome 'deferred' takes no condition: conditions are the terms of travel "
		 "(given: "
		 "front_row)"},
		{COR_HEALTH_FIT_WITH_CONDITIONS, B(WCHR) | B(WCHC), 0, "SDN", "condition",
		 "wchr and wchc are both wheelchair classes: give one"},
		{COR_HEALTH_FIT_WITH_CONDITIONS, B(WCHS) | B(WCHC) | B(WCHR), 0, "SDN", "condition",
		 "wchr and wchs are both wheelchair classes: give one"},
		{COR_HEALTH_FIT_WITH_CONDITIONS, B(STRETCHER) | B(MEDICAL_ESCORT) | B(WCHC), 0,
		 "SDN", "condition",
		 "a stretcher passenger takes no wheelchair class (given: stretcher and wchc)"},
		{COR_HEALTH_FIT_WITH_CONDITIONS, B(STRETCHER) | B(NON_MEDICAL_ESCORT), 0, "SDN",
		 "condition",
		 "a stretcher passenger travels with a medical escort: add medical_escort"},
		/* TB: required for the USA only, on any outcome. */
		{COR_HEALTH_FIT, 0, COR_HEALTH_TB_NOT_SCREENED, "USA", "tb",
		 "a case bound for the USA needs a TB class: none, A, B1_pulmonary, "
		 "B1_extrapulmonary, "
		 "B2 or B3"},
		{COR_HEALTH_DEFERRED, 0, COR_HEALTH_TB_NOT_SCREENED, "USA", "tb",
		 "a case bound for the USA needs a TB class: none, A, B1_pulmonary, "
		 "B1_extrapulmonary, "
		 "B2 or B3"},
		{COR_HEALTH_FIT, 0, COR_HEALTH_TB_NONE, "USA", NULL, NULL},
		{COR_HEALTH_UNFIT, 0, COR_HEALTH_TB_A, "USA", NULL, NULL},
		{COR_HEALTH_FIT, 0, COR_HEALTH_TB_B2, "USA", NULL, NULL},
		{COR_HEALTH_FIT, 0, COR_HEALTH_TB_NOT_SCREENED, "CAN", NULL, NULL},
		{COR_HEALTH_FIT, 0, COR_HEALTH_TB_B3, "CAN", NULL, NULL},
		{COR_HEALTH_FIT, 0, (enum cor_health_tb)99, "CAN", "tb", "is not a TB class"},
	};
	for (size_t i = 0; i < ROWS(rows); i++) {
		struct cor_health_check h = mkcheck(rows[i].o, rows[i].conds, rows[i].tb);
		struct cor_health_issue is = {0};
		int err = cor_health_check_validate(&h, rows[i].dest, &is);
		if (!rows[i].field) {
			if (err != 0)
				fail_msg("row %zu: refused: %s: %s", i, is.field, is.message);
			continue;
		}
		if (err != COR_EINVAL)
			fail_msg("row %zu: accepted, expected %s: %s", i, rows[i].field,
				 rows[i].message);
		assert_string_equal(is.field, rows[i].field);
		assert_string_equal(is.message, rows[i].message);
	}
	/* The examiner's name must be clean text. */
	struct cor_health_check h = mkcheck(COR_HEALTH_FIT, 0, 0);
	struct cor_health_issue is;
	snprintf(h.examiner, sizeof(h.examiner), "Dr\nX");
	assert_int_equal(cor_health_check_validate(&h, "SDN", &is), COR_EINVAL);
	assert_string_equal(is.field, "examiner");
	/* Conditions this version does not know. */
	h = mkcheck(COR_HEALTH_FIT_WITH_CONDITIONS, 1u << 20, 0);
	assert_int_equal(cor_health_check_validate(&h, "SDN", &is), COR_EINVAL);
	assert_string_equal(is.field, "condition");
}

static void test_window(void **state)
{
	char msg[COR_HEALTH_MSG_MAX];
	int64_t at = T("2026-03-01T08:00Z");

	/* Exactly 72 h: valid. One minute more: not. */
	assert_true(cor_health_window_ok(at, T("2026-03-04T08:00Z"), 72, msg, sizeof(msg)));
	assert_string_equal(msg, "");
	assert_false(cor_health_window_ok(at, T("2026-03-04T08:01Z"), 72, msg, sizeof(msg)));
	assert_string_equal(msg,
			    "the check of 2026-03-01T08:00Z is 72 h 01 min before departure at "
			    "2026-03-04T08:01Z, more than the 72 h allowed");
	assert_false(cor_health_window_ok(at, T("2026-03-05T08:00Z"), 72, msg, sizeof(msg)));
	assert_string_equal(msg, "the check of 2026-03-01T08:00Z is 96 h before departure at "
				 "2026-03-05T08:00Z, more than the 72 h allowed");
	/* A minute before the edge, the check itself at departure. */
	assert_true(cor_health_window_ok(at, T("2026-03-04T07:59Z"), 72, msg, sizeof(msg)));
	assert_true(cor_health_window_ok(at, at, 72, msg, sizeof(msg)));
	/* After departure. */
	assert_false(cor_health_window_ok(at, T("2026-03-01T07:59Z"), 72, msg, sizeof(msg)));
	assert_string_equal(msg, "the check of 2026-03-01T08:00Z is after departure at "
				 "2026-03-01T07:59Z");
	/* Another window; across a month and a year end. */
	assert_true(cor_health_window_ok(at, T("2026-03-02T08:00Z"), 24, msg, sizeof(msg)));
	assert_false(cor_health_window_ok(at, T("2026-03-02T08:30Z"), 24, msg, sizeof(msg)));
	assert_string_equal(msg,
			    "the check of 2026-03-01T08:00Z is 24 h 30 min before departure at "
			    "2026-03-02T08:30Z, more than the 24 h allowed");
	assert_true(cor_health_window_ok(T("2026-12-29T23:00Z"), T("2027-01-01T23:00Z"), 72, msg,
					 sizeof(msg)));
	assert_false(cor_health_window_ok(T("2024-02-26T12:00Z"), T("2024-02-29T12:01Z"), 72, msg,
					  sizeof(msg)));
	assert_string_equal(msg,
			    "the check of 2024-02-26T12:00Z is 72 h 01 min before departure at "
			    "2024-02-29T12:01Z, more than the 72 h allowed");
}

static void test_clears_travel(void **state)
{
	char msg[COR_HEALTH_MSG_MAX];
	int64_t dep = T("2026-03-03T20:00Z");
	struct cor_health_check h = mkcheck(COR_HEALTH_FIT, 0, 0);
	assert_true(cor_health_clears_travel(&h, dep, COR_HEALTH_WINDOW_HOURS, msg, sizeof(msg)));
	h = mkcheck(COR_HEALTH_FIT_WITH_CONDITIONS, B(WCHR), 0);
	assert_true(cor_health_clears_travel(&h, dep, 72, msg, sizeof(msg)));
	assert_false(cor_health_clears_travel(&h, dep, 24, msg, sizeof(msg)));
	assert_string_equal(msg, "the check of 2026-03-01T08:00Z is 60 h before departure at "
				 "2026-03-03T20:00Z, more than the 24 h allowed");
	h = mkcheck(COR_HEALTH_UNFIT, 0, 0);
	assert_false(cor_health_clears_travel(&h, dep, 72, msg, sizeof(msg)));
	assert_string_equal(msg, "the check of 2026-03-01T08:00Z says unfit");
	h = mkcheck(COR_HEALTH_DEFERRED, 0, 0);
	assert_false(cor_health_clears_travel(&h, dep, 72, msg, sizeof(msg)));
	assert_string_equal(msg, "the check of 2026-03-01T08:00Z says deferred");
	h = mkcheck(COR_HEALTH_FIT, 0, 0);
	h.kind = COR_HEALTH_PRE_MIGRATION;
	assert_false(cor_health_clears_travel(&h, dep, 72, msg, sizeof(msg)));
	assert_string_equal(msg,
			    "a pre-migration health assessment is not a fitness-to-travel check");
}

static void test_event_detail(void **state)
{
	char buf[512];
	struct cor_health_check h =
		mkcheck(COR_HEALTH_FIT_WITH_CONDITIONS, B(WCHC) | B(MEDICAL_ESCORT),
			COR_HEALTH_TB_B1_PULMONARY);
	assert_string_equal(
		cor_health_event_detail(&h, "LY-TIP-2026-000201-01", buf, sizeof(buf)),
		"fitness to travel of LY-TIP-2026-000201-01 at 2026-03-01T08:00Z by Dr N. "
		"Haddad: fit_with_conditions (medical_escort, wchc)");
	assert_null(strstr(buf, "B1"));
	assert_null(strstr(buf, "TB"));
	h = mkcheck(COR_HEALTH_UNFIT, 0, COR_HEALTH_TB_A);
	h.kind = COR_HEALTH_PRE_MIGRATION;
	h.examiner[0] = '\0';
	assert_string_equal(cor_health_event_detail(&h, "KE-NBO-2026-000010-01", buf, sizeof(buf)),
			    "pre-migration health assessment of KE-NBO-2026-000010-01 at "
			    "2026-03-01T08:00Z: unfit");
}

/* Every rule a check breaks, one a field, in order; validate gives the first. */
static void test_every_issue(void **state)
{
	struct cor_health_issue is[COR_HEALTH_ISSUES_MAX], one;
	struct cor_health_check h =
		mkcheck(COR_HEALTH_UNFIT, B(OXYGEN), COR_HEALTH_TB_NOT_SCREENED);
	snprintf(h.examiner, sizeof(h.examiner), "Dr\tX");
	assert_int_equal(cor_health_check_issues(&h, "USA", is), 3);
	assert_string_equal(is[0].field, "condition");
	assert_string_equal(is[0].message, "outcome 'unfit' takes no condition: conditions are the "
					   "terms of travel (given: oxygen)");
	assert_string_equal(is[1].field, "tb");
	assert_string_equal(is[2].field, "examiner");
	assert_int_equal(cor_health_check_validate(&h, "USA", &one), COR_EINVAL);
	assert_string_equal(one.field, "condition");
	/* No outcome: the conditions are not judged against it. */
	h = mkcheck(COR_HEALTH_OUTCOME_NONE, B(OXYGEN), COR_HEALTH_TB_NONE);
	assert_int_equal(cor_health_check_issues(&h, "USA", is), 1);
	assert_string_equal(is[0].field, "outcome");
	h = mkcheck(COR_HEALTH_FIT, 0, 0);
	assert_int_equal(cor_health_check_issues(&h, "SDN", is), 0);
}

static void test_note_event_detail(void **state)
{
	char buf[256];
	assert_string_equal(cor_health_note_event_detail(COR_HEALTH_FITNESS, T("2026-03-01T08:00Z"),
							 "LY-TIP-2026-000201-01", buf, sizeof(buf)),
			    "clinical note added to the fitness to travel of LY-TIP-2026-000201-01 "
			    "at 2026-03-01T08:00Z (kept apart, for medical staff)");
	assert_string_equal(
		cor_health_note_event_detail(COR_HEALTH_PRE_MIGRATION, T("2026-02-01T08:00Z"),
					     "KE-NBO-2026-000010-01", buf, sizeof(buf)),
		"clinical note added to the pre-migration health assessment of "
		"KE-NBO-2026-000010-01 at 2026-02-01T08:00Z (kept apart, for medical staff)");
}

static void test_note(void **state)
{
	struct cor_health_issue is;
	char big[COR_HEALTH_NOTE_MAX + 2];
	assert_int_equal(cor_health_note_validate("post-operative, hip", &is), 0);
	assert_int_equal(cor_health_note_validate("ملاحظة", &is), 0);
	assert_int_equal(cor_health_note_validate("", &is), COR_EINVAL);
	assert_string_equal(is.field, "note");
	assert_string_equal(is.message, "is empty");
	assert_int_equal(cor_health_note_validate("line\nbreak", &is), COR_EINVAL);
	assert_string_equal(is.message,
			    "holds a control character (a line break?) or is not UTF-8");
	memset(big, 'x', COR_HEALTH_NOTE_MAX);
	big[COR_HEALTH_NOTE_MAX] = '\0';
	assert_int_equal(cor_health_note_validate(big, &is), 0);
	big[COR_HEALTH_NOTE_MAX] = 'x';
	big[COR_HEALTH_NOTE_MAX + 1] = '\0';
	assert_int_equal(cor_health_note_validate(big, &is), COR_EINVAL);
	assert_string_equal(is.message, "is 2001 bytes long; at most 2000 are kept");
}

static void test_times(void **state)
{
	char buf[COR_HEALTH_TIME_LEN];
	int64_t t;
	assert_int_equal(cor_health_time_parse("1970-01-01T00:00Z", &t), 0);
	assert_int_equal(t, 0);
	assert_int_equal(cor_health_time_parse("2026-03-01T08:00Z", &t), 0);
	assert_int_equal(t, 1772352000);
	assert_string_equal(cor_health_time_format(t, buf), "2026-03-01T08:00Z");
	assert_string_equal(cor_health_time_format(t + 59, buf), "2026-03-01T08:00Z");
	assert_int_equal(cor_health_time_parse("2024-02-29T23:59Z", &t), 0);
	assert_string_equal(cor_health_time_format(t, buf), "2024-02-29T23:59Z");
	assert_string_equal(cor_health_time_format(t + 60, buf), "2024-03-01T00:00Z");
	/* Before 1970 the day is still right. */
	assert_int_equal(cor_health_time_parse("1969-12-31T23:59Z", &t), 0);
	assert_int_equal(t, -60);
	assert_string_equal(cor_health_time_format(t, buf), "1969-12-31T23:59Z");
	struct cor_date d;
	int minute;
	cor_health_time_split(t, &d, &minute);
	assert_int_equal(d.year, 1969);
	assert_int_equal(d.day, 31);
	assert_int_equal(minute, 1439);

	static const char *const bad[] = {
		"",
		"2026-03-01T08:00",
		"2026-03-01 08:00Z",
		"2026-03-01T08:00:00Z",
		"2026-03-01T24:00Z",
		"2026-03-01T08:60Z",
		"2026-02-30T08:00Z",
		"2026-3-01T08:00Z",
		"2026-03-01t08:00Z",
		"2026-03-01T8:00Z",
		"2026-03-01T08:0aZ",
		"2026-03-01T08:00z",
	};
	for (size_t i = 0; i < ROWS(bad); i++) {
		t = 12345;
		if (cor_health_time_parse(bad[i], &t) != COR_EINVAL)
			fail_msg("'%s' parsed", bad[i]);
		assert_int_equal(t, 12345);
	}
	/* The clock is an input: a time is floored to its minute, before 1970 too. */
	assert_int_equal(cor_health_time_floor(T("2026-03-01T08:00Z") + 59),
			 T("2026-03-01T08:00Z"));
	assert_int_equal(cor_health_time_floor(T("2026-03-01T08:00Z")), T("2026-03-01T08:00Z"));
	assert_int_equal(cor_health_time_floor(-1), -60);
}

/* health.h promises the values and names of eligibility.h's enums, so that
 * the store's records map onto the engine's facts by value. */
_Static_assert((int)COR_HEALTH_OUTCOME_NONE == (int)COR_FITNESS_NONE &&
		       (int)COR_HEALTH_FIT == (int)COR_FITNESS_FIT &&
		       (int)COR_HEALTH_FIT_WITH_CONDITIONS ==
			       (int)COR_FITNESS_FIT_WITH_CONDITIONS &&
		       (int)COR_HEALTH_UNFIT == (int)COR_FITNESS_UNFIT &&
		       (int)COR_HEALTH_DEFERRED == (int)COR_FITNESS_DEFERRED &&
		       (int)COR_HEALTH_OUTCOME__N == (int)COR_FITNESS__N,
	       "enum cor_health_outcome and enum cor_fitness differ");
_Static_assert((int)COR_HEALTH_TB__N == (int)COR_TB__N &&
		       (int)COR_HEALTH_TB_NOT_SCREENED == (int)COR_TB_NOT_SCREENED &&
		       (int)COR_HEALTH_TB_A == (int)COR_TB_A &&
		       (int)COR_HEALTH_TB_B3 == (int)COR_TB_B3,
	       "enum cor_health_tb and enum cor_tb_class differ");

static void test_same_as_eligibility(void **state)
{
	for (int i = 0; i < COR_HEALTH_OUTCOME__N; i++)
		assert_string_equal(cor_health_outcome_name((enum cor_health_outcome)i),
				    cor_fitness_name((enum cor_fitness)i));
	for (int i = 0; i < COR_HEALTH_TB__N; i++)
		assert_string_equal(cor_health_tb_name((enum cor_health_tb)i),
				    cor_tb_class_name((enum cor_tb_class)i));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_ssr),
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_window),
		cmocka_unit_test(test_clears_travel),
		cmocka_unit_test(test_event_detail),
		cmocka_unit_test(test_every_issue),
		cmocka_unit_test(test_note_event_detail),
		cmocka_unit_test(test_note),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_same_as_eligibility),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
