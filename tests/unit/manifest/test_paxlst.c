// SPDX-License-Identifier: Apache-2.0
// Unit tests for the PAXLST writer: the sample manifest byte for byte (ISO
// 8859-1 bytes, released apostrophes, routing and reported legs in local
// time, an escort, a person without a document), the UNT count recounted
// from the output, release of every service character, the document codes,
// single names, vessels, and each refusal with its message and an empty
// output. tests/unit/manifest/test_paxlst_node.c reads the same sample with
// an independent parser.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "manifest/manifest.h"
#include "util/error.h"
#include "unit/manifest/sample_manifest.h"

#define CONTROL "000000042"

/* The sample in ISO 8859-1: é is \xE9, á is \xE1. */
// clang-format off
static const char sample_paxlst[] =
	"UNA:+.? '"
	"UNB+UNOC:4+LY-TIP+NGNIS+261130:1800+000000042'"
	"UNG+PAXLST+LY-TIP+NGNIS+261130:1800+000000042+UN+D:05B'"
	"UNH+000000042+PAXLST:D:05B:UN:IATA'"
	"BGM+745'"
	"NAD+MS+++IOM Libya'"
	"TDT+20+ET3412+++ET'"
	"LOC+92+MJI'"
	"DTM+189:2612010830:201'"
	"LOC+92+ADD'"
	"DTM+232:2612011410:201'"
	"TDT+20+ET3414+++ET'"
	"LOC+125+ADD'"
	"DTM+189:2612011600:201'"
	"LOC+87+LOS'"
	"DTM+232:2612011805:201'"
	"NAD+FL+++ABDALLAH:Mariam'"
	"ATT+2++F'"
	"DTM+329:880412'"
	"LOC+178+MJI'"
	"LOC+179+LOS'"
	"NAT+2+SDN'"
	"DOC+P:110:111+P01234567'"
	"DTM+36:310530'"
	"LOC+91+SDN'"
	"NAD+FL+++ABDALLAH:Yusuf'"
	"ATT+2++M'"
	"DTM+329:150101'"
	"LOC+178+MJI'"
	"LOC+179+LOS'"
	"NAT+2+SDN'"
	"NAD+FL+++N?'Diaye:B\xE9r\xE9nice'"
	"ATT+2++F'"
	"DTM+329:791130'"
	"LOC+178+MJI'"
	"LOC+179+LOS'"
	"NAT+2+SEN'"
	"DOC+F:110:111+ETD0042017'"
	"DTM+36:270131'"
	"LOC+91+SEN'"
	"NAD+FL+++O?'BRIEN:Siobh\xE1n'"
	"ATT+2++F'"
	"DTM+329:850214'"
	"LOC+178+MJI'"
	"LOC+179+LOS'"
	"NAT+2+IRL'"
	"DOC+P:110:111+PX1234567'"
	"DTM+36:300831'"
	"LOC+91+IRL'"
	"CNT+42:4'"
	"UNT+48+000000042'"
	"UNE+1+000000042'"
	"UNZ+1+000000042'";
// clang-format on

/* Write m as PAXLST into memory; *out is the text (free it). */
static int write_paxlst(const struct cor_manifest *m, const char *control, char **out, char *msg,
			size_t msglen)
{
	size_t len = 0;
	FILE *f = open_memstream(out, &len);
	assert_non_null(f);
	msg[0] = '\0';
	int rc = cor_manifest_write_paxlst(m, control, f, msg, msglen);
	assert_int_equal(fclose(f), 0);
	return rc;
}

/* The segments of an interchange after UNA: split at each terminator that
 * the release character does not protect. Returns the count; segs[i] points
 * into text (terminators replaced by NULs). */
static int split_segments(char *text, char **segs, int max)
{
	int n = 0;
	char *s = text;
	assert_memory_equal(s, "UNA:+.? '", 9);
	s += 9;
	char *start = s;
	for (; *s; s++) {
		if (*s == '?' && s[1]) {
			s++;
			continue;
		}
		if (*s == '\'') {
			*s = '\0';
			assert_true(n < max);
			segs[n++] = start;
			start = s + 1;
		}
	}
	assert_string_equal(start, ""); /* nothing after the last terminator */
	return n;
}

static void test_sample(void **state)
{
	struct cor_manifest m;
	struct cor_manifest_pax pax[SAMPLE_NPAX];
	sample_manifest(&m, pax);
	char *out = NULL, msg[256];
	assert_int_equal(write_paxlst(&m, CONTROL, &out, msg, sizeof(msg)), 0);
	assert_string_equal(out, sample_paxlst);
	free(out);
}

