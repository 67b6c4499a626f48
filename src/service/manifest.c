// SPDX-License-Identifier: Apache-2.0
// manifest.build (see manifest.h): the manifest assembled from the store's
// records: the movement and its places, the bookings, each case's persons
// and documents, and the fitness conditions the facts loader maps.
#include "service/manifest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/health.h"
#include "service/departure.h"
#include "store/store_facts.h"
#include "store/store_movement.h"
#include "util/error.h"

struct builder {
	struct cor_store *st;
	struct cor_manifest *m;
	struct cor_movement mv;
	struct cor_date day; /* departure day of the leg, for ages */
	struct cor_manifest_pax *pax;
	size_t n, cap;
	/* the booking being read */
	const struct cor_booking *b;
	const struct cor_facts_case *fc;
	struct cor_escort esc[16];
	int nesc, next_med, next_ops;
	int err;
	struct cor_departure dep; /* the pre-departure check, before departure */
};

/* Does the pre-departure check block case or escort key ("escort 2")? */
static bool blocked(const struct builder *bd, const char *key)
{
	for (size_t i = 0; i < bd->dep.n; i++) {
		const struct cor_departure_blocker *b = &bd->dep.blockers[i];
		if (b->case_ref[0] ? !strcmp(b->case_ref, key) : !strcmp(b->who, key))
			return true;
	}
	return false;
}

static struct cor_manifest_pax *new_pax(struct builder *bd)
{
	if (bd->n == bd->cap) {
		size_t cap = bd->cap ? 2 * bd->cap : 64;
		struct cor_manifest_pax *p = realloc(bd->pax, cap * sizeof(*p));
		if (!p)
			return NULL;
		bd->pax = p;
		bd->cap = cap;
	}
	struct cor_manifest_pax *p = &bd->pax[bd->n++];
	memset(p, 0, sizeof(*p));
	return p;
}

/* The document a carrier sees: the first passport, else the first of the
 * other travel documents in this order. */
static int pick_doc(const struct cor_document *docs, int n)
{
	static const enum cor_doc_kind order[] = {COR_DOC_PASSPORT, COR_DOC_REFUGEE_TD, COR_DOC_ETD,
						  COR_DOC_LAISSEZ_PASSER, COR_DOC_ID_CARD};
	for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++)
		for (int i = 0; i < n; i++)
			if (docs[i].kind == order[k])
				return i;
	return -1;
}

/* The escort for a traveller with these conditions, in turn; "" for none. */
static void assign_escort(struct builder *bd, unsigned conds, char *out, size_t len)
{
	bool medical = conds & (COR_HEALTH_COND_BIT(COR_HEALTH_MEDICAL_ESCORT) |
				COR_HEALTH_COND_BIT(COR_HEALTH_OXYGEN) |
				COR_HEALTH_COND_BIT(COR_HEALTH_STRETCHER));
	bool other = conds & COR_HEALTH_COND_BIT(COR_HEALTH_NON_MEDICAL_ESCORT);
	out[0] = '\0';
	if (!medical && !other)
		return;
	int *next = medical ? &bd->next_med : &bd->next_ops;
	for (int k = 0; k < bd->nesc; k++) {
		int i = (*next + k) % bd->nesc;
		if (bd->esc[i].medical == medical) {
			snprintf(out, len, "%s %s", bd->esc[i].given_names, bd->esc[i].family_name);
			*next = i + 1;
			return;
		}
	}
}

static int on_person(const struct cor_person *p, const struct cor_document *docs, int ndocs,
		     void *ctx)
{
	struct builder *bd = ctx;
	struct cor_manifest_pax *x = new_pax(bd);
	if (!x)
		return bd->err = COR_ENOMEM;
	x->role = COR_PAX_TRAVELLER;
	snprintf(x->case_ref, sizeof(x->case_ref), "%s", bd->b->case_ref);
	x->seq = p->seq;
	snprintf(x->seat_group, sizeof(x->seat_group), "%s", bd->b->seat_group);
	memcpy(x->family_name, p->family_name, sizeof(x->family_name));
	memcpy(x->given_names, p->given_names, sizeof(x->given_names));
	memcpy(x->family_name_latin, p->family_name_latin, sizeof(x->family_name_latin));
	memcpy(x->given_names_latin, p->given_names_latin, sizeof(x->given_names_latin));
	x->sex = p->sex;
	x->birth_date = p->birth_date;
	x->birth_date_approx = p->birth_date_approx;
	memcpy(x->nationality, p->nationality, sizeof(x->nationality));
	int d = pick_doc(docs, ndocs);
	x->doc_kind = d < 0 ? COR_DOC_NONE : docs[d].kind;
	if (d >= 0) {
		snprintf(x->doc_number, sizeof(x->doc_number), "%s", docs[d].number);
		memcpy(x->doc_issuer, docs[d].issuer, sizeof(x->doc_issuer));
		x->doc_expires = docs[d].expires_on;
		x->doc_has_expiry = docs[d].has_expiry;
	}
	unsigned conds = 0;
	for (size_t i = 0; bd->fc && i < bd->fc->f.n_travellers; i++)
		if (bd->fc->persons[i].seq == p->seq)
			conds = bd->fc->persons[i].conditions;
	const char *codes[COR_HEALTH_SSR_MAX];
	int n = cor_health_ssr_codes(conds, codes);
	for (int i = 0; i < n && x->nssr < COR_MANIFEST_SSR_MAX; i++)
		x->ssr[x->nssr++] = codes[i];
	if (cor_date_age(p->birth_date, bd->day) < 2 && x->nssr < COR_MANIFEST_SSR_MAX)
		x->ssr[x->nssr++] = "INFT";
	assign_escort(bd, conds, x->escort, sizeof(x->escort));
	snprintf(x->board, sizeof(x->board), "%s", bd->b->board);
	snprintf(x->alight, sizeof(x->alight), "%s", bd->b->alight);
	return 0;
}

