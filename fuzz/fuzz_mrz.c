// SPDX-License-Identifier: Apache-2.0
// libFuzzer harness for the MRZ reader. Any input must be read without a
// crash, and the result must keep its invariants: valid exactly when every
// check passed, every string terminated inside its buffer, a failed check
// always explained, the fields of a valid document well formed; and "\r\n"
// line ends must read the same as "\n". Seed it with the specimens of
// /work/shared/reference/icao9303.md (one document per file) to go deep fast.
#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/mrz.h"
#include "util/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define TERMINATED(buf) assert(memchr((buf), '\0', sizeof(buf)) != NULL)

static void check_invariants(const struct cor_mrz *m, int rc, const struct cor_date *ref)
{
	assert(rc == 0 || rc == COR_EINVAL);
	assert((rc == 0) == m->valid);
	assert(m->n_checks >= 1 && m->n_checks <= COR_MRZ_MAX_CHECKS);

	bool all_ok = true;
	for (int i = 0; i < m->n_checks; i++) {
		const struct cor_mrz_check *c = &m->checks[i];
		assert(c->name && c->name[0]);
		TERMINATED(c->message);
		assert(c->ok == (c->message[0] == '\0'));
		all_ok = all_ok && c->ok;
		for (int j = 0; j < i; j++)
			assert(strcmp(m->checks[j].name, c->name) != 0);
	}
	assert(m->valid == all_ok);

	TERMINATED(m->document_code);
	TERMINATED(m->issuing_state);
	TERMINATED(m->document_number);
	TERMINATED(m->nationality);
	TERMINATED(m->birth_date);
	TERMINATED(m->expiry_date);
	TERMINATED(m->optional_data);
	TERMINATED(m->optional_data_2);
	TERMINATED(m->primary_name);
	TERMINATED(m->secondary_name);

	const struct cor_mrz_check *format = cor_mrz_find_check(m, "format");
	if (format && !format->ok)
		assert(m->format == COR_MRZ_UNKNOWN && m->n_checks == 1);
	if (m->format == COR_MRZ_UNKNOWN)
		assert(m->document_number[0] == '\0' && m->primary_name[0] == '\0');

	/* Names never start or end with a space, nor hold two in a row. */
	const char *names[] = {m->primary_name, m->secondary_name};
	for (int i = 0; i < 2; i++) {
		size_t n = strlen(names[i]);
		assert(n == 0 || (names[i][0] != ' ' && names[i][n - 1] != ' '));
		assert(!strstr(names[i], "  "));
		assert(!strchr(names[i], '<'));
	}
	/* A date read is a real date, written as ISO; a birth date the MRZ
	 * leaves unknown ('<') in part is its year ("YYYY") or its year and
	 * month ("YYYY-MM"), the rest 0, never after the reference date. */
	if (m->birth_date[0] && !m->birth_unknown) {
		assert(strlen(m->birth_date) == 10 &&
		       cor_date_is_valid(m->birth.year, m->birth.month, m->birth.day));
		long b = m->birth.year * 10000L + m->birth.month * 100 + m->birth.day;
		assert(b <= ref->year * 10000L + ref->month * 100 + ref->day);
	}
	if (m->birth_unknown) {
		size_t n = strlen(m->birth_date);
		assert(n == 0 || n == 4 || n == 7);
		assert(m->birth.day == 0);
		assert(n == 7 ? m->birth.month >= 1 && m->birth.month <= 12 : m->birth.month == 0);
		assert(n == 0 ? m->birth.year == 0 : m->birth.year <= ref->year);
		if (n == 7)
			assert(m->birth.year * 100L + m->birth.month <=
			       ref->year * 100L + ref->month);
	}
	if (m->expiry_date[0])
		assert(strlen(m->expiry_date) == 10 &&
		       cor_date_is_valid(m->expiry.year, m->expiry.month, m->expiry.day));

	if (!m->valid)
		return;
	assert(m->format == COR_MRZ_TD1 || m->format == COR_MRZ_TD2 || m->format == COR_MRZ_TD3);
	assert((m->birth_date[0] || m->birth_unknown) && m->expiry_date[0]);
	assert(strchr("MFX<", m->sex) && m->sex);
	assert(m->issuing_state[0] && m->nationality[0] && m->document_code[0]);
	size_t n = strlen(m->document_number);
	assert(n == 0 || m->document_number[n - 1] != '<');
}

/* The same checks and fields. */
static void assert_same(const struct cor_mrz *a, const struct cor_mrz *b)
{
	assert(a->valid == b->valid && a->format == b->format && a->n_checks == b->n_checks);
	for (int i = 0; i < a->n_checks; i++) {
		assert(a->checks[i].ok == b->checks[i].ok);
		assert(!strcmp(a->checks[i].name, b->checks[i].name));
	}
	assert(!strcmp(a->document_number, b->document_number));
	assert(!strcmp(a->primary_name, b->primary_name));
	assert(!strcmp(a->secondary_name, b->secondary_name));
	assert(!strcmp(a->birth_date, b->birth_date));
	assert(!strcmp(a->expiry_date, b->expiry_date));
	assert(!strcmp(a->optional_data, b->optional_data));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct cor_date ref = {2026, 1, 15};
	struct cor_mrz m, crlf;
	const char *text = (const char *)data;

	int rc = cor_mrz_parse(&m, text, size, ref);
	check_invariants(&m, rc, &ref);

	int digit = cor_mrz_check_digit(text, size);
	assert(digit == COR_EINVAL || (digit >= 0 && digit <= 9));

	/* "\r\n" reads as "\n" when the input has no '\r' of its own. */
	if (size < 4096 && !memchr(data, '\r', size)) {
		char *copy = malloc(2 * size + 1);
		size_t n = 0;
		if (!copy)
			return 0;
		for (size_t i = 0; i < size; i++) {
			if (text[i] == '\n')
				copy[n++] = '\r';
			copy[n++] = text[i];
		}
		int rc2 = cor_mrz_parse(&crlf, copy, n, ref);
		check_invariants(&crlf, rc2, &ref);
		assert(rc == rc2);
		assert_same(&m, &crlf);
		free(copy);
	}
	return 0;
}
