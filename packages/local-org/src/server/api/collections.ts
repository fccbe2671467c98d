/**
 * sObject Collections (`/composite/sobjects`): create (POST), update (PATCH), delete (DELETE `?ids=`), upsert by
 * external ID (`/composite/sobjects/X/{ExtId__c}`) and retrieve (`POST /composite/sobjects/X`), up to 200 records,
 * `allOrNone`, one `{ id, success, errors }` per record; seeded faults can fail records with UNABLE_TO_LOCK_ROW.
 */
import type { Table } from '../data/orgStore.js';
import { normalizeId, type Value } from '../data/values.js';
import { HttpError, notFound, sendJson } from '../http/httpUtil.js';
import { collectionBody, readJsonBody, retrieveBody } from '../http/requestBodies.js';
import { recordFails, writeContext, type RequestContext } from '../http/requestContext.js';
import {
  createRecord,
  deleteRecord,
  error as fieldError,
  rollback,
  updateRecord,
  upsertRecord,
  type SaveOutcome,
  type WriteContext,
} from '../writes.js';
import { objectEntry, recordJson } from './records.js';

export async function collectionsResource(ctx: RequestContext): Promise<void> {
  const { req, res, url, version, parts, method } = ctx;
  if (parts.length === 1 && method === 'POST') {
    // Retrieve many: POST /composite/sobjects/X { ids, fields }
    const entry = objectEntry(ctx, parts[0]);
    const body = await readJsonBody(req, retrieveBody);
    const table = ctx.org.store.table(entry.schema.name) as Table;
    sendJson(
      res,
      200,
      (body.ids ?? []).map((id) => {
        const normalized = normalizeId(id);
        const found = normalized ? ctx.org.store.findById(normalized) : undefined;
        if (
          !found ||
          found.table !== table ||
          found.record['IsDeleted'] === true ||
          !ctx.org.sharing.canSee(ctx.session.viewer, table, found.record)
        ) {
          return null;
        }
        return recordJson(table, found.record, version, body.fields);
      }),
    );
    return;
  }
  if (parts.length === 0 && method === 'DELETE') {
    const ids = (url.searchParams.get('ids') ?? '').split(',').filter((s) => s !== '');
    const allOrNone = url.searchParams.get('allOrNone') === 'true';
    if (ids.length > 200)
      throw new HttpError(
        400,
        'EXCEEDED_ID_LIMIT',
        'record limit reached. cannot submit more than 200 records into this call',
      );
    const results = runCollection(ctx, allOrNone, ids, (context, id) => deleteRecord(context, null, id), 'update');
    sendJson(res, 200, results);
    return;
  }
  const isCreate = parts.length === 0 && method === 'POST';
  const isUpdate = parts.length === 0 && method === 'PATCH';
  const isUpsert = parts.length === 2 && method === 'PATCH';
  if (!isCreate && !isUpdate && !isUpsert) throw notFound();
  const body = await readJsonBody(req, collectionBody);
  const records = body.records ?? [];
  if (!Array.isArray(records)) throw new HttpError(400, 'JSON_PARSER_ERROR', 'records must be an array');
  if (records.length > 200) {
    throw new HttpError(
      400,
      'EXCEEDED_ID_LIMIT',
      'record limit reached. cannot submit more than 200 records into this call',
    );
  }
  const allOrNone = body.allOrNone === true;
  const typeOf = (r: Record<string, unknown>): string | undefined =>
    (r['attributes'] as { type?: string } | undefined)?.type;
  for (const r of records) {
    if (!typeOf(r)) throw new HttpError(400, 'INVALID_FIELD', 'No SObject Type defined in record');
  }
  if (isUpsert) {
    const entry = objectEntry(ctx, parts[0]);
    const field = entry.fields.get((parts[1] as string).toLowerCase());
    if (!field || !(field.externalId || field.name === 'Id')) {
      throw new HttpError(
        400,
        'INVALID_FIELD',
        `Field ${parts[1] as string} is not an external id field on ${entry.schema.name}`,
      );
    }
    for (const r of records) {
      if (typeOf(r)?.toLowerCase() !== entry.schema.name.toLowerCase()) {
        throw new HttpError(400, 'INVALID_FIELD', `The records must all be of type ${entry.schema.name}`);
      }
    }
    const valueOf = (r: Record<string, unknown>): Value => {
      const key = Object.keys(r).find((k) => k.toLowerCase() === field.name.toLowerCase());
      return key === undefined ? null : (r[key] as Value);
    };
    const counts = new Map<string, number>();
    for (const r of records) {
      const v = valueOf(r);
      if (v === null) continue;
      const k = field.caseSensitive ? String(v) : String(v).toLowerCase();
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const results = runCollection(
      ctx,
      allOrNone,
      records,
      (context, r) => {
        const v = valueOf(r);
        const k = v === null ? null : field.caseSensitive ? String(v) : String(v).toLowerCase();
        if (k !== null && (counts.get(k) ?? 0) > 1) {
          return {
            success: false,
            id: null,
            errors: [
              fieldError('DUPLICATE_EXTERNAL_ID', `Duplicate external id specified: ${String(v)}`, [field.name]),
            ],
          };
        }
        if (v === null && field.name !== 'Id') {
          return {
            success: false,
            id: null,
            errors: [
              fieldError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${field.name}]`, [field.name]),
            ],
          };
        }
        const { attributes: _attributes, ...input } = r;
        void _attributes;
        return upsertRecord(context, entry.schema.name, field, v, input);
      },
      'upsert',
    );
    sendJson(res, 200, results);
    return;
  }
  const results = runCollection(
    ctx,
    allOrNone,
    records,
    (context, r) => {
      const { attributes: _attributes, ...input } = r;
      void _attributes;
      const type = typeOf(r) as string;
      if (isCreate) return createRecord(context, type, input);
      const idKey = Object.keys(input).find((k) => k.toLowerCase() === 'id');
      const id = idKey ? String(input[idKey]) : '';
      if (idKey) delete input[idKey];
      if (!id)
        return {
          success: false,
          id: null,
          errors: [fieldError('MISSING_ARGUMENT', 'Id not specified in an update call', [])],
        };
      return updateRecord(context, type, id, input);
    },
    isCreate ? 'create' : 'update',
  );
  sendJson(res, 200, results);
}

/**
 * Runs a collection's items in order; with allOrNone, any failure rolls every change back and the other items
 * answer ALL_OR_NONE_OPERATION_ROLLED_BACK. Seeded faults can fail items with UNABLE_TO_LOCK_ROW.
 */
function runCollection<T>(
  ctx: RequestContext,
  allOrNone: boolean,
  items: readonly T[],
  run: (context: WriteContext, item: T) => SaveOutcome,
  kind: 'create' | 'update' | 'upsert',
): Record<string, unknown>[] {
  const context = writeContext(ctx);
  const outcomes = items.map((item, index) => {
    if (recordFails(ctx, index)) {
      return {
        success: false,
        id: null,
        errors: [fieldError('UNABLE_TO_LOCK_ROW', 'unable to obtain exclusive access to this record or 1 records')],
      } satisfies SaveOutcome;
    }
    const undoBefore = context.undo.length;
    const outcome = run(context, item);
    if (!outcome.success) {
      // A failed item leaves nothing behind.
      const own = context.undo.splice(undoBefore);
      for (let i = own.length - 1; i >= 0; i--) (own[i] as () => void)();
    }
    return outcome;
  });
  const failed = outcomes.some((o) => !o.success);
  if (allOrNone && failed) {
    rollback(context);
    return outcomes.map((o) =>
      o.success
        ? resultJson(
            {
              success: false,
              id: kind === 'create' ? null : o.id,
              errors: [
                fieldError(
                  'ALL_OR_NONE_OPERATION_ROLLED_BACK',
                  'Record rolled back because not all records were valid and the request was using AllOrNone header',
                ),
              ],
            },
            kind,
          )
        : resultJson(o, kind),
    );
  }
  return outcomes.map((o) => resultJson(o, kind));
}

/** A SaveResult / UpsertResult as sObject Collections answer it. */
function resultJson(o: SaveOutcome, kind: 'create' | 'update' | 'upsert'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (o.success || (kind === 'update' && o.id)) out['id'] = o.id;
  out['success'] = o.success;
  out['errors'] = o.errors.map((e) => ({ statusCode: e.statusCode, message: e.message, fields: e.fields }));
  if (kind === 'upsert' && o.success) out['created'] = o.created === true;
  return out;
}
