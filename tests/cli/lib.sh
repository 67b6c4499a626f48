# SPDX-License-Identifier: Apache-2.0
# Helpers for the black-box tests: each tests/cli/tNNNN-*.sh sources this,
# runs the real binary ($CORRIDOR) in a fresh directory of its own under
# $COR_TEST_TMP, and stops at the first check that fails, saying what was
# expected and what happened.
#
#   run CMD...                  run, keeping stdout, stderr and the status
#   expect_status N CMD...      run; the status must be N
#   expect_stdout TEXT          the whole of the last stdout (TEXT without the final newline)
#   expect_stderr TEXT          the whole of the last stderr
#   expect_stdout_contains S / expect_stderr_contains S   a fixed string
#   expect_stdout_lines N       the number of lines of the last stdout
#   expect_stderr_line_matches RE   stderr is one line matching RE (grep -E)
#   db_dump DB                  the database's data, to compare: 'sqlite3 DB .dump'
#                               (pg: its rows, sorted, without sequence values)
#   jv FILTER ARGS...           what 'corridor ARGS... --json' prints, through
#                               jq -r FILTER; the command must succeed
#   sql DB QUERY                the value of one query (sqlite3; pg: psql -XAt):
#                               only for what no command shows (the file itself)
#   sqlite_only REASON          the test is about SQLite (files): skipped on pg
#   no_database REASON          the test opens no database: skipped on pg
#   sqlite_only_from_here REASON   on pg, the test ends here, passed
#   on_sqlite                   true on SQLite: for a check only SQLite can make
#   no_db_error NAME            what opening database NAME that was never made says
#   copy_db FROM TO             a copy of database FROM as TO (cp; pg: TEMPLATE)
#   expect_same_file A B        byte for byte
#   fixture NAME...             copy tests/cli/data/NAME here
#   new_db DB                   'corridor init' a database
#   expect_import_refused DB FILE STDERR   status 1, that stderr, DB unchanged
#   fit_now DB CASE...          every person of the cases checked fit to travel now
#   travel DB STATE LEG CASE... travel_ready cases booked on a charter over LEG,
#                               then on to STATE (booked, departed, arrived, closed)
#   pass                        the end of a test
#
# The backend: COR_TEST_BACKEND=sqlite (the default) or pg. On pg every
# database name the test gives becomes a PostgreSQL database of its own on
# the cluster of COR_TEST_PG (see pg-corridor.sh, which then stands in
# $CORRIDOR); without COR_TEST_PG the test is skipped.
set -u

# The status that tells ctest a test was skipped (SKIP_RETURN_CODE).
COR_SKIP=77

: "${CORRIDOR:?CORRIDOR must name the corridor binary}"
: "${COR_TEST_TMP:?COR_TEST_TMP must name a scratch directory}"
TEST_NAME=$(basename "$0" .sh)
CLI_DIR=$(cd "$(dirname "$0")" && pwd)
DATA=$CLI_DIR/data
BACKEND=${COR_TEST_BACKEND:-sqlite}
case $BACKEND in
sqlite) WORK="$COR_TEST_TMP/cli/$TEST_NAME" ;;
pg)
	if [ -z "${COR_TEST_PG:-}" ]; then
		echo "skip: $TEST_NAME on PostgreSQL: COR_TEST_PG is unset (scripts/pg.sh starts a cluster)"
		exit $COR_SKIP
	fi
	WORK="$COR_TEST_TMP/cli-pg/$TEST_NAME"
	;;
*)
	echo "FAIL: $TEST_NAME: COR_TEST_BACKEND is '$BACKEND', not sqlite or pg" >&2
	exit 1
	;;
esac
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK" || exit 1

# A memory or undefined-behaviour error must not pass for the ordinary
# failure status 1: give the sanitizers statuses of their own.
export ASAN_OPTIONS="exitcode=86:abort_on_error=0:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="exitcode=87:print_stacktrace=1:${UBSAN_OPTIONS:-}"
export CORRIDOR_USER=tester
unset CORRIDOR_DB
export LC_ALL=C.UTF-8
export TZ=UTC

