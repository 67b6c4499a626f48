// SPDX-License-Identifier: Apache-2.0
// Unit tests for the MRZ reader: the worked check-digit examples and official
// specimens of ICAO Doc 9303, documents built here with their own check
// digits, each of them corrupted at every position, and every kind of error
// with its check name and message.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "domain/mrz.h"
#include "util/error.h"

static const struct cor_date ref = {2026, 1, 15};

static int parse(const char *text, struct cor_mrz *m)
{
	return cor_mrz_parse(m, text, strlen(text), ref);
}

/* The check called name exists, has the outcome ok and the message. */
static void want_check(const struct cor_mrz *m, const char *name, bool ok, const char *message)
{
	const struct cor_mrz_check *c = cor_mrz_find_check(m, name);
	if (!c) {
		fail_msg("no check '%s'", name);
		return;
	}
	if (c->ok != ok)
		fail_msg("check '%s' is %s (%s), expected %s", name, c->ok ? "ok" : "failed",
			 c->message, ok ? "ok" : "failed");
	assert_string_equal(c->message, message);
}

static void expect_all_ok(const struct cor_mrz *m)
{
	for (int i = 0; i < m->n_checks; i++)
		if (!m->checks[i].ok)
			fail_msg("check '%s' failed: %s", m->checks[i].name, m->checks[i].message);
	assert_true(m->valid);
}

/* --- a check digit computed here, independently of the reader ----------- */

static int cd(const char *s, size_t n)
{
	static const int w[3] = {7, 3, 1};
	int sum = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int v = c == '<' ? 0 : c <= '9' ? c - '0' : c - 'A' + 10;
		sum += v * w[i % 3];
	}
	return sum % 10;
}

static char cdc(const char *s, size_t n)
{
	return (char)('0' + cd(s, n));
}

/* The check digit over the concatenation of up to four pieces of lines. */
struct piece {
	const char *p;
	size_t n;
};

static char cd_over(const struct piece *pieces, size_t count)
{
	char buf[128];
	size_t n = 0;
	for (size_t i = 0; i < count; i++) {
		memcpy(buf + n, pieces[i].p, pieces[i].n);
		n += pieces[i].n;
	}
	return cdc(buf, n);
}

/* --- documents built from their fields ---------------------------------- */

struct vec {
	enum cor_mrz_format format;
	const char *code, *state, *number, *nationality, *birth, *sex, *expiry, *opt, *opt2;
	const char *name;   /* as in the MRZ, without the padding */
	bool opt_cd_filler; /* TD3 with empty optional data: check digit '<', not '0' */
	/* what the reader must report */
	const char *primary, *secondary, *birth_iso, *expiry_iso;
	bool truncated;
};

static const struct vec vecs[] = {
	{COR_MRZ_TD3, "P", "UTO", "L898902C3", "UTO", "740812", "F", "120415", "ZE184226B", "",
	 "ERIKSSON<<ANNA<MARIA", false, "ERIKSSON", "ANNA MARIA", "1974-08-12", "2012-04-15",
	 false},
	{COR_MRZ_TD3, "P", "D", "C01X00T47", "D", "640812", "M", "310131", "", "",
	 "MUSTERMANN<<ERIKA", true, "MUSTERMANN", "ERIKA", "1964-08-12", "2031-01-31", false},
	{COR_MRZ_TD3, "P", "SYR", "N0123456", "SYR", "000229", "X", "270301", "12345678901234", "",
	 "ALABDULLAHALMOHAMMEDALHASSANI<<FATIMAZA", false, "ALABDULLAHALMOHAMMEDALHASSANI",
	 "FATIMAZA", "2000-02-29", "2027-03-01", true},
	{COR_MRZ_TD3, "PD", "UKR", "FA1234", "UKR", "991231", "<", "290630", "", "", "SHEVCHENKO",
	 false, "SHEVCHENKO", "", "1999-12-31", "2029-06-30", false},
	{COR_MRZ_TD2, "I", "UTO", "D23145890", "UTO", "740812", "F", "120415", "", "",
	 "ERIKSSON<<ANNA<MARIA", false, "ERIKSSON", "ANNA MARIA", "1974-08-12", "2012-04-15",
	 false},
	{COR_MRZ_TD2, "A", "NGA", "A0B1C2", "NGA", "851130", "M", "281015", "XY12", "",
	 "OKONKWO<<CHINEDU<EMEKA", false, "OKONKWO", "CHINEDU EMEKA", "1985-11-30", "2028-10-15",
	 false},
	{COR_MRZ_TD2, "I", "SYR", "AB1234567890", "SYR", "050607", "M", "300708", "", "",
	 "HADDAD<<OMAR", false, "HADDAD", "OMAR", "2005-06-07", "2030-07-08", false},
	{COR_MRZ_TD1, "I", "UTO", "D23145890", "UTO", "740812", "F", "120415", "", "",
	 "ERIKSSON<<ANNA<MARIA", false, "ERIKSSON", "ANNA MARIA", "1974-08-12", "2012-04-15",
	 false},
	{COR_MRZ_TD1, "ID", "AFG", "K4U9Z7Q", "AFG", "010101", "F", "350202", "123<456", "ZZ9",
	 "RAHIMI<<ZAHRA", false, "RAHIMI", "ZAHRA", "2001-01-01", "2035-02-02", false},
	{COR_MRZ_TD1, "I", "UTO", "X1234567890AB", "NLD", "881224", "F", "310101", "", "K00",
	 "VAN<DER<BERG<<JOHANNA", false, "VAN DER BERG", "JOHANNA", "1988-12-24", "2031-01-01",
	 false},
	{COR_MRZ_TD1, "I", "UTO", "D23145890734", "UTO", "340712", "M", "950712", "", "",
	 "STEVENSON<<PETER<JOHN", false, "STEVENSON", "PETER JOHN", "1934-07-12", "1995-07-12",
	 false},
	{COR_MRZ_TD1, "C", "VNM", "B7654321", "VNM", "950505", "F", "330303", "", "",
	 "NGUYEN<<THI<MINH<KHAIABCDEFGHI", false, "NGUYEN", "THI MINH KHAIABCDEFGHI", "1995-05-05",
	 "2033-03-03", true},
};

