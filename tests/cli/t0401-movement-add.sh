#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor movement add, list and show: one-leg and two-leg movements of
# each kind, references numbered per office and year of first departure,
# times shown in each place's local time with its offset, the list's
# filters; every bad value refused before anything is written, naming the
# leg and the field, the database unchanged.
. "$(dirname "$0")/lib.sh"

# Its movements leave in early December 2026: the clock stands before.
export CORRIDOR_NOW=2026-11-20T12:00:00Z

new_db w.db

refused()
{
	local want_status=$1 want=$2
	shift 2
	db_dump w.db >before.sql
	expect_status "$want_status" "$@"
	[ "$(head -n 1 "$WORK/.stderr")" = "$want" ] || fail "stderr does not start with: $want"
	if [ "$want_status" = 2 ]; then
		expect_stderr_contains "see 'corridor movement --help'"
	else
		expect_stderr "$want"
	fi
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}
added()
{
	local want=$1
	shift
	expect_status 0 "$CORRIDOR" movement add "$@" --db w.db
	expect_stdout "$want"
	expect_empty_stderr
}

# Two legs, Mitiga - Addis Ababa - Lagos, open; the second with its own number.
added "movement LY-TIP-MV-2026-0001 added (open)" --office LY-TIP --kind charter --label "ET 3412" \
	--carrier ET --escort-seats 2 --open \
	--leg from=MJI,to=ADD,departs=2026-12-01T07:00Z,arrives=2026-12-01T11:10Z,seats=180,stretchers=2,wchc=2,wchs=4 \
	--leg from=ADD,to=LOS,departs=2026-12-01T13:00Z,arrives=2026-12-01T17:30Z,seats=150,number=ET911
# One leg each; planned unless --open.
added "movement LY-TIP-MV-2026-0002 added (planned)" --office LY-TIP --kind scheduled --label "UZ 8401" \
	--carrier UZ --leg from=MJI,to=LOS,departs=2026-12-03T07:00Z,arrives=2026-12-03T12:10Z,seats=20
added "movement LY-TIP-MV-2027-0001 added (planned)" --office LY-TIP --kind vessel --label "MV Amal" \
	--leg from=LYTIP,to=ITAUG,departs=2027-01-03T07:00Z,arrives=2027-01-04T12:10Z,seats=300
added "movement YE-ADE-MV-2026-0001 added (open)" --office YE-ADE --kind vessel --label "MV Sea Star" \
	--escort-seats 1 --open --leg from=YEADE,to=DJJIB,departs=2026-12-05T18:00Z,arrives=2026-12-06T06:00Z,seats=120
added "movement LY-TIP-MV-2026-0003 added (planned)" --office LY-TIP --kind convoy --label "Convoy 7" \
	--leg from=LYSEB,to=NEAJY,departs=2026-12-10T05:00Z,arrives=2026-12-12T15:00Z,seats=40

expect_status 0 "$CORRIDOR" movement list --db w.db
expect_stdout "LY-TIP-MV-2026-0001  open      charter    ET 3412      MJI-ADD-LOS              2026-12-01 09:00 +02:00  0 cases, 0 persons, 150 free
LY-TIP-MV-2026-0002  planned   scheduled  UZ 8401      MJI-LOS                  2026-12-03 09:00 +02:00  0 cases, 0 persons, 20 free
YE-ADE-MV-2026-0001  open      vessel     MV Sea Star  YEADE-DJJIB              2026-12-05 21:00 +03:00  0 cases, 0 persons, 120 free
LY-TIP-MV-2026-0003  planned   convoy     Convoy 7     LYSEB-NEAJY              2026-12-10 07:00 +02:00  0 cases, 0 persons, 40 free
LY-TIP-MV-2027-0001  planned   vessel     MV Amal      LYTIP-ITAUG              2027-01-03 09:00 +02:00  0 cases, 0 persons, 300 free
5 movements"
expect_status 0 "$CORRIDOR" movement list --state open --office YE-ADE --db w.db
expect_stdout "YE-ADE-MV-2026-0001  open      vessel     MV Sea Star  YEADE-DJJIB              2026-12-05 21:00 +03:00  0 cases, 0 persons, 120 free
1 movement"
# --to is through that day.
expect_status 0 "$CORRIDOR" movement list --from 2026-12-02 --to 2026-12-05 --db w.db
expect_stdout "LY-TIP-MV-2026-0002  planned   scheduled  UZ 8401      MJI-LOS                  2026-12-03 09:00 +02:00  0 cases, 0 persons, 20 free
YE-ADE-MV-2026-0001  open      vessel     MV Sea Star  YEADE-DJJIB              2026-12-05 21:00 +03:00  0 cases, 0 persons, 120 free
2 movements"
expect_status 0 "$CORRIDOR" movement list --state cancelled --db w.db
expect_stdout "0 movements"

