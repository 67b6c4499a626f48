// SPDX-License-Identifier: Apache-2.0
// Unit tests for the workflow's operations (service/workflow.h), driven
// through cor_svc_* on database files under $COR_TEST_TMP with an injected
// clock: each refusal's exact code, field and message (never a command-line
// flag or a command's name), every unmet criterion of a NOT_ELIGIBLE
// refusal as a cause, a move decided with the rules in force and the
// context's today (not the defaults, not the system clock), the asylum-wish
// rule of counselling, and that a refused operation changes nothing
// (a digest of every table, read through a connection of our own); on
// every backend (PostgreSQL when COR_TEST_PG is set) where the stores the
// operations use have one.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "service/json.h"
#include "service/rules.h"
#include "service/workflow.h"
#include "store/store.h"
#include "store/store_health.h"
#include "util/error.h"
#include "util/tz.h"
#include "unit/store/backends.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

#define VHR "LY-TIP-2026-000001"
#define HEV "SD-PZU-2026-000001"
#define HAS "NE-NIM-2026-000001"
#define NOW "2026-11-28T09:00:00Z"

/* ---- helpers ----------------------------------------------------------- */

static void add_case(struct cor_store *st, const char *ref, const char *prog, const char *office,
		     int persons)
{
	struct cor_case c;
	int64_t id;
	memset(&c, 0, sizeof(c));
	snprintf(c.ref, sizeof(c.ref), "%s", ref);
	snprintf(c.programme, sizeof(c.programme), "%s", prog);
	snprintf(c.office, sizeof(c.office), "%s", office);
	snprintf(c.origin, sizeof(c.origin), "LBY");
	snprintf(c.destination, sizeof(c.destination), "NGA");
	snprintf(c.state, sizeof(c.state), "registered");
	c.priority = COR_PRIO_NORMAL;
	c.registered_on = (struct cor_date){2026, 1, 10};
	if (cor_store_case_add(st, &c, &id) < 0)
		fail_msg("adding %s: %s", ref, cor_store_errmsg(st));
	for (int i = 1; i <= persons; i++) {
		struct cor_person p;
		memset(&p, 0, sizeof(p));
		p.seq = i;
		p.relationship = i == 1 ? COR_REL_PRINCIPAL : COR_REL_CHILD;
		snprintf(p.family_name_latin, sizeof(p.family_name_latin), "OKAFOR");
		snprintf(p.given_names_latin, sizeof(p.given_names_latin), "Person %d", i);
		snprintf(p.family_name, sizeof(p.family_name), "OKAFOR");
		snprintf(p.given_names, sizeof(p.given_names), "Person %d", i);
		p.sex = 'F';
		p.birth_date = (struct cor_date){1980 + i, 1, 1};
		snprintf(p.nationality, sizeof(p.nationality), "NGA");
		assert_int_equal(cor_store_person_add(st, id, &p, NULL), 0);
	}
}

/* A store with a VHR case of 2 persons, an HEV case of 1 and a HASM case
 * of 1, all registered, and a context over it at NOW. */
static struct cor_store *open_with_cases(const char *name, struct cor_ctx *cx)
{
	struct cor_store *st = NULL;
	char msg[600] = "";
	if (cor_store_open(backend_fresh("test_service_workflow", name), COR_STORE_CREATE, &st, msg,
			   sizeof(msg)) < 0)
		fail_msg("cannot create: %s", msg);
	add_case(st, VHR, "VHR", "LY-TIP", 2);
	add_case(st, HEV, "HEV", "SD-PZU", 1);
	add_case(st, HAS, "HASM", "NE-NIM", 1);
	assert_int_equal(cor_ctx_init(cx, st, "tester", NOW), 0);
	return st;
}

/* What another connection sees of every table. */
static uint64_t digest(void)
{
	return backend_digest();
}

static const char *state_of(struct cor_store *st, const char *ref)
{
	static struct cor_case c;
	assert_int_equal(cor_store_case_get(st, ref, NULL, &c), 0);
	return c.state;
}

