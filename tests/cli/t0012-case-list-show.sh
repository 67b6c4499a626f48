#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor case list and show over a demo caseload: the header, the limit,
# every filter (checked against the whole list and the export), and a case's
# history; the same through --json (one document, read with jq).
. "$(dirname "$0")/lib.sh"

expect_status 0 "$CORRIDOR" demo --people 2000 --seed 42 --date 2026-01-15 --db d.db
header="CASE                 PROG STATE         PRIORITY  PER  ROUTE    NAT PRINCIPAL APPLICANT"
total=$(jv '.totals.cases' stats --db d.db)
# All the cases as one document, and every person as the export gives them
# (no field is quoted: commas split the columns), as objects by column name.
expect_status 0 "$CORRIDOR" case list --limit 0 --json --db d.db
stdout >all.json
[ "$(jq '.cases | length' all.json)" = "$total" ] || fail "case list --limit 0 --json: $(jq -c '[.shown, .total]' all.json)"
expect_status 0 "$CORRIDOR" export --db d.db --out d.csv
grep -qF '"' d.csv && fail "the export of d.db quotes a field: splitting on commas would not do"
jq -Rn '[inputs | split(",")] | .[0] as $h | .[1:] | map([$h, .] | transpose | map({(.[0]): .[1]}) | add)' d.csv >persons.json ||
	fail "cannot read the export d.csv"
[ "$(jq length persons.json)" = "$(jv '.totals.persons' stats --db d.db)" ] || fail "the export does not hold every person"

expect_status 0 "$CORRIDOR" case list --db d.db
[ "$(stdout | head -n 1)" = "$header" ] || fail "header: $(stdout | head -n 1)"
expect_stdout_lines 52
[ "$(stdout | tail -n 1)" = "(50 of $total cases; --limit 0 shows all)" ] || fail "footer: $(stdout | tail -n 1)"
# Oldest first: the first 50 cases of the whole list, itself by registration
# date, then case ID (byte order).
stdout | sed '1d;$d' | cut -c1-18 >listed.txt
jq -r '.cases[].ref' all.json >all-listed.txt
jq -r '.cases[] | "\(.registered_on) \(.ref)"' all.json >all-dated.txt
LC_ALL=C sort all-dated.txt | cut -d' ' -f2 >want-all.txt
expect_same_file want-all.txt all-listed.txt
head -n 50 all-listed.txt >want.txt
expect_same_file want.txt listed.txt
# The columns of the first row, from that case as 'case show' gives it: its
# persons, the principal (number 1) with the name as the list puts it.
# (Fields joined by a tab, laid out by the shell: the same on both backends.)
tab=$'\t'
row=$(jv '.case as $c | (.persons[] | select(.seq == 1)) as $p | [$c.ref, $c.programme, $c.state, $c.priority, (.persons | length),
	$c.origin, $c.destination, $p.nationality,
	(if $p.family_name_latin == "" then $p.given_names_latin else "\($p.family_name_latin), \($p.given_names_latin)" end)] |
	map(tostring) | join("\t")' case show "$(head -n 1 all-listed.txt)" --db d.db)
IFS=$tab read -r f_ref f_prog f_state f_prio f_n f_from f_to f_nat f_name <<<"$row"
first=$(printf '%-20s %-4s %-13s %-9s %3d  %s>%s  %-3s %s' "$f_ref" "$f_prog" "$f_state" \
	"$f_prio" "$f_n" "$f_from" "$f_to" "$f_nat" "$f_name")
[ "$(stdout | sed -n 2p)" = "$first" ] || fail "first row: $(stdout | sed -n 2p), expected $first"

expect_status 0 "$CORRIDOR" case list --limit 0 --db d.db
expect_stdout_lines $((total + 2))
[ "$(stdout | tail -n 1)" = "($(thousands "$total") cases)" ] || fail "footer: $(stdout | tail -n 1)"
expect_status 0 "$CORRIDOR" case list --limit 1 --db d.db
expect_stdout_lines 3

