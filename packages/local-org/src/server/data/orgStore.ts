/**
 * The local org's records, held in memory per object in insertion order, with an id index and lazily built
 * unique indexes for external IDs. Loads a `--data-dir` folder (`<SObject>.csv`, as the sample generator, Data
 * Loader and Bulk API 2.0 write them) and saves back to the same layout.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CsvFileWriter } from '../../sample-data/csvFileWriter.js';
import { salesforceId } from '../../sample-data/salesforceId.js';
import { field, type FieldSchema } from '../schema/objectSchema.js';
import type { ObjectEntry, SchemaRegistry } from '../schema/schemaRegistry.js';
import { ColumnRecords, type RecordList } from './columnRecords.js';
import { IdIndex } from './idIndex.js';
import { loadDataDir } from './loadDataDir.js';
import { normalizeId, valueToCsv, type StoredRecord, type Value } from './values.js';

export interface Table {
  readonly entry: ObjectEntry;
  /** Every record, deleted ones included (IsDeleted = true), in insertion order (an object's loaded on first use: as columns). */
  records: RecordList;
  /** Record by its 15-character id (case-sensitive, as Salesforce compares ids). */
  byId: IdIndex;
  /** Unique index per external-ID / unique field (lower-case field name) → normalized value → record. */
  readonly uniqueIndexes: Map<string, Map<string, StoredRecord>>;
  /** Records changed in place or removed so far: a position index built at another count is out of date. */
  edits: number;
}

export class OrgStore {
  private readonly tables = new Map<string, Table>();
  /** Loaders of the tables loaded on first use, by object name. */
  private readonly deferred = new Map<string, () => void>();
  private readonly sequences = new Map<string, number>();
  private autoNumbers = new Map<string, number>();
  /** Milliseconds spent so far loading deferred tables on their first use (not counted against a query's budget). */
  loadWaitMs = 0;
  /** Problems met while loading (unknown columns, unknown objects), for the caller to print. */
  readonly warnings: string[] = [];

  constructor(readonly schema: SchemaRegistry) {}

  /**
   * The table of an object the schema knows (created empty on first use; a deferred one loaded now); undefined for
   * an unknown object.
   */
  table(objectName: string): Table | undefined {
    const entry = this.schema.get(objectName);
    if (!entry) return undefined;
    const load = this.deferred.get(entry.schema.name);
    if (load) {
      this.deferred.delete(entry.schema.name);
      const started = performance.now();
      load();
      this.loadWaitMs += performance.now() - started;
    }
    return this.tableOf(entry);
  }

  /**
   * Loads the rows of `table` on its first use (`load` adds them): a data folder's objects that few requests read
   * (the funnel's leads, activities and campaign members are two thirds of a million-deal org's rows).
   */
  defer(table: Table, load: () => void): void {
    this.deferred.set(table.entry.schema.name, load);
  }

  /** Objects whose rows are not loaded yet. */
  deferredObjects(): string[] {
    return [...this.deferred.keys()];
  }

  private tableOf(entry: ObjectEntry): Table {
    let table = this.tables.get(entry.schema.name);
    if (!table) {
      const records: StoredRecord[] = [];
      table = { entry, records, byId: new IdIndex(records), uniqueIndexes: new Map(), edits: 0 };
      this.tables.set(entry.schema.name, table);
    }
    return table;
  }

  /** Objects that hold at least one record, or may once loaded. */
  objectNames(): string[] {
    return [...this.tables.values()]
      .filter((t) => t.records.length > 0 || this.deferred.has(t.entry.schema.name))
      .map((t) => t.entry.schema.name);
  }

  /** A live (not deleted) or deleted record by 15- or 18-character id, with its table. */
  findById(id: string): { table: Table; record: StoredRecord } | undefined {
    const normalized = normalizeId(id);
    if (!normalized) return undefined;
    const entry = this.schema.byKeyPrefix(normalized.slice(0, 3));
    if (!entry) return undefined;
    const table = this.table(entry.schema.name);
    const record = table?.byId.get(normalized);
    return table && record ? { table, record } : undefined;
  }

