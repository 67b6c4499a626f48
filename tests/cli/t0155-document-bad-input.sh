#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor document refuses bad input with a message naming the option or
# field, exit 2 for a wrong command line and 1 for a refused record, and
# leaves the database exactly as it was (its dump, byte for byte).
. "$(dirname "$0")/lib.sh"

fixture health-documents.csv
new_db h.db
expect_status 0 "$CORRIDOR" import health-documents.csv --db h.db
amina=LY-TIP-2026-000201-01

# refused STATUS MESSAGE ARGS...: as in t0151, for 'corridor document'.
refused()
{
	local want_status=$1 want=$2
	shift 2
	db_dump h.db >before.sql
	expect_status "$want_status" "$CORRIDOR" document "$@" --db h.db </dev/null
	if [ "$want_status" -eq 2 ]; then
		[ "$(stderr | head -n 1)" = "$want" ] || fail "stderr: $(stderr | head -n 1)
expected: $want"
		expect_stderr_contains "see 'corridor document --help'"
	else
		expect_stderr "$want"
	fi
	expect_empty_stdout
	db_dump h.db >after.sql
	cmp -s before.sql after.sql || fail "document $* changed the database"
}

# The command line.
refused 2 "corridor document: 'remove' is not add, list or check" remove $amina
refused 2 "corridor document: give a person ID, e.g. LY-TIP-2026-000123-01" add --kind passport
refused 2 "corridor document: --kind: give the kind of document (or --mrz)" add $amina --number P1 --issuer SDN
refused 2 "corridor document: --kind: 'Passport' is not passport, id_card, etd, laissez_passer, exit_permit, visa or refugee_td" \
	add $amina --kind Passport --number P1 --issuer SDN
refused 2 "corridor document: --kind: '' is not passport, id_card, etd, laissez_passer, exit_permit, visa or refugee_td" \
	add $amina --kind "" --number P1 --issuer SDN
refused 2 "corridor document: --number: give the document number" add $amina --kind passport --issuer SDN
refused 2 "corridor document: --issuer: give the issuing state's ISO 3166-1 alpha-3 code" \
	add $amina --kind passport --number P1
refused 2 "corridor document: --expires: '2031-02-29' is not a real date in the form YYYY-MM-DD" \
	add $amina --kind passport --number P1 --issuer SDN --expires 2031-02-29
refused 2 "corridor document: --travel-date is for 'document check'" \
	add $amina --kind passport --number P1 --issuer SDN --travel-date 2027-01-01
refused 2 "corridor document: unknown option '--expiry'" \
	add $amina --kind passport --number P1 --issuer SDN --expiry 2031-01-01
refused 2 "corridor document: list takes a person ID, --json and --db only" list $amina --kind passport
refused 2 "corridor document: give a case ID, e.g. LY-TIP-2026-000123" check --travel-date 2027-01-01
refused 2 "corridor document: --travel-date: give the day of travel, YYYY-MM-DD" check LY-TIP-2026-000201
refused 2 "corridor document: --travel-date: '10/01/2027' is not a real date in the form YYYY-MM-DD" \
	check LY-TIP-2026-000201 --travel-date 10/01/2027
refused 2 "corridor document: --margin-days: '-1' is not a whole number from 0 to 3660" \
	check LY-TIP-2026-000201 --travel-date 2027-01-10 --margin-days -1
refused 2 "corridor document: --margin-days: '30d' is not a whole number from 0 to 3660" \
	check LY-TIP-2026-000201 --travel-date 2027-01-10 --margin-days 30d
refused 2 "corridor document: check takes --travel-date, --margin-days and --json" \
	check LY-TIP-2026-000201 --travel-date 2027-01-10 --mrz

# Fields.
refused 1 "error: number: 'p-0491' may hold only A-Z and 0-9" add $amina --kind passport --number p-0491 --issuer SDN
refused 1 "error: number: 'ABCDEFGHIJKLMNOPQRSTUVWXY' is longer than 24 characters" \
	add $amina --kind passport --number ABCDEFGHIJKLMNOPQRSTUVWXY --issuer SDN
