/**
 * A table's records, as every reader of the store sees them (`RecordList`: a plain array is one), and the form that
 * keeps a loaded file's rows as columns (`ColumnRecords`), for the objects loaded on first use: a million-deal
 * org's funnel is 17 million rows, and as records (an object, an id string and a datetime string each) they are
 * most of the org's heap, which the garbage collector marks again and again while they load. A row read is made
 * into a record then (each read a new one, short-lived); a row written to is kept as its record from then on.
 */
import type { FieldSchema } from '../schema/objectSchema.js';
import { columnFor, columnMillis, type Column } from './columns.js';
import type { StoredRecord, Value } from './values.js';

/** The records of a table in insertion order: what the store's readers use of an array. */
export interface RecordList extends Iterable<StoredRecord> {
  readonly length: number;
  at(position: number): StoredRecord | undefined;
  filter(test: (record: StoredRecord) => unknown): StoredRecord[];
  find(test: (record: StoredRecord) => unknown): StoredRecord | undefined;
  map<T>(f: (record: StoredRecord) => T): T[];
  lastIndexOf(record: StoredRecord): number;
  push(record: StoredRecord): number;
  pop(): StoredRecord | undefined;
  splice(start: number, deleteCount: number): StoredRecord[];
}

/**
 * Rows loaded as columns (positions below `loaded`), then the records added since. A loaded row read is made into a
 * record with every field of the table in the schema's order, as the loader's records are; `own` keeps one as the
 * row's record (the store does before changing it), and reads give that record from then on.
 */
export class ColumnRecords implements RecordList {
  /** One column per field of the table, in the schema's order: the loader fills them. */
  readonly columns: Column[];
  private loaded = 0;
  private readonly added: StoredRecord[] = [];
  private readonly owned = new Map<number, StoredRecord>();
  private readonly make: (row: number) => StoredRecord;
  private readonly byName: Map<string, Column>;

  /** `rows`: about how many rows will load (room made up front; more grow the columns). */
  constructor(fields: readonly FieldSchema[], rows: number) {
    this.columns = fields.map((f) => columnFor(f, rows));
    this.byName = new Map(fields.map((f, k) => [f.name, this.columns[k] as Column]));
    const literal = fields.map((f, k) => `${JSON.stringify(f.name)}: c${k}.get(row)`).join(', ');
    const body = [...fields.map((_, k) => `const c${k} = c[${k}];`), `return (row) => ({ ${literal} });`].join('\n');
    this.make = (new Function('c', body) as (c: readonly Column[]) => (row: number) => StoredRecord)(this.columns);
  }

  /** The loader filled the columns of one more row: its position. */
  rowLoaded(): number {
    if (this.added.length > 0) throw new Error('rows load before any record is added');
    return this.loaded++;
  }

  get length(): number {
    return this.loaded + this.added.length;
  }

  at(position: number): StoredRecord | undefined {
    if (position >= this.loaded) return this.added[position - this.loaded];
    if (position < 0) return undefined;
    return (this.owned.size > 0 && this.owned.get(position)) || this.make(position);
  }

  /** The record kept for a loaded row from now on: the one kept already, else `record` (a read of the row). */
  own(position: number, record: StoredRecord): StoredRecord {
    if (position >= this.loaded) return this.at(position) ?? record;
    const kept = this.owned.get(position);
    if (kept) return kept;
    this.owned.set(position, record);
    return record;
  }

  /** A field's value at a position, without making the record. */
  value(position: number, fieldName: string): Value {
    const column = this.byName.get(fieldName);
    if (position >= this.loaded || !column || this.owned.has(position)) return this.at(position)?.[fieldName] ?? null;
    return column.get(position);
  }

  /** A datetime field's instant at a position without making its text; undefined when not a stored datetime. */
  millis(position: number, fieldName: string): number | undefined {
    const column = this.byName.get(fieldName);
    if (position >= this.loaded || !column || this.owned.has(position)) return undefined;
    return columnMillis(column, position);
  }

  *[Symbol.iterator](): Iterator<StoredRecord> {
    for (let p = 0; p < this.length; p++) yield this.at(p) as StoredRecord;
  }

  filter(test: (record: StoredRecord) => unknown): StoredRecord[] {
    const out: StoredRecord[] = [];
    for (const record of this) if (test(record)) out.push(record);
    return out;
  }

  find(test: (record: StoredRecord) => unknown): StoredRecord | undefined {
    for (const record of this) if (test(record)) return record;
    return undefined;
  }

  map<T>(f: (record: StoredRecord) => T): T[] {
    const out: T[] = [];
    for (const record of this) out.push(f(record));
    return out;
  }

  lastIndexOf(record: StoredRecord): number {
    const i = this.added.lastIndexOf(record);
    if (i >= 0) return this.loaded + i;
    for (const [position, kept] of this.owned) if (kept === record) return position;
    return -1;
  }

  push(record: StoredRecord): number {
    this.added.push(record);
    return this.length;
  }

  pop(): StoredRecord | undefined {
    return this.added.pop();
  }

  /** Removes added records (a loaded row is never removed: deleting one keeps it as a tombstone). */
  splice(start: number, deleteCount: number): StoredRecord[] {
    if (start < this.loaded) throw new Error('a loaded row cannot be removed');
    return this.added.splice(start - this.loaded, deleteCount);
  }
}
