#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# A --db that is not a Corridor database: a text file, an empty file, an
# SQLite database of another application, a Corridor database from a newer
# version. Every command refuses it with status 1 and a message naming the
# file, and leaves the file as it was; init and demo do not take it over.
. "$(dirname "$0")/lib.sh"
sqlite_only "files that are not Corridor databases"

fixture good.csv
printf 'case_id,programme\nLY-TIP-2026-000001,VHR\n' >text.db
: >empty.db
sqlite3 other.db "CREATE TABLE t (x); INSERT INTO t VALUES ('theirs');"
new_db newer.db
sqlite3 newer.db 'PRAGMA user_version = 99'

every="import good.csv|export|case list|case show LY-TIP-2026-000001|stats|office list|office add NE-ZIN --country NER --name Zinder|init|demo --people 5"
some="import good.csv|case list|stats|init|demo --people 5"

# Each of the commands (separated by '|') refuses db with the message want.
refused()
{
	local db=$1 want=$2 cmds=$3 cmd
	cp "$db" "$db.orig"
	IFS='|' read -ra list <<<"$cmds"
	for cmd in "${list[@]}"; do
		# shellcheck disable=SC2086
		expect_status 1 "$CORRIDOR" $cmd --db "$db"
		expect_stderr "$want"
		case $cmd in
		export | "case list") ;; # may print a header first
		*) expect_empty_stdout ;;
		esac
		cmp -s "$db" "$db.orig" || fail "'corridor $cmd' changed $db"
	done
	expect_no_file "$db-wal"
	expect_no_file "$db-journal"
}

refused text.db "error: 'text.db' is not a Corridor database (not an SQLite file)" "$every"
refused other.db "error: 'other.db' is not a Corridor database (application id 0)" "$some"
refused newer.db "error: 'newer.db' has schema version 99 but this corridor knows up to $SCHEMA: use a newer corridor" "$every"
# An empty file is refused, except by init and demo, which create a database in it.
cp empty.db empty.db.orig
for cmd in "import good.csv" "case list" "stats"; do
	# shellcheck disable=SC2086
	expect_status 1 "$CORRIDOR" $cmd --db empty.db
	expect_stderr "error: 'empty.db' is empty, not a Corridor database"
	cmp -s empty.db empty.db.orig || fail "'corridor $cmd' changed empty.db"
done
expect_status 0 "$CORRIDOR" init --db empty.db
expect_stdout "created empty.db (schema version $SCHEMA)"
expect_status 0 "$CORRIDOR" office list --json --db empty.db
[ "$(stdout | jq '.offices | length')" = 24 ] || fail "init did not create the schema in the empty file"
[ "$(sql other.db 'SELECT x FROM t')" = theirs ] || fail "the other application's data changed"
pass
