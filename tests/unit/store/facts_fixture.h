// SPDX-License-Identifier: Apache-2.0
// A small store built through the store's own calls, for the tests of the
// facts loader (store) and of the verdicts built on facts (service): five
// cases of three programmes with persons, documents, health checks,
// protection assessments, counselling and referrals. Include it once, after
// cmocka, with FIXTURE_PREFIX naming the test ("test_facts"). With
// fixture_on_pg set, db_path gives a fresh PostgreSQL database
// ($COR_TEST_PG, pgtest.h) and the same records are written there through
// the same calls. The checked steps (counselling, protection, moves) go
// through the operations, so the domain's rules hold for the fixture too.
#ifndef COR_TEST_FACTS_FIXTURE_H
#define COR_TEST_FACTS_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/counselling.h"
#include "domain/health.h"
#include "domain/protection.h"
#include "store/store.h"
#include "store/store_health.h"
#include "service/service.h"
#include "service/workflow.h"
#include "store/store_workflow.h"
#include "util/error.h"
#include "unit/store/pgtest.h"

#define FIXTURE static __attribute__((unused))
#ifndef ROWS
#define ROWS(a) (sizeof(a) / sizeof((a)[0]))
#endif
#define B(c) COR_HEALTH_COND_BIT(COR_HEALTH_##c)

/* ---- a store ------------------------------------------------------------ */

/* The backend the tests in progress run on. */
static bool fixture_on_pg;
static char fixture_uri[512];
/* Drop every database made (a test that runs on PostgreSQL calls it last). */
static void (*const fixture_drop_all)(void) __attribute__((unused)) = pgtest_drop_all;

FIXTURE const char *db_path(const char *name)
{
	static char path[512];
	if (fixture_on_pg) {
		char db[64];
		snprintf(db, sizeof(db), "%s_%s", FIXTURE_PREFIX, name);
		if (pgtest_create(db, fixture_uri, sizeof(fixture_uri)) < 0)
			fail_msg("cannot create a PostgreSQL database for '%s'", name);
		return fixture_uri;
	}
	const char *dir = getenv("COR_TEST_TMP");
	snprintf(path, sizeof(path), "%s/" FIXTURE_PREFIX "-%s.db", dir && *dir ? dir : "/tmp",
		 name);
	static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < ROWS(ext); i++) {
		char f[600];
		snprintf(f, sizeof(f), "%s%s", path, ext[i]);
		unlink(f);
	}
	return path;
}

FIXTURE struct cor_date D(int y, int m, int d) {
	return (struct cor_date){y, m, d};
}

FIXTURE int64_t
add_case(struct cor_store *st, const char *ref, const char *prog, const char *dest,
	 const char *state, enum cor_priority prio, struct cor_date reg)
{
	struct cor_case c;
	int64_t id;
	memset(&c, 0, sizeof(c));
	snprintf(c.ref, sizeof(c.ref), "%s", ref);
	snprintf(c.programme, sizeof(c.programme), "%s", prog);
	snprintf(c.office, sizeof(c.office), "%.6s", ref);
	snprintf(c.origin, sizeof(c.origin), "LBY");
	snprintf(c.destination, sizeof(c.destination), "%s", dest);
	snprintf(c.state, sizeof(c.state), "%s", state);
	c.priority = prio;
	c.registered_on = reg;
	assert_int_equal(cor_store_case_add(st, &c, &id), 0);
	return id;
}

FIXTURE void add_person(struct cor_store *st, int64_t case_id, int seq, enum cor_relationship rel,
			const char *family, const char *given, char sex, struct cor_date birth,
			const char *needs)
{
	struct cor_person p;
	memset(&p, 0, sizeof(p));
	p.seq = seq;
	p.relationship = rel;
	snprintf(p.family_name_latin, sizeof(p.family_name_latin), "%s", family);
	snprintf(p.given_names_latin, sizeof(p.given_names_latin), "%s", given);
	snprintf(p.family_name, sizeof(p.family_name), "%s", family);
	snprintf(p.given_names, sizeof(p.given_names), "%s", given);
	p.sex = sex;
	p.birth_date = birth;
	snprintf(p.nationality, sizeof(p.nationality), "NGA");
	snprintf(p.languages, sizeof(p.languages), "en");
	snprintf(p.needs, sizeof(p.needs), "%s", needs);
	if (cor_store_person_add(st, case_id, &p, NULL) != 0)
		fail_msg("person %d: %s", seq, cor_store_errmsg(st));
}

FIXTURE struct cor_person_found find(struct cor_store *st, const char *ref)
{
	struct cor_person_found who;
	if (cor_store_person_find(st, ref, &who) != 0)
		fail_msg("no person '%s': %s", ref, cor_store_errmsg(st));
	return who;
}

