#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor office list|add: the shipped offices in code order, adding one,
# and every way of asking for a bad one.
. "$(dirname "$0")/lib.sh"

new_db o.db
expect_status 0 "$CORRIDOR" office list --db o.db
expect_stdout_lines 24
[ "$(stdout | head -n 1)" = "AF-KBL  AFG Kabul" ] || fail "first office: $(stdout | head -n 1)"
[ "$(stdout | tail -n 1)" = "YE-ADE  YEM Aden" ] || fail "last office: $(stdout | tail -n 1)"
expect_stdout_contains "TZ-DAR  TZA Dar es Salaam"
stdout | sort -c || fail "offices are not in code order"

expect_status 0 "$CORRIDOR" office add NE-ZIN --country NER --name Zinder --db o.db
expect_stdout "added office NE-ZIN (Zinder, NER)"
expect_status 0 "$CORRIDOR" office add TR-ANK --country TUR --name "Ankara Çankaya" --db o.db
expect_stdout "added office TR-ANK (Ankara Çankaya, TUR)"
expect_status 0 "$CORRIDOR" office list --db o.db
expect_stdout_lines 26
expect_stdout_contains "NE-ZIN  NER Zinder"
expect_stdout_contains "TR-ANK  TUR Ankara Çankaya"
stdout | sort -c || fail "offices are not in code order"
# The same as one document.
expect_status 0 "$CORRIDOR" office list --json --db o.db
[ "$(stdout | jq '.offices | length')" = 26 ] || fail "office list --json: $(stdout | jq '.offices | length') offices"
[ "$(stdout | jq -c '.offices[] | select(.code == "TR-ANK")')" = '{"code":"TR-ANK","country":"TUR","name":"Ankara Çankaya"}' ] ||
	fail "office list --json: TR-ANK is $(stdout | jq -c '.offices[] | select(.code == "TR-ANK")')"
stdout | jq -r '.offices[].code' | sort -c || fail "office list --json: not in code order"

# Refusals change nothing.
db_dump o.db >before.sql
expect_status 1 "$CORRIDOR" office add NE-ZIN --country NER --name "Zinder 2" --db o.db
expect_stderr "error: office 'NE-ZIN' already exists"
expect_empty_stdout
expect_status 1 "$CORRIDOR" office add NE-ZIN --country NER --name "Zinder 2" --json --db o.db
[ "$(jq -c .error "$WORK/.stderr")" = '{"code":"EXISTS","field":"code","message":"office '"'NE-ZIN'"' already exists"}' ] ||
	fail "office add --json error: $(cat "$WORK/.stderr")"
expect_empty_stdout
expect_status 2 "$CORRIDOR" office add NEZIN --country NER --name Zinder --db o.db
expect_stderr_contains "corridor office: 'NEZIN' is not an office code like LY-TIP"
expect_status 2 "$CORRIDOR" office add ne-zin --country NER --name Zinder --db o.db
expect_stderr_contains "corridor office: 'ne-zin' is not an office code like LY-TIP"
expect_status 2 "$CORRIDOR" office add NE-MAR --country NGA --name Maradi --db o.db
expect_stderr_contains "corridor office: 'NE-MAR' must start with NG, the code of NGA"
expect_status 2 "$CORRIDOR" office add NE-MAR --country XXX --name Maradi --db o.db
expect_stderr_contains "corridor office: --country: give the ISO 3166-1 alpha-3 code"
expect_status 2 "$CORRIDOR" office add NE-MAR --name Maradi --db o.db
expect_stderr_contains "corridor office: --country: give the ISO 3166-1 alpha-3 code"
expect_status 2 "$CORRIDOR" office add NE-MAR --country NER --db o.db
expect_stderr_contains "corridor office: --name: give the office's name (1-63 bytes)"
expect_status 2 "$CORRIDOR" office add NE-MAR --country NER --name "" --db o.db
expect_stderr_contains "corridor office: --name: give the office's name (1-63 bytes)"
long=$(printf 'x%.0s' $(seq 64))
expect_status 2 "$CORRIDOR" office add NE-MAR --country NER --name "$long" --db o.db
expect_stderr_contains "corridor office: --name: give the office's name (1-63 bytes)"
expect_status 2 "$CORRIDOR" office add NE-MAR --country NER --name "$(printf 'Mar\tadi')" --db o.db
expect_stderr_contains "corridor office: --name: give the office's name (1-63 bytes)"
expect_status 2 "$CORRIDOR" office add --country NER --name Maradi --db o.db
expect_stderr_contains "corridor office: give one office code, e.g. NE-NIM"
expect_status 2 "$CORRIDOR" office list extra --db o.db
expect_stderr_contains "corridor office: unexpected argument 'extra'"
db_dump o.db >after.sql
expect_same_file before.sql after.sql

# 63 bytes is the longest name.
name63=$(printf 'y%.0s' $(seq 63))
expect_status 0 "$CORRIDOR" office add NE-MAR --country NER --name "$name63" --json --db o.db
[ "$(stdout | jq -c .)" = '{"code":"NE-MAR","country":"NER","name":"'"$name63"'"}' ] || fail "office add --json: $(stdout)"
expect_status 0 "$CORRIDOR" office list --db o.db
expect_stdout_contains "NE-MAR  NER $name63"

# A case of the new office imports.
fixture unknown-office.csv
expect_status 0 "$CORRIDOR" import unknown-office.csv --db o.db
expect_stdout "imported 5 persons in 2 cases from unknown-office.csv"
pass
