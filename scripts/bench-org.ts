/**
 * Data-access benchmark (issue 5): reads the sample org from `--data-dir` files, from the local org over REST and over
 * Bulk API 2.0 (and the automatic choice), then writes result records through sObject Collections and through a Bulk
 * API 2.0 ingest job. Each measurement runs in its own child process, so its wall time and peak memory (the child's
 * maximum resident set) are its own; the local org runs in this process. API requests are counted by the reader and
 * by the org, and set against the minimum the API's page sizes and job protocol allow.
 *
 *   npm run bench:org -- [--size 100000] [--dir .sample-org/<size>] [--write 100000] [--only files,rest,bulk,auto,write]
 *
 * Figures are printed as ratios against a reference measured in the same run (the files read for reads, the
 * Collections writer for writes), so runs on different machines compare.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Connection } from 'jsforce';
import { createOrgSnapshot, orgDataObjects, type OrgData } from '@salesops/core';
import { start } from '@salesops/local-org';
import { bulkUpsertRecords, commandReadObjects, readDataDir, readOrgData, upsertRecords } from '@salesops/org';
import { recordBenchRows, type BenchRow } from './benchRows.js';
import { childJson } from './childJson.js';
import { ensureSampleOrg } from './sampleOrgCache.js';

const REST_PAGE = 2_000;
const BULK_PAGE = 50_000;
const COLLECTION = 200;
/**
 * Status polls the local org answers InProgress before JobComplete, as a real org does for a job just created: no
 * client can learn that a job is complete without polling until it says so, so the minimum counts these polls too.
 */
const BULK_IN_PROGRESS_POLLS = 1;
const BULK_POLLS = BULK_IN_PROGRESS_POLLS + 1;
const FILES = 'files (--data-dir)';
const FORECAST_FILES = 'files, what sf salesops forecast reads (no line items, no funnel objects)';

interface Measured {
  readonly seconds: number;
  readonly records: number;
  /** Requests the reader or writer counted. */
  readonly requests: number;
  readonly peakRssMb: number;
  readonly detail?: string;
}

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    dir: { type: 'string' },
    write: { type: 'string', default: '100000' },
    only: { type: 'string', default: 'files,rest,bulk,auto,write' },
    child: { type: 'string' },
  },
});

