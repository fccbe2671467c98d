const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * `[+-]digits[.digits]` with at most 15 digits: the digits as an integer (exact below 2^53) divided by an exact power
 * of ten, one correctly rounded division, which is the double `Number()` gives for the same text;
 * undefined for other forms (the caller falls back to parsing the text).
 */
export function readCsvNumber(bytes: Uint8Array, start: number, end: number): number | undefined {
  let i = start;
  const sign = bytes[i] === 45 ? -1 : 1;
  if (bytes[i] === 45 || bytes[i] === 43) i++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const d = (bytes[i] as number) - 48;
    if (d >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      digits++;
      if (decimals >= 0) decimals++;
    } else if (d === -2 && decimals < 0)
      decimals = 0; // '.'
    else return undefined;
  }
  if (digits === 0 || digits > 15) return undefined;
  return (sign * mantissa) / (POWERS_OF_TEN[decimals > 0 ? decimals : 0] as number);
}

/** The number written by `count` ASCII digits from `from`; −1 when one of them is not a digit. */
export function readCsvDigits(bytes: Uint8Array, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = (bytes[i] as number) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
