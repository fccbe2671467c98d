/**
 * The local org's SOQL evaluator: parses with soql-parser-js, resolves every field against the schema (errors in
 * Salesforce's words), then filters, sorts, groups and projects the store's records. Results come back as a
 * {@link QueryResult} whose rows are rendered to REST JSON page by page, or to flat CSV columns for Bulk API 2.0.
 */
import { parseQuery, type Query } from '@jetstreamapp/soql-parser-js';
import type { StoredRecord } from '../data/values.js';
import type { ObjectEntry } from '../schema/schemaRegistry.js';
import { AGGREGATES } from './aggregateFunctions.js';
import { runAggregate } from './aggregateQuery.js';
import { scan, startBudget, type Compilation } from './compilation.js';
import { compileShape } from './projection.js';
import type { QueryContext, QueryResult } from './queryResult.js';
import { sortRecords } from './sortRows.js';
import { malformedQuery, noSuchObject, SoqlError } from './soqlError.js';
import { stampRangeOf } from './stampIndex.js';
import { compileWhere } from './whereClause.js';

export type { ColumnMetadata, JsonRecord, QueryContext, QueryResult } from './queryResult.js';

/** Parses and runs a query; `includeDeleted` for queryAll. Throws {@link SoqlError}. */
export function executeQuery(soql: string, context: QueryContext, includeDeleted = false): QueryResult {
  let query: Query;
  try {
    query = parseQuery(soql);
  } catch (error) {
    throw malformedQuery(soql, error);
  }
  return runQuery(compilation(soql, context, includeDeleted, startBudget(context)), query);
}

function compilation(
  soql: string,
  context: QueryContext,
  includeDeleted: boolean,
  budget: Compilation['budget'],
): Compilation {
  return {
    soql,
    context,
    includeDeleted,
    dateCache: new Map(),
    budget,
    runQuery: (query) => runQuery(compilation(soql, context, false, budget), query),
  };
}

function runQuery(c: Compilation, query: Query): QueryResult {
  const objectName = query.sObject ?? '';
  const entry = c.context.store.schema.get(objectName);
  if (!entry || !entry.schema.queryable) throw noSuchObject(c.soql, objectName);
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
  const predicate = compileWhere(c, entry, alias, query);
  const counted = countOnly && (query.orderBy === undefined || (Array.isArray(query.orderBy) && !query.orderBy.length));
  const records = scan(c, entry, predicate, stampRangeOf(query, alias), counted);
  if (aggregate) return runAggregate(c, entry, alias, query, records);
  return runRecords(c, entry, alias, query, records, countOnly);
}

/** A record query: sorted, OFFSET/LIMIT applied, projected (or only counted for `COUNT()`). */
function runRecords(
  c: Compilation,
  entry: ObjectEntry,
  alias: string | undefined,
  query: Query,
  records: StoredRecord[],
  countOnly: boolean,
): QueryResult {
  const sorted = sortRecords(c, entry, alias, query.orderBy, records);
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
  const shape = compileShape(c, entry, alias, query.fields ?? []);
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

export { SoqlError };
