#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor place: the shipped airports, ports and towns with their country
# and time zone; a place added; each bad value refused before anything is
# written (status 2 with the usage for a command line that is wrong, 1 for a
# value a rule refuses or a duplicate), the database unchanged; --json.
. "$(dirname "$0")/lib.sh"

new_db w.db

# refused STATUS FIRST-LINE CMD...: that status, stderr's first line exactly
# (the usage after it for status 2), nothing on stdout, the database unchanged.
refused()
{
	local want_status=$1 want=$2
	shift 2
	db_dump w.db >before.sql
	expect_status "$want_status" "$@"
	[ "$(head -n 1 "$WORK/.stderr")" = "$want" ] || fail "stderr does not start with: $want"
	if [ "$want_status" = 2 ]; then
		expect_stderr_contains "see 'corridor place --help'"
	else
		expect_stderr "$want"
	fi
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}

# The shipped places, by code: one line each, then the count (the shipped
# list grows with the operations; place list --json says how many there are).
n=$(jv '.places | length' place list --db w.db)
[ "$n" -ge 69 ] || fail "only $n places shipped"
expect_status 0 "$CORRIDOR" place list --db w.db
expect_empty_stderr
expect_stdout_lines $((n + 1))
[ "$(head -n 1 "$WORK/.stdout")" = "ABJ    airport  CIV  Africa/Abidjan           Abidjan" ] || fail "first line"
expect_stdout_contains "MJI    airport  LBY  Africa/Tripoli           Tripoli Mitiga"
expect_stdout_contains "YUL    airport  CAN  America/Toronto          Montréal Trudeau"
expect_stdout_contains "YEADE  port     YEM  Asia/Aden                Aden"
expect_stdout_contains "NEAJY  land     NER  Africa/Niamey            Agadez"
[ "$(tail -n 1 "$WORK/.stdout")" = "$n places" ] || fail "last line: $(tail -n 1 "$WORK/.stdout")"
[ "$(stdout | sed '$d' | cut -c1-5 | tr -d ' ')" = "$(jv '[.places[].code] | sort | .[]' place list --db w.db)" ] ||
	fail "not every place, in order of code"

# Add one, and it is listed in its place.
expect_status 0 "$CORRIDOR" place add NKC --kind airport --country MRT --tz Africa/Nouakchott \
	--name "Nouakchott" --db w.db
expect_stdout "place NKC added"
expect_empty_stderr
expect_status 0 "$CORRIDOR" place add MRNDB --kind port --country MRT --tz Africa/Nouakchott \
	--name "Nouadhibou" --db w.db
expect_stdout "place MRNDB added"
expect_status 0 "$CORRIDOR" place list --db w.db
expect_stdout_lines $((n + 3))
expect_stdout_contains "NKC    airport  MRT  Africa/Nouakchott        Nouakchott"
expect_stdout_contains "MRNDB  port     MRT  Africa/Nouakchott        Nouadhibou"
[ "$(grep -n '^NKC ' "$WORK/.stdout" | cut -d: -f1)" -gt "$(grep -n '^NIM ' "$WORK/.stdout" | cut -d: -f1)" ] ||
	fail "NKC is not listed after NIM"
[ "$(tail -n 1 "$WORK/.stdout")" = "$((n + 2)) places" ] || fail "last line: $(tail -n 1 "$WORK/.stdout")"
[ "$(jv '.places[] | select(.code == "NKC") | [.code, .kind, .name, .country, .tz] | join("|")' place list --db w.db)" = \
	"NKC|airport|Nouakchott|MRT|Africa/Nouakchott" ] || fail "row: $(jq -c '.places[] | select(.code == "NKC")' "$WORK/.jv.stdout")"

# Refusals.
ok="--kind airport --country MRT --tz Africa/Nouakchott --name Atar"
refused 1 "error: 'atr' is not an IATA airport code (ABC) or a UN/LOCODE (ABCDE)" \
	"$CORRIDOR" place add atr $ok --db w.db
refused 1 "error: 'ATRX' is not an IATA airport code (ABC) or a UN/LOCODE (ABCDE)" \
	"$CORRIDOR" place add ATRX $ok --db w.db
