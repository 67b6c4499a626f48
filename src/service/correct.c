// SPDX-License-Identifier: Apache-2.0
// Corrections (see correct.h): each operation reads the facts in its
// transaction, asks domain/correct.h, writes the records through
// store_correct.h and one "corrected" event per field changed.
#include "service/correct.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/correct.h"
#include "domain/protection.h"
#include "service/json.h"
#include "service/movement.h"
#include "service/numbers.h"
#include "store/store_correct.h"
#include "store/store_health.h"
#include "store/store_movement.h"
#include "store/store_workflow.h"

/* ---- helpers ------------------------------------------------------------ */

/* cx->err from a domain refusal; returns err. */
static int refusal(struct cor_ctx *cx, const struct cor_refusal *why, int err)
{
	int code = cor_code_from_name(why->code);
	cor_error_set(&cx->err, code < 0 ? COR_CODE_REFUSED : (enum cor_code)code, why->field, "%s",
		      why->msg);
	return err < 0 ? err : COR_EINVAL;
}

/* A correction's reason: required, text. */
static int check_reason(struct cor_ctx *cx, const char *reason)
{
	struct cor_refusal why;
	if (!reason || !*reason)
		return cor_error_set(&cx->err, COR_CODE_REASON_REQUIRED, "reason",
				     "a correction needs a reason: say why the record was wrong");
	int err = cor_lifecycle_text_check("reason", reason, COR_REASON_MAX, &why);
	return err < 0 ? refusal(cx, &why, err) : 0;
}

/* The case ref, its id and record; BAD_PARAMETER or CASE_NOT_FOUND. */
static int load_case(struct cor_ctx *cx, const char *ref, int64_t *id, struct cor_case *c)
{
	char office[8];
	int year;
	long seq;
	if (!ref || cor_case_ref_parse(ref, office, &year, &seq) < 0)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "case",
				     "'%s' is not a case ID like LY-TIP-2026-000123",
				     ref ? ref : "");
	int err = cor_store_case_get(cx->st, ref, id, c);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_CASE_NOT_FOUND, "case", "no case '%s'",
				     ref);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

/* The person of an ID, with their case; field names the input. */
static int load_person(struct cor_ctx *cx, const char *field, const char *ref,
		       struct cor_person_found *who)
{
	char case_ref[COR_CASE_REF_MAX];
	int seq;
	if (!ref || cor_protection_person_ref_parse(ref, case_ref, &seq) < 0)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, field,
				     "'%s' is not a person ID like LY-TIP-2026-000123-01",
				     ref ? ref : "");
	int err = cor_store_person_find(cx->st, ref, who);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_PERSON_NOT_FOUND, field, "no person '%s'",
				     ref);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

/* The movement case ref is booked or on stand-by on, into buf; NULL when none. */
static int booking_of(struct cor_ctx *cx, const char *ref, char *buf, size_t len,
		      const char **movement)
{
	struct cor_booking b;
	int err = cor_store_case_booking(cx->st, ref, &b);
	*movement = NULL;
	if (err == COR_ENOTFOUND)
		return 0;
	if (err < 0)
		return cor_ctx_store_error(cx, err);
	snprintf(buf, len, "%s", b.movement_ref);
	*movement = buf;
	return 0;
}

/* What a correction reads of a case's persons. max_seq is the highest
 * person number the case has given: of its persons, and of those removed
 * or moved out, whose numbers its history keeps. A number is never given
 * twice in a case: a person's ID names one person. */
struct roster {
	const char *ref; /* the case */
	int n, max_seq;
	int principal_seq; /* 0: none */
	struct cor_date principal_birth;
	struct member {
		int seq;
		enum cor_relationship rel;
		struct cor_date birth;
	} m[100];
};

static int roster_one(const struct cor_person *p, const struct cor_document *docs, int ndocs,
		      void *ctx)
{
	struct roster *r = ctx;
	(void)docs;
	(void)ndocs;
	if (r->n < (int)(sizeof(r->m) / sizeof(r->m[0])))
		r->m[r->n++] = (struct member){p->seq, p->relationship, p->birth_date};
	if (p->seq > r->max_seq)
		r->max_seq = p->seq;
	if (p->relationship == COR_REL_PRINCIPAL) {
		r->principal_seq = p->seq;
		r->principal_birth = p->birth_date;
	}
	return 0;
}

/* A correction of a person of the case ("person LY-TIP-2026-000123-04")
 * keeps that person's number. */
static int roster_event(const struct cor_event *e, void *ctx)
{
	struct roster *r = ctx;
	size_t n = strlen(r->ref);
	const char *d = e->detail;
	if (strcmp(e->action, "corrected") || strncmp(d, "person ", 7) ||
	    strncmp(d + 7, r->ref, n) || d[7 + n] != '-')
		return 0;
	int seq = 0;
	for (const char *s = d + 8 + n; *s >= '0' && *s <= '9' && seq < 1000; s++)
		seq = seq * 10 + (*s - '0');
	if (seq > r->max_seq)
		r->max_seq = seq;
	return 0;
}

