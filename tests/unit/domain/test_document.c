// SPDX-License-Identifier: Apache-2.0
// Unit tests for the document rules: travel kinds, the holder's name, what a
// record must hold, validity for a travel date at and around the margin with
// the exact sentences, a person's verdict over several documents, and MRZ
// documents (the ICAO specimen adapted to a person, a German TD1 with ICAO's
// "D") turned into records and compared with the person record.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "domain/document.h"
#include "domain/mrz.h"
#include "util/error.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

static struct cor_date D(int y, int m, int d) {
	return (struct cor_date){y, m, d};
}

static struct cor_person
amina(void)
{
	struct cor_person p;
	memset(&p, 0, sizeof(p));
	p.seq = 1;
	snprintf(p.family_name_latin, sizeof(p.family_name_latin), "YUSUF");
	snprintf(p.given_names_latin, sizeof(p.given_names_latin), "Amina");
	p.sex = 'F';
	p.birth_date = D(1990, 3, 14);
	memcpy(p.nationality, "SDN", 4);
	return p;
}

static struct cor_document doc(enum cor_doc_kind kind, const char *number, const char *issuer,
			       const struct cor_date *exp)
{
	struct cor_document d;
	memset(&d, 0, sizeof(d));
	d.kind = kind;
	snprintf(d.number, sizeof(d.number), "%s", number);
	snprintf(d.issuer, sizeof(d.issuer), "%s", issuer);
	if (exp) {
		d.has_expiry = true;
		d.expires_on = *exp;
	}
	return d;
}

static void test_kinds_and_sources(void **state)
{
	assert_false(cor_document_is_travel(COR_DOC_NONE));
	assert_true(cor_document_is_travel(COR_DOC_PASSPORT));
	assert_true(cor_document_is_travel(COR_DOC_ID_CARD));
	assert_true(cor_document_is_travel(COR_DOC_ETD));
	assert_true(cor_document_is_travel(COR_DOC_LAISSEZ_PASSER));
	assert_true(cor_document_is_travel(COR_DOC_REFUGEE_TD));
	assert_false(cor_document_is_travel(COR_DOC_EXIT_PERMIT));
	assert_false(cor_document_is_travel(COR_DOC_VISA));
	assert_false(cor_document_is_travel(COR_DOC__N));

	static const char *const names[] = {"import", "manual", "mrz"};
	for (size_t i = 0; i < ROWS(names); i++) {
		enum cor_doc_source s;
		assert_int_equal(cor_doc_source_parse(names[i], &s), 0);
		assert_int_equal(s, (int)i);
		assert_string_equal(cor_doc_source_name(s), names[i]);
	}
	enum cor_doc_source s;
	assert_int_equal(cor_doc_source_parse("MRZ", &s), COR_EINVAL);
}

static void test_holder(void **state)
{
	char buf[256];
	struct cor_person p = amina();
	/* As registered: the family name YUSUF in capitals, the given name not. */
	assert_string_equal(cor_document_holder(&p, buf, sizeof(buf)), "Amina YUSUF");
	snprintf(p.family_name_latin, sizeof(p.family_name_latin), "Al-Hassan");
	snprintf(p.given_names_latin, sizeof(p.given_names_latin), "Fatima Zahra");
	assert_string_equal(cor_document_holder(&p, buf, sizeof(buf)), "Fatima Zahra Al-Hassan");
	p.family_name_latin[0] = '\0';
	assert_string_equal(cor_document_holder(&p, buf, sizeof(buf)), "Fatima Zahra");
	/* No letter changes case: "Gédéon", never "GéDéON". */
	snprintf(p.given_names_latin, sizeof(p.given_names_latin), "Gédéon");
	snprintf(p.family_name_latin, sizeof(p.family_name_latin), "Mbala");
	assert_string_equal(cor_document_holder(&p, buf, sizeof(buf)), "G\xc3\xa9"
								       "d\xc3\xa9"
								       "on Mbala");
}

