// SPDX-License-Identifier: Apache-2.0
// The independent checker: reads an assignment straight against the input
// and the model of plan.h, sharing no code with the solver, so that a plan
// from the planner or from an exact solver outside is judged the same way.
#include <stdarg.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "plan/plan.h"
#include "util/error.h"

static int broken(char *msg, size_t msglen, const char *fmt, ...)
{
	if (msg && msglen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(msg, msglen, fmt, ap);
		va_end(ap);
	}
	return COR_EINVAL;
}

/* Can the case board at place? Any place when it has no reach. */
static bool boards_at(const struct cor_plan_case *c, const char *place)
{
	if (!c->reach)
		return true;
	for (int p = 0; p < c->reach->nplaces; p++)
		if (!strcmp(c->reach->places[p], place))
			return true;
	return false;
}

/* The legs case c uses on mv: first leg from its origin country (from a
 * place it reaches) to the first leg after it arriving in its destination
 * country. */
static int journey(const struct cor_plan_movement *mv, const struct cor_plan_case *c, int *from,
		   int *to)
{
	*from = -1;
	for (int k = 0; k < mv->nlegs; k++)
		if (!strcmp(mv->legs[k].from_country, c->origin) &&
		    boards_at(c, mv->legs[k].from)) {
			*from = k;
			break;
		}
	if (*from < 0)
		return -1;
	for (int k = *from; k < mv->nlegs; k++)
		if (!strcmp(mv->legs[k].to_country, c->destination)) {
			*to = k;
			return 0;
		}
	return -1;
}

int cor_plan_check(const struct cor_plan_input *in, const int *movement, const int *escorts,
		   char *msg, size_t msglen)
{
	size_t nm = in->nmovements;
	size_t *first = calloc(nm + 1, sizeof(*first));
	long *medical = calloc(nm + 1, sizeof(*medical));
	long *quota = calloc(in->nquotas + 1, sizeof(*quota));
	long *use = NULL;
	int rc = COR_ENOMEM;
	if (!first || !medical || !quota)
		goto out;
	for (size_t m = 0; m < nm; m++)
		first[m + 1] = first[m] + (size_t)in->movements[m].nlegs;
	use = calloc(first[nm] * COR_RES__N + 1, sizeof(*use));
	if (!use)
		goto out;
	for (size_t i = 0; i < in->ncases; i++) {
		const struct cor_plan_case *c = &in->cases[i];
		int m = movement[i], a, b;
		if (m < 0) {
			if (c->fixed >= 0) {
				rc = broken(msg, msglen,
					    "case '%s' is kept on movement %d but left out", c->ref,
					    c->fixed);
				goto out;
			}
			continue;
		}
		if ((size_t)m >= nm) {
			rc = broken(msg, msglen,
				    "case '%s' is on movement %d, which does not exist", c->ref, m);
			goto out;
		}
		const struct cor_plan_movement *mv = &in->movements[m];
		if (c->fixed >= 0 && c->fixed != m) {
			rc = broken(msg, msglen, "case '%s' is kept on movement %d but put on %d",
				    c->ref, c->fixed, m);
			goto out;
		}
		if (journey(mv, c, &a, &b)) {
			rc = broken(msg, msglen, "'%s' does not go from %s to %s (case '%s')",
				    mv->ref, c->origin, c->destination, c->ref);
			goto out;
		}
		if (mv->legs[a].departs < c->available_from ||
		    mv->legs[a].departs > c->valid_until) {
			rc = broken(msg, msglen, "case '%s' cannot board '%s' at that time", c->ref,
				    mv->ref);
			goto out;
		}
		for (int k = a; k <= b; k++)
			for (int r = 0; r < COR_RES__N; r++)
				use[(first[m] + (size_t)k) * COR_RES__N + (size_t)r] += c->need[r];
		medical[m] += c->medical;
		for (size_t q = 0; q < in->nquotas; q++)
			if (in->quotas[q].movement == m && !strcmp(in->quotas[q].office, c->office))
				quota[q] += c->need[COR_RES_SEATS];
	}
	for (size_t m = 0; m < nm; m++) {
		const struct cor_plan_movement *mv = &in->movements[m];
		long e = escorts[m];
		if (e < 0 || e > mv->escort_seats) {
			rc = broken(msg, msglen, "'%s' has %ld escorts, %d escort seats", mv->ref,
				    e, mv->escort_seats);
			goto out;
		}
		if ((e + mv->escorts_named) * in->cfg.escort_ratio < medical[m]) {
			char named[48] = "";
			if (mv->escorts_named)
				snprintf(named, sizeof(named), " and %d named medical escort%s",
					 mv->escorts_named, mv->escorts_named == 1 ? "" : "s");
			rc = broken(msg, msglen,
				    "'%s' carries %ld medical traveller%s with %ld escort%s%s (1 "
				    "per %d)",
				    mv->ref, medical[m], medical[m] == 1 ? "" : "s", e,
				    e == 1 ? "" : "s", named, in->cfg.escort_ratio);
			goto out;
		}
		for (int k = 0; k < mv->nlegs; k++) {
			const long *u = &use[(first[m] + (size_t)k) * COR_RES__N];
			for (int r = 0; r < COR_RES__N; r++) {
				long need = u[r] + (r == COR_RES_SEATS ? e : 0);
				if (need > mv->legs[k].cap[r]) {
					static const char *const what[COR_RES__N] = {
						"seats", "stretcher positions", "WCHC places",
						"WCHS places"};
					rc = broken(msg, msglen,
						    "leg %s-%s of '%s' has %d %s for %ld",
						    mv->legs[k].from, mv->legs[k].to, mv->ref,
						    mv->legs[k].cap[r], what[r], need);
					goto out;
				}
			}
		}
	}
	for (size_t q = 0; q < in->nquotas; q++)
		if (quota[q] > in->quotas[q].seats) {
			rc = broken(msg, msglen, "the %s quota of %d seats on '%s' carries %ld",
				    in->quotas[q].office, in->quotas[q].seats,
				    in->movements[in->quotas[q].movement].ref, quota[q]);
			goto out;
		}
	rc = 0;
out:
	free(first);
	free(medical);
	free(quota);
	free(use);
	return rc;
}
