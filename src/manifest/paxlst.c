// SPDX-License-Identifier: Apache-2.0
// The manifest as a UN/EDIFACT PAXLST message (D:05B, the WCO/IATA/ICAO
// implementation guide; docs/manifests.md has the mapping segment by
// segment). One interchange holds one group holding one message for the
// manifest's leg.
//
// Everything is checked before the first byte is written, so a refusal
// leaves the file empty rather than half a message a border system would
// choke on. The checks are about what the format can carry: the character
// set (syntax level C, ISO 8859-1), element lengths, codes.
//
// Invariants of the output: no line breaks (the segment terminator alone
// ends a segment, as strict receivers expect); every data element is in
// ISO 8859-1 with ? + : ' released by '?'; UNT counts the segments from UNH
// to UNT inclusive; UNT, UNE and UNZ repeat the references of UNH, UNG and
// UNB.
#include "manifest/manifest.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "util/error.h"
#include "util/tz.h"

#define NAME_MAX_CHARS    70  /* 3036 party name, an..70 */
#define DOCNO_MAX_CHARS   35  /* 1004 document identifier, an..35 */
#define ID_MAX_CHARS      35  /* 0004/0010 interchange sender and recipient, an..35 */
#define NUMBER_MAX_CHARS  17  /* 8028 means of transport journey identifier, an..17 */
#define CODE_MAX_CHARS    25  /* 3225 location identifier, an..25 */
#define CONTROL_MAX_CHARS 14  /* 0020 interchange control reference, an..14 */
#define ESC_LEN           256 /* room for the longest element, every character released */

/* PAXLST document codes (data element 1001) by document kind. P and I are
 * ICAO 9303's passport and identity card; a Convention travel document is a
 * passport-format MRTD; emergency travel documents, laissez-passer and exit
 * permits travel by agreement of the states concerned: F, "approved
 * non-standard identity document used for travel". */
// clang-format off
static const char *const doc_codes[COR_DOC__N] = {
	[COR_DOC_NONE] = NULL,
	[COR_DOC_PASSPORT] = "P",
	[COR_DOC_ID_CARD] = "I",
	[COR_DOC_ETD] = "F",
	[COR_DOC_LAISSEZ_PASSER] = "F",
	[COR_DOC_EXIT_PERMIT] = "F",
	[COR_DOC_VISA] = "V",
	[COR_DOC_REFUGEE_TD] = "P",
};
// clang-format on

/* ---- text ----------------------------------------------------------------- */

/* The code point at *s, moving *s past it; -1 for a malformed sequence. */
static long utf8_next(const char **s)
{
	static const long least[] = {0, 0x80, 0x800, 0x10000};
	const unsigned char *p = (const unsigned char *)*s;
	long cp;
	int n;
	if (p[0] < 0x80) {
		cp = p[0];
		n = 0;
	} else if ((p[0] & 0xE0) == 0xC0) {
		cp = p[0] & 0x1F;
		n = 1;
	} else if ((p[0] & 0xF0) == 0xE0) {
		cp = p[0] & 0x0F;
		n = 2;
	} else if ((p[0] & 0xF8) == 0xF0) {
		cp = p[0] & 0x07;
		n = 3;
	} else {
		return -1;
	}
	for (int i = 1; i <= n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return -1;
		cp = cp << 6 | (p[i] & 0x3F);
	}
	if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return -1;
	*s += n + 1;
	return cp;
}

/* Can syntax level C (ISO 8859-1, printable) carry the code point? */
static bool unoc_has(long cp)
{
	return (cp >= 0x20 && cp <= 0x7E) || (cp >= 0xA0 && cp <= 0xFF);
}

/* Check that v (UTF-8) fits an element of at most max characters of level
 * C. On a problem COR_EINVAL, with msg naming subject, field and character. */
static int check_text(const char *subject, const char *field, const char *v, size_t max, char *msg,
		      size_t msglen)
{
	size_t n = 0;
	for (const char *s = v; *s; n++) {
		const char *at = s;
		long cp = utf8_next(&s);
		if (cp < 0) {
			snprintf(msg, msglen, "%s: %s is not valid UTF-8", subject, field);
			return COR_EINVAL;
		}
		if (unoc_has(cp))
			continue;
		if (cp < 0xA0)
			snprintf(msg, msglen, "%s: %s '%s' has a control character (U+%04lX)",
				 subject, field, v, cp);
		else
			snprintf(msg, msglen,
				 "%s: %s '%s' has '%.*s' (U+%04lX), which the PAXLST character "
				 "set (UNOC, ISO 8859-1) cannot carry",
				 subject, field, v, (int)(s - at), at, cp);
		return COR_EINVAL;
	}
	if (n > max) {
		snprintf(msg, msglen, "%s: %s '%s' has %zu characters; PAXLST carries at most %zu",
			 subject, field, v, n, max);
		return COR_EINVAL;
	}
	return 0;
}