/* cx's error is exactly code, field, message, with ncauses causes, and its
 * message names no command-line flag and no command. */
static void expect_err(const struct cor_ctx *cx, enum cor_code code, const char *field,
		       const char *msg, int ncauses)
{
	if (cx->err.code != code)
		fail_msg("code %s, expected %s (%s)", cor_code_name(cx->err.code),
			 cor_code_name(code), cx->err.message);
	assert_string_equal(cx->err.field, field);
	assert_string_equal(cx->err.message, msg);
	assert_int_equal(cx->err.ncauses, ncauses);
	assert_null(strstr(cx->err.message, "--"));
	assert_null(strstr(cx->err.message, "corridor "));
}

/* A move refused with code, field and message that changes nothing. */
static void move_refused(struct cor_ctx *cx, const char *ref, const char *to, const char *reason,
			 enum cor_code code, const char *field, const char *msg)
{
	struct cor_svc_case_move_in in = {ref, to, reason};
	struct cor_svc_case_move_out out;
	uint64_t before = digest();
	assert_true(cor_svc_case_move(cx, &in, &out) < 0);
	expect_err(cx, code, field, msg, 0);
	assert_true(digest() == before);
}

static void move_ok(struct cor_ctx *cx, const char *ref, const char *to, const char *reason)
{
	struct cor_svc_case_move_in in = {ref, to, reason};
	struct cor_svc_case_move_out out;
	if (cor_svc_case_move(cx, &in, &out) < 0)
		fail_msg("move %s to %s: %s", ref, to, cx->err.message);
	assert_string_equal(state_of(cx->st, ref), to);
}

static struct cor_svc_case_counsel_in session(const char *ref, enum cor_counselling_decision d,
					      bool asylum)
{
	struct cor_svc_case_counsel_in in = {ref,
					     {.counsellor = "Amal Haddad",
					      .language = "ar",
					      .decision = d,
					      .asylum_wish = asylum}};
	return in;
}

static void counsel_ok(struct cor_ctx *cx, const char *ref, enum cor_counselling_decision d,
		       bool asylum, struct cor_svc_case_counsel_out *out)
{
	struct cor_svc_case_counsel_in in = session(ref, d, asylum);
	if (cor_svc_case_counsel(cx, &in, out) < 0)
		fail_msg("counselling %s: %s", ref, cx->err.message);
}

static void assess_ok(struct cor_ctx *cx, const char *person, enum cor_protection_level l)
{
	struct cor_svc_protection_assess_in in = {person, l, "interview on return risks"};
	struct cor_svc_protection_assess_out out;
	if (cor_svc_protection_assess(cx, &in, &out) < 0)
		fail_msg("assessing %s: %s", person, cx->err.message);
}

static char *dump(json_t *doc)
{
	char *s = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(doc);
	assert_non_null(s);
	return s;
}

static void expect_json(json_t *doc, const char *want)
{
	char *s = dump(doc);
	assert_string_equal(s, want);
	free(s);
}

/* ---- the table --------------------------------------------------------- */

static void test_ops_listed(void **state)
{
	(void)state;
	static const char *const names[] = {
		"case.move",      "case.counsel",      "counselling.list", "referral.list",
		"referral.close", "protection.assess", "protection.clear", "protection.show",
	};
	for (size_t i = 0; i < ROWS(names); i++) {
		const struct cor_op *op = cor_op_find(names[i]);
		if (!op)
			fail_msg("no operation '%s'", names[i]);
		bool read = strstr(names[i], ".list") || strstr(names[i], ".show");
		assert_int_equal(op->flags & (COR_OP_READ | COR_OP_WRITE),
				 read ? COR_OP_READ : COR_OP_WRITE);
	}
}

/* ---- case.move --------------------------------------------------------- */

