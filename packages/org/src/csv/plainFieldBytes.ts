import { daysFromCivil, isCalendarDate } from '@salesops/core';
import { readCsvDigits } from '@salesops/csv';

/** Byte checks of the plain forms of CSV fields, which the decoders read without making a text first. */

export function isAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** `YYYY-MM-DD`, a real day: the date as the number YYYYMMDD; −1 for anything else. */
export function plainDateKey(bytes: Uint8Array, start: number, end: number): number {
  if (end - start !== 10 || bytes[start + 4] !== 45 || bytes[start + 7] !== 45) return -1;
  const year = readCsvDigits(bytes, start, 4);
  const month = twoDigits(bytes, start + 5);
  const day = twoDigits(bytes, start + 8);
  const real = year >= 0 && month >= 0 && day >= 0 && isCalendarDate(year, month, day);
  return real ? year * 10_000 + month * 100 + day : -1;
}

/** Milliseconds since the epoch of a datetime in the canonical form; NaN for anything else. */
export function canonicalDateTimeMillis(bytes: Uint8Array, start: number, end: number): number {
  if (end - start !== 24 || bytes[start + 10] !== 84 || bytes[start + 13] !== 58 || bytes[start + 16] !== 58) {
    return NaN;
  }
  if (bytes[start + 19] !== 46 || bytes[start + 23] !== 90) return NaN;
  const date = plainDateKey(bytes, start, start + 10);
  const hour = twoDigits(bytes, start + 11);
  const minute = twoDigits(bytes, start + 14);
  const second = twoDigits(bytes, start + 17);
  const millis = readCsvDigits(bytes, start + 20, 3);
  if (date < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || millis < 0) {
    return NaN;
  }
  const day = daysFromCivil(Math.floor(date / 10_000), Math.floor(date / 100) % 100, date % 100);
  return day * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis;
}

/** The number of the two ASCII digits at `i`; −1 when one of them is not a digit (a datetime has five such pairs). */
function twoDigits(bytes: Uint8Array, i: number): number {
  const tens = (bytes[i] as number) - 48;
  const ones = (bytes[i + 1] as number) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}
