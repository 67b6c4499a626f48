// SPDX-License-Identifier: Apache-2.0
// Importing a persons CSV into the store. Every row is validated; a case is
// imported whole or not at all (its rows must be consecutive); by default the
// whole file is one transaction that commits only when every row is good.
// With skip_bad, good cases are committed and the rows of bad ones are
// written to a rejects file that can be corrected and imported again.
#ifndef COR_IMPORT_H
#define COR_IMPORT_H

#include <stdbool.h>

#include "domain/date.h"
#include "store/store.h"

struct cor_import_opts {
	const char *path;         /* the CSV to read */
	bool skip_bad;            /* commit the good cases, reject the bad ones */
	const char *rejects_path; /* where rejected rows go (skip_bad only) */
	const char *actor;        /* recorded on each case's "imported" event */
	struct cor_date today;
};

struct cor_import_result {
	long rows, persons, cases;    /* read; imported; imported */
	long bad_rows, rejected_rows; /* with an issue; not imported (skip_bad) */
};

/* Import; each problem is passed to report() as one line for a person
 * ("persons.csv:12: birth_date: '1990-02-30' is not a real date..."). Returns
 * 0 when something was committed or the file was empty of rows; COR_EINVAL
 * when rows were bad and nothing was imported, or the file itself was
 * unusable (msg says why); other errors from the store. */
int cor_import_persons(struct cor_store *st, const struct cor_import_opts *o,
		       struct cor_import_result *res, void (*report)(const char *line, void *ctx),
		       void *ctx, char *msg, size_t msglen);

#endif
