/**
 * `/sobjects`: the global describe, `/sobjects/X` (summary, create), `/sobjects/X/describe`, `/sobjects/X/{id}` (GET
 * with `fields`, PATCH, DELETE) and `/sobjects/X/{ExtId__c}/{value}` (GET, upsert), as the running user.
 */
import type { Table } from '../data/orgStore.js';
import { describeGlobal, describeObject, describeSummary } from '../describe.js';
import { HttpError, notFound, sendEmpty, sendJson } from '../http/httpUtil.js';
import { readJsonBody, recordBody } from '../http/requestBodies.js';
import { writeContext, type RequestContext } from '../http/requestContext.js';
import type { StoredRecord } from '../data/values.js';
import { createRecord, deleteRecord, updateRecord, upsertRecord } from '../writes.js';
import { objectEntry, recordJson, saveError, visibleRecord } from './records.js';

export async function sobjectsResource(ctx: RequestContext): Promise<void> {
  const { req, res, url, version, parts, method } = ctx;
  if (parts.length === 0) {
    if (method !== 'GET') throw notFound();
    sendJson(res, 200, describeGlobal(ctx.org.store.schema, version));
    return;
  }
  const entry = objectEntry(ctx, parts[0]);
  const objectName = entry.schema.name;
  if (parts.length === 1) {
    if (method === 'GET') {
      sendJson(res, 200, { objectDescribe: describeSummary(entry, version), recentItems: [] });
      return;
    }
    if (method === 'POST') {
      const body = await readJsonBody(req, recordBody);
      const context = writeContext(ctx);
      const outcome = createRecord(context, objectName, body);
      if (!outcome.success) throw saveError(outcome);
      sendJson(res, 201, { id: outcome.id, success: true, errors: [] });
      return;
    }
    throw notFound();
  }
  if (parts.length === 2 && parts[1] === 'describe' && method === 'GET') {
    sendJson(res, 200, describeObject(entry, version));
    return;
  }
  if (parts.length === 2) {
    const id = parts[1] as string;
    if (method === 'GET') {
      const { table, record } = visibleRecord(ctx, objectName, id);
      const fields = url.searchParams.get('fields');
      sendJson(res, 200, recordJson(table, record, version, fields ? fields.split(',') : undefined));
      return;
    }
    if (method === 'PATCH' || method === 'DELETE') {
      visibleRecord(ctx, objectName, id);
      const context = writeContext(ctx);
      const outcome =
        method === 'PATCH'
          ? updateRecord(context, objectName, id, await readJsonBody(req, recordBody))
          : deleteRecord(context, objectName, id);
      if (!outcome.success) throw saveError(outcome);
      sendEmpty(res, 204);
      return;
    }
    throw notFound();
  }
  if (parts.length === 3) {
    const field = entry.fields.get((parts[1] as string).toLowerCase());
    if (!field || !(field.externalId || field.name === 'Id')) {
      throw new HttpError(
        404,
        'NOT_FOUND',
        `Provided external ID field does not exist or is not accessible: ${parts[1] as string}`,
      );
    }
    const value = parts[2] as string;
    if (method === 'GET') {
      const table = ctx.org.store.table(objectName) as Table;
      const matches = table.records.filter(
        (r) =>
          r['IsDeleted'] !== true &&
          r[field.name] !== null &&
          (field.caseSensitive
            ? r[field.name] === value
            : String(r[field.name]).toLowerCase() === value.toLowerCase()) &&
          ctx.org.sharing.canSee(ctx.session.viewer, table, r),
      );
      if (matches.length === 0) throw notFound();
      if (matches.length > 1) {
        sendJson(
          res,
          300,
          matches.map((m) => `/services/data/${version}/sobjects/${objectName}/${String(m['Id'])}`),
        );
        return;
      }
      sendJson(res, 200, recordJson(table, matches[0] as StoredRecord, version));
      return;
    }
    if (method === 'PATCH') {
      const body = await readJsonBody(req, recordBody);
      const context = writeContext(ctx);
      const outcome = upsertRecord(context, objectName, field, value, body);
      if (!outcome.success) {
        if (outcome.errors[0]?.statusCode === 'MULTIPLE_CHOICES') {
          throw new HttpError(300, 'MULTIPLE_CHOICES', outcome.errors[0].message);
        }
        throw saveError(outcome);
      }
      sendJson(res, outcome.created ? 201 : 200, {
        id: outcome.id,
        success: true,
        errors: [],
        created: outcome.created === true,
      });
      return;
    }
  }
  throw notFound();
}
