#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor move on a demo caseload, whose history and records were written
# by the demo generator: a return held for an asylum wish has an open
# referral that blocks it until closed; a return held for other reasons
# resumes where its history says it was held. The demo's open movements go
# through the day of departure under the live rules.
. "$(dirname "$0")/lib.sh"

expect_status 0 "$CORRIDOR" demo --people 3000 --seed 9 --date 2026-01-15 --db d.db
# The database's own integrity (about the file, not a result).
[ "$(sql d.db 'PRAGMA foreign_key_check')" = "" ] || fail "foreign keys broken by the demo"

# first_held FILTER: the first return on hold, in the order of 'case list',
# whose 'referral list --json' passes the jq FILTER.
first_held()
{
	local c
	for c in $(jv '.cases[].ref' case list --programme VHR --state on_hold --limit 0 --db d.db); do
		if [ "$(jv "$1" referral list "$c" --db d.db)" = true ]; then
			echo "$c"
			return 0
		fi
	done
}

# Held for an asylum wish: a session with the wish, an open referral.
asylum=$(first_held 'any(.referrals[]; .closed_at == null)')
[ -n "$asylum" ] || fail "the demo has no VHR case held for an asylum wish: a weak test"
[ "$(jv '[.sessions[] | select(.asylum_wish)] | length' counsel list "$asylum" --db d.db)" = 1 ] ||
	fail "$asylum: no session with the asylum wish"
db_dump d.db >before.sql
expect_status 1 "$CORRIDOR" move "$asylum" counselled --db d.db
expect_stderr "error: case '$asylum' is 'on_hold'; it cannot go to 'counselled' while 1 referral is open"
db_dump d.db >after.sql
expect_same_file before.sql after.sql
expect_status 0 "$CORRIDOR" referral close "$asylum" 1 --outcome "asylum claim withdrawn; return requested" --db d.db
expect_status 0 "$CORRIDOR" move "$asylum" counselled --db d.db
expect_stdout "case $asylum: on_hold -> counselled"