FIXTURE void add_doc(struct cor_store *st, const char *person, enum cor_doc_kind kind,
		     const char *number, const char *expires)
{
	struct cor_person_found who;
	int err = cor_store_person_find(st, person, &who);
	if (err != 0)
		fail_msg("no person '%s': %s", person, cor_store_errmsg(st));
	struct cor_document d;
	memset(&d, 0, sizeof(d));
	d.kind = kind;
	snprintf(d.number, sizeof(d.number), "%s", number);
	snprintf(d.issuer, sizeof(d.issuer), "NGA");
	if (expires) {
		assert_int_equal(cor_date_parse(expires, &d.expires_on), 0);
		d.has_expiry = true;
	}
	if (cor_store_document_record(st, &who, &d, COR_DOC_SOURCE_MANUAL, "tester") != 0)
		fail_msg("document %s: %s", number, cor_store_errmsg(st));
}

FIXTURE void add_check(struct cor_store *st, const char *person, enum cor_health_kind kind,
		       const char *at, enum cor_health_outcome o, unsigned conds,
		       enum cor_health_tb tb)
{
	struct cor_person_found who;
	int err = cor_store_person_find(st, person, &who);
	if (err != 0)
		fail_msg("no person '%s': %s", person, cor_store_errmsg(st));
	struct cor_health_check h;
	memset(&h, 0, sizeof(h));
	h.kind = kind;
	assert_int_equal(cor_health_time_parse(at, &h.at), 0);
	h.outcome = o;
	h.conditions = conds;
	h.tb = tb;
	snprintf(h.examiner, sizeof(h.examiner), "Dr N. Haddad");
	if (cor_store_health_add(st, &who, &h, "tester", NULL) != 0)
		fail_msg("check of %s: %s", person, cor_store_errmsg(st));
}

/* The checked steps go through the operations, as a person's would: the
 * lifecycle, counselling and protection rules hold for the fixture too. */
FIXTURE struct cor_ctx *fixture_ctx(struct cor_store *st)
{
	static struct cor_ctx cx;
	if (cor_ctx_init(&cx, st, "tester", "2026-11-28T00:00:00Z") != 0)
		fail_msg("context: %s", cx.err.message);
	return &cx;
}

FIXTURE void counsel(struct cor_store *st, const char *ref, enum cor_counselling_decision d,
		     bool asylum)
{
	struct cor_svc_case_counsel_in in = {
		.ref = ref,
		.s = {.counsellor = "Amal Haddad",
		      .language = "ar",
		      .decision = d,
		      .asylum_wish = asylum},
	};
	struct cor_svc_case_counsel_out out;
	struct cor_ctx *cx = fixture_ctx(st);
	if (cor_svc_case_counsel(cx, &in, &out) != 0)
		fail_msg("counselling %s: %s", ref, cx->err.message);
}

FIXTURE void assess(struct cor_store *st, const char *person, enum cor_protection_level l)
{
	struct cor_svc_protection_assess_in in = {
		.person = person, .level = l, .grounds = "grounds"};
	struct cor_svc_protection_assess_out out;
	struct cor_ctx *cx = fixture_ctx(st);
	if (cor_svc_protection_assess(cx, &in, &out) != 0)
		fail_msg("assessment of %s: %s", person, cx->err.message);
}

FIXTURE void clear(struct cor_store *st, const char *person)
{
	struct cor_svc_protection_clear_in in = {.person = person, .reason = "verified"};
	int no;
	struct cor_ctx *cx = fixture_ctx(st);
	if (cor_svc_protection_clear(cx, &in, &no) != 0)
		fail_msg("clearance of %s: %s", person, cx->err.message);
}

FIXTURE void move(struct cor_store *st, const char *ref, const char *to, const char *reason)
{
	struct cor_svc_case_move_in in = {.ref = ref, .to = to, .reason = reason};
	struct cor_svc_case_move_out out;
	struct cor_ctx *cx = fixture_ctx(st);
	if (cor_svc_case_move(cx, &in, &out) != 0)
		fail_msg("move %s to %s: %s", ref, to, cx->err.message);
}

#define A  "LY-TIP-2026-000201"
#define BB "LY-TIP-2026-000202"
#define C  "TR-IST-2026-000050"
#define DD "TR-IST-2026-000051"
#define E  "SD-PZU-2026-000009"

/* A: VHR, three persons, every kind of record; its third person written
 * after B's, so out of case order. B: VHR with an asylum wish. C: RST to
 * the USA put on hold after its interview. D: RST in orientation. E: HEV
 * with nobody. */
