#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# A database from before the search index (schema version 9) gets it when
# opened: migration 10 writes the keys of the persons and documents already
# there, and search and duplicates find them. An import writes the keys of
# what it imports (in key order at the commit on SQLite, through COPY on
# PostgreSQL): the same keys.
. "$(dirname "$0")/lib.sh"

export CORRIDOR_NOW=2026-12-07T09:00:00Z
new_db d.db
for n in 1 2; do
	"$CORRIDOR" case register --programme VHR --office LY-TIP --origin LBY --destination SYR \
		--family-name-latin Al-Khatib --given-names-latin Mohamed --family-name 'الخطيب' \
		--given-names 'محمد' --sex M --birth-date 1990-05-01 --nationality SYR --db d.db >/dev/null ||
		fail "register $n"
done
keys=$(sql d.db "SELECT count(*) FROM person_key")
[ "$keys" -gt 0 ] || fail "no keys written at registration"
# Back to version 9: without what migrations 12 (locations), 11
# (corrections) and 10 (search) made.
for q in "DROP TABLE place_reach" "DROP TABLE location" "DROP INDEX cases_location" \
	"ALTER TABLE cases DROP COLUMN location" "ALTER TABLE leg DROP COLUMN carrier" \
	"DROP TABLE case_merge" "DROP TABLE document_void" "ALTER TABLE event DROP COLUMN field" \
	"ALTER TABLE event DROP COLUMN old_value" "ALTER TABLE event DROP COLUMN new_value" \
	"DROP TABLE person_distinct" "DROP TABLE person_key"; do
	sql d.db "$q" >/dev/null || fail "$q"
done
if [ "$BACKEND" = pg ]; then
	sql d.db "UPDATE corridor_schema SET version = 9" >/dev/null
else
	sql d.db "PRAGMA user_version = 9" >/dev/null
fi
expect_status 0 "$CORRIDOR" init --db d.db
expect_stdout_contains "schema version 13"
[ "$(sql d.db "SELECT count(*) FROM person_key")" = "$keys" ] || fail "the keys are not written again"
[ "$(jv '[.persons[].ref] | join(" ")' case search 'al khatib' --db d.db)" = \
	"LY-TIP-2026-000001-01 LY-TIP-2026-000002-01" ] || fail "search after the migration"
[ "$(jv '[.pairs[].score] | map(tostring) | join(" ")' duplicates --db d.db)" = 40 ] ||
	fail "duplicates after the migration"
expect_status 0 "$CORRIDOR" export --db d.db --out p.csv
new_db e.db
expect_status 0 "$CORRIDOR" import p.csv --db e.db
[ "$(sql e.db "SELECT count(*) FROM person_key")" = "$keys" ] || fail "the import's keys"
[ "$(jv '[.persons[].ref] | join(" ")' case search 'محمد الخطيب' --db e.db)" = \
	"LY-TIP-2026-000001-01 LY-TIP-2026-000002-01" ] || fail "search after an import"
pass
