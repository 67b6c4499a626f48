#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Boarding where people are: assembly points (location add|list), which
# locations reach which places (place reach|reaches), a case's location
# (case register --location, case locate, case show); the planner boards a
# case only at a place its location reaches, or where a domestic leg of the
# same movement takes it (a Tripoli case never boards in Benghazi), leaves
# out a case that can get to no boarding point (no_reach), and a booking by
# hand is refused by the same rule. Every refusal leaves the data unchanged.
. "$(dirname "$0")/lib.sh"

fixture mv-plan.csv
new_db w.db
expect_status 0 "$CORRIDOR" import mv-plan.csv --db w.db
at=$(date -u -d '-1 hour' +%Y-%m-%dT%H:%MZ)
for c in 1 2 3 5; do
	expect_status 0 "$CORRIDOR" counsel "LY-TIP-2026-00000$c" --counsellor "Amal Haddad" --language en \
		--decision yes --db w.db
done
for p in 1-01 1-02 2-01 2-02 3-01 5-01; do
	expect_status 0 "$CORRIDOR" protection assess "LY-TIP-2026-00000$p" --level low --grounds "no known threat" --db w.db
	expect_status 0 "$CORRIDOR" health check "LY-TIP-2026-00000$p" --outcome fit --at "$at" --db w.db
done
for c in 1 2 3 5; do
	expect_status 0 "$CORRIDOR" move "LY-TIP-2026-00000$c" travel_ready --db w.db
done
C1=LY-TIP-2026-000001 C2=LY-TIP-2026-000002 C3=LY-TIP-2026-000003 C5=LY-TIP-2026-000005

# The day's midnight (UTC): the dates below then never depend on the hour
# the test runs at (the transfer leg, a day and three hours on, leaves the
# day before the charter two days on).
now=$(date -u +%Y-%m-%dT00:00Z)
t() { date -u -d "${now%Z} UTC $1" +%Y-%m-%dT%H:%MZ; }
d1=$(t '+1 day') d2=$(t '+2 days') d3=$(t '+1 day 3 hours')
Y=${d1:0:4}
M1=LY-TIP-MV-$Y-0001 M2=LY-TIP-MV-$Y-0002 M3=LY-TIP-MV-$Y-0003
# From Benghazi tomorrow, from Tripoli the day after.
expect_status 0 "$CORRIDOR" movement add --office LY-TIP --kind charter --label "UZ 8401" --open \
	--leg "from=BEN,to=LOS,departs=$d1,arrives=$(t '+1 day 5 hours'),seats=10" --db w.db
expect_status 0 "$CORRIDOR" movement add --office LY-TIP --kind charter --label "UZ 8403" --open \
	--leg "from=MJI,to=LOS,departs=$d2,arrives=$(t '+2 days 5 hours'),seats=10" --db w.db

# With no reach recorded a case boards anywhere in its country: all on
# the earlier movement, from Benghazi.
expect_status 0 "$CORRIDOR" plan --dry-run --now "$now" --json --db w.db
[ "$(jq -r '.movements | map(.ref + ":" + (.travellers | map(.case + "@" + .board) | join(","))) | join(" ")' \
	"$WORK/.stdout")" = "$M1:$C1@BEN,$C2@BEN,$C3@BEN,$C5@BEN $M2:" ] || fail "unrestricted: $(cat "$WORK/.stdout")"

# Refusals, each with its message and nothing changed.
refused()
{
	db_dump w.db >before.sql
	expect_status "$1" "${@:3}"
	[ "$(head -n 1 "$WORK/.stderr")" = "$2" ] || fail "stderr does not start with: $2 ($(head -n 2 "$WORK/.stderr"))"
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}
refused 1 "error: 'LY-TIP' is not an assembly point's code: 7 to 16 capital letters, digits and '-' (LY-TIP-DC01)" \
	"$CORRIDOR" location add LY-TIP --kind town --country LBY --name Tripoli --db w.db
refused 1 "error: 'ly-seb-tc01' is not an assembly point's code: 7 to 16 capital letters, digits and '-' (LY-TIP-DC01)" \
	"$CORRIDOR" location add ly-seb-tc01 --kind town --country LBY --name Sabha --db w.db
