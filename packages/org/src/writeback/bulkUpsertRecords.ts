import { csvRow, type CsvOptions, type CsvValue } from '@salesops/core';
import { isSessionExpired, NO_JSFORCE_RETRY, SessionExpiredError, withRetry, type RetryOptions } from '../org/retry.js';
import {
  upsertOutcome,
  upsertRecords,
  type FailedRecord,
  type UpsertOutcome,
  type UpsertOptions,
  type WriteProgress,
} from './upsertRecords.js';

/** The part of a jsforce 3 `Connection` the Bulk API 2.0 writer uses. */
export interface BulkIngestConnection {
  /** API version, e.g. "64.0". */
  readonly version: string;
  request(
    request: { method: 'GET' | 'POST' | 'PUT' | 'PATCH'; url: string; body?: string; headers?: Record<string, string> },
    options?: { responseType?: string; retry?: { maxRetries: number } },
  ): PromiseLike<unknown>;
}

export interface BulkUpsertOptions {
  readonly externalIdField?: string;
  /** Where failed records are saved. */
  readonly errorFile: string;
  /** Bytes of CSV per job (Salesforce takes at most 150 MB per upload; default 100 MB). */
  readonly maxJobBytes?: number;
  /** First wait between job status polls, doubled up to 2 s (default 200 ms). */
  readonly pollIntervalMs?: number;
  /** Give up waiting for a job after this long (default 30 minutes). */
  readonly timeoutMs?: number;
  readonly retry?: RetryOptions;
  /** Told after each job status poll how far the write is (records of earlier jobs plus this job's processed). */
  readonly onProgress?: (progress: WriteProgress) => void;
}

/**
 * Cells of an ingest upload: null as `#N/A` (Bulk API 2.0 leaves a field with an empty cell unchanged), padded text
 * quoted (it trims unquoted cells), never neutralised (the data goes to Salesforce as it is).
 */
const INGEST_CSV: CsvOptions = { nullAs: '#N/A', quoteSpaces: true };

interface JobInfo {
  readonly id: string;
  readonly state: string;
  readonly errorMessage?: string;
  readonly numberRecordsProcessed?: number;
  readonly numberRecordsFailed?: number;
}

/**
 * Upserts records by their external ID (`Key__c` by default) with Bulk API 2.0 ingest jobs: the records as CSV (one
 * upload per job, null as `#N/A` so it clears the field as in sObject Collections), UploadComplete, polls until the
 * job is done, then the job's `successfulResults` and `failedResults`. Failed records are saved to `errorFile` with
 * their error codes, messages and fields, as the Collections writer saves them; the outcome has the same shape.
 * 5xx answers, dropped connections and limit errors are retried with capped exponential backoff; an upsert by
 * external ID never duplicates, so a rerun converges to one record per key.
 *
 * @example
 * const outcome = await bulkUpsertRecords(conn, 'SalesOps_Forecast__c', records, { errorFile: 'failed.csv' });
 */
