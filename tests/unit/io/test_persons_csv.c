// SPDX-License-Identifier: Apache-2.0
// Unit tests for the persons CSV reader and writer, on files in memory: a
// valid row down to every struct field, each validation rule with its column
// and message, header and file-level errors with the exact sentence, byte
// order marks, quoting across lines (and the line numbers that follow), CRLF,
// truncated files, and write-then-read round trips.
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
#include "io/persons_csv.h"
#include "util/error.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))
#define NCOLS   24

static const struct cor_date today = {2026, 1, 15};

static const char *const header[NCOLS] = {
	"case_id",           "programme",         "office",        "origin",      "destination",
	"case_state",        "priority",          "registered_on", "person_no",   "relationship",
	"family_name_latin", "given_names_latin", "family_name",   "given_names", "sex",
	"birth_date",        "birth_date_approx", "nationality",   "languages",   "specific_needs",
	"doc_type",          "doc_number",        "doc_issuer",    "doc_expiry",
};

/* The optional columns after the person's: where the case is and the
 * records its state implies. */
#define RECORD_COLUMNS                                                                             \
	"location,counsellor,counselling_language,interpreter,decision,protection_risk,"           \
	"protection_cleared,pre_migration_outcome,pre_migration_at,pre_migration_by,pre_"          \
	"migration_conditions,"                                                                    \
	"pre_migration_tb"
#define NCOLS_RECORDS 12
static const char *const record_header[NCOLS_RECORDS] = {
	"location",         "counsellor",       "counselling_language",     "interpreter",
	"decision",         "protection_risk",  "protection_cleared",       "pre_migration_outcome",
	"pre_migration_at", "pre_migration_by", "pre_migration_conditions", "pre_migration_tb",
};

/* A valid principal applicant; tests change one or two fields of it. */
static const char *const good[NCOLS] = {
	"LY-TIP-2026-000123",
	"VHR",
	"LY-TIP",
	"LBY",
	"NGA",
	"registered",
	"urgent",
	"2026-01-10",
	"1",
	"principal",
	"ADEBAYO",
	"Musa",
	"",
	"",
	"M",
	"1990-05-01",
	"0",
	"NGA",
	"en;yo",
	"SM-CC;DS-PS",
	"passport",
	"A1234567",
	"NGA",
	"2030-01-01",
};

#define HEADER_LINE                                                                                \
	"case_id,programme,office,origin,destination,case_state,priority,registered_on,"           \
	"person_no,relationship,family_name_latin,given_names_latin,family_name,given_names,"      \
	"sex,birth_date,birth_date_approx,nationality,languages,specific_needs,doc_type,"          \
	"doc_number,doc_issuer,doc_expiry\n"
#define GOOD_LINE                                                                                  \
	"LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,urgent,2026-01-10,1,principal,"          \
	"ADEBAYO,Musa,,,M,1990-05-01,0,NGA,en;yo,SM-CC;DS-PS,passport,A1234567,NGA,2030-01-01\n"

static int col_index(const char *name)
{
	for (int i = 0; i < NCOLS; i++)
		if (!strcmp(header[i], name))
			return i;
	fail_msg("no column '%s'", name);
	return -1;
}

/* ---- reading from memory ---------------------------------------------- */

struct got_row {
	long line;
	struct cor_case c;
	struct cor_person p;
	struct cor_document d;
	struct cor_persons_case_records cr;
	struct cor_persons_person_records pr;
	int nissues;
	struct cor_csv_issue issues[COR_CSV_MAX_ISSUES];
	int nfields, nheader;
	char field0[64], header0[64];
};

struct got {
	struct got_row rows[16];
	int n;
	int stop_at; /* return 42 from the callback on this row (1-based), 0: never */
	char msg[512];
	int ret;
};

static int on_row(struct cor_persons_row *r, void *ctx)
{
	struct got *g = ctx;
	assert_true(g->n < (int)ROWS(g->rows));
	struct got_row *o = &g->rows[g->n++];
	o->line = r->line;
	o->c = r->c;
	o->p = r->p;
	o->d = r->d;
	o->cr = r->cr;
	o->pr = r->pr;
	o->nissues = r->nissues;
	memcpy(o->issues, r->issues, sizeof(o->issues));
	o->nfields = r->nfields;
	o->nheader = r->nheader;
	snprintf(o->field0, sizeof(o->field0), "%s", r->nfields ? r->fields[0] : "");
	snprintf(o->header0, sizeof(o->header0), "%s", r->nheader ? r->header[0] : "");
	return g->stop_at && g->n == g->stop_at ? 42 : 0;
}

/* Read len bytes of text as "persons.csv". */
static void read_mem(struct got *g, const char *text, size_t len)
{
	FILE *f = len ? fmemopen((void *)text, len, "r") : tmpfile();
	assert_non_null(f);
	g->n = 0;
	g->stop_at = 0;
	memset(g->msg, 'x', sizeof(g->msg) - 1);
	g->msg[sizeof(g->msg) - 1] = '\0';
	g->ret = cor_persons_csv_read(f, "persons.csv", today, on_row, g, g->msg, sizeof(g->msg));
	fclose(f);
}

static void read_str(struct got *g, const char *text)
{
	read_mem(g, text, strlen(text));
}

/* One CSV line from fields, quoting what needs it (done here by hand, not by
 * the writer under test). */
static void csv_line(char *buf, size_t len, const char *const *fields, int n)
{
	size_t o = 0;
	for (int i = 0; i < n; i++) {
		const char *v = fields[i];
		bool q = strpbrk(v, ",\"\r\n") != NULL;
		if (i)
			buf[o++] = ',';
		if (q)
			buf[o++] = '"';
		for (; *v; v++) {
			if (*v == '"')
				buf[o++] = '"';
			buf[o++] = *v;
			assert_true(o + 4 < len);
		}
		if (q)
			buf[o++] = '"';
	}
	buf[o++] = '\n';
	buf[o] = '\0';
}

/* The good row with up to two fields replaced, after the header. */
static void read_changed(struct got *g, const char *col1, const char *v1, const char *col2,
			 const char *v2)
{
	const char *f[NCOLS];
	char text[4096];
	memcpy(f, good, sizeof(f));
	if (col1)
		f[col_index(col1)] = v1;
	if (col2)
		f[col_index(col2)] = v2;
	snprintf(text, sizeof(text), "%s", HEADER_LINE);
	csv_line(text + strlen(text), sizeof(text) - strlen(text), f, NCOLS);
	read_str(g, text);
	if (g->ret != 0)
		fail_msg("the file was refused: %s", g->msg);
	assert_int_equal(g->n, 1);
	assert_int_equal(g->rows[0].line, 2);
}

/* The row has exactly these issues, in this order: "column: message". */
static void expect_issues(const struct got_row *r, const char *const *want, int n)
{
	for (int i = 0; i < r->nissues && i < COR_CSV_MAX_ISSUES; i++) {
		char buf[400];
		snprintf(buf, sizeof(buf), "%s: %s", r->issues[i].column, r->issues[i].msg);
		if (i >= n)
			fail_msg("unexpected issue %d: %s", i + 1, buf);
		if (strcmp(buf, want[i]))
			fail_msg("issue %d: got\n  %s\nexpected\n  %s", i + 1, buf, want[i]);
	}
	if (r->nissues != n)
		fail_msg("%d issues, expected %d", r->nissues, n);
}

static void expect_one_issue(const char *col1, const char *v1, const char *col2, const char *v2,
			     const char *want)
{
	struct got g;
	read_changed(&g, col1, v1, col2, v2);
	expect_issues(&g.rows[0], &want, 1);
}

static void expect_no_issue(const char *col1, const char *v1, const char *col2, const char *v2)
{
	struct got g;
	read_changed(&g, col1, v1, col2, v2);
	expect_issues(&g.rows[0], NULL, 0);
}

static void expect_file_error(const char *text, size_t len, const char *want, int rows);

/* ---- valid rows -------------------------------------------------------- */

