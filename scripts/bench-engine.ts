/**
 * Engine benchmark: performance + rep comparison + territory coverage + pipeline hygiene end to end from a sample
 * org's CSV files (read, index, compute), and the same per-rep aggregates in DuckDB SQL over the same files as the
 * reference. Each side runs in its own child process, so its peak memory is its own.
 *
 *   npm run bench:engine -- [--size 1000000] [--runs 3]
 *
 * Prints each figure and its ratio to the DuckDB run made in the same run. Not a test: nothing is asserted about
 * time, but the engine's and DuckDB's aggregates are cross-checked equal (exit 1 when they differ).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { compareReps, computePerformance, createOrgSnapshot, pipelineHygiene, territoryCoverage } from '@salesops/core';
import { SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import { commandReadObjects, readDataDir } from '@salesops/org';
import { peakRssMiB, recordBenchRows } from './benchRows.js';
import { perRepAggregatesSql } from './perRepAggregatesSql.js';
import { ensureSampleOrg } from './sampleOrgCache.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    part: { type: 'string' },
    out: { type: 'string' },
    period: { type: 'string' },
  },
});
const size = Number(values.size);
const runs = Number(values.runs);
const dir = join(process.cwd(), '.sample-org', String(size));
const asOf = SAMPLE_ANCHOR_DATE;

/** What a part reports: its times, its peak memory and every rep's aggregates ("closedWonCents,won,lost,openCents"). */
interface PartResult {
  readonly seconds: Record<string, number>;
  readonly peakMiB: number;
  readonly aggregates: Record<string, string>;
  readonly detail: string;
  /** The quarter of the as-of date, "start..end" (from the engine part, for the DuckDB part). */
  readonly period: string;
}

const time = async <T>(fn: () => T | Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await fn();
  return [result, (performance.now() - start) / 1000];
};

if (values.part) {
  const result = values.part === 'duckdb' ? await duckdbPart() : await enginePart();
  writeFileSync(values.out as string, JSON.stringify(result));
  process.exit(0);
}

await ensureSampleOrg(dir, size);
const scratch = mkdtempSync(join(tmpdir(), 'bench-engine-'));
let engine: PartResult;
let duck: PartResult;
try {
  engine = await child('engine', []);
  duck = await child('duckdb', ['--period', engine.period]);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// Cross-check: every rep with deals in the period has the same closed won, won, lost and open pipeline, to the cent.
let mismatches = 0;
let compared = 0;
for (const [repId, sums] of Object.entries(engine.aggregates)) {
  compared++;
  if (duck.aggregates[repId] !== sums) mismatches++;
}
const reference = duck.seconds['query'] as number;
const endToEnd =
  (engine.seconds['load'] as number) + (engine.seconds['index'] as number) + (engine.seconds['compute'] as number);
const group = `engine, ${size.toLocaleString('en-US')} opportunities`;
const duckLabel = 'DuckDB SQL per-rep aggregates from the CSV files';
const rows = [
  { label: `${duckLabel} (reference)`, seconds: reference, peakMiB: duck.peakMiB },
  { label: 'engine end to end: read CSV files + index + compute', seconds: endToEnd, peakMiB: engine.peakMiB },
  {
    label: '  of which compute (perf. + compare + coverage + hygiene)',
    seconds: engine.seconds['compute'] as number,
    peakMiB: null,
  },
];
console.log(`\n${size} opportunities as of ${asOf}, best of ${runs} runs (reading the files: once)`);
const width = Math.max(...rows.map((r) => r.label.length));
for (const r of rows) {
  console.log(
    `${r.label.padEnd(width)}  ${r.seconds.toFixed(3).padStart(8)} s   ${(r.seconds / reference).toFixed(2)}× DuckDB` +
      (r.peakMiB === null ? '' : `   peak ${r.peakMiB.toFixed(0)} MiB`),
  );
}
const check = mismatches === 0 ? `equal for all ${compared} reps` : `${mismatches} MISMATCHES of ${compared} reps`;
console.log(`\n${engine.detail}; aggregates vs DuckDB: ${check}`);
recordBenchRows(
  rows.map((r, i) => ({
    group,
    label: r.label.trim(),
    value: r.seconds,
    unit: 's',
    reference: i === 0 ? null : { label: 'DuckDB', value: reference },
    peakMiB: r.peakMiB,
    ...(i === 1 ? { note: `aggregates ${check}` } : {}),
  })),
);
if (mismatches > 0 || compared === 0) process.exitCode = 1;

/** Runs one part in a child process (this script with --part) and reads what it wrote. */
function child(part: 'engine' | 'duckdb', extra: string[]): Promise<PartResult> {
  const out = join(scratch, `${part}.json`);
  const args = [...process.execArgv, fileURLToPath(import.meta.url), '--part', part, '--out', out, ...extra];
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...args, '--size', String(size), '--runs', String(runs)], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code !== 0) reject(new Error(`${part} part failed (exit ${code})`));
      else resolve(JSON.parse(readFileSync(out, 'utf8')) as PartResult);
    });
  });
}

async function enginePart(): Promise<PartResult> {
  // What the commands of these figures read (`reps compare`, `territory coverage`, `pipeline hygiene`): no line items.
  const [data, load] = await time(() => readDataDir(dir, { objects: commandReadObjects() }));
  const [, index] = await time(() => createOrgSnapshot(data));
  let compute = Infinity;
  const aggregates: Record<string, string> = {};
  let detail = '';
  let periodRange = '';
  for (let i = 0; i < runs; i++) {
    const snapshot = createOrgSnapshot(data); // a fresh snapshot: no replay cached from the previous run
    const period = snapshot.calendar.periodOf(asOf, 'Quarter');
    const [result, seconds] = await time(() => {
      const report = computePerformance(snapshot, { period, asOf });
      const comparison = compareReps(snapshot, report, { period, asOf });
      const coverage = territoryCoverage(snapshot, { period, asOf });
      const hygiene = pipelineHygiene(snapshot, { period, asOf });
      return { report, comparison, coverage, hygiene };
    });
    compute = Math.min(compute, seconds);
    periodRange = `${period.start}..${period.end}`;
    for (const [repId, s] of result.report.sumsByRep) {
      if (s.won + s.lost + s.openDeals > 0)
        aggregates[repId] = [s.closedWonCents, s.won, s.lost, s.openPipelineCents].join(',');
    }
    detail =
      `${data.opportunities.length} opportunities, ${data.opportunityHistory.length} history rows, period ${result.report.period.label}; ` +
      `reps ${result.report.reps.length}, territories ${result.coverage.territories.length}, flagged deals ${result.hygiene.deals.length}`;
  }
  return { seconds: { load, index, compute }, peakMiB: peakRssMiB(), aggregates, detail, period: periodRange };
}

async function duckdbPart(): Promise<PartResult> {
  const [start, end] = (values.period as string).split('..') as [string, string];
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  let query = Infinity;
  let rows: Array<Record<string, unknown>> = [];
  for (let i = 0; i < runs; i++) {
    const [result, seconds] = await time(async () =>
      (await connection.runAndReadAll(perRepAggregatesSql(dir, start, end, asOf))).getRowObjects(),
    );
    query = Math.min(query, seconds);
    rows = result;
  }
  const aggregates = Object.fromEntries(
    rows.map((r) => [
      String(r['OwnerId']),
      [r['closed_won_cents'], r['won'], r['lost'], r['open_cents']].map(Number).join(','),
    ]),
  );
  return { seconds: { query }, peakMiB: peakRssMiB(), aggregates, detail: '', period: values.period as string };
}
