/**
 * Loads a `--data-dir` folder (`<SObject>.csv`, as the sample generator, Data Loader and Bulk API 2.0 write them)
 * into the store, through the byte scanner the readers use (`@salesops/csv`) and one record builder per file.
 */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CsvSyntaxError, scanCsvBytes, type CsvRow } from '@salesops/csv';
import { scanCsvFileSync } from '@salesops/csv/file';
import type { OrgStore, Table } from './orgStore.js';
import { rowLoader } from './rowLoader.js';

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
 * their header's columns now and their rows loaded on the table's first use (`OrgStore.defer`), as columns
 * (`ColumnRecords`).
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
    if (header && table) store.defer(table, () => loadFile(store, path, file, defaultOwnerId, loadedAt, true));
    else if (!header) loadFile(store, path, file, defaultOwnerId, loadedAt, false);
  }
}

function loadFile(
  store: OrgStore,
  path: string,
  file: string,
  defaultOwnerId: () => string | null,
  loadedAt: string,
  asColumns: boolean,
): void {
  const rows = asColumns ? Math.ceil(statSync(path).size / SHORT_ROW_BYTES) : 0;
  let load: ((row: CsvRow) => void) | undefined;
  let skipped = false;
  try {
    scanCsvFileSync(path, (row) => {
      if (load) return load(row);
      if (skipped) return;
      const header = row.texts();
      const table = store.tableForCsv(file.slice(0, -4), header, file);
      if (table) load = tableLoader(store, table, header, file, { defaultOwnerId, loadedAt, rows, asColumns });
      else skipped = true;
    });
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new DataFileError(`${e.message} (column ${e.column})`, file, e.line);
    throw e;
  }
}

const HEADER_BYTES = 1 << 16;
/** A short row of the funnel's files: room for the file's size over it is made up front (more rows grow it). */
const SHORT_ROW_BYTES = 50;

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

interface LoadOptions {
  readonly defaultOwnerId: () => string | null;
  readonly loadedAt: string;
  /** The rows as columns, with room for about `rows` of them. */
  readonly asColumns: boolean;
  readonly rows: number;
}

/** Adds one record per row (see `rowLoader`), or one row to the columns, after checking the row's field count. */
function tableLoader(
  store: OrgStore,
  table: Table,
  header: readonly string[],
  file: string,
  options: LoadOptions,
): (row: CsvRow) => void {
  const name = table.entry.schema.name;
  const columns = options.asColumns ? store.useColumns(table, options.rows) : undefined;
  const load = rowLoader(table.entry.schema.fields, header, {
    add: (record, id) => store.add(table, record, id),
    columns: columns?.columns,
    addRow: () => table.byId.addLater(columns?.rowLoaded() as number),
    defaultOwnerId: options.defaultOwnerId,
    newId: () => store.newId(name),
    loadedAt: options.loadedAt,
  });
  return (row) => {
    if (row.count !== header.length) {
      throw new DataFileError(`${row.count} fields where the header has ${header.length}`, file, row.line);
    }
    load(row);
  };
}
