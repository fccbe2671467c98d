/**
 * Field paths of a query (`Amount`, `Owner.Name`, `o.Account.Owner.Name` with an alias) resolved against the schema:
 * the lookups to follow, the field, its canonical display name and a getter over stored records.
 */
import type { Table } from '../data/orgStore.js';
import type { StoredRecord, Value } from '../data/values.js';
import { isIdType, isNumberType, type FieldSchema } from '../schema/objectSchema.js';
import type { ObjectEntry } from '../schema/schemaRegistry.js';
import type { Compilation } from './compilation.js';
import { noSuchColumn, noSuchRelationship } from './soqlError.js';

/** A resolved field path: the lookups to follow, then the field. */
export interface FieldPath {
  readonly refs: readonly { readonly field: FieldSchema; readonly target: ObjectEntry }[];
  readonly field: FieldSchema;
  /** Canonical `Owner.Name`. */
  readonly display: string;
  readonly get: (record: StoredRecord) => Value;
}

/** How a field's values compare in filters. */
export type Family = 'text' | 'id' | 'number' | 'boolean' | 'date' | 'datetime';

export function familyOf(field: FieldSchema): Family {
  if (isIdType(field.type)) return 'id';
  if (isNumberType(field.type)) return 'number';
  if (field.type === 'boolean') return 'boolean';
  if (field.type === 'date') return 'date';
  if (field.type === 'datetime') return 'datetime';
  return 'text';
}

function stripAlias(path: string, alias: string | undefined): string {
  if (alias && path.toLowerCase().startsWith(alias.toLowerCase() + '.')) return path.slice(alias.length + 1);
  return path;
}

/** Resolves `rawPath` from `entry`; INVALID_FIELD for an unknown relationship or column. */
export function resolvePath(c: Compilation, entry: ObjectEntry, rawPath: string, alias?: string): FieldPath {
  const text = stripAlias(rawPath, alias);
  const parts = text.split('.');
  const refs: { field: FieldSchema; target: ObjectEntry }[] = [];
  let current = entry;
  for (const part of parts.slice(0, -1)) {
    const ref = current.relationships.get(part.toLowerCase());
    const target = ref ? c.context.store.schema.get(ref.referenceTo[0] ?? '') : undefined;
    if (!ref || !target) throw noSuchRelationship(c.soql, rawPath, part);
    refs.push({ field: ref, target });
    current = target;
  }
  const last = parts[parts.length - 1] as string;
  const field = current.fields.get(last.toLowerCase());
  if (!field) throw noSuchColumn(c.soql, rawPath, current.schema.name);
  const display = [...refs.map((r) => r.field.relationshipName as string), field.name].join('.');
  const store = c.context.store;
  const tables = refs.map((r) => store.table(r.target.schema.name) as Table);
  const get =
    refs.length === 0
      ? (record: StoredRecord): Value => record[field.name] ?? null
      : (record: StoredRecord): Value => {
          let r: StoredRecord | undefined = record;
          for (let i = 0; i < refs.length; i++) {
            const id = r[(refs[i] as { field: FieldSchema }).field.name];
            if (typeof id !== 'string') return null;
            r = (tables[i] as Table).byId.get(id);
            if (!r || r['IsDeleted'] === true) return null;
          }
          return r[field.name] ?? null;
        };
  return { refs, field, display, get };
}
