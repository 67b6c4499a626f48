// SPDX-License-Identifier: Apache-2.0
// eligibility and queue (see queue.h), and the eligibility hook of a move
// (cor_facts_eligibility_hook): each reads facts through the store's public
// calls and decides with the domain's engines under the rules in force.
#include "service/queue.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/health.h"
#include "service/json.h"
#include "store/store_facts.h"
#include "util/out.h"

/* Room for every criterion of every traveller and of the case. */
static size_t report_cap(const struct cor_case_facts *f)
{
	return COR_CRIT__N * (f->n_travellers + 1);
}

/* Whom unmet criterion u is about: the person ID, or the case ID for a case
 * criterion. */
static const char *unmet_who(const struct cor_facts_case *fc, const struct cor_unmet *u)
{
	if (u->person >= 0 && (size_t)u->person < fc->f.n_travellers &&
	    fc->f.travellers[u->person].ref)
		return fc->f.travellers[u->person].ref;
	return fc->c.ref;
}

/* The report line of u: criterion, whom, code and sentence, columns padded,
 * no newline. snprintf rules; returns the length it needs. */
static size_t unmet_line(const struct cor_facts_case *fc, const struct cor_unmet *u, char *buf,
			 size_t len)
{
	struct cor_out o = COR_OUT_INIT(buf, len);
	if (len)
		buf[0] = '\0';
	cor_out_printf(&o, "%-15s  %-21s  %-25s  ",
		       cor_criterion_name(cor_unmet_criterion(u->code)), unmet_who(fc, u),
		       cor_unmet_code_name(u->code));
	size_t at = o.need < len ? o.need : (len ? len - 1 : 0);
	size_t more = cor_unmet_describe(u, &fc->f, len ? buf + at : NULL, len ? len - at : 0);
	return o.need + more;
}

/* "for travel on 2027-01-10", or "on 2026-11-27 (no travel date set)". */
static char *day_phrase(const struct cor_date *travel_on, struct cor_date today, char *buf,
			size_t len)
{
	char d[COR_DATE_LEN];
	if (travel_on)
		snprintf(buf, len, "for travel on %s", cor_date_format(*travel_on, d));
	else
		snprintf(buf, len, "on %s (no travel date set)", cor_date_format(today, d));
	return buf;
}

static json_t *date_json(const struct cor_date *d)
{
	char buf[COR_DATE_LEN];
	return d ? json_string(cor_date_format(*d, buf)) : json_null();
}

static int unknown_programme(struct cor_error *e, const struct cor_facts_case *fc)
{
	return cor_error_set(e, COR_CODE_INVALID, "programme",
			     "case '%s' has programme '%s', which the rules do not know", fc->c.ref,
			     fc->c.programme);
}

/* ---- eligibility ----------------------------------------------------------------- */

struct elig_run {
	struct cor_ctx *cx;
	const struct cor_rules_config *cfg;
	const struct cor_svc_eligibility_in *in;
	struct cor_svc_eligibility_out *out;
};

static json_t *unmet_json(const struct cor_facts_case *fc, const struct cor_unmet *u)
{
	size_t need = cor_unmet_describe(u, &fc->f, NULL, 0);
	char *text = malloc(need + 1);
	if (!text)
		return NULL;
	cor_unmet_describe(u, &fc->f, text, need + 1);
	json_t *o =
		json_pack("{s:s, s:s, s:s, s:s}", "criterion",
			  cor_criterion_name(cor_unmet_criterion(u->code)), "who", unmet_who(fc, u),
			  "code", cor_unmet_code_name(u->code), "message", text);
	free(text);
	return o;
}

