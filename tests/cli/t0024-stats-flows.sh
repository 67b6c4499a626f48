#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor stats --from --to [--office] [--programme]: departures and
# arrivals per month over a period, cases and persons, against the case
# histories read on their own; an arrival recorded moves its month by one
# case; the filters; the refusals, each with its message.
. "$(dirname "$0")/lib.sh"

export CORRIDOR_NOW=2026-01-15T12:00:00Z
expect_status 0 "$CORRIDOR" demo --people 2000 --seed 42 --date 2026-01-15 --db d.db

# What the histories say: per month, the cases whose first move into STATE
# falls in it, and their persons (months with none left out).
want()
{
	sql d.db "SELECT m, count(*), sum(n) FROM (SELECT substr(min(e.at), 1, 7) AS m,
		(SELECT count(*) FROM person p WHERE p.case_id = e.case_id) AS n
		FROM event e JOIN cases c ON c.id = e.case_id JOIN office o ON o.id = c.office_id
		WHERE e.action = 'state' AND e.detail LIKE '% -> $1' $2 GROUP BY e.case_id) x
		WHERE m BETWEEN '2025-03' AND '2025-12' GROUP BY m ORDER BY m"
}
got()
{
	jv '.months[] | select(.'"$1"'.cases > 0) | "\(.month)|\(.'"$1"'.cases)|\(.'"$1"'.persons)"' \
		stats --from 2025-03-01 --to 2025-12-31 "${@:2}" --db d.db
}
want departed "" >want.txt
got departed >got.txt
[ "$(wc -l <want.txt)" -ge 5 ] || fail "the demo departs cases in fewer than 5 months of 2025: a weak test"
expect_same_file want.txt got.txt
want arrived "" >want.txt
got arrived >got.txt
expect_same_file want.txt got.txt
# One office, one programme, both.
want departed "AND o.code = 'LY-TIP'" >want.txt
got departed --office LY-TIP >got.txt
[ -s want.txt ] || fail "LY-TIP departs nobody in 2025"
expect_same_file want.txt got.txt
want arrived "AND c.programme = 'RST'" >want.txt
got arrived --programme RST >got.txt
[ -s want.txt ] || fail "no RST case arrives in 2025"
expect_same_file want.txt got.txt
want departed "AND o.code = 'LY-TIP' AND c.programme = 'VHR'" >want.txt
got departed --office LY-TIP --programme VHR >got.txt
expect_same_file want.txt got.txt

# Every month of the period has its row, the total sums them, and the
# filters are echoed.
expect_status 0 "$CORRIDOR" stats --from 2025-03-20 --to 2025-12-05 --office LY-TIP --json --db d.db
[ "$(stdout | jq -r '[.months[].month] | join(" ")')" = \
	"2025-03 2025-04 2025-05 2025-06 2025-07 2025-08 2025-09 2025-10 2025-11 2025-12" ] ||
	fail "months: $(stdout | jq -c '[.months[].month]')"
[ "$(stdout | jq -c '[.from, .to, .office, .programme]')" = '["2025-03-20","2025-12-05","LY-TIP",null]' ] ||
	fail "the period: $(stdout | jq -c '[.from, .to, .office, .programme]')"
