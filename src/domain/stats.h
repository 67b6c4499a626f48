// SPDX-License-Identifier: Apache-2.0
// Aggregate statistics of a caseload: cases and persons by programme, state,
// office, priority, destination, nationality, sex and age band, specific-
// needs group and travel-document status. Built in one pass over per-person
// facts, whatever their source; holds counts only, never names. And the
// flows of a period: departures and arrivals per month, from per-case facts.
#ifndef COR_STATS_H
#define COR_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/date.h"

/* What statistics need of one person and their case. Strings are borrowed.
 * Persons of one case must arrive together. */
struct cor_person_facts {
	int64_t case_id;
	const char *programme, *state, *office, *priority, *destination;
	char sex;
	struct cor_date birth_date;
	const char *nationality;
	const char *need_groups; /* ';'-separated top-level groups ("SM;DS"), "" for none */
	bool has_travel_doc;     /* a travel document (not a visa) */
	bool doc_expires;        /* its latest expiry is known */
	struct cor_date doc_expiry;
};

enum cor_stat_dim {
	COR_STAT_PROGRAMME,
	COR_STAT_STATE,
	COR_STAT_OFFICE,
	COR_STAT_PRIORITY,
	COR_STAT_DESTINATION,
	COR_STAT_NATIONALITY,
	COR_STAT_SEX_AGE,  /* "F 0-4", "F 5-11", "F 12-17", "F 18-59", "F 60+", then M, X */
	COR_STAT_NEED,     /* persons with at least one need of the group */
	COR_STAT_DOCUMENT, /* valid 6 months or more / expires within 6 months / expired / none */
	COR_STAT__N
};

/* One row of an aggregate. */
struct cor_stat_row {
	const char *key;
	long cases;
	long persons;
};

struct cor_stats;

/* A new, empty aggregate; ages and document validity are taken on `on`.
 * NULL when out of memory. Free with cor_stats_free. */
struct cor_stats *cor_stats_new(struct cor_date on);
void cor_stats_free(struct cor_stats *s);
/* Count one person. COR_ENOMEM when out of memory. */
int cor_stats_add(struct cor_stats *s, const struct cor_person_facts *f);
/* Totals: distinct cases and persons counted. */
void cor_stats_totals(const struct cor_stats *s, long *cases, long *persons);
/* The rows of one dimension: largest first (sex and age in band order).
 * cb returns non-zero to stop; that value is returned. */
int cor_stats_each(const struct cor_stats *s, enum cor_stat_dim dim,
		   int (*cb)(const struct cor_stat_row *r, void *ctx), void *ctx);

/* ---- departures and arrivals per month ---------------------------------- */

#define COR_FLOW_MONTHS_MAX 120 /* the longest period: ten years */

/* What the flows need of one case: the UTC day it first departed and first
 * arrived (year 0: it has not), and how many persons it has. */
struct cor_case_travel {
	int persons;
	struct cor_date departed_on, arrived_on;
};

/* One month of a period (or the whole period): cases and their persons
 * that departed, and that arrived, on a day of it inside the period. */
struct cor_flow_row {
	int year, month; /* 0, 0 for the period's total */
	long departed_cases, departed_persons;
	long arrived_cases, arrived_persons;
};

struct cor_flows;

/* Is from..to a period flows can be counted over: from not after to, and
 * at most COR_FLOW_MONTHS_MAX calendar months? 0, or COR_EINVAL with a
 * sentence in msg ("the period ends on 2026-01-01, before it starts on
 * 2026-03-01"; "the period runs over 121 months; at most 120"). */
int cor_flows_period_check(struct cor_date from, struct cor_date to, char *msg, size_t len);
/* The empty flows of from..to (both days counted), a row per calendar month
 * it touches. NULL for a period the check refuses, or out of memory. Free
 * with cor_flows_free. */
struct cor_flows *cor_flows_new(struct cor_date from, struct cor_date to);
void cor_flows_free(struct cor_flows *f);
/* Count one case: its departure and its arrival each in its month when its
 * day is inside the period. */
void cor_flows_add(struct cor_flows *f, const struct cor_case_travel *t);
/* How many months; row i of them (oldest first); the period's total. */
size_t cor_flows_months(const struct cor_flows *f);
const struct cor_flow_row *cor_flows_row(const struct cor_flows *f, size_t i);
struct cor_flow_row cor_flows_total(const struct cor_flows *f);

#endif
