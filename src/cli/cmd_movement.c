// SPDX-License-Identifier: Apache-2.0
// corridor movement: charter and scheduled flights, vessels and convoys;
// their legs, quotas and escorts; bookings made by hand; and the day of
// departure (close the manifest, no-shows, stand-bys, depart, arrive).
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "service/json.h"
#include "service/departure.h"
#include "service/movement.h"
#include "util/error.h"

static const struct cor_command *const cmd = &cor_cmd_movement;

struct args {
	const char *db, *office, *kind, *label, *carrier, *escort_seats, *state, *from, *to,
		*reason;
	const char *family, *given, *sex, *birth, *nationality, *passport, *issuer, *expires;
	bool open, medical, json, history;
	int nlegs;
	const char *legs[COR_MOVEMENT_LEGS_MAX + 1];
	int npos;
	char *pos[3];
};

static int parse(int argc, char **argv, struct args *a)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"office", required_argument, NULL, 'O'},
		{"kind", required_argument, NULL, 'k'},
		{"label", required_argument, NULL, 'l'},
		{"carrier", required_argument, NULL, 'c'},
		{"escort-seats", required_argument, NULL, 'e'},
		{"leg", required_argument, NULL, 'g'},
		{"open", no_argument, NULL, 'o'},
		{"history", no_argument, NULL, 'H'},
		{"state", required_argument, NULL, 's'},
		{"from", required_argument, NULL, 'f'},
		{"to", required_argument, NULL, 't'},
		{"reason", required_argument, NULL, 'r'},
		{"medical", no_argument, NULL, 'm'},
		{"family", required_argument, NULL, 'F'},
		{"given", required_argument, NULL, 'G'},
		{"sex", required_argument, NULL, 'S'},
		{"birth-date", required_argument, NULL, 'B'},
		{"nationality", required_argument, NULL, 'N'},
		{"passport", required_argument, NULL, 'P'},
		{"issuer", required_argument, NULL, 'I'},
		{"expires", required_argument, NULL, 'E'},
		{"json", no_argument, NULL, 'j'},
		{0},
	};
	int c;
	memset(a, 0, sizeof(*a));
	cor_cli_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			a->db = optarg;
			break;
		case 'H':
			a->history = true;
			break;
		case 'O':
			a->office = optarg;
			break;
		case 'k':
			a->kind = optarg;
			break;
		case 'l':
			a->label = optarg;
			break;
		case 'c':
			a->carrier = optarg;
			break;
		case 'e':
			a->escort_seats = optarg;
			break;
		case 'o':
			a->open = true;
			break;
		case 's':
			a->state = optarg;
			break;
		case 'f':
			a->from = optarg;
			break;
		case 't':
			a->to = optarg;
			break;
		case 'r':
			a->reason = optarg;
			break;
		case 'm':
			a->medical = true;
			break;
		case 'F':
			a->family = optarg;
			break;
		case 'G':
			a->given = optarg;
			break;
		case 'S':
			a->sex = optarg;
			break;
		case 'B':
			a->birth = optarg;
			break;
		case 'N':
			a->nationality = optarg;
			break;
		case 'P':
			a->passport = optarg;
			break;
		case 'I':
			a->issuer = optarg;
			break;
		case 'E':
			a->expires = optarg;
			break;
		case 'j':
			a->json = true;
			break;
		case 'g':
			if (a->nlegs == COR_MOVEMENT_LEGS_MAX)
				return cor_cli_usage_error(cmd, "--leg: at most %d legs",
							   COR_MOVEMENT_LEGS_MAX);
			a->legs[a->nlegs++] = optarg;
			break;
		default:
			return cor_cli_bad_option(cmd, c, argv);
		}
	}
	for (int i = optind; i < argc; i++) {
		if (a->npos == 3)
			return cor_cli_usage_error(cmd, "unexpected argument '%s'", argv[i]);
		a->pos[a->npos++] = argv[i];
	}
	return 0;
}

/* Open the store and the context for a; on failure its exit status. */
static int open_ctx(const struct args *a, struct cor_store **st, struct cor_ctx *cx)
{
	return cor_cli_ctx_open(a->db, 0, a->json, st, cx);
}

/* After an operation: cx's error, or done printed (text) or doc (--json,
 * taken); the store closed. */