if (values.child) {
  const result = await runChild(values.child, values.dir as string);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

const size = Number(values.size.replaceAll('_', ''));
if (!Number.isInteger(size) || size <= 0) throw new Error(`--size ${values.size}: a whole number of opportunities`);
const writeCount = Number(values.write.replaceAll('_', ''));
const only = new Set(values.only.split(','));
const dir = resolve(values.dir ?? `.sample-org/${size}`);
await ensureSampleOrg(dir, size);
const manifest = JSON.parse(await readFile(resolve(dir, 'manifest.json'), 'utf8')) as {
  files: Record<string, number>;
};
const rowsOf = (sobject: string): number => manifest.files[sobject] ?? 0;
const objects = Object.values(orgDataObjects);
const totalRecords = objects.reduce((n, o) => n + rowsOf(o), 0);
console.error(
  `Sample org: ${rowsOf('Opportunity').toLocaleString('en-US')} opportunities, ` +
    `${rowsOf('OpportunityHistory').toLocaleString('en-US')} history rows, ${totalRecords.toLocaleString('en-US')} records in all (${dir}).`,
);

const rows: Array<{ name: string; m: Measured; minimum: number | null; orgRequests: number | null }> = [];

if (only.has('files')) {
  rows.push({ name: FILES, m: await child('files', {}), minimum: null, orgRequests: null });
  // What `sf salesops forecast` reads (loadSnapshot's objects): opportunities, their history, accounts, users, roles,
  // quotas, territories, currencies and the calendar; not the line items (product views) nor the funnel's objects.
  rows.push({ name: FORECAST_FILES, m: await child('files-forecast', {}), minimum: null, orgRequests: null });
}

const needsOrg = ['rest', 'bulk', 'auto', 'write'].some((m) => only.has(m));
if (needsOrg) {
  const loadStarted = performance.now();
  const org = await start({ dataDir: dir, bulkPollsBeforeComplete: BULK_IN_PROGRESS_POLLS });
  console.error(`Local org loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s at ${org.url}.`);
  const env = { BENCH_ORG_URL: org.url, BENCH_ORG_TOKEN: org.tokens.admin };
  // describeGlobal, then per object a describe and its pages (at least one).
  const restMinimum = 1 + objects.reduce((n, o) => n + 1 + Math.max(1, Math.ceil(rowsOf(o) / REST_PAGE)), 0);
  // Per object a describe, the job, its status polls and the result pages.
  const bulkMinimum =
    1 + objects.reduce((n, o) => n + 2 + BULK_POLLS + Math.max(1, Math.ceil(rowsOf(o) / BULK_PAGE)), 0);
  // REST below the Bulk threshold, Bulk from it on (the COUNT() queries that decide are not in the minimum).
  const autoMinimum =
    1 +
    objects.reduce((n, o) => {
      const rows = rowsOf(o);
      return (
        n +
        (rows >= BULK_PAGE
          ? 2 + BULK_POLLS + Math.ceil(rows / BULK_PAGE)
          : 1 + Math.max(1, Math.ceil(rows / REST_PAGE)))
      );
    }, 0);
  const measure = async (name: string, mode: string, minimum: number): Promise<void> => {
    const before = org.limits.used;
    const m = await child(mode, env);
    rows.push({ name, m, minimum, orgRequests: org.limits.used - before });
  };
  try {
    if (only.has('rest')) await measure('org, REST (query + queryMore)', 'rest', restMinimum);
    if (only.has('bulk')) await measure('org, Bulk API 2.0', 'bulk', bulkMinimum);
    if (only.has('auto')) await measure('org, auto (COUNT() ≥ 50,000 → Bulk)', 'auto', autoMinimum);
    if (only.has('write')) {
      const w = { ...env, BENCH_WRITE: String(writeCount) };
      const jobs = 1;
      for (const [name, mode, minimum] of [
        [
          `write ${writeCount.toLocaleString('en-US')}, sObject Collections`,
          'write-collections',
          Math.ceil(writeCount / COLLECTION),
        ],
        // Job, upload, UploadComplete, its status polls, successful and failed results.
        [`write ${writeCount.toLocaleString('en-US')}, Bulk API 2.0 ingest`, 'write-bulk', jobs * (5 + BULK_POLLS)],
      ] as const) {
        const before = org.limits.used;
        const m = await child(mode, w);
        rows.push({ name, m, minimum, orgRequests: org.limits.used - before });
      }
    }
  } finally {
    await org.stop();
  }
}

const reference = rows.find((r) => r.name === FILES)?.m.seconds;
const collections = rows.find((r) => r.name.includes('Collections'))?.m.seconds;
const table = [
  ['path', 'seconds', '× ref', 'records', 'requests', 'org saw', 'minimum', '× min', 'peak RSS MiB'],
  ...rows.map(({ name, m, minimum, orgRequests }) => {
    const ref = name.startsWith('write') ? collections : reference;
    const min = minimum !== null && Number.isFinite(minimum) ? minimum : null;
    return [
      name,
      m.seconds.toFixed(2),
      ref ? (m.seconds / ref).toFixed(2) : '—',
      m.records.toLocaleString('en-US'),
      m.requests ? String(m.requests) : '—',
      orgRequests !== null ? String(orgRequests) : '—',
      min !== null ? String(min) : '—',
      min ? (m.requests / min).toFixed(3) : '—',
      m.peakRssMb.toFixed(0),
    ];
  }),
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
for (const [i, r] of table.entries()) {
  console.log(r.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
console.log(
  `\n× ref: reads against the files read, writes against the Collections writer. minimum: REST pages of ${REST_PAGE}, ` +
    `Bulk result pages of ${BULK_PAGE} with ${BULK_POLLS} status polls per job (the org answers the first ` +
    `${BULK_IN_PROGRESS_POLLS} InProgress), Collections requests of ${COLLECTION}, one ingest job of ${5 + BULK_POLLS} ` +
    `requests. Peak RSS: the child process's maximum resident set.`,
);
for (const r of rows) if (r.m.detail) console.log(`${r.name}: ${r.m.detail}`);
recordBenchRows(
  rows.flatMap(({ name, m, minimum, orgRequests }): BenchRow[] => {
    const write = name.startsWith('write');
    const group = write
      ? 'writing result records to the local org'
      : `reading the ${size.toLocaleString('en-US')}-opportunity org`;
    const ref = write ? collections : reference;
    const isReference = write ? name.includes('Collections') : name === FILES;
    const time: BenchRow = {
      group,
      label: isReference ? `${name} (reference)` : name,
      value: m.seconds,
      unit: 's',
      reference: isReference || ref === undefined ? null : { label: write ? 'Collections' : 'files', value: ref },
      peakMiB: m.peakRssMb,
      note: `${m.records.toLocaleString('en-US')} records`,
    };
    if (minimum === null || !m.requests) return [time];
    return [
      time,
      {
        group,
        label: `  API requests, ${name.replace(/^org, /, '')}`,
        value: m.requests,
        unit: 'requests',
        reference: { label: 'minimum', value: minimum },
        peakMiB: null,
        ...(orgRequests !== null && orgRequests !== m.requests ? { note: `the org saw ${orgRequests}` } : {}),
      },
    ];
  }),
);

/** Runs one measurement in a child process (this script with --child), with the org's URL and token in its env. */
function child(mode: string, env: Record<string, string>): Promise<Measured> {
  return childJson<Measured>(fileURLToPath(import.meta.url), ['--child', mode, '--dir', dir], env);
}

async function runChild(mode: string, dataDir: string): Promise<Measured> {
  const started = performance.now();
  const done = (records: number, requests: number, detail?: string): Measured => ({
    seconds: (performance.now() - started) / 1000,
    records,
    requests,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    ...(detail ? { detail } : {}),
  });
  if (mode === 'files' || mode === 'files-forecast') {
    const objects = mode === 'files' ? (Object.keys(orgDataObjects) as Array<keyof OrgData>) : commandReadObjects();
    const data = await readDataDir(dataDir, { objects });
    const read = (performance.now() - started) / 1000;
    const readRss = process.resourceUsage().maxRSS / 1024;
    const snapshot = createOrgSnapshot(data);
    let records = 1;
    for (const [key, list] of Object.entries(data)) if (key !== 'organization') records += (list as unknown[]).length;
    return done(
      records,
      0,
      `${snapshot.data.opportunities.length} opportunities indexed; the read ${read.toFixed(2)} s and ` +
        `${readRss.toFixed(0)} MiB peak before the snapshot`,
    );
  }
  const connection = new Connection({
    instanceUrl: process.env['BENCH_ORG_URL'] as string,
    accessToken: process.env['BENCH_ORG_TOKEN'] as string,
    version: '64.0',
  });
  if (mode === 'rest' || mode === 'bulk' || mode === 'auto') {
    const read = await readOrgData(connection, {
      bulk: mode === 'rest' ? 'never' : mode === 'bulk' ? 'always' : 'auto',
      bulkPollIntervalMs: 20,
    });
    createOrgSnapshot(read.data);
    return done(read.recordsRead, read.requests, read.bulkObjects.length ? `Bulk: ${read.bulkObjects.join(', ')}` : '');
  }
  const n = Number(process.env['BENCH_WRITE']);
  const prefix = mode === 'write-bulk' ? 'b' : 'c';
  const records = Array.from({ length: n }, (_, i) => ({
    Key__c: `bench|${prefix}|${i}`,
    Command__c: 'sf salesops forecast',
    Arguments__c: `--period FY2027-Q${(i % 4) + 1}`,
    Started__c: '2026-11-16T10:00:00.000Z',
    Finished__c: '2026-11-16T10:05:00.000Z',
    Records_Written__c: i,
    Records_Failed__c: 0,
    Status__c: 'Succeeded',
  }));
  const errorFile = resolve(dataDir, `bench-failed-${prefix}.csv`);
  const outcome =
    mode === 'write-bulk'
      ? await bulkUpsertRecords(connection, 'SalesOps_Run__c', records, { errorFile, pollIntervalMs: 20 })
      : await upsertRecords(connection, 'SalesOps_Run__c', records, { errorFile });
  if (outcome.failed > 0) throw new Error(`${outcome.failed} records failed (${outcome.errorFile})`);
  return done(outcome.upserted, outcome.requests);
}
