#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# A damaged database: a demo database with the middle half of its pages
# overwritten. Reading it fails with status 1 and SQLite's diagnosis
# naming the file, never a crash; a damaged header is not taken for a
# database at all.
. "$(dirname "$0")/lib.sh"
sqlite_only "a database file with damaged pages"

expect_status 0 "$CORRIDOR" demo --people 2000 --seed 3 --date 2026-01-15 --db good.db
size=$(stat -c %s good.db)
cp good.db bad.db
# The middle half of the file: the big tables have pages there.
head -c $((size / 2)) /dev/zero | tr '\0' 'X' | dd of=bad.db bs=4096 seek=$((size / 4 / 4096)) conv=notrunc status=none
cmp -s good.db bad.db && fail "the damage did not happen"

# Which step meets the damage first depends on the page layout: the message
# names the step, SQLite's diagnosis and the file.
malformed="error: [a-z ]+: database disk image is malformed \(database 'bad\.db'\)"
expect_status 1 "$CORRIDOR" case list --limit 0 --db bad.db
expect_stderr_line_matches "$malformed"
expect_status 1 "$CORRIDOR" stats --date 2026-01-15 --db bad.db
expect_stderr_line_matches "$malformed"
expect_empty_stdout
expect_status 1 "$CORRIDOR" export --db bad.db --out x.csv
expect_stderr_line_matches "$malformed"
expect_no_file x.csv
expect_no_file x.csv.tmp
# Every case shown or refused, none crashing.
for ref in $("$CORRIDOR" case list --limit 0 --json --db good.db | jq -r '.cases[range(0; length; 50)].ref'); do
	run "$CORRIDOR" case show "$ref" --db bad.db
	[ "$STATUS" -le 1 ] || fail "case show $ref: status $STATUS"
done
# Importing into it does not crash either.
fixture good.csv
run "$CORRIDOR" import good.csv --db bad.db
[ "$STATUS" -le 1 ] || fail "import: status $STATUS"

# The first page damaged: not even recognised as a database.
cp good.db head.db
printf 'this is not the header' | dd of=head.db bs=1 seek=0 conv=notrunc status=none
expect_status 1 "$CORRIDOR" stats --db head.db
expect_stderr "error: 'head.db' is not a Corridor database (not an SQLite file)"
pass
