#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# The test harness on both backends: db_dump and sql read what the binary
# wrote, and a refused write leaves the dump as it was; on PostgreSQL,
# every database name the test gives (--db NAME, --db=NAME, $CORRIDOR_DB,
# ./corridor.db) is a database of its own, and the binary's messages name
# it as the test did.
. "$(dirname "$0")/lib.sh"

fixture good.csv bad-dates.csv
new_db a.db
expect_stdout "created a.db (schema version $SCHEMA)"
db_dump a.db >empty.sql
[ -s empty.sql ] || fail "db_dump of a new database is empty: the offices are missing"
expect_status 1 "$CORRIDOR" import bad-dates.csv --db a.db
db_dump a.db >refused.sql
expect_same_file empty.sql refused.sql
expect_status 0 "$CORRIDOR" import good.csv --db a.db
db_dump a.db >imported.sql
cmp -s empty.sql imported.sql && fail "db_dump does not show an import"
[ "$(sql a.db 'SELECT count(*) FROM cases')" = 2 ] || fail "sql: not the 2 imported cases"
[ "$(sql a.db "SELECT ref, state FROM cases ORDER BY ref" | head -n 1)" = "LB-BEY-2025-000007|submitted" ] ||
	fail "sql: not one row a line, columns between |: $(sql a.db 'SELECT ref, state FROM cases ORDER BY ref')"
# The status is the binary's, whatever it is.
expect_status 2 "$CORRIDOR" stats --colour red --db a.db
expect_stderr_contains "corridor stats: unknown option '--colour'"
on_sqlite && pass

# PostgreSQL: names to databases of this test.
[ "$(cor_pg_db_name a.db)" = t0015_a ] || fail "a.db is not t0015_a"
[ "$(cor_pg_db_name "$WORK/New-2.db")" = t0015_new_2 ] || fail "the folder, the case and '-' are not dropped"
[ "$(cor_pg_db_name ././corridor.db)" = t0015_corridor ] || fail "./ is not dropped"
db_exists() { [ "$(psql -XAtq "$COR_TEST_PG" -c "SELECT count(*) FROM pg_database WHERE datname = '$1'")" = 1 ]; }
db_exists t0015_a || fail "no database t0015_a"
expect_status 0 "$CORRIDOR" init --db=b.db
expect_stdout "created b.db (schema version $SCHEMA)"
db_exists t0015_b || fail "--db=b.db made no database t0015_b"
CORRIDOR_DB=env.db expect_status 1 "$CORRIDOR" stats --json
db_exists t0015_env || fail "\$CORRIDOR_DB made no database t0015_env"
expect_stderr_contains "the PostgreSQL database 'env.db' is empty"
expect_status 0 "$CORRIDOR" init
expect_stdout "created ./corridor.db (schema version $SCHEMA)"
db_exists t0015_corridor || fail "no --db made no database t0015_corridor"
# A URI is left as it is, and so is what the binary says of it.
uri=$(pg_uri b.db)
expect_status 0 "$CORRIDOR" case list --json --db "$uri"
[ "$(stdout | jq .total)" = 0 ] || fail "case list on the URI of b.db: $(stdout)"
expect_status 1 "$CORRIDOR" case show LY-TIP-2026-999999 --db "$uri"
expect_stderr_contains "LY-TIP-2026-999999"
# The way back is exact: only the URI and the quoted label are replaced.
expect_status 1 "$CORRIDOR" case list --db b.db --db e.db
expect_stderr "error: the PostgreSQL database 'e.db' is empty, not a Corridor database (create the schema with 'corridor init')"
# What goes in on stdin goes through.
expect_status 0 "$CORRIDOR" import /dev/stdin --db b.db <good.csv
expect_stdout "imported 5 persons in 2 cases from /dev/stdin"
pass