refused 1 "error: 'MR1TR' is not an IATA airport code (ABC) or a UN/LOCODE (ABCDE)" \
	"$CORRIDOR" place add MR1TR $ok --db w.db
refused 2 "corridor place: CODE: 'ATRXYZ' is too long for a place code" \
	"$CORRIDOR" place add ATRXYZ $ok --db w.db
refused 1 "error: 'XYZ' is not an ISO 3166-1 alpha-3 code" \
	"$CORRIDOR" place add ATR --kind airport --country XYZ --tz Africa/Nouakchott --name Atar --db w.db
refused 1 "error: 'mrt' is not an ISO 3166-1 alpha-3 code" \
	"$CORRIDOR" place add ATR --kind airport --country mrt --tz Africa/Nouakchott --name Atar --db w.db
refused 1 "error: 'Africa/Atlantis' is not a time zone this system knows (e.g. Africa/Tripoli)" \
	"$CORRIDOR" place add ATR --kind airport --country MRT --tz Africa/Atlantis --name Atar --db w.db
refused 1 "error: '../../../etc/passwd' is not a time zone this system knows (e.g. Africa/Tripoli)" \
	"$CORRIDOR" place add ATR --kind airport --country MRT --tz ../../../etc/passwd --name Atar --db w.db
refused 1 "error: a place's name is 1 to 63 bytes of text" \
	"$CORRIDOR" place add ATR --kind airport --country MRT --tz Africa/Nouakchott --name "" --db w.db
refused 2 "corridor place: --kind: one of airport, port, land" \
	"$CORRIDOR" place add ATR --kind harbour --country MRT --tz Africa/Nouakchott --name Atar --db w.db
refused 2 "corridor place: give --country, --tz and --name" \
	"$CORRIDOR" place add ATR --kind airport --country MRT --tz Africa/Nouakchott --db w.db
refused 2 "corridor place: give one place code (IATA ABC or UN/LOCODE ABCDE)" \
	"$CORRIDOR" place add $ok --db w.db
refused 2 "corridor place: 'remove' is not list, add, reach or reaches" "$CORRIDOR" place remove NKC --db w.db
refused 2 "corridor place: unexpected argument 'NKC'" "$CORRIDOR" place list NKC --db w.db
# A code taken: refused by the store, status 1.
refused 1 "error: place 'NKC' already exists" \
	"$CORRIDOR" place add NKC --kind airport --country MRT --tz Africa/Nouakchott --name "Nouakchott 2" --db w.db
refused 1 "error: place 'MJI' already exists" \
	"$CORRIDOR" place add MJI --kind airport --country LBY --tz Africa/Tripoli --name "Mitiga" --db w.db
# With --json: the error in one shape on stderr, the field named.
db_dump w.db >before.sql
expect_status 1 "$CORRIDOR" place add ATR --kind airport --country XYZ --tz Africa/Nouakchott \
	--name Atar --json --db w.db
expect_empty_stdout
[ "$(jq -r '.error.code + " " + .error.field' "$WORK/.stderr")" = "INVALID country" ] ||
	fail "error document: $(cat "$WORK/.stderr")"
db_dump w.db >after.sql
expect_same_file before.sql after.sql

# place list --json: every place, as the API serves them.
expect_status 0 "$CORRIDOR" place list --json --db w.db
expect_empty_stderr
[ "$(jq -r '.places[] | select(.code == "NKC") | [.kind, .country, .tz, .name] | join("|")' \
	"$WORK/.stdout")" = "airport|MRT|Africa/Nouakchott|Nouakchott" ] || fail "NKC: $(cat "$WORK/.stdout")"
[ "$(jq '.places | length' "$WORK/.stdout")" = "$((n + 2))" ] || fail "count: $(jq '.places | length' "$WORK/.stdout")"
expect_status 0 "$CORRIDOR" place add ATR --kind airport --country MRT --tz Africa/Nouakchott \
	--name Atar --json --db w.db
[ "$(jq -r .code "$WORK/.stdout")" = ATR ] || fail "add --json: $(cat "$WORK/.stdout")"
pass
