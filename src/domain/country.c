// SPDX-License-Identifier: Apache-2.0
// Lookups over the generated ISO tables: binary search on sorted keys.
#include "domain/country.h"

#include <stdlib.h>
#include <string.h>

#include "domain/iso_tables.h"

static int country_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct cor_country *)elem)->alpha3);
}

static const struct cor_country *find(const struct cor_country *t, size_t n, const char *code)
{
	if (!code || !*code)
		return NULL;
	return bsearch(code, t, n, sizeof(*t), country_cmp);
}

bool cor_country_is_iso3(const char *code)
{
	return find(cor_iso3166, cor_iso3166_len, code) != NULL;
}

bool cor_country_is_icao(const char *code)
{
	return cor_country_is_iso3(code) || find(cor_icao_codes, cor_icao_codes_len, code);
}

bool cor_nationality_is_valid(const char *code)
{
	if (cor_country_is_iso3(code))
		return true;
	return code && (!strcmp(code, "XXA") || !strcmp(code, "XXB") || !strcmp(code, "XXC") ||
			!strcmp(code, "XXX"));
}

const char *cor_country_name(const char *code)
{
	const struct cor_country *c = find(cor_iso3166, cor_iso3166_len, code);
	if (!c)
		c = find(cor_icao_codes, cor_icao_codes_len, code);
	return c ? c->name : NULL;
}

const char *cor_country_alpha2(const char *iso3)
{
	const struct cor_country *c = find(cor_iso3166, cor_iso3166_len, iso3);
	return c ? c->alpha2 : NULL;
}

const char *cor_country_from_alpha2(const char *iso2)
{
	if (!iso2 || strlen(iso2) != 2)
		return NULL;
	for (size_t i = 0; i < cor_iso3166_len; i++)
		if (!strcmp(cor_iso3166[i].alpha2, iso2))
			return cor_iso3166[i].alpha3;
	return NULL;
}

static int lang2_cmp(const void *key, const void *elem)
{
	return strcmp(key, (const char *)elem);
}

bool cor_language_is_valid(const char *code)
{
	size_t n = code ? strlen(code) : 0;
	if (n == 2)
		return bsearch(code, cor_iso639_1, cor_iso639_1_len, sizeof(cor_iso639_1[0]),
			       lang2_cmp) != NULL;
	if (n == 3)
		return bsearch(code, cor_iso639_3, cor_iso639_3_len, sizeof(cor_iso639_3[0]),
			       lang2_cmp) != NULL;
	return false;
}

bool cor_language_list_is_valid(const char *list, size_t *bad_at)
{
	const char *p = list;
	if (!*p)
		return true;
	for (;;) {
		const char *end = strchr(p, ';');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char code[4];
		if (n < 2 || n > 3)
			goto bad;
		memcpy(code, p, n);
		code[n] = '\0';
		if (!cor_language_is_valid(code))
			goto bad;
		if (!end)
			return true;
		p = end + 1;
	}
bad:
	if (bad_at)
		*bad_at = (size_t)(p - list);
	return false;
}