static int load_roster(struct cor_ctx *cx, int64_t case_id, const char *ref, struct roster *r)
{
	memset(r, 0, sizeof(*r));
	r->ref = ref;
	int err = cor_store_case_persons(cx->st, case_id, roster_one, r);
	if (err == 0)
		err = cor_store_case_events(cx->st, case_id, roster_event, r);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

/* A person as one line: "ADEBAYO, Musa (M, 1990-05-01, NGA, child)". */
static void person_line(char *buf, size_t len, const struct cor_person *p)
{
	char d[COR_DATE_LEN];
	snprintf(buf, len, "%s%s%s (%c, %s%s, %s, %s)", p->family_name_latin,
		 p->family_name_latin[0] ? ", " : "", p->given_names_latin, p->sex,
		 cor_date_format(p->birth_date, d), p->birth_date_approx ? " approx." : "",
		 p->nationality, cor_relationship_name(p->relationship));
}

/* Record one change in out and in case case_id's history. */
static int record(struct cor_ctx *cx, int64_t case_id, const char *case_ref,
		  struct cor_svc_correction_out *out, const char *subject, const char *field,
		  const char *before, const char *after, const char *reason)
{
	if (out->n == COR_SVC_CHANGES_MAX)
		return cor_error_set(&cx->err, COR_CODE_CAPACITY, NULL,
				     "one correction changes at most %d fields",
				     COR_SVC_CHANGES_MAX);
	struct cor_svc_change *ch = &out->changes[out->n++];
	snprintf(ch->case_ref, sizeof(ch->case_ref), "%s", case_ref);
	snprintf(ch->subject, sizeof(ch->subject), "%s", subject);
	snprintf(ch->field, sizeof(ch->field), "%s", field);
	snprintf(ch->before, sizeof(ch->before), "%s", before);
	snprintf(ch->after, sizeof(ch->after), "%s", after);
	struct cor_correction c = {ch->subject, ch->field, ch->before,
				   ch->after,   reason,    cx->actor};
	int err = cor_store_correction_add(cx->st, case_id, &c);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

static void out_init(struct cor_svc_correction_out *out, const char *case_ref)
{
	memset(out, 0, sizeof(*out));
	snprintf(out->case_ref, sizeof(out->case_ref), "%s", case_ref);
}

/* The one place a person's record is written after registration: a person
 * added (person_id 0; *new_id gets theirs), corrected, or removed (p
 * NULL). Every change of a person's names goes through here, so whatever
 * is kept from names follows them here and nowhere else. */
static int person_store(struct cor_ctx *cx, int64_t case_id, int64_t person_id,
			const struct cor_person *p, int64_t *new_id)
{
	int err;
	if (!p)
		err = cor_store_person_delete(cx->st, person_id);
	else if (!person_id)
		err = cor_store_person_add(cx->st, case_id, p, new_id);
	else
		err = cor_store_person_update(cx->st, person_id, p);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

json_t *cor_svc_correction_json(const struct cor_ctx *cx, const char *reason,
				const struct cor_svc_correction_out *out)
{
	json_t *a = json_array();
	for (int i = 0; a && i < out->n; i++) {
		const struct cor_svc_change *ch = &out->changes[i];
		json_array_append_new(a,
				      json_pack("{s:s, s:s, s:s, s:s, s:s}", "case", ch->case_ref,
						"subject", ch->subject, "field", ch->field,
						"before", ch->before, "after", ch->after));
	}
	return json_pack("{s:o, s:o, s:o, s:o, s:s, s:s, s:s, s:o}", "case",
			 cor_json_str(out->case_ref[0] ? out->case_ref : NULL), "movement",
			 cor_json_str(out->movement[0] ? out->movement : NULL), "person",
			 cor_json_str(out->person[0] ? out->person : NULL), "case_made",
			 cor_json_str(out->case_made[0] ? out->case_made : NULL), "reason",
			 reason ? reason : "", "at", cx->now, "by", cx->actor, "changes", a);
}

/* ---- person.correct ------------------------------------------------------ */

/* Set a text field from v (NULL: unchanged). */
static int set_text(struct cor_ctx *cx, const char *field, char *dst, size_t len, const char *v)
{
	if (!v)
		return 0;
	if (strlen(v) >= len)
		return cor_error_set(&cx->err, COR_CODE_INVALID, field, "%s: at most %zu bytes",
				     field, len - 1);
	snprintf(dst, len, "%s", v);
	return 0;
}

/* Every person of the case keeps a plausible relationship when the
 * principal applicant is born on birth. */
static int relationships_hold(struct cor_ctx *cx, const char *case_ref, const struct roster *r,
			      struct cor_date birth)
{
	struct cor_refusal why;
	for (int i = 0; i < r->n; i++) {
		char ref[COR_PERSON_REF_MAX + 8];
		if (r->m[i].rel == COR_REL_PRINCIPAL)
			continue;
		cor_person_ref_format(ref, sizeof(ref), case_ref, r->m[i].seq);
		int err = cor_correct_relationship_check(ref, false, r->m[i].rel, r->m[i].birth,
							 birth, &why);
		if (err < 0) {
			why.field = "birth_date";
			return refusal(cx, &why, err);
		}
	}
	return 0;
}

static int op_person_correct(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_person_correct_in *in = vin;
	struct cor_svc_correction_out *out = vout;
	struct cor_person_found who;
	struct cor_refusal why;
	struct roster r;
	int err;

	out_init(out, "");
	if ((err = check_reason(cx, in->reason)) < 0)
		return err;
	if (!in->family_name && !in->given_names && !in->family_name_latin &&
	    !in->given_names_latin && !in->sex && !in->has_birth_date &&
	    in->birth_date_approx < 0 && !in->nationality && !in->relationship)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "person",
				     "what is to be corrected? give at least one field");
	if ((err = load_person(cx, "person", in->person, &who)) < 0)
		return err;
	out_init(out, who.c.ref);
	struct cor_person p = who.p, was = who.p;
	if ((err = set_text(cx, "family_name", p.family_name, sizeof(p.family_name),
			    in->family_name)) < 0 ||
	    (err = set_text(cx, "given_names", p.given_names, sizeof(p.given_names),
			    in->given_names)) < 0 ||
	    (err = set_text(cx, "family_name_latin", p.family_name_latin,
			    sizeof(p.family_name_latin), in->family_name_latin)) < 0 ||
	    (err = set_text(cx, "given_names_latin", p.given_names_latin,
			    sizeof(p.given_names_latin), in->given_names_latin)) < 0)
		return err;
	if (in->sex) {
		if (strlen(in->sex) != 1)
			return cor_error_set(&cx->err, COR_CODE_INVALID, "sex",
					     "sex: '%.20s' is not F, M or X", in->sex);
		p.sex = in->sex[0];
	}
	if (in->has_birth_date)
		p.birth_date = in->birth_date;
	if (in->birth_date_approx >= 0)
		p.birth_date_approx = in->birth_date_approx != 0;
	if (in->nationality &&
	    set_text(cx, "nationality", p.nationality, sizeof(p.nationality), in->nationality) < 0)
		return cor_error_set(&cx->err, COR_CODE_INVALID, "nationality",
				     "nationality: '%.20s' is not an ISO 3166-1 alpha-3 code (or "
				     "XXA stateless, XXX unknown)",
				     in->nationality);
	if (in->relationship && cor_relationship_parse(in->relationship, &p.relationship) < 0)
		return cor_error_set(&cx->err, COR_CODE_INVALID, "relationship",
				     "relationship: '%.40s' is not a relationship (spouse, child, "
				     "stepchild, parent, sibling, grandparent, grandchild, "
				     "other_relative, unrelated)",
				     in->relationship);
	if ((err = cor_svc_person_check(cx, &p)) < 0)
		return err;
	if ((err = load_roster(cx, who.case_id, who.c.ref, &r)) < 0)
		return err;
	bool is_principal = was.relationship == COR_REL_PRINCIPAL;
	if (is_principal && cor_date_cmp(p.birth_date, was.birth_date) &&
	    (err = relationships_hold(cx, who.c.ref, &r, p.birth_date)) < 0)
		return err;
	if ((in->relationship || in->has_birth_date) &&
	    (err = cor_correct_relationship_check(who.ref, is_principal, p.relationship,
						  p.birth_date, r.principal_birth, &why)) < 0)
		return refusal(cx, &why, err);

	char subject[64], b[COR_DATE_LEN], a[COR_DATE_LEN];
	char ws[2] = {was.sex, '\0'}, ps[2] = {p.sex, '\0'};
	snprintf(subject, sizeof(subject), "person %s", who.ref);
	const struct {
		const char *field, *before, *after;
	} fields[] = {
		{"family_name_latin", was.family_name_latin, p.family_name_latin},
		{"given_names_latin", was.given_names_latin, p.given_names_latin},
		{"family_name", was.family_name, p.family_name},
		{"given_names", was.given_names, p.given_names},
		{"sex", ws, ps},
		{"birth_date", cor_date_format(was.birth_date, b),
		 cor_date_format(p.birth_date, a)},
		{"birth_date_approx", was.birth_date_approx ? "yes" : "no",
		 p.birth_date_approx ? "yes" : "no"},
		{"nationality", was.nationality, p.nationality},
		{"relationship", cor_relationship_name(was.relationship),
		 cor_relationship_name(p.relationship)},
	};
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (strcmp(fields[i].before, fields[i].after) &&
		    (err = record(cx, who.case_id, who.c.ref, out, subject, fields[i].field,
				  fields[i].before, fields[i].after, in->reason)) < 0)
			return err;
	if (out->n == 0)
		return cor_error_set(&cx->err, COR_CODE_INVALID, "person",
				     "person '%s' already has the values given: nothing to correct",
				     who.ref);
	return person_store(cx, who.case_id, who.id, &p, NULL);
}

/* ---- person.add ---------------------------------------------------------- */

static int op_person_add(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_person_add_in *in = vin;
	struct cor_svc_correction_out *out = vout;
	struct cor_person p = in->p;
	struct cor_refusal why;
	struct cor_case c;
	struct roster r;
	const char *booking;
	char movement[64], ref[COR_PERSON_REF_MAX + 8], subject[64], line[COR_SVC_VALUE_MAX];
	int64_t case_id, person_id;
	int err;

	out_init(out, in->case_ref ? in->case_ref : "");
	if ((err = check_reason(cx, in->reason)) < 0 ||
	    (err = load_case(cx, in->case_ref, &case_id, &c)) < 0 ||
	    (err = booking_of(cx, c.ref, movement, sizeof(movement), &booking)) < 0)
		return err;
	if ((err = cor_correct_addition_check(c.ref, c.state, booking, &why)) < 0)
		return refusal(cx, &why, err);
	if (!in->relationship || cor_relationship_parse(in->relationship, &p.relationship) < 0)
		return cor_error_set(&cx->err, COR_CODE_INVALID, "relationship",
				     "relationship: '%.40s' is not a relationship (spouse, child, "
				     "stepchild, parent, sibling, grandparent, grandchild, "
				     "other_relative, unrelated)",
				     in->relationship ? in->relationship : "");
	if ((err = cor_svc_person_check(cx, &p)) < 0 ||
	    (err = load_roster(cx, case_id, c.ref, &r)) < 0)
		return err;
	if (r.max_seq >= 99)
		return cor_error_set(&cx->err, COR_CODE_CAPACITY, "case",
				     "case '%s' has numbered 99 persons, the most a case can",
				     c.ref);
	p.seq = r.max_seq + 1;
	cor_person_ref_format(ref, sizeof(ref), c.ref, p.seq);
	if ((err = cor_correct_relationship_check(ref, false, p.relationship, p.birth_date,
						  r.principal_birth, &why)) < 0)
		return refusal(cx, &why, err);
	if ((err = person_store(cx, case_id, 0, &p, &person_id)) < 0)
		return err;
	snprintf(out->person, sizeof(out->person), "%s", ref);
	snprintf(subject, sizeof(subject), "person %s", ref);
	person_line(line, sizeof(line), &p);
	return record(cx, case_id, c.ref, out, subject, "person", "", line, in->reason);
}

/* ---- person.remove ------------------------------------------------------- */

static int op_person_remove(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_person_remove_in *in = vin;
	struct cor_svc_correction_out *out = vout;
	struct cor_person_found who, heir;
	struct cor_person_holds holds;
	struct cor_refusal why;
	struct roster r;
	char movement[64], subject[64], line[COR_SVC_VALUE_MAX];
	int err;

	out_init(out, "");
	if ((err = check_reason(cx, in->reason)) < 0 ||
	    (err = load_person(cx, "person", in->person, &who)) < 0)
		return err;
	out_init(out, who.c.ref);
	struct cor_removal rm = {.person = who.ref,
				 .state = who.c.state,
				 .principal = who.p.relationship == COR_REL_PRINCIPAL,
				 .new_principal = in->new_principal};
	if ((err = booking_of(cx, who.c.ref, movement, sizeof(movement), &rm.booking)) < 0 ||
	    (err = load_roster(cx, who.case_id, who.c.ref, &r)) < 0)
		return err;
	if ((err = cor_store_person_holds(cx->st, who.id, &holds)) < 0)
		return cor_ctx_store_error(cx, err);
	rm.persons = r.n;
	rm.documents = holds.documents;
	rm.health_checks = holds.health_checks;
	rm.assessments = holds.assessments;
	if (in->new_principal) {
		if ((err = load_person(cx, "new_principal", in->new_principal, &heir)) < 0)
			return err;
		if (heir.case_id != who.case_id || heir.id == who.id)
			return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "new_principal",
					     "'%s' is not another person of case '%s'",
					     in->new_principal, who.c.ref);
	}
	if ((err = cor_correct_removal_check(&rm, &why)) < 0)
		return refusal(cx, &why, err);

	snprintf(subject, sizeof(subject), "person %s", who.ref);
	person_line(line, sizeof(line), &who.p);
	if ((err = person_store(cx, who.case_id, who.id, NULL, NULL)) < 0 ||
	    (err = record(cx, who.case_id, who.c.ref, out, subject, "person", line, "",
			  in->reason)) < 0)
		return err;
	if (!in->new_principal)
		return 0;
	struct cor_person p = heir.p;
	p.relationship = COR_REL_PRINCIPAL;
	snprintf(subject, sizeof(subject), "person %s", heir.ref);
	if ((err = person_store(cx, heir.case_id, heir.id, &p, NULL)) < 0)
		return err;
	return record(cx, heir.case_id, heir.c.ref, out, subject, "relationship",
		      cor_relationship_name(heir.p.relationship), "principal", in->reason);
}

/* ---- person.move, case.split, case.merge ----------------------------------- */

/* A case persons leave or join: its record, id, roster and booking. */
struct side {
	struct cor_case c;
	int64_t id;
	struct roster r;
	char movement[64];
	struct cor_case_side f;
};

static int load_side(struct cor_ctx *cx, const char *ref, struct side *sd)
{
	int err;
	memset(sd, 0, sizeof(*sd));
	if ((err = load_case(cx, ref, &sd->id, &sd->c)) < 0 ||
	    (err = load_roster(cx, sd->id, sd->c.ref, &sd->r)) < 0 ||
	    (err = booking_of(cx, sd->c.ref, sd->movement, sizeof(sd->movement), &sd->f.booking)) <
		    0)
		return err;
	sd->f.ref = sd->c.ref;
	sd->f.state = sd->c.state;
	sd->f.office = sd->c.office;
	sd->f.programme = sd->c.programme;
	sd->f.persons = sd->r.n;
	return 0;
}

/* Case sd can number n more persons after its highest (99 at most). */
static int numbers_left(struct cor_ctx *cx, const struct side *sd, int n)
{
	if (sd->r.max_seq + n <= 99)
		return 0;
	return cor_error_set(&cx->err, COR_CODE_CAPACITY, "into",
			     "case '%s' numbers its persons up to %d: %d more would pass the 99 a "
			     "case can number",
			     sd->c.ref, sd->r.max_seq, n);
}

/* The relationship named rel ("into" a case), or INVALID. */
static int parse_relationship(struct cor_ctx *cx, const char *rel, enum cor_relationship *out)
{
	if (cor_relationship_parse(rel, out) == 0)
		return 0;
	return cor_error_set(&cx->err, COR_CODE_INVALID, "relationship",
			     "relationship: '%.40s' is not a relationship (spouse, child, "
			     "stepchild, parent, sibling, grandparent, grandchild, "
			     "other_relative, unrelated)",
			     rel);
}

/* Move person who (of case from) to case to (id to_id) as number seq with
 * relationship rel, recording it in both histories. */
static int move_one(struct cor_ctx *cx, const struct cor_person_found *who, int64_t to_id,
		    const char *to_ref, int seq, enum cor_relationship rel, const char *reason,
		    struct cor_svc_correction_out *out)
{
	char now_ref[COR_PERSON_REF_MAX + 8], subject[64];
	int err;
	cor_person_ref_format(now_ref, sizeof(now_ref), to_ref, seq);
	if ((err = cor_store_person_move(cx->st, who->id, to_id, seq)) < 0)
		return cor_ctx_store_error(cx, err);
	snprintf(subject, sizeof(subject), "person %s", who->ref);
	if ((err = record(cx, who->case_id, who->c.ref, out, subject, "person_id", who->ref,
			  now_ref, reason)) < 0)
		return err;
	snprintf(subject, sizeof(subject), "person %s", now_ref);
	if ((err = record(cx, to_id, to_ref, out, subject, "person_id", who->ref, now_ref,
			  reason)) < 0)
		return err;
	if (rel == who->p.relationship)
		return 0;
	struct cor_person p = who->p;
	p.seq = seq;
	p.relationship = rel;
	if ((err = person_store(cx, to_id, who->id, &p, NULL)) < 0)
		return err;
	return record(cx, to_id, to_ref, out, subject, "relationship",
		      cor_relationship_name(who->p.relationship), cor_relationship_name(rel),
		      reason);
}

/* A relationship rel of person ref, born birth, plausible against the
 * principal of the case joined, born principal_birth. */
static int joins(struct cor_ctx *cx, const char *ref, enum cor_relationship rel,
		 struct cor_date birth, struct cor_date principal_birth)
{
	struct cor_refusal why;
	int err = cor_correct_relationship_check(ref, false, rel, birth, principal_birth, &why);
	return err < 0 ? refusal(cx, &why, err) : 0;
}

static int op_person_move(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_person_move_in *in = vin;
	struct cor_svc_correction_out *out = vout;
	struct cor_person_found who, heir;
	struct cor_refusal why;
	struct side from, into;
	enum cor_relationship rel;
	int err;

	out_init(out, "");
	if ((err = check_reason(cx, in->reason)) < 0 ||
	    (err = load_person(cx, "person", in->person, &who)) < 0)
		return err;
	out_init(out, who.c.ref);
	if ((err = load_side(cx, who.c.ref, &from)) < 0 ||
	    (err = load_side(cx, in->into, &into)) < 0)
		return err;
	if ((err = cor_correct_join_check(&from.f, &into.f, 1, false, &why)) < 0)
		return refusal(cx, &why, err);
	if ((err = numbers_left(cx, &into, 1)) < 0)
		return err;
	bool principal = who.p.relationship == COR_REL_PRINCIPAL;
	if (principal && !in->new_principal)
		return cor_error_set(
			&cx->err, COR_CODE_REFUSED, "new_principal",
			"person '%s' is the principal applicant of case '%s': name the "
			"person who becomes principal in their place",
			who.ref, who.c.ref);
	if (!principal && in->new_principal)
		return cor_error_set(
			&cx->err, COR_CODE_BAD_PARAMETER, "new_principal",
			"person '%s' is not the principal applicant: no one takes their "
			"place",
			who.ref);
	if (principal && !in->relationship)
		return cor_error_set(
			&cx->err, COR_CODE_BAD_PARAMETER, "relationship",
			"person '%s' is the principal applicant of case '%s': give their "
			"relationship in case '%s'",
			who.ref, who.c.ref, into.c.ref);
	rel = who.p.relationship;
	if (in->relationship && (err = parse_relationship(cx, in->relationship, &rel)) < 0)
		return err;
	if (in->new_principal) {
		if ((err = load_person(cx, "new_principal", in->new_principal, &heir)) < 0)
			return err;
		if (heir.case_id != who.case_id || heir.id == who.id)
			return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "new_principal",
					     "'%s' is not another person of case '%s'",
					     in->new_principal, who.c.ref);
	}
	int seq = into.r.max_seq + 1;
	char now_ref[COR_PERSON_REF_MAX + 8];
	cor_person_ref_format(now_ref, sizeof(now_ref), into.c.ref, seq);
	if ((err = joins(cx, now_ref, rel, who.p.birth_date, into.r.principal_birth)) < 0 ||
	    (err = move_one(cx, &who, into.id, into.c.ref, seq, rel, in->reason, out)) < 0)
		return err;
	snprintf(out->person, sizeof(out->person), "%s", now_ref);
	if (!in->new_principal)
		return 0;
	char subject[64];
	struct cor_person p = heir.p;
	p.relationship = COR_REL_PRINCIPAL;
	snprintf(subject, sizeof(subject), "person %s", heir.ref);
	if ((err = person_store(cx, heir.case_id, heir.id, &p, NULL)) < 0)
		return err;
	return record(cx, heir.case_id, heir.c.ref, out, subject, "relationship",
		      cor_relationship_name(heir.p.relationship), "principal", in->reason);
}

