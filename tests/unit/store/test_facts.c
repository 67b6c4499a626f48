// SPDX-License-Identifier: Apache-2.0
// Unit tests for the facts loader (store/store_facts.h) on a small store
// built here through the store's own calls: every fact of a case, exactly
// (documents past the four kept, the latest fitness check and its
// conditions, the latest TB class of either kind, the latest protection
// level and its clearance, the latest informed decision, open referrals and
// the asylum wish, the selection step from the state or the history); the
// same facts whether read in one pass over every table or for one case,
// persons written out of case order included; filters; the eligibility hook
// of a move; the queue.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/counselling.h"
#include "domain/health.h"
#include "domain/priority.h"
#include "domain/protection.h"
#include "store/store.h"
#include "store/store_facts.h"
#include "store/store_health.h"
#include "store/store_workflow.h"
#include "util/error.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))
#define B(c)    COR_HEALTH_COND_BIT(COR_HEALTH_##c)

/* ---- a store ------------------------------------------------------------ */

static const char *db_path(const char *name)
{
	static char path[512];
	const char *dir = getenv("COR_TEST_TMP");
	snprintf(path, sizeof(path), "%s/test_facts-%s.db", dir && *dir ? dir : "/tmp", name);
	static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < ROWS(ext); i++) {
		char f[600];
		snprintf(f, sizeof(f), "%s%s", path, ext[i]);
		unlink(f);
	}
	return path;
}

static struct cor_date D(int y, int m, int d) {
	return (struct cor_date){y, m, d};
}

static int64_t
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

