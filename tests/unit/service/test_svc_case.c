// SPDX-License-Identifier: Apache-2.0
// Unit tests for the registry operations (service/case.h), driven through
// cor_svc_* with an injected clock on a small store (facts_fixture.h):
// case.list (order, filters, limit, a callback that stops, each refusal),
// case.show (the document), case.available (dated by the clock; a refusal
// changes nothing), office.list and office.add (each refusal's code, field
// and message; nothing changed), stats (totals and rows on the clock's day),
// import (all or nothing, dated by the clock) and export.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>

#include "service/case.h"
#include "service/registry.h"

#define FIXTURE_PREFIX "test_svc_case"
#include "unit/store/facts_fixture.h"

#define NOW "2026-11-30T09:15:00Z"

static void ctx_at(struct cor_ctx *cx, struct cor_store *st)
{
	assert_int_equal(cor_ctx_init(cx, st, "tester", NOW), 0);
}

static const char *sget(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	assert_non_null(s);
	return s;
}

static void expect_error(const struct cor_ctx *cx, enum cor_code code, const char *field,
			 const char *message)
{
	assert_string_equal(cor_code_name(cx->err.code), cor_code_name(code));
	assert_string_equal(cx->err.field, field);
	assert_string_equal(cx->err.message, message);
}

struct seen {
	char refs[8][COR_CASE_REF_MAX];
	int n;
	int stop_after; /* 0: never */
};

static int see(const struct cor_case_summary *s, void *ctx)
{
	struct seen *v = ctx;
	if (v->n < 8)
		snprintf(v->refs[v->n], sizeof(v->refs[0]), "%s", s->c.ref);
	v->n++;
	return v->stop_after && v->n >= v->stop_after;
}

static void test_list(void **state)
{
	struct cor_store *st = populated(db_path("list"));
	struct cor_ctx cx;
	struct cor_svc_case_list_out out;
	struct seen v = {0};
	ctx_at(&cx, st);

	struct cor_svc_case_list_in in = {.each = see, .ctx = &v};
	assert_int_equal(cor_svc_case_list(&cx, &in, &out), 0);
	assert_int_equal(out.shown, 5);
	assert_int_equal(out.total, 5);
	assert_int_equal(v.n, 5);
	/* By registration date: C (2026-03-01), B, A, E, D (2026-11-20), not in
	 * the order they were added in (A, B, C, D, E). */
	assert_string_equal(v.refs[0], C);
	assert_string_equal(v.refs[1], BB);
	assert_string_equal(v.refs[2], A);
	assert_string_equal(v.refs[3], E);
	assert_string_equal(v.refs[4], DD);

	memset(&v, 0, sizeof(v));
	in.filter = (struct cor_case_filter){.programme = "VHR", .limit = 1};
	assert_int_equal(cor_svc_case_list(&cx, &in, &out), 0);
	assert_int_equal(out.shown, 1);
	assert_int_equal(out.total, 2);
	assert_string_equal(v.refs[0], BB);

	/* A callback that stops ends the list early, without failing. */
	memset(&v, 0, sizeof(v));
	v.stop_after = 2;
	in.filter = (struct cor_case_filter){0};
	assert_int_equal(cor_svc_case_list(&cx, &in, &out), 0);
	assert_int_equal(v.n, 2);
	assert_int_equal(out.shown, 2);
	assert_int_equal(out.total, 5);

	/* Refusals name the input field. */
	in.filter = (struct cor_case_filter){.programme = "XYZ"};
	assert_int_equal(cor_svc_case_list(&cx, &in, &out), COR_EINVAL);
	expect_error(&cx, COR_CODE_BAD_PARAMETER, "programme", "'XYZ' is not a programme");
	in.filter = (struct cor_case_filter){.state = "flying"};
	assert_int_equal(cor_svc_case_list(&cx, &in, &out), COR_EINVAL);
	expect_error(&cx, COR_CODE_BAD_PARAMETER, "state", "'flying' is not a case state");
	in.filter = (struct cor_case_filter){.office = "Tripoli"};
	assert_int_equal(cor_svc_case_list(&cx, &in, &out), COR_EINVAL);
	expect_error(&cx, COR_CODE_BAD_PARAMETER, "office",
		     "'Tripoli' is not an office code like LY-TIP");
	memset(&v, 0, sizeof(v));
	in.filter = (struct cor_case_filter){.office = "XX-ABC"};
	assert_int_equal(cor_svc_case_list(&cx, &in, &out), COR_ENOTFOUND);
	expect_error(&cx, COR_CODE_OFFICE_NOT_FOUND, "office", "no office 'XX-ABC'");
	assert_int_equal(v.n, 0);
	cor_store_close(st);
}

