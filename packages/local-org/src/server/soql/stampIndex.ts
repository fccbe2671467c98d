/**
 * The SystemModstamp index of a table. Salesforce indexes SystemModstamp, and an incremental sync asks every object
 * for `WHERE SystemModstamp > …`: without an index the local org would walk every record of a million-deal org
 * (tens of millions) twice per object on every sync. The index holds each record's stamp as epoch milliseconds by
 * its position in the table; it is built by the table's first scan, follows records added since by reading their
 * stamps, and is brought up to date after a record changed in place or was removed (`Table.edits`): once a table
 * has been edited, the index keeps each position's stamp text too, so that only the stamps that changed are parsed
 * again (updating 1% of a million deals would otherwise parse a million stamps on the next query).
 */
import { conditionTree, type ConditionNode } from './conditionTree.js';
import type { Query, Subquery } from '@jetstreamapp/soql-parser-js';
import { ColumnRecords, type RecordList } from '../data/columnRecords.js';
import type { Table } from '../data/orgStore.js';
import { normalizeDateTime, type StoredRecord, type Value } from '../data/values.js';

/** `SystemModstamp > bound` (or `>=`), in epoch milliseconds. */
export interface StampRange {
  readonly inclusive: boolean;
  readonly boundMs: number;
}

interface StampIndex {
  stamps: Float64Array;
  /** Positions of the table indexed (records added later are read on the next use). */
  length: number;
  edits: number;
  /** The stamp value each position was indexed from; kept from a table's first edit on. */
  texts: unknown[] | null;
}

const indexes = new WeakMap<Table, StampIndex>();

/**
 * The range a query's WHERE puts on SystemModstamp, when the WHERE is such a condition or an AND of conditions one
 * of which is: the records outside it can be skipped. Undefined otherwise (OR, NOT, a date literal, another field).
 */
export function stampRangeOf(query: Query | Subquery, alias: string | undefined): StampRange | undefined {
  const tree = conditionTree(query.where);
  const leaves: ConditionNode[] = !tree ? [] : tree.kind === 'and' ? tree.operands : [tree];
  for (const leaf of leaves) {
    if (leaf.kind !== 'condition') continue;
    const c = leaf.condition as {
      field?: string;
      fn?: unknown;
      operator?: string;
      value?: unknown;
      literalType?: unknown;
    };
    const field = alias && c.field?.startsWith(`${alias}.`) ? c.field.slice(alias.length + 1) : c.field;
    if (c.fn || field?.toLowerCase() !== 'systemmodstamp' || c.literalType !== 'DATETIME') continue;
    if (c.operator !== '>' && c.operator !== '>=') continue;
    const bound = typeof c.value === 'string' ? normalizeDateTime(c.value) : null;
    if (bound !== null) return { inclusive: c.operator === '>=', boundMs: Date.parse(bound) };
  }
  return undefined;
}

/** Whether the table's records have a SystemModstamp to index. */
export function hasStamps(table: Table): boolean {
  return table.entry.fields.has('systemmodstamp');
}

/** The table's records in the range, in table order (every record of the table may still be filtered further). */
export function recordsInRange(table: Table, range: StampRange): StoredRecord[] {
  const index = currentIndex(table);
  const out: StoredRecord[] = [];
  const { stamps, length } = index;
  for (let i = 0; i < length; i++) {
    const stamp = stamps[i] as number;
    if (stamp > range.boundMs || (range.inclusive && stamp === range.boundMs))
      out.push(table.records.at(i) as StoredRecord);
  }
  return out;
}

/** Builds the table's index when it has none yet: the first scan of a table does, as Salesforce's is always there. */
export function ensureStampIndex(table: Table): void {
  if (hasStamps(table) && !indexes.has(table)) currentIndex(table);
}

/** The table's index, built or brought up to date when out of date, extended to the records added since. */
function currentIndex(table: Table): StampIndex {
  let index = indexes.get(table);
  if (!index) {
    index = {
      stamps: new Float64Array(Math.max(1024, table.records.length)),
      length: 0,
      edits: table.edits,
      texts: null,
    };
    indexes.set(table, index);
  } else if (index.edits !== table.edits) {
    refresh(table, index);
  }
  const records = table.records;
  if (index.length < records.length) {
    if (index.stamps.length < records.length) {
      const grown = new Float64Array(Math.max(records.length, index.stamps.length * 2));
      grown.set(index.stamps.subarray(0, index.length));
      index.stamps = grown;
    }
    for (let i = index.length; i < records.length; i++) index.stamps[i] = stampAt(records, i);
    if (index.texts) for (let i = index.length; i < records.length; i++) index.texts[i] = stampTextAt(records, i);
    index.length = records.length;
  }
  return index;
}

/**
 * After records changed in place or were removed: the positions whose stamp value is not the one indexed are parsed
 * again, and records past the table's end forgotten (the first edit of a table parses every stamp once).
 */
function refresh(table: Table, index: StampIndex): void {
  const records = table.records;
  index.length = Math.min(index.length, records.length);
  const texts = index.texts ?? new Array<unknown>(index.length);
  for (let i = 0; i < index.length; i++) {
    const text = stampTextAt(records, i);
    if (index.texts && texts[i] === text) continue;
    texts[i] = text;
    index.stamps[i] = stampMs(text);
  }
  texts.length = index.length;
  index.texts = texts;
  index.edits = table.edits;
}

/** The stamp at a position: from its column when the records are columns (no record made). */
function stampAt(records: RecordList, position: number): number {
  const ms = records instanceof ColumnRecords ? records.millis(position, 'SystemModstamp') : undefined;
  return ms ?? stampMs(stampTextAt(records, position));
}

function stampTextAt(records: RecordList, position: number): Value | undefined {
  return records instanceof ColumnRecords
    ? records.value(position, 'SystemModstamp')
    : records.at(position)?.['SystemModstamp'];
}

function stampMs(value: Value | undefined): number {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (value === null || value === undefined) return -Infinity;
  // Not a datetime (a loaded file's odd value): always a candidate, the WHERE itself decides.
  return Number.isNaN(ms) ? Infinity : ms;
}
