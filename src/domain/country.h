// SPDX-License-Identifier: Apache-2.0
// Countries (ISO 3166-1, plus the codes ICAO Doc 9303 adds) and languages
// (ISO 639-1 and 639-3). Pure lookups over static tables; no allocation.
#ifndef COR_COUNTRY_H
#define COR_COUNTRY_H

#include <stdbool.h>
#include <stddef.h>

/* Is code an ISO 3166-1 alpha-3 code ("NGA")? Case-sensitive: upper case only. */
bool cor_country_is_iso3(const char *code);
/* Is code valid in an MRZ: ISO alpha-3 or one of ICAO's own codes ("D", "XXA",
 * "UTO")? code is unpadded: the caller strips MRZ filler '<'. */
bool cor_country_is_icao(const char *code);
/* Is code a nationality: ISO alpha-3, or ICAO's XXA (stateless), XXB, XXC
 * (refugee) or XXX (unspecified)? */
bool cor_nationality_is_valid(const char *code);
/* English short name of an ISO or ICAO code, or NULL when unknown. Borrowed. */
const char *cor_country_name(const char *code);
/* ISO alpha-2 for an ISO alpha-3 code ("LY" for "LBY"), or NULL. Borrowed. */
const char *cor_country_alpha2(const char *iso3);
/* ISO alpha-3 for an ISO alpha-2 code, or NULL. Borrowed. */
const char *cor_country_from_alpha2(const char *iso2);
/* Is code an ISO 639-1 ("ar") or ISO 639-3 ("prs") language code? Lower case. */
bool cor_language_is_valid(const char *code);
/* Is list a ';'-separated list of valid language codes ("ar;fr")? An empty
 * list is valid. On failure *bad_at, when not NULL, gets the offset of the
 * first bad code. */
bool cor_language_list_is_valid(const char *list, size_t *bad_at);

#endif