static int keep_json(const struct cor_case_summary *s, void *ctx)
{
	json_t **o = ctx;
	if (!*o)
		*o = cor_svc_case_summary_json(s);
	return 0;
}

static void test_summary_json(void **state)
{
	struct cor_store *st = populated(db_path("summary"));
	struct cor_ctx cx;
	struct cor_svc_case_list_out out;
	json_t *o = NULL;
	ctx_at(&cx, st);
	struct cor_svc_case_list_in in = {
		.filter = {.state = "eligible"}, .each = keep_json, .ctx = &o};
	assert_int_equal(cor_svc_case_list(&cx, &in, &out), 0);
	assert_non_null(o);
	char *text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	assert_string_equal(text, "{\"ref\":\"" A "\",\"programme\":\"VHR\",\"office\":\"LY-TIP\","
				  "\"state\":\"eligible\",\"priority\":\"urgent\",\"persons\":3,"
				  "\"origin\":\"LBY\",\"destination\":\"NGA\",\"registered_on\":"
				  "\"2026-10-02\",\"nationality\":\"NGA\",\"principal\":\"Adebayo, "
				  "Musa\"}");
	free(text);
	json_decref(o);
	cor_store_close(st);
}

static size_t history_len(struct cor_ctx *cx, const char *ref)
{
	struct cor_svc_case_show_in in = {ref};
	struct cor_svc_case_show_out out;
	assert_int_equal(cor_svc_case_show(cx, &in, &out), 0);
	size_t n = json_array_size(json_object_get(out.doc, "history"));
	json_decref(out.doc);
	return n;
}

static void test_show_and_available(void **state)
{
	struct cor_store *st = populated(db_path("show"));
	struct cor_ctx cx;
	struct cor_svc_case_show_out out;
	ctx_at(&cx, st);

	struct cor_svc_case_show_in in = {A};
	assert_int_equal(cor_svc_case_show(&cx, &in, &out), 0);
	json_t *c = json_object_get(out.doc, "case");
	assert_string_equal(sget(c, "ref"), A);
	assert_string_equal(sget(c, "programme_name"), "voluntary humanitarian return");
	assert_string_equal(sget(c, "destination_name"), "Nigeria");
	assert_string_equal(sget(c, "registered_on"), "2026-10-02");
	json_t *persons = json_object_get(out.doc, "persons");
	assert_int_equal(json_array_size(persons), 3);
	json_t *p = json_array_get(persons, 0);
	assert_string_equal(sget(p, "ref"), A "-01");
	assert_string_equal(sget(p, "relationship"), "principal");
	assert_string_equal(sget(p, "sex"), "M");
	assert_string_equal(sget(p, "birth_date"), "1990-05-01");
	json_t *need = json_array_get(json_object_get(p, "needs"), 0);
	assert_string_equal(sget(need, "code"), "SM-CC");
	assert_string_equal(sget(need, "meaning"), "critical medical condition");
	assert_string_equal(sget(json_array_get(json_object_get(p, "needs"), 1), "code"), "SP");
	assert_string_equal(json_string_value(json_array_get(json_object_get(p, "languages"), 0)),
			    "en");
	assert_int_equal(json_array_size(json_object_get(p, "documents")), 5);
	json_decref(out.doc);

	in.ref = "LY-TIP-2026-000999";
	assert_int_equal(cor_svc_case_show(&cx, &in, &out), COR_ENOTFOUND);
	expect_error(&cx, COR_CODE_CASE_NOT_FOUND, "case", "no case 'LY-TIP-2026-000999'");
	assert_null(out.doc);
	in.ref = "LY-TIP";
	assert_int_equal(cor_svc_case_show(&cx, &in, &out), COR_EINVAL);
	expect_error(&cx, COR_CODE_BAD_PARAMETER, "case",
		     "'LY-TIP' is not a case ID like LY-TIP-2026-000123");

	/* Availability: an event dated by the clock, with its reason. */
	size_t before = history_len(&cx, A);
	struct cor_date on = D(2026, 12, 10);
	struct cor_svc_case_available_in av = {A, &on, "family ready"};
	assert_int_equal(cor_svc_case_available(&cx, &av), 0);
	in.ref = A;
	assert_int_equal(cor_svc_case_show(&cx, &in, &out), 0);
	json_t *h = json_object_get(out.doc, "history");
	assert_int_equal(json_array_size(h), before + 1);
	json_t *e = json_array_get(h, before);
	assert_string_equal(sget(e, "at"), NOW);
	assert_string_equal(sget(e, "actor"), "tester");
	assert_string_equal(sget(e, "action"), "available");
	assert_string_equal(sget(e, "detail"), "available to travel from 2026-12-10");
	assert_string_equal(sget(e, "reason"), "family ready");
	json_decref(out.doc);

	/* Refused: nothing written. */
	av.reason = "a\tb";
	assert_int_equal(cor_svc_case_available(&cx, &av), COR_EINVAL);
	expect_error(&cx, COR_CODE_INVALID, "reason",
		     "the reason must be at most 500 bytes of text");
	av = (struct cor_svc_case_available_in){"LY-TIP-2026-000999", NULL, NULL};
	assert_int_equal(cor_svc_case_available(&cx, &av), COR_ENOTFOUND);
	expect_error(&cx, COR_CODE_CASE_NOT_FOUND, "case", "no case 'LY-TIP-2026-000999'");
	assert_int_equal(history_len(&cx, A), before + 1);
	cor_store_close(st);
}