static int finish(const struct args *a, struct cor_store *st, struct cor_ctx *cx, int err,
		  const char *done, json_t *doc)
{
	int ret = COR_EXIT_OK;
	if (err < 0) {
		json_decref(doc);
		ret = cor_cli_error(cx, a->json);
	} else if (a->json) {
		ret = cor_cli_print_json(doc);
	} else {
		json_decref(doc);
		fputs(done, stdout);
	}
	cor_store_close(st);
	return ret;
}

static int cmd_add(struct args *a)
{
	struct cor_movement m = {0};
	struct cor_store *st;
	struct cor_ctx cx;
	long esc = 0;
	int ret;
	char done[160];
	if (a->npos)
		return cor_cli_usage_error(cmd, "unexpected argument '%s'", a->pos[0]);
	if (!a->office)
		return cor_cli_usage_error(cmd, "--office: the office that runs it (e.g. LY-TIP)");
	if (!a->kind || cor_movement_kind_parse(a->kind, &m.kind) < 0)
		return cor_cli_usage_error(cmd,
					   "--kind: one of charter, scheduled, vessel, convoy");
	if (!a->label || !*a->label || strlen(a->label) >= sizeof(m.label))
		return cor_cli_usage_error(cmd,
					   "--label: the name people use for it, such as \"ET "
					   "3412\" (1-%zu bytes)",
					   sizeof(m.label) - 1);
	if (a->carrier && strlen(a->carrier) >= sizeof(m.carrier))
		return cor_cli_usage_error(cmd, "--carrier: '%s' is not an IATA airline designator",
					   a->carrier);
	if (a->escort_seats &&
	    (ret = cor_cli_parse_long(cmd, "--escort-seats", a->escort_seats, 0, 99, &esc)))
		return ret;
	if (a->nlegs == 0)
		return cor_cli_usage_error(cmd, "--leg: give at least one leg");
	if (strlen(a->office) >= sizeof(m.office))
		return cor_cli_usage_error(cmd, "--office: '%s' is not an office code", a->office);
	snprintf(m.office, sizeof(m.office), "%s", a->office);
	snprintf(m.label, sizeof(m.label), "%s", a->label);
	snprintf(m.carrier, sizeof(m.carrier), "%s", a->carrier ? a->carrier : "");
	m.escort_seats = (int)esc;
	m.state = a->open ? COR_MSTATE_OPEN : COR_MSTATE_PLANNED;
	m.nlegs = a->nlegs;
	for (int i = 0; i < a->nlegs; i++) {
		char msg[200];
		if (cor_leg_parse(a->legs[i], a->label, &m.legs[i], msg, sizeof(msg)) < 0)
			return cor_cli_usage_error(cmd, "--leg %d: %s", i + 1, msg);
	}
	if ((ret = open_ctx(a, &st, &cx)) != COR_EXIT_OK)
		return ret;
	int err = (a->history ? cor_svc_movement_add_history : cor_svc_movement_add)(&cx, &m);
	snprintf(done, sizeof(done), "movement %s added (%s)\n", m.ref,
		 cor_movement_state_name(m.state));
	return finish(a, st, &cx, err, done,
		      err < 0 ? NULL
			      : json_pack("{s:s, s:s}", "ref", m.ref, "state",
					  cor_movement_state_name(m.state)));
}

/* ---- list and show ------------------------------------------------------ */

struct list_ctx {
	json_t *doc; /* with --json: the array */
	int n;
};

static int print_row(const struct cor_svc_movement_row *r, void *ctx)
{
	struct list_ctx *c = ctx;
	const struct cor_movement *m = r->m;
	const struct cor_movement_load *l = r->load;
	char route[64];
	c->n++;
	if (c->doc)
		return json_array_append_new(c->doc, cor_svc_movement_row_json(r));
	size_t used = (size_t)snprintf(route, sizeof(route), "%s", m->legs[0].from);
	for (int i = 0; i < m->nlegs && used < sizeof(route); i++)
		used += (size_t)snprintf(route + used, sizeof(route) - used, "-%s", m->legs[i].to);
	printf("%-20s %-9s %-10s %-12s %-24s %s  %d case%s, %d person%s, %d free", m->ref,
	       cor_movement_state_name(m->state), cor_movement_kind_name(m->kind),
	       cor_cli_shown(m->label), route, r->departs_local, l->cases, l->cases == 1 ? "" : "s",
	       l->persons, l->persons == 1 ? "" : "s", l->seats_free);
	if (l->standby)
		printf(", %d on stand-by", l->standby);
	putchar('\n');
	return 0;
}