static int on_facts(const struct cor_facts_case *fc, void *ctx)
{
	struct builder *bd = ctx;
	int64_t id = fc->id;
	bd->fc = fc;
	int err = cor_store_case_persons(bd->st, id, on_person, bd);
	bd->fc = NULL;
	return err < 0 ? err : bd->err;
}

/* Does the booking's journey use leg index k of the movement? */
static bool on_leg(const struct cor_movement *mv, const struct cor_booking *b, int k)
{
	int board = -1, alight = -1;
	for (int i = 0; i < mv->nlegs; i++) {
		if (board < 0 && !strcmp(mv->legs[i].from, b->board))
			board = i;
		if (board >= 0 && alight < 0 && !strcmp(mv->legs[i].to, b->alight))
			alight = i;
	}
	return board >= 0 && alight >= 0 && board <= k && k <= alight;
}

struct booking_list {
	struct cor_booking *b;
	size_t n, cap;
};

static int collect(const struct cor_booking *b, void *ctx)
{
	struct booking_list *l = ctx;
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 32;
		struct cor_booking *p = realloc(l->b, cap * sizeof(*p));
		if (!p)
			return COR_ENOMEM;
		l->b = p;
		l->cap = cap;
	}
	l->b[l->n++] = *b;
	return 0;
}

static int on_escort(const struct cor_escort *e, void *ctx)
{
	struct builder *bd = ctx;
	if (bd->nesc < (int)(sizeof(bd->esc) / sizeof(bd->esc[0])))
		bd->esc[bd->nesc++] = *e;
	return 0;
}

