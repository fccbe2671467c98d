/**
 * Sync benchmark (issue 20): a full export of the sample org from the local org (Bulk API 2.0), then `--runs` times
 * 1% of its opportunities changed through the API (each change adds an OpportunityHistory row) and the incremental
 * sync that brings the mirror up to date: its time and API requests against the full export's, measured in the same
 * run. The org is loaded once for every run (a million-deal org takes minutes to load).
 *
 *   npm run bench:sync -- [--size 1000000] [--dir .sample-org/<size>] [--changed 0.01] [--runs 3]
 *
 * The local org runs in this process, its clock an hour behind while it loads: the loaded records are an hour older
 * than the first sync, as a real org's records are, so the safety window re-reads none of them. Each sync runs in a
 * process of its own (this script with `--child`), as `sf salesops sync` does: in this process it would pay for
 * the collections of the org's heap (7.7 GB at a million deals), seconds that are the local org's, not the sync's.
 * A row whose sync did not read the changes fails the run instead of printing.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Connection } from 'jsforce';
import { createRandom, start } from '@salesops/local-org';
import { syncMirror, type SyncResult } from '@salesops/org';
import { peakRssMiB, recordBenchRows, type BenchRow } from './benchRows.js';
import { childJson } from './childJson.js';
import { updateDeals } from './orgChanges.js';
import { ensureSampleOrg } from './sampleOrgCache.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1000000' },
    dir: { type: 'string' },
    changed: { type: 'string', default: '0.01' },
    runs: { type: 'string', default: '3' },
    child: { type: 'string' },
  },
});
if (values.child !== undefined) {
  await childSync(values.child);
  process.exit(0);
}
const size = Number(values.size.replaceAll('_', ''));
if (!Number.isInteger(size) || size <= 0) throw new Error(`--size ${values.size}: a whole number of opportunities`);
const share = Number(values.changed);
if (!(share > 0 && share <= 1)) throw new Error(`--changed ${values.changed}: a share of the deals, e.g. 0.01`);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs <= 0) throw new Error(`--runs ${values.runs}: a whole number of syncs`);
const dir = resolve(values.dir ?? `.sample-org/${size}`);
await ensureSampleOrg(dir, size);

let skewMs = 3_600_000;
let time = performance.now();
const org = await start({ dataDir: dir, now: () => new Date(Date.now() - skewMs) });
console.error(`Local org loaded in ${seconds(time)} s; resident ${residentMiB()} MiB.`);
skewMs = 0;
const work = await mkdtemp(join(tmpdir(), 'bench-sync-'));
try {
  const conn = new Connection({ instanceUrl: org.url, accessToken: org.tokens.admin, version: '64.0' });
  const mirror = join(work, 'mirror');
  const sync = (): Promise<ChildSync> =>
    runChild(mirror, {
      BENCH_SYNC_URL: org.url,
      BENCH_SYNC_TOKEN: org.tokens.admin,
      BENCH_SYNC_ORG: org.organizationId,
    });

  const fullLoad = loadAverage();
  const full = await sync();
  const fullSeconds = full.seconds;
  const deals = objectOf(full, 'Opportunity').records;
  console.error(
    `Full export: ${fullSeconds} s (sync process CPU ${full.cpuSeconds} s; org process CPU ${full.orgCpuSeconds} s, GC ${full.orgGcSeconds} s), ${full.requests} requests, ${deals.toLocaleString('en-US')} deals (load average ${fullLoad}).`,
  );

  const ids = await firstColumn(join(mirror, 'Opportunity.csv'));
  const random = createRandom(20);
  const syncs: {
    seconds: number;
    cpuSeconds: number;
    peakMiB: number;
    requests: number;
    deals: number;
    history: number;
    load: string;
  }[] = [];
  for (let run = 1; run <= runs; run++) {
    const changed = ids.filter(() => random.chance(share));
    time = performance.now();
    await updateDeals(conn, changed, random);
    console.error(`Changed ${changed.length.toLocaleString('en-US')} deals through the API in ${seconds(time)} s.`);

    const load = loadAverage();
    const incremental = await sync();
    const syncSeconds = incremental.seconds;
    const readDeals = objectOf(incremental, 'Opportunity');
    const readHistory = objectOf(incremental, 'OpportunityHistory');
    // Every change is read, with its history row; the other objects are unchanged.
    if (readDeals.read < changed.length || readHistory.read < changed.length || readDeals.records !== deals) {
      throw new Error(
        `the incremental sync missed changes: ${readDeals.read} deals and ${readHistory.read} history rows read for ${changed.length} changed`,
      );
    }
    console.error(
      `Incremental sync ${run}: ${syncSeconds} s (sync process CPU ${incremental.cpuSeconds} s; org process CPU ${incremental.orgCpuSeconds} s, GC ${incremental.orgGcSeconds} s), ${incremental.requests} requests (load average ${load}); org resident ${residentMiB()} MiB.`,
    );
    syncs.push({
      seconds: syncSeconds,
      cpuSeconds: incremental.cpuSeconds,
      peakMiB: incremental.peakMiB,
      requests: incremental.requests,
      deals: readDeals.read,
      history: readHistory.read,
      load,
    });
  }
  // The median run (by time) stands for the incremental sync; every run is printed.
  const median = [...syncs].sort((a, b) => a.seconds - b.seconds)[
    Math.floor((syncs.length - 1) / 2)
  ] as (typeof syncs)[number];
  const group = `sync, ${deals.toLocaleString('en-US')} opportunities, ${(share * 100).toLocaleString('en-US')}% changed`;
  const reference = `full export (Bulk API 2.0)`;
  const note = `median of ${runs}: ${median.deals.toLocaleString('en-US')} deals and ${median.history.toLocaleString('en-US')} history rows read; target < 5 s`;
  const rows: BenchRow[] = [
    { group, label: reference, value: fullSeconds, unit: 's', reference: null, peakMiB: null },
    {
      group,
      label: 'incremental sync',
      value: median.seconds,
      unit: 's',
      reference: { label: reference, value: fullSeconds },
      peakMiB: median.peakMiB,
      note,
    },
    {
      group,
      label: `${reference}: API requests`,
      value: full.requests,
      unit: 'requests',
      reference: null,
      peakMiB: null,
    },
    {
      group,
      label: 'incremental sync: API requests',
      value: median.requests,
      unit: 'requests',
      reference: { label: `${reference}: API requests`, value: full.requests },
      peakMiB: null,
    },
  ];
  recordBenchRows(rows);
  console.log(`| ${group} | seconds | CPU seconds (sync process) | API requests |\n| --- | ---: | ---: | ---: |`);
  console.log(`| ${reference} (load average ${fullLoad}) | ${fullSeconds} | ${full.cpuSeconds} | ${full.requests} |`);
  console.log(
    `| incremental sync (${note}) | ${median.seconds} (${ratio(median.seconds, fullSeconds)}) | ${median.cpuSeconds} | ${median.requests} (${ratio(median.requests, full.requests)}) |`,
  );
  for (const [i, run] of syncs.entries()) {
    console.log(
      `| run ${i + 1} (${run.deals.toLocaleString('en-US')} deals read; load average ${run.load}) | ${run.seconds} (${ratio(run.seconds, fullSeconds)}) | ${run.cpuSeconds} | ${run.requests} (${ratio(run.requests, full.requests)}) |`,
    );
  }
} finally {
  await org.stop();
  await rm(work, { recursive: true, force: true });
}

/** A sync run by a child process: its result, wall and CPU seconds, and the org process's CPU and GC meanwhile. */
interface ChildSync {
  readonly seconds: number;
  readonly cpuSeconds: number;
  /** The sync process's peak resident memory. */
  readonly peakMiB: number;
  readonly orgCpuSeconds: number;
  readonly orgGcSeconds: number;
  readonly requests: number;
  readonly objects: SyncResult['objects'];
}