static int day_time(const char *opt, const char *v, int64_t *out)
{
	struct cor_date d;
	if (cor_cli_parse_date(cmd, opt, v, &d) != COR_EXIT_OK)
		return COR_EXIT_USAGE;
	*out = (int64_t)cor_date_to_days(d) * 86400;
	return 0;
}

static int cmd_list(struct args *a)
{
	struct cor_svc_movement_list_in in = {.q = {.state = a->state, .office = a->office}};
	enum cor_movement_state s;
	struct cor_store *st;
	struct cor_ctx cx;
	int ret;
	if (a->npos)
		return cor_cli_usage_error(cmd, "unexpected argument '%s'", a->pos[0]);
	if (a->state && cor_movement_state_parse(a->state, &s) < 0)
		return cor_cli_usage_error(cmd, "--state: one of planned, open, closed, departed, "
						"arrived, cancelled");
	if ((a->from && day_time("--from", a->from, &in.q.from)) ||
	    (a->to && day_time("--to", a->to, &in.q.to)))
		return COR_EXIT_USAGE;
	if (in.q.to)
		in.q.to += 86400; /* through that day */
	if ((ret = open_ctx(a, &st, &cx)) != COR_EXIT_OK)
		return ret;
	struct list_ctx c = {a->json ? json_array() : NULL, 0};
	in.cb = print_row;
	in.ctx = &c;
	int err = cor_svc_movement_list(&cx, &in);
	char done[64];
	snprintf(done, sizeof(done), "%d movement%s\n", c.n, c.n == 1 ? "" : "s");
	return finish(a, st, &cx, err, done, c.doc ? json_pack("{s:o}", "movements", c.doc) : NULL);
}

static const char *str(json_t *o, const char *key)
{
	return cor_cli_shown(json_string_value(json_object_get(o, key)));
}

static int num(json_t *o, const char *key)
{
	return (int)json_integer_value(json_object_get(o, key));
}

static void print_show(json_t *d)
{
	size_t i;
	json_t *v;
	int esc = num(d, "escort_seats");
	const char *carrier = str(d, "carrier");
	printf("%s  %s %s%s%s, %s, office %s, %d escort seat%s\n", str(d, "ref"), str(d, "kind"),
	       str(d, "label"), *carrier ? " carrier " : "", carrier, str(d, "state"),
	       str(d, "office"), esc, esc == 1 ? "" : "s");
	json_array_foreach(json_object_get(d, "legs"), i, v)
	{
		printf("  leg %d     %s %s -> %s  departs %s (%s), arrives %s (%s)\n"
		       "            seats %d, stretchers %d, WCHC %d, WCHS %d\n",
		       num(v, "seq"), str(v, "number"), str(v, "from"), str(v, "to"),
		       str(v, "departs_local"), str(v, "departs"), str(v, "arrives_local"),
		       str(v, "arrives"), num(v, "seats"), num(v, "stretchers"), num(v, "wchc"),
		       num(v, "wchs"));
	}
	json_array_foreach(json_object_get(d, "quotas"), i, v)
		printf("  quota     %s: %d seats\n", str(v, "office"), num(v, "seats"));
	json_array_foreach(json_object_get(d, "escorts"), i, v)
	{
		const char *given = str(v, "given_names");
		printf("  escort    %d. %s%s%s (%s)\n", num(v, "no"), str(v, "family_name"),
		       *given ? ", " : "", given,
		       json_is_true(json_object_get(v, "medical")) ? "medical" : "operational");
	}
	printf("bookings\n");
	json_array_foreach(json_object_get(d, "bookings"), i, v)
	{
		int n = num(v, "persons");
		printf("  %s  %-20s %-9s %d person%s  %s -> %s\n", str(v, "seat_group"),
		       str(v, "case"), str(v, "status"), n, n == 1 ? " " : "s", str(v, "board"),
		       str(v, "alight"));
	}
	printf("history\n");
	json_array_foreach(json_object_get(d, "history"), i, v)
	{
		const char *reason = str(v, "reason"), *field = str(v, "field");
		if (*field)
			printf("  %s  %-10s %s %s: '%s' -> '%s'%s%s  (%s)\n", str(v, "at"),
			       str(v, "action"), str(v, "detail"), field, str(v, "before"),
			       str(v, "after"), *reason ? ": " : "", reason, str(v, "actor"));
		else
			printf("  %s  %-10s %s%s%s  (%s)\n", str(v, "at"), str(v, "action"),
			       str(v, "detail"), *reason ? ": " : "", reason, str(v, "actor"));
	}
}

