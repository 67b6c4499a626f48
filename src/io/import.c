// SPDX-License-Identifier: Apache-2.0
// The persons-CSV import. A reader thread parses and validates rows and
// passes them through a bounded queue to this thread, which writes them to
// the store: parsing and writing overlap on two cores, and the store keeps
// its single writer. The rows of one case form a group; without skip_bad the
// whole file is one transaction, with it each group is held in a savepoint
// until the next case begins, so a case is committed whole or not at all.
// Memory stays bounded by the queue and the largest case, whatever the file
// size.
#include "io/import.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/persons_csv.h"
#include "store/store_health.h"
#include "store/store_workflow.h"
#include "util/error.h"
#include "util/progress.h"

/* One row of the open group, kept to write it to the rejects file. */
struct held_row {
	long line;
	char *csv;    /* the row as CSV, without line end */
	char *errors; /* its own problems; NULL when the row itself is good */
};

/* The case refs whose rows were rejected (skip_bad), so that rows of the same
 * case further on are not imported as a partial case. Open addressing. */
struct ref_set {
	char **slots;
	size_t cap, used;
};

/* Events and documents wait here until PENDING_ROWS of a kind are ready (or
 * the group they belong to is closed in its savepoint, or the file ends) and
 * go to the store in one call: the store writes them in fewer statements.
 * Nothing reads them before, and a failure to write them stops the import
 * as a failure of each would. */
#define PENDING_ROWS 256
#define DETAIL_LEN   256
struct pending {
	int64_t ev_case[PENDING_ROWS];
	struct cor_event ev[PENDING_ROWS];
	char detail[PENDING_ROWS][DETAIL_LEN];
	size_t nev;
	int64_t doc_person[PENDING_ROWS];
	struct cor_document doc[PENDING_ROWS];
	size_t ndoc;
};

#define QUEUE_ROWS 2048
#define BATCH_ROWS 128 /* rows the writer takes at a time */

/* A row in flight from the reader thread: its own copy, with the row as CSV
 * when it may have to go to the rejects file. */
struct slot {
	struct cor_persons_row r;
	char *csv;
};

struct queue {
	pthread_mutex_t mu;
	pthread_cond_t not_empty, not_full; /* signalled when a batch is ready, half is free */
	struct slot slots[QUEUE_ROWS];
	size_t head, count;
	bool done;      /* the reader has finished */
	int reader_err; /* what cor_persons_csv_read returned */
	bool stop;      /* the writer wants no more rows */
	bool want_csv;  /* keep each row as CSV (skip_bad) */
	char *header;   /* the header as CSV, from the first row */
	FILE *f;
	const char *name;
	struct cor_date today;
	char msg[600];
};

struct importer {
	struct cor_store *st;
	const struct cor_import_opts *o;
	struct cor_import_result *res;
	void (*report)(const char *line, void *ctx);
	void *report_ctx;
	int64_t last_id_before; /* cases with a higher id came from this file */
	FILE *rejects;
	bool rejects_header;
	/* the open group: one case's consecutive rows */
	bool open;
	bool bad;
	bool has_principal;
	long first_line;
	long bad_line;
	long persons;
	int64_t case_id;
	struct cor_case c;
	bool head_ok; /* the group's first row was good: its case columns are the case's */
	/* its persons, for the checks between them (at most 99 a case) */
	struct member {
		long line;
		enum cor_relationship rel;
		struct cor_date birth;
		bool approx;
		int64_t pid;
		struct cor_person p; /* as its first row gave it */
		struct cor_persons_person_records pr;
	} members[99];
	struct cor_persons_case_records cr; /* the case's records, from its first row */
	int nmembers;
	int principal; /* index in members, -1 until seen */
	struct held_row *held;
	size_t nheld, capheld;
	struct ref_set rejected;
	struct cor_progress progress;
	char started[COR_TIME_LEN]; /* the time recorded on every "imported" event */
	struct pending *pending;
	int fatal; /* a store failure: stop */
	char *msg;
	size_t msglen;
};