static void test_valid_row(void **state)
{
	struct got g;
	read_str(&g, HEADER_LINE GOOD_LINE);
	assert_int_equal(g.ret, 0);
	assert_string_equal(g.msg, "");
	assert_int_equal(g.n, 1);
	const struct got_row *r = &g.rows[0];
	expect_issues(r, NULL, 0);
	assert_int_equal(r->line, 2);
	assert_string_equal(r->c.ref, "LY-TIP-2026-000123");
	assert_string_equal(r->c.programme, "VHR");
	assert_string_equal(r->c.office, "LY-TIP");
	assert_string_equal(r->c.origin, "LBY");
	assert_string_equal(r->c.destination, "NGA");
	assert_string_equal(r->c.state, "registered");
	assert_int_equal(r->c.priority, COR_PRIO_URGENT);
	assert_int_equal(r->c.registered_on.year, 2026);
	assert_int_equal(r->c.registered_on.month, 1);
	assert_int_equal(r->c.registered_on.day, 10);
	assert_int_equal(r->p.seq, 1);
	assert_int_equal(r->p.relationship, COR_REL_PRINCIPAL);
	assert_string_equal(r->p.family_name_latin, "ADEBAYO");
	assert_string_equal(r->p.given_names_latin, "Musa");
	/* Names as written default to the Latin ones. */
	assert_string_equal(r->p.family_name, "ADEBAYO");
	assert_string_equal(r->p.given_names, "Musa");
	assert_int_equal(r->p.sex, 'M');
	assert_int_equal(r->p.birth_date.year, 1990);
	assert_int_equal(r->p.birth_date.month, 5);
	assert_int_equal(r->p.birth_date.day, 1);
	assert_false(r->p.birth_date_approx);
	assert_string_equal(r->p.nationality, "NGA");
	assert_string_equal(r->p.languages, "en;yo");
	assert_string_equal(r->p.needs, "SM-CC;DS-PS");
	assert_int_equal(r->d.kind, COR_DOC_PASSPORT);
	assert_string_equal(r->d.number, "A1234567");
	assert_string_equal(r->d.issuer, "NGA");
	assert_true(r->d.has_expiry);
	assert_int_equal(r->d.expires_on.year, 2030);
	assert_int_equal(r->d.expires_on.month, 1);
	assert_int_equal(r->d.expires_on.day, 1);
	/* The row as read, for a rejects file. */
	assert_int_equal(r->nfields, NCOLS);
	assert_int_equal(r->nheader, NCOLS);
	assert_string_equal(r->field0, "LY-TIP-2026-000123");
	assert_string_equal(r->header0, "case_id");
}

/* Only the required columns, in another order: the optional ones default. */
static void test_minimal_columns(void **state)
{
	struct got g;
	read_str(&g, "sex,birth_date,nationality,given_names_latin,relationship,person_no,"
		     "destination,origin,office,programme,case_id\n"
		     "F,1988-11-30,SYR,Fatima,principal,1,CAN,LBN,LB-BEY,RST,LB-BEY-2025-000007\n");
	assert_int_equal(g.ret, 0);
	assert_int_equal(g.n, 1);
	const struct got_row *r = &g.rows[0];
	expect_issues(r, NULL, 0);
	assert_string_equal(r->c.ref, "LB-BEY-2025-000007");
	assert_string_equal(r->c.state, "registered");
	assert_int_equal(r->c.priority, COR_PRIO_NORMAL);
	assert_int_equal(r->c.registered_on.year, today.year);
	assert_int_equal(r->c.registered_on.month, today.month);
	assert_int_equal(r->c.registered_on.day, today.day);
	assert_string_equal(r->p.given_names_latin, "Fatima");
	assert_string_equal(r->p.family_name_latin, "");
	assert_string_equal(r->p.languages, "");
	assert_string_equal(r->p.needs, "");
	assert_int_equal(r->d.kind, COR_DOC_NONE);
	assert_false(r->d.has_expiry);
	assert_int_equal(r->p.sex, 'F');
}

/* Empty optional fields take their defaults. */
static void test_optional_defaults(void **state)
{
	struct got g;
	const char *f[NCOLS];
	char text[4096];
	memcpy(f, good, sizeof(f));
	f[col_index("case_state")] = "";
	f[col_index("priority")] = "";
	f[col_index("registered_on")] = "";
	f[col_index("birth_date_approx")] = "";
	f[col_index("languages")] = "";
	f[col_index("specific_needs")] = "";
	f[col_index("doc_type")] = "";
	f[col_index("doc_number")] = "";
	f[col_index("doc_issuer")] = "";
	f[col_index("doc_expiry")] = "";
	f[col_index("family_name")] = "\xD8\xB9\xD8\xAF\xD9\x8A\xD8\xA8\xD8\xA7\xD9\x8A\xD9\x88";
	snprintf(text, sizeof(text), "%s", HEADER_LINE);
	csv_line(text + strlen(text), sizeof(text) - strlen(text), f, NCOLS);
	read_str(&g, text);
	assert_int_equal(g.ret, 0);
	const struct got_row *r = &g.rows[0];
	expect_issues(r, NULL, 0);
	assert_string_equal(r->c.state, "registered");
	assert_int_equal(r->c.priority, COR_PRIO_NORMAL);
	assert_int_equal(cor_date_cmp(r->c.registered_on, today), 0);
	assert_false(r->p.birth_date_approx);
	assert_int_equal(r->d.kind, COR_DOC_NONE);
	assert_string_equal(r->d.number, "");
	assert_false(r->d.has_expiry);
	/* One name as written given: the other stays empty, not copied. */
	assert_string_equal(r->p.family_name,
			    "\xD8\xB9\xD8\xAF\xD9\x8A\xD8\xA8\xD8\xA7\xD9\x8A\xD9\x88");
	assert_string_equal(r->p.given_names, "");
}

static void test_accepted_values(void **state)
{
	expect_no_issue("birth_date", "2026-01-15", NULL, NULL); /* born today */
	expect_no_issue("birth_date", "1900-01-01", "doc_expiry", "2030-01-01");
	expect_no_issue("registered_on", "2026-01-15", NULL, NULL);
	expect_no_issue("nationality", "XXA", NULL, NULL); /* stateless */
	expect_no_issue("nationality", "XXX", NULL, NULL);
	expect_no_issue("sex", "X", NULL, NULL);
	expect_no_issue("person_no", "2", "relationship", "spouse");
	expect_no_issue("person_no", "99", "relationship", "unrelated");
	expect_no_issue("family_name_latin", "", NULL, NULL);
	expect_no_issue("family_name_latin", "O'Brien-M\xC3\xBCller St.", NULL, NULL);
	expect_no_issue("given_names", "Jean, Paul \"JP\"", NULL, NULL);
	expect_no_issue("doc_expiry", "", NULL, NULL);
	expect_no_issue("doc_type", "refugee_td", "doc_issuer", "LBN");
	expect_no_issue("languages", "", "specific_needs", "");
	for (int i = 0; i < 4; i++) {
		static const char *const yes[] = {"1", "true", "yes", "y"};
		struct got g;
		read_changed(&g, "birth_date_approx", yes[i], NULL, NULL);
		expect_issues(&g.rows[0], NULL, 0);
		assert_true(g.rows[0].p.birth_date_approx);
	}
	for (int i = 0; i < 5; i++) {
		static const char *const no[] = {"", "0", "false", "no", "n"};
		struct got g;
		read_changed(&g, "birth_date_approx", no[i], NULL, NULL);
		expect_issues(&g.rows[0], NULL, 0);
		assert_false(g.rows[0].p.birth_date_approx);
	}
	/* 120 bytes of name is the most allowed. */
	char name[COR_NAME_MAX + 1];
	memset(name, 'a', COR_NAME_MAX);
	name[COR_NAME_MAX] = '\0';
	struct got g;
	read_changed(&g, "given_names_latin", name, NULL, NULL);
	expect_issues(&g.rows[0], NULL, 0);
	assert_string_equal(g.rows[0].p.given_names_latin, name);
	char docno[COR_DOCNO_MAX + 1];
	memset(docno, '7', COR_DOCNO_MAX);
	docno[COR_DOCNO_MAX] = '\0';
	expect_no_issue("doc_number", docno, NULL, NULL);
}

