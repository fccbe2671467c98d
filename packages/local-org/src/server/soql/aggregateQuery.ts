/**
 * Aggregate queries: GROUP BY fields and date functions, the select list's groups and aggregates (aliases or
 * `expr0…`), HAVING, ORDER BY over groups and aggregates, LIMIT/OFFSET; rows are `AggregateResult`s.
 */
import type { FunctionExp, Query } from '@jetstreamapp/soql-parser-js';
import { valueToJson, type StoredRecord, type Value } from '../data/values.js';
import type { FieldSchema } from '../schema/objectSchema.js';
import type { ObjectEntry } from '../schema/schemaRegistry.js';
import {
  AGGREGATES,
  aggregateSpec,
  aggregateValue,
  normalizeFnText,
  type AggregateSpec,
} from './aggregateFunctions.js';
import type { Compilation, Predicate } from './compilation.js';
import { compareValues, orderSatisfies } from './compareValues.js';
import { conditionTree } from './conditionTree.js';
import { resolveDateFunction } from './dateFunctions.js';
import { familyOf, resolvePath, type Family } from './fieldPath.js';
import { literalOperand, type Operand } from './literalOperand.js';
import { fieldColumn } from './projection.js';
import type { JsonRecord, QueryResult } from './queryResult.js';
import { direction, orderClauses, sortRows, type SortKey } from './sortRows.js';
import { offsetOf, soqlErrorAt } from './soqlError.js';
import { compileNode } from './whereClause.js';

/** A GROUP BY item: `raw` to match select items and ORDER BY against. */
interface Group {
  readonly raw: string;
  readonly get: (r: StoredRecord) => Value;
  readonly field: FieldSchema | null;
}

/** One group of records with its GROUP BY values and the aggregates computed so far. */
interface Row {
  readonly values: Value[];
  readonly records: StoredRecord[];
  readonly cache: Map<string, Value>;
}

type Output =
  | { kind: 'group'; key: string; group: number; display: string }
  | { kind: 'aggregate'; key: string; spec: AggregateSpec; display: string };

/** An aggregate's value for a group, computed once. */
function valueOf(row: Row, spec: AggregateSpec): Value {
  let v = row.cache.get(spec.raw);
  if (v === undefined) {
    v = aggregateValue(spec, row.records);
    row.cache.set(spec.raw, v);
  }
  return v;
}

function outputValue(o: Output, row: Row): Value {
  return o.kind === 'group' ? (row.values[o.group] ?? null) : valueOf(row, o.spec);
}

const lowerText = (v: Value): Value => (typeof v === 'string' ? v.toLowerCase() : v);

