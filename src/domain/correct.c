// SPDX-License-Identifier: Apache-2.0
// The rules of corrections (see correct.h).
#include "domain/correct.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/error.h"

static int refuse(struct cor_refusal *why, int err, const char *code, const char *field,
		  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static int refuse(struct cor_refusal *why, int err, const char *code, const char *field,
		  const char *fmt, ...)
{
	if (why) {
		va_list ap;
		why->code = code;
		why->field = field;
		va_start(ap, fmt);
		vsnprintf(why->msg, sizeof(why->msg), fmt, ap);
		va_end(ap);
	}
	return err;
}

static bool is(const char *state, const char *name)
{
	return state && !strcmp(state, name);
}

bool cor_correct_travelled(const char *state)
{
	return is(state, "departed") || is(state, "arrived") || is(state, "reintegration") ||
	       is(state, "integration");
}

int cor_correct_open_check(const char *ref, const char *state, struct cor_refusal *why)
{
	if (is(state, "closed"))
		return refuse(why, COR_EWRONGSTATE, "WRONG_STATE", "case",
			      "case '%s' is closed: reopen it first", ref);
	return 0;
}

int cor_correct_addition_check(const char *ref, const char *state, const char *booking,
			       struct cor_refusal *why)
{
	int err = cor_correct_open_check(ref, state, why);
	if (err < 0)
		return err;
	if (booking)
		return refuse(
			why, COR_EWRONGSTATE, "WRONG_STATE", "case",
			"case '%s' is booked on movement '%s', whose seats are for the persons "
			"booked: cancel the booking before adding a person",
			ref, booking);
	return 0;
}

int cor_correct_removal_check(const struct cor_removal *r, struct cor_refusal *why)
{
	if (is(r->state, "closed"))
		return refuse(why, COR_EWRONGSTATE, "WRONG_STATE", "person",
			      "person '%s' is of a closed case: reopen it first", r->person);
	if (cor_correct_travelled(r->state))
		return refuse(why, COR_EWRONGSTATE, "WRONG_STATE", "person",
			      "person '%s' has travelled (the case is '%s'): their record can be "
			      "corrected, not removed",
			      r->person, r->state);
	if (r->booking)
		return refuse(why, COR_EWRONGSTATE, "WRONG_STATE", "person",
			      "person '%s' is booked on movement '%s': cancel the booking before "
			      "removing them",
			      r->person, r->booking);
	if (r->persons <= 1)
		return refuse(why, COR_EINVAL, "REFUSED", "person",
			      "person '%s' is the only person of the case: a case keeps at least "
			      "one (close the case instead)",
			      r->person);
	if (r->principal && !r->new_principal)
		return refuse(why, COR_EINVAL, "REFUSED", "new_principal",
			      "person '%s' is the principal applicant: name the person who "
			      "becomes principal in their place",
			      r->person);
	if (!r->principal && r->new_principal)
		return refuse(
			why, COR_EINVAL, "BAD_PARAMETER", "new_principal",
			"person '%s' is not the principal applicant: no one takes their place",
			r->person);
	if (r->documents)
		return refuse(why, COR_EINVAL, "REFUSED", "person",
			      "person '%s' holds %d travel document%s: void %s first", r->person,
			      r->documents, r->documents == 1 ? "" : "s",
			      r->documents == 1 ? "it" : "them");
	if (r->health_checks)
		return refuse(why, COR_EINVAL, "REFUSED", "person",
			      "person '%s' has health checks recorded, which stay with them: "
			      "the person cannot be removed",
			      r->person);
	if (r->assessments)
		return refuse(why, COR_EINVAL, "REFUSED", "person",
			      "person '%s' has protection risk assessments, which stay with them: "
			      "the person cannot be removed",
			      r->person);
	return 0;
}

/* A case persons leave or join must be open, at home and unbooked. */
static int side_check(const struct cor_case_side *c, struct cor_refusal *why)
{
	if (is(c->state, "closed"))
		return refuse(why, COR_EWRONGSTATE, "WRONG_STATE", "case",
			      "case '%s' is closed: reopen it first", c->ref);
	if (cor_correct_travelled(c->state))
		return refuse(why, COR_EWRONGSTATE, "WRONG_STATE", "case",
			      "case '%s' has travelled (it is '%s'): who travelled together stays "
			      "together",
			      c->ref, c->state);
	if (c->booking)
		return refuse(why, COR_EWRONGSTATE, "WRONG_STATE", "case",
			      "case '%s' is booked on movement '%s': cancel the booking first",
			      c->ref, c->booking);
	return 0;
}

int cor_correct_join_check(const struct cor_case_side *from, const struct cor_case_side *into,
			   int n, bool whole, struct cor_refusal *why)
{
	int err;
	if (into && !strcmp(from->ref, into->ref))
		return refuse(why, COR_EINVAL, "BAD_PARAMETER", "into",
			      "case '%s' cannot go into itself", from->ref);
	if ((err = side_check(from, why)) < 0 || (into && (err = side_check(into, why)) < 0))
		return err;
	if (into && strcmp(from->office, into->office))
		return refuse(
			why, COR_EINVAL, "REFUSED", "into",
			"case '%s' is at office '%s', case '%s' at '%s': transfer one of them "
			"first",
			from->ref, from->office, into->ref, into->office);
	if (into && strcmp(from->programme, into->programme))
		return refuse(why, COR_EINVAL, "REFUSED", "into",
			      "case '%s' is %s, case '%s' %s: persons go only between cases of one "
			      "programme",
			      from->ref, from->programme, into->ref, into->programme);
	if (n < 1)
		return refuse(why, COR_EINVAL, "BAD_PARAMETER", "persons",
			      "which persons of case '%s'? name at least one", from->ref);
	if (!whole && n >= from->persons)
		return refuse(why, COR_EINVAL, "REFUSED", "persons",
			      "case '%s' would be left without a person: %s", from->ref,
			      into ? "merge the cases instead"
				   : "a split leaves a person in each case");
	if (into && into->persons + n > 99)
		return refuse(
			why, COR_EINVAL, "CAPACITY", "into",
			"case '%s' has %d persons: %d more would pass the 99 a case can number",
			into->ref, into->persons, n);
	return 0;
}

int cor_correct_relationship_check(const char *person, bool is_principal, enum cor_relationship rel,
				   struct cor_date birth, struct cor_date principal_birth,
				   struct cor_refusal *why)
{
	char b[COR_DATE_LEN], pb[COR_DATE_LEN];
	const char *name = cor_relationship_name(rel);
	if (is_principal && rel != COR_REL_PRINCIPAL)
		return refuse(why, COR_EINVAL, "REFUSED", "relationship",
			      "person '%s' is the principal applicant and stays so until another "
			      "takes their place",
			      person);
	if (!is_principal && rel == COR_REL_PRINCIPAL)
		return refuse(why, COR_EINVAL, "REFUSED", "relationship",
			      "person '%s' cannot become principal applicant: the case has one",
			      person);
	if (is_principal)
		return 0;
	int c = cor_date_cmp(birth, principal_birth);
	bool younger =
		rel == COR_REL_CHILD || rel == COR_REL_STEPCHILD || rel == COR_REL_GRANDCHILD;
	bool older = rel == COR_REL_PARENT || rel == COR_REL_GRANDPARENT;
	if ((younger && c <= 0) || (older && c >= 0))
		return refuse(why, COR_EINVAL, "INVALID", "relationship",
			      "person '%s', born %s, cannot be a %s of the principal applicant, "
			      "born %s",
			      person, cor_date_format(birth, b), name,
			      cor_date_format(principal_birth, pb));
	/* The generation gap, as registration and import ask it. */
	char gap[300];
	if (cor_relationship_check(rel, birth, false, principal_birth, false, gap, sizeof(gap)) < 0)
		return refuse(why, COR_EINVAL, "INVALID", "relationship", "person '%s': %s", person,
			      gap);
	return 0;
}

int cor_correct_revert_check(const char *ref, const char *state, const struct cor_last_change *c,
			     struct cor_refusal *why)
{
	if (is(state, "closed"))
		return refuse(why, COR_EWRONGSTATE, "WRONG_STATE", "case",
			      "case '%s' is closed: a closed case is reopened, not reverted", ref);
	if (!c->from[0])
		return refuse(why, COR_EWRONGSTATE, "WRONG_STATE", "case",
			      "case '%s' has no recorded transition to revert", ref);
	if (c->corrected || strcmp(c->to, state))
		return refuse(why, COR_EWRONGSTATE, "WRONG_STATE", "case",
			      "case '%s': its last change of state (%s -> %s) was a correction; "
			      "a revert goes back one transition only",
			      ref, c->from, c->to);
	if (is(state, "booked") || cor_correct_travelled(state))
		return refuse(why, COR_EWRONGSTATE, "WRONG_STATE", "case",
			      "case '%s' is '%s': the records of its movement depend on it, so the "
			      "move from '%s' cannot be reverted",
			      ref, state, c->from);
	if (c->records_since)
		return refuse(
			why, COR_EWRONGSTATE, "WRONG_STATE", "case",
			"case '%s': %d record%s (first '%s') came after the move from '%s' to "
			"'%s' and may depend on it: it cannot be reverted",
			ref, c->records_since, c->records_since == 1 ? "" : "s", c->first_since,
			c->from, c->to);
	return 0;
}

int cor_correct_reopen_check(const char *ref, const char *state, const struct cor_last_change *c,
			     struct cor_refusal *why)
{
	if (!is(state, "closed"))
		return refuse(why, COR_EWRONGSTATE, "WRONG_STATE", "case",
			      "case '%s' is '%s': only a closed case is reopened", ref, state);
	if (c->merged_into[0])
		return refuse(why, COR_EWRONGSTATE, "WRONG_STATE", "case",
			      "case '%s' was merged into case '%s', where its persons are: it is "
			      "not reopened",
			      ref, c->merged_into);
	if (!is(c->to, "closed") || !c->from[0] || c->corrected)
		return refuse(why, COR_EWRONGSTATE, "WRONG_STATE", "case",
			      "case '%s' was closed without a recorded transition: there is no "
			      "state to reopen it at",
			      ref);
	return 0;
}
