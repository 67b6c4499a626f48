# SPDX-License-Identifier: Apache-2.0
# shellcheck shell=bash
# How a black-box test's database names become PostgreSQL databases; sourced
# by lib.sh and pg-corridor.sh. Needs COR_TEST_PG (the cluster's URI),
# COR_PG_PREFIX (the test's number: t0100) and COR_PG_WORK (the test's
# folder).

# cor_pg_db_name NAME: the database of NAME for this test: the folder of the
# test and ./ dropped, then .db, the rest lowercased with every character
# other than a letter or a digit made '_', after the test's number:
# r.db -> t0100_r, ./corridor.db -> t0100_corridor, new-2.db -> t0100_new_2.
cor_pg_db_name()
{
	local n=$1
	n=${n#"$COR_PG_WORK"/}
	while [ "${n#./}" != "$n" ]; do n=${n#./}; done
	n=${n%.db}
	n=$(printf '%s' "$n" | tr 'A-Z' 'a-z' | tr -c 'a-z0-9' '_')
	n="${COR_PG_PREFIX}_$n"
	printf '%s' "${n:0:63}"
}

# cor_pg_uri DB: the URI of database DB on the test cluster (COR_TEST_PG
# with its database replaced).
cor_pg_uri()
{
	local scheme=${COR_TEST_PG%%://*} rest=${COR_TEST_PG#*://}
	local auth=${rest%%/*} query=
	case $rest in *\?*) query="?${rest#*\?}" ;; esac
	printf '%s://%s/%s%s' "$scheme" "$auth" "$1" "$query"
}
