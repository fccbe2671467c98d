/**
 * Loads a `--data-dir` folder (`<SObject>.csv`, as the sample generator, Data Loader and Bulk API 2.0 write them)
 * into the store, through the byte scanner the readers use (`@salesops/csv`) and one record builder per file.
 */
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { CsvSyntaxError, scanCsvBytes, type CsvRow } from '@salesops/csv';
import { scanCsvFileSync } from '@salesops/csv/file';
import type { FieldSchema } from '../schema/objectSchema.js';
import { cellReader } from './csvCells.js';
import type { OrgStore, Table } from './orgStore.js';
import type { StoredRecord, Value } from './values.js';

/** A row of a file whose field count differs from its header's, or broken quoting: names file, line and column. */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
  ) {
    super(`${file}:${line}: ${message}`);
  }
}

/**
 * Loads every `<SObject>.csv` of a folder, users first (so that records loaded without an owner can be given the
 * admin user). Columns the schema lacks become text fields and objects it lacks become text-only objects, each with
 * a warning in `store.warnings`; rows keep the ids they have. A record without CreatedDate or SystemModstamp is
 * stamped `loadedAt` (every Salesforce record has a SystemModstamp). The objects in `deferred` are registered with
 * their header's columns now and their rows loaded on the table's first use (`OrgStore.defer`).
 */
export function loadDataDir(
  store: OrgStore,
  dir: string,
  defaultOwnerId: () => string | null,
  loadedAt: string,
  deferred: ReadonlySet<string> = new Set(),
): void {
  const first = ['Organization.csv', 'UserRole.csv', 'User.csv'];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort((a, b) => rank(a, first) - rank(b, first) || a.localeCompare(b));
  for (const file of files) {
    const path = join(dir, file);
    const header = deferred.has(file.slice(0, -4)) ? readHeader(path) : undefined;
    const table = header && store.tableForCsv(file.slice(0, -4), header, file);
    if (header && table) store.defer(table, () => loadFile(store, path, file, defaultOwnerId, loadedAt));
    else if (!header) loadFile(store, path, file, defaultOwnerId, loadedAt);
  }
}

function loadFile(
  store: OrgStore,
  path: string,
  file: string,
  defaultOwnerId: () => string | null,
  loadedAt: string,
): void {
  let load: ((row: CsvRow) => void) | undefined;
  let skipped = false;
  try {
    scanCsvFileSync(path, (row) => {
      if (load) return load(row);
      if (skipped) return;
      const header = row.texts();
      const table = store.tableForCsv(file.slice(0, -4), header, file);
      if (table) load = rowLoader(store, table, header, file, defaultOwnerId, loadedAt);
      else skipped = true;
    });
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new DataFileError(`${e.message} (column ${e.column})`, file, e.line);
    throw e;
  }
}

const HEADER_BYTES = 1 << 16;

/** The header of a CSV file whose first line ends in its first 64 KiB; undefined otherwise (the file loads now). */
function readHeader(path: string): string[] | undefined {
  const bytes = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(path, 'r');
  let length: number;
  try {
    length = readSync(fd, bytes, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const end = bytes.subarray(0, length).indexOf(10);
  if (end < 0 || bytes.subarray(0, end).includes(34)) return undefined; // no line end, or quoted names: load now
  let header: string[] | undefined;
  scanCsvBytes(bytes.subarray(0, end + 1), 1, (row) => (header ??= row.texts()));
  return header;
}

function rank(file: string, first: readonly string[]): number {
  const i = first.indexOf(file);
  return i < 0 ? first.length : i;
}

/**
 * Adds one record per row. Every record gets every field of the schema, in the schema's order, from one object
 * literal: the records of a table share one hidden class, and V8, seeing that what the literal makes survives,
 * allocates it straight in the old generation instead of copying it out of the young one.
 */
function rowLoader(
  store: OrgStore,
  table: Table,
  header: readonly string[],
  file: string,
  defaultOwnerId: () => string | null,
  loadedAt: string,
): (row: CsvRow) => void {
  const fields = table.entry.schema.fields;
  const column = (name: string) => header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
  const sources = fields.map((f) => column(f.name));
  const readers = fields.map((f) => cellReader(f));
  const at = (name: string) => fields.findIndex((f) => f.name === name);
  const [id, owner, created, modified, modstamp, deleted] = [
    'Id',
    'OwnerId',
    'CreatedDate',
    'LastModifiedDate',
    'SystemModstamp',
    'IsDeleted',
  ].map(at) as [number, number, number, number, number, number];
  // What a field the file lacks holds; LastModifiedDate and SystemModstamp are filled from CreatedDate below.
  const absent = fields.map((f, k) => (k === deleted ? false : f.type === 'boolean' ? defaultOf(f) : null));
  const build = recordBuilder(fields.map((f) => f.name));
  const values = new Array<Value>(fields.length);
  return (row) => {
    if (row.count !== header.length) {
      throw new DataFileError(`${row.count} fields where the header has ${header.length}`, file, row.line);
    }
    const bytes = row.bytes as Buffer;
    for (let k = 0; k < fields.length; k++) {
      const i = sources[k] as number;
      if (i < 0) values[k] = absent[k] as Value;
      else {
        const start = row.starts[i] as number;
        const end = row.ends[i] as number;
        values[k] =
          start === end ? null : (readers[k] as (typeof readers)[number])(bytes, start, end, row.escaped[i] === 1);
      }
    }
    if (owner >= 0 && values[owner] === null) values[owner] = defaultOwnerId();
    const createdDate = created >= 0 ? (values[created] as Value) : null;
    if (modified >= 0 && sources[modified] === -1) values[modified] = createdDate;
    if (modstamp >= 0 && values[modstamp] === null) values[modstamp] = createdDate ?? loadedAt;
    if (id >= 0 && values[id] === null) values[id] = store.newId(table.entry.schema.name);
    store.add(table, build(values), id >= 0 ? (values[id] as string) : undefined);
  };
}

function defaultOf(field: FieldSchema): Value {
  return field.defaultValue as boolean;
}

/** A record from the values of the fields in `names`' order, as one object literal (see `rowLoader`). */
function recordBuilder(names: readonly string[]): (values: readonly Value[]) => StoredRecord {
  const fields = names.map((name, k) => `${JSON.stringify(name)}: v[${k}]`).join(', ');
  return new Function('v', `return { ${fields} };`) as (values: readonly Value[]) => StoredRecord;
}
