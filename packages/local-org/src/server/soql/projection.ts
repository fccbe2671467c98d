/**
 * The select list of a record query compiled to its shape: nested REST JSON (`Owner: { attributes, Name }`, child
 * subqueries as `{ totalSize, done, records }`), flat CSV columns (`Owner.Name`) and `columns=true` metadata.
 */
import type { FieldType as SelectField, Subquery } from '@jetstreamapp/soql-parser-js';
import type { Table } from '../data/orgStore.js';
import { valueToJson, type StoredRecord, type Value } from '../data/values.js';
import { isIdType, isNumberType, isTextType, type FieldSchema } from '../schema/objectSchema.js';
import type { ObjectEntry } from '../schema/schemaRegistry.js';
import { scan, type Compilation } from './compilation.js';
import { resolvePath, type FieldPath } from './fieldPath.js';
import type { ColumnMetadata, JsonRecord, QueryResult } from './queryResult.js';
import { sortRecords } from './sortRows.js';
import { offsetOf, soqlErrorAt } from './soqlError.js';
import { compileWhere } from './whereClause.js';

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

/** A column of `columns=true` for a field (or an aggregate / subquery when field is null). */
export function fieldColumn(
  field: FieldSchema | null,
  name: string,
  display: string,
  aggregate = false,
): ColumnMetadata {
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

/** How a record renders: the select list as nested JSON (`Owner: { attributes, Name }`) and as flat columns. */
export function compileShape(
  c: Compilation,
  entry: ObjectEntry,
  alias: string | undefined,
  fields: readonly SelectField[],
): {
  render: (r: StoredRecord) => JsonRecord;
  columns: QueryResult['columns'];
  metadata: () => ColumnMetadata[];
} {
  const version = c.context.apiVersion;
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
        addPath(resolvePath(c, entry, f.field, alias));
        break;
      case 'FieldRelationship':
        addPath(resolvePath(c, entry, f.rawValue ?? [...f.relationships, f.field].join('.'), alias));
        break;
      case 'FieldFunctionExpression': {
        if (f.functionName.toUpperCase() === 'FIELDS') {
          const which = String(f.parameters[0] ?? 'ALL').toUpperCase();
          for (const field of entry.schema.fields) {
            if (which === 'ALL' || (which === 'CUSTOM') === field.custom) addPath(resolvePath(c, entry, field.name));
          }
          break;
        }
        throw soqlErrorAt(
          'MALFORMED_QUERY',
          c.soql,
          offsetOf(c.soql, f.functionName),
          `${f.rawValue ?? f.functionName}: function is only valid in an aggregate query or with GROUP BY`,
        );
      }
      case 'FieldSubquery':
        root.items.push(compileChildren(c, entry, f.subquery));
        break;
      default:
        throw soqlErrorAt(
          'MALFORMED_QUERY',
          c.soql,
          offsetOf(c.soql, 'TYPEOF'),
          'TYPEOF is not supported by the local org',
        );
    }
  }
  const store = c.context.store;
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
          typeof id === 'string' ? (store.table(item.node.entry.schema.name) as Table).byId.get(id) : undefined;
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

/** A child subquery (`(SELECT Id FROM OpportunityLineItems)`) rendered per parent record. */
function compileChildren(
  c: Compilation,
  entry: ObjectEntry,
  subquery: Subquery,
): {
  kind: 'children';
  key: string;
  render: (parent: StoredRecord) => unknown;
  metadata: () => ColumnMetadata[];
} {
  const relationship = entry.childRelationships.find(
    (r) => r.relationshipName?.toLowerCase() === subquery.relationshipName.toLowerCase(),
  );
  const childEntry = relationship ? c.context.store.schema.get(relationship.childSObject) : undefined;
  if (!relationship || !childEntry) {
    throw soqlErrorAt(
      'INVALID_TYPE',
      c.soql,
      offsetOf(c.soql, subquery.relationshipName),
      `Didn't understand relationship '${subquery.relationshipName}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  const alias = subquery.sObjectPrefix?.[0];
  const predicate = compileWhere(c, childEntry, alias, subquery);
  const shape = compileShape(c, childEntry, alias, subquery.fields ?? []);
  let byParent: Map<string, StoredRecord[]> | undefined;
  const key = relationship.relationshipName as string;
  const render = (parent: StoredRecord): unknown => {
    if (!byParent) {
      byParent = new Map();
      for (const child of scan(c, childEntry, predicate)) {
        const parentId = child[relationship.field];
        if (typeof parentId !== 'string') continue;
        const list = byParent.get(parentId.slice(0, 15));
        if (list) list.push(child);
        else byParent.set(parentId.slice(0, 15), [child]);
      }
    }
    const children = byParent.get(String(parent['Id']).slice(0, 15));
    if (!children || children.length === 0) return null;
    const sorted = sortRecords(c, childEntry, alias, subquery.orderBy, children);
    const offset = subquery.offset ?? 0;
    const limited = sorted.slice(offset, subquery.limit !== undefined ? offset + subquery.limit : undefined);
    return { totalSize: limited.length, done: true, records: limited.map((child) => shape.render(child)) };
  };
  return { kind: 'children', key, render, metadata: shape.metadata };
}
