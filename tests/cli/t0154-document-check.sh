#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor document check: each person of a case against the travel date
# and the margin; exit 1 (with the count on stderr) when anyone lacks a
# valid travel document, 0 when all hold one; the expiry day itself is
# valid; visas and exit permits do not count; nothing is written.
. "$(dirname "$0")/lib.sh"

fixture health-documents.csv
new_db h.db
expect_status 0 "$CORRIDOR" import health-documents.csv --db h.db
case=LY-TIP-2026-000201
db_dump h.db >before.sql

# Amina's passport expires 2027-01-02, Huda's ETD 2027-03-31; Omar has none.
expect_status 1 "$CORRIDOR" document check $case --travel-date 2027-01-10 --db h.db
expect_stdout "case $case, travel on 2027-01-10, margin 0 days
  $case-01  NO  passport of Amina YUSUF expires 2027-01-02, before travel on 2027-01-10
  $case-02  NO  Omar YUSUF holds no document
  $case-03  ok  etd E7700123 issued by SDN, expires 2027-03-31"
expect_stderr "error: 2 of 3 persons of '$case' lack a valid travel document for travel on 2027-01-10"

# Travel on the expiry day: valid; with one day of margin: not.
expect_status 1 "$CORRIDOR" document check $case --travel-date 2027-01-02 --db h.db
[ "$(stdout | sed -n 2p)" = "  $case-01  ok  passport P04918273 issued by SDN, expires 2027-01-02" ] ||
	fail "line 2: $(stdout | sed -n 2p)"
expect_stderr "error: 1 of 3 persons of '$case' lacks a valid travel document for travel on 2027-01-02"
expect_status 1 "$CORRIDOR" document check $case --travel-date 2027-01-02 --margin-days 1 --db h.db
[ "$(stdout | head -n 2)" = "case $case, travel on 2027-01-02, margin 1 day
  $case-01  NO  passport of Amina YUSUF expires 2027-01-02, less than 1 day after travel on 2027-01-02" ] ||
	fail "margin 1: $(stdout | head -n 2)"
expect_stderr "error: 2 of 3 persons of '$case' lack a valid travel document for travel on 2027-01-02"

# A visa is not a travel document; a laissez-passer without expiry is.
expect_status 0 "$CORRIDOR" document add $case-02 --kind visa --number V1 --issuer NGA --expires 2030-01-01 --db h.db
expect_status 1 "$CORRIDOR" document check $case --travel-date 2026-12-01 --db h.db
[ "$(stdout | sed -n 3p)" = "  $case-02  NO  Omar YUSUF holds no travel document (holds: visa)" ] ||
	fail "visa only: $(stdout | sed -n 3p)"
expect_status 0 "$CORRIDOR" document add $case-02 --kind laissez_passer --number LP88 --issuer SDN --db h.db
db_dump h.db >before.sql
# 2026-12-01 + 32 days is 2027-01-02, the passport's last day: just enough.
expect_status 0 "$CORRIDOR" document check $case --travel-date 2026-12-01 --margin-days 32 --db h.db
expect_stdout "case $case, travel on 2026-12-01, margin 32 days
  $case-01  ok  passport P04918273 issued by SDN, expires 2027-01-02
  $case-02  ok  laissez_passer LP88 issued by SDN, no expiry date
  $case-03  ok  etd E7700123 issued by SDN, expires 2027-03-31
every person holds a valid travel document (3 of 3)"
expect_empty_stderr
expect_status 1 "$CORRIDOR" document check $case --travel-date 2026-12-01 --margin-days 33 --db h.db
[ "$(stdout | sed -n 2p)" = "  $case-01  NO  passport of Amina YUSUF expires 2027-01-02, less than 33 days after travel on 2026-12-01" ] ||
	fail "margin 33: $(stdout | sed -n 2p)"
expect_stderr "error: 1 of 3 persons of '$case' lacks a valid travel document for travel on 2026-12-01"

# The USA-bound case: the refugee travel document holds; Grace has none.
expect_status 1 "$CORRIDOR" document check KE-NBO-2026-000010 --travel-date 2026-06-01 --db h.db
expect_stdout "case KE-NBO-2026-000010, travel on 2026-06-01, margin 0 days
  KE-NBO-2026-000010-01  ok  refugee_td KEN0012345 issued by KEN, expires 2028-02-01
  KE-NBO-2026-000010-02  NO  Grace UWIMANA holds no document"
expect_stderr "error: 1 of 2 persons of 'KE-NBO-2026-000010' lacks a valid travel document for travel on 2026-06-01"

# --json: one document on stdout, exit 1 still when anyone lacks a document.
expect_status 1 "$CORRIDOR" document check $case --travel-date 2026-12-01 --margin-days 33 --json --db h.db
expect_empty_stderr
[ "$(stdout | jq -c '[.case, .travel_date, .margin_days, .persons_total, .persons_lacking,
	(.persons | map([.person, .valid, .document.kind, .reason]))]')" = \
	'["'$case'","2026-12-01",33,3,1,[["'$case'-01",false,null,"passport of Amina YUSUF expires 2027-01-02, less than 33 days after travel on 2026-12-01"],["'$case'-02",true,"laissez_passer",null],["'$case'-03",true,"etd",null]]]' ] ||
	fail "check --json: $(stdout)"
expect_status 0 "$CORRIDOR" document check $case --travel-date 2026-12-01 --json --db h.db
[ "$(stdout | jq -c '[.persons_lacking, .persons[1].document]')" = \
	'[0,{"kind":"laissez_passer","number":"LP88","issuer":"SDN","expires_on":null}]' ] || fail "check --json: $(stdout)"

# Checking writes nothing.
db_dump h.db >after.sql
expect_same_file before.sql after.sql
pass