static void test_move(void **state)
{
	(void)state;
	struct cor_ctx cx;
	struct cor_store *st = open_with_cases("move", &cx);
	struct cor_svc_case_counsel_out co;

	move_refused(&cx, VHR, "counselled", NULL, COR_CODE_NOT_COUNSELLED, "",
		     "case '" VHR "' is 'registered'; it cannot go to 'counselled' before a "
		     "counselling session is recorded (a return happens only at the person's "
		     "request)");
	move_refused(&cx, VHR, "on_hold", NULL, COR_CODE_REASON_REQUIRED, "reason",
		     "case '" VHR "' is 'registered'; it can go to 'on_hold' only with a reason");
	move_refused(&cx, VHR, "on_hold", "two\nlines", COR_CODE_INVALID, "reason",
		     "reason: give 1 to 500 bytes of text without control characters");
	move_refused(&cx, VHR, "booked", NULL, COR_CODE_WRONG_STATE, "",
		     "case '" VHR "' is 'registered'; it cannot go to 'booked' (next: counselled, "
		     "ineligible, on_hold, closed)");
	move_refused(&cx, VHR, "bokked", NULL, COR_CODE_UNKNOWN_STATE, "state",
		     "'bokked' is not a lifecycle state");
	move_refused(&cx, "LY-TIP-2026-000999", "counselled", NULL, COR_CODE_CASE_NOT_FOUND, "case",
		     "no case 'LY-TIP-2026-000999'");
	move_refused(&cx, "LY-TIP-123", "counselled", NULL, COR_CODE_BAD_PARAMETER, "case",
		     "'LY-TIP-123' is not a case ID like LY-TIP-2026-000123");

	counsel_ok(&cx, VHR, COR_COUNSEL_YES, false, &co);
	struct cor_svc_case_move_in in = {VHR, "counselled", NULL};
	struct cor_svc_case_move_out out;
	assert_int_equal(cor_svc_case_move(&cx, &in, &out), 0);
	assert_string_equal(out.from, "registered");
	assert_string_equal(state_of(st, VHR), "counselled");
	expect_json(cor_svc_case_move_json(&cx, &in, &out),
		    "{\"case\":\"" VHR "\",\"from\":\"registered\",\"to\":\"counselled\","
		    "\"reason\":null,\"at\":\"" NOW "\",\"by\":\"tester\",\"taken_off\":null}");
	/* Protection guards, each with its own code. */
	move_refused(&cx, VHR, "assessed", NULL, COR_CODE_PROTECTION_NOT_ASSESSED, "",
		     "case '" VHR "' is 'counselled'; it cannot go to 'assessed' before every "
		     "person's protection risk is assessed (2 of 2 not assessed)");
	assess_ok(&cx, VHR "-01", COR_PROT_HIGH);
	assess_ok(&cx, VHR "-02", COR_PROT_NONE);
	move_ok(&cx, VHR, "assessed", NULL);
	move_refused(&cx, VHR, "eligible", NULL, COR_CODE_PROTECTION_NOT_CLEARED, "",
		     "case '" VHR "' is 'assessed'; it cannot go to 'eligible': person '" VHR
		     "-01' at high protection risk, not cleared by a protection officer");
	cor_store_close(st);
}

/* Facts of the HEV case that make it eligible on 2026-11-28 under the
 * defaults: a passport valid to 2026-12-01, fit on 2026-11-27. By the
 * system clock (a later day) both would have lapsed. */
static void make_hev_ready(struct cor_ctx *cx)
{
	struct cor_person_found who;
	int64_t at = 0;
	assert_int_equal(cor_store_person_find(cx->st, HEV "-01", &who), 0);
	struct cor_document d = {.kind = COR_DOC_PASSPORT,
				 .issuer = "SDN",
				 .expires_on = {2026, 12, 1},
				 .has_expiry = true};
	snprintf(d.number, sizeof(d.number), "P0000001");
	assert_int_equal(cor_store_document_add(cx->st, who.id, &d), 0);
	assert_int_equal(cor_time_parse_utc("2026-11-27T10:00:00Z", &at), 0);
	struct cor_health_check h = {.kind = COR_HEALTH_FITNESS,
				     .outcome = COR_HEALTH_FIT,
				     .at = at,
				     .examiner = "Dr N. Haddad"};
	if (cor_store_health_add(cx->st, &who, &h, "medic", NULL) < 0)
		fail_msg("fitness: %s", cor_store_errmsg(cx->st));
	assess_ok(cx, HEV "-01", COR_PROT_NONE);
	move_ok(cx, HEV, "assessed", NULL);
	move_ok(cx, HEV, "eligible", NULL);
}

