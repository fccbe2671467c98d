/** A source of uniform random numbers in [0, 1). */
export type RandomSource = () => number;

/**
 * A RandomSource that can also hand out its next numbers in bulk, as 32-bit integers: `fillUint32(out)` writes the
 * next `out.length` outputs × 2³² into `out`, the same numbers `out.length` calls would give, so that a simulation
 * kernel draws millions of them without a call per number.
 */
export interface BulkRandomSource extends RandomSource {
  fillUint32(out: Uint32Array): void;
  /**
   * `base` + Σ values[k] over the k (0, 1, … in order) whose next output × 2³² is below thresholds[k], taking
   * `values.length` outputs: the sum `fillUint32` and a loop over its outputs give, without writing them out.
   */
  sumBelow(base: number, values: Float64Array, thresholds: Float64Array): number;
  /**
   * `sumBelow` with each value taken × a ratio its coin's own output u (× 2³²) picks: ratios[min(R − 1,
   * ⌊(u / thresholds[k]) × R⌋)] for R ratios (u below its threshold, u / threshold is uniform on [0, 1)).
   * Thresholds are at most 2³².
   */
  sumBelowTimesRatio(base: number, values: Float64Array, thresholds: Float64Array, ratios: Float64Array): number;
}

const TWO_POW_32 = 4294967296;

/** SplitMix32 step: spreads any 32-bit seed over the whole state space. */
function splitMix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) >>> 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/**
 * A seeded pseudo-random generator: Chris Doty-Humphrey's sfc32 (Small Fast Counting, 128-bit state, passes
 * PractRand), its state filled from the seed by SplitMix32 and warmed up by 12 rounds. The same seed gives the
 * same sequence on every platform; `core` never uses `Math.random`. Each number is a 32-bit output / 2³²; the
 * `fillUint32` method gives the same outputs in bulk.
 *
 * @example
 * const random = seededRandom(42);
 * random(); // the same number on every run, in [0, 1)
 */