STATUS=0
LAST=""
# The schema version this binary writes, as a new database records it.
SCHEMA=$("$CORRIDOR" init --db "$WORK/.schema.db" >/dev/null 2>&1 && sqlite3 "$WORK/.schema.db" 'PRAGMA user_version')
rm -f "$WORK/.schema.db"

if [ "$BACKEND" = pg ]; then
	export COR_PG_PREFIX=${TEST_NAME%%-*} COR_PG_WORK=$WORK COR_PG_STATE=$WORK/.pg
	export COR_PG_CORRIDOR=$CORRIDOR COR_TEST_PG
	. "$CLI_DIR/pg-names.sh"
	mkdir -p "$COR_PG_STATE"
	# The databases a former run of this test left.
	for _db in $(psql -XAtq -v ON_ERROR_STOP=1 "$COR_TEST_PG" -c \
		"SELECT datname FROM pg_database WHERE datname LIKE '${COR_PG_PREFIX}\\_%'"); do
		psql -XAtq -v ON_ERROR_STOP=1 "$COR_TEST_PG" -c "DROP DATABASE \"$_db\" WITH (FORCE)" >/dev/null ||
			{
				echo "FAIL: $TEST_NAME: cannot drop the database '$_db' of a former run" >&2
				exit 1
			}
	done
	CORRIDOR="$CLI_DIR/pg-corridor.sh"
fi

fail()
{
	# Noted in a file too: a fail inside $(...) or a pipeline ends only
	# that subshell, and pass() must not then say "ok".
	echo "$*" >>"$WORK/.failures"
	echo "FAIL: $TEST_NAME: $*" >&2
	if [ -n "$LAST" ]; then
		echo "--- last command: $LAST (status $STATUS)" >&2
		echo "--- its stdout (first 40 lines):" >&2
		head -n 40 "$WORK/.stdout" >&2
		echo "--- its stderr (first 40 lines):" >&2
		head -n 40 "$WORK/.stderr" >&2
	fi
	exit 1
}

run()
{
	LAST="$*"
	"$@" >"$WORK/.stdout" 2>"$WORK/.stderr"
	STATUS=$?
	if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$WORK/.stderr"; then
		fail "a sanitizer reported an error"
	fi
	if [ "$STATUS" -gt 2 ]; then
		fail "exit status $STATUS: a crash, not a refusal"
	fi
}

expect_status()
{
	local want=$1
	shift
	run "$@"
	[ "$STATUS" -eq "$want" ] || fail "exit status $STATUS, expected $want"
}

stdout() { cat "$WORK/.stdout"; }
stderr() { cat "$WORK/.stderr"; }

expect_stdout()
{
	[ "$(stdout)" = "$1" ] || fail "stdout is not as expected; expected:
$1"
}

expect_stderr()
{
	[ "$(stderr)" = "$1" ] || fail "stderr is not as expected; expected:
$1"
}

expect_stdout_contains()
{
	grep -qF -- "$1" "$WORK/.stdout" || fail "stdout does not contain: $1"
}

expect_stderr_contains()
{
	grep -qF -- "$1" "$WORK/.stderr" || fail "stderr does not contain: $1"
}

# The whole of the last stderr is one line matching the extended regex.
expect_stderr_line_matches()
{
	[ "$(wc -l <"$WORK/.stderr")" -eq 1 ] && grep -qxE -- "$1" "$WORK/.stderr" ||
		fail "stderr is not one line matching: $1"
}

expect_stdout_lines()
{
	local n
	n=$(wc -l <"$WORK/.stdout")
	[ "$n" -eq "$1" ] || fail "stdout has $n lines, expected $1"
}

expect_empty_stdout()
{
	[ ! -s "$WORK/.stdout" ] || fail "stdout should be empty"
}

expect_empty_stderr()
{
	[ ! -s "$WORK/.stderr" ] || fail "stderr should be empty"
}

