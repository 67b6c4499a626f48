// SPDX-License-Identifier: Apache-2.0
// Manifests: the list of who travels on one leg of a movement, as the store
// hands it over, and the writers that turn it into a CSV file, a PDF for
// print and a UN/EDIFACT PAXLST message. Pure data in, bytes out: the
// writers never read the database.
//
// What leaves in a manifest is the minimum a carrier and a border authority
// need: names, sex, date of birth, nationality, the travel document, the seat
// group and the SSR codes. No specific-needs code, no health outcome or
// clinical detail, no protection detail: the struct has no field for them.
#ifndef COR_MANIFEST_H
#define COR_MANIFEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "domain/case.h"
#include "domain/date.h"
#include "domain/movement.h" /* enum cor_movement_kind */

#define COR_MANIFEST_SSR_MAX 8

enum cor_manifest_role {
	COR_PAX_TRAVELLER,      /* a person of a case */
	COR_PAX_MEDICAL_ESCORT, /* a doctor or nurse travelling with medical cases */
	COR_PAX_ESCORT,         /* an operational (non-medical) escort */
};

struct cor_manifest_pax {
	enum cor_manifest_role role;
	char case_ref[32];  /* "" for escorts */
	int seq;            /* person number in the case; 0 for escorts */
	char seat_group[8]; /* travellers of one case share a group: "G001"; escorts "ESC" */
	char family_name[COR_NAME_MAX + 1];       /* as written (any script; may be empty) */
	char given_names[COR_NAME_MAX + 1];       /* as written */
	char family_name_latin[COR_NAME_MAX + 1]; /* Latin script, accents kept */
	char given_names_latin[COR_NAME_MAX + 1];
	char sex; /* 'F', 'M' or 'X' */
	struct cor_date birth_date;
	bool birth_date_approx;
	char nationality[4];        /* ISO alpha-3 (XXA stateless, XXX unknown) */
	enum cor_doc_kind doc_kind; /* COR_DOC_NONE: no document */
	char doc_number[COR_DOCNO_MAX + 1];
	char doc_issuer[4];
	struct cor_date doc_expires;
	bool doc_has_expiry;
	const char *ssr[COR_MANIFEST_SSR_MAX]; /* static strings: "MEDA", "WCHC"... */
	int nssr;
	char escort[64];          /* travellers: the name of their assigned escort, "" for none */
	char board[6], alight[6]; /* where this person boards and leaves the movement */
};

struct cor_manifest_leg {
	int seq;             /* 1-based */
	char from[6], to[6]; /* IATA airport or UN/LOCODE */
	char from_name[64], to_name[64];
	char from_tz[48], to_tz[48]; /* IANA zones for local times ("Africa/Tripoli") */
	int64_t departs, arrives;    /* UTC seconds */
	char carrier[4]; /* IATA airline designator ("ET"); "" for vessels and convoys */
	char number[16]; /* flight number ("ET3412"), vessel or convoy name */
};

struct cor_manifest {
	char movement_ref[32]; /* "MV-2026-0042" */
	enum cor_movement_kind kind;
	char label[24];           /* "ET 3412" */
	char state[16];           /* "open", "closed"... */
	char office[8];           /* the office that runs it */
	char reporting_party[64]; /* NAD+MS: the organisation sending the list */
	char sender[36];          /* PAXLST UNB/UNG sender identification; "" for the office code */
	char recipient[36]; /* PAXLST UNB/UNG recipient: the border authority's identification */
	int nlegs;
	struct cor_manifest_leg legs[8];
	int leg;                            /* which leg this manifest is for (index into legs) */
	char generated_at[COR_TIME_LEN];    /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */
	const struct cor_manifest_pax *pax; /* those travelling on that leg, in seat-group order */
	size_t npax;
	/* Left out before departure: the booked cases and named escorts the
	 * pre-departure check blocks (service/departure.h), never written. */
	int withheld_cases, withheld_travellers, withheld_escorts;
};

/* The writers. Each returns 0, or COR_EIO (write failed) / COR_EINVAL (a
 * field the format cannot carry) with msg. */
int cor_manifest_write_csv(const struct cor_manifest *m, FILE *f, char *msg, size_t msglen);
/* UN/EDIFACT PAXLST D:05B, one message for m's leg (paxlst.md). control is
 * the interchange control reference (UNB/UNZ). */
int cor_manifest_write_paxlst(const struct cor_manifest *m, const char *control, FILE *f, char *msg,
			      size_t msglen);
/* A4 PDF for print, written to path. */
int cor_manifest_write_pdf(const struct cor_manifest *m, const char *path, char *msg,
			   size_t msglen);

#endif