FIXTURE struct cor_store *populated(const char *path)
{
	struct cor_store *st = NULL;
	char msg[600] = "";
	if (cor_store_open(path, COR_STORE_CREATE, &st, msg, sizeof(msg)) != 0)
		fail_msg("%s", msg);

	int64_t a = add_case(st, A, "VHR", "NGA", "eligible", COR_PRIO_URGENT, D(2026, 10, 2));
	add_person(st, a, 1, COR_REL_PRINCIPAL, "Adebayo", "Musa", 'M', D(1990, 5, 1), "SM-CC;SP");
	add_person(st, a, 2, COR_REL_SPOUSE, "Okafor", "Chioma", 'F', D(1995, 2, 28), "");
	int64_t b = add_case(st, BB, "VHR", "NGA", "counselled", COR_PRIO_NORMAL, D(2026, 9, 1));
	add_person(st, b, 1, COR_REL_PRINCIPAL, "Bello", "Fatima", 'F', D(1988, 1, 1), "WR");
	add_person(st, a, 3, COR_REL_CHILD, "Adebayo", "Ibrahim", 'M', D(2015, 6, 1), "CR");
	int64_t c = add_case(st, C, "RST", "USA", "registered", COR_PRIO_NORMAL, D(2026, 3, 1));
	add_person(st, c, 1, COR_REL_PRINCIPAL, "Hassan", "Omar", 'M', D(1980, 2, 2), "");
	int64_t d =
		add_case(st, DD, "RST", "CAN", "orientation", COR_PRIO_EMERGENCY, D(2026, 11, 20));
	add_person(st, d, 1, COR_REL_PRINCIPAL, "Haile", "Senait", 'F', D(1992, 9, 9), "SC-UC");
	add_case(st, E, "HEV", "EGY", "assessed", COR_PRIO_EMERGENCY, D(2026, 11, 1));

	/* five documents, of which four are kept. */
	add_doc(st, A "-01", COR_DOC_ID_CARD, "ID1", NULL);
	add_doc(st, A "-01", COR_DOC_VISA, "V1", "2027-06-01");
	add_doc(st, A "-01", COR_DOC_EXIT_PERMIT, "X1", "2026-12-31");
	add_doc(st, A "-01", COR_DOC_PASSPORT, "P1", "2027-01-02");
	add_doc(st, A "-01", COR_DOC_ETD, "E1", "2028-01-01");
	add_doc(st, A "-03", COR_DOC_ETD, "E3", NULL);
	add_doc(st, BB "-01", COR_DOC_PASSPORT, "P9", "2030-01-01");
	/* C-01: six travel documents; those valid longest are kept. */
	add_doc(st, C "-01", COR_DOC_PASSPORT, "P1", "2027-01-01");
	add_doc(st, C "-01", COR_DOC_PASSPORT, "P2", "2026-06-01");
	add_doc(st, C "-01", COR_DOC_ETD, "E1", "2026-12-01");
	add_doc(st, C "-01", COR_DOC_LAISSEZ_PASSER, "L1", "2028-01-01");
	add_doc(st, C "-01", COR_DOC_REFUGEE_TD, "R1", NULL);
	add_doc(st, C "-01", COR_DOC_ETD, "E2", "2026-01-01");

	/* an older fit, the latest with conditions and TB none; a
	 * pre-migration assessment later still, with TB B2. */
	add_check(st, A "-01", COR_HEALTH_FITNESS, "2026-11-01T07:00Z", COR_HEALTH_FIT, 0,
		  COR_HEALTH_TB_NOT_SCREENED);
	add_check(st, A "-01", COR_HEALTH_FITNESS, "2026-11-20T08:30Z",
		  COR_HEALTH_FIT_WITH_CONDITIONS, B(MEDICAL_ESCORT) | B(WCHS), COR_HEALTH_TB_NONE);
	add_check(st, A "-01", COR_HEALTH_PRE_MIGRATION, "2026-11-25T10:00Z", COR_HEALTH_FIT, 0,
		  COR_HEALTH_TB_B2);
	/* Entered later, examined earlier: it supersedes nothing. */
	add_check(st, A "-01", COR_HEALTH_FITNESS, "2026-10-01T07:00Z", COR_HEALTH_UNFIT, 0,
		  COR_HEALTH_TB_A);
	add_check(st, A "-03", COR_HEALTH_FITNESS, "2026-11-21T09:00Z", COR_HEALTH_DEFERRED, 0,
		  COR_HEALTH_TB_NOT_SCREENED);
	add_check(st, C "-01", COR_HEALTH_PRE_MIGRATION, "2026-06-01T10:00Z", COR_HEALTH_FIT, 0,
		  COR_HEALTH_TB_A);

	/* Protection: A-01 high and cleared; A-02 low then high. */
	assess(st, A "-01", COR_PROT_HIGH);
	clear(st, A "-01");
	assess(st, A "-02", COR_PROT_LOW);
	assess(st, A "-02", COR_PROT_HIGH);

	counsel(st, A, COR_COUNSEL_UNDECIDED, false);
	counsel(st, A, COR_COUNSEL_YES, false);
	counsel(st, BB, COR_COUNSEL_YES, true); /* on hold, referred */

	counsel(st, C, COR_COUNSEL_YES, false);
	move(st, C, "counselled", NULL);
	assess(st, C "-01", COR_PROT_NONE);
	move(st, C, "assessed", NULL);
	move(st, C, "eligible", NULL);
	move(st, C, "submitted", NULL);
	move(st, C, "interviewed", NULL);
	move(st, C, "on_hold", "waiting for the security check");
	return st;
}

#endif
