import { betaVariate } from './randomVariates.js';
import type { BulkRandomSource, RandomSource } from './seededRandom.js';

/**
 * Beta(alpha, beta) laws drawn from many times (a million-deal org's 31,000 stage cells, 625 draws of the rates each),
 * with the constants of their two Gamma draws worked out once: per law and Gamma, Marsaglia and Tsang's d and c (of
 * shape + 1 for a shape below 1) and the power 1 / shape of a shape below 1's boost (0 for none).
 */
export interface BetaLaws {
  readonly alphas: Float64Array;
  readonly betas: Float64Array;
  /** Per law, alpha's d, c and power, then beta's: 6 numbers a law (unused for a law drawn without uniforms). */
  readonly constants: Float64Array;
}

/**
 * The laws Beta(alphas[i], betas[i]) with their draws' constants.
 *
 * @example
 * const laws = betaLaws(Float64Array.of(3, 0.5), Float64Array.of(7, 2));
 * betaVariatesFrom(seededRandom(1))(laws, new Float64Array(2)); // betaVariate(3, 7, …), then betaVariate(0.5, 2, …)
 */
export function betaLaws(alphas: ArrayLike<number>, betas: ArrayLike<number>): BetaLaws {
  const size = alphas.length;
  const constants = new Float64Array(6 * size);
  for (let i = 0; i < size; i++) {
    gammaConstants(alphas[i] as number, constants, 6 * i);
    gammaConstants(betas[i] as number, constants, 6 * i + 3);
  }
  return { alphas: Float64Array.from(alphas), betas: Float64Array.from(betas), constants };
}

/** d, c and the boost's power of a Gamma(shape) draw, as `gammaVariate` works them out (shape + 1 below 1). */
function gammaConstants(shape: number, out: Float64Array, at: number): void {
  const squeezed = shape < 1 ? shape + 1 : shape;
  const d = squeezed - 1 / 3;
  out[at] = d;
  out[at + 1] = 1 / Math.sqrt(9 * d);
  out[at + 2] = shape < 1 ? 1 / shape : 0;
}

/**
 * A function writing a variate of every law to `out` in order: out[i] = betaVariate(alphas[i], betas[i], random),
 * the same numbers from the same uniforms, in one loop over the generator's state when the source offers it.
 *
 * @example
 * const fill = betaVariatesFrom(seededRandom(1));
 * fill(betaLaws([3], [7]), new Float64Array(1));
 */
export function betaVariatesFrom(random: RandomSource): BulkRandomSource['betaVariates'] {
  const fused = (random as Partial<BulkRandomSource>).betaVariates;
  if (fused) return fused;
  return ({ alphas, betas }, out) => {
    for (let i = 0; i < alphas.length; i++) out[i] = betaVariate(alphas[i] as number, betas[i] as number, random);
  };
}

const TWO_PI = 2 * Math.PI;

/**
 * `betaVariatesFrom`'s loop on an sfc32 state (see `seededRandom`), the state kept in locals: each uniform is a step
 * inline, not a call, and the Gamma draws' constants come from `laws`. Each expression is `betaVariate`'s (Box–Muller's
 * normal, Marsaglia and Tsang's squeeze, the boost of a shape below 1), so the same doubles in the same order; the state
 * is left where as many calls of the generator would leave it.
 */
export function betaVariatesOnState(
  state: Int32Array,
  { alphas, betas, constants }: BetaLaws,
  out: Float64Array,
): void {
  let a = state[0] as number;
  let b = state[1] as number;
  let c = state[2] as number;
  let d = state[3] as number;
  for (let i = 0; i < alphas.length; i++) {
    if (!((alphas[i] as number) > 0)) {
      out[i] = 0;
      continue;
    }
    if (!((betas[i] as number) > 0)) {
      out[i] = 1;
      continue;
    }
    let first = 0;
    for (let g = 0; g < 2; g++) {
      const k = 6 * i + 3 * g;
      const dk = constants[k] as number;
      const ck = constants[k + 1] as number;
      const power = constants[k + 2] as number;
      let gamma: number;
      for (;;) {
        let x: number;
        let v: number;
        do {
          let t = (((a + b) | 0) + d) | 0;
          d = (d + 1) | 0;
          a = b ^ (b >>> 9);
          b = (c + (c << 3)) | 0;
          c = (((c << 21) | (c >>> 11)) + t) | 0;
          const u1 = 1 - (t >>> 0) / 4294967296;
          t = (((a + b) | 0) + d) | 0;
          d = (d + 1) | 0;
          a = b ^ (b >>> 9);
          b = (c + (c << 3)) | 0;
          c = (((c << 21) | (c >>> 11)) + t) | 0;
          x = Math.sqrt(-2 * Math.log(u1)) * Math.cos(TWO_PI * ((t >>> 0) / 4294967296));
          v = 1 + ck * x;
        } while (v <= 0);
        v = v * v * v;
        const t = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + t) | 0;
        const u = 1 - (t >>> 0) / 4294967296;
        if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + dk * (1 - v + Math.log(v))) {
          gamma = dk * v;
          break;
        }
      }
      if (power > 0) {
        const t = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + t) | 0;
        gamma = gamma * Math.pow(1 - (t >>> 0) / 4294967296, power);
      }
      if (g === 0) first = gamma;
      else out[i] = first / (first + gamma);
    }
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}
