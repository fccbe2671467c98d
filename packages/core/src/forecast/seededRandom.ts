/** A source of uniform random numbers in [0, 1). */
export type RandomSource = () => number;

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
 * same sequence on every platform; `core` never uses `Math.random`.
 *
 * @example
 * const random = seededRandom(42);
 * random(); // the same number on every run, in [0, 1)
 */
export function seededRandom(seed: number): RandomSource {
  let s = Math.trunc(seed) >>> 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [next, out] = splitMix32(s);
    s = next;
    words.push(out);
  }
  let [a, b, c, d] = words as [number, number, number, number];
  const nextUint = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) nextUint();
  return () => nextUint() / 4294967296;
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
