#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor correct person: a person's names, sex, birth date, nationality
# and relationship corrected, each field an event of the case's history with
# the value before and after, the reason and who; case show prints them and
# --json carries them. Every refusal says which rule, on stderr, exit 1 (2
# for a wrong command line), and changes nothing.
. "$(dirname "$0")/lib.sh"

C=LY-TIP-2026-000123
P1=$C-01 P2=$C-02 P3=$C-03
cat >cases.csv <<'CSV'
case_id,programme,office,origin,destination,case_state,priority,registered_on,person_no,relationship,family_name_latin,given_names_latin,family_name,given_names,sex,birth_date,birth_date_approx,nationality,languages,specific_needs,doc_type,doc_number,doc_issuer,doc_expiry
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,1,principal,ADEBAYO,Musa,,,M,1990-05-01,0,NGA,en;yo,,passport,A1234567,NGA,2030-01-01
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,2,spouse,OKAFOR,Chioma,,,F,1995-02-28,0,NGA,en,,,,,
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,3,child,ADEBAYO,Tunde,,,M,2015-07-10,1,NGA,en,,,,,
CSV
new_db w.db
expect_status 0 "$CORRIDOR" import cases.csv --db w.db
export CORRIDOR_NOW=2026-11-27T12:00:00Z

# refused STATUS MESSAGE CMD...: that status, MESSAGE the first line of
# stderr (the only one, but for a wrong command line, which points to the
# usage), nothing on stdout, the data unchanged.
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
person() { jv ".persons[] | select(.ref == \"$1\") | $2" case show "$C" --db w.db; }

# Names, one command, one event a field, in the order of the fields.
expect_status 0 correct person "$P2" --family-name-latin OKAFOR-ADEBAYO --given-names-latin "Chioma Ada" \
	--given-names "Chioma Ada" --reason "misspelt at registration"
expect_stdout "case $C corrected
  person $P2 family_name_latin: 'OKAFOR' -> 'OKAFOR-ADEBAYO'
  person $P2 given_names_latin: 'Chioma' -> 'Chioma Ada'
  person $P2 given_names: 'Chioma' -> 'Chioma Ada'"
expect_empty_stderr
[ "$(person "$P2" '"\(.family_name_latin)|\(.given_names_latin)|\(.given_names)"')" = "OKAFOR-ADEBAYO|Chioma Ada|Chioma Ada" ] ||
	fail "the names are not corrected"

# Sex, birth date, approximation, nationality: --json says what changed.
jv '.changes | map("\(.subject) \(.field) \(.before) \(.after)") | join(";")' \
	correct person "$P3" --sex F --birth-date 2015-08-10 --birth-date-exact --nationality XXA \
	--reason "the birth certificate" --db w.db >changes.txt
[ "$(cat changes.txt)" = "person $P3 sex M F;person $P3 birth_date 2015-07-10 2015-08-10;person $P3 birth_date_approx yes no;person $P3 nationality NGA XXA" ] ||
	fail "the changes: $(cat changes.txt)"
[ "$(jv '"\(.case) \(.reason) \(.by) \(.at) \(.person)"' correct person "$P3" --relationship stepchild \
	--reason "not his own child" --db w.db)" = "$C not his own child tester 2026-11-27T12:00:00Z null" ] ||
	fail "the correction's document: $(cat "$WORK/.jv.stdout")"
[ "$(person "$P3" '"\(.sex) \(.birth_date) \(.birth_date_approx) \(.nationality) \(.relationship)"')" = \
	"F 2015-08-10 false XXA stepchild" ] || fail "the person is not corrected: $(person "$P3" .)"

# The history: every correction, with the field, before, after, reason and who.
jv '.history[] | select(.action == "corrected") | "\(.detail)|\(.field)|\(.before)|\(.after)|\(.reason)|\(.actor)"' \
	case show "$C" --db w.db >history.txt
cat >want.txt <<EOT
person $P2|family_name_latin|OKAFOR|OKAFOR-ADEBAYO|misspelt at registration|tester
person $P2|given_names_latin|Chioma|Chioma Ada|misspelt at registration|tester
person $P2|given_names|Chioma|Chioma Ada|misspelt at registration|tester
person $P3|sex|M|F|the birth certificate|tester
person $P3|birth_date|2015-07-10|2015-08-10|the birth certificate|tester
person $P3|birth_date_approx|yes|no|the birth certificate|tester
person $P3|nationality|NGA|XXA|the birth certificate|tester
person $P3|relationship|child|stepchild|not his own child|tester
EOT
expect_same_file want.txt history.txt
[ "$(jv '[.history[] | select(.action != "corrected") | .field] | unique | map(tostring) | join(",")' case show "$C" --db w.db)" = "null" ] ||
	fail "an event that is not a correction has a field"
expect_status 0 "$CORRIDOR" case show "$C" --db w.db
expect_stdout_contains "  2026-11-27T12:00:00Z  tester       corrected  person $P2 family_name_latin: 'OKAFOR' -> 'OKAFOR-ADEBAYO': misspelt at registration"
expect_stdout_contains "  2026-11-27T12:00:00Z  tester       corrected  person $P3 relationship: 'child' -> 'stepchild': not his own child"

