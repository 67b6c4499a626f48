#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# The corridor binary as a black-box test sees it on PostgreSQL: lib.sh puts
# this script in $CORRIDOR when COR_TEST_BACKEND=pg. It runs the real binary
# ($COR_PG_CORRIDOR) with every database name the test gives (--db NAME,
# --db=NAME, $CORRIDOR_DB, and ./corridor.db when neither is given) turned
# into the URI of a PostgreSQL database of this test (cor_pg_db_name in
# lib.sh: t0100 and r.db give t0100_r), created empty when first used; in
# what the binary prints, each such URI, and the database's name as a quoted
# label ('t0100_r'), read as the name the test gave again, so that
# "created r.db (schema version N)" is what the test sees on both backends.
# A name that is already a postgresql:// URI is left as it is. The exit
# status is the binary's.
set -u
: "${COR_PG_CORRIDOR:?COR_PG_CORRIDOR must name the corridor binary}"
: "${COR_TEST_PG:?COR_TEST_PG must be the URI of the test cluster}"
: "${COR_PG_STATE:?COR_PG_STATE must name the folder of created databases}"
. "$(dirname "$0")/pg-names.sh"

pairs=() # URI, name, 'label', 'name' ... for the way back

# map NAME: the URI that stands for NAME, in $mapped; creates the database
# the first time a test uses it.
map()
{
	local name=$1 db
	case $name in
	postgresql://* | postgres://*)
		mapped=$name
		return 0
		;;
	esac
	db=$(cor_pg_db_name "$name")
	mapped=$(cor_pg_uri "$db")
	if [ ! -e "$COR_PG_STATE/$db" ]; then
		psql -XAtq -v ON_ERROR_STOP=1 "$COR_TEST_PG" -c "CREATE DATABASE \"$db\"" >/dev/null ||
			{
				echo "pg-corridor: cannot create the database '$db'" >&2
				exit 99
			}
		: >"$COR_PG_STATE/$db"
	fi
	pairs+=("$mapped" "$name" "'$db'" "'$name'")
}

args=()
given=0
while [ $# -gt 0 ]; do
	case $1 in
	--db)
		args+=("$1")
		shift
		if [ $# -gt 0 ]; then
			map "$1"
			args+=("$mapped")
			shift
		fi
		given=1
		continue
		;;
	--db=*)
		map "${1#--db=}"
		args+=("--db=$mapped")
		given=1
		;;
	--)
		args+=("$@")
		break
		;;
	*) args+=("$1") ;;
	esac
	shift
done
if [ -n "${CORRIDOR_DB:-}" ]; then
	map "$CORRIDOR_DB"
	export CORRIDOR_DB=$mapped
elif [ "$given" -eq 0 ]; then
	map ./corridor.db
	export CORRIDOR_DB=$mapped
fi

out=$(mktemp "$COR_PG_STATE/.out.XXXXXX") && err=$(mktemp "$COR_PG_STATE/.err.XXXXXX") || exit 99
"$COR_PG_CORRIDOR" "${args[@]}" >"$out" 2>"$err"
status=$?
# Literal replacements, longest first as given (a URI before its label).
back='my @p = splice(@ARGV, 0, $n); while (<STDIN>) {
	for (my $i = 0; $i < @p; $i += 2) { s/\Q$p[$i]\E/$p[$i + 1]/g }
	print }'
perl -se "$back" -- -n="${#pairs[@]}" "${pairs[@]}" <"$out"
perl -se "$back" -- -n="${#pairs[@]}" "${pairs[@]}" <"$err" >&2
rm -f "$out" "$err"
exit "$status"
