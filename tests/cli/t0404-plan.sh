#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor plan on a small caseload made travel-ready the way t0100 does,
# and two open movements: the dry run's exact output (value, bound,
# optimality, each movement's fill, why each case was left out), the plan
# written as bookings with their events, a second plan keeping them, a
# replan after a better movement opens, the LP model solved by glpsol to
# the same value, a time limit not reached, and bad options refused.
. "$(dirname "$0")/lib.sh"

fixture mv-plan.csv
new_db w.db
expect_status 0 "$CORRIDOR" import mv-plan.csv --db w.db
at=$(date -u -d '-1 hour' +%Y-%m-%dT%H:%MZ)
for c in 1 2 3 4 5 6; do
	expect_status 0 "$CORRIDOR" counsel "LY-TIP-2026-00000$c" --counsellor "Amal Haddad" --language en \
		--decision yes --db w.db
done
for p in 1-01 1-02 2-01 2-02 3-01 4-01 5-01 6-01; do
	expect_status 0 "$CORRIDOR" protection assess "LY-TIP-2026-00000$p" --level low --grounds "no known threat" --db w.db
	expect_status 0 "$CORRIDOR" health check "LY-TIP-2026-00000$p" --outcome fit --at "$at" --db w.db
done
for c in 1 2 3 4 5 6; do
	expect_status 0 "$CORRIDOR" move "LY-TIP-2026-00000$c" travel_ready --db w.db
done
# Found unfit since: travel-ready, but not eligible today.
expect_status 0 "$CORRIDOR" health check LY-TIP-2026-000006-01 --outcome unfit --db w.db

# The times, all from this minute: movements tomorrow and the day after.
now=$(date -u +%Y-%m-%dT%H:%MZ)
t() { date -u -d "${now%Z} UTC $1" +%Y-%m-%dT%H:%MZ; }
d1=$(t '+1 day') d2=$(t '+2 days') d3=$(t '+1 day 2 hours')
Y=${d1:0:4}
M1=LY-TIP-MV-$Y-0001 M2=LY-TIP-MV-$Y-0002 M3=LY-TIP-MV-$Y-0003
expect_status 0 "$CORRIDOR" movement add --office LY-TIP --kind charter --label "UZ 8401" --open \
	--leg "from=MJI,to=LOS,departs=$d1,arrives=$(t '+1 day 5 hours'),seats=3" --db w.db
expect_status 0 "$CORRIDOR" movement add --office LY-TIP --kind charter --label "UZ 8403" --open \
	--leg "from=MJI,to=LOS,departs=$d2,arrives=$(t '+2 days 5 hours'),seats=2" --db w.db

# Every case as CASE|STATE|MOVEMENT|BOOKING-STATUS, by case ID: one line
# per booking, or CASE|STATE|| for a case with none (case list and
# movement show --json).
cases_bookings()
{
	local m
	for m in $(jv '.movements[].ref' movement list --db w.db); do
		jv '.bookings[] | .case + "|" + .status' movement show "$m" --db w.db | sed "s/|/|$m|/"
	done >bookings.txt
	jv '.cases | sort_by(.ref) | .[] | .ref + "|" + .state' case list --limit 0 --db w.db |
		while IFS='|' read -r c st; do
			grep "^$c|" bookings.txt | sed "s/^$c|/$c|$st|/" | grep . || echo "$c|$st||"
		done
}
# Every case's history, one event a line as compact JSON.
case_events()
{
	local c
	for c in $(jv '.cases[].ref' case list --limit 0 --db w.db); do
		jv '.history[] | tojson' case show "$c" --db w.db
	done
}

# The output with the solving time masked, without the dry run's list of
# who goes on each movement (its lines are indented by four: t0420 checks
# them).
plan_out() { sed -E 's/; [0-9]+\.[0-9]{3} s$/; T s/' "$WORK/.stdout" | grep -v '^    '; }

# The dry run: urgent family first and earliest, then who fits.
db_dump w.db >before.sql
expect_status 0 "$CORRIDOR" plan --dry-run --explain --now "$now" --lp model.lp --db w.db
expect_empty_stderr
# The one left out for want of a seat: the seats went to other cases (of
# the same priority here, the message's wording is not checked).
plan_out | sed -E 's/(normal     seats on UZ 8401 and UZ 8403 went to ).*/\1CASES/' >got.txt
cat >want.txt <<EOT
plan from $now for 14 days: 2 open movements, 5 candidate cases (7 persons), 0 bookings kept
placed 3 cases, 5 persons; priority-weighted persons 23; value 22996, bound 22996, gap 0.000% (optimal); T s
  $M1  UZ 8401    MJI-LOS              $d1  2 cases, 3 persons + 0 escorts (3 seats)
  $M2  UZ 8403    MJI-LOS              $d2  1 case, 2 persons + 0 escorts (2 seats)
