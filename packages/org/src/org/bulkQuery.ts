/**
 * Bulk API 2.0 query reads with our own result paging: `Sforce-Locator` is followed over `connection.request`
 * until the literal `null` (jsforce's multi-page bulk2 results path fails: shared/design/architecture.md), and each
 * page is parsed as it arrives (the next page is requested after the rows of this one are handed on).
 */
import { csvRecordsOf, type CsvRecord } from '../csv/parseCsv.js';
import { NO_JSFORCE_RETRY, withRetry, type RetryOptions } from './retry.js';

/** A request as jsforce's `Connection.request` takes it. */
export interface ApiRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly url: string;
  readonly body?: string;
  readonly headers?: Record<string, string>;
}

/** An HTTP response as jsforce's transport yields it. */
export interface ApiResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** The transport of a jsforce 3 Connection (internal to jsforce; used only to see the `Sforce-Locator` header). */
export interface ApiTransport {
  httpRequest(request: unknown, options?: unknown): PromiseLike<ApiResponse>;
}

/** The part of a jsforce 3 `Connection` the Bulk 2.0 reader uses. */
export interface BulkConnection {
  request(
    request: ApiRequest,
    options?: { responseType?: string; transport?: ApiTransport; retry?: { maxRetries: number } },
  ): PromiseLike<unknown>;
  /** jsforce's transport; present on every jsforce Connection. */
  readonly _transport?: ApiTransport;
}

export interface BulkQueryOptions {
  /** Records per result page (`maxRecords`; default: the server's, 50,000 on Salesforce). */
  readonly pageSize?: number;
  /** First wait between job status polls, doubled up to 2 s (default 100 ms). */
  readonly pollIntervalMs?: number;
  /** Give up on a job after this long (default 10 minutes). */
  readonly timeoutMs?: number;
  readonly retry?: RetryOptions;
}

export interface BulkQueryResult {
  /** API requests made (job creation, polls, result pages, retries included). */
  readonly requests: number;
  /** Records read. */
  readonly records: number;
  /** Result pages read. */
  readonly pages: number;
}

/** A Bulk query job that failed or was aborted. */
export class BulkQueryError extends Error {
  override readonly name = 'BulkQueryError';
  constructor(
    readonly jobId: string,
    readonly state: string,
    detail: string,
  ) {
    super(`Bulk API 2.0 query job ${jobId} ended ${state}: ${detail}`);
  }
}

/**
 * Runs `soql` as a Bulk API 2.0 query job and hands every result row (`{ column: string }`, empty string for
 * null) to `onRecord`, page by page.
 *
 * @example
 * const { requests, records } = await bulkQuery(conn, 'SELECT Id, Amount FROM Opportunity', (row) => rows.push(row));
 */
export async function bulkQuery(
  connection: BulkConnection,
  soql: string,
  onRecord: (row: Record<string, string>) => void,
  options: BulkQueryOptions = {},
): Promise<BulkQueryResult> {
  let requests = 0;
  const count = (): void => void requests++;
  const retry = options.retry;
  const job = (await withRetry(
    () =>
      connection.request(
        {
          method: 'POST',
          url: '/jobs/query',
          body: JSON.stringify({ operation: 'query', query: soql, contentType: 'CSV', lineEnding: 'LF' }),
          headers: { 'Content-Type': 'application/json' },
        },
        NO_JSFORCE_RETRY,
      ),
    retry,
    count,
  )) as { id: string; state: string };

  let wait = options.pollIntervalMs ?? 100;
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  let state = job.state;
  while (state !== 'JobComplete') {
    if (state === 'Failed' || state === 'Aborted') {
      const status = (await withRetry(
        () => connection.request({ method: 'GET', url: `/jobs/query/${job.id}` }, NO_JSFORCE_RETRY),
        retry,
        count,
      )) as {
        errorMessage?: string;
      };
      throw new BulkQueryError(job.id, state, status.errorMessage ?? 'no error message');
    }
    if (Date.now() > deadline) throw new BulkQueryError(job.id, state, 'timed out waiting for the job to complete');
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(2_000, wait * 2);
    const status = (await withRetry(
      () => connection.request({ method: 'GET', url: `/jobs/query/${job.id}` }, NO_JSFORCE_RETRY),
      retry,
      count,
    )) as { state: string; errorMessage?: string };
    state = status.state;
  }

  let locator: string | null = '';
  let records = 0;
  let pages = 0;
  while (locator !== null) {
    const params = new URLSearchParams();
    if (options.pageSize) params.set('maxRecords', String(options.pageSize));
    if (locator) params.set('locator', locator);
    const query = params.toString();
    const url = `/jobs/query/${job.id}/results${query ? `?${query}` : ''}`;
    const page = await withRetry(() => getText(connection, url), retry, count);
    pages++;
    records += parseCsvPage(page.body, onRecord);
    const next = page.locator;
    locator = next === undefined || next === '' || next === 'null' ? null : next;
  }
  return { requests, records, pages };
}

/** GETs a text resource, with the response's `Sforce-Locator` header. */
async function getText(connection: BulkConnection, url: string): Promise<{ body: string; locator?: string }> {
  const base = connection._transport;
  if (!base) throw new Error('Bulk API 2.0 paging needs a jsforce Connection (its transport carries the headers).');
  let headers: ApiResponse['headers'] = {};
  const transport: ApiTransport = {
    httpRequest(request, options) {
      const response = base.httpRequest(request, options);
      // Registered before jsforce's own continuation, so the headers are known when `request` resolves.
      response.then(
        (r) => {
          headers = r.headers;
        },
        () => undefined,
      );
      return response;
    },
  };
  const body = await connection.request(
    { method: 'GET', url, headers: { Accept: 'text/csv' } },
    { ...NO_JSFORCE_RETRY, responseType: 'text/plain', transport },
  );
  const locator = headers['sforce-locator'];
  return {
    body: typeof body === 'string' ? body : String(body),
    locator: Array.isArray(locator) ? locator[0] : locator,
  };
}

/** Parses one result page (CSV with a header line) and hands each row to `onRecord`; returns the rows. */
function parseCsvPage(text: string, onRecord: (row: Record<string, string>) => void): number {
  const records = csvRecordsOf(new TextEncoder().encode(text));
  const header = records[0]?.fields ?? [];
  for (let r = 1; r < records.length; r++) {
    const fields = (records[r] as CsvRecord).fields;
    const row: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) row[header[i] as string] = fields[i] ?? '';
    onRecord(row);
  }
  return Math.max(0, records.length - 1);
}
