import { etsForecast, type EtsPointForecast } from './etsForecast.js';
import type { SmoothingFit } from './smoothingFit.js';

/**
 * Forecasts h steps ahead from a fitted exponential-smoothing model with the 80% interval, as R's
 * `forecast(fit, h, level = 80)` gives them (see {@link etsForecast}).
 *
 * @example
 * smoothingForecast(exponentialSmoothing(y, { model: 'ses', frequency: 4 })!, 2).mean;
 */
export function smoothingForecast(fit: SmoothingFit, h: number): EtsPointForecast {
  return etsForecast(fit.spec, fit.params, fit.finalState, fit.sigma2, h);
}
