#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor move on a demo caseload, whose history was written by the demo
# generator: an on_hold return resumes where its history says it was held,
# and only once a counselling session is on record (the demo records none).
. "$(dirname "$0")/lib.sh"

expect_status 0 "$CORRIDOR" demo --people 600 --seed 7 --date 2026-01-15 --db d.db
ref=$(sql d.db "SELECT ref FROM cases WHERE programme = 'VHR' AND state = 'on_hold' ORDER BY id LIMIT 1")
[ -n "$ref" ] || fail "the demo has no VHR case on hold: a weak test"
held=$(sql d.db "SELECT substr(e.detail, 1, instr(e.detail, ' -> ') - 1) FROM event e JOIN cases c ON c.id = e.case_id
 WHERE c.ref = '$ref' AND e.action = 'state' AND e.detail LIKE '% -> on_hold' ORDER BY e.id DESC LIMIT 1")
[ "$held" = counselled ] || fail "the demo held $ref from '$held'"

db_dump d.db >before.sql
expect_status 1 "$CORRIDOR" move "$ref" assessed --db d.db
expect_stderr "error: case '$ref' is 'on_hold'; it cannot go to 'assessed' (next: counselled, ineligible, closed)"
expect_status 1 "$CORRIDOR" move "$ref" counselled --db d.db
expect_stderr "error: case '$ref' is 'on_hold'; it cannot go to 'counselled' before a counselling session is recorded (a return happens only at the person's request)"
db_dump d.db >after.sql
expect_same_file before.sql after.sql

expect_status 0 "$CORRIDOR" counsel "$ref" --counsellor "Amal Haddad" --language ar --decision yes --db d.db
expect_stdout "recorded counselling session 1 of case $ref: decision yes"
expect_status 0 "$CORRIDOR" move "$ref" counselled --db d.db
expect_stdout "case $ref: on_hold -> counselled"
expect_status 0 "$CORRIDOR" case show "$ref" --db d.db
expect_stdout_contains "  state        counselled"
[ "$(stdout | tail -n 1 | sed -E 's/^  [0-9TZ:-]+  //')" = "tester       state      on_hold -> counselled" ] ||
	fail "last history line: $(stdout | tail -n 1)"
[ "$(sql d.db 'PRAGMA foreign_key_check')" = "" ] || fail "foreign keys broken"
pass
