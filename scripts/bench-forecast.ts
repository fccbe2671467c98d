/**
 * Forecast benchmark (`npm run bench:forecast -- [--size 100000]`): the backtest of every method over 4 periods × 3
 * horizons for the org scope, on a sample org already loaded in memory, with the weighted roll-up of the same
 * points as the reference measured in the same run. Prints wall time and heap growth (each run starts after a full
 * collection, so it pays for its own garbage only). Not a test.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { backtestForecasts, createOrgSnapshot, forecastScopes } from '@salesops/core';
import { SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import { readDataDir } from '@salesops/org';
import { peakRssMiB, recordBenchRows } from './benchRows.js';
import { ensureSampleOrg } from './sampleOrgCache.js';

const { values } = parseArgs({ options: { size: { type: 'string', default: '100000' } } });
const size = Number(values.size);
const dir = join(import.meta.dirname, '..', '.sample-org', String(size));
await ensureSampleOrg(dir, size);
const snapshot = createOrgSnapshot(await readDataDir(dir));
const scopes = forecastScopes(snapshot, ['org']);
const options = { asOf: SAMPLE_ANCHOR_DATE, periods: 4, horizons: [7, 30, 60], scopes, seed: 42 };

const run = (methods?: Parameters<typeof backtestForecasts>[1]['methods']) => {
  const fresh = createOrgSnapshot(snapshot.data); // no replay cached from an earlier run
  // The earlier run's garbage is collected now, not at some point of this run's timing (npm run sets --expose-gc).
  globalThis.gc?.();
  const heap = process.memoryUsage().heapUsed;
  const started = performance.now();
  const report = backtestForecasts(fresh, { ...options, ...(methods ? { methods } : {}) });
  return {
    seconds: (performance.now() - started) / 1000,
    heapMiB: (process.memoryUsage().heapUsed - heap) / 2 ** 20,
    points: report.points.length,
  };
};
const reference = run(['weighted']);
const all = run();
console.log(`${size} opportunities, org scope, 4 periods × 3 horizons, as of ${SAMPLE_ANCHOR_DATE}`);
console.log(
  `weighted only (reference): ${reference.seconds.toFixed(2)} s, ${reference.points} points, heap +${reference.heapMiB.toFixed(0)} MiB`,
);
console.log(
  `every method:              ${all.seconds.toFixed(2)} s, ${all.points} points, heap +${all.heapMiB.toFixed(0)} MiB — ${(all.seconds / reference.seconds).toFixed(1)}× the reference`,
);
recordBenchRows([
  {
    group: `forecast backtest, ${size.toLocaleString('en-US')} opportunities`,
    label: 'weighted only, 4 periods × 3 horizons (reference)',
    value: reference.seconds,
    unit: 's',
    reference: null,
    peakMiB: null,
  },
  {
    group: `forecast backtest, ${size.toLocaleString('en-US')} opportunities`,
    label: 'every method, 4 periods × 3 horizons',
    value: all.seconds,
    unit: 's',
    reference: { label: 'weighted only', value: reference.seconds },
    peakMiB: peakRssMiB(),
    note: `heap +${all.heapMiB.toFixed(0)} MiB during the backtest; peak includes reading the org`,
  },
]);