static int elig_case(const struct cor_facts_case *fc, void *ctx)
{
	struct elig_run *r = ctx;
	struct cor_ctx *cx = r->cx;
	struct cor_eligibility rep;
	size_t cap = report_cap(&fc->f);
	struct cor_unmet *buf = calloc(cap, sizeof(*buf));
	json_t *unmet = json_array();
	int err = 0;
	if (!buf || !unmet) {
		err = cor_error_set(&cx->err, COR_CODE_NO_MEMORY, NULL, "out of memory");
		goto out;
	}
	cor_eligibility_init(&rep, buf, cap);
	if (cor_eligibility_evaluate(r->cfg, &fc->f, cx->today, &rep) < 0) {
		err = unknown_programme(&cx->err, fc);
		goto out;
	}
	for (size_t i = 0; i < rep.n; i++) {
		json_t *u = unmet_json(fc, &rep.unmet[i]);
		if (!u || json_array_append_new(unmet, u) < 0) {
			err = cor_error_set(&cx->err, COR_CODE_NO_MEMORY, NULL, "out of memory");
			goto out;
		}
	}
	r->out->eligible = cor_eligibility_is_met(&rep);
	r->out->doc = json_pack("{s:s, s:s, s:s, s:I, s:o, s:o, s:i, s:b, s:I, s:o}", "case",
				fc->c.ref, "programme", fc->c.programme, "state", fc->c.state,
				"persons", (json_int_t)fc->f.n_travellers, "travel_on",
				date_json(r->in->travel_on), "evaluated_on", date_json(&cx->today),
				"rules_version", cx->rules_version, "eligible", r->out->eligible,
				"unmet_count", (json_int_t)(rep.n + rep.overflow), "unmet", unmet);
	unmet = NULL;
	if (!r->out->doc)
		err = cor_error_set(&cx->err, COR_CODE_NO_MEMORY, NULL, "out of memory");
out:
	json_decref(unmet);
	free(buf);
	return err;
}

static int op_eligibility(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_eligibility_in *in = vin;
	struct cor_svc_eligibility_out *out = vout;
	char office[8];
	int year;
	long seq;

	out->eligible = false;
	out->doc = NULL;
	if (!in->ref || cor_case_ref_parse(in->ref, office, &year, &seq) < 0)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "case",
				     "'%s' is not a case ID like LY-TIP-2026-000123",
				     in->ref ? in->ref : "");
	const struct cor_rules_config *cfg = cor_ctx_rules(cx);
	if (!cfg)
		return cor_code_err(cx->err.code);
	struct elig_run r = {cx, cfg, in, out};
	int err = cor_store_facts_case(cx->st, in->ref, in->travel_on, elig_case, &r);
	if (err == COR_ENOTFOUND && cx->err.code == COR_CODE_OK)
		return cor_error_set(&cx->err, COR_CODE_CASE_NOT_FOUND, "case", "no case '%s'",
				     in->ref);
	if (err < 0 && cx->err.code == COR_CODE_OK)
		return cor_ctx_store_error(cx, err);
	if (err < 0) {
		json_decref(out->doc);
		out->doc = NULL;
	}
	return err;
}

/* ---- The eligibility hook of a move ------------------------------------------------ */

struct hook_run {
	struct cor_facts_hook_ctx *h;
	struct cor_case_gate *gate;
	struct cor_error err;
};

static int hook_eval(const struct cor_facts_case *fc, void *ctx)
{
	struct hook_run *r = ctx;
	struct cor_facts_hook_ctx *h = r->h;
	struct cor_eligibility rep;
	size_t cap = report_cap(&fc->f);
	struct cor_unmet *buf = calloc(cap, sizeof(*buf));
	if (!buf)
		return cor_error_set(&r->err, COR_CODE_NO_MEMORY, NULL,
				     "out of memory evaluating case '%s'", fc->c.ref);
	cor_eligibility_init(&rep, buf, cap);
	if (cor_eligibility_evaluate(h->cfg, &fc->f, h->today, &rep) < 0) {
		free(buf);
		return unknown_programme(&r->err, fc);
	}
	if (cor_eligibility_is_met(&rep)) {
		r->gate->eligibility = COR_ELIG_MET;
		free(buf);
		return 0;
	}
	r->gate->eligibility = COR_ELIG_NOT_MET;
	h->unmet = rep.n + rep.overflow;
	for (size_t i = 0; i < rep.n; i++) {
		char line[COR_MESSAGE_MAX];
		unmet_line(fc, &rep.unmet[i], line, sizeof(line));
		cor_error_cause(&h->causes, COR_CODE_NOT_ELIGIBLE, unmet_who(fc, &rep.unmet[i]),
				"%s", line);
	}
	/* Beyond what the buffer held, counted only. */
	h->causes.ncauses_lost += (int)rep.overflow;
	char day[48];
	snprintf(r->gate->ineligible_why, sizeof(r->gate->ineligible_why),
		 "%zu eligibility criteri%s not met %s", h->unmet,
		 h->unmet == 1 ? "on is" : "a are",
		 day_phrase(h->travel_on, h->today, day, sizeof(day)));
	free(buf);
	return 0;
}

