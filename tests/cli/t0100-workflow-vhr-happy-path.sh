#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# The whole life of a voluntary humanitarian return, through the real
# binary: counselling with an informed decision, every step with
# 'corridor move', the protection risk and fitness to travel of each person,
# from registered to closed; what each command prints, and the history and
# rows it leaves.
. "$(dirname "$0")/lib.sh"

C=LY-TIP-2026-000123
cat >cases.csv <<'CSV'
case_id,programme,office,origin,destination,case_state,priority,registered_on,person_no,relationship,family_name_latin,given_names_latin,family_name,given_names,sex,birth_date,birth_date_approx,nationality,languages,specific_needs,doc_type,doc_number,doc_issuer,doc_expiry
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,1,principal,ADEBAYO,Musa,,,M,1990-05-01,0,NGA,en;yo,,passport,A1234567,NGA,2030-01-01
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,2,spouse,OKAFOR,Chioma,,,F,1995-02-28,0,NGA,en,,passport,B7654321,NGA,2031-06-30
CSV
new_db w.db
expect_status 0 "$CORRIDOR" import cases.csv --db w.db

# One move: its status, its line, nothing on stderr.
move()
{
	local to=$1 from=$2
	shift 2
	expect_status 0 "$CORRIDOR" move "$C" "$to" --db w.db "$@"
	expect_stdout "case $C: $from -> $to"
	expect_empty_stderr
	[ "$(jv '.case.state' case show "$C" --db w.db)" = "$to" ] || fail "the state is not $to"
}

# Every booking of the database, movement by movement, as 'movement show'
# gives them: status|board|alight|seat_group.
bookings()
{
	local m
	for m in $(jv '.movements[].ref' movement list --db w.db); do
		jv '.bookings[] | "\(.status)|\(.board)|\(.alight)|\(.seat_group)"' movement show "$m" --db w.db
	done
}

expect_status 0 "$CORRIDOR" counsel "$C" --counsellor "Amal Haddad" --language ar --interpreter \
	--decision yes --note "explained the return, the reintegration package and the right to seek asylum" --db w.db
expect_stdout "recorded counselling session 1 of case $C: decision yes"
expect_empty_stderr
move counselled registered
expect_status 0 "$CORRIDOR" protection assess "$C-01" --level low --grounds "no known threat in Lagos State" --db w.db
expect_stdout "recorded protection risk 'low' for person $C-01 (assessment 1)"
expect_empty_stderr
expect_status 0 "$CORRIDOR" protection assess "$C-02" --level high --grounds "family feud in the home area" --db w.db
expect_stdout "recorded protection risk 'high' for person $C-02 (assessment 1)
the return of case $C is blocked until a protection officer clears person $C-02"
CORRIDOR_USER=protection expect_status 0 "$CORRIDOR" protection clear "$C-02" \
	--reason "return to Abuja, away from the home area; agreed with the person" --db w.db
expect_stdout "cleared person $C-02 of high protection risk (assessment 1)"
move assessed counselled
move eligible assessed
# Travel-ready only when eligible: each person fit to travel within the 72
# hours before today (no travel date is set yet) and holding a passport.
at=$(date -u +%Y-%m-%dT%H:%MZ)
for p in 01 02; do
	expect_status 0 "$CORRIDOR" health check "$C-$p" --outcome fit --at "$at" --by "Dr N. Haddad" --db w.db
done
move travel_ready eligible

# A seat first: without a booking the move to booked is refused, and
# changes nothing.
db_dump w.db >before.sql
expect_status 1 "$CORRIDOR" move "$C" booked --db w.db
expect_stderr "error: case '$C' is 'travel_ready'; it cannot go to 'booked' without a seat on a movement: book it with 'corridor plan' or 'corridor movement book MOVEMENT CASE'"
expect_empty_stdout
db_dump w.db >after.sql
expect_same_file before.sql after.sql

# A charter leaving tomorrow, within the 72 hours of the fitness checks.
dep=$(date -u -d '+1 day' +%Y-%m-%dT%H:%MZ)
arr=$(date -u -d '+1 day 5 hours' +%Y-%m-%dT%H:%MZ)
M=LY-TIP-MV-${dep:0:4}-0001
expect_status 0 "$CORRIDOR" movement add --office LY-TIP --kind charter --label "UZ 8401" --carrier UZ --open \
	--leg "from=MJI,to=LOS,departs=$dep,arrives=$arr,seats=180" --db w.db
