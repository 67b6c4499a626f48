#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Possible duplicates (docs/search.md): persons of different cases with the
# same identity document number, or the same birth date and names alike
# (folded, swapped, or by consonants across scripts), listed with a score
# and reasons; a pair marked distinct gets an event on both cases and is not
# listed again; registration shows the persons a new one may duplicate.
# Refusals name the field and change nothing.
. "$(dirname "$0")/lib.sh"

export CORRIDOR_NOW=2026-12-07T09:00:00Z
register()
{
	local office=$1 fam=$2 giv=$3 sex=$4 birth=$5
	shift 5
	"$CORRIDOR" case register --programme VHR --office "$office" --origin LBY \
		--destination SYR --family-name-latin "$fam" --given-names-latin "$giv" --sex "$sex" \
		--birth-date "$birth" --nationality SYR --db d.db "$@" >/dev/null ||
		fail "cannot register $fam"
}

new_db d.db
register LY-TIP Al-Khatib Mohamed M 1990-05-01 # LY-TIP-2026-000001
register LY-SEB Alkhatib Muhammad M 1990-05-01 # LY-SEB-2026-000001: alike, the same birth date
register LY-TIP Mohamed Al-Khatib M 1990-05-01 # LY-TIP-2026-000002: the same names, swapped
register LY-TIP Khatib Mohamed M 1991-05-01    # LY-TIP-2026-000003: another birth date
register LY-TIP Haddad Rania F 1988-03-03      # LY-TIP-2026-000004
register LY-SEB Haddad Rana F 1970-01-01       # LY-SEB-2026-000002: the passport of LY-TIP-2026-000004
"$CORRIDOR" document add LY-TIP-2026-000004-01 --kind passport --number N1234567 --issuer SYR \
	--expires 2030-01-01 --db d.db >/dev/null || fail "document of LY-TIP-2026-000004"
"$CORRIDOR" document add LY-SEB-2026-000002-01 --kind passport --number N1234567 --issuer SYR \
	--expires 2030-01-01 --db d.db >/dev/null || fail "document of LY-SEB-2026-000002"
# A visa names the visa: the same number is no reason.
"$CORRIDOR" document add LY-TIP-2026-000001-01 --kind visa --number V1 --issuer TUR \
	--expires 2027-01-01 --db d.db >/dev/null || fail "visa of 1"
"$CORRIDOR" document add LY-TIP-2026-000004-01 --kind visa --number V1 --issuer TUR \
	--expires 2027-01-01 --db d.db >/dev/null || fail "visa of 4"

pairs()
{
	jv '.pairs[] | (.score | tostring) + " " + ([.persons[].ref] | join(" ")) + " " + (.reasons | join(","))' \
		duplicates "$@" --db d.db
}
want="65 LY-TIP-2026-000004-01 LY-SEB-2026-000002-01 the same passport number,the same sex
40 LY-TIP-2026-000001-01 LY-TIP-2026-000002-01 the same names,the same birth date,the same sex
30 LY-TIP-2026-000001-01 LY-SEB-2026-000001-01 names alike (consonants),the same birth date,the same sex
30 LY-SEB-2026-000001-01 LY-TIP-2026-000002-01 names alike (consonants),the same birth date,the same sex"
[ "$(pairs)" = "$want" ] || fail "duplicates: $(pairs)"
[ "$(jv '[.shown, .total] | map(tostring) | join(" ")' duplicates --db d.db)" = "4 4" ] || fail "counts"
[ "$(jv '.pairs[0].resolve | join(" ")' duplicates --db d.db)" = "case.merge duplicates.distinct" ] ||
	fail "resolve"
# --office: a pair with a person of a case of that office; --limit.
[ "$(pairs --office LY-SEB | cut -d' ' -f1 | tr '\n' ' ')" = "65 30 30 " ] || fail "--office LY-SEB"
[ "$(pairs --limit 1)" = "$(echo "$want" | head -n 1)" ] || fail "--limit 1"
[ "$(jv '[.shown, .total] | map(tostring) | join(" ")' duplicates list --limit 1 --db d.db)" = "1 4" ] ||
	fail "--limit 1 counts"
expect_status 0 "$CORRIDOR" duplicates --limit 1 --db d.db
expect_stdout "score  65: the same passport number, the same sex
    LY-TIP-2026-000004-01   Haddad, Rania  F  born 1988-03-03  SYR  LY-TIP
    LY-SEB-2026-000002-01   Haddad, Rana  F  born 1970-01-01  SYR  LY-SEB
(1 of 4 pairs; --limit 0 shows all)
a pair is resolved by merging its cases' persons (case.merge) or by
'corridor duplicates distinct PERSON-ID PERSON-ID --reason TEXT'"