/* Eligibility is decided with the rules in force and the context's today. */
static void test_move_rules_in_force(void **state)
{
	(void)state;
	struct cor_ctx cx;
	struct cor_store *st = open_with_cases("rules", &cx);
	make_hev_ready(&cx);

	/* A stricter margin in force: the passport is now too short. */
	const char text[] = "HEV.doc_margin_days.passport = 30\n";
	struct cor_svc_rules_set_in rin = {text, strlen(text), "rules.conf"};
	struct cor_svc_rules_set_out rout;
	assert_int_equal(cor_svc_rules_set(&cx, &rin, &rout), 0);
	uint64_t before = digest();
	struct cor_svc_case_move_in in = {HEV, "travel_ready", NULL};
	struct cor_svc_case_move_out out;
	assert_true(cor_svc_case_move(&cx, &in, &out) < 0);
	assert_int_equal(cx.err.code, COR_CODE_NOT_ELIGIBLE);
	assert_string_equal(cx.err.message, "case '" HEV "' is 'eligible'; it cannot go to "
					    "'travel_ready': 1 eligibility criterion is not met "
					    "on 2026-11-28 (no travel date set)");
	assert_int_equal(cx.err.ncauses, 1);
	assert_int_equal(cx.err.causes[0].code, COR_CODE_NOT_ELIGIBLE);
	assert_non_null(strstr(cx.err.causes[0].message, "DOC_VALIDITY_SHORT"));
	assert_true(digest() == before);

	/* The defaults again (an empty version): the move goes through, on
	 * the context's day. */
	struct cor_svc_rules_set_in none = {"", 0, "rules.conf"};
	assert_int_equal(cor_svc_rules_set(&cx, &none, &rout), 0);
	move_ok(&cx, HEV, "travel_ready", NULL);
	cor_store_close(st);
}

/* A later today: the passport has expired and the fitness check lapsed;
 * every unmet criterion is a cause of its own. */
static void test_move_today(void **state)
{
	(void)state;
	struct cor_ctx cx;
	struct cor_store *st = open_with_cases("today", &cx);
	make_hev_ready(&cx);
	assert_int_equal(cor_ctx_set_now(&cx, "2026-12-05T09:00:00Z"), 0);
	uint64_t before = digest();
	struct cor_svc_case_move_in in = {HEV, "travel_ready", NULL};
	struct cor_svc_case_move_out out;
	assert_true(cor_svc_case_move(&cx, &in, &out) < 0);
	assert_int_equal(cx.err.code, COR_CODE_NOT_ELIGIBLE);
	assert_string_equal(cx.err.field, "");
	assert_string_equal(cx.err.message, "case '" HEV "' is 'eligible'; it cannot go to "
					    "'travel_ready': 2 eligibility criteria are not met "
					    "on 2026-12-05 (no travel date set)");
	assert_int_equal(cx.err.ncauses, 2);
	assert_non_null(strstr(cx.err.causes[0].message, "TRAVEL_DOCUMENT"));
	assert_non_null(strstr(cx.err.causes[1].message, "FITNESS_EXPIRED"));
	for (int i = 0; i < cx.err.ncauses; i++) {
		assert_int_equal(cx.err.causes[i].code, COR_CODE_NOT_ELIGIBLE);
		assert_null(strchr(cx.err.causes[i].message, '\n'));
	}
	assert_true(digest() == before);
	/* The error document lists them. */
	char *s = dump(cor_error_json(&cx.err));
	assert_non_null(strstr(s, "\"code\":\"NOT_ELIGIBLE\",\"field\":null"));
	assert_non_null(strstr(s, "\"causes\":[{\"code\":\"NOT_ELIGIBLE\""));
	free(s);
	cor_store_close(st);
}

