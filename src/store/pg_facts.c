// SPDX-License-Identifier: Apache-2.0
// The PostgreSQL side of store_facts.h (not yet: it fails cleanly).
#include <stdio.h>

#include "store/pg_int.h"
#include "store/store_facts_ops.h"
#include "util/error.h"

static int pg_facts_case(struct cor_store *s, const char *ref, const struct cor_date *travel_on,
			 cor_facts_cb cb, void *ctx)
{
	cor_pg_msg((struct cor_pg *)(void *)s, "reading facts is not available on PostgreSQL yet");
	return COR_EIO;
}

static int pg_facts_each(struct cor_store *s, const struct cor_facts_query *q, cor_facts_cb cb,
			 void *ctx)
{
	cor_pg_msg((struct cor_pg *)(void *)s, "reading facts is not available on PostgreSQL yet");
	return COR_EIO;
}

static void pg_facts_note(struct cor_store *s, const char *msg)
{
	cor_pg_msg((struct cor_pg *)(void *)s, "%s", msg);
}

const struct cor_store_facts_ops cor_pg_facts_ops = {
	.facts_case = pg_facts_case,
	.facts_each = pg_facts_each,
	.facts_note = pg_facts_note,
};
