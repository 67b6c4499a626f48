#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor correct person-add and person-remove: a newborn added to a case
# under its next person number; a person registered by mistake taken out,
# the principal applicant only with a successor. What may not be removed
# is refused with the rule (booked, travelled, closed, the only person, a
# document not voided, health checks), the data unchanged; each change is in
# the history with the value before and after.
. "$(dirname "$0")/lib.sh"

fixture mv-day.csv
new_db w.db
expect_status 0 "$CORRIDOR" import mv-day.csv --db w.db
C1=SD-PZU-2026-000001 C2=SD-PZU-2026-000002
# LY-TIP-2026-000124 comes in travel_ready, with the session, the
# assessments and the documents that state needs, and departs below;
# LY-TIP-2026-000125 is closed: the return was withdrawn.
cat >more.csv <<'CSV'
case_id,programme,office,origin,destination,case_state,priority,registered_on,person_no,relationship,family_name_latin,given_names_latin,family_name,given_names,sex,birth_date,birth_date_approx,nationality,languages,specific_needs,doc_type,doc_number,doc_issuer,doc_expiry,counsellor,counselling_language,decision,protection_risk
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,1,principal,ADEBAYO,Musa,,,M,1990-05-01,0,NGA,en;yo,,passport,A1234567,NGA,2030-01-01,,,,
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,2,spouse,OKAFOR,Chioma,,,F,1995-02-28,0,NGA,en,,,,,,,,,
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,3,sibling,ADEBAYO,Tunde,,,M,1992-07-10,0,NGA,en,,,,,,,,,
LY-TIP-2026-000124,VHR,LY-TIP,LBY,NGA,travel_ready,normal,2026-01-05,1,principal,BELLO,Sani,,,M,1980-05-01,0,NGA,en,,passport,N0000124,NGA,2031-01-01,Amal Haddad,en,yes,none
LY-TIP-2026-000124,VHR,LY-TIP,LBY,NGA,travel_ready,normal,2026-01-05,2,child,BELLO,Hauwa,,,F,2010-05-01,0,NGA,en,,passport,N0000125,NGA,2031-01-01,Amal Haddad,en,yes,none
LY-TIP-2026-000125,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,1,principal,IDRIS,Ali,,,M,1980-05-01,0,NGA,en,,,,,,,,,
LY-TIP-2026-000125,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,2,child,IDRIS,Fatima,,,F,2010-05-01,0,NGA,en,,,,,,,,,
LY-TIP-2026-000126,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,1,principal,USMAN,Bala,,,M,1980-05-01,0,NGA,en,,,,,,,,,
CSV
expect_status 0 "$CORRIDOR" import more.csv --db w.db
C=LY-TIP-2026-000123 DEP=LY-TIP-2026-000124 CLOSED=LY-TIP-2026-000125 ONE=LY-TIP-2026-000126
export CORRIDOR_NOW=2026-11-27T12:00:00Z
fit_now w.db "$DEP"
travel w.db departed "from=MJI,to=LOS" "$DEP"
expect_status 0 "$CORRIDOR" move "$CLOSED" closed --reason "withdrew the request to return" --db w.db

refused()
{
	local status=$1 msg=$2
	shift 2
	db_dump w.db >before.sql
	expect_status "$status" "$@"
	[ "$(stderr | head -n 1)" = "$msg" ] || fail "stderr: $(stderr | head -n 1)
expected: $msg"
	case $msg in
	"corridor correct:"*) expect_stderr_contains "see 'corridor correct --help'" ;;
	*) [ "$(stderr | wc -l)" -eq 1 ] || fail "a refusal is one line" ;;
	esac
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}
correct() { "$CORRIDOR" correct "$@" --db w.db; }
persons() { jv '[.persons[] | "\(.ref) \(.relationship) \(.given_names_latin)"] | join(", ")' case show "$1" --db w.db; }
add() { correct person-add "$@" --given-names-latin Amina --family-name-latin ADEBAYO --sex F --nationality NGA; }

# ---- person-add: a newborn.
expect_status 0 add "$C" --relationship child --birth-date 2026-11-20 --birth-date-approx --languages yo \
	--needs SM-CC --reason "born after registration"
expect_stdout "case $C corrected: person $C-04
  person $C-04 person: '' -> 'ADEBAYO, Amina (F, 2026-11-20 approx., NGA, child)'"
[ "$(persons "$C")" = "$C-01 principal Musa, $C-02 spouse Chioma, $C-03 sibling Tunde, $C-04 child Amina" ] ||
	fail "the persons: $(persons "$C")"
[ "$(jv '.persons[3] | "\(.birth_date_approx) \(.languages | join(";")) \(.needs[0].code)"' case show "$C" --db w.db)" = "true yo SM-CC" ] ||
	fail "the newborn's record"
[ "$(jv '.history[-1] | "\(.action)|\(.detail)|\(.field)|\(.before)|\(.after)|\(.reason)"' case show "$C" --db w.db)" = \
	"corrected|person $C-04|person||ADEBAYO, Amina (F, 2026-11-20 approx., NGA, child)|born after registration" ] ||
	fail "the history"
[ "$(jv '.cases[] | select(.ref == "'"$C"'") | .persons' case list --db w.db)" = 4 ] || fail "the case list counts 4"

refused 1 "error: a correction needs a reason: say why the record was wrong" add "$C" --relationship child --birth-date 2026-11-20
refused 1 "error: person '$C-05', born 1980-01-01, cannot be a child of the principal applicant, born 1990-05-01" \
	add "$C" --relationship child --birth-date 1980-01-01 --reason x
