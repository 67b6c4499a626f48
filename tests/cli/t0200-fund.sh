#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor fund: a budget, requests on HASM cases, approval within the
# budget and refusal beyond it, payments within the approval, the derived
# position (read through --json), the history; every fault of an input
# named at once; and every refusal changes nothing.
. "$(dirname "$0")/lib.sh"

export CORRIDOR_NOW=2026-11-27T12:00:00Z
fixture hasm.csv
new_db f.db
expect_status 0 "$CORRIDOR" import hasm.csv --db f.db

# Refused with nothing changed: run, expect the status and the whole
# stderr, compare dumps.
refused_with()
{
	local status=$1 want=$2
	shift 2
	db_dump f.db >before.sql
	expect_status "$status" "$CORRIDOR" fund "$@" --db f.db
	expect_stderr "$want"
	expect_empty_stdout
	db_dump f.db >after.sql
	cmp -s before.sql after.sql || fail "fund $* changed the database"
}
refused() { refused_with 1 "$@"; }
# The value of a jq filter on the last stdout.
jqo() { jq -r "$1" "$WORK/.stdout" || fail "jq '$1' on stdout failed"; }
jqe() { jq -r "$1" "$WORK/.stderr" || fail "jq '$1' on stderr failed"; }

expect_status 0 "$CORRIDOR" fund budget NE-AJY --currency XOF --amount 1000000 --db f.db
expect_stdout "budget of NE-AJY for 2026: 1,000,000 XOF"
expect_status 0 "$CORRIDOR" fund request NE-AJY-2026-000001 --reason lost_documents \
	--kind documents --currency XOF --amount 45000 --note "passport stolen in Agadez" --db f.db
expect_stdout "request 1: 45,000 XOF for documents on case NE-AJY-2026-000001"
expect_status 0 "$CORRIDOR" fund request NE-AJY-2026-000002 --reason destitution \
	--kind cash --currency XOF --amount 990000 --json --db f.db
[ "$(jqo '[.id, .case, .office, .year, .amount, .currency, .state, .paid, .note] | @tsv')" = \
	"$(printf '2\tNE-AJY-2026-000002\tNE-AJY\t2026\t990000\tXOF\trequested\t0\t')" ] ||
	fail "request --json: $(stdout)"

# Only HASM cases; only known reasons, kinds, currencies; amounts in the currency's decimals.
refused "error: case 'LY-TIP-2026-000001' is VHR; the fund assists stranded-migrant (HASM) cases only" \
	request LY-TIP-2026-000001 --reason abuse --kind shelter --currency USD --amount 10
refused "error: no case 'NE-AJY-2026-000009'" \
	request NE-AJY-2026-000009 --reason abuse --kind shelter --currency USD --amount 10
refused_with 2 "error: the reason must be one of lost_documents, destitution, accident_illness, abuse, broken_promises, asylum_rejected, insecurity" \
	request NE-AJY-2026-000001 --reason bored --kind cash --currency XOF --amount 10
refused_with 2 "error: '10.5' is not a positive amount in XOF with at most 0 decimals" \
	request NE-AJY-2026-000001 --reason abuse --kind cash --currency XOF --amount 10.5
refused_with 2 "error: 'ABC' is not an ISO 4217 currency code such as USD, EUR, LYD" \
	budget NE-AJY --currency ABC --amount 10
# Every fault at once, each under its field.
refused_with 2 "error: the request is refused: 3 problems
  the reason must be one of lost_documents, destitution, accident_illness, abuse, broken_promises, asylum_rejected, insecurity
  the kind must be one of shelter, food, medical, documents, transport, cash, other
  '10.5' is not a positive amount in XOF with at most 0 decimals" \
	request NE-AJY-2026-000001 --reason bored --kind toys --currency XOF --amount 10.5
db_dump f.db >before.sql
expect_status 2 "$CORRIDOR" fund request NE-AJY-2026-000001 --kind cash --currency XOF --json --db f.db
expect_empty_stdout
[ "$(jqe '[.error.code, (.error.field // "null"), (.error.causes | map(.code + ":" + .field) | join(","))] | @tsv')" = \
	"$(printf 'BAD_PARAMETER\tnull\tBAD_PARAMETER:reason,BAD_PARAMETER:amount')" ] ||
	fail "request --json error: $(stderr)"
refused_with 2 "error: 1999 is not a year from 2000 to 2100" \
	budget NE-AJY --currency XOF --amount 10 --year 1999
refused "error: no office 'ZZ-ZZZ'" budget ZZ-ZZZ --currency XOF --amount 10
refused_with 2 "error: 'nowhere' is not an office code like NE-AJY" status nowhere

# Approval within the budget; beyond it refused with the figures.
expect_status 0 "$CORRIDOR" fund approve 1 --db f.db
expect_stdout "request 1 approved"
refused "error: approving 990,000 XOF would exceed the 2026 budget of office 'NE-AJY': budget 1,000,000 XOF, already approved 45,000 XOF, left 955,000 XOF" \
	approve 2
expect_status 1 "$CORRIDOR" fund approve 2 --json --db f.db
[ "$(jqe .error.code)" = FUND_EXCEEDED ] || fail "approve beyond the budget: $(stderr)"
refused "error: fund request 1 is already approved" approve 1
refused "error: no fund request 7" approve 7
refused "error: a rejection needs a note saying why" reject 2
expect_status 1 "$CORRIDOR" fund reject 2 --json --db f.db
[ "$(jqe '.error.code + " " + .error.field')" = "REASON_REQUIRED note" ] || fail "reject: $(stderr)"

