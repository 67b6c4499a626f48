// SPDX-License-Identifier: Apache-2.0
// The manifest for print: an A4 portrait PDF drawn with cairo and laid out
// with pango, so that a name in any script comes out shaped and in its own
// direction (Arabic right to left) without this file knowing the script.
//
// Every page carries the movement and leg header, the column heads, and
// "Page N of M" at the foot. The people of one case stay on one page when
// they fit on one; the totals and the signature block close the last page.
// The same layout code runs twice: once to count the pages, once to draw.
#include "manifest/manifest.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "util/error.h"
#include "util/tz.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

/* Geometry in points. Margins of 10 mm keep clear of what printers cannot reach. */
#define PAGE_W        595.28
#define PAGE_H        841.89
#define MARGIN_X      28.35
#define MARGIN_TOP    28.35
#define MARGIN_BOTTOM 28.35
#define CONTENT_W     (PAGE_W - 2 * MARGIN_X)
#define PAD_X         2.0 /* inside a table cell */
#define PAD_Y         1.5
#define RULE          0.4
#define RULE_HEAVY    0.9

/* Latin text in a condensed face so that thirteen columns fit across A4
 * portrait. Names as written go first to faces made for Arabic script; for
 * any other script pango falls back through fontconfig. Every family named
 * here comes with fonts-dejavu-core or fonts-noto-core. */
enum font {
	FONT_BODY,
	FONT_BODY_BOLD,
	FONT_SCRIPT,
	FONT_SMALL,
	FONT_HEAD,
	FONT_HEAD_BOLD,
	FONT_TITLE,
	FONT__N
};

static const char *const font_names[FONT__N] = {
	[FONT_BODY] = "DejaVu Sans Condensed 7",
	[FONT_BODY_BOLD] = "DejaVu Sans Condensed Bold 7",
	[FONT_SCRIPT] = "Noto Sans Arabic, Noto Naskh Arabic, DejaVu Sans 7.5",
	[FONT_SMALL] = "DejaVu Sans Condensed 6.5",
	[FONT_HEAD] = "DejaVu Sans 8.5",
	[FONT_HEAD_BOLD] = "DejaVu Sans Bold 8.5",
	[FONT_TITLE] = "DejaVu Sans Bold 13",
};

static const char *const kind_titles[COR_MOVEMENT_KIND__N] = {
	[COR_MOVEMENT_CHARTER] = "charter flight",
	[COR_MOVEMENT_SCHEDULED] = "scheduled flight",
	[COR_MOVEMENT_VESSEL] = "vessel",
	[COR_MOVEMENT_CONVOY] = "road convoy",
};

/* Who signs for the vehicle: the third box of the signature block. */
static const char *const commander_titles[COR_MOVEMENT_KIND__N] = {
	[COR_MOVEMENT_CHARTER] = "Captain",
	[COR_MOVEMENT_SCHEDULED] = "Captain",
	[COR_MOVEMENT_VESSEL] = "Captain",
	[COR_MOVEMENT_CONVOY] = "Convoy leader",
};

static const char *const doc_titles[COR_DOC__N] = {
	[COR_DOC_NONE] = "",
	[COR_DOC_PASSPORT] = "Passport",
	[COR_DOC_ID_CARD] = "ID card",
	[COR_DOC_ETD] = "ETD",
	[COR_DOC_LAISSEZ_PASSER] = "Laissez-passer",
	[COR_DOC_EXIT_PERMIT] = "Exit permit",
	[COR_DOC_VISA] = "Visa",
	[COR_DOC_REFUGEE_TD] = "Refugee TD",
};

/* Age groups of the totals, by whole years at the departure date. */
static const struct {
	const char *label;
	int max;
} age_groups[] = {{"0–4", 4}, {"5–17", 17}, {"18–59", 59}, {"60+", 200}};

struct pdf {
	const struct cor_manifest *m;
	const struct cor_manifest_leg *leg;
	cairo_t *cr;
	PangoLayout *layout;
	PangoFontDescription *fonts[FONT__N];
	bool draw; /* false while counting pages */
	int page, npages;
	double y;                   /* where the next thing goes on the page */
	double table_top;           /* below the column heads */
	double body_bottom;         /* above the footer */
	struct cor_date departs_on; /* local date of departure: ages are taken on it */
};