/* Recount the segments UNH..UNT of the output and compare with UNT, and the
 * passengers with CNT. */
static void test_counts(void **state)
{
	struct cor_manifest m;
	struct cor_manifest_pax pax[SAMPLE_NPAX];
	sample_manifest(&m, pax);
	char *out = NULL, msg[256], *segs[128];
	assert_int_equal(write_paxlst(&m, CONTROL, &out, msg, sizeof(msg)), 0);
	int n = split_segments(out, segs, 128);
	int unh = -1, unt = -1, nad_fl = 0;
	for (int i = 0; i < n; i++) {
		if (!strncmp(segs[i], "UNH+", 4))
			unh = i;
		if (!strncmp(segs[i], "UNT+", 4))
			unt = i;
		if (!strncmp(segs[i], "NAD+FL+", 7))
			nad_fl++;
	}
	assert_int_equal(unh, 2);
	assert_int_equal(unt, n - 3);
	char want[64];
	snprintf(want, sizeof(want), "UNT+%d+" CONTROL, unt - unh + 1);
	assert_string_equal(segs[unt], want);
	assert_string_equal(want, "UNT+48+" CONTROL);
	assert_int_equal(nad_fl, SAMPLE_NPAX);
	assert_string_equal(segs[unt - 1], "CNT+42:4");
	free(out);
}

static void test_release_characters(void **state)
{
	struct cor_manifest m;
	struct cor_manifest_pax pax[SAMPLE_NPAX];
	sample_manifest(&m, pax);
	strcpy(pax[0].family_name_latin, "A?B+C:D'E");
	strcpy(pax[0].given_names_latin, "?+:'");
	strcpy(pax[0].doc_number, "X+1");
	strcpy(m.reporting_party, "IOM: Libya's office + ?");
	m.npax = 1;
	char *out = NULL, msg[256];
	assert_int_equal(write_paxlst(&m, CONTROL, &out, msg, sizeof(msg)), 0);
	/* "?" "?'" keeps the compiler from reading a trigraph. */
	assert_non_null(strstr(out, "'NAD+MS+++IOM?: Libya?'s office ?+ ?"
				    "?'"));
	assert_non_null(strstr(out, "'NAD+FL+++A??B?+C?:D?'E:???+?:?''"));
	assert_non_null(strstr(out, "'DOC+P:110:111+X?+1'"));
	char *segs[64];
	int n = split_segments(out, segs, 64);
	assert_string_equal(segs[n - 3], "UNT+24+" CONTROL);
	free(out);
}

static void test_document_codes(void **state)
{
	static const struct {
		enum cor_doc_kind kind;
		const char *seg;
	} rows[] = {
		{COR_DOC_PASSPORT, "'DOC+P:110:111+N1'"},
		{COR_DOC_ID_CARD, "'DOC+I:110:111+N1'"},
		{COR_DOC_ETD, "'DOC+F:110:111+N1'"},
		{COR_DOC_LAISSEZ_PASSER, "'DOC+F:110:111+N1'"},
		{COR_DOC_EXIT_PERMIT, "'DOC+F:110:111+N1'"},
		{COR_DOC_VISA, "'DOC+V:110:111+N1'"},
		{COR_DOC_REFUGEE_TD, "'DOC+P:110:111+N1'"},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct cor_manifest m;
		struct cor_manifest_pax pax[SAMPLE_NPAX];
		sample_manifest(&m, pax);
		m.npax = 1;
		pax[0].doc_kind = rows[i].kind;
		strcpy(pax[0].doc_number, "N1");
		char *out = NULL, msg[256];
		assert_int_equal(write_paxlst(&m, CONTROL, &out, msg, sizeof(msg)), 0);
		if (!strstr(out, rows[i].seg))
			fail_msg("%s: no %s", cor_doc_kind_name(rows[i].kind), rows[i].seg);
		free(out);
	}
}

/* No expiry, no issuer: DOC alone. */
static void test_document_without_expiry(void **state)
{
	struct cor_manifest m;
	struct cor_manifest_pax pax[SAMPLE_NPAX];
	sample_manifest(&m, pax);
	m.npax = 1;
	pax[0].doc_has_expiry = false;
	pax[0].doc_issuer[0] = '\0';
	char *out = NULL, msg[256];
	assert_int_equal(write_paxlst(&m, CONTROL, &out, msg, sizeof(msg)), 0);
	assert_non_null(strstr(out, "'NAT+2+SDN'DOC+P:110:111+P01234567'CNT+42:1'UNT+22+"));
	free(out);
}

