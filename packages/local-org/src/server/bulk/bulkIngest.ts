/**
 * Bulk API 2.0 ingest jobs: created open, CSV batches uploaded with `PUT …/batches`, run when the client sets
 * UploadComplete (insert, update, upsert by external ID, delete; each row on its own), results as CSV.
 */
import { parse } from 'csv-parse/sync';
import type { Value } from '../data/values.js';
import { HttpError } from '../http/httpUtil.js';
import { recordFails, writeContext, type RequestContext } from '../http/requestContext.js';
import {
  createRecord,
  deleteRecord,
  updateRecord,
  upsertRecord,
  error as fieldError,
  type SaveOutcome,
} from '../writes.js';
import { DELIMITERS, jobBase, type IngestJob } from './bulkJob.js';

export function createIngestJob(ctx: RequestContext, newId: () => string, body: Record<string, unknown>): IngestJob {
  const operation = String(body['operation'] ?? '');
  if (!['insert', 'update', 'upsert', 'delete', 'hardDelete'].includes(operation)) {
    throw new HttpError(400, 'INVALIDJOB', `Invalid operation: ${operation}`);
  }
  const objectName = String(body['object'] ?? '');
  const entry = ctx.org.store.schema.get(objectName);
  if (!entry) throw new HttpError(400, 'INVALIDJOB', `sObject type '${objectName}' is not supported.`);
  const externalIdFieldName = body['externalIdFieldName'] === undefined ? null : String(body['externalIdFieldName']);
  if (operation === 'upsert') {
    const f = externalIdFieldName ? entry.fields.get(externalIdFieldName.toLowerCase()) : undefined;
    if (!f || !(f.externalId || f.name === 'Id')) {
      throw new HttpError(
        400,
        'INVALIDJOB',
        `InvalidJob : Field name provided, ${externalIdFieldName ?? ''} is not an External ID or indexed field for ${entry.schema.name}`,
      );
    }
  }
  return {
    kind: 'ingest',
    ...jobBase(ctx, newId, operation, entry.schema.name, body),
    externalIdFieldName: operation === 'upsert' ? externalIdFieldName : null,
    batches: [],
    bytes: 0,
    successful: [],
    failed: [],
    unprocessed: [],
    header: [],
    processed: 0,
  };
}

function parseBatch(job: IngestJob, batch: string): string[][] {
  return parse(batch, {
    delimiter: DELIMITERS[job.columnDelimiter] ?? ',',
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as string[][];
}

/** Adds an uploaded CSV batch; 400 INVALIDBATCH (naming the line) when it is not CSV, such as an unclosed quote. */
export function addBatch(job: IngestJob, batch: string): void {
  try {
    parseBatch(job, batch);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new HttpError(400, 'INVALIDBATCH', `InvalidBatch : Failed to parse the uploaded CSV: ${message}`);
  }
  job.batches.push(batch);
  job.bytes += Buffer.byteLength(batch);
}

/** The header (of the last batch with one) and every data row of the uploaded batches. */
export function ingestRows(job: IngestJob): { header: string[]; rows: string[][] } {
  let header: string[] = [];
  const rows: string[][] = [];
  for (const batch of job.batches) {
    const parsed = parseBatch(job, batch);
    if (parsed.length === 0) continue;
    header = parsed[0] as string[];
    rows.push(...parsed.slice(1));
  }
  return { header, rows };
}

/** Runs an ingest job's rows, each on its own (allOrNone false), as the platform does in its batches. */
export function processIngestJob(ctx: RequestContext, job: IngestJob): void {
  const { header, rows } = ingestRows(job);
  job.header = header;
  const idColumn = header.findIndex((h) => h.toLowerCase() === 'id');
  rows.forEach((row, index) => {
    const input: Record<string, unknown> = {};
    header.forEach((h, i) => {
      const cell = row[i] ?? '';
      if (cell === '') return; // empty leaves the field as it is
      input[h] = cell === '#N/A' ? null : cell;
    });
    const context = writeContext(ctx);
    let outcome: SaveOutcome;
    if (recordFails(ctx, index)) {
      outcome = {
        success: false,
        id: null,
        errors: [fieldError('UNABLE_TO_LOCK_ROW', 'unable to obtain exclusive access to this record or 1 records')],
      };
    } else if (job.operation === 'insert') {
      outcome = createRecord(context, job.object, input);
    } else if (job.operation === 'update') {
      const { Id: id, ...rest } = input;
      outcome = updateRecord(context, job.object, String(id ?? row[idColumn] ?? ''), withoutId(rest));
    } else if (job.operation === 'upsert') {
      const extName = job.externalIdFieldName as string;
      const entry = context.store.schema.get(job.object);
      const extField = entry?.fields.get(extName.toLowerCase());
      const key = Object.keys(input).find((k) => k.toLowerCase() === extName.toLowerCase());
      outcome = extField
        ? upsertRecord(context, job.object, extField, key ? (input[key] as Value) : null, input)
        : { success: false, id: null, errors: [fieldError('INVALID_FIELD', `No such column '${extName}'`)] };
    } else {
      outcome = deleteRecord(context, job.object, String(input['Id'] ?? row[idColumn] ?? ''));
    }
    job.processed++;
    if (outcome.success) {
      const created = job.operation === 'insert' || (job.operation === 'upsert' && outcome.created === true);
      job.successful.push([outcome.id ?? '', String(created), ...row]);
    } else {
      const message = outcome.errors.map((e) => `${e.statusCode}:${e.message}:${e.fields.join(',')} --`).join(' ');
      job.failed.push([outcome.id ?? '', message, ...row]);
    }
  });
}

function withoutId(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (k.toLowerCase() !== 'id') out[k] = v;
  return out;
}
