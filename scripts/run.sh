#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Set up, build and run Corridor on the embedded default: creates a demo
# database when there is none (CORRIDOR_DB, default ./corridor.db), then
# shows it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DCOR_TESTS=OFF >/dev/null
cmake --build build/release -j"$(nproc)" >/dev/null
corridor=build/release/corridor
# Every command that touches data records who ran it: CORRIDOR_USER, here the
# login name when it is not set.
CORRIDOR_USER=${CORRIDOR_USER:-$(id -un)}
export CORRIDOR_USER
db=${CORRIDOR_DB:-./corridor.db}
if [ ! -e "$db" ]; then
  "$corridor" demo --db "$db"
fi
"$corridor" stats --db "$db"
echo
"$corridor" case list --db "$db" --limit 10
echo
echo "binary: $corridor; try '$corridor help' or '$corridor case show <CASE-ID> --db $db'"