/* v, checked by check_text, as an ISO 8859-1 data element into buf, with the
 * release character before each service character. Returns buf. */
static char *edi_text(const char *v, char buf[ESC_LEN])
{
	size_t o = 0;
	for (const char *s = v; *s;) {
		long cp = utf8_next(&s);
		assert(unoc_has(cp) && o + 3 <= ESC_LEN);
		if (cp == '?' || cp == '+' || cp == ':' || cp == '\'')
			buf[o++] = '?';
		buf[o++] = (char)cp;
	}
	buf[o] = '\0';
	return buf;
}

/* ---- checks ----------------------------------------------------------------- */

/* A text field to check: its name, value and the most characters it may have. */
struct field {
	const char *name;
	const char *v;
	size_t max;
};

static int check_fields(const char *subject, const struct field *fs, size_t n, char *msg,
			size_t msglen)
{
	for (size_t i = 0; i < n; i++) {
		int rc = check_text(subject, fs[i].name, fs[i].v, fs[i].max, msg, msglen);
		if (rc < 0)
			return rc;
	}
	return 0;
}

/* Who a passenger is, for messages: "passenger LY-TIP-2026-000123-02", or
 * "escort 'O'BRIEN Siobhán'" (escorts have no case). */
static void pax_subject(const struct cor_manifest_pax *p, char *buf, size_t len)
{
	if (p->role == COR_PAX_TRAVELLER) {
		char ref[COR_PERSON_REF_MAX + 8];
		cor_person_ref_format(ref, sizeof(ref), p->case_ref, p->seq);
		snprintf(buf, len, "passenger %s", ref);
	} else {
		snprintf(buf, len, "escort '%s%s%s'", p->family_name_latin,
			 p->family_name_latin[0] ? " " : "", p->given_names_latin);
	}
}

static int check_pax(const struct cor_manifest_pax *p, char *msg, size_t msglen)
{
	char who[sizeof(p->family_name_latin) + sizeof(p->given_names_latin) + 16];
	pax_subject(p, who, sizeof(who));
	if (!p->family_name_latin[0] && !p->given_names_latin[0]) {
		snprintf(msg, msglen, "%s: no name in Latin script", who);
		return COR_EINVAL;
	}
	if (p->sex != 'F' && p->sex != 'M' && p->sex != 'X') {
		snprintf(msg, msglen, "%s: sex is not F, M or X", who);
		return COR_EINVAL;
	}
	if ((unsigned)p->doc_kind >= COR_DOC__N) {
		snprintf(msg, msglen, "%s: unknown document kind %d", who, (int)p->doc_kind);
		return COR_EINVAL;
	}
	bool doc = p->doc_kind != COR_DOC_NONE;
	const struct field fs[] = {
		{"family_name_latin", p->family_name_latin, NAME_MAX_CHARS},
		{"given_names_latin", p->given_names_latin, NAME_MAX_CHARS},
		{"nationality", p->nationality, 3},
		{"board", p->board, CODE_MAX_CHARS},
		{"alight", p->alight, CODE_MAX_CHARS},
		{"doc_number", doc ? p->doc_number : "", DOCNO_MAX_CHARS},
		{"doc_issuer", doc ? p->doc_issuer : "", 3},
	};
	return check_fields(who, fs, sizeof(fs) / sizeof(fs[0]), msg, msglen);
}

static int check_leg(const struct cor_manifest_leg *l, char *msg, size_t msglen)
{
	char who[24];
	snprintf(who, sizeof(who), "leg %d", l->seq);
	const struct field fs[] = {
		{"number", l->number, NUMBER_MAX_CHARS},
		{"carrier", l->carrier, 3},
		{"from", l->from, CODE_MAX_CHARS},
		{"to", l->to, CODE_MAX_CHARS},
	};
	if (!l->number[0]) {
		snprintf(msg, msglen, "%s: no flight number, vessel or convoy name", who);
		return COR_EINVAL;
	}
	if (!cor_tz_is_known(l->from_tz) || !cor_tz_is_known(l->to_tz)) {
		bool from = !cor_tz_is_known(l->from_tz);
		snprintf(msg, msglen, "%s: unknown time zone '%s' for '%s'", who,
			 from ? l->from_tz : l->to_tz, from ? l->from : l->to);
		return COR_EINVAL;
	}
	return check_fields(who, fs, sizeof(fs) / sizeof(fs[0]), msg, msglen);
}

