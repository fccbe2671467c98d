/**
 * The recycle bin as the platform keeps it: a deleted record stays as a tombstone (IsDeleted = true, a new
 * SystemModstamp), visible only to queryAll and Bulk API 2.0 `queryAll`; deleting a parent deletes the children it
 * controls (an Opportunity's line items and history rows) with it, and undeleting the parent restores them.
 * (Object Reference, "IsDeleted"; SOAP API Developer Guide, "undelete()".)
 */
import type { OrgStore, Table } from './data/orgStore.js';
import type { StoredRecord } from './data/values.js';
import type { ObjectEntry } from './schema/schemaRegistry.js';
import type { SaveOutcome, WriteContext } from './writes.js';

/** Children deleted together with their parent, by the parent's 15-character id: what undelete brings back. */
const deletedWith = new WeakMap<OrgStore, Map<string, { table: Table; record: StoredRecord }[]>>();

function binOf(store: OrgStore): Map<string, { table: Table; record: StoredRecord }[]> {
  let bin = deletedWith.get(store);
  if (!bin) {
    bin = new Map();
    deletedWith.set(store, bin);
  }
  return bin;
}

/** Marks a record and its live controlled children deleted, each with the write's SystemModstamp (undo logged). */
export function moveToRecycleBin(context: WriteContext, table: Table, record: StoredRecord): void {
  const id = String(record['Id']).slice(0, 15);
  const children: { table: Table; record: StoredRecord }[] = [];
  for (const name of context.store.objectNames()) {
    // From the schema first: the table of an object not loaded yet is loaded only if it may hold children.
    const entry = context.store.schema.get(name) as ObjectEntry;
    const declared = entry.schema.sharingParentField;
    const parentFields = (declared === null ? [] : typeof declared === 'string' ? [declared] : declared).filter(
      (field) => entry.fields.get(field.toLowerCase())?.referenceTo.includes(table.entry.schema.name),
    );
    if (parentFields.length === 0) continue;
    const child = context.store.table(name) as Table;
    for (const r of child.records) {
      if (r['IsDeleted'] !== true && parentFields.some((field) => String(r[field] ?? '').slice(0, 15) === id))
        children.push({ table: child, record: r });
    }
  }
  for (const target of [{ table, record }, ...children]) setDeleted(context, target.table, target.record, true);
  const bin = binOf(context.store);
  const before = bin.get(id);
  bin.set(id, children);
  context.undo.push(() => (before ? bin.set(id, before) : bin.delete(id)));
}

/** Restores a deleted record and the children deleted with it; UNDELETE_FAILED when it is not in the bin. */
export function undeleteRecord(context: WriteContext, id: string): SaveOutcome {
  const found = context.store.findById(id);
  if (!found || !context.sharing.canSee(context.viewer, found.table, found.record)) {
    return {
      success: false,
      id,
      errors: [{ statusCode: 'INVALID_ID_FIELD', message: 'invalid record id', fields: [] }],
    };
  }
  const { table, record } = found;
  if (record['IsDeleted'] !== true) {
    return {
      success: false,
      id: String(record['Id']),
      errors: [{ statusCode: 'UNDELETE_FAILED', message: 'Entity is not in the recycle bin', fields: [] }],
    };
  }
  const key = String(record['Id']).slice(0, 15);
  const bin = binOf(context.store);
  const children = bin.get(key) ?? [];
  for (const target of [{ table, record }, ...children]) setDeleted(context, target.table, target.record, false);
  bin.delete(key);
  context.undo.push(() => bin.set(key, children));
  return { success: true, id: String(record['Id']), errors: [] };
}

function setDeleted(context: WriteContext, table: Table, record: StoredRecord, deleted: boolean): void {
  const before = { ...record };
  const values: StoredRecord = { IsDeleted: deleted };
  if (table.entry.fields.has('systemmodstamp')) values['SystemModstamp'] = context.now;
  context.store.assign(table, record, values);
  context.undo.push(() => context.store.assign(table, record, before));
}