/* ---- text ------------------------------------------------------------- */

/* Lay s out in font, wrapped to width (0: on one line), and when drawing
 * show it with its top-left corner at x, y. Returns its height. */
static double text(struct pdf *p, enum font f, double x, double y, double width,
		   PangoAlignment align, const char *s)
{
	PangoLayout *l = p->layout;
	pango_layout_set_font_description(l, p->fonts[f]);
	pango_layout_set_width(l, width > 0 ? (int)(width * PANGO_SCALE) : -1);
	pango_layout_set_alignment(l, align);
	pango_layout_set_text(l, s, -1);
	if (p->draw) {
		cairo_move_to(p->cr, x, y);
		pango_cairo_show_layout(p->cr, l);
	}
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

/* The height s would take, drawing nothing; the layout keeps s for the
 * caller to ask more of it. */
static double measure(struct pdf *p, enum font f, double width, const char *s)
{
	bool draw = p->draw;
	p->draw = false;
	double h = text(p, f, 0, 0, width, PANGO_ALIGN_LEFT, s);
	p->draw = draw;
	return h;
}

static void rule(struct pdf *p, double x0, double x1, double y, double width)
{
	if (!p->draw)
		return;
	cairo_set_line_width(p->cr, width);
	cairo_move_to(p->cr, x0, y);
	cairo_line_to(p->cr, x1, y);
	cairo_stroke(p->cr);
}

/* ---- the passenger table ----------------------------------------------- */

typedef void cell_fn(const struct cor_manifest_pax *x, size_t no, char *buf, size_t len);

static void cell_no(const struct cor_manifest_pax *x, size_t no, char *buf, size_t len)
{
	snprintf(buf, len, "%zu", no);
}

static void cell_group(const struct cor_manifest_pax *x, size_t no, char *buf, size_t len)
{
	snprintf(buf, len, "%s", x->seat_group);
}

/* Escorts belong to no case: the cell says what they are instead. */
static void cell_case(const struct cor_manifest_pax *x, size_t no, char *buf, size_t len)
{
	static const char *const roles[] = {[COR_PAX_TRAVELLER] = "",
					    [COR_PAX_MEDICAL_ESCORT] = "Medical escort",
					    [COR_PAX_ESCORT] = "Escort"};
	if (x->role == COR_PAX_TRAVELLER || (unsigned)x->role >= ROWS(roles))
		snprintf(buf, len, "%s", x->case_ref);
	else
		snprintf(buf, len, "%s", roles[x->role]);
}

static void cell_person(const struct cor_manifest_pax *x, size_t no, char *buf, size_t len)
{
	buf[0] = '\0';
	if (x->seq > 0)
		snprintf(buf, len, "%d", x->seq);
}

static void cell_family(const struct cor_manifest_pax *x, size_t no, char *buf, size_t len)
{
	snprintf(buf, len, "%s", x->family_name_latin);
}

static void cell_given(const struct cor_manifest_pax *x, size_t no, char *buf, size_t len)
{
	snprintf(buf, len, "%s", x->given_names_latin);
}

/* The name as the person writes it, given names first in the logical
 * order of the script; pango puts it in visual order. Left empty when it is
 * the Latin name again. */
static void cell_written(const struct cor_manifest_pax *x, size_t no, char *buf, size_t len)
{
	buf[0] = '\0';
	if (!strcmp(x->family_name, x->family_name_latin) &&
	    !strcmp(x->given_names, x->given_names_latin))
		return;
	snprintf(buf, len, "%s%s%s", x->given_names,
		 x->given_names[0] && x->family_name[0] ? " " : "", x->family_name);
}

static void cell_sex(const struct cor_manifest_pax *x, size_t no, char *buf, size_t len)
{
	snprintf(buf, len, "%c", x->sex ? x->sex : '?');
}

static void cell_birth(const struct cor_manifest_pax *x, size_t no, char *buf, size_t len)
{
	char d[COR_DATE_LEN] = "";
	struct cor_date b = x->birth_date;
	if (cor_date_is_valid(b.year, b.month, b.day))
		cor_date_format(b, d);
	snprintf(buf, len, "%s%s", x->birth_date_approx ? "~" : "", d[0] ? d : "unknown");
}

static void cell_nationality(const struct cor_manifest_pax *x, size_t no, char *buf, size_t len)
{
	snprintf(buf, len, "%s", x->nationality);
}

/* Kind and number on the first line, issuer and expiry on the second: two
 * lines, the height of a row with a wrapped name. */
static void cell_document(const struct cor_manifest_pax *x, size_t no, char *buf, size_t len)
{
	if (x->doc_kind == COR_DOC_NONE || (unsigned)x->doc_kind >= COR_DOC__N) {
		snprintf(buf, len, "no document");
		return;
	}
	char exp[COR_DATE_LEN + 8] = "";
	if (x->doc_has_expiry) {
		char d[COR_DATE_LEN];
		snprintf(exp, sizeof(exp), "exp. %s", cor_date_format(x->doc_expires, d));
	}
	snprintf(buf, len, "%s %s\n%s%s%s", doc_titles[x->doc_kind], x->doc_number, x->doc_issuer,
		 x->doc_issuer[0] && exp[0] ? ", " : "", exp);
}

static void cell_ssr(const struct cor_manifest_pax *x, size_t no, char *buf, size_t len)
{
	size_t o = 0;
	buf[0] = '\0';
	for (int i = 0; i < x->nssr && i < COR_MANIFEST_SSR_MAX && o < len; i++)
		o += (size_t)snprintf(buf + o, len - o, "%s%s", i ? " " : "", x->ssr[i]);
}

static void cell_escort(const struct cor_manifest_pax *x, size_t no, char *buf, size_t len)
{
	snprintf(buf, len, "%s", x->escort);
}

/* The columns, left to right. The widths add up to the width of the page
 * between the margins. */
static const struct column {
	const char *title;
	double width;
	enum font font;
	cell_fn *fill;
} columns[] = {
	{"No.", 15, FONT_BODY, cell_no},
	{"Group", 25, FONT_BODY, cell_group},
	{"Case", 76, FONT_BODY, cell_case},
	{"Pers", 20, FONT_BODY, cell_person},
	{"Family name", 53, FONT_BODY, cell_family},
	{"Given names", 52, FONT_BODY, cell_given},
	{"Name as written", 60, FONT_SCRIPT, cell_written},
	{"Sex", 17, FONT_BODY, cell_sex},
	{"Date of birth", 46, FONT_BODY, cell_birth},
	{"Nat.", 19, FONT_BODY, cell_nationality},
	{"Travel document", 76, FONT_BODY, cell_document},
	{"SSR", 30, FONT_BODY, cell_ssr},
	{"Escort", 49, FONT_BODY, cell_escort},
};

/* Lay out (and when drawing, show) row no of the table at y; returns its
 * height. The first lines of the cells share one baseline, whatever the
 * ascent of the face a script needs. */
static double row(struct pdf *p, const struct cor_manifest_pax *x, size_t no, double y)
{
	char buf[4 * COR_NAME_MAX];
	double base[ROWS(columns)], top = 0, h = 0, cx = MARGIN_X;
	for (size_t c = 0; c < ROWS(columns); c++) {
		columns[c].fill(x, no, buf, sizeof(buf));
		measure(p, columns[c].font, columns[c].width - 2 * PAD_X, buf);
		/* An empty cell has no line to align: it must not push the others down. */
		base[c] = buf[0] ? (double)pango_layout_get_baseline(p->layout) / PANGO_SCALE : 0;
		if (base[c] > top)
			top = base[c];
	}
	for (size_t c = 0; c < ROWS(columns); c++) {
		double dy = top - base[c];
		columns[c].fill(x, no, buf, sizeof(buf));
		if (!buf[0]) {
			cx += columns[c].width;
			continue;
		}
		double th = text(p, columns[c].font, cx + PAD_X, y + PAD_Y + dy,
				 columns[c].width - 2 * PAD_X, PANGO_ALIGN_LEFT, buf);
		if (dy + th > h)
			h = dy + th;
		cx += columns[c].width;
	}
	return h + 2 * PAD_Y;
}

static double row_height(struct pdf *p, const struct cor_manifest_pax *x, size_t no)
{
	bool draw = p->draw;
	p->draw = false;
	double h = row(p, x, no, 0);
	p->draw = draw;
	return h;
}

static double table_head(struct pdf *p, double y)
{
	double h = 0, cx = MARGIN_X;
	for (size_t c = 0; c < ROWS(columns); c++) {
		double th = text(p, FONT_BODY_BOLD, cx + PAD_X, y + PAD_Y,
				 columns[c].width - 2 * PAD_X, PANGO_ALIGN_LEFT, columns[c].title);
		if (th > h)
			h = th;
		cx += columns[c].width;
	}
	h += 2 * PAD_Y;
	rule(p, MARGIN_X, MARGIN_X + CONTENT_W, y + h, RULE);
	return h;
}

/* ---- header and footer ------------------------------------------------ */

/* "2026-12-01 14:30 local (UTC+01:00)" from cor_tz_format's
 * "2026-12-01 14:30 +01:00"; the place's zone may be unknown. */
static void local_time(int64_t utc, const char *zone, char *buf, size_t len)
{
	char l[COR_LOCAL_LEN];
	if (cor_tz_format(utc, zone, l) != 0) {
		snprintf(buf, len, "local time unknown");
		return;
	}
	snprintf(buf, len, "%.16s local (UTC%s)", l, l + 17);
}

/* "2026-12-01 13:30 UTC" */
static void utc_time(int64_t utc, char *buf, size_t len)
{
	char t[18];
	cor_time_format_utc(utc, t);
	snprintf(buf, len, "%.10s %.5s UTC", t, t + 11);
}

static double leg_line(struct pdf *p, double y, const char *label, const char *code,
		       const char *name, const char *when, int64_t t, const char *zone)
{
	char place[96], local[64], utc[32], s[112];
	snprintf(place, sizeof(place), "%s  %s", code, name);
	local_time(t, zone, local, sizeof(local));
	utc_time(t, utc, sizeof(utc));
	double h = text(p, FONT_HEAD_BOLD, MARGIN_X, y, 0, PANGO_ALIGN_LEFT, label);
	text(p, FONT_HEAD, MARGIN_X + 34, y, 180, PANGO_ALIGN_LEFT, place);
	snprintf(s, sizeof(s), "%s  %s", when, local);
	text(p, FONT_HEAD, MARGIN_X + 222, y, 0, PANGO_ALIGN_LEFT, s);
	text(p, FONT_HEAD, MARGIN_X + 222, y, CONTENT_W - 222, PANGO_ALIGN_RIGHT, utc);
	return h;
}

/* The header of every page: the movement, the leg and its times, the office
 * and when the list was made. Returns where the table starts. */
static double page_header(struct pdf *p)
{
	const struct cor_manifest *m = p->m;
	const struct cor_manifest_leg *g = p->leg;
	char s[256];
	double y = MARGIN_TOP;

	double h = text(p, FONT_TITLE, MARGIN_X, y, 0, PANGO_ALIGN_LEFT, "Passenger manifest");
	text(p, FONT_TITLE, MARGIN_X, y, CONTENT_W, PANGO_ALIGN_RIGHT, m->movement_ref);
	y += h + 2;

	snprintf(s, sizeof(s), "%s  ·  %s  ·  leg %d of %d  ·  %s%s%s", m->label,
		 (unsigned)m->kind < COR_MOVEMENT_KIND__N ? kind_titles[m->kind] : "movement",
		 g->seq, m->nlegs, g->carrier, g->carrier[0] ? " " : "", g->number);
	h = text(p, FONT_HEAD_BOLD, MARGIN_X, y, 0, PANGO_ALIGN_LEFT, s);
	snprintf(s, sizeof(s), "Office %s", m->office);
	text(p, FONT_HEAD, MARGIN_X, y, CONTENT_W, PANGO_ALIGN_RIGHT, s);
	y += h + 3;
	rule(p, MARGIN_X, MARGIN_X + CONTENT_W, y, RULE);
	y += 3;

	y += leg_line(p, y, "From", g->from, g->from_name, "Departs", g->departs, g->from_tz) + 1;
	y += leg_line(p, y, "To", g->to, g->to_name, "Arrives", g->arrives, g->to_tz) + 3;

	snprintf(s, sizeof(s), "%s%sGenerated %s", m->reporting_party,
		 m->reporting_party[0] ? "  ·  " : "", m->generated_at);
	y += text(p, FONT_SMALL, MARGIN_X, y, CONTENT_W, PANGO_ALIGN_LEFT, s) + 4;
	rule(p, MARGIN_X, MARGIN_X + CONTENT_W, y, RULE_HEAVY);
	return y + RULE_HEAVY;
}

static double footer_height(struct pdf *p)
{
	return measure(p, FONT_SMALL, 0, "Page") + 4;
}

static void page_footer(struct pdf *p)
{
	char s[160];
	double y = PAGE_H - MARGIN_BOTTOM - footer_height(p);
	rule(p, MARGIN_X, MARGIN_X + CONTENT_W, y, RULE);
	y += 4;
	snprintf(s, sizeof(s), "%s  ·  %s  ·  %s → %s  ·  personal data: restricted distribution",
		 p->m->movement_ref, p->m->label, p->leg->from, p->leg->to);
	text(p, FONT_SMALL, MARGIN_X, y, 0, PANGO_ALIGN_LEFT, s);
	snprintf(s, sizeof(s), "Page %d of %d", p->page, p->npages);
	text(p, FONT_SMALL, MARGIN_X, y, CONTENT_W, PANGO_ALIGN_RIGHT, s);
}

/* ---- pages ------------------------------------------------------------ */

static void page_begin(struct pdf *p, bool with_table)
{
	p->page++;
	p->y = page_header(p);
	if (with_table)
		p->y += table_head(p, p->y);
	p->table_top = p->y;
}

static void page_end(struct pdf *p)
{
	page_footer(p);
	if (p->draw)
		cairo_show_page(p->cr);
}

/* ---- totals and signatures -------------------------------------------- */

struct totals {
	int cases, travellers, escorts;
	int sex[3];                    /* F, M, X */
	int age[ROWS(age_groups) + 1]; /* the last: birth date unknown */
};

static bool same_case(const struct cor_manifest_pax *a, const struct cor_manifest_pax *b)
{
	return a->role == COR_PAX_TRAVELLER && b->role == COR_PAX_TRAVELLER && a->case_ref[0] &&
	       !strcmp(a->case_ref, b->case_ref);
}

static void count(const struct pdf *p, struct totals *t)
{
	const struct cor_manifest *m = p->m;
	memset(t, 0, sizeof(*t));
	for (size_t i = 0; i < m->npax; i++) {
		const struct cor_manifest_pax *x = &m->pax[i];
		if (x->role == COR_PAX_TRAVELLER) {
			t->travellers++;
			/* A case counts once however its people are ordered. */
			size_t j = 0;
			while (j < i && !same_case(&m->pax[j], x))
				j++;
			t->cases += j == i;
		} else {
			t->escorts++;
		}
		t->sex[x->sex == 'F' ? 0 : x->sex == 'M' ? 1 : 2]++;
		struct cor_date b = x->birth_date;
		size_t g = ROWS(age_groups);
		if (cor_date_is_valid(b.year, b.month, b.day)) {
			int age = cor_date_age(b, p->departs_on);
			for (g = 0; g + 1 < ROWS(age_groups) && age > age_groups[g].max; g++)
				;
		}
		t->age[g]++;
	}
}

/* One line of the totals: a bold label, then cells at fixed steps. */
static double totals_line(struct pdf *p, double y, const char *label, const char *const *cells,
			  size_t n)
{
	double h = text(p, FONT_HEAD_BOLD, MARGIN_X, y, 150, PANGO_ALIGN_LEFT, label);
	for (size_t i = 0; i < n; i++)
		text(p, FONT_HEAD, MARGIN_X + 160 + 92 * (double)i, y, 88, PANGO_ALIGN_LEFT,
		     cells[i]);
	return h + 3;
}

static double totals(struct pdf *p, double y)
{
	struct totals t;
	char c[6][48], on[COR_DATE_LEN], label[64];
	const char *cells[6];
	double y0 = y;
	count(p, &t);
	for (size_t i = 0; i < ROWS(cells); i++)
		cells[i] = c[i];

	y += text(p, FONT_HEAD_BOLD, MARGIN_X, y, 0, PANGO_ALIGN_LEFT, "Totals") + 2;
	rule(p, MARGIN_X, MARGIN_X + CONTENT_W, y, RULE);
	y += 4;
	snprintf(c[0], sizeof(c[0]), "Cases: %d", t.cases);
	snprintf(c[1], sizeof(c[1]), "Travellers: %d", t.travellers);
	snprintf(c[2], sizeof(c[2]), "Escorts: %d", t.escorts);
	snprintf(c[3], sizeof(c[3]), "Persons: %d", t.travellers + t.escorts);
	y += totals_line(p, y, "On this leg", cells, 4);
	snprintf(c[0], sizeof(c[0]), "F: %d", t.sex[0]);
	snprintf(c[1], sizeof(c[1]), "M: %d", t.sex[1]);
	snprintf(c[2], sizeof(c[2]), "X: %d", t.sex[2]);
	y += totals_line(p, y, "By sex", cells, 3);
	size_t n = 0;
	for (; n < ROWS(age_groups); n++)
		snprintf(c[n], sizeof(c[n]), "%s: %d", age_groups[n].label, t.age[n]);
	if (t.age[n])
		snprintf(c[n++], sizeof(c[0]), "unknown: %d", t.age[ROWS(age_groups)]);
	snprintf(label, sizeof(label), "By age on %s", cor_date_format(p->departs_on, on));
	y += totals_line(p, y, label, cells, n);
	y += 2;
	y += text(p, FONT_SMALL, MARGIN_X, y, CONTENT_W, PANGO_ALIGN_LEFT,
		  "Totals count every person on this leg, escorts included. Ages in whole years "
		  "on the local date of departure. ~ date of birth approximate. SSR: IATA special "
		  "service request codes. ETD: emergency travel document; TD: travel document.");
	return y - y0;
}

/* Three boxes side by side: who prepared the list, who checked it, and who
 * commands the vehicle, each with a name, a signature and a date line. */
static double signatures(struct pdf *p, double y)
{
	static const char *const lines[] = {"Name", "Signature", "Date"};
	static const double line_gap[] = {20, 28, 20};
	const char *titles[3] = {"Prepared by", "Checked by",
				 (unsigned)p->m->kind < COR_MOVEMENT_KIND__N
					 ? commander_titles[p->m->kind]
					 : "Captain or convoy leader"};
	const double gap = 18, w = (CONTENT_W - 2 * gap) / 3;
	double bottom = y;
	for (int b = 0; b < 3; b++) {
		double x = MARGIN_X + b * (w + gap), by = y;
		by += text(p, FONT_HEAD_BOLD, x, by, w, PANGO_ALIGN_LEFT, titles[b]);
		for (size_t i = 0; i < ROWS(lines); i++) {
			by += line_gap[i];
			text(p, FONT_SMALL, x, by - 9, 0, PANGO_ALIGN_LEFT, lines[i]);
			rule(p, x + 40, x + w, by, RULE);
		}
		if (by > bottom)
			bottom = by;
	}
	return bottom - y + 4;
}

static double closing(struct pdf *p, double y)
{
	double y0 = y;
	y += 12;
	y += totals(p, y);
	y += 16;
	y += signatures(p, y);
	return y - y0;
}

/* ---- the document ------------------------------------------------------ */

/* Lay out every page; draws when p->draw. Leaves the page count in p->page. */
static void flow(struct pdf *p)
{
	const struct cor_manifest *m = p->m;
	p->page = 0;
	page_begin(p, true);
	if (!m->npax)
		p->y += text(p, FONT_BODY, MARGIN_X + PAD_X, p->y + PAD_Y, 0, PANGO_ALIGN_LEFT,
			     "No one travels on this leg.") +
			2 * PAD_Y;
	const double room = p->body_bottom - p->table_top;
	for (size_t i = 0; i < m->npax;) {
		size_t end = i + 1;
		while (end < m->npax && same_case(&m->pax[i], &m->pax[end]))
			end++;
		/* A case moves to a fresh page whole when it fits on one. */
		double ch = 0;
		for (size_t k = i; k < end; k++)
			ch += row_height(p, &m->pax[k], k + 1);
		if (p->y + ch > p->body_bottom && p->y > p->table_top && ch <= room) {
			page_end(p);
			page_begin(p, true);
		}
		for (size_t k = i; k < end; k++) {
			double h = row_height(p, &m->pax[k], k + 1);
			if (p->y + h > p->body_bottom && p->y > p->table_top) {
				page_end(p);
				page_begin(p, true);
			}
			/* A firm rule between cases, a faint one between the people of one. */
			if (p->y > p->table_top && p->draw) {
				cairo_save(p->cr);
				if (k > i)
					cairo_set_source_rgb(p->cr, 0.6, 0.6, 0.6);
				rule(p, MARGIN_X, MARGIN_X + CONTENT_W, p->y, k > i ? 0.25 : RULE);
				cairo_restore(p->cr);
			}
			p->y += row(p, &m->pax[k], k + 1, p->y);
		}
		i = end;
	}
	rule(p, MARGIN_X, MARGIN_X + CONTENT_W, p->y, RULE);

	bool was = p->draw;
	p->draw = false;
	double close_h = closing(p, 0);
	p->draw = was;
	if (p->y + close_h > p->body_bottom) {
		page_end(p);
		page_begin(p, false);
	}
	closing(p, p->y);
	page_end(p);
}

/* The local date at the place of departure, or the UTC date when the zone
 * is unknown. */
static struct cor_date departure_date(const struct cor_manifest_leg *g)
{
	char s[COR_LOCAL_LEN];
	struct cor_date d = {1970, 1, 1};
	if (cor_tz_format(g->departs, g->from_tz, s) != 0)
		cor_time_format_utc(g->departs, s);
	s[10] = '\0';
	cor_date_parse(s, &d);
	return d;
}

static void set_metadata(cairo_surface_t *surface, const struct cor_manifest *m)
{
	char title[96];
	snprintf(title, sizeof(title), "Passenger manifest %s leg %d", m->movement_ref,
		 m->legs[m->leg].seq);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Corridor");
	/* The list's own time rather than the clock's: the same list, the same file. */
	if (m->generated_at[0])
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE,
					       m->generated_at);
}

