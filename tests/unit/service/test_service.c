// SPDX-License-Identifier: Apache-2.0
// Unit tests for the core of the operations layer: the one error shape and
// its code table, the context (actor, injected clock, rules in force), the
// dispatcher's transactions (all or nothing, one consistent clock), the
// table of operations, and the stored, versioned rules.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "service/json.h"
#include "service/rules.h"
#include "service/service.h"
#include "store/store.h"
#include "util/error.h"

#define NOW "2026-11-27T12:00:00Z"

static struct cor_store *open_new(const char *name)
{
	char path[512], f[600], msg[600] = "";
	const char *dir = getenv("COR_TEST_TMP");
	static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
	struct cor_store *st = NULL;
	snprintf(path, sizeof(path), "%s/test_service-%s.db", dir && *dir ? dir : "/tmp", name);
	for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		snprintf(f, sizeof(f), "%s%s", path, ext[i]);
		unlink(f);
	}
	if (cor_store_open(path, COR_STORE_CREATE, &st, msg, sizeof(msg)) < 0)
		fail_msg("cannot create '%s': %s", path, msg);
	return st;
}

/* ---- the error shape ---------------------------------------------------- */

static void test_code_table(void **state)
{
	(void)state;
	for (int i = 0; i < COR_CODE__N; i++) {
		const char *name = cor_code_name((enum cor_code)i);
		assert_int_equal(cor_code_from_name(name), i); /* names are unique */
		for (const char *p = name; *p; p++)
			assert_true((*p >= 'A' && *p <= 'Z') || *p == '_');
		int ex = cor_code_exit_status((enum cor_code)i);
		int http = cor_code_http_status((enum cor_code)i);
		assert_true(ex >= 0 && ex <= 2);
		assert_true(http >= 200 && http <= 599);
		assert_true((i == COR_CODE_OK) == (ex == 0));
		assert_true((i == COR_CODE_OK) == (cor_code_err((enum cor_code)i) == COR_OK));
	}
	assert_int_equal(cor_code_from_name("NO_SUCH_CODE"), -1);
	assert_string_equal(cor_code_name(COR_CODE_CASE_NOT_FOUND), "CASE_NOT_FOUND");
	assert_int_equal(cor_code_http_status(COR_CODE_CASE_NOT_FOUND), 404);
	assert_int_equal(cor_code_http_status(COR_CODE_WRONG_STATE), 409);
	assert_int_equal(cor_code_http_status(COR_CODE_NOT_ELIGIBLE), 422);
	assert_int_equal(cor_code_http_status(COR_CODE_BAD_PARAMETER), 400);
	assert_int_equal(cor_code_http_status(COR_CODE_BUSY), 503);
	assert_int_equal(cor_code_exit_status(COR_CODE_BAD_PARAMETER), 2);
	assert_int_equal(cor_code_exit_status(COR_CODE_CAPACITY), 1);
	assert_int_equal(cor_code_err(COR_CODE_CASE_NOT_FOUND), COR_ENOTFOUND);
	assert_int_equal(cor_code_err(COR_CODE_WRONG_STATE), COR_EWRONGSTATE);
	assert_int_equal(cor_code_err(COR_CODE_CAPACITY), COR_EINVAL);
	assert_int_equal(cor_code_of_err(COR_ENOTFOUND), COR_CODE_NOT_FOUND);
	assert_int_equal(cor_code_of_err(COR_EBUSY), COR_CODE_BUSY);
	assert_int_equal(cor_code_of_err(COR_EIO), COR_CODE_STORE_FAILED);
}

static void test_error_causes_and_json(void **state)
{
	(void)state;
	struct cor_error e;
	cor_error_clear(&e);
	assert_int_equal(cor_error_set(&e, COR_CODE_CAPACITY, "movement",
				       "'LY-TIP-MV-2026-0001' cannot take case '%s'",
				       "LY-TIP-2026-000012"),
			 COR_EINVAL);
	cor_error_cause(&e, COR_CODE_CAPACITY, "escort_seats", "no escort seat is free");
	cor_error_cause(&e, COR_CODE_CAPACITY, "stretchers", "no stretcher place is free");
	json_t *doc = cor_error_json(&e);
	char *text = json_dumps(doc, JSON_PRESERVE_ORDER | JSON_COMPACT);
	assert_string_equal(
		text, "{\"error\":{\"code\":\"CAPACITY\",\"field\":\"movement\",\"message\":"
		      "\"'LY-TIP-MV-2026-0001' cannot take case 'LY-TIP-2026-000012'\","
		      "\"causes\":[{\"code\":\"CAPACITY\",\"field\":\"escort_seats\",\"message\":"
		      "\"no escort seat is free\"},{\"code\":\"CAPACITY\",\"field\":\"stretchers\","
		      "\"message\":\"no stretcher place is free\"}]}}");
	free(text);
	json_decref(doc);

	/* No field: null; more causes than fit: counted, not lost silently. */
	cor_error_set(&e, COR_CODE_NOT_ELIGIBLE, NULL, "case 'X' is not eligible");
	for (int i = 0; i < COR_CAUSES_MAX + 3; i++)
		cor_error_cause(&e, COR_CODE_NOT_ELIGIBLE, NULL, "criterion %d", i);
	assert_int_equal(e.ncauses, COR_CAUSES_MAX);
	assert_int_equal(e.ncauses_lost, 3);
	doc = cor_error_json(&e);
	json_t *err = json_object_get(doc, "error");
	assert_true(json_is_null(json_object_get(err, "field")));
	assert_int_equal(json_array_size(json_object_get(err, "causes")), COR_CAUSES_MAX);
	assert_int_equal(json_integer_value(json_object_get(err, "causes_not_listed")), 3);
	json_decref(doc);

	/* Setting again drops the earlier causes. */
	cor_error_set(&e, COR_CODE_INVALID, "reason", "too long");
	assert_int_equal(e.ncauses, 0);
	assert_int_equal(e.ncauses_lost, 0);
}

