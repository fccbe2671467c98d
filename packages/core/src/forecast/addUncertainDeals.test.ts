import { describe, expect, it } from 'vitest';
import { addUncertainDeals, DRAWS_PER_RATE_DRAW } from './addUncertainDeals.js';
import { forecastCalibration } from './forecastCalibration.js';
import { monteCarloForecast } from './monteCarloForecast.js';
import { seededRandom } from './seededRandom.js';

function moments(totals: Float64Array): { mean: number; variance: number } {
  let mean = 0;
  for (const x of totals) mean += x;
  mean /= totals.length;
  let variance = 0;
  for (const x of totals) variance += (x - mean) ** 2;
  return { mean, variance: variance / (totals.length - 1) };
}

describe('addUncertainDeals: win-rate uncertainty and the period factor', () => {
  it('four deals of 1 in one cell with a Beta(2, 3) rate: the Beta-Binomial law', () => {
    // P(K = k) = C(4, k) B(k + 2, 7 − k) / B(2, 3), B(2, 3) = 1! 2! / 4! = 1/12, B(a, b) = (a − 1)! (b − 1)! / (a + b − 1)!:
    // k = 0: 1 × (1! 6! / 8!) × 12 = 12/56; k = 1: 4 × (2! 5! / 8!) × 12 = 48/168; k = 2: 6 × (3! 4! / 8!) × 12 = 72/280;
    // k = 3: 4 × (4! 3! / 8!) × 12 = 48/280; k = 4: 1 × (5! 2! / 8!) × 12 = 12/168.
    // Mean 4 × 0.4 = 1.6; variance 4 × 0.4 × 0.6 × (2 + 3 + 4) / (2 + 3 + 1) = 1.44 (Binomial(4, 0.4) would be 0.96).
    const exact = [12 / 56, 48 / 168, 72 / 280, 48 / 280, 12 / 168];
    const n = 160_000;
    const totals = new Float64Array(n);
    addUncertainDeals(
      totals,
      [1, 1, 1, 1],
      [0.4, 0.4, 0.4, 0.4],
      { cellOf: [0, 0, 0, 0], cells: [{ alpha: 2, beta: 3 }], factor: { mean: 1, sd: 0 } },
      seededRandom(11),
    );
    // The rate is drawn once per DRAWS_PER_RATE_DRAW draws: the errors are those of n / 16 independent draws at most.
    const effective = n / DRAWS_PER_RATE_DRAW;
    exact.forEach((pk, k) => {
      const share = totals.filter((x) => x === k).length / n;
      expect(Math.abs(share - pk)).toBeLessThan(5 * Math.sqrt((pk * (1 - pk)) / effective));
    });
    const { mean, variance } = moments(totals);
    expect(Math.abs(mean - 1.6)).toBeLessThan(5 * Math.sqrt(1.44 / effective));
    expect(Math.abs(variance - 1.44)).toBeLessThan(0.1);
  });

  it('a period factor widens the sum by the shared shock, and its mean moves every deal', () => {
    // Ten deals of 1 at p = 0.3 with a near-certain cell rate; θ log-normal with mean 1 and sd s = 0.3 of log θ:
    // Var K = E[Var(K | θ)] + Var(E[K | θ]) = 10 (p − p² e^{s²}) + 100 p² (e^{s²} − 1) = 2.015243 + 0.847566 = 2.862809
    // (independent coins: 2.1). P(0.3 θ > 1) is below 10⁻⁴ here, so the cap at 1 does not matter.
    const n = 160_000;
    const amounts = Array(10).fill(1);
    const probabilities = Array(10).fill(0.3);
    const firm = { alpha: 0.3e12, beta: 0.7e12 };
    const cellOf = Array(10).fill(0);
    const shocked = new Float64Array(n);
    addUncertainDeals(
      shocked,
      amounts,
      probabilities,
      { cellOf, cells: [firm], factor: { mean: 1, sd: 0.3 } },
      seededRandom(5),
    );
    const a = moments(shocked);
    expect(Math.abs(a.mean - 3)).toBeLessThan(0.05);
    expect(Math.abs(a.variance - 2.862809)).toBeLessThan(0.12);
    // θ = 0.5 in every draw: Binomial(10, 0.15), mean 1.5 and variance 1.275.
    const halved = new Float64Array(n);
    addUncertainDeals(
      halved,
      amounts,
      probabilities,
      { cellOf, cells: [firm], factor: { mean: 0.5, sd: 0 } },
      seededRandom(6),
    );
    const b = moments(halved);
    expect(Math.abs(b.mean - 1.5)).toBeLessThan(0.02);
    expect(Math.abs(b.variance - 1.275)).toBeLessThan(0.04);
  });

  it('certain and impossible deals stay so whatever the factor; the same seed gives the same forecast', () => {
    const uncertainty = {
      cellOf: [0, 1, 2],
      cells: [
        { alpha: 1, beta: 1 },
        { alpha: 5, beta: 0 },
        { alpha: 0, beta: 5 },
      ],
      factor: { mean: 0.5, sd: 0.4 },
    };
    const mc = monteCarloForecast(100, [10, 1000, 5000], [0.5, 1, 0], seededRandom(3), 10_000, [], uncertainty);
    // 100 + the certain 1,000, plus the first deal (10) in some draws; the impossible 5,000 never.
    expect(mc.p10).toBe(1100);
    expect(mc.p90).toBeLessThanOrEqual(1110);
    expect(monteCarloForecast(100, [10, 1000, 5000], [0.5, 1, 0], seededRandom(3), 10_000, [7], uncertainty)).toEqual(
      monteCarloForecast(100, [10, 1000, 5000], [0.5, 1, 0], seededRandom(3), 10_000, [7], uncertainty),
    );
  });
});

