#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor correct escort and escort-remove: a named escort's identity,
# passport and kind corrected, each field an event of the movement's history
# with the value before and after; an escort named by mistake taken off
# before departure. Refusals name the rule and change nothing.
. "$(dirname "$0")/lib.sh"

fixture mv-day.csv
new_db w.db
expect_status 0 "$CORRIDOR" import mv-day.csv --db w.db
export CORRIDOR_NOW=2026-11-27T12:00:00Z
for p in 000001-01 000001-02; do
	expect_status 0 "$CORRIDOR" health check "SD-PZU-2026-$p" --outcome fit --db w.db
done
C1=SD-PZU-2026-000001
dep=2026-11-28T10:00Z arr=2026-11-28T12:00Z
M=SD-PZU-MV-2026-0001 M2=SD-PZU-MV-2026-0002
for label in "MS 801" "MS 802"; do
	expect_status 0 "$CORRIDOR" movement add --office SD-PZU --kind charter --label "$label" --escort-seats 2 \
		--open --leg "from=PZU,to=CAI,departs=$dep,arrives=$arr,seats=9" --db w.db
done
expect_status 0 "$CORRIDOR" movement escort "$M" --family "OBRIEN" --given "Siobhan" --sex F \
	--birth-date 1985-04-04 --nationality IRL --passport PA1234567 --issuer IRL --expires 2030-01-01 --medical --db w.db
expect_status 0 "$CORRIDOR" movement escort "$M" --family SMITH --given John --sex M --birth-date 1975-04-04 \
	--nationality GBR --db w.db
expect_status 0 "$CORRIDOR" movement escort "$M2" --family DOE --given Jane --sex F --birth-date 1975-04-04 \
	--nationality GBR --medical --db w.db

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
escort() { sql w.db "SELECT e.family_name || '|' || e.given_names || '|' || e.sex || '|' || e.birth_date || '|' || e.nationality || '|' || e.passport || '|' || e.issuer || '|' || coalesce(e.expires_on, '') || '|' || e.medical FROM movement_escort e JOIN movement m ON m.id = e.movement_id WHERE m.ref = '$1' AND e.no = $2"; }

# Every field, one event each, in the movement's history.
expect_status 0 correct escort "$M" 1 --family "O'BRIEN" --given "Siobhán" --birth-date 1985-04-05 \
	--passport PA7654321 --expires 2031-01-01 --reason "as in her passport"
expect_stdout "movement $M corrected
  escort 1 family_name: 'OBRIEN' -> 'O'BRIEN'
  escort 1 given_names: 'Siobhan' -> 'Siobhán'
  escort 1 birth_date: '1985-04-04' -> '1985-04-05'
  escort 1 passport: 'PA1234567' -> 'PA7654321'
  escort 1 expires_on: '2030-01-01' -> '2031-01-01'"
[ "$(escort "$M" 1)" = "O'BRIEN|Siobhán|F|1985-04-05|IRL|PA7654321|IRL|2031-01-01|1" ] || fail "the escort: $(escort "$M" 1)"
jv '.history[] | select(.action == "corrected") | "\(.detail)|\(.field)|\(.before)|\(.after)|\(.reason)|\(.actor)"' \
	movement show "$M" --db w.db >history.txt
cat >want.txt <<EOT
escort 1|family_name|OBRIEN|O'BRIEN|as in her passport|tester
escort 1|given_names|Siobhan|Siobhán|as in her passport|tester
escort 1|birth_date|1985-04-04|1985-04-05|as in her passport|tester
escort 1|passport|PA1234567|PA7654321|as in her passport|tester
escort 1|expires_on|2030-01-01|2031-01-01|as in her passport|tester
EOT
expect_same_file want.txt history.txt
expect_status 0 "$CORRIDOR" movement show "$M" --db w.db
expect_stdout_contains "  2026-11-27T12:00:00Z  corrected  escort 1 passport: 'PA1234567' -> 'PA7654321': as in her passport  (tester)"
[ "$(jv '[.changes[] | "\(.field) \(.before) \(.after)"] | join(";")' correct escort "$M" 2 --sex X --nationality IRL \
	--reason "as in the passport" --db w.db)" = "sex M X;nationality GBR IRL" ] || fail "the second escort's changes"
# The kind of escort, while no case is booked.
[ "$(jv '[.changes[] | "\(.field) \(.before) \(.after)"] | join(";")' correct escort "$M2" 1 --operational \
	--reason "an operations officer, not a nurse" --db w.db)" = "medical yes no" ] || fail "the kind's change"
[ "$(jv '"\(.movement) \(.case)"' correct escort "$M" 2 --given "John Paul" --reason x --db w.db)" = "$M null" ] ||
	fail "the document names the movement"

refused 1 "error: a correction needs a reason: say why the record was wrong" correct escort "$M" 1 --sex M
refused 1 "error: escort 1 of movement '$M' already has the values given: nothing to correct" \
	correct escort "$M" 1 --sex F --reason x
refused 2 "error: what is to be corrected? give at least one field" correct escort "$M" 1 --reason x
refused 1 "error: 'ZZZ' is not an ISO 3166-1 alpha-3 code" correct escort "$M" 1 --nationality ZZZ --reason x
refused 1 "error: sex is F, M or X" correct escort "$M" 1 --sex Q --reason x
refused 1 "error: movement '$M' has no escort 3" correct escort "$M" 3 --sex F --reason x
refused 1 "error: no movement 'SD-PZU-MV-2026-0099'" correct escort SD-PZU-MV-2026-0099 1 --sex F --reason x
refused 2 "corridor correct: escort: give a movement and an escort's number" correct escort "$M" --sex F --reason x
refused 2 "corridor correct: escort: escort takes no --family-name" correct escort "$M" 1 --family-name X --reason x

# A case booked: the medical escorts counted stay as they are.
expect_status 0 "$CORRIDOR" movement book "$M" "$C1" --db w.db
refused 1 "error: movement '$M' has 1 case booked, counted against its medical escorts: escort 1 stays medical" \
	correct escort "$M" 1 --operational --reason x
refused 1 "error: escort 1 is a medical escort of movement '$M', which has 1 case booked counted against its medical escorts: cancel those bookings first" \
	correct escort-remove "$M" 1 --reason x

# escort-remove: an operational one, booked or not.
expect_status 0 correct escort-remove "$M" 2 --reason "named on the wrong movement"
expect_stdout "movement $M corrected
  escort 2 escort: 'SMITH, John Paul (X, 1975-04-04, IRL, operational)' -> ''"
[ "$(jv '[.escorts[].no] | map(tostring) | join(",")' movement show "$M" --db w.db)" = "1" ] || fail "the escorts left"
refused 1 "error: movement '$M' has no escort 2" correct escort-remove "$M" 2 --reason x
[ "$(jv '.history[-1] | "\(.field)|\(.before)|\(.after)|\(.reason)"' movement show "$M" --db w.db)" = \
	"escort|SMITH, John Paul (X, 1975-04-04, IRL, operational)||named on the wrong movement" ] || fail "the history"

# Not after departure; not on a cancelled movement.
expect_status 0 "$CORRIDOR" movement cancel "$M2" --reason "the aircraft is grounded" --db w.db
refused 1 "error: movement '$M2' is 'cancelled': an escort is taken off before departure; after it, their record can be corrected" \
	correct escort-remove "$M2" 1 --reason x
refused 1 "error: movement '$M2' is cancelled: its escorts are not corrected" correct escort "$M2" 1 --sex M --reason x
pass