static int op_case_split(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_case_split_in *in = vin;
	struct cor_svc_correction_out *out = vout;
	struct cor_person_found *who = NULL;
	struct cor_refusal why;
	struct side from;
	struct cor_case nc;
	int64_t new_id;
	long no;
	char detail[128];
	int err;

	out_init(out, in->case_ref ? in->case_ref : "");
	if ((err = check_reason(cx, in->reason)) < 0 ||
	    (err = load_side(cx, in->case_ref, &from)) < 0)
		return err;
	if (in->n > COR_SVC_SPLIT_MAX || in->n < 0)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "persons",
				     "a split names 1 to %d persons", COR_SVC_SPLIT_MAX);
	if ((err = cor_correct_join_check(&from.f, NULL, in->n, false, &why)) < 0)
		return refusal(cx, &why, err);
	if (!(who = calloc((size_t)in->n, sizeof(*who))))
		return cor_error_set(&cx->err, COR_CODE_NO_MEMORY, NULL, "out of memory");
	for (int i = 0; i < in->n; i++) {
		if ((err = load_person(cx, "persons", in->persons[i], &who[i])) < 0)
			goto out;
		if (who[i].case_id != from.id) {
			err = cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "persons",
					    "'%s' is not a person of case '%s'", in->persons[i],
					    from.c.ref);
			goto out;
		}
		for (int j = 0; j < i; j++)
			if (who[j].id == who[i].id) {
				err = cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "persons",
						    "'%s' is named twice", in->persons[i]);
				goto out;
			}
		if (who[i].p.relationship == COR_REL_PRINCIPAL) {
			err = cor_error_set(&cx->err, COR_CODE_REFUSED, "persons",
					    "person '%s' is the principal applicant and stays with "
					    "case '%s': split off the others",
					    who[i].ref, from.c.ref);
			goto out;
		}
	}
	/* The new case: the first named its principal; the others plausible
	 * against them. */
	for (int i = 1; i < in->n; i++) {
		char ref[COR_PERSON_REF_MAX + 8];
		snprintf(ref, sizeof(ref), "%s", who[i].ref);
		if ((err = joins(cx, ref, who[i].p.relationship, who[i].p.birth_date,
				 who[0].p.birth_date)) < 0)
			goto out;
	}
	if ((err = cor_svc_case_number(cx, from.c.office, cx->today.year, &no)) < 0)
		goto out;
	memset(&nc, 0, sizeof(nc));
	cor_case_ref_format(nc.ref, sizeof(nc.ref), from.c.office, cx->today.year, no);
	snprintf(nc.programme, sizeof(nc.programme), "%s", from.c.programme);
	snprintf(nc.office, sizeof(nc.office), "%s", from.c.office);
	snprintf(nc.origin, sizeof(nc.origin), "%s", from.c.origin);
	snprintf(nc.destination, sizeof(nc.destination), "%s", from.c.destination);
	snprintf(nc.state, sizeof(nc.state), "registered");
	nc.priority = from.c.priority;
	nc.registered_on = cx->today;
	if ((err = cor_store_case_add(cx->st, &nc, &new_id)) < 0) {
		err = err == COR_EEXIST ? cor_error_set(&cx->err, COR_CODE_EXISTS, "case",
							"case '%s' already exists", nc.ref)
					: cor_ctx_store_error(cx, err);
		goto out;
	}
	snprintf(detail, sizeof(detail), "case split from %s with %d person%s", from.c.ref, in->n,
		 in->n == 1 ? "" : "s");
	struct cor_event e = {
		.actor = cx->actor, .action = "registered", .detail = detail, .reason = in->reason};
	memcpy(e.at, cx->now, sizeof(e.at));
	if ((err = cor_store_event_add(cx->st, new_id, &e)) < 0) {
		err = cor_ctx_store_error(cx, err);
		goto out;
	}
	snprintf(out->case_made, sizeof(out->case_made), "%s", nc.ref);
	for (int i = 0; i < in->n && err == 0; i++)
		err = move_one(cx, &who[i], new_id, nc.ref, i + 1,
			       i == 0 ? COR_REL_PRINCIPAL : who[i].p.relationship, in->reason, out);
