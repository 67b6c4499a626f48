#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# corridor correct document-void: a document added in error leaves the
# person's documents (lists, checks and exports no longer see it) and is
# kept as voided; the history records it with its values and the reason.
# Refusals name what is wrong and change nothing.
. "$(dirname "$0")/lib.sh"

C=LY-TIP-2026-000123 P=LY-TIP-2026-000123-01
cat >cases.csv <<'CSV'
case_id,programme,office,origin,destination,case_state,priority,registered_on,person_no,relationship,family_name_latin,given_names_latin,family_name,given_names,sex,birth_date,birth_date_approx,nationality,languages,specific_needs,doc_type,doc_number,doc_issuer,doc_expiry
LY-TIP-2026-000123,VHR,LY-TIP,LBY,NGA,registered,normal,2026-01-05,1,principal,ADEBAYO,Musa,,,M,1990-05-01,0,NGA,en;yo,,passport,A1234567,NGA,2030-01-01
CSV
new_db w.db
expect_status 0 "$CORRIDOR" import cases.csv --db w.db
export CORRIDOR_NOW=2026-11-27T12:00:00Z
expect_status 0 "$CORRIDOR" document add "$P" --kind etd --number E555 --issuer NGA --expires 2027-03-01 --db w.db
expect_status 0 "$CORRIDOR" document add "$P" --kind etd --number E555 --issuer LBY --db w.db

refused()
{
	local status=$1 msg=$2
	shift 2
	db_dump w.db >before.sql
	expect_status "$status" "$@"
	[ "$(stderr | head -n 1)" = "$msg" ] || fail "stderr: $(stderr | head -n 1)
expected: $msg"
	case $msg in
	"corridor correct:"*) expect_stderr_contains "see 'corridor correct --help'" ;;
	*) [ "$(stderr | wc -l)" -eq 1 ] || fail "a refusal is one line" ;;
	esac
	expect_empty_stdout
	db_dump w.db >after.sql
	expect_same_file before.sql after.sql
}
correct() { "$CORRIDOR" correct "$@" --db w.db; }
docs() { jv '[.documents[] | "\(.kind) \(.number) \(.issuer)"] | join(", ")' document list "$P" --db w.db; }

[ "$(docs)" = "passport A1234567 NGA, etd E555 NGA, etd E555 LBY" ] || fail "the documents: $(docs)"
refused 1 "error: a correction needs a reason: say why the record was wrong" correct document-void "$P" passport A1234567
refused 2 "error: person '$P' holds etd E555 from NGA, LBY: say which issuer" correct document-void "$P" etd E555 --reason x
refused 1 "error: person '$P' holds no passport B999" correct document-void "$P" passport B999 --reason x
refused 1 "error: person '$P' holds no etd E555 issued by EGY" correct document-void "$P" etd E555 --issuer EGY --reason x
refused 2 "error: 'card' is not a kind of document" correct document-void "$P" card A1234567 --reason x
refused 1 "error: no person '$C-02'" correct document-void "$C-02" passport A1234567 --reason x
refused 2 "corridor correct: document-void: give a person ID, a kind and a number" correct document-void "$P" passport --reason x

expect_status 0 correct document-void "$P" etd E555 --issuer NGA --reason "issued to his brother"
expect_stdout "case $C corrected
  person $P document: 'etd E555 issued by NGA, expires 2027-03-01' -> ''"
[ "$(docs)" = "passport A1234567 NGA, etd E555 LBY" ] || fail "the documents: $(docs)"
[ "$(jv '.history[-1] | "\(.action)|\(.detail)|\(.field)|\(.before)|\(.after)|\(.reason)"' case show "$C" --db w.db)" = \
	"corrected|person $P|document|etd E555 issued by NGA, expires 2027-03-01||issued to his brother" ] || fail "the history"
# Now only one etd E555 is left: no issuer needed.
[ "$(jv '.changes[0].before' correct document-void "$P" etd E555 --reason "entered by mistake" --db w.db)" = "etd E555 issued by LBY" ] ||
	fail "the second void"
[ "$(docs)" = "passport A1234567 NGA" ] || fail "the documents: $(docs)"
# The voided documents are kept, with who voided them, when and why.
[ "$(sql w.db "SELECT group_concat(kind || ' ' || number || ' ' || issuer || ' ' || voided_at || ' ' || voided_by || ' ' || reason, ';') FROM (SELECT * FROM document_void ORDER BY id) v")" = \
	"etd E555 NGA 2026-11-27T12:00:00Z tester issued to his brother;etd E555 LBY 2026-11-27T12:00:00Z tester entered by mistake" ] ||
	fail "the voided documents are not kept"
refused 1 "error: person '$P' holds no etd E555" correct document-void "$P" etd E555 --reason x
# A travel-document check no longer counts a voided one.
expect_status 0 correct document-void "$P" passport A1234567 --reason "a forged copy"
expect_status 1 "$CORRIDOR" document check "$C" --travel-date 2026-12-01 --db w.db
pass
