// SPDX-License-Identifier: Apache-2.0
// Unit tests for the printable manifest: a leg of 70 travellers in 25 cases
// and 2 escorts is written to a PDF, and poppler's tools read it back. The
// page count against "Page N of M", the header on every page, names with
// accents and in Arabic script, the cases kept whole on one page, the
// totals with ages taken on the local date of departure, the signature
// block; then a page rendered to PNG, an empty leg, and the refusals. The
// poppler tools are part of the test: without them it fails.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "manifest/manifest.h"
#include "util/error.h"
#include "util/tz.h"

#define ROWS(a) (sizeof(a) / sizeof((a)[0]))

#define NCASES     25
#define NTRAVELLER 70
#define NPAX       (NTRAVELLER + 2)

/* People per case: 70 in all, with two families of six. */
static const int case_sizes[NCASES] = {4, 3, 1, 2, 6, 3, 2, 1, 5, 2, 3, 4, 1,
				       2, 3, 2, 4, 1, 3, 2, 6, 3, 2, 3, 2};

/* Family names per case, Latin and as written; "" as written when the
 * person writes in Latin script. */
static const struct {
	const char *latin, *written;
	const char *nationality;
} families[] = {
	{"Ouédraogo", "", "BFA"}, {"Kanté", "", "MLI"},      {"Abdallah", "عبد الله", "SDN"},
	{"Tesfaye", "", "ERI"},   {"Haddad", "حداد", "SYR"}, {"Diallo", "", "GIN"},
	{"Ndiaye", "", "SEN"},    {"Yousef", "يوسف", "SDN"},
};

/* Given names, one per person in order; the first two meet the first two
 * families: Bérénice Ouédraogo, then N'Golo Kanté further down. */
static const struct {
	const char *latin, *written;
} givens[] = {
	{"Bérénice", "برنيس"}, {"Salif", "سالف"},   {"Aminata", "أميناتا"}, {"Ibrahim", "إبراهيم"},
	{"N'Golo", "نغولو"},   {"Zoé", "زوي"},      {"Moussa", "موسى"},     {"Mohamed", "محمد"},
	{"Aïcha", "عائشة"},    {"Hélène", "هيلين"},
};

/* Birth years by person number modulo 10, all on 15 January: ages on
 * 2026-12-01 of 68, 42, 16, 3, 35, 11, 60, 25, 4, 51. */
static const int birth_years[10] = {1958, 1984, 2010, 2023, 1991, 2015, 1966, 2001, 2022, 1975};

static struct cor_manifest_pax pax[NPAX];
static char case_refs[NCASES][32];

