import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOrgSnapshot } from '../snapshot/index.js';
import { smallOrg } from '../testing/smallOrg.js';
import { bernoulliSumDistribution, type BernoulliSumDistribution } from './bernoulliSumDistribution.js';
import { sortedQuantile } from './forecastDistribution.js';
import { monteCarloForecast } from './monteCarloForecast.js';
import { periodDeals } from './periodDeals.js';
import { scopeForecast } from './scopeForecast.js';
import { deriveSeed, seededRandom } from './seededRandom.js';
import { stageHistoryForecast } from './stageHistoryForecast.js';
import { stageObservations } from './stageObservations.js';
import { stageWinRates } from './stageWinRates.js';

/**
 * A Monte Carlo q-quantile x is right when the exact CDF brackets q at x within the Monte Carlo error of an
 * empirical CDF: P(S < x) ≤ q + ε and P(S ≤ x) ≥ q − ε, ε = 5 √(q (1 − q) / N) (five standard errors).
 */
function expectWithinMonteCarloError(exact: BernoulliSumDistribution, x: number, q: number, draws: number) {
  const eps = 5 * Math.sqrt((q * (1 - q)) / draws);
  expect(exact.cdf(x - exact.step)).toBeLessThanOrEqual(q + eps);
  expect(exact.cdf(x)).toBeGreaterThanOrEqual(q - eps);
}

describe('seededRandom', () => {
  it('is reproducible, uniform in [0, 1), and different for different seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(Array.from({ length: 10_000 }, () => b())).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    // Mean of U(0, 1) is 0.5 with standard error 1 / √(12 × 10,000) ≈ 0.0029.
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5)).toBeLessThan(0.015);
    expect(deriveSeed(1, 'rep:a')).not.toBe(deriveSeed(1, 'rep:b'));
  });

  it('keeps its sfc32 stream, and fillUint32 gives the same numbers × 2³² as calls one at a time', () => {
    const single = seededRandom(42);
    expect([single(), single(), single()].map((x) => x * 2 ** 32)).toEqual([1028872839, 2516511472, 400437680]);
    const reference = seededRandom(9);
    const expected = Array.from({ length: 5000 }, () => reference() * 2 ** 32);
    // Bulk fills of different sizes, interleaved with single numbers, walk the same stream.
    const mixed = seededRandom(9);
    const got: number[] = [];
    for (const size of [1, 0, 7, 1000, 3, 2048]) {
      const out = new Uint32Array(size);
      mixed.fillUint32(out);
      got.push(...out, mixed() * 2 ** 32);
    }
    expect(got).toEqual(expected.slice(0, got.length));
  });
});

describe('bernoulliSumDistribution: the exact distribution by convolution', () => {
  it('two deals of 100 at ½ and one of 300 at ¼', () => {
    // Deals 100, 100 (p ½) → 0, 100, 200 with ¼, ½, ¼; the 300 at ¼ shifts a quarter of the mass by 300.
    // gcd = 100 → cells of 100: P = ¾ × (¼, ½, ¼, 0, 0, 0) + ¼ × (0, 0, 0, ¼, ½, ¼).
    const d = bernoulliSumDistribution(1000, [100, 100, 300], [0.5, 0.5, 0.25]);
    expect(d.step).toBe(100);
    expect(Array.from(d.pmf)).toEqual([3 / 16, 6 / 16, 3 / 16, 1 / 16, 2 / 16, 1 / 16]);
    // mean = 1000 + 50 + 50 + 75; CDF: 3/16, 9/16, 12/16, 13/16, 15/16, 1.
    expect(d.mean).toBe(1175);
    expect([d.p10, d.p50, d.p90]).toEqual([1000, 1100, 1400]);
    expect(d.cdf(1250)).toBeCloseTo(12 / 16, 15);
    expect(d.cdf(999)).toBe(0);
  });

  it('certain and impossible deals', () => {
    const d = bernoulliSumDistribution(0, [500, 700], [1, 0]);
    expect([d.p10, d.p50, d.p90, d.mean]).toEqual([500, 500, 500, 500]);
  });
});

