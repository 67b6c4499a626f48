#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor arrival and corridor support: a departed return arrives, its
# reintegration is planned, delivered, followed up and closed, and the case
# with it; every refusal names why (every cause of it) and changes nothing;
# state is read through --json.
. "$(dirname "$0")/lib.sh"

export CORRIDOR_NOW=2026-11-27T18:00:00Z

expect_status 0 "$CORRIDOR" demo --people 3000 --seed 9 --date 2026-11-27 --db d.db
# The first departed return and resettlement and the first arrived
# evacuation, in the order of 'case list'.
ret=$(jv '.cases[0].ref // empty' case list --programme VHR --state departed --limit 1 --db d.db)
adm=$(jv '.cases[0].ref // empty' case list --programme RST --state departed --limit 1 --db d.db)
hev=$(jv '.cases[0].ref // empty' case list --programme HEV --state arrived --limit 1 --db d.db)
[ -n "$ret" ] && [ -n "$adm" ] && [ -n "$hev" ] || fail "the demo lacks a departed VHR or RST, or an arrived HEV case"

refused_with()
{
	local status=$1 want=$2
	shift 2
	db_dump d.db >before.sql
	expect_status "$status" "$CORRIDOR" "$@" --db d.db
	expect_stderr "$want"
	expect_empty_stdout
	db_dump d.db >after.sql
	cmp -s before.sql after.sql || fail "$* changed the database"
}
refused() { refused_with 1 "$@"; }
# The value of a jq filter on the last stdout / stderr.
jqo() { jq -r "$1" "$WORK/.stdout" || fail "jq '$1' on stdout failed"; }
jqe() { jq -r "$1" "$WORK/.stderr" || fail "jq '$1' on stderr failed"; }
# The state of a case, as support show --json gives it.
state_of()
{
	"$CORRIDOR" support show "$1" --json --db d.db | jq -r .state
}

refused "error: case '$ret' is 'departed'; support is for cases that arrived or are in reintegration" \
	support plan "$ret" --kind cash --description "reinsertion grant"
refused_with 2 "error: the place is missing: where the case arrived (an airport, a port, a reception centre)" \
	arrival "$ret"
refused_with 2 "error: '2026-11-31T10:00Z' is not a UTC time like 2026-11-27T14:30Z" \
	arrival "$ret" --place Lagos --at 2026-11-31T10:00Z
refused "error: '2026-11-27T18:01Z' is in the future" arrival "$ret" --place Lagos --at 2026-11-27T18:01Z
# Every fault at once.
refused_with 2 "error: the arrival is refused: 2 problems
  the place is missing: where the case arrived (an airport, a port, a reception centre)
  'noon' is not a UTC time like 2026-11-27T14:30Z" arrival "$ret" --at noon
expect_status 2 "$CORRIDOR" arrival "$ret" --at noon --json --db d.db
[ "$(jqe '.error.causes | map(.field) | join(",")')" = "place,at" ] || fail "arrival --json error: $(stderr)"

expect_status 0 "$CORRIDOR" arrival "$ret" --place "Lagos (LOS)" --at 2026-11-27T14:30Z --db d.db
expect_stdout "case $ret: arrived at Lagos (LOS) on 2026-11-27T14:30:00Z"
refused "error: case '$ret' is 'arrived'; only a departed case can arrive" arrival "$ret" --place Lagos
[ "$(state_of "$ret")" = arrived ] || fail "not arrived"

# The first item opens reintegration.
refused_with 2 "error: the kind must be one of cash, in_kind, referral, business, medical, education, housing, psychosocial" \
	support plan "$ret" --kind loan --description x
refused_with 2 "error: '12.345' is not a positive amount in USD with at most 2 decimals" \
	support plan "$ret" --kind cash --description grant --amount 12.345 --currency USD
refused_with 2 "error: an amount needs an ISO 4217 currency code such as USD" \
	support plan "$ret" --kind cash --description grant --amount 12
expect_status 0 "$CORRIDOR" support plan "$ret" --kind cash --description "reinsertion grant" \
	--amount 500 --currency USD --json --db d.db
[ "$(jqo '[.case, .entered, .item.no, .item.kind, .item.amount, .item.currency, .item.status] | @tsv')" = \
	"$(printf '%s\treintegration\t1\tcash\t500.00\tUSD\tplanned' "$ret")" ] || fail "plan --json: $(stdout)"
[ "$(state_of "$ret")" = reintegration ] || fail "not in reintegration"
expect_status 0 "$CORRIDOR" support plan "$ret" --kind business --description "tailoring start-up kit" --db d.db
expect_stdout "case $ret: item 2 planned"

# Closing too early names every cause.
refused "error: the support of case '$ret' cannot close yet
  case '$ret' has 2 assistance items still planned: deliver or cancel them first
  case '$ret' has no assistance delivered: plan and deliver an item first
  case '$ret' has no follow-up visit recorded" support close "$ret" --outcome done
expect_status 0 "$CORRIDOR" support deliver "$ret" 1 --note "paid by mobile money" --db d.db
expect_stdout "case $ret: item 1 delivered"
refused "error: the support of case '$ret' cannot close yet
  case '$ret' has 1 assistance item still planned: deliver or cancel it first
  case '$ret' has no follow-up visit recorded" support close "$ret" --outcome done