/* ---- each rule: its column and message -------------------------------- */

static void test_case_rules(void **state)
{
	expect_one_issue("case_id", "LY-TIP-26-1", NULL, NULL,
			 "case_id: 'LY-TIP-26-1' is not a case ID like LY-TIP-2026-000123");
	expect_one_issue("case_id", "", NULL, NULL,
			 "case_id: '' is not a case ID like LY-TIP-2026-000123");
	expect_one_issue("case_id", "LY-BEN-2026-000001", NULL, NULL,
			 "case_id: 'LY-BEN-2026-000001' does not belong to office 'LY-TIP'");
	expect_one_issue("programme", "XYZ", NULL, NULL,
			 "programme: 'XYZ' is not a programme (HEV, VHR, AVR, REP, HASM, RST, REL, "
			 "CPW)");
	expect_one_issue("programme", "vhr", NULL, NULL,
			 "programme: 'vhr' is not a programme (HEV, VHR, AVR, REP, HASM, RST, REL, "
			 "CPW)");
	expect_one_issue("office", "LYTIP", "case_id", "LY-TIP-2026-000124",
			 "office: 'LYTIP' is not an office code like LY-TIP");
	expect_one_issue("origin", "LY", NULL, NULL,
			 "origin: 'LY' is not an ISO 3166-1 alpha-3 country code");
	expect_one_issue("destination", "XXA", NULL, NULL,
			 "destination: 'XXA' is not an ISO 3166-1 alpha-3 country code");
	expect_one_issue("destination", "nga", NULL, NULL,
			 "destination: 'nga' is not an ISO 3166-1 alpha-3 country code");
	expect_one_issue("case_state", "flying", NULL, NULL,
			 "case_state: 'flying' is not a case state");
	/* A state, but not one of this programme. */
	expect_one_issue("programme", "HEV", "case_state", "counselled",
			 "case_state: 'counselled' is not a step of programme HEV");
	expect_one_issue("case_state", "rejected", NULL, NULL,
			 "case_state: 'rejected' is not a step of programme VHR");
	expect_one_issue("case_state", "rejected", "programme", "RST",
			 "case_state: 'rejected' is a branch of the lifecycle, and the file cannot "
			 "carry why the case went there: import it at the state it was in before "
			 "and move it with corridor move");
	expect_one_issue("priority", "high", NULL, NULL,
			 "priority: 'high' is not a priority (emergency, urgent, normal)");
	expect_one_issue("registered_on", "2026-02-30", NULL, NULL,
			 "registered_on: '2026-02-30' is not a real date in the form YYYY-MM-DD");
	expect_one_issue("registered_on", "10/01/2026", NULL, NULL,
			 "registered_on: '10/01/2026' is not a real date in the form YYYY-MM-DD");
	expect_one_issue("registered_on", "2026-01-16", NULL, NULL,
			 "registered_on: '2026-01-16' is in the future");
}

static void test_person_rules(void **state)
{
	static const char *const bad_no[] = {"0", "100", "x", "", "1.5", "-1", "1x"};
	for (size_t i = 0; i < ROWS(bad_no); i++) {
		char want[128];
		snprintf(want, sizeof(want), "person_no: '%s' is not a number from 1 to 99",
			 bad_no[i]);
		expect_one_issue("person_no", bad_no[i], NULL, NULL, want);
	}
	expect_one_issue("relationship", "brother", NULL, NULL,
			 "relationship: 'brother' is not a relationship (principal, spouse, child, "
			 "stepchild, parent, sibling, grandparent, grandchild, other_relative, "
			 "unrelated)");
	/* Person 2 with a misspelt relationship: one issue, not a second one
	 * about principals. */
	expect_one_issue("person_no", "2", "relationship", "Spouse",
			 "relationship: 'Spouse' is not a relationship (principal, spouse, child, "
			 "stepchild, parent, sibling, grandparent, grandchild, other_relative, "
			 "unrelated)");
	expect_one_issue("relationship", "spouse", NULL, NULL,
			 "relationship: person 1 must be the principal applicant, not 'spouse'");
	expect_one_issue("person_no", "3", NULL, NULL,
			 "relationship: only person 1 is the principal applicant; person 3 is "
			 "'principal'");
	expect_one_issue("family_name_latin", "\xD8\xA7\xD9\x84\xD8\xAD\xD8\xB3\xD9\x86", NULL,
			 NULL,
			 "family_name_latin: '\xD8\xA7\xD9\x84\xD8\xAD\xD8\xB3\xD9\x86' is not "
			 "written in Latin script");
	expect_one_issue("given_names_latin", "Musa2", NULL, NULL,
			 "given_names_latin: 'Musa2' is not written in Latin script");
	expect_one_issue("given_names_latin", "", NULL, NULL,
			 "given_names_latin: is empty; every person needs a name in Latin script");
	expect_one_issue("family_name", "Ad\xC3", NULL, NULL,
			 "family_name: is not valid UTF-8 text or holds control characters");
	expect_one_issue("given_names", "\xC0\xAF", NULL, NULL,
			 "given_names: is not valid UTF-8 text or holds control characters");
	expect_one_issue("given_names_latin", "Mu\xED\xA0\x80sa", NULL, NULL,
			 "given_names_latin: is not valid UTF-8 text or holds control characters");
	expect_one_issue("given_names", "Musa\nJunior", NULL, NULL,
			 "given_names: is not valid UTF-8 text or holds control characters");
	char longname[COR_NAME_MAX + 2];
	memset(longname, 'a', COR_NAME_MAX + 1);
	longname[COR_NAME_MAX + 1] = '\0';
	expect_one_issue("family_name_latin", longname, NULL, NULL,
			 "family_name_latin: is 121 bytes long; at most 120 are allowed");
	/* 61 two-byte letters: 122 bytes. */
	char arabic[200] = "";
	for (int i = 0; i < 61; i++)
		strcat(arabic, "\xD8\xB3");
	expect_one_issue("given_names", arabic, NULL, NULL,
			 "given_names: is 122 bytes long; at most 120 are allowed");
	expect_one_issue("sex", "male", NULL, NULL, "sex: 'male' is not F, M or X");
	expect_one_issue("sex", "f", NULL, NULL, "sex: 'f' is not F, M or X");
	expect_one_issue("sex", "", NULL, NULL, "sex: '' is not F, M or X");
	expect_one_issue("birth_date", "1990-02-30", NULL, NULL,
			 "birth_date: '1990-02-30' is not a real date in the form YYYY-MM-DD");
	expect_one_issue("birth_date", "", NULL, NULL,
			 "birth_date: '' is not a real date in the form YYYY-MM-DD");
	expect_one_issue("birth_date", "2026-01-16", NULL, NULL,
			 "birth_date: '2026-01-16' is in the future");
	expect_one_issue("birth_date", "1899-12-31", NULL, NULL,
			 "birth_date: '1899-12-31' is before 1900");
	expect_one_issue("birth_date_approx", "maybe", NULL, NULL,
			 "birth_date_approx: 'maybe' is not 1 or 0");
	expect_one_issue("nationality", "XYZ", NULL, NULL,
			 "nationality: 'XYZ' is not an ISO 3166-1 alpha-3 code (or XXA stateless, "
			 "XXX unknown)");
	expect_one_issue("nationality", "D", NULL, NULL,
			 "nationality: 'D' is not an ISO 3166-1 alpha-3 code (or XXA stateless, "
			 "XXX unknown)");
	expect_one_issue("languages", "ar;xx", NULL, NULL,
			 "languages: 'ar;xx' is not a ';'-separated list of ISO 639 codes (bad at "
			 "'xx')");
	expect_one_issue(
		"languages", "en;", NULL, NULL,
		"languages: 'en;' is not a ';'-separated list of ISO 639 codes (bad at '')");
	expect_one_issue("specific_needs", "SM;SM", NULL, NULL,
			 "specific_needs: 'SM;SM' is not a ';'-separated list of distinct "
			 "specific-needs codes (bad at 'SM')");
	expect_one_issue("specific_needs", "SM-CC;", NULL, NULL,
			 "specific_needs: 'SM-CC;' is not a ';'-separated list of distinct "
			 "specific-needs codes (bad at '')");
	expect_one_issue("specific_needs", "SM-CC;;PG", NULL, NULL,
			 "specific_needs: 'SM-CC;;PG' is not a ';'-separated list of distinct "
			 "specific-needs codes (bad at ';PG')");
}

