#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0
// Solve a planner model (CPLEX LP format, from cor_plan_write_lp or
// `plan_bench --lp`) with HiGHS, the npm package `highs` (HiGHS compiled to
// WebAssembly, single-threaded), to proven optimality (relative gap 0) or
// until the time limit. Used by bench/plan/optima.sh as the reference for
// the exact planner.
//
//   node highs-solve.js FILE [SECONDS [TARGET]]     (default 600)
//
// Prints one line: "status STATUS objective VALUE seconds S", VALUE rounded
// to an integer (every coefficient of the model is one) or "-" when there
// is no plan; STATUS is "optimal" when HiGHS proved it, else HiGHS's own
// words. With TARGET (an integer objective, such as the planner's), the
// line goes on with "target TARGET at T": T the seconds on HiGHS's own
// clock at which its best plan first reached TARGET or more, read from
// its log, or "-" if it never did. Exit status 0, or 1 with a sentence on
// stderr.
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
  let target = null;
  if (process.argv[4] !== undefined) {
    if (!/^-?\d+$/.test(process.argv[4])) {
      process.stderr.write(`highs-solve: TARGET '${process.argv[4]}' is not an integer\n`);
      process.exit(1);
    }
    target = Number(process.argv[4]);
  }
  // A line of HiGHS's search log: a letter when a heuristic found the
  // plan, nodes, leaves, ..., the bound, the best plan's value, ..., then
  // the seconds, as "199.3s".
  let reached = null;
  const watch = (line) => {
    const f = String(line).trim().split(/\s+/);
    const secs = /^(\d+(?:\.\d+)?)s$/.exec(f[f.length - 1] || '');
    const at = f.findIndex((w) => /%$/.test(w));
    if (!secs || at < 0 || at + 2 >= f.length) return;
    const best = Number(f[at + 2]);
    if (reached === null && Number.isFinite(best) && Math.round(best) >= target)
      reached = Number(secs[1]);
  };
  const highs = await require('highs')(
    target === null ? {} : { print: watch, printErr: () => {} },
  );
  const t0 = process.hrtime.bigint();
  const r = highs.solve(text, {
    output_flag: target !== null,
    log_to_console: target !== null,
    mip_rel_gap: 0,
    time_limit: Number(limit || 600),
  });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const status = r.Status === 'Optimal' ? 'optimal' : r.Status.replace(/\s+/g, '_');
  const has = Number.isFinite(r.ObjectiveValue) && r.Status !== 'Infeasible';
  const obj = has ? Math.round(r.ObjectiveValue) : '-';
  let tail = '';
  if (target !== null) {
    // The last plan may come after the last line of the log.
    if (reached === null && has && Math.round(r.ObjectiveValue) >= target) reached = secs;
    tail = ` target ${target} at ${reached === null ? '-' : reached.toFixed(1)}`;
  }
  process.stdout.write(`status ${status} objective ${obj} seconds ${secs.toFixed(2)}${tail}\n`);
}

main().catch((e) => {
  process.stderr.write(`highs-solve: ${e.message}\n`);
  process.exit(1);
});