/* ---- case.counsel ------------------------------------------------------ */

static void test_counsel_asylum(void **state)
{
	(void)state;
	struct cor_ctx cx;
	struct cor_store *st = open_with_cases("asylum", &cx);
	struct cor_svc_case_counsel_out out;

	counsel_ok(&cx, VHR, COR_COUNSEL_YES, false, &out);
	assert_int_equal(out.session, 1);
	assert_false(out.held);
	assert_int_equal(out.referral, 0);
	move_ok(&cx, VHR, "counselled", NULL);

	/* The rule: a return with an asylum wish is held and referred. */
	struct cor_svc_case_counsel_in in = session(VHR, COR_COUNSEL_UNDECIDED, true);
	assert_int_equal(cor_svc_case_counsel(&cx, &in, &out), 0);
	assert_int_equal(out.session, 2);
	assert_true(out.held);
	assert_string_equal(out.from, "counselled");
	assert_int_equal(out.referral, 1);
	assert_true(out.referral_opened);
	assert_string_equal(state_of(st, VHR), "on_hold");
	expect_json(cor_svc_case_counsel_json(&cx, &in, &out),
		    "{\"case\":\"" VHR "\",\"session\":2,\"at\":\"" NOW "\","
		    "\"decision\":\"undecided\",\"asylum_wish\":true,\"from\":\"counselled\","
		    "\"state\":\"on_hold\",\"held\":true,"
		    "\"referral\":{\"no\":1,\"to\":\"UNHCR\",\"opened\":true},\"taken_off\":null}");

	/* Held already and referred: a second wish opens nothing more. */
	counsel_ok(&cx, VHR, COR_COUNSEL_UNDECIDED, true, &out);
	assert_false(out.held);
	assert_int_equal(out.referral, 1);
	assert_false(out.referral_opened);

	json_t *doc = NULL;
	assert_int_equal(cor_svc_referral_list_doc(&cx, VHR, &doc), 0);
	expect_json(doc, "{\"case\":\"" VHR "\",\"referrals\":[{\"no\":1,\"to\":\"UNHCR\","
			 "\"subject\":\"asylum wish\",\"session\":2,\"opened_at\":\"" NOW "\","
			 "\"opened_by\":\"tester\",\"status\":\"open\",\"outcome\":null,"
			 "\"closed_at\":null,\"closed_by\":null}],\"open\":1}");
	assert_int_equal(cor_svc_counselling_list_doc(&cx, VHR, &doc), 0);
	char *s = dump(doc);
	assert_non_null(strstr(s, "\"sessions\":[{\"no\":1,\"at\":\"" NOW "\",\"counsellor\":"
				  "\"Amal Haddad\",\"language\":\"ar\",\"interpreter\":false,"
				  "\"decision\":\"yes\",\"asylum_wish\":false,\"notes\":null,"
				  "\"recorded_by\":\"tester\"}"));
	assert_non_null(strstr(s, "{\"no\":3,"));
	free(s);

	/* Not a return: recorded, neither held nor referred. */
	counsel_ok(&cx, HAS, COR_COUNSEL_YES, true, &out);
	assert_false(out.held);
	assert_int_equal(out.referral, 0);
	assert_string_equal(state_of(st, HAS), "registered");
	cor_store_close(st);
}

