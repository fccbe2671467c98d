/**
 * One query's compilation state, shared by the evaluator's modules: the query text (for error carets), the context,
 * queryAll's `includeDeleted`, a cache of org-local dates, and how to run a nested (semi-join) query.
 */
import type { Query } from '@jetstreamapp/soql-parser-js';
import type { Table } from '../data/orgStore.js';
import { ColumnRecords } from '../data/columnRecords.js';
import type { StoredRecord } from '../data/values.js';
import type { ObjectEntry } from '../schema/schemaRegistry.js';
import { localDate } from './dateLiterals.js';
import type { QueryContext, QueryResult } from './queryResult.js';
import { queryTimeout } from './soqlError.js';
import { ensureStampIndex, hasStamps, recordsInRange, type StampRange } from './stampIndex.js';

export type Predicate<T = StoredRecord> = (row: T) => boolean;

export interface Compilation {
  readonly soql: string;
  readonly context: QueryContext;
  readonly includeDeleted: boolean;
  readonly dateCache: Map<string, string>;
  /** What is left of the query's budget, shared with its subqueries. */
  readonly budget: { readonly deadline: number; rowsLeft: number; readonly loadWaitAtStart: number };
  /** Runs a nested query (`Id IN (SELECT …)`) over live records. */
  readonly runQuery: (query: Query) => QueryResult;
}

/** Records examined between two looks at the clock. */
const CLOCK_EVERY = 1024;

/** The budget of a query starting now (unbounded without one). */
export function startBudget(context: QueryContext): Compilation['budget'] {
  const budget = context.budget;
  const loadWaitAtStart = context.store.loadWaitMs;
  return budget
    ? { deadline: performance.now() + budget.timeoutMs, rowsLeft: budget.maxRowsScanned, loadWaitAtStart }
    : { deadline: Infinity, rowsLeft: Infinity, loadWaitAtStart };
}

/** Past the deadline; loading a table on its first use is the org starting, not the query running: not counted. */
function checkClock(c: Compilation): void {
  const loading = c.context.store.loadWaitMs - c.budget.loadWaitAtStart;
  if (performance.now() - loading > c.budget.deadline) throw queryTimeout();
}

/**
 * Live (or, for queryAll, all) visible records of an object that pass the predicate, within the query's budget;
 * with a SystemModstamp range from the WHERE, only the records its index puts in the range are examined. `counted`:
 * only how many pass matters (`COUNT()`): one shared placeholder stands for each, so that the records an object kept
 * as columns makes for the test are not kept as well.
 */
export function scan(
  c: Compilation,
  entry: ObjectEntry,
  predicate: Predicate | undefined,
  range?: StampRange,
  counted = false,
): StoredRecord[] {
  const table = c.context.store.table(entry.schema.name) as Table;
  if (counted && !predicate && !range && c.context.seesAll && table.records instanceof ColumnRecords) {
    return countColumns(c, table.records);
  }
  ensureStampIndex(table);
  const records = range && hasStamps(table) ? recordsInRange(table, range) : table.records;
  const out: StoredRecord[] = [];
  checkClock(c);
  let sinceClock = 0;
  for (const record of records) {
    if (--c.budget.rowsLeft < 0) throw queryTimeout();
    if (++sinceClock === CLOCK_EVERY) {
      sinceClock = 0;
      checkClock(c);
    }
    if (record['IsDeleted'] === true && !c.includeDeleted) continue;
    // The WHERE first: it is a pure test, and a child record's sharing check looks up its parent, so one deal's
    // history asked for by a rep would otherwise check every history row of the org.
    if (predicate && !predicate(record)) continue;
    if (!c.context.canSee(table, record)) continue;
    out.push(counted ? COUNTED : record);
  }
  return out;
}

const COUNTED: StoredRecord = Object.freeze({});

/** A count of every (live) record of a table kept as columns, for a user who sees all: no row made a record. */
function countColumns(c: Compilation, records: ColumnRecords): StoredRecord[] {
  const out: StoredRecord[] = [];
  checkClock(c);
  for (let position = 0; position < records.length; position++) {
    if (--c.budget.rowsLeft < 0) throw queryTimeout();
    if (position % CLOCK_EVERY === 0) checkClock(c);
    if (c.includeDeleted || records.value(position, 'IsDeleted') !== true) out.push(COUNTED);
  }
  return out;
}

/** The org-local date (`YYYY-MM-DD`) of a UTC datetime, cached per query. */
export function localDateOf(c: Compilation, isoDateTime: string): string {
  let d = c.dateCache.get(isoDateTime);
  if (d === undefined) {
    d = localDate(new Date(isoDateTime), c.context.timeZone);
    c.dateCache.set(isoDateTime, d);
  }
  return d;
}