static int cmd_show(struct args *a)
{
	struct cor_svc_movement_show_out out;
	struct cor_store *st;
	struct cor_ctx cx;
	int ret;
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give one movement reference");
	if ((ret = open_ctx(a, &st, &cx)) != COR_EXIT_OK)
		return ret;
	if (cor_svc_movement_show(&cx, a->pos[0], &out) < 0) {
		ret = cor_cli_error(&cx, a->json);
	} else if (a->json) {
		ret = cor_cli_print_json(out.doc);
	} else {
		print_show(out.doc);
		json_decref(out.doc);
	}
	cor_store_close(st);
	return ret;
}

/* The pre-departure check: exit 0 when nobody is blocked, 1 when any blocker
 * stands (printed either way). */
static int cmd_check(struct args *a)
{
	struct cor_departure d;
	struct cor_store *st;
	struct cor_ctx cx;
	int ret;
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give one movement reference");
	if ((ret = open_ctx(a, &st, &cx)) != COR_EXIT_OK)
		return ret;
	if (cor_svc_movement_check(&cx, a->pos[0], &d) < 0) {
		ret = cor_cli_error(&cx, a->json);
		cor_store_close(st);
		return ret;
	}
	if (a->json) {
		ret = cor_cli_print_json(cor_departure_json(&d));
	} else {
		printf("movement %s (%s): %d case%s, %d traveller%s booked\n", d.movement,
		       cor_cli_shown(d.label), d.cases, d.cases == 1 ? "" : "s", d.travellers,
		       d.travellers == 1 ? "" : "s");
		if (!d.n)
			printf("clear: no blocker\n");
		else
			printf("%zu blocker%s\n", d.n, d.n == 1 ? "" : "s");
		for (size_t i = 0; i < d.n; i++)
			printf("  %-21s  %-25s  %s\n", d.blockers[i].who, d.blockers[i].code,
			       cor_cli_shown(d.blockers[i].message));
		ret = COR_EXIT_OK;
	}
	if (ret == COR_EXIT_OK && d.n)
		ret = COR_EXIT_FAIL;
	cor_departure_release(&d);
	cor_store_close(st);
	return ret;
}

/* ---- state changes ------------------------------------------------------ */

static int change(struct args *a, enum cor_movement_state to, bool reopen)
{
	struct cor_movement_change res;
	struct cor_store *st;
	struct cor_ctx cx;
	char done[256];
	int ret;
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give one movement reference");
	if (a->reason && (!*a->reason || strlen(a->reason) > 500))
		return cor_cli_usage_error(cmd, "--reason: at most 500 bytes of text");
	if ((ret = open_ctx(a, &st, &cx)) != COR_EXIT_OK)
		return ret;
	struct cor_svc_movement_state_in in = {a->pos[0], to, reopen, a->reason};
	int err = cor_svc_movement_set_state(&cx, &in, &res);
	size_t used =
		(size_t)snprintf(done, sizeof(done), "movement %s: %s -> %s", a->pos[0],
				 cor_movement_state_name(res.from), cor_movement_state_name(to));
	if (res.cases)
		used += (size_t)snprintf(done + used, sizeof(done) - used, "; %d case%s %s",
					 res.cases, res.cases == 1 ? "" : "s",
					 to == COR_MSTATE_DEPARTED  ? "departed"
					 : to == COR_MSTATE_ARRIVED ? "arrived"
								    : "back to travel_ready");
	if (res.released && used < sizeof(done))
		used += (size_t)snprintf(done + used, sizeof(done) - used,
					 "; %d stand-by%s released", res.released,
					 res.released == 1 ? "" : "s");
	if (used < sizeof(done))
		snprintf(done + used, sizeof(done) - used, "\n");
	if (err < 0 && reopen && !a->json && cx.err.code == COR_CODE_WRONG_STATE &&
	    res.from == COR_MSTATE_PLANNED) {
		ret = cor_cli_error(&cx, false);
		fprintf(stderr, "hint: 'corridor movement open' opens a planned movement\n");
		cor_store_close(st);
		return ret;
	}
	json_t *doc = err < 0 ? NULL
			      : json_pack("{s:s, s:s, s:s, s:i, s:i}", "ref", a->pos[0], "from",
					  cor_movement_state_name(res.from), "to",
					  cor_movement_state_name(to), "cases", res.cases,
					  "released", res.released);
	return finish(a, st, &cx, err, done, doc);
}

