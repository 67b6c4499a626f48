// SPDX-License-Identifier: Apache-2.0
// Search keys of names (see fold.h).
#include "domain/fold.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "util/error.h"

/* The fold: decomposed, combining marks removed, the Arabic letters that
 * are written several ways written one way, Latin letters to ASCII, lower
 * case, recomposed, then everything but letters and digits removed
 * (modifier letters too: tatweel, the 'ayn sign ʿ). */
static const char fold_rules[] = "::NFD; ::[:Mn:] Remove;"
				 "\\u0671 > \\u0627;" /* alef wasla */
				 "\\u0629 > \\u0647;" /* taa marbuta -> haa */
				 "\\u0649 > \\u064A;" /* alef maqsura -> yaa */
				 "\\u06CC > \\u064A;" /* Persian yeh */
				 "\\u06A9 > \\u0643;" /* keheh */
				 "::Latin-ASCII; ::Lower; ::NFC;"
				 "::[[:^L:]&[:^N:]] Remove; ::[:Lm:] Remove;";
/* Any script to Latin, then ASCII letters and digits. */
static const char latin_rules[] = "::Any-Latin; ::Latin-ASCII; ::Lower; ::[^a-z0-9] Remove;";

enum { T_FOLD, T_LATIN, T__N };

#define CACHE_SLOTS 4096

struct cache_slot {
	unsigned char used, which;
	char in[COR_NAME_MAX + 1];
	char out[COR_KEY_MAX];
};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static UTransliterator *trans[T__N];
static int init_err;
static struct cache_slot *cache;

/* The keys of recent names (cor_fold_name_keys), packed one after the other
 * with their NULs: a caseload repeats its family and given names. */
#define NAME_SLOTS 4096
#define NAME_PACK  512

struct name_slot {
	unsigned char used;
	unsigned short len; /* bytes of keys in use */
	char in[COR_NAME_MAX + 1];
	char keys[NAME_PACK];
};

static struct name_slot *names;

static UTransliterator *open_rules(const char *rules, const char *name)
{
	UChar u[512], id[32];
	UErrorCode e = U_ZERO_ERROR;
	UParseError pe;
	int32_t n = 0;
	u_strFromUTF8(u, (int32_t)(sizeof(u) / sizeof(u[0])), &n, rules, -1, &e);
	u_uastrcpy(id, name);
	if (U_FAILURE(e))
		return NULL;
	UTransliterator *t = utrans_openU(id, -1, UTRANS_FORWARD, u, n, &pe, &e);
	if (U_FAILURE(e)) {
		utrans_close(t);
		return NULL;
	}
	return t;
}

static void open_all(void)
{
	trans[T_FOLD] = open_rules(fold_rules, "cor-fold");
	trans[T_LATIN] = open_rules(latin_rules, "cor-latin");
	cache = calloc(CACHE_SLOTS, sizeof(*cache));
	names = calloc(NAME_SLOTS, sizeof(*names));
	init_err = trans[T_FOLD] && trans[T_LATIN] && cache && names ? 0 : COR_EIO;
}

int cor_fold_init(void)
{
	pthread_once(&once, open_all);
	return init_err;
}

static bool is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* ASCII letters and digits of s, lower case. */
static void ascii_fold(const char *s, char *out, size_t len)
{
	size_t o = 0;
	for (; *s && o + 1 < len; s++) {
		char c = *s;
		if (c >= 'A' && c <= 'Z')
			out[o++] = (char)(c - 'A' + 'a');
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			out[o++] = c;
	}
	out[o] = '\0';
}