static void test_counsel_refused(void **state)
{
	(void)state;
	struct cor_ctx cx;
	struct cor_store *st = open_with_cases("counsel-refused", &cx);
	struct cor_svc_case_counsel_out out;
	uint64_t before = digest();

	struct cor_svc_case_counsel_in in = session(VHR, COR_COUNSEL_YES, false);
	in.s.language = "AR";
	assert_true(cor_svc_case_counsel(&cx, &in, &out) < 0);
	expect_err(&cx, COR_CODE_INVALID, "language",
		   "language: 'AR' is not an ISO 639-1 or ISO 639-3 language code (lower case, "
		   "e.g. 'ar', 'fr', 'tir')",
		   0);
	in = session(VHR, COR_COUNSEL_YES, false);
	in.s.refer_to = "UNHCR";
	assert_true(cor_svc_case_counsel(&cx, &in, &out) < 0);
	expect_err(&cx, COR_CODE_BAD_PARAMETER, "refer_to",
		   "refer_to: whom to refer to goes with an asylum wish", 0);
	in = session("LY-TIP-2026-000999", COR_COUNSEL_YES, false);
	assert_true(cor_svc_case_counsel(&cx, &in, &out) < 0);
	expect_err(&cx, COR_CODE_CASE_NOT_FOUND, "case", "no case 'LY-TIP-2026-000999'", 0);
	assert_true(digest() == before);

	/* After departure no session is recorded. */
	counsel_ok(&cx, HEV, COR_COUNSEL_YES, false, &out);
	move_ok(&cx, HEV, "closed", "moved away");
	before = digest();
	in = session(HEV, COR_COUNSEL_YES, false);
	assert_true(cor_svc_case_counsel(&cx, &in, &out) < 0);
	expect_err(&cx, COR_CODE_WRONG_STATE, "",
		   "case '" HEV "' is 'closed'; counselling is recorded only before departure, "
		   "while the case can be put on hold or is on hold",
		   0);
	assert_true(digest() == before);
	cor_store_close(st);
}

/* ---- referral.close ---------------------------------------------------- */

static void test_referral_close(void **state)
{
	(void)state;
	struct cor_ctx cx;
	struct cor_store *st = open_with_cases("referral", &cx);
	struct cor_svc_case_counsel_out co;
	counsel_ok(&cx, VHR, COR_COUNSEL_UNDECIDED, true, &co);
	assert_true(co.held);
	uint64_t before = digest();

	struct cor_svc_referral_close_in in = {VHR, 2, "claim lodged"};
	assert_true(cor_svc_referral_close(&cx, &in) < 0);
	expect_err(&cx, COR_CODE_REFERRAL_NOT_FOUND, "referral", "case '" VHR "' has no referral 2",
		   0);
	in = (struct cor_svc_referral_close_in){VHR, 1, " "};
	assert_true(cor_svc_referral_close(&cx, &in) < 0);
	expect_err(&cx, COR_CODE_INVALID, "outcome",
		   "outcome: give 1 to 500 bytes of text without control characters", 0);
	in = (struct cor_svc_referral_close_in){VHR, 0, "x"};
	assert_true(cor_svc_referral_close(&cx, &in) < 0);
	expect_err(&cx, COR_CODE_BAD_PARAMETER, "referral",
		   "0 is not a referral number (1, 2, ...)", 0);
	in = (struct cor_svc_referral_close_in){"LY-TIP-2026-000999", 1, "x"};
	assert_true(cor_svc_referral_close(&cx, &in) < 0);
	expect_err(&cx, COR_CODE_CASE_NOT_FOUND, "case", "no case 'LY-TIP-2026-000999'", 0);
	assert_true(digest() == before);

	in = (struct cor_svc_referral_close_in){VHR, 1, "claim lodged"};
	assert_int_equal(cor_svc_referral_close(&cx, &in), 0);
	expect_json(cor_svc_referral_close_json(&cx, &in),
		    "{\"case\":\"" VHR "\",\"referral\":1,\"status\":\"closed\","
		    "\"outcome\":\"claim lodged\",\"closed_at\":\"" NOW
		    "\",\"closed_by\":\"tester\"}");
	/* Closing does not resume the case. */
	assert_string_equal(state_of(st, VHR), "on_hold");
	before = digest();
	assert_true(cor_svc_referral_close(&cx, &in) < 0);
	expect_err(&cx, COR_CODE_WRONG_STATE, "",
		   "referral 1 of case '" VHR "' is already closed (" NOW ": claim lodged)", 0);
	assert_true(digest() == before);
	cor_store_close(st);
}