left out: 2 cases (2 persons); not eligible today: 1 travel-ready case
  LY-TIP-2026-000004   1 person   normal     no movement goes from LBY to GHA between ${d1:0:10} and ${d2:0:10}
  LY-TIP-2026-000005   1 person   normal     seats on UZ 8401 and UZ 8403 went to CASES
  LY-TIP-2026-000006   1 person   -          not eligible: UNFIT
dry run: nothing written
EOT
expect_same_file want.txt got.txt
db_dump w.db >after.sql
expect_same_file before.sql after.sql
# A time limit the search does not reach: the same plan, and no word of it.
expect_status 0 "$CORRIDOR" plan --dry-run --explain --now "$now" --time-limit 30 --db w.db
plan_out | sed -E 's/(normal     seats on UZ 8401 and UZ 8403 went to ).*/\1CASES/' >got.txt
expect_same_file want.txt got.txt

# --json: the same plan as the API serves it; the planning time is the
# context's clock (CORRIDOR_NOW) when --now is not given.
db_dump w.db >before.sql
CORRIDOR_NOW="${now%Z}:00Z" expect_status 0 "$CORRIDOR" plan --dry-run --json --db w.db
expect_empty_stderr
[ "$(jq -r '[.now, .dry_run, .candidates.cases, .placed.cases, .placed.persons, .value, .bound, .optimal,
	(.movements | map(.ref + ":" + (.persons | tostring) + ":" + (.cases | length | tostring)) | join(",")),
	(.left_out | map(.case + ":" + .why) | join(",")),
	(.not_eligible | map(.case + ":" + .why) | join(",")), .written] | map(tostring) | join("|")' "$WORK/.stdout")" = \
	"$now|true|5|3|5|22996|22996|true|$M1:3:2,$M2:2:1|LY-TIP-2026-000004:no_route,LY-TIP-2026-000005:seats_full|LY-TIP-2026-000006:not eligible: UNFIT|null" ] ||
	fail "plan --json: $(cat "$WORK/.stdout")"
db_dump w.db >after.sql
expect_same_file before.sql after.sql

# The model, solved by an exact solver: the same value.
expect_status 0 glpsol --lp model.lp -o solution.txt
grep -q '^Status:     INTEGER OPTIMAL$' solution.txt || fail "glpsol: $(head -n 8 solution.txt)"
[ "$(sed -nE 's/^Objective:  obj = ([0-9]+) \(MAXimum\)$/\1/p' solution.txt)" = 22996 ] ||
	fail "glpsol's objective: $(grep Objective solution.txt)"

# Written: the bookings and their events.
expect_status 0 "$CORRIDOR" plan --now "$now" --db w.db
expect_stdout_contains "placed 3 cases, 5 persons; priority-weighted persons 23; value 22996, bound 22996"
expect_stdout_contains "left out: 2 cases (2 persons); not eligible today: 1 travel-ready case (--explain says why)"
[ "$(tail -n 1 "$WORK/.stdout")" = "written: 3 cases booked" ] || fail "not written"
cases_bookings >got.txt
# Which of the two normal cases takes the last seat of the first movement
# is the solver's choice; the urgent family goes first.
grep -qx "LY-TIP-2026-000001|booked|$M1|booked" got.txt || fail "the urgent family: $(cat got.txt)"
[ "$(grep -c "|booked|$M1|booked" got.txt)" = 2 ] && [ "$(grep -c "|booked|$M2|booked" got.txt)" = 1 ] ||
	fail "bookings: $(cat got.txt)"
grep -qx "LY-TIP-2026-000004|travel_ready||" got.txt && grep -qx "LY-TIP-2026-000006|travel_ready||" got.txt ||
	fail "left out: $(cat got.txt)"
case_events >events.txt
[ "$(jq -s --arg r "on UZ 8401 ($M1), MJI -> LOS: planned" '[.[] | select(.action == "state" and
	.detail == "travel_ready -> booked" and .reason == $r and .actor == "tester")] | length' events.txt)" = 2 ] ||
	fail "events: $(jq -c 'select(.detail == "travel_ready -> booked") | [.detail, .reason, .actor]' events.txt)"
