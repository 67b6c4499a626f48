// SPDX-License-Identifier: Apache-2.0
// numbers.show, numbers.enrol, numbers.lease, numbers.add and case.register
// (see numbers.h).
#include "service/numbers.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "domain/country.h"
#include "domain/needs.h"
#include "service/json.h"
#include "service/location.h"

#define CASE_SEQ_MAX 999999 /* the six digits of a case number */

static int no_memory(struct cor_ctx *cx)
{
	return cor_error_set(&cx->err, COR_CODE_NO_MEMORY, NULL, "out of memory");
}

static int numbering(struct cor_ctx *cx, struct cor_numbering *n)
{
	int err = cor_store_numbering_get(cx->st, n);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

static int office_exists(struct cor_ctx *cx, const char *code)
{
	struct cor_office o;
	if (!code || !cor_office_code_is_valid(code))
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "office",
				     "'%s' is not an office code like LY-TIP", code ? code : "");
	int err = cor_store_office_get(cx->st, code, &o);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_OFFICE_NOT_FOUND, "office",
				     "no office '%s'", code);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

static int check_year(struct cor_ctx *cx, int year)
{
	if (year < 2000 || year > 2999)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "year",
				     "%d is not a year from 2000 to 2999", year);
	return 0;
}

/* ---- numbers.show ------------------------------------------------------- */

static int add_block(const struct cor_number_block *b, void *ctx)
{
	json_t *o = json_pack("{s:s, s:i, s:I, s:I, s:I, s:I, s:s, s:s, s:s, s:o}", "office",
			      b->office, "year", b->year, "first", (json_int_t)b->first, "last",
			      (json_int_t)b->last, "next", (json_int_t)b->next, "left",
			      (json_int_t)(b->last + 1 - b->next), "device", b->device, "at", b->at,
			      "by", b->by, "uid", cor_json_str(b->uid[0] ? b->uid : NULL));
	return o && !json_array_append_new(ctx, o) ? 0 : COR_ENOMEM;
}

static int op_show(struct cor_ctx *cx, const void *vin, void *vout)
{
	struct cor_svc_numbers_show_out *out = vout;
	struct cor_numbering n;
	int err;
	(void)vin;
	out->doc = NULL;
	if ((err = numbering(cx, &n)) < 0)
		return err;
	json_t *blocks = json_array();
	if (!blocks)
		return no_memory(cx);
	if ((err = cor_store_blocks(cx->st, add_block, blocks)) < 0) {
		json_decref(blocks);
		return err == COR_ENOMEM ? no_memory(cx) : cor_ctx_store_error(cx, err);
	}
	out->doc = json_pack("{s:s, s:o, s:o, s:o}", "role", n.device ? "device" : "primary",
			     "device", cor_json_str(n.device ? n.name : NULL), "since",
			     cor_json_str(n.device ? n.since : NULL), "blocks", blocks);
	return out->doc ? 0 : no_memory(cx);
}

/* ---- numbers.enrol ------------------------------------------------------ */

static bool device_name_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || n > COR_DEVICE_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '_' && s[i] != '.')
			return false;
	return true;
}

static int check_device(struct cor_ctx *cx, const char *name)
{
	if (!device_name_ok(name))
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "device",
				     "'%.60s' is not a device name: 1 to %d letters, digits, '-', "
				     "'_' or '.'",
				     name ? name : "", COR_DEVICE_MAX);
	return 0;
}