static void test_error_refuse(void **state)
{
	(void)state;
	struct cor_error causes, e;
	cor_error_clear(&causes);
	cor_error_clear(&e);
	assert_int_equal(cor_error_refuse(&e, &causes, COR_CODE_OK, NULL, false, "none"), 0);
	assert_int_equal(e.code, COR_CODE_OK);

	/* One cause is the error itself, unless it must be listed. */
	cor_error_cause(&causes, COR_CODE_INVALID, "amount", "'12.345' has too many decimals");
	assert_int_equal(cor_error_refuse(&e, &causes, COR_CODE_OK, NULL, false, "x"), COR_EINVAL);
	assert_int_equal(e.code, COR_CODE_INVALID);
	assert_string_equal(e.field, "amount");
	assert_string_equal(e.message, "'12.345' has too many decimals");
	assert_int_equal(e.ncauses, 0);
	cor_error_refuse(&e, &causes, COR_CODE_INVALID, "mrz", true, "the MRZ of '%s'", "P-01");
	assert_string_equal(e.message, "the MRZ of 'P-01'");
	assert_string_equal(e.field, "mrz");
	assert_int_equal(e.ncauses, 1);

	/* Several: the summary, every cause, and a bad parameter wins the code. */
	cor_error_cause(&causes, COR_CODE_BAD_PARAMETER, "currency", "'XXQ' is not a currency");
	assert_int_equal(cor_error_refuse(&e, &causes, COR_CODE_OK, NULL, false, "%d problems",
					  causes.ncauses),
			 COR_EINVAL);
	assert_int_equal(e.code, COR_CODE_BAD_PARAMETER);
	assert_string_equal(e.message, "2 problems");
	assert_int_equal(e.ncauses, 2);
	assert_string_equal(e.causes[1].field, "currency");
	assert_int_equal(cor_code_exit_status(e.code), 2);
}

/* ---- the context -------------------------------------------------------- */

static void test_ctx_actor(void **state)
{
	(void)state;
	struct cor_ctx cx;
	char long_name[COR_ACTOR_MAX + 2];
	memset(long_name, 'a', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	static const char *const bad[] = {"", "a\tb", "line\nbreak", "\x7f"};

	assert_int_equal(cor_ctx_init(&cx, NULL, NULL, NOW), COR_EINVAL);
	assert_int_equal(cx.err.code, COR_CODE_NO_ACTOR);
	assert_string_equal(cx.err.field, "actor");
	assert_string_equal(cx.err.message,
			    "who is acting is not known: every operation is recorded under the "
			    "name of the person who does it");
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(cor_ctx_init(&cx, NULL, bad[i], NOW), COR_EINVAL);
		assert_int_equal(cx.err.code, COR_CODE_NO_ACTOR);
	}
	assert_int_equal(cor_ctx_init(&cx, NULL, long_name, NOW), COR_EINVAL);
	assert_string_equal(cx.err.message,
			    "the actor's name must be 1 to 64 bytes of printable text");
	long_name[COR_ACTOR_MAX] = '\0';
	assert_int_equal(cor_ctx_init(&cx, NULL, long_name, NOW), 0);
	assert_int_equal(cor_ctx_init(&cx, NULL, "Amal Haddad (É)", NOW), 0);
	assert_string_equal(cx.actor, "Amal Haddad (É)");
	assert_int_equal(cx.err.code, COR_CODE_OK);
}