static void test_validate(void **state)
{
	struct cor_person p = amina();
	struct cor_date ok_exp = D(2030, 1, 1), at_birth = D(1990, 3, 14),
			after_birth = D(1990, 3, 15);
	static const struct cor_date *none = NULL;
	const struct {
		struct cor_document d;
		const char *field, *message;
	} rows[] = {
		{doc(COR_DOC_PASSPORT, "P04918273", "SDN", &ok_exp), NULL, NULL},
		{doc(COR_DOC_VISA, "V1", "CAN", none), NULL, NULL},
		{doc(COR_DOC_PASSPORT, "P1", "SDN", &after_birth), NULL, NULL},
		{doc(COR_DOC_NONE, "P1", "SDN", none), "kind",
		 "give one of passport, id_card, etd, laissez_passer, exit_permit, visa, "
		 "refugee_td"},
		{doc(COR_DOC_PASSPORT, "", "SDN", none), "number", "is empty"},
		{doc(COR_DOC_PASSPORT, "p0491", "SDN", none), "number",
		 "'p0491' may hold only A-Z and 0-9"},
		{doc(COR_DOC_PASSPORT, "P 0491", "SDN", none), "number",
		 "'P 0491' may hold only A-Z and 0-9"},
		{doc(COR_DOC_PASSPORT, "P0491", "UTO", none), "issuer",
		 "'UTO' is not an ISO 3166-1 alpha-3 country code"},
		{doc(COR_DOC_PASSPORT, "P0491", "sdn", none), "issuer",
		 "'sdn' is not an ISO 3166-1 alpha-3 country code"},
		{doc(COR_DOC_PASSPORT, "P0491", "D", none), "issuer",
		 "'D' is not an ISO 3166-1 alpha-3 country code"},
		{doc(COR_DOC_PASSPORT, "P0491", "SDN", &at_birth), "expires",
		 "1990-03-14 is not after the holder's birth date 1990-03-14"},
	};
	for (size_t i = 0; i < ROWS(rows); i++) {
		struct cor_document_issue is = {0};
		int err = cor_document_validate(&rows[i].d, &p, &is);
		if (!rows[i].field) {
			if (err)
				fail_msg("row %zu refused: %s: %s", i, is.field, is.message);
			continue;
		}
		if (err != COR_EINVAL)
			fail_msg("row %zu accepted", i);
		assert_string_equal(is.field, rows[i].field);
		assert_string_equal(is.message, rows[i].message);
	}
}

static void test_valid_for_travel(void **state)
{
	char msg[COR_DOCUMENT_MSG_MAX];
	struct cor_date exp = D(2027, 1, 2), travel = D(2027, 1, 10);
	struct cor_document d = doc(COR_DOC_PASSPORT, "P1", "SDN", &exp);

	assert_false(cor_document_valid_for_travel(&d, "AMINA YUSUF", travel, 0, msg, sizeof(msg)));
	assert_string_equal(
		msg, "passport of AMINA YUSUF expires 2027-01-02, before travel on 2027-01-10");
	/* Valid through its expiry day. */
	assert_true(cor_document_valid_for_travel(&d, "AMINA YUSUF", D(2027, 1, 2), 0, msg,
						  sizeof(msg)));
	assert_string_equal(msg, "");
	assert_false(cor_document_valid_for_travel(&d, "AMINA YUSUF", D(2027, 1, 3), 0, msg,
						   sizeof(msg)));
	assert_string_equal(
		msg, "passport of AMINA YUSUF expires 2027-01-02, before travel on 2027-01-03");
	/* The margin: exactly enough, one day short. */
	assert_true(cor_document_valid_for_travel(&d, "AMINA YUSUF", D(2026, 12, 3), 30, msg,
						  sizeof(msg)));
	assert_false(cor_document_valid_for_travel(&d, "AMINA YUSUF", D(2026, 12, 4), 30, msg,
						   sizeof(msg)));
	assert_string_equal(msg,
			    "passport of AMINA YUSUF expires 2027-01-02, less than 30 days after "
			    "travel on 2026-12-04");
	assert_false(cor_document_valid_for_travel(&d, "AMINA YUSUF", D(2027, 1, 2), 1, msg,
						   sizeof(msg)));
	assert_string_equal(msg,
			    "passport of AMINA YUSUF expires 2027-01-02, less than 1 day after "
			    "travel on 2027-01-02");
	/* Expired before travel says so whatever the margin. */
	assert_false(
		cor_document_valid_for_travel(&d, "AMINA YUSUF", travel, 180, msg, sizeof(msg)));
	assert_string_equal(
		msg, "passport of AMINA YUSUF expires 2027-01-02, before travel on 2027-01-10");
	/* No expiry: valid. */
	d = doc(COR_DOC_LAISSEZ_PASSER, "LP9", "SDN", NULL);
	assert_true(
		cor_document_valid_for_travel(&d, "AMINA YUSUF", travel, 3650, msg, sizeof(msg)));
	/* No message buffer is fine. */
	d = doc(COR_DOC_ETD, "E1", "SDN", &exp);
	assert_false(cor_document_valid_for_travel(&d, "AMINA YUSUF", travel, 0, NULL, 0));
}

