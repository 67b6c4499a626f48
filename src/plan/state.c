// SPDX-License-Identifier: Apache-2.0
// A plan under construction: what each leg, escort group and quota has
// used. Placing and removing keep it exact, so a plan built here keeps every
// constraint by construction; cor_plan_check verifies it independently.
#include <stdlib.h>
#include <string.h>

#include "plan/plan_int.h"
#include "util/error.h"

int plan_escorts_needed(const struct cor_plan_input *in, size_t m, int medical)
{
	int all = (medical + in->cfg.escort_ratio - 1) / in->cfg.escort_ratio;
	int named = in->movements[m].escorts_named;
	return all > named ? all - named : 0;
}

int plan_state_init(struct plan_state *st, const struct plan_model *md)
{
	memset(st, 0, sizeof(*st));
	st->md = md;
	st->at = malloc((md->n + 1) * sizeof(*st->at));
	st->used = malloc((md->nlegs * COR_RES__N + 1) * sizeof(*st->used));
	st->medical = malloc((md->nm + 1) * sizeof(*st->medical));
	st->escorts = malloc((md->nm + 1) * sizeof(*st->escorts));
	st->qused = malloc((md->nq + 1) * sizeof(*st->qused));
	if (!st->at || !st->used || !st->medical || !st->escorts || !st->qused) {
		plan_state_release(st);
		return COR_ENOMEM;
	}
	plan_state_clear(st);
	return 0;
}

void plan_state_release(struct plan_state *st)
{
	free(st->at);
	free(st->used);
	free(st->medical);
	free(st->escorts);
	free(st->qused);
	memset(st, 0, sizeof(*st));
}

void plan_state_clear(struct plan_state *st)
{
	const struct plan_model *md = st->md;
	for (size_t i = 0; i < md->n; i++)
		st->at[i] = -1;
	memset(st->used, 0, md->nlegs * COR_RES__N * sizeof(*st->used));
	memset(st->medical, 0, md->nm * sizeof(*st->medical));
	memset(st->escorts, 0, md->nm * sizeof(*st->escorts));
	memset(st->qused, 0, md->nq * sizeof(*st->qused));
	st->value = 0;
}

void plan_state_copy(struct plan_state *dst, const struct plan_state *src)
{
	const struct plan_model *md = src->md;
	memcpy(dst->at, src->at, md->n * sizeof(*dst->at));
	memcpy(dst->used, src->used, md->nlegs * COR_RES__N * sizeof(*dst->used));
	memcpy(dst->medical, src->medical, md->nm * sizeof(*dst->medical));
	memcpy(dst->escorts, src->escorts, md->nm * sizeof(*dst->escorts));
	memcpy(dst->qused, src->qused, md->nq * sizeof(*dst->qused));
	dst->value = src->value;
}

bool plan_fits(const struct plan_state *st, size_t i, size_t o)
{
	const struct plan_model *md = st->md;
	const struct cor_plan_input *in = md->in;
	const struct cor_plan_case *c = &in->cases[i];
	const struct plan_opt *op = &md->opt[o];
	const struct cor_plan_movement *mv = &in->movements[op->m];
	size_t base = md->leg0[op->m];
	int esc = st->escorts[op->m];
	int more = 0;
	if (c->medical) {
		int need = plan_escorts_needed(in, (size_t)op->m, st->medical[op->m] + c->medical);
		if (need > mv->escort_seats)
			return false;
		more = need - esc;
	}
	if (op->quota >= 0 &&
	    st->qused[op->quota] + c->need[COR_RES_SEATS] > in->quotas[op->quota].seats)
		return false;
	for (int k = op->k1; k <= op->k2; k++) {
		const int *u = &st->used[(base + (size_t)k) * COR_RES__N];
		const int *cap = &md->cap[(base + (size_t)k) * COR_RES__N];
		if (u[0] + esc + more + c->need[0] > cap[0])
			return false;
		for (int r = 1; r < COR_RES__N; r++)
			if (c->need[r] && u[r] + c->need[r] > cap[r])
				return false;
	}
	/* A new escort also takes a seat on the legs the case does not use. */
	if (more > 0)
		for (int k = 0; k < mv->nlegs; k++) {
			if (k >= op->k1 && k <= op->k2)
				continue;
			size_t row = (base + (size_t)k) * COR_RES__N;
			if (st->used[row] + esc + more > md->cap[row])
				return false;
		}
	return true;
}

void plan_place(struct plan_state *st, size_t i, size_t o)
{
	const struct plan_model *md = st->md;
	const struct cor_plan_input *in = md->in;
	const struct cor_plan_case *c = &in->cases[i];
	const struct plan_opt *op = &md->opt[o];
	size_t base = md->leg0[op->m];
	for (int k = op->k1; k <= op->k2; k++)
		for (int r = 0; r < COR_RES__N; r++)
			st->used[(base + (size_t)k) * COR_RES__N + (size_t)r] += c->need[r];
	if (c->medical) {
		st->medical[op->m] += c->medical;
		st->escorts[op->m] = plan_escorts_needed(in, (size_t)op->m, st->medical[op->m]);
	}
	if (op->quota >= 0)
		st->qused[op->quota] += c->need[COR_RES_SEATS];
	st->at[i] = (int)o;
	st->value += op->value;
}

void plan_remove(struct plan_state *st, size_t i)
{
	const struct plan_model *md = st->md;
	const struct cor_plan_input *in = md->in;
	const struct cor_plan_case *c = &in->cases[i];
	int o = st->at[i];
	if (o < 0)
		return;
	const struct plan_opt *op = &md->opt[o];
	size_t base = md->leg0[op->m];
	for (int k = op->k1; k <= op->k2; k++)
		for (int r = 0; r < COR_RES__N; r++)
			st->used[(base + (size_t)k) * COR_RES__N + (size_t)r] -= c->need[r];
	if (c->medical) {
		st->medical[op->m] -= c->medical;
		st->escorts[op->m] = plan_escorts_needed(in, (size_t)op->m, st->medical[op->m]);
	}
	if (op->quota >= 0)
		st->qused[op->quota] -= c->need[COR_RES_SEATS];
	st->at[i] = -1;
	st->value -= op->value;
}
