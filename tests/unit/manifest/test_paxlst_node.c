// SPDX-License-Identifier: Apache-2.0
// The PAXLST writer read back by an independent parser: the sample manifest
// is written to COR_TEST_TMP and read by tests/node/parse-paxlst.js (the npm
// package `edifact`), whose JSON summary must show the envelope, the legs
// and each passenger with names unescaped. The checker must also reject a
// message whose UNT count is wrong, or the agreement would prove nothing.
// Node and the package are part of the test suite (scripts/setup.sh): when
// they are missing this test fails, it does not skip.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "manifest/manifest.h"
#include "util/error.h"
#include "unit/manifest/sample_manifest.h"

static const char *env(const char *name)
{
	const char *v = getenv(name);
	if (!v || !*v)
		fail_msg("%s is not set (run the test through ctest)", name);
	return v;
}

/* Run the checker on path; its stdout and stderr go to out, its exit status
 * is returned (-1 when it did not exit). */
static int run_checker(const char *path, char *out, size_t len)
{
	char cmd[2048];
	snprintf(cmd, sizeof(cmd), "node '%s/tests/node/parse-paxlst.js' '%s' 2>&1",
		 env("COR_SOURCE"), path);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t n = fread(out, 1, len - 1, p);
	out[n] = '\0';
	int status = pclose(p);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void write_sample(const char *path)
{
	struct cor_manifest m;
	struct cor_manifest_pax pax[SAMPLE_NPAX];
	sample_manifest(&m, pax);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	char msg[256] = "";
	int rc = cor_manifest_write_paxlst(&m, "000000042", f, msg, sizeof(msg));
	assert_int_equal(fclose(f), 0);
	if (rc != 0)
		fail_msg("write: %s", msg);
}

static const char *str(json_t *o, const char *key)
{
	const char *v = json_string_value(json_object_get(o, key));
	if (!v)
		fail_msg("no string '%s' in the summary", key);
	return v;
}

static void test_node_reads_sample(void **state)
{
	char path[1024], out[16384];
	snprintf(path, sizeof(path), "%s/paxlst-sample.edi", env("COR_TEST_TMP"));
	write_sample(path);
	int status = run_checker(path, out, sizeof(out));
	if (status != 0)
		fail_msg("parse-paxlst.js exited with %d (is node installed, and "
			 "tests/node/node_modules? run scripts/setup.sh): %s",
			 status, out);

	json_error_t err;
	json_t *sum = json_loads(out, 0, &err);
	if (!sum)
		fail_msg("not JSON (%s): %s", err.text, out);
	assert_string_equal(str(sum, "syntax"), "UNOC:4");
	assert_string_equal(str(sum, "sender"), "LY-TIP");
	assert_string_equal(str(sum, "recipient"), "NGNIS");
	assert_string_equal(str(sum, "control"), "000000042");
	assert_string_equal(str(sum, "type"), "PAXLST:D:05B:UN:IATA");
	assert_string_equal(str(sum, "reporting_party"), "IOM Libya");
	assert_int_equal(json_integer_value(json_object_get(sum, "segments")), 48);

	json_t *legs = json_object_get(sum, "legs");
	assert_int_equal(json_array_size(legs), 2);
	json_t *leg = json_array_get(legs, 1);
	assert_string_equal(str(leg, "number"), "ET3414");
	assert_string_equal(str(leg, "from_qualifier"), "125");
	assert_string_equal(str(leg, "to"), "LOS");
	assert_string_equal(str(leg, "departs"), "2612011600");

	json_t *pax = json_object_get(sum, "passengers");
	assert_int_equal(json_array_size(pax), SAMPLE_NPAX);
	json_t *p = json_array_get(pax, 2);
	assert_string_equal(str(p, "surname"), "N'Diaye");
	assert_string_equal(str(p, "given"), "Bérénice");
	assert_string_equal(str(p, "birth"), "791130");
	json_t *doc = json_object_get(p, "document");
	assert_string_equal(str(doc, "type"), "F");
	assert_string_equal(str(doc, "number"), "ETD0042017");
	assert_string_equal(str(doc, "expiry"), "270131");
	assert_string_equal(str(doc, "issuer"), "SEN");
	p = json_array_get(pax, 3);
	assert_string_equal(str(p, "surname"), "O'BRIEN");
	assert_string_equal(str(p, "given"), "Siobhán");
	/* The person without a document has none in the message. */
	p = json_array_get(pax, 1);
	assert_string_equal(str(p, "given"), "Yusuf");
	assert_null(json_object_get(p, "document"));
	json_decref(sum);
}

/* The sample with one substring replaced, written to path. */
static void write_tampered(const char *path, const char *from, const char *to)
{
	write_sample(path);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char buf[8192];
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	char *at = strstr(buf, from);
	assert_non_null(at);
	f = fopen(path, "wb");
	assert_non_null(f);
	fwrite(buf, 1, (size_t)(at - buf), f);
	fputs(to, f);
	fputs(at + strlen(from), f);
	assert_int_equal(fclose(f), 0);
}

static void test_node_rejects_bad_messages(void **state)
{
	static const struct {
		const char *from, *to, *why;
	} rows[] = {
		{"UNT+48+", "UNT+47+",
		 "parse-paxlst: UNT counts 47 segments, the message has 48\n"},
		{"CNT+42:4", "CNT+42:5",
		 "parse-paxlst: CNT+42 says 5 passengers, the message has 4\n"},
		{"UNE+1+000000042", "UNE+1+000000043",
		 "parse-paxlst: UNE reference 000000043 is not UNG's 000000042\n"},
		{"NAT+2+SEN'DOC+F:110:111+ETD0042017'", "DOC+F:110:111+ETD0042017'NAT+2+SEN'",
		 "parse-paxlst: passenger N'Diaye: expected NAT+2, found DOC+F\n"},
	};
	char path[1024], out[16384];
	snprintf(path, sizeof(path), "%s/paxlst-tampered.edi", env("COR_TEST_TMP"));
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		write_tampered(path, rows[i].from, rows[i].to);
		assert_int_equal(run_checker(path, out, sizeof(out)), 1);
		assert_string_equal(out, rows[i].why);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_node_reads_sample),
		cmocka_unit_test(test_node_rejects_bad_messages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