refused 1 "error: issuer: 'UTO' is not an ISO 3166-1 alpha-3 country code" add $amina --kind passport --number P1 --issuer UTO
refused 1 "error: issuer: 'Sudan' is not an ISO 3166-1 alpha-3 country code" add $amina --kind passport --number P1 --issuer Sudan
refused 1 "error: issuer: 'sdn' is not an ISO 3166-1 alpha-3 country code" add $amina --kind passport --number P1 --issuer sdn
refused 1 "error: expires: 1989-12-31 is not after the holder's birth date 1990-03-14" \
	add $amina --kind passport --number P1 --issuer SDN --expires 1989-12-31

# Persons and cases.
refused 1 "error: 'LY-TIP-2026-000201-001' is not a person ID (a case ID, '-' and two digits, e.g. LY-TIP-2026-000123-01)" \
	add LY-TIP-2026-000201-001 --kind passport --number P1 --issuer SDN
refused 1 "error: no person 'LY-TIP-2026-000201-04': case 'LY-TIP-2026-000201' has no person 04" \
	list LY-TIP-2026-000201-04
refused 1 "error: no person 'LY-TIP-2026-000201-04': case 'LY-TIP-2026-000201' has no person 04" \
	add LY-TIP-2026-000201-04 --mrz
refused 1 "error: no case 'LY-TIP-2026-000999'" check LY-TIP-2026-000999 --travel-date 2027-01-10

# Every problem of the fields at once, each a cause naming its field.
refused 1 "error: the document of '$amina' has 3 problems
  number: 'ABCDEFGHIJKLMNOPQRSTUVWXY' is longer than 24 characters
  issuer: 'Sudan' is not an ISO 3166-1 alpha-3 country code
  expires: 1989-12-31 is not after the holder's birth date 1990-03-14" \
	add $amina --kind passport --number ABCDEFGHIJKLMNOPQRSTUVWXY --issuer Sudan --expires 1989-12-31
db_dump h.db >before.sql
expect_status 1 "$CORRIDOR" document add $amina --kind visa --number v-1 --issuer sdn --json --db h.db
expect_empty_stdout
[ "$(stderr | jq -c '.error | [.code, .field, (.causes | map(.field))]')" = '["INVALID",null,["number","issuer"]]' ] ||
	fail "error document: $(stderr)"
expect_status 1 "$CORRIDOR" document check LY-TIP-2026-000999 --travel-date 2027-01-10 --json --db h.db
[ "$(stderr | jq -c '.error | [.code, .field, .message]')" = '["CASE_NOT_FOUND","case","no case '"'LY-TIP-2026-000999'"'"]' ] ||
	fail "error document: $(stderr)"
expect_status 1 "$CORRIDOR" document list LY-TIP-2026-000201-1 --json --db h.db
[ "$(stderr | jq -c '.error | [.code, .field]')" = '["INVALID","person"]' ] || fail "error document: $(stderr)"
db_dump h.db >after.sql
expect_same_file before.sql after.sql

# Only the imported documents, and no document event, in any case.
for c in $(jv '.cases[].ref' case list --limit 0 --db h.db); do
	jv . case show "$c" --db h.db
done | jq -s . >cases.json
[ "$(jq length cases.json)" = 2 ] || fail "2 cases expected: $(jq -c 'map(.case.ref)' cases.json)"
for p in $(jq -r '.[].persons[].ref' cases.json); do
	jv . document list "$p" --db h.db
done | jq -s . >documents.json
[ "$(jq length documents.json)" = 5 ] || fail "the documents of 5 persons expected: $(jq -c 'map(.person.id)' documents.json)"
[ "$(jq '[.[].documents[] | select(.source != "import")] | length' documents.json)" = 0 ] ||
	fail "a document was added: $(jq -c '[.[].documents[] | select(.source != "import")]' documents.json)"
[ "$(jq '[.[].history[] | select(.action == "document")] | length' cases.json)" = 0 ] ||
	fail "a document event was added: $(jq -c '[.[].history[] | select(.action == "document")]' cases.json)"
pass
