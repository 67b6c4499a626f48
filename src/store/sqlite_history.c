// SPDX-License-Identifier: Apache-2.0
// SQLite side of store_history.h: plain inserts with the caller's times, into
// the tables of the workflow and health migrations, each with its event
// worded as the live commands word it.
#include <stdio.h>
#include <string.h>

#include "store/store_history.h"
#include "store/store_sqlite_int.h"
#include "util/error.h"

static const char sql_counselling[] =
	"INSERT INTO counselling (case_id, no, at, counsellor, language, interpreter, decision,"
	" asylum_wish, notes, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
static const char sql_referral[] =
	"INSERT INTO referral (case_id, no, to_whom, subject, counselling_id, opened_at, opened_by)"
	" VALUES (?1, 1, ?2, 'asylum wish', ?3, ?4, ?5)";
static const char sql_assessment[] =
	"INSERT INTO protection_assessment (person_id, level, grounds, assessed_by, at)"
	" VALUES (?1, ?2, ?3, ?4, ?5)";
static const char sql_clearance[] =
	"INSERT INTO protection_clearance (assessment_id, cleared_by, at, reason)"
	" VALUES (?1, ?2, ?3, ?4)";
static const char sql_health[] =
	"INSERT INTO health_check (person_id, kind, at, outcome, tb_class, examiner, recorded_by,"
	" recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char sql_condition[] = "INSERT INTO health_condition (check_id, name) VALUES (?1, ?2)";

static sqlite3_stmt *prep(struct cor_store *st, const char *sql)
{
	return cor_sqlite_stmt(st, sql);
}

static int event(struct cor_store *st, int64_t case_id, const char *at, const char *actor,
		 const char *action, const char *detail)
{
	struct cor_event e = {.actor = actor, .action = action, .detail = detail, .reason = ""};
	snprintf(e.at, sizeof(e.at), "%s", at);
	return cor_store_event_add(st, case_id, &e);
}

int cor_store_history_counselling(struct cor_store *st, int64_t case_id, int no, const char *at,
				  const struct cor_counselling *s, const char *actor)
{
	char detail[256];
	int err;
	sqlite3_stmt *q = prep(st, sql_counselling);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "recording a counselling session");
	sqlite3_bind_int64(q, 1, case_id);
	sqlite3_bind_int(q, 2, no);
	cor_sqlite_bind_text(q, 3, at);
	cor_sqlite_bind_text(q, 4, s->counsellor);
	cor_sqlite_bind_text(q, 5, s->language);
	sqlite3_bind_int(q, 6, s->interpreter);
	cor_sqlite_bind_text(q, 7, cor_counselling_decision_name(s->decision));
	sqlite3_bind_int(q, 8, s->asylum_wish);
	cor_sqlite_bind_text(q, 9, s->notes ? s->notes : "");
	cor_sqlite_bind_text(q, 10, actor);
	if ((err = cor_sqlite_step_done(st, q, "recording a counselling session")) < 0)
		return err;
	int64_t session_id = sqlite3_last_insert_rowid(st->db);
	snprintf(detail, sizeof(detail), "session %d by %s in %s%s: decision %s%s", no,
		 s->counsellor, s->language, s->interpreter ? " with an interpreter" : "",
		 cor_counselling_decision_name(s->decision), s->asylum_wish ? "; asylum wish" : "");
	if ((err = event(st, case_id, at, actor, "counselling", detail)) < 0 || !s->asylum_wish)
		return err;
	const char *to = s->refer_to ? s->refer_to : "UNHCR";
	q = prep(st, sql_referral);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "opening a referral");
	sqlite3_bind_int64(q, 1, case_id);
	cor_sqlite_bind_text(q, 2, to);
	sqlite3_bind_int64(q, 3, session_id);
	cor_sqlite_bind_text(q, 4, at);
	cor_sqlite_bind_text(q, 5, actor);
	if ((err = cor_sqlite_step_done(st, q, "opening a referral")) < 0)
		return err;
	snprintf(detail, sizeof(detail), "referral 1 opened to %s: asylum wish (counselling session %d)",
		 to, no);
	return event(st, case_id, at, actor, "referral", detail);
}