refused 1 "error: person '$C-05' cannot become principal applicant: the case has one" \
	add "$C" --relationship principal --birth-date 2020-01-01 --reason x
refused 1 "error: relationship: 'baby' is not a relationship (spouse, child, stepchild, parent, sibling, grandparent, grandchild, other_relative, unrelated)" \
	add "$C" --relationship baby --birth-date 2020-01-01 --reason x
refused 1 "error: birth_date: '2026-11-28' is in the future" add "$C" --relationship child --birth-date 2026-11-28 --reason x
refused 1 "error: languages: 'xx1' is not a ';'-separated list of ISO 639 codes" \
	add "$C" --relationship child --birth-date 2026-11-20 --languages xx1 --reason x
refused 1 "error: case '$CLOSED' is closed: reopen it first" add "$CLOSED" --relationship child --birth-date 2026-11-20 --reason x
refused 1 "error: no case 'LY-TIP-2026-000999'" add LY-TIP-2026-000999 --relationship child --birth-date 2026-11-20 --reason x
refused 2 "corridor correct: person-add: --relationship is missing" add "$C" --birth-date 2026-11-20 --reason x
refused 2 "corridor correct: person-add: --birth-date is missing" add "$C" --relationship child --reason x
refused 2 "corridor correct: person-add: person-add takes no --new-principal" \
	add "$C" --relationship child --birth-date 2026-11-20 --new-principal "$C-02" --reason x

# ---- person-remove.
expect_status 0 correct person-remove "$C-03" --reason "registered in the wrong case"
expect_stdout "case $C corrected
  person $C-03 person: 'ADEBAYO, Tunde (M, 1992-07-10, NGA, sibling)' -> ''"
[ "$(persons "$C")" = "$C-01 principal Musa, $C-02 spouse Chioma, $C-04 child Amina" ] || fail "the persons: $(persons "$C")"
refused 1 "error: person '$C-01' is the principal applicant: name the person who becomes principal in their place" \
	correct person-remove "$C-01" --reason x
refused 2 "error: person '$C-02' is not the principal applicant: no one takes their place" \
	correct person-remove "$C-02" --new-principal "$C-04" --reason x
refused 2 "error: '$DEP-01' is not another person of case '$C'" \
	correct person-remove "$C-01" --new-principal "$DEP-01" --reason x
refused 1 "error: no person '$C-09'" correct person-remove "$C-01" --new-principal "$C-09" --reason x
refused 1 "error: person '$C-01' holds 1 travel document: void it first" \
	correct person-remove "$C-01" --new-principal "$C-02" --reason x
expect_status 0 correct document-void "$C-01" passport A1234567 --reason "not his"
expect_status 0 correct person-remove "$C-01" --new-principal "$C-02" --reason "registered twice"
expect_stdout "case $C corrected
  person $C-01 person: 'ADEBAYO, Musa (M, 1990-05-01, NGA, principal)' -> ''
  person $C-02 relationship: 'spouse' -> 'principal'"
[ "$(persons "$C")" = "$C-02 principal Chioma, $C-04 child Amina" ] || fail "the persons: $(persons "$C")"
[ "$(jv '.cases[] | select(.ref == "'"$C"'") | "\(.persons) \(.principal)"' case list --db w.db)" = "2 OKAFOR, Chioma" ] ||
	fail "the case list shows the new principal"

refused 1 "error: person '$ONE-01' is the only person of the case: a case keeps at least one (close the case instead)" \
	correct person-remove "$ONE-01" --reason x
refused 1 "error: person '$DEP-02' has travelled (the case is 'departed'): their record can be corrected, not removed" \
	correct person-remove "$DEP-02" --reason x
refused 1 "error: person '$CLOSED-02' is of a closed case: reopen it first" correct person-remove "$CLOSED-02" --reason x
# ... but a travelled person's identity can still be corrected.
expect_status 0 correct person "$DEP-02" --given-names-latin Hauwa\ Binta --reason "as in her passport"

# A person with health checks recorded; a booked person.
expect_status 0 "$CORRIDOR" health check "$C-04" --outcome fit --db w.db
refused 1 "error: person '$C-04' has health checks recorded, which stay with them: the person cannot be removed" \
	correct person-remove "$C-04" --reason x
for p in 000001-01 000001-02 000002-01; do
	expect_status 0 "$CORRIDOR" health check "SD-PZU-2026-$p" --outcome fit --db w.db
done
dep=$(date -u -d '2026-11-28 10:00' +%Y-%m-%dT%H:%MZ)
arr=$(date -u -d '2026-11-28 12:00' +%Y-%m-%dT%H:%MZ)
M=SD-PZU-MV-2026-0001
expect_status 0 "$CORRIDOR" movement add --office SD-PZU --kind charter --label "MS 801" --open \
	--leg "from=PZU,to=CAI,departs=$dep,arrives=$arr,seats=9" --db w.db
expect_status 0 "$CORRIDOR" movement book "$M" "$C1" --db w.db
refused 1 "error: person '$C1-02' is booked on movement '$M': cancel the booking before removing them" \
	correct person-remove "$C1-02" --reason x
refused 1 "error: case '$C1' is booked on movement '$M', whose seats are for the persons booked: cancel the booking before adding a person" \
	add "$C1" --relationship child --birth-date 2026-11-20 --reason x
expect_status 0 "$CORRIDOR" movement standby "$M" "$C2" --db w.db
refused 1 "error: case '$C2' is booked on movement '$M', whose seats are for the persons booked: cancel the booking before adding a person" \
	add "$C2" --relationship child --birth-date 2026-11-20 --reason x
pass
