#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Duplicates: a case whose rows are not consecutive, a person number used
# twice in a case, cases already in the database. Status 1, the exact
# messages, the database unchanged.
. "$(dirname "$0")/lib.sh"

fixture good.csv dup-case-split.csv dup-person.csv
new_db d.db

# Rows: LY-TIP 1, LY-TIP 2, LB-BEY 1, LY-TIP 3, LB-BEY 2.
expect_import_refused d.db dup-case-split.csv \
"dup-case-split.csv:5: case_id: the rows of case 'LY-TIP-2026-000101' must be consecutive; it appeared earlier in the file
dup-case-split.csv:6: case_id: the rows of case 'LB-BEY-2025-000007' must be consecutive; it appeared earlier in the file
error: dup-case-split.csv: 2 bad rows of 5; nothing was imported"

expect_import_refused d.db dup-person.csv \
"dup-person.csv:4: person_no: case 'LY-TIP-2026-000101' already has a person 2
error: dup-person.csv: 1 bad row of 5; nothing was imported"

# Already in the database, alone or among new cases.
expect_status 0 "$CORRIDOR" import good.csv --db d.db
expect_import_refused d.db good.csv \
"good.csv:2: case_id: case 'LY-TIP-2026-000101' already exists in the database
good.csv:5: case_id: case 'LB-BEY-2025-000007' already exists in the database
error: good.csv: 2 bad rows of 5; nothing was imported"
{
	head -n 1 good.csv
	sed -n 2p good.csv | sed 's/LY-TIP-2026-000101/LY-TIP-2026-000150/'
	sed -n 5,6p good.csv
} >some-new.csv
expect_import_refused d.db some-new.csv \
"some-new.csv:3: case_id: case 'LB-BEY-2025-000007' already exists in the database
error: some-new.csv: 1 bad row of 3; nothing was imported"
expect_status 0 "$CORRIDOR" case list --text LY-TIP-2026-000150 --json --db d.db
[ "$(stdout | jq .total)" = 0 ] ||
	fail "a case of a refused file was kept"
pass