export function runAggregate(
  c: Compilation,
  entry: ObjectEntry,
  alias: string | undefined,
  query: Query,
  records: StoredRecord[],
): QueryResult {
  const groupClauses =
    query.groupBy === undefined ? [] : Array.isArray(query.groupBy) ? query.groupBy : [query.groupBy];
  const groups: Group[] = groupClauses.map((g) => {
    if ('field' in g && g.field) {
      const path = resolvePath(c, entry, g.field, alias);
      return { raw: path.display.toLowerCase(), get: path.get, field: path.field };
    }
    const resolved = resolveDateFunction(c, entry, (g as { fn: FunctionExp }).fn, alias);
    return { raw: normalizeFnText(resolved.raw), get: resolved.get, field: null };
  });
  const outputs = compileOutputs(c, entry, alias, query, groups);
  // Group records (a single group when there is no GROUP BY).
  const buckets = new Map<string, { values: Value[]; records: StoredRecord[] }>();
  for (const record of records) {
    const values = groups.map((g) => g.get(record));
    const k = JSON.stringify(values);
    const bucket = buckets.get(k);
    if (bucket) bucket.records.push(record);
    else buckets.set(k, { values, records: [record] });
  }
  if (groups.length === 0 && buckets.size === 0) buckets.set('[]', { values: [], records: [] });
  let rows: Row[] = [...buckets.values()].map((b) => ({ ...b, cache: new Map() }));
  const having = conditionTree(query.having);
  if (having) {
    const predicate = compileNode<Row>(having, (condition) => compileHaving(c, entry, alias, condition, groups));
    rows = rows.filter(predicate);
  }
  rows = sortRows(rows, orderKeys(c, entry, alias, query, groups, outputs));
  const offset = query.offset ?? 0;
  rows = rows.slice(offset, query.limit !== undefined ? offset + query.limit : undefined);
  const fieldOf = (o: Output): FieldSchema | undefined =>
    o.kind === 'group' ? (groups[o.group]?.field ?? undefined) : (o.spec.path?.field ?? undefined);
  return {
    objectName: entry.schema.name,
    totalSize: rows.length,
    countOnly: false,
    aggregate: true,
    rows,
    render: (row) => {
      const out: JsonRecord = { attributes: { type: 'AggregateResult' } };
      for (const o of outputs) {
        const v = outputValue(o, row as Row);
        out[o.key] =
          o.kind === 'aggregate' &&
          (o.spec.fn === 'COUNT' || o.spec.fn === 'COUNT_DISTINCT' || o.spec.fn === 'SUM' || o.spec.fn === 'AVG')
            ? v
            : valueToJson(v, fieldOf(o));
      }
      return out;
    },
    columns: outputs.map((o) => ({ header: o.key, get: (row: unknown) => outputValue(o, row as Row) })),
    columnMetadata: outputs.map((o) =>
      o.kind === 'aggregate'
        ? { ...fieldColumn(null, o.key, o.display, true), apexType: o.spec.fn.startsWith('COUNT') ? 'Integer' : null }
        : fieldColumn(fieldOf(o) ?? null, o.key, o.display),
    ),
  };
}

/** The select list of an aggregate query: each item a group (it must be grouped) or an aggregate. */
function compileOutputs(
  c: Compilation,
  entry: ObjectEntry,
  alias: string | undefined,
  query: Query,
  groups: readonly Group[],
): Output[] {
  let exprIndex = 0;
  const outputs: Output[] = [];
  for (const f of query.fields ?? []) {
    if (f.type === 'Field' || f.type === 'FieldRelationship') {
      const raw = f.type === 'Field' ? f.field : (f.rawValue ?? [...f.relationships, f.field].join('.'));
      const path = resolvePath(c, entry, raw, alias);
      const group = groups.findIndex((g) => g.raw === path.display.toLowerCase());
      if (group < 0) {
        throw soqlErrorAt(
          'MALFORMED_QUERY',
          c.soql,
          offsetOf(c.soql, raw),
          `Field must be grouped or aggregated: ${path.field.name}`,
        );
      }
      outputs.push({
        kind: 'group',
        key: (f as { alias?: string }).alias ?? path.field.name,
        group,
        display: path.field.name,
      });
    } else if (f.type === 'FieldFunctionExpression') {
      const name = f.functionName.toUpperCase();
      const key = f.alias ?? `expr${exprIndex++}`;
      if (AGGREGATES.has(name)) {
        outputs.push({ kind: 'aggregate', key, spec: aggregateSpec(c, entry, alias, f), display: f.rawValue ?? name });
      } else {
        const raw = normalizeFnText(f.rawValue ?? name);
        const group = groups.findIndex((g) => g.raw === raw);
        if (group < 0) {
          throw soqlErrorAt(
            'MALFORMED_QUERY',
            c.soql,
            offsetOf(c.soql, f.functionName),
            `Field must be grouped or aggregated: ${f.rawValue ?? name}`,
          );
        }
        outputs.push({ kind: 'group', key, group, display: f.rawValue ?? name });
      }
    } else {
      throw soqlErrorAt('MALFORMED_QUERY', c.soql, 0, 'Nested queries are not supported in aggregate queries');
    }
  }
  return outputs;
}

