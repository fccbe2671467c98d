/**
 * Sample autocorrelations r₁ … r_maxLag, as R's `acf(y, plot = FALSE)` computes them:
 * rₖ = Σₜ (yₜ − ȳ)(yₜ₊ₖ − ȳ) / Σₜ (yₜ − ȳ)². Empty when the series is constant or shorter than 2.
 *
 * @example
 * autocorrelation([1, 2, 3, 4], 1); // [0.25]
 */
export function autocorrelation(y: readonly number[], maxLag: number): number[] {
  const n = y.length;
  if (n < 2) return [];
  let mean = 0;
  for (const v of y) mean += v;
  mean /= n;
  let c0 = 0;
  for (const v of y) c0 += (v - mean) ** 2;
  if (c0 === 0) return [];
  const out: number[] = [];
  for (let k = 1; k <= Math.min(maxLag, n - 1); k++) {
    let ck = 0;
    for (let t = 0; t + k < n; t++) ck += ((y[t] as number) - mean) * ((y[t + k] as number) - mean);
    out.push(ck / c0);
  }
  return out;
}
