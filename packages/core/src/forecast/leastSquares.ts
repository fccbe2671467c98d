/**
 * Least-squares coefficients β minimising ‖y − Xβ‖² for a design matrix given by columns, by Householder QR (as R's
 * `lm`/`lsfit` do); null when the columns are linearly dependent or there are fewer rows than columns.
 *
 * @example
 * leastSquares([[1, 1, 1], [1, 2, 3]], [2, 4, 6]); // [0, 2]
 */
export function leastSquares(columns: readonly (readonly number[])[], y: readonly number[]): number[] | null {
  const p = columns.length;
  const n = y.length;
  if (p === 0 || n < p) return null;
  // Working copies: a[j] is column j.
  const a = columns.map((c) => Float64Array.from(c.slice(0, n)));
  const b = Float64Array.from(y);
  const diag = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    const col = a[k] as Float64Array;
    let norm = 0;
    for (let i = k; i < n; i++) norm += (col[i] as number) ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) return null;
    const alpha = (col[k] as number) > 0 ? -norm : norm;
    // Householder vector v = x − αe₁ stored in col[k..n).
    col[k] = (col[k] as number) - alpha;
    let vv = 0;
    for (let i = k; i < n; i++) vv += (col[i] as number) ** 2;
    diag[k] = alpha;
    if (vv === 0) continue;
    const reflect = (target: Float64Array) => {
      let dot = 0;
      for (let i = k; i < n; i++) dot += (col[i] as number) * (target[i] as number);
      const factor = (2 * dot) / vv;
      for (let i = k; i < n; i++) target[i] = (target[i] as number) - factor * (col[i] as number);
    };
    for (let j = k + 1; j < p; j++) reflect(a[j] as Float64Array);
    reflect(b);
  }
  const scale = Math.max(...diag.map(Math.abs));
  const beta = new Array<number>(p).fill(0);
  for (let k = p - 1; k >= 0; k--) {
    const d = diag[k] as number;
    if (Math.abs(d) <= 1e-10 * scale) return null;
    let s = b[k] as number;
    for (let j = k + 1; j < p; j++) s -= ((a[j] as Float64Array)[k] as number) * (beta[j] as number);
    beta[k] = s / d;
  }
  return beta;
}
