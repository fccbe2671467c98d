/**
 * One query's compilation state, shared by the evaluator's modules: the query text (for error carets), the context,
 * queryAll's `includeDeleted`, a cache of org-local dates, and how to run a nested (semi-join) query.
 */
import type { Query } from '@jetstreamapp/soql-parser-js';
import type { Table } from '../data/orgStore.js';
import type { StoredRecord } from '../data/values.js';
import type { ObjectEntry } from '../schema/schemaRegistry.js';
import { localDate } from './dateLiterals.js';
import type { QueryContext, QueryResult } from './queryResult.js';

export type Predicate<T = StoredRecord> = (row: T) => boolean;

export interface Compilation {
  readonly soql: string;
  readonly context: QueryContext;
  readonly includeDeleted: boolean;
  readonly dateCache: Map<string, string>;
  /** Runs a nested query (`Id IN (SELECT …)`) over live records. */
  readonly runQuery: (query: Query) => QueryResult;
}

/** Live (or, for queryAll, all) visible records of an object that pass the predicate. */
export function scan(c: Compilation, entry: ObjectEntry, predicate: Predicate | undefined): StoredRecord[] {
  const table = c.context.store.table(entry.schema.name) as Table;
  const out: StoredRecord[] = [];
  for (const record of table.records) {
    if (record['IsDeleted'] === true && !c.includeDeleted) continue;
    if (!c.context.canSee(table, record)) continue;
    if (predicate && !predicate(record)) continue;
    out.push(record);
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
