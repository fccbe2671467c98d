/**
 * ORDER BY: one comparator for record queries and aggregate queries. Keys are computed once per row (text already
 * lower-cased, as SOQL sorts case-insensitively); nulls go first ascending and last descending unless NULLS FIRST /
 * NULLS LAST says otherwise; ties keep the rows' order.
 */
import type { FunctionExp, OrderByClause } from '@jetstreamapp/soql-parser-js';
import type { StoredRecord, Value } from '../data/values.js';
import { isTextType } from '../schema/objectSchema.js';
import type { ObjectEntry } from '../schema/schemaRegistry.js';
import type { Compilation } from './compilation.js';
import { compareValues } from './compareValues.js';
import { resolveDateFunction } from './dateFunctions.js';
import { resolvePath } from './fieldPath.js';

export interface SortKey<T> {
  readonly get: (row: T) => Value;
  readonly desc: boolean;
  readonly nullsFirst: boolean;
}

/** The clauses of an ORDER BY as a list. */
export function orderClauses(orderBy: OrderByClause | OrderByClause[] | undefined): OrderByClause[] {
  return orderBy === undefined ? [] : Array.isArray(orderBy) ? orderBy : [orderBy];
}

/** DESC and NULLS of a clause: nulls first ascending, last descending, unless the clause says. */
export function direction(clause: OrderByClause): { desc: boolean; nullsFirst: boolean } {
  const desc = clause.order === 'DESC';
  return { desc, nullsFirst: clause.nulls ? clause.nulls === 'FIRST' : !desc };
}

/** A sorted copy of `rows` (the rows themselves when there is no key). */
export function sortRows<T>(rows: readonly T[], keys: readonly SortKey<T>[]): T[] {
  if (keys.length === 0) return rows as T[];
  const decorated = rows.map((row, i) => ({ row, i, k: keys.map((key) => key.get(row)) }));
  decorated.sort((a, b) => {
    for (let j = 0; j < keys.length; j++) {
      const spec = keys[j] as SortKey<T>;
      const x = a.k[j] as Value;
      const y = b.k[j] as Value;
      if (x === y) continue;
      if (x === null) return spec.nullsFirst ? -1 : 1;
      if (y === null) return spec.nullsFirst ? 1 : -1;
      const c = compareValues(x, y);
      if (c !== 0) return spec.desc ? -c : c;
    }
    return a.i - b.i;
  });
  return decorated.map((d) => d.row);
}

/** ORDER BY over records: fields and paths (text lower-cased) or date functions. */
export function sortRecords(
  c: Compilation,
  entry: ObjectEntry,
  alias: string | undefined,
  orderBy: OrderByClause | OrderByClause[] | undefined,
  records: StoredRecord[],
): StoredRecord[] {
  const keys = orderClauses(orderBy).map((clause): SortKey<StoredRecord> => {
    if ('field' in clause && clause.field) {
      const path = resolvePath(c, entry, clause.field, alias);
      const text = isTextType(path.field.type);
      const get = text
        ? (r: StoredRecord): Value => {
            const v = path.get(r);
            return v !== null ? String(v).toLowerCase() : v;
          }
        : path.get;
      return { get, ...direction(clause) };
    }
    return { get: resolveDateFunction(c, entry, (clause as { fn: FunctionExp }).fn, alias).get, ...direction(clause) };
  });
  return sortRows(records, keys);
}
