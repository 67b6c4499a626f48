// SPDX-License-Identifier: Apache-2.0
// import and export (see registry.h).
#include "service/registry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/lifecycle.h"
#include "service/case.h"
#include "service/location.h"
#include "store/store_health.h"
#include "store/store_numbers.h"
#include "store/store_plan.h"
#include "store/store_search.h"
#include "store/store_workflow.h"

/* ---- import ------------------------------------------------------------ */

struct import_run {
	struct cor_ctx *cx;
	const char *path;
};

/* Is code a refusal of the input rather than a failure? */
static bool refused(enum cor_code code)
{
	return code == COR_CODE_NOT_FOUND || code == COR_CODE_REFUSED || code == COR_CODE_INVALID ||
	       code == COR_CODE_BAD_PARAMETER;
}

/* A case whose rows are good: put it where its file says, and check that
 * it could have come to its state along its programme's usual path, each
 * step with the rules of case.move on the records its rows gave it (the
 * gate import.c makes, nothing read back mid-write). Eligibility
 * is not evaluated again: it is judged on the day a case moves towards
 * departure (fitness to travel within days, documents valid on a travel
 * date), and a case imported at travel_ready has no travel date yet; a
 * move from here evaluates it as always. */
static int import_check(void *ctx, int64_t id, const struct cor_case *c,
			const struct cor_case_gate *gate, const char *location, long line,
			const char **column, char *msg, size_t msglen)
{
	struct import_run *run = ctx;
	struct cor_ctx *cx = run->cx;
	int err;
	if (location && *location) {
		char reason[COR_REASON_MAX];
		snprintf(reason, sizeof(reason), "imported from %s, line %ld", run->path, line);
		err = cor_svc_locate_case(cx, c->ref, c->office, c->origin, location, reason, NULL);
		if (err < 0 && !refused(cx->err.code))
			return err;
		if (err < 0) {
			*column = "location";
			snprintf(msg, msglen, "%s", cx->err.message);
			cor_error_clear(&cx->err);
			return 1;
		}
	}
	const struct cor_programme *p = cor_programme_find(c->programme);
	if (!p || !strcmp(c->state, "registered"))
		return 0;
	(void)id;
	for (const char *const *s = p->path; s[0] && s[1] && strcmp(s[0], c->state); s++) {
		struct cor_refusal why;
		if (cor_lifecycle_check(p, s[0], s[1], gate, &why) == 0)
			continue;
		snprintf(msg, msglen, "a case at '%s' has come through '%s': %s", c->state, s[1],
			 why.msg);
		*column = "case_state";
		return 1;
	}
	return 0;
}

/* ---- what the imported persons share with other cases ---------------- */

/* An imported person (a) and a person sharing one of a's duplicate keys
 * (b): one of a's documents (doc) or its birth date and names. */
struct shared {
	int64_t a, b;
	bool doc;
	char document[48]; /* "passport:A1234567" */
};

struct shared_run {
	const struct cor_import_result *res;
	struct shared *v;
	size_t n, cap;
};

