/** Options of {@link nelderMead}; the defaults are those `forecast::ets` passes to its Nelder–Mead search. */
export interface NelderMeadOptions {
  /** Relative convergence tolerance on the spread of the simplex's values (default √ε ≈ 1.49e-8). */
  readonly relativeTolerance?: number;
  /** Stop once the best value is at or below this (default −∞: never). */
  readonly absoluteTolerance?: number;
  /** Maximum number of function evaluations (default 2000). */
  readonly maxEvaluations?: number;
}

export interface NelderMeadResult {
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
  /** 0 converged, 1 evaluation limit reached, 10 the simplex stopped shrinking. */
  readonly status: 0 | 1 | 10;
}

/** Stand-in for a value that could not be computed (non-finite), as R's optimiser uses. */
const BIG = 1.0e35;

/**
 * Minimises `f` by the Nelder–Mead simplex search in the variant of Nash's "Compact numerical methods" that R's
 * `optim(method = "Nelder-Mead")` and `forecast::ets` use: reflection 1, expansion 2, contraction ½ and shrink ½
 * towards the best vertex; the first simplex adds one step of 0.1 × the largest |x₀ᵢ| (0.1 when x₀ is 0) to each
 * coordinate in turn; non-finite values count as 1e35; it stops when the highest and lowest values of the simplex
 * differ by at most `relativeTolerance × (|f(x₀)| + relativeTolerance)`. Following that variant step by step (not
 * only its idea) is what lets ETS fits land on the same optimum as R's.
 *
 * @example
 * nelderMead((x) => (x[0]! - 1) ** 2 + (x[1]! + 2) ** 2, [0, 0]).x; // ≈ [1, -2]
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const n = x0.length;
  const reltol = options.relativeTolerance ?? Math.sqrt(Number.EPSILON);
  const abstol = options.absoluteTolerance ?? -Infinity;
  const maxEvaluations = options.maxEvaluations ?? 2000;
  const value = (x: readonly number[]): number => {
    const v = f(x);
    return Number.isFinite(v) ? v : BIG;
  };
  const f0 = f(x0);
  if (!Number.isFinite(f0)) throw new RangeError('nelderMead: the function cannot be evaluated at the start point');
  if (n === 0) return { x: [], value: f0, evaluations: 1, status: 0 };
  let evaluations = 1;
  const tolerance = reltol * (Math.abs(f0) + reltol);

  // Vertices 0..n; vertex 0 is the start point, vertex j moves coordinate j-1 by one step.
  const vertices: number[][] = [[...x0]];
  const values: number[] = [f0];
  let step = 0;
  for (const xi of x0) step = Math.max(step, 0.1 * Math.abs(xi));
  if (step === 0) step = 0.1;
  let size = 0;
  for (let j = 0; j < n; j++) {
    const v = [...x0];
    let tryStep = step;
    // A step too small to change the coordinate is enlarged tenfold until it does.
    while (v[j] === x0[j]) {
      v[j] = (x0[j] as number) + tryStep;
      tryStep *= 10;
    }
    size += tryStep;
    vertices.push(v);
    values.push(NaN);
  }
  let oldSize = size;
  let best = 0;
  let evaluateAll = true;
  let status: 0 | 1 | 10 = 0;
  const centroid = new Array<number>(n).fill(0);
  const trial = new Array<number>(n).fill(0);

  for (;;) {
    if (evaluateAll) {
      for (let j = 0; j <= n; j++) {
        if (j === best) continue;
        values[j] = value(vertices[j] as number[]);
        evaluations++;
      }
      evaluateAll = false;
    }
    // Best (lowest) and worst (highest) vertices; the current best keeps its place on ties.
    let low = values[best] as number;
    let high = low;
    let worst = best;
    for (let j = 0; j <= n; j++) {
      if (j === best) continue;
      const v = values[j] as number;
      if (v < low) {
        best = j;
        low = v;
      }
      if (v > high) {
        worst = j;
        high = v;
      }
    }
    if (high <= low + tolerance || low <= abstol) break;

    const worstVertex = vertices[worst] as number[];
    for (let i = 0; i < n; i++) {
      let sum = -(worstVertex[i] as number);
      for (let j = 0; j <= n; j++) sum += (vertices[j] as number[])[i] as number;
      centroid[i] = sum / n;
    }
    for (let i = 0; i < n; i++) trial[i] = 2 * (centroid[i] as number) - (worstVertex[i] as number);
    const reflected = value(trial);
    evaluations++;
    if (reflected < low) {
      // Try going twice as far; keep whichever of the two points is lower.
      const reflectedPoint = [...trial];
      for (let i = 0; i < n; i++) trial[i] = 2 * (reflectedPoint[i] as number) - (centroid[i] as number);
      const expanded = value(trial);
      evaluations++;
      if (expanded < reflected) {
        vertices[worst] = [...trial];
        values[worst] = expanded;
      } else {
        vertices[worst] = reflectedPoint;
        values[worst] = reflected;
      }
    } else {
      if (reflected < high) {
        vertices[worst] = [...trial];
        values[worst] = reflected;
      }
      const current = vertices[worst] as number[];
      for (let i = 0; i < n; i++) trial[i] = 0.5 * (current[i] as number) + 0.5 * (centroid[i] as number);
      const contracted = value(trial);
      evaluations++;
      if (contracted < (values[worst] as number)) {
        vertices[worst] = [...trial];
        values[worst] = contracted;
      } else if (reflected >= high) {
        // Shrink every vertex halfway towards the best one.
        const bestVertex = vertices[best] as number[];
        size = 0;
        for (let j = 0; j <= n; j++) {
          if (j === best) continue;
          const v = vertices[j] as number[];
          for (let i = 0; i < n; i++) {
            v[i] = 0.5 * ((v[i] as number) - (bestVertex[i] as number)) + (bestVertex[i] as number);
            size += Math.abs((v[i] as number) - (bestVertex[i] as number));
          }
        }
        evaluateAll = true;
        if (size < oldSize) oldSize = size;
        else {
          status = 10;
          break;
        }
      }
    }
    if (evaluations > maxEvaluations) break;
  }
  if (evaluations > maxEvaluations) status = 1;
  return { x: [...(vertices[best] as number[])], value: values[best] as number, evaluations, status };
}