refused "error: item 1 of case '$ret' is already delivered" support deliver "$ret" 1
refused "error: case '$ret' has no assistance item 3" support deliver "$ret" 3
expect_status 1 "$CORRIDOR" support deliver "$ret" 3 --json --db d.db
[ "$(jqe '.error.code + " " + .error.field')" = "SUPPORT_NOT_FOUND item" ] || fail "item 3: $(stderr)"
refused "error: a cancellation needs a note saying why" support cancel "$ret" 2
expect_status 0 "$CORRIDOR" support cancel "$ret" 2 --note "found work instead" --json --db d.db
[ "$(jqo '[.item.status, .item.note, .item.done_at] | @tsv')" = \
	"$(printf 'cancelled\tfound work instead\t2026-11-27T18:00:00Z')" ] || fail "cancel --json: $(stdout)"
refused "error: case '$ret' has no follow-up visit recorded" support close "$ret" --outcome done
refused "error: '2099-01-01' is in the future" \
	support visit "$ret" --by "K. Mensah" --finding ok --on 2099-01-01
refused "error: '2026-11-28' is in the future" \
	support visit "$ret" --by "K. Mensah" --finding ok --on 2026-11-28
refused_with 2 "error: the visit is refused: 2 problems
  who visited is missing
  the finding is missing: what the visit found" support visit "$ret"
expect_status 0 "$CORRIDOR" support visit "$ret" --by "K. Mensah" --finding "living with family; working" \
	--on 2026-11-27 --db d.db
expect_stdout "case $ret: follow-up visit 1 recorded"
expect_status 0 "$CORRIDOR" support visit "$ret" --by "K. Mensah" --finding "still working" --json --db d.db
[ "$(jqo '[.visit.no, .visit.on] | @tsv')" = "$(printf '2\t2026-11-27')" ] || fail "visit --json: $(stdout)"
refused_with 2 "error: the outcome is missing: how the support ended" support close "$ret"
expect_status 0 "$CORRIDOR" support close "$ret" --outcome "reintegrated: income from work" --json --db d.db
[ "$(jqo '[.case, .state, .outcome] | @tsv')" = \
	"$(printf '%s\tclosed\treintegrated: income from work' "$ret")" ] || fail "close --json: $(stdout)"
[ "$(state_of "$ret")" = closed ] || fail "not closed"

expect_status 0 "$CORRIDOR" support show "$ret" --db d.db
expect_stdout "case $ret arrived at Lagos (LOS) on 2026-11-27T14:30:00Z (confirmed by tester)
items
  item 1   cash         delivered reinsertion grant, 500.00 USD
           2026-11-27T18:00:00Z: paid by mobile money
  item 2   business     cancelled tailoring start-up kit
           2026-11-27T18:00:00Z: found work instead
visits
  visit 1   2026-11-27 by K. Mensah: living with family; working
  visit 2   2026-11-27 by K. Mensah: still working"
expect_status 0 "$CORRIDOR" support show "$ret" --json --db d.db
[ "$(jqo '[.case, .programme, .state, .arrival.place, .arrival.at, .arrival.confirmed_by, (.arrival.note // "null")] | @tsv')" = \
	"$(printf '%s\tVHR\tclosed\tLagos (LOS)\t2026-11-27T14:30:00Z\ttester\tnull' "$ret")" ] ||
	fail "show --json: $(stdout)"
[ "$(jqo '[(.items | map(.status) | join(",")), (.items[1].amount // "null"), (.visits | map(.by) | unique | join(","))] | @tsv')" = \
	"$(printf 'delivered,cancelled\tnull\tK. Mensah')" ] || fail "show --json items: $(stdout)"
refused "error: no case 'LY-TIP-2026-999999'" support show LY-TIP-2026-999999
expect_status 0 "$CORRIDOR" case show "$ret" --db d.db
expect_stdout_contains "tester       support    arrival confirmed at Lagos (LOS) on 2026-11-27T14:30:00Z by tester"
expect_stdout_contains "tester       support    follow-up visit 1 on 2026-11-27 by K. Mensah"
expect_stdout_contains "tester       state      reintegration -> closed: reintegrated: income from work"

# An admission enters integration; an evacuation has no support.
expect_status 0 "$CORRIDOR" arrival "$adm" --place "New York (JFK)" --by "R. Diaz" --json --db d.db
[ "$(jqo '[.case, .state, .arrival.place, .arrival.at, .arrival.confirmed_by] | @tsv')" = \
	"$(printf '%s\tarrived\tNew York (JFK)\t2026-11-27T18:00:00Z\tR. Diaz' "$adm")" ] ||
	fail "arrival --json: $(stdout)"
expect_status 0 "$CORRIDOR" support plan "$adm" --kind housing --description "first rent" --db d.db
[ "$(state_of "$adm")" = integration ] || fail "not in integration"
refused "error: case '$hev' is HEV, a programme without (re)integration support" \
	support plan "$hev" --kind cash --description x
refused "error: no case 'LY-TIP-2026-999999'" arrival LY-TIP-2026-999999 --place Lagos
pass