static void say(struct importer *im, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void say(struct importer *im, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	im->report(line, im->report_ctx);
}

static char *row_as_csv(const struct cor_persons_row *r, int n, const char *const *fields)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (!m)
		return NULL;
	for (int i = 0; i < n; i++)
		cor_csv_write_field(m, fields[i], i ? ',' : 0);
	fclose(m);
	return buf;
}

/* Keep a row of the open group for the rejects file; takes csv. */
static int hold(struct importer *im, long line, char *csv, const char *header, const char *errors)
{
	if (!im->rejects) {
		free(csv);
		return 0;
	}
	if (!im->rejects_header) {
		fprintf(im->rejects, "%s,import_errors\r\n", header ? header : "");
		im->rejects_header = true;
	}
	if (im->nheld == im->capheld) {
		size_t cap = im->capheld ? 2 * im->capheld : 16;
		struct held_row *h = realloc(im->held, cap * sizeof(*h));
		if (!h) {
			free(csv);
			return COR_ENOMEM;
		}
		im->held = h;
		im->capheld = cap;
	}
	char *errs = NULL;
	if (errors && *errors && !(errs = strdup(errors))) {
		free(csv);
		return COR_ENOMEM;
	}
	im->held[im->nheld++] = (struct held_row){line, csv, errs};
	return 0;
}

static uint64_t ref_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static bool ref_set_has(const struct ref_set *set, const char *ref)
{
	if (!set->cap)
		return false;
	for (size_t j = ref_hash(ref) & (set->cap - 1); set->slots[j]; j = (j + 1) & (set->cap - 1))
		if (!strcmp(set->slots[j], ref))
			return true;
	return false;
}

static int ref_set_add(struct ref_set *set, const char *ref)
{
	if (!*ref || ref_set_has(set, ref))
		return 0;
	if (2 * (set->used + 1) > set->cap) {
		size_t cap = set->cap ? 2 * set->cap : 64;
		char **slots = calloc(cap, sizeof(*slots));
		if (!slots)
			return COR_ENOMEM;
		for (size_t i = 0; i < set->cap; i++) {
			if (!set->slots[i])
				continue;
			size_t j = ref_hash(set->slots[i]) & (cap - 1);
			while (slots[j])
				j = (j + 1) & (cap - 1);
			slots[j] = set->slots[i];
		}
		free(set->slots);
		set->slots = slots;
		set->cap = cap;
	}
	size_t j = ref_hash(ref) & (set->cap - 1);
	while (set->slots[j])
		j = (j + 1) & (set->cap - 1);
	if (!(set->slots[j] = strdup(ref)))
		return COR_ENOMEM;
	set->used++;
	return 0;
}

static void ref_set_free(struct ref_set *set)
{
	for (size_t i = 0; i < set->cap; i++)
		free(set->slots[i]);
	free(set->slots);
}

/* Write the held rows to the rejects file (a good row of a bad case says
 * which line made the case bad); drop them. */
static void flush_held(struct importer *im, bool reject)
{
	for (size_t i = 0; i < im->nheld; i++) {
		struct held_row *h = &im->held[i];
		if (reject) {
			char why[160];
			snprintf(why, sizeof(why),
				 "case_id: not imported: line %ld of case '%s' is bad",
				 im->bad_line, im->c.ref);
			fputs(h->csv ? h->csv : "", im->rejects);
			cor_csv_write_field(im->rejects, h->errors ? h->errors : why, ',');
			fputs("\r\n", im->rejects);
		}
		free(h->csv);
		free(h->errors);
	}
	im->nheld = 0;
}

/* Write the waiting events and documents. */
static int flush_pending(struct importer *im)
{
	struct pending *p = im->pending;
	int err = cor_store_events_add(im->st, p->nev, p->ev_case, p->ev);
	if (err == 0)
		err = cor_store_documents_add(im->st, p->ndoc, p->doc_person, p->doc);
	p->nev = p->ndoc = 0;
	return err;
}

/* Mark the open group bad for a problem found across its rows, said for
 * the row at line. */
static void group_bad(struct importer *im, long line)
{
	if (!im->bad)
		im->bad_line = line;
	im->bad = true;
	im->res->bad_rows++;
}

/* Each member's relationship is plausible against the principal's age
 * (cor_relationship_check). */
