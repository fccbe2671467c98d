/**
 * The in-sample mean absolute error of the seasonal naive forecast (yₜ predicted by yₜ₋ₘ; the naive forecast for
 * m = 1) — the MASE denominator of R's `forecast::accuracy` (its default D = 1 seasonal difference for seasonal
 * series, d = 1 difference otherwise). Null when the series has no m + 1 values or the error is 0.
 *
 * @example
 * seasonalNaiveScale([10, 12, 11, 15], 1); // (2 + 1 + 4) / 3
 */
export function seasonalNaiveScale(series: readonly number[], m: number): number | null {
  const lag = Math.max(1, Math.trunc(m));
  if (series.length <= lag) return null;
  let sum = 0;
  for (let t = lag; t < series.length; t++) sum += Math.abs((series[t] as number) - (series[t - lag] as number));
  const scale = sum / (series.length - lag);
  return scale > 0 && Number.isFinite(scale) ? scale : null;
}