# Refusals, nothing written.
db_dump d.db >before.txt
expect_status 1 "$CORRIDOR" duplicates distinct LY-TIP-2026-000001-01 LY-TIP-2026-000001-01 \
	--reason x --db d.db
expect_stderr "error: LY-TIP-2026-000001-01 is one person: give two"
expect_status 1 "$CORRIDOR" duplicates distinct LY-TIP-2026-000001-01 LY-TIP-2026-000009-01 \
	--reason x --db d.db --json
[ "$(jq -c '.error | [.code, .field]' "$WORK/.stderr")" = '["PERSON_NOT_FOUND","other"]' ] || fail "unknown"
expect_status 2 "$CORRIDOR" duplicates distinct LY-TIP-2026-01 LY-TIP-2026-000002-01 --reason x --db d.db
expect_stderr "error: 'LY-TIP-2026-01' is not a person ID like LY-TIP-2026-000123-01"
expect_status 1 "$CORRIDOR" duplicates distinct LY-TIP-2026-000001-01 LY-TIP-2026-000002-01 \
	--reason '' --db d.db
expect_stderr "error: say why LY-TIP-2026-000001-01 and LY-TIP-2026-000002-01 are not the same person"
expect_status 2 "$CORRIDOR" duplicates distinct LY-TIP-2026-000001-01 LY-TIP-2026-000002-01 --db d.db
expect_stderr_contains "--reason is missing"
expect_status 2 "$CORRIDOR" duplicates distinct LY-TIP-2026-000001-01 --reason x --db d.db
expect_stderr_contains "give two person IDs"
expect_status 1 "$CORRIDOR" duplicates --office LY-ABC --db d.db
expect_stderr "error: no office 'LY-ABC'"
db_dump d.db >after.txt
expect_same_file before.txt after.txt

# Marked distinct: an event on both cases, not listed again, not twice.
expect_status 0 "$CORRIDOR" duplicates distinct LY-TIP-2026-000002-01 LY-TIP-2026-000001-01 \
	--reason "father and son, both registered with the father's birth date" --db d.db
expect_stdout "LY-TIP-2026-000002-01 and LY-TIP-2026-000001-01 are marked as not the same person"
for c in LY-TIP-2026-000001 LY-TIP-2026-000002; do
	[ "$(jv '.history[-1] | .action + "|" + .detail + "|" + .reason + "|" + .actor' case show $c --db d.db)" = \
		"distinct|LY-TIP-2026-000001-01 and LY-TIP-2026-000002-01 are not the same person|father and son, both registered with the father's birth date|$CORRIDOR_USER" ] ||
		fail "the event on $c"
done
[ "$(pairs)" = "$(echo "$want" | grep -v 'LY-TIP-2026-000001-01 LY-TIP-2026-000002-01')" ] ||
	fail "a pair marked distinct is listed: $(pairs)"
db_dump d.db >before.txt
expect_status 1 "$CORRIDOR" duplicates distinct LY-TIP-2026-000001-01 LY-TIP-2026-000002-01 \
	--reason again --db d.db --json
[ "$(jq -c '.error | [.code, .field]' "$WORK/.stderr")" = '["EXISTS","other"]' ] || fail "twice"
db_dump d.db >after.txt
expect_same_file before.txt after.txt

# Registration shows the persons a new one may duplicate.
expect_status 0 "$CORRIDOR" case register --programme VHR --office LY-BEN --origin LBY \
	--destination SYR --family-name-latin Al-Khateeb --given-names-latin Mohammed --sex M \
	--birth-date 1990-05-01 --nationality SYR --db d.db
expect_stdout "registered case LY-BEN-2026-000001 (VHR, LY-BEN): Al-Khateeb Mohammed
possible duplicate (score 30): LY-TIP-2026-000001-01 Al-Khatib, Mohamed, born 1990-05-01
possible duplicate (score 30): LY-SEB-2026-000001-01 Alkhatib, Muhammad, born 1990-05-01
possible duplicate (score 30): LY-TIP-2026-000002-01 Mohamed, Al-Khatib, born 1990-05-01
(see 'corridor duplicates')"
expect_status 0 "$CORRIDOR" case register --programme VHR --office LY-BEN --origin LBY \
	--destination SYR --family-name-latin Haddad --given-names-latin Omar --sex M \
	--birth-date 1960-01-01 --nationality SYR --db d.db --json
[ "$(jq -c '.possible_duplicates' "$WORK/.stdout")" = "[]" ] || fail "no duplicate: $(stdout)"

pass
