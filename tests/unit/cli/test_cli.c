// SPDX-License-Identifier: Apache-2.0
// Unit tests for the command line's shared helpers: a database target is
// shown without its password.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "cli/cli.h"

static void test_db_shown(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{"./corridor.db", "./corridor.db"},
		{"field office:1.db", "field office:1.db"},
		{"postgresql:///corridor?host=/run/pg", "postgresql:///corridor?host=/run/pg"},
		{"postgresql://amal@db.local/corridor", "postgresql://amal@db.local/corridor"},
		{"postgresql://amal:s3cr%40t@db.local:5432/corridor",
		 "postgresql://amal:***@db.local:5432/corridor"},
		{"postgres://amal:pw@/corridor?host=/tmp&password=pw2&sslmode=require",
		 "postgres://amal:***@/corridor?host=/tmp&password=***&sslmode=require"},
		{"postgresql:///c?password=x", "postgresql:///c?password=***"},
		{"postgresql:///c?application_name=old_password=x",
		 "postgresql:///c?application_name=old_password=x"},
		{"postgresql://db.local:5432/c", "postgresql://db.local:5432/c"},
	};
	char buf[256];
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cor_cli_db_shown(cases[i][0], buf, sizeof(buf));
		assert_string_equal(buf, cases[i][1]);
	}
	char small[16];
	cor_cli_db_shown("postgresql://amal:secret@host/db", small, sizeof(small));
	assert_string_equal(small, "postgresql://am"); /* cut, still terminated */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_db_shown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
