#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor move along the other programmes' lifecycles: an evacuation with
# no counselling and a no-show rebooked, a resettlement case rejected after
# its interview, a relocation without interview, a stranded migrant closed
# on arrival; each refusal lists that programme's next states. Seats come
# from bookings on movements ('corridor movement book'); 'corridor move'
# out of booked takes the booking along. Then the workflow commands in
# 'corridor help'.
. "$(dirname "$0")/lib.sh"

cat >cases.csv <<'CSV'
case_id,programme,office,origin,destination,case_state,priority,registered_on,person_no,relationship,family_name_latin,given_names_latin,family_name,given_names,sex,birth_date,birth_date_approx,nationality,languages,specific_needs,doc_type,doc_number,doc_issuer,doc_expiry
SD-PZU-2026-000001,HEV,SD-PZU,SDN,EGY,registered,emergency,2026-01-08,1,principal,HASSAN,Omar,,,M,1980-02-02,0,EGY,ar,,,,,
LB-BEY-2026-000001,RST,LB-BEY,LBN,CAN,registered,urgent,2026-01-08,1,principal,AL-HASSAN,Fatima,,,F,1960-01-16,0,SYR,ar,,,,,
IT-ROM-2026-000001,REL,IT-ROM,ITA,DEU,registered,normal,2026-01-08,1,principal,HAILE,Senait,,,F,1992-09-09,0,ERI,ti,,,,,
NE-AJY-2026-000001,HASM,NE-AJY,NER,SEN,registered,normal,2026-01-08,1,principal,NDIAYE,Moussa,,,M,2001-04-04,0,SEN,wo;fr,,,,,
CSV
new_db w.db
expect_status 0 "$CORRIDOR" import cases.csv --db w.db

walk()
{
	local ref=$1 from=$2
	shift 2
	local to
	for to in "$@"; do
		case "$to" in
		*=*) expect_status 0 "$CORRIDOR" move "$ref" "${to%%=*}" --reason "${to#*=}" --db w.db; to=${to%%=*} ;;
		*) expect_status 0 "$CORRIDOR" move "$ref" "$to" --db w.db ;;
		esac
		expect_stdout "case $ref: $from -> $to"
		from=$to
	done
	[ "$(jv '.case.state' case show "$ref" --db w.db)" = "$from" ] || fail "$ref is not $from"
}
wrong()
{
	db_dump w.db >before.sql
	expect_status 1 "$CORRIDOR" move "$1" "$2" --db w.db
	expect_stderr "error: case '$1' is '$3'; it cannot go to '$2' (next: $4)"
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}
# refused_move REF STATE MESSAGE: a guard refuses, nothing changes.
refused_move()
{
	db_dump w.db >before.sql
	expect_status 1 "$CORRIDOR" move "$1" "$2" --db w.db
	expect_stderr "error: $3"
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}
# assess REF LEVEL: the protection risk of person 1 of case REF.
assess()
{
	expect_status 0 "$CORRIDOR" protection assess "$1-01" --level "$2" --grounds "no risk factors identified" --db w.db
}

# book REF MOVEMENT: a seat on a movement, travel_ready -> booked.
book()
{
	expect_status 0 "$CORRIDOR" movement book "$2" "$1" --db w.db
	expect_stdout "case $1 booked on $2"
	expect_empty_stderr
	[ "$(jv '.case.state' case show "$1" --db w.db)" = booked ] || fail "$1 is not booked"
}
# The bookings of case REF on every movement, as 'movement show' gives them
# (movement by movement, each in the order of its seat groups, oldest first),
# one JSON line each.
case_bookings()
{
	local m
	for m in $(jv '.movements[].ref' movement list --db w.db); do
		jv '.bookings[] | select(.case == "'"$1"'") | tojson' movement show "$m" --db w.db
	done
}
# bookings REF STATUSES: the statuses of a case's bookings, oldest first
# (a case here is booked on one movement only).
bookings()
{
	[ "$(case_bookings "$1" | jq -rs 'map(.status) | join(",")')" = "$2" ] ||
		fail "bookings of $1: $(case_bookings "$1"), expected the statuses $2"
}