int cor_facts_eligibility_hook(struct cor_store *st, int64_t case_id, const struct cor_case *c,
			       struct cor_case_gate *gate, void *ctx)
{
	struct hook_run r = {.h = ctx, .gate = gate};
	cor_error_clear(&r.h->causes);
	r.h->unmet = 0;
	cor_error_clear(&r.err);
	int err = cor_store_facts_case(st, c->ref, r.h->travel_on, hook_eval, &r);
	if (err < 0 && r.err.code != COR_CODE_OK)
		cor_store_facts_note(st, r.err.message);
	return err;
}
/* ---- The queue -------------------------------------------------------------------- */

/* A queued case: the facts its explanation reads, kept after the loader has
 * moved on. One traveller carries every person's needs: weights and
 * explanations add up the same (a person holds a code at most once). */
struct qcase {
	struct cor_case_facts f; /* first: recs[i].facts points here */
	struct cor_traveller_facts t;
	int persons;
	unsigned conditions;
};

#define QBLOCK 4096        /* qcases per block: they never move */
#define SBLOCK (64 * 1024) /* bytes per block of strings */

struct cor_svc_queue_mem {
	struct qcase **blocks;
	size_t nblocks, used; /* qcases used in the last block */
	char **strs;          /* every block of strings */
	size_t nstrs;
	char *cur; /* the block strings go in, and its bytes used */
	size_t sused;
	size_t rcap, bcap;
	struct cor_unmet *unmet; /* the evaluation buffer, reused */
	size_t ucap;
};

static void *push(void *arr, size_t n, size_t size)
{
	return realloc(arr, (n + 1) * size);
}

/* Keep block p, to be freed with the queue; false (p freed) on failure. */
static bool mem_keep(struct cor_svc_queue_mem *m, char *p)
{
	char **v = p ? push(m->strs, m->nstrs, sizeof(*v)) : NULL;
	if (!v) {
		free(p);
		return false;
	}
	m->strs = v;
	m->strs[m->nstrs++] = p;
	return true;
}

/* Room for n bytes that stay put until the queue is released. */
static char *mem_alloc(struct cor_svc_queue_mem *m, size_t n)
{
	if (n > SBLOCK / 4) {
		char *p = malloc(n);
		return mem_keep(m, p) ? p : NULL;
	}
	if (!m->cur || m->sused + n > SBLOCK) {
		char *b = malloc(SBLOCK);
		if (!mem_keep(m, b))
			return NULL;
		m->cur = b;
		m->sused = 0;
	}
	char *p = m->cur + m->sused;
	m->sused += n;
	return p;
}

static char *mem_str(struct cor_svc_queue_mem *m, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = mem_alloc(m, n);
	if (p)
		memcpy(p, s, n);
	return p;
}

static struct qcase *mem_qcase(struct cor_svc_queue_mem *m)
{
	if (!m->nblocks || m->used == QBLOCK) {
		struct qcase **v = push(m->blocks, m->nblocks, sizeof(*v));
		if (!v)
			return NULL;
		m->blocks = v;
		if (!(v[m->nblocks] = malloc(QBLOCK * sizeof(struct qcase))))
			return NULL;
		m->nblocks++;
		m->used = 0;
	}
	return &m->blocks[m->nblocks - 1][m->used++];
}

struct qrun {
	struct cor_ctx *cx;
	const struct cor_rules_config *cfg;
	struct cor_date today;
	bool keep_blocked;
	struct cor_svc_queue *q;
	int err;
};

static int oom(struct qrun *r)
{
	return r->err = cor_error_set(&r->cx->err, COR_CODE_NO_MEMORY, NULL,
				      "out of memory building the queue");
}

/* "FITNESS_EXPIRED x2, DOC_EXPIRES_BEFORE_TRAVEL": each code once, in
 * the order of the report. */