# A test about SQLite by nature (its files, journals, pragmas), as its first
# line after lib.sh: on PostgreSQL it is skipped, saying why.
sqlite_only()
{
	[ "$BACKEND" = pg ] || return 0
	echo "skip: $TEST_NAME on PostgreSQL: $*"
	exit $COR_SKIP
}

# A test that opens no Corridor database, as its first line after lib.sh:
# the same on both backends, so it runs once, on SQLite.
no_database()
{
	[ "$BACKEND" = pg ] || return 0
	echo "skip: $TEST_NAME on PostgreSQL: it opens no database ($*)"
	exit $COR_SKIP
}

# What follows in the test is about SQLite's files: on PostgreSQL the test
# ends here, passed (what ran so far passed), saying why.
sqlite_only_from_here()
{
	[ "$BACKEND" = pg ] || return 0
	pass_checks
	echo "ok: $TEST_NAME (pg; the rest is SQLite-only: $*)"
	exit 0
}

# True on SQLite: for a check that only SQLite can make (a pragma, a file).
on_sqlite()
{
	[ "$BACKEND" = sqlite ]
}

# The error of a command given database NAME that no one made: on SQLite
# no file is there; on PostgreSQL the database of the test is there, empty.
no_db_error()
{
	if [ "$BACKEND" = pg ]; then
		echo "error: the PostgreSQL database '$1' is empty, not a Corridor database (create the schema with 'corridor init')"
	else
		echo "error: no database at '$1' (create one with 'corridor init' or 'corridor demo')"
	fi
}

# A copy of database FROM as database TO, for a test to work on apart.
copy_db()
{
	if [ "$BACKEND" = pg ]; then
		local from to
		from=$(cor_pg_db_name "$1") to=$(cor_pg_db_name "$2")
		psql -XAtq -v ON_ERROR_STOP=1 "$COR_TEST_PG" \
			-c "DROP DATABASE IF EXISTS \"$to\" WITH (FORCE)" \
			-c "CREATE DATABASE \"$to\" TEMPLATE \"$from\"" >/dev/null ||
			fail "cannot copy the database $1 to $2"
		: >"$COR_PG_STATE/$to"
		rm -f "$COR_PG_STATE/$to.group_concat"
		[ ! -e "$COR_PG_STATE/$from.group_concat" ] || : >"$COR_PG_STATE/$to.group_concat"
	else
		cp "$1" "$2" || fail "cannot copy the database $1 to $2"
	fi
}

# The URI of database NAME on PostgreSQL (the one pg-corridor.sh gives).
pg_uri()
{
	cor_pg_uri "$(cor_pg_db_name "$1")"
}

# The data of a database in a form to compare, to prove it unchanged: on
# SQLite its dump; on PostgreSQL pg_dump's data, its rows as INSERT lines,
# sorted, without the sequences' values (PostgreSQL does not roll a
# sequence back). A record's uid is random by design (two databases never
# make the same one): it shows as 'uid', so that two databases made alike
# compare equal.
db_dump()
{
	if [ "$BACKEND" = pg ]; then
		pg_dump --data-only --inserts --no-owner --no-privileges "$(pg_uri "$1")" >"$WORK/.pgdump" ||
			fail "pg_dump $1 failed"
		# Every line but the sequences' and the random key of \restrict (a
		# value with a line break spans lines: sorted too, they still show
		# a change).
		grep -vE '^(SELECT pg_catalog\.setval\(|\\(un)?restrict )' "$WORK/.pgdump" |
			sed -E "s/'[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}'/'uid'/g" |
			LC_ALL=C sort
	else
		sqlite3 "$1" .dump | sed -E "s/X'[0-9a-fA-F]{32}'/X'uid'/g"
	fi
}

