/** A complex number. */
export interface Complex {
  readonly re: number;
  readonly im: number;
}

/**
 * The complex roots of c₀ + c₁z + … + cₙzⁿ (coefficients in increasing order, as R's `polyroot` takes them), by the
 * Aberth–Ehrlich simultaneous iteration. Trailing zero coefficients are dropped; a constant has no roots.
 *
 * @example
 * polynomialRoots([-1, 0, 1]).map((z) => Math.round(z.re)).sort(); // [-1, 1]
 */
export function polynomialRoots(coefficients: readonly number[]): Complex[] {
  let degree = coefficients.length - 1;
  while (degree > 0 && coefficients[degree] === 0) degree--;
  if (degree < 1) return [];
  const lead = coefficients[degree] as number;
  const c = coefficients.slice(0, degree + 1).map((v) => v / lead);
  // Start on a circle of the Cauchy bound, slightly rotated so no start is real.
  let bound = 0;
  for (let i = 0; i < degree; i++) bound = Math.max(bound, Math.abs(c[i] as number));
  const radius = 1 + bound;
  const re = new Float64Array(degree);
  const im = new Float64Array(degree);
  for (let k = 0; k < degree; k++) {
    const angle = (2 * Math.PI * k) / degree + 0.4;
    re[k] = 0.5 * radius * Math.cos(angle);
    im[k] = 0.5 * radius * Math.sin(angle);
  }
  for (let iteration = 0; iteration < 500; iteration++) {
    let moved = 0;
    for (let k = 0; k < degree; k++) {
      const zr = re[k] as number;
      const zi = im[k] as number;
      // p(z) and p'(z) by Horner.
      let pr = 1;
      let pi = 0;
      let dr = 0;
      let di = 0;
      for (let i = degree - 1; i >= 0; i--) {
        const ndr = dr * zr - di * zi + pr;
        const ndi = dr * zi + di * zr + pi;
        dr = ndr;
        di = ndi;
        const npr = pr * zr - pi * zi + (c[i] as number);
        const npi = pr * zi + pi * zr;
        pr = npr;
        pi = npi;
      }
      // ratio = p / p'
      const dd = dr * dr + di * di;
      if (dd === 0) continue;
      const rr = (pr * dr + pi * di) / dd;
      const ri = (pi * dr - pr * di) / dd;
      // sum = Σ 1 / (z − zⱼ)
      let sr = 0;
      let si = 0;
      for (let j = 0; j < degree; j++) {
        if (j === k) continue;
        const ar = zr - (re[j] as number);
        const ai = zi - (im[j] as number);
        const aa = ar * ar + ai * ai;
        if (aa === 0) continue;
        sr += ar / aa;
        si += -ai / aa;
      }
      // w = ratio / (1 − ratio · sum)
      const br = 1 - (rr * sr - ri * si);
      const bi = -(rr * si + ri * sr);
      const bb = br * br + bi * bi;
      if (bb === 0) continue;
      const wr = (rr * br + ri * bi) / bb;
      const wi = (ri * br - rr * bi) / bb;
      re[k] = zr - wr;
      im[k] = zi - wi;
      moved = Math.max(moved, Math.hypot(wr, wi) / Math.max(1, Math.hypot(zr, zi)));
    }
    if (moved < 1e-14) break;
  }
  return Array.from({ length: degree }, (_, k) => ({ re: re[k] as number, im: im[k] as number }));
}
