/**
 * Funnel and revenue-retention benchmark: `funnel` and `revenue retention` end to end from a sample org's CSV files
 * (read the objects each command reads, index, compute), beside the same aggregates in DuckDB SQL over the same
 * files (scripts/revopsAggregatesSql.ts) as the reference. Each side runs in its own child process, so its peak memory
 * is its own.
 *
 *   npm run bench:revops -- [--size 1000000] [--runs 3] [--dir DIR]
 *
 * Not a test: nothing is asserted about time. The engine's and DuckDB's figures are cross-checked (funnel per lead
 * owner, retention per industry); a mismatch, or an org without leads or recurring bookings (nothing to measure), exits
 * 1 without printing rows.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { createOrgSnapshot, funnelReport, revenueRetention } from '@salesops/core';
import { SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import { commandReadObjects, readDataDir } from '@salesops/org';
import { peakRssMiB, recordBenchRows } from './benchRows.js';
import {
  engineFunnelLines,
  engineRetentionLines,
  funnelByOwnerSql,
  retentionByIndustrySql,
  sqlFunnelLines,
  sqlRetentionLines,
} from './revopsAggregatesSql.js';
import { ensureSampleOrg } from './sampleOrgCache.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    dir: { type: 'string' },
    'as-of': { type: 'string', default: SAMPLE_ANCHOR_DATE },
    part: { type: 'string' },
    out: { type: 'string' },
    window: { type: 'string' },
  },
});
const runs = Number(values.runs);
const dir = values.dir ?? join(process.cwd(), '.sample-org', values.size);
const asOf = values['as-of'];

/** A part's times, peak memory and figures (one line per owner or industry), and the windows it used. */
interface PartResult {
  readonly seconds: Record<string, number>;
  /** CPU time (user + system, the garbage collector's threads included) of the same steps. */
  readonly cpu: Record<string, number>;
  readonly peakMiB: number;
  readonly figures: Record<string, string[]>;
  /** "timeZone|start|end|baseStart|baseEnd": the quarter of the as-of date and its base (from retention, for DuckDB). */
  readonly window: string;
}

const time = async <T>(fn: () => T | Promise<T>): Promise<[T, number, number]> => {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await fn();
  const used = process.cpuUsage(cpu);
  return [result, (performance.now() - start) / 1000, (used.user + used.system) / 1e6];
};
/** The machine's load average over 1, 5 and 15 minutes: on a shared machine, CPU time is the fairer figure. */
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

if (values.part) {
  const result =
    values.part === 'duckdb' ? await duckdbPart() : await enginePart(values.part as 'funnel' | 'retention');
  writeFileSync(values.out as string, JSON.stringify(result));
  process.exit(0);
}

if (values.dir === undefined) await ensureSampleOrg(dir, Number(values.size));
const scratch = mkdtempSync(join(tmpdir(), 'bench-revops-'));
const loadBefore = load();
let funnel: PartResult;
let retention: PartResult;
let duck: PartResult;
try {
  funnel = await child('funnel', []);
  retention = await child('retention', []);
  duck = await child('duckdb', ['--window', retention.window]);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const loadAfter = load();

const problems: string[] = [];
const compare = (name: string, engine: string[] | undefined, reference: string[] | undefined) => {
  if (!engine || engine.length === 0)
    problems.push(`${name}: the engine computed nothing (no leads or recurring bookings)`);
  else if (JSON.stringify([...engine].sort()) !== JSON.stringify([...(reference ?? [])].sort())) {
    problems.push(`${name}: the engine and DuckDB differ`);
  }
};
compare('funnel per owner', funnel.figures['funnel'], duck.figures['funnel']);
compare('retention per industry', retention.figures['retention'], duck.figures['retention']);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
const size = values.dir ?? `${Number(values.size).toLocaleString('en-US')} opportunities`;
for (const [name, part, reference] of [
  ['funnel', funnel, duck.seconds['funnel'] as number],
  ['revenue retention', retention, duck.seconds['retention'] as number],
] as const) {
  const steps = ['load', 'index', 'compute'];
  const endToEnd = steps.reduce((sum, step) => sum + (part.seconds[step] as number), 0);
  const endToEndCpu = steps.reduce((sum, step) => sum + (part.cpu[step] as number), 0);
  const rows = [
    {
      label: `DuckDB SQL ${name} aggregates from the CSV files (reference)`,
      value: reference,
      cpu: duck.cpu[name === 'funnel' ? 'funnel' : 'retention'] as number,
      peakMiB: duck.peakMiB,
    },
    {
      label: `${name} end to end: read CSV files + index + compute`,
      value: endToEnd,
      cpu: endToEndCpu,
      peakMiB: part.peakMiB,
    },
    {
      label: `of which compute`,
      value: part.seconds['compute'] as number,
      cpu: part.cpu['compute'] as number,
      peakMiB: null,
    },
  ];
  console.log(
    `\n${name}, ${size}, as of ${asOf}, best of ${runs} runs, load average ${loadBefore} before, ${loadAfter} after`,
  );
  for (const r of rows)
    console.log(
      `${r.label.padEnd(64)} ${r.value.toFixed(3).padStart(8)} s   ${(r.value / reference).toFixed(2)}× DuckDB   ` +
        `CPU ${r.cpu.toFixed(1)} s`,
    );
  recordBenchRows(
    rows.map((r, i) => ({
      group: `${name}, ${size}`,
      label: r.label,
      value: r.value,
      unit: 's' as const,
      reference: i === 0 ? null : { label: 'DuckDB', value: reference },
      peakMiB: r.peakMiB,
      note:
        `CPU ${r.cpu.toFixed(1)} s, load average ${loadBefore} → ${loadAfter}` +
        (i === 1
          ? `; equal to DuckDB for all ${part.figures[name === 'funnel' ? 'funnel' : 'retention']?.length} rows`
          : ''),
    })),
  );
}

function child(part: 'funnel' | 'retention' | 'duckdb', extra: string[]): Promise<PartResult> {
  const out = join(scratch, `${part}.json`);
  const args = [...process.execArgv, fileURLToPath(import.meta.url), '--part', part, '--out', out, '--dir', dir];
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...args, '--runs', String(runs), '--as-of', asOf, ...extra], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code !== 0) reject(new Error(`${part} part failed (exit ${code})`));
      else resolve(JSON.parse(readFileSync(out, 'utf8')) as PartResult);
    });
  });
}