/* Messages quote the file, and go to a terminal: no control characters. */
static void test_messages_defanged(void **state)
{
	expect_one_issue("programme", "\x1b[2J\x1b]0;pwned\x07VHR", NULL, NULL,
			 "programme: '?[2J?]0;pwned?VHR' is not a programme (HEV, VHR, AVR, REP, "
			 "HASM, RST, REL, CPW)");
	expect_one_issue("sex",
			 "\xC2\x9B"
			 "31m",
			 NULL, NULL, "sex: '??31m' is not F, M or X");
	expect_one_issue("given_names_latin", "Mu\x7Fsa", NULL, NULL,
			 "given_names_latin: is not valid UTF-8 text or holds control characters");
	expect_file_error("case_id,\x1b[31mprogramme\n", 23,
			  "persons.csv: line 1, column 2: unknown column '?[31mprogramme' (see "
			  "docs/import-csv.md)",
			  0);
	/* Text that is not a control character stays as it is. */
	expect_one_issue("sex", "\xC2\xA0\xD9\x85", NULL, NULL,
			 "sex: '\xC2\xA0\xD9\x85' is not F, M or X");
}

static void test_document_rules(void **state)
{
	expect_one_issue("doc_type", "passprt", NULL, NULL,
			 "doc_type: 'passprt' is not a document type (passport, id_card, etd, "
			 "laissez_passer, exit_permit, visa, refugee_td)");
	/* A misspelt type with no number: one issue, not a second one about an
	 * empty number. */
	expect_one_issue("doc_type", "Passport", "doc_number", "",
			 "doc_type: 'Passport' is not a document type (passport, id_card, etd, "
			 "laissez_passer, exit_permit, visa, refugee_td)");
	expect_one_issue("doc_number", "A-123", NULL, NULL,
			 "doc_number: 'A-123' may hold only A-Z and 0-9");
	expect_one_issue("doc_number", "a1234567", NULL, NULL,
			 "doc_number: 'a1234567' may hold only A-Z and 0-9");
	expect_one_issue("doc_number", "1234567890123456789012345", NULL, NULL,
			 "doc_number: is 25 bytes long; at most 24 are allowed");
	expect_one_issue("doc_issuer", "NG", NULL, NULL,
			 "doc_issuer: 'NG' is not an ISO 3166-1 alpha-3 country code");
	expect_one_issue("doc_expiry", "2030-13-01", NULL, NULL,
			 "doc_expiry: '2030-13-01' is not a real date in the form YYYY-MM-DD");
	expect_one_issue("doc_number", "", NULL, NULL,
			 "doc_number: is empty but doc_type is 'passport'");
	expect_one_issue("doc_issuer", "", NULL, NULL,
			 "doc_issuer: is empty but doc_type is 'passport'");
	expect_one_issue("doc_type", "", NULL, NULL,
			 "doc_type: is empty but the row has document details");
	{
		struct got g;
		read_changed(&g, "doc_type", "", "doc_number", "");
		static const char *const want[] = {
			"doc_type: is empty but the row has document details"};
		expect_issues(&g.rows[0], want, 1); /* the issuer and expiry are details */
	}
	expect_one_issue("doc_expiry", "1990-05-01", NULL, NULL,
			 "doc_expiry: is not after the birth date");
	expect_one_issue("doc_expiry", "1980-01-01", NULL, NULL,
			 "doc_expiry: is not after the birth date");
	/* Expired documents are data, not errors. */
	expect_no_issue("doc_expiry", "2020-01-01", NULL, NULL);
}

/* Several problems on one row are all reported, in column order; past the
 * limit they are counted. */
static void test_many_issues(void **state)
{
	struct got g;
	read_changed(&g, "sex", "Q", "birth_date", "1990-13-01");
	static const char *const want[] = {
		"sex: 'Q' is not F, M or X",
		"birth_date: '1990-13-01' is not a real date in the form YYYY-MM-DD",
	};
	expect_issues(&g.rows[0], want, 2);

	const char *f[NCOLS] = {
		"bad", "bad", "bad",  "bad",  "bad", "bad", "bad", "bad",
		"bad", "bad", "bad1", "bad1", "",    "",    "bad", "bad",
		"bad", "bad", "bad",  "bad",  "bad", "b-d", "bad", "bad",
	};
	char text[4096];
	snprintf(text, sizeof(text), "%s", HEADER_LINE);
	csv_line(text + strlen(text), sizeof(text) - strlen(text), f, NCOLS);
	read_str(&g, text);
	assert_int_equal(g.ret, 0);
	assert_true(g.rows[0].nissues > COR_CSV_MAX_ISSUES);
	assert_string_equal(g.rows[0].issues[0].column, "case_id");
	assert_string_equal(g.rows[0].issues[7].column, "registered_on");
}

/* ---- the header and the file ------------------------------------------ */

static void expect_file_error(const char *text, size_t len, const char *want, int rows)
{
	struct got g;
	read_mem(&g, text, len);
	if (g.ret != COR_EINVAL)
		fail_msg("got %d (%s), expected COR_EINVAL", g.ret, g.msg);
	assert_string_equal(g.msg, want);
	assert_int_equal(g.n, rows);
}

static void test_header_errors(void **state)
{
	/* Each required column missing in turn. */
	static const char *const required[] = {"case_id",      "programme",         "office",
					       "origin",       "destination",       "person_no",
					       "relationship", "given_names_latin", "sex",
					       "birth_date",   "nationality"};
	for (size_t i = 0; i < ROWS(required); i++) {
		char text[2048] = "", want[256];
		int k = col_index(required[i]);
		const char *f[NCOLS];
		int n = 0;
		for (int c = 0; c < NCOLS; c++)
			if (c != k)
				f[n++] = header[c];
		csv_line(text, sizeof(text), f, n);
		strcat(text, GOOD_LINE);
		snprintf(want, sizeof(want),
			 "persons.csv: line 1: missing column '%s' (see docs/import-csv.md)",
			 required[i]);
		expect_file_error(text, strlen(text), want, 0);
	}
	/* An optional column may be left out. */
	struct got g;
	read_str(&g, "case_id,programme,office,origin,destination,person_no,relationship,"
		     "given_names_latin,sex,birth_date,nationality\n");
	assert_int_equal(g.ret, 0);
	assert_int_equal(g.n, 0);

	expect_file_error("case_id,programme,colour\n", 25,
			  "persons.csv: line 1, column 3: unknown column 'colour' (see "
			  "docs/import-csv.md)",
			  0);
	expect_file_error("Case_ID,programme\n", 18,
			  "persons.csv: line 1, column 1: unknown column 'Case_ID' (see "
			  "docs/import-csv.md)",
			  0);
	/* Spaces around an unquoted name are not part of it. */
	read_str(&g, " case_id , programme,office,origin,destination,person_no,relationship,"
		     "given_names_latin,sex,birth_date,nationality \n");
	assert_int_equal(g.ret, 0);
	expect_file_error(
		"case_id;programme;office\n", 25,
		"persons.csv: line 1, column 1: unknown column 'case_id;programme;office' "
		"(see docs/import-csv.md)",
		0);
	/* A header alone, even without its line end, is a file of no rows. */
	read_mem(&g, HEADER_LINE, strlen(HEADER_LINE) - 1);
	assert_int_equal(g.ret, 0);
	assert_int_equal(g.n, 0);
	assert_string_equal(g.msg, "");
}