export async function bulkUpsertRecords(
  connection: BulkIngestConnection,
  sobject: string,
  records: ReadonlyArray<Record<string, unknown>>,
  options: BulkUpsertOptions,
): Promise<UpsertOutcome> {
  const externalId = options.externalIdField ?? 'Key__c';
  let requests = 0;
  const call = <T>(fn: () => PromiseLike<unknown>): Promise<T> =>
    withRetry(fn, options.retry, () => void requests++) as Promise<T>;
  const base = `/services/data/v${connection.version}/jobs/ingest`;
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
  if (!columns.includes(externalId)) columns.unshift(externalId);
  const header = csvRow(columns, INGEST_CSV) + '\n';
  const maxBytes = options.maxJobBytes ?? 100_000_000;

  let upserted = 0;
  let created = 0;
  const failures: FailedRecord[] = [];
  /** Runs one ingest job over `body` to its end; throws when the job does not complete. */
  const runJob = async (body: string): Promise<{ upserted: number; created: number; failures: FailedRecord[] }> => {
    const job = await call<JobInfo>(() =>
      connection.request(
        {
          method: 'POST',
          url: base,
          body: JSON.stringify({
            object: sobject,
            externalIdFieldName: externalId,
            contentType: 'CSV',
            operation: 'upsert',
            lineEnding: 'LF',
          }),
          headers: { 'Content-Type': 'application/json' },
        },
        NO_JSFORCE_RETRY,
      ),
    );
    await call(() =>
      connection.request(
        { method: 'PUT', url: `${base}/${job.id}/batches`, body, headers: { 'Content-Type': 'text/csv' } },
        NO_JSFORCE_RETRY,
      ),
    );
    try {
      await call(() =>
        connection.request(
          {
            method: 'PATCH',
            url: `${base}/${job.id}`,
            body: JSON.stringify({ state: 'UploadComplete' }),
            headers: { 'Content-Type': 'application/json' },
          },
          NO_JSFORCE_RETRY,
        ),
      );
    } catch (e) {
      // A retried PATCH whose first attempt closed the job is refused: the job is closed, which is what we asked.
      const status = await call<JobInfo>(() =>
        connection.request({ method: 'GET', url: `${base}/${job.id}` }, NO_JSFORCE_RETRY),
      );
      if (status.state === 'Open' || status.state === 'Aborted') throw e;
    }
    const done = await waitForJob(connection, `${base}/${job.id}`, options, call, (status) =>
      options.onProgress?.({
        processed: upserted + failures.length + (status.numberRecordsProcessed ?? 0),
        total: records.length,
        state: status.state,
      }),
    );
    if (done.state !== 'JobComplete') {
      throw new BulkJobError(done.state === 'Aborted' ? 'JOB_ABORTED' : 'JOB_FAILED', job.id, done.errorMessage);
    }
    const text = (path: string): Promise<string> =>
      call<unknown>(() =>
        connection.request(
          { method: 'GET', url: `${base}/${job.id}/${path}`, headers: { Accept: 'text/csv' } },
          { ...NO_JSFORCE_RETRY, responseType: 'text/plain' },
        ),
      ).then((b) => (typeof b === 'string' ? b : ''));
    let jobUpserted = 0;
    let jobCreated = 0;
    const jobFailures: FailedRecord[] = [];
    const successful = await parseRows(await text('successfulResults'));
    const failed = await parseRows(await text('failedResults'));
    for (const row of successful) {
      jobUpserted++;
      if (row['sf__Created'] === 'true') jobCreated++;
    }
    for (const row of failed) {
      const errors = parseBulkErrors(row['sf__Error'] ?? '');
      const record: Record<string, unknown> = {};
      for (const c of columns) record[c] = row[c] === '#N/A' ? null : (row[c] ?? null);
      jobFailures.push({
        record,
        code: errors.map((e) => e.code).join(';') || 'UNKNOWN',
        message: errors.map((e) => e.message).join('; ') || 'no error given',
        fields: errors.flatMap((e) => e.fields).join(';'),
      });
    }
    return { upserted: jobUpserted, created: jobCreated, failures: jobFailures };
  };
  let sessionExpired = false;
  let start = 0;
  while (start < records.length) {
    // One job per upload of at most maxBytes.
    let body = header;
    let end = start;
    while (end < records.length) {
      const line =
        csvRow(
          columns.map((c) => (records[end]?.[c] ?? null) as CsvValue),
          INGEST_CSV,
        ) + '\n';
      if (end > start && body.length + line.length > maxBytes) break;
      body += line;
      end++;
    }
    const unconfirmed = records.slice(start, end);
    try {
      const result = await runJob(body);
      upserted += result.upserted;
      created += result.created;
      // A loop, not push(...failures): a job may fail more rows than a call takes arguments.
      for (const failure of result.failures) failures.push(failure);
    } catch (e) {
      // Nothing of this job is confirmed: its rows go to the error file (an upsert by key can be rerun safely).
      if (isSessionExpired(e) || e instanceof SessionExpiredError) {
        // Every later request would be refused the same way: save this job's rows and the rest without sending them.
        sessionExpired = true;
        const cause = e instanceof SessionExpiredError ? e.cause : e;
        const message = cause instanceof Error ? cause.message : String(cause ?? '');
        for (const record of records.slice(start))
          failures.push({ record, code: 'INVALID_SESSION_ID', message, fields: '' });
        break;
      }
      const code = e instanceof BulkJobError ? e.code : ((e as { errorCode?: string }).errorCode ?? 'REQUEST_FAILED');
      const message = e instanceof BulkJobError ? e.orgMessage : e instanceof Error ? e.message : String(e);
      for (const record of unconfirmed) failures.push({ record, code, message, fields: '' });
    }
    start = end;
  }
  return upsertOutcome({ upserted, created, requests, sessionExpired }, failures, options.errorFile);
}

