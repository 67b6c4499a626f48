// SPDX-License-Identifier: Apache-2.0
// Reference tables generated from Debian's iso-codes (see tools/). Internal to
// src/domain: other layers ask country.h.
#ifndef COR_ISO_TABLES_H
#define COR_ISO_TABLES_H

#include <stddef.h>

struct cor_country {
	const char *alpha3; /* sorted key */
	const char *alpha2; /* "" for ICAO's own codes */
	const char *name;
};

extern const struct cor_country cor_iso3166[];
extern const size_t cor_iso3166_len;
extern const struct cor_country cor_icao_codes[];
extern const size_t cor_icao_codes_len;
struct cor_currency {
	const char *code; /* sorted key, "USD" */
	int minor_units;  /* digits after the decimal point: 2, or 0 (XOF), 3 (LYD) */
	const char *name;
};

extern const struct cor_currency cor_iso4217[];
extern const size_t cor_iso4217_len;
extern const char cor_iso639_1[][3];
extern const size_t cor_iso639_1_len;
extern const char cor_iso639_3[][4];
extern const size_t cor_iso639_3_len;

#endif