static void test_single_name(void **state)
{
	struct cor_manifest m;
	struct cor_manifest_pax pax[SAMPLE_NPAX];
	sample_manifest(&m, pax);
	m.npax = 1;
	pax[0].family_name_latin[0] = '\0';
	char *out = NULL, msg[256];
	assert_int_equal(write_paxlst(&m, CONTROL, &out, msg, sizeof(msg)), 0);
	assert_non_null(strstr(out, "'NAD+FL+++Mariam'ATT+2++F'"));
	free(out);
}

/* A one-leg vessel: no carrier, the leg reported from 125 to 87; the sender
 * given. */
static void test_vessel_first_leg(void **state)
{
	struct cor_manifest m;
	struct cor_manifest_pax pax[SAMPLE_NPAX];
	sample_manifest(&m, pax);
	m.kind = COR_MOVEMENT_VESSEL;
	m.nlegs = 1;
	m.leg = 0;
	m.npax = 0;
	m.legs[0].carrier[0] = '\0';
	strcpy(m.legs[0].number, "MV SEA STAR");
	strcpy(m.sender, "IOMLYTIP");
	char *out = NULL, msg[256];
	assert_int_equal(write_paxlst(&m, "7", &out, msg, sizeof(msg)), 0);
	assert_string_equal(out, "UNA:+.? '"
				 "UNB+UNOC:4+IOMLYTIP+NGNIS+261130:1800+7'"
				 "UNG+PAXLST+IOMLYTIP+NGNIS+261130:1800+7+UN+D:05B'"
				 "UNH+7+PAXLST:D:05B:UN:IATA'"
				 "BGM+745'"
				 "NAD+MS+++IOM Libya'"
				 "TDT+20+MV SEA STAR'"
				 "LOC+125+MJI'"
				 "DTM+189:2612010830:201'"
				 "LOC+87+ADD'"
				 "DTM+232:2612011410:201'"
				 "CNT+42:0'"
				 "UNT+10+7'"
				 "UNE+1+7'"
				 "UNZ+1+7'");
	free(out);
}

/* A refusal: code, message, and nothing written. */
static void expect_refusal(const struct cor_manifest *m, const char *control, const char *want)
{
	char *out = NULL, msg[512];
	assert_int_equal(write_paxlst(m, control, &out, msg, sizeof(msg)), COR_EINVAL);
	assert_string_equal(msg, want);
	assert_string_equal(out, "");
	free(out);
}

static void test_refuses_outside_latin1(void **state)
{
	struct cor_manifest m;
	struct cor_manifest_pax pax[SAMPLE_NPAX];
	sample_manifest(&m, pax);
	strcpy(pax[1].family_name_latin, "Yılmaz");
	expect_refusal(&m, CONTROL,
		       "passenger LY-TIP-2026-000123-02: family_name_latin 'Yılmaz' has 'ı' "
		       "(U+0131), which the PAXLST character set (UNOC, ISO 8859-1) cannot carry");

	sample_manifest(&m, pax);
	strcpy(pax[3].given_names_latin, "Łucja");
	expect_refusal(&m, CONTROL,
		       "escort 'O'BRIEN Łucja': given_names_latin 'Łucja' has 'Ł' (U+0141), "
		       "which the PAXLST character set (UNOC, ISO 8859-1) cannot carry");

	/* The name as written is never sent, so its script does not matter; a
	 * Latin field in Arabic script does. */
	sample_manifest(&m, pax);
	strcpy(pax[2].given_names_latin, "مريم");
	expect_refusal(&m, CONTROL,
		       "passenger LY-TIP-2026-000124-01: given_names_latin 'مريم' has 'م' "
		       "(U+0645), which the PAXLST character set (UNOC, ISO 8859-1) cannot carry");

	sample_manifest(&m, pax);
	strcpy(m.reporting_party, "IOM \xE2\x80\x94 Libya");
	expect_refusal(&m, CONTROL,
		       "movement 'LY-TIP-MV-2026-0007': reporting_party 'IOM \xE2\x80\x94 Libya' "
		       "has '\xE2\x80\x94' (U+2014), which the PAXLST character set (UNOC, "
		       "ISO 8859-1) cannot carry");

	sample_manifest(&m, pax);
	strcpy(pax[0].given_names_latin, "Mar\xC2\x85iam");
	expect_refusal(&m, CONTROL,
		       "passenger LY-TIP-2026-000123-01: given_names_latin 'Mar\xC2\x85iam' has a "
		       "control character (U+0085)");

	sample_manifest(&m, pax);
	strcpy(pax[0].given_names_latin, "Mar\xE9iam");
	expect_refusal(&m, CONTROL,
		       "passenger LY-TIP-2026-000123-01: given_names_latin is not valid UTF-8");
}

