// SPDX-License-Identifier: Apache-2.0
// Unit tests for the case vocabulary: programmes and their lifecycles, the
// name tables (priority, relationship, document kind) both ways, office
// codes, case and person references, the text checks every name goes
// through (UTF-8, control characters, Latin script), and needs lists.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "domain/case.h"
#include "domain/needs.h"
#include "util/error.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

static int state_index(const char *s)
{
	for (size_t i = 0; i < cor_states_len; i++)
		if (!strcmp(cor_states[i], s))
			return (int)i;
	return -1;
}

static void test_programme_find(void **state)
{
	static const struct {
		const char *code, *name;
		bool is_return, is_admission;
	} want[] = {
		{"HEV", "international humanitarian evacuation", false, false},
		{"VHR", "voluntary humanitarian return", true, false},
		{"AVR", "assisted voluntary return and reintegration", true, false},
		{"REP", "voluntary repatriation of refugees", true, false},
		{"HASM", "humanitarian assistance to stranded migrants", false, false},
		{"RST", "resettlement to a third state", false, true},
		{"REL", "relocation inside the EU", false, true},
		{"CPW", "complementary pathways", false, true},
	};
	assert_int_equal(cor_programmes_len, ROWS(want));
	for (size_t i = 0; i < ROWS(want); i++) {
		const struct cor_programme *p = cor_programme_find(want[i].code);
		if (!p)
			fail_msg("no programme '%s'", want[i].code);
		assert_ptr_equal(p, &cor_programmes[i]); /* in DOMAIN.md order */
		assert_string_equal(p->code, want[i].code);
		assert_string_equal(p->name, want[i].name);
		assert_int_equal(p->is_return, want[i].is_return);
		assert_int_equal(p->is_admission, want[i].is_admission);
	}
	assert_null(cor_programme_find("vhr"));
	assert_null(cor_programme_find("VH"));
	assert_null(cor_programme_find("VHRX"));
	assert_null(cor_programme_find(""));
	assert_null(cor_programme_find("RET"));
}

/* Every state on every path is a known state, each once, in lifecycle
 * order, from "registered" to "closed"; every known state is reachable in
 * some programme. */
static void test_paths(void **state)
{
	bool used[64] = {false};
	assert_true(cor_states_len < ROWS(used));
	for (size_t i = 0; i < cor_programmes_len; i++) {
		const struct cor_programme *p = &cor_programmes[i];
		int last = -1;
		size_t n = 0;
		assert_non_null(p->path);
		assert_string_equal(p->path[0], "registered");
		for (const char *const *s = p->path; *s; s++, n++) {
			int k = state_index(*s);
			if (k < 0)
				fail_msg("%s: path state '%s' is not a state", p->code, *s);
			if (!cor_state_is_valid(*s))
				fail_msg("%s: '%s' not valid", p->code, *s);
			if (k <= last)
				fail_msg("%s: '%s' repeated or out of lifecycle order", p->code,
					 *s);
			if (!cor_programme_has_state(p, *s))
				fail_msg("%s: has_state('%s') is false for its own path", p->code,
					 *s);
			last = k;
			used[k] = true;
		}
		assert_string_equal(p->path[n - 1], "closed");
		assert_true(n >= 8);
	}
	/* The branches off the paths. */
	used[state_index("ineligible")] = used[state_index("on_hold")] = true;
	used[state_index("no_show")] = used[state_index("rejected")] = true;
	for (size_t i = 0; i < cor_states_len; i++)
		if (!used[i])
			fail_msg("state '%s' is on no programme's path", cor_states[i]);
}