static int cmd_open(struct args *a)
{
	return change(a, COR_MSTATE_OPEN, false);
}
/* Reopen: a closed manifest only; 'open' opens a planned movement. */
static int cmd_reopen(struct args *a)
{
	return change(a, COR_MSTATE_OPEN, true);
}
static int cmd_close(struct args *a)
{
	return change(a, COR_MSTATE_CLOSED, false);
}
static int cmd_depart(struct args *a)
{
	return change(a, COR_MSTATE_DEPARTED, false);
}
static int cmd_arrive(struct args *a)
{
	return change(a, COR_MSTATE_ARRIVED, false);
}
static int cmd_cancel(struct args *a)
{
	return change(a, COR_MSTATE_CANCELLED, false);
}

/* ---- bookings ------------------------------------------------------------ */

static int two(struct args *a)
{
	if (a->npos != 2)
		return cor_cli_usage_error(cmd, "give a movement reference and a case ID");
	if (a->reason && (!*a->reason || strlen(a->reason) > 500))
		return cor_cli_usage_error(cmd, "--reason: at most 500 bytes of text");
	return 0;
}

static json_t *booking_json(const struct args *a, const char *status,
			    const struct cor_svc_booking_out *out)
{
	return json_pack("{s:s, s:s, s:s, s:o, s:o}", "movement", a->pos[0], "case", a->pos[1],
			 "status", status, "board", cor_json_str(out ? out->board : NULL), "alight",
			 cor_json_str(out ? out->alight : NULL));
}

static int booking(struct args *a, enum cor_booking_status status)
{
	struct cor_svc_booking_out out;
	struct cor_store *st;
	struct cor_ctx cx;
	char done[160];
	int ret;
	if ((ret = two(a)))
		return ret;
	if ((ret = open_ctx(a, &st, &cx)) != COR_EXIT_OK)
		return ret;
	struct cor_svc_booking_in in = {a->pos[0], a->pos[1], status, a->reason};
	int err = cor_svc_booking_add(&cx, &in, &out);
	snprintf(done, sizeof(done), "case %s %s %s\n", a->pos[1],
		 status == COR_BOOKING_BOOKED ? "booked on" : "on stand-by for", a->pos[0]);
	return finish(a, st, &cx, err, done,
		      err < 0 ? NULL : booking_json(a, cor_booking_status_name(status), &out));
}

static int cmd_book(struct args *a)
{
	return booking(a, COR_BOOKING_BOOKED);
}
static int cmd_standby(struct args *a)
{
	return booking(a, COR_BOOKING_STANDBY);
}

static int cmd_unbook(struct args *a)
{
	struct cor_store *st;
	struct cor_ctx cx;
	char done[160];
	int ret;
	if ((ret = two(a)))
		return ret;
	if (!a->reason)
		return cor_cli_usage_error(cmd,
					   "--reason: say why the case comes off the movement");
	if ((ret = open_ctx(a, &st, &cx)) != COR_EXIT_OK)
		return ret;
	struct cor_svc_booking_in in = {a->pos[0], a->pos[1], COR_BOOKING_CANCELLED, a->reason};
	int err = cor_svc_booking_cancel(&cx, &in);
	snprintf(done, sizeof(done), "case %s off %s\n", a->pos[1], a->pos[0]);
	return finish(a, st, &cx, err, done, err < 0 ? NULL : booking_json(a, "cancelled", NULL));
}

static int cmd_noshow(struct args *a)
{
	struct cor_svc_booking_out out = {0};
	struct cor_store *st;
	struct cor_ctx cx;
	char done[200];
	int ret;
	if ((ret = two(a)))
		return ret;
	if (!a->reason)
		return cor_cli_usage_error(cmd,
					   "--reason: say what is known (did not report, ill...)");
	if ((ret = open_ctx(a, &st, &cx)) != COR_EXIT_OK)
		return ret;
	struct cor_svc_booking_in in = {a->pos[0], a->pos[1], COR_BOOKING_NO_SHOW, a->reason};
	int err = cor_svc_booking_no_show(&cx, &in, &out);
	snprintf(done, sizeof(done), "case %s: no-show on %s; %d stand-by%s given a seat\n",
		 a->pos[1], a->pos[0], out.promoted, out.promoted == 1 ? "" : "s");
	json_t *doc = err < 0 ? NULL
			      : json_pack("{s:s, s:s, s:s, s:i}", "movement", a->pos[0], "case",
					  a->pos[1], "status", "no_show", "promoted", out.promoted);
	return finish(a, st, &cx, err, done, doc);
}

