/** Intercept and slope of a least-squares line. */
export interface LinearTrend {
  readonly intercept: number;
  readonly slope: number;
}

/**
 * The least-squares line through (xᵢ, yᵢ), as R's `lsfit(x, y)$coefficients` gives it; null for fewer than two
 * points or when every x is the same.
 *
 * @example
 * linearTrend([0, 1, 2], [1, 3, 5]); // { intercept: 1, slope: 2 }
 */
export function linearTrend(x: readonly number[], y: readonly number[]): LinearTrend | null {
  const n = Math.min(x.length, y.length);
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    sxy += dx * ((y[i] as number) - my);
    sxx += dx * dx;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { intercept: my - slope * mx, slope };
}
