// SPDX-License-Identifier: Apache-2.0
// The rules configuration in force (eligibility and priority), stored in
// the database and versioned, so that every command and the server decide
// with the same rules. A version is the "key = value" text that changes the
// defaults (docs/eligibility.md); the highest version is in force.
#ifndef COR_SERVICE_RULES_H
#define COR_SERVICE_RULES_H

#include <jansson.h>
#include <stddef.h>

#include "service/service.h"

#define COR_RULES_TEXT_MAX (1 << 20) /* bytes of a rules text */

/* rules.set: check text and store it as the next version. */
struct cor_svc_rules_set_in {
	const char *text; /* len bytes, need not be NUL-terminated */
	size_t len;
	const char *source; /* the name a bad line is reported under ("rules.conf") */
};
struct cor_svc_rules_set_out {
	int version;
};
int cor_svc_rules_set(struct cor_ctx *cx, const struct cor_svc_rules_set_in *in,
		      struct cor_svc_rules_set_out *out);

/* rules.show: the version in force, its text and every version's date and
 * author. out->doc, returned for the caller to json_decref:
 * {"version":2,"text":"...","versions":[{"version":2,"set_at":...,"set_by":...}]}
 * (version 0 and text "" while the defaults are in force). */
struct cor_svc_rules_show_out {
	json_t *doc;
};
int cor_svc_rules_show(struct cor_ctx *cx, struct cor_svc_rules_show_out *out);

extern const struct cor_op *const cor_ops_rules[];

#endif