enum { N_VECS = sizeof(vecs) / sizeof(vecs[0]) };

struct doc {
	char line[3][45];
	int lines, width;
	char text[140];
};

/* Copy s into line at col and pad with '<' up to width characters. */
static void put(char *line, int col, const char *s, int width)
{
	int n = (int)strlen(s);
	assert_true(n <= width);
	memcpy(line + col, s, (size_t)n);
	memset(line + col + n, '<', (size_t)(width - n));
}

static void join(struct doc *d)
{
	size_t n = 0;
	for (int i = 0; i < d->lines; i++) {
		d->line[i][d->width] = '\0';
		memcpy(d->text + n, d->line[i], (size_t)d->width);
		n += (size_t)d->width;
		d->text[n++] = '\n';
	}
	d->text[n] = '\0';
}

static bool is_long(const struct vec *v)
{
	return strlen(v->number) > 9;
}

/* A long number's first 9 characters, '<' for its check digit, and the
 * optional field that starts with the rest and the whole number's check. */
static void long_number(const struct vec *v, char *l, int num_col, int opt_col, int opt_width)
{
	char opt[32];
	const char *number = v->number;
	snprintf(opt, sizeof(opt), "%s%c<%s", number + 9, cdc(number, strlen(number)), v->opt);
	memcpy(l + num_col, number, 9);
	l[num_col + 9] = '<';
	put(l, opt_col, opt, opt_width);
}

/* The composite reading that skips the '<' at a long number's check position;
 * see composite_both() below. */
static void composite_both(const struct doc *d, char *a, char *b);

static void build(const struct vec *v, struct doc *d)
{
	memset(d, '<', sizeof(d->line));
	char *l0 = d->line[0], *l1 = d->line[1], *l2 = d->line[2];
	if (v->format == COR_MRZ_TD1) {
		d->lines = 3;
		d->width = 30;
		put(l0, 0, v->code, 2);
		put(l0, 2, v->state, 3);
		if (is_long(v)) {
			long_number(v, l0, 5, 15, 15);
		} else {
			put(l0, 5, v->number, 9);
			l0[14] = cdc(l0 + 5, 9);
			put(l0, 15, v->opt, 15);
		}
		put(l1, 0, v->birth, 6);
		l1[6] = cdc(l1, 6);
		l1[7] = v->sex[0];
		put(l1, 8, v->expiry, 6);
		l1[14] = cdc(l1 + 8, 6);
		put(l1, 15, v->nationality, 3);
		put(l1, 18, v->opt2, 11);
		struct piece c[] = {{l0 + 5, 25}, {l1, 7}, {l1 + 8, 7}, {l1 + 18, 11}};
		l1[29] = cd_over(c, 4);
		put(l2, 0, v->name, 30);
	} else {
		int td3 = v->format == COR_MRZ_TD3;
		d->lines = 2;
		d->width = td3 ? 44 : 36;
		put(l0, 0, v->code, 2);
		put(l0, 2, v->state, 3);
		put(l0, 5, v->name, d->width - 5);
		if (is_long(v)) {
			long_number(v, l1, 0, 28, 7);
		} else {
			put(l1, 0, v->number, 9);
			l1[9] = cdc(l1, 9);
		}
		put(l1, 10, v->nationality, 3);
		put(l1, 13, v->birth, 6);
		l1[19] = cdc(l1 + 13, 6);
		l1[20] = v->sex[0];
		put(l1, 21, v->expiry, 6);
		l1[27] = cdc(l1 + 21, 6);
		if (td3) {
			put(l1, 28, v->opt, 14);
			l1[42] = !v->opt[0] && v->opt_cd_filler ? '<' : cdc(l1 + 28, 14);
		} else if (!is_long(v)) {
			put(l1, 28, v->opt, 7);
		}
		struct piece c[] = {{l1, 10}, {l1 + 13, 7}, {l1 + 21, td3 ? 22 : 14}};
		l1[d->width - 1] = cd_over(c, 3);
	}
	join(d);
	if (is_long(v)) {
		/* The corruption test below needs both composite readings to agree. */
		char a, b;
		composite_both(d, &a, &b);
		assert_int_equal(a, b);
	}
}