static void test_person_can_travel(void **state)
{
	char msg[COR_DOCUMENT_MSG_MAX];
	struct cor_person p = amina();
	struct cor_date travel = D(2027, 1, 10), early = D(2026, 6, 1), later = D(2027, 1, 2),
			good = D(2030, 1, 1);
	int which = 99;

	assert_false(
		cor_document_person_can_travel(&p, NULL, 0, travel, 0, &which, msg, sizeof(msg)));
	assert_int_equal(which, -1);
	assert_string_equal(msg, "Amina YUSUF holds no document");

	struct cor_document extras[] = {doc(COR_DOC_VISA, "V1", "CAN", &good),
					doc(COR_DOC_EXIT_PERMIT, "X1", "LBY", &good)};
	assert_false(
		cor_document_person_can_travel(&p, extras, 2, travel, 0, &which, msg, sizeof(msg)));
	assert_string_equal(msg, "Amina YUSUF holds no travel document (holds: visa, exit_permit)");

	/* Two expired travel documents: the one that expires last is named. */
	struct cor_document docs[] = {
		doc(COR_DOC_VISA, "V1", "CAN", &good),
		doc(COR_DOC_PASSPORT, "P1", "SDN", &early),
		doc(COR_DOC_ETD, "E1", "SDN", &later),
		doc(COR_DOC_ID_CARD, "I1", "SDN", &early),
	};
	assert_false(
		cor_document_person_can_travel(&p, docs, 4, travel, 0, &which, msg, sizeof(msg)));
	assert_int_equal(which, -1);
	assert_string_equal(msg,
			    "etd of Amina YUSUF expires 2027-01-02, before travel on 2027-01-10");
	/* One valid: that one, and no message. */
	docs[3] = doc(COR_DOC_ID_CARD, "I1", "SDN", &good);
	assert_true(
		cor_document_person_can_travel(&p, docs, 4, travel, 0, &which, msg, sizeof(msg)));
	assert_int_equal(which, 3);
	assert_string_equal(msg, "");
	/* With a margin it falls short. */
	assert_false(cor_document_person_can_travel(&p, docs, 4, travel, 1200, &which, msg,
						    sizeof(msg)));
	assert_string_equal(msg,
			    "id_card of Amina YUSUF expires 2030-01-01, less than 1200 days after "
			    "travel on 2027-01-10");
	/* A travel document without an expiry date. */
	docs[1] = doc(COR_DOC_REFUGEE_TD, "R1", "KEN", NULL);
	assert_true(cor_document_person_can_travel(&p, docs, 2, travel, 1200, &which, NULL, 0));
	assert_int_equal(which, 1);
}

