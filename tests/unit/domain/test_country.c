// SPDX-License-Identifier: Apache-2.0
// Unit tests for country and language codes: ISO 3166-1 alpha-3 and ICAO's
// own codes, nationalities, names, the alpha-2 mapping both ways over the
// whole table, ISO 639 codes and ';'-separated language lists with the
// offset of the first bad code.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "domain/country.h"
#include "domain/iso_tables.h"

static void test_iso3(void **state)
{
	static const char *const yes[] = {"NGA", "LBY", "DEU", "SYR", "AFG", "USA", "ZWE", "ABW"};
	static const char *const no[] = {
		"nga", "Nga", "NG",  "NGAA", "",    "XXX", "XXA",       "UTO",
		"D",   "EUE", "ZZZ", "AAA",  "NG ", " NG", "N\xC3\x89",
	};
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (!cor_country_is_iso3(yes[i]))
			fail_msg("'%s' should be ISO alpha-3", yes[i]);
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (cor_country_is_iso3(no[i]))
			fail_msg("'%s' should not be ISO alpha-3", no[i]);
	assert_false(cor_country_is_iso3(NULL));
}

static void test_icao(void **state)
{
	static const char *const yes[] = {"D",   "UTO", "XXA", "XXB", "XXC", "XXX", "EUE",
					  "GBD", "RKS", "UNO", "NGA", "DEU", "GBR"};
	static const char *const no[] = {"", "DE", "d", "uto", "D<<", "DD", "XXD", "ZZZ", "UT"};
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (!cor_country_is_icao(yes[i]))
			fail_msg("'%s' should be a valid MRZ code", yes[i]);
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (cor_country_is_icao(no[i]))
			fail_msg("'%s' should not be a valid MRZ code", no[i]);
	assert_false(cor_country_is_icao(NULL));
}

static void test_nationality(void **state)
{
	static const char *const yes[] = {"NGA", "SYR", "XXA", "XXB", "XXC", "XXX", "SSD"};
	/* ICAO's other codes are documents' issuers, not nationalities. */
	static const char *const no[] = {"D",   "UTO", "EUE", "UNO", "GBD",
					 "XXD", "",    "xxa", "nga", "NG"};
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (!cor_nationality_is_valid(yes[i]))
			fail_msg("'%s' should be a nationality", yes[i]);
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (cor_nationality_is_valid(no[i]))
			fail_msg("'%s' should not be a nationality", no[i]);
	assert_false(cor_nationality_is_valid(NULL));
}

static void test_names(void **state)
{
	assert_string_equal(cor_country_name("LBY"), "Libya");
	assert_string_equal(cor_country_name("DEU"), "Germany");
	assert_string_equal(cor_country_name("GBR"), "United Kingdom");
	assert_string_equal(cor_country_name("YEM"), "Yemen");
	assert_string_equal(cor_country_name("D"), "Germany (ICAO)");
	assert_string_equal(cor_country_name("UTO"), "Utopia (specimen)");
	assert_string_equal(cor_country_name("XXA"), "stateless person");
	assert_string_equal(cor_country_name("XXX"), "unspecified nationality");
	assert_null(cor_country_name("ZZZ"));
	assert_null(cor_country_name("lby"));
	assert_null(cor_country_name(""));
	assert_null(cor_country_name(NULL));
}

static void test_alpha2(void **state)
{
	assert_string_equal(cor_country_alpha2("LBY"), "LY");
	assert_string_equal(cor_country_alpha2("NER"), "NE");
	assert_string_equal(cor_country_alpha2("DEU"), "DE");
	assert_string_equal(cor_country_alpha2("GBR"), "GB");
	assert_null(cor_country_alpha2("D")); /* ICAO codes have no alpha-2 */
	assert_null(cor_country_alpha2("XXA"));
	assert_null(cor_country_alpha2("LY"));
	assert_null(cor_country_alpha2(""));
	assert_null(cor_country_alpha2(NULL));
	assert_string_equal(cor_country_from_alpha2("LY"), "LBY");
	assert_string_equal(cor_country_from_alpha2("YE"), "YEM");
	assert_string_equal(cor_country_from_alpha2("DE"), "DEU");
	assert_null(cor_country_from_alpha2("ly"));
	assert_null(cor_country_from_alpha2("ZZ"));
	assert_null(cor_country_from_alpha2("L"));
	assert_null(cor_country_from_alpha2("LBY"));
	assert_null(cor_country_from_alpha2(""));
	assert_null(cor_country_from_alpha2(NULL));
}

/* Every row of the tables is found by the lookups (the binary search needs
 * them sorted), its alpha-2 maps back to it, and both are upper case. */