static void composite_both(const struct doc *d, char *a, char *b)
{
	const char *l0 = d->line[0], *l1 = d->line[1];
	if (d->lines == 3) {
		struct piece pa[] = {{l0 + 5, 25}, {l1, 7}, {l1 + 8, 7}, {l1 + 18, 11}};
		struct piece pb[] = {
			{l0 + 5, 9}, {l0 + 15, 15}, {l1, 7}, {l1 + 8, 7}, {l1 + 18, 11}};
		*a = cd_over(pa, 4);
		*b = cd_over(pb, 5);
	} else {
		size_t rest = d->width == 44 ? 22 : 14;
		struct piece pa[] = {{l1, 10}, {l1 + 13, 7}, {l1 + 21, rest}};
		struct piece pb[] = {{l1, 9}, {l1 + 13, 7}, {l1 + 21, rest}};
		*a = cd_over(pa, 3);
		*b = cd_over(pb, 3);
	}
}

static void expect_fields(const struct vec *v, const struct cor_mrz *m)
{
	char code[3] = {0}, opt[16] = {0}, opt2[16] = {0};
	memcpy(code, v->code, strlen(v->code));
	snprintf(opt, sizeof(opt), "%s", v->opt);
	snprintf(opt2, sizeof(opt2), "%s", v->opt2);

	expect_all_ok(m);
	assert_int_equal(m->format, v->format);
	assert_string_equal(m->document_code, code);
	assert_string_equal(m->issuing_state, v->state);
	assert_string_equal(m->document_number, v->number);
	assert_string_equal(m->nationality, v->nationality);
	assert_string_equal(m->birth_date, v->birth_iso);
	assert_int_equal(m->sex, v->sex[0]);
	assert_string_equal(m->expiry_date, v->expiry_iso);
	assert_string_equal(m->optional_data, opt);
	assert_string_equal(m->optional_data_2, opt2);
	assert_string_equal(m->primary_name, v->primary);
	assert_string_equal(m->secondary_name, v->secondary);
	assert_int_equal(m->name_truncated, v->truncated);
}

/* --- worked examples and specimens -------------------------------------- */

static void test_check_digit_examples(void **state)
{
	static const struct {
		const char *s;
		int digit;
	} examples[] = {
		{"520727", 3},
		{"AB2134<<<", 5},
		{"HA672242<658022549601086<<<<<<<<<<<<<<0", 8},
		{"D231458907<<<<<<<<<<<<<<<34071279507122<<<<<<<<<<<", 2},
		{"", 0},
	};
	for (size_t i = 0; i < sizeof(examples) / sizeof(examples[0]); i++)
		assert_int_equal(cor_mrz_check_digit(examples[i].s, strlen(examples[i].s)),
				 examples[i].digit);
	assert_int_equal(cor_mrz_check_digit("AB1c", 4), COR_EINVAL);
	assert_int_equal(cor_mrz_check_digit("AB 1", 4), COR_EINVAL);
}

static void test_specimen_td3(void **state)
{
	struct cor_mrz m;
	assert_int_equal(parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
			       "L898902C36UTO7408122F1204159ZE184226B<<<<<10\n",
			       &m),
			 0);
	expect_fields(&vecs[0], &m);
	assert_true(m.expired);
	assert_int_equal(m.birth.year, 1974);
	assert_int_equal(m.birth.month, 8);
	assert_int_equal(m.birth.day, 12);
	assert_int_equal(m.expiry.year, 2012);

	static const char *order[] = {
		"format",          "characters",    "document_code", "issuing_state",
		"document_number", "nationality",   "birth_date",    "sex",
		"expiry_date",     "optional_data", "composite"};
	assert_int_equal(m.n_checks, 11);
	for (int i = 0; i < 11; i++)
		assert_string_equal(m.checks[i].name, order[i]);
	assert_string_equal(cor_mrz_format_name(m.format), "TD3");
}

/* A birth date the document leaves unknown (ICAO 9303 fills it with '<'),
 * wholly or in part: read, the unknown parts 0, the check digit over the
 * field as it stands. */
static void test_birth_unknown(void **state)
{
	(void)state;
	static const char l1[] = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n";
	static const struct {
		const char *l2, *iso;
		int year, month;
	} cases[] = {
		{"L898902C36UTO<<<<<<0F1204159ZE184226B<<<<<10\n", "", 0, 0},
		{"L898902C36UTO74<<<<1F1204159ZE184226B<<<<<18\n", "1974", 1974, 0},
		{"L898902C36UTO7408<<7F1204159ZE184226B<<<<<10\n", "1974-08", 1974, 8},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char text[128];
		struct cor_mrz m;
		snprintf(text, sizeof(text), "%s%s", l1, cases[i].l2);
		assert_int_equal(parse(text, &m), 0);
		assert_true(m.valid);
		assert_true(m.birth_unknown);
		assert_string_equal(m.birth_date, cases[i].iso);
		assert_int_equal(m.birth.year, cases[i].year);
		assert_int_equal(m.birth.month, cases[i].month);
		assert_int_equal(m.birth.day, 0);
		want_check(&m, "birth_date", true, "");
	}
	/* The known date reads as before. */
	struct cor_mrz m;
	assert_int_equal(parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
			       "L898902C36UTO7408122F1204159ZE184226B<<<<<10\n",
			       &m),
			 0);
	assert_false(m.birth_unknown);
	/* No month 13; a wrong check digit; filler between digits. */
	assert_int_equal(parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
			       "L898902C36UTO7413<<3F1204159ZE184226B<<<<<10\n",
			       &m),
			 COR_EINVAL);
	want_check(&m, "birth_date", false, "birth_date '7413<<' has no month 13");
	assert_int_equal(parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
			       "L898902C36UTO<<<<<<5F1204159ZE184226B<<<<<10\n",
			       &m),
			 COR_EINVAL);
	want_check(&m, "birth_date", false, "check digit of birth_date is 5, expected 0");
	assert_int_equal(parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
			       "L898902C36UTO7<08<<0F1204159ZE184226B<<<<<10\n",
			       &m),
			 COR_EINVAL);
	want_check(&m, "birth_date", false,
		   "birth_date '7<08<<' is not a YYMMDD date, nor one with its unknown part "
		   "filled with '<'");
}