static bool imported(const struct cor_import_result *res, int64_t id)
{
	size_t lo = 0, hi = res->nperson_ids;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (res->person_ids[mid] == id)
			return true;
		if (res->person_ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* A key two persons or more hold: a pair for each imported one of them. */
static int take_key(const char *key, int n, const int64_t *ids, void *ctx)
{
	struct shared_run *r = ctx;
	bool doc = key[1] < '0' || key[1] > '9'; /* "=passport:...", not "=1990-..." */
	for (int i = 0; i < n; i++) {
		if (!imported(r->res, ids[i]))
			continue;
		for (int j = 0; j < n; j++) {
			if (j == i)
				continue;
			if (r->n == r->cap) {
				size_t cap = r->cap ? 2 * r->cap : 256;
				struct shared *v = realloc(r->v, cap * sizeof(*v));
				if (!v)
					return COR_ENOMEM;
				r->v = v;
				r->cap = cap;
			}
			struct shared *s = &r->v[r->n++];
			*s = (struct shared){ids[i], ids[j], doc, ""};
			if (doc)
				snprintf(s->document, sizeof(s->document), "%s", key + 1);
		}
	}
	return 0;
}

static int by_a_then_b(const void *x, const void *y)
{
	const struct shared *p = x, *q = y;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return (int)q->doc - (int)p->doc; /* a document first */
}

struct found_batch {
	struct cor_person_found *f;
	int n;
};

static int take_found(const struct cor_person_found *f, void *ctx)
{
	struct found_batch *b = ctx;
	if (b->n < COR_PERSONS_BATCH)
		b->f[b->n++] = *f;
	return 0;
}

static int by_found_id(const void *x, const void *y)
{
	const struct cor_person_found *p = x, *q = y;
	return p->id < q->id ? -1 : p->id > q->id;
}

static const struct cor_person_found *found(const struct found_batch *b, int64_t id)
{
	struct cor_person_found key = {.id = id};
	return b->n ? bsearch(&key, b->f, (size_t)b->n, sizeof(*b->f), by_found_id) : NULL;
}

/* Read the persons of pairs from on, as many pairs as one batch holds
 * (never splitting the pairs of one imported person); *end is the first
 * pair not read. */
static int read_pairs(struct cor_store *st, const struct shared_run *r, size_t from,
		      struct found_batch *b, size_t *end)
{
	int64_t ids[COR_PERSONS_BATCH];
	int n = 0;
	size_t i = from;
	while (i < r->n) {
		size_t j = i;
		while (j < r->n && r->v[j].a == r->v[i].a)
			j++;
		if (n + 1 + (int)(j - i) > COR_PERSONS_BATCH && n > 0)
			break;
		ids[n++] = r->v[i].a;
		for (size_t k = i; k < j && n < COR_PERSONS_BATCH; k++)
			ids[n++] = r->v[k].b;
		i = j;
	}
	*end = i;
	b->n = 0;
	int err = cor_store_persons_by_ids(st, n, ids, take_found, b);
	if (err == 0 && b->n)
		qsort(b->f, (size_t)b->n, sizeof(*b->f), by_found_id);
	return err;
}

/* What the imported persons share with persons of other cases: one read of
 * the duplicate keys held twice or more (the index's range, whatever the
 * file's size), then the persons of those pairs in batches. A pair within
 * one case (a family) is not a duplicate. */
static int op_import_shared(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_import_in *in = vin;
	struct cor_import_result *res = vout;
	struct shared_run r = {res, NULL, 0, 0};
	struct found_batch b = {NULL, 0};
	char prefix[2] = {COR_KEY_DUP, '\0'};
	int err;
	res->held = res->duplicates = 0;
	if (!res->nperson_ids)
		return 0;
	if ((err = cor_store_keys_shared(cx->st, prefix, take_key, &r)) < 0)
		goto out;
	if (r.n) {
		qsort(r.v, r.n, sizeof(*r.v), by_a_then_b);
		if (!(b.f = malloc(COR_PERSONS_BATCH * sizeof(*b.f)))) {
			err = COR_ENOMEM;
			goto out;
		}
	}
	for (size_t i = 0, end = 0; i < r.n;) {
		if (i >= end && (err = read_pairs(cx->st, &r, i, &b, &end)) < 0)
			goto out;
		int64_t a = r.v[i].a;
		const struct cor_person_found *x = found(&b, a);
		bool dup = false, held = false;
		for (; i < r.n && r.v[i].a == a; i++) {
			const struct shared *s = &r.v[i];
			const struct cor_person_found *y = found(&b, s->b);
			if (!x || !y || x->case_id == y->case_id)
				continue;
			dup = true;
			/* Held before: by a person there already or earlier in the file. */
			if (!s->doc || held || (imported(res, s->b) && s->b > a))
				continue;
			held = true;
			char document[sizeof(s->document)];
			snprintf(document, sizeof(document), "%s", s->document);
			char *colon = strchr(document, ':');
			if (colon)
				*colon = ' ';
			struct cor_svc_import_held h = {x, y, document};
			if (in->held)
				in->held(&h, in->ctx);
		}
		res->duplicates += dup;
		res->held += held;
	}
	err = 0;
out:
	free(r.v);
	free(b.f);
	if (err < 0)
		return err == COR_ENOMEM
			       ? cor_error_set(&cx->err, COR_CODE_NO_MEMORY, NULL, "out of memory")
			       : cor_ctx_store_error(cx, err);
	return 0;
}

static int op_import(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_import_in *in = vin;
	struct cor_import_result *out = vout;
	struct cor_import_opts o = {.path = in->path,
				    .skip_bad = in->skip_bad,
				    .rejects_path = in->rejects_path,
				    .actor = cx->actor,
				    .today = cx->today};
	struct import_run run = {cx, in->path};
	o.check_case = import_check;
	o.check_ctx = &run;
	char msg[600];
	struct cor_numbering n;
	int err = cor_store_numbering_get(cx->st, &n);
	if (err < 0)
		return cor_ctx_store_error(cx, err);
	/* Imported cases keep the IDs they come with, and move the counters
	 * past them: only a primary has counters that give numbers. */
	if (n.device)
		return cor_error_set(&cx->err, COR_CODE_WRONG_STATE, "file",
				     "this database is the device '%s': cases with their own case "
				     "IDs are imported into the office's primary database",
				     n.name);
	err = cor_import_persons(cx->st, &o, out, in->report, in->ctx, msg, sizeof(msg));
	if (err == 0)
		return 0;
	if (err == COR_EINVAL)
		return cor_error_set(&cx->err, COR_CODE_INVALID, out->bad_rows ? "rows" : "file",
				     "%s", msg);
	if (err == COR_EIO)
		return cor_error_set(&cx->err, COR_CODE_STORE_FAILED, "file", "%s", msg);
	cor_error_set(&cx->err, cor_code_of_err(err), NULL, "%s", msg);
	return err;
}

/* ---- export ------------------------------------------------------------ */

struct export_run {
	const struct cor_svc_export_in *in;
	long rows;
};

/* A person's records as the persons CSV carries them: the case's latest
 * session, the person's latest protection risk (an unknown level is none)
 * and pre-migration check. */
static int export_row(const struct cor_store_export_row *sr, void *ctx)
{
	struct export_run *r = ctx;
	struct cor_persons_case_records cr = {0};
	struct cor_persons_person_records pr = {0};
	snprintf(cr.location, sizeof(cr.location), "%s", sr->location);
	if (sr->session_no > 0) {
		cr.counselled = true;
		snprintf(cr.counsellor, sizeof(cr.counsellor), "%s", sr->counsellor);
		snprintf(cr.language, sizeof(cr.language), "%s", sr->language);
		cr.interpreter = sr->interpreter;
		cr.decision = sr->decision;
	}
	if (sr->risk && cor_protection_level_parse(sr->risk, &pr.risk) == 0) {
		pr.assessed = true;
		pr.cleared = sr->risk_cleared;
	}
	if (sr->pre_migration) {
		pr.pre_migration = true;
		pr.pm = *sr->pre_migration;
	}
	r->rows++;
	struct cor_svc_export_row row = {sr->c, &cr, sr->p, &pr, sr->docs, (size_t)sr->ndocs};
	return r->in->row ? r->in->row(&row, r->in->ctx) : 0;
}

static int op_export(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_export_in *in = vin;
	struct cor_svc_export_out *out = vout;
	struct export_run r = {in, 0};
	int err;
	out->rows = 0;
	if ((err = cor_svc_case_filter_resolve(cx, &in->filter)) < 0)
		return err;
	/* A callback that stops the export ends it early: not a failure. */
	if ((err = cor_store_export_each(cx->st, &in->filter, export_row, &r)) < 0)
		return cx->err.code ? err : cor_ctx_store_error(cx, err);
	out->rows = r.rows;
	return 0;
}

static const struct cor_op op_imp = {"registry.import", COR_OP_WRITE | COR_OP_LARGE, "case.write",
				     op_import, "import persons from a CSV, all or nothing"};
static const struct cor_op op_exp = {"registry.export", COR_OP_READ, "case.read", op_export,
				     "every person of the selected cases, streamed"};

/* After the import's commit: the keys it wrote are in the index then (a
 * large write may keep them aside until it commits). */
static const struct cor_op op_shr = {"registry.import_shared", COR_OP_READ, "case.read",
				     op_import_shared,
				     "what the persons just imported share with other cases"};

const struct cor_op *const cor_ops_registry[] = {&op_imp, &op_shr, &op_exp, NULL};

/* The import is committed before what its persons share is read: a failure
 * of that read does not undo it. Then 0 still (the persons are in), held and
 * duplicates are -1 (not known), and cx->err says that the import was
 * committed and why the check failed, its code the failure's. */
int cor_svc_import(struct cor_ctx *cx, const struct cor_svc_import_in *in,
		   struct cor_import_result *out)
{
	memset(out, 0, sizeof(*out));
	int err = cor_service_run(cx, &op_imp, in, out);
	if (err == 0 && out->nperson_ids && cor_service_run(cx, &op_shr, in, out) < 0) {
		char why[sizeof(cx->err.message)];
		snprintf(why, sizeof(why), "%s", cx->err.message);
		cor_error_set(&cx->err, cx->err.code, NULL,
			      "imported %ld person%s; the check for documents held by other "
			      "cases and for possible duplicates failed: %s",
			      out->persons, out->persons == 1 ? "" : "s", why);
		out->held = out->duplicates = -1;
	}
	cor_import_result_release(out);
	return err;
}

int cor_svc_export(struct cor_ctx *cx, const struct cor_svc_export_in *in,
		   struct cor_svc_export_out *out)
{
	return cor_service_run(cx, &op_exp, in, out);
}