static void check_members(struct importer *im)
{
	const struct member *pa = &im->members[im->principal];
	char why[300];
	for (int i = 0; i < im->nmembers; i++) {
		const struct member *m = &im->members[i];
		if (i == im->principal ||
		    cor_relationship_check(m->rel, m->birth, m->approx, pa->birth, pa->approx, why,
					   sizeof(why)) == 0)
			continue;
		say(im, "%s:%ld: birth_date: %s", im->o->path, m->line, why);
		group_bad(im, m->line);
		/* The rejects file says it on that row. */
		for (size_t k = 0; k < im->nheld; k++) {
			struct held_row *h = &im->held[k];
			size_t n = strlen(why) + sizeof("birth_date: ");
			if (h->line == m->line && !h->errors && (h->errors = malloc(n)))
				snprintf(h->errors, n, "birth_date: %s", why);
		}
	}
}

/* Put a problem found for the whole case on the row at line of the rejects
 * file too. */
static void held_error(struct importer *im, long line, const char *column, const char *why)
{
	for (size_t k = 0; k < im->nheld; k++) {
		struct held_row *h = &im->held[k];
		size_t n = strlen(column) + strlen(why) + 3;
		if (h->line == line && !h->errors && (h->errors = malloc(n)))
			snprintf(h->errors, n, "%s: %s", column, why);
	}
}

/* Write the records the case's rows carry (its counselling session, each
 * person's protection and pre-migration health assessments), each with its
 * event, as the commands would; then let the caller check the case. */
static int write_records(struct importer *im)
{
	int err;
	/* The "imported" event comes first in the case's history, and its
	 * documents are stored before anything reads them. */
	if ((err = flush_pending(im)) < 0)
		return err;
	if (im->cr.counselled) {
		struct cor_counselling s = {.counsellor = im->cr.counsellor,
					    .language = im->cr.language,
					    .interpreter = im->cr.interpreter,
					    .decision = im->cr.decision};
		int no;
		if ((err = cor_store_counselling_session_add(im->st, im->case_id, &s, im->o->actor,
							     &no, NULL)) < 0)
			return err;
	}
	for (int i = 0; i < im->nmembers; i++) {
		const struct member *m = &im->members[i];
		char ref[COR_PERSON_REF_MAX], grounds[COR_REASON_MAX];
		if (!m->pr.assessed && !m->pr.pre_migration)
			continue;
		snprintf(ref, sizeof(ref), "%s-%02d", im->c.ref, m->p.seq);
		if (m->pr.assessed) {
			snprintf(grounds, sizeof(grounds),
				 "assessed before the import; imported from %s, line %ld",
				 im->o->path, m->line);
			int no;
			if ((err = cor_store_protection_assessment_add(im->st, im->case_id, m->pid,
								       ref, m->pr.risk, grounds,
								       im->o->actor, &no)) < 0)
				return err;
			struct cor_protection_latest l;
			int64_t aid;
			snprintf(grounds, sizeof(grounds),
				 "cleared before the import; imported from %s, line %ld",
				 im->o->path, m->line);
			if (m->pr.cleared &&
			    ((err = cor_store_protection_latest(im->st, m->pid, &l, &aid)) < 0 ||
			     (err = cor_store_protection_clearance_add(im->st, im->case_id, aid,
								       ref, no, grounds,
								       im->o->actor)) < 0))
				return err;
		}
		if (m->pr.pre_migration) {
			struct cor_person_found who = {.id = m->pid, .case_id = im->case_id};
			struct cor_health_check h = m->pr.pm;
			int64_t hid;
			memcpy(who.ref, ref, sizeof(who.ref));
			who.c = im->c;
			who.p = m->p;
			if (!h.examiner[0])
				snprintf(h.examiner, sizeof(h.examiner), "%s", im->o->actor);
			if ((err = cor_store_health_add(im->st, &who, &h, im->o->actor, &hid)) < 0)
				return err;
		}
	}
	if (!im->o->check_case)
		return 0;
	/* What the case now holds: the records just written, nothing else. */
	struct cor_case_gate gate = {.ref = im->c.ref, .persons = im->nmembers};
	if (im->cr.counselled) {
		gate.sessions = 1;
		gate.decision = cor_counselling_decision_name(im->cr.decision);
	}
	for (int i = 0; i < im->nmembers; i++) {
		const struct member *m = &im->members[i];
		gate.persons_assessed += m->pr.assessed;
		gate.persons_pre_migration += m->pr.pre_migration;
		if (m->pr.assessed && m->pr.risk == COR_PROT_HIGH && !m->pr.cleared &&
		    !gate.persons_at_risk++)
			cor_person_ref_format(gate.person_at_risk, sizeof(gate.person_at_risk),
					      im->c.ref, m->p.seq);
	}
	const char *column = "case_id";
	char why[COR_CSV_MAX_ISSUES * 340];
	err = im->o->check_case(im->o->check_ctx, im->case_id, &im->c, &gate, im->cr.location,
				im->first_line, &column, why, sizeof(why));
	if (err < 0)
		return err;
	if (err > 0) {
		say(im, "%s:%ld: %s: %s", im->o->path, im->first_line, column, why);
		group_bad(im, im->first_line);
		held_error(im, im->first_line, column, why);
	}
	return 0;
}