# The reason is required.
refused 1 "error: a correction needs a reason: say why the record was wrong" correct person "$P2" --sex M
refused 1 "error: a correction needs a reason: say why the record was wrong" correct person "$P2" --sex M --reason ""
refused 1 "error: reason: give 1 to 500 bytes of text without control characters" correct person "$P2" --sex M --reason "   "
db_dump w.db >before.sql
expect_status 1 correct person "$P2" --sex M --json
[ "$(stderr | jq -r '"\(.error.code) \(.error.field)"')" = "REASON_REQUIRED reason" ] || fail "the error document: $(stderr)"
db_dump w.db >after.sql
expect_same_file before.sql after.sql

# Each value checked as registration checks it.
refused 1 "error: birth_date: '2027-01-01' is in the future" correct person "$P2" --birth-date 2027-01-01 --reason x
refused 1 "error: birth_date: '1899-12-31' is before 1900" correct person "$P2" --birth-date 1899-12-31 --reason x
refused 1 "error: nationality: 'ZZZ' is not an ISO 3166-1 alpha-3 code (or XXA stateless, XXX unknown)" \
	correct person "$P2" --nationality ZZZ --reason x
refused 1 "error: nationality: 'NIGERIA' is not an ISO 3166-1 alpha-3 code (or XXA stateless, XXX unknown)" \
	correct person "$P2" --nationality NIGERIA --reason x
refused 1 "error: sex: 'Q' is not F, M or X" correct person "$P2" --sex Q --reason x
refused 1 "error: sex: 'male' is not F, M or X" correct person "$P2" --sex male --reason x
refused 1 "error: given_names_latin: is empty; every person needs a name in Latin script" \
	correct person "$P2" --given-names-latin "" --reason x
refused 1 "error: family_name_latin: 'Окафор' is not in Latin script" correct person "$P2" --family-name-latin "Окафор" --reason x
refused 1 "error: relationship: 'cousin' is not a relationship (spouse, child, stepchild, parent, sibling, grandparent, grandchild, other_relative, unrelated)" \
	correct person "$P2" --relationship cousin --reason x

# Relationships stay plausible against the principal applicant (born 1990-05-01).
refused 1 "error: person '$P2', born 1995-02-28, cannot be a parent of the principal applicant, born 1990-05-01" \
	correct person "$P2" --relationship parent --reason x
refused 1 "error: person '$P3', born 2015-08-10, cannot be a grandparent of the principal applicant, born 1990-05-01" \
	correct person "$P3" --relationship grandparent --reason x
refused 1 "error: person '$P3', born 1985-01-01, cannot be a stepchild of the principal applicant, born 1990-05-01" \
	correct person "$P3" --birth-date 1985-01-01 --reason x
# ... by the generation gap registration and import ask (P2, a spouse born
# 1995, is not a child 12 years younger).
refused 1 "error: person '$P2': a child is at least 12 years younger than the principal applicant, born 1990-05-01; this one is 4 years younger" \
	correct person "$P2" --relationship child --reason x
# ... also when the principal's own birth date changes.
refused 1 "error: person '$P3', born 2015-08-10, cannot be a stepchild of the principal applicant, born 2016-01-01" \
	correct person "$P1" --birth-date 2016-01-01 --reason x
db_dump w.db >before.sql
expect_status 1 correct person "$P1" --birth-date 2016-01-01 --reason x --json
[ "$(stderr | jq -r '"\(.error.code) \(.error.field)"')" = "INVALID birth_date" ] || fail "the error document: $(stderr)"
# One principal applicant, always.
refused 1 "error: person '$P2' cannot become principal applicant: the case has one" \
	correct person "$P2" --relationship principal --reason x
refused 1 "error: person '$P1' is the principal applicant and stays so until another takes their place" \
	correct person "$P1" --relationship spouse --reason x
# A parent born before the principal is plausible.
expect_status 0 correct person "$P2" --relationship parent --birth-date 1960-01-01 --reason "she is his mother"
expect_stdout "case $C corrected
  person $P2 birth_date: '1995-02-28' -> '1960-01-01'
  person $P2 relationship: 'spouse' -> 'parent'"

# Nothing to correct; no such person; a wrong command line.
refused 1 "error: person '$P2' already has the values given: nothing to correct" \
	correct person "$P2" --sex F --reason x
refused 2 "error: what is to be corrected? give at least one field" correct person "$P2" --reason x
refused 1 "error: no person '$C-09'" correct person "$C-09" --sex F --reason x
refused 1 "error: no person 'LY-TIP-2026-000999-01'" correct person LY-TIP-2026-000999-01 --sex F --reason x
refused 2 "error: 'LY-TIP-2026-000123' is not a person ID like LY-TIP-2026-000123-01" correct person "$C" --sex F --reason x
refused 2 "corridor correct: person: give one person ID" correct person --sex F --reason x
refused 2 "corridor correct: --birth-date: '2026-02-30' is not a real date in the form YYYY-MM-DD" \
	correct person "$P2" --birth-date 2026-02-30 --reason x
refused 2 "corridor correct: person: person takes no --languages" correct person "$P2" --languages en --reason x
refused 2 "corridor correct: --birth-date-approx or --birth-date-exact, once" \
	correct person "$P2" --birth-date-approx --birth-date-exact --reason x
refused 2 "corridor correct: which? person, person-add, person-remove, person-move, split, merge, priority, transfer, reopen, revert, document-void, escort or escort-remove" \
	"$CORRIDOR" correct

# A person's ID, case and documents stay as they were.
[ "$(jv '[.persons[].ref] | join(",")' case show "$C" --db w.db)" = "$P1,$P2,$P3" ] || fail "the persons' IDs changed"
pass