static void test_has_state(void **state)
{
	const struct cor_programme *hev = cor_programme_find("HEV"),
				   *vhr = cor_programme_find("VHR"),
				   *rst = cor_programme_find("RST"),
				   *rel = cor_programme_find("REL"),
				   *hasm = cor_programme_find("HASM");
	assert_true(cor_programme_has_state(vhr, "counselled"));
	assert_false(cor_programme_has_state(hev, "counselled")); /* evacuation: no counselling */
	assert_true(cor_programme_has_state(vhr, "reintegration"));
	assert_false(cor_programme_has_state(hasm, "reintegration"));
	assert_false(cor_programme_has_state(rst, "reintegration"));
	assert_true(cor_programme_has_state(rst, "integration"));
	assert_false(cor_programme_has_state(vhr, "integration"));
	assert_true(cor_programme_has_state(rst, "interviewed"));
	assert_false(cor_programme_has_state(rel, "interviewed")); /* relocation: no interview */
	assert_true(cor_programme_has_state(rel, "submitted"));
	assert_false(cor_programme_has_state(vhr, "submitted"));
	assert_false(cor_programme_has_state(vhr, "orientation"));
	/* Branches: ineligible, on_hold and no_show everywhere; rejected only
	 * where a receiving state selects. */
	for (size_t i = 0; i < cor_programmes_len; i++) {
		const struct cor_programme *p = &cor_programmes[i];
		assert_true(cor_programme_has_state(p, "ineligible"));
		assert_true(cor_programme_has_state(p, "on_hold"));
		assert_true(cor_programme_has_state(p, "no_show"));
		assert_int_equal(cor_programme_has_state(p, "rejected"), p->is_admission);
		assert_false(cor_programme_has_state(p, "flying"));
		assert_false(cor_programme_has_state(p, ""));
		assert_false(cor_programme_has_state(p, "Registered"));
	}
	assert_true(cor_state_is_valid("travel_ready"));
	assert_false(cor_state_is_valid("travel-ready"));
	assert_false(cor_state_is_valid(""));
	assert_false(cor_state_is_valid("closed "));
	assert_int_equal(cor_states_len, 19);
}

static void test_priority(void **state)
{
	static const char *const names[] = {"normal", "urgent", "emergency"};
	assert_int_equal(COR_PRIO__N, ROWS(names));
	for (int i = 0; i < COR_PRIO__N; i++) {
		enum cor_priority p = COR_PRIO__N;
		assert_string_equal(cor_priority_name((enum cor_priority)i), names[i]);
		assert_int_equal(cor_priority_parse(names[i], &p), 0);
		assert_int_equal(p, i);
	}
	enum cor_priority p = COR_PRIO_URGENT;
	assert_int_equal(cor_priority_parse("Urgent", &p), COR_EINVAL);
	assert_int_equal(cor_priority_parse("", &p), COR_EINVAL);
	assert_int_equal(cor_priority_parse("high", &p), COR_EINVAL);
	assert_int_equal(p, COR_PRIO_URGENT); /* untouched */
	assert_string_equal(cor_priority_name(COR_PRIO__N), "?");
	assert_string_equal(cor_priority_name((enum cor_priority) - 1), "?");
}

static void test_relationship(void **state)
{
	static const char *const names[] = {
		"principal", "spouse",      "child",      "stepchild",      "parent",
		"sibling",   "grandparent", "grandchild", "other_relative", "unrelated"};
	assert_int_equal(COR_REL__N, ROWS(names));
	for (int i = 0; i < COR_REL__N; i++) {
		enum cor_relationship r = COR_REL__N;
		assert_string_equal(cor_relationship_name((enum cor_relationship)i), names[i]);
		assert_int_equal(cor_relationship_parse(names[i], &r), 0);
		assert_int_equal(r, i);
	}
	enum cor_relationship r = COR_REL_SIBLING;
	assert_int_equal(cor_relationship_parse("Spouse", &r), COR_EINVAL);
	assert_int_equal(cor_relationship_parse("other relative", &r), COR_EINVAL);
	assert_int_equal(cor_relationship_parse("", &r), COR_EINVAL);
	assert_int_equal(r, COR_REL_SIBLING);
	assert_string_equal(cor_relationship_name(COR_REL__N), "?");
}

