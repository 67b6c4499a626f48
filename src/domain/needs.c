// SPDX-License-Identifier: Apache-2.0
// The specific-needs code list: top-level groups and the sub-codes in use.
#include "domain/needs.h"

#include <string.h>

const struct cor_need cor_needs[] = {
	{"CR", "child at risk"},
	{"DS", "disability"},
	{"DS-BD", "visual impairment"},
	{"DS-DF", "hearing impairment"},
	{"DS-MM", "mental disability, moderate"},
	{"DS-MS", "mental disability, severe"},
	{"DS-PM", "physical disability, moderate"},
	{"DS-PS", "physical disability, severe"},
	{"ER", "older person at risk"},
	{"ER-FR", "older person unable to care for self"},
	{"ER-NF", "single older person"},
	{"FU", "family unity"},
	{"FU-FR", "family reunification required"},
	{"FU-TR", "tracing required"},
	{"LP", "specific legal and physical protection needs"},
	{"LP-DA", "detained in asylum country"},
	{"LP-IH", "in hiding"},
	{"LP-ND", "no legal documentation"},
	{"LP-RR", "at risk of refoulement"},
	{"PG", "pregnant or lactating"},
	{"SC", "unaccompanied or separated child"},
	{"SC-CH", "child-headed household"},
	{"SC-SC", "separated child"},
	{"SC-UC", "unaccompanied child"},
	{"SM", "serious medical condition"},
	{"SM-CC", "critical medical condition"},
	{"SM-CI", "chronic illness"},
	{"SM-DP", "difficult pregnancy"},
	{"SM-MI", "mental illness"},
	{"SP", "single parent or caregiver"},
	{"SV", "sexual and gender-based violence"},
	{"SV-FM", "forced or early marriage"},
	{"SV-VA", "survivor of SGBV in asylum country"},
	{"SV-VF", "survivor of SGBV during flight"},
	{"SV-VO", "survivor of SGBV in country of origin"},
	{"TR", "torture"},
	{"TR-PI", "impairment due to torture"},
	{"WR", "woman at risk"},
	{"WR-SF", "single woman at risk"},
	{"WR-WR", "woman at risk"},
};
const size_t cor_needs_len = sizeof(cor_needs) / sizeof(cor_needs[0]);

const struct cor_need *cor_need_find(const char *code)
{
	for (size_t i = 0; i < cor_needs_len; i++)
		if (!strcmp(cor_needs[i].code, code))
			return &cor_needs[i];
	return NULL;
}

bool cor_need_list_is_valid(const char *list, size_t *bad_at)
{
	const char *p = list;
	while (*p) {
		const char *end = strchr(p, ';');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char code[8];
		if (n == 0 || n >= sizeof(code))
			goto bad;
		memcpy(code, p, n);
		code[n] = '\0';
		if (!cor_need_find(code))
			goto bad;
		/* A repeated code is a typing slip, not a second need. */
		for (const char *q = list; q < p;) {
			const char *qe = strchr(q, ';');
			if ((size_t)(qe - q) == n && !memcmp(q, code, n))
				goto bad;
			q = qe + 1;
		}
		if (!end)
			break;
		p = end + 1;
		if (!*p)
			goto bad;
	}
	return true;
bad:
	if (bad_at)
		*bad_at = (size_t)(p - list);
	return false;
}
