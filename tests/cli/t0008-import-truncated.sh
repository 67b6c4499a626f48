#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Truncated files: the last row cut short, a quoted field never closed, a
# file cut at any byte. The import is refused whole (also with --skip-bad),
# with the line where the broken row starts.
. "$(dirname "$0")/lib.sh"

fixture good.csv truncated-row.csv truncated-quote.csv
new_db t.db

expect_import_refused t.db truncated-row.csv \
	"error: truncated-row.csv: line 6: the file ends inside a row (8 of 24 fields): truncated?"
# The quote opens on line 4 and swallows the rest of the file.
expect_import_refused t.db truncated-quote.csv \
	"error: truncated-quote.csv: line 4: the file ends inside a quoted field: truncated?"

# Nothing is kept with --skip-bad either: the file itself is broken.
db_dump t.db >before.sql
expect_status 1 "$CORRIDOR" import truncated-row.csv --skip-bad --db t.db
expect_stderr "error: truncated-row.csv: line 6: the file ends inside a row (8 of 24 fields): truncated?"
expect_empty_stdout
db_dump t.db >after.sql
expect_same_file before.sql after.sql

# The good file cut at every 89th byte: never imported, never a crash, and
# a message that names the file.
size=$(wc -c <good.csv)
for ((n = 1; n < size - 1; n += 89)); do
	head -c "$n" good.csv >cut.csv
	# A cut just after a whole row is a good, shorter file.
	[ "$(tail -c 1 cut.csv)" = "" ] && continue
	db_dump t.db >before.sql
	run "$CORRIDOR" import cut.csv --db t.db
	[ "$STATUS" -eq 1 ] || fail "a file cut at byte $n: status $STATUS, expected 1"
	expect_stderr_contains "error: cut.csv: "
	db_dump t.db >after.sql
	cmp -s before.sql after.sql || fail "a file cut at byte $n changed the database"
done
pass
