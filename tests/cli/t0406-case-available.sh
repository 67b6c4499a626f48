#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor case available: the day a case can travel from, with its event;
# the planner puts it on no movement leaving earlier (and says why when
# none is left), a booking by hand is refused the same way, 'now' clears
# it; bad input refused with nothing changed.
. "$(dirname "$0")/lib.sh"

fixture mv-hev.csv
new_db w.db
expect_status 0 "$CORRIDOR" import mv-hev.csv --db w.db
# Only this one is fit to travel: the others are travel-ready but not eligible today.
C=SD-PZU-2026-000003
expect_status 0 "$CORRIDOR" health check "$C-01" --outcome fit --db w.db

now=$(date -u +%Y-%m-%dT%H:%MZ)
t() { date -u -d "${now%Z} UTC $1" +%Y-%m-%dT%H:%MZ; }
day() { date -u -d "${now%Z} UTC $1" +%F; }
d1=$(t '+1 day') d2=$(t '+2 days')
Y=${d1:0:4}
M1=SD-PZU-MV-$Y-0001 M2=SD-PZU-MV-$Y-0002
expect_status 0 "$CORRIDOR" movement add --office SD-PZU --kind charter --label "MS 801" --open \
	--leg "from=PZU,to=CAI,departs=$d1,arrives=$(t '+1 day 2 hours'),seats=1" --db w.db
expect_status 0 "$CORRIDOR" movement add --office SD-PZU --kind charter --label "MS 802" --open \
	--leg "from=PZU,to=CAI,departs=$d2,arrives=$(t '+2 days 2 hours'),seats=1" --db w.db

available()
{
	expect_status 0 "$CORRIDOR" case available "$C" --on "$@" --db w.db
	expect_stdout "case $C: available to travel from $1"
	expect_empty_stderr
}
# plan WANT-ON-M1 WANT-ON-M2 LEFT-OUT-LINE: a dry run's fill and reasons.
plan()
{
	expect_status 0 "$CORRIDOR" plan --dry-run --explain --now "$now" --db w.db
	expect_empty_stderr
	# Without the list of who goes (indented by four: t0420 checks it).
	sed -E 's/; [0-9]+\.[0-9]{3} s$/; T s/' "$WORK/.stdout" | grep -v '^    ' >got.txt
	cat >want.txt <<EOT
plan from $now for 14 days: 2 open movements, 1 candidate case (1 person), 0 bookings kept
$1
  $M1  MS 801     PZU-CAI              $d1  $2 + 0 escorts (1 seat)
  $M2  MS 802     PZU-CAI              $d2  $3 + 0 escorts (1 seat)
$4
  SD-PZU-2026-000001   2 persons  -          not eligible: FITNESS_MISSING
  SD-PZU-2026-000002   1 person   -          not eligible: FITNESS_MISSING
dry run: nothing written
EOT
	expect_same_file want.txt got.txt
}
none="0 cases, 0 persons" one="1 case, 1 person"

# Not before the day after the last movement: left out, and why.
available "$(day '+3 days')" --reason "in hospital until then"
plan "placed 0 cases, 0 persons; priority-weighted persons 0; value 0, bound 0, gap 0.000% (optimal); T s" "$none" "$none" \
	"left out: 1 case (1 person); not eligible today: 2 travel-ready cases
  $C   1 person   normal     available from $(day '+3 days'), after the last movement from SDN to EGY (MS 802, ${d2:0:10})"
# From the day of the second movement: on it, not on the first.
available "$(day '+2 days')"
plan "placed 1 case, 1 person; priority-weighted persons 1; value 998, bound 998, gap 0.000% (optimal); T s" "$none" "$one" \
	"left out: 0 cases (0 persons); not eligible today: 2 travel-ready cases"
# By hand, the first movement is refused too, and nothing changes.
db_dump w.db >before.sql
expect_status 1 "$CORRIDOR" movement book "$M1" "$C" --db w.db
expect_stderr "error: case '$C' is available to travel from $(day '+2 days'); movement '$M1' (MS 801) departs $d1"
db_dump w.db >after.sql
expect_same_file before.sql after.sql
# Now: the first movement.
available now
plan "placed 1 case, 1 person; priority-weighted persons 1; value 999, bound 999, gap 0.000% (optimal); T s" "$one" "$none" \
	"left out: 0 cases (0 persons); not eligible today: 2 travel-ready cases"
# sql: no --json shows a case's available day yet
[ "$(sql w.db "SELECT coalesce(available_on, 'NULL') FROM cases WHERE ref = '$C'")" = NULL ] || fail "not cleared"
events=$(jv '.history[] | select(.action == "available") | [.detail, (.reason // ""), .actor] | join("|")' \
	case show "$C" --db w.db)
[ "$events" = "available to travel from $(day '+3 days')|in hospital until then|tester
available to travel from $(day '+2 days')||tester
available to travel now||tester" ] || fail "events: $events"

refused()
{
	db_dump w.db >before.sql
	expect_status "$1" "${@:3}"
	[ "$(head -n 1 "$WORK/.stderr")" = "$2" ] || fail "stderr does not start with: $2"
	if [ "$1" = 2 ]; then
		expect_stderr_contains "see 'corridor case --help'"
	else
		expect_stderr "$2"
	fi
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}
refused 2 "corridor case: --on: the day the case can travel from, or 'now'" "$CORRIDOR" case available "$C" --db w.db
refused 2 "corridor case: --on: '2026-02-30' is not a real date in the form YYYY-MM-DD" \
	"$CORRIDOR" case available "$C" --on 2026-02-30 --db w.db
refused 2 "corridor case: --on: 'tomorrow' is not a real date in the form YYYY-MM-DD" \
	"$CORRIDOR" case available "$C" --on tomorrow --db w.db
refused 2 "corridor case: give one case ID, e.g. LY-TIP-2026-000123" "$CORRIDOR" case available --on now --db w.db
refused 2 "corridor case: --reason: at most 500 bytes of text" \
	"$CORRIDOR" case available "$C" --on now --reason "$(printf 'a\tb')" --db w.db
refused 1 "error: no case 'SD-PZU-2026-000099'" "$CORRIDOR" case available SD-PZU-2026-000099 --on now --db w.db
pass
