// SPDX-License-Identifier: Apache-2.0
// Amounts of money: integers in the currency's minor unit (cents, dirhams),
// never floating point, so that sums and balances are exact.
#ifndef COR_MONEY_H
#define COR_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define COR_MONEY_LEN 64 /* "-9,223,372,036,854,775.807 LYD" fits with room */

/* Digits after the decimal point of an ISO 4217 currency (2 for USD, 0 for
 * XOF, 3 for LYD), or -1 when code is not a currency. */
int cor_currency_minor_units(const char *code);
/* Parse "1234.5" or "1234.50" (no sign, no separators, at most the
 * currency's decimals) into minor units. COR_EINVAL when malformed, zero or
 * beyond 10^12 major units. */
int cor_money_parse(const char *s, const char *currency, int64_t *out);
/* Write "1,234.50 USD" into buf (COR_MONEY_LEN bytes). Returns buf. */
char *cor_money_format(int64_t minor, const char *currency, char *buf);
/* Write "1234.50" (no separators, no currency: what cor_money_parse reads
 * back) into buf (COR_MONEY_LEN bytes). Returns buf. */
char *cor_money_decimal(int64_t minor, const char *currency, char *buf);

#endif