static void test_header_duplicate_and_empty(void **state)
{
	char text[2048];
	snprintf(text, sizeof(text), "%.*s,sex\n%s", (int)strlen(HEADER_LINE) - 1, HEADER_LINE,
		 GOOD_LINE);
	expect_file_error(text, strlen(text),
			  "persons.csv: line 1, column 25: column 'sex' appears twice", 0);
	expect_file_error("", 0,
			  "persons.csv: the file is empty: expected a header line (see "
			  "docs/import-csv.md)",
			  0);
	expect_file_error("\n\r\n  \n", 6,
			  "persons.csv: the file is empty: expected a header line (see "
			  "docs/import-csv.md)",
			  0);
	/* Only a byte-order mark, as a spreadsheet saves an empty sheet. */
	expect_file_error("\xEF\xBB\xBF\r\n", 5,
			  "persons.csv: the file is empty: expected a header line (see "
			  "docs/import-csv.md)",
			  0);
	/* More columns than any header has. */
	char wide[2048] = "";
	for (int i = 0; i < 70; i++)
		snprintf(wide + strlen(wide), sizeof(wide) - strlen(wide), "%scase_id",
			 i ? "," : "");
	strcat(wide, "\n");
	expect_file_error(wide, strlen(wide), "persons.csv: line 1: more than 64 fields", 0);
}

static void test_bom(void **state)
{
	struct got g;
	read_str(&g, "\xEF\xBB\xBF" HEADER_LINE GOOD_LINE);
	assert_int_equal(g.ret, 0);
	assert_int_equal(g.n, 1);
	expect_issues(&g.rows[0], NULL, 0);
	assert_string_equal(g.rows[0].header0, "case_id");
	/* Before a quoted header too. */
	read_str(&g, "\xEF\xBB\xBF\"case_id\",\"programme\",\"office\",\"origin\",\"destination\","
		     "\"person_no\",\"relationship\",\"given_names_latin\",\"sex\",\"birth_date\","
		     "\"nationality\"\r\n"
		     "LY-TIP-2026-000001,VHR,LY-TIP,LBY,NGA,1,principal,Musa,M,1990-01-01,NGA\r\n");
	if (g.ret != 0)
		fail_msg("refused: %s", g.msg);
	assert_int_equal(g.n, 1);
	expect_issues(&g.rows[0], NULL, 0);
	/* A mark anywhere else is data, and not a valid one. */
	read_str(&g, HEADER_LINE "\xEF\xBB\xBF" GOOD_LINE);
	assert_int_equal(g.ret, 0);
	assert_int_equal(g.rows[0].nissues, 1);
	assert_string_equal(g.rows[0].issues[0].column, "case_id");
}

static void test_quoted_fields_and_lines(void **state)
{
	struct got g;
	/* Row 1 (line 2) has a quoted comma; row 2 (lines 3-5) has a quoted
	 * field across two line breaks, so row 3 starts on line 6; a blank
	 * line, then row 4 on line 8. */
	read_str(&g, HEADER_LINE
		 "LY-TIP-2026-000001,VHR,LY-TIP,LBY,NGA,,,,1,principal,ADEBAYO,Musa,,\"Musa, "
		 "\"\"Baba\"\"\",M,1990-01-01,,NGA,,,,,,\n"
		 "LY-TIP-2026-000002,VHR,LY-TIP,LBY,NGA,,,,1,principal,OKAFOR,Chi,,\"line one\n"
		 "line two\n"
		 "line three\",F,1991-01-01,,NGA,,,,,,\n"
		 "LY-TIP-2026-000003,VHR,LY-TIP,LBY,NGA,,,,1,principal,OBI,Ada,,,F,1992-01-01,,"
		 "NGA,,,,,,\n"
		 "\n"
		 "LY-TIP-2026-000004,VHR,LY-TIP,LBY,NGA,,,,1,principal,EZE,Obi,,,M,1993-01-01,,"
		 "NGA,,,,,,\n");
	assert_int_equal(g.ret, 0);
	assert_int_equal(g.n, 4);
	assert_int_equal(g.rows[0].line, 2);
	expect_issues(&g.rows[0], NULL, 0);
	assert_string_equal(g.rows[0].p.given_names, "Musa, \"Baba\"");
	assert_string_equal(g.rows[0].p.family_name, ""); /* one given: the other is not copied */
	assert_int_equal(g.rows[1].line, 3);
	static const char *const ctl[] = {
		"given_names: is not valid UTF-8 text or holds control characters"};
	expect_issues(&g.rows[1], ctl, 1);
	assert_int_equal(g.rows[2].line, 6);
	assert_string_equal(g.rows[2].c.ref, "LY-TIP-2026-000003");
	expect_issues(&g.rows[2], NULL, 0);
	assert_int_equal(g.rows[3].line, 8);
	assert_string_equal(g.rows[3].c.ref, "LY-TIP-2026-000004");
}

/* A row whose first field spans lines starts where the field starts. */
static void test_first_field_across_lines(void **state)
{
	struct got g;
	read_str(&g,
		 "given_names,case_id,programme,office,origin,destination,person_no,"
		 "relationship,given_names_latin,sex,birth_date,nationality\n"
		 "\"A\nB\",LY-TIP-2026-000001,VHR,LY-TIP,LBY,NGA,1,principal,Musa,M,1990-01-01,"
		 "NGA\n"
		 "\"Ada\",LY-TIP-2026-000002,VHR,LY-TIP,LBY,NGA,1,principal,Ada,F,1990-01-01,"
		 "NGA\n"
		 "\"x\n\ny\n\",LY-TIP-2026-000003,VHR,LY-TIP,LBY,NGA,1,principal,Obi,F,"
		 "1990-01-01,NGA\n"
		 "Eze,LY-TIP-2026-000004,VHR,LY-TIP,LBY,NGA,1,principal,Eze,F,1990-01-01,NGA\n");
	assert_int_equal(g.ret, 0);
	assert_int_equal(g.n, 4);
	assert_int_equal(g.rows[0].line, 2);
	assert_int_equal(g.rows[1].line, 4);
	assert_int_equal(g.rows[2].line, 5);
	assert_int_equal(g.rows[3].line, 9);
	expect_issues(&g.rows[1], NULL, 0);
	expect_issues(&g.rows[3], NULL, 0);
}

static void test_crlf(void **state)
{
	struct got g;
	read_str(&g,
		 "case_id,programme,office,origin,destination,person_no,relationship,"
		 "given_names_latin,sex,birth_date,nationality\r\n"
		 "LY-TIP-2026-000001,VHR,LY-TIP,LBY,NGA,1,principal,Musa,M,1990-01-01,NGA\r\n"
		 "LY-TIP-2026-000001,VHR,LY-TIP,LBY,NGA,2,spouse,\"Ada\r\nB\",F,1990-01-01,NGA\r\n"
		 "LY-TIP-2026-000001,VHR,LY-TIP,LBY,NGA,3,child,Obi,M,2010-01-01,NGA\r\n");
	assert_int_equal(g.ret, 0);
	assert_int_equal(g.n, 3);
	assert_int_equal(g.rows[0].line, 2);
	expect_issues(&g.rows[0], NULL, 0);
	assert_string_equal(g.rows[0].c.ref, "LY-TIP-2026-000001"); /* no '\r' left on it */
	assert_string_equal(g.rows[0].p.nationality, "NGA");
	assert_int_equal(g.rows[1].line, 3);
	static const char *const want[] = {
		"given_names_latin: is not valid UTF-8 text or holds control characters"};
	expect_issues(&g.rows[1], want, 1);
	assert_int_equal(g.rows[2].line, 5);
	expect_issues(&g.rows[2], NULL, 0);
	/* Old Mac files end lines with a lone CR: each is a line of its own. */
	read_str(&g, "case_id,programme,office,origin,destination,person_no,relationship,"
		     "given_names_latin,sex,birth_date,nationality\r"
		     "LY-TIP-2026-000001,VHR,LY-TIP,LBY,NGA,1,principal,Musa,M,1990-01-01,NGA\r"
		     "LY-TIP-2026-000001,VHR,LY-TIP,LBY,NGA,2,spouse,\"Ada\rB\",F,1990-01-01,NGA\r"
		     "LY-TIP-2026-000001,VHR,LY-TIP,LBY,NGA,3,child,Obi,M,2010-01-01,NGA\r");
	assert_int_equal(g.ret, 0);
	assert_int_equal(g.n, 3);
	assert_int_equal(g.rows[0].line, 2);
	expect_issues(&g.rows[0], NULL, 0);
	assert_int_equal(g.rows[1].line, 3);
	assert_int_equal(g.rows[2].line, 5);
	expect_issues(&g.rows[2], NULL, 0);
	assert_string_equal(g.rows[2].p.given_names_latin, "Obi");
	/* The last line may lack its line end. */
	read_str(&g, "case_id,programme,office,origin,destination,person_no,relationship,"
		     "given_names_latin,sex,birth_date,nationality\r\n"
		     "LY-TIP-2026-000001,VHR,LY-TIP,LBY,NGA,1,principal,Musa,M,1990-01-01,NGA");
	assert_int_equal(g.ret, 0);
	assert_int_equal(g.n, 1);
	expect_issues(&g.rows[0], NULL, 0);
	assert_string_equal(g.rows[0].p.nationality, "NGA");
}

