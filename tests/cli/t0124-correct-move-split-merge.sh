#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor correct person-move, split and merge: persons go between cases of
# one office and programme under the next number of the case they join (a
# number is never given twice in a case), with what is recorded of them;
# each case's history records each move. A split makes a new case under the
# office's next number; a merge keeps one case's ID and closes the other as
# merged into it. Each refusal names the rule and changes nothing.
. "$(dirname "$0")/lib.sh"

# LY-TIP-2026-000125 comes in travel_ready, with the session, the
# assessments and the documents that state needs, and departs below;
# LY-TIP-2026-000127 is closed: the return was withdrawn.
cat >cases.csv <<'CSV'
case_id,programme,office,origin,destination,case_state,priority,registered_on,person_no,relationship,family_name_latin,given_names_latin,family_name,given_names,sex,birth_date,birth_date_approx,nationality,languages,specific_needs,doc_type,doc_number,doc_issuer,doc_expiry,counsellor,counselling_language,decision,protection_risk
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,1,principal,ADEBAYO,Musa,,,M,1990-05-01,0,NGA,en;yo,,passport,A1234567,NGA,2030-01-01,,,,
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,2,spouse,OKAFOR,Chioma,,,F,1995-02-28,0,NGA,en,,,,,,,,,
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,3,child,ADEBAYO,Tunde,,,M,2015-07-10,0,NGA,en,,,,,,,,,
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,4,other_relative,ADEBAYO,Bola,,,F,1970-01-01,0,NGA,en,,,,,,,,,
LY-TIP-2026-000124,VHR,LY-TIP,LBY,NGA,registered,urgent,2026-01-06,1,principal,ADEBAYO,Sade,,,F,1985-05-01,0,NGA,en,,,,,,,,,
LY-TIP-2026-000124,VHR,LY-TIP,LBY,NGA,registered,urgent,2026-01-06,2,child,ADEBAYO,Kemi,,,F,2018-05-01,0,NGA,en,,,,,,,,,
LY-TIP-2026-000125,VHR,LY-TIP,LBY,NGA,travel_ready,normal,2026-01-07,1,principal,BELLO,Sani,,,M,1980-05-01,0,NGA,en,,passport,N0000125,NGA,2031-01-01,Amal Haddad,en,yes,none
LY-TIP-2026-000125,VHR,LY-TIP,LBY,NGA,travel_ready,normal,2026-01-07,2,child,BELLO,Hauwa,,,F,2010-05-01,0,NGA,en,,passport,N0000126,NGA,2031-01-01,Amal Haddad,en,yes,none
LY-BEN-2026-000001,VHR,LY-BEN,LBY,NGA,registered,normal,2026-01-05,1,principal,IDRIS,Ali,,,M,1980-05-01,0,NGA,en,,,,,,,,,
LY-TIP-2026-000126,HASM,LY-TIP,LBY,NGA,registered,normal,2026-01-05,1,principal,USMAN,Bala,,,M,1980-05-01,0,NGA,en,,,,,,,,,
LY-TIP-2026-000127,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,1,principal,GARBA,Musa,,,M,1980-05-01,0,NGA,en,,,,,,,,,
LY-TIP-2026-000129,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,1,principal,SULE,Amina,,,F,1980-05-01,0,NGA,en,,,,,,,,,
CSV
new_db w.db
expect_status 0 "$CORRIDOR" import cases.csv --db w.db
A=LY-TIP-2026-000123 B=LY-TIP-2026-000124 DEP=LY-TIP-2026-000125 BEN=LY-BEN-2026-000001
HASM=LY-TIP-2026-000126 CLOSED=LY-TIP-2026-000127 ONE=LY-TIP-2026-000129
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
moves() { jv '[.history[] | select(.field == "person_id") | "\(.detail)|\(.before)|\(.after)|\(.reason)"] | join(";")' case show "$1" --db w.db; }

# ---- person-move, with a health check that goes with the person.
expect_status 0 "$CORRIDOR" health check "$A-03" --outcome fit --db w.db
expect_status 0 correct person-move "$A-03" "$B" --reason "registered with the wrong parent"
expect_stdout "case $A corrected: person $B-03
  person $A-03 person_id: '$A-03' -> '$B-03'
  $B person $B-03 person_id: '$A-03' -> '$B-03'"
