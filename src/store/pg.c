// SPDX-License-Identifier: Apache-2.0
// The PostgreSQL backend of store.h (libpq).
#include <stdio.h>

#include "store/pg_int.h"
#include "util/error.h"

int cor_pg_open(const char *uri, unsigned flags, struct cor_store **out, char *msg, size_t msglen)
{
	*out = NULL;
	snprintf(msg, msglen, "PostgreSQL is not available in this version");
	return COR_EIO;
}