static void test_file_errors(void **state)
{
	char text[4096];
	/* The last row cut short. */
	snprintf(text, sizeof(text), "%s%sLY-TIP-2026-000124,VHR,LY-TIP,LBY,NG", HEADER_LINE,
		 GOOD_LINE);
	expect_file_error(text, strlen(text),
			  "persons.csv: line 3: the file ends inside a row (5 of 24 fields): "
			  "truncated?",
			  1);
	/* Cut inside a quoted field: the rest of the file is in it. */
	snprintf(text, sizeof(text),
		 "%s%sLY-TIP-2026-000124,VHR,LY-TIP,LBY,NGA,,,,2,spouse,"
		 "OKAFOR,\"Chi\nstill the same field\n",
		 HEADER_LINE, GOOD_LINE);
	expect_file_error(text, strlen(text),
			  "persons.csv: line 3: the file ends inside a quoted field: truncated?",
			  1);
	/* A stray quote opening a row's first field swallows the file: the
	 * message names the line where it opened. */
	snprintf(text, sizeof(text), "%s%s\"%s%s", HEADER_LINE, GOOD_LINE, GOOD_LINE, GOOD_LINE);
	expect_file_error(text, strlen(text),
			  "persons.csv: line 3: the file ends inside a quoted field: truncated?",
			  1);
	/* A row with a field too few in the middle of the file. */
	snprintf(text, sizeof(text), "%s%sLY-TIP-2026-000124,VHR\n%s", HEADER_LINE, GOOD_LINE,
		 GOOD_LINE);
	expect_file_error(text, strlen(text),
			  "persons.csv: line 3: 2 fields where the header has 24", 1);
	/* One too many. */
	snprintf(text, sizeof(text), "%s%.*s,extra\n", HEADER_LINE, (int)strlen(GOOD_LINE) - 1,
		 GOOD_LINE);
	expect_file_error(text, strlen(text),
			  "persons.csv: line 2: 25 fields where the header has 24", 0);
	/* A quote inside an unquoted field. */
	snprintf(text, sizeof(text), "%s%sLY-TIP-2026-000124,VH\"R,LY-TIP\n", HEADER_LINE,
		 GOOD_LINE);
	expect_file_error(
		text, strlen(text),
		"persons.csv: line 3: malformed quoting (a '\"' inside an unquoted field, "
		"or text after a closing quote)",
		1);
	/* Text after a closing quote. */
	snprintf(text, sizeof(text), "%s\"LY-TIP-2026-000124\"x,VHR\n", HEADER_LINE);
	expect_file_error(
		text, strlen(text),
		"persons.csv: line 2: malformed quoting (a '\"' inside an unquoted field, "
		"or text after a closing quote)",
		0);
	/* A NUL byte inside a field is refused as a control character. */
	static const char nul[] = HEADER_LINE "LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,"
					      "urgent,2026-01-10,1,principal,ADEBAYO,Mu\0sa,,,M,"
					      "1990-05-01,0,NGA,en,,,,,\n";
	struct got g;
	read_mem(&g, nul, sizeof(nul) - 1);
	assert_int_equal(g.ret, 0);
	assert_int_equal(g.n, 1);
	static const char *const want[] = {
		"given_names_latin: is not valid UTF-8 text or holds control characters"};
	expect_issues(&g.rows[0], want, 1);
}

static void test_callback_stops(void **state)
{
	struct got g = {.stop_at = 2};
	char text[4096];
	snprintf(text, sizeof(text), "%s%s%s%s", HEADER_LINE, GOOD_LINE, GOOD_LINE, GOOD_LINE);
	FILE *f = fmemopen(text, strlen(text), "r");
	g.n = 0;
	int ret = cor_persons_csv_read(f, "persons.csv", today, on_row, &g, g.msg, sizeof(g.msg));
	fclose(f);
	assert_int_equal(ret, 42);
	assert_int_equal(g.n, 2);
}

/* ---- writing ----------------------------------------------------------- */

static char *write_mem(void (*fn)(FILE *f, const void *arg), const void *arg)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	assert_non_null(m);
	fn(m, arg);
	fclose(m);
	return buf;
}

static void write_header_fn(FILE *f, const void *arg)
{
	cor_persons_csv_write_header(f);
}

struct field_arg {
	const char *v;
	char sep;
};

static void write_field_fn(FILE *f, const void *arg)
{
	const struct field_arg *a = arg;
	cor_csv_write_field(f, a->v, a->sep);
}

/* The good row at another programme, state and destination, with the
 * record columns cols (a header fragment) set to vals. */
static void read_records(struct got *g, const char *programme, const char *state,
			 const char *destination, const char *cols, const char *vals)
{
	const char *f[NCOLS];
	char text[4096];
	memcpy(f, good, sizeof(f));
	f[col_index("programme")] = programme;
	f[col_index("case_state")] = state;
	f[col_index("destination")] = destination;
	snprintf(text, sizeof(text), "%.*s,%s\n", (int)strlen(HEADER_LINE) - 1, HEADER_LINE, cols);
	csv_line(text + strlen(text), sizeof(text) - strlen(text), f, NCOLS);
	snprintf(text + strlen(text) - 1, sizeof(text) - strlen(text) + 1, ",%s\n", vals);
	read_str(g, text);
	if (g->ret != 0)
		fail_msg("the file was refused: %s", g->msg);
	assert_int_equal(g->n, 1);
}

#define SESSION     "counsellor,counselling_language,interpreter,decision"
#define SESSION_YES "A. Ben Salem,en,1,yes"
#define PM_COLS     "pre_migration_outcome,pre_migration_at,pre_migration_by"
#define PM_FIT      "fit,2026-01-05T10:00Z,Dr N. Haddad"

/* A case comes in at a later state only with the records its programme's
 * path to that state implies: each programme's own path. */