static size_t offices(struct cor_ctx *cx)
{
	struct cor_svc_office_list_out out;
	assert_int_equal(cor_svc_office_list(cx, &out), 0);
	size_t n = json_array_size(json_object_get(out.doc, "offices"));
	json_decref(out.doc);
	return n;
}

static void test_offices(void **state)
{
	struct cor_store *st = populated(db_path("offices"));
	struct cor_ctx cx;
	struct cor_svc_office_list_out out;
	ctx_at(&cx, st);

	size_t n = offices(&cx);
	assert_true(n > 0);
	struct cor_office o = {"NE-ZIN", "NER", "Zinder"};
	assert_int_equal(cor_svc_office_add(&cx, &o), 0);
	assert_int_equal(cor_svc_office_list(&cx, &out), 0);
	json_t *a = json_object_get(out.doc, "offices"), *row;
	size_t i, found = 0;
	json_array_foreach(a, i, row)
	{
		if (!strcmp(sget(row, "code"), "NE-ZIN")) {
			assert_string_equal(sget(row, "country"), "NER");
			assert_string_equal(sget(row, "name"), "Zinder");
			found++;
		}
		if (i > 0)
			assert_true(strcmp(sget(json_array_get(a, i - 1), "code"),
					   sget(row, "code")) < 0);
	}
	assert_int_equal(found, 1);
	json_decref(out.doc);

	static const struct {
		struct cor_office o;
		enum cor_code code;
		const char *field, *message;
	} bad[] = {
		{{"NE-ZIN", "NER", "Zinder 2"},
		 COR_CODE_EXISTS,
		 "code",
		 "office 'NE-ZIN' already exists"},
		{{"NEZIN", "NER", "Zinder"},
		 COR_CODE_INVALID,
		 "code",
		 "'NEZIN' is not an office code like LY-TIP"},
		{{"NE-MAR", "XXX", "Maradi"},
		 COR_CODE_INVALID,
		 "country",
		 "'XXX' is not an ISO 3166-1 alpha-3 country code"},
		{{"NE-MAR", "NGA", "Maradi"},
		 COR_CODE_INVALID,
		 "code",
		 "'NE-MAR' must start with NG, the code of NGA"},
		{{"NE-MAR", "NER", ""},
		 COR_CODE_INVALID,
		 "name",
		 "the office's name must be 1 to 63 bytes of text"},
		{{"NE-MAR", "NER", "Mar\tadi"},
		 COR_CODE_INVALID,
		 "name",
		 "the office's name must be 1 to 63 bytes of text"},
	};
	for (size_t k = 0; k < ROWS(bad); k++) {
		assert_true(cor_svc_office_add(&cx, &bad[k].o) < 0);
		expect_error(&cx, bad[k].code, bad[k].field, bad[k].message);
	}
	assert_int_equal(offices(&cx), n + 1);
	cor_store_close(st);
}

static json_t *row_of(const json_t *doc, const char *dim, const char *key)
{
	size_t i;
	json_t *r;
	json_array_foreach(json_object_get(doc, dim), i, r)
	{
		if (!strcmp(sget(r, "key"), key))
			return r;
	}
	fail_msg("no row '%s' in %s", key, dim);
	return NULL;
}

static void test_stats(void **state)
{
	struct cor_store *st = populated(db_path("stats"));
	struct cor_ctx cx;
	struct cor_svc_stats_out out;
	ctx_at(&cx, st);

	struct cor_svc_stats_in in = {NULL};
	assert_int_equal(cor_svc_stats(&cx, &in, &out), 0);
	assert_string_equal(sget(out.doc, "as_of"), "2026-11-30");
	json_t *t = json_object_get(out.doc, "totals");
	assert_int_equal(json_integer_value(json_object_get(t, "cases")), 5);
	assert_int_equal(json_integer_value(json_object_get(t, "persons")), 6);
	json_t *r = row_of(out.doc, "by_programme", "VHR");
	assert_int_equal(json_integer_value(json_object_get(r, "cases")), 2);
	assert_int_equal(json_integer_value(json_object_get(r, "persons")), 4);
	/* Ages are counted on the day: the child born 2015-06-01 is 11. */
	r = row_of(out.doc, "by_sex_age", "M 5-11");
	assert_int_equal(json_integer_value(json_object_get(r, "persons")), 1);
	json_decref(out.doc);

	struct cor_date on = D(2026, 6, 1);
	in.on = &on;
	assert_int_equal(cor_svc_stats(&cx, &in, &out), 0);
	assert_string_equal(sget(out.doc, "as_of"), "2026-06-01");
	json_decref(out.doc);
	cor_store_close(st);
}

