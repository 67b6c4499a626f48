#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Time that makes sense, on the injected clock (CORRIDOR_NOW): a movement
# is added ahead of its first departure unless recorded as history; it
# departs no earlier than its schedule less departure.early_minutes (rules,
# 180 by default) and arrives no earlier than it departed; a case's arrival
# is not dated before it departed, nor a follow-up visit before the
# arrival, nor anything after now. Each refusal names the times and
# changes nothing.
. "$(dirname "$0")/lib.sh"

at() { export CORRIDOR_NOW=$1; }
at 2026-11-25T12:00:00Z
fixture mv-hev.csv
new_db w.db
expect_status 0 "$CORRIDOR" import mv-hev.csv --db w.db
for p in 000001-01 000001-02 000002-01; do
	expect_status 0 "$CORRIDOR" health check "SD-PZU-2026-$p" --outcome fit --db w.db
done
C1=SD-PZU-2026-000001 C2=SD-PZU-2026-000002
M1=SD-PZU-MV-2026-0001 M2=SD-PZU-MV-2026-0002

refused()
{
	local want=$1
	shift
	db_dump w.db >before.sql
	expect_status 1 "$CORRIDOR" "$@" --db w.db
	expect_stderr "$want"
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}

# Planned ahead, or recorded as history.
past="from=PZU,to=CAI,departs=2026-11-24T07:00Z,arrives=2026-11-24T09:00Z,seats=3"
refused "error: leg 1 departs 2026-11-24T07:00Z, before now (2026-11-25T12:00Z): a movement is planned ahead; one that already left is recorded as history" \
	movement add --office SD-PZU --kind charter --label "MS 700" --leg "$past"
expect_status 0 "$CORRIDOR" movement add --office SD-PZU --kind charter --label "MS 801" --open \
	--leg "from=PZU,to=CAI,departs=2026-11-26T07:00Z,arrives=2026-11-26T09:00Z,seats=3" --db w.db
expect_stdout "movement $M1 added (open)"
expect_status 0 "$CORRIDOR" movement add --office SD-PZU --kind charter --label "MS 700" --history \
	--leg "$past" --db w.db
expect_stdout "movement $M2 added (planned)"
expect_status 0 "$CORRIDOR" movement book "$M1" "$C1" --db w.db
expect_status 0 "$CORRIDOR" movement book "$M1" "$C2" --db w.db
expect_status 0 "$CORRIDOR" movement close "$M1" --db w.db

# Departing: not before 04:00, three hours ahead of the 07:00 schedule.
refused "error: movement '$M1' (MS 801) is scheduled to depart at 2026-11-26T07:00Z: it can be recorded as departed from 2026-11-26T04:00Z (180 minutes before), not at 2026-11-25T12:00:00Z" \
	movement depart "$M1"
at 2026-11-26T03:59:00Z
refused "error: movement '$M1' (MS 801) is scheduled to depart at 2026-11-26T07:00Z: it can be recorded as departed from 2026-11-26T04:00Z (180 minutes before), not at 2026-11-26T03:59:00Z" \
	movement depart "$M1"
# The rules set the tolerance: a day ahead is then allowed.
printf 'departure.early_minutes = 1440\n' >early.conf
expect_status 0 "$CORRIDOR" rules set early.conf --db w.db
printf 'departure.early_minutes = 1441\n' >bad.conf
refused "error: bad.conf:1: 'departure.early_minutes' must be a whole number of minutes from 0 to 1440, not '1441'" \
	rules set bad.conf
at 2026-11-26T05:00:00Z
expect_status 0 "$CORRIDOR" movement depart "$M1" --db w.db
expect_stdout "movement $M1: closed -> departed; 2 cases departed"

# Arriving: not before the departure.
at 2026-11-26T04:59:00Z
refused "error: movement '$M1' (MS 801) departed at 2026-11-26T05:00Z: it cannot arrive before, at 2026-11-26T04:59:00Z" \
	movement arrive "$M1"
# A case's arrival: not before it departed, not in the future.
at 2026-11-26T09:30:00Z
refused "error: '2026-11-26T04:30Z' is before case '$C1' departed (2026-11-26T05:00:00Z)" \
	arrival "$C1" --place CAI --at 2026-11-26T04:30Z
refused "error: '2026-11-26T10:00Z' is in the future" \
	arrival "$C1" --place CAI --at 2026-11-26T10:00Z
expect_status 0 "$CORRIDOR" arrival "$C1" --place CAI --at 2026-11-26T09:10Z --db w.db
[ "$(jv .arrival.at support show "$C1" --db w.db)" = 2026-11-26T09:10:00Z ] || fail "arrival: $(cat "$WORK/.jv.stdout")"

# A follow-up visit: not before the arrival, not in the future (a return,
# imported travel_ready with its session and assessment, that left on a
# charter of its own at six that morning: evacuations have no support).
head -n 1 mv-hev.csv >vhr.csv
echo "LY-TIP-2026-000007,VHR,LY-TIP,LBY,NGA,travel_ready,normal,2026-01-08,1,principal,ADEBAYO,Tunde,,,M,1990-05-01,0,NGA,en,,passport,A1000007,NGA,2033-01-01,Amal Haddad,en,0,yes,none" >>vhr.csv
R=LY-TIP-2026-000007
at 2026-11-26T06:00:00Z
expect_status 0 "$CORRIDOR" import vhr.csv --db w.db
fit_now w.db "$R"
travel w.db departed "from=MJI,to=LOS" "$R"
at 2026-11-26T09:30:00Z
expect_status 0 "$CORRIDOR" arrival "$R" --place LOS --at 2026-11-26T09:10Z --db w.db
at 2026-12-10T10:00:00Z
expect_status 0 "$CORRIDOR" support plan "$R" --kind cash --description "reinstallation grant" --db w.db
refused "error: 2026-11-25 is before case '$R' arrived (2026-11-26)" \
	support visit "$R" --by "A. Idris" --finding "settled" --on 2026-11-25
refused "error: '2026-12-11' is in the future" \
	support visit "$R" --by "A. Idris" --finding "settled" --on 2026-12-11
expect_status 0 "$CORRIDOR" support visit "$R" --by "A. Idris" --finding "settled" --on 2026-11-26 --db w.db
pass
