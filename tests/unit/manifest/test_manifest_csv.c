// SPDX-License-Identifier: Apache-2.0
// Unit tests for the manifest CSV writer: the sample manifest byte for byte
// (columns, CRLF, Arabic and accented names, an escort, SSR codes, a person
// without a document), the formula guard on every kind of field, RFC 4180
// quoting after the guard, an empty manifest, and the refusals with their
// messages.
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

#define HEADER                                                                                     \
	"movement,leg,from,to,departs_local,departs_utc,seat_group,case_id,person_no,role,"        \
	"family_name_latin,given_names_latin,family_name,given_names,sex,birth_date,"              \
	"birth_date_approx,nationality,document_kind,document_number,document_issuer,"             \
	"document_expiry,ssr,escort,board,alight,carrier,flight\r\n"
#define LEG "LY-TIP-MV-2026-0007,2,ADD,LOS,2026-12-01 16:00 +03:00,2026-12-01T13:00Z,"

// clang-format off
static const char sample_csv[] =
	HEADER
	LEG "G001,LY-TIP-2026-000123,1,traveller,ABDALLAH,Mariam,عبد الله,مريم,F,1988-04-12,0,"
	    "SDN,passport,P01234567,SDN,2031-05-30,,,MJI,LOS,ET,ET3414\r\n"
	LEG "G001,LY-TIP-2026-000123,2,traveller,ABDALLAH,Yusuf,عبد الله,يوسف,M,2015-01-01,1,"
	    "SDN,,,,,MEDA WCHC,O'BRIEN Siobhán,MJI,LOS,ET,ET3414\r\n"
	LEG "G002,LY-TIP-2026-000124,1,traveller,N'Diaye,Bérénice,N'Diaye,Bérénice,F,1979-11-30,0,"
	    "SEN,etd,ETD0042017,SEN,2027-01-31,,,MJI,LOS,ET,ET3414\r\n"
	LEG "ESC,,,medical_escort,O'BRIEN,Siobhán,O'BRIEN,Siobhán,F,1985-02-14,0,"
	    "IRL,passport,PX1234567,IRL,2030-08-31,,,MJI,LOS,ET,ET3414\r\n";
// clang-format on

/* Write m as CSV into memory; *out is the text (free it), the result is returned. */
static int write_csv(const struct cor_manifest *m, char **out, char *msg, size_t msglen)
{
	size_t len = 0;
	FILE *f = open_memstream(out, &len);
	assert_non_null(f);
	msg[0] = '\0';
	int rc = cor_manifest_write_csv(m, f, msg, msglen);
	assert_int_equal(fclose(f), 0);
	return rc;
}

static void test_sample(void **state)
{
	struct cor_manifest m;
	struct cor_manifest_pax pax[SAMPLE_NPAX];
	sample_manifest(&m, pax);
	char *out = NULL, msg[256];
	assert_int_equal(write_csv(&m, &out, msg, sizeof(msg)), 0);
	assert_string_equal(out, sample_csv);
	free(out);
}

static void test_first_leg(void **state)
{
	struct cor_manifest m;
	struct cor_manifest_pax pax[SAMPLE_NPAX];
	sample_manifest(&m, pax);
	m.leg = 0;
	m.npax = 1;
	char *out = NULL, msg[256];
	assert_int_equal(write_csv(&m, &out, msg, sizeof(msg)), 0);
	assert_string_equal(out, HEADER "LY-TIP-MV-2026-0007,1,MJI,ADD,2026-12-01 08:30 +02:00,"
					"2026-12-01T06:30Z,G001,LY-TIP-2026-000123,1,traveller,"
					"ABDALLAH,Mariam,عبد الله,مريم,F,1988-04-12,0,SDN,passport,"
					"P01234567,SDN,2031-05-30,,,MJI,LOS,ET,ET3412\r\n");
	free(out);
}

static void test_no_passengers(void **state)
{
	struct cor_manifest m;
	struct cor_manifest_pax pax[SAMPLE_NPAX];
	sample_manifest(&m, pax);
	m.npax = 0;
	char *out = NULL, msg[256];
	assert_int_equal(write_csv(&m, &out, msg, sizeof(msg)), 0);
	assert_string_equal(out, HEADER);
	free(out);
}