/* fontconfig 2.14 loses 288 bytes while it parses the system's font
 * configuration, once per process: FcInit() then FcFini() alone shows it,
 * and nothing outside fontconfig can free them. LeakSanitizer asks the
 * program for its options and suppressions through these hooks. The
 * suppression names the function that loads the configuration, so that any
 * other leak (a font map or a layout the writer fails to release, which
 * shows up as memory fontconfig allocated) is still reported; for that name
 * to be on the stack, allocations are unwound without relying on frame
 * pointers, which fontconfig is built without. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "fast_unwind_on_malloc=0:malloc_context_size=64";
}

const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:FcInitLoadConfig\n";
}

static const char *tmpdir(void)
{
	const char *d = getenv("COR_TEST_TMP");
	return d && *d ? d : "/tmp";
}

static void set(char *dst, size_t len, const char *s)
{
	snprintf(dst, len, "%s", s);
}

/* The people of case c: the family of the case's row, the given names in turn. */
static void fill_travellers(void)
{
	int n = 0;
	for (int c = 0; c < NCASES; c++) {
		const char *fam = families[c % ROWS(families)].latin;
		const char *fam_w = families[c % ROWS(families)].written;
		snprintf(case_refs[c], sizeof(case_refs[c]), "LY-TIP-2026-%06d", 100 + c);
		for (int s = 1; s <= case_sizes[c]; s++, n++) {
			struct cor_manifest_pax *x = &pax[n];
			/* N'Golo leads case 1. */
			int g = c == 1 && s == 1 ? 4 : (c == 0 ? s - 1 : (n % 5) + 5);
			if (c == 2)
				g = 7; /* Mohamed Abdallah, محمد عبد الله */
			x->role = COR_PAX_TRAVELLER;
			set(x->case_ref, sizeof(x->case_ref), case_refs[c]);
			x->seq = s;
			snprintf(x->seat_group, sizeof(x->seat_group), "G%03d", c + 1);
			set(x->family_name_latin, sizeof(x->family_name_latin), fam);
			set(x->given_names_latin, sizeof(x->given_names_latin), givens[g].latin);
			set(x->family_name, sizeof(x->family_name), fam_w[0] ? fam_w : fam);
			set(x->given_names, sizeof(x->given_names),
			    fam_w[0] ? givens[g].written : givens[g].latin);
			x->sex = n == 7 ? 'X' : n % 2 ? 'M' : 'F';
			x->birth_date = (struct cor_date){birth_years[n % 10], 1, 15};
			set(x->nationality, sizeof(x->nationality),
			    families[c % ROWS(families)].nationality);
			x->doc_kind = COR_DOC_PASSPORT;
			snprintf(x->doc_number, sizeof(x->doc_number), "P%07d", 4100 + n);
			set(x->doc_issuer, sizeof(x->doc_issuer), x->nationality);
			x->doc_expires = (struct cor_date){2031, 5, 1};
			x->doc_has_expiry = true;
			set(x->board, sizeof(x->board), "MJI");
			set(x->alight, sizeof(x->alight), "FCO");
		}
	}
	assert_int_equal(n, NTRAVELLER);
	/* Turning 18 on the local date of departure, which is a day after the
	 * UTC date: 18-59, not 5-17. */
	pax[12].birth_date = (struct cor_date){2008, 12, 1};
	/* Five tomorrow: still 0-4. */
	pax[13].birth_date = (struct cor_date){2021, 12, 2};
	pax[5].birth_date_approx = true; /* ~2015-01-15 */
	pax[9].doc_kind = COR_DOC_NONE;
	pax[9].doc_number[0] = pax[9].doc_issuer[0] = '\0';
	pax[9].doc_has_expiry = false;
	pax[10].doc_kind = COR_DOC_ETD;
	pax[10].doc_has_expiry = false;
	pax[0].ssr[0] = "MEDA";
	pax[0].ssr[1] = "WCHC";
	pax[0].nssr = 2;
	set(pax[0].escort, sizeof(pax[0].escort), "Hana Mekonnen");
	pax[30].ssr[0] = "STCR";
	pax[30].ssr[1] = "MEDA";
	pax[30].nssr = 2;
	set(pax[30].escort, sizeof(pax[30].escort), "Hana Mekonnen");
	pax[41].ssr[0] = "WCHR";
	pax[41].nssr = 1;
}

static void fill_escorts(void)
{
	static const struct {
		enum cor_manifest_role role;
		const char *family, *given, *nat;
		char sex;
		struct cor_date born;
	} escorts[] = {
		{COR_PAX_MEDICAL_ESCORT, "Mekonnen", "Hana", "ETH", 'F', {1979, 6, 30}},
		{COR_PAX_ESCORT, "Rossi", "Marco", "ITA", 'M', {1990, 3, 3}},
	};
	for (size_t i = 0; i < ROWS(escorts); i++) {
		struct cor_manifest_pax *x = &pax[NTRAVELLER + i];
		x->role = escorts[i].role;
		set(x->seat_group, sizeof(x->seat_group), "ESC");
		set(x->family_name, sizeof(x->family_name), escorts[i].family);
		set(x->family_name_latin, sizeof(x->family_name_latin), escorts[i].family);
		set(x->given_names, sizeof(x->given_names), escorts[i].given);
		set(x->given_names_latin, sizeof(x->given_names_latin), escorts[i].given);
		x->sex = escorts[i].sex;
		x->birth_date = escorts[i].born;
		set(x->nationality, sizeof(x->nationality), escorts[i].nat);
		x->doc_kind = COR_DOC_PASSPORT;
		snprintf(x->doc_number, sizeof(x->doc_number), "E%07zu", 900 + i);
		set(x->doc_issuer, sizeof(x->doc_issuer), escorts[i].nat);
		x->doc_expires = (struct cor_date){2030, 1, 1};
		x->doc_has_expiry = true;
	}
}

static int64_t T(const char *s)
{
	int64_t t;
	if (cor_time_parse_utc(s, &t) != 0)
		fail_msg("'%s' does not parse", s);
	return t;
}

/* Leg 1 of 2, Tripoli to Addis Ababa, leaving at 00:30 local on 1 December,
 * 22:30 UTC the day before. */
