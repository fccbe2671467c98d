import { writeFile } from 'node:fs/promises';
import { csvText, type CsvValue } from '@salesops/core';
import { isSessionExpired, isTransient } from '../org/retry.js';

/** The part of a jsforce 3 `Connection` the writer uses. */
export interface RestConnection {
  /** API version, e.g. "66.0". */
  readonly version: string;
  request<T = unknown>(request: {
    method: 'PATCH';
    url: string;
    body?: string;
    headers?: Record<string, string>;
  }): Promise<T>;
}

/** One record's outcome in an sObject Collections response. */
interface CollectionResult {
  id?: string;
  success: boolean;
  created?: boolean;
  errors: Array<{ statusCode: string; message: string; fields?: string[] }>;
}

export interface UpsertOutcome {
  readonly upserted: number;
  readonly created: number;
  readonly failed: number;
  /** CSV of the failed records with their errors (null when none failed). Retrying it never duplicates. */
  readonly errorFile: string | null;
  readonly requests: number;
  /**
   * Set when the session expired (401 INVALID_SESSION_ID) during the write: the records from that request on were not
   * sent (they are in the error file with that code); the user has to log in again.
   */
  readonly sessionExpired?: true;
}

export interface UpsertOptions {
  /** External ID field the upsert matches on. */
  readonly externalIdField?: string;
  /** Where failed records are saved. */
  readonly errorFile: string;
  /** Records per sObject Collections request (Salesforce allows at most 200). */
  readonly batchSize?: number;
  /** Attempts per request on transient failures (5xx, dropped connections, rate limits). */
  readonly attempts?: number;
  /** Waits between attempts; injectable so tests do not sleep. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Told after each request or job status poll how far the write is (for a spinner or progress bar). */
  readonly onProgress?: (progress: WriteProgress) => void;
}

/** How far a write is: records answered for so far, of the total, and the Bulk API job's state when there is one. */
export interface WriteProgress {
  readonly processed: number;
  readonly total: number;
  /** `collections` for sObject Collections; a Bulk API 2.0 job's state (`Open`, `UploadComplete`, `InProgress`…). */
  readonly state: string;
}

const TRANSIENT =
  /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|socket hang up|UNABLE_TO_LOCK_ROW|SERVER_UNAVAILABLE|ERROR_HTTP_5\d\d/;

/**
 * Upserts records by their external ID (`Key__c` by default) through sObject Collections, 200 per request with
 * `allOrNone: false`, so one bad record does not sink its batch. A request that fails as a whole for a transient
 * reason is retried (an upsert by external ID cannot duplicate); records that still fail are written, with their
 * error codes, messages and fields, to `errorFile` as CSV that can be fixed and loaded again.
 *
 * @example
 * const outcome = await upsertRecords(connection, 'SalesOps_Forecast__c', records, { errorFile: 'failed.csv' });
 */
export async function upsertRecords(
  connection: RestConnection,
  sobject: string,
  records: ReadonlyArray<Record<string, unknown>>,
  options: UpsertOptions,
): Promise<UpsertOutcome> {
  const externalId = options.externalIdField ?? 'Key__c';
  const batchSize = Math.min(200, options.batchSize ?? 200);
  const attempts = options.attempts ?? 4;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const failures: Array<{ record: Record<string, unknown>; code: string; message: string; fields: string }> = [];
  let upserted = 0;
  let created = 0;
  let requests = 0;
  let sessionExpired: Error | undefined;
  for (let start = 0; start < records.length; start += batchSize) {
    const batch = records.slice(start, start + batchSize);
    if (sessionExpired) {
      // Every later request would be refused the same way: save the records without sending them.
      for (const record of batch)
        failures.push({ record, code: 'INVALID_SESSION_ID', message: sessionExpired.message, fields: '' });
      continue;
    }
    const body = JSON.stringify({
      allOrNone: false,
      records: batch.map((r) => ({ attributes: { type: sobject }, ...r })),
    });
    let results: CollectionResult[] | undefined;
    let lastError: Error | undefined;
    for (let attempt = 1; attempt <= attempts && !results; attempt++) {
      try {
        requests++;
        results = await connection.request<CollectionResult[]>({
          method: 'PATCH',
          url: `/services/data/v${connection.version}/composite/sobjects/${sobject}/${externalId}`,
          body,
          headers: { 'content-type': 'application/json' },
        });
      } catch (e) {
        lastError = e as Error;
        const text = `${(e as { errorCode?: string }).errorCode ?? ''} ${(e as Error).message}`;
        // A 5xx answer or a connection closed without one (undici's "fetch failed" with its cause) is worth a retry.
        if (!(TRANSIENT.test(text) || isTransient(e)) || attempt === attempts) break;
        await sleep(250 * 2 ** (attempt - 1));
      }
    }
    if (!results) {
      if (isSessionExpired(lastError)) sessionExpired = lastError;
      const code = sessionExpired
        ? 'INVALID_SESSION_ID'
        : ((lastError as { errorCode?: string } | undefined)?.errorCode ?? 'REQUEST_FAILED');
      for (const record of batch)
        failures.push({ record, code, message: lastError?.message ?? 'request failed', fields: '' });
      continue;
    }
    options.onProgress?.({
      processed: Math.min(start + batchSize, records.length),
      total: records.length,
      state: 'collections',
    });
    results.forEach((result, i) => {
      const record = batch[i] as Record<string, unknown>;
      if (result.success) {
        upserted++;
        if (result.created) created++;
        return;
      }
      const first = result.errors[0];
      failures.push({
        record,
        code: result.errors.map((e) => e.statusCode).join(';') || 'UNKNOWN',
        message: result.errors.map((e) => e.message).join('; ') || (first ? '' : 'no error given'),
        fields: result.errors.flatMap((e) => e.fields ?? []).join(';'),
      });
    });
  }
  return upsertOutcome(
    { upserted, created, requests, sessionExpired: sessionExpired !== undefined },
    failures,
    options.errorFile,
  );
}

/** One record a writer could not save, with the org's reason. */
export interface FailedRecord {
  readonly record: Record<string, unknown>;
  readonly code: string;
  readonly message: string;
  /** Fields the error names, `;`-separated. */
  readonly fields: string;
}

/** A write's outcome; the failed records, when there are any, are saved to `errorFile` first. */
export async function upsertOutcome(
  counts: { upserted: number; created: number; requests: number; sessionExpired: boolean },
  failures: readonly FailedRecord[],
  errorFile: string,
): Promise<UpsertOutcome> {
  if (failures.length > 0) await writeFile(errorFile, failuresCsv(failures));
  return {
    upserted: counts.upserted,
    created: counts.created,
    failed: failures.length,
    errorFile: failures.length > 0 ? errorFile : null,
    requests: counts.requests,
    ...(counts.sessionExpired ? { sessionExpired: true as const } : {}),
  };
}

/**
 * The failed-records CSV: `Error_Code, Error_Message, Error_Fields` then the record's own columns. People open it in a
 * spreadsheet, so text that would run as a formula (a `Scope_Name__c` of `=HYPERLINK(…)`) is neutralised.
 */
export function failuresCsv(failures: readonly FailedRecord[]): string {
  const columns = [...new Set(failures.flatMap((f) => Object.keys(f.record)))];
  return csvText(
    ['Error_Code', 'Error_Message', 'Error_Fields', ...columns],
    failures.map((f) => ({
      ...(f.record as Record<string, CsvValue>),
      Error_Code: f.code,
      Error_Message: f.message,
      Error_Fields: f.fields,
    })),
    { neutralise: true },
  );
}