static const char csv_header[] =
	"case_id,programme,office,origin,destination,case_state,priority,registered_on,person_no,"
	"relationship,family_name_latin,given_names_latin,family_name,given_names,sex,birth_date,"
	"birth_date_approx,nationality,languages,specific_needs,doc_type,doc_number,doc_issuer,"
	"doc_expiry\n";
static const char csv_good[] = "LY-TIP-2026-000300,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-"
			       "05,1,principal,YUSUF,Amina,,,F,1990-03-14,0,NGA,ha;en,,passport,"
			       "A1234567,NGA,2031-03-02\n";
static const char csv_bad[] = "LY-TIP-2026-000301,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-"
			      "05,1,principal,BELLO,Musa,,,Q,1990-03-14,0,NGA,ha,,,,,\n";

static const char *write_csv(const char *name, const char *rows)
{
	static char path[600];
	const char *dir = getenv("COR_TEST_TMP");
	snprintf(path, sizeof(path), "%s/test_svc_case-%s.csv", dir && *dir ? dir : "/tmp", name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(csv_header, f);
	fputs(rows, f);
	fclose(f);
	return path;
}

static void count_line(const char *line, void *ctx)
{
	(*(int *)ctx)++;
}

static long total_cases(struct cor_ctx *cx)
{
	struct cor_svc_case_list_in in = {0};
	struct cor_svc_case_list_out out;
	assert_int_equal(cor_svc_case_list(cx, &in, &out), 0);
	return out.total;
}

static void test_import_export(void **state)
{
	struct cor_store *st = populated(db_path("import"));
	struct cor_import_result res;
	struct cor_ctx cx;
	char both[512];
	int lines = 0;
	ctx_at(&cx, st);
	long before = total_cases(&cx);

	/* One bad row: nothing imported, the refusal counts it. */
	snprintf(both, sizeof(both), "%s%s", csv_good, csv_bad);
	const char *path = write_csv("bad", both);
	struct cor_svc_import_in in = {.path = path, .report = count_line, .ctx = &lines};
	assert_int_equal(cor_svc_import(&cx, &in, &res), COR_EINVAL);
	assert_string_equal(cor_code_name(cx.err.code), "INVALID");
	assert_string_equal(cx.err.field, "rows");
	char want[700];
	snprintf(want, sizeof(want), "%s: 1 bad row of 2; nothing was imported", path);
	assert_string_equal(cx.err.message, want);
	assert_int_equal(lines, 1);
	assert_int_equal(res.persons, 0);
	assert_int_equal(total_cases(&cx), before);

	/* The good row alone: imported, its event dated by the clock. */
	in.path = write_csv("good", csv_good);
	assert_int_equal(cor_svc_import(&cx, &in, &res), 0);
	assert_int_equal(res.cases, 1);
	assert_int_equal(res.persons, 1);
	assert_int_equal(total_cases(&cx), before + 1);
	struct cor_svc_case_show_in sin = {"LY-TIP-2026-000300"};
	struct cor_svc_case_show_out sout;
	assert_int_equal(cor_svc_case_show(&cx, &sin, &sout), 0);
	json_t *e = json_array_get(json_object_get(sout.doc, "history"), 0);
	assert_string_equal(sget(e, "action"), "imported");
	assert_string_equal(sget(e, "at"), NOW);
	json_decref(sout.doc);

	/* Export: every person of the selected cases, counted. */
	struct cor_svc_export_in ein = {.filter = {.programme = "VHR"}};
	struct cor_svc_export_out eout;
	assert_int_equal(cor_svc_export(&cx, &ein, &eout), 0);
	assert_int_equal(eout.rows, 5);
	ein.filter = (struct cor_case_filter){.office = "XX-ABC"};
	assert_int_equal(cor_svc_export(&cx, &ein, &eout), COR_ENOTFOUND);
	assert_string_equal(cor_code_name(cx.err.code), "OFFICE_NOT_FOUND");
	assert_string_equal(cx.err.message, "no office 'XX-ABC'");
	cor_store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_summary_json),
		cmocka_unit_test(test_show_and_available),
		cmocka_unit_test(test_offices),
		cmocka_unit_test(test_stats),
		cmocka_unit_test(test_import_export),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
