// SPDX-License-Identifier: Apache-2.0
// Search keys of names: what a person types finds what a caseworker wrote.
// Pure: no I/O, no SQL; the Unicode work is ICU's (icuuc, icui18n).
//
// A name folds to its key: lower case, accents, punctuation and spaces
// removed ("Al-Khatib" -> "alkhatib", "Gédéon" -> "gedeon"); Arabic script
// normalised (alef forms أ إ آ ٱ -> ا, taa marbuta ة -> ه, alef maqsura
// ى -> ي, Persian yeh and keheh -> ي ك, harakat and tatweel removed) and
// kept in its script. Its skeleton is the consonants of its transliteration
// to Latin (ICU "Any-Latin; Latin-ASCII"): Arabic script mostly writes no
// short vowels, so "محمد", "Mohamed" and "Muhammad" share the skeleton
// "mhmd", and "الخطيب" and "Al-Khatib" share "khtb" (see docs/search.md for
// the steps and for the pairs that do and do not meet).
//
// A person's keys (cor_fold_person_keys) are the folds of each name field
// and, for a field of several words, of each word; the skeletons of each
// field and word, marked by a leading '#'; and one key for duplicates,
// marked by a leading '=', of the birth date and the skeletons of the Latin
// names. A document's key ('=' too) is its kind and number. The store keeps
// them in an index (person_key) and searches by prefix of a fold and by
// equality of a skeleton.
//
// Threads: the ICU transliterators are opened once per process, at first
// use (pthread_once), and every fold runs under one mutex, with a cache of
// recent names in front of the transliterator. That is safe for any number
// of threads; a server that folds on many threads at once would give each
// its own clone (utrans_clone) to avoid waiting on the mutex.
#ifndef COR_FOLD_H
#define COR_FOLD_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/case.h"

#define COR_KEY_MAX      (4 * COR_NAME_MAX + 8) /* bytes of one key, with its NUL */
#define COR_KEYS_MAX     48                     /* keys of one person */
#define COR_KEY_SKELETON '#'
#define COR_KEY_DUP      '='

struct cor_keys {
	int n;
	char key[COR_KEYS_MAX][COR_KEY_MAX];
};

/* Open ICU's transliterators (done at the first fold otherwise): 0, or
 * COR_EIO when ICU has not got them. */
int cor_fold_init(void);

/* The fold of text into out (len bytes, "" when nothing is left): returns
 * out. Text that is not UTF-8 folds to "". */
char *cor_fold(const char *text, char *out, size_t len);
/* The skeleton of text into out: its transliteration's consonants, a
 * leading article (al-, el-, ال) dropped, doubled letters once, a final
 * h dropped. "" when fewer than two letters are left. Returns out. */
char *cor_fold_skeleton(const char *text, char *out, size_t len);

/* Add key to k unless it is empty or there already. */
void cor_keys_add(struct cor_keys *k, const char *key);
/* Does k hold key? Has it a key that starts with prefix? */
bool cor_keys_has(const struct cor_keys *k, const char *key);
bool cor_keys_has_prefix(const struct cor_keys *k, const char *prefix);

/* The search keys of one name (a field of a person), added to k: its fold,
 * its skeleton (marked '#') and, for several words, each word's. */
void cor_fold_name_keys(const char *name, struct cor_keys *k);
/* Every search key of p (all four name fields, and the Latin given and
 * family names together, in that order) and its duplicate key. */
void cor_fold_person_keys(const struct cor_person *p, struct cor_keys *k);
/* The duplicate key of p into out (COR_KEY_MAX bytes): '=', the birth
 * date, and the skeletons of its Latin family and given names in sorted
 * order (a swap of the two still meets); "" when either has no skeleton or the
 * birth date is unknown. */
char *cor_fold_dup_key(const struct cor_person *p, char *out);
/* The duplicate key of a document into out: "=kind:NUMBER" (the number's
 * letters and digits, upper case); "" when it has no number. */
char *cor_fold_doc_key(const struct cor_document *d, char *out);

/* A query, folded: the whole of it, and each of its words (at most
 * COR_QUERY_WORDS; split at spaces), as folds and skeletons. */
#define COR_QUERY_WORDS 8
struct cor_query {
	char fold[COR_KEY_MAX];     /* the whole text folded */
	char skeleton[COR_KEY_MAX]; /* the whole text's skeleton, "#..." or "" */
	int nwords;                 /* words, an article (al-, el-, ال) not counted */
	bool split;                 /* the words are not just the whole */
	char word[COR_QUERY_WORDS][COR_KEY_MAX];      /* each word folded */
	char word_skel[COR_QUERY_WORDS][COR_KEY_MAX]; /* each word's "#skeleton" or "" */
};
/* Fold a query. Returns the number of words (0: nothing to search for). */
int cor_fold_query(const char *text, struct cor_query *q);
/* How well do keys match q: 0 not at all; else higher is better:
 * 5 a key is the whole query's fold, 4 a key starts with it, 3 every word
 * starts a key, 2 a key is the whole query's skeleton, 1 every word's fold
 * starts a key or its skeleton is one. */
int cor_query_match(const struct cor_query *q, const struct cor_keys *keys);

#endif