static void test_specimen_td2(void **state)
{
	struct cor_mrz m;
	assert_int_equal(parse("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n"
			       "D231458907UTO7408122F1204159<<<<<<<6",
			       &m),
			 0);
	expect_fields(&vecs[4], &m);
	assert_null(cor_mrz_find_check(&m, "optional_data"));
	assert_int_equal(m.n_checks, 10);
	assert_string_equal(cor_mrz_format_name(m.format), "TD2");
}

static void test_specimen_td1(void **state)
{
	struct cor_mrz m;
	assert_int_equal(parse("I<UTOD231458907<<<<<<<<<<<<<<<\n"
			       "7408122F1204159UTO<<<<<<<<<<<6\n"
			       "ERIKSSON<<ANNA<MARIA<<<<<<<<<<\n",
			       &m),
			 0);
	expect_fields(&vecs[7], &m);
	assert_string_equal(cor_mrz_format_name(m.format), "TD1");
}

static void test_specimen_td1_long_number(void **state)
{
	struct cor_mrz m;
	assert_int_equal(parse("I<UTOD23145890<7349<<<<<<<<<<<\n"
			       "3407127M9507122UTO<<<<<<<<<<<2\n"
			       "STEVENSON<<PETER<JOHN<<<<<<<<<\n",
			       &m),
			 0);
	expect_fields(&vecs[10], &m);
	assert_string_equal(m.document_number, "D23145890734");
	assert_string_equal(m.optional_data, "");
	assert_true(m.expired);

	/* The whole number's check digit is the one after the continuation. */
	assert_int_equal(parse("I<UTOD23145890<7348<<<<<<<<<<<\n"
			       "3407127M9507122UTO<<<<<<<<<<<2\n"
			       "STEVENSON<<PETER<JOHN<<<<<<<<<\n",
			       &m),
			 COR_EINVAL);
	want_check(&m, "document_number", false, "check digit of document_number is 8, expected 9");
}

/* The composite of a long number passes under either reading of the '<' at
 * the number's check position, and fails naming both when neither holds. */
static void test_long_number_composite_readings(void **state)
{
	const struct vec v = vecs[9];
	struct doc d;
	struct cor_mrz m;
	char a, b;

	memset(&d, 0, sizeof(d));
	/* build() insists the readings agree; this one must not, so set it up by hand. */
	memset(d.line, '<', sizeof(d.line));
	d.lines = 3;
	d.width = 30;
	put(d.line[0], 0, "I", 2);
	put(d.line[0], 2, "UTO", 3);
	long_number(&v, d.line[0], 5, 15, 15);
	put(d.line[1], 0, "8812245F3101012NLDK1", 29);
	put(d.line[2], 0, v.name, 30);
	composite_both(&d, &a, &b);
	assert_int_not_equal(a, b);

	d.line[1][29] = a;
	join(&d);
	assert_int_equal(parse(d.text, &m), 0);
	assert_string_equal(m.document_number, "X1234567890AB");

	d.line[1][29] = b;
	join(&d);
	assert_int_equal(parse(d.text, &m), 0);

	char other = '0';
	while (other == a || other == b)
		other++;
	d.line[1][29] = other;
	join(&d);
	assert_int_equal(parse(d.text, &m), COR_EINVAL);
	char msg[80];
	snprintf(msg, sizeof(msg), "check digit of composite is %c, expected %c or %c", other, a,
		 b);
	want_check(&m, "composite", false, msg);
	want_check(&m, "document_number", true, "");
}

/* A TD2 long number continues in its optional data the same way. */
static void test_td2_long_number(void **state)
{
	struct doc d;
	struct cor_mrz m;
	build(&vecs[6], &d);
	assert_string_equal(d.line[1], "AB1234567<SYR0506074M30070888904<<<8");
	assert_int_equal(parse(d.text, &m), 0);
	assert_string_equal(m.document_number, "AB1234567890");
	assert_string_equal(m.optional_data, "");
}

