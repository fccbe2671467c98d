/**
 * Aggregate functions of SOQL (COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX) over a group's records: what each call
 * stands for ({@link AggregateSpec}) and its value ({@link aggregateValue}).
 */
import type { FunctionExp } from '@jetstreamapp/soql-parser-js';
import type { StoredRecord, Value } from '../data/values.js';
import { isNumberType } from '../schema/objectSchema.js';
import type { ObjectEntry } from '../schema/schemaRegistry.js';
import type { Compilation } from './compilation.js';
import { compareValues } from './compareValues.js';
import { resolvePath, type FieldPath } from './fieldPath.js';
import { offsetOf, soqlErrorAt } from './soqlError.js';

export const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);

/** Aggregate function over a group's records. */
export interface AggregateSpec {
  readonly fn: string;
  readonly path: FieldPath | null;
  readonly raw: string;
}

export function aggregateValue(spec: AggregateSpec, records: readonly StoredRecord[]): Value {
  if (spec.fn === 'COUNT' && !spec.path) return records.length;
  const values: Value[] = [];
  for (const r of records) {
    const v = (spec.path as FieldPath).get(r);
    if (v !== null) values.push(v);
  }
  switch (spec.fn) {
    case 'COUNT':
      return values.length;
    case 'COUNT_DISTINCT':
      return new Set(values.map((v) => (typeof v === 'string' ? v.toLowerCase() : v))).size;
    case 'SUM': {
      if (values.length === 0) return null;
      let sum = 0;
      for (const v of values) sum += v as number;
      return Math.round(sum * 1e6) / 1e6;
    }
    case 'AVG': {
      if (values.length === 0) return null;
      let sum = 0;
      for (const v of values) sum += v as number;
      return sum / values.length;
    }
    case 'MIN':
    case 'MAX': {
      if (values.length === 0) return null;
      let best = values[0] as Value;
      for (const v of values) {
        const order = compareValues(
          typeof v === 'string' ? v.toLowerCase() : v,
          typeof best === 'string' ? best.toLowerCase() : best,
        );
        if (spec.fn === 'MIN' ? order < 0 : order > 0) best = v;
      }
      return best;
    }
    default:
      return null;
  }
}

/** A function call as written, without spaces and upper-cased, to match a select item with its GROUP BY. */
export function normalizeFnText(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** The aggregate `fn` stands for, with its field resolved; MALFORMED_QUERY for SUM/AVG of a non-number. */
export function aggregateSpec(
  c: Compilation,
  entry: ObjectEntry,
  alias: string | undefined,
  fn: FunctionExp,
): AggregateSpec {
  const name = (fn.functionName ?? '').toUpperCase();
  const param = fn.parameters?.[0];
  if (param === undefined) {
    if (name !== 'COUNT') {
      throw soqlErrorAt('MALFORMED_QUERY', c.soql, offsetOf(c.soql, fn.functionName ?? ''), `unexpected token: ')'`);
    }
    return { fn: name, path: null, raw: 'COUNT()' };
  }
  if (typeof param !== 'string') {
    throw soqlErrorAt('MALFORMED_QUERY', c.soql, offsetOf(c.soql, fn.functionName ?? ''), `unexpected token: '('`);
  }
  const path = resolvePath(c, entry, param, alias);
  if ((name === 'SUM' || name === 'AVG') && !isNumberType(path.field.type)) {
    throw soqlErrorAt(
      'MALFORMED_QUERY',
      c.soql,
      offsetOf(c.soql, param),
      `field ${path.field.name} does not support aggregate operator ${name}`,
    );
  }
  return { fn: name, path, raw: `${name}(${path.display.toLowerCase()})` };
}