describe('monteCarloForecast against the exact distribution', () => {
  it('the hand-built org, FY2026-Q1 as of 2026-03-15: P10/P50/P90 within Monte Carlo error', () => {
    const snapshot = createOrgSnapshot(smallOrg());
    const period = snapshot.calendar.periodByLabel('FY2026-Q1')!;
    const deals = periodDeals(snapshot, period, '2026-03-15');
    const rates = stageWinRates(stageObservations(snapshot, period, '2026-03-15').observations);
    const { probabilities } = stageHistoryForecast(deals, rates, snapshot);
    const amounts = deals.open.map((d) => d.amount);
    // Deals of 7,000 (p 0.72), 0, 7,500 (0.856), 30,000 (0.126) on top of 45,000 won: gcd 500 → 90 cells.
    const exact = bernoulliSumDistribution(45000, amounts, probabilities);
    const draws = 20_000;
    const mc = monteCarloForecast(45000, amounts, probabilities, seededRandom(7), draws);
    expect(mc.draws).toBe(draws);
    expectWithinMonteCarloError(exact, mc.p10, 0.1, draws);
    expectWithinMonteCarloError(exact, mc.p50, 0.5, draws);
    expectWithinMonteCarloError(exact, mc.p90, 0.9, draws);
    // Mean: 45,000 + 5,040 + 6,420 + 3,780 = 60,240 (the stageHistory forecast); sd ≤ √Σ a² p (1 − p) ≈ 10.4k.
    expect(exact.mean).toBeCloseTo(60240, 6);
    expect(Math.abs(mc.mean - exact.mean)).toBeLessThan(5 * (10_400 / Math.sqrt(draws)));
  });

  it('scopeForecast with monteCarloUncertainty false is the independent case: within Monte Carlo error of the DP', () => {
    const snapshot = createOrgSnapshot(smallOrg());
    const period = snapshot.calendar.periodByLabel('FY2026-Q1')!;
    const org = { type: 'org' as const, id: snapshot.data.organization.Id, name: 'org' };
    const draws = 20_000;
    const options = { period, asOf: '2026-03-15', methods: ['monteCarlo' as const], draws };
    const mc = scopeForecast(snapshot, org, { ...options, monteCarloUncertainty: false }).methods.monteCarlo!;
    // The same four deals as above; the one past quarter's new business is 0 (stageWinRates.test), so the exact law
    // is the DP's.
    const exact = bernoulliSumDistribution(45000, [7000, 0, 7500, 30000], [0.72, 0.5, 0.856, 0.126]);
    expectWithinMonteCarloError(exact, mc.p10!, 0.1, draws);
    expectWithinMonteCarloError(exact, mc.p50!, 0.5, draws);
    expectWithinMonteCarloError(exact, mc.p90!, 0.9, draws);
  });

  const deal = fc.record({
    amount: fc.integer({ min: 0, max: 50 }).map((k) => k * 100),
    p: fc.double({ min: 0, max: 1, noNaN: true }),
  });

  it('random pipelines: percentiles within Monte Carlo error of the exact ones', () => {
    fc.assert(
      fc.property(fc.array(deal, { minLength: 1, maxLength: 25 }), fc.integer(), (list, seed) => {
        const amounts = list.map((d) => d.amount);
        const ps = list.map((d) => d.p);
        const exact = bernoulliSumDistribution(0, amounts, ps);
        const mc = monteCarloForecast(0, amounts, ps, seededRandom(seed), 10_000);
        for (const [x, q] of [
          [mc.p10, 0.1],
          [mc.p50, 0.5],
          [mc.p90, 0.9],
        ] as const) {
          expectWithinMonteCarloError(exact, x, q, 10_000);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('P10 ≤ P50 ≤ P90, at least 10,000 draws, and a seeded run is reproducible', () => {
    fc.assert(
      fc.property(
        fc.array(deal, { maxLength: 30 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer(),
        (list, base, seed) => {
          const amounts = list.map((d) => d.amount);
          const ps = list.map((d) => d.p);
          const a = monteCarloForecast(base, amounts, ps, seededRandom(seed), 10);
          const b = monteCarloForecast(base, amounts, ps, seededRandom(seed), 10);
          expect(a.draws).toBe(10_000);
          expect(a).toEqual(b);
          expect(a.p10).toBeLessThanOrEqual(a.p50);
          expect(a.p50).toBeLessThanOrEqual(a.p90);
          expect(a.p10).toBeGreaterThanOrEqual(base);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('scopeForecast: the same seed gives the same Monte Carlo result; P10 ≤ P50 ≤ P90; the forecast is the mean', () => {
    const snapshot = createOrgSnapshot(smallOrg());
    const period = snapshot.calendar.periodByLabel('FY2026-Q1')!;
    const scope = { type: 'org' as const, id: snapshot.data.organization.Id, name: 'Small Org' };
    const run = (seed: number) =>
      scopeForecast(snapshot, scope, { period, asOf: '2026-03-15', seed, methods: ['monteCarlo'] }).methods.monteCarlo!;
    const a = run(11);
    expect(run(11)).toEqual(a);
    expect(a.p10! <= a.p50! && a.p50! <= a.p90!).toBe(true);
    // The point forecast is the mean, deal by deal: closed won 45,000 + 7,000 × 0.72 + 7,500 × 0.856 + 30,000 × 0.126
    // (the stage-history rates worked out in stageWinRates.test.ts) = 60,240, with no past new business (FY2025-Q4
    // won nothing created after its point) and a period factor whose mean is 1 on this org.
    expect(a.forecast).toBe(a.mean);
    expect(a.mean).toBeCloseTo(60240, 6);
  });
});

describe('monteCarloForecast kernels against the exact distribution', () => {
  const check = (amounts: number[], ps: number[], seed: number, draws: number) => {
    const exact = bernoulliSumDistribution(0, amounts, ps);
    const mc = monteCarloForecast(0, amounts, ps, seededRandom(seed), draws);
    expect(mc.draws).toBe(draws);
    expectWithinMonteCarloError(exact, mc.p10, 0.1, draws);
    expectWithinMonteCarloError(exact, mc.p50, 0.5, draws);
    expectWithinMonteCarloError(exact, mc.p90, 0.9, draws);
    const sd = Math.sqrt(amounts.reduce((s, a, i) => s + a * a * ps[i]! * (1 - ps[i]!), 0));
    expect(Math.abs(mc.mean - exact.mean)).toBeLessThanOrEqual(5 * (sd / Math.sqrt(draws)) + 1e-6);
  };

  it('one block of 8 deals whose 256 subsets all have different sums, 10⁶ draws', () => {
    // Amounts 1, 2, 4, …, 128: every total names the subset it came from, so the percentiles test the block
    // sampler's law of subsets closely (5 standard errors of 10⁶ draws ≈ 0.0015 at the median).
    const amounts = Array.from({ length: 8 }, (_, j) => 2 ** j);
    for (const [seed, ps] of [
      [1, [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]],
      [2, [0.9, 0.8, 0.5, 0.5, 0.45, 0.35, 0.04, 0.96]],
      [3, [0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]],
    ] as const) {
      check(amounts, [...ps], seed, 1_000_000);
    }
  });

  it('hundreds of deals sharing a few probabilities (blocks, last one partly filled)', () => {
    const ps = [0.05, 0.15, 0.3, 0.45, 0.55, 0.6];
    const amounts = Array.from({ length: 301 }, (_, i) => 100 * (1 + ((i * 37) % 50)));
    check(
      amounts,
      amounts.map((_, i) => ps[i % ps.length]!),
      5,
      40_000,
    );
  });

  it('deals drawn by geometric jumps: min(p, 1 − p) small, on both sides of ½', () => {
    const ps = [0.002, 0.01, 0.02, 0.98, 0.995];
    const amounts = Array.from({ length: 120 }, (_, i) => 1000 * (1 + ((i * 13) % 20)));
    check(
      amounts,
      amounts.map((_, i) => ps[i % ps.length]!),
      6,
      40_000,
    );
  });

  it('both kernels and the unseen bootstrap together: the mixture of the exact distribution shifted by each', () => {
    const ps = [0.01, 0.25, 0.5, 0.985, 0.7];
    const amounts = Array.from({ length: 50 }, (_, i) => 500 * (1 + ((i * 7) % 11)));
    const probabilities = amounts.map((_, i) => ps[i % ps.length]!);
    const unseen = [0, 2000, 9500];
    const exact = bernoulliSumDistribution(1000, amounts, probabilities);
    const cdf = (x: number) => unseen.reduce((s, u) => s + exact.cdf(x - u), 0) / unseen.length;
    const draws = 40_000;
    const mc = monteCarloForecast(1000, amounts, probabilities, seededRandom(8), draws, unseen);
    for (const [x, q] of [
      [mc.p10, 0.1],
      [mc.p50, 0.5],
      [mc.p90, 0.9],
    ] as const) {
      const eps = 5 * Math.sqrt((q * (1 - q)) / draws);
      expect(cdf(x - exact.step)).toBeLessThanOrEqual(q + eps);
      expect(cdf(x)).toBeGreaterThanOrEqual(q - eps);
    }
  });

  it('a plain RandomSource gives the same result as the bulk one it wraps', () => {
    const amounts = Array.from({ length: 40 }, (_, i) => 100 * (i + 1));
    const ps = amounts.map((_, i) => [0.01, 0.2, 0.5, 0.8, 0.995][i % 5]!);
    const plain = seededRandom(4);
    expect(monteCarloForecast(10, amounts, ps, () => plain(), 10_000, [1, 2, 3])).toEqual(
      monteCarloForecast(10, amounts, ps, seededRandom(4), 10_000, [1, 2, 3]),
    );
  });
});

describe('sortedQuantile', () => {
  it('inverts the empirical distribution function', () => {
    expect(sortedQuantile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(sortedQuantile([1, 2, 3, 4], 0.51)).toBe(3);
    expect(sortedQuantile([1, 2, 3, 4], 0.1)).toBe(1);
    expect(sortedQuantile([], 0.5)).toBeNull();
  });
});