/* Keep the ids of the persons of the group just imported. */
static int keep_ids(struct importer *im)
{
	struct cor_import_result *res = im->res;
	size_t need = res->nperson_ids + (size_t)im->nmembers;
	if (need > res->capperson_ids) {
		size_t cap = res->capperson_ids ? 2 * res->capperson_ids : 1024;
		while (cap < need)
			cap *= 2;
		int64_t *v = realloc(res->person_ids, cap * sizeof(*v));
		if (!v)
			return COR_ENOMEM;
		res->person_ids = v;
		res->capperson_ids = cap;
	}
	for (int i = 0; i < im->nmembers; i++)
		res->person_ids[res->nperson_ids++] = im->members[i].pid;
	return 0;
}

void cor_import_result_release(struct cor_import_result *res)
{
	free(res->person_ids);
	res->person_ids = NULL;
	res->nperson_ids = res->capperson_ids = 0;
}

/* Close the open group: keep it, or undo it when any row was bad. */
static int close_group(struct importer *im)
{
	int err = 0;
	if (!im->open)
		return 0;
	im->open = false;
	if (!im->bad && !im->has_principal) {
		say(im, "%s:%ld: person_no: case '%s' has no person 1 (the principal applicant)",
		    im->o->path, im->first_line, im->c.ref);
		group_bad(im, im->first_line);
	}
	if (!im->bad && im->principal >= 0)
		check_members(im);
	if (!im->bad && (err = write_records(im)) < 0)
		return err;
	/* Without skip_bad one bad row rolls back the whole file: groups need
	 * no savepoint of their own. */
	if (im->bad) {
		/* With skip_bad what waits is this group's (the last one's was
		 * written when it closed): it goes with the group. */
		if (im->o->skip_bad)
			im->pending->nev = im->pending->ndoc = 0;
		if (im->o->skip_bad && (err = cor_store_undo(im->st)) < 0)
			return err;
		if (im->o->skip_bad && (err = ref_set_add(&im->rejected, im->c.ref)) < 0)
			return err;
		im->res->rejected_rows += (long)im->nheld;
		flush_held(im, true);
		return 0;
	}
	if (im->o->skip_bad &&
	    ((err = flush_pending(im)) < 0 || (err = cor_store_release(im->st)) < 0))
		return err;
	im->res->cases++;
	im->res->persons += im->persons;
	flush_held(im, false);
	return keep_ids(im);
}

static int open_group(struct importer *im, const struct cor_persons_row *r)
{
	int err = im->o->skip_bad ? cor_store_mark(im->st) : 0;
	if (err < 0)
		return err;
	im->open = true;
	im->bad = false;
	im->has_principal = false;
	im->first_line = r->line;
	im->bad_line = 0;
	im->head_ok = r->nissues == 0;
	im->persons = 0;
	im->case_id = 0;
	im->c = r->c;
	im->cr = r->cr;
	im->nmembers = 0;
	im->principal = -1;
	return 0;
}