static int cmd_quota(struct args *a)
{
	struct cor_store *st;
	struct cor_ctx cx;
	char done[160];
	long seats = -1;
	int ret;
	if (a->npos != 3)
		return cor_cli_usage_error(cmd,
					   "give a movement reference, an office and a number of "
					   "seats (or 'none')");
	if (strcmp(a->pos[2], "none") &&
	    (ret = cor_cli_parse_long(cmd, "SEATS", a->pos[2], 0, 9999, &seats)))
		return ret;
	if ((ret = open_ctx(a, &st, &cx)) != COR_EXIT_OK)
		return ret;
	struct cor_svc_quota_in in = {a->pos[0], a->pos[1], (int)seats};
	int err = cor_svc_movement_quota(&cx, &in);
	if (seats >= 0)
		snprintf(done, sizeof(done), "movement %s: quota of %s set to %ld seat%s\n",
			 a->pos[0], a->pos[1], seats, seats == 1 ? "" : "s");
	else
		snprintf(done, sizeof(done), "movement %s: quota of %s removed\n", a->pos[0],
			 a->pos[1]);
	json_t *doc = err < 0 ? NULL
			      : json_pack("{s:s, s:s, s:o}", "ref", a->pos[0], "office", a->pos[1],
					  "seats", seats >= 0 ? json_integer(seats) : json_null());
	return finish(a, st, &cx, err, done, doc);
}

static int cmd_escort(struct args *a)
{
	struct cor_svc_escort_in in = {0};
	struct cor_escort *e = &in.e;
	struct cor_store *st;
	struct cor_ctx cx;
	char done[200];
	int ret;
	if (a->npos != 1)
		return cor_cli_usage_error(cmd, "give one movement reference");
	if (!a->family || !*a->family || strlen(a->family) > 63)
		return cor_cli_usage_error(
			cmd, "--family: the escort's family name, as on the passport");
	if (a->given && strlen(a->given) > 63)
		return cor_cli_usage_error(cmd, "--given: at most 63 bytes of text");
	if (!a->sex || (strcmp(a->sex, "F") && strcmp(a->sex, "M") && strcmp(a->sex, "X")))
		return cor_cli_usage_error(cmd, "--sex: F, M or X");
	if (!a->birth)
		return cor_cli_usage_error(cmd, "--birth-date: YYYY-MM-DD");
	if (cor_cli_parse_date(cmd, "--birth-date", a->birth, &e->birth_date) != COR_EXIT_OK)
		return COR_EXIT_USAGE;
	if (!a->nationality || strlen(a->nationality) != 3)
		return cor_cli_usage_error(cmd, "--nationality: an ISO 3166-1 alpha-3 code");
	if (a->passport && (!*a->passport || strlen(a->passport) > COR_DOCNO_MAX))
		return cor_cli_usage_error(cmd, "--passport: 1 to %d characters", COR_DOCNO_MAX);
	if (a->passport && (!a->issuer || !a->expires))
		return cor_cli_usage_error(cmd, "--passport needs --issuer and --expires");
	if (a->issuer && strlen(a->issuer) != 3)
		return cor_cli_usage_error(cmd, "--issuer: an ISO 3166-1 alpha-3 code");
	if (a->expires &&
	    cor_cli_parse_date(cmd, "--expires", a->expires, &e->expires_on) != COR_EXIT_OK)
		return COR_EXIT_USAGE;
	in.ref = a->pos[0];
	snprintf(e->family_name, sizeof(e->family_name), "%s", a->family);
	snprintf(e->given_names, sizeof(e->given_names), "%s", a->given ? a->given : "");
	e->sex = a->sex[0];
	snprintf(e->nationality, sizeof(e->nationality), "%s", a->nationality);
	snprintf(e->passport, sizeof(e->passport), "%s", a->passport ? a->passport : "");
	snprintf(e->issuer, sizeof(e->issuer), "%s", a->issuer ? a->issuer : "");
	e->has_expiry = a->expires != NULL;
	e->medical = a->medical;
	if ((ret = open_ctx(a, &st, &cx)) != COR_EXIT_OK)
		return ret;
	int err = cor_svc_movement_escort_add(&cx, &in);
	snprintf(done, sizeof(done), "movement %s: %s escort %s named\n", a->pos[0],
		 a->medical ? "medical" : "operational", a->family);
	json_t *doc = err < 0 ? NULL
			      : json_pack("{s:s, s:s, s:b}", "ref", a->pos[0], "family_name",
					  a->family, "medical", a->medical);
	return finish(a, st, &cx, err, done, doc);
}