out:
	free(who);
	return err;
}

static int op_case_merge(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_case_merge_in *in = vin;
	struct cor_svc_correction_out *out = vout;
	struct cor_case_gate gate;
	struct cor_refusal why;
	struct side from, into;
	enum cor_relationship rel = COR_REL_OTHER_RELATIVE;
	int err;

	out_init(out, in->into ? in->into : "");
	if ((err = check_reason(cx, in->reason)) < 0)
		return err;
	if (in->relationship && (err = parse_relationship(cx, in->relationship, &rel)) < 0)
		return err;
	if (rel == COR_REL_PRINCIPAL)
		return cor_error_set(
			&cx->err, COR_CODE_REFUSED, "relationship",
			"case '%s' has a principal applicant: the principal of the case "
			"merged into it takes another relationship",
			in->into ? in->into : "");
	if ((err = load_side(cx, in->case_ref, &from)) < 0 ||
	    (err = load_side(cx, in->into, &into)) < 0)
		return err;
	if ((err = cor_correct_join_check(&from.f, &into.f, from.r.n, true, &why)) < 0)
		return refusal(cx, &why, err);
	if ((err = numbers_left(cx, &into, from.r.n)) < 0)
		return err;
	if ((err = cor_store_case_gate(cx->st, from.id, &from.c, &gate)) < 0)
		return cor_ctx_store_error(cx, err);
	if (gate.open_referrals)
		return cor_error_set(
			&cx->err, COR_CODE_WRONG_STATE, "case",
			"case '%s' has %d open referral%s: close %s before merging the "
			"case",
			from.c.ref, gate.open_referrals, gate.open_referrals == 1 ? "" : "s",
			gate.open_referrals == 1 ? "it" : "them");
	/* Every person plausible against into's principal, before anything moves. */
	for (int i = 0; i < from.r.n; i++) {
		char ref[COR_PERSON_REF_MAX + 8];
		const struct member *m = &from.r.m[i];
		cor_person_ref_format(ref, sizeof(ref), from.c.ref, m->seq);
		if ((err = joins(cx, ref, m->rel == COR_REL_PRINCIPAL ? rel : m->rel, m->birth,
				 into.r.principal_birth)) < 0)
			return err;
	}
	for (int i = 0; i < from.r.n; i++) {
		struct cor_person_found who;
		char ref[COR_PERSON_REF_MAX + 8];
		const struct member *m = &from.r.m[i];
		cor_person_ref_format(ref, sizeof(ref), from.c.ref, m->seq);
		if ((err = load_person(cx, "case", ref, &who)) < 0 ||
		    (err = move_one(cx, &who, into.id, into.c.ref, into.r.max_seq + 1 + i,
				    m->rel == COR_REL_PRINCIPAL ? rel : m->rel, in->reason, out)) <
			    0)
			return err;
	}
	if ((err = cor_store_case_state_put(cx->st, from.id, from.c.state, "closed")) < 0 ||
	    (err = cor_store_case_merge_record(cx->st, from.id, into.id, cx->actor)) < 0)
		return cor_ctx_store_error(cx, err);
	if ((err = record(cx, from.id, from.c.ref, out, "case", "state", from.c.state, "closed",
			  in->reason)) < 0 ||
	    (err = record(cx, from.id, from.c.ref, out, "case", "merged_into", "", into.c.ref,
			  in->reason)) < 0)
		return err;
	return record(cx, into.id, into.c.ref, out, "case", "merged", "", from.c.ref, in->reason);
}

