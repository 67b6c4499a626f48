// SPDX-License-Identifier: Apache-2.0
// The manifest as CSV (docs/manifests.md): a header row, then one row per
// passenger of the manifest's leg in the order given (seat-group order),
// the leg's columns repeated on each row so that a row read alone still says
// which flight it belongs to. UTF-8 without a byte order mark, RFC 4180
// quoting, CRLF line ends.
//
// A manifest is opened in spreadsheets, and a cell that starts with = + - @
// (or a tab or CR, which some spreadsheets skip before looking) is read as a
// formula there. Names and document numbers come from outside, so every such
// field is written with a leading apostrophe: the spreadsheet then shows the
// text as it is, and a reader of the raw file sees what was done.
#include "manifest/manifest.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "io/persons_csv.h"
#include "util/error.h"
#include "util/tz.h"

// clang-format off
static const char *const columns[] = {
	"movement", "leg", "from", "to", "departs_local", "departs_utc", "seat_group", "case_id",
	"person_no", "role", "family_name_latin", "given_names_latin", "family_name",
	"given_names", "sex", "birth_date", "birth_date_approx", "nationality", "document_kind",
	"document_number", "document_issuer", "document_expiry", "ssr", "escort", "board",
	"alight", "carrier", "flight",
};
// clang-format on

#define NCOLUMNS (sizeof(columns) / sizeof(columns[0]))

static const char *const role_names[] = {
	[COR_PAX_TRAVELLER] = "traveller",
	[COR_PAX_MEDICAL_ESCORT] = "medical_escort",
	[COR_PAX_ESCORT] = "escort",
};

static const char *role_name(enum cor_manifest_role r)
{
	return (unsigned)r < sizeof(role_names) / sizeof(role_names[0]) ? role_names[r] : "?";
}

/* Would a spreadsheet take v for a formula? */
static bool starts_formula(const char *v)
{
	return v[0] != '\0' && strchr("=+-@\t\r", v[0]) != NULL;
}

/* One field, guarded against formulas, then quoted as RFC 4180 needs. */
static void put_field(FILE *f, const char *v, char sep)
{
	char guarded[256];
	if (starts_formula(v)) {
		/* Every field is a name, a code or a date: all far shorter. */
		assert(strlen(v) + 2 <= sizeof(guarded));
		snprintf(guarded, sizeof(guarded), "'%s", v);
		v = guarded;
	}
	cor_csv_write_field(f, v, sep);
}

/* The SSR codes, space-separated, into buf. */
static char *ssr_join(const struct cor_manifest_pax *p, char *buf, size_t len)
{
	size_t o = 0;
	buf[0] = '\0';
	for (int i = 0; i < p->nssr && i < COR_MANIFEST_SSR_MAX; i++) {
		int n = snprintf(buf + o, len - o, "%s%s", i ? " " : "", p->ssr[i]);
		if (n < 0 || (size_t)n >= len - o)
			break;
		o += (size_t)n;
	}
	return buf;
}

static void put_row(FILE *f, const struct cor_manifest *m, const char *leg_no,
		    const char *dep_local, const char *dep_utc, const struct cor_manifest_pax *p)
{
	const struct cor_manifest_leg *l = &m->legs[m->leg];
	char no[12] = "", birth[COR_DATE_LEN], exp[COR_DATE_LEN];
	char ssr[COR_MANIFEST_SSR_MAX * 8 + 1];
	if (p->role == COR_PAX_TRAVELLER)
		snprintf(no, sizeof(no), "%d", p->seq);
	bool doc = p->doc_kind != COR_DOC_NONE;
	const char *v[NCOLUMNS] = {
		m->movement_ref,
		leg_no,
		l->from,
		l->to,
		dep_local,
		dep_utc,
		p->seat_group,
		p->case_ref,
		no,
		role_name(p->role),
		p->family_name_latin,
		p->given_names_latin,
		p->family_name,
		p->given_names,
		(char[]){p->sex, '\0'},
		cor_date_format(p->birth_date, birth),
		p->birth_date_approx ? "1" : "0",
		p->nationality,
		cor_doc_kind_name(p->doc_kind),
		doc ? p->doc_number : "",
		doc ? p->doc_issuer : "",
		doc && p->doc_has_expiry ? cor_date_format(p->doc_expires, exp) : "",
		ssr_join(p, ssr, sizeof(ssr)),
		p->escort,
		p->board,
		p->alight,
		l->carrier,
		l->number,
	};
	for (size_t i = 0; i < NCOLUMNS; i++)
		put_field(f, v[i], i ? ',' : 0);
	fputs("\r\n", f);
}

int cor_manifest_write_csv(const struct cor_manifest *m, FILE *f, char *msg, size_t msglen)
{
	if (m->leg < 0 || m->leg >= m->nlegs) {
		snprintf(msg, msglen, "movement '%s' has no leg %d", m->movement_ref, m->leg + 1);
		return COR_EINVAL;
	}
	const struct cor_manifest_leg *l = &m->legs[m->leg];
	char leg_no[12], dep_local[COR_LOCAL_LEN], dep_utc[18];
	snprintf(leg_no, sizeof(leg_no), "%d", l->seq);
	if (cor_tz_format(l->departs, l->from_tz, dep_local) < 0) {
		snprintf(msg, msglen, "leg %d: unknown time zone '%s' for '%s'", l->seq, l->from_tz,
			 l->from);
		return COR_EINVAL;
	}
	cor_time_format_utc(l->departs, dep_utc);

	for (size_t i = 0; i < NCOLUMNS; i++)
		put_field(f, columns[i], i ? ',' : 0);
	fputs("\r\n", f);
	for (size_t i = 0; i < m->npax; i++)
		put_row(f, m, leg_no, dep_local, dep_utc, &m->pax[i]);
	if (fflush(f) != 0 || ferror(f)) {
		snprintf(msg, msglen, "could not write the CSV manifest of '%s'", m->movement_ref);
		return COR_EIO;
	}
	return 0;
}
