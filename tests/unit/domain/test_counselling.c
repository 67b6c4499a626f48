// SPDX-License-Identifier: Apache-2.0
// Unit tests for counselling and protection: the decision and risk level
// names both ways, a session's checks (each field refused with its exact
// message), which programmes an asylum wish puts on hold, whom it is
// referred to, and person references.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "domain/case.h"
#include "domain/counselling.h"
#include "domain/protection.h"
#include "util/error.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

static void test_decision_names(void **state)
{
	static const char *const names[] = {"yes", "no", "undecided"};
	assert_int_equal(COR_COUNSEL__N, ROWS(names));
	for (size_t i = 0; i < ROWS(names); i++) {
		enum cor_counselling_decision d = COR_COUNSEL__N;
		assert_string_equal(cor_counselling_decision_name((enum cor_counselling_decision)i),
				    names[i]);
		assert_int_equal(cor_counselling_decision_parse(names[i], &d), 0);
		assert_int_equal(d, (enum cor_counselling_decision)i);
	}
	static const char *const bad[] = {"", "Yes", "YES", "y", "maybe", "undecided ", "none"};
	for (size_t i = 0; i < ROWS(bad); i++) {
		enum cor_counselling_decision d = COR_COUNSEL_NO;
		assert_int_equal(cor_counselling_decision_parse(bad[i], &d), COR_EINVAL);
		assert_int_equal(d, COR_COUNSEL_NO); /* untouched */
	}
	assert_int_equal(cor_counselling_decision_parse(NULL, &(enum cor_counselling_decision){0}),
			 COR_EINVAL);
	assert_string_equal(cor_counselling_decision_name(COR_COUNSEL__N), "?");
}

static struct cor_counselling good(void)
{
	return (struct cor_counselling){
		.counsellor = "Amal Haddad",
		.language = "ar",
		.interpreter = false,
		.decision = COR_COUNSEL_YES,
		.asylum_wish = false,
		.notes = NULL,
		.refer_to = NULL,
	};
}

static void expect_refused(const struct cor_counselling *s, const char *field, const char *msg)
{
	struct cor_refusal why;
	memset(&why, 0, sizeof(why));
	assert_int_equal(cor_counselling_check(s, &why), COR_EINVAL);
	assert_string_equal(why.code, "INVALID");
	assert_string_equal(why.field, field);
	assert_string_equal(why.msg, msg);
	assert_int_equal(cor_counselling_check(s, NULL), COR_EINVAL);
}

static void test_counselling_check(void **state)
{
	struct cor_counselling s = good();
	assert_int_equal(cor_counselling_check(&s, NULL), 0);
	/* Three-letter ISO 639-3 codes, notes, an interpreter, a referral target. */
	s.language = "tir";
	s.interpreter = true;
	s.notes = "explained the reintegration package; the person asked about schooling";
	s.asylum_wish = true;
	s.refer_to = "BAMF";
	assert_int_equal(cor_counselling_check(&s, NULL), 0);
	s.notes = "";
	assert_int_equal(cor_counselling_check(&s, NULL), 0);

	static const char name_msg[] =
		"counsellor: give 1 to 120 bytes of text without control characters";
	s = good();
	s.counsellor = NULL;
	expect_refused(&s, "counsellor", name_msg);
	s.counsellor = "";
	expect_refused(&s, "counsellor", name_msg);
	s.counsellor = "  ";
	expect_refused(&s, "counsellor", name_msg);
	s.counsellor = "Amal\tHaddad";
	expect_refused(&s, "counsellor", name_msg);
	char long_name[200];
	memset(long_name, 'x', 121);
	long_name[121] = '\0';
	s.counsellor = long_name;
	expect_refused(&s, "counsellor", name_msg);
	long_name[120] = '\0';
	assert_int_equal(cor_counselling_check(&s, NULL), 0);

	s = good();
	static const struct {
		const char *code, *msg;
	} langs[] = {
		{"AR", "language: 'AR' is not an ISO 639-1 or ISO 639-3 language code (lower case, "
		       "e.g. 'ar', 'fr', 'tir')"},
		{"xx", "language: 'xx' is not an ISO 639-1 or ISO 639-3 language code (lower case, "
		       "e.g. 'ar', 'fr', 'tir')"},
		{"", "language: '' is not an ISO 639-1 or ISO 639-3 language code (lower case, "
		     "e.g. 'ar', 'fr', 'tir')"},
		{"arab", "language: 'arab' is not an ISO 639-1 or ISO 639-3 language code (lower "
			 "case, e.g. 'ar', 'fr', 'tir')"},
		{"ar;fr", "language: 'ar;fr' is not an ISO 639-1 or ISO 639-3 language code (lower "
			  "case, e.g. 'ar', 'fr', 'tir')"},
	};
	for (size_t i = 0; i < ROWS(langs); i++) {
		s.language = langs[i].code;
		expect_refused(&s, "language", langs[i].msg);
	}
	s.language = NULL;
	expect_refused(&s, "language",
		       "language: '' is not an ISO 639-1 or ISO 639-3 language code (lower case, "
		       "e.g. 'ar', 'fr', 'tir')");

	s = good();
	s.decision = COR_COUNSEL__N;
	expect_refused(&s, "decision", "decision: give 'yes', 'no' or 'undecided'");

	s = good();
	s.notes = "line one\nline two";
	expect_refused(&s, "notes",
		       "notes: give 1 to 2000 bytes of text without control characters");
	char notes[2100];
	memset(notes, 'n', 2001);
	notes[2001] = '\0';
	s.notes = notes;
	expect_refused(&s, "notes",
		       "notes: give 1 to 2000 bytes of text without control characters");
	notes[2000] = '\0';
	assert_int_equal(cor_counselling_check(&s, NULL), 0);

	s = good();
	s.asylum_wish = true;
	s.refer_to = "";
	expect_refused(&s, "refer_to",
		       "refer_to: give 1 to 120 bytes of text without control characters");

	/* Whom to refer to goes with an asylum wish: a malformed request. */
	s = good();
	s.refer_to = "UNHCR";
	struct cor_refusal why;
	assert_int_equal(cor_counselling_check(&s, &why), COR_EINVAL);
	assert_string_equal(why.code, "BAD_PARAMETER");
	assert_string_equal(why.field, "refer_to");
	assert_string_equal(why.msg, "refer_to: whom to refer to goes with an asylum wish");
}