expect_status 0 "$CORRIDOR" movement show LY-TIP-MV-2026-0001 --db w.db
expect_empty_stderr
stdout | sed -E 's/^  20[0-9-]{8}T[0-9:]{8}Z  /  AT  /' >show.txt
cat >want.txt <<'EOT'
LY-TIP-MV-2026-0001  charter ET 3412 carrier ET, open, office LY-TIP, 2 escort seats
  leg 1     ET3412 MJI -> ADD  departs 2026-12-01 09:00 +02:00 (2026-12-01T07:00Z), arrives 2026-12-01 14:10 +03:00 (2026-12-01T11:10Z)
            seats 180, stretchers 2, WCHC 2, WCHS 4
  leg 2     ET911 ADD -> LOS  departs 2026-12-01 16:00 +03:00 (2026-12-01T13:00Z), arrives 2026-12-01 18:30 +01:00 (2026-12-01T17:30Z)
            seats 150, stretchers 0, WCHC 0, WCHS 0
bookings
history
  AT  created    charter ET 3412 MJI -> LOS, 2 legs, open  (tester)
EOT
expect_same_file want.txt show.txt
# A vessel's number is its label without spaces.
expect_status 0 "$CORRIDOR" movement show YE-ADE-MV-2026-0001 --db w.db
expect_stdout_contains "YE-ADE-MV-2026-0001  vessel MV Sea Star, open, office YE-ADE, 1 escort seat"
expect_stdout_contains "  leg 1     MVSeaStar YEADE -> DJJIB  departs 2026-12-05 21:00 +03:00 (2026-12-05T18:00Z), arrives 2026-12-06 09:00 +03:00 (2026-12-06T06:00Z)"
# Every movement, by first departure, as movement list --json gives them.
[ "$(jv '.movements | map(.ref + ":" + .departs) | join(" ")' movement list --db w.db)" = \
	"LY-TIP-MV-2026-0001:2026-12-01T07:00Z LY-TIP-MV-2026-0002:2026-12-03T07:00Z YE-ADE-MV-2026-0001:2026-12-05T18:00Z LY-TIP-MV-2026-0003:2026-12-10T05:00Z LY-TIP-MV-2027-0001:2027-01-03T07:00Z" ] ||
	fail "movements: $(jq -c '.movements | map(.ref + ":" + .departs)' "$WORK/.jv.stdout")"
legs=0
for m in $(jv '.movements[].ref' movement list --db w.db); do
	legs=$((legs + $(jv '.legs | length' movement show "$m" --db w.db)))
done
[ "$legs" = 6 ] || fail "$legs legs, expected 6"

# Bad legs: status 2, naming the leg and the field.
A="--office LY-TIP --kind charter --label UZ8402"
G=departs=2026-12-01T07:00Z,arrives=2026-12-01T09:00Z
refused 2 "corridor movement: --leg 1: unknown key 'gate' (from, to, departs, arrives, seats, stretchers, wchc, wchs, number, carrier)" \
	"$CORRIDOR" movement add $A --leg from=MJI,to=LOS,$G,seats=10,gate=4 --db w.db
refused 2 "corridor movement: --leg 1: 'seats' is not KEY=VALUE" \
	"$CORRIDOR" movement add $A --leg from=MJI,to=LOS,$G,seats --db w.db
refused 2 "corridor movement: --leg 1: from: 'mji' is not an IATA airport code or a UN/LOCODE" \
	"$CORRIDOR" movement add $A --leg from=mji,to=LOS,$G,seats=10 --db w.db
refused 2 "corridor movement: --leg 2: departs: '2026-12-01 07:00' is not a UTC time (YYYY-MM-DDTHH:MMZ)" \
	"$CORRIDOR" movement add $A --leg from=MJI,to=ADD,$G,seats=10 \
	--leg "from=ADD,to=LOS,departs=2026-12-01 07:00,arrives=2026-12-01T12:00Z,seats=1" --db w.db
