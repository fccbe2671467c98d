/**
 * Bulk API 2.0: query jobs (create, poll, CSV results in pages with `Sforce-Locator` and `Sforce-NumberOfRecords`,
 * the literal `null` locator on the last page) and ingest jobs (create, PUT CSV batches, PATCH UploadComplete, poll,
 * successful/failed/unprocessed results) for insert, update, upsert and delete. A job reports InProgress on its
 * first poll(s) and JobComplete after, so clients exercise their polling.
 * (Bulk API 2.0 Developer Guide: https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse } from 'csv-parse/sync';
import { toCaseSafeId } from '../sample-data/salesforceId.js';
import { valueToCsv, type Value } from './data/values.js';
import { csvQuoted, HttpError, notFound, readBody, readJson, sendCsv, sendEmpty, sendJson } from './http/httpUtil.js';
import { executeQuery, type QueryContext, type QueryResult } from './soql/executeQuery.js';
import { SoqlError } from './soql/soqlError.js';
import {
  createRecord,
  deleteRecord,
  updateRecord,
  upsertRecord,
  error as fieldError,
  type SaveOutcome,
  type WriteContext,
} from './writes.js';

const DELIMITERS: Record<string, string> = {
  COMMA: ',',
  TAB: '\t',
  SEMICOLON: ';',
  PIPE: '|',
  CARET: '^',
  BACKQUOTE: '`',
};

export interface BulkEnvironment {
  readonly queryContext: () => QueryContext;
  readonly writeContext: () => WriteContext;
  readonly userId: string;
  /** `vXX.X` of the request. */
  readonly version: string;
  readonly now: string;
  /** Whether record `index` of this job fails with UNABLE_TO_LOCK_ROW (faults). */
  readonly recordFails: (index: number) => boolean;
  readonly countQueryJob: () => void;
}

interface JobBase {
  readonly id: string;
  readonly operation: string;
  readonly object: string;
  readonly createdById: string;
  readonly createdDate: string;
  state: string;
  readonly apiVersion: number;
  readonly lineEnding: 'LF' | 'CRLF';
  readonly columnDelimiter: string;
  polls: number;
}

interface QueryJob extends JobBase {
  readonly kind: 'query';
  readonly result: QueryResult;
}

interface IngestJob extends JobBase {
  readonly kind: 'ingest';
  readonly externalIdFieldName: string | null;
  readonly batches: string[];
  successful: string[][];
  failed: string[][];
  unprocessed: string[][];
  header: string[];
  processed: number;
}

type Job = QueryJob | IngestJob;

function salesforceDateTime(iso: string): string {
  return iso.replace(/Z$/, '+0000');
}

export class Bulk2Jobs {
  private readonly jobs = new Map<string, Job>();
  private sequence = 0;

  constructor(
    /** Status polls a job answers InProgress before JobComplete. */
    private readonly pollsBeforeComplete: number,
    /** Records per results page when the request gives no maxRecords. */
    private readonly defaultPageSize: number,
  ) {}

  private newJobId(): string {
    this.sequence++;
    let seq = '';
    for (let rest = this.sequence, i = 0; i < 9; i++, rest = Math.floor(rest / 62)) {
      seq = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'[rest % 62] + seq;
    }
    return toCaseSafeId(`7505f0${seq}`);
  }

