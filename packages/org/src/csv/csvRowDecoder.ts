import type * as z from 'zod/mini';
import {
  coerceWireValue,
  createRecordParser,
  fieldMeta,
  readSchemas,
  utcMillisOf,
  type FieldKind,
} from '@salesops/core';
import { readCsvNumber, type CsvRow } from '@salesops/csv';
import { canonicalDateTimeMillis, isAlphanumeric, plainDateKey } from './plainFieldBytes.js';
import { asciiHash, NOT_ASCII, sameAscii, SharedTexts, type ByteText } from './sharedTexts.js';

export interface CsvRowDecoderOptions {
  /**
   * Keeps one copy of each text of the shared fields (default: the decoder's own). The decoders of one read share
   * one, so that a reference and the Id it names are one string.
   */
  readonly shared?: SharedTexts;
  /** Keep one copy of each `Id` too: for objects that other objects reference. */
  readonly internIds?: boolean;
  /** Datetimes as milliseconds since the epoch, not text (for values kept as numbers, such as history columns). */
  readonly datetimeAsMillis?: boolean;
}

/**
 * Turns CSV rows of one object into model records straight from the bytes, with the results of the core record
 * parser: numbers and booleans are read from the bytes, ids, picklists and dates are looked up by their bytes among
 * the values already seen (one copy of each, as the parser keeps them), and only other text is decoded. Any field
 * outside these plain forms (spaces, exponents, `TRUE`, doubled quotes, a bad value) sends the whole row through the
 * core parser, which gives the same value or the same error naming file, line, record and field. A field past the
 * end of a short row reads as empty. No Node imports: the Bulk API 2.0 reader (in the browser build too) uses it.
 *
 * @example
 * const decode = createCsvRowDecoder('Opportunity', Opportunity, header, 'Opportunity.csv');
 * await scanCsvFile('Opportunity.csv', (row) => rows.push(decode(row)));
 */
export function createCsvRowDecoder<S extends z.ZodMiniObject>(
  sobject: string,
  schema: S,
  header: readonly string[],
  file: string,
  options: CsvRowDecoderOptions = {},
): (row: CsvRow) => z.output<S> {
  const decode = createCsvValuesDecoder(sobject, schema, header, file, options);
  const build = recordBuilder(Object.keys(schema.shape));
  return (row) => build(decode(row)) as z.output<S>;
}

/**
 * As `createCsvRowDecoder`, the values of a row's fields in the schema's order, in one array the decoder reuses for
 * every row (read them before the next row), for callers that keep values rather than records.
 *
 * @example
 * const decode = createCsvValuesDecoder('OpportunityHistory', OpportunityHistory, header, file, { datetimeAsMillis: true });
 * const [opportunityId, createdAt] = decode(row);
 */
