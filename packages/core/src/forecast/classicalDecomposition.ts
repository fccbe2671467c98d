/** A classical decomposition of a seasonal series. */
export interface ClassicalDecomposition {
  /** Centred moving average; null at the ends it cannot cover. */
  readonly trend: readonly (number | null)[];
  /** The seasonal figure for positions 1..m of the series (position 1 = the first observation's). */
  readonly figure: readonly number[];
  /** The figure repeated along the series. */
  readonly seasonal: readonly number[];
}

/**
 * Classical decomposition by moving averages, as R's `stats::decompose` does: the trend is the centred moving
 * average of order m (a 2×m average for even m); the de-trended values (y − trend, or y / trend) are averaged per
 * position in the cycle, counted from the first observation; the figure is centred to mean 0 (additive) or 1
 * (multiplicative). Null when the series has fewer than two full cycles.
 *
 * @example
 * classicalDecomposition([1, 3, 1, 3, 1, 3], 2, 'additive')?.figure; // [-1, 1]
 */
export function classicalDecomposition(
  y: readonly number[],
  m: number,
  type: 'additive' | 'multiplicative',
): ClassicalDecomposition | null {
  const n = y.length;
  if (m <= 1 || n < 2 * m) return null;
  const weights =
    m % 2 === 0 ? [0.5, ...new Array<number>(m - 1).fill(1), 0.5].map((w) => w / m) : new Array<number>(m).fill(1 / m);
  const half = Math.floor(weights.length / 2);
  const trend: (number | null)[] = [];
  for (let t = 0; t < n; t++) {
    if (t + half - (weights.length - 1) < 0 || t + half >= n) {
      trend.push(null);
      continue;
    }
    let s = 0;
    // Summed in the order of R's filter (from the right end of the window); the weights are symmetric.
    for (let j = 0; j < weights.length; j++) s += (weights[j] as number) * (y[t + half - j] as number);
    trend.push(s);
  }
  const figure: number[] = [];
  for (let i = 0; i < m; i++) {
    let sum = 0;
    let count = 0;
    for (let t = i; t < n; t += m) {
      const tr = trend[t];
      if (tr === null || tr === undefined) continue;
      const v = type === 'additive' ? (y[t] as number) - tr : (y[t] as number) / tr;
      if (!Number.isFinite(v)) continue;
      sum += v;
      count++;
    }
    figure.push(count > 0 ? sum / count : NaN);
  }
  const centre = figure.reduce((s, v) => s + v, 0) / m;
  const centred = figure.map((v) => (type === 'additive' ? v - centre : v / centre));
  const seasonal = Array.from({ length: n }, (_, t) => centred[t % m] as number);
  return { trend, figure: centred, seasonal };
}
