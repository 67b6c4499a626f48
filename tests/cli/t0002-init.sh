#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor init: creates a database with the current schema and the shipped
# offices, opens an existing one without changing it, and finds the
# database through --db, $CORRIDOR_DB or ./corridor.db.
. "$(dirname "$0")/lib.sh"

expect_status 0 "$CORRIDOR" init --db new.db
[ "$SCHEMA" -ge 1 ] || fail "no schema version"
expect_stdout "created new.db (schema version $SCHEMA)"
expect_empty_stderr
if on_sqlite; then
	[ "$(sql new.db 'PRAGMA user_version')" = "$SCHEMA" ] || fail "user_version is not $SCHEMA"
	[ "$(sql new.db 'PRAGMA application_id')" = 1131377266 ] || fail "application_id is not 'Corr'"
fi
expect_status 0 "$CORRIDOR" office list --json --db new.db
[ "$(stdout | jq '.offices | length')" = 24 ] || fail "not the 24 shipped offices"
[ "$(stdout | jq -r '.offices[] | select(.code == "YE-ADE") | [.code, .country, .name] | join(" ")')" = "YE-ADE YEM Aden" ] ||
	fail "office YE-ADE is not as shipped"
expect_status 0 "$CORRIDOR" case list --json --db new.db
[ "$(stdout | jq -c '[.cases, .total]')" = '[[],0]' ] || fail "a new database has cases: $(stdout)"

# Again: opened, and nothing changes.
db_dump new.db >before.sql
expect_status 0 "$CORRIDOR" init --db new.db
expect_stdout "opened new.db (schema version $SCHEMA)"
expect_status 0 "$CORRIDOR" init --json --db new.db
[ "$(stdout | jq -c .)" = '{"database":"new.db","created":false,"schema_version":'"$SCHEMA"'}' ] ||
	fail "init --json: $(stdout)"
db_dump new.db >after.sql
expect_same_file before.sql after.sql
expect_status 0 "$CORRIDOR" init --json --db other.db
[ "$(stdout | jq -c .)" = '{"database":"other.db","created":true,"schema_version":'"$SCHEMA"'}' ] ||
	fail "init --json: $(stdout)"

# $CORRIDOR_DB, then ./corridor.db.
CORRIDOR_DB=env.db expect_status 0 "$CORRIDOR" init
expect_stdout "created env.db (schema version $SCHEMA)"
if on_sqlite; then
	[ -s env.db ] || fail "\$CORRIDOR_DB was not used"
	expect_no_file corridor.db
fi
expect_status 0 "$CORRIDOR" init
expect_stdout "created ./corridor.db (schema version $SCHEMA)"
! on_sqlite || [ -s corridor.db ] || fail "./corridor.db was not created"
# --db wins over $CORRIDOR_DB.
CORRIDOR_DB=env.db expect_status 0 "$CORRIDOR" office list --db new.db
CORRIDOR_DB=nosuch.db expect_status 0 "$CORRIDOR" office list --db new.db

# Commands other than init and demo do not create a database; on
# PostgreSQL, they find an empty one.
sqlite_only_from_here "no database and a file where the database should be"
expect_status 1 "$CORRIDOR" case list --db missing.db
expect_stderr "error: no database at 'missing.db' (create one with 'corridor init' or 'corridor demo')"
expect_empty_stdout
expect_no_file missing.db
expect_status 1 "$CORRIDOR" stats --db missing.db
expect_stderr "error: no database at 'missing.db' (create one with 'corridor init' or 'corridor demo')"
expect_no_file missing.db

# A directory where the database should be.
mkdir adir
expect_status 1 "$CORRIDOR" init --db adir
expect_stderr "error: 'adir' is not a regular file"
# A directory that does not exist.
expect_status 1 "$CORRIDOR" init --db nodir/x.db
expect_stderr "error: opening the database: unable to open database file (database 'nodir/x.db')"
expect_status 1 "$CORRIDOR" init --json --db adir
[ "$(jq -c .error "$WORK/.stderr")" = '{"code":"STORE_FAILED","field":"db","message":"'"'adir'"' is not a regular file"}' ] ||
	fail "init --json error: $(cat "$WORK/.stderr")"
pass
