#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# case search (docs/search.md): names folded (case, accents, punctuation,
# spaces), Arabic script normalised and met from Latin script by its
# consonants and the other way round, the start of a case ID; best matches
# first, each with the person matched and why. case list --text folds the
# same way. Refusals name the field and change nothing.
. "$(dirname "$0")/lib.sh"

export CORRIDOR_NOW=2026-12-07T09:00:00Z
register()
{
	local office=$1 fam=$2 giv=$3 nat=$4 birth=$5
	shift 5
	"$CORRIDOR" case register --programme VHR --office "$office" --origin LBY \
		--destination "$nat" --family-name-latin "$fam" --given-names-latin "$giv" --sex M \
		--birth-date "$birth" --nationality "$nat" --db d.db "$@" >/dev/null ||
		fail "cannot register $fam"
}

new_db d.db
register LY-TIP Al-Khatib Mohamed SYR 1990-05-01 --family-name 'الخطيب' --given-names 'مُحَمَّد'
register LY-TIP Gédéon Élise COD 1985-02-03
register LY-TIP Khatib Muhammad SYR 1979-07-08
register LY-SEB Adebayo Musa NGA 1992-09-10
sql d.db "SELECT count(*) FROM cases" | grep -qx 4 || fail "four cases"

# results QUERY [options]: "case ref|score|match|field" of each person found.
results()
{
	jv '.persons[] | .case + "|" + (.score | tostring) + "|" + .match + "|" + .field' \
		case search "$@" --db d.db
}