int cor_manifest_write_pdf(const struct cor_manifest *m, const char *path, char *msg, size_t msglen)
{
	if (m->leg < 0 || m->leg >= m->nlegs || m->nlegs > (int)ROWS(m->legs)) {
		snprintf(msg, msglen, "the manifest has no leg %d", m->leg + 1);
		return COR_EINVAL;
	}
	int ret = COR_EIO;
	struct pdf p = {.m = m, .leg = &m->legs[m->leg]};
	cairo_surface_t *surface = cairo_pdf_surface_create(path, PAGE_W, PAGE_H);
	cairo_t *cr = NULL;
	/* A font map of our own, released at the end: pango's default one lives
	 * as long as the thread and keeps its caches. */
	PangoFontMap *fm = NULL;
	PangoContext *ctx = NULL;
	cairo_status_t st = cairo_surface_status(surface);
	if (st != CAIRO_STATUS_SUCCESS)
		goto out;
	set_metadata(surface, m);

	cr = cairo_create(surface);
	fm = pango_cairo_font_map_new();
	/* Font sizes in points, the unit of the page. */
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(fm), 72.0);
	ctx = pango_font_map_create_context(fm);
	pango_cairo_update_context(cr, ctx);
	p.cr = cr;
	p.layout = pango_layout_new(ctx);
	pango_layout_set_wrap(p.layout, PANGO_WRAP_WORD_CHAR);
	for (int f = 0; f < FONT__N; f++)
		p.fonts[f] = pango_font_description_from_string(font_names[f]);
	cairo_set_source_rgb(cr, 0, 0, 0);
	p.departs_on = departure_date(p.leg);
	p.body_bottom = PAGE_H - MARGIN_BOTTOM - footer_height(&p) - 2;

	flow(&p);
	p.npages = p.page;
	p.draw = true;
	flow(&p);

	st = cairo_status(cr);
	for (int f = 0; f < FONT__N; f++)
		pango_font_description_free(p.fonts[f]);
	g_object_unref(p.layout);
	cairo_destroy(cr);
	cr = NULL;
	cairo_surface_finish(surface);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(surface);
	if (st == CAIRO_STATUS_SUCCESS)
		ret = 0;
out:
	if (ret)
		snprintf(msg, msglen, "cannot write '%s': %s", path, cairo_status_to_string(st));
	if (cr)
		cairo_destroy(cr);
	if (ctx)
		g_object_unref(ctx);
	if (fm)
		g_object_unref(fm);
	cairo_surface_destroy(surface);
	return ret;
}
