/**
 * Sync benchmark (issue 20): a full export of the sample org from the local org (Bulk API 2.0), then `--runs` times
 * 1% of its opportunities changed through the API (each change adds an OpportunityHistory row) and the incremental
 * sync that brings the mirror up to date: its time and API requests against the full export's, measured in the same
 * run. The org is loaded once for every run (a million-deal org takes minutes to load).
 *
 *   npm run bench:sync -- [--size 1000000] [--dir .sample-org/<size>] [--changed 0.01] [--runs 3]
 *
 * The local org runs in this process, its clock an hour behind while it loads: the loaded records are an hour older
 * than the first sync, as a real org's records are, so the safety window re-reads none of them. A row
 * whose sync did not read the changes fails the run instead of printing.
 */
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Connection } from 'jsforce';
import { createRandom, generateSampleOrg, start } from '@salesops/local-org';
import { syncMirror, type SyncResult } from '@salesops/org';
import { peakRssMiB, recordBenchRows, type BenchRow } from './benchRows.js';
import { updateDeals } from './orgChanges.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1000000' },
    dir: { type: 'string' },
    changed: { type: 'string', default: '0.01' },
    runs: { type: 'string', default: '3' },
  },
});
const size = Number(values.size.replaceAll('_', ''));
if (!Number.isInteger(size) || size <= 0) throw new Error(`--size ${values.size}: a whole number of opportunities`);
const share = Number(values.changed);
if (!(share > 0 && share <= 1)) throw new Error(`--changed ${values.changed}: a share of the deals, e.g. 0.01`);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs <= 0) throw new Error(`--runs ${values.runs}: a whole number of syncs`);
const dir = resolve(values.dir ?? `.sample-org/${size}`);
if (!existsSync(join(dir, 'manifest.json'))) {
  console.error(`Generating the ${size.toLocaleString('en-US')}-opportunity sample org into ${dir} …`);
  await generateSampleOrg({ outDir: dir, size, seed: 42 });
}

let skewMs = 3_600_000;
let time = performance.now();
const org = await start({ dataDir: dir, now: () => new Date(Date.now() - skewMs) });
console.error(`Local org loaded in ${seconds(time)} s; resident ${residentMiB()} MiB.`);
skewMs = 0;
const work = await mkdtemp(join(tmpdir(), 'bench-sync-'));
try {
  const conn = new Connection({ instanceUrl: org.url, accessToken: org.tokens.admin, version: '64.0' });
  const mirror = join(work, 'mirror');
  const options = { dir: mirror, organizationId: org.organizationId, instanceUrl: org.url, apiVersion: '64.0' };

  time = performance.now();
  const full = await syncMirror(conn, options);
  const fullSeconds = seconds(time);
  const fullLoad = loadAverage();
  const deals = objectOf(full, 'Opportunity').records;
  console.error(
    `Full export: ${fullSeconds} s, ${full.requests} requests, ${deals.toLocaleString('en-US')} deals (load average ${fullLoad}).`,
  );

  const ids = await firstColumn(join(mirror, 'Opportunity.csv'));
  const random = createRandom(20);
  const syncs: { seconds: number; requests: number; deals: number; history: number; load: string }[] = [];
  for (let run = 1; run <= runs; run++) {
    const changed = ids.filter(() => random.chance(share));
    time = performance.now();
    await updateDeals(conn, changed, random);
    console.error(`Changed ${changed.length.toLocaleString('en-US')} deals through the API in ${seconds(time)} s.`);

    const load = loadAverage();
    time = performance.now();
    const incremental = await syncMirror(conn, options);
    const syncSeconds = seconds(time);
    const readDeals = objectOf(incremental, 'Opportunity');
    const readHistory = objectOf(incremental, 'OpportunityHistory');
    // Every change is read, with its history row; the other objects are unchanged.
    if (readDeals.read < changed.length || readHistory.read < changed.length || readDeals.records !== deals) {
      throw new Error(
        `the incremental sync missed changes: ${readDeals.read} deals and ${readHistory.read} history rows read for ${changed.length} changed`,
      );
    }
    console.error(
      `Incremental sync ${run}: ${syncSeconds} s, ${incremental.requests} requests (load average ${load}); resident ${residentMiB()} MiB.`,
    );
    syncs.push({
      seconds: syncSeconds,
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
      peakMiB: peakRssMiB(),
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
  console.log(`| ${group} | seconds | API requests |\n| --- | ---: | ---: |`);
  console.log(`| ${reference} (load average ${fullLoad}) | ${fullSeconds} | ${full.requests} |`);
  console.log(
    `| incremental sync (${note}) | ${median.seconds} (${ratio(median.seconds, fullSeconds)}) | ${median.requests} (${ratio(median.requests, full.requests)}) |`,
  );
  for (const [i, run] of syncs.entries()) {
    console.log(
      `| run ${i + 1} (${run.deals.toLocaleString('en-US')} deals read; load average ${run.load}) | ${run.seconds} (${ratio(run.seconds, fullSeconds)}) | ${run.requests} (${ratio(run.requests, full.requests)}) |`,
    );
  }
} finally {
  await org.stop();
  await rm(work, { recursive: true, force: true });
}

function objectOf(result: SyncResult, sobject: string): SyncResult['objects'][number] {
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