# The list as one document: the same cases, the counts, each case's fields.
expect_status 0 "$CORRIDOR" case list --json --db d.db
[ "$(stdout | jq -c '[(.cases | length), .shown, .total]')" = "[50,50,$total]" ] || fail "case list --json: $(stdout | jq -c '[.shown, .total]')"
stdout | jq -r '.cases[].ref' >json-listed.txt
expect_same_file listed.txt json-listed.txt
first_json=$(stdout | jq -r '.cases[0] | "\(.ref) \(.programme) \(.state) \(.priority) \(.persons) \(.origin)>\(.destination) \(.nationality) \(.principal)"')
[ "$first_json" = "$(echo "$first" | tr -s ' ')" ] || fail "case list --json first case: $first_json"
expect_status 0 "$CORRIDOR" case list --json --limit 0 --programme RST --db d.db
[ "$(stdout | jq '[.cases[] | select(.programme != "RST")] | length')" = 0 ] || fail "case list --json --programme RST"
[ "$(stdout | jq '.shown == .total and .total == (.cases | length)')" = true ] || fail "case list --json --limit 0: counts"
expect_status 0 "$CORRIDOR" case list --json --nationality ISL --db d.db
[ "$(stdout | jq -c .)" = '{"cases":[],"shown":0,"total":0}' ] || fail "an empty list: $(stdout)"
# Refusals: nothing on stdout, the error as a document.
expect_status 1 "$CORRIDOR" case list --office XX-ABC --json --db d.db
expect_empty_stdout
[ "$(jq -c .error "$WORK/.stderr")" = '{"code":"OFFICE_NOT_FOUND","field":"office","message":"no office '"'XX-ABC'"'"}' ] ||
	fail "case list --json error: $(cat "$WORK/.stderr")"
expect_status 1 "$CORRIDOR" case list --office XX-ABC --db d.db
expect_stderr "error: no office 'XX-ABC'
(see 'corridor office list')"
expect_empty_stdout

# Each filter: the cases of the whole list that match, in the same order.
# WHERE is a jq condition on a case of all.json, with $persons its persons
# from the export (persons.json).
check_filter()
{
	local where=$1
	shift
	expect_status 0 "$CORRIDOR" case list --limit 0 --db d.db "$@"
	stdout | sed '1d;$d' | cut -c1-18 >got.txt
	jq -r --slurpfile all persons.json \
		'($all[0] | group_by(.case_id) | map({key: .[0].case_id, value: .}) | from_entries) as $by_case |
		.cases[] | ($by_case[.ref] // []) as $persons | select('"$where"') | .ref' all.json >want.txt ||
		fail "check_filter: jq failed on: $where"
	[ -s want.txt ] || fail "filter $* matches nothing in the demo: a weak test"
	cmp -s want.txt got.txt || fail "case list $*: $(wc -l <got.txt) cases, expected $(wc -l <want.txt)"
	local n
	n=$(wc -l <want.txt)
	[ "$(stdout | tail -n 1)" = "($(thousands "$n") case$([ "$n" -eq 1 ] || echo s))" ] ||
		fail "case list $*: footer $(stdout | tail -n 1)"
}
check_filter '.programme == "RST"' --programme RST
check_filter '.office == "YE-ADE"' --office YE-ADE
check_filter '.state == "travel_ready"' --state travel_ready
check_filter 'any($persons[]; .nationality == "SYR")' --nationality SYR
check_filter '.programme == "VHR" and .state == "closed" and .office == "LY-TIP"' \
	--programme VHR --state closed --office LY-TIP
# Text: a Latin name in any case and with its hyphen dropped, a name in
# Arabic script, a case ID (the first Syrian of the export, which lists
# persons in registration order, with a Latin family name without an
# apostrophe or a double quote). A name selects when it, or one of its words,
# starts with the text folded (docs/search.md): here in jq for names of
# ASCII letters and Arabic letters written one way.
keys='def fold: gsub("[ \t\\-\u0027.,/]"; "") | ascii_downcase;
	def words: ascii_downcase | [splits("[ \t\\-\u0027.,/]+")] | map(select(. != "" and . != "al" and . != "el"));
	def keys: (. // "") | [fold] + (if (words | length) > 1 then words else [] end);'
latin=$(jq -r '[.[] | select(.nationality == "SYR" and .family_name_latin != "" and
	(.family_name_latin | test("[\u0027\"\\\\]") | not) and (.family_name_latin | test("-")))][0].family_name_latin // ""' persons.json)
[ -n "$latin" ] || fail "no Syrian family name with a hyphen in the demo"
q=$(echo "$latin" | tr -d '-' | tr '[:lower:][:upper:]' '[:upper:][:lower:]')
fq=$(echo "$q" | tr '[:upper:]' '[:lower:]')
check_filter "$keys"' any($persons[]; any((.family_name_latin, .given_names_latin) | keys[]; startswith("'"$fq"'")))' \
	--text "$q"
# (The export leaves the family name blank when it is only in Latin script.)
arabic=$(jq -r '[.[] | select(.nationality == "SYR" and .family_name != "" and .family_name != .family_name_latin and
	(.family_name | test("[\u0622\u0623\u0625\u0671\u0629\u0649\u0640\u064B-\u065F ]") | not))][0].family_name // ""' persons.json)
