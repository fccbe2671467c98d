/** One forecast compared with what happened. */
export interface AccuracyPoint {
  readonly actual: number;
  /** The point forecast; a point without one is left out of every metric. */
  readonly forecast: number | null;
  /** Quantile forecasts; a method without them is scored as if every quantile were its point forecast. */
  readonly p10?: number | null;
  readonly p50?: number | null;
  readonly p90?: number | null;
  /** MASE denominator for this forecast (see `seasonalNaiveScale`); null leaves the point out of MASE. */
  readonly scale?: number | null;
}

/** Pinball (quantile) losses, each summed over the points and divided by ΣA. */
export interface PinballLoss {
  readonly q10: number;
  readonly q50: number;
  readonly q90: number;
  /** (Σ L₀.₁ + Σ L₀.₅ + Σ L₀.₉) / ΣA. */
  readonly total: number;
}

/** Accuracy of a set of forecasts (metrics.md "Forecast accuracy"); ratios are fractions unless noted. */
export interface AccuracyMetrics {
  /** Points with a forecast. */
  readonly count: number;
  /** Σ actual over those points. */
  readonly actual: number;
  /** Mean error, mean of A − F (R's ME). */
  readonly me: number | null;
  readonly mae: number | null;
  readonly rmse: number | null;
  /** Mean of APE = |e| / A over the points with A ≠ 0 (a fraction: 0.12 is 12 %). */
  readonly mape: number | null;
  /** Σ|e| / ΣA. */
  readonly wape: number | null;
  /** Σ(F − A) / ΣA: positive = over-forecast. */
  readonly bias: number | null;
  /** M4 sMAPE: mean of 200 |e| / (|A| + |F|), in percent (0–200); 0/0 counts 0. */
  readonly smape: number | null;
  /** Share of the points with an interval whose actual lies in [P10, P90]; null when no point has one. */
  readonly coverage: number | null;
  readonly pinball: PinballLoss | null;
  /** Mean of |e| / scale over the points with a scale. */
  readonly mase: number | null;
}

function pinball(q: number, actual: number, quantile: number): number {
  const d = actual - quantile;
  return d >= 0 ? q * d : (q - 1) * d;
}

/**
 * The accuracy metrics of metrics.md "Forecast accuracy" (plus ME, MAE and RMSE, as R's `forecast::accuracy`
 * reports them) over a set of forecasts: e = A − F; APE left out when A = 0; WAPE, bias and pinball losses divided
 * by ΣA (null when ΣA = 0); sMAPE with 0/0 = 0; coverage of the P10–P90 interval; MASE with each point's own scale.
 * Every metric is null when no point has a forecast.
 *
 * @example
 * accuracyMetrics([{ actual: 100, forecast: 90 }, { actual: 0, forecast: 10 }]).wape; // (10 + 10) / 100 = 0.2
 */
export function accuracyMetrics(points: readonly AccuracyPoint[]): AccuracyMetrics {
  let count = 0;
  let sumActual = 0;
  let sumError = 0;
  let sumAbs = 0;
  let sumSquares = 0;
  let sumSigned = 0;
  let apeSum = 0;
  let apeCount = 0;
  let smapeSum = 0;
  let covered = 0;
  let intervals = 0;
  let l10 = 0;
  let l50 = 0;
  let l90 = 0;
  let maseSum = 0;
  let maseCount = 0;
  for (const point of points) {
    const { actual, forecast } = point;
    if (forecast === null || !Number.isFinite(forecast)) continue;
    count++;
    const e = actual - forecast;
    const abs = Math.abs(e);
    sumActual += actual;
    sumError += e;
    sumAbs += abs;
    sumSquares += e * e;
    sumSigned += forecast - actual;
    if (actual !== 0) {
      apeSum += abs / Math.abs(actual);
      apeCount++;
    }
    const denominator = Math.abs(actual) + Math.abs(forecast);
    smapeSum += denominator === 0 ? 0 : (200 * abs) / denominator;
    const p10 = point.p10 ?? null;
    const p90 = point.p90 ?? null;
    if (p10 !== null && p90 !== null) {
      intervals++;
      if (p10 <= actual && actual <= p90) covered++;
    }
    l10 += pinball(0.1, actual, p10 ?? forecast);
    l50 += pinball(0.5, actual, point.p50 ?? forecast);
    l90 += pinball(0.9, actual, p90 ?? forecast);
    const scale = point.scale ?? null;
    if (scale !== null && scale > 0) {
      maseSum += abs / scale;
      maseCount++;
    }
  }
  const perActual = (x: number) => (sumActual === 0 ? null : x / sumActual);
  return {
    count,
    actual: sumActual,
    me: count === 0 ? null : sumError / count,
    mae: count === 0 ? null : sumAbs / count,
    rmse: count === 0 ? null : Math.sqrt(sumSquares / count),
    mape: apeCount === 0 ? null : apeSum / apeCount,
    wape: perActual(sumAbs),
    bias: perActual(sumSigned),
    smape: count === 0 ? null : smapeSum / count,
    coverage: intervals === 0 ? null : covered / intervals,
    pinball:
      count === 0 || sumActual === 0
        ? null
        : { q10: l10 / sumActual, q50: l50 / sumActual, q90: l90 / sumActual, total: (l10 + l50 + l90) / sumActual },
    mase: maseCount === 0 ? null : maseSum / maseCount,
  };
}