refused 2 "corridor location: --kind: one of detention, town, transit" \
	"$CORRIDOR" location add LY-SEB-TC01 --kind office --country LBY --name Sabha --db w.db
refused 1 "error: 'LBA' is not an ISO 3166-1 alpha-3 code" \
	"$CORRIDOR" location add LY-SEB-TC01 --kind transit --country LBA --name Sabha --db w.db
refused 2 "corridor location: give --country and --name" \
	"$CORRIDOR" location add LY-SEB-TC01 --kind transit --country LBY --db w.db

expect_status 0 "$CORRIDOR" location add LY-SEB-TC01 --kind transit --country LBY --name "Sabha transit centre" --db w.db
expect_stdout "location LY-SEB-TC01 added"
expect_status 0 "$CORRIDOR" location add LY-TIP-DC01 --kind detention --country LBY --name "Tariq al-Sikka" --db w.db
refused 1 "error: location 'LY-SEB-TC01' already exists" \
	"$CORRIDOR" location add LY-SEB-TC01 --kind town --country LBY --name Sabha --db w.db
[ "$(jv '.locations | map(.code + "|" + .kind + "|" + .country + "|" + .name) | join(",")' location list --db w.db)" = \
	"LY-SEB-TC01|transit|LBY|Sabha transit centre,LY-TIP-DC01|detention|LBY|Tariq al-Sikka" ] ||
	fail "location list: $(cat "$WORK/.jv.stdout")"

# Reach: Tripoli and its detention centre reach Mitiga by road, Benghazi
# its airport, Sabha its own.
expect_status 0 "$CORRIDOR" place reach MJI LY-TIP --by road --hours 1 --db w.db
expect_stdout "LY-TIP reaches MJI by road in 1 h"
expect_status 0 "$CORRIDOR" place reach MJI LY-TIP-DC01 --by road --hours 2 --db w.db
expect_status 0 "$CORRIDOR" place reach BEN LY-BEN --by road --db w.db
expect_status 0 "$CORRIDOR" place reach SEB LY-SEB-TC01 --by road --hours 9 --db w.db
# Changed: by a domestic flight of its own.
expect_status 0 "$CORRIDOR" place reach SEB LY-SEB-TC01 --by leg --hours 2 --db w.db
expect_stdout "LY-SEB-TC01 reaches SEB by a domestic leg in 2 h"
refused 1 "error: LY-TIP (Tripoli) is in LBY and NIM (Niamey) in NER: a location reaches places of its own country" \
	"$CORRIDOR" place reach NIM LY-TIP --by road --db w.db
refused 1 "error: no place 'XYZ'" "$CORRIDOR" place reach XYZ LY-TIP --by road --db w.db
refused 1 "error: no location 'LY-XXX-TC01' (an office or an assembly point: 'corridor location list')" \
	"$CORRIDOR" place reach MJI LY-XXX-TC01 --by road --db w.db
refused 2 "corridor place: --by: road or leg (a domestic leg), or --remove" \
	"$CORRIDOR" place reach MJI LY-TIP --by air --db w.db
refused 2 "corridor place: --hours: '1000' is not a whole number from 0 to 999" \
	"$CORRIDOR" place reach MJI LY-TIP --by road --hours 1000 --db w.db
refused 1 "error: no reach of BEN from LY-TIP is recorded" "$CORRIDOR" place reach BEN LY-TIP --remove --db w.db
expect_status 0 "$CORRIDOR" place reaches --db w.db
expect_stdout "LY-BEN            BEN    road  0 h
LY-SEB-TC01       SEB    leg   2 h
LY-TIP            MJI    road  1 h
LY-TIP-DC01       MJI    road  2 h
4 reaches recorded"
[ "$(jv '.reach | map(.location + ">" + .place + ":" + .mode + ":" + (.hours | tostring)) | join(",")' \
	place reaches --location LY-TIP --db w.db)" = "LY-TIP>MJI:road:1" ] || fail "reaches --location: $(cat "$WORK/.jv.stdout")"