[ "$(persons "$A")" = "$A-01 principal Musa, $A-02 spouse Chioma, $A-04 other_relative Bola" ] || fail "A: $(persons "$A")"
[ "$(persons "$B")" = "$B-01 principal Sade, $B-02 child Kemi, $B-03 child Tunde" ] || fail "B: $(persons "$B")"
[ "$(jv '.fitness_to_travel.outcome' health show "$B-03" --db w.db)" = fit ] || fail "the health check did not follow the person"
[ "$(moves "$A")" = "person $A-03|$A-03|$B-03|registered with the wrong parent" ] || fail "A's history: $(moves "$A")"
[ "$(moves "$B")" = "person $B-03|$A-03|$B-03|registered with the wrong parent" ] || fail "B's history: $(moves "$B")"
# A number is not given twice: the next person of A is 05, not 03.
expect_status 0 correct person-add "$A" --relationship child --given-names-latin Ada --sex F --birth-date 2026-11-01 \
	--nationality NGA --reason "newborn"
expect_stdout_contains "person $A-05"

refused 1 "error: person '$A-01' is the principal applicant of case '$A': name the person who becomes principal in their place" \
	correct person-move "$A-01" "$B" --relationship sibling --reason x
refused 2 "error: person '$A-01' is the principal applicant of case '$A': give their relationship in case '$B'" \
	correct person-move "$A-01" "$B" --new-principal "$A-02" --reason x
refused 2 "error: person '$A-02' is not the principal applicant: no one takes their place" \
	correct person-move "$A-02" "$B" --new-principal "$A-04" --reason x
refused 1 "error: person '$B-04', born 1970-01-01, cannot be a child of the principal applicant, born 1985-05-01" \
	correct person-move "$A-04" "$B" --relationship child --reason x
refused 1 "error: case '$A' is at office 'LY-TIP', case '$BEN' at 'LY-BEN': transfer one of them first" \
	correct person-move "$A-04" "$BEN" --reason x
refused 1 "error: case '$A' is VHR, case '$HASM' HASM: persons go only between cases of one programme" \
	correct person-move "$A-04" "$HASM" --reason x
refused 1 "error: case '$DEP' has travelled (it is 'departed'): who travelled together stays together" \
	correct person-move "$DEP-02" "$A" --reason x
refused 1 "error: case '$DEP' has travelled (it is 'departed'): who travelled together stays together" \
	correct person-move "$A-04" "$DEP" --reason x
refused 1 "error: case '$CLOSED' is closed: reopen it first" correct person-move "$A-04" "$CLOSED" --reason x
refused 2 "error: case '$A' cannot go into itself" correct person-move "$A-04" "$A" --reason x
refused 1 "error: case '$ONE' would be left without a person: merge the cases instead" \
	correct person-move "$ONE-01" "$A" --reason x
refused 1 "error: no case 'LY-TIP-2026-000999'" correct person-move "$A-04" LY-TIP-2026-000999 --reason x
refused 1 "error: a correction needs a reason: say why the record was wrong" correct person-move "$A-04" "$B"
refused 2 "corridor correct: person-move: give a person ID and a case ID" correct person-move "$A-04" --reason x
# The principal, with a successor and a relationship in the case joined.
expect_status 0 correct person-move "$A-01" "$B" --relationship spouse --new-principal "$A-02" --reason "her husband"
expect_stdout "case $A corrected: person $B-04
  person $A-01 person_id: '$A-01' -> '$B-04'
  $B person $B-04 person_id: '$A-01' -> '$B-04'
  $B person $B-04 relationship: 'principal' -> 'spouse'
  person $A-02 relationship: 'spouse' -> 'principal'"
[ "$(persons "$A")" = "$A-02 principal Chioma, $A-04 other_relative Bola, $A-05 child Ada" ] || fail "A: $(persons "$A")"

# ---- split: a new case under the office's next number, the first named its principal.
refused 1 "error: person '$A-02' is the principal applicant and stays with case '$A': split off the others" \
	correct split "$A" "$A-02" --reason x
refused 1 "error: case '$A' would be left without a person: a split leaves a person in each case" \
	correct split "$A" "$A-04" "$A-05" "$A-02" --reason x
