#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor manifest of a booked movement: the CSV byte for byte, the
# PAXLST (its UNT count, and read back by the npm edifact parser through
# tests/node/parse-paxlst.js), the PDF (pages, header, names, totals);
# refusals with nothing written, and a failed write leaving no file.
. "$(dirname "$0")/lib.sh"

: "${COR_SOURCE:?COR_SOURCE must name the source tree}"
fixture mv-hev.csv
new_db w.db
expect_status 0 "$CORRIDOR" import mv-hev.csv --db w.db
for p in 000001-01 000001-02 000003-01; do
	expect_status 0 "$CORRIDOR" health check "SD-PZU-2026-$p" --outcome fit --db w.db
done
expect_status 0 "$CORRIDOR" health check SD-PZU-2026-000002-01 --outcome fit_with_conditions --condition wchc --db w.db

dep=$(date -u -d '+1 day' +%Y-%m-%dT%H:%MZ)
arr=$(date -u -d '+1 day 2 hours' +%Y-%m-%dT%H:%MZ)
Y=${dep:0:4}
M=SD-PZU-MV-$Y-0001 M2=SD-PZU-MV-$Y-0002
expect_status 0 "$CORRIDOR" movement add --office SD-PZU --kind charter --label "MS 801" --carrier MS --escort-seats 1 \
	--open --leg "from=PZU,to=CAI,departs=$dep,arrives=$arr,seats=9,wchc=1" --db w.db
expect_status 0 "$CORRIDOR" movement book "$M" SD-PZU-2026-000001 --db w.db
expect_status 0 "$CORRIDOR" movement book "$M" SD-PZU-2026-000002 --db w.db
expect_status 0 "$CORRIDOR" movement escort "$M" --family "O'BRIEN" --given "Siobhán" --sex F --birth-date 1985-04-04 \
	--nationality IRL --passport PA1234567 --issuer IRL --expires 2030-01-01 --medical --db w.db

refused()
{
	db_dump w.db >before.sql
	expect_status "$1" "${@:3}"
	[ "$(head -n 1 "$WORK/.stderr")" = "$2" ] || fail "stderr does not start with: $2"
	[ "$1" = 2 ] || expect_stderr "$2"
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}

# CSV, to standard output: CRLF, UTF-8, the departure in Port Sudan's time.
local_dep=$(TZ=Africa/Khartoum date -d "${dep%Z} UTC" '+%Y-%m-%d %H:%M %:z')
row="$M,1,PZU,CAI,$local_dep,$dep"
printf '%s\r\n' \
	"movement,leg,from,to,departs_local,departs_utc,seat_group,case_id,person_no,role,family_name_latin,given_names_latin,family_name,given_names,sex,birth_date,birth_date_approx,nationality,document_kind,document_number,document_issuer,document_expiry,ssr,escort,board,alight,carrier,flight" \
	"$row,G001,SD-PZU-2026-000001,1,traveller,HASSAN,Omar,حسن,عمر,M,1980-02-02,0,EGY,passport,P1000001,EGY,2035-01-01,,,PZU,CAI,MS,MS801" \
	"$row,G001,SD-PZU-2026-000001,2,traveller,HASSAN,Mona,حسن,منى,F,1984-03-03,0,EGY,passport,P1000002,EGY,2035-01-01,,,PZU,CAI,MS,MS801" \
	"$row,G002,SD-PZU-2026-000002,1,traveller,SALEH,Ali,صالح,علي,M,1950-02-02,0,EGY,passport,P1000003,EGY,2035-01-01,WCHC,,PZU,CAI,MS,MS801" \
	"$row,ESC,,,medical_escort,O'BRIEN,Siobhán,O'BRIEN,Siobhán,F,1985-04-04,0,IRL,passport,PA1234567,IRL,2030-01-01,,,PZU,CAI,MS,MS801" >want.csv
expect_status 0 "$CORRIDOR" manifest "$M" --format csv --db w.db
expect_empty_stderr
cp "$WORK/.stdout" got.csv
expect_same_file want.csv got.csv
# The same to a file.
expect_status 0 "$CORRIDOR" manifest "$M" --format csv --out m.csv --db w.db
expect_stdout "manifest of $M leg 1: 4 passengers written to m.csv"
expect_same_file want.csv m.csv
expect_no_file m.csv.part

