/**
 * Local org load benchmark (issue 20): times starting the local org from the sample org's `--data-dir` files
 * against reading the same files with the CSV scanner the loader and the readers share (`@salesops/csv`) alone, in
 * the same process, then the first request of each object the org loads on first use (a REST query over HTTP, which
 * waits for the load), and prints the ratios, the peak memory, the process's CPU time and the machine's load average (on
 * a shared machine the wall time says little without them). Fails instead of printing when the org holds a different number of records than
 * the files have rows.
 *
 *   npm run bench:local-org -- [--size 1000000] [--dir DIR]
 *
 * Not a test: nothing is asserted about time.
 */
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { scanCsvFile } from '@salesops/csv/file';
import { start } from '@salesops/local-org';
import { peakRssMiB, recordBenchRows, type BenchRow } from './benchRows.js';
import { ensureSampleOrg } from './sampleOrgCache.js';

const { values } = parseArgs({ options: { size: { type: 'string', default: '1000000' }, dir: { type: 'string' } } });
const size = Number(values.size);
const dir = values.dir ?? join('.sample-org', values.size);
await ensureSampleOrg(dir, size);
const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));
const seconds = (from: number) => (performance.now() - from) / 1000;
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

// Reference: every file scanned into rows, each row visited, nothing decoded or kept.
const loadBefore = load();
let started = performance.now();
let cpu = process.cpuUsage();
const rows = new Map<string, number>();
for (const file of files) {
  let count = -1; // the header is no record
  await scanCsvFile(join(dir, file), () => count++);
  rows.set(file.slice(0, -4), Math.max(count, 0));
}
const scanned = seconds(started);
const scanCpu = cpuSeconds(cpu);
const scanPeak = peakRssMiB();

started = performance.now();
cpu = process.cpuUsage();
const org = await start({ dataDir: dir });
const loaded = seconds(started);
const loadCpu = cpuSeconds(cpu); // the garbage collector's threads included
const loadPeak = peakRssMiB();
const heapMiB = process.memoryUsage().heapUsed / 2 ** 20;
const loadAfter = load();

// The objects loaded on first use: one REST query of each, over HTTP, as the first request that needs them.
const deferred = org.store.deferredObjects();
started = performance.now();
cpu = process.cpuUsage();
const counted: string[] = [];
for (const object of deferred) {
  const url = `${org.url}/services/data/v64.0/query?q=${encodeURIComponent(`SELECT COUNT() FROM ${object}`)}`;
  const response = await fetch(url, { headers: { Authorization: `Bearer ${org.tokens.admin}` } });
  const body = (await response.json()) as { totalSize?: number };
  // An object with no rows would time an empty load: a failure, as a count that differs from its file's.
  if (!response.ok || !body.totalSize || body.totalSize !== rows.get(object)) {
    console.error(`SELECT COUNT() FROM ${object}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
    process.exit(1);
  }
  counted.push(`${object} ${body.totalSize?.toLocaleString('en-US')}`);
}
const firstUse = seconds(started);
const firstUseCpu = cpuSeconds(cpu);
const allPeak = peakRssMiB();
const allHeapMiB = process.memoryUsage().heapUsed / 2 ** 20;
const mismatches = [...rows].filter(([object, n]) => (org.store.table(object)?.records.length ?? 0) !== n);
await org.stop();
const total = [...rows.values()].reduce((a, b) => a + b, 0);
const loadedAtStart = [...rows].reduce((sum, [object, n]) => sum + (deferred.includes(object) ? 0 : n), 0);
if (mismatches.length > 0 || total === 0) {
  const which = mismatches.map(
    ([object, n]) => `${object}: ${n} rows, ${org.store.table(object)?.records.length} records`,
  );
  console.error(`The local org did not load every row of ${dir}: ${which.join('; ') || 'no rows'}`);
  process.exit(1);
}

const group = `local org loading the ${size.toLocaleString('en-US')}-opportunity org`;
const reference = { label: 'scan', value: scanned };
const benchRows: BenchRow[] = [
  {
    group,
    label: 'scanning the CSV files with @salesops/csv alone (reference)',
    value: scanned,
    unit: 's',
    reference: null,
    peakMiB: scanPeak,
    note: `${total.toLocaleString('en-US')} rows in ${files.length} files; CPU ${scanCpu.toFixed(1)} s`,
  },
  {
    group,
    label: `local org start({ dataDir }): load + index, ${deferred.join(', ') || 'nothing'} on first use`,
    value: loaded,
    unit: 's',
    reference,
    peakMiB: loadPeak,
    note:
      `${loadedAtStart.toLocaleString('en-US')} records, heap ${heapMiB.toFixed(0)} MiB; CPU ${loadCpu.toFixed(1)} s ` +
      `(${(loadCpu / scanCpu).toFixed(2)}× the scan's); load average ${loadBefore} → ${loadAfter}`,
  },
];
if (deferred.length > 0) {
  benchRows.push({
    group,
    label: 'first request of each object loaded on first use (SELECT COUNT(), REST)',
    value: firstUse,
    unit: 's',
    reference,
    peakMiB: allPeak,
    note:
      `${counted.join(', ')}; start + these ${(loaded + firstUse).toFixed(1)} s, heap ${allHeapMiB.toFixed(0)} MiB; ` +
      `CPU ${firstUseCpu.toFixed(1)} s (start + these ${(loadCpu + firstUseCpu).toFixed(1)} s)`,
  });
}
recordBenchRows(benchRows);
console.log(`| what | figure | reference | ratio | peak RSS | note |`);
console.log(`| --- | ---: | --- | ---: | ---: | --- |`);
for (const row of benchRows) {
  const ratio = row.reference ? `${(row.value / row.reference.value).toFixed(2)}×` : '';
  const ref = row.reference ? `${row.reference.label} ${row.reference.value.toFixed(1)} s` : '—';
  console.log(
    `| ${row.label} | ${row.value.toFixed(1)} s | ${ref} | ${ratio} | ${row.peakMiB?.toFixed(0)} MiB | ${row.note} |`,
  );
}
