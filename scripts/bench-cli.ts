/**
 * CLI benchmark (`npm run bench:cli -- [--size default|N]`): the Salesforce CLI's start-up with our plugin, and
 * `sf salesops forecast` end to end — from `--data-dir` files and from the local org over the REST API — with wall
 * time, API requests and peak memory, each as a ratio to a reference measured in the same run (Node's own start-up
 * for start-up figures; the files run for the org run). Not a test.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import { SAMPLE_ANCHOR_DATE, start } from '@salesops/local-org';
import { recordBenchRows } from './benchRows.js';
import { jsonResult, linkPlugin, loginToOrg, repositoryRoot, sfEnvironment } from './sfCli.js';
import { ensureSampleOrg } from './sampleOrgCache.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'default' },
    runs: { type: 'string', default: '3' },
    // Only the files: a million-deal local org takes minutes to load before its run.
    'skip-org': { type: 'boolean', default: false },
  },
});
const size = values.size === 'default' ? 'default' : Number(values.size);
const runs = Number(values.runs);
const dataDir = join(repositoryRoot, '.sample-org', String(size));
await ensureSampleOrg(dataDir, size);
const home = mkdtempSync(join(tmpdir(), 'bench-cli-'));
await linkPlugin(home);
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Runs a command `runs` times; best wall seconds, peak RSS (MiB, from GNU time) and the last stderr. */
async function measure(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ seconds: number; mib: number | null; stderr: string }> {
  let best = Infinity;
  let mib: number | null = null;
  let stderr = '';
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const argv = time ? ['-f', '__peak %M', command, ...args] : args;
    const result = await promisify(execFile)(time ?? command, argv, { env, cwd: home, maxBuffer: 512 * 1024 * 1024 });
    best = Math.min(best, (performance.now() - started) / 1000);
    stderr = result.stderr;
    const peak = /__peak (\d+)/.exec(result.stderr);
    if (peak) mib = Math.max(mib ?? 0, Number(peak[1]) / 1024);
  }
  return { seconds: best, mib, stderr };
}

// sf runs as a user runs it: with Node's default heap, not the larger one this script's own local org needs.
const env = sfEnvironment(home, { NO_COLOR: '1' });
delete env['NODE_OPTIONS'];
const sf = join(repositoryRoot, 'node_modules/.bin/sf');
const node = join(repositoryRoot, 'node_modules/.bin/node');
const rows: Array<{
  label: string;
  seconds: number;
  mib: number | null;
  requests: number | null;
  reference: string;
  ratio: number;
}> = [];

const nodeStart = await measure(node, ['-e', '0'], env);
const version = await measure(sf, ['--version'], env);
const help = await measure(sf, ['salesops', '--help'], env);
rows.push({ label: 'node -e 0 (reference)', ...nodeStart, requests: null, reference: '—', ratio: 1 });
rows.push({
  label: 'sf --version',
  ...version,
  requests: null,
  reference: 'node',
  ratio: version.seconds / nodeStart.seconds,
});
rows.push({
  label: 'sf salesops --help',
  ...help,
  requests: null,
  reference: 'node',
  ratio: help.seconds / nodeStart.seconds,
});

const forecastArgs = [
  'salesops',
  'forecast',
  '--as-of',
  SAMPLE_ANCHOR_DATE,
  '--method',
  'commit,weighted,monteCarlo',
  '--group-by',
  'team',
];
const files = await measure(sf, [...forecastArgs, '--data-dir', dataDir], env);
// Without the org run, the forecast from files is measured against the CLI's own start-up (`sf salesops --help`).
rows.push(
  values['skip-org']
    ? {
        label: `sf salesops forecast --data-dir (${size})`,
        ...files,
        requests: 0,
        reference: 'sf salesops --help',
        ratio: files.seconds / help.seconds,
      }
    : {
        label: `sf salesops forecast --data-dir (${size}) (reference)`,
        ...files,
        requests: 0,
        reference: '—',
        ratio: 1,
      },
);

const org = values['skip-org'] ? null : await start({ dataDir });
if (org)
  try {
    const login = await loginToOrg(home, org.url, 'bench', org.tokens.admin);
    jsonResult(login);
    const remote = await measure(sf, [...forecastArgs, '--target-org', 'bench'], env);
    const requests = /(\d+) API requests\)/.exec(remote.stderr);
    rows.push({
      label: `sf salesops forecast --target-org local org (${size})`,
      ...remote,
      requests: requests ? Number(requests[1]) : null,
      reference: 'files',
      ratio: remote.seconds / files.seconds,
    });
  } finally {
    await org.stop();
  }

console.log(`\nCLI benchmark, best of ${runs} runs${time ? '' : ' (no /usr/bin/time: peak memory not measured)'}`);
const width = Math.max(...rows.map((r) => r.label.length));
console.log(
  `${'measure'.padEnd(width)}  ${'wall s'.padStart(8)}  ${'peak MiB'.padStart(8)}  ${'API req'.padStart(7)}  ratio`,
);
for (const r of rows) {
  console.log(
    `${r.label.padEnd(width)}  ${r.seconds.toFixed(2).padStart(8)}  ${(r.mib === null ? '—' : r.mib.toFixed(0)).padStart(8)}  ${(r.requests === null ? '—' : String(r.requests)).padStart(7)}  ${r.ratio.toFixed(2)}× ${r.reference}`,
  );
}
recordBenchRows(
  rows.map((r, i) => ({
    group: i < 3 ? 'CLI start-up' : `sf salesops forecast end to end, ${size} org`,
    label: r.label,
    value: r.seconds,
    unit: 's' as const,
    reference: r.reference === '—' ? null : { label: r.reference, value: r.seconds / r.ratio },
    peakMiB: r.mib,
    ...(r.requests ? { note: `${r.requests} API requests` } : {}),
  })),
);
