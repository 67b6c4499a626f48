// SPDX-License-Identifier: Apache-2.0
#include "service/json.h"

json_t *cor_json_str(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

static json_t *one(enum cor_code code, const char *field, const char *message)
{
	return json_pack("{s:s, s:o, s:s}", "code", cor_code_name(code), "field",
			 cor_json_str(field), "message", message);
}

json_t *cor_error_json(const struct cor_error *e)
{
	json_t *err = one(e->code, e->field, e->message);
	if (err && e->ncauses) {
		json_t *causes = json_array();
		for (int i = 0; causes && i < e->ncauses; i++)
			json_array_append_new(causes, one(e->causes[i].code, e->causes[i].field,
							  e->causes[i].message));
		json_object_set_new(err, "causes", causes);
		if (e->ncauses_lost)
			json_object_set_new(err, "causes_not_listed",
					    json_integer(e->ncauses_lost));
	}
	return err ? json_pack("{s:o}", "error", err) : NULL;
}
