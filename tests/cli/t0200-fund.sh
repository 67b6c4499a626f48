#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor fund: a budget, requests on HASM cases, approval within the
# budget and refusal beyond it, payments within the approval, the derived
# position, the history; and every refusal changes nothing.
. "$(dirname "$0")/lib.sh"

fixture hasm.csv
new_db f.db
expect_status 0 "$CORRIDOR" import hasm.csv --db f.db
year=$(date -u +%Y)

# Refused with nothing changed: run, expect status 1 and the message, compare dumps.
refused()
{
	local want=$1
	shift
	db_dump f.db >before.sql
	expect_status 1 "$CORRIDOR" fund "$@" --db f.db
	expect_stderr "$want"
	db_dump f.db >after.sql
	cmp -s before.sql after.sql || fail "fund $* changed the database"
}

expect_status 0 "$CORRIDOR" fund budget NE-AJY --currency XOF --amount 1000000 --db f.db
expect_stdout "budget of NE-AJY for $year: 1,000,000 XOF"
expect_status 0 "$CORRIDOR" fund request NE-AJY-2026-000001 --reason lost_documents \
	--kind documents --currency XOF --amount 45000 --note "passport stolen in Agadez" --db f.db
expect_stdout "request 1: 45,000 XOF for documents on case NE-AJY-2026-000001"
expect_status 0 "$CORRIDOR" fund request NE-AJY-2026-000002 --reason destitution \
	--kind cash --currency XOF --amount 990000 --db f.db
expect_stdout "request 2: 990,000 XOF for cash on case NE-AJY-2026-000002"

# Only HASM cases; only known reasons, kinds, currencies; amounts in the currency's decimals.
refused "error: case 'LY-TIP-2026-000001' is VHR; the fund assists stranded-migrant (HASM) cases only" \
	request LY-TIP-2026-000001 --reason abuse --kind shelter --currency USD --amount 10
refused "error: no case 'NE-AJY-2026-000009'" \
	request NE-AJY-2026-000009 --reason abuse --kind shelter --currency USD --amount 10
expect_status 2 "$CORRIDOR" fund request NE-AJY-2026-000001 --reason bored --kind cash \
	--currency XOF --amount 10 --db f.db
expect_stderr_contains "corridor fund: --reason: one of lost_documents, destitution"
expect_status 2 "$CORRIDOR" fund request NE-AJY-2026-000001 --reason abuse --kind cash \
	--currency XOF --amount 10.5 --db f.db
expect_stderr_contains "corridor fund: --amount: '10.5' is not a positive amount in XOF with at most 0 decimals"
expect_status 2 "$CORRIDOR" fund budget NE-AJY --currency ABC --amount 10 --db f.db
expect_stderr_contains "corridor fund: --currency: give an ISO 4217 code"

# Approval within the budget; beyond it refused with the figures.
expect_status 0 "$CORRIDOR" fund approve 1 --db f.db
expect_stdout "request 1 approved"
refused "error: approving 990,000 XOF would exceed the $year budget of office 'NE-AJY': budget 1,000,000 XOF, already approved 45,000 XOF, left 955,000 XOF" \
	approve 2
refused "error: fund request 1 is already approved" approve 1
refused "error: no fund request 7" approve 7
expect_status 2 "$CORRIDOR" fund reject 2 --db f.db
expect_stderr_contains "corridor fund: --note: say why the request is rejected"

# Payments within the approval, then refused.
refused "error: fund request 2 is requested, not approved" pay 2 --amount 10
expect_status 0 "$CORRIDOR" fund pay 1 --amount 30000 --reference RCPT-0091 --db f.db
expect_stdout "request 1: paid 30,000 XOF"
refused "error: fund request 1: paying 20,000 XOF would exceed the approved 45,000 XOF (already paid 30,000 XOF)" \
	pay 1 --amount 20000
expect_status 0 "$CORRIDOR" fund pay 1 --amount 15000 --db f.db

# A budget below what is approved is refused; a higher one lets request 2 through.
refused "error: the $year budget of office 'NE-AJY' cannot be 10,000 XOF: 45,000 XOF is already approved" \
	budget NE-AJY --currency XOF --amount 10000
expect_status 0 "$CORRIDOR" fund budget NE-AJY --currency XOF --amount 1100000 --db f.db
expect_status 0 "$CORRIDOR" fund approve 2 --db f.db

# The position is derived from the records.
expect_status 0 "$CORRIDOR" fund status NE-AJY --db f.db
expect_stdout "fund of NE-AJY in $year
  XOF  budget 1,100,000 XOF, approved 1,035,000 XOF, paid 45,000 XOF, left to approve 65,000 XOF
requests
      1  NE-AJY-2026-000001   approved  lost_documents   documents        45,000 XOF  paid 45,000 XOF
      2  NE-AJY-2026-000002   approved  destitution      cash            990,000 XOF  paid 0 XOF"
[ "$(sql f.db "SELECT sum(amount) FROM fund_payment")" = 45000 ] || fail "payments in the database"

# Every step is in the case's history, with the actor.
expect_status 0 "$CORRIDOR" case show NE-AJY-2026-000001 --db f.db
expect_stdout_contains "tester       fund       request 1: 45,000 XOF for documents (lost_documents): passport stolen in Agadez"
expect_stdout_contains "tester       fund       request 1 approved: 45,000 XOF"
expect_stdout_contains "tester       fund       request 1: paid 30,000 XOF, reference RCPT-0091"
[ "$(sql f.db "SELECT count(*) FROM event WHERE case_id IS NULL AND action = 'fund'")" = 2 ] ||
	fail "budget events"
pass