# SQLite's group_concat(x[, sep]) on a PostgreSQL database of the test, so
# that one query reads the same on both backends (string_agg otherwise).
pg_group_concat()
{
	local mark
	mark="$COR_PG_STATE/$(cor_pg_db_name "$1").group_concat"
	[ -e "$mark" ] && return 0
	psql -XAtq -v ON_ERROR_STOP=1 "$(pg_uri "$1")" >/dev/null <<-'SQL' || fail "psql $1: cannot define group_concat"
		CREATE FUNCTION cor_test_gc(acc text, v anyelement, sep text) RETURNS text
		  LANGUAGE sql IMMUTABLE AS
		  $$ SELECT CASE WHEN v IS NULL THEN acc WHEN acc IS NULL THEN v::text
		                 ELSE acc || sep || v::text END $$;
		CREATE FUNCTION cor_test_gc1(acc text, v anyelement) RETURNS text
		  LANGUAGE sql IMMUTABLE AS $$ SELECT cor_test_gc(acc, v, ',') $$;
		CREATE AGGREGATE group_concat(anyelement, text) (SFUNC = cor_test_gc, STYPE = text);
		CREATE AGGREGATE group_concat(anyelement) (SFUNC = cor_test_gc1, STYPE = text);
	SQL
	: >"$mark"
}

# A result as the binary itself shows it: 'corridor ARGS... --json', which
# must succeed and print one JSON document, through 'jq -r FILTER'. The last
# run's stdout and stderr are kept for the checks that follow.
jv()
{
	local filter=$1 st
	shift
	"$CORRIDOR" "$@" --json >"$WORK/.jv.stdout" 2>"$WORK/.jv.stderr"
	st=$?
	if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$WORK/.jv.stderr"; then
		fail "jv: a sanitizer reported an error in: corridor $* --json"
	fi
	[ "$st" -eq 0 ] || fail "jv: 'corridor $* --json' exited $st: $(head -c 400 "$WORK/.jv.stderr")"
	jq -r "$filter" "$WORK/.jv.stdout" || fail "jv: jq '$filter' failed on the output of: corridor $* --json"
}

# The value of one SQL query on a database; a failed query fails the test.
# On PostgreSQL, SQLite's group_concat is there too, and PRAGMA
# foreign_key_check (no dangling reference) is empty: PostgreSQL checks
# every foreign key as it writes.
sql()
{
	if [ "$BACKEND" = pg ]; then
		case $2 in
		"PRAGMA foreign_key_check"*) return 0 ;;
		*group_concat*) pg_group_concat "$1" ;;
		esac
		psql -XAtq -v ON_ERROR_STOP=1 "$(pg_uri "$1")" -c "$2" || fail "psql $1: query failed: $2"
	else
		sqlite3 -bail "$1" "$2" || fail "sqlite3 $1: query failed: $2"
	fi
}

expect_same_file()
{
	cmp -s "$1" "$2" || fail "'$1' and '$2' differ: $(diff "$1" "$2" | head -n 10)"
}

expect_no_file()
{
	[ ! -e "$1" ] || fail "'$1' should not exist"
}

# A number as corridor prints it: 1234567 -> 1,234,567.
thousands()
{
	echo "$1" | rev | sed -E 's/([0-9]{3})/\1,/g; s/,$//' | rev
}

# Copy fixture files from tests/cli/data into the test's directory.
fixture()
{
	local f
	for f in "$@"; do
		cp "$DATA/$f" "$WORK/$f" || fail "no fixture '$f'"
	done
}

# A new database with the shipped offices, and nothing else.
new_db()
{
	expect_status 0 "$CORRIDOR" init --db "$1"
}

# Import FILE into DB, which must refuse it: status 1, the messages given
# (stderr exactly), and the database unchanged, byte for byte in its dump.
expect_import_refused()
{
	local db=$1 file=$2 want=$3
	shift 3
	db_dump "$db" >"$WORK/.before"
	expect_status 1 "$CORRIDOR" import "$file" --db "$db" "$@"
	expect_stderr "$want"
	expect_empty_stdout
	db_dump "$db" >"$WORK/.after"
	cmp -s "$WORK/.before" "$WORK/.after" || fail "the import of '$file' changed the database"
}

# The clock the commands read: CORRIDOR_NOW, else the real one.
clock_now()
{
	echo "${CORRIDOR_NOW:-$(date -u +%Y-%m-%dT%H:%M:%SZ)}"
}