static void test_refuses_long_name(void **state)
{
	struct cor_manifest m;
	struct cor_manifest_pax pax[SAMPLE_NPAX];
	sample_manifest(&m, pax);
	memset(pax[0].family_name_latin, 'A', 71);
	pax[0].family_name_latin[71] = '\0';
	char want[512];
	snprintf(want, sizeof(want),
		 "passenger LY-TIP-2026-000123-01: family_name_latin '%s' has 71 characters; "
		 "PAXLST carries at most 70",
		 pax[0].family_name_latin);
	expect_refusal(&m, CONTROL, want);

	/* 70 characters, accented ones counted once: accepted. */
	strcpy(pax[0].family_name_latin, "É");
	memset(pax[0].family_name_latin + 2, 'A', 69);
	pax[0].family_name_latin[71] = '\0';
	char *out = NULL, msg[256];
	assert_int_equal(write_paxlst(&m, CONTROL, &out, msg, sizeof(msg)), 0);
	free(out);
}

static void test_refuses_envelope(void **state)
{
	struct cor_manifest m;
	struct cor_manifest_pax pax[SAMPLE_NPAX];
	sample_manifest(&m, pax);
	expect_refusal(&m, "", "interchange control reference '' is not 1 to 14 letters or digits");
	expect_refusal(&m, "000000000000042",
		       "interchange control reference '000000000000042' is not 1 to 14 letters "
		       "or digits");
	expect_refusal(&m, "42'",
		       "interchange control reference '42'' is not 1 to 14 letters or digits");

	m.recipient[0] = '\0';
	expect_refusal(&m, CONTROL,
		       "movement 'LY-TIP-MV-2026-0007': no PAXLST recipient (the border "
		       "authority's identification)");

	sample_manifest(&m, pax);
	m.reporting_party[0] = '\0';
	expect_refusal(&m, CONTROL, "movement 'LY-TIP-MV-2026-0007': no reporting party");

	sample_manifest(&m, pax);
	strcpy(m.generated_at, "yesterday");
	expect_refusal(
		&m, CONTROL,
		"movement 'LY-TIP-MV-2026-0007': generated_at 'yesterday' is not a UTC time");

	sample_manifest(&m, pax);
	m.leg = 2;
	expect_refusal(&m, CONTROL, "movement 'LY-TIP-MV-2026-0007' has no leg 3");
}

static void test_refuses_legs_and_people(void **state)
{
	struct cor_manifest m;
	struct cor_manifest_pax pax[SAMPLE_NPAX];
	sample_manifest(&m, pax);
	strcpy(m.legs[0].to_tz, "Africa/Atlantis");
	expect_refusal(&m, CONTROL, "leg 1: unknown time zone 'Africa/Atlantis' for 'ADD'");

	sample_manifest(&m, pax);
	m.legs[1].number[0] = '\0';
	expect_refusal(&m, CONTROL, "leg 2: no flight number, vessel or convoy name");

	sample_manifest(&m, pax);
	pax[2].sex = '?';
	expect_refusal(&m, CONTROL, "passenger LY-TIP-2026-000124-01: sex is not F, M or X");

	sample_manifest(&m, pax);
	pax[2].family_name_latin[0] = '\0';
	pax[2].given_names_latin[0] = '\0';
	expect_refusal(&m, CONTROL, "passenger LY-TIP-2026-000124-01: no name in Latin script");
}

static void test_write_error(void **state)
{
	struct cor_manifest m;
	struct cor_manifest_pax pax[SAMPLE_NPAX];
	sample_manifest(&m, pax);
	FILE *f = fopen("/dev/null", "r"); /* writes to it fail */
	assert_non_null(f);
	char msg[256] = "";
	assert_int_equal(cor_manifest_write_paxlst(&m, CONTROL, f, msg, sizeof(msg)), COR_EIO);
	assert_string_equal(msg, "could not write the PAXLST message of 'LY-TIP-MV-2026-0007'");
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sample),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_release_characters),
		cmocka_unit_test(test_document_codes),
		cmocka_unit_test(test_document_without_expiry),
		cmocka_unit_test(test_single_name),
		cmocka_unit_test(test_vessel_first_leg),
		cmocka_unit_test(test_refuses_outside_latin1),
		cmocka_unit_test(test_refuses_long_name),
		cmocka_unit_test(test_refuses_envelope),
		cmocka_unit_test(test_refuses_legs_and_people),
		cmocka_unit_test(test_write_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