/* The row written for the sample's escort with some fields changed. */
static void escort_row(struct cor_manifest *m, struct cor_manifest_pax *pax, char **out)
{
	char msg[256];
	m->pax = &pax[3];
	m->npax = 1;
	assert_int_equal(write_csv(m, out, msg, sizeof(msg)), 0);
	assert_memory_equal(*out, HEADER, strlen(HEADER));
}

static void test_formula_guard(void **state)
{
	struct cor_manifest m;
	struct cor_manifest_pax pax[SAMPLE_NPAX];
	sample_manifest(&m, pax);
	struct cor_manifest_pax *p = &pax[3];
	strcpy(p->family_name_latin, "=HYPERLINK(\"http://x.example\",\"open\")");
	strcpy(p->given_names_latin, "+1");
	strcpy(p->family_name, "-2+3");
	strcpy(p->given_names, "@SUM(A1:A9)");
	strcpy(p->doc_number, "\t=1");
	strcpy(p->escort, "\r=1");
	char *out = NULL;
	escort_row(&m, pax, &out);
	/* The apostrophe goes inside the quotes when the field needs quoting. */
	assert_string_equal(out + strlen(HEADER),
			    LEG "ESC,,,medical_escort,"
				"\"'=HYPERLINK(\"\"http://x.example\"\",\"\"open\"\")\",'+1,'-2+3,"
				"'@SUM(A1:A9),F,1985-02-14,0,IRL,passport,'\t=1,IRL,2030-08-31,,"
				"\"'\r=1\",MJI,LOS,ET,ET3414\r\n");
	free(out);
}

static void test_guard_only_at_start(void **state)
{
	struct cor_manifest m;
	struct cor_manifest_pax pax[SAMPLE_NPAX];
	sample_manifest(&m, pax);
	struct cor_manifest_pax *p = &pax[3];
	strcpy(p->family_name_latin, "Al-Amin");
	strcpy(p->given_names_latin, "Omar Jr, =x");
	strcpy(p->family_name, " =spaced");
	char *out = NULL;
	escort_row(&m, pax, &out);
	assert_string_equal(out + strlen(HEADER),
			    LEG "ESC,,,medical_escort,Al-Amin,\"Omar Jr, =x\",\" =spaced\","
				"Siobhán,F,1985-02-14,0,IRL,passport,PX1234567,IRL,2030-08-31,,,"
				"MJI,LOS,ET,ET3414\r\n");
	free(out);
}

static void test_unknown_zone(void **state)
{
	struct cor_manifest m;
	struct cor_manifest_pax pax[SAMPLE_NPAX];
	sample_manifest(&m, pax);
	strcpy(m.legs[1].from_tz, "Africa/Atlantis");
	char *out = NULL, msg[256];
	assert_int_equal(write_csv(&m, &out, msg, sizeof(msg)), COR_EINVAL);
	assert_string_equal(msg, "leg 2: unknown time zone 'Africa/Atlantis' for 'ADD'");
	assert_string_equal(out, "");
	free(out);
}

static void test_no_such_leg(void **state)
{
	struct cor_manifest m;
	struct cor_manifest_pax pax[SAMPLE_NPAX];
	sample_manifest(&m, pax);
	m.leg = 2;
	char *out = NULL, msg[256];
	assert_int_equal(write_csv(&m, &out, msg, sizeof(msg)), COR_EINVAL);
	assert_string_equal(msg, "movement 'LY-TIP-MV-2026-0007' has no leg 3");
	free(out);
}

static void test_write_error(void **state)
{
	struct cor_manifest m;
	struct cor_manifest_pax pax[SAMPLE_NPAX];
	sample_manifest(&m, pax);
	FILE *f = fopen("/dev/null", "r"); /* writes to it fail */
	assert_non_null(f);
	char msg[256] = "";
	assert_int_equal(cor_manifest_write_csv(&m, f, msg, sizeof(msg)), COR_EIO);
	assert_string_equal(msg, "could not write the CSV manifest of 'LY-TIP-MV-2026-0007'");
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sample),
		cmocka_unit_test(test_first_leg),
		cmocka_unit_test(test_no_passengers),
		cmocka_unit_test(test_formula_guard),
		cmocka_unit_test(test_guard_only_at_start),
		cmocka_unit_test(test_unknown_zone),
		cmocka_unit_test(test_no_such_leg),
		cmocka_unit_test(test_write_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
