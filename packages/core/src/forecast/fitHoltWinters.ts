import type { EtsParameters, EtsSpec } from './etsSpec.js';
import { holtWintersFilter, holtWintersStart } from './holtWintersFilter.js';
import { boxMinimize } from './boxMinimize.js';
import { nelderMead } from './nelderMead.js';
import type { SmoothingFit } from './smoothingFit.js';

/** Parameters to hold fixed (Holt–Winters form: `beta` is β*); the others are estimated. */
export interface HoltWintersFixed {
  readonly alpha?: number;
  readonly beta?: number;
  readonly gamma?: number;
  readonly phi?: number;
}

/**
 * Fits the classical Holt–Winters recursions from their simple start, as R's `forecast:::HoltWintersZZ` (behind
 * `ses/holt/hw(initial = "simple")`, and `ets` for series too short for optimised initial states): the parameters
 * not given are chosen in [0, 1] to minimise the in-sample SSE, starting from R's `initparam` values
 * (α = 0.2 / frequency, β* = 0.1 α, γ = 0.05 (1 − α)). R searches with L-BFGS-B from that start. Here a projected
 * quasi-Newton descent of the same kind from the same start ({@link boxMinimize}) and Nelder–Mead searches from it
 * and from a grid (each polished by the descent) compete, and the lowest SSE wins: R's minimum when it is the
 * lowest, a lower one when R's descent stopped in a higher valley (short seasonal series have several). `phi` is 1
 * unless given. σ² = SSE / n as R reports it for these fits. Needs 2 observations (3 with a trend, 2 cycles with
 * seasons); null otherwise.
 *
 * @example
 * fitHoltWinters([3, 5, 4], { trend: false, damped: false, seasonal: false, period: 1 }, 1, { alpha: 0.5 })?.sse;
 * // ℓ₀ = 3; errors 0, 2, 0 → 4
 */
export function fitHoltWinters(
  y: readonly number[],
  spec: EtsSpec,
  frequency: number,
  fixed: HoltWintersFixed = {},
): SmoothingFit | null {
  const n = y.length;
  if (n < (spec.seasonal ? 2 * spec.period : spec.trend ? 2 : 1)) return null;
  const start = holtWintersStart(y, spec);
  const free: ('alpha' | 'beta' | 'gamma')[] = [];
  if (fixed.alpha === undefined) free.push('alpha');
  if (spec.trend && fixed.beta === undefined) free.push('beta');
  if (spec.seasonal && fixed.gamma === undefined) free.push('gamma');
  const phi = spec.trend && spec.damped ? (fixed.phi ?? 1) : 1;
  const paramsOf = (x: readonly number[]): EtsParameters => {
    const value = (name: 'alpha' | 'beta' | 'gamma', given: number | undefined) => {
      const i = free.indexOf(name);
      return i >= 0 ? Math.min(1, Math.max(0, x[i] as number)) : (given ?? 0);
    };
    return {
      alpha: value('alpha', fixed.alpha),
      beta: value('beta', fixed.beta),
      gamma: value('gamma', fixed.gamma),
      phi,
    };
  };
  let params = paramsOf([]);
  if (free.length > 0) {
    const alpha0 = fixed.alpha ?? 0.2 / Math.max(1, frequency);
    const x0: number[] = [];
    for (const name of free) {
      if (name === 'alpha') x0.push(alpha0);
      else if (name === 'beta') x0.push(0.1 * Math.min(1, alpha0));
      else x0.push(0.05 * (1 - alpha0));
    }
    const sse = (x: readonly number[]) => holtWintersFilter(y, spec, paramsOf(x), start).sse;
    const lower = free.map(() => 0);
    const upper = free.map(() => 1);
    // A descent from R's start like R's L-BFGS-B, plus Nelder–Mead searches from that start and from a grid of
    // 0.1 / 0.5 / 0.9 per free parameter: the SSE of short seasonal series has several valleys, and the lowest
    // one found is kept.
    const candidates: { x: number[]; value: number }[] = [boxMinimize(sse, x0, lower, upper)];
    const starts: number[][] = [x0];
    const combine = (prefix: number[], depth: number) => {
      if (depth === free.length) starts.push(prefix);
      else for (const g of [0.1, 0.5, 0.9]) combine([...prefix, g], depth + 1);
    };
    combine([], 0);
    for (const s0 of starts) {
      const run = nelderMead(sse, s0, { relativeTolerance: 1e-10 });
      const x = run.x.map((v) => Math.min(1, Math.max(0, v)));
      candidates.push(boxMinimize(sse, x, lower, upper));
    }
    let best = candidates[0] as { x: number[]; value: number };
    for (const c of candidates) if (c.value < best.value) best = c;
    params = paramsOf(best.x);
  }
  const result = holtWintersFilter(y, spec, params, start);
  const initialState = [start.level, ...(spec.trend ? [start.trend] : []), ...[...start.season].reverse()];
  return {
    spec,
    form: 'holtWinters',
    params,
    initialState,
    finalState: result.finalState,
    fitted: result.fitted,
    residuals: result.residuals,
    sse: result.sse,
    sigma2: result.sse / n,
    n,
  };
}
