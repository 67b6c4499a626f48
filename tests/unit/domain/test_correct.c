// SPDX-License-Identifier: Apache-2.0
// The rules of corrections (domain/correct.h): what may be removed, added,
// reverted and reopened, and which relationships are plausible.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "domain/correct.h"
#include "util/error.h"

static struct cor_date d(int y, int m, int day)
{
	return (struct cor_date){y, m, day};
}

/* A person who may be removed: the rules below change one fact each. */
static struct cor_removal removable(void)
{
	return (struct cor_removal){
		.person = "LY-TIP-2026-000123-02", .state = "registered", .persons = 2};
}

static void expect_refused(int err, int want, const struct cor_refusal *why, const char *code,
			   const char *field, const char *msg_part)
{
	assert_int_equal(err, want);
	assert_string_equal(why->code, code);
	if (field)
		assert_string_equal(why->field, field);
	if (!strstr(why->msg, msg_part))
		fail_msg("'%s' does not say '%s'", why->msg, msg_part);
}

static void test_removal(void **state)
{
	struct cor_refusal why;
	struct cor_removal r = removable();
	(void)state;
	assert_int_equal(cor_correct_removal_check(&r, &why), 0);

	static const char *const travelled[] = {"departed", "arrived", "reintegration",
						"integration"};
	for (size_t i = 0; i < 4; i++) {
		r = removable();
		r.state = travelled[i];
		expect_refused(cor_correct_removal_check(&r, &why), COR_EWRONGSTATE, &why,
			       "WRONG_STATE", "person", "has travelled");
	}
	r = removable();
	r.state = "closed";
	expect_refused(cor_correct_removal_check(&r, &why), COR_EWRONGSTATE, &why, "WRONG_STATE",
		       "person", "reopen it first");
	r = removable();
	r.booking = "LY-TIP-MV-2026-0001";
	expect_refused(cor_correct_removal_check(&r, &why), COR_EWRONGSTATE, &why, "WRONG_STATE",
		       "person", "booked on movement 'LY-TIP-MV-2026-0001'");
	/* Booked on a movement, in any state before departure. */
	r.state = "booked";
	expect_refused(cor_correct_removal_check(&r, &why), COR_EWRONGSTATE, &why, "WRONG_STATE",
		       "person", "cancel the booking");
	r = removable();
	r.persons = 1;
	expect_refused(cor_correct_removal_check(&r, &why), COR_EINVAL, &why, "REFUSED", "person",
		       "the only person");
	r = removable();
	r.principal = true;
	expect_refused(cor_correct_removal_check(&r, &why), COR_EINVAL, &why, "REFUSED",
		       "new_principal", "name the person who becomes principal");
	r.new_principal = "LY-TIP-2026-000123-03";
	assert_int_equal(cor_correct_removal_check(&r, &why), 0);
	r.principal = false;
	expect_refused(cor_correct_removal_check(&r, &why), COR_EINVAL, &why, "BAD_PARAMETER",
		       "new_principal", "not the principal");
	r = removable();
	r.documents = 2;
	expect_refused(cor_correct_removal_check(&r, &why), COR_EINVAL, &why, "REFUSED", "person",
		       "holds 2 travel documents: void them first");
	r = removable();
	r.health_checks = 1;
	expect_refused(cor_correct_removal_check(&r, &why), COR_EINVAL, &why, "REFUSED", "person",
		       "health checks");
	r = removable();
	r.assessments = 1;
	expect_refused(cor_correct_removal_check(&r, &why), COR_EINVAL, &why, "REFUSED", "person",
		       "protection risk assessments");
}

static void test_addition(void **state)
{
	struct cor_refusal why;
	(void)state;
	assert_int_equal(cor_correct_addition_check("C", "registered", NULL, &why), 0);
	assert_int_equal(cor_correct_addition_check("C", "arrived", NULL, &why), 0);
	expect_refused(cor_correct_addition_check("C", "closed", NULL, &why), COR_EWRONGSTATE, &why,
		       "WRONG_STATE", "case", "closed");
	expect_refused(cor_correct_addition_check("C", "booked", "M1", &why), COR_EWRONGSTATE, &why,
		       "WRONG_STATE", "case", "booked on movement 'M1'");
	assert_int_equal(cor_correct_open_check("C", "on_hold", &why), 0);
	expect_refused(cor_correct_open_check("C", "closed", &why), COR_EWRONGSTATE, &why,
		       "WRONG_STATE", "case", "reopen it first");
}