static void add_person(struct cor_store *st, int64_t case_id, int seq, enum cor_relationship rel,
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

static struct cor_person_found find(struct cor_store *st, const char *ref)
{
	struct cor_person_found who;
	if (cor_store_person_find(st, ref, &who) != 0)
		fail_msg("no person '%s': %s", ref, cor_store_errmsg(st));
	return who;
}

static void add_doc(struct cor_store *st, const char *person, enum cor_doc_kind kind,
		    const char *number, const char *expires)
{
	struct cor_person_found who = find(st, person);
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

static void add_check(struct cor_store *st, const char *person, enum cor_health_kind kind,
		      const char *at, enum cor_health_outcome o, unsigned conds,
		      enum cor_health_tb tb)
{
	struct cor_person_found who = find(st, person);
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

static void counsel(struct cor_store *st, const char *ref, enum cor_counselling_decision d,
		    bool asylum)
{
	struct cor_counselling s = {.counsellor = "Amal Haddad",
				    .language = "ar",
				    .decision = d,
				    .asylum_wish = asylum};
	struct cor_counselling_result res;
	if (cor_store_counselling_add(st, ref, &s, "tester", &res) != 0)
		fail_msg("counselling %s: %s", ref, cor_store_errmsg(st));
}

static void assess(struct cor_store *st, const char *person, enum cor_protection_level l)
{
	if (cor_store_protection_assess(st, person, l, "grounds", "tester", NULL) != 0)
		fail_msg("assessment of %s: %s", person, cor_store_errmsg(st));
}

static void move(struct cor_store *st, const char *ref, const char *to, const char *reason)
{
	struct cor_move_result res;
	if (cor_store_case_move(st, ref, to, "tester", reason, NULL, &res) != 0)
		fail_msg("move %s to %s: %s", ref, to, cor_store_errmsg(st));
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
static struct cor_store *populated(const char *path)
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
	assert_int_equal(cor_store_protection_clear(st, A "-01", "verified", "tester", NULL), 0);
	assess(st, A "-02", COR_PROT_LOW);
	assess(st, A "-02", COR_PROT_HIGH);

	counsel(st, A, COR_COUNSEL_UNDECIDED, false);
	counsel(st, A, COR_COUNSEL_YES, false);
	counsel(st, BB, COR_COUNSEL_YES, true); /* on hold, referred */

	move(st, C, "counselled", NULL);
	move(st, C, "assessed", NULL);
	move(st, C, "eligible", NULL);
	move(st, C, "submitted", NULL);
	move(st, C, "interviewed", NULL);
	move(st, C, "on_hold", "waiting for the security check");
	return st;
}

/* ---- facts as text -------------------------------------------------------- */

static void put(char *buf, size_t len, const char *fmt, ...)
{
	size_t n = strlen(buf);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf + n, len - n, fmt, ap);
	va_end(ap);
}

static const char *day(struct cor_date d, char *buf)
{
	if (d.year == 0)
		return "-";
	return cor_date_format(d, buf);
}

/* Every field of fc, one line for the case and one per person. */
static void facts_text(const struct cor_facts_case *fc, char *out, size_t len)
{
	const struct cor_case_facts *f = &fc->f;
	char d1[COR_DATE_LEN], d2[COR_DATE_LEN], d3[COR_DATE_LEN], conds[160];
	out[0] = '\0';
	put(out, len,
	    "%s %s %s state=%s office=%s prio=%s set=%s reg=%s travel=%s dep=%d counselled=%d "
	    "decision=%s asylum=%d referrals=%d selection=%s n=%zu\n",
	    f->ref, f->programme ? f->programme->code : "?", f->destination, fc->c.state,
	    fc->c.office, cor_priority_name(f->priority), day(f->priority_set_on, d1),
	    day(f->registered_on, d2), f->has_travel_date ? day(f->travel_on, d3) : "-",
	    f->departure_minute, f->counselled, cor_decision_name(f->decision), f->asylum_wish,
	    f->open_referrals, cor_selection_name(f->selection), f->n_travellers);
	for (size_t i = 0; i < f->n_travellers; i++) {
		const struct cor_traveller_facts *t = &f->travellers[i];
		const struct cor_facts_person *p = &fc->persons[i];
		put(out, len, " %s seq=%d '%s' %s %c %s %s needs=%s docs=%d/%d:", t->ref, p->seq,
		    t->display_name, cor_relationship_name(t->relationship), t->sex,
		    day(t->birth_date, d1), t->nationality, t->needs, t->n_docs, p->docs_held);
		for (int k = 0; k < t->n_docs; k++)
			put(out, len, " %s/%s/%s/%s", cor_doc_kind_name(t->docs[k].kind),
			    t->docs[k].issuer, t->docs[k].number,
			    t->docs[k].has_expiry ? day(t->docs[k].expires_on, d2) : "-");
		cor_health_conditions_format(p->conditions, conds, sizeof(conds));
		put(out, len, " fitness=%s@%s/%d cond=%s tb=%s waived=%d risk=%s cleared=%d\n",
		    cor_fitness_name(t->fitness), day(t->fitness_on, d3), t->fitness_minute, conds,
		    cor_tb_class_name(t->tb), t->tb_waived, cor_risk_name(t->protection_risk),
		    t->protection_cleared);
	}
}

struct texts {
	char text[8][2048];
	int n;
};

static int collect(const struct cor_facts_case *fc, void *ctx)
{
	struct texts *t = ctx;
	if (t->n == (int)ROWS(t->text))
		fail_msg("too many cases");
	facts_text(fc, t->text[t->n++], sizeof(t->text[0]));
	return 0;
}

static const char want_a[] =
	"LY-TIP-2026-000201 VHR NGA state=eligible office=LY-TIP prio=urgent set=- "
	"reg=2026-10-02 travel=- dep=-1 counselled=1 decision=yes asylum=0 referrals=0 "
	"selection= n=3\n"
	" LY-TIP-2026-000201-01 seq=1 'MUSA ADEBAYO' principal M 1990-05-01 NGA needs=SM-CC;SP "
	"docs=4/5: id_card/NGA/ID1/- etd/NGA/E1/2028-01-01 exit_permit/NGA/X1/2026-12-31 "
	"passport/NGA/P1/2027-01-02 fitness=fit_with_conditions@2026-11-20/510 "
	"cond=medical_escort, wchs tb=B2 waived=0 risk=high cleared=1\n"
	" LY-TIP-2026-000201-02 seq=2 'CHIOMA OKAFOR' spouse F 1995-02-28 NGA needs= docs=0/0: "
	"fitness=@-/-1 cond= tb= waived=0 risk=high cleared=0\n"
	" LY-TIP-2026-000201-03 seq=3 'IBRAHIM ADEBAYO' child M 2015-06-01 NGA needs=CR "
	"docs=1/1: etd/NGA/E3/- fitness=deferred@2026-11-21/540 cond= tb= waived=0 risk= "
	"cleared=0\n";
static const char want_b[] =
	"LY-TIP-2026-000202 VHR NGA state=on_hold office=LY-TIP prio=normal set=- "
	"reg=2026-09-01 travel=- dep=-1 counselled=1 decision=yes asylum=1 referrals=1 "
	"selection= n=1\n"
	" LY-TIP-2026-000202-01 seq=1 'FATIMA BELLO' principal F 1988-01-01 NGA needs=WR "
	"docs=1/1: passport/NGA/P9/2030-01-01 fitness=@-/-1 cond= tb= waived=0 risk= cleared=0\n";
static const char want_c[] =
	"TR-IST-2026-000050 RST USA state=on_hold office=TR-IST prio=normal set=- reg=2026-03-01 "
	"travel=- dep=-1 counselled=0 decision= asylum=0 referrals=0 selection=interviewed n=1\n"
	" TR-IST-2026-000050-01 seq=1 'OMAR HASSAN' principal M 1980-02-02 NGA needs= docs=4/6: "
	"passport/NGA/P1/2027-01-01 refugee_td/NGA/R1/- etd/NGA/E1/2026-12-01 "
	"laissez_passer/NGA/L1/2028-01-01 fitness=@-/-1 cond= tb=A waived=0 risk= cleared=0\n";
static const char want_d[] =
	"TR-IST-2026-000051 RST CAN state=orientation office=TR-IST prio=emergency set=- "
	"reg=2026-11-20 travel=- dep=-1 counselled=0 decision= asylum=0 referrals=0 "
	"selection=accepted n=1\n"
	" TR-IST-2026-000051-01 seq=1 'SENAIT HAILE' principal F 1992-09-09 NGA needs=SC-UC "
	"docs=0/0: fitness=@-/-1 cond= tb= waived=0 risk= cleared=0\n";
static const char want_e[] =
	"SD-PZU-2026-000009 HEV EGY state=assessed office=SD-PZU prio=emergency set=- "
	"reg=2026-11-01 travel=- dep=-1 counselled=0 decision= asylum=0 referrals=0 selection= "
	"n=0\n";

/* ---- tests ------------------------------------------------------------- */

static void test_one_case(void **state)
{
	struct cor_store *st = populated(db_path("one"));
	static const struct {
		const char *ref, *want;
	} cases[] = {{A, want_a}, {BB, want_b}, {C, want_c}, {DD, want_d}, {E, want_e}};
	for (size_t i = 0; i < ROWS(cases); i++) {
		struct texts t = {.n = 0};
		assert_int_equal(cor_store_facts_case(st, cases[i].ref, NULL, collect, &t), 0);
		assert_int_equal(t.n, 1);
		assert_string_equal(t.text[0], cases[i].want);
	}
	struct texts t = {.n = 0};
	assert_int_equal(cor_store_facts_case(st, "LY-TIP-2026-000999", NULL, collect, &t),
			 COR_ENOTFOUND);
	assert_string_equal(cor_store_errmsg(st), "no case 'LY-TIP-2026-000999'");
	assert_int_equal(t.n, 0);
	cor_store_close(st);
}

static void test_each(void **state)
{
	struct cor_store *st = populated(db_path("each"));
	struct texts t = {.n = 0};
	assert_int_equal(cor_store_facts_each(st, NULL, collect, &t), 0);
	/* In case order; A's third person, written after B's, is read all the
	 * same, and so is B's person, met after it. */
	assert_int_equal(t.n, 5);
	assert_string_equal(t.text[0], want_a);
	assert_string_equal(t.text[1], want_b);
	assert_string_equal(t.text[2], want_c);
	assert_string_equal(t.text[3], want_d);
	assert_string_equal(t.text[4], want_e);

	/* A travel date is every case's. */
	struct cor_date travel = D(2027, 1, 10);
	struct cor_facts_query q = {.programme = "VHR", .travel_on = &travel};
	memset(&t, 0, sizeof(t));
	assert_int_equal(cor_store_facts_each(st, &q, collect, &t), 0);
	assert_int_equal(t.n, 2);
	assert_non_null(strstr(t.text[0], "LY-TIP-2026-000201 VHR NGA state=eligible "
					  "office=LY-TIP prio=urgent set=- reg=2026-10-02 "
					  "travel=2027-01-10 dep=-1 "));
	assert_non_null(strstr(t.text[1], "LY-TIP-2026-000202 VHR NGA state=on_hold"));

	/* Filters. */
	q = (struct cor_facts_query){.office = "TR-IST"};
	memset(&t, 0, sizeof(t));
	assert_int_equal(cor_store_facts_each(st, &q, collect, &t), 0);
	assert_int_equal(t.n, 2);
	assert_string_equal(t.text[0], want_c);
	assert_string_equal(t.text[1], want_d);
	q = (struct cor_facts_query){.state = "on_hold"};
	memset(&t, 0, sizeof(t));
	assert_int_equal(cor_store_facts_each(st, &q, collect, &t), 0);
	assert_int_equal(t.n, 2);
	assert_string_equal(t.text[0], want_b);
	assert_string_equal(t.text[1], want_c);
	q = (struct cor_facts_query){.programme = "RST", .office = "LY-TIP"};
	memset(&t, 0, sizeof(t));
	assert_int_equal(cor_store_facts_each(st, &q, collect, &t), 0);
	assert_int_equal(t.n, 0);
	q = (struct cor_facts_query){.office = "XX-ABC"};
	assert_int_equal(cor_store_facts_each(st, &q, collect, &t), COR_ENOTFOUND);
	assert_string_equal(cor_store_errmsg(st),
			    "no office 'XX-ABC' (see 'corridor office list')");
	cor_store_close(st);
}

static int stop_at_second(const struct cor_facts_case *fc, void *ctx)
{
	int *n = ctx;
	return ++*n == 2 ? 42 : 0;
}

static void test_referral_closed_and_stop(void **state)
{
	struct cor_store *st = populated(db_path("closed"));
	assert_int_equal(cor_store_referral_close(st, BB, 1, "no claim lodged", "tester"), 0);
	struct texts t = {.n = 0};
	assert_int_equal(cor_store_facts_case(st, BB, NULL, collect, &t), 0);
	assert_non_null(strstr(t.text[0], " asylum=0 referrals=0 "));
	/* A callback's non-zero value stops the pass and is returned. */
	int n = 0;
	assert_int_equal(cor_store_facts_each(st, NULL, stop_at_second, &n), 42);
	assert_int_equal(n, 2);
	/* And the store is usable afterwards. */
	memset(&t, 0, sizeof(t));
	assert_int_equal(cor_store_facts_each(st, NULL, collect, &t), 0);
	assert_int_equal(t.n, 5);
	cor_store_close(st);
}

static int lines_of(const struct cor_facts_case *fc, void *ctx)
{
	struct cor_rules_config cfg = cor_rules_config_default();
	struct cor_unmet buf[64];
	struct cor_eligibility rep;
	char *out = ctx;
	cor_eligibility_init(&rep, buf, ROWS(buf));
	assert_int_equal(cor_eligibility_evaluate(&cfg, &fc->f, D(2026, 11, 22), &rep), 0);
	for (size_t i = 0; i < rep.n; i++) {
		size_t n = strlen(out);
		size_t need = cor_facts_unmet_line(fc, &rep.unmet[i], out + n, 4096 - n);
		assert_int_equal(strlen(out + n), need);
		strcat(out, "\n");
	}
	return 0;
}

static void test_report_lines(void **state)
{
	struct cor_store *st = populated(db_path("lines"));
	char out[4096] = "";
	struct cor_date travel = D(2026, 11, 22);
	assert_int_equal(cor_store_facts_case(st, A, &travel, lines_of, out), 0);
	assert_string_equal(
		out, "TRAVEL_DOCUMENT  LY-TIP-2026-000201-02  NO_TRAVEL_DOCUMENT         CHIOMA "
		     "OKAFOR holds "
		     "no travel document accepted for VHR (passport, emergency travel document or "
		     "laissez-passer)\n"
		     "FITNESS          LY-TIP-2026-000201-02  FITNESS_MISSING            no "
		     "fitness-to-travel "
		     "check recorded for CHIOMA OKAFOR\n"
		     "PROTECTION       LY-TIP-2026-000201-02  PROTECTION_NOT_CLEARED     "
		     "protection risk of "
		     "CHIOMA OKAFOR on return is high and not cleared by a protection officer\n"
		     "FITNESS          LY-TIP-2026-000201-03  FITNESS_DEFERRED           fitness "
		     "to travel "
		     "of IBRAHIM ADEBAYO was deferred on 2026-11-21\n"
		     "PROTECTION       LY-TIP-2026-000201-03  PROTECTION_NOT_ASSESSED    no "
		     "protection risk "
		     "assessment recorded for IBRAHIM ADEBAYO\n");
	/* Cut short, the line stays terminated and says what it needs. */
	struct cor_unmet u = {.code = COR_UNMET_NOT_COUNSELLED, .person = -1, .doc = -1};
	struct cor_facts_case fc;
	memset(&fc, 0, sizeof(fc));
	snprintf(fc.c.ref, sizeof(fc.c.ref), "%s", E);
	fc.f.ref = fc.c.ref;
	char small[20];
	size_t need = cor_facts_unmet_line(&fc, &u, small, sizeof(small));
	assert_string_equal(small, "COUNSELLED       SD");
	char big[200];
	assert_int_equal(cor_facts_unmet_line(&fc, &u, big, sizeof(big)), need);
	assert_string_equal(big,
			    "COUNSELLED       SD-PZU-2026-000009     NOT_COUNSELLED             "
			    "case SD-PZU-2026-000009 has not been counselled");
	char phrase[48];
	assert_string_equal(cor_facts_day_phrase(NULL, D(2026, 11, 28), phrase, sizeof(phrase)),
			    "on 2026-11-28 (no travel date set)");
	assert_string_equal(cor_facts_day_phrase(&travel, D(2026, 11, 28), phrase, sizeof(phrase)),
			    "for travel on 2026-11-22");
	cor_store_close(st);
}

static void test_hook(void **state)
{
	const char *path = db_path("hook");
	struct cor_store *st = populated(path);
	struct cor_rules_config cfg = cor_rules_config_default();
	struct cor_facts_hook_ctx ctx = {.cfg = &cfg, .today = D(2026, 11, 28)};
	struct cor_eligibility_hook hook = {cor_facts_eligibility_hook, &ctx};
	struct cor_move_result res;

	assert_int_equal(cor_store_case_move(st, DD, "travel_ready", "tester", NULL, &hook, &res),
			 COR_EWRONGSTATE);
	assert_string_equal(res.why.code, "NOT_ELIGIBLE");
	assert_string_equal(cor_store_errmsg(st),
			    "case 'TR-IST-2026-000051' is 'orientation'; it cannot go to "
			    "'travel_ready': 3 eligibility criteria are not met on 2026-11-28 (no "
			    "travel date set)");
	assert_int_equal(ctx.unmet, 3);
	assert_non_null(ctx.report);
	assert_string_equal(
		ctx.report,
		"COUNSELLED       TR-IST-2026-000051     NOT_COUNSELLED             case "
		"TR-IST-2026-000051 has not been counselled\n"
		"TRAVEL_DOCUMENT  TR-IST-2026-000051-01  NO_TRAVEL_DOCUMENT         SENAIT HAILE "
		"holds "
		"no travel document accepted for RST (passport, laissez-passer or refugee travel "
		"document)\n"
		"FITNESS          TR-IST-2026-000051-01  FITNESS_MISSING            no "
		"fitness-to-travel "
		"check recorded for SENAIT HAILE\n");

	/* Counselled, a passport, fit the day before: the move goes through. */
	counsel(st, DD, COR_COUNSEL_YES, false);
	add_doc(st, DD "-01", COR_DOC_PASSPORT, "P51", "2030-01-01");
	add_check(st, DD "-01", COR_HEALTH_FITNESS, "2026-11-27T10:00Z", COR_HEALTH_FIT, 0,
		  COR_HEALTH_TB_NOT_SCREENED);
	assert_int_equal(cor_store_case_move(st, DD, "travel_ready", "tester", NULL, &hook, &res),
			 0);
	assert_null(ctx.report);
	assert_int_equal(ctx.unmet, 0);
	cor_store_close(st);
}

static void test_queue(void **state)
{
	struct cor_store *st = populated(db_path("queue"));
	/* Three evacuations ready to travel: an emergency, a normal one with
	 * needs, one with no fitness check. */
	static const struct {
		const char *ref;
		enum cor_priority prio;
		struct cor_date reg;
		const char *needs;
		bool fit;
	} hev[] = {
		{"SD-PZU-2026-000010", COR_PRIO_NORMAL, {2026, 1, 1}, "SM-CC;CR", true},
		{"SD-PZU-2026-000011", COR_PRIO_EMERGENCY, {2026, 11, 20}, "", true},
		{"SD-PZU-2026-000012", COR_PRIO_URGENT, {2026, 11, 1}, "", false},
	};
	for (size_t i = 0; i < ROWS(hev); i++) {
		char who[32];
		int64_t id = add_case(st, hev[i].ref, "HEV", "EGY", "travel_ready", hev[i].prio,
				      hev[i].reg);
		add_person(st, id, 1, COR_REL_PRINCIPAL, "Hassan", "Omar", 'M', D(1980, 2, 2),
			   hev[i].needs);
		add_person(st, id, 2, COR_REL_CHILD, "Hassan", "Ali", 'M', D(2016, 2, 2),
			   hev[i].needs);
		for (int p = 1; p <= 2; p++) {
			snprintf(who, sizeof(who), "%s-%02d", hev[i].ref, p);
			add_doc(st, who, COR_DOC_ETD, p == 1 ? "E1" : "E2", NULL);
			if (hev[i].fit)
				add_check(st, who, COR_HEALTH_FITNESS, "2026-11-27T10:00Z",
					  p == 1 ? COR_HEALTH_FIT_WITH_CONDITIONS : COR_HEALTH_FIT,
					  p == 1 ? B(WCHR) : 0, COR_HEALTH_TB_NOT_SCREENED);
		}
	}
	struct cor_rules_config cfg = cor_rules_config_default();
	struct cor_facts_query q = {.state = "travel_ready"};
	struct cor_facts_queue queue = COR_FACTS_QUEUE_INIT;
	assert_int_equal(cor_facts_queue_build(st, &q, &cfg, D(2026, 11, 28), true, &queue), 0);
	assert_int_equal(queue.cases, 3);
	assert_int_equal(queue.travellers, 6);
	assert_int_equal(queue.eligible, 2);
	assert_int_equal(queue.unmet, 2);
	assert_int_equal(queue.n, 2);
	assert_int_equal(queue.persons, 4);
	assert_string_equal(queue.recs[0].ref, "SD-PZU-2026-000011");
	assert_string_equal(queue.recs[1].ref, "SD-PZU-2026-000010");
	unsigned conds = 0;
	assert_int_equal(cor_facts_queue_persons(&queue, 1, &conds), 2);
	assert_int_equal(conds, B(WCHR));
	char why[512];
	cor_priority_explain(&cfg, &queue.recs[0], D(2026, 11, 28), why, sizeof(why));
	assert_string_equal(why, "emergency (deadline 2026-11-27, 1 day overdue); vulnerability 0: "
				 "no weighted specific needs; registered 2026-11-20");
	cor_priority_explain(&cfg, &queue.recs[1], D(2026, 11, 28), why, sizeof(why));
	assert_string_equal(why,
			    "normal (deadline 2027-01-01, 34 days left); vulnerability 14: "
			    "SM-CC critical medical condition (2 persons x 4 = 8), CR child at "
			    "risk (2 persons x 3 = 6); registered 2026-01-01");
	assert_int_equal(queue.recs[1].weight, 14);
	assert_int_equal(queue.n_blocked, 1);
	assert_int_equal(queue.blocked_persons, 2);
	assert_string_equal(queue.blocked[0].ref, "SD-PZU-2026-000012");
	assert_string_equal(queue.blocked[0].codes, "FITNESS_MISSING x2");
	assert_int_equal(queue.blocked[0].unmet, 2);
	assert_int_equal(queue.blocked[0].persons, 2);
	cor_facts_queue_release(&queue);
	assert_null(queue.recs);
	assert_int_equal(queue.n, 0);

	/* Every case evaluated; only the travel-ready ones queued; blocked
	 * counted, not kept. */
	assert_int_equal(cor_facts_queue_build(st, NULL, &cfg, D(2026, 11, 28), false, &queue), 0);
	assert_int_equal(queue.cases, 8);
	assert_int_equal(queue.n, 2);
	assert_int_equal(queue.n_blocked, 1);
	assert_null(queue.blocked);
	cor_facts_queue_release(&queue);
	cor_store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_case),
		cmocka_unit_test(test_each),
		cmocka_unit_test(test_referral_closed_and_stop),
		cmocka_unit_test(test_report_lines),
		cmocka_unit_test(test_hook),
		cmocka_unit_test(test_queue),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