/* The ICAO TD3 specimen, adapted to Amina Yusuf: her nationality, birth
 * date and a future expiry; every check digit recomputed. */
static const char amina_td3[] = "P<SDNYUSUF<<AMINA<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
				"L898902C36SDN9003141F3105010ZE184226B<<<<<16\n";
static const char specimen_td3[] = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
				   "L898902C36UTO7408122F1204159ZE184226B<<<<<10\n";
/* A German identity card: issuing state and nationality "D". */
static const char german_td1[] = "IDD<<T220001293<<<<<<<<<<<<<<<\n"
				 "6408125F3108011D<<<<<<<<<<<<<2\n"
				 "MUSTERMANN<<ERIKA<<<<<<<<<<<<<\n";

static struct cor_mrz parse(const char *text)
{
	struct cor_mrz m;
	int err = cor_mrz_parse(&m, text, strlen(text), D(2026, 11, 1));
	if (err)
		for (int i = 0; i < m.n_checks; i++)
			if (!m.checks[i].ok)
				fail_msg("MRZ check %s: %s", m.checks[i].name, m.checks[i].message);
	return m;
}

static void test_from_mrz(void **state)
{
	struct cor_document d;
	struct cor_document_issue is;
	struct cor_mrz m = parse(amina_td3);

	assert_int_equal(cor_document_from_mrz(&m, COR_DOC_NONE, &d, &is), 0);
	assert_int_equal(d.kind, COR_DOC_PASSPORT);
	assert_string_equal(d.number, "L898902C3");
	assert_string_equal(d.issuer, "SDN");
	assert_true(d.has_expiry);
	assert_int_equal(cor_date_cmp(d.expires_on, D(2031, 5, 1)), 0);
	/* A booklet of another kind. */
	assert_int_equal(cor_document_from_mrz(&m, COR_DOC_REFUGEE_TD, &d, &is), 0);
	assert_int_equal(d.kind, COR_DOC_REFUGEE_TD);
	assert_int_equal(cor_document_from_mrz(&m, COR_DOC_ETD, &d, &is), 0);
	assert_int_equal(cor_document_from_mrz(&m, COR_DOC_ID_CARD, &d, &is), COR_EINVAL);
	assert_string_equal(is.field, "kind");
	assert_string_equal(is.message, "MRZ code 'P' is for passport, etd, laissez_passer or "
					"refugee_td, not id_card");

	m = parse(german_td1);
	assert_int_equal(cor_document_from_mrz(&m, COR_DOC_NONE, &d, &is), 0);
	assert_int_equal(d.kind, COR_DOC_ID_CARD);
	assert_string_equal(d.issuer, "DEU");
	assert_string_equal(d.number, "T22000129");
	assert_int_equal(cor_document_from_mrz(&m, COR_DOC_PASSPORT, &d, &is), COR_EINVAL);
	assert_string_equal(is.message, "MRZ code 'ID' is for id_card, not passport");

	/* The specimen state is not a country. */
	m = parse(specimen_td3);
	assert_int_equal(cor_document_from_mrz(&m, COR_DOC_NONE, &d, &is), COR_EINVAL);
	assert_string_equal(is.field, "issuing_state");
	assert_string_equal(is.message, "'UTO' is not an ISO 3166-1 alpha-3 country code");

	/* An unknown document code needs a kind. */
	m = parse(amina_td3);
	memcpy(m.document_code, "X", 2);
	assert_int_equal(cor_document_from_mrz(&m, COR_DOC_NONE, &d, &is), COR_EINVAL);
	assert_string_equal(is.field, "document_code");
	assert_string_equal(is.message,
			    "'X' does not say which kind of document this is: give the kind");
	assert_int_equal(cor_document_from_mrz(&m, COR_DOC_LAISSEZ_PASSER, &d, &is), 0);
	assert_int_equal(d.kind, COR_DOC_LAISSEZ_PASSER);
}

