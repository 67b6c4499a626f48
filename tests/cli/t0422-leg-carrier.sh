#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Movements as they fly: each leg has its own carrier and flight number
# (--leg ...,carrier=XX,number=N; the movement's carrier by default).
# movement show gives each leg's; the PAXLST of a leg names that leg's
# carrier and flight; the CSV gives them on every row; the PDF in its
# header. A carrier that is not one is refused, nothing written.
. "$(dirname "$0")/lib.sh"

: "${COR_SOURCE:?COR_SOURCE must name the source tree}"
fixture mv-hev.csv
new_db w.db
expect_status 0 "$CORRIDOR" import mv-hev.csv --db w.db
expect_status 0 "$CORRIDOR" health check SD-PZU-2026-000003-01 --outcome fit --db w.db
t() { date -u -d "$1" +%Y-%m-%dT%H:%MZ; }
d1=$(t '+1 day') a1=$(t '+1 day 2 hours') d2=$(t '+1 day 4 hours') a2=$(t '+1 day 8 hours')
Y=${d1:0:4}
M=SD-PZU-MV-$Y-0001

refused()
{
	db_dump w.db >before.sql
	expect_status "$1" "${@:3}"
	[ "$(head -n 1 "$WORK/.stderr")" = "$2" ] || fail "stderr does not start with: $2 ($(head -n 2 "$WORK/.stderr"))"
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}
refused 2 "corridor movement: --leg 2: carrier: 'U1A' is not an IATA airline designator" \
	"$CORRIDOR" movement add --office SD-PZU --kind scheduled --label "MS 801" --carrier MS --open \
	--leg "from=PZU,to=ADD,departs=$d1,arrives=$a1,seats=9" \
	--leg "from=ADD,to=CAI,departs=$d2,arrives=$a2,seats=9,carrier=U1A,number=ET453" --db w.db

# Port Sudan to Addis Ababa on the movement's carrier, on to Cairo on Ethiopian.
expect_status 0 "$CORRIDOR" movement add --office SD-PZU --kind scheduled --label "MS 801" --carrier MS --open \
	--leg "from=PZU,to=ADD,departs=$d1,arrives=$a1,seats=9" \
	--leg "from=ADD,to=CAI,departs=$d2,arrives=$a2,seats=9,carrier=ET,number=ET453" --db w.db
[ "$(jv '.legs | map(.carrier + " " + .number) | join(",")' movement show "$M" --db w.db)" = "MS MS801,ET ET453" ] ||
	fail "legs: $(jq -c .legs "$WORK/.jv.stdout")"
expect_status 0 "$CORRIDOR" movement book "$M" SD-PZU-2026-000003 --db w.db

# PAXLST of each leg: every leg of the itinerary in a TDT of its own, with
# its own carrier and flight.
expect_status 0 "$CORRIDOR" manifest "$M" --format paxlst --leg 2 --recipient ETHAPI --control 7 --out l2.edi --db w.db
grep -qa "TDT+20+ET453+++ET'" l2.edi || fail "leg 2's TDT: $(tr "'" '\n' <l2.edi | grep TDT)"
grep -qa "TDT+20+ET453+++MS'" l2.edi && fail "leg 2 under the movement's carrier"
expect_status 0 node "$COR_SOURCE/tests/node/parse-paxlst.js" l2.edi
expect_stdout_contains '{"number":"ET453","carrier":"ET","from":"ADD"'
expect_status 0 "$CORRIDOR" manifest "$M" --format paxlst --leg 1 --recipient EGYAPI --control 8 --out l1.edi --db w.db
grep -qa "TDT+20+MS801+++MS'" l1.edi || fail "leg 1's TDT: $(tr "'" '\n' <l1.edi | grep TDT)"

# CSV: carrier and flight on every row of the leg.
expect_status 0 "$CORRIDOR" manifest "$M" --format csv --leg 2 --db w.db
[ "$(head -n 1 "$WORK/.stdout" | tr -d '\r' | awk -F, '{print $(NF-1) "," $NF}')" = "carrier,flight" ] ||
	fail "header: $(head -n 1 "$WORK/.stdout")"
[ "$(sed -n 2p "$WORK/.stdout" | tr -d '\r' | awk -F, '{print $2 "," $(NF-1) "," $NF}')" = "2,ET,ET453" ] ||
	fail "row: $(sed -n 2p "$WORK/.stdout")"
expect_status 0 "$CORRIDOR" manifest "$M" --format csv --leg 1 --db w.db
[ "$(sed -n 2p "$WORK/.stdout" | tr -d '\r' | awk -F, '{print $2 "," $(NF-1) "," $NF}')" = "1,MS,MS801" ] ||
	fail "row: $(sed -n 2p "$WORK/.stdout")"

# PDF: the leg's carrier and flight in the header.
ASAN_OPTIONS="$ASAN_OPTIONS:fast_unwind_on_malloc=0:malloc_context_size=64" \
	LSAN_OPTIONS="suppressions=$COR_SOURCE/tests/lsan-fontconfig.supp" \
	expect_status 0 "$CORRIDOR" manifest "$M" --format pdf --leg 2 --out l2.pdf --db w.db
pdftotext -layout l2.pdf l2.txt
grep -qF "MS 801 · scheduled flight · leg 2 of 2 · ET ET453" l2.txt || fail "PDF header: $(head -n 5 l2.txt)"
pass