/* ---- protection -------------------------------------------------------- */

static void test_protection(void **state)
{
	(void)state;
	struct cor_ctx cx;
	struct cor_store *st = open_with_cases("protection", &cx);
	struct cor_svc_protection_assess_out out;
	uint64_t before = digest();

	struct cor_svc_protection_assess_in in = {VHR "-03", COR_PROT_LOW, "g"};
	assert_true(cor_svc_protection_assess(&cx, &in, &out) < 0);
	expect_err(&cx, COR_CODE_PERSON_NOT_FOUND, "person",
		   "no person '" VHR "-03': case '" VHR "' has no person 03", 0);
	in = (struct cor_svc_protection_assess_in){VHR, COR_PROT_LOW, "g"};
	assert_true(cor_svc_protection_assess(&cx, &in, &out) < 0);
	expect_err(&cx, COR_CODE_BAD_PARAMETER, "person",
		   "'" VHR "' is not a person ID like LY-TIP-2026-000123-01", 0);
	in = (struct cor_svc_protection_assess_in){VHR "-01", COR_PROT__N, "g"};
	assert_true(cor_svc_protection_assess(&cx, &in, &out) < 0);
	expect_err(&cx, COR_CODE_BAD_PARAMETER, "level",
		   "level: give 'none', 'low', 'medium' or 'high'", 0);
	in = (struct cor_svc_protection_assess_in){VHR "-01", COR_PROT_LOW, ""};
	assert_true(cor_svc_protection_assess(&cx, &in, &out) < 0);
	expect_err(&cx, COR_CODE_INVALID, "grounds",
		   "grounds: give 1 to 500 bytes of text without control characters", 0);
	struct cor_svc_protection_clear_in cin = {VHR "-01", "reviewed"};
	int no = -1;
	assert_true(cor_svc_protection_clear(&cx, &cin, &no) < 0);
	expect_err(&cx, COR_CODE_WRONG_STATE, "",
		   "person '" VHR "-01' has no protection risk assessment to clear", 0);
	assert_true(digest() == before);

	in = (struct cor_svc_protection_assess_in){VHR "-01", COR_PROT_HIGH, "prior detention"};
	assert_int_equal(cor_svc_protection_assess(&cx, &in, &out), 0);
	assert_int_equal(out.assessment, 1);
	assert_true(out.blocks_return);
	expect_json(cor_svc_protection_assess_json(&cx, &in, &out),
		    "{\"person\":\"" VHR "-01\",\"assessment\":1,\"level\":\"high\",\"at\":\"" NOW
		    "\",\"by\":\"tester\",\"blocks_return\":true,\"taken_off\":null}");
	/* Not a return: a high risk blocks nothing. */
	in = (struct cor_svc_protection_assess_in){HEV "-01", COR_PROT_HIGH, "targeted"};
	assert_int_equal(cor_svc_protection_assess(&cx, &in, &out), 0);
	assert_false(out.blocks_return);

	json_t *doc = NULL;
	assert_int_equal(cor_svc_protection_show_doc(&cx, VHR, &doc), 0);
	expect_json(doc, "{\"case\":\"" VHR "\",\"persons\":[{\"person\":\"" VHR "-01\","
			 "\"assessments\":1,\"latest\":{\"assessment\":1,\"level\":\"high\","
			 "\"at\":\"" NOW "\",\"assessed_by\":\"tester\",\"cleared\":null},"
			 "\"blocks_return\":true},{\"person\":\"" VHR "-02\",\"assessments\":0,"
			 "\"latest\":null,\"blocks_return\":false}]}");

	assert_int_equal(cor_ctx_set_now(&cx, "2026-11-28T10:00:00Z"), 0);
	assert_int_equal(cor_svc_protection_clear(&cx, &cin, &no), 0);
	assert_int_equal(no, 1);
	expect_json(cor_svc_protection_clear_json(&cx, &cin, no),
		    "{\"person\":\"" VHR "-01\",\"assessment\":1,\"cleared_at\":"
		    "\"2026-11-28T10:00:00Z\",\"cleared_by\":\"tester\",\"reason\":\"reviewed\"}");
	assert_int_equal(cor_svc_protection_show_doc(&cx, VHR, &doc), 0);
	char *s = dump(doc);
	assert_non_null(strstr(s, "\"cleared\":{\"at\":\"2026-11-28T10:00:00Z\",\"by\":\"tester\","
				  "\"reason\":\"reviewed\"}},\"blocks_return\":false}"));
	assert_null(strstr(s, "prior detention")); /* the grounds are not shown */
	free(s);
	/* A closed case's protection record does not change. */
	move_ok(&cx, HEV, "closed", "evacuated by other means");
	before = digest();
	in = (struct cor_svc_protection_assess_in){HEV "-01", COR_PROT_LOW, "g"};
	assert_true(cor_svc_protection_assess(&cx, &in, &out) < 0);
	expect_err(&cx, COR_CODE_WRONG_STATE, "",
		   "case '" HEV "' is 'closed'; its protection record does not change", 0);
	cin = (struct cor_svc_protection_clear_in){HEV "-01", "r"};
	assert_true(cor_svc_protection_clear(&cx, &cin, &no) < 0);
	expect_err(&cx, COR_CODE_WRONG_STATE, "",
		   "case '" HEV "' is 'closed'; its protection record does not change", 0);
	assert_true(digest() == before);
	assert_int_equal(cor_svc_protection_show_doc(&cx, "LY-TIP-2026-000999", &doc),
			 COR_ENOTFOUND);
	assert_null(doc);
	expect_err(&cx, COR_CODE_CASE_NOT_FOUND, "case", "no case 'LY-TIP-2026-000999'", 0);
	cor_store_close(st);
}