static void test_doc_kind(void **state)
{
	static const char *const names[] = {"",     "passport",       "id_card",
					    "etd",  "laissez_passer", "exit_permit",
					    "visa", "refugee_td"};
	assert_int_equal(COR_DOC__N, ROWS(names));
	for (int i = 0; i < COR_DOC__N; i++) {
		enum cor_doc_kind k = COR_DOC__N;
		assert_string_equal(cor_doc_kind_name((enum cor_doc_kind)i), names[i]);
		assert_int_equal(cor_doc_kind_parse(names[i], &k), 0);
		assert_int_equal(k, i);
	}
	enum cor_doc_kind k = COR_DOC_VISA;
	assert_int_equal(cor_doc_kind_parse("Passport", &k), COR_EINVAL);
	assert_int_equal(cor_doc_kind_parse("id card", &k), COR_EINVAL);
	assert_int_equal(cor_doc_kind_parse("none", &k), COR_EINVAL);
	assert_int_equal(k, COR_DOC_VISA);
	assert_string_equal(cor_doc_kind_name(COR_DOC__N), "?");
}

static void test_office_code(void **state)
{
	static const char *const yes[] = {"LY-TIP", "YE-ADE", "NE-NIM", "ZZ-ZZZ", "AA-AAA"};
	static const char *const no[] = {"",        "LY-TI",   "LY-TIPS", "ly-tip",       "LY-tip",
					 "LYTIP",   "LY_TIP",  "LYT-IP",  "L1-TIP",       "LY-T1P",
					 "LY-TIP ", " LY-TIP", "LY--TI",  "\xC3\x89Y-TIP"};
	for (size_t i = 0; i < ROWS(yes); i++)
		if (!cor_office_code_is_valid(yes[i]))
			fail_msg("'%s' should be an office code", yes[i]);
	for (size_t i = 0; i < ROWS(no); i++)
		if (cor_office_code_is_valid(no[i]))
			fail_msg("'%s' should not be an office code", no[i]);
}

static void test_case_ref(void **state)
{
	char buf[COR_CASE_REF_MAX], office[8];
	int year;
	long seq;

	cor_case_ref_format(buf, sizeof(buf), "LY-TIP", 2026, 123);
	assert_string_equal(buf, "LY-TIP-2026-000123");
	cor_case_ref_format(buf, sizeof(buf), "YE-ADE", 2025, 1);
	assert_string_equal(buf, "YE-ADE-2025-000001");
	cor_case_ref_format(buf, sizeof(buf), "YE-ADE", 2025, 1234567);
	assert_string_equal(buf, "YE-ADE-2025-1234567");

	/* Round trip over numbers of every width that fits. */
	static const long seqs[] = {1, 9, 10, 999, 999999, 1000000, 12345678901L};
	for (size_t i = 0; i < ROWS(seqs); i++) {
		cor_case_ref_format(buf, sizeof(buf), "NE-AJY", 1999, seqs[i]);
		memset(office, 0, sizeof(office));
		year = 0, seq = 0;
		if (cor_case_ref_parse(buf, office, &year, &seq) != 0)
			fail_msg("'%s' does not parse back", buf);
		assert_string_equal(office, "NE-AJY");
		assert_int_equal(year, 1999);
		assert_int_equal(seq, seqs[i]);
	}

	static const char *const bad[] = {
		"",
		"LY-TIP-2026-00012",  /* number under 6 digits */
		"ly-tip-2026-000123", /* lower case office */
		"LY-TIP-26-000123",
		"LY-TIP-2026-000000", /* number 0 */
		"LY-TIP-1899-000001", /* before 1900 */
		"LY-TIP-2026-00012a",
		"LY-TIP-2026-+00123",
		"LY-TIP-2026- 00123",
		"LY-TIP-2O26-000123", /* letter O */
		"LY-TIP_2026-000123",
		"LY-TIP-2026_000123",
		"LYTIP-2026-0000123",
		"LY-TI1-2026-000123",
		"LY-TIP-2026-000123\n",
		"LY-TIP-2026-123456789012", /* 24 characters: too long */
		"LY-TIP-2026-000123-01",    /* a person reference */
	};
	for (size_t i = 0; i < ROWS(bad); i++) {
		strcpy(office, "keep");
		year = 7, seq = 7;
		if (cor_case_ref_parse(bad[i], office, &year, &seq) != COR_EINVAL)
			fail_msg("'%s' was accepted", bad[i]);
		assert_string_equal(office, "keep");
		assert_int_equal(year, 7);
		assert_int_equal(seq, 7);
	}
	/* 23 characters is the longest that fits. */
	assert_int_equal(cor_case_ref_parse("LY-TIP-2026-12345678901", office, &year, &seq), 0);
	assert_int_equal(seq, 12345678901L);
}