expect_stdout "movement $M added (open)"
expect_empty_stderr
expect_status 0 "$CORRIDOR" movement book "$M" "$C" --db w.db
expect_stdout "case $C booked on $M"
expect_empty_stderr
[ "$(jv '.case.state' case show "$C" --db w.db)" = booked ] || fail "the case is not booked"
[ "$(bookings)" = "booked|MJI|LOS|G001" ] || fail "booking: $(bookings)"
# The manifest is closed and the movement leaves: the case departs with it.
expect_status 0 "$CORRIDOR" movement close "$M" --db w.db
expect_stdout "movement $M: open -> closed"
# Departure day: the clock stands at the scheduled departure (a movement
# departs no earlier than three hours before it).
export CORRIDOR_NOW=$(date -u -d "${dep%Z} UTC" +%Y-%m-%dT%H:%M:%SZ)
expect_status 0 "$CORRIDOR" movement depart "$M" --db w.db
expect_stdout "movement $M: closed -> departed; 1 case departed"
expect_empty_stderr
[ "$(jv '.case.state' case show "$C" --db w.db)|$(bookings)" = "departed|departed|MJI|LOS|G001" ] ||
	fail "not departed with its booking: $(jv '.case.state' case show "$C" --db w.db), $(bookings)"
move arrived departed
move reintegration arrived --reason "cash grant and business start-up support"
move closed reintegration

# The history, in order, as 'case show' gives it, after the import's event.
jv '.history[] | "\(.action)|\(.detail)|\(.reason // "")|\(.actor)"' case show "$C" --db w.db >all.txt
grep -q '^imported|' <(head -n 1 all.txt) || fail "the first event is not the import: $(head -n 1 all.txt)"
sed 1d all.txt >history.txt
cat >want.txt <<EOT
counselling|session 1 by Amal Haddad in ar with an interpreter: decision yes||tester
state|registered -> counselled||tester
protection|person $C-01 assessed at low protection risk (assessment 1)||tester
protection|person $C-02 assessed at high protection risk (assessment 1)||tester
protection|person $C-02 cleared of high protection risk (assessment 1)|return to Abuja, away from the home area; agreed with the person|protection
state|counselled -> assessed||tester
state|assessed -> eligible||tester
health|fitness to travel of $C-01 at $at by Dr N. Haddad: fit||tester
health|fitness to travel of $C-02 at $at by Dr N. Haddad: fit||tester
state|eligible -> travel_ready||tester
state|travel_ready -> booked|on UZ 8401 ($M), MJI -> LOS|tester
state|booked -> departed|departed on UZ 8401 ($M)|tester
state|departed -> arrived||tester
state|arrived -> reintegration|cash grant and business start-up support|tester
state|reintegration -> closed||tester
EOT
expect_same_file want.txt history.txt

# What is recorded, read back through the commands' --json (the grounds,
# which no command shows, from the database).
expect_status 0 "$CORRIDOR" counsel list "$C" --json --db w.db
[ "$(stdout | jq -c '[.sessions[] | [.no, .counsellor, .language, .interpreter, .decision, .asylum_wish, .notes, .recorded_by]]')" = \
	'[[1,"Amal Haddad","ar",true,"yes",false,"explained the return, the reintegration package and the right to seek asylum","tester"]]' ] ||
	fail "counselling: $(stdout)"
expect_status 0 "$CORRIDOR" protection show "$C" --json --db w.db
[ "$(stdout | jq -c '[.persons[] | [.person, .latest.level, .latest.assessed_by, .latest.cleared.by, .latest.cleared.reason, .blocks_return]]')" = \
	'[["'"$C-01"'","low","tester",null,null,false],["'"$C-02"'","high","tester","protection","return to Abuja, away from the home area; agreed with the person",false]]' ] ||
	fail "protection: $(stdout)"
expect_status 0 "$CORRIDOR" referral list "$C" --json --db w.db
[ "$(stdout | jq -c '[.open, (.referrals | length)]')" = '[0,0]' ] || fail "no referral was asked for: $(stdout)"
# sql: no --json shows the grounds of a protection assessment yet
[ "$(sql w.db "SELECT p.seq, a.level, a.grounds, a.assessed_by FROM protection_assessment a
 JOIN person p ON p.id = a.person_id ORDER BY a.id")" = "1|low|no known threat in Lagos State|tester
2|high|family feud in the home area|tester" ] || fail "assessments: $(sql w.db 'SELECT * FROM protection_assessment')"
# The database's own integrity (about the file, not a result).
[ "$(sql w.db 'PRAGMA foreign_key_check')" = "" ] || fail "foreign keys broken"

# case show tells the same story, and the case is closed for good.
expect_status 0 "$CORRIDOR" case show "$C" --db w.db
expect_stdout_contains "  state        closed"
expect_stdout_contains "tester       state      arrived -> reintegration: cash grant and business start-up support"
expect_stdout_contains "protection   protection person $C-02 cleared of high protection risk (assessment 1): return to Abuja"
db_dump w.db >before.sql
expect_status 1 "$CORRIDOR" move "$C" registered --db w.db
expect_stderr "error: case '$C' is 'closed'; it cannot go to 'registered' (next: none)"
expect_empty_stdout
db_dump w.db >after.sql
expect_same_file before.sql after.sql
pass
