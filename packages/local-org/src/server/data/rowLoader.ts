/**
 * The function that adds one CSV row of a table as a record: generated per table and header, so that each field's
 * cell is read by a call site that only ever calls that field's reader (the engine inlines it), into a local, and the
 * record is one object literal with every field of the table in the schema's order. The records of a table share one
 * hidden class, and V8, seeing that what the literal makes survives, allocates it straight in the old generation.
 * A loop over the fields calling the readers through an array, into an array of values copied into the literal, was
 * a third of the load's own code.
 */
import type { CsvRow } from '@salesops/csv';
import type { FieldSchema } from '../schema/objectSchema.js';
import type { Column } from './columns.js';
import { cellReader, type CellReader } from './csvCells.js';
import type { Value } from './values.js';

const IN_COLUMN = Symbol('stored in its column');

/** What the generated function needs from the store and the load. */
export interface RowSink {
  /** Adds the record (`id`: its Id). */
  add(record: Record<string, Value>, id: string | undefined): void;
  /** When given, each field's value goes to its column instead (one per field, in order), then `addRow` is called. */
  readonly columns?: readonly Column[];
  addRow?(): void;
  /** The owner of a record whose OwnerId is empty. */
  defaultOwnerId(): string | null;
  /** A new Id for a record without one. */
  newId(): string;
  /** SystemModstamp of a record with neither it nor CreatedDate. */
  readonly loadedAt: string;
}

/**
 * The loader of rows of `header` into records of `fields`. A field the header lacks holds null (a checkbox its
 * default, IsDeleted false); an empty OwnerId the default owner; a missing LastModifiedDate the CreatedDate; an
 * empty SystemModstamp the CreatedDate, else `loadedAt`; an empty Id a new one. Cells are matched to fields by name,
 * case-insensitively; the row's field count is the caller's to check.
 */
export function rowLoader(
  fields: readonly FieldSchema[],
  header: readonly string[],
  sink: RowSink,
): (row: CsvRow) => void {
  const sources = fields.map((f) => header.findIndex((h) => h.toLowerCase() === f.name.toLowerCase()));
  const at = (name: string) => fields.findIndex((f) => f.name === name);
  const [id, owner, created, modified, modstamp, deleted] = [
    'Id',
    'OwnerId',
    'CreatedDate',
    'LastModifiedDate',
    'SystemModstamp',
    'IsDeleted',
  ].map(at) as [number, number, number, number, number, number];
  const absent = fields.map((f, k) => (k === deleted ? false : f.type === 'boolean' ? f.defaultValue : null));
  const readers: CellReader[] = fields.map((f) => cellReader(f, sink.columns !== undefined));

  const lines: string[] = [];
  fields.forEach((_, k) => {
    const i = sources[k] as number;
    const read = `r${k}(b, s[${i}], e[${i}], x[${i}] === 1)`;
    // Into columns, a case-safe id is copied from the cell's bytes (no string made); `IN_COLUMN` marks it stored.
    const cell = sink.columns && k === id ? `(c${k}.pushCell(b, s[${i}], e[${i}]) ? IN_COLUMN : ${read})` : read;
    lines.push(i < 0 ? `let v${k} = a[${k}];` : `let v${k} = s[${i}] === e[${i}] ? null : ${cell};`);
  });
  if (owner >= 0) lines.push(`if (v${owner} === null) v${owner} = sink.defaultOwnerId();`);
  const createdDate = created >= 0 ? `v${created}` : 'null';
  if (modified >= 0 && sources[modified] === -1) lines.push(`v${modified} = ${createdDate};`);
  if (modstamp >= 0) lines.push(`if (v${modstamp} === null) v${modstamp} = ${createdDate} ?? sink.loadedAt;`);
  if (id >= 0) lines.push(`if (v${id} === null) v${id} = sink.newId();`);
  if (sink.columns) {
    const push = (k: number) => (k === id ? `if (v${k} !== IN_COLUMN) c${k}.push(v${k});` : `c${k}.push(v${k});`);
    lines.push(...fields.map((_, k) => push(k)), `sink.addRow();`);
  } else {
    const literal = fields.map((f, k) => `${JSON.stringify(f.name)}: v${k}`).join(', ');
    lines.push(`sink.add({ ${literal} }, ${id >= 0 ? `v${id}` : 'undefined'});`);
  }

  const body = [
    ...readers.map((_, k) => `const r${k} = r[${k}];`),
    ...(sink.columns ? fields.map((_, k) => `const c${k} = sink.columns[${k}];`) : []),
    'return (row) => {',
    'const b = row.bytes, s = row.starts, e = row.ends, x = row.escaped;',
    ...lines,
    '};',
  ].join('\n');
  const make = new Function('r', 'a', 'sink', 'IN_COLUMN', body) as (
    readers: readonly CellReader[],
    absent: readonly unknown[],
    sink: RowSink,
    inColumn: symbol,
  ) => (row: CsvRow) => void;
  return make(readers, absent, sink, IN_COLUMN);
}