refused 2 "corridor movement: --leg 1: arrives: '2026-12-01T25:00Z' is not a UTC time (YYYY-MM-DDTHH:MMZ)" \
	"$CORRIDOR" movement add $A --leg from=MJI,to=LOS,departs=2026-12-01T07:00Z,arrives=2026-12-01T25:00Z,seats=1 --db w.db
refused 2 "corridor movement: --leg 1: seats: '0' is not a whole number from 1 to 9999" \
	"$CORRIDOR" movement add $A --leg from=MJI,to=LOS,$G,seats=0 --db w.db
refused 2 "corridor movement: --leg 1: wchc: '-1' is not a whole number from 0 to 9999" \
	"$CORRIDOR" movement add $A --leg from=MJI,to=LOS,$G,seats=1,wchc=-1 --db w.db
refused 2 "corridor movement: --leg 1: number: 'AB:1' must be 1 to 15 printable characters without ' + : ?" \
	"$CORRIDOR" movement add $A --leg from=MJI,to=LOS,$G,seats=1,number=AB:1 --db w.db
refused 2 "corridor movement: --leg 1: seats= is missing" \
	"$CORRIDOR" movement add $A --leg from=MJI,to=LOS,$G --db w.db
refused 2 "corridor movement: --leg 1: number: give number= (the label does not make one)" \
	"$CORRIDOR" movement add --office LY-TIP --kind charter --label "UZ:8401" --leg from=MJI,to=LOS,$G,seats=1 --db w.db
# Legs that do not make a journey: status 1, from the checks of movement.add.
refused 1 "error: leg 1: arrives 2026-12-01T06:00Z, not after it departs 2026-12-01T07:00Z" \
	"$CORRIDOR" movement add $A --leg from=MJI,to=LOS,departs=2026-12-01T07:00Z,arrives=2026-12-01T06:00Z,seats=1 --db w.db
refused 1 "error: leg 1: 3 special places (stretchers 2, WCHC 1, WCHS 0) for 2 seats" \
	"$CORRIDOR" movement add $A --leg from=MJI,to=LOS,departs=2026-12-01T07:00Z,arrives=2026-12-01T12:00Z,seats=2,stretchers=2,wchc=1 --db w.db
refused 1 "error: leg 1: leaves from and goes to MJI" \
	"$CORRIDOR" movement add $A --leg from=MJI,to=MJI,$G,seats=1 --db w.db
refused 1 "error: leg 2: leaves from LOS, but leg 1 goes to ADD" \
	"$CORRIDOR" movement add $A --leg from=MJI,to=ADD,$G,seats=1 \
	--leg from=LOS,to=ACC,departs=2026-12-01T10:00Z,arrives=2026-12-01T11:00Z,seats=1 --db w.db
refused 1 "error: leg 2: departs 2026-12-01T08:00Z before leg 1 arrives 2026-12-01T09:00Z" \
	"$CORRIDOR" movement add $A --leg from=MJI,to=ADD,$G,seats=1 \
	--leg from=ADD,to=LOS,departs=2026-12-01T08:00Z,arrives=2026-12-01T11:00Z,seats=1 --db w.db
refused 1 "error: leg 2: no place 'XYZ'" \
	"$CORRIDOR" movement add $A --leg from=MJI,to=ADD,$G,seats=1 \
	--leg from=ADD,to=XYZ,departs=2026-12-01T10:00Z,arrives=2026-12-01T11:00Z,seats=1 --db w.db
refused 1 "error: no office 'XX-YYY'" \
	"$CORRIDOR" movement add --office XX-YYY --kind charter --label X1 --leg from=MJI,to=LOS,$G,seats=1 --db w.db
# The other options.
L=from=MJI,to=LOS,$G,seats=1
refused 2 "corridor movement: --office: the office that runs it (e.g. LY-TIP)" \
	"$CORRIDOR" movement add --kind charter --label X1 --leg $L --db w.db
refused 2 "corridor movement: --kind: one of charter, scheduled, vessel, convoy" \
	"$CORRIDOR" movement add --office LY-TIP --label X1 --leg $L --db w.db
refused 2 "corridor movement: --kind: one of charter, scheduled, vessel, convoy" \
	"$CORRIDOR" movement add --office LY-TIP --kind plane --label X1 --leg $L --db w.db
