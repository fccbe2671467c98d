/**
 * Monte Carlo calibration on generated sample orgs (`npm run calibration -- [--seeds 42,7,1234] [--size default]`):
 * the backtest of `sf salesops forecast accuracy` (4 closed quarters as of the anchor date, horizons 7, 30, 60 days,
 * seed 42) for the org, its teams and its reps, and per level and horizon the share of actuals inside P10–P90
 * (target 80% ± 5 points) and below P50 (50% ± 7 points). Writes each org to .sample-org/seed<N> when missing.
 * Prints a Markdown table per seed. Not a test (see test/forecastCalibration.test.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  backtestForecasts,
  CALIBRATION_TARGETS,
  createOrgSnapshot,
  forecastCalibration,
  forecastScopes,
  type CalibrationRow,
} from '@salesops/core';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import { readDataDir } from '@salesops/org';

const { values } = parseArgs({
  options: { seeds: { type: 'string', default: '42,7,1234' }, size: { type: 'string', default: 'default' } },
});
const size = values.size === 'default' || values.size === 'toy' ? values.size : Number(values.size);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const ok = (x: number, { target, tolerance }: { target: number; tolerance: number }) =>
  Math.abs(x - target) <= tolerance + 1e-12 ? '' : ' ✗';

for (const seed of values.seeds.split(',').map((s) => Number(s.trim()))) {
  const dir = join(import.meta.dirname, '..', '.sample-org', size === 'default' ? `seed${seed}` : `seed${seed}-${size}`);
  if (!existsSync(join(dir, 'manifest.json'))) await generateSampleOrg({ outDir: dir, seed, size });
  const snapshot = createOrgSnapshot(await readDataDir(dir));
  const started = performance.now();
  const report = backtestForecasts(snapshot, {
    asOf: SAMPLE_ANCHOR_DATE,
    seed: 42,
    methods: ['monteCarlo'],
    scopes: forecastScopes(snapshot, ['org', 'team', 'rep']),
  });
  const rows: CalibrationRow[] = forecastCalibration(report.points);
  console.log(
    `\n### Seed ${seed} (${report.periods.join(', ')}; ${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  console.log('| level | horizon | forecasts | inside P10–P90 | below P50 |');
  console.log('|---|--:|--:|--:|--:|');
  for (const r of rows) {
    console.log(
      `| ${r.level} | ${r.horizon} | ${r.count} | ${pct(r.inside)}${r.level === 'all' ? ok(r.inside, CALIBRATION_TARGETS.inside) : ''} | ${pct(r.belowP50)}${r.level === 'all' ? ok(r.belowP50, CALIBRATION_TARGETS.belowP50) : ''} |`,
    );
  }
}
