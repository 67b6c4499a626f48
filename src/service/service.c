// SPDX-License-Identifier: Apache-2.0
// The context of an operation and the one dispatcher every operation goes
// through (see service.h).
#include "service/service.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/tz.h"

static bool printable_actor(const char *a)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)a; *p; p++, n++)
		if (*p < 0x20 || *p == 0x7f)
			return false;
	return n > 0 && n <= COR_ACTOR_MAX;
}

int cor_ctx_set_now(struct cor_ctx *cx, const char *now)
{
	int64_t t;
	struct tm tm;
	if (!now || cor_time_parse_utc(now, &t) < 0)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "now",
				     "'%s' is not a UTC time like 2026-11-27T12:00:00Z",
				     now ? now : "");
	time_t tt = (time_t)t;
	if (!gmtime_r(&tt, &tm) || tm.tm_year + 1900 < 1 || tm.tm_year + 1900 > 9999)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "now",
				     "'%s' is out of range", now);
	strftime(cx->now, sizeof(cx->now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	cx->today = (struct cor_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
	return 0;
}

int cor_ctx_init(struct cor_ctx *cx, struct cor_store *st, const char *actor, const char *now)
{
	char sys[COR_TIME_LEN];
	memset(cx, 0, sizeof(*cx));
	cx->st = st;
	cx->rules = cor_rules_config_default();
	if (!actor || !*actor)
		return cor_error_set(&cx->err, COR_CODE_NO_ACTOR, "actor",
				     "who is acting is not known: every operation is recorded "
				     "under the name of the person who does it");
	if (!printable_actor(actor))
		return cor_error_set(&cx->err, COR_CODE_NO_ACTOR, "actor",
				     "the actor's name must be 1 to %d bytes of printable text",
				     COR_ACTOR_MAX);
	memcpy(cx->actor, actor, strlen(actor) + 1);
	return cor_ctx_set_now(cx, now ? now : cor_time_now(sys));
}

int cor_ctx_store_error(struct cor_ctx *cx, int err)
{
	const char *msg = cx->st ? cor_store_errmsg(cx->st) : "";
	cor_error_set(&cx->err, cor_code_of_err(err), NULL, "%s",
		      msg && *msg ? msg : cor_strerror(err));
	return err < 0 ? err : COR_EIO;
}

bool cor_svc_event_is_departure(const struct cor_event *e)
{
	static const char tail[] = "-> departed";
	size_t n = e->detail ? strlen(e->detail) : 0, k = sizeof(tail) - 1;
	return e->action && !strcmp(e->action, "state") && n >= k &&
	       !strcmp(e->detail + n - k, tail);
}

const struct cor_rules_config *cor_ctx_rules(struct cor_ctx *cx)
{
	char *text = NULL, msg[300];
	int version, err;
	if (cx->rules_loaded)
		return &cx->rules;
	if ((err = cor_store_rules_get(cx->st, &version, &text)) < 0) {
		cor_ctx_store_error(cx, err);
		return NULL;
	}
	struct cor_rules_config cfg = cor_rules_config_default();
	if (cor_rules_config_parse(&cfg, text, strlen(text), "rules", msg, sizeof(msg)) < 0) {
		/* Stored text was checked when it was set: only damage gets here. */
		cor_error_set(&cx->err, COR_CODE_CORRUPT, "rules",
			      "the stored rules (version %d) no longer read: %s", version, msg);
		free(text);
		return NULL;
	}
	free(text);
	cx->rules = cfg;
	cx->rules_version = version;
	cx->rules_loaded = true;
	return &cx->rules;
}

int cor_service_run(struct cor_ctx *cx, const struct cor_op *op, const void *in, void *out)
{
	struct cor_store *st = cx->st;
	int err;

	cor_error_clear(&cx->err);
	cx->rules_loaded = false; /* the rules in force as this operation sees them */
	/* The policy check goes here: op->permission against the actor's roles. */
	cor_store_set_now(st, cx->now);
	if (cor_store_in_transaction(st))
		err = cor_error_set(&cx->err, COR_CODE_STORE_FAILED, NULL,
				    "'%s' was called inside another operation", op->name);
	else if (op->flags & COR_OP_WRITE)
		err = op->flags & COR_OP_LARGE ? cor_store_begin_large(st) : cor_store_begin(st);
	else
		err = cor_store_begin_read(st);
	if (err < 0) {
		if (cx->err.code == COR_CODE_OK)
			cor_ctx_store_error(cx, err);
		return err;
	}
	err = op->fn(cx, in, out);
	if (err < 0) {
		if (cx->err.code == COR_CODE_OK)
			cor_ctx_store_error(cx, err);
		cor_store_rollback(st);
		return err;
	}
	/* The audit record goes here, in the same transaction. */
	if ((err = cor_store_commit(st)) < 0) {
		cor_ctx_store_error(cx, err);
		cor_store_rollback(st);
		return err;
	}
	return 0;
}

const struct cor_op *cor_op_find(const char *name)
{
	for (const struct cor_op *const *const *g = cor_ops; *g; g++)
		for (const struct cor_op *const *op = *g; *op; op++)
			if (!strcmp((*op)->name, name))
				return *op;
	return NULL;
}