static void test_mrz_mismatches(void **state)
{
	struct cor_document_issue is[COR_DOCUMENT_MRZ_ISSUES];
	struct cor_person p = amina();
	struct cor_mrz m = parse(amina_td3);
	assert_int_equal(cor_document_mrz_mismatches(&m, &p, is), 0);

	/* The raw specimen: four fields disagree, each named. */
	m = parse(specimen_td3);
	p.sex = 'M';
	assert_int_equal(cor_document_mrz_mismatches(&m, &p, is), 4);
	assert_string_equal(is[0].field, "name");
	assert_string_equal(
		is[0].message,
		"the MRZ says ERIKSSON, ANNA MARIA, the person record says YUSUF, AMINA");
	assert_string_equal(is[1].field, "nationality");
	assert_string_equal(is[1].message, "the MRZ says UTO, the person record says SDN");
	assert_string_equal(is[2].field, "birth_date");
	assert_string_equal(is[2].message,
			    "the MRZ says 1974-08-12, the person record says 1990-03-14");
	assert_string_equal(is[3].field, "sex");
	assert_string_equal(is[3].message, "the MRZ says F, the person record says M");

	/* Names compare as the MRZ writes them: upper case, a hyphen a space, an
	 * apostrophe dropped; a record in other than ASCII is not compared. */
	m = parse(amina_td3);
	p = amina();
	memcpy(p.family_name_latin, "Yusuf", 6);
	memcpy(p.given_names_latin, "amina", 6);
	assert_int_equal(cor_document_mrz_mismatches(&m, &p, is), 0);
	memcpy(p.family_name_latin, "Yu'suf", 7);
	assert_int_equal(cor_document_mrz_mismatches(&m, &p, is), 0);
	memcpy(p.family_name_latin, "Yu-suf", 7);
	assert_int_equal(cor_document_mrz_mismatches(&m, &p, is), 1);
	assert_string_equal(is[0].message,
			    "the MRZ says YUSUF, AMINA, the person record says YU SUF, AMINA");
	memcpy(p.family_name_latin, "Y\xc3\xbcsuf", 7);
	assert_int_equal(cor_document_mrz_mismatches(&m, &p, is), 0);
	p = amina();
	memcpy(p.given_names_latin, "Amina Maria", 12);
	assert_int_equal(cor_document_mrz_mismatches(&m, &p, is), 1);
	assert_string_equal(is[0].field, "name");
	/* A name that fills the field may be cut: the record need only begin with it. */
	m.name_truncated = true;
	assert_int_equal(cor_document_mrz_mismatches(&m, &p, is), 0);
	memcpy(p.family_name_latin, "YUSUFI", 7);
	assert_int_equal(cor_document_mrz_mismatches(&m, &p, is), 1);
	assert_string_equal(is[0].message, "the MRZ says YUSUF, AMINA (cut short), the person "
					   "record says YUSUFI, AMINA MARIA");

	/* An approximate birth date compares the year. */
	m = parse(amina_td3);
	p = amina();
	p.birth_date = D(1990, 1, 1);
	assert_int_equal(cor_document_mrz_mismatches(&m, &p, is), 1);
	assert_string_equal(is[0].message,
			    "the MRZ says 1990-03-14, the person record says 1990-01-01");
	p.birth_date_approx = true;
	assert_int_equal(cor_document_mrz_mismatches(&m, &p, is), 0);
	p.birth_date = D(1991, 1, 1);
	assert_int_equal(cor_document_mrz_mismatches(&m, &p, is), 1);
	assert_string_equal(is[0].field, "birth_date");
	assert_string_equal(
		is[0].message,
		"the MRZ says 1990-03-14, the person record says born in 1991 (approximate)");

	/* '<' and 'X' stand for a record's 'X'. */
	p = amina();
	p.sex = 'X';
	m.sex = '<';
	assert_int_equal(cor_document_mrz_mismatches(&m, &p, is), 0);
	m.sex = 'X';
	assert_int_equal(cor_document_mrz_mismatches(&m, &p, is), 0);
	p.sex = 'F';
	m.sex = '<';
	assert_int_equal(cor_document_mrz_mismatches(&m, &p, is), 1);
	assert_string_equal(is[0].message,
			    "the MRZ says '<' (unspecified), the person record says F");

	/* ICAO's "D" is the record's DEU. */
	m = parse(german_td1);
	p = amina();
	memcpy(p.nationality, "DEU", 4);
	p.birth_date = D(1964, 8, 12);
	memcpy(p.family_name_latin, "Mustermann", 11);
	memcpy(p.given_names_latin, "Erika", 6);
	assert_int_equal(cor_document_mrz_mismatches(&m, &p, is), 0);
}