# One open movement per route, leaving tomorrow (fitness to travel holds 72
# hours).
dep=$(date -u -d '+1 day' +%Y-%m-%dT%H:%MZ)
arr=$(date -u -d '+1 day 4 hours' +%Y-%m-%dT%H:%MZ)
Y=${dep:0:4}
movement()
{
	expect_status 0 "$CORRIDOR" movement add --office "$1" --kind charter --label "$2" --open \
		--leg "from=$3,to=$4,departs=$dep,arrives=$arr,seats=50" --db w.db
	expect_stdout "movement $1-MV-$Y-0001 added (open)"
}
movement SD-PZU "MS 8801" PZU CAI
movement IT-ROM "AZ 0400" FCO FRA
movement NE-AJY "ZS 7001" NIM DSS

# What travel-ready asks of each programme's person (the eligibility
# criteria): a travel document and fitness to travel within 72 hours.
ready()
{
	expect_status 0 "$CORRIDOR" document add "$1-01" --kind "$2" --number "$3" --issuer "$4" \
		--expires 2035-01-01 --db w.db
	expect_status 0 "$CORRIDOR" health check "$1-01" --outcome fit --db w.db
}

# HEV: no counselling; a no-show rebooked.
wrong SD-PZU-2026-000001 counselled registered "assessed, ineligible, on_hold, closed"
ready SD-PZU-2026-000001 passport P1000001 EGY
# 'assessed' means assessed, in every programme.
refused_move SD-PZU-2026-000001 assessed "case 'SD-PZU-2026-000001' is 'registered'; it cannot go to 'assessed' before every person's protection risk is assessed (1 of 1 not assessed)"
assess SD-PZU-2026-000001 low
walk SD-PZU-2026-000001 registered assessed eligible travel_ready
# Booked only with a seat.
wrong_no_booking()
{
	db_dump w.db >before.sql
	expect_status 1 "$CORRIDOR" move "$1" booked --db w.db
	expect_stderr "error: case '$1' is 'travel_ready'; it cannot go to 'booked' without a seat on a movement: book it with 'corridor plan' or 'corridor movement book MOVEMENT CASE'"
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}
wrong_no_booking SD-PZU-2026-000001
book SD-PZU-2026-000001 SD-PZU-MV-$Y-0001
walk SD-PZU-2026-000001 booked "no_show=did not report to the departure point" travel_ready
bookings SD-PZU-2026-000001 no_show
# The no-show's booking is spent: a new seat is needed.
wrong_no_booking SD-PZU-2026-000001
book SD-PZU-2026-000001 SD-PZU-MV-$Y-0001
walk SD-PZU-2026-000001 booked departed
bookings SD-PZU-2026-000001 no_show,departed
wrong SD-PZU-2026-000001 closed departed "arrived"
walk SD-PZU-2026-000001 departed arrived closed

# RST: interviewed by the selection mission, then rejected. 'counselled'
# means a session is recorded, here too.
refused_move LB-BEY-2026-000001 counselled "case 'LB-BEY-2026-000001' is 'registered'; it cannot go to 'counselled' before a counselling session is recorded"
expect_status 0 "$CORRIDOR" counsel LB-BEY-2026-000001 --counsellor "Rima Saad" --language ar --decision yes --db w.db
assess LB-BEY-2026-000001 none
walk LB-BEY-2026-000001 registered counselled assessed eligible submitted
wrong LB-BEY-2026-000001 accepted submitted "interviewed, ineligible, on_hold, rejected, closed"
walk LB-BEY-2026-000001 submitted interviewed \
	"rejected=not accepted by the receiving state after the selection interview" closed

# REL: no interview; accepted, oriented, relocated.
expect_status 0 "$CORRIDOR" counsel IT-ROM-2026-000001 --counsellor "Senait Tesfaye" --language ti --decision yes --db w.db
assess IT-ROM-2026-000001 none
walk IT-ROM-2026-000001 registered counselled assessed eligible submitted
wrong IT-ROM-2026-000001 interviewed submitted "accepted, ineligible, on_hold, rejected, closed"
ready IT-ROM-2026-000001 passport E2000002 ERI
walk IT-ROM-2026-000001 submitted accepted orientation travel_ready
book IT-ROM-2026-000001 IT-ROM-MV-$Y-0001
walk IT-ROM-2026-000001 booked "travel_ready=flight cancelled by the airline"
bookings IT-ROM-2026-000001 cancelled
book IT-ROM-2026-000001 IT-ROM-MV-$Y-0001
walk IT-ROM-2026-000001 booked departed arrived
bookings IT-ROM-2026-000001 cancelled,departed
wrong IT-ROM-2026-000001 reintegration arrived "integration"
walk IT-ROM-2026-000001 arrived integration closed

