// SPDX-License-Identifier: Apache-2.0
// The manifest the writers' tests share: a two-leg charter Mitiga (Tripoli)
// - Addis Ababa - Lagos, the manifest for its second leg, with two cases and
// a medical escort.
//
//   G001 LY-TIP-2026-000123-01  ABDALLAH Mariam   names also in Arabic script, passport
//   G001 LY-TIP-2026-000123-02  ABDALLAH Yusuf    no document, approximate birth date,
//                                                 SSR MEDA WCHC, escorted
//   G002 LY-TIP-2026-000124-01  N'Diaye Bérénice  emergency travel document
//   ESC  (medical escort)       O'BRIEN Siobhán   passport
//
// Local times: Tripoli UTC+2, Addis Ababa UTC+3, Lagos UTC+1 (no summer
// time in any of them).
#ifndef COR_TEST_SAMPLE_MANIFEST_H
#define COR_TEST_SAMPLE_MANIFEST_H

#include <string.h>

#include "manifest/manifest.h"
#include "util/tz.h"

#define SAMPLE_NPAX 4

static int64_t sample_utc(const char *s)
{
	int64_t t = 0;
	if (cor_time_parse_utc(s, &t) != 0)
		fail_msg("bad time '%s' in the sample", s);
	return t;
}

static void sample_leg(struct cor_manifest_leg *l, int seq, const char *from, const char *from_tz,
		       const char *to, const char *to_tz, const char *departs, const char *arrives,
		       const char *number)
{
	memset(l, 0, sizeof(*l));
	l->seq = seq;
	strcpy(l->from, from);
	strcpy(l->from_tz, from_tz);
	strcpy(l->to, to);
	strcpy(l->to_tz, to_tz);
	l->departs = sample_utc(departs);
	l->arrives = sample_utc(arrives);
	strcpy(l->carrier, "ET");
	strcpy(l->number, number);
}

static void sample_person(struct cor_manifest_pax *p, const char *case_ref, int seq,
			  const char *group, const char *family, const char *given, char sex,
			  struct cor_date birth, const char *nationality)
{
	memset(p, 0, sizeof(*p));
	p->role = COR_PAX_TRAVELLER;
	strcpy(p->case_ref, case_ref);
	p->seq = seq;
	strcpy(p->seat_group, group);
	strcpy(p->family_name, family);
	strcpy(p->given_names, given);
	strcpy(p->family_name_latin, family);
	strcpy(p->given_names_latin, given);
	p->sex = sex;
	p->birth_date = birth;
	strcpy(p->nationality, nationality);
	strcpy(p->board, "MJI");
	strcpy(p->alight, "LOS");
}

static void sample_document(struct cor_manifest_pax *p, enum cor_doc_kind kind, const char *number,
			    const char *issuer, struct cor_date expires)
{
	p->doc_kind = kind;
	strcpy(p->doc_number, number);
	strcpy(p->doc_issuer, issuer);
	p->doc_expires = expires;
	p->doc_has_expiry = true;
}

/* Fill m and pax (SAMPLE_NPAX entries); m->pax points to pax. */
static void sample_manifest(struct cor_manifest *m, struct cor_manifest_pax *pax)
{
	memset(m, 0, sizeof(*m));
	strcpy(m->movement_ref, "LY-TIP-MV-2026-0007");
	m->kind = COR_MOVEMENT_CHARTER;
	strcpy(m->label, "ET 3412");
	strcpy(m->state, "closed");
	strcpy(m->office, "LY-TIP");
	strcpy(m->reporting_party, "IOM Libya");
	strcpy(m->recipient, "NGNIS");
	m->nlegs = 2;
	sample_leg(&m->legs[0], 1, "MJI", "Africa/Tripoli", "ADD", "Africa/Addis_Ababa",
		   "2026-12-01T06:30Z", "2026-12-01T11:10Z", "ET3412");
	sample_leg(&m->legs[1], 2, "ADD", "Africa/Addis_Ababa", "LOS", "Africa/Lagos",
		   "2026-12-01T13:00Z", "2026-12-01T17:05Z", "ET3414");
	m->leg = 1;
	strcpy(m->generated_at, "2026-11-30T18:00:00Z");

	struct cor_manifest_pax *p = &pax[0];
	sample_person(p, "LY-TIP-2026-000123", 1, "G001", "ABDALLAH", "Mariam", 'F',
		      (struct cor_date){1988, 4, 12}, "SDN");
	strcpy(p->family_name, "عبد الله");
	strcpy(p->given_names, "مريم");
	sample_document(p, COR_DOC_PASSPORT, "P01234567", "SDN", (struct cor_date){2031, 5, 30});

	p = &pax[1];
	sample_person(p, "LY-TIP-2026-000123", 2, "G001", "ABDALLAH", "Yusuf", 'M',
		      (struct cor_date){2015, 1, 1}, "SDN");
	strcpy(p->family_name, "عبد الله");
	strcpy(p->given_names, "يوسف");
	p->birth_date_approx = true;
	p->ssr[0] = "MEDA";
	p->ssr[1] = "WCHC";
	p->nssr = 2;
	strcpy(p->escort, "O'BRIEN Siobhán");

	p = &pax[2];
	sample_person(p, "LY-TIP-2026-000124", 1, "G002", "N'Diaye", "Bérénice", 'F',
		      (struct cor_date){1979, 11, 30}, "SEN");
	sample_document(p, COR_DOC_ETD, "ETD0042017", "SEN", (struct cor_date){2027, 1, 31});

	p = &pax[3];
	sample_person(p, "", 0, "ESC", "O'BRIEN", "Siobhán", 'F', (struct cor_date){1985, 2, 14},
		      "IRL");
	p->role = COR_PAX_MEDICAL_ESCORT;
	sample_document(p, COR_DOC_PASSPORT, "PX1234567", "IRL", (struct cor_date){2030, 8, 31});

	m->pax = pax;
	m->npax = SAMPLE_NPAX;
}

#endif