export function createCsvValuesDecoder<S extends z.ZodMiniObject>(
  sobject: string,
  schema: S,
  header: readonly string[],
  file: string,
  options: CsvRowDecoderOptions = {},
): (row: CsvRow) => readonly unknown[] {
  const parseRecord = createRecordParser(sobject, schema);
  const millis = options.datetimeAsMillis === true;
  const texts = options.shared ?? new SharedTexts();
  const columns = Object.entries(schema.shape).map(([name, s]) => {
    const meta = fieldMeta(s as z.core.$ZodType, `${sobject}.${name}`);
    const shared = meta.shared === true || (options.internIds === true && name === 'Id');
    const values = shared ? new ColumnValues(texts) : null;
    const kind = millis && meta.kind === 'datetime' ? DATETIME_MILLIS : KIND_CODES[meta.kind];
    return { name, kind, nullable: meta.nullable, shared, index: header.indexOf(name), values };
  });
  const values = new Array<unknown>(columns.length).fill(null); // the row being decoded, reused
  const slow = (row: CsvRow): readonly unknown[] => {
    const raw: Record<string, string | undefined> = {};
    for (const { name, index } of columns) raw[name] = index < 0 ? undefined : index < row.count ? row.text(index) : '';
    const out = parseRecord(raw, { file, line: row.line }) as Record<string, unknown>;
    columns.forEach(({ name, shared, kind }, k) => {
      const value = out[name];
      if (kind === DATETIME_MILLIS) values[k] = typeof value === 'string' ? utcMillisOf(value) : value;
      else values[k] = shared && typeof value === 'string' ? texts.of(value) : value;
    });
    return values;
  };
  const text = texts.text;
  return (row) => {
    const bytes = row.bytes;
    for (let k = 0; k < columns.length; k++) {
      const column = columns[k] as (typeof columns)[number];
      const i = column.index;
      let value: unknown = null;
      if (i >= 0 && i < row.count) {
        if (row.escaped[i] === 1) return slow(row);
        const start = row.starts[i] as number;
        const end = row.ends[i] as number;
        if (start !== end) {
          value = readField(column.kind, column.values, text, bytes, start, end);
          if (value === undefined) return slow(row);
        }
      }
      if (value === null && !column.nullable) return slow(row);
      values[k] = value;
    }
    return values;
  };
}

/**
 * A field kind as the decoder reads it, a small integer (a switch over them is a jump table, over strings a chain of
 * comparisons run for every field): datetimes as text, or as milliseconds.
 */
const ID = 0;
const TEXT = 1;
const NUMBER = 2;
const INTEGER = 3;
const BOOLEAN = 4;
const DATE = 5;
const DATETIME = 6;
const DATETIME_MILLIS = 7;
const KIND_CODES: Record<FieldKind, number> = {
  id: ID,
  text: TEXT,
  number: NUMBER,
  integer: INTEGER,
  boolean: BOOLEAN,
  date: DATE,
  datetime: DATETIME,
};

/**
 * The objects the fields of `sobjects` (default: every object read) refer to: their Ids are worth keeping once, with
 * the references to them. Only the objects one read decodes together: for others the one copy would save nothing
 * and cost a lookup table of every Id (a million deals' Ids: about 2 s and 95 MB at 1M).
 */
export function referencedObjects(sobjects: Iterable<string> = Object.keys(readSchemas)): Set<string> {
  const objects = new Set<string>();
  for (const sobject of sobjects) {
    const schema = readSchemas[sobject as keyof typeof readSchemas];
    for (const [name, s] of Object.entries(schema.shape)) {
      const salesforce = fieldMeta(s, `${sobject}.${name}`).salesforce;
      if (salesforce?.type === 'Lookup') objects.add(salesforce.referenceTo);
    }
  }
  return objects;
}

/**
 * Makes a record from the values of its fields in schema order, as one object literal: every record of the object
 * gets the same hidden class, and V8, seeing that the records a literal makes survive, allocates them straight in the
 * old generation instead of copying each one out of the young (a million-deal org is 9 million records).
 */
function recordBuilder(names: readonly string[]): (values: readonly unknown[]) => Record<string, unknown> {
  for (const name of names) if (!/^[A-Za-z]\w*$/.test(name)) throw new Error(`Not an API name: ${name}`);
  const fields = names.map((name, k) => `${name}: v[${k}]`).join(', ');
  return new Function('v', `return { ${fields} };`) as (values: readonly unknown[]) => Record<string, unknown>;
}

/**
 * Reads a non-empty field of a kind from its bytes; undefined when the bytes are not in the kind's plain form.
 * `shared` keeps one copy of each value (references, picklists, dates). One function, not one closure per column:
 * the decoder's loop calls the same function for every field, and V8 inlines it there.
 */