/* A session is recorded only while the case can be put on hold or is. */
static void test_state_check(void **state)
{
	(void)state;
	const struct cor_programme *vhr = cor_programme_find("VHR");
	struct cor_refusal why;
	assert_int_equal(cor_counselling_state_check(vhr, "LY-TIP-2026-000001", "registered", &why),
			 0);
	assert_int_equal(cor_counselling_state_check(vhr, "LY-TIP-2026-000001", "on_hold", &why),
			 0);
	assert_int_equal(
		cor_counselling_state_check(vhr, "LY-TIP-2026-000001", "travel_ready", NULL), 0);
	memset(&why, 0, sizeof(why));
	assert_int_equal(cor_counselling_state_check(vhr, "LY-TIP-2026-000001", "departed", &why),
			 COR_EWRONGSTATE);
	assert_string_equal(why.code, "WRONG_STATE");
	assert_null(why.field);
	assert_string_equal(why.msg,
			    "case 'LY-TIP-2026-000001' is 'departed'; counselling is recorded only "
			    "before departure, while the case can be put on hold or is on hold");
	assert_int_equal(cor_counselling_state_check(vhr, "LY-TIP-2026-000001", "closed", NULL),
			 COR_EWRONGSTATE);

	char reason[96];
	cor_counselling_hold_reason(3, reason, sizeof(reason));
	assert_string_equal(reason, "asylum wish recorded at counselling session 3");
}

static void test_holds(void **state)
{
	struct cor_counselling s = good();
	for (size_t i = 0; i < cor_programmes_len; i++) {
		const struct cor_programme *p = &cor_programmes[i];
		s.asylum_wish = false;
		assert_false(cor_counselling_holds(p, &s));
		s.asylum_wish = true;
		bool ret = !strcmp(p->code, "VHR") || !strcmp(p->code, "AVR") ||
			   !strcmp(p->code, "REP");
		if (cor_counselling_holds(p, &s) != ret)
			fail_msg("%s: an asylum wish should%s hold the case", p->code,
				 ret ? "" : " not");
		/* Whatever the decision. */
		s.decision = COR_COUNSEL_NO;
		assert_int_equal(cor_counselling_holds(p, &s), ret);
		s.decision = COR_COUNSEL_YES;
	}
	assert_string_equal(cor_counselling_refer_to(&s), "UNHCR");
	s.refer_to = "Office fédéral des migrations";
	assert_string_equal(cor_counselling_refer_to(&s), "Office fédéral des migrations");
}

static void test_protection_levels(void **state)
{
	static const char *const names[] = {"none", "low", "medium", "high"};
	assert_int_equal(COR_PROT__N, ROWS(names));
	for (size_t i = 0; i < ROWS(names); i++) {
		enum cor_protection_level l = COR_PROT__N;
		assert_string_equal(cor_protection_level_name((enum cor_protection_level)i),
				    names[i]);
		assert_int_equal(cor_protection_level_parse(names[i], &l), 0);
		assert_int_equal(l, (enum cor_protection_level)i);
		assert_int_equal(cor_protection_level_blocks_return(l), l == COR_PROT_HIGH);
	}
	static const char *const bad[] = {"", "High", "HIGH", "severe", "hi", "none "};
	for (size_t i = 0; i < ROWS(bad); i++) {
		enum cor_protection_level l = COR_PROT_LOW;
		assert_int_equal(cor_protection_level_parse(bad[i], &l), COR_EINVAL);
		assert_int_equal(l, COR_PROT_LOW);
	}
	assert_string_equal(cor_protection_level_name(COR_PROT__N), "?");
}