static void test_generated_vectors(void **state)
{
	for (int i = 0; i < N_VECS; i++) {
		struct doc d;
		struct cor_mrz m;
		build(&vecs[i], &d);
		if (parse(d.text, &m) != 0)
			print_message("vector %d:\n%s", i, d.text);
		expect_fields(&vecs[i], &m);
	}
	/* Built by the same rules, the generated specimens are the real ones. */
	struct doc d;
	build(&vecs[0], &d);
	assert_string_equal(d.text, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
				    "L898902C36UTO7408122F1204159ZE184226B<<<<<10\n");
	build(&vecs[4], &d);
	assert_string_equal(d.text, "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n"
				    "D231458907UTO7408122F1204159<<<<<<<6\n");
	build(&vecs[10], &d);
	assert_string_equal(d.text, "I<UTOD23145890<7349<<<<<<<<<<<\n"
				    "3407127M9507122UTO<<<<<<<<<<<2\n"
				    "STEVENSON<<PETER<JOHN<<<<<<<<<\n");
}

/* --- every position corrupted -------------------------------------------- */

/* What covers each position, one letter per character:
 * D number, B birth, E expiry, O TD3 optional data: its own check digit and
 * the composite; Q the composite alone; C document code, S issuing state,
 * T nationality, X sex: their own rules; N name: nothing. */
static const char *const map_td3[] = {
	"CCSSSNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN",
	"DDDDDDDDDDTTTBBBBBBBXEEEEEEEOOOOOOOOOOOOOOOQ",
};
static const char *const map_td2[] = {
	"CCSSSNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN",
	"DDDDDDDDDDTTTBBBBBBBXEEEEEEEQQQQQQQQ",
};
static const char *const map_td1[] = {
	"CCSSSDDDDDDDDDDQQQQQQQQQQQQQQQ",
	"BBBBBBBXEEEEEEETTTQQQQQQQQQQQQ",
	"NNNNNNNNNNNNNNNNNNNNNNNNNNNNNN",
};

/* Another valid character whose value differs modulo 10, so that every
 * weighted check digit over the position must change. */
static char replacement(char c)
{
	if (c >= '0' && c <= '9')
		return c == '9' ? '0' : (char)(c + 1);
	if (c >= 'A' && c <= 'Z')
		return c == 'Z' ? 'A' : (char)(c + 1);
	return '1';
}

static bool checks_fail(const struct cor_mrz *m, const char *name)
{
	const struct cor_mrz_check *c = cor_mrz_find_check(m, name);
	return c && !c->ok;
}

static void corrupt_vector(const struct vec *v, int vi)
{
	struct doc d;
	struct cor_mrz orig, m;
	char map[3][45];

	build(v, &d);
	assert_int_equal(parse(d.text, &orig), 0);
	const char *const *base = v->format == COR_MRZ_TD1   ? map_td1
				  : v->format == COR_MRZ_TD2 ? map_td2
							     : map_td3;
	for (int i = 0; i < d.lines; i++)
		snprintf(map[i], sizeof(map[i]), "%s", base[i]);
	if (is_long(v)) {
		/* The check position holds '<' and the composite covers it; the
		 * continuation and its check digit belong to the number; the '<'
		 * that ends them is covered by the composite alone (turned into a
		 * character it lengthens the number, whose check may then agree). */
		char *ml = v->format == COR_MRZ_TD1 ? map[0] : map[1];
		int cd_col = v->format == COR_MRZ_TD1 ? 14 : 9;
		int opt_col = v->format == COR_MRZ_TD1 ? 15 : 28;
		size_t cont = strlen(v->number) - 9;
		ml[cd_col] = 'Q';
		for (size_t k = 0; k <= cont; k++)
			ml[opt_col + (int)k] = 'D';
	}

	for (int li = 0; li < d.lines; li++) {
		for (int col = 0; col < d.width; col++) {
			struct doc bad = d;
			char was = d.line[li][col];
			bad.line[li][col] = replacement(was);
			join(&bad);
			int rc = parse(bad.text, &m);
			char cls = map[li][col];
			bool ok = true;
			const char *check = NULL;

			switch (cls) {
			case 'D':
				check = "document_number";
				break;
			case 'B':
				check = "birth_date";
				break;
			case 'E':
				check = "expiry_date";
				break;
			case 'O':
				check = "optional_data";
				break;
			case 'Q':
				break;
			case 'C':
				ok = checks_fail(&m, "document_code") ||
				     (m.valid && strcmp(m.document_code, orig.document_code));
				break;
			case 'S':
				ok = checks_fail(&m, "issuing_state") ||
				     (m.valid && strcmp(m.issuing_state, orig.issuing_state));
				break;
			case 'T':
				ok = checks_fail(&m, "nationality") ||
				     (m.valid && strcmp(m.nationality, orig.nationality));
				break;
			case 'X':
				ok = checks_fail(&m, "sex") || (m.valid && m.sex != orig.sex);
				break;
			case 'N':
				ok = rc == 0 && m.valid &&
				     (strcmp(m.primary_name, orig.primary_name) ||
				      strcmp(m.secondary_name, orig.secondary_name) ||
				      m.name_truncated != orig.name_truncated);
				break;
			default:
				fail_msg("bad map letter '%c'", cls);
			}
			if (strchr("DBEOQ", cls)) {
				ok = rc == COR_EINVAL && !m.valid && checks_fail(&m, "composite") &&
				     (!check || checks_fail(&m, check));
				/* The fields are still read. */
				ok = ok && m.format == v->format;
			}
			if (!ok)
				fail_msg("vector %d line %d position %d ('%c' -> '%c', class %c) "
					 "not caught:\n%s",
					 vi, li + 1, col + 1, was, bad.line[li][col], cls,
					 bad.text);
		}
	}
}

