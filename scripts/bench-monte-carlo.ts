/**
 * Monte Carlo kernel benchmark (`npm run bench:monte-carlo -- [--scopes 100] [--deals 150]`): `monteCarloForecast`
 * with win-rate uncertainty, amount ratios and renewals, for scopes shaped like a first-line team of the 1M sample
 * org (150 open deals in 80 stage cells, 30 contracts due, 100,000 past amount ratios and 200,000 renewal ratios,
 * 10,000 draws each). The reference is the same generator without its fused kernels (its outputs written out and
 * looped over again, the cells' Beta variates drawn a call at a time, as before they existed), measured in the same
 * run; every scope's P10, P50, P90 and mean must be the same on both sides, or the script fails. Prints CPU time. Not
 * a test.
 */
import { parseArgs } from 'node:util';
import { monteCarloForecast, seededRandom, type MonteCarloForecast, type RandomSource } from '@salesops/core';
import { peakRssMiB, recordBenchRows } from './benchRows.js';

const { values } = parseArgs({
  options: { scopes: { type: 'string', default: '100' }, deals: { type: 'string', default: '150' } },
});
const scopes = Number(values.scopes);
const deals = Number(values.deals);
const cellCount = 80;

/** Deterministic spread in [0, 1) for the synthetic inputs (not the generator under test). */
const spread = (k: number, prime: number): number => ((k * prime) % 1009) / 1009;
const amounts = Array.from({ length: deals }, (_, k) => 5000 + Math.round(95_000 * spread(k, 7919)));
// A few certain deals (p = 1) beside the uncertain ones, as a scope's committed deals are.
const probabilities = Array.from({ length: deals }, (_, k) => (k % 25 === 0 ? 1 : 0.05 + 0.85 * spread(k, 104_729)));
const cells = Array.from({ length: cellCount }, (_, c) => ({
  alpha: c % 9 === 0 ? 0.6 : 1 + 150 * spread(c, 613),
  beta: 2 + 300 * spread(c, 331),
}));
const uncertainty = {
  cellOf: Array.from({ length: deals }, (_, k) => k % cellCount),
  cells,
  factor: { mean: 1.02, sd: 0.15 },
  amountRatios: Array.from({ length: 100_000 }, (_, k) => 0.7 + 0.6 * spread(k, 271)),
};
const renewals = {
  amounts: Array.from({ length: 30 }, (_, k) => 20_000 + 1000 * k),
  law: {
    winRate: { alpha: 300, beta: 100 },
    ratios: Array.from({ length: 200_000 }, (_, k) => 0.8 + 0.5 * spread(k, 17)),
  },
};
const unseen = [120_000, 80_000, 150_000, 95_000, 110_000, 130_000, 70_000, 100_000];

/**
 * The generator without its fused kernels: the callers write its outputs out and loop over them, and draw the cells'
 * Beta variates a call at a time (betaVariate).
 */
function unfused(seed: number): RandomSource {
  return Object.assign(seededRandom(seed), {
    sumBelowTimesRatio: undefined,
    addBelowTimesRatio: undefined,
    betaVariates: undefined,
  });
}

function run(source: (seed: number) => RandomSource): { seconds: number; results: MonteCarloForecast[] } {
  const started = process.cpuUsage();
  const results: MonteCarloForecast[] = [];
  for (let s = 0; s < scopes; s++) {
    const random = source(1000 + s);
    results.push(monteCarloForecast(500_000, amounts, probabilities, random, 10_000, unseen, uncertainty, renewals));
  }
  const used = process.cpuUsage(started);
  return { seconds: (used.user + used.system) / 1e6, results };
}

const reference = run(unfused);
const fused = run(seededRandom);
const differing = fused.results.findIndex((r, s) => JSON.stringify(r) !== JSON.stringify(reference.results[s]));
if (fused.results.length === 0) {
  console.error('no scope was drawn: nothing to compare');
  process.exit(1);
}
if (differing >= 0) {
  console.error(
    `scope ${differing}: the fused kernels drew ${JSON.stringify(fused.results[differing])}, the reference ${JSON.stringify(reference.results[differing])}`,
  );
  process.exit(1);
}
const group = `Monte Carlo, ${scopes} scopes × ${deals} deals × 10,000 draws`;
console.log(`${group}, CPU time (every scope's P10, P50, P90 and mean the same on both sides)`);
const referenceLabel = 'outputs looped over, Betas a call each (reference):';
console.log(`${referenceLabel} ${reference.seconds.toFixed(2)} s`);
console.log(
  `${'fused kernels:'.padEnd(referenceLabel.length)} ${fused.seconds.toFixed(2)} s — ${(fused.seconds / reference.seconds).toFixed(2)}× the reference`,
);
recordBenchRows([
  {
    group,
    label: 'outputs looped over, Betas a call each (reference)',
    value: reference.seconds,
    unit: 's',
    reference: null,
    peakMiB: null,
  },
  {
    group,
    label: 'fused kernels',
    value: fused.seconds,
    unit: 's',
    reference: { label: 'outputs looped over', value: reference.seconds },
    peakMiB: peakRssMiB(),
  },
]);