describe('addUncertainDeals: a cell of one live deal', () => {
  /** The correlation of draws d and d + 1 taken from the same draw of the rates (d + 1 not a multiple of 16). */
  function neighbourCorrelation(totals: Float64Array): number {
    const { mean, variance } = moments(totals);
    let sum = 0;
    let pairs = 0;
    for (let d = 0; d + 1 < totals.length; d++) {
      if ((d + 1) % DRAWS_PER_RATE_DRAW === 0) continue;
      sum += ((totals[d] as number) - mean) * ((totals[d + 1] as number) - mean);
      pairs++;
    }
    return sum / pairs / variance;
  }

  it('is a coin of chance θ p whatever its rate’s spread: Bernoulli(0.4), its draws independent', () => {
    // With its Beta(2, 3) rate drawn per 16 draws, neighbours would correlate by Var x / (p (1 − p)) = 0.04 / 0.24.
    const n = 160_000;
    const totals = new Float64Array(n);
    const uncertainty = { cellOf: [0], cells: [{ alpha: 2, beta: 3 }], factor: { mean: 1, sd: 0 } };
    addUncertainDeals(totals, [1], [0.4], uncertainty, seededRandom(21));
    const share = totals.filter((x) => x === 1).length / n;
    expect(Math.abs(share - 0.4)).toBeLessThan(5 * Math.sqrt(0.24 / n));
    expect(Math.abs(neighbourCorrelation(totals))).toBeLessThan(0.02);
  });

  it('draws its rate when θ can cap its chance at 1: θ 1.5 × a Uniform rate wins 2/3 of draws, not 0.75', () => {
    // P(win) = E[min(1, 1.5 x)] for x ~ U(0, 1) = ∫₀^⅔ 1.5 x dx + 1/3 = 1/3 + 1/3.
    const n = 160_000;
    const totals = new Float64Array(n);
    const uncertainty = { cellOf: [0], cells: [{ alpha: 1, beta: 1 }], factor: { mean: 1.5, sd: 0 } };
    addUncertainDeals(totals, [1], [0.5], uncertainty, seededRandom(22));
    const share = totals.filter((x) => x === 1).length / n;
    expect(Math.abs(share - 2 / 3)).toBeLessThan(5 * Math.sqrt(2 / 9 / (n / DRAWS_PER_RATE_DRAW)));
  });

  it('two deals of one cell still move together: their neighbours correlate as their drawn rate makes them', () => {
    // Two deals of 1 at p 0.4 with a Beta(2, 3) rate: Cov of a draw's sum with its neighbour's = 4 Var x = 0.16;
    // Var of a draw's sum = 2 × 0.24 + 2 × 0.04 = 0.56; correlation 0.16 / 0.56.
    const n = 160_000;
    const totals = new Float64Array(n);
    const uncertainty = { cellOf: [0, 0], cells: [{ alpha: 2, beta: 3 }], factor: { mean: 1, sd: 0 } };
    addUncertainDeals(totals, [1, 1], [0.4, 0.4], uncertainty, seededRandom(23));
    expect(Math.abs(neighbourCorrelation(totals) - 0.16 / 0.56)).toBeLessThan(0.03);
  });
});