static uint32_t hash(const char *s, unsigned which)
{
	uint32_t h = 2166136261u ^ which;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Run transliterator which over s into out; "" on any failure. Called
 * under the lock. */
static void run(unsigned which, const char *s, char *out, size_t len)
{
	UChar u[4 * COR_KEY_MAX];
	UErrorCode e = U_ZERO_ERROR;
	int32_t n = 0;
	out[0] = '\0';
	u_strFromUTF8(u, (int32_t)(sizeof(u) / sizeof(u[0])), &n, s, -1, &e);
	if (U_FAILURE(e))
		return;
	int32_t limit = n;
	utrans_transUChars(trans[which], u, &n, (int32_t)(sizeof(u) / sizeof(u[0])), 0, &limit, &e);
	if (U_FAILURE(e))
		return;
	u_strToUTF8(out, (int32_t)len, NULL, u, n, &e);
	if (U_FAILURE(e) || e == U_STRING_NOT_TERMINATED_WARNING)
		out[0] = '\0';
}

/* Transliterate s through which, through the cache of recent names. */
static void translit(unsigned which, const char *s, char *out, size_t len)
{
	out[0] = '\0';
	if (cor_fold_init() < 0)
		return;
	size_t n = strlen(s);
	pthread_mutex_lock(&lock);
	struct cache_slot *c = n <= COR_NAME_MAX ? &cache[hash(s, which) % CACHE_SLOTS] : NULL;
	if (c && c->used && c->which == which && !strcmp(c->in, s)) {
		snprintf(out, len, "%s", c->out);
	} else {
		char tmp[COR_KEY_MAX];
		run(which, s, tmp, sizeof(tmp));
		snprintf(out, len, "%s", tmp);
		if (c) {
			c->used = 1;
			c->which = (unsigned char)which;
			memcpy(c->in, s, n + 1);
			memcpy(c->out, tmp, sizeof(c->out));
		}
	}
	pthread_mutex_unlock(&lock);
}

char *cor_fold(const char *text, char *out, size_t len)
{
	if (!text || !cor_text_is_clean(text)) {
		out[0] = '\0';
		return out;
	}
	if (is_ascii(text))
		ascii_fold(text, out, len);
	else
		translit(T_FOLD, text, out, len);
	return out;
}

/* ---- words and skeletons -------------------------------------------------- */

#define ARABIC_AL "\xd8\xa7\xd9\x84" /* ال */

/* Split text into words at spaces, hyphens, apostrophes, periods, commas
 * and slashes; each word folded into words[i]. Returns how many. */
static int split_fold(const char *text, char words[][COR_KEY_MAX], int max)
{
	int n = 0;
	const char *s = text;
	while (*s && n < max) {
		size_t sep = strspn(s, " \t-'.,/");
		s += sep;
		if (!strncmp(s, "\xe2\x80\x99", 3)) { /* ’ */
			s += 3;
			continue;
		}
		size_t w = 0;
		while (s[w] && !strchr(" \t-'.,/", s[w]) && strncmp(s + w, "\xe2\x80\x99", 3))
			w++;
		if (!w)
			continue;
		char word[COR_KEY_MAX];
		snprintf(word, sizeof(word), "%.*s", (int)(w < sizeof(word) ? w : sizeof(word) - 1),
			 s);
		cor_fold(word, words[n], COR_KEY_MAX);
		if (words[n][0])
			n++;
		s += w;
	}
	return n;
}

/* Is the folded word an article on its own: al, el, ul, ال? */
static bool is_article(const char *w)
{
	return !strcmp(w, "al") || !strcmp(w, "el") || !strcmp(w, "ul") || !strcmp(w, ARABIC_AL);
}

/* The consonants of an ASCII word: dj -> j, ch -> sh, ph -> f, q -> k;
 * vowels and the semivowels w, y dropped; a letter doubled once; a final
 * h dropped. Appended to out (len bytes). */
static void consonants(const char *w, char *out, size_t len)
{
	size_t o = strlen(out), start = o;
	for (const char *p = w; *p && o + 2 < len; p++) {
		char c = *p;
		if (c < 'a' || c > 'z')
			continue;
		if (c == 'd' && p[1] == 'j')
			continue;
		if (c == 'p' && p[1] == 'h') {
			c = 'f';
			p++;
		} else if (c == 'c' && p[1] == 'h') {
			out[o++] = 's';
			c = 'h';
			p++;
		} else if (c == 'q' || c == 'c') {
			c = 'k';
		}
		if (strchr("aeiouwy", c))
			continue;
		if (o > start && out[o - 1] == c)
			continue;
		out[o++] = c;
	}
	if (o > start + 1 && out[o - 1] == 'h')
		o--;
	out[o] = '\0';
}

/* The skeleton of one folded word, appended to out. */
static void word_skeleton(const char *w, char *out, size_t len)
{
	char latin[COR_KEY_MAX];
	/* An Arabic article written onto its word: الخطيب. */
	if (!strncmp(w, ARABIC_AL, 4) && strlen(w) >= 10)
		w += 4;
	/* ... and in Latin letters (Alkhatib, Elhassan): the same skeleton as
	 * Al-Khatib's. Alexander and Exander then meet too, a price paid. */
	if ((!strncmp(w, "al", 2) || !strncmp(w, "el", 2)) && strlen(w) >= 6)
		w += 2;
	if (is_ascii(w))
		snprintf(latin, sizeof(latin), "%s", w);
	else
		translit(T_LATIN, w, latin, sizeof(latin));
	consonants(latin, out, len);
}

/* "Abdel", "Abdul", "Abd al-": the article of "servant of" joins its word
 * in Latin spellings but not in Arabic script; one skeleton for both. */
static void finish_skeleton(char *s)
{
	if (!strncmp(s, "bdl", 3))
		memmove(s + 2, s + 3, strlen(s + 3) + 1);
	if (strlen(s) < 2)
		s[0] = '\0';
}

/* The skeleton of a list of folded words, "" when too short. */
static void words_skeleton(char words[][COR_KEY_MAX], int n, char *out, size_t len)
{
	out[0] = '\0';
	for (int i = 0; i < n; i++)
		if (!is_article(words[i]))
			word_skeleton(words[i], out, len);
	finish_skeleton(out);
}

char *cor_fold_skeleton(const char *text, char *out, size_t len)
{
	char words[COR_QUERY_WORDS * 2][COR_KEY_MAX];
	out[0] = '\0';
	if (!text || !cor_text_is_clean(text))
		return out;
	int n = split_fold(text, words, COR_QUERY_WORDS * 2);
	words_skeleton(words, n, out, len);
	return out;
}

/* ---- keys ------------------------------------------------------------------- */

void cor_keys_add(struct cor_keys *k, const char *key)
{
	if (!key[0] || k->n >= COR_KEYS_MAX || cor_keys_has(k, key))
		return;
	size_t n = strnlen(key, COR_KEY_MAX - 1);
	memcpy(k->key[k->n], key, n);
	k->key[k->n++][n] = '\0';
}

bool cor_keys_has(const struct cor_keys *k, const char *key)
{
	for (int i = 0; i < k->n; i++)
		if (!strcmp(k->key[i], key))
			return true;
	return false;
}

bool cor_keys_has_prefix(const struct cor_keys *k, const char *prefix)
{
	size_t n = strlen(prefix);
	for (int i = 0; i < k->n; i++)
		if (k->key[i][0] != COR_KEY_SKELETON && k->key[i][0] != COR_KEY_DUP &&
		    !strncmp(k->key[i], prefix, n))
			return true;
	return false;
}

/* Add '#' and the skeleton s, when there is one. */
static void add_skeleton(struct cor_keys *k, const char *s)
{
	char key[COR_KEY_MAX];
	if (!s[0])
		return;
	snprintf(key, sizeof(key), "%c%.*s", COR_KEY_SKELETON, (int)sizeof(key) - 2, s);
	cor_keys_add(k, key);
}

static void name_keys(const char *name, struct cor_keys *k)
{
	char whole[COR_KEY_MAX], skel[COR_KEY_MAX];
	char words[COR_QUERY_WORDS * 2][COR_KEY_MAX];
	if (!name || !name[0])
		return;
	cor_keys_add(k, cor_fold(name, whole, sizeof(whole)));
	int n = split_fold(name, words, COR_QUERY_WORDS * 2);
	words_skeleton(words, n, skel, sizeof(skel));
	add_skeleton(k, skel);
	for (int i = 0; i < n; i++) /* خطيب finds الخطيب */
		if (!strncmp(words[i], ARABIC_AL, 4) && strlen(words[i]) >= 10)
			cor_keys_add(k, words[i] + 4);
	if (n < 2)
		return;
	for (int i = 0; i < n; i++) {
		if (is_article(words[i]))
			continue;
		cor_keys_add(k, words[i]);
		skel[0] = '\0';
		word_skeleton(words[i], skel, sizeof(skel));
		finish_skeleton(skel);
		add_skeleton(k, skel);
	}
}

void cor_fold_name_keys(const char *name, struct cor_keys *k)
{
	char pack[NAME_PACK];
	size_t len = 0;
	if (!name || !name[0])
		return;
	size_t n = strlen(name);
	struct name_slot *c = NULL;
	if (n <= COR_NAME_MAX && cor_fold_init() == 0) {
		c = &names[hash(name, T__N) % NAME_SLOTS];
		pthread_mutex_lock(&lock);
		bool hit = c->used && !strcmp(c->in, name);
		if (hit)
			memcpy(pack, c->keys, len = c->len);
		pthread_mutex_unlock(&lock);
		if (hit) {
			for (size_t o = 0; o < len; o += strlen(pack + o) + 1)
				cor_keys_add(k, pack + o);
			return;
		}
	}
	/* The name's own keys, then added to k as name_keys would have: in
	 * order, each once. */
	struct cor_keys *own = malloc(sizeof(*own));
	if (!own) {
		name_keys(name, k);
		return;
	}
	own->n = 0;
	name_keys(name, own);
	for (int i = 0; i < own->n; i++) {
		cor_keys_add(k, own->key[i]);
		size_t kl = strlen(own->key[i]) + 1;
		if (len + kl <= sizeof(pack))
			memcpy(pack + len, own->key[i], kl);
		len += kl;
	}
	free(own);
	if (c && len <= sizeof(pack)) {
		pthread_mutex_lock(&lock);
		c->used = 1;
		memcpy(c->in, name, n + 1);
		memcpy(c->keys, pack, len);
		c->len = (unsigned short)len;
		pthread_mutex_unlock(&lock);
	}
}

char *cor_fold_dup_key(const struct cor_person *p, char *out)
{
	char date[COR_DATE_LEN], a[COR_KEY_MAX], b[COR_KEY_MAX];
	out[0] = '\0';
	if (!p->birth_date.year)
		return out;
	cor_fold_skeleton(p->family_name_latin[0] ? p->family_name_latin : p->family_name, a,
			  sizeof(a));
	cor_fold_skeleton(p->given_names_latin[0] ? p->given_names_latin : p->given_names, b,
			  sizeof(b));
	if (!a[0] || !b[0])
		return out; /* a name too short to tell anyone apart */
	bool swap = strcmp(a, b) > 0;
	snprintf(out, COR_KEY_MAX, "%c%s:%.200s:%.200s", COR_KEY_DUP,
		 cor_date_format(p->birth_date, date), swap ? b : a, swap ? a : b);
	return out;
}

char *cor_fold_doc_key(const struct cor_document *d, char *out)
{
	char num[COR_DOCNO_MAX + 1];
	size_t o = 0;
	out[0] = '\0';
	if (d->kind == COR_DOC_NONE)
		return out;
	for (const char *s = d->number; *s && o + 1 < sizeof(num); s++) {
		char c = *s;
		if (c >= 'a' && c <= 'z')
			num[o++] = (char)(c - 'a' + 'A');
		else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			num[o++] = c;
	}
	num[o] = '\0';
	if (o)
		snprintf(out, COR_KEY_MAX, "%c%s:%s", COR_KEY_DUP, cor_doc_kind_name(d->kind), num);
	return out;
}

void cor_fold_person_keys(const struct cor_person *p, struct cor_keys *k)
{
	char dup[COR_KEY_MAX];
	k->n = 0;
	cor_fold_name_keys(p->family_name_latin, k);
	cor_fold_name_keys(p->given_names_latin, k);
	cor_fold_name_keys(p->family_name, k);
	cor_fold_name_keys(p->given_names, k);
	/* The whole name as it is said, given names first: "mohamed al khatib"
	 * is then one range of the index, not words checked one by one. */
	char whole[2 * COR_NAME_MAX + 2], key[COR_KEY_MAX];
	if (p->given_names_latin[0] && p->family_name_latin[0]) {
		snprintf(whole, sizeof(whole), "%s %s", p->given_names_latin, p->family_name_latin);
		cor_keys_add(k, cor_fold(whole, key, sizeof(key)));
	}
	cor_keys_add(k, cor_fold_dup_key(p, dup));
}

/* ---- queries ---------------------------------------------------------------- */

int cor_fold_query(const char *text, struct cor_query *q)
{
	char words[COR_QUERY_WORDS][COR_KEY_MAX];
	memset(q, 0, sizeof(*q));
	if (!text || !cor_text_is_clean(text))
		return 0;
	cor_fold(text, q->fold, sizeof(q->fold));
	char skel[COR_KEY_MAX];
	cor_fold_skeleton(text, skel, sizeof(skel));
	if (skel[0])
		snprintf(q->skeleton, sizeof(q->skeleton), "%c%.*s", COR_KEY_SKELETON,
			 (int)sizeof(q->skeleton) - 2, skel);
	int n = split_fold(text, words, COR_QUERY_WORDS);
	for (int i = 0; i < n; i++) {
		if (is_article(words[i]) && n > 1)
			continue;
		memcpy(q->word[q->nwords], words[i], COR_KEY_MAX);
		skel[0] = '\0';
		word_skeleton(words[i], skel, sizeof(skel));
		finish_skeleton(skel);
		if (skel[0])
			snprintf(q->word_skel[q->nwords], COR_KEY_MAX, "%c%.*s", COR_KEY_SKELETON,
				 COR_KEY_MAX - 2, skel);
		q->nwords++;
	}
	if (!q->fold[0])
		q->nwords = 0;
	q->split = q->nwords > 1 || (q->nwords == 1 && strcmp(q->word[0], q->fold));
	return q->nwords;
}

int cor_query_match(const struct cor_query *q, const struct cor_keys *keys)
{
	if (!q->nwords)
		return 0;
	if (cor_keys_has(keys, q->fold))
		return 5;
	if (cor_keys_has_prefix(keys, q->fold))
		return 4;
	bool all = q->split, loose = q->split;
	for (int i = 0; i < q->nwords; i++) {
		bool pre = cor_keys_has_prefix(keys, q->word[i]);
		all = all && pre;
		loose = loose &&
			(pre || (q->word_skel[i][0] && cor_keys_has(keys, q->word_skel[i])));
	}
	if (all)
		return 3;
	if (q->skeleton[0] && cor_keys_has(keys, q->skeleton))
		return 2;
	return loose ? 1 : 0;
}
