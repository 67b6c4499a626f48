// SPDX-License-Identifier: Apache-2.0
// Unit tests for the command line's shared helpers: a database target is
// shown without its password; stored text is shown with its control
// characters escaped.
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

static void test_shown(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{"Gédéon Mbala", "Gédéon Mbala"},
		{"", ""},
		{"a\tb", "a\\tb"},
		{"line 1\nline 2\r", "line 1\\nline 2\\r"},
		{"\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"},
		{"bell\x07 del\x7f", "bell\\x07 del\\x7f"},
		{"c1 \xc2\x85 \xc2\x9b end", "c1 \\u0085 \\u009b end"},
		{"nbsp \xc2\xa0 kept", "nbsp \xc2\xa0 kept"},
		{"back\\slash", "back\\\\slash"},
		{"bad \xff byte \xc3", "bad \\xff byte \\xc3"},
		{"\xe2\x80\x94 dash, \xd8\xb9\xd9\x84\xd9\x8a",
		 "\xe2\x80\x94 dash, \xd8\xb9\xd9\x84\xd9\x8a"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(cor_cli_shown(cases[i][0]), cases[i][1]);
	/* Clean text is the string itself; NULL is "". */
	const char *clean = "Amina Yusuf";
	assert_ptr_equal(cor_cli_shown(clean), clean);
	assert_string_equal(cor_cli_shown(NULL), "");
	/* Each call of a printf takes a slot of its own. */
	const char *a = cor_cli_shown("1\n"), *b = cor_cli_shown("2\n");
	assert_string_equal(a, "1\\n");
	assert_string_equal(b, "2\\n");
	/* Cut with "..." at an escape's edge, never inside one. */
	char buf[10];
	assert_string_equal(cor_cli_shown_buf("ab\x1b\x1b", buf, sizeof(buf)), "ab\\x1b...");
	assert_string_equal(cor_cli_shown_buf("abcdef", buf, sizeof(buf)), "abcdef");
	assert_string_equal(cor_cli_shown_buf("abcdefghijk", buf, sizeof(buf)), "abcdef...");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_db_shown),
		cmocka_unit_test(test_shown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