static void test_relationship(void **state)
{
	struct cor_refusal why;
	struct cor_date principal = d(1990, 5, 1);
	(void)state;
	/* Younger relatives born after the principal, older ones before. */
	static const enum cor_relationship younger[] = {COR_REL_CHILD, COR_REL_STEPCHILD,
							COR_REL_GRANDCHILD};
	static const enum cor_relationship older[] = {COR_REL_PARENT, COR_REL_GRANDPARENT};
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(cor_correct_relationship_check("P", false, younger[i],
								d(2015, 1, 1), principal, &why),
				 0);
		expect_refused(cor_correct_relationship_check("P", false, younger[i], d(1980, 1, 1),
							      principal, &why),
			       COR_EINVAL, &why, "INVALID", "relationship", "born 1980-01-01");
		/* Born the same day is not younger. */
		expect_refused(cor_correct_relationship_check("P", false, younger[i], principal,
							      principal, &why),
			       COR_EINVAL, &why, "INVALID", "relationship", "cannot be a");
	}
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(cor_correct_relationship_check("P", false, older[i], d(1960, 1, 1),
								principal, &why),
				 0);
		expect_refused(cor_correct_relationship_check("P", false, older[i], d(2000, 1, 1),
							      principal, &why),
			       COR_EINVAL, &why, "INVALID", "relationship",
			       "principal applicant, born 1990-05-01");
	}
	/* Any age for the others. */
	static const enum cor_relationship any[] = {COR_REL_SPOUSE, COR_REL_SIBLING,
						    COR_REL_OTHER_RELATIVE, COR_REL_UNRELATED};
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(cor_correct_relationship_check("P", false, any[i], d(1940, 1, 1),
								principal, &why),
				 0);
		assert_int_equal(cor_correct_relationship_check("P", false, any[i], d(2020, 1, 1),
								principal, &why),
				 0);
	}
	/* One principal applicant. */
	expect_refused(cor_correct_relationship_check("P", false, COR_REL_PRINCIPAL, d(2000, 1, 1),
						      principal, &why),
		       COR_EINVAL, &why, "REFUSED", "relationship", "the case has one");
	expect_refused(cor_correct_relationship_check("P", true, COR_REL_SPOUSE, principal,
						      principal, &why),
		       COR_EINVAL, &why, "REFUSED", "relationship", "stays so");
	assert_int_equal(cor_correct_relationship_check("P", true, COR_REL_PRINCIPAL, principal,
							principal, &why),
			 0);
}

static struct cor_last_change change(const char *from, const char *to)
{
	struct cor_last_change c;
	memset(&c, 0, sizeof(c));
	snprintf(c.from, sizeof(c.from), "%s", from);
	snprintf(c.to, sizeof(c.to), "%s", to);
	return c;
}

static void test_revert(void **state)
{
	struct cor_refusal why;
	struct cor_last_change c = change("registered", "on_hold");
	(void)state;
	assert_int_equal(cor_correct_revert_check("C", "on_hold", &c, &why), 0);
	c = change("", "");
	expect_refused(cor_correct_revert_check("C", "registered", &c, &why), COR_EWRONGSTATE, &why,
		       "WRONG_STATE", "case", "no recorded transition");
	c = change("on_hold", "registered");
	c.corrected = true;
	expect_refused(cor_correct_revert_check("C", "registered", &c, &why), COR_EWRONGSTATE, &why,
		       "WRONG_STATE", "case", "was a correction");
	/* The state is no longer the one the last change went to. */
	c = change("registered", "on_hold");
	expect_refused(cor_correct_revert_check("C", "counselled", &c, &why), COR_EWRONGSTATE, &why,
		       "WRONG_STATE", "case", "one transition only");
	static const char *const held[] = {"booked", "departed", "arrived", "reintegration",
					   "integration"};
	static const char *const before[] = {"travel_ready", "booked", "departed", "arrived",
					     "arrived"};
	for (size_t i = 0; i < 5; i++) {
		c = change(before[i], held[i]);
		expect_refused(cor_correct_revert_check("C", held[i], &c, &why), COR_EWRONGSTATE,
			       &why, "WRONG_STATE", "case", "the records of its movement");
	}
	c = change("registered", "counselled");
	c.records_since = 2;
	snprintf(c.first_since, sizeof(c.first_since), "health");
	expect_refused(cor_correct_revert_check("C", "counselled", &c, &why), COR_EWRONGSTATE, &why,
		       "WRONG_STATE", "case", "2 records (first 'health')");
	c = change("on_hold", "closed");
	expect_refused(cor_correct_revert_check("C", "closed", &c, &why), COR_EWRONGSTATE, &why,
		       "WRONG_STATE", "case", "reopened, not reverted");
}

