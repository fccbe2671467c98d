/**
 * The local org's SOQL evaluator: parses with soql-parser-js, resolves every field against the schema (errors in
 * Salesforce's words), then filters, sorts, groups and projects the store's records. Results come back as a
 * {@link QueryResult} whose rows are rendered to REST JSON page by page, or to flat CSV columns for Bulk API 2.0.
 */
import {
  parseQuery,
  type FieldType as SelectField,
  type FunctionExp,
  type OrderByClause,
  type Query,
  type Subquery,
} from '@jetstreamapp/soql-parser-js';
import type { OrgStore, Table } from '../data/orgStore.js';
import { normalizeDateTime, normalizeId, valueToJson, type StoredRecord, type Value } from '../data/values.js';
import { isIdType, isNumberType, isTextType, type FieldSchema } from '../schema/objectSchema.js';
import type { ObjectEntry } from '../schema/schemaRegistry.js';
import { conditionTree, type ConditionNode } from './conditionTree.js';
import {
  dateLiteralRange,
  fiscalMonthOf,
  fiscalQuarterOf,
  fiscalYearOf,
  localDate,
  type CalendarSettings,
} from './dateLiterals.js';
import { noSuchColumn, noSuchObject, noSuchRelationship, offsetOf, SoqlError, soqlErrorAt } from './soqlError.js';

export interface QueryContext {
  readonly store: OrgStore;
  readonly calendar: CalendarSettings;
  /** The org's time zone (Organization.TimeZoneSidKey), for date literals on datetime fields. */
  readonly timeZone: string;
  /** `vXX.X` part of record URLs. */
  readonly apiVersion: string;
  /** Whether the running user may see a record (sharing). */
  readonly canSee: (table: Table, record: StoredRecord) => boolean;
}

export type JsonRecord = Record<string, unknown>;

export interface QueryResult {
  readonly objectName: string;
  readonly totalSize: number;
  /** `SELECT COUNT() …`: only totalSize, no rows. */
  readonly countOnly: boolean;
  readonly aggregate: boolean;
  /** Rows in result order; render them with `render`. */
  readonly rows: readonly unknown[];
  readonly render: (row: unknown) => JsonRecord;
  /** Flat columns for CSV (Bulk API 2.0): header `Owner.Name`, value as stored. */
  readonly columns: readonly { readonly header: string; readonly get: (row: unknown) => Value }[];
  /** The select list as the REST query resource describes it with `columns=true`. */
  readonly columnMetadata: readonly ColumnMetadata[];
}

/**
 * One column of `GET /query?q=…&columns=true` (what `sf data query` asks for before it prints a table): relationship
 * fields nest their fields in `joinColumns`, aggregates and subqueries have `aggregate: true`.
 */
export interface ColumnMetadata {
  readonly aggregate: boolean;
  readonly apexType: string | null;
  readonly booleanType: boolean;
  readonly columnName: string;
  readonly custom: boolean;
  readonly displayName: string;
  readonly foreignKeyName: string | null;
  readonly insertable: boolean;
  readonly joinColumns: ColumnMetadata[];
  readonly numberType: boolean;
  readonly textType: boolean;
  readonly updatable: boolean;
}

const APEX_TYPES: Partial<Record<FieldSchema['type'], string>> = {
  id: 'Id',
  reference: 'Id',
  boolean: 'Boolean',
  int: 'Integer',
  double: 'Double',
  percent: 'Double',
  currency: 'Decimal',
  date: 'Date',
  datetime: 'Datetime',
};

function fieldColumn(field: FieldSchema | null, name: string, display: string, aggregate = false): ColumnMetadata {
  return {
    aggregate,
    apexType: field ? (APEX_TYPES[field.type] ?? 'String') : null,
    booleanType: field?.type === 'boolean',
    columnName: name,
    custom: field?.custom ?? false,
    displayName: display,
    foreignKeyName: null,
    insertable: field?.createable ?? false,
    joinColumns: [],
    numberType: field ? isNumberType(field.type) : aggregate,
    textType: field ? isTextType(field.type) || isIdType(field.type) : false,
    updatable: field?.updateable ?? false,
  };
}

const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);
const DATE_FUNCTIONS = new Set([
  'CALENDAR_MONTH',
  'CALENDAR_QUARTER',
  'CALENDAR_YEAR',
  'DAY_IN_MONTH',
  'DAY_IN_WEEK',
  'DAY_IN_YEAR',
  'DAY_ONLY',
  'FISCAL_MONTH',
  'FISCAL_QUARTER',
  'FISCAL_YEAR',
  'HOUR_IN_DAY',
  'WEEK_IN_MONTH',
  'WEEK_IN_YEAR',
]);

/** A resolved field path: the lookups to follow, then the field. */
interface FieldPath {
  readonly refs: readonly { readonly field: FieldSchema; readonly target: ObjectEntry }[];
  readonly field: FieldSchema;
  /** Canonical `Owner.Name`. */
  readonly display: string;
  readonly get: (record: StoredRecord) => Value;
}