static void test_corrupt_every_position(void **state)
{
	for (int i = 0; i < N_VECS; i++)
		corrupt_vector(&vecs[i], i);
}

/* --- errors, each with its check and message ----------------------------- */

static const char td3_l1[] = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
static const char td3_l2[] = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

static void test_document_number_check_digit(void **state)
{
	struct cor_mrz m;
	char text[100];
	snprintf(text, sizeof(text), "%s\n%s", td3_l1,
		 "L898902C37UTO7408122F1204159ZE184226B<<<<<10");
	assert_int_equal(parse(text, &m), COR_EINVAL);
	assert_false(m.valid);
	want_check(&m, "document_number", false, "check digit of document_number is 7, expected 6");
	want_check(&m, "composite", false, "check digit of composite is 0, expected 7");
	want_check(&m, "birth_date", true, "");
	/* The fields are read all the same. */
	assert_string_equal(m.document_number, "L898902C3");
	assert_string_equal(m.primary_name, "ERIKSSON");
}

static void test_bad_lengths(void **state)
{
	static const struct {
		const char *text, *message;
	} cases[] = {
		{"", "no MRZ text, expected 2 lines (TD2, TD3) or 3 (TD1)"},
		{"\n \r\n", "no MRZ text, expected 2 lines (TD2, TD3) or 3 (TD1)"},
		{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
		 "expected 2 lines (TD2, TD3) or 3 (TD1), got 1"},
		{"A\nB\nC\nD", "expected 2 lines (TD2, TD3) or 3 (TD1), got 4"},
		{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
		 "L898902C36UTO7408122F1204159ZE184226B<<<<<1",
		 "line 2 has 43 characters, expected 44 (TD3)"},
		{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<\n"
		 "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
		 "line 1 has 43 characters, expected 44 (TD3)"},
		{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<\n"
		 "L898902C36UTO7408122F1204159ZE184226B<<<",
		 "line 1 has 39 characters, expected 36 (TD2) or 44 (TD3)"},
		{"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n"
		 "D231458907UTO7408122F1204159<<<<<<<6<<<<<<<<",
		 "line 2 has 44 characters, expected 36 (TD2)"},
		{"I<UTOD231458907<<<<<<<<<<<<<<<\n"
		 "7408122F1204159UTO<<<<<<<<<<<6\n"
		 "ERIKSSON<<ANNA<MARIA<<<<<<<<<",
		 "line 3 has 29 characters, expected 30 (TD1)"},
		{"I<UTOD231458907<<<<<<<<<<<<<<<\n"
		 "\n"
		 "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
		 "line 2 has 0 characters, expected 30 (TD1)"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cor_mrz m;
		assert_int_equal(parse(cases[i].text, &m), COR_EINVAL);
		assert_false(m.valid);
		assert_int_equal(m.format, COR_MRZ_UNKNOWN);
		assert_int_equal(m.n_checks, 1);
		want_check(&m, "format", false, cases[i].message);
		assert_string_equal(m.document_number, "");
	}
}

static void test_tolerated_layout(void **state)
{
	struct cor_mrz m;
	char text[200];
	snprintf(text, sizeof(text), "\r\n%s  \r\n%s\r\n\r\n  \n", td3_l1, td3_l2);
	assert_int_equal(parse(text, &m), 0);
	expect_fields(&vecs[0], &m);
	/* Length-delimited: bytes after len are not read. */
	snprintf(text, sizeof(text), "%s\n%sGARBAGE", td3_l1, td3_l2);
	assert_int_equal(cor_mrz_parse(&m, text, strlen(text) - 7, ref), 0);
}

static void test_bad_characters(void **state)
{
	static const struct {
		int line, col;
		char c;
		const char *message;
	} cases[] = {
		{1, 1, 'p', "line 1 position 1: 'p' is not A-Z, 0-9 or '<'"},
		{2, 5, ' ', "line 2 position 5: ' ' is not A-Z, 0-9 or '<'"},
		{2, 44, '\0', "line 2 position 44: byte 0x00 is not A-Z, 0-9 or '<'"},
		{1, 20, '\xc3', "line 1 position 20: byte 0xc3 is not A-Z, 0-9 or '<'"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char text[100];
		struct cor_mrz m;
		size_t len = (size_t)snprintf(text, sizeof(text), "%s\n%s", td3_l1, td3_l2);
		size_t at = (size_t)(cases[i].line - 1) * 45 + (size_t)(cases[i].col - 1);
		text[at] = cases[i].c;
		assert_int_equal(cor_mrz_parse(&m, text, len, ref), COR_EINVAL);
		assert_int_equal(m.n_checks, 2);
		want_check(&m, "format", true, "");
		want_check(&m, "characters", false, cases[i].message);
	}
	/* Several: the first is named, the rest counted. */
	struct cor_mrz m;
	char text[100];
	snprintf(text, sizeof(text), "%s\n%s", "P<UTOeriksson<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
		 td3_l2);
	assert_int_equal(parse(text, &m), COR_EINVAL);
	want_check(&m, "characters", false,
		   "line 1 position 6: 'e' is not A-Z, 0-9 or '<' (7 more)");
}

/* A valid document built from vecs[i] with one field changed. */
static int parse_changed(int i, const char *field, const char *value, struct cor_mrz *m)
{
	struct vec v = vecs[i];
	struct doc d;
	if (!strcmp(field, "state"))
		v.state = value;
	else if (!strcmp(field, "nationality"))
		v.nationality = value;
	else if (!strcmp(field, "birth"))
		v.birth = value;
	else if (!strcmp(field, "expiry"))
		v.expiry = value;
	else if (!strcmp(field, "sex"))
		v.sex = value;
	else if (!strcmp(field, "code"))
		v.code = value;
	else
		fail_msg("no field %s", field);
	build(&v, &d);
	return parse(d.text, m);
}

static void test_unknown_countries(void **state)
{
	struct cor_mrz m;
	for (int i = 0; i < N_VECS; i++) {
		assert_int_equal(parse_changed(i, "state", "ZZZ", &m), COR_EINVAL);
		want_check(&m, "issuing_state", false,
			   "issuing_state 'ZZZ' is not an ICAO country code");
		want_check(&m, "document_number", true, "");
		want_check(&m, "composite", true, "");
		assert_string_equal(m.issuing_state, "ZZZ");

		assert_int_equal(parse_changed(i, "nationality", "Q", &m), COR_EINVAL);
		want_check(&m, "nationality", false,
			   "nationality 'Q<<' is not an ICAO country code");
		want_check(&m, "issuing_state", true, "");
		want_check(&m, "composite", true, "");
	}
	/* Filler alone is no country. */
	assert_int_equal(parse_changed(0, "state", "", &m), COR_EINVAL);
	want_check(&m, "issuing_state", false, "issuing_state '<<<' is not an ICAO country code");
	/* ICAO's own codes pass. */
	assert_int_equal(parse_changed(0, "nationality", "XXA", &m), 0);
	assert_string_equal(m.nationality, "XXA");
}

static void test_dates(void **state)
{
	static const struct {
		const char *field, *value, *iso, *message;
	} cases[] = {
		{"birth", "740230", NULL, "birth_date '740230' is not a valid YYMMDD date"},
		{"birth", "741301", NULL, "birth_date '741301' is not a valid YYMMDD date"},
		{"birth", "740800", NULL, "birth_date '740800' is not a valid YYMMDD date"},
		{"birth", "970229", NULL, "birth_date '970229' is not a valid YYMMDD date"},
		{"birth", "74O812", NULL, "birth_date '74O812' is not a valid YYMMDD date"},
		{"birth", "960229", "1996-02-29", NULL},
		{"birth", "000229", "2000-02-29", NULL},
		{"birth", "260115", "2026-01-15", NULL}, /* born on the reference day */
		{"birth", "260116", "1926-01-16", NULL}, /* never in the future */
		{"birth", "251231", "2025-12-31", NULL},
		{"expiry", "991331", NULL, "expiry_date '991331' is not a valid YYMMDD date"},
		{"expiry", "270229", NULL, "expiry_date '270229' is not a valid YYMMDD date"},
		{"expiry", "280229", "2028-02-29", NULL},
		{"expiry", "760101", "2076-01-01", NULL}, /* ref + 50 */
		{"expiry", "770101", "1977-01-01", NULL},
		{"expiry", "991231", "1999-12-31", NULL},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cor_mrz m;
		const char *name = !strcmp(cases[i].field, "birth") ? "birth_date" : "expiry_date";
		int rc = parse_changed(0, cases[i].field, cases[i].value, &m);
		if (cases[i].iso) {
			assert_int_equal(rc, 0);
			assert_string_equal(!strcmp(name, "birth_date") ? m.birth_date
									: m.expiry_date,
					    cases[i].iso);
		} else {
			assert_int_equal(rc, COR_EINVAL);
			want_check(&m, name, false, cases[i].message);
			want_check(&m, "composite", true, "");
			assert_string_equal(
				!strcmp(name, "birth_date") ? m.birth_date : m.expiry_date, "");
		}
	}

	/* Expired is against the reference date. */
	struct cor_mrz m;
	assert_int_equal(parse_changed(0, "expiry", "260114", &m), 0);
	assert_true(m.expired);
	assert_int_equal(parse_changed(0, "expiry", "260115", &m), 0);
	assert_false(m.expired);

	/* A wrong check digit on an impossible date names both. */
	char text[100];
	snprintf(text, sizeof(text), "%s\n%s", td3_l1,
		 "L898902C36UTO7402302F1204159ZE184226B<<<<<10");
	assert_int_equal(parse(text, &m), COR_EINVAL);
	want_check(&m, "birth_date", false,
		   "check digit of birth_date is 2, expected 4, and '740230' is not a valid "
		   "YYMMDD date");

	/* Another reference date moves the centuries. */
	const struct cor_date ref1999 = {1999, 6, 30};
	snprintf(text, sizeof(text), "%s\n%s", td3_l1, td3_l2);
	assert_int_equal(cor_mrz_parse(&m, text, strlen(text), ref1999), 0);
	assert_string_equal(m.birth_date, "1974-08-12");
	assert_string_equal(m.expiry_date, "2012-04-15");
	assert_false(m.expired);
}

static void test_reference_date(void **state)
{
	struct cor_mrz m;
	const struct cor_date bad = {2026, 2, 29}, year0 = {0, 1, 1};
	char text[100];
	snprintf(text, sizeof(text), "%s\n%s", td3_l1, td3_l2);
	assert_int_equal(cor_mrz_parse(&m, text, strlen(text), bad), COR_EINVAL);
	assert_int_equal(m.n_checks, 1);
	want_check(&m, "reference_date", false, "the reference date is not a real date");
	assert_false(m.valid);
	assert_int_equal(cor_mrz_parse(&m, text, strlen(text), year0), COR_EINVAL);
	want_check(&m, "reference_date", false, "the reference date is not a real date");
}

static void test_sex_and_code(void **state)
{
	struct cor_mrz m;
	assert_int_equal(parse_changed(0, "sex", "X", &m), 0);
	assert_int_equal(m.sex, 'X');
	assert_int_equal(parse_changed(0, "sex", "<", &m), 0);
	assert_int_equal(m.sex, '<');
	assert_int_equal(parse_changed(0, "sex", "Q", &m), COR_EINVAL);
	want_check(&m, "sex", false, "sex 'Q' is not M, F, X or '<'");
	assert_int_equal(parse_changed(0, "sex", "1", &m), COR_EINVAL);
	want_check(&m, "sex", false, "sex '1' is not M, F, X or '<'");

	assert_int_equal(parse_changed(0, "code", "1", &m), COR_EINVAL);
	want_check(&m, "document_code", false,
		   "document_code '1<' is not a letter followed by a letter or '<'");
	assert_int_equal(parse_changed(0, "code", "", &m), COR_EINVAL);
	want_check(&m, "document_code", false,
		   "document_code '<<' is not a letter followed by a letter or '<'");
	assert_int_equal(parse_changed(0, "code", "PO", &m), 0);
	assert_string_equal(m.document_code, "PO");
}

static void test_td3_optional_check_digit(void **state)
{
	struct cor_mrz m;
	struct doc d;
	char text[100];

	/* Empty optional data: '<' or '0'. */
	build(&vecs[1], &d);
	assert_int_equal(d.line[1][42], '<');
	assert_int_equal(parse(d.text, &m), 0);
	assert_string_equal(m.optional_data, "");
	d.line[1][42] = '0';
	join(&d);
	assert_int_equal(parse(d.text, &m), 0);
	d.line[1][42] = '3';
	d.line[1][43] = '0';
	join(&d);
	assert_int_equal(parse(d.text, &m), COR_EINVAL);
	want_check(&m, "optional_data", false,
		   "check digit of optional_data is 3, expected 0 or '<'");

	/* Not empty: a digit, never '<'. */
	snprintf(text, sizeof(text), "%s\n%s", td3_l1,
		 "L898902C36UTO7408122F1204159ZE184226B<<<<<<0");
	assert_int_equal(parse(text, &m), COR_EINVAL);
	want_check(&m, "optional_data", false, "check digit of optional_data is '<', expected 1");
	want_check(&m, "composite", false, "check digit of composite is 0, expected 9");
}

static void test_names(void **state)
{
	static const struct {
		const char *field, *primary, *secondary;
		bool truncated;
	} cases[] = {
		{"ERIKSSON<<ANNA<MARIA", "ERIKSSON", "ANNA MARIA", false},
		{"DE<LA<CRUZ<<JOSE<<MARIA", "DE LA CRUZ", "JOSE MARIA", false},
		{"<<MADONNA", "", "MADONNA", false},
		{"ERIKSSON<<<ANNA<<MARIA<", "ERIKSSON", "ANNA MARIA", false},
		{"MADONNA", "MADONNA", "", false},
		{"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLM",
		 "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLM", "", true},
		{"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ<<K", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ",
		 "K", true},
		{"", "", "", false},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct vec v = vecs[0];
		struct doc d;
		struct cor_mrz m;
		v.name = cases[i].field;
		build(&v, &d);
		assert_int_equal(parse(d.text, &m), 0);
		assert_string_equal(m.primary_name, cases[i].primary);
		assert_string_equal(m.secondary_name, cases[i].secondary);
		assert_int_equal(m.name_truncated, cases[i].truncated);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_digit_examples),
		cmocka_unit_test(test_specimen_td3),
		cmocka_unit_test(test_birth_unknown),
		cmocka_unit_test(test_specimen_td2),
		cmocka_unit_test(test_specimen_td1),
		cmocka_unit_test(test_specimen_td1_long_number),
		cmocka_unit_test(test_long_number_composite_readings),
		cmocka_unit_test(test_td2_long_number),
		cmocka_unit_test(test_generated_vectors),
		cmocka_unit_test(test_corrupt_every_position),
		cmocka_unit_test(test_document_number_check_digit),
		cmocka_unit_test(test_bad_lengths),
		cmocka_unit_test(test_tolerated_layout),
		cmocka_unit_test(test_bad_characters),
		cmocka_unit_test(test_unknown_countries),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_reference_date),
		cmocka_unit_test(test_sex_and_code),
		cmocka_unit_test(test_td3_optional_check_digit),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