  /** A live record of an object by id. */
  get(objectName: string, id: string): StoredRecord | undefined {
    const table = this.table(objectName);
    const normalized = normalizeId(id);
    if (!table || !normalized) return undefined;
    const record = table.byId.get(normalized);
    return record && record['IsDeleted'] !== true ? record : undefined;
  }

  /** A new 18-character id with the object's key prefix, unused in this org. */
  newId(objectName: string): string {
    const table = this.table(objectName) as Table;
    const prefix = table.entry.schema.keyPrefix;
    for (;;) {
      const n = (this.sequences.get(prefix) ?? 0) + 1;
      this.sequences.set(prefix, n);
      // Instance `5f`: ids the server issues never collide with the generator's (`5e`).
      const id = salesforceId(prefix, '5f', n);
      if (!table.byId.has(id)) return id;
    }
  }

  /** The next value of an auto-number Name field (`SC-{0000}` → `SC-0001`). */
  nextAutoNumber(objectName: string, format: string): string {
    const n = (this.autoNumbers.get(objectName) ?? 0) + 1;
    this.autoNumbers.set(objectName, n);
    return format.replace(/\{(0+)\}/, (_, zeros: string) => String(n).padStart(zeros.length, '0'));
  }

  /**
   * Adds a record as is (no validation): loading, and the write paths after they validated. `id`: the record's Id,
   * when the caller has it at hand (the loader).
   */
  add(table: Table, record: StoredRecord, id?: string): void {
    table.byId.add(table.records.push(record) - 1, id);
    if (table.uniqueIndexes.size === 0) return; // as while loading: the indexes are built on first use
    for (const [fieldName, index] of table.uniqueIndexes) {
      const key = this.uniqueKey(table, fieldName, record);
      if (key !== null) index.set(key, record);
    }
  }

  /**
   * Keeps the table's records as columns (`ColumnRecords`, about `rows` of them) for a load: the table holds no
   * record yet. Returns the columns' records.
   */
  useColumns(table: Table, rows: number): ColumnRecords {
    if (table.records.length > 0) throw new Error(`${table.entry.schema.name} holds records already`);
    const records = new ColumnRecords(table.entry.schema.fields, rows);
    table.records = records;
    table.byId = new IdIndex(records);
    return records;
  }

  /**
   * The record the table keeps for `record` (a read of a row kept as columns is a new object each time: the first one
   * changed becomes the row's record); `record` itself for other tables.
   */
  private kept(table: Table, record: StoredRecord): StoredRecord {
    if (!(table.records instanceof ColumnRecords)) return record;
    const position = table.byId.position(String(record['Id']));
    return position < 0 ? record : table.records.own(position, record);
  }

  /** Removes a record added in the same request (rollback of an all-or-none request). */
  remove(table: Table, record: StoredRecord): void {
    const i = table.records.lastIndexOf(record);
    table.byId.delete(String(record['Id']));
    if (i === table.records.length - 1) table.records.pop();
    else if (i >= 0) {
      table.records.splice(i, 1);
      table.byId.reindex(); // the records after it moved
    }
    table.edits++;
    for (const [fieldName, index] of table.uniqueIndexes) {
      const key = this.uniqueKey(table, fieldName, record);
      if (key !== null && index.get(key) === record) index.delete(key);
    }
  }

  /** Sets values on a record (and on the record the table keeps for it), keeping the unique indexes right. */
  assign(table: Table, given: StoredRecord, values: StoredRecord): void {
    const record = this.kept(table, given);
    for (const [fieldName, index] of table.uniqueIndexes) {
      const key = this.uniqueKey(table, fieldName, record);
      if (key !== null && index.get(key) === record) index.delete(key);
    }
    Object.assign(record, values);
    if (given !== record) Object.assign(given, values);
    table.edits++;
    for (const [fieldName, index] of table.uniqueIndexes) {
      const key = this.uniqueKey(table, fieldName, record);
      if (key !== null) index.set(key, record);
    }
  }