static void test_person_ref(void **state)
{
	char buf[COR_PERSON_REF_MAX];
	cor_person_ref_format(buf, sizeof(buf), "LY-TIP-2026-000123", 2);
	assert_string_equal(buf, "LY-TIP-2026-000123-02");
	cor_person_ref_format(buf, sizeof(buf), "LY-TIP-2026-000123", 12);
	assert_string_equal(buf, "LY-TIP-2026-000123-12");
	cor_person_ref_format(buf, sizeof(buf), "LY-TIP-2026-000123", 99);
	assert_string_equal(buf, "LY-TIP-2026-000123-99");
}

static void test_text_is_clean(void **state)
{
	static const char *const yes[] = {
		"",
		"Amina",
		"O'Brien-Smith",
		"\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF", /* محمد */
		"Zo\xC3\xAB",                       /* Zoë */
		"\xC2\xA0",                         /* U+00A0 no-break space */
		"\xE2\x82\xAC",                     /* U+20AC euro sign */
		"\xF0\x9F\x98\x80",                 /* U+1F600 */
		"\xF4\x8F\xBF\xBF",                 /* U+10FFFF, the last code point */
		"\xEF\xBF\xBD",                     /* U+FFFD */
		"\xED\x9F\xBF",                     /* U+D7FF, before the surrogates */
		"\xEE\x80\x80",                     /* U+E000, after them */
		"~ !",
	};
	static const char *const no[] = {
		"tab\there",
		"new\nline",
		"cr\r",
		"\x01",
		"\x1F",
		"del\x7F",
		"\xC2\x80", /* U+0080, a C1 control */
		"\xC2\x9F",
		/* U+009F */ "\xC0\xAF", /* overlong '/' */
		"\xC1\xBF",
		/* overlong */ "\xE0\x80\xAF", /* overlong, 3 bytes */
		"\xE0\x9F\xBF",
		/* overlong U+07FF */ "\xF0\x80\x80\xAF",
		"\xF0\x8F\xBF\xBF",
		/* overlong U+FFFF */ "\xED\xA0\x80", /* U+D800 */
		"\xED\xBF\xBF",
		/* U+DFFF */ "\xF4\x90\x80\x80", /* U+110000 */
		"\xF7\xBF\xBF\xBF",
		"\xF8\x88\x80\x80\x80", /* 5-byte form */
		"\xFC\x84\x80\x80\x80\x80",
		"\xFE",
		"\xFF",
		"\x80",
		/* a lone continuation byte */ "\xBF",
		"abc\xC3",
		/* cut short */ "\xE2\x82",
		"\xF0\x9F\x98",
		"\xC3\x28",
		/* bad continuation */ "\xE2\x28\xA1",
		"\xF0\x9F\x28\x80",
	};
	for (size_t i = 0; i < ROWS(yes); i++)
		if (!cor_text_is_clean(yes[i]))
			fail_msg("yes[%zu] should be clean", i);
	for (size_t i = 0; i < ROWS(no); i++)
		if (cor_text_is_clean(no[i]))
			fail_msg("no[%zu] should not be clean", i);
}