static bool control_is_valid(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > CONTROL_MAX_CHARS)
		return false;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= 'a' && *s <= 'z')))
			return false;
	return true;
}

/* Everything the message needs, before a byte is written. */
static int check(const struct cor_manifest *m, const char *control, int64_t *prepared, char *msg,
		 size_t msglen)
{
	if (m->nlegs < 1 || m->nlegs > (int)(sizeof(m->legs) / sizeof(m->legs[0])) || m->leg < 0 ||
	    m->leg >= m->nlegs) {
		snprintf(msg, msglen, "movement '%s' has no leg %d", m->movement_ref, m->leg + 1);
		return COR_EINVAL;
	}
	if (!control_is_valid(control)) {
		snprintf(msg, msglen,
			 "interchange control reference '%s' is not 1 to %d letters or digits",
			 control, CONTROL_MAX_CHARS);
		return COR_EINVAL;
	}
	if (!m->recipient[0]) {
		snprintf(msg, msglen,
			 "movement '%s': no PAXLST recipient (the border authority's "
			 "identification)",
			 m->movement_ref);
		return COR_EINVAL;
	}
	if (!m->reporting_party[0]) {
		snprintf(msg, msglen, "movement '%s': no reporting party", m->movement_ref);
		return COR_EINVAL;
	}
	if (cor_time_parse_utc(m->generated_at, prepared) < 0) {
		snprintf(msg, msglen, "movement '%s': generated_at '%s' is not a UTC time",
			 m->movement_ref, m->generated_at);
		return COR_EINVAL;
	}
	const struct field fs[] = {
		{"sender", m->sender[0] ? m->sender : m->office, ID_MAX_CHARS},
		{"recipient", m->recipient, ID_MAX_CHARS},
		{"reporting_party", m->reporting_party, NAME_MAX_CHARS},
	};
	char who[48];
	snprintf(who, sizeof(who), "movement '%s'", m->movement_ref);
	int rc = check_fields(who, fs, sizeof(fs) / sizeof(fs[0]), msg, msglen);
	for (int i = 0; rc == 0 && i <= m->leg; i++)
		rc = check_leg(&m->legs[i], msg, msglen);
	for (size_t i = 0; rc == 0 && i < m->npax; i++)
		rc = check_pax(&m->pax[i], msg, msglen);
	return rc;
}

/* ---- writing ---------------------------------------------------------------- */

struct edi {
	FILE *f;
	int nseg; /* segments written since UNH, UNH included; -1 before UNH */
};

/* One segment: fmt is its text with the separators, and its %s arguments
 * are data elements already through edi_text. */
__attribute__((format(printf, 2, 3))) static void seg(struct edi *e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(e->f, fmt, ap);
	va_end(ap);
	putc('\'', e->f);
	if (e->nseg >= 0)
		e->nseg++;
}

/* A UTC time as YYMMDD:HHMM, the date and time of UNB and UNG. */
static char *prepared_at(int64_t utc, char buf[12])
{
	time_t t = (time_t)utc;
	struct tm tm;
	gmtime_r(&t, &tm);
	snprintf(buf, 12, "%02u%02u%02u:%02u%02u", (unsigned)tm.tm_year % 100u,
		 (unsigned)(tm.tm_mon + 1) % 100u, (unsigned)tm.tm_mday % 100u,
		 (unsigned)tm.tm_hour % 100u, (unsigned)tm.tm_min % 100u);
	return buf;
}

/* A UTC time as local time in zone (checked), YYMMDDHHMM (format 201). */
static char *local_201(int64_t utc, const char *zone, char buf[11])
{
	char s[COR_LOCAL_LEN] = "0000-00-00 00:00"; /* "YYYY-MM-DD HH:MM +HH:MM" */
	int rc = cor_tz_format(utc, zone, s);       /* the zone was checked */
	assert(rc == 0);
	(void)rc;
	snprintf(buf, 11, "%.2s%.2s%.2s%.2s%.2s", s + 2, s + 5, s + 8, s + 11, s + 14);
	return buf;
}

