// SPDX-License-Identifier: Apache-2.0
// The movement planner: which travel-ready case goes on which movement.
// Pure C over plain arrays: no I/O, no SQL. The store fills a
// struct cor_plan_input from the database (and a generator fills it for tests
// and benchmarks); the planner answers with an assignment, an upper bound and
// a reason for every case left out.
//
// The model (docs/planner.md writes it out as a mixed-integer program):
//
//   maximise   sum over cases i and movements m of  value(i, m) * x[i][m]
//   subject to each case goes on at most one movement (never split);
//              for every leg l and every resource r (seats, stretcher
//              positions, WCHC places, WCHS places): the needs of the cases
//              whose journey on their movement uses l, plus (for seats) the
//              escorts on that movement, fit in l's capacity;
//              (escorts[m] + named medical escorts of m) * escort_ratio >=
//              medical units of the cases on m,
//              escorts[m] <= m's escort seats (integer escorts);
//              per movement and origin office with a quota: persons <= quota;
//              x[i][m] = 0 when m cannot take i (below): binary x.
//
// A movement m can take case i when: m has a leg leaving from i's origin
// country (from a place i reaches, when i.reach is set: boarding where
// people are) and a later (or the same) leg arriving in i's destination
// country; i's journey is the legs from the first such boarding leg to the
// first such alighting leg after it; the boarding leg departs no earlier than
// i.available_from and no later than i.valid_until (every traveller's
// document and fitness to travel still valid); a case fixed to a movement
// (a confirmed booking kept) can go only on that one, and always does: a
// kept booking is never given away (x = 1); kept bookings that cannot all
// travel are an input error.
//
// value(i, m) = persons(i) * weight(i, m) * COR_PLAN_SCALE - days(i, m), an
// integer: weight is the priority weight of the case's level (emergency
// cases only while their boarding leg on m departs on or before their
// deadline; after it they weigh as urgent), and days(i, m) is the number of
// whole days from the start of the horizon to that boarding departure (0 if
// it is earlier), a small preference for the earliest movement that never
// outweighs one priority-weighted person: every leg departs within 999 days
// of the horizon start and every weight is at least 1, so a value is always
// positive. The reported figure "priority-weighted persons" is
// sum persons(i) * weight(i, m).
//
// Escorts travel the whole movement: they take a seat on every leg of it.
//
// Determinism: the same input gives the same plan, byte for byte, on every
// machine. Plans are compared by their integer values; candidates are
// ordered by integer keys, ties going to the case first in input order,
// then to the movement first in input order; the searches are cut by counts
// (subgradient steps, branch-and-bound nodes), never by the clock: the time
// limit is only a safety stop that a normal run does not reach. Floating
// point (IEEE double, no contraction) only steers the order of the search;
// between two plans of equal value the one found first is kept.
#ifndef COR_PLAN_H
#define COR_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define COR_PLAN_SCALE       1000 /* value units per priority-weighted person */
#define COR_PLAN_REF_MAX     31
#define COR_PLAN_PLACE_MAX   5 /* IATA airport (3) or UN/LOCODE (5) */
#define COR_PLAN_REASON_MAX  200
#define COR_PLAN_THREADS_MAX 16

/* Capacity and needs, per leg and per case. */
enum cor_plan_resource {
	COR_RES_SEATS,      /* seats: every traveller and every escort */
	COR_RES_STRETCHERS, /* stretcher positions (STCR) */
	COR_RES_WCHC,       /* places for passengers carried to their seat */
	COR_RES_WCHS,       /* places for passengers who cannot use steps */
	COR_RES__N
};

/* Where the cases of one location can get to, to board: the places it
 * reaches by road or by a domestic leg of its own (docs/planner.md,
 * "Boarding where people are"). Shared by every case at that location. */
struct cor_plan_reach {
	char location[17]; /* its code: an office ("LY-TIP") or an assembly point */
	char name[64];     /* how people name it, for reasons: "Tripoli" */
	int nplaces;
	const char (*places)[COR_PLAN_PLACE_MAX + 1]; /* place codes */
};

