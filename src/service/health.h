// SPDX-License-Identifier: Apache-2.0
// Health operations: record a fitness-to-travel check (health.check) or a
// pre-migration health assessment (health.assess), each with its clinical
// note in the same transaction, and show a person's travel-relevant outcome
// (health.show) or that and the clinical notes (health.show_clinical).
//
// The clinical notes are a door of their own: health.show never returns
// them; health.show_clinical does, and needs the permission
// "health.clinical" (medical staff) where health.show needs "health.read".
// The rules a check keeps are domain/health.h's; the clock is cx->now.
#ifndef COR_SERVICE_HEALTH_H
#define COR_SERVICE_HEALTH_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "domain/health.h"
#include "service/movement.h"
#include "service/service.h"

/* health.check, health.assess: the person's check as examined. Refusals:
 * BAD_PARAMETER "person" or "outcome" (not given); INVALID "person" (not a
 * person ID); PERSON_NOT_FOUND "person"; INVALID for each rule broken
 * ("outcome", "condition", "tb", "at" after now, "examiner", "note"), every
 * one a cause when there are several. */
struct cor_svc_health_record_in {
	const char *person; /* "LY-TIP-2026-000201-01" */
	enum cor_health_outcome outcome;
	unsigned conditions; /* COR_HEALTH_COND_BIT set */
	enum cor_health_tb tb;
	bool has_at;
	int64_t at;           /* when examined (cor_health_time_parse); default now */
	const char *examiner; /* NULL: the actor */
	const char *note;     /* the clinical note; NULL: none */
};
struct cor_svc_health_record_out {
	char person[COR_PERSON_REF_MAX];
	char case_ref[COR_CASE_REF_MAX];
	int64_t id; /* the check's */
	struct cor_health_check check;
	bool note_kept;
	/* A fitness check found the person unfit or deferred: their case was
	 * taken off its movement (service/movement.h). */
	struct cor_svc_taken_off taken_off;
};
int cor_svc_health_check(struct cor_ctx *cx, const struct cor_svc_health_record_in *in,
			 struct cor_svc_health_record_out *out);
int cor_svc_health_assess(struct cor_ctx *cx, const struct cor_svc_health_record_in *in,
			  struct cor_svc_health_record_out *out);
/* What was recorded: {"person":..., "case":..., "check":CHECK, "note_kept":true}
 * (CHECK as in health.show). New reference; NULL when out of memory. */
json_t *cor_svc_health_record_json(const struct cor_svc_health_record_out *out);

/* health.show (clinical false) or health.show_clinical (true). out->doc,
 * for the caller to json_decref:
 * {"person":PERSON, "fitness_to_travel":CHECK|null, "pre_migration":CHECK|null,
 *  "departure":null|{"at":"2026-03-04T08:00Z","window_hours":72,"valid":true,
 *                    "reason":null|"..."},
 *  "history":[CHECK, ...newest first],
 *  "clinical_notes":[{"check_id":1,"kind":...,"check_at":...,"written_at":...,
 *                     "author":...,"text":...}]   (health.show_clinical only)}
 * CHECK: {"id":1,"kind":"fitness_to_travel","at":"2026-03-01T08:00Z",
 *  "examiner":"Dr N. Haddad"|null,"outcome":"fit_with_conditions",
 *  "conditions":["oxygen"],"ssr_codes":["MEDA","OXYG"],"tb_class":"B2"|null}.
 * Refusals: as for the person of health.check; BAD_PARAMETER
 * "window_hours" outside 1..720. */
struct cor_svc_health_show_in {
	const char *person;
	bool clinical; /* the clinical notes too: permission health.clinical */
	bool has_departure;
	int64_t departure; /* does the latest fitness check hold for it? */
	int window_hours;  /* 0: COR_HEALTH_WINDOW_HOURS */
};
struct cor_svc_health_show_out {
	json_t *doc;
};
int cor_svc_health_show(struct cor_ctx *cx, const struct cor_svc_health_show_in *in,
			struct cor_svc_health_show_out *out);

#define COR_HEALTH_WINDOW_HOURS_MAX 720

extern const struct cor_op *const cor_ops_health[];

#endif