static void test_reopen(void **state)
{
	struct cor_refusal why;
	struct cor_last_change c = change("reintegration", "closed");
	(void)state;
	assert_int_equal(cor_correct_reopen_check("C", "closed", &c, &why), 0);
	/* Records after closing do not keep a case from being reopened. */
	c.records_since = 3;
	assert_int_equal(cor_correct_reopen_check("C", "closed", &c, &why), 0);
	expect_refused(cor_correct_reopen_check("C", "reintegration", &c, &why), COR_EWRONGSTATE,
		       &why, "WRONG_STATE", "case", "only a closed case");
	c = change("", "");
	expect_refused(cor_correct_reopen_check("C", "closed", &c, &why), COR_EWRONGSTATE, &why,
		       "WRONG_STATE", "case", "without a recorded transition");
	c = change("registered", "closed");
	snprintf(c.merged_into, sizeof(c.merged_into), "LY-TIP-2026-000001");
	expect_refused(cor_correct_reopen_check("C", "closed", &c, &why), COR_EWRONGSTATE, &why,
		       "WRONG_STATE", "case", "merged into case 'LY-TIP-2026-000001'");
	c = change("arrived", "closed");
	c.corrected = true;
	expect_refused(cor_correct_reopen_check("C", "closed", &c, &why), COR_EWRONGSTATE, &why,
		       "WRONG_STATE", "case", "without a recorded transition");
}

static struct cor_case_side side(const char *ref, int persons)
{
	return (struct cor_case_side){.ref = ref,
				      .state = "registered",
				      .office = "LY-TIP",
				      .programme = "VHR",
				      .persons = persons};
}

static void test_join(void **state)
{
	struct cor_refusal why;
	struct cor_case_side a = side("A", 3), b = side("B", 2);
	(void)state;
	assert_int_equal(cor_correct_join_check(&a, &b, 1, false, &why), 0);
	assert_int_equal(cor_correct_join_check(&a, &b, 2, false, &why), 0);
	assert_int_equal(cor_correct_join_check(&a, NULL, 2, false, &why), 0);
	/* One person left behind, but for a merge. */
	expect_refused(cor_correct_join_check(&a, &b, 3, false, &why), COR_EINVAL, &why, "REFUSED",
		       "persons", "merge the cases instead");
	expect_refused(cor_correct_join_check(&a, NULL, 3, false, &why), COR_EINVAL, &why,
		       "REFUSED", "persons", "a split leaves a person in each case");
	assert_int_equal(cor_correct_join_check(&a, &b, 3, true, &why), 0);
	expect_refused(cor_correct_join_check(&a, NULL, 0, false, &why), COR_EINVAL, &why,
		       "BAD_PARAMETER", "persons", "name at least one");
	expect_refused(cor_correct_join_check(&a, &a, 1, false, &why), COR_EINVAL, &why,
		       "BAD_PARAMETER", "into", "into itself");
	/* Both sides open, at home, unbooked. */
	static const char *const held[] = {"closed", "departed", "arrived", "reintegration"};
	for (size_t i = 0; i < 4; i++) {
		struct cor_case_side x = side("X", 2);
		x.state = held[i];
		assert_int_equal(cor_correct_join_check(&x, &b, 1, false, &why), COR_EWRONGSTATE);
		assert_int_equal(cor_correct_join_check(&a, &x, 1, false, &why), COR_EWRONGSTATE);
		assert_string_equal(why.code, "WRONG_STATE");
	}
	b.booking = "M1";
	expect_refused(cor_correct_join_check(&a, &b, 1, false, &why), COR_EWRONGSTATE, &why,
		       "WRONG_STATE", "case", "'B' is booked on movement 'M1'");
	b = side("B", 2);
	b.office = "LY-BEN";
	expect_refused(cor_correct_join_check(&a, &b, 1, false, &why), COR_EINVAL, &why, "REFUSED",
		       "into", "transfer one of them first");
	b = side("B", 2);
	b.programme = "HEV";
	expect_refused(cor_correct_join_check(&a, &b, 1, false, &why), COR_EINVAL, &why, "REFUSED",
		       "into", "one programme");
	b = side("B", 97);
	expect_refused(cor_correct_join_check(&a, &b, 3, true, &why), COR_EINVAL, &why, "CAPACITY",
		       "into", "99");
	assert_int_equal(cor_correct_join_check(&a, &b, 2, false, &why), 0);
}

static void test_travelled(void **state)
{
	(void)state;
	assert_true(cor_correct_travelled("departed"));
	assert_true(cor_correct_travelled("integration"));
	assert_false(cor_correct_travelled("booked"));
	assert_false(cor_correct_travelled("closed"));
	assert_false(cor_correct_travelled(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_removal),      cmocka_unit_test(test_addition),
		cmocka_unit_test(test_relationship), cmocka_unit_test(test_revert),
		cmocka_unit_test(test_reopen),       cmocka_unit_test(test_join),
		cmocka_unit_test(test_travelled),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