static void test_record_rules(void **state)
{
	struct got g;
	const char *want[3] = {NULL};
	/* registered: nothing more. */
	read_records(&g, "VHR", "registered", "NGA", "protection_risk", "");
	expect_issues(&g.rows[0], want, 0);
	/* A return at counselled: the session. */
	read_records(&g, "VHR", "counselled", "NGA", "protection_risk", "");
	want[0] = "counsellor: is empty but a case at 'counselled' has been counselled: give "
		  "counsellor, counselling_language and decision";
	expect_issues(&g.rows[0], want, 1);
	read_records(&g, "VHR", "counselled", "NGA", SESSION, SESSION_YES);
	expect_issues(&g.rows[0], want, 0);
	assert_true(g.rows[0].cr.counselled);
	assert_true(g.rows[0].cr.interpreter);
	assert_string_equal(g.rows[0].cr.counsellor, "A. Ben Salem");
	/* ... at assessed: a decision 'yes' and the person's assessment. */
	read_records(&g, "VHR", "assessed", "NGA", SESSION, "A. Ben Salem,en,0,no");
	want[0] = "decision: is 'no'; a return at 'assessed' has an informed decision 'yes' to "
		  "return";
	want[1] = "protection_risk: is empty but every person of a case at 'assessed' has a "
		  "protection risk assessment: give none, low, medium or high";
	expect_issues(&g.rows[0], want, 2);
	/* ... at eligible: nobody at high risk unless cleared. */
	read_records(&g, "AVR", "eligible", "NGA", SESSION ",protection_risk", SESSION_YES ",high");
	want[0] = "protection_risk: is high and not cleared, and a return at 'eligible' has "
		  "nobody at high risk not cleared: give protection_cleared 1 if a protection "
		  "officer cleared it, or import the case at assessed and clear the risk before "
		  "it moves on";
	expect_issues(&g.rows[0], want, 1);
	read_records(&g, "REP", "travel_ready", "NGA",
		     SESSION ",protection_risk,protection_cleared", SESSION_YES ",high,1");
	expect_issues(&g.rows[0], want, 0);
	assert_true(g.rows[0].pr.assessed);
	assert_true(g.rows[0].pr.cleared);
	/* A clearance is of a high risk. */
	read_records(&g, "VHR", "registered", "NGA", "protection_risk,protection_cleared", "low,1");
	want[0] = "protection_cleared: is 1 but the risk is 'low': only a high risk is cleared";
	expect_issues(&g.rows[0], want, 1);
	assert_false(g.rows[0].pr.cleared);
	read_records(&g, "VHR", "registered", "NGA", "protection_cleared", "yes");
	want[0] = "protection_cleared: is 1 but protection_risk is empty: a clearance is of an "
		  "assessment";
	expect_issues(&g.rows[0], want, 1);
	/* HEV has no counselling: assessed needs the assessment only, and a
	 * high risk blocks nothing (not a return). */
	read_records(&g, "HEV", "travel_ready", "NGA", "protection_risk", "");
	want[0] = "protection_risk: is empty but every person of a case at 'travel_ready' has a "
		  "protection risk assessment: give none, low, medium or high";
	expect_issues(&g.rows[0], want, 1);
	read_records(&g, "HEV", "travel_ready", "NGA", "protection_risk", "high");
	expect_issues(&g.rows[0], want, 0);
	/* HASM is counselled first. */
	read_records(&g, "HASM", "eligible", "NGA", "protection_risk", "none");
	want[0] = "counsellor: is empty but a case at 'eligible' has been counselled: give "
		  "counsellor, counselling_language and decision";
	expect_issues(&g.rows[0], want, 1);
	/* Resettlement (RST, CPW) at travel_ready: a pre-migration health
	 * assessment too; relocation (REL) has none. */
	read_records(&g, "RST", "travel_ready", "CAN", SESSION ",protection_risk",
		     SESSION_YES ",low");
	want[0] = "pre_migration_outcome: is empty but every person of a case at 'travel_ready' "
		  "has a pre-migration health assessment: give pre_migration_outcome and "
		  "pre_migration_at";
	expect_issues(&g.rows[0], want, 1);
	read_records(&g, "CPW", "travel_ready", "CAN", SESSION ",protection_risk," PM_COLS,
		     SESSION_YES ",low," PM_FIT);
	expect_issues(&g.rows[0], want, 0);
	assert_true(g.rows[0].pr.pre_migration);
	read_records(&g, "RST", "orientation", "CAN", SESSION ",protection_risk",
		     SESSION_YES ",low");
	expect_issues(&g.rows[0], want, 0);
	read_records(&g, "REL", "travel_ready", "CAN", SESSION ",protection_risk",
		     SESSION_YES ",low");
	expect_issues(&g.rows[0], want, 0);
	/* After a booking, or on a branch: what the file cannot carry. */
	read_records(&g, "VHR", "departed", "NGA", SESSION ",protection_risk", SESSION_YES ",low");
	want[0] = "case_state: 'departed' comes after a booking on a movement, which the file "
		  "cannot carry: import the case at travel_ready and book it with corridor "
		  "movement book";
	expect_issues(&g.rows[0], want, 1);
	read_records(&g, "VHR", "on_hold", "NGA", "protection_risk", "");
	want[0] = "case_state: 'on_hold' is a branch of the lifecycle, and the file cannot carry "
		  "why the case went there: import it at the state it was in before and move it "
		  "with corridor move";
	expect_issues(&g.rows[0], want, 1);
	/* Closed, after travel or withdrawn: how it ended is not in the file. */
	read_records(&g, "VHR", "closed", "NGA", "protection_risk", "");
	want[0] = "case_state: 'closed' is the end of a case, and the file cannot carry how it "
		  "ended: import it at the state it was in before and close it with corridor move";
	expect_issues(&g.rows[0], want, 1);
}

static void test_write_field(void **state)
{
	static const struct {
		const char *v;
		char sep;
		const char *want;
	} cases[] = {
		{"plain", 0, "plain"},
		{"plain", ',', ",plain"},
		{"", ',', ","},
		{"a,b", 0, "\"a,b\""},
		{"say \"hi\"", 0, "\"say \"\"hi\"\"\""},
		{"two\nlines", 0, "\"two\nlines\""},
		{"cr\r", 0, "\"cr\r\""},
		{" leading", 0, "\" leading\""},
		{"trailing ", 0, "\"trailing \""}, /* libcsv trims unquoted spaces */
		{"in side", 0, "in side"},
		{"\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF", 0, "\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF"},
	};
	for (size_t i = 0; i < ROWS(cases); i++) {
		struct field_arg a = {cases[i].v, cases[i].sep};
		char *s = write_mem(write_field_fn, &a);
		if (strcmp(s, cases[i].want))
			fail_msg("'%s' written as '%s', expected '%s'", cases[i].v, s,
				 cases[i].want);
		free(s);
	}
	char *h = write_mem(write_header_fn, NULL);
	char want[1024];
	snprintf(want, sizeof(want), "%.*s,%s\r\n", (int)strlen(HEADER_LINE) - 1, HEADER_LINE,
		 RECORD_COLUMNS);
	assert_string_equal(h, want);
	free(h);
	for (int i = 0; i < NCOLS; i++)
		assert_string_equal(cor_persons_csv_columns[i], header[i]);
	for (int i = 0; i < NCOLS_RECORDS; i++)
		assert_string_equal(cor_persons_csv_columns[NCOLS + i], record_header[i]);
	assert_null(cor_persons_csv_columns[NCOLS + NCOLS_RECORDS]);
}

struct rt {
	struct cor_case c;
	struct cor_person p;
	struct cor_document d;
	struct cor_persons_case_records cr;
	struct cor_persons_person_records pr;
};

static void write_rows_fn(FILE *f, const void *arg)
{
	const struct rt *rows = arg;
	cor_persons_csv_write_header(f);
	for (int i = 0; rows[i].c.ref[0]; i++)
		cor_persons_csv_write_row(f, &rows[i].c, &rows[i].cr, &rows[i].p, &rows[i].pr,
					  &rows[i].d);
}

static void assert_same_rt(const struct got_row *g, const struct rt *w)
{
	assert_string_equal(g->c.ref, w->c.ref);
	assert_string_equal(g->c.programme, w->c.programme);
	assert_string_equal(g->c.office, w->c.office);
	assert_string_equal(g->c.origin, w->c.origin);
	assert_string_equal(g->c.destination, w->c.destination);
	assert_string_equal(g->c.state, w->c.state);
	assert_int_equal(g->c.priority, w->c.priority);
	assert_int_equal(cor_date_cmp(g->c.registered_on, w->c.registered_on), 0);
	assert_int_equal(g->p.seq, w->p.seq);
	assert_int_equal(g->p.relationship, w->p.relationship);
	assert_string_equal(g->p.family_name_latin, w->p.family_name_latin);
	assert_string_equal(g->p.given_names_latin, w->p.given_names_latin);
	assert_string_equal(g->p.family_name, w->p.family_name);
	assert_string_equal(g->p.given_names, w->p.given_names);
	assert_int_equal(g->p.sex, w->p.sex);
	assert_int_equal(cor_date_cmp(g->p.birth_date, w->p.birth_date), 0);
	assert_int_equal(g->p.birth_date_approx, w->p.birth_date_approx);
	assert_string_equal(g->p.nationality, w->p.nationality);
	assert_string_equal(g->p.languages, w->p.languages);
	assert_string_equal(g->p.needs, w->p.needs);
	assert_int_equal(g->d.kind, w->d.kind);
	assert_string_equal(g->d.number, w->d.number);
	assert_string_equal(g->d.issuer, w->d.issuer);
	assert_int_equal(g->d.has_expiry, w->d.has_expiry);
	if (w->d.has_expiry)
		assert_int_equal(cor_date_cmp(g->d.expires_on, w->d.expires_on), 0);
	assert_string_equal(g->cr.location, w->cr.location);
	assert_int_equal(g->cr.counselled, w->cr.counselled);
	assert_string_equal(g->cr.counsellor, w->cr.counsellor);
	assert_string_equal(g->cr.language, w->cr.language);
	assert_int_equal(g->cr.interpreter, w->cr.interpreter);
	assert_int_equal(g->cr.decision, w->cr.decision);
	assert_int_equal(g->pr.assessed, w->pr.assessed);
	assert_int_equal(g->pr.risk, w->pr.risk);
	assert_int_equal(g->pr.cleared, w->pr.cleared);
	assert_int_equal(g->pr.pre_migration, w->pr.pre_migration);
	if (w->pr.pre_migration) {
		assert_int_equal(g->pr.pm.kind, COR_HEALTH_PRE_MIGRATION);
		assert_int_equal(g->pr.pm.outcome, w->pr.pm.outcome);
		assert_int_equal(g->pr.pm.at, w->pr.pm.at);
		assert_string_equal(g->pr.pm.examiner, w->pr.pm.examiner);
		assert_int_equal(g->pr.pm.conditions, w->pr.pm.conditions);
		assert_int_equal(g->pr.pm.tb, w->pr.pm.tb);
	}
}

