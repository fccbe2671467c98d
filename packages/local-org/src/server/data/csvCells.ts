/**
 * CSV cells as stored values, read straight from the bytes the shared scanner (`@salesops/csv`) hands over: the
 * same values `valueFromCsv` gives for the cell's text, without decoding what is a number, a boolean, a canonical
 * datetime or a value the column held before. A million-deal org is 26 million rows; decoding every cell into a
 * string first, and keeping a copy of every repeated owner, stage and date, is where a text-based load spends its
 * time (in the garbage collector, mostly).
 */
import type { FieldSchema } from '../schema/objectSchema.js';
import { isNumberType } from '../schema/objectSchema.js';
import { normalizeId, valueFromCsv, type Value } from './values.js';
import { readCsvDigits, readCsvNumber } from '@salesops/csv';

/** Reads one non-empty cell, bytes[start, end); `escaped`: the cell holds doubled quotes. */
export type CellReader = (bytes: Buffer, start: number, end: number, escaped: boolean) => Value;

/**
 * The reader for a column of `field`. `instants`: a datetime in the stored form is read as its epoch milliseconds (a
 * number, for a table kept as columns), not as its text.
 *
 * @example
 * const read = cellReader(amountField); read(Buffer.from('12.5'), 0, 4, false) // 12.5
 */
export function cellReader(field: FieldSchema, instants = false): CellReader {
  // The plain forms are read here; anything else (spaces, exponents, other datetime forms) by `valueFromCsv`.
  const general: CellReader = (bytes, start, end, escaped) => valueFromCsv(textOf(bytes, start, end, escaped), field);
  if (field.type === 'boolean') return readBoolean;
  if (isNumberType(field.type)) {
    return (bytes, start, end, escaped) => readCsvNumber(bytes, start, end) ?? general(bytes, start, end, escaped);
  }
  if (field.type === 'datetime' && instants) {
    return (bytes, start, end, escaped) => {
      const ms = canonicalDateTimeMs(bytes, start, end);
      return Number.isNaN(ms) ? general(bytes, start, end, escaped) : ms;
    };
  }
  if (field.type === 'datetime') {
    return (bytes, start, end, escaped) =>
      Number.isNaN(canonicalDateTimeMs(bytes, start, end))
        ? general(bytes, start, end, escaped)
        : bytes.toString('latin1', start, end);
  }
  // The loader gives a record without a valid id a new one.
  if (field.name === 'Id') return (bytes, start, end) => readId(bytes, start, end) ?? null;
  // Lookups, picklists, dates and most short texts repeat: one copy of each value, as the records share it.
  const texts = new ColumnTexts();
  return (bytes, start, end, escaped) => (escaped ? textOf(bytes, start, end, escaped) : texts.of(bytes, start, end));
}

function textOf(bytes: Buffer, start: number, end: number, escaped: boolean): string {
  const text = bytes.toString('utf8', start, end);
  return escaped ? text.replaceAll('""', '"') : text;
}

/** `true`/`1` in any case is true, anything else false, as `valueFromCsv`. */
function readBoolean(bytes: Buffer, start: number, end: number): boolean {
  const length = end - start;
  if (length === 1) return bytes[start] === 49;
  return (
    length === 4 &&
    ((bytes[start] as number) | 32) === 116 &&
    ((bytes[start + 1] as number) | 32) === 114 &&
    ((bytes[start + 2] as number) | 32) === 117 &&
    ((bytes[start + 3] as number) | 32) === 101
  );
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The epoch milliseconds of `YYYY-MM-DDTHH:MM:SS.sssZ` of a real day and time of the years 1000–9999 (the form
 * `normalizeDateTime` gives back unchanged, and `toISOString` gives for the instant); NaN otherwise.
 */
function canonicalDateTimeMs(bytes: Buffer, start: number, end: number): number {
  if (end - start !== 24 || bytes[start + 4] !== 45 || bytes[start + 7] !== 45 || bytes[start + 10] !== 84) return NaN;
  if (bytes[start + 13] !== 58 || bytes[start + 16] !== 58 || bytes[start + 19] !== 46 || bytes[start + 23] !== 90) {
    return NaN;
  }
  const year = readCsvDigits(bytes, start, 4);
  const month = readCsvDigits(bytes, start + 5, 2);
  const day = readCsvDigits(bytes, start + 8, 2);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (year < 1000 || day < 1 || day > monthDays) return NaN;
  const hour = readCsvDigits(bytes, start + 11, 2);
  const minute = readCsvDigits(bytes, start + 14, 2);
  const second = readCsvDigits(bytes, start + 17, 2);
  const millis = readCsvDigits(bytes, start + 20, 3);
  const valid = hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60 && millis >= 0;
  return valid ? Date.UTC(year, month - 1, day, hour, minute, second, millis) : NaN;
}

const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** bytes[start, end) are an 18-character id whose case-safe suffix is right (what `normalizeId` keeps as it is). */
export function isCaseSafeId(bytes: Buffer, start: number, end: number): boolean {
  if (end - start !== 18) return false;
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = bytes[start + block * 5 + i] as number;
      if (c >= 65 && c <= 90) bits |= 1 << i;
      else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 122))) return false;
    }
    if (bytes[start + 15 + block] !== SUFFIX.charCodeAt(bits)) return false;
  }
  return true;
}

/** A case-safe 18-character id as it is; other forms through `normalizeId`; undefined when the cell is no id. */
function readId(bytes: Buffer, start: number, end: number): string | undefined {
  if (isCaseSafeId(bytes, start, end)) return bytes.toString('latin1', start, end);
  return normalizeId(bytes.toString('utf8', start, end)) ?? undefined;
}

const COLUMN_VALUES = 4096; // a table small enough to stay in the processor's cache
const COLUMN_SLOTS = COLUMN_VALUES * 2;

/**
 * One copy of each short ASCII value of a column: the previous row's value is tried first (a deal's history rows
 * follow each other), then the column's first few thousand values by hash, in an open-addressing table (a `Map`
 * lookup per cell was a tenth of the load's time in its own code).
 */
class ColumnTexts {
  private last = '';
  private readonly hashes = new Int32Array(COLUMN_SLOTS);
  private readonly texts: (string | undefined)[] = new Array<string | undefined>(COLUMN_SLOTS).fill(undefined);
  private count = 0;

  of(bytes: Buffer, start: number, end: number): string {
    if (same(this.last, bytes, start, end)) return this.last;
    if (end - start > 64) return bytes.toString('utf8', start, end);
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      const c = bytes[i] as number;
      if (c >= 0x80) return bytes.toString('utf8', start, end);
      hash = Math.imul(hash ^ c, 0x01000193);
    }
    const mask = COLUMN_SLOTS - 1;
    let slot = hash & mask;
    for (let text = this.texts[slot]; text !== undefined; text = this.texts[slot]) {
      if (this.hashes[slot] === hash && same(text, bytes, start, end)) return (this.last = text);
      slot = (slot + 1) & mask;
    }
    const text = bytes.toString('latin1', start, end);
    if (this.count < COLUMN_VALUES) {
      this.hashes[slot] = hash;
      this.texts[slot] = text;
      this.count++;
    }
    return (this.last = text);
  }
}

/** The ASCII text equals bytes[start, end). */
function same(text: string, bytes: Buffer, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== bytes[start + i]) return false;
  return true;
}
