/**
 * Output benchmark (`npm run bench:output -- [--size 100000|default] [--runs 2]`): `sf salesops pipeline hygiene`
 * through the real sf, as a table fitted to 200 columns against the same command with `--result-format csv` (the
 * reference), so the table's own cost shows as a ratio (target ≤ 1.2×: rendering is linear in rows). A run that
 * fails, or prints no deal, fails the benchmark instead of recording a fast figure. Not a test.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import { recordBenchRows } from './benchRows.js';
import { linkPlugin, repositoryRoot, sfEnvironment } from './sfCli.js';
import { ensureSampleOrg } from './sampleOrgCache.js';

const { values } = parseArgs({
  options: { size: { type: 'string', default: '100000' }, runs: { type: 'string', default: '2' } },
});
const size = values.size === 'default' ? 'default' : Number(values.size);
const runs = Number(values.runs);
const dataDir = join(repositoryRoot, '.sample-org', String(size));
await ensureSampleOrg(dataDir, size);
const home = mkdtempSync(join(tmpdir(), 'bench-output-'));
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const sf = join(repositoryRoot, 'node_modules/.bin/sf');

interface Measured {
  readonly seconds: number;
  /** User + system CPU seconds (GNU time): steadier than wall time on a machine other processes load. */
  readonly cpu: number | null;
  readonly mib: number | null;
  readonly stdout: string;
}

/** One run of `sf args`: wall time, peak RSS (GNU time) and stdout. */
async function measure(args: string[], env: NodeJS.ProcessEnv): Promise<Measured> {
  const started = performance.now();
  const argv = time ? ['-f', '__peak %M __cpu %U %S', sf, ...args] : args;
  const result = await promisify(execFile)(time ?? sf, argv, { env, cwd: home, maxBuffer: 2 * 1024 ** 3 });
  const peak = /__peak (\d+)/.exec(result.stderr);
  const cpu = /__cpu ([\d.]+) ([\d.]+)/.exec(result.stderr);
  return {
    seconds: (performance.now() - started) / 1000,
    cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : null,
    mib: peak ? Number(peak[1]) / 1024 : null,
    stdout: result.stdout,
  };
}

/** The best time of several runs, the highest peak memory, the last output. */
function best(runs: readonly Measured[]): Measured {
  return {
    seconds: Math.min(...runs.map((r) => r.seconds)),
    cpu: runs.every((r) => r.cpu !== null) ? Math.min(...runs.map((r) => r.cpu ?? 0)) : null,
    mib: runs.some((r) => r.mib !== null) ? Math.max(...runs.map((r) => r.mib ?? 0)) : null,
    stdout: runs.at(-1)?.stdout ?? '',
  };
}

let failed: string | null = null;
try {
  const link = await linkPlugin(home);
  if (link.code !== 0) throw new Error(`sf plugins link failed: ${link.stderr}`);
  // sf as a user runs it: Node's default heap; a 200-column terminal (COLUMNS), no colour.
  const env = sfEnvironment(home, { NO_COLOR: '1', COLUMNS: '200' });
  delete env['NODE_OPTIONS'];
  const args = ['salesops', 'pipeline', 'hygiene', '--data-dir', dataDir, '--as-of', SAMPLE_ANCHOR_DATE];
  // Runs alternate (csv, table, csv, table, …) so that load from other processes falls on both alike.
  const csvRuns: Measured[] = [];
  const tableRuns: Measured[] = [];
  for (let i = 0; i < runs; i++) {
    csvRuns.push(await measure([...args, '--result-format', 'csv'], env));
    tableRuns.push(await measure(args, env));
  }
  const csv = best(csvRuns);
  const table = best(tableRuns);
  // Both runs must have listed the same deals: CSV rows = header + deals + totals; the table's totals names them.
  const deals = csv.stdout.trimEnd().split('\n').length - 2;
  const totals = /Total\s+([\d,]+) deals?/.exec(table.stdout);
  if (deals <= 0) failed = 'the CSV run listed no deal';
  else if (!totals || Number(totals[1]?.replaceAll(',', '')) !== deals)
    failed = `the table run's totals (${totals?.[1] ?? 'none'}) differ from the CSV's ${deals} deals`;
  const ratio = table.seconds / csv.seconds;
  const cpuRatio = table.cpu !== null && csv.cpu !== null ? table.cpu / csv.cpu : null;
  const line = (label: string, m: Measured) =>
    `${label.padEnd(50)} ${m.seconds.toFixed(2).padStart(8)} s wall ${(m.cpu === null ? '—' : m.cpu.toFixed(2)).padStart(8)} s CPU ${(m.mib === null ? '—' : m.mib.toFixed(0)).padStart(6)} MiB`;
  console.log(`\nOutput benchmark, ${size} org, ${deals} flagged deals, best of ${runs} run(s)`);
  console.log(line('pipeline hygiene --result-format csv (reference)', csv));
  console.log(line('pipeline hygiene table (COLUMNS=200)', table));
  console.log(
    `ratio table / csv: ${ratio.toFixed(2)}× wall` +
      (cpuRatio === null ? '' : `, ${cpuRatio.toFixed(2)}× CPU`) +
      ' (target ≤ 1.2×)',
  );
  if (failed === null) {
    recordBenchRows([
      {
        group: `sf salesops pipeline hygiene output, ${size} org`,
        label: 'csv (reference)',
        value: csv.seconds,
        unit: 's',
        reference: null,
        peakMiB: csv.mib,
        note: `${deals} deals` + (csv.cpu === null ? '' : `; CPU ${csv.cpu.toFixed(1)} s`),
      },
      {
        group: `sf salesops pipeline hygiene output, ${size} org`,
        label: 'table, 200 columns',
        value: table.seconds,
        unit: 's',
        reference: { label: 'csv', value: csv.seconds },
        peakMiB: table.mib,
        note:
          (cpuRatio === null
            ? ''
            : `CPU ${table.cpu?.toFixed(1)} s vs ${csv.cpu?.toFixed(1)} s = ${cpuRatio.toFixed(2)}×; `) +
          `target ≤ 1.2×${Math.min(ratio, cpuRatio ?? ratio) > 1.2 ? ': MISSED' : ''}`,
      },
    ]);
  }
} catch (e) {
  failed = (e as Error).message;
} finally {
  rmSync(home, { recursive: true, force: true });
}
if (failed !== null) {
  console.error(`bench:output failed: ${failed}`);
  process.exitCode = 1;
}