function readField(
  kind: number,
  shared: ColumnValues | null,
  text: ByteText,
  bytes: Uint8Array,
  start: number,
  end: number,
): unknown {
  switch (kind) {
    case ID: {
      // The previous row's value was checked when it was read.
      const repeated = shared?.repeated(bytes, start, end);
      if (repeated !== undefined) return repeated;
      const length = end - start;
      if (length !== 15 && length !== 18) return undefined;
      for (let i = start; i < end; i++) if (!isAlphanumeric(bytes[i] as number)) return undefined;
      return shared ? shared.get(bytes, start, end) : text.ascii(bytes, start, end);
    }
    case TEXT:
      return shared
        ? (shared.repeated(bytes, start, end) ?? shared.get(bytes, start, end))
        : text.utf8(bytes, start, end);
    case NUMBER:
      return readCsvNumber(bytes, start, end);
    case INTEGER: {
      const n = readCsvNumber(bytes, start, end);
      return n !== undefined && Number.isInteger(n) ? n : undefined;
    }
    case BOOLEAN:
      return readBoolean(bytes, start, end);
    case DATE: {
      const key = plainDateKey(bytes, start, end);
      if (key < 0) return undefined;
      return shared ? shared.date(key, bytes, start, end) : text.ascii(bytes, start, end);
    }
    case DATETIME: {
      if (isCanonicalDateTime(bytes, start, end)) return text.ascii(bytes, start, end);
      // Other forms, ASCII only, are turned into the canonical one by the core coercion.
      if (!isAscii(bytes, start, end)) return undefined;
      const value = coerceWireValue.datetime(text.ascii(bytes, start, end));
      return typeof value === 'string' ? value : undefined;
    }
    case DATETIME_MILLIS: {
      // Other forms go through the core parser, as for text.
      const millis = canonicalDateTimeMillis(bytes, start, end);
      return Number.isNaN(millis) ? undefined : millis;
    }
  }
}

function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((bytes[i] as number) >= 0x80) return false;
  return true;
}

function readBoolean(bytes: Uint8Array, start: number, end: number): boolean | undefined {
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

/** `YYYY-MM-DDTHH:MM:SS.sssZ` with a real date and time, the canonical form, which the core keeps as it is. */
function isCanonicalDateTime(bytes: Uint8Array, start: number, end: number): boolean {
  return !Number.isNaN(canonicalDateTimeMillis(bytes, start, end));
}

const COLUMN_VALUES = 4096; // a table small enough to stay in the processor's cache

/**
 * The values of one shared column: the previous row's value is tried first (a deal's history rows follow each
 * other), then the column's own first few thousand values by hash (owners and picklist values are found quicker
 * among themselves than among a million deal Ids), then the read's shared texts; dates are kept by their day.
 */
class ColumnValues {
  private last = '';
  private readonly byHash = new Map<number, string>();
  private readonly dates = new Map<number, string>();

  constructor(private readonly texts: SharedTexts) {}

  /** The previous row's value when the bytes are it. */
  repeated(bytes: Uint8Array, start: number, end: number): string | undefined {
    return sameAscii(this.last, bytes, start, end) ? this.last : undefined;
  }

  /** The value of the bytes (after `repeated`). */
  get(bytes: Uint8Array, start: number, end: number): string {
    const hash = asciiHash(bytes, start, end);
    if (hash === NOT_ASCII) return this.texts.fromBytes(bytes, start, end);
    let text = this.byHash.get(hash);
    if (text === undefined || !sameAscii(text, bytes, start, end)) {
      text = this.texts.fromAscii(hash, bytes, start, end);
      if (this.byHash.size < COLUMN_VALUES && !this.byHash.has(hash)) this.byHash.set(hash, text);
    }
    return (this.last = text);
  }

  /** The date whose `YYYY-MM-DD` bytes `key` (YYYYMMDD) stands for. */
  date(key: number, bytes: Uint8Array, start: number, end: number): string {
    let text = this.dates.get(key);
    if (text === undefined) this.dates.set(key, (text = this.texts.fromBytes(bytes, start, end)));
    return text;
  }
}