static int run(int argc, char **argv)
{
	static const char *const names[] = {"add",    "list",    "show",   "check",  "open",
					    "close",  "depart",  "arrive", "cancel", "reopen",
					    "book",   "standby", "unbook", "noshow", "quota",
					    "escort", NULL};
	static int (*const subs[])(struct args *) = {
		cmd_add,    cmd_list,   cmd_show,   cmd_check,  cmd_open, cmd_close,
		cmd_depart, cmd_arrive, cmd_cancel, cmd_reopen, cmd_book, cmd_standby,
		cmd_unbook, cmd_noshow, cmd_quota,  cmd_escort};
	_Static_assert(sizeof(subs) / sizeof(subs[0]) == sizeof(names) / sizeof(names[0]) - 1,
		       "one function per subcommand name");
	struct args a;
	int ret, i = cor_cli_subcommand(cmd, names, argc, argv);
	if (i < 0)
		return COR_EXIT_USAGE;
	if ((ret = parse(argc - 1, argv + 1, &a)))
		return ret;
	if (!strcmp(names[i], "reopen") && !a.reason)
		return cor_cli_usage_error(cmd, "--reason: say why the manifest is reopened");
	if (!strcmp(names[i], "cancel") && !a.reason)
		return cor_cli_usage_error(cmd, "--reason: say why the movement is cancelled");
	return subs[i](&a);
}

const struct cor_command cor_cmd_movement = {
	"movement",
	run,
	"usage: corridor movement add --office O --kind K --label L [--carrier XX]\n"
	"                 [--escort-seats N] [--open] [--history] --leg SPEC [--leg SPEC...]\n"
	"       corridor movement list [--state S] [--office O] [--from DAY] [--to DAY]\n"
	"       corridor movement show MOVEMENT\n"
	"       corridor movement check MOVEMENT\n"
	"       corridor movement open|close|depart|arrive MOVEMENT\n"
	"       corridor movement reopen|cancel MOVEMENT --reason T\n"
	"       corridor movement book|standby MOVEMENT CASE-ID [--reason T]\n"
	"       corridor movement unbook|noshow MOVEMENT CASE-ID --reason T\n"
	"       corridor movement quota MOVEMENT OFFICE SEATS|none\n"
	"       corridor movement escort MOVEMENT --family NAME [--given NAMES] --sex F|M|X\n"
	"                 --birth-date DAY --nationality ISO3 [--passport NO --issuer ISO3\n"
	"                 --expires DAY] [--medical]\n"
	"  (each also takes --db PATH and --json: list and show print the movement(s) as\n"
	"  JSON, check the pre-departure check, the others what was done)\n\n"
	"  kinds: charter scheduled vessel convoy\n"
	"  SPEC: from=PLACE,to=PLACE,departs=YYYY-MM-DDTHH:MMZ,arrives=YYYY-MM-DDTHH:MMZ,\n"
	"        seats=N[,stretchers=N][,wchc=N][,wchs=N][,number=ET3412][,carrier=ET]\n"
	"        (times in UTC; a leg's carrier is the movement's unless carrier= says)\n"
	"States: planned -> open -> closed -> departed -> arrived; cancelled before departure;\n"
	"A movement is added ahead of its first departure; --history records one that\n"
	"already left. It departs no earlier than its schedule less departure.early_minutes\n"
	"(rules; 180) and arrives no earlier than it departed.\n"
	"reopen takes a closed manifest back to open. check lists every blocker of every\n"
	"booked traveller on the departure (fitness, documents, decision, protection,\n"
	"referrals, capacity; exit 1 when any stands); closing and departing are refused\n"
	"while one does. Departing moves every booked case to\n"
	"departed, arriving confirms their arrival, cancelling puts them back to travel_ready.\n"
	"A no-show frees the case's seats for the stand-bys, first come first served.",
	"movements: flights, vessels, convoys; bookings and departure day",
	0,
};
