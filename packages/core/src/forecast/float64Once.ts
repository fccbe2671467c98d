const copies = new WeakMap<object, Float64Array>();

/**
 * The numbers of a read-only array as a Float64Array, copied once per array: the past ratios of a law or a period
 * factor (hundreds of thousands in a million-deal org) are shared by every scope of a forecast, and the Monte Carlo
 * kernels take typed arrays. The array must not change after its first copy.
 *
 * @example
 * const ratios = [0.9, 1.1];
 * float64Once(ratios) === float64Once(ratios); // true: one copy
 */
export function float64Once(values: ArrayLike<number>): Float64Array {
  let copy = copies.get(values);
  if (!copy) {
    copy = Float64Array.from(values);
    copies.set(values, copy);
  }
  return copy;
}
