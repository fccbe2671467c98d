import { describe, expect, it } from 'vitest';
import { betaLaws, betaVariatesFrom } from './betaLaws.js';
import { betaVariate } from './randomVariates.js';
import { seededRandom } from './seededRandom.js';

describe('betaVariatesFrom: every law drawn as betaVariate draws it', () => {
  // Shapes below 1 (the boost), at 1, large, zero, negative, NaN and infinite: the fused loop against the plain calls.
  const alphas = Float64Array.of(3, 0.5, 1, 250, 0, 2, 0.05, NaN, 4, Infinity, 1e-300, 7);
  const betas = Float64Array.of(7, 2, 0.3, 90, 5, 0, 0.9, 1, NaN, 3, 2, -1);
  const laws = betaLaws(alphas, betas);

  it('gives the same doubles and leaves the generator where the plain calls do, draw after draw', () => {
    const plain = seededRandom(21);
    const fused = seededRandom(21);
    const fill = betaVariatesFrom(fused);
    const out = new Float64Array(alphas.length);
    for (let draw = 0; draw < 200; draw++) {
      fill(laws, out);
      const expected = Float64Array.from(alphas, (a, i) => betaVariate(a, betas[i] as number, () => plain()));
      expect(out).toEqual(expected);
    }
    expect(fused()).toBe(plain());
  });

  it('draws through any RandomSource, one variate at a time', () => {
    const plain = seededRandom(22);
    const source = seededRandom(22);
    const out = new Float64Array(alphas.length);
    betaVariatesFrom(() => source())(laws, out);
    expect(out).toEqual(Float64Array.from(alphas, (a, i) => betaVariate(a, betas[i] as number, plain)));
    expect(source()).toBe(plain());
  });
});
