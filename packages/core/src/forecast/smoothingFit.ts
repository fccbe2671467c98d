import type { EtsParameters, EtsSpec } from './etsSpec.js';

/** A fitted exponential-smoothing model. */
export interface SmoothingFit {
  readonly spec: EtsSpec;
  /**
   * 'ets': state-space form with optimised initial states (R's `ets`); 'holtWinters': the classical recursions from
   * the simple start (R's `HoltWintersZZ`, which `ets` also falls back to for short series).
   */
  readonly form: 'ets' | 'holtWinters';
  /** In the form's own parameterisation (see {@link EtsParameters}). */
  readonly params: EtsParameters;
  /** Initial states in R's `ets` order: [ℓ₀, b₀?, s₀ … s₋ₘ₊₁]. */
  readonly initialState: readonly number[];
  readonly finalState: Float64Array;
  readonly fitted: Float64Array;
  readonly residuals: Float64Array;
  readonly sse: number;
  /**
   * Residual variance as R reports it: SSE / (n − k) with k the smoothing parameters plus estimated initial states
   * for 'ets'; SSE / n for 'holtWinters'.
   */
  readonly sigma2: number;
  readonly n: number;
}