static void codes_of(const struct cor_eligibility *rep, char *buf, size_t len)
{
	struct cor_out o = COR_OUT_INIT(buf, len);
	buf[0] = '\0';
	for (size_t i = 0; i < rep->n; i++) {
		enum cor_unmet_code c = rep->unmet[i].code;
		size_t k, n = 0;
		for (k = 0; k < i && rep->unmet[k].code != c; k++)
			;
		if (k < i)
			continue;
		for (k = i; k < rep->n; k++)
			n += rep->unmet[k].code == c;
		cor_out_printf(&o, "%s%s", o.need ? ", " : "", cor_unmet_code_name(c));
		if (n > 1)
			cor_out_printf(&o, " x%zu", n);
	}
}

static int queue_keep(struct qrun *r, const struct cor_facts_case *fc)
{
	struct cor_svc_queue *q = r->q;
	struct cor_svc_queue_mem *m = q->mem;
	if (q->n == m->rcap) {
		size_t cap = m->rcap ? m->rcap * 2 : 1024;
		void *v = realloc(q->recs, cap * sizeof(*q->recs));
		if (!v)
			return oom(r);
		q->recs = v;
		m->rcap = cap;
	}
	struct cor_priority_rec *rec = &q->recs[q->n];
	if (cor_priority_compute(r->cfg, &fc->f, rec) < 0)
		return r->err = cor_error_set(
			       &r->cx->err, COR_CODE_CORRUPT, NULL,
			       "case '%s' has no valid priority level or registration day",
			       fc->c.ref);

	/* What the explanation reads, kept: every person's needs in one list. */
	struct qcase *e = mem_qcase(m);
	size_t n = 1;
	for (size_t i = 0; i < fc->f.n_travellers; i++)
		n += strlen(fc->f.travellers[i].needs) + 1;
	char *needs = e ? mem_alloc(m, n) : NULL;
	if (!needs)
		return oom(r);
	memset(e, 0, sizeof(*e));
	needs[0] = '\0';
	for (size_t i = 0, at = 0; i < fc->f.n_travellers; i++) {
		const char *nd = fc->f.travellers[i].needs;
		size_t k = strlen(nd);
		if (k)
			at += (size_t)snprintf(needs + at, n - at, "%s%s", at ? ";" : "", nd);
		e->conditions |= fc->persons[i].conditions;
	}
	e->persons = (int)fc->f.n_travellers;
	e->f = fc->f;
	e->f.ref = mem_str(m, fc->c.ref);
	if (!e->f.ref)
		return oom(r);
	e->t.needs = needs;
	e->f.travellers = &e->t;
	e->f.n_travellers = 1;
	rec->ref = e->f.ref;
	rec->facts = &e->f;
	q->n++;
	q->persons += e->persons;
	return 0;
}

static int queue_block(struct qrun *r, const struct cor_facts_case *fc,
		       const struct cor_eligibility *rep)
{
	struct cor_svc_queue *q = r->q;
	struct cor_svc_queue_mem *m = q->mem;
	q->blocked_persons += (long)fc->f.n_travellers;
	if (!r->keep_blocked) {
		q->n_blocked++;
		return 0;
	}
	char codes[512];
	codes_of(rep, codes, sizeof(codes));
	if ((size_t)q->n_blocked == m->bcap) {
		size_t cap = m->bcap ? m->bcap * 2 : 256;
		void *v = realloc(q->blocked, cap * sizeof(*q->blocked));
		if (!v)
			return oom(r);
		q->blocked = v;
		m->bcap = cap;
	}
	struct cor_svc_blocked *b = &q->blocked[q->n_blocked];
	b->ref = mem_str(m, fc->c.ref);
	b->codes = mem_str(m, codes);
	if (!b->ref || !b->codes)
		return oom(r);
	b->persons = (int)fc->f.n_travellers;
	b->unmet = rep->n + rep->overflow;
	q->n_blocked++;
	return 0;
}