# Every person of each CASE of DB checked fit to travel now, on the clock
# ('corridor health check'), as a case needs before it is booked.
fit_now()
{
	local db=$1 c p
	shift
	for c in "$@"; do
		for p in $(jv '.persons[].ref' case show "$c" --db "$db"); do
			expect_status 0 "$CORRIDOR" health check "$p" --outcome fit --by "Dr N. Haddad" --db "$db"
		done
	done
}

# Take each CASE of DB, travel_ready with a travel document and fit to
# travel now for every person (fit_now), on to STATE the way the commands
# do, on the clock: a charter of the first case's office over LEG
# ("from=MJI,to=LOS") leaving two hours from now, each case booked on it
# (booked); its manifest closed and the charter departed (departed); its
# arrival confirmed (arrived); each case then along its programme's path to
# closed (closed). Every command must succeed. The charter's ID is left in
# TRAVEL_MOVEMENT.
travel()
{
	local db=$1 to=$2 leg=$3 now t dep arr c office prog
	shift 3
	now=$(clock_now)
	t=$(date -u -d "$now" +%s) || fail "travel: '$now' is not a time"
	dep=$(date -u -d "@$((t + 7200))" +%Y-%m-%dT%H:%MZ)
	arr=$(date -u -d "@$((t + 18000))" +%Y-%m-%dT%H:%MZ)
	office=$(jv '.case.office' case show "$1" --db "$db")
	expect_status 0 "$CORRIDOR" movement add --office "$office" --kind charter --label "CH 100" \
		--open --leg "$leg,departs=$dep,arrives=$arr,seats=99" --db "$db"
	TRAVEL_MOVEMENT=$(stdout | sed -nE 's/^movement ([^ ]+) added.*/\1/p')
	[ -n "$TRAVEL_MOVEMENT" ] || fail "travel: no movement ID in: $(stdout)"
	for c in "$@"; do
		expect_status 0 "$CORRIDOR" movement book "$TRAVEL_MOVEMENT" "$c" --db "$db"
	done
	[ "$to" = booked ] && return 0
	expect_status 0 "$CORRIDOR" movement close "$TRAVEL_MOVEMENT" --db "$db"
	expect_status 0 "$CORRIDOR" movement depart "$TRAVEL_MOVEMENT" --db "$db"
	[ "$to" = departed ] && return 0
	expect_status 0 "$CORRIDOR" movement arrive "$TRAVEL_MOVEMENT" --db "$db"
	[ "$to" = arrived ] && return 0
	[ "$to" = closed ] || fail "travel: '$to' is not booked, departed, arrived or closed"
	for c in "$@"; do
		prog=$(jv '.case.programme' case show "$c" --db "$db")
		case $prog in
		VHR | AVR | REP) expect_status 0 "$CORRIDOR" move "$c" reintegration --db "$db" ;;
		RST | CPW | REL) expect_status 0 "$CORRIDOR" move "$c" integration --db "$db" ;;
		esac
		expect_status 0 "$CORRIDOR" move "$c" closed --db "$db"
	done
}

# A failure noted by a subshell fails the test.
pass_checks()
{
	if [ -s "$WORK/.failures" ]; then
		LAST=""
		fail "failed in a subshell: $(head -n 1 "$WORK/.failures")"
	fi
}

pass()
{
	pass_checks
	echo "ok: $TEST_NAME ($BACKEND)"
	exit 0
}

# carried_rows CSV REJECTED: the rows of CSV (an export, CRLF lines) whose
# case is not among REJECTED's (an import's --rejects file): what an import
# with --skip-bad took in.
carried_rows()
{
	python3 - "$1" "$2" <<'EOF'
import csv, sys
rejected = {r["case_id"] for r in csv.DictReader(open(sys.argv[2], newline=""))}
with open(sys.argv[1], newline="") as f:
    lines = f.read().split("\r\n")
sys.stdout.write(lines[0] + "\r\n")
for line in lines[1:]:
    if line and next(csv.reader([line]))[0] not in rejected:
        sys.stdout.write(line + "\r\n")
EOF
}