# HASM: closed on arrival; going home, so counselled and assessed like a return.
expect_status 0 "$CORRIDOR" counsel NE-AJY-2026-000001 --counsellor "Awa Diop" --language wo --decision yes --db w.db
expect_status 0 "$CORRIDOR" protection assess NE-AJY-2026-000001-01 --level none --grounds "no risk factors identified" --db w.db
ready NE-AJY-2026-000001 etd S3000003 SEN
walk NE-AJY-2026-000001 registered counselled assessed eligible travel_ready
book NE-AJY-2026-000001 NE-AJY-MV-$Y-0001
walk NE-AJY-2026-000001 booked departed arrived
wrong NE-AJY-2026-000001 reintegration arrived "closed"
walk NE-AJY-2026-000001 arrived closed

# The histories of the four cases, in the order they were worked on above
# (so their events in the order they were recorded), one JSON event a line;
# and no other case.
[ "$(jv '[.cases[].ref] | sort | join(" ")' case list --limit 0 --db w.db)" = \
	"IT-ROM-2026-000001 LB-BEY-2026-000001 NE-AJY-2026-000001 SD-PZU-2026-000001" ] ||
	fail "cases: $(jv '[.cases[].ref] | join(" ")' case list --limit 0 --db w.db)"
for c in SD-PZU-2026-000001 LB-BEY-2026-000001 IT-ROM-2026-000001 NE-AJY-2026-000001; do
	jv '.history[] | tojson' case show "$c" --db w.db
done >events.json
# Every move is an event: 10 HEV, 7 RST, 14 REL, 8 HASM.
[ "$(jq -s 'map(select(.action == "state")) | length' events.json)" = 39 ] ||
	fail "$(jq -s 'map(select(.action == "state")) | length' events.json) state events"
# (a booking is the state event travel_ready -> booked, saying where).
reasons() { jq -r 'select((.reason // "") != "") | "\(.detail): \(.reason)"' events.json; }
[ "$(reasons)" = "travel_ready -> booked: on MS 8801 (SD-PZU-MV-$Y-0001), PZU -> CAI
booked -> no_show: did not report to the departure point
travel_ready -> booked: on MS 8801 (SD-PZU-MV-$Y-0001), PZU -> CAI
interviewed -> rejected: not accepted by the receiving state after the selection interview
travel_ready -> booked: on AZ 0400 (IT-ROM-MV-$Y-0001), FCO -> FRA
booked -> travel_ready: flight cancelled by the airline
travel_ready -> booked: on AZ 0400 (IT-ROM-MV-$Y-0001), FCO -> FRA
travel_ready -> booked: on ZS 7001 (NE-AJY-MV-$Y-0001), NIM -> DSS" ] || fail "reasons: $(reasons)"

# The commands and their usage.
expect_status 0 "$CORRIDOR" help
expect_stdout_contains "   move         move a case to another lifecycle state"
expect_stdout_contains "   counsel      record a counselling session and the informed decision"
expect_stdout_contains "   referral     list a case's referrals, or close one with its outcome"
expect_stdout_contains "   protection   assess a person's protection risk on return, clear a high one, or show them"
for c in move counsel referral protection; do
	expect_status 0 "$CORRIDOR" help "$c"
	expect_stdout_contains "usage: corridor $c "
	expect_status 0 "$CORRIDOR" "$c" --help
	expect_stdout_contains "usage: corridor $c "
done
expect_status 0 "$CORRIDOR" help move
expect_stdout "move a case to another lifecycle state

usage: corridor move CASE-ID STATE [--reason TEXT] [--json] [--db PATH]

STATE is one of: registered counselled assessed eligible ineligible on_hold
submitted interviewed accepted rejected orientation travel_ready booked
departed no_show arrived reintegration integration closed.
Which states may follow which, and on what condition, depends on the
programme: see docs/workflow.md. The move is recorded as done by
\$CORRIDOR_USER. --json prints what was done as one JSON document."
pass