/* Every problem of a record, one a field, in order; validate gives the first. */
static void test_every_issue(void **state)
{
	struct cor_document_issue is[COR_DOCUMENT_ISSUES_MAX];
	struct cor_person p = amina();
	struct cor_date exp = D(1980, 1, 1);
	struct cor_document d = doc(COR_DOC_NONE, "p-1", "UTO", &exp);
	assert_int_equal(cor_document_issues(&d, &p, is), 4);
	assert_string_equal(is[0].field, "kind");
	assert_string_equal(is[1].field, "number");
	assert_string_equal(is[1].message, "'p-1' may hold only A-Z and 0-9");
	assert_string_equal(is[2].field, "issuer");
	assert_string_equal(is[3].field, "expires");
	assert_string_equal(is[3].message,
			    "1980-01-01 is not after the holder's birth date 1990-03-14");
	d = doc(COR_DOC_PASSPORT, "", "SDN", NULL);
	assert_int_equal(cor_document_issues(&d, &p, is), 1);
	assert_string_equal(is[0].message, "is empty");
	d = doc(COR_DOC_PASSPORT, "P1", "SDN", NULL);
	assert_int_equal(cor_document_issues(&d, &p, is), 0);
}

static void test_same_expired_event(void **state)
{
	char buf[256];
	struct cor_date exp = D(2027, 1, 2);
	struct cor_document a = doc(COR_DOC_PASSPORT, "P1", "SDN", &exp),
			    b = doc(COR_DOC_PASSPORT, "P1", "SDN", NULL);
	/* One document: kind, number and issuer; the expiry does not tell. */
	assert_true(cor_document_same(&a, &b));
	b.kind = COR_DOC_REFUGEE_TD;
	assert_false(cor_document_same(&a, &b));
	b = doc(COR_DOC_PASSPORT, "P1", "LBY", NULL);
	assert_false(cor_document_same(&a, &b));
	b = doc(COR_DOC_PASSPORT, "P2", "SDN", NULL);
	assert_false(cor_document_same(&a, &b));

	/* Valid through its expiry day; one without expiry never expires. */
	assert_false(cor_document_expired(&a, D(2027, 1, 2)));
	assert_true(cor_document_expired(&a, D(2027, 1, 3)));
	assert_false(cor_document_expired(&b, D(2999, 1, 1)));

	assert_string_equal(
		cor_document_event_detail(&a, COR_DOC_SOURCE_MRZ, "LY-TIP-2026-000201-01", buf,
					  sizeof(buf)),
		"passport P1 issued by SDN, expires 2027-01-02 added for LY-TIP-2026-000201-01 "
		"(read from the MRZ)");
	assert_string_equal(
		cor_document_event_detail(&b, COR_DOC_SOURCE_MANUAL, "X-01", buf, sizeof(buf)),
		"passport P2 issued by SDN added for X-01 (entered by hand)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds_and_sources),  cmocka_unit_test(test_holder),
		cmocka_unit_test(test_validate),           cmocka_unit_test(test_valid_for_travel),
		cmocka_unit_test(test_person_can_travel),  cmocka_unit_test(test_from_mrz),
		cmocka_unit_test(test_mrz_mismatches),     cmocka_unit_test(test_every_issue),
		cmocka_unit_test(test_same_expired_event),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