refused 2 "error: '$B-02' is not a person of case '$A'" correct split "$A" "$B-02" --reason x
refused 2 "error: '$A-04' is named twice" correct split "$A" "$A-04" "$A-04" --reason x
expect_status 0 correct person "$A-04" --relationship parent --reason "she is Chioma's mother"
N=LY-TIP-2026-000130
expect_status 0 correct split "$A" "$A-04" "$A-05" --reason "two households"
expect_stdout "case $A corrected: case $N split off
  person $A-04 person_id: '$A-04' -> '$N-01'
  $N person $N-01 person_id: '$A-04' -> '$N-01'
  $N person $N-01 relationship: 'parent' -> 'principal'
  person $A-05 person_id: '$A-05' -> '$N-02'
  $N person $N-02 person_id: '$A-05' -> '$N-02'"
[ "$(persons "$N")" = "$N-01 principal Bola, $N-02 child Ada" ] || fail "the new case: $(persons "$N")"
[ "$(jv '.case | "\(.programme) \(.office) \(.origin) \(.destination) \(.state) \(.priority) \(.registered_on)"' case show "$N" --db w.db)" = \
	"VHR LY-TIP LBY NGA registered normal 2026-11-27" ] || fail "the new case's record"
[ "$(jv '.history[0] | "\(.action)|\(.detail)|\(.reason)"' case show "$N" --db w.db)" = \
	"registered|case split from $A with 2 persons|two households" ] || fail "the new case's first event"

# ---- merge: B into A, which keeps its ID; B is closed and merged.
expect_status 0 "$CORRIDOR" counsel "$B" --counsellor "Amal Haddad" --language en --decision undecided --asylum-wish --db w.db
refused 1 "error: case '$B' has 1 open referral: close it before merging the case" correct merge "$B" "$A" --reason x
expect_status 0 "$CORRIDOR" referral close "$B" 1 --outcome "no claim lodged" --db w.db
refused 1 "error: case '$B' is at office 'LY-TIP', case '$BEN' at 'LY-BEN': transfer one of them first" correct merge "$B" "$BEN" --reason x
refused 1 "error: case '$A' has a principal applicant: the principal of the case merged into it takes another relationship" \
	correct merge "$B" "$A" --relationship principal --reason x
refused 1 "error: person '$B-01', born 1985-05-01, cannot be a child of the principal applicant, born 1995-02-28" \
	correct merge "$B" "$A" --relationship child --reason x
jv '[.changes[] | "\(.case) \(.subject) \(.field) \(.before) \(.after)"] | join(";")' \
	correct merge "$B" "$A" --relationship sibling --reason "one household registered twice" --db w.db >merge.txt
[ "$(tr ';' '\n' <merge.txt | tail -n 3)" = "$B case state on_hold closed
$B case merged_into  $A
$A case merged  $B" ] || fail "the merge's changes: $(cat merge.txt)"
[ "$(persons "$A")" = "$A-02 principal Chioma, $A-06 sibling Sade, $A-07 child Kemi, $A-08 child Tunde, $A-09 spouse Musa" ] ||
	fail "A's persons: $(persons "$A")"
[ "$(jv '.persons | length' case show "$B" --db w.db) $(jv .case.state case show "$B" --db w.db)" = "0 closed" ] || fail "B is not emptied and closed"
[ "$(jv '.history[-1] | "\(.field) \(.after)"' case show "$B" --db w.db)" = "merged_into $A" ] || fail "B's history"
[ "$(sql w.db "SELECT c.ref || ' ' || i.ref || ' ' || m.by FROM case_merge m JOIN cases c ON c.id = m.case_id JOIN cases i ON i.id = m.into_id")" = "$B $A tester" ] ||
	fail "the merge is not recorded"
refused 1 "error: case '$B' was merged into case '$A', where its persons are: it is not reopened" correct reopen "$B" --reason x
refused 1 "error: case '$B' is closed: reopen it first" correct merge "$B" "$A" --reason x
refused 1 "error: case '$B' is closed: reopen it first" correct priority "$B" normal --reason x
refused 2 "corridor correct: merge: give the case to merge and the case it goes into" correct merge "$B" --reason x
pass