# A request in a currency the office has no budget in cannot be approved.
expect_status 0 "$CORRIDOR" fund request NE-AJY-2026-000001 --reason abuse --kind shelter \
	--currency USD --amount 80 --db f.db
refused "error: office 'NE-AJY' has no 2026 budget in USD" approve 3
expect_status 0 "$CORRIDOR" fund reject 3 --note "covered by a partner" --json --db f.db
[ "$(jqo '.state + " " + .decision_note + " " + .decided_by')" = "rejected covered by a partner tester" ] ||
	fail "reject --json: $(stdout)"

# Payments within the approval, in the request's currency, then refused.
refused "error: fund request 2 is requested, not approved" pay 2 --amount 10
refused "error: fund request 3 is rejected, not approved" pay 3 --amount 10
refused_with 2 "error: '1.5' is not a positive amount in XOF with at most 0 decimals" pay 1 --amount 1.5
refused_with 2 "error: the reference must be at most 63 bytes of text without control characters" \
	pay 1 --amount 10 --reference "$(printf 'R%.0s' $(seq 64))"
expect_status 0 "$CORRIDOR" fund pay 1 --amount 30000 --reference RCPT-0091 --db f.db
expect_stdout "request 1: paid 30,000 XOF"
refused "error: fund request 1: paying 20,000 XOF would exceed the approved 45,000 XOF (already paid 30,000 XOF)" \
	pay 1 --amount 20000
# A payment reference is used once in the office's fund.
refused "error: payment reference 'RCPT-0091' is already used in the NE-AJY fund, by request 1" \
	pay 1 --amount 100 --reference RCPT-0091
expect_status 1 "$CORRIDOR" fund pay 1 --amount 100 --reference RCPT-0091 --json --db f.db
[ "$(jqe '.error.code + " " + .error.field')" = "EXISTS reference" ] || fail "pay twice --json: $(stderr)"
expect_status 0 "$CORRIDOR" fund pay 1 --amount 15000 --json --db f.db
[ "$(jqo '[.request.paid, .payment.amount, (.payment.reference // "null")] | @tsv')" = \
	"$(printf '45000\t15000\tnull')" ] || fail "pay --json: $(stdout)"

# A budget below what is approved is refused; a higher one lets request 2 through.
refused "error: the 2026 budget of office 'NE-AJY' cannot be 10,000 XOF: 45,000 XOF is already approved" \
	budget NE-AJY --currency XOF --amount 10000
expect_status 0 "$CORRIDOR" fund budget NE-AJY --currency XOF --amount 1100000 --json --db f.db
[ "$(jqo '[.office, .year, .currency, .amount, .previous] | @tsv')" = \
	"$(printf 'NE-AJY\t2026\tXOF\t1100000\t1000000')" ] || fail "budget --json: $(stdout)"
expect_status 0 "$CORRIDOR" fund approve 2 --db f.db

# The position is derived from the records.
expect_status 0 "$CORRIDOR" fund status NE-AJY --db f.db
expect_stdout "fund of NE-AJY in 2026
  USD  budget 0.00 USD, approved 0.00 USD, paid 0.00 USD, left to approve 0.00 USD
  XOF  budget 1,100,000 XOF, approved 1,035,000 XOF, paid 45,000 XOF, left to approve 65,000 XOF
requests
      1  NE-AJY-2026-000001   approved  lost_documents   documents        45,000 XOF  paid 45,000 XOF
      2  NE-AJY-2026-000002   approved  destitution      cash            990,000 XOF  paid 0 XOF
      3  NE-AJY-2026-000001   rejected  abuse            shelter           80.00 USD  paid 0.00 USD"
expect_status 0 "$CORRIDOR" fund status NE-AJY --json --db f.db
[ "$(jqo '.positions[] | select(.currency == "XOF") | [.budget, .approved, .paid, .left] | @tsv')" = \
	"$(printf '1100000\t1035000\t45000\t65000')" ] || fail "status --json positions: $(stdout)"
[ "$(jqo '[.office, .year, (.requests | length), (.requests | map(.paid | tonumber) | add)] | @tsv')" = \
	"$(printf 'NE-AJY\t2026\t3\t45000')" ] || fail "status --json: $(stdout)"
expect_status 0 "$CORRIDOR" fund status NE-AJY --year 2025 --json --db f.db
[ "$(jqo '[.year, (.positions | length), (.requests | length)] | @tsv')" = "$(printf '2025\t0\t0')" ] ||
	fail "status of another year: $(stdout)"
expect_status 0 "$CORRIDOR" fund list --state approved --json --db f.db
[ "$(jqo '[(.office // "null"), .state, (.requests | map(.id | tostring) | join(","))] | @tsv')" = "$(printf 'null\tapproved\t1,2')" ] ||
	fail "list --json: $(stdout)"
expect_status 0 "$CORRIDOR" fund list NE-AJY --db f.db
expect_stdout_contains "3 requests in 2026"
refused_with 2 "error: the state must be one of requested, approved, rejected" list --state paid

# Every step is in the case's history, with the actor.
expect_status 0 "$CORRIDOR" case show NE-AJY-2026-000001 --db f.db
expect_stdout_contains "tester       fund       request 1: 45,000 XOF for documents (lost_documents): passport stolen in Agadez"
expect_stdout_contains "tester       fund       request 1 approved: 45,000 XOF"
expect_stdout_contains "tester       fund       request 1: paid 30,000 XOF, reference RCPT-0091"
# Budgets belong to no case: no command shows their events.
# sql: no --json shows the events of a budget (an event of no case) yet
[ "$(sql f.db "SELECT count(*) FROM event WHERE case_id IS NULL AND action = 'fund'")" = 2 ] ||
	fail "budget events"
pass