/* ---- case.priority, case.transfer ------------------------------------------ */

static int op_case_priority(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_case_priority_in *in = vin;
	struct cor_svc_correction_out *out = vout;
	enum cor_priority to;
	struct cor_refusal why;
	struct cor_case c;
	int64_t id;
	int err;

	out_init(out, in->case_ref ? in->case_ref : "");
	if ((err = check_reason(cx, in->reason)) < 0)
		return err;
	if (!in->priority || cor_priority_parse(in->priority, &to) < 0)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "priority",
				     "'%s' is not a priority: normal, urgent or emergency",
				     in->priority ? in->priority : "");
	if ((err = load_case(cx, in->case_ref, &id, &c)) < 0)
		return err;
	if ((err = cor_correct_open_check(c.ref, c.state, &why)) < 0)
		return refusal(cx, &why, err);
	if (to == c.priority)
		return cor_error_set(&cx->err, COR_CODE_INVALID, "priority",
				     "case '%s' is '%s' already", c.ref, cor_priority_name(to));
	if ((err = cor_store_case_priority_set(cx->st, id, to)) < 0)
		return cor_ctx_store_error(cx, err);
	return record(cx, id, c.ref, out, "case", "priority", cor_priority_name(c.priority),
		      cor_priority_name(to), in->reason);
}

