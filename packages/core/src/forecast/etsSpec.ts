/**
 * The exponential-smoothing models of the forecast engine, all with additive errors (Hyndman et al.'s ETS
 * taxonomy): ETS(A,N,N) simple exponential smoothing, ETS(A,A,N) Holt's linear trend, ETS(A,Ad,N) damped trend, and
 * ETS(A,A,A) additive Holt–Winters with `period` seasons.
 */
export interface EtsSpec {
  readonly trend: boolean;
  readonly damped: boolean;
  readonly seasonal: boolean;
  /** Observations per seasonal cycle (4 for quarters, 12 for months); 1 for non-seasonal models. */
  readonly period: number;
}

/**
 * Smoothing parameters. In the state-space form (`form: 'ets'`) `beta` is the trend's gain on the one-step error
 * (R's `ets` β); in the Holt–Winters recursion form (`form: 'holtWinters'`) it is Holt's β* on the level change
 * (R's `HoltWinters` / `HoltWintersZZ` beta), so that β = α β*. `phi` is 1 for undamped trends.
 */
export interface EtsParameters {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly phi: number;
}

/** Number of states: level, trend when present, and `period` seasonal states (most recent first). */
export function etsStateCount(spec: EtsSpec): number {
  return 1 + (spec.trend ? 1 : 0) + (spec.seasonal ? spec.period : 0);
}