[ "$(jq -s --arg r "on UZ 8403 ($M2), MJI -> LOS: planned" '[.[] | select(.action == "state" and
	.detail == "travel_ready -> booked" and .reason == $r)] | length' events.txt)" = 1 ] || fail "event of $M2"

# A second plan keeps them and books nobody.
db_dump w.db >before.sql
expect_status 0 "$CORRIDOR" plan --now "$now" --db w.db
expect_stdout_contains "plan from $now for 14 days: 2 open movements, 5 candidate cases (7 persons), 3 bookings kept"
[ "$(tail -n 1 "$WORK/.stdout")" = "written: 0 cases booked" ] || fail "booked again"
db_dump w.db >after.sql
expect_same_file before.sql after.sql

# A bigger movement opens tomorrow; a replan moves the case of the day
# after to it, and finds a seat for the one left out.
expect_status 0 "$CORRIDOR" movement add --office LY-TIP --kind charter --label "UZ 8405" --open \
	--leg "from=MJI,to=LOS,departs=$d3,arrives=$(t '+1 day 6 hours'),seats=4" --db w.db
expect_status 0 "$CORRIDOR" plan --now "$now" --db w.db
[ "$(tail -n 1 "$WORK/.stdout")" = "written: 1 case booked" ] || fail "without --replan: $(tail -n 1 "$WORK/.stdout")"
expect_status 0 "$CORRIDOR" plan --replan --now "$now" --db w.db
expect_stdout_contains "plan from $now for 14 days: 3 open movements, 5 candidate cases (7 persons), 0 bookings kept"
[ "$(tail -n 1 "$WORK/.stdout")" = "written: 0 cases booked, 1 moved to another movement, 0 unbooked" ] ||
	fail "replan: $(tail -n 1 "$WORK/.stdout")"
[ "$(jv '[.bookings[] | select(.status == "booked")] | length' movement show "$M2" --db w.db)" = 0 ] ||
	fail "still on $M2: $(jq -c .bookings "$WORK/.jv.stdout")"
case_events >events.txt
[ "$(jq -s --arg d "moved from $M2 to UZ 8405 ($M3), MJI -> LOS" '[.[] | select(.action == "booking" and
	.detail == $d and .reason == "replanned")] | length' events.txt)" = 1 ] ||
	fail "move event: $(jq -c 'select(.action == "booking") | [.detail, .reason]' events.txt)"

# Bad options: status 2, the usage, nothing written.
refused()
{
	db_dump w.db >before.sql
	expect_status "$1" "${@:3}"
	[ "$(head -n 1 "$WORK/.stderr")" = "$2" ] || fail "stderr does not start with: $2"
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}
refused 2 "corridor plan: --horizon: '0' is not a whole number from 1 to 366" "$CORRIDOR" plan --horizon 0 --db w.db
refused 2 "corridor plan: --now: 'tomorrow' is not a UTC time (YYYY-MM-DDTHH:MMZ)" "$CORRIDOR" plan --now tomorrow --db w.db
refused 2 "corridor plan: --escort-ratio: '0' is not a whole number from 1 to 50" "$CORRIDOR" plan --escort-ratio 0 --db w.db
refused 2 "corridor plan: --time-limit: '0' is not a whole number from 1 to 86400" "$CORRIDOR" plan --time-limit 0 --db w.db
refused 2 "corridor plan: --time-limit: '86401' is not a whole number from 1 to 86400" "$CORRIDOR" plan --time-limit 86401 --db w.db
refused 2 "corridor plan: --time-limit: '1.5' is not a whole number from 1 to 86400" "$CORRIDOR" plan --time-limit 1.5 --db w.db
refused 2 "corridor plan: unexpected argument 'now'" "$CORRIDOR" plan now --db w.db
refused 2 "corridor plan: unknown option '--fast'" "$CORRIDOR" plan --fast --db w.db
# The rules in force decide: no rules file of its own any more.
refused 2 "corridor plan: unknown option '--config'" "$CORRIDOR" plan --config rules.conf --db w.db
refused 1 "error: cannot write the model to 'no/such/dir/m.lp'" "$CORRIDOR" plan --lp no/such/dir/m.lp --db w.db
pass
