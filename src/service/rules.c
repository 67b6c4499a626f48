// SPDX-License-Identifier: Apache-2.0
// rules.set and rules.show (see rules.h).
#include "service/rules.h"

#include <stdlib.h>
#include <string.h>

#include "service/json.h"

static int op_set(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_rules_set_in *in = vin;
	struct cor_svc_rules_set_out *out = vout;
	struct cor_rules_config cfg = cor_rules_config_default();
	char msg[300], *text = NULL;
	int err;

	if (in->len > COR_RULES_TEXT_MAX)
		return cor_error_set(&cx->err, COR_CODE_TOO_LARGE, "rules",
				     "the rules text is %zu bytes, more than the %d allowed",
				     in->len, COR_RULES_TEXT_MAX);
	if (memchr(in->text, '\0', in->len))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "rules",
				     "the rules text holds a NUL byte");
	if (cor_rules_config_parse(&cfg, in->text, in->len, in->source, msg, sizeof(msg)) < 0)
		return cor_error_set(&cx->err, COR_CODE_INVALID, "rules", "%s", msg);
	if (!(text = malloc(in->len + 1)))
		return cor_error_set(&cx->err, COR_CODE_NO_MEMORY, NULL, "out of memory");
	memcpy(text, in->text, in->len);
	text[in->len] = '\0';
	err = cor_store_rules_add(cx->st, text, cx->actor, &out->version);
	free(text);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

static int add_version(int version, const char *at, const char *by, void *ctx)
{
	json_t *a = ctx;
	return json_array_append_new(
		a, json_pack("{s:i, s:s, s:s}", "version", version, "set_at", at, "set_by", by));
}

static int op_show(struct cor_ctx *cx, const void *vin, void *vout)
{
	struct cor_svc_rules_show_out *out = vout;
	char *text = NULL;
	int version, err;
	json_t *versions = json_array();

	out->doc = NULL;
	if ((err = cor_store_rules_get(cx->st, &version, &text)) < 0 ||
	    (err = cor_store_rules_history(cx->st, add_version, versions)) < 0) {
		free(text);
		json_decref(versions);
		return cor_ctx_store_error(cx, err);
	}
	out->doc = json_pack("{s:i, s:s, s:o}", "version", version, "text", text, "versions",
			     versions);
	free(text);
	return out->doc ? 0 : cor_error_set(&cx->err, COR_CODE_NO_MEMORY, NULL, "out of memory");
}

static const struct cor_op op_rules_set = {"rules.set", COR_OP_WRITE, "rules.write", op_set,
					   "store a new version of the rules in force"};
static const struct cor_op op_rules_show = {"rules.show", COR_OP_READ, "rules.read", op_show,
					    "the rules in force and their versions"};

const struct cor_op *const cor_ops_rules[] = {&op_rules_set, &op_rules_show, NULL};

int cor_svc_rules_set(struct cor_ctx *cx, const struct cor_svc_rules_set_in *in,
		      struct cor_svc_rules_set_out *out)
{
	return cor_service_run(cx, &op_rules_set, in, out);
}

int cor_svc_rules_show(struct cor_ctx *cx, struct cor_svc_rules_show_out *out)
{
	return cor_service_run(cx, &op_rules_show, NULL, out);
}
