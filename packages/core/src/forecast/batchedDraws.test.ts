import { describe, expect, it } from 'vitest';
import {
  addBelowTimesRatioFrom,
  addPairsBelowFrom,
  seededRandom,
  sumBelowTimesRatioFrom,
  sumPairsBelowFrom,
} from './seededRandom.js';

/** Totals of `draws` draws a draw at a time, through the per-draw sum, after `start` in every total. */
function drawByDraw(draws: number, start: number, sum: () => number): Float64Array {
  const totals = new Float64Array(draws).fill(start);
  for (let d = 0; d < draws; d++) totals[d] = (totals[d] as number) + sum();
  return totals;
}

describe('batched Monte Carlo kernels: the totals and the stream of a draw at a time', () => {
  // Few distinct ratios (coded) and many (doubles looked up directly), small and large scopes (batched or not).
  const fewRatios = Float64Array.of(0.5, 1, 1, 1, 1.25, 2);
  const manyRatios = Float64Array.from({ length: 70_000 }, (_, i) => 0.5 + i / 70_000);
  for (const ratios of [fewRatios, manyRatios])
    for (const size of [0, 3, 45, 5000]) {
      it(`addBelowTimesRatio, ${size} coins, ${ratios.length} ratios`, () => {
        const values = Float64Array.from({ length: size }, (_, k) => 100 + k);
        const thresholds = Float64Array.from({ length: size }, (_, k) => ((k * 7919) % 1001) * 4294967.296);
        const plain = seededRandom(11);
        const sum = sumBelowTimesRatioFrom(() => plain());
        const expected = drawByDraw(37, 5, () => sum(1, values, thresholds, ratios));
        const batched = seededRandom(11);
        const totals = new Float64Array(37).fill(5);
        const add = addBelowTimesRatioFrom(batched);
        add(totals, 0, 16, 1, values, thresholds, ratios);
        add(totals, 16, 37, 1, values, thresholds, ratios);
        expect(totals).toEqual(expected);
        expect(batched()).toBe(plain());
      });

      it(`addPairsBelow, ${size} contracts, ${ratios.length} ratios`, () => {
        const values = Float64Array.from({ length: size }, (_, k) => 100 + k);
        const plain = seededRandom(12);
        const sum = sumPairsBelowFrom(() => plain());
        const expected = drawByDraw(37, 5, () => sum(0, values, 0.7 * 2 ** 32, ratios));
        const batched = seededRandom(12);
        const totals = new Float64Array(37).fill(5);
        addPairsBelowFrom(batched)(totals, 0, 37, values, 0.7 * 2 ** 32, ratios);
        expect(totals).toEqual(expected);
        expect(batched()).toBe(plain());
      });
    }
});
