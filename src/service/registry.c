// SPDX-License-Identifier: Apache-2.0
// import and export (see registry.h).
#include "service/registry.h"

#include <string.h>

#include "service/case.h"
#include "store/store_numbers.h"

static int op_import(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_import_in *in = vin;
	struct cor_import_result *out = vout;
	struct cor_import_opts o = {.path = in->path,
				    .skip_bad = in->skip_bad,
				    .rejects_path = in->rejects_path,
				    .actor = cx->actor,
				    .today = cx->today};
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

struct export_run {
	const struct cor_svc_export_in *in;
	long rows;
};

static int export_row(const struct cor_case *c, const struct cor_person *p,
		      const struct cor_document *d, void *ctx)
{
	struct export_run *r = ctx;
	r->rows++;
	return r->in->row ? r->in->row(c, p, d, r->in->ctx) : 0;
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
	if ((err = cor_store_persons_each(cx->st, &in->filter, export_row, &r)) < 0)
		return cx->err.code ? err : cor_ctx_store_error(cx, err);
	out->rows = r.rows;
	return 0;
}

static const struct cor_op op_imp = {"registry.import", COR_OP_WRITE | COR_OP_LARGE, "case.write",
				     op_import, "import persons from a CSV, all or nothing"};
static const struct cor_op op_exp = {"registry.export", COR_OP_READ, "case.read", op_export,
				     "every person of the selected cases, streamed"};

const struct cor_op *const cor_ops_registry[] = {&op_imp, &op_exp, NULL};

int cor_svc_import(struct cor_ctx *cx, const struct cor_svc_import_in *in,
		   struct cor_import_result *out)
{
	memset(out, 0, sizeof(*out));
	return cor_service_run(cx, &op_imp, in, out);
}

int cor_svc_export(struct cor_ctx *cx, const struct cor_svc_export_in *in,
		   struct cor_svc_export_out *out)
{
	return cor_service_run(cx, &op_exp, in, out);
}
