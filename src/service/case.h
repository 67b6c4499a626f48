// SPDX-License-Identifier: Apache-2.0
// The registry read and kept: cases (list, show, availability), the offices
// they belong to, and the caseload in aggregate (statistics). Each is an
// operation of the table (service.h); the JSON documents are the shapes the
// command line's --json prints and the HTTP API serves.
//
// Invariants:
//  - case.list streams: one callback a case, whatever the caseload, and
//    nothing is held in memory for the list itself;
//  - statistics hold counts only, never names;
//  - every refusal names the input field at fault ("case", "office",
//    "reason", "programme"...), never an option of a front end.
#ifndef COR_SERVICE_CASE_H
#define COR_SERVICE_CASE_H

#include <jansson.h>

#include "service/service.h"

/* ---- cases ---------------------------------------------------------------- */

/* Check a filter's values (BAD_PARAMETER, field "programme", "office",
 * "state", "nationality", "limit"): a value that can match nothing is a
 * mistake worth saying, not an empty list. */
int cor_svc_case_filter_check(struct cor_error *e, const struct cor_case_filter *f);
/* Inside an operation: the check above, and the office, when f names one,
 * must be there (OFFICE_NOT_FOUND, field "office"). */
int cor_svc_case_filter_resolve(struct cor_ctx *cx, const struct cor_case_filter *f);

/* case.list: the cases f selects, by registration date then case ID (the
 * oldest first), each given to
 * each(s, ctx) (borrowed for the call; a positive return stops the list
 * early, a negative one fails the operation, with cx->err set by the
 * callback or else the store's); out gets how many were given and how many
 * f matches (ignoring its limit). An office that is not there is
 * OFFICE_NOT_FOUND. */
struct cor_svc_case_list_in {
	struct cor_case_filter filter;
	int (*each)(const struct cor_case_summary *s, void *ctx);
	void *ctx;
};
struct cor_svc_case_list_out {
	long shown, total;
};
int cor_svc_case_list(struct cor_ctx *cx, const struct cor_svc_case_list_in *in,
		      struct cor_svc_case_list_out *out);
/* One case of a list: {"ref","programme","office","state","priority",
 * "persons","origin","destination","registered_on","nationality",
 * "principal"}. The list document is {"cases":[...],"shown":N,"total":N}. */
json_t *cor_svc_case_summary_json(const struct cor_case_summary *s);

/* case.show: a case with its persons (each with its documents and specific
 * needs) and its history. out->doc, for the caller to json_decref:
 * {"case":{"ref","programme","programme_name","office","origin",
 *   "origin_name","destination","destination_name","state","priority",
 *   "registered_on"},
 *  "persons":[{"ref","seq","relationship","family_name","given_names",
 *   "family_name_latin","given_names_latin","sex","birth_date",
 *   "birth_date_approx","nationality","languages":[...],
 *   "needs":[{"code","meaning"}],
 *   "documents":[{"kind","number","issuer","expires_on"}]}],
 *  "history":[{"at","actor","action","detail","reason","field","before",
 *   "after"}]}: field, before and after are a correction's (service/correct.h),
 * null for every other event.
 * CASE_NOT_FOUND (field "case") when there is no such case. */
struct cor_svc_case_show_in {
	const char *ref;
};
struct cor_svc_case_show_out {
	json_t *doc;
};
int cor_svc_case_show(struct cor_ctx *cx, const struct cor_svc_case_show_in *in,
		      struct cor_svc_case_show_out *out);

#define COR_REASON_MAX 500 /* bytes of a reason */

/* case.available: the day from which the planner may put the case on a
 * movement (on NULL: from now), with an event and its reason (NULL or ""
 * for none; at most COR_REASON_MAX bytes of text). */
struct cor_svc_case_available_in {
	const char *ref;
	const struct cor_date *on;
	const char *reason;
};
int cor_svc_case_available(struct cor_ctx *cx, const struct cor_svc_case_available_in *in);

/* ---- offices ------------------------------------------------------------ */

/* office.list: out->doc {"offices":[{"code","country","name"}]}, in code
 * order, for the caller to json_decref. */
struct cor_svc_office_list_out {
	json_t *doc;
};
int cor_svc_office_list(struct cor_ctx *cx, struct cor_svc_office_list_out *out);

/* office.add: a code like "NE-ZIN" that starts with the alpha-2 code of its
 * country (ISO 3166-1 alpha-3), and a name of 1 to 63 bytes of text.
 * INVALID (field "code", "country" or "name") for a bad value, EXISTS when
 * the code is taken. */
int cor_svc_office_add(struct cor_ctx *cx, const struct cor_office *in);

/* ---- statistics ----------------------------------------------------------- */

/* stats: the caseload in aggregate on a day (NULL: cx->today): ages and
 * document validity are counted on it. out->doc, for the caller to
 * json_decref:
 * {"as_of":"2026-11-27","totals":{"cases","persons","documents","events"},
 *  "by_programme":[{"key","cases","persons"}], "by_state", "by_priority",
 *  "by_office", "by_destination", "by_nationality", "by_sex_age",
 *  "by_need", "by_document"}, each list largest first (sex and age in band
 * order). */
struct cor_svc_stats_in {
	const struct cor_date *on;
};
struct cor_svc_stats_out {
	json_t *doc;
};
int cor_svc_stats(struct cor_ctx *cx, const struct cor_svc_stats_in *in,
		  struct cor_svc_stats_out *out);

/* stats.flows: departures and arrivals per month over a period (both days
 * counted), of one office and one programme when given: a case counts in
 * the month of the UTC day of its first move into 'departed', and in that
 * of its first move into 'arrived', with its persons. out->doc, for the
 * caller to json_decref:
 * {"from","to","office","programme" (null: all),
 *  "months":[{"month":"2026-01","departed":{"cases","persons"},
 *   "arrived":{"cases","persons"}}], "total":{"departed","arrived"}},
 * a row for every calendar month the period touches, oldest first.
 * Refusals: BAD_PARAMETER (field "from" or "to": a missing day; "to": it
 * is before from, or the period runs over COR_FLOW_MONTHS_MAX months;
 * "programme": not a programme; "office": not an office code),
 * OFFICE_NOT_FOUND (field "office"). Counts only, never names. */
struct cor_svc_stats_flows_in {
	const struct cor_date *from, *to;
	const char *office;    /* NULL: every office */
	const char *programme; /* NULL: every programme */
};
int cor_svc_stats_flows(struct cor_ctx *cx, const struct cor_svc_stats_flows_in *in,
			struct cor_svc_stats_out *out);

extern const struct cor_op *const cor_ops_case[];

#endif
