// SPDX-License-Identifier: Apache-2.0
// The registry in and out: import (a persons CSV, validated row by row, all
// or nothing unless bad cases are to be skipped) and export (every person of
// the cases a filter selects, streamed to a writer). The CSV format is
// io/persons_csv.h's; docs/import-csv.md is the reference.
//
// Invariants:
//  - import is one large write: it changes everything it says or nothing
//    (without skip_bad, one bad row and nothing is imported);
//  - export streams: one callback a person, in case then person order,
//    whatever the caseload, and writes nothing.
#ifndef COR_SERVICE_REGISTRY_H
#define COR_SERVICE_REGISTRY_H

#include "io/import.h"
#include "io/persons_csv.h"
#include "service/service.h"
#include "store/store_health.h"

/* import: the persons of the CSV at in->path (the actor is cx's, the
 * "imported" events dated at cx->now, birth dates bounded by cx->today).
 * Each row problem goes to report(line, ctx) as it is found. INVALID (field
 * "rows") when rows are bad without skip_bad, the message counting them;
 * INVALID (field "file") when the file itself is unusable; STORE_FAILED when
 * a file cannot be opened or the store fails. */
struct cor_svc_import_held {
	const struct cor_person_found *person; /* imported */
	const struct cor_person_found *other;  /* of another case, there before or earlier
						  in the file */
	const char *document;                  /* "passport A1234567" */
};
struct cor_svc_import_in {
	const char *path;         /* the CSV to read */
	bool skip_bad;            /* keep the good cases, reject the bad ones */
	const char *rejects_path; /* where rejected rows go (skip_bad only) */
	void (*report)(const char *line, void *ctx);
	/* Once the import is written, each imported person whose document
	 * number a person of another case holds too (NULL: counted only). */
	void (*held)(const struct cor_svc_import_held *h, void *ctx);
	void *ctx;
};
/* After a successful import, out->held and out->duplicates count the
 * imported persons whose document number another case holds, and those
 * who may be the same person as one of another case (the keys of
 * duplicates.list, read once for the whole file, after the import's
 * commit). When that read fails the import stays committed: 0 still, held
 * and duplicates -1, and cx->err saying so and why. out holds no memory on
 * return. */
int cor_svc_import(struct cor_ctx *cx, const struct cor_svc_import_in *in,
		   struct cor_import_result *out);

/* One person as export gives it: the case with its records (where it is,
 * its latest counselling session), the person with theirs (the latest
 * protection risk and pre-migration health assessments) and every document
 * the person holds, oldest first (voided ones are history: not given). */
struct cor_svc_export_row {
	const struct cor_case *c;
	const struct cor_persons_case_records *cr;
	const struct cor_person *p;
	const struct cor_persons_person_records *pr;
	const struct cor_document *docs;
	size_t ndocs;
};

/* export: every person of the cases f selects (its limit counts cases),
 * each given to row(); a non-zero return stops the export (a negative one
 * fails it). out gets the number of persons given. */
struct cor_svc_export_in {
	struct cor_case_filter filter;
	int (*row)(const struct cor_svc_export_row *r, void *ctx);
	void *ctx;
};
struct cor_svc_export_out {
	long rows;
};
int cor_svc_export(struct cor_ctx *cx, const struct cor_svc_export_in *in,
		   struct cor_svc_export_out *out);

extern const struct cor_op *const cor_ops_registry[];

#endif