/** Runs `syncMirror` into `mirror` in a child process (this script with --child), the org's URL and token in env. */
async function runChild(mirror: string, env: Record<string, string>): Promise<ChildSync> {
  let gcMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  gc.observe({ entryTypes: ['gc'] });
  const cpu = process.cpuUsage();
  try {
    const result = await childJson<Omit<ChildSync, 'orgCpuSeconds' | 'orgGcSeconds'>>(
      fileURLToPath(import.meta.url),
      ['--child', mirror],
      env,
    );
    const used = process.cpuUsage(cpu);
    return { ...result, orgCpuSeconds: round2((used.user + used.system) / 1e6), orgGcSeconds: round2(gcMs / 1000) };
  } finally {
    gc.disconnect();
  }
}

/** The child: one sync of the org in env into `mirror`, timed from its start (the process's start-up left out). */
async function childSync(mirror: string): Promise<void> {
  const instanceUrl = process.env['BENCH_SYNC_URL'] as string;
  const conn = new Connection({ instanceUrl, accessToken: process.env['BENCH_SYNC_TOKEN'] as string, version: '64.0' });
  const organizationId = process.env['BENCH_SYNC_ORG'] as string;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await syncMirror(conn, { dir: mirror, organizationId, instanceUrl, apiVersion: '64.0' });
  const used = process.cpuUsage(cpu);
  const child: Omit<ChildSync, 'orgCpuSeconds' | 'orgGcSeconds'> = {
    seconds: seconds(started),
    cpuSeconds: round2((used.user + used.system) / 1e6),
    peakMiB: Math.round(peakRssMiB()),
    requests: result.requests,
    objects: result.objects,
  };
  console.log(JSON.stringify(child));
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function objectOf(result: Pick<SyncResult, 'objects'>, sobject: string): SyncResult['objects'][number] {
  const found = result.objects.find((o) => o.sobject === sobject);
  if (!found || found.records === 0) throw new Error(`the sync left ${sobject} empty`);
  return found;
}

async function firstColumn(file: string): Promise<string[]> {
  const ids: string[] = [];
  let header = true;
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (header) header = false;
    else if (line) ids.push(line.slice(0, line.indexOf(',')));
  }
  return ids;
}

function seconds(since: number): number {
  return Math.round((performance.now() - since) / 10) / 100;
}

/** The 1-minute load average as it stands (the machine may be shared), to one decimal. */
function loadAverage(): string {
  return (loadavg()[0] as number).toFixed(1);
}

function residentMiB(): number {
  return Math.round(process.memoryUsage.rss() / 2 ** 20);
}

function ratio(value: number, reference: number): string {
  return `${(value / reference).toFixed(3)}×`;
}