  /** The live record whose unique field equals `value` (case-insensitively unless the field is case-sensitive). */
  findByUnique(table: Table, fieldSchema: FieldSchema, value: Value): StoredRecord | undefined {
    const lower = fieldSchema.name.toLowerCase();
    let index = table.uniqueIndexes.get(lower);
    if (!index) {
      index = new Map();
      table.uniqueIndexes.set(lower, index);
      for (const record of table.records) {
        const key = this.uniqueKey(table, lower, record);
        if (key !== null) index.set(key, this.kept(table, record));
      }
    }
    if (value === null) return undefined;
    const key = fieldSchema.caseSensitive ? String(value) : String(value).toLowerCase();
    return index.get(key);
  }

  private uniqueKey(table: Table, lowerFieldName: string, record: StoredRecord): string | null {
    if (record['IsDeleted'] === true) return null;
    const f = table.entry.fields.get(lowerFieldName);
    const value = f ? record[f.name] : null;
    if (value === null || value === undefined || !f) return null;
    return f.caseSensitive ? String(value) : String(value).toLowerCase();
  }

  /** Loads every `<SObject>.csv` of a folder, the `deferred` objects on first use (see `loadDataDir`). */
  loadDataDir(
    dir: string,
    defaultOwnerId: () => string | null,
    loadedAt: string,
    deferred?: ReadonlySet<string>,
  ): void {
    loadDataDir(this, dir, defaultOwnerId, loadedAt, deferred);
  }

  /**
   * The table a CSV file of `objectName` with `header` loads into. Columns the schema lacks become text fields and
   * an object it lacks a text-only object, each with a warning; undefined (skipped, with a warning) for an object the
   * schema lacks whose file has no Id column.
   */
  tableForCsv(objectName: string, header: readonly string[], file: string): Table | undefined {
    let entry = this.schema.get(objectName);
    if (!entry) {
      if (!header.includes('Id')) {
        this.warnings.push(`${file}: no object ${objectName} and no Id column; skipped`);
        return undefined;
      }
      this.warnings.push(`${file}: object ${objectName} is not in the schema; served with text fields`);
      entry = this.schema.addInferred({
        name: objectName,
        label: objectName,
        labelPlural: objectName,
        keyPrefix: `z${String(this.tables.size).padStart(2, '0')}`,
        custom: objectName.endsWith('__c'),
        createable: false,
        updateable: false,
        deletable: false,
        queryable: true,
        sharingModel: 'ReadWrite',
        sharingParentField: null,
        fields: header.map((h) => field(h, h === 'Id' ? 'id' : 'string', { createable: false, updateable: false })),
      });
    }
    for (const column of header) {
      if (!entry.fields.has(column.toLowerCase())) {
        this.warnings.push(`${file}: column ${column} is not a field of ${entry.schema.name}; served as text`);
        this.schema.addField(entry.schema.name, field(column, 'string', { createable: false, updateable: false }));
      }
    }
    return this.table(objectName);
  }

  /** Writes every object that has records as `<SObject>.csv` (live records; all schema fields as columns). */
  async saveDataDir(dir: string): Promise<Record<string, number>> {
    await mkdir(dir, { recursive: true });
    for (const name of this.deferredObjects()) this.table(name);
    const counts: Record<string, number> = {};
    for (const table of this.tables.values()) {
      const live = table.records.filter((r) => r['IsDeleted'] !== true);
      if (live.length === 0) continue;
      const columns = table.entry.schema.fields.map((f) => f.name).filter((n) => n !== 'IsDeleted');
      const writer = new CsvFileWriter(join(dir, `${table.entry.schema.name}.csv`), columns);
      for (const record of live) {
        const row: Record<string, string> = {};
        for (const c of columns) row[c] = valueToCsv(record[c] ?? null);
        await writer.write(row);
      }
      await writer.close();
      counts[table.entry.schema.name] = writer.rows;
    }
    return counts;
  }
}