/* Does a row repeat its case's columns exactly? */
static void check_same_case(struct importer *im, struct cor_persons_row *r)
{
	const struct cor_case *a = &im->c, *b = &r->c;
	const struct cor_persons_case_records *x = &im->cr, *y = &r->cr;
	const char *col = strcmp(a->programme, b->programme)                 ? "programme"
			  : strcmp(a->office, b->office)                     ? "office"
			  : strcmp(a->origin, b->origin)                     ? "origin"
			  : strcmp(a->destination, b->destination)           ? "destination"
			  : strcmp(a->state, b->state)                       ? "case_state"
			  : a->priority != b->priority                       ? "priority"
			  : cor_date_cmp(a->registered_on, b->registered_on) ? "registered_on"
			  : strcmp(x->location, y->location)                 ? "location"
			  : strcmp(x->counsellor, y->counsellor)             ? "counsellor"
			  : strcmp(x->language, y->language) ? "counselling_language"
			  : x->interpreter != y->interpreter ? "interpreter"
			  : x->counselled != y->counselled || x->decision != y->decision
				  ? "decision"
				  : NULL;
	if (col)
		cor_persons_row_issue(r, col, "differs from line %ld for the same case '%s'",
				      im->first_line, a->ref);
}

/* The column in which a further row of a person differs from the person's
 * first row, or NULL. */
static const char *person_differs(const struct member *m, const struct cor_persons_row *r)
{
	const struct cor_person *a = &m->p, *b = &r->p;
	const struct cor_persons_person_records *x = &m->pr, *y = &r->pr;
	return a->relationship != b->relationship                   ? "relationship"
	       : strcmp(a->family_name_latin, b->family_name_latin) ? "family_name_latin"
	       : strcmp(a->given_names_latin, b->given_names_latin) ? "given_names_latin"
	       : strcmp(a->family_name, b->family_name)             ? "family_name"
	       : strcmp(a->given_names, b->given_names)             ? "given_names"
	       : a->sex != b->sex                                   ? "sex"
	       : cor_date_cmp(a->birth_date, b->birth_date)         ? "birth_date"
	       : a->birth_date_approx != b->birth_date_approx       ? "birth_date_approx"
	       : strcmp(a->nationality, b->nationality)             ? "nationality"
	       : strcmp(a->languages, b->languages)                 ? "languages"
	       : strcmp(a->needs, b->needs)                         ? "specific_needs"
	       : x->assessed != y->assessed || x->risk != y->risk   ? "protection_risk"
	       : x->cleared != y->cleared                           ? "protection_cleared"
	       : x->pre_migration != y->pre_migration || x->pm.outcome != y->pm.outcome
		       ? "pre_migration_outcome"
	       : x->pre_migration && x->pm.at != y->pm.at ? "pre_migration_at"
	       : strcmp(x->pm.examiner, y->pm.examiner)   ? "pre_migration_by"
	       : x->pm.conditions != y->pm.conditions     ? "pre_migration_conditions"
	       : x->pm.tb != y->pm.tb                     ? "pre_migration_tb"
							  : NULL;
}

/* Queue document d of person pid. */
static int add_document(struct importer *im, int64_t pid, const struct cor_document *d)
{
	struct pending *p = im->pending;
	int err;
	if (p->ndoc == PENDING_ROWS && (err = flush_pending(im)) < 0)
		return err;
	p->doc[p->ndoc] = *d;
	p->doc_person[p->ndoc++] = pid;
	return 0;
}