# Where the cases are: one moved to Benghazi, one to Sabha.
refused 2 "corridor case: --reason: say why the case is somewhere else" "$CORRIDOR" case locate "$C3" LY-BEN --db w.db
refused 1 "error: case '$C3' is in LBY (its origin); NE-AJY (Agadez) is in NER" \
	"$CORRIDOR" case locate "$C3" NE-AJY --reason "moved" --db w.db
refused 1 "error: no location 'LY-NOWHERE' (an office or an assembly point: 'corridor location list')" \
	"$CORRIDOR" case locate "$C3" LY-NOWHERE --reason "moved" --db w.db
refused 1 "error: no case 'LY-TIP-2026-000099'" "$CORRIDOR" case locate LY-TIP-2026-000099 LY-BEN --reason "moved" --db w.db
expect_status 0 "$CORRIDOR" case locate "$C3" LY-BEN --reason "went to family in Benghazi" --db w.db
expect_stdout "case $C3: at LY-BEN (was at LY-TIP)"
expect_status 0 "$CORRIDOR" case locate "$C5" LY-SEB-TC01 --reason "taken to Sabha" --json --db w.db
[ "$(jq -r '[.case, .from, .location] | join("|")' "$WORK/.stdout")" = "$C5|LY-TIP|LY-SEB-TC01" ] ||
	fail "locate --json: $(cat "$WORK/.stdout")"
[ "$(jv '.case.location' case show "$C5" --db w.db)" = LY-SEB-TC01 ] || fail "case show: location"
[ "$(jq -r '.history[-1] | [.action, .detail, .reason, .actor] | join("|")' "$WORK/.jv.stdout")" = \
	"located|at Sabha transit centre (LY-SEB-TC01), was at LY-TIP|taken to Sabha|tester" ] ||
	fail "the event: $(jq -c '.history[-1]' "$WORK/.jv.stdout")"
[ "$(jv '.case.location' case show "$C1" --db w.db)" = LY-TIP ] || fail "at its office"
expect_status 0 "$CORRIDOR" case show "$C5" --db w.db
expect_stdout_contains "  location     LY-SEB-TC01"

# The plan: the Tripoli families wait for the Tripoli movement, the
# Benghazi case takes the Benghazi one, the Sabha case can get to neither.
db_dump w.db >before.sql
expect_status 0 "$CORRIDOR" plan --dry-run --explain --now "$now" --db w.db
expect_empty_stderr
sed -E 's/; [0-9]+\.[0-9]{3} s$/; T s/' "$WORK/.stdout" >got.txt
cat >want.txt <<EOT
plan from $now for 14 days: 2 open movements, 4 candidate cases (6 persons), 0 bookings kept
placed 3 cases, 5 persons; priority-weighted persons 23; value 22995, bound 22995, gap 0.000% (optimal); T s
  $M1  UZ 8401    BEN-LOS              $d1  1 case, 1 person + 0 escorts (10 seats)
    $C3   1 person   BEN    -              added
  $M2  UZ 8403    MJI-LOS              $d2  2 cases, 4 persons + 0 escorts (10 seats)
    $C1   2 persons  MJI    -              added
    $C2   2 persons  MJI    -              added
left out: 1 case (1 person); not eligible today: 0 travel-ready cases
  $C5   1 person   normal     at Sabha transit centre (LY-SEB-TC01): no movement from LBY to NGA boards where it can get to (UZ 8401 boards at BEN)
dry run: nothing written
EOT
expect_same_file want.txt got.txt
db_dump w.db >after.sql
expect_same_file before.sql after.sql
expect_status 0 "$CORRIDOR" plan --dry-run --now "$now" --json --db w.db
[ "$(jq -r '.left_out | map(.case + ":" + .why) | join(",")' "$WORK/.stdout")" = "$C5:no_reach" ] ||
	fail "no_reach: $(jq -c .left_out "$WORK/.stdout")"