static int queue_case(const struct cor_facts_case *fc, void *ctx)
{
	struct qrun *r = ctx;
	struct cor_svc_queue *q = r->q;
	struct cor_svc_queue_mem *m = q->mem;
	struct cor_eligibility rep;
	size_t cap = report_cap(&fc->f);
	if (cap > m->ucap) {
		void *v = realloc(m->unmet, cap * sizeof(*m->unmet));
		if (!v)
			return oom(r);
		m->unmet = v;
		m->ucap = cap;
	}
	cor_eligibility_init(&rep, m->unmet, m->ucap);
	q->cases++;
	q->travellers += (long)fc->f.n_travellers;
	if (cor_eligibility_evaluate(r->cfg, &fc->f, r->today, &rep) < 0)
		return r->err = unknown_programme(&r->cx->err, fc);
	bool met = cor_eligibility_is_met(&rep);
	q->unmet += (long)(rep.n + rep.overflow);
	q->eligible += met;
	if (strcmp(fc->c.state, "travel_ready"))
		return 0;
	return met ? queue_keep(r, fc) : queue_block(r, fc, &rep);
}

static int op_queue(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_queue_in *in = vin;
	struct cor_svc_queue *out = vout;
	const struct cor_rules_config *cfg;
	int err;

	memset(out, 0, sizeof(*out));
	if (in->programme && !cor_programme_find(in->programme))
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "programme",
				     "'%s' is not a programme", in->programme);
	if (in->office && !cor_office_code_is_valid(in->office))
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "office",
				     "'%s' is not an office code like LY-TIP", in->office);
	if (!(cfg = cor_ctx_rules(cx)))
		return cor_code_err(cx->err.code);
	if (!(out->mem = calloc(1, sizeof(*out->mem))))
		return cor_error_set(&cx->err, COR_CODE_NO_MEMORY, NULL,
				     "out of memory building the queue");
	out->kept_blocked = in->keep_blocked;
	out->rules = *cfg;
	out->rules_version = cx->rules_version;
	out->today = cx->today;
	out->has_travel_on = in->travel_on != NULL;
	if (in->travel_on)
		out->travel_on = *in->travel_on;
	struct cor_facts_query fq = {
		.programme = in->programme,
		.office = in->office,
		.state = "travel_ready",
		.travel_on = in->travel_on,
	};
	struct qrun r = {cx, &out->rules, cx->today, in->keep_blocked, out, 0};
	err = cor_store_facts_each(cx->st, &fq, queue_case, &r);
	free(out->mem->unmet);
	out->mem->unmet = NULL;
	out->mem->ucap = 0;
	if (err == COR_ENOTFOUND && cx->err.code == COR_CODE_OK)
		err = cor_error_set(&cx->err, COR_CODE_OFFICE_NOT_FOUND, "office", "no office '%s'",
				    in->office ? in->office : "");
	else if (err < 0 && cx->err.code == COR_CODE_OK)
		err = cor_ctx_store_error(cx, err);
	if (err < 0) {
		cor_svc_queue_release(out);
		return err;
	}
	cor_priority_sort(out->recs, out->n);
	return 0;
}

int cor_svc_queue_persons(const struct cor_svc_queue *q, size_t i, unsigned *conditions)
{
	const struct qcase *e = (const struct qcase *)q->recs[i].facts;
	if (conditions)
		*conditions = e->conditions;
	return e->persons;
}

void cor_svc_queue_release(struct cor_svc_queue *q)
{
	struct cor_svc_queue_mem *m = q->mem;
	if (m) {
		for (size_t i = 0; i < m->nblocks; i++)
			free(m->blocks[i]);
		for (size_t i = 0; i < m->nstrs; i++)
			free(m->strs[i]);
		free(m->blocks);
		free(m->strs);
		free(m->unmet);
		free(m);
	}
	free(q->recs);
	free(q->blocked);
	memset(q, 0, sizeof(*q));
}

size_t cor_svc_queue_why(const struct cor_svc_queue *q, size_t i, char *buf, size_t len)
{
	/* Deadlines are counted to the travel date when there is one. */
	return cor_priority_explain(&q->rules, &q->recs[i],
				    q->has_travel_on ? q->travel_on : q->today, buf, len);
}