int cor_store_history_protection(struct cor_store *st, int64_t case_id, int64_t person_id,
				 const char *person_ref, enum cor_protection_level level,
				 const char *grounds, const char *at, const char *actor,
				 const char *cleared_at, const char *clearance_reason)
{
	char detail[200];
	int err;
	sqlite3_stmt *q = prep(st, sql_assessment);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "recording a protection assessment");
	sqlite3_bind_int64(q, 1, person_id);
	cor_sqlite_bind_text(q, 2, cor_protection_level_name(level));
	cor_sqlite_bind_text(q, 3, grounds);
	cor_sqlite_bind_text(q, 4, actor);
	cor_sqlite_bind_text(q, 5, at);
	if ((err = cor_sqlite_step_done(st, q, "recording a protection assessment")) < 0)
		return err;
	int64_t assessment = sqlite3_last_insert_rowid(st->db);
	/* The grounds stay in the assessment; the history says the level. */
	snprintf(detail, sizeof(detail), "person %s assessed at %s protection risk (assessment 1)",
		 person_ref, cor_protection_level_name(level));
	if ((err = event(st, case_id, at, actor, "protection", detail)) < 0 || !cleared_at)
		return err;
	q = prep(st, sql_clearance);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "recording a clearance");
	sqlite3_bind_int64(q, 1, assessment);
	cor_sqlite_bind_text(q, 2, actor);
	cor_sqlite_bind_text(q, 3, cleared_at);
	cor_sqlite_bind_text(q, 4, clearance_reason);
	if ((err = cor_sqlite_step_done(st, q, "recording a clearance")) < 0)
		return err;
	snprintf(detail, sizeof(detail), "person %s cleared of high protection risk (assessment 1)",
		 person_ref);
	struct cor_event e = {.actor = actor, .action = "protection", .detail = detail,
			      .reason = clearance_reason};
	snprintf(e.at, sizeof(e.at), "%s", cleared_at);
	return cor_store_event_add(st, case_id, &e);
}

int cor_store_history_health(struct cor_store *st, int64_t case_id, int64_t person_id,
			     const char *person_ref, const struct cor_health_check *h,
			     const char *actor)
{
	char at[COR_HEALTH_TIME_LEN], detail[320], ev_at[COR_TIME_LEN];
	int err;
	sqlite3_stmt *q = prep(st, sql_health);
	if (!q)
		return cor_sqlite_fail(st, sqlite3_errcode(st->db), "recording a health check");
	cor_health_time_format(h->at, at);
	/* Events carry seconds: "YYYY-MM-DDTHH:MMZ" -> "YYYY-MM-DDTHH:MM:00Z". */
	snprintf(ev_at, sizeof(ev_at), "%.16s:00Z", at);
	sqlite3_bind_int64(q, 1, person_id);
	cor_sqlite_bind_text(q, 2, cor_health_kind_name(h->kind));
	cor_sqlite_bind_text(q, 3, at);
	cor_sqlite_bind_text(q, 4, cor_health_outcome_name(h->outcome));
	cor_sqlite_bind_text(q, 5, cor_health_tb_name(h->tb));
	cor_sqlite_bind_text(q, 6, h->examiner);
	cor_sqlite_bind_text(q, 7, actor);
	cor_sqlite_bind_text(q, 8, ev_at);
	if ((err = cor_sqlite_step_done(st, q, "recording a health check")) < 0)
		return err;
	int64_t check = sqlite3_last_insert_rowid(st->db);
	for (int c = 0; c < COR_HEALTH_CONDITION__N; c++) {
		if (!(h->conditions & COR_HEALTH_COND_BIT(c)))
			continue;
		q = prep(st, sql_condition);
		if (!q)
			return cor_sqlite_fail(st, sqlite3_errcode(st->db), "recording a condition");
		sqlite3_bind_int64(q, 1, check);
		cor_sqlite_bind_text(q, 2, cor_health_condition_name(c));
		if ((err = cor_sqlite_step_done(st, q, "recording a condition")) < 0)
			return err;
	}
	cor_health_event_detail(h, person_ref, detail, sizeof(detail));
	return event(st, case_id, ev_at, actor, "health", detail);
}