[ -n "$arabic" ] || fail "no family name in Arabic script in the demo"
check_filter "$keys"' any($persons[]; any((.family_name, .given_names) | keys[]; startswith("'"$arabic"'")))' --text "$arabic"
ref=$(jq -r '.cases[-1].ref' all.json)
check_filter '.ref == "'"$ref"'"' --text "$ref"
# A filter that matches nothing.
expect_status 0 "$CORRIDOR" case list --db d.db --nationality ISL
expect_stdout "$header
(0 cases)"

# A case's history, line for line from the document 'case show --json' gives.
# The first case on hold, and its persons as the list counts them.
IFS=$tab read -r ref persons <<<"$(jv '.cases[0] | "\(.ref)\t\(.persons)"' case list --state on_hold --limit 1 --db d.db)"
[ -n "$ref" ] || fail "no case on hold in the demo"
expect_status 0 "$CORRIDOR" case show "$ref" --db d.db
[ "$(stdout | head -n 1)" = "case $ref" ] || fail "case show: $(stdout | head -n 1)"
expect_stdout_contains "  state        on_hold"
stdout | sed -n '/^history$/,$p' | sed 1d >history.txt
jv '.history[] | "\(.at)\t\(.actor)\t\(.action)\t\(.detail)\((.reason // "") | if . != "" then ": " + . else "" end)"' \
	case show "$ref" --db d.db |
	while IFS=$tab read -r h_at h_actor h_action h_rest; do
		printf '  %s  %-12s %-10s %s\n' "$h_at" "$h_actor" "$h_action" "$h_rest"
	done >want-history.txt
expect_same_file want-history.txt history.txt
[ "$(wc -l <history.txt)" -ge 3 ] || fail "an on_hold case has at least three events"
grep -q "registration registered case registered with " history.txt || fail "no registration event"
grep -q " -> on_hold: " history.txt || fail "the move to on_hold has no reason"
# Its persons, one block each.
[ "$(stdout | grep -cE "^  $ref-[0-9]{2}  ")" -eq "$persons" ] || fail "case show does not list its $persons persons"
# The same case as one document: its persons, and its history as printed.
expect_status 0 "$CORRIDOR" case show "$ref" --json --db d.db
[ "$(stdout | jq -r '.case | "\(.ref) \(.state)"')" = "$ref on_hold" ] || fail "case show --json: $(stdout | jq -c .case)"
[ "$(stdout | jq '.persons | length')" = "$persons" ] || fail "case show --json: persons"
[ "$(stdout | jq -r '.persons[0].ref')" = "$ref-01" ] || fail "case show --json: the first person"
stdout | jq -r '.history[] | "  \(.at)  \(.actor)  \(.action)  \(.detail)\(if .reason then ": " + .reason else "" end)"' >json-history.txt
tr -s ' ' <history.txt >history-squeezed.txt
tr -s ' ' <json-history.txt >json-history-squeezed.txt
expect_same_file history-squeezed.txt json-history-squeezed.txt
expect_status 1 "$CORRIDOR" case show LY-TIP-2026-999999 --json --db d.db
expect_empty_stdout
[ "$(jq -r .error.code "$WORK/.stderr")" = CASE_NOT_FOUND ] || fail "case show --json error: $(cat "$WORK/.stderr")"
pass
