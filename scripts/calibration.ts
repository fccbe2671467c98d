/**
 * Monte Carlo calibration on generated sample orgs (`npm run calibration -- [--seeds 42,7,1234] [--size default]
 * [--independent]`; --independent: independent coins, new business unscaled, as before the calibration work):
 * per scope level and horizon, and pooled, the share of actuals inside P10–P90 (target 80% ± 5 points) and below
 * P50 (50% ± 7 points) over the backtest of `sf salesops forecast accuracy` (see sampleOrgCalibration), and the
 * pooled WAPE of the Monte Carlo mean. Writes each org to .sample-org/seed<N> when missing. Prints a Markdown table
 * per seed; ✗ marks a pooled share off target.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CALIBRATION_TARGETS } from '@salesops/core';
import { generateSampleOrg } from '@salesops/local-org';
import { sampleOrgCalibration } from './sampleOrgCalibration.js';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '42,7,1234' },
    size: { type: 'string', default: 'default' },
    independent: { type: 'boolean', default: false },
  },
});
const size = values.size === 'default' || values.size === 'toy' ? values.size : Number(values.size);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const mark = (x: number, { target, tolerance }: { target: number; tolerance: number }) =>
  Math.abs(x - target) <= tolerance + 1e-12 ? '' : ' ✗';

for (const seed of values.seeds.split(',').map((s) => Number(s.trim()))) {
  const dir = join(
    import.meta.dirname,
    '..',
    '.sample-org',
    size === 'default' ? `seed${seed}` : `seed${seed}-${size}`,
  );
  if (!existsSync(join(dir, 'manifest.json'))) await generateSampleOrg({ outDir: dir, seed, size });
  const started = performance.now();
  const { periods, rows, wape } = await sampleOrgCalibration(dir, !values.independent);
  console.log(`\n### Seed ${seed} (${periods.join(', ')}; ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  console.log('| level | horizon | forecasts | inside P10–P90 | below P50 | WAPE of the mean |');
  console.log('|---|--:|--:|--:|--:|--:|');
  for (const r of rows) {
    const inside = `${pct(r.inside)}${r.level === 'all' ? mark(r.inside, CALIBRATION_TARGETS.inside) : ''}`;
    const below = `${pct(r.belowP50)}${r.level === 'all' ? mark(r.belowP50, CALIBRATION_TARGETS.belowP50) : ''}`;
    const error = r.level === 'all' ? pct(wape.get(r.horizon) ?? 0) : '';
    console.log(`| ${r.level} | ${r.horizon} | ${r.count} | ${inside} | ${below} | ${error} |`);
  }
}
