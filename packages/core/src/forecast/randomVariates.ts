import type { RandomSource } from './seededRandom.js';

/**
 * A standard normal variate from a RandomSource (Box–Muller, one of the pair).
 *
 * @example
 * standardNormal(seededRandom(1));
 */
export function standardNormal(random: RandomSource): number {
  const u = 1 - random(); // in (0, 1]
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * A Gamma(shape, 1) variate by Marsaglia and Tsang's squeeze method (shape < 1: Gamma(shape + 1) × U^(1/shape)).
 *
 * @example
 * gammaVariate(2.5, seededRandom(1));
 */
export function gammaVariate(shape: number, random: RandomSource): number {
  if (shape < 1) return gammaVariate(shape + 1, random) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A Beta(alpha, beta) variate as X / (X + Y) with X ~ Gamma(alpha), Y ~ Gamma(beta). A zero parameter is the
 * limit: alpha = 0 gives 0, beta = 0 gives 1.
 *
 * @example
 * betaVariate(3, 7, seededRandom(1)); // mean 0.3
 */
export function betaVariate(alpha: number, beta: number, random: RandomSource): number {
  if (!(alpha > 0)) return 0;
  if (!(beta > 0)) return 1;
  const x = gammaVariate(alpha, random);
  const y = gammaVariate(beta, random);
  return x / (x + y);
}