/* [{"code":"FITNESS_EXPIRED","count":2}, ...] from "FITNESS_EXPIRED x2, ...". */
static json_t *codes_json(const char *codes)
{
	json_t *a = json_array();
	for (const char *s = codes; a && *s;) {
		size_t n = strcspn(s, ", ");
		char code[64];
		long count = 1;
		snprintf(code, sizeof(code), "%.*s", (int)n, s);
		s += n;
		if (!strncmp(s, " x", 2)) {
			char *end;
			count = strtol(s + 2, &end, 10);
			s = end;
		}
		if (*code)
			json_array_append_new(a, json_pack("{s:s, s:I}", "code", code, "count",
							   (json_int_t)count));
		s += strspn(s, ", ");
	}
	return a;
}

static json_t *entry_json(const struct cor_svc_queue *q, size_t i)
{
	char why[1024], *text = why, *big = NULL;
	unsigned conditions;
	int persons = cor_svc_queue_persons(q, i, &conditions);
	size_t need = cor_svc_queue_why(q, i, why, sizeof(why));
	if (need >= sizeof(why) && (big = malloc(need + 1))) {
		cor_svc_queue_why(q, i, big, need + 1);
		text = big;
	}
	json_t *conds = json_array();
	for (int c = 0; conds && c < COR_HEALTH_CONDITION__N; c++)
		if (conditions & COR_HEALTH_COND_BIT(c))
			json_array_append_new(conds, json_string(cor_health_condition_name(
							     (enum cor_health_condition)c)));
	json_t *o =
		json_pack("{s:I, s:s, s:i, s:o, s:s, s:s}", "place", (json_int_t)(i + 1), "case",
			  q->recs[i].ref, "persons", persons, "conditions", conds, "priority",
			  cor_priority_name(q->recs[i].facts->priority), "why", text);
	free(big);
	return o;
}

json_t *cor_svc_queue_json(const struct cor_svc_queue *q, long limit)
{
	json_t *entries = json_array(), *blocked = NULL;
	size_t n = limit > 0 && (size_t)limit < q->n ? (size_t)limit : q->n;
	for (size_t i = 0; entries && i < n; i++)
		if (json_array_append_new(entries, entry_json(q, i)) < 0) {
			json_decref(entries);
			return NULL;
		}
	if (q->kept_blocked) {
		blocked = json_array();
		for (long i = 0; blocked && q->blocked && i < q->n_blocked; i++) {
			const struct cor_svc_blocked *b = &q->blocked[i];
			if (json_array_append_new(blocked,
						  json_pack("{s:s, s:i, s:I, s:o}", "case", b->ref,
							    "persons", b->persons, "unmet_count",
							    (json_int_t)b->unmet, "codes",
							    codes_json(b->codes))) < 0) {
				json_decref(blocked);
				blocked = NULL;
			}
		}
	}
	return json_pack("{s:o, s:o, s:i, s:o, s:{s:I, s:I}, s:{s:I, s:I}, s:o}", "travel_on",
			 date_json(q->has_travel_on ? &q->travel_on : NULL), "evaluated_on",
			 date_json(&q->today), "rules_version", q->rules_version, "queue", entries,
			 "eligible", "cases", (json_int_t)q->n, "persons", (json_int_t)q->persons,
			 "not_eligible", "cases", (json_int_t)q->n_blocked, "persons",
			 (json_int_t)q->blocked_persons, "blocked",
			 blocked ? blocked : json_null());
}

static const struct cor_op op_elig = {"eligibility.evaluate", COR_OP_READ, "case.read",
				      op_eligibility,
				      "every unmet eligibility criterion of a case"};
static const struct cor_op op_q = {"queue.show", COR_OP_READ, "case.read", op_queue,
				   "the priority queue of eligible travel-ready cases"};

const struct cor_op *const cor_ops_queue[] = {&op_elig, &op_q, NULL};

int cor_svc_eligibility(struct cor_ctx *cx, const struct cor_svc_eligibility_in *in,
			struct cor_svc_eligibility_out *out)
{
	return cor_service_run(cx, &op_elig, in, out);
}

int cor_svc_queue(struct cor_ctx *cx, const struct cor_svc_queue_in *in, struct cor_svc_queue *out)
{
	return cor_service_run(cx, &op_q, in, out);
}