[ "$(stdout | jq '.total.departed.persons == ([.months[].departed.persons] | add) and
	.total.arrived.cases == ([.months[].arrived.cases] | add)')" = true ] || fail "the total is not the sum of the months"

# A departure on a day outside the period is not counted, though its month
# is: the days of the period count, not whole months.
first=$(sql d.db "SELECT min(e.at) FROM event e WHERE e.action = 'state' AND e.detail LIKE '% -> departed'
	AND e.at >= '2025-07-02'")
day=${first:0:10}
n_to=$(jv '.total.departed.cases' stats --from 2025-07-01 --to "$day" --db d.db)
n_before=$(jv '.total.departed.cases' stats --from 2025-07-01 --to "$(date -u -d "$day -1 day" +%F)" --db d.db)
[ "$n_to" -gt "$n_before" ] || fail "a departure on $day counts on $day ($n_to) as on the day before ($n_before)"

# An arrival recorded today: this month gains that case and its persons.
ref=$(jv '.cases[0].ref // empty' case list --state departed --limit 1 --db d.db)
[ -n "$ref" ] || fail "no departed case in the demo"
persons=$(jv '.persons | length' case show "$ref" --db d.db)
month() { jv '.months[0].arrived | "\(.cases) \(.persons)"' stats --from 2026-01-01 --to 2026-01-31 --db d.db; }
read -r c0 p0 <<<"$(month)"
expect_status 0 "$CORRIDOR" arrival "$ref" --place "Lagos (LOS)" --at 2026-01-15T12:00Z --db d.db
[ "$(month)" = "$((c0 + 1)) $((p0 + persons))" ] || fail "after the arrival of $ref: $(month), before: $c0 $p0 (+$persons)"

# The human-readable report.
expect_status 0 "$CORRIDOR" stats --from 2026-01-01 --to 2026-02-28 --programme VHR --db d.db
[ "$(stdout | head -n 2)" = "departures and arrivals from 2026-01-01 to 2026-02-28, every office, programme VHR
MONTH      DEPARTED    PERSONS    ARRIVED    PERSONS" ] || fail "report head: $(stdout | head -n 2)"
expect_stdout_lines 5
[ "$(stdout | sed -n 4p)" = "2026-02           0          0          0          0" ] || fail "February: $(stdout | sed -n 4p)"
[ "$(stdout | tail -n 1 | cut -c1-5)" = total ] || fail "no total: $(stdout | tail -n 1)"

# Refusals: nothing on stdout, the message naming what is wrong.
expect_status 2 "$CORRIDOR" stats --from 2026-03-01 --to 2026-01-01 --db d.db
expect_empty_stdout
expect_stderr "error: the period ends on 2026-01-01, before it starts on 2026-03-01"
expect_status 2 "$CORRIDOR" stats --from 2026-03-01 --to 2026-01-01 --json --db d.db
[ "$(jq -c .error "$WORK/.stderr")" = '{"code":"BAD_PARAMETER","field":"to","message":"the period ends on 2026-01-01, before it starts on 2026-03-01"}' ] ||
	fail "from after to, --json: $(cat "$WORK/.stderr")"
expect_status 2 "$CORRIDOR" stats --from 2015-01-01 --to 2026-01-01 --db d.db
expect_stderr "error: the period runs over 133 months; at most 120"
expect_status 1 "$CORRIDOR" stats --from 2026-01-01 --to 2026-01-31 --office XX-ABC --db d.db
expect_empty_stdout
expect_stderr "error: no office 'XX-ABC'
(see 'corridor office list')"
expect_status 2 "$CORRIDOR" stats --from 2026-01-01 --to 2026-01-31 --office Tripoli --db d.db
expect_stderr "error: 'Tripoli' is not an office code like LY-TIP"
expect_status 2 "$CORRIDOR" stats --from 2026-01-01 --to 2026-01-31 --programme XYZ --db d.db
expect_stderr "error: 'XYZ' is not a programme"
expect_status 2 "$CORRIDOR" stats --from 2026-01-01 --db d.db
expect_stderr "corridor stats: --to is missing: give the period with --from and --to
see 'corridor stats --help'"
expect_status 2 "$CORRIDOR" stats --office LY-TIP --db d.db
expect_stderr "corridor stats: --from is missing: give the period with --from and --to
see 'corridor stats --help'"
expect_status 2 "$CORRIDOR" stats --from 2026-02-30 --to 2026-03-31 --db d.db
expect_stderr "corridor stats: --from: '2026-02-30' is not a real date in the form YYYY-MM-DD
see 'corridor stats --help'"
expect_status 2 "$CORRIDOR" stats --from 2026-01-01 --to 2026-01-31 --date 2026-01-01 --db d.db
expect_stderr_contains "give one"
pass
