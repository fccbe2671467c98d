/**
 * The past periods' unseen business widened into a predictive law for the next period (metrics.md "Calibration";
 * docs/forecast-calibration.md): each value S_k of K becomes mean + f·(S_k − mean), f = √((K + 1)/(K − 1)).
 *
 * Why: a bootstrap that picks one of K values has the variance (K − 1)/K · s² of the sample (s² its unbiased
 * variance), while a new period's amount differs from the K-period mean by s²·(1 + 1/K) = s²·(K + 1)/K; the ratio of
 * the two is (K + 1)/(K − 1). The affine map keeps the mean exactly. A draw below zero is impossible (no business is
 * negative), so f is lowered to mean / (mean − min S) when the smallest value would fall below 0: the lowest draw is
 * then exactly 0 and the mean still unchanged. With K ≤ 1 there is no spread to widen and the values are returned
 * as they are.
 *
 * @example
 * predictiveUnseen([1, 3]); // [2 − √3, 2 + √3]
 */
export function predictiveUnseen(values: readonly number[]): number[] {
  const k = values.length;
  if (k <= 1) return [...values];
  let mean = 0;
  let min = Infinity;
  for (const x of values) {
    mean += x;
    if (x < min) min = x;
  }
  mean /= k;
  let f = Math.sqrt((k + 1) / (k - 1));
  if (min < mean && mean + f * (min - mean) < 0) f = mean / (mean - min);
  return values.map((x) => mean + f * (x - mean));
}
