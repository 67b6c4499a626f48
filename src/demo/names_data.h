// SPDX-License-Identifier: Apache-2.0
// Personal names per nationality for the demo caseload: Latin-script forms
// and, where the nationality writes them so, the form in the original script.
#ifndef COR_NAMES_DATA_H
#define COR_NAMES_DATA_H
#include <stddef.h>
struct cor_name {
	const char
		*latin; /* Latin-script form, upper/lower case as usually written, e.g. "Amina" */
	const char *script; /* same name in the original script (UTF-8), or NULL when the name is
			       written in Latin script */
};
struct cor_name_set {
	const char *nationality; /* ISO 3166-1 alpha-3 */
	const char *languages;   /* ';'-separated ISO 639-1 or 639-3 codes, most common first, e.g.
				    "ar;fr" */
	const struct cor_name *male;
	size_t n_male;
	const struct cor_name *female;
	size_t n_female;
	const struct cor_name *family;
	size_t n_family;
};
/* The name set for a nationality, or a generic set when none is specific. Never NULL. */
const struct cor_name_set *cor_names_for(const char *iso3);
/* Every specific set, for tests. */
extern const struct cor_name_set cor_name_sets[];
extern const size_t cor_name_sets_len;
#endif
