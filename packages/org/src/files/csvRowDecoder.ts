import type * as z from 'zod';
import { coerceWireValue, createRecordParser, fieldMeta, isCalendarDate, type FieldMeta } from '@salesops/core';
import type { CsvRow } from '../csv/parseCsv.js';

/**
 * Turns CSV rows of one object into model records straight from the bytes, with the results of the core record
 * parser: numbers and booleans are read from the bytes, ids, picklists and dates are looked up by their bytes among
 * the values already seen (one copy of each, as the parser keeps them), and only other text is decoded. Any field
 * outside these plain forms (spaces, exponents, `TRUE`, doubled quotes, a bad value) sends the whole row through the
 * core parser, which gives the same value or the same error naming file, line, record and field.
 *
 * @example
 * const decode = createCsvRowDecoder('Opportunity', Opportunity, header, 'Opportunity.csv');
 * await scanCsvFile('Opportunity.csv', (row) => rows.push(decode(row)));
 */
export function createCsvRowDecoder<S extends z.ZodObject>(
  sobject: string,
  schema: S,
  header: readonly string[],
  file: string,
): (row: CsvRow) => z.output<S> {
  const parseRecord = createRecordParser(sobject, schema);
  const columns = Object.entries(schema.shape).map(([name, s]) => {
    const meta = fieldMeta(s as z.ZodType, `${sobject}.${name}`);
    return { name, meta, index: header.indexOf(name), read: reader(meta) };
  });
  const shared = columns.filter((c) => c.meta.shared).map((c) => c.name);
  const slow = (row: CsvRow): z.output<S> => {
    const raw: Record<string, string | undefined> = {};
    for (const { name, index } of columns) raw[name] = index < 0 ? undefined : row.text(index);
    const out = parseRecord(raw, { file, line: row.line }) as Record<string, unknown>;
    for (const name of shared) {
      const value = out[name];
      if (typeof value === 'string') out[name] = internText(value);
    }
    return out as z.output<S>;
  };
  const interned = new Map<string, string>();
  const internText = (text: string): string => {
    const copy = interned.get(text);
    if (copy !== undefined) return copy;
    interned.set(text, text);
    return text;
  };
  const byBytes = new BytesInterner(internText);
  // A Buffer view of the chunk being scanned (for its decoders), made once per chunk.
  let chunk: Uint8Array | undefined;
  let bytes: Buffer = Buffer.alloc(0);
  return (row) => {
    if (row.bytes !== chunk) {
      chunk = row.bytes;
      bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
    const out = parseRecord.blank();
    for (const column of columns) {
      const i = column.index;
      let value: unknown;
      if (i < 0) value = null;
      else if (row.escaped[i] === 1) return slow(row);
      else {
        const start = row.starts[i] as number;
        const end = row.ends[i] as number;
        value = start === end ? null : column.read(bytes, start, end, byBytes);
        if (value === undefined) return slow(row);
      }
      if (value === null && !column.meta.nullable) return slow(row);
      out[column.name] = value;
    }
    return out as z.output<S>;
  };
}

/** Reads a non-empty field of one kind from its bytes; undefined when the bytes are not in the kind's plain form. */
type FieldReader = (bytes: Buffer, start: number, end: number, shared: BytesInterner) => unknown;

function reader(meta: FieldMeta): FieldReader {
  switch (meta.kind) {
    case 'id':
      return (bytes, start, end, shared) => {
        const length = end - start;
        if (length !== 15 && length !== 18) return undefined;
        for (let i = start; i < end; i++) if (!isAlphanumeric(bytes[i] as number)) return undefined;
        return meta.shared ? shared.get(bytes, start, end) : bytes.toString('latin1', start, end);
      };
    case 'text':
      return meta.shared
        ? (bytes, start, end, shared) => shared.get(bytes, start, end)
        : (bytes, start, end) => bytes.toString('utf8', start, end);
    case 'number':
      return readNumber;
    case 'integer':
      return (bytes, start, end) => {
        const n = readNumber(bytes, start, end);
        return n !== undefined && Number.isInteger(n) ? n : undefined;
      };
    case 'boolean':
      return readBoolean;
    case 'date':
      return (bytes, start, end, shared) =>
        isPlainDate(bytes, start, end) ? shared.get(bytes, start, end) : undefined;
    case 'datetime':
      return (bytes, start, end) => {
        // Canonical datetimes come back as they are; other forms are turned into it by the core coercion.
        const value = coerceWireValue.datetime(bytes.toString('latin1', start, end));
        return typeof value === 'string' && isAscii(bytes, start, end) ? value : undefined;
      };
  }
}

function isAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAscii(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((bytes[i] as number) >= 0x80) return false;
  return true;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * `[+-]digits[.digits]` with at most 15 digits: the digits as an integer (exact below 2^53) divided by an exact power
 * of ten, one correctly rounded division, which is the double `Number()` gives for the same text.
 */
function readNumber(bytes: Buffer, start: number, end: number): number | undefined {
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

function readBoolean(bytes: Buffer, start: number, end: number): boolean | undefined {
  const length = end - start;
  const c = bytes[start];
  if (length === 1) return c === 49 ? true : c === 48 ? false : undefined;
  if (length === 4 && c === 116 && bytes[start + 1] === 114 && bytes[start + 2] === 117 && bytes[start + 3] === 101) {
    return true;
  }
  if (
    length === 5 &&
    c === 102 &&
    bytes[start + 1] === 97 &&
    bytes[start + 2] === 108 &&
    bytes[start + 3] === 115 &&
    bytes[start + 4] === 101
  ) {
    return false;
  }
  return undefined;
}

/** `YYYY-MM-DD`, a real day. */
function isPlainDate(bytes: Buffer, start: number, end: number): boolean {
  if (end - start !== 10 || bytes[start + 4] !== 45 || bytes[start + 7] !== 45) return false;
  const year = digits(bytes, start, 4);
  const month = digits(bytes, start + 5, 2);
  const day = digits(bytes, start + 8, 2);
  return year >= 0 && month >= 0 && day >= 0 && isCalendarDate(year, month, day);
}

function digits(bytes: Buffer, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = (bytes[i] as number) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * One string per distinct value, found by the value's bytes: a hash of the bytes picks the candidate, and a
 * byte-by-byte comparison confirms it, so a repeated value costs no decoding and no new string.
 */
class BytesInterner {
  private readonly byHash = new Map<number, string>();

  constructor(private readonly intern: (text: string) => string) {}

  get(bytes: Buffer, start: number, end: number): string {
    let hash = 0x811c9dc5;
    let ascii = true;
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number;
      if (b >= 0x80) ascii = false;
      hash = Math.imul(hash ^ b, 0x01000193);
    }
    if (!ascii) return this.intern(bytes.toString('utf8', start, end));
    const candidate = this.byHash.get(hash);
    if (candidate !== undefined && sameAscii(candidate, bytes, start, end)) return candidate;
    const text = this.intern(bytes.toString('latin1', start, end));
    if (candidate === undefined) this.byHash.set(hash, text);
    return text;
  }
}

function sameAscii(text: string, bytes: Buffer, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== bytes[start + i]) return false;
  return true;
}