refused 2 "corridor movement: --label: the name people use for it, such as \"ET 3412\" (1-23 bytes)" \
	"$CORRIDOR" movement add --office LY-TIP --kind charter --leg $L --db w.db
refused 2 "corridor movement: --leg: give at least one leg" "$CORRIDOR" movement add $A --db w.db
refused 1 "error: 'uz' is not an IATA airline designator" \
	"$CORRIDOR" movement add $A --carrier uz --leg $L --db w.db
refused 2 "corridor movement: --escort-seats: '100' is not a whole number from 0 to 99" \
	"$CORRIDOR" movement add $A --escort-seats 100 --leg $L --db w.db
refused 2 "corridor movement: --leg: at most 8 legs" \
	"$CORRIDOR" movement add $A --leg $L --leg $L --leg $L --leg $L --leg $L --leg $L --leg $L --leg $L --leg $L --db w.db
refused 2 "corridor movement: unexpected argument 'extra'" "$CORRIDOR" movement add $A --leg $L extra --db w.db
refused 2 "corridor movement: option '--leg' needs a value" "$CORRIDOR" movement add $A --db w.db --leg
refused 2 "corridor movement: --state: one of planned, open, closed, departed, arrived, cancelled" \
	"$CORRIDOR" movement list --state gone --db w.db
refused 2 "corridor movement: --from: '2026-13-01' is not a real date in the form YYYY-MM-DD" \
	"$CORRIDOR" movement list --from 2026-13-01 --db w.db
refused 2 "corridor movement: give one movement reference" "$CORRIDOR" movement show --db w.db
refused 1 "error: no movement 'LY-TIP-MV-2026-0099'" \
	"$CORRIDOR" movement show LY-TIP-MV-2026-0099 --db w.db

# A refused add takes no number: the next is still 0004.
added "movement LY-TIP-MV-2026-0004 added (planned)" $A --leg $L

# --json: the list and one movement as the API serves them, read with jq.
expect_status 0 "$CORRIDOR" movement list --state open --json --db w.db
expect_empty_stderr
[ "$(jq -r '.movements | map(.ref + "|" + (.route | join("-")) + "|" + .departs_local + "|" + (.seats_free | tostring)) | join(" ")' \
	"$WORK/.stdout")" = "LY-TIP-MV-2026-0001|MJI-ADD-LOS|2026-12-01 09:00 +02:00|150 YE-ADE-MV-2026-0001|YEADE-DJJIB|2026-12-05 21:00 +03:00|120" ] ||
	fail "list --json: $(cat "$WORK/.stdout")"
expect_status 0 "$CORRIDOR" movement show LY-TIP-MV-2026-0001 --json --db w.db
expect_empty_stderr
[ "$(jq -r '[.state, .carrier, (.escort_seats | tostring), (.legs | map(.number + ":" + .from + ">" + .to + "@" + .departs + ":" + (.stretchers | tostring)) | join(",")), (.bookings | length | tostring), .history[0].action] | join("|")' \
	"$WORK/.stdout")" = "open|ET|2|ET3412:MJI>ADD@2026-12-01T07:00Z:2,ET911:ADD>LOS@2026-12-01T13:00Z:0|0|created" ] ||
	fail "show --json: $(cat "$WORK/.stdout")"
expect_status 0 "$CORRIDOR" movement show YE-ADE-MV-2026-0001 --json --db w.db
[ "$(jq -r '.carrier' "$WORK/.stdout")" = null ] || fail "a vessel has no carrier: $(cat "$WORK/.stdout")"
expect_status 1 "$CORRIDOR" movement show LY-TIP-MV-2026-0099 --json --db w.db
expect_empty_stdout
[ "$(jq -r '[.error.code, .error.field, .error.message] | join("|")' "$WORK/.stderr")" = \
	"MOVEMENT_NOT_FOUND|movement|no movement 'LY-TIP-MV-2026-0099'" ] || fail "error: $(cat "$WORK/.stderr")"
expect_status 0 "$CORRIDOR" movement add $A --leg $L --json --db w.db
[ "$(jq -r '.ref + " " + .state' "$WORK/.stdout")" = "LY-TIP-MV-2026-0005 planned" ] ||
	fail "add --json: $(cat "$WORK/.stdout")"
pass