static void test_ctx_clock(void **state)
{
	(void)state;
	struct cor_ctx cx;
	assert_int_equal(cor_ctx_init(&cx, NULL, "tester", "2026-11-27T12:00Z"), 0);
	assert_string_equal(cx.now, "2026-11-27T12:00:00Z");
	assert_int_equal(cx.today.year, 2026);
	assert_int_equal(cx.today.month, 11);
	assert_int_equal(cx.today.day, 27);
	assert_int_equal(cor_ctx_set_now(&cx, "2028-02-29T23:59:59Z"), 0);
	assert_string_equal(cx.now, "2028-02-29T23:59:59Z");
	assert_int_equal(cx.today.day, 29);

	static const char *const bad[] = {"garbage",    "2026-13-01T00:00:00Z", "2026-02-30T00:00Z",
					  "2026-11-27", "2026-11-27T12:00:00",  ""};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(cor_ctx_set_now(&cx, bad[i]), COR_EINVAL);
		assert_int_equal(cx.err.code, COR_CODE_BAD_PARAMETER);
		assert_string_equal(cx.err.field, "now");
	}
	assert_string_equal(cx.now, "2028-02-29T23:59:59Z"); /* unchanged by refusals */

	/* Without an injected time: the system clock, a real UTC time. */
	assert_int_equal(cor_ctx_init(&cx, NULL, "tester", NULL), 0);
	assert_int_equal(strlen(cx.now), COR_TIME_LEN - 1);
	assert_true(cx.today.year >= 2026);
}

/* ---- the dispatcher ----------------------------------------------------- */

struct probe {
	bool fail; /* refuse after writing */
	char seen_now[COR_TIME_LEN];
	bool in_tx;
	int nested; /* what a nested cor_service_run returned */
};

static int op_probe_fn(struct cor_ctx *cx, const void *in, void *out);

static const struct cor_op op_probe = {"test.probe", COR_OP_WRITE, "test.write", op_probe_fn,
				       "write an office, then fail if asked"};

static int op_probe_fn(struct cor_ctx *cx, const void *in, void *out)
{
	struct probe *p = out;
	(void)in;
	static const struct cor_office o = {"SD-KRT", "SDN", "Khartoum field office"};
	int err = cor_store_office_add(cx->st, &o);
	if (err < 0)
		return cor_ctx_store_error(cx, err);
	cor_store_now(cx->st, p->seen_now);
	p->in_tx = cor_store_in_transaction(cx->st);
	struct cor_error saved = cx->err;
	p->nested = cor_service_run(cx, &op_probe, NULL, &(struct probe){0});
	cx->err = saved;
	if (p->fail)
		return cor_error_set(&cx->err, COR_CODE_REFUSED, "office",
				     "office 'SD-KRT' refused for the test");
	return 0;
}

static void test_dispatch_all_or_nothing(void **state)
{
	(void)state;
	struct cor_store *st = open_new("dispatch");
	struct cor_ctx cx;
	struct cor_office o;
	struct probe p = {.fail = true};

	assert_int_equal(cor_ctx_init(&cx, st, "tester", NOW), 0);
	assert_int_equal(cor_service_run(&cx, &op_probe, NULL, &p), COR_EINVAL);
	assert_int_equal(cx.err.code, COR_CODE_REFUSED);
	assert_string_equal(cx.err.field, "office");
	assert_true(p.in_tx);
	assert_string_equal(p.seen_now, NOW); /* the store dates writes by the context's clock */
	assert_int_not_equal(p.nested, 0);    /* no operation runs inside another */
	assert_false(cor_store_in_transaction(st));
	assert_int_equal(cor_store_office_get(st, "SD-KRT", &o), COR_ENOTFOUND); /* rolled back */

	p = (struct probe){.fail = false};
	assert_int_equal(cor_service_run(&cx, &op_probe, NULL, &p), 0);
	assert_int_equal(cx.err.code, COR_CODE_OK);
	assert_false(cor_store_in_transaction(st));
	assert_int_equal(cor_store_office_get(st, "SD-KRT", &o), 0); /* committed */
	assert_string_equal(o.name, "Khartoum field office");

	/* A store failure with nothing more specific: the store's message, its code. */
	p = (struct probe){.fail = false};
	assert_int_equal(cor_service_run(&cx, &op_probe, NULL, &p), COR_EEXIST);
	assert_int_equal(cx.err.code, COR_CODE_EXISTS);
	assert_true(strlen(cx.err.message) > 0);
	cor_store_close(st);
}

