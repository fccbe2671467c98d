/**
 * WHERE compiled to a predicate over stored records: AND/OR/NOT as written, `= != < <= > >=`, IN/NOT IN (also over a
 * semi-join subquery), LIKE, INCLUDES/EXCLUDES, null, date literals (org-local dates for datetime fields).
 */
import type { FunctionExp, Query, Subquery } from '@jetstreamapp/soql-parser-js';
import type { StoredRecord, Value } from '../data/values.js';
import type { FieldSchema } from '../schema/objectSchema.js';
import type { ObjectEntry } from '../schema/schemaRegistry.js';
import { localDateOf, type Compilation, type Predicate } from './compilation.js';
import { compareValues, orderSatisfies } from './compareValues.js';
import { conditionTree, type ConditionNode } from './conditionTree.js';
import { resolveDateFunction } from './dateFunctions.js';
import { familyOf, resolvePath, type Family } from './fieldPath.js';
import { likeMatcher } from './likeMatcher.js';
import { literalOperand, type Operand } from './literalOperand.js';
import { offsetOf, soqlErrorAt } from './soqlError.js';

export function compileWhere(
  c: Compilation,
  entry: ObjectEntry,
  alias: string | undefined,
  query: Query | Subquery,
): Predicate | undefined {
  const tree = conditionTree(query.where);
  return tree ? compileNode(tree, (condition) => compileCondition(c, entry, alias, condition)) : undefined;
}

/** AND / OR / NOT over the leaves' predicates (for WHERE over records, HAVING over groups). */
export function compileNode<T>(node: ConditionNode, leaf: (c: Record<string, unknown>) => Predicate<T>): Predicate<T> {
  switch (node.kind) {
    case 'condition':
      return leaf(node.condition as Record<string, unknown>);
    case 'not': {
      const inner = compileNode(node.operand, leaf);
      return (r) => !inner(r);
    }
    case 'and': {
      const parts = node.operands.map((o) => compileNode(o, leaf));
      return (r) => parts.every((p) => p(r));
    }
    case 'or': {
      const parts = node.operands.map((o) => compileNode(o, leaf));
      return (r) => parts.some((p) => p(r));
    }
  }
}

function compileCondition(
  c: Compilation,
  entry: ObjectEntry,
  alias: string | undefined,
  raw: Record<string, unknown>,
): Predicate {
  const condition = raw as unknown as {
    valueQuery?: Query;
    fn?: FunctionExp;
    field?: string;
    operator: string;
    value: string | string[];
    literalType?: string | string[];
  };
  const operator = String(condition.operator).toUpperCase();
  if (condition.valueQuery) {
    const path = resolvePath(c, entry, condition.field as string, alias);
    const inner = c.runQuery(condition.valueQuery);
    const column = inner.columns[0];
    const set = new Set<string>();
    if (column) {
      for (const row of inner.rows) {
        const v = column.get(row);
        if (v !== null) set.add(familyOf(path.field) === 'id' ? String(v).slice(0, 15) : String(v).toLowerCase());
      }
    }
    const key = (v: Value): string =>
      familyOf(path.field) === 'id' ? String(v).slice(0, 15) : String(v).toLowerCase();
    return operator === 'NOT IN'
      ? (r) => {
          const v = path.get(r);
          return v === null || !set.has(key(v));
        }
      : (r) => {
          const v = path.get(r);
          return v !== null && set.has(key(v));
        };
  }
  let get: (r: StoredRecord) => Value;
  let family: Family;
  let fieldName: string;
  let field: FieldSchema | undefined;
  if (condition.fn) {
    const fn = resolveDateFunction(c, entry, condition.fn, alias);
    get = fn.get as (r: StoredRecord) => Value;
    family = (condition.fn.functionName ?? '').toUpperCase() === 'DAY_ONLY' ? 'date' : 'number';
    fieldName = fn.raw;
  } else {
    const path = resolvePath(c, entry, condition.field as string, alias);
    get = path.get;
    family = familyOf(path.field);
    fieldName = path.field.name;
    field = path.field;
  }
  const values = Array.isArray(condition.value) ? condition.value : [condition.value as string];
  const types = Array.isArray(condition.literalType)
    ? condition.literalType
    : values.map(() => condition.literalType as string);
  const variables = (raw['dateLiteralVariable'] ?? []) as number | number[];
  const operands = values.map((v, i) =>
    literalOperand(
      c,
      v,
      String(types[i] ?? types[0] ?? 'STRING'),
      family,
      fieldName,
      field,
      Array.isArray(variables) ? variables[i] : variables,
    ),
  );
  const datetimeRange = family === 'datetime' && operands.some((o) => o.kind === 'range');
  const key = (r: StoredRecord): Value => {
    const v = get(r);
    if (v === null) return null;
    if (family === 'text') return String(v).toLowerCase();
    if (datetimeRange) return localDateOf(c, String(v));
    return v;
  };
  const equals = (k: Value, o: Operand): boolean =>
    o.kind === 'range'
      ? k !== null && String(k) >= o.start && String(k) <= o.end
      : o.value === null
        ? k === null
        : k !== null && (family === 'id' ? String(k).slice(0, 15) === String(o.value).slice(0, 15) : k === o.value);
  const first = operands[0] as Operand;
  switch (operator) {
    case '=':
      return (r) => equals(key(r), first);
    case '!=':
      return (r) => !equals(key(r), first);
    case 'IN':
      return (r) => {
        const k = key(r);
        return operands.some((o) => equals(k, o));
      };
    case 'NOT IN':
      return (r) => {
        const k = key(r);
        return !operands.some((o) => equals(k, o));
      };
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const bound: Value =
        first.kind === 'range' ? (operator === '<' || operator === '>=' ? first.start : first.end) : first.value;
      return (r) => {
        const k = key(r);
        if (k === null || bound === null) return false;
        const order = compareValues(k, bound);
        return orderSatisfies(operator, order);
      };
    }
    case 'LIKE': {
      if (family !== 'text' && family !== 'id') {
        throw soqlErrorAt(
          'INVALID_FIELD',
          c.soql,
          offsetOf(c.soql, String(condition.field ?? fieldName)),
          `invalid operator on ${field?.type ?? 'this'} field: ${fieldName}`,
        );
      }
      const matches = likeMatcher(String(first.kind === 'value' ? (first.value ?? '') : ''));
      return (r) => {
        const v = get(r);
        return v !== null && matches(String(v));
      };
    }
    case 'INCLUDES':
    case 'EXCLUDES': {
      const wanted = operands.map((o) =>
        String(o.kind === 'value' ? (o.value ?? '') : '')
          .split(';')
          .map((s) => s.trim()),
      );
      const includes = (r: StoredRecord): boolean => {
        const v = key(r);
        if (v === null) return false;
        const have = new Set(
          String(v)
            .split(';')
            .map((s) => s.trim()),
        );
        return wanted.some((all) => all.every((w) => have.has(w)));
      };
      return operator === 'INCLUDES' ? includes : (r) => !includes(r);
    }
    default:
      throw soqlErrorAt('MALFORMED_QUERY', c.soql, 0, `unexpected token: '${operator}'`);
  }
}
