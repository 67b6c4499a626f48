// SPDX-License-Identifier: Apache-2.0
// Inside store_facts.h, shared by its backends: the table of its calls each
// backend fills in (sqlite_facts.c, pg_facts.c; store_facts.c dispatches
// through it), and the builder of one case's facts both loaders feed with
// the records they read (store_facts.c): the one place records become facts
// ("The mapping"). A loader reads the rows; the builder decides what they
// mean, so both backends give the same facts for the same records.
//
// A loader calls, per case: cor_facts_begin, then cor_facts_traveller per
// person in seq order (with cor_facts_person_row and the person's records
// in the order their comments give), the case's records, and
// cor_facts_selection; then hands b->fc to the callback. Strings passed in
// are copied; NULL is taken as "" (an absent column).
#ifndef COR_STORE_FACTS_OPS_H
#define COR_STORE_FACTS_OPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/health.h"
#include "store/store_facts.h"

struct cor_store_facts_ops {
	int (*facts_case)(struct cor_store *st, const char *ref, const struct cor_date *travel_on,
			  cor_facts_cb cb, void *ctx);
	int (*facts_each)(struct cor_store *st, const struct cor_facts_query *q, cor_facts_cb cb,
			  void *ctx);
	void (*facts_note)(struct cor_store *st, const char *msg);
	int (*travel_each)(struct cor_store *st, const struct cor_facts_query *q, cor_travel_cb cb,
			   void *ctx);
};

extern const struct cor_store_facts_ops cor_sqlite_facts_ops;
extern const struct cor_store_facts_ops cor_pg_facts_ops;

/* ---- the builder ------------------------------------------------------- */

#define COR_FACTS_NEEDS_MAX 256 /* bytes of one person's ';'-separated needs codes */

/* The strings a traveller's facts point at, and scratch for merging. */
struct cor_facts_slot {
	char ref[COR_PERSON_REF_MAX];
	char name[2 * COR_NAME_MAX + 2];
	char needs[COR_FACTS_NEEDS_MAX];
	char docno[COR_FACT_DOCS_MAX][COR_DOCNO_MAX + 1];
	char tb_at[COR_HEALTH_TIME_LEN]; /* the TB class in effect: its check's time and id */
	int64_t tb_id;
};

/* One case being built; buffers reused from case to case. */
struct cor_facts_build {
	const struct cor_date *travel_on;
	struct cor_facts_case fc;
	struct cor_traveller_facts *tr;
	struct cor_facts_person *pe;
	struct cor_facts_slot *sl;
	size_t cap;
};

/* Start case id from its row (office: its code). */
void cor_facts_begin(struct cor_facts_build *b, int64_t id, const char *ref, const char *programme,
		     const char *office, const char *origin, const char *destination,
		     const char *state, const char *priority, const char *registered_on);
/* A person of the case, next in seq order: its index, or COR_ENOMEM. */
int cor_facts_traveller(struct cor_facts_build *b, int64_t person_id);
/* The person's own row. */
void cor_facts_person_row(struct cor_facts_build *b, int i, int seq, const char *relationship,
			  const char *given_latin, const char *family_latin, const char *sex,
			  const char *birth_date, const char *nationality);
/* A document, in id order; expires_on NULL: none. */
void cor_facts_document(struct cor_facts_build *b, int i, const char *kind, const char *number,
			const char *issuer, const char *expires_on);
/* A specific need, in code order. */
void cor_facts_need(struct cor_facts_build *b, int i, const char *code);
/* A health check, by kind, then examination time, then id; conditions
 * ';'-separated (those of a check with conditions). */
void cor_facts_health(struct cor_facts_build *b, int i, int64_t id, const char *kind,
		      const char *at, const char *outcome, const char *tb, const char *conditions);
/* A protection assessment, in id order, and whether it was cleared. */
void cor_facts_protection(struct cor_facts_build *b, int i, const char *level, bool cleared);
/* A counselling session of the case, in number order. */
void cor_facts_counselling(struct cor_facts_build *b, const char *decision);
/* An open referral of the case. */
void cor_facts_referral(struct cor_facts_build *b, const char *subject);
/* Where an admission case stands with the receiving state: true when the
 * case's state says (or the programme has no such step); false when the
 * loader must read the case's latest selection step in its history
 * (COR_FACTS_SELECTION_SQL) and give it to cor_facts_selection_step. */
bool cor_facts_selection(struct cor_facts_build *b);
/* That step's state (NULL: none recorded: the selection stays unknown). */
void cor_facts_selection_step(struct cor_facts_build *b, const char *to_state);
void cor_facts_build_release(struct cor_facts_build *b);
/* For a loader that reads those steps in one pass: the programmes with
 * that step and the states that say where a case stands, as array literals
 * of PostgreSQL ("{RST,REL,CPW}"): a case of one of the first not in one of
 * the second needs its history read. */
void cor_facts_selection_arrays(char *programmes, size_t plen, char *states, size_t slen);

/* The event rows of the selection steps (a condition on event's action and
 * detail), and the state such a row's detail ends in ("a -> b": b). */
#define COR_FACTS_SELECTION_WHERE                                                                  \
	"action = 'state' AND (detail LIKE '% -> submitted' OR detail LIKE '% -> interviewed'"     \
	" OR detail LIKE '% -> accepted' OR detail LIKE '% -> rejected')"

/* ---- travel ------------------------------------------------------------ */

/* The event rows of a move into 'departed' or 'arrived' (a condition on
 * event e), and the columns a loader reads per case, grouped by case
 * (SQLite's form; PostgreSQL adds COLLATE "C" to the min). */
#define COR_FACTS_TRAVEL_WHERE                                                                     \
	"e.action = 'state' AND (e.detail LIKE '% -> departed' OR e.detail LIKE '% -> arrived')"
#define COR_FACTS_TRAVEL_DEPARTED "CASE WHEN e.detail LIKE '% -> departed' THEN e.at END"
#define COR_FACTS_TRAVEL_ARRIVED  "CASE WHEN e.detail LIKE '% -> arrived' THEN e.at END"

/* One case's travel from its row: its persons, and the times ("...Z", NULL
 * for none) of its first moves into 'departed' and 'arrived'. */
void cor_facts_travel(struct cor_case_travel *t, long persons, const char *departed_at,
		      const char *arrived_at);

#endif