# Held for another reason (no referral): it resumes at 'counselled', where
# its history says it was held, and nowhere else.
other=$(first_held '.referrals | length == 0')
[ -n "$other" ] || fail "the demo has no VHR case held without a referral: a weak test"
# The state of its last move to on_hold, in its history.
held=$(jv '[.history[] | select(.action == "state") | .detail | select(endswith(" -> on_hold"))]
	| (last // "") | sub(" -> on_hold$"; "")' case show "$other" --db d.db)
[ "$held" = counselled ] || fail "the demo held $other from '$held'"
db_dump d.db >before.sql
expect_status 1 "$CORRIDOR" move "$other" assessed --db d.db
expect_stderr "error: case '$other' is 'on_hold'; it cannot go to 'assessed' (next: counselled, ineligible, closed)"
db_dump d.db >after.sql
expect_same_file before.sql after.sql
expect_status 0 "$CORRIDOR" move "$other" counselled --db d.db
expect_stdout "case $other: on_hold -> counselled"
expect_status 0 "$CORRIDOR" case show "$other" --db d.db
expect_stdout_contains "  state        counselled"
[ "$(stdout | tail -n 1 | sed -E 's/^  [0-9TZ:-]+  //')" = "tester       state      on_hold -> counselled" ] ||
	fail "last history line: $(stdout | tail -n 1)"

# json ARGS...: what 'corridor ARGS... --json' prints, as it prints it, for
# the many reads gathered into one file below (jv without a jq each time,
# which would take a third longer); the command must succeed.
json()
{
	local st
	"$CORRIDOR" "$@" --json 2>"$WORK/.json.stderr"
	st=$?
	if [ -s "$WORK/.json.stderr" ] && grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$WORK/.json.stderr"; then
		fail "a sanitizer reported an error in: corridor $* --json"
	fi
	[ "$st" -eq 0 ] || fail "'corridor $* --json' exited $st: $(head -c 400 "$WORK/.json.stderr")"
}

# Every case of the demo with its programme, state and persons, as 'case
# list' gives it, and the protection record of each, as 'protection show'
# gives it: every person, assessed or not.
jv . case list --limit 0 --db d.db >cases.json
[ "$(jq '.cases | length' cases.json)" = "$(jq .total cases.json)" ] || fail "case list --limit 0 did not list every case"
for c in $(jq -r '.cases[].ref' cases.json); do
	json protection show "$c" --db d.db
done >protection-all.json
jq -s 'map({key: .case, value: .persons}) | from_entries' protection-all.json >protection.json ||
	fail "protection show: not JSON"
# The cases with the persons of each ('ps'), one JSON object a line.
jq -c --slurpfile p protection.json '.cases[] | . + {ps: $p[0][.ref]}' cases.json >persons.json ||
	fail "cannot join the cases and their protection records"
jq -r 'select((.ps | length) != .persons) | .ref' persons.json >missing.txt || fail "jq on persons.json"
[ ! -s missing.txt ] || fail "protection show does not list every person of: $(head -n 3 missing.txt)"

# Every return past 'assessed' has a protection assessment for each person,
# and none stands at high without a clearance unless the case is ineligible.
jq -r 'select((.programme | IN("VHR", "AVR", "REP")) and (.state | IN("eligible", "travel_ready", "booked", "departed")))
	| .ps[] | select(.assessments == 0) | .person' persons.json >unassessed.txt || fail "jq on persons.json"
[ ! -s unassessed.txt ] || fail "a return went on without a protection assessment: $(head -n 3 unassessed.txt)"
# protection show gives a person's latest assessment only: that is every
# one when each person has one at most.
jq -r '.ps[] | select(.assessments > 1) | .person' persons.json >reassessed.txt || fail "jq on persons.json"
[ ! -s reassessed.txt ] ||
	fail "more than one protection assessment of $(head -n 1 reassessed.txt): only the latest is shown, and this checks them all"
jq -r 'select(.state != "ineligible") | .ps[] | select(.latest.level == "high" and .latest.cleared == null) | .person' \
	persons.json >uncleared.txt || fail "jq on persons.json"
[ ! -s uncleared.txt ] || fail "a high protection risk stands uncleared on a case that went on: $(head -n 3 uncleared.txt)"
# Everyone travel-ready or later was found fit to travel: the health record
# of every person of those cases, as 'health show' gives it.
jq -r 'select(.state | IN("travel_ready", "booked", "no_show", "departed", "arrived")) | .ps[].person' persons.json >travellers.txt ||
	fail "jq on persons.json"
while read -r p; do
	json health show "$p" --db d.db
done <travellers.txt >health.json
[ "$(jq -s length health.json)" = "$(wc -l <travellers.txt)" ] || fail "not the health record of every traveller"
jq -r 'select(any(.history[]; .outcome | IN("fit", "fit_with_conditions")) | not) | .person.id' health.json >unfit.txt ||
	fail "jq on health.json"
[ ! -s unfit.txt ] || fail "a traveller without fitness to travel: $(head -n 3 unfit.txt)"

# Stranded migrants' requests to the fund: approved ones fit their office's
# budget, and every payment is within its approval. 'fund list' shows a
# year at a time: every year from the first case's registration to now.
first=$(jq -r '[.cases[].registered_on[0:4] | tonumber] | min' cases.json)
last=$(date -u +%Y)
[ "$last" -ge 2026 ] || last=2026
for y in $(seq "$first" "$last"); do
	jv '.requests[] | tojson' fund list --year "$y" --db d.db
done >requests.json
[ "$(jq -s length requests.json)" -gt 0 ] || fail "the demo made no fund request"
# On HASM cases only (a case missing from the list counts as not HASM).
jq -r --slurpfile c cases.json '($c[0].cases | map({key: .ref, value: .programme}) | from_entries) as $prog
	| select($prog[.case] != "HASM") | "request \(.id) of \(.case)"' requests.json >not-hasm.txt || fail "jq on requests.json"
[ ! -s not-hasm.txt ] || fail "a fund request on a case that is not HASM: $(head -n 3 not-hasm.txt)"
# The approved amounts by office, year and currency, each against that
# office's budget for the year in that currency, as 'fund status' gives it.
jq -rs 'map(select(.state == "approved")) | group_by([.office, .year, .currency])[]
	| "\(.[0].office) \(.[0].year) \(.[0].currency) \(map(.amount | tonumber) | add)"' requests.json >approved.txt ||
	fail "jq on requests.json"
while read -r o y cur sum; do
	budget=$(jv '.positions[] | select(.currency == "'"$cur"'") | .budget' fund status "$o" --year "$y" --db d.db)
	[ -n "$budget" ] && jq -en "$budget >= $sum" >/dev/null ||
		fail "approvals beyond a budget: $sum $cur approved in $o in $y, budget '${budget}'"
done <approved.txt
jq -r 'select((.paid | tonumber) > (if .state == "approved" then .amount | tonumber else 0 end))
	| "request \(.id): \(.state) \(.amount), paid \(.paid)"' requests.json >over.txt || fail "jq on requests.json"
[ ! -s over.txt ] || fail "payments beyond an approval: $(head -n 3 over.txt)"

# The demo's busiest open movement (the most bookings, then the first by
# reference) departs and arrives with its cases.
busiest()
{
	local m
	for m in $(jv '.movements[].ref' movement list --state open --db d.db); do
		echo "$(jv '.bookings | length' movement show "$m" --db d.db) $m"
	done | LC_ALL=C sort -k1,1nr -k2,2 | head -n 1 | cut -d ' ' -f 2
}
mv=$(busiest)
[ "$mv" = YE-ADE-MV-2026-0001 ] || fail "the busiest open movement is $mv"
# The case state and booking status of each booking of the movement, by
# how many: 'STATE STATUS COUNT' lines.
carried()
{
	local b
	for b in $(jv '.bookings[] | "\(.case):\(.status)"' movement show "$mv" --db d.db); do
		echo "$(jv '.case.state' case show "${b%%:*}" --db d.db) ${b#*:}"
	done | LC_ALL=C sort | uniq -c | awk '{ print $2 " " $3 " " $1 }'
}
[ "$(carried | awk '$1 == "booked" && $2 == "booked" { print $3 }')" = 4 ] ||
	fail "$mv does not carry its 4 booked cases: $(carried)"
expect_status 0 "$CORRIDOR" movement close "$mv" --db d.db
expect_stdout "movement $mv: open -> closed"
expect_status 0 "$CORRIDOR" movement depart "$mv" --db d.db
expect_stdout "movement $mv: closed -> departed; 4 cases departed"
expect_status 0 "$CORRIDOR" movement arrive "$mv" --db d.db
expect_stdout "movement $mv: departed -> arrived; 4 cases arrived"
[ "$(carried)" = "arrived departed 4" ] || fail "the cases of $mv did not arrive: $(carried)"
# The database's own integrity (about the file, not a result).
[ "$(sql d.db 'PRAGMA foreign_key_check')" = "" ] || fail "foreign keys broken by the day of departure"
pass