async function waitForJob(
  connection: BulkIngestConnection,
  url: string,
  options: BulkUpsertOptions,
  call: <T>(fn: () => PromiseLike<unknown>) => Promise<T>,
  onStatus: (status: JobInfo) => void,
): Promise<JobInfo> {
  let wait = options.pollIntervalMs ?? 200;
  const deadline = Date.now() + (options.timeoutMs ?? 1_800_000);
  for (;;) {
    const status = await call<JobInfo>(() => connection.request({ method: 'GET', url }, NO_JSFORCE_RETRY));
    onStatus(status);
    if (status.state === 'JobComplete' || status.state === 'Failed' || status.state === 'Aborted') return status;
    if (Date.now() > deadline) throw new BulkJobError('JOB_TIMEOUT', status.id);
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(2_000, wait * 2);
  }
}

/** A job that ended without completing (`JOB_FAILED`, `JOB_ABORTED`, or `JOB_TIMEOUT` when we stopped waiting). */
export class BulkJobError extends Error {
  override readonly name = 'BulkJobError';
  constructor(
    readonly code: 'JOB_FAILED' | 'JOB_ABORTED' | 'JOB_TIMEOUT',
    readonly jobId: string,
    /** The org's own errorMessage, when it gave one. */
    readonly orgMessage = '',
  ) {
    super(`${code} ${jobId} ${orgMessage}`.trim());
  }
}

/** The CSV parser is imported on use: every sf command imports this package, and only write-backs parse results. */
async function parseRows(text: string): Promise<Array<Record<string, string>>> {
  if (text.trim() === '') return [];
  const { parse } = await import('csv-parse/sync');
  return parse(text, { bom: true, columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
}

/** `sf__Error` as Bulk API 2.0 writes it: `CODE:message:field1,field2 --`, several separated by spaces. */
export function parseBulkErrors(text: string): Array<{ code: string; message: string; fields: string[] }> {
  const out: Array<{ code: string; message: string; fields: string[] }> = [];
  for (const part of text.split(/ --(?: |$)/)) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const match = /^([A-Z_]+):(.*?)(?::([A-Za-z0-9_,]*))?$/s.exec(trimmed);
    if (!match) {
      out.push({ code: 'UNKNOWN', message: trimmed, fields: [] });
      continue;
    }
    out.push({
      code: match[1] as string,
      message: match[2] as string,
      fields: (match[3] ?? '').split(',').filter((f) => f !== ''),
    });
  }
  return out;
}

export interface WriteRecordsOptions extends UpsertOptions {
  /** Records from which a Bulk API 2.0 ingest job writes them instead of sObject Collections (default 2,000). */
  readonly bulkThreshold?: number;
  readonly retry?: RetryOptions;
}

/**
 * Upserts result records by external ID the cheapest way: sObject Collections (200 a request) below
 * `bulkThreshold` records, a Bulk API 2.0 ingest job from it on. Same outcome either way.
 *
 * @example
 * await writeRecords(conn, 'SalesOps_Forecast__c', records, { errorFile: 'failed.csv' });
 */
export function writeRecords(
  connection: BulkIngestConnection,
  sobject: string,
  records: ReadonlyArray<Record<string, unknown>>,
  options: WriteRecordsOptions,
): Promise<UpsertOutcome & { readonly via: 'collections' | 'bulk' }> {
  if (records.length >= (options.bulkThreshold ?? 2_000)) {
    return bulkUpsertRecords(connection, sobject, records, {
      errorFile: options.errorFile,
      ...(options.externalIdField ? { externalIdField: options.externalIdField } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    }).then((o) => ({ ...o, via: 'bulk' as const }));
  }
  return upsertRecords(connection as Parameters<typeof upsertRecords>[0], sobject, records, options).then((o) => ({
    ...o,
    via: 'collections' as const,
  }));
}
