// SPDX-License-Identifier: Apache-2.0
// JSON documents of the operations layer (jansson): the shapes the command
// line's --json prints and the HTTP API serves. Every function returns a
// new reference for the caller to json_decref, or NULL when out of memory.
#ifndef COR_SERVICE_JSON_H
#define COR_SERVICE_JSON_H

#include <jansson.h>

#include "util/error.h"

/* {"error":{"code":"CASE_NOT_FOUND","field":"case","message":"...",
 *  "causes":[{"code":...,"field":...,"message":...}, ...]}}; field is null
 * when no one field is at fault, causes is left out when there are none. */
json_t *cor_error_json(const struct cor_error *e);
/* A string or null for NULL and "". */
json_t *cor_json_str(const char *s);

#endif