static void test_round_trip(void **state)
{
	struct rt rows[5];
	memset(rows, 0, sizeof(rows));
	/* A principal with names in Arabic script, needs and a passport. */
	rows[0].c = (struct cor_case){
		"LB-BEY-2025-000007", "RST",          "LB-BEY", "LBN", "CAN", "registered",
		COR_PRIO_EMERGENCY,   {2025, 11, 20}, ""};
	rows[0].p = (struct cor_person){.seq = 1,
					.relationship = COR_REL_PRINCIPAL,
					.sex = 'F',
					.birth_date = {1960, 1, 1},
					.birth_date_approx = true};
	strcpy(rows[0].p.family_name_latin, "Al-Hassan");
	strcpy(rows[0].p.given_names_latin, "Fatima");
	strcpy(rows[0].p.family_name, "\xD8\xA7\xD9\x84\xD8\xAD\xD8\xB3\xD9\x86");
	strcpy(rows[0].p.given_names, "\xD9\x81\xD8\xA7\xD8\xB7\xD9\x85\xD8\xA9");
	strcpy(rows[0].p.nationality, "SYR");
	strcpy(rows[0].p.languages, "ar;ku");
	strcpy(rows[0].p.needs, "ER-NF;WR-SF");
	rows[0].d = (struct cor_document){COR_DOC_PASSPORT, "N0123456", "SYR", {2027, 3, 4}, true};
	/* A child: names as written with a comma, quotes and spaces at both
	 * ends; a document without expiry. */
	rows[1].c = rows[0].c;
	rows[1].p = (struct cor_person){
		.seq = 2, .relationship = COR_REL_CHILD, .sex = 'M', .birth_date = {2012, 2, 29}};
	strcpy(rows[1].p.family_name_latin, " Al-Hassan ");
	strcpy(rows[1].p.given_names_latin, "Omar ");
	strcpy(rows[1].p.family_name, "Al-Hassan, \"the younger\"");
	strcpy(rows[1].p.given_names, " Omar");
	strcpy(rows[1].p.nationality, "SYR");
	rows[1].d = (struct cor_document){COR_DOC_ID_CARD, "ID99", "SYR", {0, 0, 0}, false};
	/* A stateless relative without any document or family name. */
	rows[2].c = rows[0].c;
	rows[2].p = (struct cor_person){.seq = 3,
					.relationship = COR_REL_OTHER_RELATIVE,
					.sex = 'X',
					.birth_date = {2022, 6, 30}};
	strcpy(rows[2].p.given_names_latin, "Lina");
	strcpy(rows[2].p.given_names, "Lina");
	strcpy(rows[2].p.nationality, "XXA");
	strcpy(rows[2].p.languages, "ar");
	/* Another case, of another programme. */
	rows[3].c =
		(struct cor_case){"YE-ADE-2026-000001", "VHR",           "YE-ADE",     "YEM", "ETH",
				  "travel_ready",       COR_PRIO_NORMAL, {2026, 1, 2}, ""};
	rows[3].p = (struct cor_person){.seq = 1,
					.relationship = COR_REL_PRINCIPAL,
					.sex = 'M',
					.birth_date = {1999, 12, 31}};
	strcpy(rows[3].p.given_names_latin, "Abebe");
	strcpy(rows[3].p.given_names, "\xE1\x8A\xA0\xE1\x89\xA0\xE1\x89\xA0");
	strcpy(rows[3].p.nationality, "ETH");
	strcpy(rows[3].p.languages, "am;om;ti");
	strcpy(rows[3].p.needs, "LP-DA");
	rows[3].d = (struct cor_document){COR_DOC_ETD, "E00000001", "ETH", {2026, 5, 1}, true};
	/* At travel_ready: counselled (an interpreter, decision yes), assessed,
	 * at an assembly point. */
	rows[3].cr = (struct cor_persons_case_records){.location = "YE-ADE-TC01",
						       .counselled = true,
						       .counsellor = "S. Haile",
						       .language = "am",
						       .interpreter = true,
						       .decision = COR_COUNSEL_YES};
	rows[3].pr = (struct cor_persons_person_records){.assessed = true, .risk = COR_PROT_LOW};
	/* The resettlement case's principal: a pre-migration assessment. */
	rows[0].cr = (struct cor_persons_case_records){.counselled = true,
						       .counsellor = "R. Khoury",
						       .language = "ar",
						       .decision = COR_COUNSEL_UNDECIDED};
	rows[1].cr = rows[2].cr = rows[0].cr;
	rows[0].pr = (struct cor_persons_person_records){
		.assessed = true,
		.risk = COR_PROT_MEDIUM,
		.pre_migration = true,
		.pm = {.kind = COR_HEALTH_PRE_MIGRATION,
		       .outcome = COR_HEALTH_FIT_WITH_CONDITIONS,
		       .conditions = COR_HEALTH_COND_BIT(COR_HEALTH_OXYGEN) |
				     COR_HEALTH_COND_BIT(COR_HEALTH_MEDICAL_ESCORT),
		       .tb = COR_HEALTH_TB_B2,
		       .at = 1767607200, /* 2026-01-05T10:00Z */
		       .examiner = "Dr N. Haddad"}};

	char *csv = write_mem(write_rows_fn, rows);
	struct got g;
	read_str(&g, csv);
	if (g.ret != 0)
		fail_msg("the written file was refused: %s\n%s", g.msg, csv);
	assert_int_equal(g.n, 4);
	for (int i = 0; i < 4; i++) {
		if (g.rows[i].nissues)
			fail_msg("row %d: %s: %s\n%s", i + 1, g.rows[i].issues[0].column,
				 g.rows[i].issues[0].msg, csv);
		assert_same_rt(&g.rows[i], &rows[i]);
	}
	/* Lines: the header, then one per row (CRLF), with no break inside. */
	assert_int_equal(g.rows[1].line, 3);
	assert_int_equal(g.rows[3].line, 5);
	free(csv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_row),
		cmocka_unit_test(test_minimal_columns),
		cmocka_unit_test(test_optional_defaults),
		cmocka_unit_test(test_accepted_values),
		cmocka_unit_test(test_case_rules),
		cmocka_unit_test(test_person_rules),
		cmocka_unit_test(test_document_rules),
		cmocka_unit_test(test_messages_defanged),
		cmocka_unit_test(test_many_issues),
		cmocka_unit_test(test_header_errors),
		cmocka_unit_test(test_header_duplicate_and_empty),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_quoted_fields_and_lines),
		cmocka_unit_test(test_first_field_across_lines),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_file_errors),
		cmocka_unit_test(test_callback_stops),
		cmocka_unit_test(test_record_rules),
		cmocka_unit_test(test_write_field),
		cmocka_unit_test(test_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
