#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Files that cannot be imported at all: a wrong header (a required column
# missing, an unknown or a repeated column), an empty file, a missing file.
# Each: status 1, the exact message, and the database unchanged.
. "$(dirname "$0")/lib.sh"

fixture good.csv header-missing.csv header-unknown.csv header-duplicate.csv empty.csv
new_db d.db
# A database that already holds something, to see that it stays.
expect_status 0 "$CORRIDOR" import good.csv --db d.db

expect_import_refused d.db header-missing.csv \
	"error: header-missing.csv: line 1: missing column 'sex' (see docs/import-csv.md)"
expect_import_refused d.db header-unknown.csv \
	"error: header-unknown.csv: line 1, column 25: unknown column 'colour' (see docs/import-csv.md)"
expect_import_refused d.db header-duplicate.csv \
	"error: header-duplicate.csv: line 1, column 19: column 'nationality' appears twice"
expect_import_refused d.db empty.csv \
	"error: empty.csv: the file is empty: expected a header line (see docs/import-csv.md)"
printf '\n\r\n\n' >blank.csv
expect_import_refused d.db blank.csv \
	"error: blank.csv: the file is empty: expected a header line (see docs/import-csv.md)"
expect_import_refused d.db nosuch.csv "error: cannot open 'nosuch.csv': No such file or directory"
mkdir dir.csv
expect_import_refused d.db dir.csv "error: dir.csv: read error"
# Not CSV at all.
printf 'PK\003\004\024\000\010\000binary\000stuff\n' >sheet.csv
expect_import_refused d.db sheet.csv \
	"error: sheet.csv: line 1, column 1: unknown column '?K???' (see docs/import-csv.md)"
# Semicolons, as some spreadsheets write.
tr ',' ';' <good.csv >semicolons.csv
expect_import_refused d.db semicolons.csv \
	"error: semicolons.csv: line 1, column 1: unknown column 'case_id;programme;office;origin;destinat' (see docs/import-csv.md)"
pass