[ "$(jq -c '.movements[1].travellers[0]' "$WORK/.stdout")" = \
	"{\"case\":\"$C1\",\"persons\":2,\"board\":\"MJI\",\"ssr\":[],\"change\":\"added\",\"from\":null}" ] ||
	fail "travellers: $(jq -c '.movements[1].travellers' "$WORK/.stdout")"

# A booking by hand keeps the same rule.
refused 1 "error: case '$C1' is at Tripoli (LY-TIP); no road or transfer leg reaches BEN, where movement '$M1' (UZ 8401) boards in LBY" \
	"$CORRIDOR" movement book "$M1" "$C1" --db w.db
refused 1 "error: case '$C5' is at Sabha transit centre (LY-SEB-TC01); no road or transfer leg reaches MJI, where movement '$M2' (UZ 8403) boards in LBY" \
	"$CORRIDOR" movement standby "$M2" "$C5" --db w.db
expect_status 0 "$CORRIDOR" movement book "$M1" "$C3" --db w.db

# A movement with a domestic transfer leg: Tripoli to Benghazi, then on.
# The Tripoli families board it at Mitiga (earlier than UZ 8403), the
# Benghazi case stays on its booking, boarding at Benghazi.
expect_status 0 "$CORRIDOR" movement add --office LY-TIP --kind charter --label "UZ 8405" --open \
	--leg "from=MJI,to=BEN,departs=$d3,arrives=$(t '+1 day 4 hours'),seats=4" \
	--leg "from=BEN,to=LOS,departs=$(t '+1 day 5 hours'),arrives=$(t '+1 day 10 hours'),seats=5" --db w.db
expect_status 0 "$CORRIDOR" plan --dry-run --now "$now" --db w.db
grep '^    ' "$WORK/.stdout" >got.txt
cat >want.txt <<EOT
    $C3   1 person   BEN    -              kept
    $C1   2 persons  MJI    -              added
    $C2   2 persons  MJI    -              added
EOT
expect_same_file want.txt got.txt
# Written, then a replan with the transfer leg full: the change is listed.
expect_status 0 "$CORRIDOR" plan --now "$now" --db w.db
[ "$(tail -n 1 "$WORK/.stdout")" = "written: 2 cases booked" ] || fail "written: $(cat "$WORK/.stdout")"
[ "$(jv '.bookings | map(.case + "@" + .board + ">" + .alight) | join(",")' movement show "$M3" --db w.db)" = \
	"$C1@MJI>LOS,$C2@MJI>LOS" ] || fail "boarding written: $(cat "$WORK/.jv.stdout")"
# The Sabha case now at the detention centre in Tripoli: it boards at MJI,
# on the seats of a family that can travel only from the day after.
expect_status 0 "$CORRIDOR" case locate "$C5" LY-TIP-DC01 --reason "brought to Tripoli" --db w.db
expect_status 0 "$CORRIDOR" case available "$C2" --on "${d2:0:10}" --db w.db
expect_status 0 "$CORRIDOR" plan --dry-run --replan --now "$now" --json --db w.db
[ "$(jq -r '[.movements[] | .ref as $m | .travellers[] | $m + ":" + .case + "@" + .board + ":" + .change] | join(",")' \
	"$WORK/.stdout")" = "$M1:$C3@BEN:kept,$M3:$C5@MJI:added,$M3:$C1@MJI:kept,$M2:$C2@MJI:moved" ] ||
	fail "replan: $(jq -c '[.movements[] | .travellers]' "$WORK/.stdout")"
[ "$(jq -r '.movements[2].travellers[0].from, (.removed | length)' "$WORK/.stdout" | paste -sd,)" = "$M3,0" ] ||
	fail "moved from: $(cat "$WORK/.stdout")"
# Back at its office: a location that is an office is its own.
expect_status 0 "$CORRIDOR" case locate "$C5" LY-TIP --reason "released" --db w.db
[ "$(jv '.case.location' case show "$C5" --db w.db)" = LY-TIP ] || fail "back at its office"
expect_status 0 "$CORRIDOR" place reach MJI LY-TIP-DC01 --remove --db w.db
expect_stdout "LY-TIP-DC01 no longer reaches MJI"
pass