static void test_text_is_latin(void **state)
{
	static const char *const yes[] = {
		"",
		"Amina",
		"Abdul Rahman",
		"O'Brien",
		"Jean-Pierre",
		"St. John",
		"Zo\xC3\xAB M\xC3\xBCller", /* Zoë Müller */
		"\xC3\x87"
		"elik", /* Çelik */
		"Stra\xC3\x9F"
		"e",             /* ß */
		"\xC3\x80",      /* U+00C0, first Latin-1 letter */
		"\xC3\xBF",      /* U+00FF ÿ */
		"\xC5\x81ukasz", /* Łukasz, Latin Extended-A */
		"\xC5\x9E"
		"ahin",     /* Şahin */
		"\xC7\xA6", /* U+01E6, Latin Extended-B */
		"\xC9\x8F", /* U+024F, the last of Extended-B */
	};
	static const char *const no[] = {
		"\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF",     /* Arabic محمد */
		"\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD",     /* Cyrillic Иван */
		"\xE1\x8A\xA0\xE1\x89\xA0\xE1\x89\xA0", /* Ge'ez */
		"Amina2",
		"Amina,",
		"Amina;",
		"A_B",
		"A\tB",
		"\xC3\x97",       /* × */
		"\xC3\xB7",       /* ÷ */
		"\xC2\xA0",       /* no-break space */
		"\xC2\xAA",       /* ª */
		"\xC2\xBF",       /* ¿ */
		"\xC9\x90",       /* U+0250, IPA */
		"\xC3",           /* cut short */
		"\xC0\x81",       /* overlong 'A' */
		"Amina \xD9\x85", /* mixed */
	};
	for (size_t i = 0; i < ROWS(yes); i++)
		if (!cor_text_is_latin(yes[i]))
			fail_msg("yes[%zu] '%s' should be Latin", i, yes[i]);
	for (size_t i = 0; i < ROWS(no); i++)
		if (cor_text_is_latin(no[i]))
			fail_msg("no[%zu] should not be Latin", i);
}

static void test_needs_table(void **state)
{
	assert_int_equal(cor_needs_len, 40);
	for (size_t i = 0; i < cor_needs_len; i++) {
		const char *code = cor_needs[i].code;
		size_t n = strlen(code);
		if (n != 2 && !(n == 5 && code[2] == '-'))
			fail_msg("'%s' is not a need code like SM or SM-CC", code);
		if (i && strcmp(cor_needs[i - 1].code, code) >= 0)
			fail_msg("needs out of order at '%s'", code);
		if (n == 5) {
			char group[3] = {code[0], code[1], '\0'};
			if (!cor_need_find(group))
				fail_msg("'%s' has no group '%s'", code, group);
		}
		assert_ptr_equal(cor_need_find(code), &cor_needs[i]);
		assert_true(cor_needs[i].meaning[0] != '\0');
	}
	assert_string_equal(cor_need_find("SM-CC")->meaning, "critical medical condition");
	assert_string_equal(cor_need_find("SC-UC")->meaning, "unaccompanied child");
	assert_null(cor_need_find("sm"));
	assert_null(cor_need_find("SM-XX"));
	assert_null(cor_need_find(""));
}

static void test_need_list(void **state)
{
	static const char *const yes[] = {
		"",         "SM",       "SM-CC",    "SM-CC;DS-PS",
		"SM;SM-CC", "SM-CC;SM", "WR-WR;WR", "CR;DS;ER;FU;LP;PG;SC;SM;SP;SV;TR;WR"};
	for (size_t i = 0; i < ROWS(yes); i++) {
		size_t at = 999;
		if (!cor_need_list_is_valid(yes[i], &at))
			fail_msg("'%s' should be valid", yes[i]);
		assert_int_equal(at, 999);
	}
	static const struct {
		const char *list;
		size_t bad_at;
	} no[] = {
		{"SM;SM", 3},          /* a repeat */
		{"SM-CC;DS;SM-CC", 9}, /* a repeat, not next to it */
		{"DS-PS;SM-CC;DS-PS", 12},
		{"SM;;DS", 3}, /* an empty element */
		{";SM", 0},
		{";", 0},
		{"SM;", 3}, /* a trailing ';' */
		{"SM;DS;", 6},
		{"XX", 0},
		{"sm", 0},
		{"SM-CC-X", 0},
		{"SM-CCXXX", 0}, /* longer than any code */
		{"SM ;DS", 0},
		{"SM,DS", 0},
		{"SM;SM-XX", 3},
		{"SM-CC;DS-PS;ZZ", 12},
	};
	for (size_t i = 0; i < ROWS(no); i++) {
		size_t at = 999;
		if (cor_need_list_is_valid(no[i].list, &at))
			fail_msg("'%s' should be refused", no[i].list);
		if (at != no[i].bad_at)
			fail_msg("'%s': bad at %zu, expected %zu", no[i].list, at, no[i].bad_at);
	}
	assert_false(cor_need_list_is_valid("SM;SM", NULL));
}