/* Store one valid row; store refusals become issues on the row. */
static int store_row(struct importer *im, struct cor_persons_row *r, bool new_group)
{
	int err;
	if (new_group) {
		if (ref_set_has(&im->rejected, r->c.ref)) {
			cor_persons_row_issue(r, "case_id",
					      "the rows of case '%s' must be consecutive; it "
					      "appeared earlier in the file",
					      r->c.ref);
			return 0;
		}
		err = cor_store_case_add(im->st, &r->c, &im->case_id);
		if (err == COR_EEXIST) {
			int64_t id = 0;
			cor_store_case_get(im->st, r->c.ref, &id, NULL);
			if (id > im->last_id_before)
				cor_persons_row_issue(
					r, "case_id",
					"the rows of case '%s' must be consecutive; it "
					"appeared earlier in the file",
					r->c.ref);
			else
				cor_persons_row_issue(r, "case_id",
						      "case '%s' already exists in the database",
						      r->c.ref);
			return 0;
		}
		if (err == COR_ENOTFOUND) {
			cor_persons_row_issue(r, "office", "no office '%s'", r->c.office);
			return 0;
		}
		if (err < 0)
			return err;
		struct pending *p = im->pending;
		if (p->nev == PENDING_ROWS && (err = flush_pending(im)) < 0)
			return err;
		char *detail = p->detail[p->nev];
		snprintf(detail, DETAIL_LEN, "imported from %s, line %ld", im->o->path, r->line);
		struct cor_event *e = &p->ev[p->nev];
		*e = (struct cor_event){.actor = im->o->actor,
					.action = "imported",
					.detail = detail,
					.reason = ""};
		memcpy(e->at, im->started, sizeof(e->at));
		p->ev_case[p->nev++] = im->case_id;
	} else {
		if (im->head_ok)
			check_same_case(im, r);
		if (r->nissues || !im->case_id)
			return 0;
		/* A further row of the person just read: one more document. */
		const struct member *last = im->nmembers ? &im->members[im->nmembers - 1] : NULL;
		if (last && last->p.seq == r->p.seq) {
			const char *col = person_differs(last, r);
			/* Another name or birth: another person with the same number. */
			if (col && (!strcmp(col, "relationship") || strstr(col, "names") ||
				    strstr(col, "family_name") || !strcmp(col, "sex") ||
				    !strcmp(col, "birth_date"))) {
				cor_persons_row_issue(r, "person_no",
						      "case '%s' already has a person %d", r->c.ref,
						      r->p.seq);
				return 0;
			}
			if (col) {
				cor_persons_row_issue(
					r, col,
					"differs from line %ld for the same person %d "
					"of case '%s'",
					last->line, r->p.seq, r->c.ref);
				return 0;
			}
			if (r->d.kind == COR_DOC_NONE) {
				cor_persons_row_issue(
					r, "doc_type",
					"is empty on a further row of person %d of case "
					"'%s' (line %ld): each further row of a person "
					"carries one more document",
					r->p.seq, r->c.ref, last->line);
				return 0;
			}
			return add_document(im, last->pid, &r->d);
		}
	}
	int64_t pid;
	err = cor_store_person_add(im->st, im->case_id, &r->p, &pid);
	if (err == COR_EEXIST) {
		cor_persons_row_issue(r, "person_no", "case '%s' already has a person %d", r->c.ref,
				      r->p.seq);
		return 0;
	}
	if (err < 0)
		return err;
	if (r->d.kind != COR_DOC_NONE && (err = add_document(im, pid, &r->d)) < 0)
		return err;
	im->persons++;
	if (r->p.seq == 1)
		im->has_principal = true;
	if (im->nmembers < (int)(sizeof(im->members) / sizeof(im->members[0]))) {
		if (r->p.seq == 1)
			im->principal = im->nmembers;
		im->members[im->nmembers++] = (struct member){r->line,
							      r->p.relationship,
							      r->p.birth_date,
							      r->p.birth_date_approx,
							      pid,
							      r->p,
							      r->pr};
	}
	return 0;
}

