/**
 * Engine benchmark: performance + rep comparison + territory coverage + pipeline hygiene over a sample org already
 * loaded in memory, and the same per-rep aggregates in DuckDB SQL over the same CSV files as the reference.
 *
 *   npm run bench:engine -- [--size 1000000] [--runs 3]
 *
 * Prints each figure and its ratio to the DuckDB run made in the same process. Not a test: nothing is asserted
 * about time, but the engine's and DuckDB's aggregates are cross-checked equal.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  compareReps,
  computePerformance,
  createOrgSnapshot,
  pipelineHygiene,
  territoryCoverage,
  type OrgData,
} from '@salesops/core';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import { readDataDir } from '@salesops/org';
import { perRepAggregatesSql } from './perRepAggregatesSql.js';

const { values } = parseArgs({
  options: { size: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' } },
});
const size = Number(values.size);
const runs = Number(values.runs);
const dir = join(process.cwd(), '.sample-org', String(size));
const manifest = join(dir, 'manifest.json');
if (!existsSync(manifest) || (JSON.parse(readFileSync(manifest, 'utf8')) as { size: string }).size !== String(size)) {
  console.log(`generating the ${size}-opportunity sample org into ${dir} …`);
  await generateSampleOrg({ outDir: dir, size });
}
const asOf = SAMPLE_ANCHOR_DATE;
const time = async <T>(fn: () => T | Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await fn();
  return [result, (performance.now() - start) / 1000];
};
const best = (xs: number[]) => Math.min(...xs);

const [data, loadSeconds] = await time(() => readDataDir(dir));
const [, indexSeconds] = await time(() => createOrgSnapshot(data));
console.log(
  `loaded ${data.opportunities.length} opportunities and ${data.opportunityHistory.length} history rows in ${loadSeconds.toFixed(1)} s; indexed in ${indexSeconds.toFixed(1)} s`,
);

function engine(d: OrgData) {
  const snapshot = createOrgSnapshot(d);
  const period = snapshot.calendar.periodOf(asOf, 'Quarter');
  return {
    snapshot,
    period,
    run: () => {
      const report = computePerformance(snapshot, { period, asOf });
      const comparison = compareReps(snapshot, report, { period, asOf });
      const coverage = territoryCoverage(snapshot, { period, asOf });
      const hygiene = pipelineHygiene(snapshot, { period, asOf });
      return { report, comparison, coverage, hygiene };
    },
  };
}

const engineTimes: number[] = [];
let last: ReturnType<ReturnType<typeof engine>['run']> | undefined;
let lastPeriod: { start: string; end: string } | undefined;
for (let i = 0; i < runs; i++) {
  const e = engine(data); // a fresh snapshot: no replay cached from the previous run
  const [result, seconds] = await time(e.run);
  engineTimes.push(seconds);
  last = result;
  lastPeriod = e.period;
}

const connection = await (await DuckDBInstance.create(':memory:')).connect();
const duckTimes: number[] = [];
let duckRows: Array<Record<string, unknown>> = [];
for (let i = 0; i < runs; i++) {
  const [rows, seconds] = await time(async () =>
    (
      await connection.runAndReadAll(perRepAggregatesSql(dir, lastPeriod!.start, lastPeriod!.end, asOf))
    ).getRowObjects(),
  );
  duckTimes.push(seconds);
  duckRows = rows;
}

// Cross-check: every rep's closed won, won, lost and open pipeline equal to the cent.
const expected = new Map(
  duckRows.map((r) => [
    String(r['OwnerId']),
    [r['closed_won_cents'], r['won'], r['lost'], r['open_cents']].map(Number).join(','),
  ]),
);
let mismatches = 0;
for (const [repId, s] of last!.report.sumsByRep) {
  if (s.won + s.lost + s.openDeals === 0) continue;
  if (expected.get(repId) !== [s.closedWonCents, s.won, s.lost, s.openPipelineCents].join(',')) mismatches++;
}

const duck = best(duckTimes);
const rows: Array<[string, number]> = [
  ['DuckDB SQL, per-rep aggregates from the CSV files (reference)', duck],
  ['engine: performance + comparison + coverage + hygiene, in memory', best(engineTimes)],
  ['engine: load CSV files + index + the same computation', loadSeconds + indexSeconds + best(engineTimes)],
];
console.log(`\n${size} opportunities, period ${last!.report.period.label} as of ${asOf}, best of ${runs} runs`);
const width = Math.max(...rows.map(([k]) => k.length));
for (const [label, seconds] of rows) {
  console.log(`${label.padEnd(width)}  ${seconds.toFixed(3).padStart(8)} s   ${(seconds / duck).toFixed(2)}× DuckDB`);
}
console.log(
  `\nreps ${last!.report.reps.length}, territories ${last!.coverage.territories.length}, flagged deals ${last!.hygiene.deals.length}; ` +
    `aggregates vs DuckDB: ${mismatches === 0 ? `equal for all ${expected.size} reps` : `${mismatches} MISMATCHES`}`,
);
if (mismatches > 0) process.exitCode = 1;