export function seededRandom(seed: number): BulkRandomSource {
  let s = Math.trunc(seed) >>> 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [next, out] = splitMix32(s);
    s = next;
    words.push(out);
  }
  // The state as 32-bit integers (the wrap-around arithmetic below is modulo 2³² either way); kept in an Int32Array
  // so that the loop runs on untagged integers.
  const state = Int32Array.from(words);
  /**
   * `count` steps of the generator: each output written to `out` when given, else compared with its threshold and its
   * value added to the sum returned (Monte Carlo's coins, a number per deal and draw, without writing them out).
   */
  const steps = (
    count: number,
    out: Uint32Array | null,
    base: number,
    values: Float64Array,
    thresholds: Float64Array,
  ): number => {
    let a = state[0] as number;
    let b = state[1] as number;
    let c = state[2] as number;
    let d = state[3] as number;
    let sum = base;
    for (let k = 0; k < count; k++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      if (out !== null) out[k] = t;
      // Without a branch (a coin is a coin flip to the branch predictor): adding 0 × value leaves the sum as it was.
      else sum += (values[k] as number) * Number(t >>> 0 < (thresholds[k] as number));
    }
    state[0] = a;
    state[1] = b;
    state[2] = c;
    state[3] = d;
    return sum;
  };
  const none = new Float64Array(0);
  const fillUint32 = (out: Uint32Array): void => void steps(out.length, out, 0, none, none);
  const sumBelow = (base: number, values: Float64Array, thresholds: Float64Array): number =>
    steps(values.length, null, base, values, thresholds);
  /**
   * `steps` keeping the coins below their thresholds: the place k of each written to `taken` and the index of the
   * ratio its output picks, ⌊(u / threshold) × R⌋, to `picked` (always written, kept by moving `kept` on: no branch),
   * their number returned. The index is worked out for every coin, kept or not: a division in this loop measured
   * cheaper than reading each kept coin's output and threshold again after it. For a kept coin u / threshold is in
   * [0, 1], so the index is in [0, R] and truncating it to an integer (`| 0`) is Math.floor.
   */
  const keepBelow = (thresholds: Float64Array, count: number, taken: Int32Array, picked: Int32Array): number => {
    let a = state[0] as number;
    let b = state[1] as number;
    let c = state[2] as number;
    let d = state[3] as number;
    let kept = 0;
    for (let k = 0; k < thresholds.length; k++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      const threshold = thresholds[k] as number;
      taken[kept] = k;
      picked[kept] = (((t >>> 0) / threshold) * count) | 0;
      kept += Number(t >>> 0 < threshold);
    }
    state[0] = a;
    state[1] = b;
    state[2] = c;
    state[3] = d;
    return kept;
  };
  let taken = new Int32Array(0);
  let picked = new Int32Array(0);
  // The coins below their thresholds kept first, their ratios looked up after: a branch per coin would be
  // mispredicted as often as a coin falls either way, and a lookup for every coin would be a cache miss for nothing.
  const sumBelowTimesRatio = (
    base: number,
    values: Float64Array,
    thresholds: Float64Array,
    ratios: Float64Array,
  ): number => {
    if (taken.length < values.length) {
      taken = new Int32Array(values.length);
      picked = new Int32Array(values.length);
    }
    const kept = keepBelow(thresholds, ratios.length, taken, picked);
    // pickRatio's min(R − 1, index), for an index at most R.
    const last = ratios.length - 1;
    let sum = base;
    for (let j = 0; j < kept; j++) {
      const i = picked[j] as number;
      sum += (values[taken[j] as number] as number) * (ratios[i < last ? i : last] as number);
    }
    return sum;
  };
  fillUint32(new Uint32Array(12));
  // One step of the loop in `steps`, without a call and an output array per number (Beta draws take millions of them).
  const random = (): number => {
    const a = state[0] as number;
    const b = state[1] as number;
    const c = state[2] as number;
    const d = state[3] as number;
    const t = (((a + b) | 0) + d) | 0;
    state[3] = (d + 1) | 0;
    state[0] = b ^ (b >>> 9);
    state[1] = (c + (c << 3)) | 0;
    state[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  return Object.assign(random, { fillUint32, sumBelow, sumBelowTimesRatio });
}

/**
 * A 32-bit seed derived from a base seed and a text (FNV-1a), so that each scope of a run gets its own stream
 * whatever the order the scopes are computed in.
 *
 * @example
 * seededRandom(deriveSeed(42, 'rep:005…'));
 */
export function deriveSeed(seed: number, text: string): number {
  let h = (0x811c9dc5 ^ (Math.trunc(seed) >>> 0)) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A function that fills a Uint32Array with the next outputs of `random` × 2³² (in bulk when the source offers it).
 *
 * @example
 * const fill = uint32Filler(seededRandom(1));
 * fill(new Uint32Array(1024));
 */
export function uint32Filler(random: RandomSource): (out: Uint32Array) => void {
  const { fillUint32 } = random as Partial<BulkRandomSource>;
  if (fillUint32) return (out) => fillUint32.call(random, out);
  return (out) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.floor(random() * 4294967296);
  };
}

/**
 * A function giving `base` + Σ values[k] × [next output k < thresholds[k]] (see `BulkRandomSource.sumBelow`), fused
 * when the source offers it, else from its outputs one by one; either way the same sum and the same outputs taken.
 *
 * @example
 * const sumBelow = sumBelowFrom(seededRandom(1));
 * sumBelow(0, Float64Array.of(100, 200), Float64Array.of(2 ** 31, 2 ** 31)); // 0, 100, 200 or 300
 */
export function sumBelowFrom(
  random: RandomSource,
): (base: number, values: Float64Array, thresholds: Float64Array) => number {
  return fusedOr(random, 'sumBelow', (next) => (base, values, thresholds) => {
    const numbers = next(values.length);
    let sum = base;
    for (let k = 0; k < values.length; k++) {
      sum += (values[k] as number) * Number((numbers[k] as number) < (thresholds[k] as number));
    }
    return sum;
  });
}

/**
 * A function giving `sumBelowTimesRatio` (see `BulkRandomSource`), fused when the source offers it, else from its
 * outputs one by one; either way the same sum and the same outputs taken.
 *
 * @example
 * const sum = sumBelowTimesRatioFrom(seededRandom(1));
 * sum(0, Float64Array.of(100), Float64Array.of(2 ** 31), Float64Array.of(0.5, 1.5)); // 0, 50 or 150
 */
export function sumBelowTimesRatioFrom(
  random: RandomSource,
): (base: number, values: Float64Array, thresholds: Float64Array, ratios: Float64Array) => number {
  return fusedOr(random, 'sumBelowTimesRatio', (next) => (base, values, thresholds, ratios) => {
    const numbers = next(values.length);
    let sum = base;
    for (let k = 0; k < values.length; k++) {
      const u = numbers[k] as number;
      const limit = thresholds[k] as number;
      if (u < limit) sum += (values[k] as number) * pickRatio(ratios, u / limit);
    }
    return sum;
  });
}

/**
 * A function giving `base` + Σ values[k] × ratios[min(R − 1, ⌊(u₂ / 2³²) × R⌋)] over the k whose first of two next
 * outputs u₁ (× 2³²) is below `threshold`, taking `2 × values.length` outputs (the second of each pair whether or not
 * the first is below): a contract renewed with a ratio picked uniformly from R (see `addRenewalDraws`).
 *
 * @example
 * const sum = sumPairsBelowFrom(seededRandom(1));
 * sum(0, Float64Array.of(100, 40), 2 ** 31, Float64Array.of(0.5, 1.5)); // one of 0, 20, 50, 60, 70, …, 210
 */
export function sumPairsBelowFrom(
  random: RandomSource,
): (base: number, values: Float64Array, threshold: number, ratios: Float64Array) => number {
  const next = nextOutputs(random);
  let taken = new Int32Array(0);
  return (base, values, threshold, ratios) => {
    const numbers = next(2 * values.length);
    if (taken.length < values.length) taken = new Int32Array(values.length);
    // The renewed first, without a branch (see `sumBelowTimesRatio`); a threshold of NaN takes every contract, as
    // `u₁ >= threshold … continue` always did.
    let kept = 0;
    for (let k = 0; k < values.length; k++) {
      taken[kept] = k;
      kept += Number(!((numbers[2 * k] as number) >= threshold));
    }
    let sum = base;
    for (let j = 0; j < kept; j++) {
      const k = taken[j] as number;
      sum += (values[k] as number) * pickRatio(ratios, (numbers[2 * k + 1] as number) / TWO_POW_32);
    }
    return sum;
  };
}

/** ratios[⌊fraction × R⌋] for a fraction in [0, 1), the last of the R ratios at most (a fraction rounded up to 1). */
function pickRatio(ratios: Float64Array, fraction: number): number {
  return ratios[Math.min(ratios.length - 1, Math.floor(fraction * ratios.length))] as number;
}

/** The source's fused method `name`, else `plain` over its outputs one by one (from `nextOutputs`). */
function fusedOr<K extends 'sumBelow' | 'sumBelowTimesRatio'>(
  random: RandomSource,
  name: K,
  plain: (next: (count: number) => Uint32Array) => BulkRandomSource[K],
): BulkRandomSource[K] {
  return (random as Partial<BulkRandomSource>)[name] ?? plain(nextOutputs(random));
}

/** The unfused path of the sums above: a function giving the next `count` outputs × 2³², in one reused array. */
function nextOutputs(random: RandomSource): (count: number) => Uint32Array {
  const fill = uint32Filler(random);
  let numbers = new Uint32Array(0);
  return (count) => {
    if (numbers.length !== count) numbers = new Uint32Array(count);
    fill(numbers);
    return numbers;
  };
}