/** Parses and runs a query; `includeDeleted` for queryAll. Throws {@link SoqlError}. */
export function executeQuery(soql: string, context: QueryContext, includeDeleted = false): QueryResult {
  let query: Query;
  try {
    query = parseQuery(soql);
  } catch (error) {
    throw malformed(soql, error);
  }
  return new QueryCompiler(soql, context, includeDeleted).run(query);
}

function malformed(soql: string, error: unknown): SoqlError {
  const message = error instanceof Error ? error.message : String(error);
  const lexing = /at offset: (\d+)/.exec(message);
  if (lexing) {
    const offset = Number(lexing[1]);
    return soqlErrorAt('MALFORMED_QUERY', soql, offset, `unexpected token: '${soql.charAt(offset)}'`);
  }
  const found = /found --> '(.*)' <--/.exec(message) ?? /but found: '(.*)'/.exec(message);
  const token = found?.[1] ?? '';
  if (token === '') {
    return soqlErrorAt('MALFORMED_QUERY', soql, soql.trimEnd().length, `unexpected token: '<EOF>'`);
  }
  const offset = Math.max(0, soql.toLowerCase().indexOf(token.toLowerCase()));
  return soqlErrorAt('MALFORMED_QUERY', soql, offset, `unexpected token: '${token}'`);
}

/** SOQL string literal (`'O\'Brien'`) → text. */
function unquote(literal: string): string {
  const body = literal.startsWith("'") && literal.endsWith("'") ? literal.slice(1, -1) : literal;
  return body.replace(/\\(.)/g, (_, c: string) =>
    c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c === 'b' ? '\b' : c === 'f' ? '\f' : c,
  );
}

type Family = 'text' | 'id' | 'number' | 'boolean' | 'date' | 'datetime';

function familyOf(field: FieldSchema): Family {
  if (isIdType(field.type)) return 'id';
  if (isNumberType(field.type)) return 'number';
  if (field.type === 'boolean') return 'boolean';
  if (field.type === 'date') return 'date';
  if (field.type === 'datetime') return 'datetime';
  return 'text';
}

type Operand =
  { readonly kind: 'value'; readonly value: Value } | { readonly kind: 'range'; start: string; end: string };

type Predicate = (record: StoredRecord) => boolean;

function compare(a: Value, b: Value): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a ? 1 : -1;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function likeRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\' && i + 1 < pattern.length) source += (pattern[++i] as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '%') source += '.*';
    else if (c === '_') source += '.';
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}

/** Aggregate function over a group's records. */
interface AggregateSpec {
  readonly fn: string;
  readonly path: FieldPath | null;
  readonly raw: string;
}

function aggregateValue(spec: AggregateSpec, records: readonly StoredRecord[]): Value {
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
        const c = compare(
          typeof v === 'string' ? v.toLowerCase() : v,
          typeof best === 'string' ? best.toLowerCase() : best,
        );
        if (spec.fn === 'MIN' ? c < 0 : c > 0) best = v;
      }
      return best;
    }
    default:
      return null;
  }
}

