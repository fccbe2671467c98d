/**
 * A table's loaded rows as columns, one per field (see `ColumnRecords`): ids as 18 bytes each, datetimes as
 * milliseconds, numbers as doubles, checkboxes as bytes, other values (texts, dates, lookups: repeated values shared
 * through the loader's column tables) in a plain array. A value a column's form cannot hold exactly (a file's odd
 * text in a number or datetime column) is kept as it is, beside the column. A column gives back the value it was
 * given, equal as a `Value` (strings equal by content).
 */
import type { FieldSchema } from '../schema/objectSchema.js';
import { isNumberType } from '../schema/objectSchema.js';
import { isCaseSafeId } from './csvCells.js';
import type { Value } from './values.js';

export interface Column {
  /** Stores the value of the next row. */
  push(value: Value): void;
  get(row: number): Value;
}

/** The column for `field`'s values, with room for about `rows` rows (more grow it). */
export function columnFor(field: FieldSchema, rows: number): Column {
  if (field.name === 'Id') return new IdColumn(rows);
  if (field.type === 'datetime') return new DateTimeColumn(rows);
  if (field.type === 'boolean') return new BooleanColumn(rows);
  if (isNumberType(field.type)) return new NumberColumn(rows);
  return new ValueColumn(rows);
}

/** Values a column's own form does not hold, by row. */
class Odd {
  private values: Map<number, Value> | undefined;
  set(row: number, value: Value): void {
    (this.values ??= new Map()).set(row, value);
  }
  has(row: number): boolean {
    return this.values !== undefined && this.values.has(row);
  }
  get(row: number): Value {
    return this.values?.get(row) ?? null;
  }
}

/** Twice the room, or more when `needed` is more (typed arrays cannot grow in place). */
function grown<T extends Float64Array | Uint8Array | Int32Array>(array: T, needed: number, make: (n: number) => T): T {
  const next = make(Math.max(needed, array.length * 2, 1024));
  next.set(array);
  return next;
}

const ID_LENGTH = 18;

/** 18-character ids as their bytes (an id is ASCII letters and digits); 0 in a row's first byte: null. */
export class IdColumn implements Column {
  private bytes: Buffer;
  private rows = 0;
  private readonly odd = new Odd();

  constructor(rows: number) {
    this.bytes = Buffer.alloc(Math.max(rows, 16) * ID_LENGTH);
  }

  push(value: Value): void {
    const row = this.nextRow();
    if (typeof value === 'string' && isAsciiId(value)) {
      const at = row * ID_LENGTH;
      for (let i = 0; i < ID_LENGTH; i++) this.bytes[at + i] = value.charCodeAt(i);
    } else if (value !== null) this.odd.set(row, value);
  }

  /** Stores the next row's id straight from a cell's bytes when it is a case-safe id (true); else stores nothing. */
  pushCell(bytes: Buffer, start: number, end: number): boolean {
    if (!isCaseSafeId(bytes, start, end)) return false;
    bytes.copy(this.bytes, this.nextRow() * ID_LENGTH, start, end);
    return true;
  }

  /** The next row, with room for its bytes. */
  private nextRow(): number {
    const row = this.rows++;
    if ((row + 1) * ID_LENGTH > this.bytes.length) {
      this.bytes = grown(this.bytes, (row + 1) * ID_LENGTH, (n) => Buffer.alloc(n));
    }
    return row;
  }

  get(row: number): Value {
    const at = row * ID_LENGTH;
    if (this.bytes[at] !== 0) return this.bytes.toString('latin1', at, at + ID_LENGTH);
    return this.odd.get(row);
  }
}