# Accents and case: "gedeon" finds Gédéon.
[ "$(results gedeon)" = "LY-TIP-2026-000002|5|name|family_name_latin" ] || fail "gedeon: $(results gedeon)"
[ "$(results 'GÉDÉON élise')" = "LY-TIP-2026-000002|3|words|names" ] || fail "gédéon élise"
[ "$(results 'elis')" = "LY-TIP-2026-000002|4|start of a name|given_names_latin" ] || fail "elis"
# Punctuation and spaces: "al khatib" finds Al-Khatib first, then Khatib by
# the word.
[ "$(results 'al khatib')" = "LY-TIP-2026-000001|5|name|family_name_latin
LY-TIP-2026-000003|3|words|family_name_latin" ] || fail "al khatib: $(results 'al khatib')"
# Arabic script: the name as written, without its harakat, finds the person
# written so, and by its consonants the one written only in Latin script.
[ "$(results 'محمد')" = "LY-TIP-2026-000001|5|name|given_names
LY-TIP-2026-000003|2|consonants|given_names_latin" ] || fail "محمد: $(results 'محمد')"
[ "$(results 'الخطيب')" = "LY-TIP-2026-000001|5|name|family_name
LY-TIP-2026-000003|2|consonants|family_name_latin" ] || fail "الخطيب: $(results 'الخطيب')"
# And the other way: Muhammad finds the one written مُحَمَّد by consonants.
[ "$(results Muhammad)" = "LY-TIP-2026-000003|5|name|given_names_latin
LY-TIP-2026-000001|2|consonants|given_names_latin" ] || fail "Muhammad: $(results Muhammad)"
# Words over two fields and scripts.
[ "$(results 'محمد khatib')" = "LY-TIP-2026-000001|3|words|names
LY-TIP-2026-000003|1|words and consonants|names" ] || fail "محمد khatib: $(results 'محمد khatib')"
# The start of a case ID, in any case.
[ "$(results ly-tip-2026-00000 | cut -d'|' -f1,3,4 | tr '\n' ' ')" = \
	"LY-TIP-2026-000001|case ID|ref LY-TIP-2026-000002|case ID|ref LY-TIP-2026-000003|case ID|ref " ] ||
	fail "case ID: $(results ly-tip-2026-00000)"
[ "$(results LY-SEB-2026-000001)" = "LY-SEB-2026-000001|6|case ID|ref" ] || fail "LY-SEB"
# --office, --limit.
[ "$(results khatib --office LY-SEB)" = "" ] || fail "--office LY-SEB"
[ "$(results 'al khatib' --limit 1)" = "LY-TIP-2026-000001|5|name|family_name_latin" ] || fail "--limit 1"
[ "$(jv '.shown' case search 'al khatib' --limit 1 --db d.db)" = 1 ] || fail "shown"
# Nothing alike: nothing found.
[ "$(results Ahmed)" = "" ] || fail "Ahmed: $(results Ahmed)"
# The person's record and the case in the document.
[ "$(jv '.cases[0] | .ref + " " + .person + " " + .state + " " + .programme' case search 'al-khatib' --db d.db)" = \
	"LY-TIP-2026-000001 LY-TIP-2026-000001-01 registered VHR" ] || fail "the case of a result"
[ "$(jv '.persons[0] | .family_name + " " + .given_names + " " + .birth_date + " " + .nationality' case search 'al-khatib' --db d.db)" = \
	"الخطيب مُحَمَّد 1990-05-01 SYR" ] || fail "the person of a result"

# The text output: one line a case, the person and why.
expect_status 0 "$CORRIDOR" case search 'al khatib' --db d.db
expect_stdout "LY-TIP-2026-000001   VHR  registered    LY-TIP-2026-000001-01  Al-Khatib, Mohamed (مُحَمَّد الخطيب)  born 1990-05-01  [name: family_name_latin]
LY-TIP-2026-000003   VHR  registered    LY-TIP-2026-000003-01  Khatib, Muhammad  born 1979-07-08  [words: family_name_latin]
(2 cases, 2 persons)"
expect_empty_stderr

# case list --text: the same folds (not the consonants).
list() { jv '[.cases[].ref] | join(" ")' case list --text "$1" --db d.db; }
[ "$(list 'AL KHATIB')" = "LY-TIP-2026-000001" ] || fail "list AL KHATIB: $(list 'AL KHATIB')"
[ "$(list khat)" = "LY-TIP-2026-000001 LY-TIP-2026-000003" ] || fail "list khat"
[ "$(list gedeon)" = "LY-TIP-2026-000002" ] || fail "list gedeon"
[ "$(list 'محمد')" = "LY-TIP-2026-000001" ] || fail "list محمد"
[ "$(list ly-seb)" = "LY-SEB-2026-000001" ] || fail "list ly-seb"
[ "$(list '%')" = "" ] || fail "list %"

# Refusals: the field named, nothing written.
db_dump d.db >before.txt
expect_status 2 "$CORRIDOR" case search '' --db d.db
expect_stderr "error: what to search for? give a name or the start of a case ID"
expect_status 2 "$CORRIDOR" case search "$(printf 'x%.0s' $(seq 201))" --db d.db --json
[ "$(jq -c '.error | [.code, .field]' "$WORK/.stderr")" = '["BAD_PARAMETER","text"]' ] || fail "a long text"
expect_status 2 "$CORRIDOR" case search khatib --office tripoli --db d.db --json
expect_empty_stdout
[ "$(jq -c '.error | [.code, .field]' "$WORK/.stderr")" = '["BAD_PARAMETER","office"]' ] || fail "a bad office"
expect_status 1 "$CORRIDOR" case search khatib --office LY-ABC --db d.db
expect_stderr "error: no office 'LY-ABC'"
expect_status 2 "$CORRIDOR" case search khatib --limit 0 --db d.db
expect_stderr_contains "--limit"
expect_status 2 "$CORRIDOR" case search al khatib --db d.db
expect_stderr_contains "unexpected argument 'khatib'"
expect_status 2 "$CORRIDOR" case search --db d.db
expect_stderr_contains "what to search for"
db_dump d.db >after.txt
expect_same_file before.txt after.txt

# --office also when the persons are found by their words: a Khatib of
# another office is left out, and found there.
register LY-SEB Khatib Mohammed SYR 1970-01-02
[ "$(results 'محمد khatib' --office LY-TIP | cut -d'|' -f1 | tr '\n' ' ')" = \
	"LY-TIP-2026-000001 LY-TIP-2026-000003 " ] || fail "words, --office LY-TIP: $(results 'محمد khatib' --office LY-TIP)"
[ "$(results 'محمد khatib' --office LY-SEB | cut -d'|' -f1,3)" = "LY-SEB-2026-000002|words and consonants" ] ||
	fail "words, --office LY-SEB: $(results 'محمد khatib' --office LY-SEB)"
pass
