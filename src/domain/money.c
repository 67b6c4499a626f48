// SPDX-License-Identifier: Apache-2.0
// Parsing and formatting of amounts in minor units, per ISO 4217.
#include "domain/money.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/iso_tables.h"
#include "util/error.h"

static int cur_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct cor_currency *)elem)->code);
}

int cor_currency_minor_units(const char *code)
{
	if (!code || strlen(code) != 3)
		return -1;
	const struct cor_currency *c =
		bsearch(code, cor_iso4217, cor_iso4217_len, sizeof(cor_iso4217[0]), cur_cmp);
	return c ? c->minor_units : -1;
}

int cor_money_parse(const char *s, const char *currency, int64_t *out)
{
	int minor = cor_currency_minor_units(currency);
	int64_t whole = 0, frac = 0;
	int fdigits = 0;
	const char *p = s;
	if (minor < 0 || !s || !*s)
		return COR_EINVAL;
	for (; *p >= '0' && *p <= '9'; p++) {
		whole = whole * 10 + (*p - '0');
		if (whole > 1000000000000LL)
			return COR_EINVAL;
	}
	if (p == s)
		return COR_EINVAL;
	if (*p == '.') {
		p++;
		for (; *p >= '0' && *p <= '9'; p++, fdigits++) {
			if (fdigits == minor)
				return COR_EINVAL;
			frac = frac * 10 + (*p - '0');
		}
		if (fdigits == 0)
			return COR_EINVAL;
	}
	if (*p)
		return COR_EINVAL;
	int64_t scale = 1;
	for (int i = 0; i < minor; i++)
		scale *= 10;
	for (int i = fdigits; i < minor; i++)
		frac *= 10;
	*out = whole * scale + frac;
	return *out > 0 ? 0 : COR_EINVAL;
}

char *cor_money_format(int64_t minor, const char *currency, char *buf)
{
	int units = cor_currency_minor_units(currency);
	if (units < 0)
		units = 2;
	int64_t scale = 1;
	for (int i = 0; i < units; i++)
		scale *= 10;
	uint64_t v = minor < 0 ? (uint64_t)(-(minor + 1)) + 1 : (uint64_t)minor;
	uint64_t whole = v / (uint64_t)scale, frac = v % (uint64_t)scale;
	char digits[32], grouped[48];
	int n = snprintf(digits, sizeof(digits), "%llu", (unsigned long long)whole);
	size_t o = 0;
	for (int i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			grouped[o++] = ',';
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	char fdig[8] = "";
	if (units > 0 && units < (int)sizeof(fdig)) {
		fdig[0] = '.';
		for (int i = units; i >= 1; i--, frac /= 10)
			fdig[i] = (char)('0' + frac % 10);
		fdig[units + 1] = '\0';
	}
	snprintf(buf, COR_MONEY_LEN, "%s%s%s %s", minor < 0 ? "-" : "", grouped, fdig, currency);
	return buf;
}

char *cor_money_decimal(int64_t minor, const char *currency, char *buf)
{
	int units = cor_currency_minor_units(currency);
	if (units < 0)
		units = 2;
	int64_t scale = 1;
	for (int i = 0; i < units; i++)
		scale *= 10;
	uint64_t v = minor < 0 ? (uint64_t)(-(minor + 1)) + 1 : (uint64_t)minor;
	uint64_t whole = v / (uint64_t)scale, frac = v % (uint64_t)scale;
	char fdig[8] = "";
	if (units > 0 && units < (int)sizeof(fdig)) {
		fdig[0] = '.';
		for (int i = units; i >= 1; i--, frac /= 10)
			fdig[i] = (char)('0' + frac % 10);
		fdig[units + 1] = '\0';
	}
	snprintf(buf, COR_MONEY_LEN, "%s%llu%s", minor < 0 ? "-" : "", (unsigned long long)whole,
		 fdig);
	return buf;
}
