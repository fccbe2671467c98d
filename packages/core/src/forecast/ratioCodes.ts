/**
 * Ratios as 16-bit codes into their distinct values: the million-deal org's 270,000 amount ratios (2 MB as doubles)
 * take 540 KB of codes and 280 KB of 35,000 distinct values, 84% of the picks landing on one of them (1). Null when
 * there are more than 2¹⁶ distinct values.
 */
export interface RatioCodes {
  /** Per ratio, the index of its value in `distinct`. */
  readonly codes: Uint16Array;
  readonly distinct: Float64Array;
}

const coded = new WeakMap<Float64Array, RatioCodes | null>();

/**
 * The ratios' codes, made once per array (every scope of a forecast shares the org's ratios); ratios[i] is
 * distinct[codes[i]], the same double (a −0 kept apart from 0). The array must not change after its first coding.
 *
 * @example
 * const { codes, distinct } = ratioCodesOnce(Float64Array.of(1, 1.5, 1))!;
 * distinct[codes[2]!]; // 1
 */
export function ratioCodesOnce(ratios: Float64Array): RatioCodes | null {
  let result = coded.get(ratios);
  if (result === undefined) {
    result = codeRatios(ratios);
    coded.set(ratios, result);
  }
  return result;
}

function codeRatios(ratios: Float64Array): RatioCodes | null {
  // Map keys take −0 for 0: a −0 gets a key of its own.
  const codeOf = new Map<number | 'minus zero', number>();
  const distinct: number[] = [];
  const codes = new Uint16Array(ratios.length);
  for (let i = 0; i < ratios.length; i++) {
    const r = ratios[i] as number;
    const key = Object.is(r, -0) ? 'minus zero' : r;
    let code = codeOf.get(key);
    if (code === undefined) {
      code = distinct.length;
      if (code > 0xffff) return null;
      distinct.push(r);
      codeOf.set(key, code);
    }
    codes[i] = code;
  }
  return { codes, distinct: Float64Array.from(distinct) };
}