function normalizeFnText(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

class QueryCompiler {
  private readonly dateCache = new Map<string, string>();

  constructor(
    private readonly soql: string,
    private readonly context: QueryContext,
    private readonly includeDeleted: boolean,
  ) {}

  run(query: Query): QueryResult {
    const objectName = query.sObject ?? '';
    const entry = this.context.store.schema.get(objectName);
    if (!entry || !entry.schema.queryable) throw noSuchObject(this.soql, objectName);
    const alias = query.sObjectAlias;
    const fields = query.fields ?? [];
    const grouped = query.groupBy !== undefined && (Array.isArray(query.groupBy) ? query.groupBy.length > 0 : true);
    const countOnly =
      !grouped &&
      fields.length === 1 &&
      fields[0]?.type === 'FieldFunctionExpression' &&
      fields[0].functionName.toUpperCase() === 'COUNT' &&
      fields[0].parameters.length === 0;
    const aggregate =
      !countOnly &&
      (grouped ||
        fields.some((f) => f.type === 'FieldFunctionExpression' && AGGREGATES.has(f.functionName.toUpperCase())));
    const predicate = this.compileWhere(entry, alias, query);
    const records = this.scan(entry, predicate);
    if (aggregate) return this.runAggregate(entry, alias, query, records);
    return this.runRecords(entry, alias, query, records);
  }

  /** Live (or, for queryAll, all) visible records of an object that pass the predicate. */
  private scan(entry: ObjectEntry, predicate: Predicate | undefined): StoredRecord[] {
    const table = this.context.store.table(entry.schema.name) as Table;
    const out: StoredRecord[] = [];
    for (const record of table.records) {
      if (record['IsDeleted'] === true && !this.includeDeleted) continue;
      if (!this.context.canSee(table, record)) continue;
      if (predicate && !predicate(record)) continue;
      out.push(record);
    }
    return out;
  }

  // ---- fields ---------------------------------------------------------------------------------------------

  private stripAlias(path: string, alias: string | undefined): string {
    if (alias && path.toLowerCase().startsWith(alias.toLowerCase() + '.')) return path.slice(alias.length + 1);
    return path;
  }

  private resolvePath(entry: ObjectEntry, rawPath: string, alias?: string): FieldPath {
    const text = this.stripAlias(rawPath, alias);
    const parts = text.split('.');
    const refs: { field: FieldSchema; target: ObjectEntry }[] = [];
    let current = entry;
    for (const part of parts.slice(0, -1)) {
      const ref = current.relationships.get(part.toLowerCase());
      const target = ref ? this.context.store.schema.get(ref.referenceTo[0] ?? '') : undefined;
      if (!ref || !target) throw noSuchRelationship(this.soql, rawPath, part);
      refs.push({ field: ref, target });
      current = target;
    }
    const last = parts[parts.length - 1] as string;
    const field = current.fields.get(last.toLowerCase());
    if (!field) throw noSuchColumn(this.soql, rawPath, current.schema.name);
    const display = [...refs.map((r) => r.field.relationshipName as string), field.name].join('.');
    const store = this.context.store;
    const tables = refs.map((r) => store.table(r.target.schema.name) as Table);
    const get =
      refs.length === 0
        ? (record: StoredRecord): Value => record[field.name] ?? null
        : (record: StoredRecord): Value => {
            let r: StoredRecord | undefined = record;
            for (let i = 0; i < refs.length; i++) {
              const id = r[(refs[i] as { field: FieldSchema }).field.name];
              if (typeof id !== 'string') return null;
              r = (tables[i] as Table).byId.get(id.slice(0, 15));
              if (!r || r['IsDeleted'] === true) return null;
            }
            return r[field.name] ?? null;
          };
    return { refs, field, display, get };
  }

  /** Date function value of a field (`CALENDAR_YEAR(CloseDate)`), UTC unless wrapped in convertTimezone(). */
  private resolveFunction(
    entry: ObjectEntry,
    fn: FunctionExp,
    alias?: string,
  ): { get: Predicate | ((r: StoredRecord) => Value); raw: string } {
    const name = (fn.functionName ?? '').toUpperCase();
    if (!DATE_FUNCTIONS.has(name)) {
      throw soqlErrorAt(
        'MALFORMED_QUERY',
        this.soql,
        offsetOf(this.soql, fn.functionName ?? ''),
        `function ${fn.functionName ?? ''} is not supported by the local org`,
      );
    }
    let param = fn.parameters?.[0];
    let local = false;
    if (param && typeof param === 'object' && (param.functionName ?? '').toLowerCase() === 'converttimezone') {
      local = true;
      param = param.parameters?.[0];
    }
    if (typeof param !== 'string') throw malformed(this.soql, new Error(`found --> '${fn.rawValue ?? name}' <--`));
    const path = this.resolvePath(entry, param, alias);
    const type = path.field.type;
    if (type !== 'date' && type !== 'datetime') {
      throw soqlErrorAt(
        'MALFORMED_QUERY',
        this.soql,
        offsetOf(this.soql, param),
        `${name} only supports date and dateTime fields`,
      );
    }
    const calendar = this.context.calendar;
    const dateOf = (v: string): string => (type === 'date' ? v : local ? this.localDateOf(v) : v.slice(0, 10));
    const get = (record: StoredRecord): Value => {
      const v = path.get(record);
      if (typeof v !== 'string') return null;
      const d = dateOf(v);
      const [y, m, day] = d.split('-').map(Number) as [number, number, number];
      const dayNumber = Math.floor(Date.UTC(y, m - 1, day) / 86_400_000);
      switch (name) {
        case 'CALENDAR_YEAR':
          return y;
        case 'CALENDAR_MONTH':
          return m;
        case 'CALENDAR_QUARTER':
          return Math.floor((m - 1) / 3) + 1;
        case 'DAY_IN_MONTH':
          return day;
        case 'DAY_IN_WEEK':
          return ((dayNumber + 4) % 7) + 1;
        case 'DAY_IN_YEAR':
          return dayNumber - Math.floor(Date.UTC(y, 0, 1) / 86_400_000) + 1;
        case 'DAY_ONLY':
          return d;
        case 'FISCAL_MONTH':
          return fiscalMonthOf(d, calendar);
        case 'FISCAL_QUARTER':
          return fiscalQuarterOf(d, calendar);
        case 'FISCAL_YEAR':
          return fiscalYearOf(d, calendar);
        case 'HOUR_IN_DAY':
          return type === 'datetime' ? Number(v.slice(11, 13)) : 0;
        case 'WEEK_IN_MONTH':
          return Math.floor((day - 1) / 7) + 1;
        case 'WEEK_IN_YEAR':
          return Math.floor((dayNumber - Math.floor(Date.UTC(y, 0, 1) / 86_400_000)) / 7) + 1;
        default:
          return null;
      }
    };
    return { get, raw: fn.rawValue ?? name };
  }

  private localDateOf(isoDateTime: string): string {
    let d = this.dateCache.get(isoDateTime);
    if (d === undefined) {
      d = localDate(new Date(isoDateTime), this.context.timeZone);
      this.dateCache.set(isoDateTime, d);
    }
    return d;
  }

  // ---- WHERE ----------------------------------------------------------------------------------------------

  private compileWhere(entry: ObjectEntry, alias: string | undefined, query: Query | Subquery): Predicate | undefined {
    const tree = conditionTree(query.where);
    return tree ? this.compileNode(tree, (c) => this.compileCondition(entry, alias, c)) : undefined;
  }

  private compileNode(node: ConditionNode, leaf: (c: Record<string, unknown>) => Predicate): Predicate {
    switch (node.kind) {
      case 'condition':
        return leaf(node.condition as Record<string, unknown>);
      case 'not': {
        const inner = this.compileNode(node.operand, leaf);
        return (r) => !inner(r);
      }
      case 'and': {
        const parts = node.operands.map((o) => this.compileNode(o, leaf));
        return (r) => parts.every((p) => p(r));
      }
      case 'or': {
        const parts = node.operands.map((o) => this.compileNode(o, leaf));
        return (r) => parts.some((p) => p(r));
      }
    }
  }

  private compileCondition(entry: ObjectEntry, alias: string | undefined, raw: Record<string, unknown>): Predicate {
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
      const path = this.resolvePath(entry, condition.field as string, alias);
      const inner = new QueryCompiler(this.soql, this.context, false).run(condition.valueQuery);
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
      const fn = this.resolveFunction(entry, condition.fn, alias);
      get = fn.get as (r: StoredRecord) => Value;
      family = (condition.fn.functionName ?? '').toUpperCase() === 'DAY_ONLY' ? 'date' : 'number';
      fieldName = fn.raw;
    } else {
      const path = this.resolvePath(entry, condition.field as string, alias);
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
      this.operand(
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
      if (datetimeRange) return this.localDateOf(String(v));
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
          const c = compare(k, bound);
          return operator === '<' ? c < 0 : operator === '<=' ? c <= 0 : operator === '>' ? c > 0 : c >= 0;
        };
      }
      case 'LIKE': {
        if (family !== 'text' && family !== 'id') {
          throw soqlErrorAt(
            'INVALID_FIELD',
            this.soql,
            offsetOf(this.soql, String(condition.field ?? fieldName)),
            `invalid operator on ${field?.type ?? 'this'} field: ${fieldName}`,
          );
        }
        const re = likeRegExp(String(first.kind === 'value' ? (first.value ?? '') : ''));
        return (r) => {
          const v = get(r);
          return v !== null && re.test(String(v));
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
        throw soqlErrorAt('MALFORMED_QUERY', this.soql, 0, `unexpected token: '${operator}'`);
    }
  }

  /** A literal as a comparable operand for a field of `family`, or the error Salesforce gives for the mismatch. */
  private operand(
    literal: string,
    literalType: string,
    family: Family,
    fieldName: string,
    field: FieldSchema | undefined,
    n: number | undefined,
  ): Operand {
    const typeName = field?.type === 'reference' || field?.type === 'id' ? 'id' : (field?.type ?? 'double');
    const mismatch = (): SoqlError =>
      soqlErrorAt(
        'INVALID_FIELD',
        this.soql,
        offsetOf(this.soql, literal),
        family === 'text' || family === 'id'
          ? `value of filter criterion for field '${fieldName}' must be of type ${typeName === 'id' ? 'id' : 'string'} and should be enclosed in quotes`
          : `value of filter criterion for field '${fieldName}' must be of type ${typeName === 'datetime' ? 'dateTime' : typeName} and should not be enclosed in quotes`,
      );
    switch (literalType) {
      case 'NULL':
        return { kind: 'value', value: null };
      case 'STRING': {
        if (family !== 'text' && family !== 'id') throw mismatch();
        const text = unquote(literal);
        if (family === 'id') {
          const id = normalizeId(text);
          if (!id) {
            throw soqlErrorAt(
              'INVALID_QUERY_FILTER_OPERATOR',
              this.soql,
              offsetOf(this.soql, literal),
              `invalid ID field: ${text}`,
            );
          }
          return { kind: 'value', value: id };
        }
        return { kind: 'value', value: text.toLowerCase() };
      }
      case 'INTEGER':
      case 'DECIMAL':
      case 'INTEGER_WITH_CURRENCY_PREFIX':
      case 'DECIMAL_WITH_CURRENCY_PREFIX':
        if (family !== 'number') throw mismatch();
        return { kind: 'value', value: Number(literal.replace(/^[A-Za-z]{3}/, '')) };
      case 'BOOLEAN':
        if (family !== 'boolean') throw mismatch();
        return { kind: 'value', value: literal.toUpperCase() === 'TRUE' };
      case 'DATE':
        if (family !== 'date') throw mismatch();
        return { kind: 'value', value: literal };
      case 'DATETIME': {
        if (family !== 'datetime') throw mismatch();
        return { kind: 'value', value: normalizeDateTime(literal) };
      }
      case 'DATE_LITERAL':
      case 'DATE_N_LITERAL': {
        if (family !== 'date' && family !== 'datetime') throw mismatch();
        const name = literal.split(':')[0] as string;
        const count = n ?? Number(literal.split(':')[1] ?? 0);
        const range = dateLiteralRange(name, this.context.calendar, count);
        if (!range) {
          throw soqlErrorAt('MALFORMED_QUERY', this.soql, offsetOf(this.soql, name), `unexpected token: '${literal}'`);
        }
        return { kind: 'range', start: range.start, end: range.end };
      }
      default:
        throw soqlErrorAt('MALFORMED_QUERY', this.soql, offsetOf(this.soql, literal), `unexpected token: '${literal}'`);
    }
  }

  // ---- non-aggregate queries ------------------------------------------------------------------------------

  private runRecords(
    entry: ObjectEntry,
    alias: string | undefined,
    query: Query | Subquery,
    records: StoredRecord[],
  ): QueryResult {
    const fields = query.fields ?? [];
    const countOnly =
      fields.length === 1 &&
      fields[0]?.type === 'FieldFunctionExpression' &&
      fields[0].functionName.toUpperCase() === 'COUNT' &&
      fields[0].parameters.length === 0;
    const sorted = this.sort(entry, alias, query.orderBy, records);
    const offset = query.offset ?? 0;
    const limited = sorted.slice(offset, query.limit !== undefined ? offset + query.limit : undefined);
    if (countOnly) {
      return {
        objectName: entry.schema.name,
        totalSize: limited.length,
        countOnly: true,
        aggregate: false,
        rows: [],
        render: () => ({}),
        columns: [],
        columnMetadata: [],
      };
    }
    const shape = this.compileShape(entry, alias, fields);
    return {
      objectName: entry.schema.name,
      totalSize: limited.length,
      countOnly: false,
      aggregate: false,
      rows: limited,
      render: (row) => shape.render(row as StoredRecord),
      columns: shape.columns,
      columnMetadata: shape.metadata(),
    };
  }

  private sort(
    entry: ObjectEntry,
    alias: string | undefined,
    orderBy: OrderByClause | OrderByClause[] | undefined,
    records: StoredRecord[],
  ): StoredRecord[] {
    const clauses = orderBy === undefined ? [] : Array.isArray(orderBy) ? orderBy : [orderBy];
    if (clauses.length === 0) return records;
    const keys = clauses.map((c) => {
      let get: (r: StoredRecord) => Value;
      let text = false;
      if ('field' in c && c.field) {
        const path = this.resolvePath(entry, c.field, alias);
        get = path.get;
        text = isTextType(path.field.type);
      } else {
        get = this.resolveFunction(entry, (c as { fn: FunctionExp }).fn, alias).get as (r: StoredRecord) => Value;
      }
      const desc = c.order === 'DESC';
      const nullsFirst = c.nulls ? c.nulls === 'FIRST' : !desc;
      return { get, text, desc, nullsFirst };
    });
    const decorated = records.map((r, i) => ({
      r,
      i,
      k: keys.map((k) => {
        const v = k.get(r);
        return k.text && v !== null ? String(v).toLowerCase() : v;
      }),
    }));
    decorated.sort((a, b) => {
      for (let j = 0; j < keys.length; j++) {
        const spec = keys[j] as (typeof keys)[number];
        const x = a.k[j] as Value;
        const y = b.k[j] as Value;
        if (x === y) continue;
        if (x === null) return spec.nullsFirst ? -1 : 1;
        if (y === null) return spec.nullsFirst ? 1 : -1;
        const c = compare(x, y);
        if (c !== 0) return spec.desc ? -c : c;
      }
      return a.i - b.i;
    });
    return decorated.map((d) => d.r);
  }

  /** How a record renders: the select list as nested JSON (`Owner: { attributes, Name }`) and as flat columns. */
  private compileShape(
    entry: ObjectEntry,
    alias: string | undefined,
    fields: readonly SelectField[],
  ): {
    render: (r: StoredRecord) => JsonRecord;
    columns: QueryResult['columns'];
    metadata: () => ColumnMetadata[];
  } {
    const version = this.context.apiVersion;
    interface Node {
      readonly entry: ObjectEntry;
      readonly items: (
        | { kind: 'field'; key: string; field: FieldSchema }
        | { kind: 'parent'; key: string; ref: FieldSchema; node: Node }
        | { kind: 'children'; key: string; render: (parent: StoredRecord) => unknown; metadata: () => ColumnMetadata[] }
      )[];
    }
    const root: Node = { entry, items: [] };
    const columns: { header: string; get: (row: unknown) => Value }[] = [];
    const addPath = (path: FieldPath): void => {
      let node = root;
      for (const ref of path.refs) {
        const key = ref.field.relationshipName as string;
        let item = node.items.find((i) => i.kind === 'parent' && i.key === key);
        if (!item) {
          item = { kind: 'parent', key, ref: ref.field, node: { entry: ref.target, items: [] } };
          node.items.push(item);
        }
        node = (item as { node: Node }).node;
      }
      if (!node.items.some((i) => i.kind === 'field' && i.key === path.field.name)) {
        node.items.push({ kind: 'field', key: path.field.name, field: path.field });
      }
      columns.push({ header: path.display, get: (row) => path.get(row as StoredRecord) });
    };
    for (const f of fields) {
      switch (f.type) {
        case 'Field':
          this.expandField(entry, alias, f.field, addPath);
          break;
        case 'FieldRelationship':
          addPath(this.resolvePath(entry, f.rawValue ?? [...f.relationships, f.field].join('.'), alias));
          break;
        case 'FieldFunctionExpression': {
          if (f.functionName.toUpperCase() === 'FIELDS') {
            const which = String(f.parameters[0] ?? 'ALL').toUpperCase();
            for (const field of entry.schema.fields) {
              if (which === 'ALL' || (which === 'CUSTOM') === field.custom)
                addPath(this.resolvePath(entry, field.name));
            }
            break;
          }
          throw soqlErrorAt(
            'MALFORMED_QUERY',
            this.soql,
            offsetOf(this.soql, f.functionName),
            `${f.rawValue ?? f.functionName}: function is only valid in an aggregate query or with GROUP BY`,
          );
        }
        case 'FieldSubquery':
          root.items.push(this.compileChildren(entry, f.subquery));
          break;
        default:
          throw soqlErrorAt(
            'MALFORMED_QUERY',
            this.soql,
            offsetOf(this.soql, 'TYPEOF'),
            'TYPEOF is not supported by the local org',
          );
      }
    }
    const store = this.context.store;
    const renderNode = (node: Node, record: StoredRecord): JsonRecord => {
      const out: JsonRecord = {
        attributes: {
          type: node.entry.schema.name,
          url: `/services/data/${version}/sobjects/${node.entry.schema.name}/${String(record['Id'])}`,
        },
      };
      for (const item of node.items) {
        if (item.kind === 'field') out[item.key] = valueToJson(record[item.field.name] ?? null, item.field);
        else if (item.kind === 'parent') {
          const id = record[item.ref.name];
          const parent =
            typeof id === 'string'
              ? (store.table(item.node.entry.schema.name) as Table).byId.get(id.slice(0, 15))
              : undefined;
          out[item.key] = parent && parent['IsDeleted'] !== true ? renderNode(item.node, parent) : null;
        } else out[item.key] = item.render(record);
      }
      return out;
    };
    const metadataOf = (node: Node): ColumnMetadata[] =>
      node.items.map((item) =>
        item.kind === 'field'
          ? fieldColumn(item.field, item.key, item.key)
          : item.kind === 'parent'
            ? { ...fieldColumn(item.ref, item.key, item.key), apexType: null, joinColumns: metadataOf(item.node) }
            : { ...fieldColumn(null, item.key, item.key, true), numberType: false, joinColumns: item.metadata() },
      );
    return { render: (r) => renderNode(root, r), columns, metadata: () => metadataOf(root) };
  }

  private expandField(entry: ObjectEntry, alias: string | undefined, name: string, add: (p: FieldPath) => void): void {
    add(this.resolvePath(entry, name, alias));
  }

  /** A child subquery (`(SELECT Id FROM OpportunityLineItems)`) rendered per parent record. */
  private compileChildren(
    entry: ObjectEntry,
    subquery: Subquery,
  ): {
    kind: 'children';
    key: string;
    render: (parent: StoredRecord) => unknown;
    metadata: () => ColumnMetadata[];
  } {
    const relationship = entry.childRelationships.find(
      (c) => c.relationshipName?.toLowerCase() === subquery.relationshipName.toLowerCase(),
    );
    const childEntry = relationship ? this.context.store.schema.get(relationship.childSObject) : undefined;
    if (!relationship || !childEntry) {
      throw soqlErrorAt(
        'INVALID_TYPE',
        this.soql,
        offsetOf(this.soql, subquery.relationshipName),
        `Didn't understand relationship '${subquery.relationshipName}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    const alias = subquery.sObjectPrefix?.[0];
    const predicate = this.compileWhere(childEntry, alias, subquery);
    const shape = this.compileShape(childEntry, alias, subquery.fields ?? []);
    let byParent: Map<string, StoredRecord[]> | undefined;
    const key = relationship.relationshipName as string;
    const render = (parent: StoredRecord): unknown => {
      if (!byParent) {
        byParent = new Map();
        for (const child of this.scan(childEntry, predicate)) {
          const parentId = child[relationship.field];
          if (typeof parentId !== 'string') continue;
          const list = byParent.get(parentId.slice(0, 15));
          if (list) list.push(child);
          else byParent.set(parentId.slice(0, 15), [child]);
        }
      }
      const children = byParent.get(String(parent['Id']).slice(0, 15));
      if (!children || children.length === 0) return null;
      const sorted = this.sort(childEntry, alias, subquery.orderBy, children);
      const offset = subquery.offset ?? 0;
      const limited = sorted.slice(offset, subquery.limit !== undefined ? offset + subquery.limit : undefined);
      return { totalSize: limited.length, done: true, records: limited.map((c) => shape.render(c)) };
    };
    return { kind: 'children', key, render, metadata: shape.metadata };
  }

  // ---- aggregate queries ----------------------------------------------------------------------------------

  private runAggregate(
    entry: ObjectEntry,
    alias: string | undefined,
    query: Query,
    records: StoredRecord[],
  ): QueryResult {
    const groupClauses =
      query.groupBy === undefined ? [] : Array.isArray(query.groupBy) ? query.groupBy : [query.groupBy];
    const groups: { raw: string; get: (r: StoredRecord) => Value; field: FieldSchema | null; key: string }[] =
      groupClauses.map((g) => {
        if ('field' in g && g.field) {
          const path = this.resolvePath(entry, g.field, alias);
          return { raw: path.display.toLowerCase(), get: path.get, field: path.field, key: path.field.name };
        }
        const fn = (g as { fn: FunctionExp }).fn;
        const resolved = this.resolveFunction(entry, fn, alias);
        return {
          raw: normalizeFnText(resolved.raw),
          get: resolved.get as (r: StoredRecord) => Value,
          field: null,
          key: '',
        };
      });
    let exprIndex = 0;
    type Output =
      | { kind: 'group'; key: string; group: number; display: string }
      | { kind: 'aggregate'; key: string; spec: AggregateSpec; display: string };
    const outputs: Output[] = [];
    for (const f of query.fields ?? []) {
      if (f.type === 'Field' || f.type === 'FieldRelationship') {
        const raw = f.type === 'Field' ? f.field : (f.rawValue ?? [...f.relationships, f.field].join('.'));
        const path = this.resolvePath(entry, raw, alias);
        const group = groups.findIndex((g) => g.raw === path.display.toLowerCase());
        if (group < 0) {
          throw soqlErrorAt(
            'MALFORMED_QUERY',
            this.soql,
            offsetOf(this.soql, raw),
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
          outputs.push({
            kind: 'aggregate',
            key,
            spec: this.aggregateSpec(entry, alias, f),
            display: f.rawValue ?? name,
          });
        } else {
          const raw = normalizeFnText(f.rawValue ?? name);
          const group = groups.findIndex((g) => g.raw === raw);
          if (group < 0) {
            throw soqlErrorAt(
              'MALFORMED_QUERY',
              this.soql,
              offsetOf(this.soql, f.functionName),
              `Field must be grouped or aggregated: ${f.rawValue ?? name}`,
            );
          }
          outputs.push({ kind: 'group', key, group, display: f.rawValue ?? name });
        }
      } else {
        throw soqlErrorAt('MALFORMED_QUERY', this.soql, 0, 'Nested queries are not supported in aggregate queries');
      }
    }
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
    type Row = { values: Value[]; records: StoredRecord[]; cache: Map<string, Value> };
    let rows: Row[] = [...buckets.values()].map((b) => ({ ...b, cache: new Map() }));
    const valueOf = (row: Row, spec: AggregateSpec): Value => {
      let v = row.cache.get(spec.raw);
      if (v === undefined) {
        v = aggregateValue(spec, row.records);
        row.cache.set(spec.raw, v);
      }
      return v;
    };
    // HAVING
    const having = conditionTree(query.having);
    if (having) {
      const predicate = this.compileNode(having, (c) => this.compileHaving(entry, alias, c, groups)) as unknown as (
        row: Row,
      ) => boolean;
      rows = rows.filter((row) => predicate(row as never));
      void valueOf;
    }
    // ORDER BY over group values and aggregates.
    const orderClauses =
      query.orderBy === undefined ? [] : Array.isArray(query.orderBy) ? query.orderBy : [query.orderBy];
    if (orderClauses.length > 0) {
      const keys = orderClauses.map((c) => {
        const desc = c.order === 'DESC';
        const nullsFirst = c.nulls ? c.nulls === 'FIRST' : !desc;
        if ('field' in c && c.field) {
          const byAlias = outputs.find((o) => o.key.toLowerCase() === c.field.toLowerCase());
          if (byAlias) return { get: (row: Row) => this.outputValue(byAlias, row, valueOf), desc, nullsFirst };
          const path = this.resolvePath(entry, c.field, alias);
          const group = groups.findIndex((g) => g.raw === path.display.toLowerCase());
          if (group < 0) {
            throw soqlErrorAt(
              'MALFORMED_QUERY',
              this.soql,
              offsetOf(this.soql, c.field),
              `Ordered field must be grouped or aggregated: ${path.field.name}`,
            );
          }
          return { get: (row: Row) => row.values[group] ?? null, desc, nullsFirst };
        }
        const fn = (c as { fn: FunctionExp }).fn;
        const name = (fn.functionName ?? '').toUpperCase();
        if (AGGREGATES.has(name)) {
          const spec = this.aggregateSpec(entry, alias, fn);
          return { get: (row: Row) => valueOf(row, spec), desc, nullsFirst };
        }
        const raw = normalizeFnText(fn.rawValue ?? name);
        const group = groups.findIndex((g) => g.raw === raw);
        return { get: (row: Row) => row.values[group] ?? null, desc, nullsFirst };
      });
      const decorated = rows.map((row, i) => ({ row, i, k: keys.map((k) => k.get(row)) }));
      decorated.sort((a, b) => {
        for (let j = 0; j < keys.length; j++) {
          const spec = keys[j] as (typeof keys)[number];
          const x = a.k[j] as Value;
          const y = b.k[j] as Value;
          if (x === y) continue;
          if (x === null) return spec.nullsFirst ? -1 : 1;
          if (y === null) return spec.nullsFirst ? 1 : -1;
          const cmp = compare(typeof x === 'string' ? x.toLowerCase() : x, typeof y === 'string' ? y.toLowerCase() : y);
          if (cmp !== 0) return spec.desc ? -cmp : cmp;
        }
        return a.i - b.i;
      });
      rows = decorated.map((d) => d.row);
    }
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
          const v = this.outputValue(o, row as Row, valueOf);
          const f = fieldOf(o);
          out[o.key] =
            o.kind === 'aggregate' &&
            (o.spec.fn === 'COUNT' || o.spec.fn === 'COUNT_DISTINCT' || o.spec.fn === 'SUM' || o.spec.fn === 'AVG')
              ? v
              : valueToJson(v, f);
        }
        return out;
      },
      columns: outputs.map((o) => ({ header: o.key, get: (row: unknown) => this.outputValue(o, row as Row, valueOf) })),
      columnMetadata: outputs.map((o) =>
        o.kind === 'aggregate'
          ? { ...fieldColumn(null, o.key, o.display, true), apexType: o.spec.fn.startsWith('COUNT') ? 'Integer' : null }
          : fieldColumn(fieldOf(o) ?? null, o.key, o.display),
      ),
    };
  }

  private outputValue(
    o: { kind: 'group'; group: number } | { kind: 'aggregate'; spec: AggregateSpec },
    row: { values: Value[]; records: StoredRecord[]; cache: Map<string, Value> },
    valueOf: (
      row: { values: Value[]; records: StoredRecord[]; cache: Map<string, Value> },
      spec: AggregateSpec,
    ) => Value,
  ): Value {
    return o.kind === 'group' ? (row.values[o.group] ?? null) : valueOf(row, o.spec);
  }

  private aggregateSpec(entry: ObjectEntry, alias: string | undefined, fn: FunctionExp): AggregateSpec {
    const name = (fn.functionName ?? '').toUpperCase();
    const param = fn.parameters?.[0];
    if (param === undefined) {
      if (name !== 'COUNT') {
        throw soqlErrorAt(
          'MALFORMED_QUERY',
          this.soql,
          offsetOf(this.soql, fn.functionName ?? ''),
          `unexpected token: ')'`,
        );
      }
      return { fn: name, path: null, raw: 'COUNT()' };
    }
    if (typeof param !== 'string') {
      throw soqlErrorAt(
        'MALFORMED_QUERY',
        this.soql,
        offsetOf(this.soql, fn.functionName ?? ''),
        `unexpected token: '('`,
      );
    }
    const path = this.resolvePath(entry, param, alias);
    if ((name === 'SUM' || name === 'AVG') && !isNumberType(path.field.type)) {
      throw soqlErrorAt(
        'MALFORMED_QUERY',
        this.soql,
        offsetOf(this.soql, param),
        `field ${path.field.name} does not support aggregate operator ${name}`,
      );
    }
    return { fn: name, path, raw: `${name}(${path.display.toLowerCase()})` };
  }

  /** A HAVING condition over a group: an aggregate (`SUM(Amount) > 100`) or a grouped field. */
  private compileHaving(
    entry: ObjectEntry,
    alias: string | undefined,
    raw: Record<string, unknown>,
    groups: readonly { raw: string }[],
  ): Predicate {
    const condition = raw as {
      fn?: FunctionExp;
      field?: string;
      operator: string;
      value: string | string[];
      literalType?: string | string[];
    };
    let get: (row: { values: Value[]; records: StoredRecord[] }) => Value;
    let family: Family = 'number';
    if (condition.fn && AGGREGATES.has((condition.fn.functionName ?? '').toUpperCase())) {
      const spec = this.aggregateSpec(entry, alias, condition.fn);
      get = (row) => aggregateValue(spec, row.records);
      if (spec.path && (spec.fn === 'MIN' || spec.fn === 'MAX')) family = familyOf(spec.path.field);
    } else {
      const path = this.resolvePath(entry, condition.field ?? '', alias);
      const group = groups.findIndex((g) => g.raw === path.display.toLowerCase());
      if (group < 0) {
        throw soqlErrorAt(
          'MALFORMED_QUERY',
          this.soql,
          offsetOf(this.soql, condition.field ?? ''),
          `Field must be grouped or aggregated: ${path.field.name}`,
        );
      }
      family = familyOf(path.field);
      get = (row) => row.values[group] ?? null;
    }
    const values = Array.isArray(condition.value) ? condition.value : [condition.value];
    const types = Array.isArray(condition.literalType)
      ? condition.literalType
      : values.map(() => condition.literalType);
    const operands = values.map((v, i) =>
      this.operand(v, String(types[i] ?? 'STRING'), family, condition.field ?? 'expr', undefined, undefined),
    );
    const key = (row: { values: Value[]; records: StoredRecord[] }): Value => {
      const v = get(row);
      return family === 'text' && v !== null ? String(v).toLowerCase() : v;
    };
    const first = operands[0] as Operand;
    const operator = condition.operator.toUpperCase();
    return ((row: { values: Value[]; records: StoredRecord[] }) => {
      const k = key(row);
      const eq = (o: Operand): boolean =>
        o.kind === 'value' ? (o.value === null ? k === null : k === o.value) : false;
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
          const c = compare(k, first.value);
          return operator === '<' ? c < 0 : operator === '<=' ? c <= 0 : operator === '>' ? c > 0 : c >= 0;
        }
      }
    }) as unknown as Predicate;
  }
}

export { SoqlError };