describe('forecastCalibration', () => {
  it('shares inside P10–P90 and below P50 per level and horizon, pooled, ties at P50 counting one half', () => {
    const point = (type: 'org' | 'rep', horizon: number, actual: number) => ({
      scope: { type },
      horizon,
      p10: 10,
      p50: 20,
      p90: 30,
      actual,
    });
    const rows = forecastCalibration([
      point('org', 7, 5), // below P10: outside, below P50
      point('org', 7, 20), // at P50: inside, half below
      point('rep', 7, 25), // inside, above P50
      point('rep', 7, 30), // at P90: inside
      point('rep', 30, 31), // above P90
      { scope: { type: 'rep' }, horizon: 30, p10: null, p50: null, p90: null, actual: 1 }, // no interval: left out
    ]);
    expect(rows).toEqual([
      { level: 'org', horizon: 7, count: 2, inside: 0.5, belowP50: 0.75 },
      { level: 'rep', horizon: 7, count: 2, inside: 1, belowP50: 0 },
      { level: 'rep', horizon: 30, count: 1, inside: 0, belowP50: 0 },
      { level: 'all', horizon: 7, count: 4, inside: 0.75, belowP50: 0.375 },
      { level: 'all', horizon: 30, count: 1, inside: 0, belowP50: 0 },
    ]);
  });
});

describe('addUncertainDeals: a won deal’s amount times a ratio picked from the past deals’', () => {
  // A rate known to the last digit (Beta strength 2e9) and no period spread: the deal's own coin and the ratio only.
  const sure = (p: number) => ({
    cellOf: [0],
    cells: [{ alpha: 2e9 * p, beta: 2e9 * (1 - p) }],
    factor: { mean: 1, sd: 0 },
  });

  it('one deal of 100 at p 0.2 with ratios 0.5, 1, 2: 0 with 0.8, and 50, 100, 200 with 0.2 / 3 each', () => {
    const n = 160_000;
    const totals = new Float64Array(n);
    addUncertainDeals(totals, [100], [0.2], { ...sure(0.2), amountRatios: [0.5, 1, 2] }, seededRandom(5));
    const exact = new Map([
      [0, 0.8],
      [50, 0.2 / 3],
      [100, 0.2 / 3],
      [200, 0.2 / 3],
    ]);
    for (const [value, pk] of exact) {
      const share = totals.filter((x) => Math.abs(x - value) < 1e-9).length / n;
      expect(Math.abs(share - pk)).toBeLessThan(5 * Math.sqrt((pk * (1 - pk)) / n));
    }
    // Mean 0.2 × 100 × (0.5 + 1 + 2) / 3 = 23.33.
    expect(Math.abs(moments(totals).mean - 70 / 3)).toBeLessThan(0.5);
  });

  it('a deal made certain by the period factor (0.9 × θ 2) still picks each ratio alike: 50 or 150, half each', () => {
    const n = 160_000;
    const totals = new Float64Array(n);
    addUncertainDeals(
      totals,
      [100],
      [0.9],
      { ...sure(0.9), factor: { mean: 2, sd: 0 }, amountRatios: [0.5, 1.5] },
      seededRandom(9),
    );
    const low = totals.filter((x) => Math.abs(x - 50) < 1e-9).length / n;
    expect(totals.every((x) => Math.abs(x - 50) < 1e-9 || Math.abs(x - 150) < 1e-9)).toBe(true);
    expect(Math.abs(low - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / n));
  });

  it('ratios all 1 (or none given) leave the draws exactly as they were', () => {
    const amounts = [100, 250, 40];
    const probabilities = [0.3, 0.6, 0.9];
    const uncertainty = {
      cellOf: [0, 1, 1],
      cells: [
        { alpha: 3, beta: 7 },
        { alpha: 6, beta: 4 },
      ],
      factor: { mean: 0.9, sd: 0.2 },
    };
    const plain = new Float64Array(10_000);
    addUncertainDeals(plain, amounts, probabilities, uncertainty, seededRandom(3));
    const ones = new Float64Array(10_000);
    addUncertainDeals(ones, amounts, probabilities, { ...uncertainty, amountRatios: [1, 1, 1, 1] }, seededRandom(3));
    const empty = new Float64Array(10_000);
    addUncertainDeals(empty, amounts, probabilities, { ...uncertainty, amountRatios: [] }, seededRandom(3));
    expect(ones).toEqual(plain);
    expect(empty).toEqual(plain);
  });
});