  /** Handles `/jobs/query…` and `/jobs/ingest…` (parts after `jobs`). */
  async handle(
    env: BulkEnvironment,
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    parts: readonly string[],
  ): Promise<void> {
    const [kind, id, sub] = parts;
    const method = req.method ?? 'GET';
    if (kind !== 'query' && kind !== 'ingest') throw notFound();
    if (id === undefined) {
      if (method === 'POST') {
        const body = (await readJson(req)) as Record<string, unknown>;
        const job = kind === 'query' ? this.createQueryJob(env, body) : this.createIngestJob(env, body);
        sendJson(res, 200, this.info(job, env, false));
        return;
      }
      if (method === 'GET') {
        const records = [...this.jobs.values()]
          .filter((j) => j.kind === kind && j.createdById === env.userId)
          .map((j) => this.info(j, env, false));
        sendJson(res, 200, { done: true, records, nextRecordsUrl: null });
        return;
      }
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are GET,POST`);
    }
    const job = this.jobs.get(id);
    if (!job || job.kind !== kind) throw notFound();
    if (sub === undefined) {
      if (method === 'GET') {
        sendJson(res, 200, this.info(job, env, true));
        return;
      }
      if (method === 'DELETE') {
        this.jobs.delete(id);
        sendEmpty(res, 204);
        return;
      }
      if (method === 'PATCH') {
        const body = (await readJson(req)) as Record<string, unknown>;
        const state = String(body['state'] ?? '');
        if (state === 'Aborted') {
          job.state = 'Aborted';
          if (job.kind === 'ingest') job.unprocessed = this.rowsOf(job).rows;
        } else if (state === 'UploadComplete' && job.kind === 'ingest') {
          if (job.state !== 'Open') {
            throw new HttpError(409, 'INVALIDJOBSTATE', `Job state ${job.state} does not allow UploadComplete`);
          }
          this.process(env, job);
          job.state = 'UploadComplete';
        } else {
          throw new HttpError(400, 'INVALIDJOBSTATE', `Cannot change the state of the job to ${state}`);
        }
        sendJson(res, 200, this.info(job, env, false));
        return;
      }
      throw new HttpError(
        405,
        'METHOD_NOT_ALLOWED',
        `HTTP Method '${method}' not allowed. Allowed are GET,PATCH,DELETE`,
      );
    }
    if (job.kind === 'query' && sub === 'results' && method === 'GET') {
      this.sendResults(res, job, url);
      return;
    }
    if (job.kind === 'ingest') {
      if (sub === 'batches' && method === 'PUT') {
        if (job.state !== 'Open') throw new HttpError(409, 'INVALIDJOBSTATE', 'Job is not open for uploads');
        job.batches.push(await readBody(req));
        sendEmpty(res, 201);
        return;
      }
      if (
        method === 'GET' &&
        (sub === 'successfulResults' || sub === 'failedResults' || sub === 'unprocessedrecords')
      ) {
        const header =
          sub === 'successfulResults'
            ? ['sf__Id', 'sf__Created', ...job.header]
            : sub === 'failedResults'
              ? ['sf__Id', 'sf__Error', ...job.header]
              : job.header;
        const rows =
          sub === 'successfulResults' ? job.successful : sub === 'failedResults' ? job.failed : job.unprocessed;
        sendCsv(res, 200, this.csv(job, header, rows));
        return;
      }
    }
    throw notFound();
  }

  private createQueryJob(env: BulkEnvironment, body: Record<string, unknown>): QueryJob {
    const operation = String(body['operation'] ?? 'query');
    if (operation !== 'query' && operation !== 'queryAll') {
      throw new HttpError(400, 'INVALIDJOB', `Invalid operation: ${operation}`);
    }
    const soql = String(body['query'] ?? '');
    let result: QueryResult;
    try {
      result = executeQuery(soql, env.queryContext(), operation === 'queryAll');
    } catch (e) {
      if (e instanceof SoqlError) throw new HttpError(400, e.errorCode, e.message);
      throw e;
    }
    if (result.aggregate || result.countOnly) {
      throw new HttpError(400, 'API_ERROR', 'Aggregate queries are not supported by Bulk API 2.0');
    }
    env.countQueryJob();
    const job: QueryJob = {
      kind: 'query',
      ...this.base(env, operation, result.objectName, body),
      result,
    };
    job.state = 'UploadComplete';
    this.jobs.set(job.id, job);
    return job;
  }

  private createIngestJob(env: BulkEnvironment, body: Record<string, unknown>): IngestJob {
    const operation = String(body['operation'] ?? '');
    if (!['insert', 'update', 'upsert', 'delete', 'hardDelete'].includes(operation)) {
      throw new HttpError(400, 'INVALIDJOB', `Invalid operation: ${operation}`);
    }
    const objectName = String(body['object'] ?? '');
    const entry = env.writeContext().store.schema.get(objectName);
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
    const job: IngestJob = {
      kind: 'ingest',
      ...this.base(env, operation, entry.schema.name, body),
      externalIdFieldName: operation === 'upsert' ? externalIdFieldName : null,
      batches: [],
      successful: [],
      failed: [],
      unprocessed: [],
      header: [],
      processed: 0,
    };
    this.jobs.set(job.id, job);
    return job;
  }

  private base(env: BulkEnvironment, operation: string, object: string, body: Record<string, unknown>): JobBase {
    const delimiter = String(body['columnDelimiter'] ?? 'COMMA');
    if (!(delimiter in DELIMITERS)) throw new HttpError(400, 'INVALIDJOB', `Invalid column delimiter: ${delimiter}`);
    return {
      id: this.newJobId(),
      operation,
      object,
      createdById: env.userId,
      createdDate: env.now,
      state: 'Open',
      apiVersion: Number(env.version.slice(1)),
      lineEnding: body['lineEnding'] === 'CRLF' ? 'CRLF' : 'LF',
      columnDelimiter: delimiter,
      polls: 0,
    };
  }

  private info(job: Job, env: BulkEnvironment, poll: boolean): Record<string, unknown> {
    if (poll && (job.state === 'UploadComplete' || job.state === 'InProgress')) {
      job.polls++;
      job.state = job.polls > this.pollsBeforeComplete ? 'JobComplete' : 'InProgress';
    }
    const common: Record<string, unknown> = {
      id: job.id,
      operation: job.operation,
      object: job.object,
      createdById: job.createdById,
      createdDate: salesforceDateTime(job.createdDate),
      systemModstamp: salesforceDateTime(env.now),
      state: job.state,
    };
    if (job.kind === 'ingest' && job.externalIdFieldName) common['externalIdFieldName'] = job.externalIdFieldName;
    Object.assign(common, {
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: job.apiVersion,
    });
    if (job.kind === 'ingest') common['contentUrl'] = `services/data/${env.version}/jobs/ingest/${job.id}/batches`;
    Object.assign(common, { lineEnding: job.lineEnding, columnDelimiter: job.columnDelimiter });
    if (!poll) return common;
    const done = job.state === 'JobComplete';
    if (job.kind === 'query') {
      return {
        ...common,
        jobType: 'V2Query',
        numberRecordsProcessed: done ? job.result.totalSize : 0,
        retries: 0,
        totalProcessingTime: done ? 1 : 0,
        isPkChunkingSupported: true,
      };
    }
    return {
      ...common,
      jobType: 'V2Ingest',
      numberRecordsProcessed: done ? job.processed : 0,
      numberRecordsFailed: done ? job.failed.length : 0,
      retries: 0,
      totalProcessingTime: done ? 1 : 0,
      apiActiveProcessingTime: done ? 1 : 0,
      apexProcessingTime: 0,
    };
  }

  private sendResults(res: ServerResponse, job: QueryJob, url: URL): void {
    if (job.state !== 'JobComplete') {
      throw new HttpError(400, 'INVALIDJOBSTATE', `Job is not complete: ${job.state}`);
    }
    const locator = url.searchParams.get('locator');
    const offset = locator ? Number(Buffer.from(locator, 'base64').toString('utf8')) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw new HttpError(400, 'INVALID_LOCATOR', 'Invalid locator');
    const maxParam = url.searchParams.get('maxRecords');
    const max = maxParam ? Math.max(1, Number(maxParam)) : this.defaultPageSize;
    const rows = job.result.rows.slice(offset, offset + max);
    const next = offset + rows.length;
    const nextLocator =
      next < job.result.rows.length ? Buffer.from(String(next)).toString('base64').replace(/=+$/, '') : 'null';
    const columns = job.result.columns;
    const lines = rows.map((row) => columns.map((c) => valueToCsv(c.get(row) as Value)));
    sendCsv(
      res,
      200,
      this.csv(
        job,
        columns.map((c) => c.header),
        lines,
      ),
      {
        'Sforce-Locator': nextLocator,
        'Sforce-NumberOfRecords': String(rows.length),
      },
    );
  }

  private csv(job: JobBase, header: readonly string[], rows: readonly (readonly string[])[]): string {
    const delimiter = DELIMITERS[job.columnDelimiter] ?? ',';
    const eol = job.lineEnding === 'CRLF' ? '\r\n' : '\n';
    let out = header.map(csvQuoted).join(delimiter) + eol;
    for (const row of rows) out += row.map(csvQuoted).join(delimiter) + eol;
    return out;
  }

  private rowsOf(job: IngestJob): { header: string[]; rows: string[][] } {
    const delimiter = DELIMITERS[job.columnDelimiter] ?? ',';
    let header: string[] = [];
    const rows: string[][] = [];
    for (const batch of job.batches) {
      const parsed = parse(batch, {
        delimiter,
        bom: true,
        skip_empty_lines: true,
        relax_column_count: true,
      }) as string[][];
      if (parsed.length === 0) continue;
      header = parsed[0] as string[];
      rows.push(...parsed.slice(1));
    }
    return { header, rows };
  }

  /** Runs an ingest job's rows, each on its own (allOrNone false), as the platform does in its batches. */
  private process(env: BulkEnvironment, job: IngestJob): void {
    const { header, rows } = this.rowsOf(job);
    job.header = header;
    const idColumn = header.findIndex((h) => h.toLowerCase() === 'id');
    rows.forEach((row, index) => {
      const input: Record<string, unknown> = {};
      header.forEach((h, i) => {
        const cell = row[i] ?? '';
        if (cell === '') return; // empty leaves the field as it is
        input[h] = cell === '#N/A' ? null : cell;
      });
      const context = env.writeContext();
      let outcome: SaveOutcome;
      if (env.recordFails(index)) {
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
}

function withoutId(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (k.toLowerCase() !== 'id') out[k] = v;
  return out;
}
