/**
 * Monte Carlo calibration on generated sample orgs (`npm run calibration -- [--seeds 42,7,1234] [--size default]
 * [--independent] [--periods 4|exposed]`; --independent: independent coins, new business unscaled, as before the
 * calibration work; --periods: quarters scored, default 4 as `forecast accuracy`, `exposed` every closed quarter
 * whose 182-day exposure window lies inside the data, see exposedQuarterCount):
 * per scope level and horizon, and pooled, the share of actuals inside P10–P90 (target 80% ± 5 points) and below
 * P50 (50% ± 7 points) over the backtest of `sf salesops forecast accuracy` (see sampleOrgCalibration), and the
 * pooled WAPE of the Monte Carlo mean. Writes each org to .sample-org/seed<N> when missing. Prints a Markdown table
 * per seed; ✗ marks a pooled share off target. Then the noise of each pooled share (calibrationNoise): the binomial
 * SE at the target, and the SD and 5–95% range of a cluster bootstrap over the quarters.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CALIBRATION_TARGETS } from '@salesops/core';
import { calibrationNoise } from './calibrationNoise.js';
import { sampleOrgCalibration } from './sampleOrgCalibration.js';
import { ensureSampleOrg } from './sampleOrgCache.js';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '42,7,1234' },
    size: { type: 'string', default: 'default' },
    independent: { type: 'boolean', default: false },
    periods: { type: 'string', default: '4' },
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
  await ensureSampleOrg(dir, size, seed);
  const started = performance.now();
  const { periods, rows, wape, points } = await sampleOrgCalibration(dir, {
    monteCarloUncertainty: !values.independent,
    periods: values.periods === 'exposed' ? 'exposed' : Number(values.periods),
  });
  console.log(`\n### Seed ${seed} (${periods.join(', ')}; ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  console.log('| level | horizon | forecasts | inside P10–P90 | below P50 | WAPE of the mean |');
  console.log('|---|--:|--:|--:|--:|--:|');
  for (const r of rows) {
    const inside = `${pct(r.inside)}${r.level === 'all' ? mark(r.inside, CALIBRATION_TARGETS.inside) : ''}`;
    const below = `${pct(r.belowP50)}${r.level === 'all' ? mark(r.belowP50, CALIBRATION_TARGETS.belowP50) : ''}`;
    const error = r.level === 'all' ? pct(wape.get(r.horizon) ?? 0) : '';
    console.log(`| ${r.level} | ${r.horizon} | ${r.count} | ${inside} | ${below} | ${error} |`);
  }
  console.log(
    '\n| horizon | forecasts | quarters | inside: binomial SE | bootstrap SD | 5–95% | below P50: binomial SE | bootstrap SD | 5–95% |',
  );
  console.log('|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const n of calibrationNoise(points)) {
    const cells = (x: typeof n.inside) => `${pct(x.binomialSe)} | ${pct(x.bootstrapSd)} | ${pct(x.low)}–${pct(x.high)}`;
    console.log(`| ${n.horizon} | ${n.count} | ${n.periods} | ${cells(n.inside)} | ${cells(n.belowP50)} |`);
  }
}