# PAXLST: ISO 8859-1, one line; UNT counts UNH..UNT.
expect_status 0 "$CORRIDOR" manifest "$M" --format paxlst --recipient EGYAPI --control 42 --out m.edi --db w.db
expect_stdout "manifest of $M leg 1: 4 passengers written to m.edi"
grep -qa "NAD+FL+++O?'BRIEN:Siobh$(printf '\xe1')n'" m.edi || fail "the escort's name in ISO 8859-1"
segs=$(perl -0777 -ne 's/^UNA.{6}//s; my @s = split /(?<!\?)'"'"'/; my ($h) = grep { $s[$_] =~ /^UNH\+/ } 0..$#s;
	my ($t) = grep { $s[$_] =~ /^UNT\+/ } 0..$#s; print $t - $h + 1, " ", $s[$t]' m.edi)
[ "$segs" = "46 UNT+46+42" ] || fail "UNT: $segs"
grep -qa "'CNT+42:4'UNT+46+42'UNE+1+42'UNZ+1+42'$" m.edi || fail "trailer: $(tail -c 60 m.edi)"
expect_status 0 node "$COR_SOURCE/tests/node/parse-paxlst.js" m.edi
expect_stdout_contains '"recipient":"EGYAPI","control":"42"'
expect_stdout_contains '"segments":46'
expect_stdout_contains '"legs":[{"number":"MS801","carrier":"MS","from":"PZU","from_qualifier":"125"'
expect_stdout_contains '{"surname":"O'"'"'BRIEN","given":"Siobhán","sex":"F","birth":"850404","embark":"PZU","debark":"CAI","nationality":"IRL","document":{"type":"P","number":"PA1234567","expiry":"300101","issuer":"IRL"}}'
[ "$(grep -o '"surname"' "$WORK/.stdout" | wc -l)" = 4 ] || fail "4 passengers"

# PDF: under AddressSanitizer fontconfig loses 288 bytes once per process;
# exactly that allocation is suppressed for these runs.
pdf()
{
	ASAN_OPTIONS="$ASAN_OPTIONS:fast_unwind_on_malloc=0:malloc_context_size=64" \
		LSAN_OPTIONS="suppressions=$COR_SOURCE/tests/lsan-fontconfig.supp" "$@"
}
expect_status 0 pdf "$CORRIDOR" manifest "$M" --format pdf --out m.pdf --db w.db
expect_stdout "manifest of $M leg 1: 4 passengers written to m.pdf"
[ "$(pdfinfo m.pdf | sed -nE 's/^Pages: +//p')" = 1 ] || fail "pages: $(pdfinfo m.pdf)"
pdftotext -layout m.pdf m.txt
for s in "Passenger manifest" "$M" "MS 801 · charter flight · leg 1 of 1 · MS MS801" "Office SD-PZU" "PZU Port Sudan" "CAI Cairo" \
	"HASSAN" "Omar" "Mona" "SALEH" "WCHC" "O'BRIEN" "Siobhán" "Medical escort" "Page 1 of 1"; do
	grep -qF -- "$s" m.txt || fail "the PDF has no '$s'"
done
grep -qE "^On this leg +Cases: 2 +Travellers: 3 +Escorts: 1 +Persons: 4$" m.txt || fail "totals: $(grep -A3 Totals m.txt)"
grep -qE "^By sex +F: 2 +M: 2 +X: 0$" m.txt || fail "by sex"
# Ages are on the departure's local day at Port Sudan (UTC+2), which is the
# next UTC day when the test runs after 22:00 UTC.
depday=$(date -u -d "${dep%Z} UTC + 2 hours" +%Y-%m-%d)
grep -qE "^By age on $depday +0–4: 0 +5–17: 0 +18–59: 3 +60\+: 1$" m.txt || fail "by age: $(grep 'By age' m.txt)"

# Refusals: nothing written, no file left.
refused 2 "corridor manifest: --format: one of csv, pdf, paxlst" "$CORRIDOR" manifest "$M" --db w.db
refused 2 "corridor manifest: --format: one of csv, pdf, paxlst" "$CORRIDOR" manifest "$M" --format xml --db w.db
refused 2 "corridor manifest: --out: a PDF is written to a file" "$CORRIDOR" manifest "$M" --format pdf --db w.db
refused 2 "corridor manifest: --recipient: the border authority's identification (for example USADHS)" \
	"$CORRIDOR" manifest "$M" --format paxlst --out r.edi --db w.db
refused 2 "corridor manifest: --control: 1 to 14 digits" \
	"$CORRIDOR" manifest "$M" --format paxlst --recipient EGYAPI --control 4x2 --out r.edi --db w.db
refused 2 "corridor manifest: --leg: '9' is not a whole number from 1 to 8" "$CORRIDOR" manifest "$M" --format csv --leg 9 --db w.db
refused 2 "corridor manifest: give one movement reference" "$CORRIDOR" manifest --format csv --db w.db
refused 1 "error: no movement 'SD-PZU-MV-$Y-0099'" \
	"$CORRIDOR" manifest "SD-PZU-MV-$Y-0099" --format csv --out r.csv --db w.db
expect_status 1 "$CORRIDOR" manifest "$M" --format csv --leg 2 --json --db w.db
expect_empty_stdout
[ "$(jq -r '[.error.code, .error.field] | join("|")' "$WORK/.stderr")" = "NOT_FOUND|leg" ] ||
	fail "error document: $(cat "$WORK/.stderr")"
refused 1 "error: movement '$M' has 1 leg, not a leg 2" "$CORRIDOR" manifest "$M" --format csv --leg 2 --out r.csv --db w.db
refused 1 "error: cannot write 'nodir/r.csv.part': No such file or directory" \
	"$CORRIDOR" manifest "$M" --format csv --out nodir/r.csv --db w.db
refused 1 "error: cannot write 'nodir/r.pdf': error while writing to output stream" \
	pdf "$CORRIDOR" manifest "$M" --format pdf --out nodir/r.pdf --db w.db
# A name PAXLST cannot carry: refused once the file was begun, and nothing left.
expect_status 0 "$CORRIDOR" movement add --office SD-PZU --kind vessel --label "MV Amal" --escort-seats 1 --open \
	--leg "from=YEADE,to=DJJIB,departs=$dep,arrives=$arr,seats=9" --db w.db
expect_status 0 "$CORRIDOR" movement escort "$M2" --family NOWAK --given "Łucja" --sex F --birth-date 1985-04-04 \
	--passport EA1234567 --issuer POL --expires 2035-01-01 \
	--nationality POL --db w.db
refused 1 "error: escort 'NOWAK Łucja': given_names_latin 'Łucja' has 'Ł' (U+0141), which the PAXLST character set (UNOC, ISO 8859-1) cannot carry" \
	"$CORRIDOR" manifest "$M2" --format paxlst --recipient DJIAPI --out r.edi --db w.db
for f in r.csv r.csv.part r.edi r.edi.part nodir; do
	expect_no_file "$f"
done
pass