static int op_case_transfer(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_case_transfer_in *in = vin;
	struct cor_svc_correction_out *out = vout;
	struct cor_office from, to;
	struct cor_refusal why;
	struct cor_case c;
	int64_t id;
	int err;

	out_init(out, in->case_ref ? in->case_ref : "");
	if ((err = check_reason(cx, in->reason)) < 0)
		return err;
	if (!in->office || !cor_office_code_is_valid(in->office))
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "office",
				     "'%s' is not an office code like LY-TIP",
				     in->office ? in->office : "");
	if ((err = load_case(cx, in->case_ref, &id, &c)) < 0)
		return err;
	if ((err = cor_correct_open_check(c.ref, c.state, &why)) < 0)
		return refusal(cx, &why, err);
	err = cor_store_office_get(cx->st, in->office, &to);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_OFFICE_NOT_FOUND, "office",
				     "no office '%s'", in->office);
	if (err < 0 || (err = cor_store_office_get(cx->st, c.office, &from)) < 0)
		return cor_ctx_store_error(cx, err);
	if (!strcmp(from.code, to.code))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "office",
				     "case '%s' is at office '%s' already", c.ref, to.code);
	if (strcmp(from.country, to.country))
		return cor_error_set(&cx->err, COR_CODE_REFUSED, "office",
				     "office '%s' is in %s, case '%s' is at '%s' in %s: a case is "
				     "transferred only between offices of one country",
				     to.code, to.country, c.ref, from.code, from.country);
	if ((err = cor_store_case_office_set(cx->st, id, to.code)) < 0)
		return cor_ctx_store_error(cx, err);
	return record(cx, id, c.ref, out, "case", "office", from.code, to.code, in->reason);
}

/* ---- case.reopen, case.revert -------------------------------------------- */

/* "from -> to" of a state event into c. */
static void parse_change(const char *detail, struct cor_last_change *c)
{
	const char *arrow = strstr(detail, " -> ");
	memset(c, 0, sizeof(*c));
	if (!arrow || (size_t)(arrow - detail) >= sizeof(c->from))
		return;
	memcpy(c->from, detail, (size_t)(arrow - detail));
	snprintf(c->to, sizeof(c->to), "%.*s", (int)strcspn(arrow + 4, " ,:("), arrow + 4);
}

static int last_change_one(const struct cor_event *e, void *ctx)
{
	struct cor_last_change *c = ctx;
	bool corrected = !strcmp(e->action, "corrected");
	if (!strcmp(e->action, "state")) {
		parse_change(e->detail, c);
	} else if (corrected && e->field && !strcmp(e->field, "merged_into")) {
		snprintf(c->merged_into, sizeof(c->merged_into), "%s", e->after ? e->after : "");
	} else if (corrected && e->field && !strcmp(e->field, "state")) {
		memset(c, 0, sizeof(*c));
		snprintf(c->from, sizeof(c->from), "%s", e->before ? e->before : "");
		snprintf(c->to, sizeof(c->to), "%s", e->after ? e->after : "");
		c->corrected = true;
	} else if (!corrected && c->from[0]) {
		if (!c->records_since++)
			snprintf(c->first_since, sizeof(c->first_since), "%s", e->action);
	}
	return 0;
}

static int state_correction(struct cor_ctx *cx, const struct cor_svc_case_state_in *in,
			    struct cor_svc_correction_out *out, bool reopen)
{
	struct cor_last_change last;
	struct cor_refusal why;
	struct cor_case c;
	int64_t id;
	int err;

	out_init(out, in->case_ref ? in->case_ref : "");
	if ((err = check_reason(cx, in->reason)) < 0 ||
	    (err = load_case(cx, in->case_ref, &id, &c)) < 0)
		return err;
	memset(&last, 0, sizeof(last));
	if ((err = cor_store_case_events(cx->st, id, last_change_one, &last)) < 0)
		return cor_ctx_store_error(cx, err);
	err = reopen ? cor_correct_reopen_check(c.ref, c.state, &last, &why)
		     : cor_correct_revert_check(c.ref, c.state, &last, &why);
	if (err < 0)
		return refusal(cx, &why, err);
	if ((err = cor_store_case_state_put(cx->st, id, c.state, last.from)) < 0)
		return cor_ctx_store_error(cx, err);
	return record(cx, id, c.ref, out, "case", "state", c.state, last.from, in->reason);
}

static int op_case_reopen(struct cor_ctx *cx, const void *vin, void *vout)
{
	return state_correction(cx, vin, vout, true);
}

static int op_case_revert(struct cor_ctx *cx, const void *vin, void *vout)
{
	return state_correction(cx, vin, vout, false);
}

/* ---- document.void ------------------------------------------------------- */

struct doc_match {
	const struct cor_svc_document_void_in *in;
	enum cor_doc_kind kind;
	int n;
	char issuers[64];
	struct cor_document d;
};

static int doc_match_one(const struct cor_document *d, enum cor_doc_source source, void *ctx)
{
	struct doc_match *m = ctx;
	(void)source;
	if (d->kind != m->kind || strcmp(d->number, m->in->number) ||
	    (m->in->issuer && strcmp(d->issuer, m->in->issuer)))
		return 0;
	if (!m->n || strcmp(m->d.issuer, d->issuer)) {
		size_t len = strlen(m->issuers);
		snprintf(m->issuers + len, sizeof(m->issuers) - len, "%s%s", len ? ", " : "",
			 d->issuer);
		m->n++;
	}
	if (m->n == 1)
		m->d = *d;
	return 0;
}

static int op_document_void(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_document_void_in *in = vin;
	struct cor_svc_correction_out *out = vout;
	struct cor_person_found who;
	struct doc_match m = {.in = in};
	char subject[80], line[COR_SVC_VALUE_MAX], exp[COR_DATE_LEN];
	int err;

	out_init(out, "");
	if ((err = check_reason(cx, in->reason)) < 0)
		return err;
	if (!in->kind || cor_doc_kind_parse(in->kind, &m.kind) < 0 || m.kind == COR_DOC_NONE)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "kind",
				     "'%s' is not a kind of document", in->kind ? in->kind : "");
	if (!in->number || !*in->number)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "number",
				     "which document? give its number");
	if ((err = load_person(cx, "person", in->person, &who)) < 0)
		return err;
	out_init(out, who.c.ref);
	if ((err = cor_store_documents_each(cx->st, who.id, doc_match_one, &m)) < 0)
		return cor_ctx_store_error(cx, err);
	if (m.n == 0)
		return cor_error_set(&cx->err, COR_CODE_DOCUMENT_NOT_FOUND, "number",
				     "person '%s' holds no %s %s%s%s", who.ref, in->kind,
				     in->number, in->issuer ? " issued by " : "",
				     in->issuer ? in->issuer : "");
	if (m.n > 1)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "issuer",
				     "person '%s' holds %s %s from %s: say which issuer", who.ref,
				     in->kind, in->number, m.issuers);
	if ((err = cor_store_document_void(cx->st, who.id, &m.d, cx->actor, in->reason)) < 0)
		return cor_ctx_store_error(cx, err);
	snprintf(subject, sizeof(subject), "person %s", who.ref);
	snprintf(line, sizeof(line), "%s %s issued by %s%s%s", cor_doc_kind_name(m.d.kind),
		 m.d.number, m.d.issuer, m.d.has_expiry ? ", expires " : "",
		 m.d.has_expiry ? cor_date_format(m.d.expires_on, exp) : "");
	return record(cx, who.case_id, who.c.ref, out, subject, "document", line, "", in->reason);
}

/* ---- escort.correct, escort.remove ---------------------------------------- */

struct escort_find {
	int no;
	bool found;
	struct cor_escort e;
};

static int escort_one(const struct cor_escort *e, void *ctx)
{
	struct escort_find *f = ctx;
	if (e->no == f->no) {
		f->e = *e;
		f->found = true;
	}
	return 0;
}

