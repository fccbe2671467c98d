import { exponentialSmoothing, type SmoothingModel } from './exponentialSmoothing.js';
import { smoothingForecast } from './smoothingForecast.js';
import { thetaForecast } from './thetaForecast.js';

/** The time-series models, by the R function each corresponds to (see `exponentialSmoothing`, `thetaForecast`). */
export type TimeSeriesModel = SmoothingModel | 'theta';

/** In order of preference on ties. */
export const TIME_SERIES_MODELS: readonly TimeSeriesModel[] = ['theta', 'ses', 'dampedHolt', 'holt', 'holtWinters'];

/** Forecast path of one model: point forecasts and the 80% interval for steps 1..h. */
export interface ModelPath {
  readonly mean: readonly number[];
  readonly lower80: readonly number[];
  readonly upper80: readonly number[];
}

export interface TimeSeriesForecast {
  readonly model: TimeSeriesModel;
  /** Forecast of step h, and its 80% interval (P10, P90). */
  readonly mean: number;
  readonly p10: number;
  readonly p90: number;
  /** Why this model, in words. */
  readonly reason: string;
}

/**
 * The h-step forecast path of one model fitted to `values` (R: `ses`, `holt`, `holt(damped = TRUE)`,
 * `hw(seasonal = "additive")`, `thetaf`); null when the series is too short for it (Holt–Winters needs two full
 * cycles and frequency > 1; trends need 2 observations; the others 1).
 *
 * @example
 * modelPath([10, 12, 14, 13, 15], 1, 1, 'holt')?.mean[0];
 */
export function modelPath(
  values: readonly number[],
  frequency: number,
  h: number,
  model: TimeSeriesModel,
): ModelPath | null {
  if (model === 'theta') return thetaForecast(values, { frequency, h });
  const fit = exponentialSmoothing(values, { model, frequency });
  return fit ? smoothingForecast(fit, h) : null;
}

/** Rolling origins the automatic choice compares models on, and the fewest observations before the first. */
const ORIGINS = 4;
const MIN_TRAIN = 4;

const memo = new Map<string, TimeSeriesForecast | null>();

/**
 * The timeSeries forecast of a bookings series, h steps ahead. With `model: 'auto'` (the default) the model is
 * chosen per series by time-series cross-validation (as `forecast::tsCV` does it): each model that fits the series
 * is refitted on the observations before each of the last min(4, n − 4) points and scored on its one-step error
 * there; the lowest mean absolute error wins (ties: theta, ses, damped Holt, Holt, Holt–Winters). A series too
 * short for that uses Theta. P10/P90 are the model's 80% prediction interval. Null for an empty series.
 *
 * @example
 * timeSeriesForecast([410, 455, 430, 480, 520, 505, 560], 4, 1)?.model;
 */
export function timeSeriesForecast(
  values: readonly number[],
  frequency: number,
  h: number,
  model: TimeSeriesModel | 'auto' = 'auto',
): TimeSeriesForecast | null {
  if (values.length === 0) return null;
  const key = `${frequency}|${h}|${model}|${values.join(',')}`;
  if (memo.has(key)) return memo.get(key) ?? null;
  const result = computeForecast(values, frequency, h, model);
  if (memo.size > 10_000) memo.clear();
  memo.set(key, result);
  return result;
}

function computeForecast(
  values: readonly number[],
  frequency: number,
  h: number,
  model: TimeSeriesModel | 'auto',
): TimeSeriesForecast | null {
  const n = values.length;
  let chosen: TimeSeriesModel;
  let reason: string;
  if (model !== 'auto') {
    chosen = model;
    reason = `${model} as asked`;
  } else {
    const origins = Math.min(ORIGINS, n - MIN_TRAIN);
    if (origins < 1) {
      chosen = 'theta';
      reason = `theta: ${n} periods of history are too few to compare models`;
    } else {
      const scores: { model: TimeSeriesModel; mae: number }[] = [];
      for (const candidate of TIME_SERIES_MODELS) {
        let sum = 0;
        let ok = true;
        for (let i = n - origins; i < n && ok; i++) {
          const path = modelPath(values.slice(0, i), frequency, 1, candidate);
          const f = path?.mean[0];
          if (f === undefined || !Number.isFinite(f)) ok = false;
          else sum += Math.abs((values[i] as number) - f);
        }
        if (ok) scores.push({ model: candidate, mae: sum / origins });
      }
      const best = scores.reduce<(typeof scores)[number] | null>((b, s) => (b === null || s.mae < b.mae ? s : b), null);
      chosen = best?.model ?? 'theta';
      reason = best
        ? `${best.model}: lowest one-step error over the last ${origins} periods (MAE ${best.mae.toFixed(0)}; ` +
          scores
            .filter((s) => s !== best)
            .map((s) => `${s.model} ${s.mae.toFixed(0)}`)
            .join(', ') +
          ')'
        : 'theta: no model could be compared';
    }
  }
  let path = modelPath(values, frequency, h, chosen);
  if (!path && chosen !== 'theta') {
    reason = `theta: the series is too short for ${chosen}`;
    chosen = 'theta';
    path = modelPath(values, frequency, h, chosen);
  }
  if (!path) return null;
  const mean = path.mean[h - 1] as number;
  return { model: chosen, mean, p10: path.lower80[h - 1] as number, p90: path.upper80[h - 1] as number, reason };
}
