// SPDX-License-Identifier: Apache-2.0
// Importing a persons CSV into the store, inside the caller's transaction
// (the import operation's large write, service/registry.h). Every row is
// validated; a case is imported whole or not at all (its rows must be
// consecutive); by default one bad row fails the whole import, and the
// caller rolls everything back. With skip_bad, the good cases are kept and
// the rows of bad ones are written to a rejects file that can be corrected
// and imported again. Every "imported" event is dated by the store's clock.
#ifndef COR_IMPORT_H
#define COR_IMPORT_H

#include <stdbool.h>

#include "domain/case.h"
#include "domain/date.h"
#include "domain/lifecycle.h"
#include "store/store.h"

struct cor_import_opts {
	const char *path;         /* the CSV to read */
	bool skip_bad;            /* commit the good cases, reject the bad ones */
	const char *rejects_path; /* where rejected rows go (skip_bad only) */
	const char *actor;        /* recorded on each case's "imported" event */
	struct cor_date today;
	/* Called for each case whose rows are all good, once its persons,
	 * documents and records are written: where the case is (location, ""
	 * for its office) and whether the state it comes in at follows from
	 * what it holds are the caller's rules. gate: what the case holds, from
	 * the records its rows carry and were written (a new case has no
	 * other), so that the check reads nothing back in the middle of a
	 * large write. Returns 0 to keep the case; 1 to refuse it, with
	 * *column (static) and a sentence in msg; a negative error to stop
	 * the import. NULL: every case is kept. */
	int (*check_case)(void *ctx, int64_t case_id, const struct cor_case *c,
			  const struct cor_case_gate *gate, const char *location, long line,
			  const char **column, char *msg, size_t msglen);
	void *check_ctx;
};

struct cor_import_result {
	long rows, persons, cases;    /* read; imported; imported */
	long bad_rows, rejected_rows; /* with an issue; not imported (skip_bad) */
	/* The internal ids of the persons imported, ascending (persons ids,
	 * of which nperson_ids are used): for what the caller looks up after
	 * the import. Released with cor_import_result_release. */
	int64_t *person_ids;
	size_t nperson_ids, capperson_ids;
	/* Found after the import by the service (service/registry.h): the
	 * persons imported whose document number a person of another case
	 * holds, and those who may be the same person as one of another case
	 * (the same document, or the same birth date and names alike). */
	long held, duplicates;
};

/* Free what res holds; it is then empty. */
void cor_import_result_release(struct cor_import_result *res);

/* Import within the open transaction; each problem is passed to report()
 * as one line for a person ("persons.csv:12: birth_date: '1990-02-30' is
 * not a real date..."). Returns 0 when every row was good (or, with
 * skip_bad, the good cases are written); COR_EINVAL when rows were bad
 * without skip_bad, or the file itself was unusable (msg says why), and the
 * caller must roll back; COR_EIO when a file cannot be opened; other errors
 * from the store. */
int cor_import_persons(struct cor_store *st, const struct cor_import_opts *o,
		       struct cor_import_result *res, void (*report)(const char *line, void *ctx),
		       void *ctx, char *msg, size_t msglen);

#endif
