// SPDX-License-Identifier: Apache-2.0
// Unit tests for UUIDv7: the layout RFC 9562 gives (version, variant, the
// milliseconds), the canonical text form both ways, order within one
// millisecond and across a clock set back, and uniqueness over many.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "util/uuid.h"

static void test_layout_and_text(void **state)
{
	(void)state;
	struct cor_uuid u, v;
	char s[COR_UUID_LEN];
	/* 2026-11-27T12:00:00.123Z */
	const int64_t ms = 1795780800123;
	assert_int_equal(cor_uuid7(ms, &u), 0);
	assert_int_equal(u.b[6] >> 4, 7); /* version */
	assert_int_equal(u.b[8] >> 6, 2); /* variant 10 */
	assert_true(cor_uuid7_ms(&u) == ms);
	cor_uuid_format(&u, s);
	assert_int_equal(strlen(s), 36);
	assert_int_equal(strncmp(s, "01a21ce0-6e7b-7", 15), 0); /* 0x01a21ce06e7b = ms */
	assert_true(s[8] == '-' && s[13] == '-' && s[18] == '-' && s[23] == '-');
	assert_true(strchr("89ab", s[19]) != NULL);
	assert_int_equal(cor_uuid_parse(s, &v), 0);
	assert_memory_equal(&u, &v, sizeof(u));

	/* The RFC's example value, in upper case. */
	assert_int_equal(cor_uuid_parse("017F22E2-79B0-7CC3-98C4-DC0C0C07398F", &v), 0);
	assert_true(cor_uuid7_ms(&v) == 0x017F22E279B0);
	assert_string_equal(cor_uuid_format(&v, s), "017f22e2-79b0-7cc3-98c4-dc0c0c07398f");

	static const char *const bad[] = {
		"",
		"017f22e2-79b0-7cc3-98c4-dc0c0c07398",   /* short */
		"017f22e2-79b0-7cc3-98c4-dc0c0c07398f0", /* long */
		"017f22e2_79b0-7cc3-98c4-dc0c0c07398f",  /* not a dash */
		"017f22e2-79b0-7cc3-98c4-dc0c0c07398g",  /* not hex */
		"017f22e279b0-7cc3-98c4-dc0c0c07398f-",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(cor_uuid_parse(bad[i], &v), COR_EINVAL);
}

static int cmp(const void *a, const void *b)
{
	return memcmp(a, b, sizeof(struct cor_uuid));
}

static void test_order_and_uniqueness(void **state)
{
	(void)state;
	enum { N = 100000 };
	struct cor_uuid *u = malloc(N * sizeof(*u));
	assert_non_null(u);
	/* Many in one millisecond, then a clock set back by a second: each is
	 * above the one before, as bytes and so as text. */
	const int64_t ms = 1795780800000;
	for (int i = 0; i < N; i++) {
		assert_int_equal(cor_uuid7(i < N / 2 ? ms : ms - 1000, &u[i]), 0);
		if (i)
			assert_true(memcmp(&u[i - 1], &u[i], sizeof(u[i])) < 0);
		assert_int_equal(u[i].b[6] >> 4, 7);
		assert_int_equal(u[i].b[8] >> 6, 2);
	}
	assert_true(cor_uuid7_ms(&u[N - 1]) >= ms);
	qsort(u, N, sizeof(*u), cmp);
	for (int i = 1; i < N; i++)
		assert_true(memcmp(&u[i - 1], &u[i], sizeof(u[i])) != 0);
	free(u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_and_text),
		cmocka_unit_test(test_order_and_uniqueness),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