static char *yymmdd(struct cor_date d, char buf[7])
{
	snprintf(buf, 7, "%02u%02u%02u", (unsigned)d.year % 100u, (unsigned)d.month % 100u,
		 (unsigned)d.day % 100u);
	return buf;
}

/* Group 2: the means of transport of a leg, its places and times. The leg the
 * manifest is for goes from 125 (last departure before arrival) to 87 (first
 * arrival in the receiving state); the legs before it are routing (92). */
static void put_leg(struct edi *e, const struct cor_manifest_leg *l, bool reported)
{
	char a[ESC_LEN], b[ESC_LEN], t[11];
	if (l->carrier[0])
		seg(e, "TDT+20+%s+++%s", edi_text(l->number, a), edi_text(l->carrier, b));
	else
		seg(e, "TDT+20+%s", edi_text(l->number, a));
	seg(e, "LOC+%s+%s", reported ? "125" : "92", edi_text(l->from, a));
	seg(e, "DTM+189:%s:201", local_201(l->departs, l->from_tz, t));
	seg(e, "LOC+%s+%s", reported ? "87" : "92", edi_text(l->to, a));
	seg(e, "DTM+232:%s:201", local_201(l->arrives, l->to_tz, t));
}

/* Group 4 (and 5): one passenger. A person with a single name has it as the
 * surname, as ICAO 9303 puts a single name in the primary identifier. */
static void put_pax(struct edi *e, const struct cor_manifest_pax *p)
{
	char a[ESC_LEN], b[ESC_LEN], d[7];
	if (p->family_name_latin[0])
		seg(e, "NAD+FL+++%s:%s", edi_text(p->family_name_latin, a),
		    edi_text(p->given_names_latin, b));
	else
		seg(e, "NAD+FL+++%s", edi_text(p->given_names_latin, a));
	seg(e, "ATT+2++%c", p->sex);
	seg(e, "DTM+329:%s", yymmdd(p->birth_date, d));
	if (p->board[0])
		seg(e, "LOC+178+%s", edi_text(p->board, a));
	if (p->alight[0])
		seg(e, "LOC+179+%s", edi_text(p->alight, a));
	if (p->nationality[0])
		seg(e, "NAT+2+%s", edi_text(p->nationality, a));
	if (p->doc_kind == COR_DOC_NONE)
		return;
	seg(e, "DOC+%s:110:111+%s", doc_codes[p->doc_kind], edi_text(p->doc_number, a));
	if (p->doc_has_expiry)
		seg(e, "DTM+36:%s", yymmdd(p->doc_expires, d));
	if (p->doc_issuer[0])
		seg(e, "LOC+91+%s", edi_text(p->doc_issuer, a));
}

int cor_manifest_write_paxlst(const struct cor_manifest *m, const char *control, FILE *f, char *msg,
			      size_t msglen)
{
	int64_t prepared;
	int rc = check(m, control, &prepared, msg, msglen);
	if (rc < 0)
		return rc;

	struct edi e = {f, -1};
	char from[ESC_LEN], to[ESC_LEN], party[ESC_LEN], when[12];
	edi_text(m->sender[0] ? m->sender : m->office, from);
	edi_text(m->recipient, to);
	prepared_at(prepared, when);

	fputs("UNA:+.? '", f);
	seg(&e, "UNB+UNOC:4+%s+%s+%s+%s", from, to, when, control);
	seg(&e, "UNG+PAXLST+%s+%s+%s+%s+UN+D:05B", from, to, when, control);
	e.nseg = 0;
	seg(&e, "UNH+%s+PAXLST:D:05B:UN:IATA", control);
	seg(&e, "BGM+745");
	seg(&e, "NAD+MS+++%s", edi_text(m->reporting_party, party));
	for (int i = 0; i <= m->leg; i++)
		put_leg(&e, &m->legs[i], i == m->leg);
	for (size_t i = 0; i < m->npax; i++)
		put_pax(&e, &m->pax[i]);
	seg(&e, "CNT+42:%zu", m->npax);
	seg(&e, "UNT+%d+%s", e.nseg + 1, control);
	seg(&e, "UNE+1+%s", control);
	seg(&e, "UNZ+1+%s", control);

	if (fflush(f) != 0 || ferror(f)) {
		snprintf(msg, msglen, "could not write the PAXLST message of '%s'",
			 m->movement_ref);
		return COR_EIO;
	}
	return 0;
}
