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
}

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
  return Object.assign(random, { fillUint32, sumBelow });
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
  const { sumBelow } = random as Partial<BulkRandomSource>;
  if (sumBelow) return (base, values, thresholds) => sumBelow.call(random, base, values, thresholds);
  const fill = uint32Filler(random);
  let numbers = new Uint32Array(0);
  return (base, values, thresholds) => {
    if (numbers.length !== values.length) numbers = new Uint32Array(values.length);
    fill(numbers);
    let sum = base;
    for (let k = 0; k < values.length; k++) {
      sum += (values[k] as number) * Number((numbers[k] as number) < (thresholds[k] as number));
    }
    return sum;
  };
}
