import { betaVariatesOnState, type BetaLaws } from './betaLaws.js';
import { ratioCodesOnce, type RatioCodes } from './ratioCodes.js';
import { BATCH_OUTPUTS, nextOutputs } from './uint32Filler.js';

export { uint32Filler } from './uint32Filler.js';
export { addPairsBelowFrom, sumPairsBelowFrom } from './sumPairsBelow.js';

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
  /**
   * totals[d] + `sumBelowTimesRatio(base, values, thresholds, ratios)` into totals[d], for d from `from` up to `to` in
   * order: the same numbers, with the calls of a small scope's draws batched.
   */
  addBelowTimesRatio(
    totals: Float64Array,
    from: number,
    to: number,
    base: number,
    values: Float64Array,
    thresholds: Float64Array,
    ratios: Float64Array,
  ): void;
  /** out[i] = a Beta variate of law i for every law, in order: the numbers and uniforms of `betaVariatesFrom`. */
  betaVariates(laws: BetaLaws, out: Float64Array): void;
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
  /**
   * `steps` keeping the coins below their thresholds: the place k of each written to `taken` and the index of the
   * ratio its output picks, ⌊(u / threshold) × R⌋, to `picked` (always written, kept by moving `kept` on: no branch),
   * their number returned. The index is worked out for every coin, kept or not: a division in this loop measured
   * cheaper than reading each kept coin's output and threshold again after it. For a kept coin u / threshold is in
   * [0, 1], so the index is in [0, R] and truncating it to an integer (`| 0`) is Math.floor.
   */
  const keepBelow = (
    thresholds: Float64Array,
    count: number,
    taken: Int32Array,
    picked: Int32Array,
    offset: number,
  ): number => {
    let a = state[0] as number;
    let b = state[1] as number;
    let c = state[2] as number;
    let d = state[3] as number;
    let kept = offset;
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
  const keptEnd = new Int32Array(BATCH_OUTPUTS + 1);
  const room = (size: number): void => {
    if (taken.length < size) {
      taken = new Int32Array(size);
      picked = new Int32Array(size);
    }
  };
  /** base + Σ values[k] × its picked ratio over the kept coins from `first` to `end` (pickRatio's min(R − 1, i)). */
  const sumKept = (first: number, end: number, base: number, values: Float64Array, ratios: Float64Array): number => {
    const last = ratios.length - 1;
    let sum = base;
    for (let j = first; j < end; j++) {
      const i = picked[j] as number;
      sum += (values[taken[j] as number] as number) * (ratios[i < last ? i : last] as number);
    }
    return sum;
  };
  /** `sumKept` with the ratios looked up through their codes: the same doubles. */
  const sumKeptCoded = (
    first: number,
    end: number,
    base: number,
    values: Float64Array,
    last: number,
    { codes, distinct }: RatioCodes,
  ): number => {
    let sum = base;
    for (let j = first; j < end; j++) {
      const i = picked[j] as number;
      sum += (values[taken[j] as number] as number) * (distinct[codes[i < last ? i : last] as number] as number);
    }
    return sum;
  };
  // The coins below their thresholds kept first, their ratios looked up after: a branch per coin would be
  // mispredicted as often as a coin falls either way, and a lookup for every coin would be a cache miss for nothing.
  const sumBelowTimesRatio = (
    base: number,
    values: Float64Array,
    thresholds: Float64Array,
    ratios: Float64Array,
  ): number => {
    room(values.length);
    return sumKept(0, keepBelow(thresholds, ratios.length, taken, picked, 0), base, values, ratios);
  };
  // A small scope's draws kept together, then their ratios looked up in one pass: the lookups (misses in a million-deal
  // org's 2 MB of ratios) of consecutive draws then overlap, where a call per draw of a few dozen deals kept them apart.
  const addBelowTimesRatio = (
    totals: Float64Array,
    from: number,
    to: number,
    base: number,
    values: Float64Array,
    thresholds: Float64Array,
    ratios: Float64Array,
  ): void => {
    const group = Math.max(1, Math.floor(BATCH_OUTPUTS / Math.max(1, values.length)));
    // Batched draws (a small scope's) leave the L2 cache to the ratios, where their codes fit and their doubles do not;
    // a large scope's deals pass through it on every draw anyway, and a lookup through codes measured slower there.
    const codes = group > 1 ? ratioCodesOnce(ratios) : null;
    room(Math.min(group, to - from) * values.length);
    for (let first = from; first < to; first += group) {
      const end = Math.min(to, first + group);
      let kept = 0;
      for (let d = first; d < end; d++) {
        kept = keepBelow(thresholds, ratios.length, taken, picked, kept);
        keptEnd[d - first + 1] = kept;
      }
      for (let d = first; d < end; d++) {
        const start = keptEnd[d - first] as number;
        const stop = keptEnd[d - first + 1] as number;
        const sum = codes
          ? sumKeptCoded(start, stop, base, values, ratios.length - 1, codes)
          : sumKept(start, stop, base, values, ratios);
        totals[d] = (totals[d] as number) + sum;
      }
    }
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
  const betaVariates = (laws: BetaLaws, out: Float64Array): void => betaVariatesOnState(state, laws, out);
  return Object.assign(random, { fillUint32, sumBelow, sumBelowTimesRatio, addBelowTimesRatio, betaVariates });
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
 * A function adding `sumBelowTimesRatio` to totals[d] for d from `from` up to `to` (see `BulkRandomSource`), batched
 * when the source offers it, else a draw at a time; either way the same totals and the same outputs taken.
 *
 * @example
 * const add = addBelowTimesRatioFrom(seededRandom(1));
 * add(new Float64Array(16), 0, 16, 0, Float64Array.of(100), Float64Array.of(2 ** 31), Float64Array.of(0.5, 1.5));
 */
export function addBelowTimesRatioFrom(random: RandomSource): BulkRandomSource['addBelowTimesRatio'] {
  const batched = (random as Partial<BulkRandomSource>).addBelowTimesRatio;
  if (batched) return batched;
  const sum = sumBelowTimesRatioFrom(random);
  return (totals, from, to, base, values, thresholds, ratios) => {
    for (let d = from; d < to; d++) totals[d] = (totals[d] as number) + sum(base, values, thresholds, ratios);
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
