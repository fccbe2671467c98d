import type { EtsSpec } from './etsSpec.js';
import { fitEts } from './fitEts.js';
import { fitHoltWinters } from './fitHoltWinters.js';
import type { SmoothingFit } from './smoothingFit.js';

/** The exponential-smoothing models, by the R function each corresponds to. */
export type SmoothingModel = 'ses' | 'holt' | 'dampedHolt' | 'holtWinters';

export interface ExponentialSmoothingOptions {
  readonly model: SmoothingModel;
  /** Observations per year of the series (4 quarterly, 12 monthly); the seasonal period of Holt–Winters. */
  readonly frequency: number;
  /** 'optimal' (default): initial states estimated with the parameters; 'simple': R's simple start. */
  readonly initial?: 'optimal' | 'simple';
  /** Fixed parameters: state-space form with 'optimal', Holt–Winters form (β*) with 'simple'. */
  readonly alpha?: number;
  readonly beta?: number;
  readonly gamma?: number;
  readonly phi?: number;
}

/** The ETS structure of each model. */
export function smoothingSpec(model: SmoothingModel, frequency: number): EtsSpec {
  return {
    trend: model !== 'ses',
    damped: model === 'dampedHolt',
    seasonal: model === 'holtWinters',
    period: model === 'holtWinters' ? frequency : 1,
  };
}

/**
 * Fits one exponential-smoothing model to `y` the way R's `forecast` package does:
 *
 * | model | R call |
 * |---|---|
 * | ses | `ses(y)` = `ets(y, "ANN", opt.crit = "mse")` |
 * | holt | `holt(y)` = `ets(y, "AAN", damped = FALSE, opt.crit = "mse")` |
 * | dampedHolt | `holt(y, damped = TRUE)` = `ets(y, "AAN", damped = TRUE, opt.crit = "mse")` |
 * | holtWinters | `hw(y, seasonal = "additive")` = `ets(y, "AAA", damped = FALSE, opt.crit = "mse")` |
 *
 * With `initial: 'optimal'` the initial states are estimated ({@link fitEts}), except that, like `ets`, a series with
 * n ≤ k + 4 observations (k = 2 for ses, 4 for holt, 5 for damped Holt, 4 + m for Holt–Winters) falls back to the
 * simple start ({@link fitHoltWinters}; damped Holt then loses its damping, as in R). With `initial: 'simple'`
 * (`ses/holt/hw(initial = "simple")`, not for damped Holt) the simple start is used. Holt–Winters needs
 * frequency > 1 and two full cycles. Null when the series is too short for the model.
 *
 * @example
 * exponentialSmoothing([120, 135, 128, 150, 160, 158, 171], { model: 'holt', frequency: 4 })?.params;
 */
export function exponentialSmoothing(y: readonly number[], options: ExponentialSmoothingOptions): SmoothingFit | null {
  const { model, frequency } = options;
  const n = y.length;
  if (n === 0 || y.some((v) => !Number.isFinite(v))) return null;
  if (model === 'holtWinters' && (frequency <= 1 || n < 2 * frequency)) return null;
  if (model !== 'ses' && n < 2) return null;
  const spec = smoothingSpec(model, frequency);
  const fixed = {
    ...(options.alpha !== undefined ? { alpha: options.alpha } : {}),
    ...(options.beta !== undefined ? { beta: options.beta } : {}),
    ...(options.gamma !== undefined ? { gamma: options.gamma } : {}),
    ...(options.phi !== undefined ? { phi: options.phi } : {}),
  };
  if (options.initial === 'simple') {
    if (spec.damped) throw new RangeError('damped Holt needs optimised initial states (initial: "optimal")');
    return fitHoltWinters(y, spec, frequency, fixed);
  }
  const k = 2 + (spec.trend ? 2 : 0) + (spec.seasonal ? frequency : 0) + (spec.damped ? 1 : 0);
  if (n <= k + 4) {
    // R's ets: too little data for optimised initial states; Holt–Winters recursions from the simple start,
    // without damping (phi is not passed on unless fixed).
    return fitHoltWinters(y, { ...spec, damped: spec.damped && options.phi !== undefined }, frequency, fixed);
  }
  return fitEts(y, spec, fixed);
}
