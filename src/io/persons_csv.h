// SPDX-License-Identifier: Apache-2.0
// The persons CSV format (docs/import-csv.md): one row per person, the case's
// columns repeated on each of its rows. Reading parses RFC 4180 with libcsv
// and validates every field against the rules in src/domain; writing emits
// the same columns, so an export imports again unchanged.
#ifndef COR_PERSONS_CSV_H
#define COR_PERSONS_CSV_H

#include <stdio.h>

#include "domain/case.h"
#include "domain/counselling.h"
#include "domain/date.h"
#include "domain/health.h"
#include "domain/movement.h"
#include "domain/protection.h"

#define COR_CSV_MAX_ISSUES 8

/* A problem with one field of a row. */
struct cor_csv_issue {
	const char *column; /* the column's name; static */
	char msg[320];      /* a sentence quoting the bad value */
};

/* What a case holds beyond its persons, as the CSV carries it: where it is
 * and its latest counselling session (the columns of the case). */
struct cor_persons_case_records {
	char location[COR_LOCATION_CODE_MAX + 1]; /* "" when at its office */
	bool counselled;                          /* a session is given */
	char counsellor[COR_NAME_MAX + 1];
	char language[12];
	bool interpreter;
	enum cor_counselling_decision decision;
};

/* What a person holds beyond the person: the latest protection risk
 * assessment (and whether a protection officer has cleared it) and the
 * latest pre-migration health assessment. */
struct cor_persons_person_records {
	bool assessed;
	enum cor_protection_level risk;
	bool cleared; /* the latest assessment is cleared (a high risk only) */
	bool pre_migration;
	struct cor_health_check pm; /* kind COR_HEALTH_PRE_MIGRATION */
};

struct cor_persons_row {
	long line; /* physical line where the row starts (the header is line 1) */
	struct cor_case c;
	struct cor_person p;
	struct cor_document d;
	struct cor_persons_case_records cr;
	struct cor_persons_person_records pr;
	int nissues; /* > 0: the row is bad, and c/p/d are partly filled */
	struct cor_csv_issue issues[COR_CSV_MAX_ISSUES];
	int nfields; /* the row as read, for writing rejected rows */
	const char *const *fields;
	const char *const *header; /* the header as read, nfields names */
	int nheader;
};

/* Record an issue on a row (the extra ones past COR_CSV_MAX_ISSUES are
 * counted, not kept). */
void cor_persons_row_issue(struct cor_persons_row *r, const char *column, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Read a persons CSV from f; name is used in messages. For each row, valid
 * or not, calls row(r, ctx); a non-zero return stops the reading and is
 * returned. today bounds dates (no birth in the future). Returns 0 when the
 * file was read to its end, COR_EINVAL when the file itself is unusable (no
 * or a wrong header, broken quoting, a truncated last row), with a sentence
 * naming the file, line and column in msg. */
int cor_persons_csv_read(FILE *f, const char *name, struct cor_date today,
			 int (*row)(struct cor_persons_row *r, void *ctx), void *ctx, char *msg,
			 size_t msglen);

/* The columns, in the order written; NULL-terminated. */
extern const char *const cor_persons_csv_columns[];
/* Write the header line. */
void cor_persons_csv_write_header(FILE *f);
/* Write one row of a person: their case with its records cr (NULL: none),
 * the person with their records pr (NULL: none), and one document d (kind
 * COR_DOC_NONE: none). A person with several documents is one row each,
 * the other columns the same. */
void cor_persons_csv_write_row(FILE *f, const struct cor_case *c,
			       const struct cor_persons_case_records *cr,
			       const struct cor_person *p,
			       const struct cor_persons_person_records *pr,
			       const struct cor_document *d);
/* Write one field quoted as RFC 4180 needs (sep: the separator to put before it, or 0). */
void cor_csv_write_field(FILE *f, const char *v, char sep);

#endif