static void test_tables_whole(void **state)
{
	assert_true(cor_iso3166_len >= 249);
	for (size_t i = 0; i < cor_iso3166_len; i++) {
		const struct cor_country *c = &cor_iso3166[i];
		if (i && strcmp(cor_iso3166[i - 1].alpha3, c->alpha3) >= 0)
			fail_msg("ISO table not sorted at '%s'", c->alpha3);
		if (!cor_country_is_iso3(c->alpha3))
			fail_msg("'%s' is in the table but not found", c->alpha3);
		assert_int_equal(strlen(c->alpha3), 3);
		assert_int_equal(strlen(c->alpha2), 2);
		for (int k = 0; k < 3; k++)
			assert_true(c->alpha3[k] >= 'A' && c->alpha3[k] <= 'Z');
		assert_string_equal(cor_country_alpha2(c->alpha3), c->alpha2);
		const char *back = cor_country_from_alpha2(c->alpha2);
		if (!back || strcmp(back, c->alpha3))
			fail_msg("'%s' -> '%s' -> '%s'", c->alpha3, c->alpha2,
				 back ? back : "NULL");
		assert_string_equal(cor_country_name(c->alpha3), c->name);
		assert_true(cor_nationality_is_valid(c->alpha3));
		assert_true(cor_country_is_icao(c->alpha3));
	}
	for (size_t i = 0; i < cor_icao_codes_len; i++) {
		const struct cor_country *c = &cor_icao_codes[i];
		if (i && strcmp(cor_icao_codes[i - 1].alpha3, c->alpha3) >= 0)
			fail_msg("ICAO table not sorted at '%s'", c->alpha3);
		if (!cor_country_is_icao(c->alpha3))
			fail_msg("'%s' is in the ICAO table but not found", c->alpha3);
		assert_false(cor_country_is_iso3(c->alpha3));
	}
	for (size_t i = 0; i < cor_iso639_1_len; i++)
		if (!cor_language_is_valid(cor_iso639_1[i]))
			fail_msg("'%s' is in the ISO 639-1 table but not found", cor_iso639_1[i]);
	for (size_t i = 0; i < cor_iso639_3_len; i++)
		if (!cor_language_is_valid(cor_iso639_3[i]))
			fail_msg("'%s' is in the ISO 639-3 table but not found", cor_iso639_3[i]);
}

static void test_language(void **state)
{
	static const char *const yes[] = {"ar",  "fr",  "en",  "am",  "ti",  "so",  "prs", "arz",
					  "ara", "eng", "dyu", "mos", "sus", "mnk", "aa"};
	static const char *const no[] = {"",    "a",    "AR", "Ar",  "xx",  "zz", "zzz",
					 "qaa", "arab", "e",  "en ", " en", "e1"};
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (!cor_language_is_valid(yes[i]))
			fail_msg("'%s' should be a language", yes[i]);
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (cor_language_is_valid(no[i]))
			fail_msg("'%s' should not be a language", no[i]);
	assert_false(cor_language_is_valid(NULL));
}

static void test_language_list(void **state)
{
	static const char *const yes[] = {"", "ar", "ar;fr", "prs;ps", "am;om;ti", "ar;fr;en;arz"};
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		size_t at = 999;
		if (!cor_language_list_is_valid(yes[i], &at))
			fail_msg("'%s' should be a valid list", yes[i]);
		assert_int_equal(at, 999); /* untouched on success */
	}
	static const struct {
		const char *list;
		size_t bad_at;
	} no[] = {
		{"xx", 0},     {"ar;xx", 3},   {"ar;fr;zzz", 6}, {"ar;", 3},   {";ar", 0},
		{"ar;;fr", 3}, {"AR", 0},      {"ar,fr", 0},     {"ar fr", 0}, {"arabic", 0},
		{"ar;f", 3},   {"ar;fren", 3}, {"en;fr;de;", 9}, {"a", 0},
	};
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		size_t at = 999;
		if (cor_language_list_is_valid(no[i].list, &at))
			fail_msg("'%s' should be refused", no[i].list);
		if (at != no[i].bad_at)
			fail_msg("'%s': bad at %zu, expected %zu", no[i].list, at, no[i].bad_at);
	}
	/* bad_at may be NULL. */
	assert_false(cor_language_list_is_valid("ar;xx", NULL));
	assert_true(cor_language_list_is_valid("ar;fr", NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iso3),        cmocka_unit_test(test_icao),
		cmocka_unit_test(test_nationality), cmocka_unit_test(test_names),
		cmocka_unit_test(test_alpha2),      cmocka_unit_test(test_tables_whole),
		cmocka_unit_test(test_language),    cmocka_unit_test(test_language_list),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