/** ORDER BY over aliases, grouped fields, grouped date functions and aggregates (text compared lower-cased). */
function orderKeys(
  c: Compilation,
  entry: ObjectEntry,
  alias: string | undefined,
  query: Query,
  groups: readonly Group[],
  outputs: readonly Output[],
): SortKey<Row>[] {
  return orderClauses(query.orderBy).map((clause): SortKey<Row> => {
    const dir = direction(clause);
    if ('field' in clause && clause.field) {
      const byAlias = outputs.find((o) => o.key.toLowerCase() === clause.field.toLowerCase());
      if (byAlias) return { get: (row) => lowerText(outputValue(byAlias, row)), ...dir };
      const path = resolvePath(c, entry, clause.field, alias);
      const group = groups.findIndex((g) => g.raw === path.display.toLowerCase());
      if (group < 0) {
        throw soqlErrorAt(
          'MALFORMED_QUERY',
          c.soql,
          offsetOf(c.soql, clause.field),
          `Ordered field must be grouped or aggregated: ${path.field.name}`,
        );
      }
      return { get: (row) => lowerText(row.values[group] ?? null), ...dir };
    }
    const fn = (clause as { fn: FunctionExp }).fn;
    const name = (fn.functionName ?? '').toUpperCase();
    if (AGGREGATES.has(name)) {
      const spec = aggregateSpec(c, entry, alias, fn);
      return { get: (row) => lowerText(valueOf(row, spec)), ...dir };
    }
    const raw = normalizeFnText(fn.rawValue ?? name);
    const group = groups.findIndex((g) => g.raw === raw);
    return { get: (row) => lowerText(row.values[group] ?? null), ...dir };
  });
}

/** A HAVING condition over a group: an aggregate (`SUM(Amount) > 100`) or a grouped field. */
function compileHaving(
  c: Compilation,
  entry: ObjectEntry,
  alias: string | undefined,
  raw: Record<string, unknown>,
  groups: readonly Group[],
): Predicate<Row> {
  const condition = raw as {
    fn?: FunctionExp;
    field?: string;
    operator: string;
    value: string | string[];
    literalType?: string | string[];
  };
  let get: (row: Row) => Value;
  let family: Family = 'number';
  if (condition.fn && AGGREGATES.has((condition.fn.functionName ?? '').toUpperCase())) {
    const spec = aggregateSpec(c, entry, alias, condition.fn);
    get = (row) => aggregateValue(spec, row.records);
    if (spec.path && (spec.fn === 'MIN' || spec.fn === 'MAX')) family = familyOf(spec.path.field);
  } else {
    const path = resolvePath(c, entry, condition.field ?? '', alias);
    const group = groups.findIndex((g) => g.raw === path.display.toLowerCase());
    if (group < 0) {
      throw soqlErrorAt(
        'MALFORMED_QUERY',
        c.soql,
        offsetOf(c.soql, condition.field ?? ''),
        `Field must be grouped or aggregated: ${path.field.name}`,
      );
    }
    family = familyOf(path.field);
    get = (row) => row.values[group] ?? null;
  }
  const values = Array.isArray(condition.value) ? condition.value : [condition.value];
  const types = Array.isArray(condition.literalType) ? condition.literalType : values.map(() => condition.literalType);
  const operands = values.map((v, i) =>
    literalOperand(c, v, String(types[i] ?? 'STRING'), family, condition.field ?? 'expr', undefined, undefined),
  );
  const key = (row: Row): Value => {
    const v = get(row);
    return family === 'text' && v !== null ? String(v).toLowerCase() : v;
  };
  const first = operands[0] as Operand;
  const operator = condition.operator.toUpperCase();
  return (row) => {
    const k = key(row);
    const eq = (o: Operand): boolean => (o.kind === 'value' ? (o.value === null ? k === null : k === o.value) : false);
    switch (operator) {
      case '=':
        return eq(first);
      case '!=':
        return !eq(first);
      case 'IN':
        return operands.some(eq);
      case 'NOT IN':
        return !operands.some(eq);
      default: {
        if (k === null || first.kind !== 'value' || first.value === null) return false;
        const order = compareValues(k, first.value);
        return orderSatisfies(operator, order);
      }
    }
  };
}