/** 18 characters of ASCII letters and digits (no 0 byte, one byte each). */
function isAsciiId(text: string): boolean {
  if (text.length !== ID_LENGTH) return false;
  for (let i = 0; i < ID_LENGTH; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

/**
 * UTC datetimes in the stored form (`2026-03-08T17:04:05.000Z`, years 1000–9999) as milliseconds; NaN: null or
 * another value. The text is made again on read (`toISOString` gives that form back for those years), and the last
 * one made is reused: a record's CreatedDate and SystemModstamp are often the same instant.
 */
class DateTimeColumn implements Column {
  private readonly doubles: Doubles;

  constructor(rows: number) {
    this.doubles = new Doubles(rows);
  }

  push(value: Value): void {
    // A number is the instant the loader read from the cell's bytes (`cellReader`'s `instants`).
    const ms = typeof value === 'number' ? value : typeof value === 'string' ? storedDateTimeMs(value) : NaN;
    this.doubles.push(ms, value, Number.isNaN(ms) && value !== null);
  }

  get(row: number): Value {
    const ms = this.doubles.at(row);
    return Number.isNaN(ms) ? this.doubles.odd.get(row) : isoText(ms);
  }

  /** The row's instant in milliseconds; undefined for null or another value. */
  millis(row: number): number | undefined {
    const ms = this.doubles.at(row);
    return Number.isNaN(ms) ? undefined : ms;
  }
}

let lastMs = NaN;
let lastText = '';
function isoText(ms: number): string {
  if (ms !== lastMs) {
    lastText = isoDateTime(ms);
    lastMs = ms;
  }
  return lastText;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
const DAY_MS = 86_400_000;

/**
 * `new Date(ms).toISOString()` for the years 1000–9999, a third of its time: the civil date from the day number
 * (H. Hinnant's `civil_from_days`), each part from a table of digits.
 */
function isoDateTime(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153); // months from March
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const two = TWO_DIGITS as readonly string[];
  return `${year}-${two[month]}-${two[day]}T${two[hour]}:${two[minute]}:${two[second]}.${THREE_DIGITS[rest - second * 1000]}Z`;
}

let parsedText = '';
let parsedMs = NaN;

/**
 * The milliseconds of a datetime in the stored form (`2026-03-08T17:04:05.000Z`) of the years 1000–9999, whose
 * `toISOString` is the same text; NaN otherwise. The loader hands most instants over as numbers: this reads the
 * others (a file's other forms, the load's own time, repeated for every row of a file without dates).
 */
export function storedDateTimeMs(text: string): number {
  if (text === parsedText) return parsedMs;
  const first = text.charCodeAt(0);
  const ms = text.length === 24 && first >= 49 && first <= 57 ? Date.parse(text) : NaN;
  parsedText = text;
  parsedMs = !Number.isNaN(ms) && new Date(ms).toISOString() === text ? ms : NaN;
  return parsedMs;
}

/** Numbers as doubles; NaN: null or a text a loaded file held in the column. */
class NumberColumn implements Column {
  private readonly doubles: Doubles;

  constructor(rows: number) {
    this.doubles = new Doubles(rows);
  }

  push(value: Value): void {
    const isNumber = typeof value === 'number';
    this.doubles.push(isNumber ? value : NaN, value, !isNumber && value !== null);
  }

  get(row: number): Value {
    const n = this.doubles.at(row);
    return Number.isNaN(n) ? this.doubles.odd.get(row) : n;
  }
}

/** A column of doubles (NaN: null or a value kept in `odd`), growing as rows are pushed. */
class Doubles {
  private numbers: Float64Array;
  private rows = 0;
  readonly odd = new Odd();

  constructor(rows: number) {
    this.numbers = new Float64Array(Math.max(rows, 16));
  }

  /** Stores the next row's number, and `value` beside it when `isOdd` (the number is then NaN). */
  push(n: number, value: Value, isOdd: boolean): void {
    const row = this.rows++;
    if (row >= this.numbers.length) this.numbers = grown(this.numbers, row + 1, (size) => new Float64Array(size));
    this.numbers[row] = n;
    if (isOdd) this.odd.set(row, value);
  }

  at(row: number): number {
    return this.numbers[row] as number;
  }
}

const FALSE = 0;
const TRUE = 1;
const NULL = 2;

/** Checkboxes as one byte each (false, true, null; another value beside). */
class BooleanColumn implements Column {
  private flags: Uint8Array;
  private rows = 0;
  private readonly odd = new Odd();

  constructor(rows: number) {
    this.flags = new Uint8Array(Math.max(rows, 16));
  }

  push(value: Value): void {
    const row = this.rows++;
    if (row >= this.flags.length) this.flags = grown(this.flags, row + 1, (n) => new Uint8Array(n));
    this.flags[row] = value === true ? TRUE : value === false ? FALSE : NULL;
    if (typeof value !== 'boolean' && value !== null) this.odd.set(row, value);
  }

  get(row: number): Value {
    const flag = this.flags[row];
    return flag === TRUE ? true : flag === FALSE ? false : this.odd.get(row);
  }
}

const SHARED_VALUES = 1 << 16;

/**
 * Any value, as a code per row (4 bytes, outside the heap) into the column's values: the previous row's value and
 * the column's first 65,536 values are found again (the loader's column tables give repeated texts as one string),
 * others added. Appending to a JS array of millions of values was most of a column table's load.
 */
class ValueColumn implements Column {
  private codes: Int32Array;
  private rows = 0;
  private values: Value[];
  private count = 0;
  private readonly known = new Map<Value, number>();
  private last: Value = null;
  private lastCode = -1;

  constructor(rows: number) {
    this.codes = new Int32Array(Math.max(rows, 16));
    this.values = new Array<Value>(1024);
  }

  push(value: Value): void {
    const row = this.rows++;
    if (row >= this.codes.length) this.codes = grown(this.codes, row + 1, (n) => new Int32Array(n));
    if (value !== this.last || this.lastCode < 0) {
      this.last = value;
      this.lastCode = this.known.get(value) ?? this.add(value);
    }
    this.codes[row] = this.lastCode;
  }

  get(row: number): Value {
    return this.values[this.codes[row] as number] as Value;
  }

  private add(value: Value): number {
    const code = this.count++;
    if (code >= this.values.length) {
      const values = new Array<Value>(this.values.length * 2);
      for (let i = 0; i < code; i++) values[i] = this.values[i] as Value;
      this.values = values;
    }
    this.values[code] = value;
    if (this.known.size < SHARED_VALUES) this.known.set(value, code);
    return code;
  }
}

/** The instant of a datetime column's row without making its text; undefined when the column holds no instant. */
export function columnMillis(column: Column, row: number): number | undefined {
  return column instanceof DateTimeColumn ? column.millis(row) : undefined;
}