async function enginePart(part: 'funnel' | 'retention'): Promise<PartResult> {
  // Each command's own read: the funnel adds leads, campaigns and activities; retention reads what the others read.
  const objects = commandReadObjects({ revops: part === 'funnel' });
  const [data, read, readCpu] = await time(() => readDataDir(dir, { objects }));
  const [, index, indexCpu] = await time(() => createOrgSnapshot(data));
  let compute = Infinity;
  let computeCpu = Infinity;
  let figures: string[] = [];
  let window = '';
  for (let i = 0; i < runs; i++) {
    const snapshot = createOrgSnapshot(data); // a fresh snapshot: no replay cached from the previous run
    const period = snapshot.calendar.periodOf(asOf, 'Quarter');
    if (part === 'funnel') {
      const [report, seconds, cpu] = await time(() => funnelReport(snapshot, { period, asOf }));
      computeCpu = seconds < compute ? cpu : computeCpu;
      compute = Math.min(compute, seconds);
      figures = engineFunnelLines(report);
    } else {
      const [report, seconds, cpu] = await time(() =>
        revenueRetention(snapshot, { period, asOf, segmentField: 'industry', grossMargin: null }),
      );
      computeCpu = seconds < compute ? cpu : computeCpu;
      compute = Math.min(compute, seconds);
      figures = engineRetentionLines(report);
      window = [snapshot.timeZone, period.start, period.end, report.basePeriod.start, report.basePeriod.end].join('|');
    }
  }
  return {
    seconds: { load: read, index, compute },
    cpu: { load: readCpu, index: indexCpu, compute: computeCpu },
    peakMiB: peakRssMiB(),
    figures: { [part]: figures },
    window,
  };
}

async function duckdbPart(): Promise<PartResult> {
  // The quarter of the as-of date and the base period a year before, as the engine's retention part took them.
  const [timeZone, start, end, baseStart, baseEnd] = (values.window as string).split('|') as [
    string,
    string,
    string,
    string,
    string,
  ];
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const sql = { dir, timeZone, start, end, asOf };
  const seconds: Record<string, number> = { funnel: Infinity, retention: Infinity };
  const cpu: Record<string, number> = {};
  const figures: Record<string, string[]> = {};
  for (let i = 0; i < runs; i++) {
    const [f, fs, fc] = await time(async () => (await connection.runAndReadAll(funnelByOwnerSql(sql))).getRowObjects());
    const [r, rs, rc] = await time(async () =>
      (await connection.runAndReadAll(retentionByIndustrySql(sql, baseStart, baseEnd))).getRowObjects(),
    );
    // DuckDB's own threads count in the process's CPU time.
    if (fs < (seconds['funnel'] as number)) cpu['funnel'] = fc;
    if (rs < (seconds['retention'] as number)) cpu['retention'] = rc;
    seconds['funnel'] = Math.min(seconds['funnel'] as number, fs);
    seconds['retention'] = Math.min(seconds['retention'] as number, rs);
    figures['funnel'] = sqlFunnelLines(f);
    figures['retention'] = sqlRetentionLines(r);
  }
  return { seconds, cpu, peakMiB: peakRssMiB(), figures, window: values.window as string };
}