static void test_op_table(void **state)
{
	(void)state;
	int n = 0;
	for (const struct cor_op *const *const *g = cor_ops; *g; g++) {
		for (const struct cor_op *const *op = *g; *op; op++, n++) {
			const struct cor_op *o = *op;
			assert_ptr_equal(cor_op_find(o->name), o); /* names are unique */
			const char *dot = strchr(o->name, '.');
			assert_non_null(dot);
			assert_true(dot > o->name && dot[1]);
			assert_non_null(o->permission);
			assert_true(strlen(o->permission) > 0);
			assert_non_null(o->fn);
			assert_non_null(o->summary);
			/* exactly one of read and write */
			assert_true(!(o->flags & COR_OP_READ) != !(o->flags & COR_OP_WRITE));
			assert_true(!(o->flags & COR_OP_LARGE) || (o->flags & COR_OP_WRITE));
		}
	}
	assert_true(n >= 2);
	assert_non_null(cor_op_find("rules.set"));
	assert_null(cor_op_find("rules.nothing"));
}

/* ---- the rules in force ------------------------------------------------- */

static void test_rules_versions(void **state)
{
	(void)state;
	struct cor_store *st = open_new("rules");
	struct cor_ctx cx;
	struct cor_svc_rules_show_out show;
	struct cor_svc_rules_set_out set;
	const struct cor_rules_config *r;
	struct cor_rules_config defaults = cor_rules_config_default();

	assert_int_equal(cor_ctx_init(&cx, st, "amal", NOW), 0);
	r = cor_ctx_rules(&cx);
	assert_non_null(r);
	assert_int_equal(cx.rules_version, 0);
	assert_memory_equal(r, &defaults, sizeof(defaults));

	assert_int_equal(cor_svc_rules_show(&cx, &show), 0);
	char *text = json_dumps(show.doc, JSON_PRESERVE_ORDER | JSON_COMPACT);
	assert_string_equal(text, "{\"version\":0,\"text\":\"\",\"versions\":[]}");
	free(text);
	json_decref(show.doc);

	static const char v1[] = "priority.urgent_days = 30\n";
	struct cor_svc_rules_set_in in = {v1, sizeof(v1) - 1, "rules.conf"};
	assert_int_equal(cor_svc_rules_set(&cx, &in, &set), 0);
	assert_int_equal(set.version, 1);

	/* A bad line: refused with the source and line, nothing stored. */
	static const char bad[] = "priority.urgent_days = 20\nno such line\n";
	in = (struct cor_svc_rules_set_in){bad, sizeof(bad) - 1, "next.conf"};
	assert_int_equal(cor_svc_rules_set(&cx, &in, &set), COR_EINVAL);
	assert_int_equal(cx.err.code, COR_CODE_INVALID);
	assert_string_equal(cx.err.field, "rules");
	assert_string_equal(cx.err.message,
			    "next.conf:2: expected 'key = value', not 'no such line'");
	static const char nul[] = "priority.urgent_days = 20\n\0";
	in = (struct cor_svc_rules_set_in){nul, sizeof(nul) - 1, "nul.conf"};
	assert_int_equal(cor_svc_rules_set(&cx, &in, &set), COR_EINVAL);
	assert_string_equal(cx.err.message, "the rules text holds a NUL byte");

	assert_int_equal(cor_ctx_init(&cx, st, "bob", "2026-11-28T08:30:00Z"), 0);
	static const char v2[] = "priority.urgent_days = 21\n";
	in = (struct cor_svc_rules_set_in){v2, sizeof(v2) - 1, "rules.conf"};
	assert_int_equal(cor_svc_rules_set(&cx, &in, &set), 0);
	assert_int_equal(set.version, 2);

	assert_int_equal(cor_svc_rules_show(&cx, &show), 0);
	text = json_dumps(show.doc, JSON_PRESERVE_ORDER | JSON_COMPACT);
	assert_string_equal(text,
			    "{\"version\":2,\"text\":\"priority.urgent_days = 21\\n\","
			    "\"versions\":[{\"version\":2,\"set_at\":\"2026-11-28T08:30:00Z\","
			    "\"set_by\":\"bob\"},{\"version\":1,\"set_at\":\"" NOW "\","
			    "\"set_by\":\"amal\"}]}");
	free(text);
	json_decref(show.doc);

	/* The rules in force are the stored version's, in every new context. */
	assert_int_equal(cor_ctx_init(&cx, st, "carla", NOW), 0);
	r = cor_ctx_rules(&cx);
	assert_non_null(r);
	assert_int_equal(cx.rules_version, 2);
	assert_int_equal(r->priority_days[COR_PRIO_URGENT], 21);
	assert_int_equal(r->priority_days[COR_PRIO_NORMAL],
			 defaults.priority_days[COR_PRIO_NORMAL]);
	cor_store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_code_table),   cmocka_unit_test(test_error_causes_and_json),
		cmocka_unit_test(test_error_refuse), cmocka_unit_test(test_ctx_actor),
		cmocka_unit_test(test_ctx_clock),    cmocka_unit_test(test_dispatch_all_or_nothing),
		cmocka_unit_test(test_op_table),     cmocka_unit_test(test_rules_versions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