static void test_person_ref(void **state)
{
	char ref[COR_CASE_REF_MAX];
	int seq = 0;
	assert_int_equal(cor_protection_person_ref_parse("LY-TIP-2026-000123-01", ref, &seq), 0);
	assert_string_equal(ref, "LY-TIP-2026-000123");
	assert_int_equal(seq, 1);
	assert_int_equal(cor_protection_person_ref_parse("YE-ADE-2025-1234567-99", ref, &seq), 0);
	assert_string_equal(ref, "YE-ADE-2025-1234567");
	assert_int_equal(seq, 99);
	/* The inverse of cor_person_ref_format. */
	char buf[COR_PERSON_REF_MAX + 4];
	cor_person_ref_format(buf, sizeof(buf), "NE-NIM-2026-000042", 7);
	assert_int_equal(cor_protection_person_ref_parse(buf, ref, &seq), 0);
	assert_string_equal(ref, "NE-NIM-2026-000042");
	assert_int_equal(seq, 7);

	static const char *const bad[] = {
		"",
		"01",
		"-01",
		"LY-TIP-2026-000123",    /* a case, not a person */
		"LY-TIP-2026-000123-00", /* persons count from 1 */
		"LY-TIP-2026-000123-1",
		"LY-TIP-2026-000123-001",
		"LY-TIP-2026-000123-0a",
		"LY-TIP-2026-000123_01",
		"ly-tip-2026-000123-01",
		"LY-TIP-26-000123-01",
		"LYTIP-2026-000123-01",
		"LY-TIP-2026-000000-01",
		"LY-TIP-2026-0000000000000000123-01", /* longer than a case ref can be */
	};
	for (size_t i = 0; i < ROWS(bad); i++) {
		seq = -5;
		if (cor_protection_person_ref_parse(bad[i], ref, &seq) != COR_EINVAL)
			fail_msg("'%s' should be refused", bad[i]);
		assert_int_equal(seq, -5);
	}
}

/* Only a high latest assessment is cleared, once; a closed case's record
 * does not change. */
static void test_protection_checks(void **state)
{
	(void)state;
	struct cor_refusal why;
	struct cor_protection_latest l = {0};
	const char *p = "LY-TIP-2026-000001-01";
	assert_int_equal(cor_protection_clear_check(p, &l, &why), COR_EWRONGSTATE);
	assert_string_equal(why.code, "WRONG_STATE");
	assert_string_equal(why.msg, "person '"
				     "LY-TIP-2026-000001-01"
				     "' has no protection risk assessment to clear");
	l = (struct cor_protection_latest){2, COR_PROT_MEDIUM, ""};
	assert_int_equal(cor_protection_clear_check(p, &l, &why), COR_EWRONGSTATE);
	assert_string_equal(why.msg, "person 'LY-TIP-2026-000001-01' is assessed at 'medium' "
				     "protection risk (assessment 2); only a high risk is cleared");
	l = (struct cor_protection_latest){2, COR_PROT_HIGH, "2026-11-28T10:00:00Z"};
	assert_int_equal(cor_protection_clear_check(p, &l, &why), COR_EWRONGSTATE);
	assert_string_equal(why.msg, "the high protection risk of person 'LY-TIP-2026-000001-01' "
				     "(assessment 2) was cleared at 2026-11-28T10:00:00Z");
	l.cleared_at[0] = '\0';
	assert_int_equal(cor_protection_clear_check(p, &l, NULL), 0);

	assert_int_equal(cor_protection_state_check("LY-TIP-2026-000001", "departed", NULL), 0);
	assert_int_equal(cor_protection_state_check("LY-TIP-2026-000001", "closed", &why),
			 COR_EWRONGSTATE);
	assert_string_equal(why.code, "WRONG_STATE");
	assert_null(why.field);
	assert_string_equal(why.msg,
			    "case 'LY-TIP-2026-000001' is 'closed'; its protection record does not "
			    "change");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decision_names),
		cmocka_unit_test(test_counselling_check),
		cmocka_unit_test(test_holds),
		cmocka_unit_test(test_protection_levels),
		cmocka_unit_test(test_person_ref),
		cmocka_unit_test(test_state_check),
		cmocka_unit_test(test_protection_checks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