static int op_enrol(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_numbers_enrol_in *in = vin;
	struct cor_numbering n;
	struct cor_case_filter all = {0};
	long cases;
	int err;
	(void)vout;
	if ((err = check_device(cx, in->device)) < 0 || (err = numbering(cx, &n)) < 0)
		return err;
	if (n.device)
		return cor_error_set(&cx->err, COR_CODE_WRONG_STATE, "device",
				     "this database is already the device '%s', enrolled at %s",
				     n.name, n.since);
	if ((err = cor_store_case_count(cx->st, &all, &cases)) < 0)
		return cor_ctx_store_error(cx, err);
	if (cases > 0)
		return cor_error_set(&cx->err, COR_CODE_WRONG_STATE, "device",
				     "this database holds %ld case%s numbered by itself: a device "
				     "starts empty, so that its numbers come only from its blocks",
				     cases, cases == 1 ? "" : "s");
	err = cor_store_numbering_enrol(cx->st, in->device, cx->now);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

/* ---- numbers.lease ------------------------------------------------------ */

static int op_lease(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_numbers_lease_in *in = vin;
	struct cor_number_block *b = vout;
	struct cor_numbering n;
	long first;
	int err;
	if ((err = office_exists(cx, in->office)) < 0 || (err = check_year(cx, in->year)) < 0 ||
	    (err = check_device(cx, in->device)) < 0)
		return err;
	if (in->count < 1 || in->count > COR_LEASE_MAX)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "count",
				     "%ld is not a number of case numbers from 1 to %d", in->count,
				     COR_LEASE_MAX);
	if ((err = numbering(cx, &n)) < 0)
		return err;
	if (n.device)
		return cor_error_set(&cx->err, COR_CODE_WRONG_STATE, "device",
				     "this database is the device '%s': blocks are leased by the "
				     "office's primary database",
				     n.name);
	if ((err = cor_store_case_reserve(cx->st, in->office, in->year, in->count, &first)) < 0)
		return cor_ctx_store_error(cx, err);
	if (first + in->count - 1 > CASE_SEQ_MAX)
		return cor_error_set(
			&cx->err, COR_CODE_CAPACITY, "count",
			"%s has %ld case numbers left for %d, fewer than %ld", in->office,
			first > CASE_SEQ_MAX ? 0 : CASE_SEQ_MAX - first + 1, in->year, in->count);
	memset(b, 0, sizeof(*b));
	snprintf(b->office, sizeof(b->office), "%s", in->office);
	b->year = in->year;
	b->first = first;
	b->last = first + in->count - 1;
	b->next = b->last + 1;
	snprintf(b->device, sizeof(b->device), "%s", in->device);
	memcpy(b->at, cx->now, sizeof(b->at));
	snprintf(b->by, sizeof(b->by), "%s", cx->actor);
	err = cor_store_block_add(cx->st, b);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

/* ---- numbers.add -------------------------------------------------------- */

struct overlap {
	const struct cor_svc_numbers_add_in *in;
	struct cor_number_block hit;
	bool found;
};

static int find_overlap(const struct cor_number_block *b, void *ctx)
{
	struct overlap *o = ctx;
	if (strcmp(b->office, o->in->office) || b->year != o->in->year || b->last < o->in->first ||
	    b->first > o->in->last)
		return 0;
	o->hit = *b;
	o->found = true;
	return 1;
}

static int op_add(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_numbers_add_in *in = vin;
	struct cor_number_block *b = vout;
	struct cor_numbering n;
	struct overlap o = {.in = in};
	int err;
	if ((err = office_exists(cx, in->office)) < 0 || (err = check_year(cx, in->year)) < 0)
		return err;
	if (in->first < 1 || in->first > CASE_SEQ_MAX)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "first",
				     "%ld is not a case number from 1 to %d", in->first,
				     CASE_SEQ_MAX);
	if (in->last < in->first || in->last > CASE_SEQ_MAX)
		return cor_error_set(&cx->err, COR_CODE_BAD_PARAMETER, "last",
				     "%ld is not a case number from %ld to %d", in->last, in->first,
				     CASE_SEQ_MAX);
	if ((err = numbering(cx, &n)) < 0)
		return err;
	if (!n.device)
		return cor_error_set(&cx->err, COR_CODE_WRONG_STATE, "device",
				     "this database is a primary: it numbers cases from its own "
				     "counters, and takes no block");
	if ((err = cor_store_blocks(cx->st, find_overlap, &o)) < 0)
		return cor_ctx_store_error(cx, err);
	if (o.found)
		return cor_error_set(&cx->err, COR_CODE_EXISTS, "first",
				     "numbers %ld-%ld of %s for %d overlap the block %ld-%ld "
				     "recorded at %s",
				     in->first, in->last, in->office, in->year, o.hit.first,
				     o.hit.last, o.hit.at);
	memset(b, 0, sizeof(*b));
	snprintf(b->office, sizeof(b->office), "%s", in->office);
	b->year = in->year;
	b->first = b->next = in->first;
	b->last = in->last;
	snprintf(b->device, sizeof(b->device), "%s", n.name);
	memcpy(b->at, cx->now, sizeof(b->at));
	snprintf(b->by, sizeof(b->by), "%s", cx->actor);
	err = cor_store_block_add(cx->st, b);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

/* ---- numbering and case.register ---------------------------------------- */

int cor_svc_case_number(struct cor_ctx *cx, const char *office, int year, long *seq)
{
	struct cor_numbering n;
	int err = numbering(cx, &n);
	if (err < 0)
		return err;
	if (!n.device) {
		if ((err = cor_store_case_next_seq(cx->st, office, year, seq)) < 0)
			return cor_ctx_store_error(cx, err);
		if (*seq > CASE_SEQ_MAX)
			return cor_error_set(&cx->err, COR_CODE_CAPACITY, "office",
					     "%s has given all %d case numbers of %d", office,
					     CASE_SEQ_MAX, year);
		return 0;
	}
	err = cor_store_block_take(cx->st, office, year, seq);
	if (err == COR_ENOTFOUND)
		return cor_error_set(&cx->err, COR_CODE_NO_NUMBERS, "office",
				     "the device '%s' has no case number of %s for %d left: it "
				     "needs a new block from the office's primary database",
				     n.name, office, year);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

static int invalid(struct cor_ctx *cx, const char *field, const char *what, const char *v)
{
	return cor_error_set(&cx->err, COR_CODE_INVALID, field, "%s: '%.60s' is not %s", field, v,
			     what);
}

static int check_name(struct cor_ctx *cx, const char *field, const char *v, bool latin,
		      bool required)
{
	if (required && !*v)
		return cor_error_set(&cx->err, COR_CODE_INVALID, field,
				     "%s: is empty; every person needs a name in Latin script",
				     field);
	if (!cor_text_is_clean(v))
		return invalid(cx, field, "a name: it holds a control character", v);
	if (latin && !cor_text_is_latin(v))
		return invalid(cx, field, "in Latin script", v);
	return 0;
}

int cor_svc_person_check(struct cor_ctx *cx, const struct cor_person *p)
{
	size_t at;
	int err;
	if ((err = check_name(cx, "family_name_latin", p->family_name_latin, true, false)) < 0 ||
	    (err = check_name(cx, "given_names_latin", p->given_names_latin, true, true)) < 0 ||
	    (err = check_name(cx, "family_name", p->family_name, false, false)) < 0 ||
	    (err = check_name(cx, "given_names", p->given_names, false, false)) < 0)
		return err;
	if (p->sex != 'F' && p->sex != 'M' && p->sex != 'X')
		return cor_error_set(&cx->err, COR_CODE_INVALID, "sex",
				     "sex: '%c' is not F, M or X", p->sex ? p->sex : '?');
	if (!cor_date_is_valid(p->birth_date.year, p->birth_date.month, p->birth_date.day))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "birth_date",
				     "birth_date: is not a date YYYY-MM-DD");
	if (cor_date_cmp(p->birth_date, cx->today) > 0 || p->birth_date.year < 1900) {
		char d[COR_DATE_LEN];
		return cor_error_set(&cx->err, COR_CODE_INVALID, "birth_date",
				     "birth_date: '%s' is %s", cor_date_format(p->birth_date, d),
				     p->birth_date.year < 1900 ? "before 1900" : "in the future");
	}
	if (!cor_nationality_is_valid(p->nationality))
		return invalid(cx, "nationality",
			       "an ISO 3166-1 alpha-3 code (or XXA stateless, XXX unknown)",
			       p->nationality);
	if (!cor_language_list_is_valid(p->languages, &at))
		return invalid(cx, "languages", "a ';'-separated list of ISO 639 codes",
			       p->languages);
	if (!cor_need_list_is_valid(p->needs, &at))
		return invalid(cx, "needs", "a '-'-separated list of specific-needs codes",
			       p->needs);
	return 0;
}

static int check_register(struct cor_ctx *cx, const struct cor_svc_case_register_in *in)
{
	int err;
	const struct cor_programme *prog = in->programme ? cor_programme_find(in->programme) : NULL;
	if (!prog)
		return invalid(cx, "programme",
			       "a programme: HEV, VHR, AVR, REP, HASM, RST, REL or CPW",
			       in->programme ? in->programme : "");
	if ((err = office_exists(cx, in->office)) < 0)
		return err;
	if (!in->origin || !cor_country_is_iso3(in->origin))
		return invalid(cx, "origin", "an ISO 3166-1 alpha-3 country code",
			       in->origin ? in->origin : "");
	if (!in->destination || !cor_country_is_iso3(in->destination))
		return invalid(cx, "destination", "an ISO 3166-1 alpha-3 country code",
			       in->destination ? in->destination : "");
	if (!strcmp(in->origin, in->destination))
		return cor_error_set(&cx->err, COR_CODE_INVALID, "destination",
				     "destination: '%s' is the origin: a case moves out of the "
				     "country it is in",
				     in->destination);
	return cor_svc_person_check(cx, &in->principal);
}

static int op_register(struct cor_ctx *cx, const void *vin, void *vout)
{
	const struct cor_svc_case_register_in *in = vin;
	struct cor_case *c = vout;
	struct cor_person p = in->principal;
	int64_t case_id, person_id;
	long seq;
	char detail[96];
	int err;
	if ((err = check_register(cx, in)) < 0 ||
	    (err = cor_svc_case_number(cx, in->office, cx->today.year, &seq)) < 0)
		return err;
	memset(c, 0, sizeof(*c));
	cor_case_ref_format(c->ref, sizeof(c->ref), in->office, cx->today.year, seq);
	snprintf(c->programme, sizeof(c->programme), "%s", in->programme);
	snprintf(c->office, sizeof(c->office), "%s", in->office);
	snprintf(c->origin, sizeof(c->origin), "%s", in->origin);
	snprintf(c->destination, sizeof(c->destination), "%s", in->destination);
	snprintf(c->state, sizeof(c->state), "registered");
	c->priority = in->priority;
	c->registered_on = cx->today;
	p.seq = 1;
	p.relationship = COR_REL_PRINCIPAL;
	if ((err = cor_store_case_add(cx->st, c, &case_id)) < 0 ||
	    (err = cor_store_person_add(cx->st, case_id, &p, &person_id)) < 0)
		return err == COR_EEXIST ? cor_error_set(&cx->err, COR_CODE_EXISTS, "case",
							 "case '%s' already exists", c->ref)
					 : cor_ctx_store_error(cx, err);
	snprintf(detail, sizeof(detail), "case registered with 1 person");
	struct cor_event e = {
		.actor = cx->actor, .action = "registered", .detail = detail, .reason = ""};
	memcpy(e.at, cx->now, sizeof(e.at));
	if ((err = cor_store_event_add(cx->st, case_id, &e)) < 0)
		return cor_ctx_store_error(cx, err);
	if (in->location &&
	    (err = cor_svc_locate_case(cx, c->ref, c->office, c->origin, in->location,
				       "where it was registered", NULL)) < 0)
		return err;
	err = cor_store_case_get(cx->st, c->ref, NULL, c);
	return err < 0 ? cor_ctx_store_error(cx, err) : 0;
}

static const struct cor_op op_numbers_show = {"numbers.show", COR_OP_READ, "numbers.read", op_show,
					      "this database's numbering and blocks of numbers"};
static const struct cor_op op_numbers_enrol = {"numbers.enrol", COR_OP_WRITE, "numbers.write",
					       op_enrol,
					       "make this empty database a device of an office"};
static const struct cor_op op_numbers_lease = {
	"numbers.lease", COR_OP_WRITE, "numbers.write", op_lease,
	"lease a block of case numbers to a device (on a primary)"};
static const struct cor_op op_numbers_add = {
	"numbers.add", COR_OP_WRITE, "numbers.write", op_add,
	"record a block of case numbers leased to this device"};
static const struct cor_op op_case_register = {
	"case.register", COR_OP_WRITE, "case.write", op_register,
	"register a new case with its principal applicant, under a new number"};

const struct cor_op *const cor_ops_numbers[] = {
	&op_numbers_show, &op_numbers_enrol, &op_numbers_lease,
	&op_numbers_add,  &op_case_register, NULL,
};

int cor_svc_numbers_show(struct cor_ctx *cx, struct cor_svc_numbers_show_out *out)
{
	return cor_service_run(cx, &op_numbers_show, NULL, out);
}

int cor_svc_numbers_enrol(struct cor_ctx *cx, const struct cor_svc_numbers_enrol_in *in)
{
	return cor_service_run(cx, &op_numbers_enrol, in, NULL);
}

int cor_svc_numbers_lease(struct cor_ctx *cx, const struct cor_svc_numbers_lease_in *in,
			  struct cor_number_block *out)
{
	return cor_service_run(cx, &op_numbers_lease, in, out);
}

int cor_svc_numbers_add(struct cor_ctx *cx, const struct cor_svc_numbers_add_in *in,
			struct cor_number_block *out)
{
	return cor_service_run(cx, &op_numbers_add, in, out);
}

int cor_svc_case_register(struct cor_ctx *cx, const struct cor_svc_case_register_in *in,
			  struct cor_case *out)
{
	return cor_service_run(cx, &op_case_register, in, out);
}