/* Write one row from the queue (or record why not). Takes slot->csv. */
static int take_row(struct importer *im, struct slot *slot, const char *header)
{
	struct cor_persons_row *r = &slot->r;
	int err = 0;
	bool new_group = !im->open || strcmp(im->c.ref, r->c.ref) || !r->c.ref[0];

	im->res->rows++;
	cor_progress_update(&im->progress, im->res->rows);
	if (new_group && (err = close_group(im)) < 0)
		goto fatal;
	if (new_group && (err = open_group(im, r)) < 0)
		goto fatal;
	if (!r->nissues && (err = store_row(im, r, new_group)) < 0)
		goto fatal;

	char errors[COR_CSV_MAX_ISSUES * 340];
	size_t used = 0;
	errors[0] = '\0';
	for (int i = 0; i < r->nissues && i < COR_CSV_MAX_ISSUES; i++) {
		say(im, "%s:%ld: %s: %s", im->o->path, r->line, r->issues[i].column,
		    r->issues[i].msg);
		used += (size_t)snprintf(errors + used, sizeof(errors) - used, "%s%s: %s",
					 i ? "; " : "", r->issues[i].column, r->issues[i].msg);
	}
	if (r->nissues > COR_CSV_MAX_ISSUES)
		say(im, "%s:%ld: and %d more problems on this row", im->o->path, r->line,
		    r->nissues - COR_CSV_MAX_ISSUES);
	if (r->nissues) {
		im->res->bad_rows++;
		if (!im->bad)
			im->bad_line = r->line;
		im->bad = true;
	}
	err = hold(im, r->line, slot->csv, header, errors);
	slot->csv = NULL;
	if (err < 0)
		goto fatal;
	return 0;
fatal:
	free(slot->csv);
	slot->csv = NULL;
	im->fatal = err;
	snprintf(im->msg, im->msglen, "%s",
		 err == COR_ENOMEM ? "out of memory" : cor_store_errmsg(im->st));
	return err;
}

/* ---- the reader thread ------------------------------------------------ */

/* Copy a parsed row into the queue; waits while the queue is full. */
static int enqueue(struct cor_persons_row *r, void *ctx)
{
	struct queue *q = ctx;
	char *csv = NULL;
	if (q->want_csv) {
		if (!q->header) {
			char *h = row_as_csv(r, r->nheader, r->header);
			pthread_mutex_lock(&q->mu);
			q->header = h;
			pthread_mutex_unlock(&q->mu);
		}
		if (!(csv = row_as_csv(r, r->nfields, r->fields)))
			return COR_ENOMEM;
	}
	pthread_mutex_lock(&q->mu);
	while (q->count == QUEUE_ROWS && !q->stop)
		pthread_cond_wait(&q->not_full, &q->mu);
	if (q->stop) {
		pthread_mutex_unlock(&q->mu);
		free(csv);
		return 1; /* the writer gave up: stop reading */
	}
	struct slot *sl = &q->slots[(q->head + q->count) % QUEUE_ROWS];
	sl->r = *r;
	sl->r.fields = sl->r.header = NULL; /* they belong to the reader */
	sl->r.nfields = sl->r.nheader = 0;
	sl->csv = csv;
	/* Wake the writer only when a batch is ready: a signal per row costs
	 * more than the row. */
	if (++q->count == BATCH_ROWS)
		pthread_cond_signal(&q->not_empty);
	pthread_mutex_unlock(&q->mu);
	return 0;
}

