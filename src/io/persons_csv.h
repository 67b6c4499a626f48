// SPDX-License-Identifier: Apache-2.0
// The persons CSV format (docs/import-csv.md): one row per person, the case's
// columns repeated on each of its rows. Reading parses RFC 4180 with libcsv
// and validates every field against the rules in src/domain; writing emits
// the same columns, so an export imports again unchanged.
#ifndef COR_PERSONS_CSV_H
#define COR_PERSONS_CSV_H

#include <stdio.h>

#include "domain/case.h"
#include "domain/date.h"

#define COR_CSV_MAX_ISSUES 8

/* A problem with one field of a row. */
struct cor_csv_issue {
	const char *column; /* the column's name; static */
	char msg[192];      /* a sentence quoting the bad value */
};

struct cor_persons_row {
	long line; /* physical line where the row starts (the header is line 1) */
	struct cor_case c;
	struct cor_person p;
	struct cor_document d;
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
/* Write one person. */
void cor_persons_csv_write_row(FILE *f, const struct cor_case *c, const struct cor_person *p,
			       const struct cor_document *d);
/* Write one field quoted as RFC 4180 needs (sep: the separator to put before it, or 0). */
void cor_csv_write_field(FILE *f, const char *v, char sep);

#endif
