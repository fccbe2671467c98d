/**
 * `npm run bench`: every speed, scale and memory figure in one table. Runs each benchmark script (bench:engine,
 * bench:forecast, bench:monte-carlo, bench:org, bench:local-org, bench:revops, bench:sync, bench:cli, bench:widgets,
 * bench:output) as its own npm script, collects the rows they record (see benchRows.ts) and prints them as one Markdown table, each row next to its reference measured in the same run, with
 * the ratio and the peak memory of the process that measured it; then how the engine's cost grows with the org's
 * size (the exponent k of time ∝ nᵏ, fitted over the sizes run). The scripts' own output goes to stderr as they run.
 *
 *   npm run bench -- [--sizes 10000,100000,1000000] [--forecast-sizes 100000,1000000] [--org-size 1000000]
 *                    [--write 100000] [--sync-size 1000000] [--cli-size default] [--output-size 100000]
 *                    [--only engine,forecast,monte-carlo,org,local-org,revops,sync,cli,widgets,output]
 *
 * Not a test: nothing is asserted about time. Exit 1 when a script fails or a cross-check differs.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchRow } from './benchRows.js';
import { repositoryRoot } from './sfCli.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    'forecast-sizes': { type: 'string', default: '100000,1000000' },
    'org-size': { type: 'string', default: '1000000' },
    write: { type: 'string', default: '100000' },
    'sync-size': { type: 'string', default: '1000000' },
    'cli-size': { type: 'string', default: 'default' },
    'output-size': { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string', default: 'engine,forecast,monte-carlo,org,local-org,revops,sync,cli,widgets,output' },
  },
});
const list = (s: string) => s.split(',').filter(Boolean);
const only = new Set(list(values.only));
const steps: Array<[string, string[]]> = [];
if (only.has('engine')) {
  for (const size of list(values.sizes)) steps.push(['bench:engine', ['--size', size, '--runs', values.runs]]);
}
if (only.has('forecast'))
  for (const size of list(values['forecast-sizes'])) steps.push(['bench:forecast', ['--size', size]]);
if (only.has('monte-carlo')) steps.push(['bench:monte-carlo', []]);
if (only.has('org')) {
  steps.push(['bench:org', ['--size', values['org-size'], '--write', values.write, '--only', 'files,rest,bulk,write']]);
}
if (only.has('local-org')) steps.push(['bench:local-org', ['--size', values['org-size']]]);
if (only.has('revops')) steps.push(['bench:revops', ['--size', values['org-size'], '--runs', values.runs]]);
if (only.has('sync')) steps.push(['bench:sync', ['--size', values['sync-size']]]);
if (only.has('cli')) steps.push(['bench:cli', ['--size', values['cli-size'], '--runs', values.runs]]);
if (only.has('widgets')) steps.push(['bench:widgets', []]);
if (only.has('output')) steps.push(['bench:output', ['--size', values['output-size']]]);

const scratch = mkdtempSync(join(tmpdir(), 'bench-'));
const rowsFile = join(scratch, 'rows.jsonl');
const failures: string[] = [];
const started = performance.now();
try {
  for (const [script, args] of steps) {
    const command = `npm run -s ${script} -- ${args.join(' ')}`;
    console.error(`\n=== ${command}`);
    const code = await run(script, args);
    if (code !== 0) failures.push(`${command} exited ${code}`);
  }
  const rows = existsSync(rowsFile)
    ? readFileSync(rowsFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as BenchRow)
    : [];
  printTable(rows);
  printGrowth(rows);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const cpu = cpus();
console.log(
  `\nMachine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `Node ${process.versions.node}; ${new Date().toISOString().slice(0, 16)}Z; the whole run took ` +
    `${((performance.now() - started) / 60_000).toFixed(1)} min.`,
);
if (failures.length > 0) {
  console.log(`\nFailed:\n${failures.map((f) => `- ${f}`).join('\n')}`);
  process.exitCode = 1;
}

/** Runs `npm run -s script -- args` with its output on stderr and the rows file in its environment. */
function run(script: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const proc = spawn('npm', ['run', '-s', script, '--', ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, BENCH_ROWS_FILE: rowsFile },
      stdio: ['ignore', process.stderr, process.stderr],
    });
    proc.on('error', () => resolve(1));
    proc.on('close', (code) => resolve(code ?? 1));
  });
}

function format(value: number, unit: BenchRow['unit']): string {
  if (unit === 's') return `${value.toFixed(value < 10 ? 2 : 1)} s`;
  if (unit === 'ms') return `${value.toFixed(value < 10 ? 1 : 0)} ms`;
  if (unit === 'KB') return `${value.toFixed(1)} KB`;
  return String(Math.round(value));
}

function printTable(rows: readonly BenchRow[]): void {
  console.log('\n| what | figure | reference | ratio | peak RSS | note |');
  console.log('|---|--:|---|--:|--:|---|');
  let group = '';
  for (const row of rows) {
    if (row.group !== group) {
      group = row.group;
      console.log(`| **${group}** | | | | | |`);
    }
    const reference = row.reference ? `${row.reference.label} ${format(row.reference.value, row.unit)}` : '—';
    const ratio = row.reference && row.reference.value > 0 ? `${(row.value / row.reference.value).toFixed(2)}×` : '';
    const peak = row.peakMiB === null ? '' : `${row.peakMiB.toFixed(0)} MiB`;
    const cell = (s: string) => s.replaceAll('|', '\\|');
    console.log(
      `| ${cell(row.label.trim())} | ${format(row.value, row.unit)} | ${cell(reference)} | ${ratio} | ${peak} | ${cell(row.note ?? '')} |`,
    );
  }
}

/** Least-squares slope of log(seconds) on log(opportunities) for each engine row run at two sizes or more. */
function printGrowth(rows: readonly BenchRow[]): void {
  const series = new Map<string, Array<[number, number]>>();
  for (const row of rows) {
    const size = /^(engine|forecast backtest), ([\d,]+) opportunities$/.exec(row.group);
    if (!size || row.unit !== 's') continue;
    const key = row.label.trim();
    series.set(key, [...(series.get(key) ?? []), [Number(size[2]?.replaceAll(',', '')), row.value]]);
  }
  const fitted = [...series].filter(([, points]) => points.length >= 2);
  if (fitted.length === 0) return;
  console.log('\nHow the cost grows with the number of opportunities n (time ∝ nᵏ, least squares over the sizes run):');
  for (const [key, points] of fitted) {
    const xs = points.map(([n]) => Math.log(n));
    const ys = points.map(([, t]) => Math.log(t));
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const k =
      xs.reduce((s, x, i) => s + (x - mx) * ((ys[i] as number) - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    const sizes = points.map(([n]) => n.toLocaleString('en-US')).join(', ');
    console.log(`- ${key}: k = ${k.toFixed(2)} (n = ${sizes})`);
  }
}
