#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0
// Solve a planner model (CPLEX LP format, from cor_plan_write_lp or
// `plan_bench --lp`) with HiGHS, the npm package `highs` (HiGHS compiled to
// WebAssembly, single-threaded), to proven optimality (relative gap 0) or
// until the time limit. Used by bench/plan/optima.sh as the reference for
// the exact planner.
//
//   node highs-solve.js FILE [SECONDS]     (default 600)
//
// Prints one line: "status STATUS objective VALUE seconds S", VALUE rounded
// to an integer (every coefficient of the model is one) or "-" when there
// is no plan; STATUS is "optimal" when HiGHS proved it, else HiGHS's own
// words. Exit status 0, or 1 with a sentence on stderr.
'use strict';

const fs = require('fs');

async function main() {
  const [file, limit] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: highs-solve.js FILE [SECONDS]\n');
    process.exit(1);
  }
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`highs-solve: cannot read '${file}': ${e.message}\n`);
    process.exit(1);
  }
  const highs = await require('highs')();
  const t0 = process.hrtime.bigint();
  const r = highs.solve(text, {
    output_flag: false,
    mip_rel_gap: 0,
    time_limit: Number(limit || 600),
  });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const status = r.Status === 'Optimal' ? 'optimal' : r.Status.replace(/\s+/g, '_');
  const has = Number.isFinite(r.ObjectiveValue) && r.Status !== 'Infeasible';
  const obj = has ? Math.round(r.ObjectiveValue) : '-';
  process.stdout.write(`status ${status} objective ${obj} seconds ${secs.toFixed(2)}\n`);
}

main().catch((e) => {
  process.stderr.write(`highs-solve: ${e.message}\n`);
  process.exit(1);
});
