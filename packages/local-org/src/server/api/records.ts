/** Helpers of the record resources (sObject rows and sObject Collections): objects, visibility, JSON, errors. */
import type { Table } from '../data/orgStore.js';
import { normalizeId, valueToJson, type StoredRecord } from '../data/values.js';
import { HttpError, notFound } from '../http/httpUtil.js';
import type { RequestContext } from '../http/requestContext.js';
import type { ObjectEntry } from '../schema/schemaRegistry.js';
import { error as fieldError, type SaveOutcome } from '../writes.js';

/** A visible object by name, else 404 NOT_FOUND. */
export function objectEntry(ctx: RequestContext, name: string | undefined): ObjectEntry {
  const schema = ctx.org.store.schema;
  const entry = name && !schema.isHidden(name) ? schema.get(name) : undefined;
  if (!entry) throw notFound();
  return entry;
}

/** A record as the REST API answers it: `attributes` then every field (or the listed ones). */
export function recordJson(
  table: Table,
  record: StoredRecord,
  version: string,
  fields?: readonly string[],
): Record<string, unknown> {
  const name = table.entry.schema.name;
  const out: Record<string, unknown> = {
    attributes: { type: name, url: `/services/data/${version}/sobjects/${name}/${String(record['Id'])}` },
  };
  const list = fields
    ? fields.map((f) => {
        const schemaField = table.entry.fields.get(f.trim().toLowerCase());
        if (!schemaField)
          throw new HttpError(
            400,
            'INVALID_FIELD',
            `No such column '${f.trim()}' on entity '${name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
          );
        return schemaField;
      })
    : table.entry.schema.fields;
  for (const f of list) out[f.name] = valueToJson(record[f.name] ?? null, f);
  return out;
}

/** A live record of the object that the request's user may see, else 404 NOT_FOUND. */
export function visibleRecord(
  ctx: RequestContext,
  objectName: string,
  id: string,
): { table: Table; record: StoredRecord } {
  const normalized = normalizeId(id);
  const found = normalized ? ctx.org.store.findById(normalized) : undefined;
  if (
    !found ||
    found.record['IsDeleted'] === true ||
    found.table.entry.schema.name.toLowerCase() !== objectName.toLowerCase() ||
    !ctx.org.sharing.canSee(ctx.session.viewer, found.table, found.record)
  ) {
    throw notFound();
  }
  return found;
}

/** A single-record failure as the REST API answers it: 400 (404 for a missing record) with the first error. */
export function saveError(outcome: SaveOutcome): HttpError {
  const first = outcome.errors[0] ?? fieldError('UNKNOWN_EXCEPTION', 'unknown error');
  const status = first.statusCode === 'INVALID_CROSS_REFERENCE_KEY' && first.fields.length === 0 ? 404 : 400;
  if (status === 404) return notFound();
  return new HttpError(status, first.statusCode, first.message, first.fields);
}