static int op_build(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_manifest_in *in = vin;
	struct cor_manifest *out = vout;
	struct cor_store *st = cx->st;
	struct builder bd = {.st = st, .m = out};
	struct booking_list bl = {0};
	const char *ref = in->movement, *reporting_party = in->reporting_party;
	int leg = in->leg, err;
	memset(out, 0, sizeof(*out));
	if (!ref || !*ref)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "movement",
				     "give the movement's reference");
	if ((err = cor_store_movement_get(st, ref, &bd.mv)) == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_MOVEMENT_NOT_FOUND, "movement",
				     "no movement '%s'", ref);
	if (err < 0)
		return cor_ctx_store_error(cx, err);
	if (bd.mv.state == COR_MSTATE_CANCELLED)
		return cor_error_set(&cx->err, COR_CODE_WRONG_STATE, "movement",
				     "movement '%s' is cancelled: it has no manifest", ref);
	if (leg < 1 || leg > bd.mv.nlegs)
		return cor_error_set(&cx->err, COR_CODE_NOT_FOUND, "leg",
				     "movement '%s' has %d leg%s, not a leg %d", ref, bd.mv.nlegs,
				     bd.mv.nlegs == 1 ? "" : "s", leg);
	snprintf(out->movement_ref, sizeof(out->movement_ref), "%s", bd.mv.ref);
	out->kind = bd.mv.kind;
	snprintf(out->label, sizeof(out->label), "%s", bd.mv.label);
	snprintf(out->state, sizeof(out->state), "%s", cor_movement_state_name(bd.mv.state));
	snprintf(out->office, sizeof(out->office), "%s", bd.mv.office);
	snprintf(out->reporting_party, sizeof(out->reporting_party), "%s",
		 reporting_party && *reporting_party ? reporting_party : bd.mv.office);
	out->nlegs = bd.mv.nlegs;
	out->leg = leg - 1;
	snprintf(out->generated_at, sizeof(out->generated_at), "%s", cx->now);
	for (int i = 0; i < bd.mv.nlegs; i++) {
		const struct cor_leg *l = &bd.mv.legs[i];
		struct cor_manifest_leg *ml = &out->legs[i];
		struct cor_place a, b;
		if ((err = cor_store_place_get(st, l->from, &a)) < 0 ||
		    (err = cor_store_place_get(st, l->to, &b)) < 0)
			return cor_ctx_store_error(cx, err);
		ml->seq = l->seq;
		snprintf(ml->from, sizeof(ml->from), "%s", l->from);
		snprintf(ml->to, sizeof(ml->to), "%s", l->to);
		snprintf(ml->from_name, sizeof(ml->from_name), "%s", a.name);
		snprintf(ml->to_name, sizeof(ml->to_name), "%s", b.name);
		snprintf(ml->from_tz, sizeof(ml->from_tz), "%s", a.tz);
		snprintf(ml->to_tz, sizeof(ml->to_tz), "%s", b.tz);
		ml->departs = l->departs;
		ml->arrives = l->arrives;
		/* The leg's own carrier, else the movement's. */
		snprintf(ml->carrier, sizeof(ml->carrier), "%s",
			 l->carrier[0] ? l->carrier : bd.mv.carrier);
		snprintf(ml->number, sizeof(ml->number), "%s", l->number);
	}
	bd.day = cor_date_from_days((int32_t)(bd.mv.legs[leg - 1].departs / 86400));
	/* Before departure, nobody the pre-departure check blocks is listed. */
	if (bd.mv.state != COR_MSTATE_DEPARTED && bd.mv.state != COR_MSTATE_ARRIVED) {
		if ((err = cor_departure_check(cx, &bd.mv, &bd.dep)) < 0)
			return err;
	}
	if ((err = cor_store_movement_escort_each(st, ref, on_escort, &bd)) < 0 ||
	    (err = cor_store_booking_each(st, ref, collect, &bl)) < 0)
		goto fail;
	/* The escorts the check blocks are neither listed nor assigned. */
	int kept = 0;
	for (int i = 0; i < bd.nesc; i++) {
		char who[40];
		snprintf(who, sizeof(who), "escort %d", bd.esc[i].no);
		if (blocked(&bd, who))
			out->withheld_escorts++;
		else
			bd.esc[kept++] = bd.esc[i];
	}
	bd.nesc = kept;
	enum cor_booking_status want =
		bd.mv.state == COR_MSTATE_DEPARTED || bd.mv.state == COR_MSTATE_ARRIVED
			? COR_BOOKING_DEPARTED
			: COR_BOOKING_BOOKED;
	for (size_t i = 0; i < bl.n; i++) {
		if (bl.b[i].status != want || !on_leg(&bd.mv, &bl.b[i], leg - 1))
			continue;
		if (blocked(&bd, bl.b[i].case_ref)) {
			out->withheld_cases++;
			out->withheld_travellers += bl.b[i].persons;
			continue;
		}
		bd.b = &bl.b[i];
		if ((err = cor_store_facts_case(st, bl.b[i].case_ref, NULL, on_facts, &bd)) < 0)
			goto fail;
	}
	for (int i = 0; i < bd.nesc; i++) {
		struct cor_manifest_pax *x = new_pax(&bd);
		if (!x) {
			err = COR_ENOMEM;
			goto fail;
		}
		x->role = bd.esc[i].medical ? COR_PAX_MEDICAL_ESCORT : COR_PAX_ESCORT;
		snprintf(x->seat_group, sizeof(x->seat_group), "ESC");
		const struct cor_escort *e = &bd.esc[i];
		snprintf(x->family_name_latin, sizeof(x->family_name_latin), "%s", e->family_name);
		snprintf(x->given_names_latin, sizeof(x->given_names_latin), "%s", e->given_names);
		snprintf(x->family_name, sizeof(x->family_name), "%s", e->family_name);
		snprintf(x->given_names, sizeof(x->given_names), "%s", e->given_names);
		x->sex = e->sex;
		x->birth_date = e->birth_date;
		memcpy(x->nationality, e->nationality, sizeof(x->nationality));
		x->doc_kind = e->passport[0] ? COR_DOC_PASSPORT : COR_DOC_NONE;
		snprintf(x->doc_number, sizeof(x->doc_number), "%s", e->passport);
		memcpy(x->doc_issuer, e->issuer, sizeof(x->doc_issuer));
		x->doc_expires = e->expires_on;
		x->doc_has_expiry = e->has_expiry;
		snprintf(x->board, sizeof(x->board), "%s", bd.mv.legs[0].from);
		snprintf(x->alight, sizeof(x->alight), "%s", bd.mv.legs[bd.mv.nlegs - 1].to);
	}
	free(bl.b);
	cor_departure_release(&bd.dep);
	out->pax = bd.pax;
	out->npax = bd.n;
	return 0;
fail:
	free(bl.b);
	free(bd.pax);
	cor_departure_release(&bd.dep);
	return err == COR_ENOMEM
		       ? cor_error_set(&cx->err, COR_CODE_NO_MEMORY, NULL, "out of memory")
		       : cor_ctx_store_error(cx, err);
}

static const struct cor_op op_manifest_build = {
	"manifest.build", COR_OP_READ, "manifest.read", op_build,
	"the passengers of one leg of a movement, for a manifest"};

const struct cor_op *const cor_ops_manifest[] = {&op_manifest_build, NULL};

int cor_svc_manifest_build(struct cor_ctx *cx, const struct cor_svc_manifest_in *in,
			   struct cor_manifest *out)
{
	return cor_service_run(cx, &op_manifest_build, in, out);
}

void cor_svc_manifest_release(struct cor_manifest *m)
{
	free((void *)m->pax);
	m->pax = NULL;
	m->npax = 0;
}