static void *reader_main(void *arg)
{
	struct queue *q = arg;
	int err = cor_persons_csv_read(q->f, q->name, q->today, enqueue, q, q->msg, sizeof(q->msg));
	pthread_mutex_lock(&q->mu);
	q->reader_err = err;
	q->done = true;
	pthread_cond_signal(&q->not_empty);
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

/* Take rows off the queue and write them until the reader is done or
 * writing fails. Returns 0 or the writer's error. The writer works on the
 * rows in their slots: the reader only fills slots outside [head, head +
 * count), and the slots are handed back once written. */
static int drain(struct importer *im, struct queue *q)
{
	int err = 0;
	for (;;) {
		pthread_mutex_lock(&q->mu);
		while (q->count < BATCH_ROWS && !q->done)
			pthread_cond_wait(&q->not_empty, &q->mu);
		size_t n = q->count < BATCH_ROWS ? q->count : BATCH_ROWS, head = q->head;
		const char *header = q->header;
		pthread_mutex_unlock(&q->mu);
		if (n == 0)
			return 0;
		for (size_t i = 0; i < n; i++) {
			struct slot *sl = &q->slots[(head + i) % QUEUE_ROWS];
			if (err < 0) {
				free(sl->csv);
				sl->csv = NULL;
				continue;
			}
			err = take_row(im, sl, header);
		}
		pthread_mutex_lock(&q->mu);
		/* Wake a reader waiting on a full queue only once half of it is
		 * free: each wake-up costs tens of microseconds. */
		bool crossed = q->count > QUEUE_ROWS / 2 && q->count - n <= QUEUE_ROWS / 2;
		q->head = (q->head + n) % QUEUE_ROWS;
		q->count -= n;
		if (err < 0)
			q->stop = true;
		if (crossed || err < 0)
			pthread_cond_signal(&q->not_full);
		pthread_mutex_unlock(&q->mu);
		if (err < 0)
			return err;
	}
}

int cor_import_persons(struct cor_store *st, const struct cor_import_opts *o,
		       struct cor_import_result *res, void (*report)(const char *line, void *ctx),
		       void *ctx, char *msg, size_t msglen)
{
	struct importer im = {.st = st,
			      .o = o,
			      .res = res,
			      .report = report,
			      .report_ctx = ctx,
			      .msg = msg,
			      .msglen = msglen};
	FILE *f = NULL;
	int err;

	memset(res, 0, sizeof(*res));
	msg[0] = '\0';
	f = fopen(o->path, "r");
	if (!f) {
		snprintf(msg, msglen, "cannot open '%s': %s", o->path, strerror(errno));
		return COR_EIO;
	}
	if (o->skip_bad) {
		im.rejects = fopen(o->rejects_path, "w");
		if (!im.rejects) {
			snprintf(msg, msglen, "cannot write rejected rows to '%s': %s",
				 o->rejects_path, strerror(errno));
			fclose(f);
			return COR_EIO;
		}
	}
	if (!(im.pending = calloc(1, sizeof(*im.pending)))) {
		snprintf(msg, msglen, "out of memory");
		fclose(f);
		if (im.rejects)
			fclose(im.rejects);
		return COR_ENOMEM;
	}
	cor_progress_init(&im.progress, "importing", "rows", 0);
	cor_store_now(st, im.started);
	if ((err = cor_store_case_last_id(st, &im.last_id_before)) < 0) {
		snprintf(msg, msglen, "%s", cor_store_errmsg(st));
		goto out;
	}
	/* Parse on a second thread while this one writes. */
	struct queue *q = calloc(1, sizeof(*q));
	pthread_t reader;
	if (!q) {
		snprintf(msg, msglen, "out of memory");
		err = COR_ENOMEM;
		goto out;
	}
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->not_empty, NULL);
	pthread_cond_init(&q->not_full, NULL);
	q->want_csv = o->skip_bad;
	q->f = f;
	q->name = o->path;
	q->today = o->today;
	if (pthread_create(&reader, NULL, reader_main, q) != 0) {
		snprintf(msg, msglen, "cannot start the reader thread");
		err = COR_EIO;
	} else {
		err = drain(&im, q);
		pthread_join(reader, NULL);
		/* Rows the writer did not take (it stopped) are dropped. */
		for (size_t i = 0; i < q->count; i++)
			free(q->slots[(q->head + i) % QUEUE_ROWS].csv);
		if (err == 0 && q->reader_err < 0) {
			err = q->reader_err;
			snprintf(msg, msglen, "%s", q->msg);
		}
	}
	pthread_cond_destroy(&q->not_empty);
	pthread_cond_destroy(&q->not_full);
	pthread_mutex_destroy(&q->mu);
	free(q->header);
	free(q);
	if (err == 0 && ((err = close_group(&im)) < 0 || (err = flush_pending(&im)) < 0))
		snprintf(msg, msglen, "%s", cor_store_errmsg(st));
	if (err < 0)
		goto out;
	if (res->bad_rows && !o->skip_bad) {
		snprintf(msg, msglen, "%s: %ld bad row%s of %ld; nothing was imported", o->path,
			 res->bad_rows, res->bad_rows == 1 ? "" : "s", res->rows);
		err = COR_EINVAL;
		goto out;
	}
out:
	cor_progress_end(&im.progress);
	if (err < 0) {
		res->cases = res->persons = 0;
		cor_import_result_release(res);
	}
	flush_held(&im, false);
	free(im.held);
	free(im.pending);
	ref_set_free(&im.rejected);
	if (im.rejects && fclose(im.rejects) != 0 && err == 0) {
		snprintf(msg, msglen, "cannot write rejected rows to '%s'", o->rejects_path);
		err = COR_EIO;
	}
	fclose(f);
	return err;
}