/* Ages by relationship: the generation gap, its slack for an estimated
 * date, and no rule for the others; each edge on both sides. */
static void test_relationship_check(void **state)
{
	(void)state;
	const struct cor_date pa = {1990, 5, 1};
	static const struct {
		enum cor_relationship rel;
		struct cor_date birth;
		bool approx, principal_approx;
		int err;
		const char *msg;
	} cases[] = {
		{COR_REL_CHILD, {2002, 5, 1}, false, false, 0, ""},
		{COR_REL_CHILD,
		 {2002, 4, 30},
		 false,
		 false,
		 COR_EINVAL,
		 "a child is at least 12 years younger than the principal applicant, born "
		 "1990-05-01; this one is 11 years younger"},
		{COR_REL_CHILD, {2000, 5, 1}, true, false, 0, ""},
		{COR_REL_CHILD,
		 {1999, 5, 1},
		 false,
		 true,
		 COR_EINVAL,
		 "a child is at least 10 years younger than the principal applicant, born "
		 "1990-05-01 (allowing for an estimated date); this one is 9 years younger"},
		{COR_REL_CHILD,
		 {1980, 5, 1},
		 false,
		 false,
		 COR_EINVAL,
		 "a child is at least 12 years younger than the principal applicant, born "
		 "1990-05-01; this one is 10 years older"},
		{COR_REL_GRANDCHILD, {2014, 5, 1}, false, false, 0, ""},
		{COR_REL_GRANDCHILD,
		 {2014, 4, 30},
		 false,
		 false,
		 COR_EINVAL,
		 "a grandchild is at least 24 years younger than the principal applicant, born "
		 "1990-05-01; this one is 23 years younger"},
		{COR_REL_PARENT, {1978, 5, 1}, false, false, 0, ""},
		{COR_REL_PARENT,
		 {1978, 5, 2},
		 false,
		 false,
		 COR_EINVAL,
		 "a parent is at least 12 years older than the principal applicant, born "
		 "1990-05-01; this one is 11 years older"},
		{COR_REL_GRANDPARENT, {1966, 5, 1}, false, false, 0, ""},
		{COR_REL_GRANDPARENT,
		 {1995, 1, 1},
		 false,
		 false,
		 COR_EINVAL,
		 "a grandparent is at least 24 years older than the principal applicant, born "
		 "1990-05-01; this one is 4 years younger"},
		{COR_REL_STEPCHILD, {1990, 5, 2}, false, false, 0, ""},
		{COR_REL_STEPCHILD,
		 {1990, 5, 1},
		 false,
		 false,
		 COR_EINVAL,
		 "a stepchild is younger than the principal applicant, born 1990-05-01; this one "
		 "is not"},
		{COR_REL_STEPCHILD, {1989, 5, 1}, true, false, 0, ""},
		{COR_REL_SPOUSE, {1940, 1, 1}, false, false, 0, ""},
		{COR_REL_SIBLING, {2010, 1, 1}, false, false, 0, ""},
		{COR_REL_OTHER_RELATIVE, {2020, 1, 1}, false, false, 0, ""},
		{COR_REL_UNRELATED, {1930, 1, 1}, false, false, 0, ""},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char msg[300] = "";
		int err = cor_relationship_check(cases[i].rel, cases[i].birth, cases[i].approx, pa,
						 cases[i].principal_approx, msg, sizeof(msg));
		if (err != cases[i].err)
			fail_msg("case %zu: %d (%s)", i, err, msg);
		assert_string_equal(msg, cases[i].msg);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_programme_find), cmocka_unit_test(test_paths),
		cmocka_unit_test(test_has_state),      cmocka_unit_test(test_priority),
		cmocka_unit_test(test_relationship),   cmocka_unit_test(test_doc_kind),
		cmocka_unit_test(test_office_code),    cmocka_unit_test(test_case_ref),
		cmocka_unit_test(test_person_ref),     cmocka_unit_test(test_text_is_clean),
		cmocka_unit_test(test_text_is_latin),  cmocka_unit_test(test_needs_table),
		cmocka_unit_test(test_need_list),      cmocka_unit_test(test_relationship_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