struct cor_plan_case {
	char ref[COR_PLAN_REF_MAX + 1]; /* the case reference, for reasons and output */
	char office[8];                 /* origin office code, for quotas */
	char origin[4], destination[4]; /* ISO 3166-1 alpha-3 countries */
	int need[COR_RES__N];           /* need[COR_RES_SEATS] = travellers (>= 1) */
	int medical;                    /* travellers needing a medical escort */
	int level;                      /* enum cor_priority: 0 normal, 1 urgent, 2 emergency */
	int64_t deadline;               /* UTC seconds: the end of the level's deadline day */
	int64_t available_from;         /* UTC seconds: nobody departs before */
	int64_t valid_until;            /* UTC seconds: first document expiry or fitness end */
	/* What bounds valid_until, for the reason when it binds:
	 * "fitness to travel of LY-TIP-2026-000123-02 ends 2026-11-29 10:00 UTC". */
	char valid_why[96];
	int fixed; /* a kept booking: index of its movement, else -1 */
	/* Where it can board: NULL, at any place of its origin country; else
	 * only at a leg leaving from one of reach's places (a domestic leg of
	 * the movement may then carry it on). */
	const struct cor_plan_reach *reach;
};

struct cor_plan_leg {
	char from[COR_PLAN_PLACE_MAX + 1], to[COR_PLAN_PLACE_MAX + 1];
	char from_country[4], to_country[4]; /* ISO alpha-3 */
	int64_t departs, arrives;            /* UTC seconds */
	int cap[COR_RES__N];
};

struct cor_plan_movement {
	char ref[COR_PLAN_REF_MAX + 1]; /* the movement reference */
	char label[24];                 /* how people name it: "ET 3412", "MV Amal", "convoy 7" */
	int escort_seats;               /* the most escorts it can carry (they take seats too) */
	int escorts_named;              /* medical escorts already named on it, each covering
					   escort_ratio medical travellers; their seats are
					   already out of the legs' capacity and of
					   escort_seats */
	int nlegs;
	const struct cor_plan_leg *legs; /* in order; legs[k].to is legs[k+1].from */
};

struct cor_plan_quota {
	int movement;   /* index into movements */
	char office[8]; /* persons of this office's cases on that movement */
	int seats;      /* at most */
};

struct cor_plan_config {
	int64_t horizon_start; /* UTC seconds; days(m) counts from here */
	int escort_ratio;      /* one medical escort per this many medical travellers (>= 1) */
	int weight[3];         /* per level: normal, urgent, emergency (default 1, 10, 100) */
	long exact_max_cases;  /* branch and bound for a part of at most this many cases
				  (cases sharing no movement are planned apart) */
	long node_limit;       /* the most branch-and-bound nodes per independent part
				  (a tenth of it in a plan of more than exact_max_cases) */
	int bound_steps;       /* the most quasi-Newton steps per smoothing stage of the
				  bound of larger parts; a stage ends sooner when ten
				  steps gain less than a millionth (docs/planner.md) */
	double time_limit;     /* seconds for the search for a better plan; bound always given */
	int threads;           /* independent parts planned side by side by this many
				  workers (0: one per processor, at most
				  COR_PLAN_THREADS_MAX); the plan does not depend on it */
};

struct cor_plan_input {
	const struct cor_plan_case *cases;
	size_t ncases;
	const struct cor_plan_movement *movements;
	size_t nmovements;
	const struct cor_plan_quota *quotas;
	size_t nquotas;
	struct cor_plan_config cfg;
};

