#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor eligibility and corridor queue refuse bad input with the message a
# person reads and the exit status the refusal deserves (1: the work was
# refused; 2: the command line is wrong, with the usage), print nothing on
# stdout, and leave the database as it was: an unknown case, a malformed
# case ID, a date that is not a day, the rules file option that is gone
# (the rules in force decide), unknown programmes and offices, bad limits.
. "$(dirname "$0")/lib.sh"

cat >cases.csv <<'CSV'
case_id,programme,office,origin,destination,case_state,priority,registered_on,person_no,relationship,family_name_latin,given_names_latin,family_name,given_names,sex,birth_date,birth_date_approx,nationality,languages,specific_needs,doc_type,doc_number,doc_issuer,doc_expiry,counsellor,counselling_language,interpreter,decision,protection_risk
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,travel_ready,urgent,2026-01-05,1,principal,YUSUF,Amina,,,F,1990-03-14,0,NGA,ha;en,SM-CC,passport,A1234567,NGA,2031-03-02,A. Counsellor,en,0,yes,low
CSV
new_db w.db
expect_status 0 "$CORRIDOR" import cases.csv --db w.db

# refused STATUS STDERR-FIRST-LINE CMD...: that status, that first line of
# stderr (the only one for status 1; the usage follows for status 2),
# nothing on stdout, the database unchanged.
refused()
{
	local status=$1 msg=$2 cmd=$4
	shift 2
	db_dump w.db >before.sql
	expect_status "$status" "$@"
	[ "$(stderr | head -n 1)" = "$msg" ] || fail "stderr: $(stderr | head -n 1)
expected: $msg"
	if [ "$status" -eq 1 ]; then
		[ "$(stderr | wc -l)" -eq 1 ] || fail "a refusal is one line"
	else
		expect_stderr_contains "see 'corridor $cmd --help'"
	fi
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}
E="$CORRIDOR eligibility"
Q="$CORRIDOR queue"

for cmd in eligibility queue; do
	if [ "$cmd" = eligibility ]; then args=(LY-TIP-2026-000123); else args=(); fi
	# The rules in force decide ('corridor rules set'): no rules file here.
	refused 2 "corridor $cmd: unknown option '--config'" \
		"$CORRIDOR" "$cmd" "${args[@]}" --config rules.conf --db w.db
	refused 2 "corridor $cmd: --travel-date: '2026-02-30' is not a real date in the form YYYY-MM-DD" \
		"$CORRIDOR" "$cmd" "${args[@]}" --travel-date 2026-02-30 --db w.db
	refused 2 "corridor $cmd: --travel-date: '10/01/2027' is not a real date in the form YYYY-MM-DD" \
		"$CORRIDOR" "$cmd" "${args[@]}" --travel-date 10/01/2027 --db w.db
	refused 2 "corridor $cmd: option '--travel-date' needs a value" \
		"$CORRIDOR" "$cmd" "${args[@]}" --db w.db --travel-date
	refused 2 "corridor $cmd: unknown option '--state'" \
		"$CORRIDOR" "$cmd" "${args[@]}" --state travel_ready --db w.db
done

refused 1 "error: no case 'LY-TIP-2026-000999'" $E LY-TIP-2026-000999 --db w.db
refused 1 "error: no case 'LY-TIP-2026-000999'" $E LY-TIP-2026-000999 --travel-date 2027-01-10 --db w.db
refused 2 "corridor eligibility: 'LY-TIP-123' is not a case ID like LY-TIP-2026-000123" $E LY-TIP-123 --db w.db
refused 2 "corridor eligibility: 'LY-TIP-2026-000123-01' is not a case ID like LY-TIP-2026-000123" \
	$E LY-TIP-2026-000123-01 --db w.db
refused 2 "corridor eligibility: give one case ID, e.g. LY-TIP-2026-000123" $E --db w.db
refused 2 "corridor eligibility: give one case ID, e.g. LY-TIP-2026-000123" \
	$E LY-TIP-2026-000123 LY-TIP-2026-000124 --db w.db

refused 2 "corridor queue: --programme: 'XYZ' is not a programme" $Q --programme XYZ --db w.db
refused 2 "corridor queue: --office: 'Tripoli' is not an office code like LY-TIP" $Q --office Tripoli --db w.db
# An office that is not there: the refusal, then the command line's hint.
db_dump w.db >before.sql
expect_status 1 $Q --office XX-ABC --db w.db
expect_stderr "error: no office 'XX-ABC'
(see 'corridor office list')"
expect_empty_stdout
expect_status 1 $Q --office XX-ABC --json --db w.db
[ "$(jq -c .error "$WORK/.stderr")" = '{"code":"OFFICE_NOT_FOUND","field":"office","message":"no office '"'XX-ABC'"'"}' ] ||
	fail "queue --json error: $(cat "$WORK/.stderr")"
expect_empty_stdout
db_dump w.db >after.sql
expect_same_file before.sql after.sql
refused 2 "corridor queue: --limit: '-1' is not a whole number from 0 to 100000000" $Q --limit -1 --db w.db
refused 2 "corridor queue: --limit: 'ten' is not a whole number from 0 to 100000000" $Q --limit ten --db w.db
refused 2 "corridor queue: unexpected argument 'LY-TIP-2026-000123'" $Q LY-TIP-2026-000123 --db w.db

# No database: said, and none is created.
refused 1 "$(no_db_error nosuch.db)" \
	$E LY-TIP-2026-000123 --db nosuch.db
refused 1 "$(no_db_error nosuch.db)" \
	$Q --db nosuch.db
expect_no_file nosuch.db
pass