static void fill_manifest(struct cor_manifest *m, struct cor_manifest_pax *list, size_t n)
{
	memset(m, 0, sizeof(*m));
	set(m->movement_ref, sizeof(m->movement_ref), "MV-2026-0042");
	m->kind = COR_MOVEMENT_CHARTER;
	set(m->label, sizeof(m->label), "ET 3412");
	set(m->state, sizeof(m->state), "closed");
	set(m->office, sizeof(m->office), "LY-TIP");
	set(m->reporting_party, sizeof(m->reporting_party), "Corridor LY-TIP");
	m->nlegs = 2;
	struct cor_manifest_leg *g = &m->legs[0];
	g->seq = 1;
	set(g->from, sizeof(g->from), "MJI");
	set(g->to, sizeof(g->to), "ADD");
	set(g->from_name, sizeof(g->from_name), "Tripoli Mitiga");
	set(g->to_name, sizeof(g->to_name), "Addis Ababa Bole");
	set(g->from_tz, sizeof(g->from_tz), "Africa/Tripoli");
	set(g->to_tz, sizeof(g->to_tz), "Africa/Addis_Ababa");
	g->departs = T("2026-11-30T22:30Z");
	g->arrives = T("2026-12-01T03:15Z");
	set(g->carrier, sizeof(g->carrier), "ET");
	set(g->number, sizeof(g->number), "ET3412");
	g = &m->legs[1];
	g->seq = 2;
	set(g->from, sizeof(g->from), "ADD");
	set(g->to, sizeof(g->to), "FCO");
	set(g->from_name, sizeof(g->from_name), "Addis Ababa Bole");
	set(g->to_name, sizeof(g->to_name), "Rome Fiumicino");
	set(g->from_tz, sizeof(g->from_tz), "Africa/Addis_Ababa");
	set(g->to_tz, sizeof(g->to_tz), "Europe/Rome");
	g->departs = T("2026-12-01T06:00Z");
	g->arrives = T("2026-12-01T11:40Z");
	m->leg = 0;
	set(m->generated_at, sizeof(m->generated_at), "2026-11-29T08:00:00Z");
	m->pax = list;
	m->npax = n;
}

/* ---- reading the PDF back ---------------------------------------------- */

static void need_tool(const char *name)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "command -v %s >/dev/null 2>&1", name);
	if (system(cmd) != 0)
		fail_msg("'%s' is not installed (poppler-utils): the PDF cannot be checked", name);
}