/* Why a case was left out: the constraint that binds, with its figures. */
enum cor_plan_why {
	COR_WHY_PLACED,
	COR_WHY_NO_ROUTE,     /* no movement in the horizon goes from origin to destination */
	COR_WHY_NOT_YET,      /* movements there leave only before available_from */
	COR_WHY_EXPIRES,      /* movements there leave only after valid_until */
	COR_WHY_SPECIAL_FULL, /* a stretcher/WCHC/WCHS place: none free on the movements it could
				 take */
	COR_WHY_ESCORT_FULL,  /* no escort seat left for its medical travellers */
	COR_WHY_QUOTA,        /* its office's quota on those movements is used */
	COR_WHY_SEATS_FULL,   /* seats taken by cases of higher value */
	COR_WHY_NO_REACH,     /* movements go from its origin to its destination, but none
				 boards at a place its location reaches */
	COR_WHY__N
};

struct cor_plan_result {
	int *movement;                       /* per case: index of its movement, or -1 */
	int *escorts;                        /* per movement: escorts booked */
	enum cor_plan_why *why;              /* per case */
	char (*reason)[COR_PLAN_REASON_MAX]; /* per case: "" when placed, else the sentence */
	int64_t value;                       /* the objective, in value units */
	int64_t bound;                       /* an upper bound on any plan's value (>= value) */
	double gap;                          /* (bound - value) / bound, 0 when proven optimal */
	bool optimal;                        /* value is proven the best possible */
	long weighted_persons;               /* sum of persons * weight over placed cases */
	long persons, cases;                 /* placed */
	long nodes;     /* branch-and-bound nodes searched (0 when not exact) */
	int iterations; /* evaluations of the dual for the bound (the most of any part) */
	double seconds; /* time the planner took */
	bool timed_out; /* the time limit had passed when the searches ended, so it
			 * may have cut them short, not only their counts: the plan
			 * is valid, but a faster machine or a longer limit may
			 * give a better one */
};

/* Defaults: escort ratio 3, weights 1/10/100, exact up to 200 cases,
 * 2,000 nodes per independent part (200 in a larger plan), 200 steps per
 * smoothing stage of the bound, a worker per processor, and a time limit
 * of 60 s, a safety stop well beyond what the counts take. */
void cor_plan_config_default(struct cor_plan_config *cfg);
/* Plan. Fills *res (free with cor_plan_result_free). COR_EINVAL with msg
 * for an input that is not valid (a leg whose times run backwards, a quota
 * on a movement that does not exist...), COR_ENOMEM. Never violates a
 * constraint of the model above. */
int cor_plan_solve(const struct cor_plan_input *in, struct cor_plan_result *res, char *msg,
		   size_t msglen);
void cor_plan_result_free(struct cor_plan_result *res);
/* Check that an assignment keeps every constraint; writes the first broken
 * one into msg and returns COR_EINVAL, else 0. For tests and for plans that
 * come from elsewhere (an exact solver's answer). */
int cor_plan_check(const struct cor_plan_input *in, const int *movement, const int *escorts,
		   char *msg, size_t msglen);
/* Write the model as a CPLEX LP file that glpsol and cbc read; variables
 * x_<case>_<movement> (binary) and s_<movement> (escorts, integer), by index
 * (not e_: the LP format reads a name starting with e as an exponent).
 * Integer coefficients only. COR_EINVAL for an input cor_plan_solve refuses,
 * COR_EIO when writing fails. */
int cor_plan_write_lp(const struct cor_plan_input *in, FILE *f);
/* The journey of case c on mv: the first leg leaving its origin country
 * (from a place c->reach holds, when set) to the first leg at or after it
 * arriving in its destination country, as *k1..*k2; false when mv cannot
 * carry c there. */
bool cor_plan_journey(const struct cor_plan_movement *mv, const struct cor_plan_case *c, int *k1,
		      int *k2);
/* Does reach hold place (NULL: every place)? */
bool cor_plan_reaches(const struct cor_plan_reach *reach, const char *place);
/* value(i, m) as defined above, or -1 when m cannot take i. */
int64_t cor_plan_value(const struct cor_plan_input *in, size_t i, size_t m);
/* A stable code for a reason kind: "placed", "no_route", "not_yet",
 * "expires", "special_full", "escort_full", "quota", "seats_full",
 * "no_reach". */
const char *cor_plan_why_code(enum cor_plan_why why);

#endif