/* A list's callback that stops the list: its value comes back. */
static int stop(const struct cor_referral *r, void *ctx)
{
	(void)r;
	(*(int *)ctx)++;
	return 7;
}

static void test_lists(void **state)
{
	(void)state;
	struct cor_ctx cx;
	struct cor_store *st = open_with_cases("lists", &cx);
	json_t *doc = NULL;
	assert_int_equal(cor_svc_referral_list_doc(&cx, VHR, &doc), 0);
	expect_json(doc, "{\"case\":\"" VHR "\",\"referrals\":[],\"open\":0}");
	assert_int_equal(cor_svc_counselling_list_doc(&cx, VHR, &doc), 0);
	expect_json(doc, "{\"case\":\"" VHR "\",\"sessions\":[]}");
	assert_true(cor_svc_counselling_list_doc(&cx, "LY-TIP-2026-000999", &doc) < 0);
	expect_err(&cx, COR_CODE_CASE_NOT_FOUND, "case", "no case 'LY-TIP-2026-000999'", 0);
	assert_true(cor_svc_referral_list_doc(&cx, "x", &doc) < 0);
	expect_err(&cx, COR_CODE_BAD_PARAMETER, "case",
		   "'x' is not a case ID like LY-TIP-2026-000123", 0);
	struct cor_svc_case_counsel_out co;
	counsel_ok(&cx, VHR, COR_COUNSEL_UNDECIDED, true, &co);
	int n = 0;
	struct cor_svc_referral_list_in in = {VHR, stop, &n};
	assert_int_equal(cor_svc_referral_list(&cx, &in), 0); /* a stop is not a failure */
	assert_int_equal(n, 1);
	cor_store_close(st);
}

int main(void)
{
	const struct CMUnitTest both[] = {
		cmocka_unit_test(test_ops_listed),
		cmocka_unit_test(test_counsel_asylum),
		cmocka_unit_test(test_counsel_refused),
		cmocka_unit_test(test_referral_close),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_move),
		cmocka_unit_test(test_move_rules_in_force),
		cmocka_unit_test(test_move_today),
		cmocka_unit_test(test_protection),
	};
	int failed = 0;
	return failed + backend_run_both("test_service_workflow", both, ROWS(both));
}