static int count_booked(const struct cor_booking *b, void *ctx)
{
	*(int *)ctx += b->status == COR_BOOKING_BOOKED;
	return 0;
}

/* Movement ref and its escort no; *booked gets how many cases are booked on it. */
static int load_escort(struct cor_ctx *cx, const char *ref, int no, struct cor_movement *m,
		       struct escort_find *f, int *booked)
{
	int err;
	if (!ref || !*ref)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "movement",
				     "give the movement's reference");
	if (no < 1)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "escort",
				     "%d is not an escort's number (1, 2, ...)", no);
	err = cor_store_movement_get(cx->st, ref, m);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_MOVEMENT_NOT_FOUND, "movement",
				     "no movement '%s'", ref);
	memset(f, 0, sizeof(*f));
	f->no = no;
	*booked = 0;
	if (err < 0 || (err = cor_store_movement_escort_each(cx->st, ref, escort_one, f)) < 0 ||
	    (err = cor_store_booking_each(cx->st, ref, count_booked, booked)) < 0)
		return cor_ctx_store_error(cx, err);
	if (!f->found)
		return cor_error_set(&cx->err, COR_CODE_ESCORT_NOT_FOUND, "escort",
				     "movement '%s' has no escort %d", ref, no);
	return 0;
}

static int record_escort(struct cor_ctx *cx, const char *movement, int no,
			 struct cor_svc_correction_out *out, const char *field, const char *before,
			 const char *after, const char *reason)
{
	char subject[32];
	if (out->n == COR_SVC_CHANGES_MAX)
		return cor_error_set(&cx->err, COR_CODE_CAPACITY, NULL,
				     "one correction changes at most %d fields",
				     COR_SVC_CHANGES_MAX);
	snprintf(subject, sizeof(subject), "escort %d", no);
	struct cor_svc_change *ch = &out->changes[out->n++];
	snprintf(ch->case_ref, sizeof(ch->case_ref), "%s", movement);
	snprintf(ch->subject, sizeof(ch->subject), "%s", subject);
	snprintf(ch->field, sizeof(ch->field), "%s", field);
	snprintf(ch->before, sizeof(ch->before), "%s", before);
	snprintf(ch->after, sizeof(ch->after), "%s", after);
	struct cor_correction c = {ch->subject, ch->field, ch->before,
				   ch->after,   reason,    cx->actor};
	int err = cor_store_movement_correction_add(cx->st, movement, &c);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

static int set_field(struct cor_ctx *cx, const char *field, char *dst, size_t len, const char *v)
{
	if (!v)
		return 0;
	if (strlen(v) >= len)
		return cor_error_set(&cx->err, COR_CODE_INVALID, field, "%s: at most %zu bytes",
				     field, len - 1);
	snprintf(dst, len, "%s", v);
	return 0;
}

static void escort_line(char *buf, size_t len, const struct cor_escort *e)
{
	char d[COR_DATE_LEN];
	snprintf(buf, len, "%s, %s (%c, %s, %s, %s%s%s)", e->family_name, e->given_names, e->sex,
		 cor_date_format(e->birth_date, d), e->nationality,
		 e->medical ? "medical" : "operational", e->passport[0] ? ", passport " : "",
		 e->passport);
}

static int op_escort_correct(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_escort_correct_in *in = vin;
	struct cor_svc_correction_out *out = vout;
	struct cor_movement m;
	struct escort_find f;
	int booked, err;

	out_init(out, "");
	if ((err = check_reason(cx, in->reason)) < 0)
		return err;
	if (!in->family_name && !in->given_names && !in->sex && !in->nationality && !in->passport &&
	    !in->issuer && !in->has_birth_date && !in->has_expires && in->medical < 0)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "escort",
				     "what is to be corrected? give at least one field");
	if ((err = load_escort(cx, in->movement, in->no, &m, &f, &booked)) < 0)
		return err;
	snprintf(out->movement, sizeof(out->movement), "%s", m.ref);
	if (m.state == COR_MSTATE_CANCELLED)
		return cor_error_set(&cx->err, COR_CODE_WRONG_STATE, "movement",
				     "movement '%s' is cancelled: its escorts are not corrected",
				     m.ref);
	struct cor_escort e = f.e, was = f.e;
	if ((err = set_field(cx, "family_name", e.family_name, sizeof(e.family_name),
			     in->family_name)) < 0 ||
	    (err = set_field(cx, "given_names", e.given_names, sizeof(e.given_names),
			     in->given_names)) < 0 ||
	    (err = set_field(cx, "nationality", e.nationality, sizeof(e.nationality),
			     in->nationality)) < 0 ||
	    (err = set_field(cx, "passport", e.passport, sizeof(e.passport), in->passport)) < 0 ||
	    (err = set_field(cx, "issuer", e.issuer, sizeof(e.issuer), in->issuer)) < 0)
		return err;
	if (in->sex) {
		if (strlen(in->sex) != 1)
			return cor_error_set(&cx->err, COR_CODE_INVALID, "sex", "sex is F, M or X");
		e.sex = in->sex[0];
	}
	if (in->has_birth_date)
		e.birth_date = in->birth_date;
	if (in->has_expires) {
		e.expires_on = in->expires;
		e.has_expiry = true;
	}
	if (in->medical >= 0)
		e.medical = in->medical != 0;
	if ((err = cor_svc_escort_check(cx, &m, &e, e.no)) < 0)
		return err;
	if (e.medical != was.medical && booked)
		return cor_error_set(&cx->err, COR_CODE_WRONG_STATE, "medical",
				     "movement '%s' has %d case%s booked, counted against its "
				     "medical escorts: escort %d stays %s",
				     m.ref, booked, booked == 1 ? "" : "s", e.no,
				     was.medical ? "medical" : "operational");
	char b1[COR_DATE_LEN], a1[COR_DATE_LEN], b2[COR_DATE_LEN] = "", a2[COR_DATE_LEN] = "";
	char ws[2] = {was.sex, '\0'}, es[2] = {e.sex, '\0'};
	if (was.has_expiry)
		cor_date_format(was.expires_on, b2);
	if (e.has_expiry)
		cor_date_format(e.expires_on, a2);
	const struct {
		const char *field, *before, *after;
	} fields[] = {
		{"family_name", was.family_name, e.family_name},
		{"given_names", was.given_names, e.given_names},
		{"sex", ws, es},
		{"birth_date", cor_date_format(was.birth_date, b1),
		 cor_date_format(e.birth_date, a1)},
		{"nationality", was.nationality, e.nationality},
		{"passport", was.passport, e.passport},
		{"issuer", was.issuer, e.issuer},
		{"expires_on", b2, a2},
		{"medical", was.medical ? "yes" : "no", e.medical ? "yes" : "no"},
	};
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (strcmp(fields[i].before, fields[i].after) &&
		    (err = record_escort(cx, m.ref, e.no, out, fields[i].field, fields[i].before,
					 fields[i].after, in->reason)) < 0)
			return err;
	if (out->n == 0)
		return cor_error_set(&cx->err, COR_CODE_INVALID, "escort",
				     "escort %d of movement '%s' already has the values given: "
				     "nothing to correct",
				     e.no, m.ref);
	err = cor_store_escort_update(cx->st, m.ref, &e);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

static int op_escort_remove(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_escort_remove_in *in = vin;
	struct cor_svc_correction_out *out = vout;
	struct cor_movement m;
	struct escort_find f;
	char line[COR_SVC_VALUE_MAX];
	int booked, err;

	out_init(out, "");
	if ((err = check_reason(cx, in->reason)) < 0 ||
	    (err = load_escort(cx, in->movement, in->no, &m, &f, &booked)) < 0)
		return err;
	snprintf(out->movement, sizeof(out->movement), "%s", m.ref);
	if (m.state != COR_MSTATE_PLANNED && m.state != COR_MSTATE_OPEN &&
	    m.state != COR_MSTATE_CLOSED)
		return cor_error_set(&cx->err, COR_CODE_WRONG_STATE, "movement",
				     "movement '%s' is '%s': an escort is taken off before "
				     "departure; after it, their record can be corrected",
				     m.ref, cor_movement_state_name(m.state));
	if (f.e.medical && booked)
		return cor_error_set(&cx->err, COR_CODE_WRONG_STATE, "escort",
				     "escort %d is a medical escort of movement '%s', which has %d "
				     "case%s booked counted against its medical escorts: cancel "
				     "those bookings first",
				     f.e.no, m.ref, booked, booked == 1 ? "" : "s");
	escort_line(line, sizeof(line), &f.e);
	if ((err = cor_store_escort_delete(cx->st, m.ref, f.e.no)) < 0)
		return cor_ctx_store_error(cx, err);
	return record_escort(cx, m.ref, f.e.no, out, "escort", line, "", in->reason);
}

/* ---- the table ----------------------------------------------------------- */

static const struct cor_op op_person_correct_row = {
	"person.correct", COR_OP_WRITE, "case.write", op_person_correct,
	"correct a person's names, sex, birth date, nationality or relationship"};
static const struct cor_op op_person_add_row = {"person.add", COR_OP_WRITE, "case.write",
						op_person_add,
						"add a person missing from a case (a newborn)"};
static const struct cor_op op_person_remove_row = {"person.remove", COR_OP_WRITE, "case.write",
						   op_person_remove,
						   "remove a person registered by mistake"};
static const struct cor_op op_person_move_row = {"person.move", COR_OP_WRITE, "case.write",
						 op_person_move,
						 "move a person to another case of the office"};
static const struct cor_op op_case_split_row = {"case.split", COR_OP_WRITE, "case.write",
						op_case_split,
						"split persons off a case into a new case"};
static const struct cor_op op_case_merge_row = {
	"case.merge", COR_OP_WRITE, "case.write", op_case_merge,
	"merge a case into another, which keeps its ref; the first is closed"};
static const struct cor_op op_escort_correct_row = {
	"escort.correct", COR_OP_WRITE, "movement.write", op_escort_correct,
	"correct a named escort's identity, passport or kind"};
static const struct cor_op op_escort_remove_row = {"escort.remove", COR_OP_WRITE, "movement.write",
						   op_escort_remove,
						   "take off an escort named by mistake"};
static const struct cor_op op_case_priority_row = {"case.priority", COR_OP_WRITE, "case.write",
						   op_case_priority, "correct a case's priority"};
static const struct cor_op op_case_transfer_row = {
	"case.transfer", COR_OP_WRITE, "case.write", op_case_transfer,
	"transfer a case to another office of its country"};
static const struct cor_op op_case_reopen_row = {
	"case.reopen", COR_OP_WRITE, "case.write", op_case_reopen,
	"reopen a closed case at the state it was closed from"};
static const struct cor_op op_case_revert_row = {"case.revert", COR_OP_WRITE, "case.write",
						 op_case_revert,
						 "revert a case's last transition made in error"};
static const struct cor_op op_document_void_row = {"document.void", COR_OP_WRITE, "document.write",
						   op_document_void,
						   "void a document added in error"};

const struct cor_op *const cor_ops_correct[] = {
	&op_person_correct_row, &op_person_add_row,
	&op_person_remove_row,  &op_case_priority_row,
	&op_case_transfer_row,  &op_case_reopen_row,
	&op_case_revert_row,    &op_document_void_row,
	&op_person_move_row,    &op_case_split_row,
	&op_case_merge_row,     &op_escort_correct_row,
	&op_escort_remove_row,  NULL,
};

int cor_svc_person_correct(struct cor_ctx *cx, const struct cor_svc_person_correct_in *in,
			   struct cor_svc_correction_out *out)
{
	return cor_service_run(cx, &op_person_correct_row, in, out);
}

int cor_svc_person_add(struct cor_ctx *cx, const struct cor_svc_person_add_in *in,
		       struct cor_svc_correction_out *out)
{
	return cor_service_run(cx, &op_person_add_row, in, out);
}

int cor_svc_person_remove(struct cor_ctx *cx, const struct cor_svc_person_remove_in *in,
			  struct cor_svc_correction_out *out)
{
	return cor_service_run(cx, &op_person_remove_row, in, out);
}

int cor_svc_case_priority(struct cor_ctx *cx, const struct cor_svc_case_priority_in *in,
			  struct cor_svc_correction_out *out)
{
	return cor_service_run(cx, &op_case_priority_row, in, out);
}

int cor_svc_case_transfer(struct cor_ctx *cx, const struct cor_svc_case_transfer_in *in,
			  struct cor_svc_correction_out *out)
{
	return cor_service_run(cx, &op_case_transfer_row, in, out);
}

int cor_svc_case_reopen(struct cor_ctx *cx, const struct cor_svc_case_state_in *in,
			struct cor_svc_correction_out *out)
{
	return cor_service_run(cx, &op_case_reopen_row, in, out);
}

int cor_svc_case_revert(struct cor_ctx *cx, const struct cor_svc_case_state_in *in,
			struct cor_svc_correction_out *out)
{
	return cor_service_run(cx, &op_case_revert_row, in, out);
}

int cor_svc_document_void(struct cor_ctx *cx, const struct cor_svc_document_void_in *in,
			  struct cor_svc_correction_out *out)
{
	return cor_service_run(cx, &op_document_void_row, in, out);
}

int cor_svc_person_move(struct cor_ctx *cx, const struct cor_svc_person_move_in *in,
			struct cor_svc_correction_out *out)
{
	return cor_service_run(cx, &op_person_move_row, in, out);
}

int cor_svc_case_split(struct cor_ctx *cx, const struct cor_svc_case_split_in *in,
		       struct cor_svc_correction_out *out)
{
	return cor_service_run(cx, &op_case_split_row, in, out);
}

int cor_svc_case_merge(struct cor_ctx *cx, const struct cor_svc_case_merge_in *in,
		       struct cor_svc_correction_out *out)
{
	return cor_service_run(cx, &op_case_merge_row, in, out);
}

int cor_svc_escort_correct(struct cor_ctx *cx, const struct cor_svc_escort_correct_in *in,
			   struct cor_svc_correction_out *out)
{
	return cor_service_run(cx, &op_escort_correct_row, in, out);
}

int cor_svc_escort_remove(struct cor_ctx *cx, const struct cor_svc_escort_remove_in *in,
			  struct cor_svc_correction_out *out)
{
	return cor_service_run(cx, &op_escort_remove_row, in, out);
}