/* The standard output of cmd, which must succeed; the caller frees it. */
static char *run(const char *cmd)
{
	FILE *f = popen(cmd, "r");
	if (!f)
		fail_msg("cannot run '%s'", cmd);
	size_t len = 0, cap = 1 << 16;
	char *out = malloc(cap);
	assert_non_null(out);
	size_t n;
	while ((n = fread(out + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (cap - len < 2) {
			cap *= 2;
			out = realloc(out, cap);
			assert_non_null(out);
		}
	}
	out[len] = '\0';
	int status = pclose(f);
	if (status != 0)
		fail_msg("'%s' failed (%d)", cmd, status);
	return out;
}

/* Runs of spaces become one: pdftotext -layout pads columns with spaces. */
static void squeeze(char *s)
{
	char *w = s;
	for (char *r = s; *r; r++)
		if (!(*r == ' ' && w > s && w[-1] == ' '))
			*w++ = *r;
	*w = '\0';
}

static void assert_has(const char *text, const char *want)
{
	if (!strstr(text, want))
		fail_msg("the PDF's text lacks '%s'", want);
}

/* The Arabic letters of s (U+0600 to U+06FF, two bytes each in UTF-8), in
 * order, or in reverse order. */
static void arabic_letters(const char *s, char *out, size_t len, bool reverse)
{
	size_t n = 0, slen = strlen(s);
	for (size_t i = 0; i + 1 < slen && n + 2 < len; i++) {
		size_t at = reverse ? slen - 2 - i : i;
		unsigned char c = (unsigned char)s[at];
		if (c >= 0xD8 && c <= 0xDB && ((unsigned char)s[at + 1] & 0xC0) == 0x80) {
			out[n++] = s[at];
			out[n++] = s[at + 1];
		}
	}
	out[n] = '\0';
}

static void assert_arabic(const char *text, const char *name)
{
	static char letters[1 << 16];
	char want[256], back[256];
	arabic_letters(name, want, sizeof(want), false);
	arabic_letters(name, back, sizeof(back), true);
	arabic_letters(text, letters, sizeof(letters), false);
	if (!strstr(letters, want) && !strstr(letters, back))
		fail_msg("the PDF's text lacks the letters of '%s'", name);
}

static int count_of(const char *text, const char *s)
{
	int n = 0;
	for (const char *p = strstr(text, s); p; p = strstr(p + 1, s))
		n++;
	return n;
}

/* Split pdftotext's output at its form feeds, one string per page. */
static int split_pages(char *text, char **pages, int max)
{
	int n = 0;
	char *p = text;
	while (*p && n < max) {
		pages[n++] = p;
		char *ff = strchr(p, '\f');
		if (!ff)
			break;
		*ff = '\0';
		p = ff + 1;
	}
	return n;
}

static int pdf_pages(const char *path)
{
	char cmd[1024];
	snprintf(cmd, sizeof(cmd), "pdfinfo '%s'", path);
	char *info = run(cmd);
	const char *p = strstr(info, "\nPages:");
	if (!p)
		fail_msg("pdfinfo gives no page count:\n%s", info);
	int n = atoi(p + 7);
	free(info);
	return n;
}

static char *pdf_text(const char *path)
{
	char cmd[1024];
	snprintf(cmd, sizeof(cmd), "pdftotext -enc UTF-8 -layout '%s' -", path);
	char *t = run(cmd);
	squeeze(t);
	return t;
}

static void write_pdf(const struct cor_manifest *m, const char *path)
{
	char msg[256] = "";
	int rc = cor_manifest_write_pdf(m, path, msg, sizeof(msg));
	if (rc != 0)
		fail_msg("writing '%s': %d %s", path, rc, msg);
}

/* ---- tests ------------------------------------------------------------- */

static void test_full_leg(void **state)
{
	need_tool("pdfinfo");
	need_tool("pdftotext");
	need_tool("pdftoppm");
	memset(pax, 0, sizeof(pax));
	fill_travellers();
	fill_escorts();
	struct cor_manifest m;
	fill_manifest(&m, pax, NPAX);
	char path[512];
	snprintf(path, sizeof(path), "%s/manifest-full.pdf", tmpdir());
	unlink(path);
	write_pdf(&m, path);

	int npages = pdf_pages(path);
	char *text = pdf_text(path);
	char total[32];
	snprintf(total, sizeof(total), "Page 1 of %d", npages);
	assert_true(npages >= 3); /* 72 rows of two lines and more cannot fit on two */
	assert_has(text, total);

	/* The header. */
	assert_has(text, "Passenger manifest");
	assert_has(text, "MV-2026-0042");
	assert_has(text, "ET 3412 · charter flight · leg 1 of 2");
	assert_has(text, "Office LY-TIP");
	assert_has(text, "From MJI Tripoli Mitiga Departs 2026-12-01 00:30 local (UTC+02:00) "
			 "2026-11-30 22:30 UTC");
	assert_has(text, "To ADD Addis Ababa Bole Arrives 2026-12-01 06:15 local (UTC+03:00) "
			 "2026-12-01 03:15 UTC");
	assert_has(text, "Corridor LY-TIP · Generated 2026-11-29T08:00:00Z");

	/* Names with accents exactly; the written name in Arabic script. */
	assert_has(text, "Bérénice");
	assert_has(text, "Ouédraogo");
	assert_has(text, "N'Golo");
	assert_has(text, "Kanté");
	assert_has(text, "Aïcha");
	assert_has(text, "Hélène");
	/* pdftotext puts spaces inside joined Arabic words and wraps them in
	 * bidi marks: the letters alone, in one order or the other, must be
	 * those of the name. */
	assert_arabic(text, "محمد عبد الله");
	assert_arabic(text, "موسى حداد");

	/* The cells. */
	assert_has(text, "~2015-01-15");
	assert_has(text, "no document");
	assert_has(text, "ETD P0004110");
	assert_has(text, "Passport P0004100");
	/* SSR codes and escorts' names wrap in their narrow columns. */
	assert_has(text, "MEDA");
	assert_has(text, "WCHC");
	assert_has(text, "STCR");
	assert_int_equal(count_of(text, "Mekonnen"),
			 3); /* two travellers she escorts, her own row */
	assert_has(text, "Medical escort");
	assert_has(text, "BFA, exp. 2031-05-01");

	/* Every page: the header and its number. */
	char *pages[32];
	int n = split_pages(text, pages, 32);
	assert_int_equal(n, npages);
	for (int i = 0; i < n; i++) {
		char want[32];
		snprintf(want, sizeof(want), "Page %d of %d", i + 1, npages);
		assert_has(pages[i], want);
		assert_has(pages[i], "Passenger manifest");
		assert_has(pages[i], "MV-2026-0042");
		assert_has(pages[i], "2026-11-30 22:30 UTC");
	}
	/* A case is on one page only, all its people with it. */
	for (int c = 0; c < NCASES; c++) {
		int on = 0;
		for (int i = 0; i < n; i++) {
			int k = count_of(pages[i], case_refs[c]);
			if (k) {
				on++;
				if (k != case_sizes[c])
					fail_msg("%s: %d of %d people on page %d", case_refs[c], k,
						 case_sizes[c], i + 1);
			}
		}
		if (on != 1)
			fail_msg("%s is on %d pages", case_refs[c], on);
	}
	/* The totals and the signatures close the last page. */
	const char *last = pages[n - 1];
	assert_has(last, "Totals");
	assert_has(last, "On this leg Cases: 25 Travellers: 70 Escorts: 2 Persons: 72");
	assert_has(last, "By sex F: 36 M: 35 X: 1");
	assert_has(last, "By age on 2026-12-01 0–4: 14 5–17: 13 18–59: 31 60+: 14");
	assert_has(last, "Prepared by");
	assert_has(last, "Checked by");
	assert_has(last, "Captain");
	assert_int_equal(count_of(last, "Signature"), 3);
	assert_int_equal(count_of(last, "Name "), 3);
	assert_null(strstr(pages[0], "Totals"));
	free(text);

	/* A page renders. */
	char cmd[1200], png[600];
	snprintf(png, sizeof(png), "%s/manifest-full-p1", tmpdir());
	snprintf(cmd, sizeof(cmd), "pdftoppm -r 60 -png -f 1 -l 1 -singlefile '%s' '%s'", path,
		 png);
	free(run(cmd));
	strcat(png, ".png");
	FILE *f = fopen(png, "rb");
	if (!f)
		fail_msg("pdftoppm made no '%s'", png);
	unsigned char sig[8] = {0};
	assert_int_equal(fread(sig, 1, 8, f), 8);
	fclose(f);
	assert_memory_equal(sig, "\x89PNG\r\n\x1a\n", 8);
}

static void test_empty_convoy(void **state)
{
	need_tool("pdftotext");
	struct cor_manifest m;
	fill_manifest(&m, NULL, 0);
	m.kind = COR_MOVEMENT_CONVOY;
	set(m.label, sizeof(m.label), "Convoy 7");
	m.legs[0].from_tz[0] = '\0'; /* a zone nobody recorded */
	char path[512];
	snprintf(path, sizeof(path), "%s/manifest-empty.pdf", tmpdir());
	write_pdf(&m, path);
	assert_int_equal(pdf_pages(path), 1);
	char *text = pdf_text(path);
	assert_has(text, "Convoy 7 · road convoy · leg 1 of 2");
	assert_has(text, "Departs local time unknown 2026-11-30 22:30 UTC");
	assert_has(text, "No one travels on this leg.");
	assert_has(text, "On this leg Cases: 0 Travellers: 0 Escorts: 0 Persons: 0");
	/* Without a zone, ages are taken on the UTC date. */
	assert_has(text, "By age on 2026-11-30");
	assert_has(text, "Convoy leader");
	assert_has(text, "Page 1 of 1");
	free(text);
}

static void test_unwritable(void **state)
{
	struct cor_manifest m;
	fill_manifest(&m, NULL, 0);
	char path[512], msg[256] = "";
	snprintf(path, sizeof(path), "%s/no-such-dir/manifest.pdf", tmpdir());
	assert_int_equal(cor_manifest_write_pdf(&m, path, msg, sizeof(msg)), COR_EIO);
	char want[600];
	snprintf(want, sizeof(want), "cannot write '%s': ", path);
	if (strncmp(msg, want, strlen(want)) != 0)
		fail_msg("message '%s'", msg);
	assert_int_equal(access(path, F_OK), -1);
}

static void test_no_such_leg(void **state)
{
	struct cor_manifest m;
	fill_manifest(&m, NULL, 0);
	m.leg = 2;
	char path[512], msg[256] = "";
	snprintf(path, sizeof(path), "%s/manifest-leg3.pdf", tmpdir());
	unlink(path);
	assert_int_equal(cor_manifest_write_pdf(&m, path, msg, sizeof(msg)), COR_EINVAL);
	assert_string_equal(msg, "the manifest has no leg 3");
	assert_int_equal(access(path, F_OK), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_leg),
		cmocka_unit_test(test_empty_convoy),
		cmocka_unit_test(test_unwritable),
		cmocka_unit_test(test_no_such_leg),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
