#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor case list and show over a demo caseload: the header, the limit,
# every filter (checked against the database itself), and a case's history;
# the same through --json (one document, read with jq).
. "$(dirname "$0")/lib.sh"

expect_status 0 "$CORRIDOR" demo --people 2000 --seed 42 --date 2026-01-15 --db d.db
header="CASE                 PROG STATE         PRIORITY  PER  ROUTE    NAT PRINCIPAL APPLICANT"
total=$(sql d.db 'SELECT count(*) FROM cases')

expect_status 0 "$CORRIDOR" case list --db d.db
[ "$(stdout | head -n 1)" = "$header" ] || fail "header: $(stdout | head -n 1)"
expect_stdout_lines 52
[ "$(stdout | tail -n 1)" = "(50 of $total cases; --limit 0 shows all)" ] || fail "footer: $(stdout | tail -n 1)"
# In registration order: the first 50 cases by id.
stdout | sed '1d;$d' | cut -c1-18 >listed.txt
sql d.db 'SELECT ref FROM cases ORDER BY id LIMIT 50' >want.txt
expect_same_file want.txt listed.txt
# The columns of the first row, from the database.
# (Fields joined by a tab, laid out by the shell: the same on both backends.)
tab=$'\t'
row=$(sql d.db "SELECT c.ref || '$tab' || c.programme || '$tab' || c.state || '$tab' || c.priority
 || '$tab' || (SELECT count(*) FROM person x WHERE x.case_id = c.id) || '$tab' || c.origin
 || '$tab' || c.destination || '$tab' || p.nationality || '$tab' ||
 CASE WHEN p.family_name_latin = '' THEN p.given_names_latin
 ELSE p.family_name_latin || ', ' || p.given_names_latin END
 FROM cases c JOIN person p ON p.case_id = c.id AND p.seq = 1 ORDER BY c.id LIMIT 1")
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

# Each filter: the cases the database says, in the same order.
check_filter()
{
	local where=$1
	shift
	expect_status 0 "$CORRIDOR" case list --limit 0 --db d.db "$@"
	stdout | sed '1d;$d' | cut -c1-18 >got.txt
	sql d.db "SELECT ref FROM cases c JOIN office o ON o.id = c.office_id WHERE $where ORDER BY c.id" >want.txt
	[ -s want.txt ] || fail "filter $* matches nothing in the demo: a weak test"
	cmp -s want.txt got.txt || fail "case list $*: $(wc -l <got.txt) cases, expected $(wc -l <want.txt)"
	local n
	n=$(wc -l <want.txt)
	[ "$(stdout | tail -n 1)" = "($(thousands "$n") case$([ "$n" -eq 1 ] || echo s))" ] ||
		fail "case list $*: footer $(stdout | tail -n 1)"
}
check_filter "c.programme = 'RST'" --programme RST
check_filter "o.code = 'YE-ADE'" --office YE-ADE
check_filter "c.state = 'travel_ready'" --state travel_ready
check_filter "EXISTS (SELECT 1 FROM person x WHERE x.case_id = c.id AND x.nationality = 'SYR')" --nationality SYR
check_filter "c.programme = 'VHR' AND c.state = 'closed' AND o.code = 'LY-TIP'" \
	--programme VHR --state closed --office LY-TIP
# Text: a Latin name in any case, a name in Arabic script, a case ID.
latin=$(sql d.db "SELECT family_name_latin FROM person WHERE nationality = 'SYR' AND family_name_latin <> ''
 AND family_name_latin NOT LIKE '%''%' ORDER BY id LIMIT 1")
[ -n "$latin" ] || fail "no Syrian family name in the demo"
check_filter "EXISTS (SELECT 1 FROM person x WHERE x.case_id = c.id AND lower(x.family_name_latin) LIKE
 '%' || lower('$latin') || '%' OR lower(x.given_names_latin) LIKE '%' || lower('$latin') || '%')" \
	--text "$(echo "$latin" | tr '[:lower:][:upper:]' '[:upper:][:lower:]')"
arabic=$(sql d.db "SELECT family_name FROM person WHERE nationality = 'SYR' AND family_name <> family_name_latin ORDER BY id LIMIT 1")
[ -n "$arabic" ] || fail "no family name in Arabic script in the demo"
check_filter "EXISTS (SELECT 1 FROM person x WHERE x.case_id = c.id AND x.family_name || ' ' ||
 x.given_names LIKE '%$arabic%')" --text "$arabic"
ref=$(sql d.db "SELECT ref FROM cases ORDER BY id DESC LIMIT 1")
check_filter "c.ref = '$ref'" --text "$ref"
# A filter that matches nothing.
expect_status 0 "$CORRIDOR" case list --db d.db --nationality ISL
expect_stdout "$header
(0 cases)"

# A case's history, line for line from the database.
ref=$(sql d.db "SELECT c.ref FROM cases c WHERE c.state = 'on_hold' ORDER BY c.id LIMIT 1")
expect_status 0 "$CORRIDOR" case show "$ref" --db d.db
[ "$(stdout | head -n 1)" = "case $ref" ] || fail "case show: $(stdout | head -n 1)"
expect_stdout_contains "  state        on_hold"
stdout | sed -n '/^history$/,$p' | sed 1d >history.txt
sql d.db "SELECT e.at || '$tab' || e.actor || '$tab' || e.action || '$tab' || e.detail ||
 CASE WHEN e.reason <> '' THEN ': ' || e.reason ELSE '' END
 FROM event e JOIN cases c ON c.id = e.case_id WHERE c.ref = '$ref' ORDER BY e.id" |
	while IFS=$tab read -r h_at h_actor h_action h_rest; do
		printf '  %s  %-12s %-10s %s\n' "$h_at" "$h_actor" "$h_action" "$h_rest"
	done >want-history.txt
expect_same_file want-history.txt history.txt
[ "$(wc -l <history.txt)" -ge 3 ] || fail "an on_hold case has at least three events"
grep -q "registration registered case registered with " history.txt || fail "no registration event"
grep -q " -> on_hold: " history.txt || fail "the move to on_hold has no reason"
# Its persons, one block each.
persons=$(sql d.db "SELECT count(*) FROM person p JOIN cases c ON c.id = p.case_id WHERE c.ref = '$ref'")
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
