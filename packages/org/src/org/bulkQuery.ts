/**
 * Bulk API 2.0 query reads with our own result paging: `Sforce-Locator` is followed over `connection.request`
 * until the literal `null` (jsforce's multi-page bulk2 results path fails: shared/design/architecture.md), and each
 * page is scanned as it arrives (the next page is requested after the rows of this one are handed on).
 */
import { scanCsvBytes, type CsvRow } from '@salesops/csv';
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

/**
 * A Bulk query job that failed, was aborted or did not complete in time: codes and data, no sentence (the caller words
 * it), as the writer's `BulkJobError`.
 */
export class BulkQueryError extends Error {
  override readonly name = 'BulkQueryError';
  constructor(
    readonly code: 'JOB_FAILED' | 'JOB_ABORTED' | 'JOB_TIMEOUT',
    readonly jobId: string,
    /** The org's own errorMessage, when it gave one. */
    readonly orgMessage = '',
  ) {
    super(`${code} ${jobId} ${orgMessage}`.trim());
  }
}

/**
 * Runs `soql` as a Bulk API 2.0 query job and hands every result row, as byte ranges of its page (`CsvRow`, valid
 * only during the call; an empty field is null), to the visitor that `onHeader` gives for the page's header line;
 * `onHeader` is called again only when a page's header differs from the previous page's. Rows are numbered as lines
 * of one CSV: the header is line 1 and every page's rows carry on from the previous page's.
 *
 * @example
 * const { requests, records } = await bulkQuery(conn, 'SELECT Id, Name FROM Account', (header) => (row) =>
 *   names.push(row.text(header.indexOf('Name'))),
 * );
 */
export async function bulkQuery(
  connection: BulkConnection,
  soql: string,
  onHeader: (header: readonly string[]) => (row: CsvRow) => void,
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
      throw new BulkQueryError(state === 'Aborted' ? 'JOB_ABORTED' : 'JOB_FAILED', job.id, status.errorMessage);
    }
    if (Date.now() > deadline) throw new BulkQueryError('JOB_TIMEOUT', job.id);
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(2_000, wait * 2);
    const status = (await withRetry(
      () => connection.request({ method: 'GET', url: `/jobs/query/${job.id}` }, NO_JSFORCE_RETRY),
      retry,
      count,
    )) as { state: string; errorMessage?: string };
    state = status.state;
  }

  const results = new ResultPages(onHeader);
  // In a function of its own, so that the page's text is garbage once scanned, not held while the next one comes.
  const readPage = async (url: string): Promise<string | null> => {
    const page = await withRetry(() => getText(connection, url), retry, count);
    results.scan(page.body);
    const next = page.locator;
    return next === undefined || next === '' || next === 'null' ? null : next;
  };
  let locator: string | null = '';
  let pages = 0;
  while (locator !== null) {
    const params = new URLSearchParams();
    if (options.pageSize) params.set('maxRecords', String(options.pageSize));
    if (locator) params.set('locator', locator);
    const query = params.toString();
    locator = await readPage(`/jobs/query/${job.id}/results${query ? `?${query}` : ''}`);
    pages++;
  }
  return { requests, records: results.records, pages };
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

const encoder = new TextEncoder();

/** The result pages of one query, scanned one after the other. */
class ResultPages {
  /** Rows handed on. */
  records = 0;
  /** The line of the next row, as if the pages were one CSV (each page repeats the header line). */
  private line = 2;
  private header: readonly string[] = [];
  private visit: (row: CsvRow) => void = () => undefined;
  /** The page's UTF-8 bytes, in one buffer for all pages: a page is megabytes, fresh buffers would be garbage. */
  private bytes = new Uint8Array(0);

  constructor(private readonly onHeader: (header: readonly string[]) => (row: CsvRow) => void) {}

  scan(page: string): void {
    let atHeader = true;
    const lines = scanCsvBytes(this.encode(page), this.line - 1, (row) => {
      if (atHeader) {
        atHeader = false;
        this.useHeader(row.texts());
        return;
      }
      this.visit(row);
      this.records++;
    });
    this.line += Math.max(0, lines - 1);
  }

  private useHeader(header: string[]): void {
    if (header.length === this.header.length && header.every((name, i) => name === this.header[i])) return;
    this.header = header;
    this.visit = this.onHeader(header);
  }

  private encode(page: string): Uint8Array {
    for (;;) {
      const { read, written } = encoder.encodeInto(page, this.bytes);
      if (read === page.length) return this.bytes.subarray(0, written);
      // Room for a page of mostly ASCII text, doubled while that is not enough (UTF-8 takes up to 3 bytes a unit).
      this.bytes = new Uint8Array(Math.max(2 * this.bytes.length, Math.ceil(page.length * 1.25)));
    }
  }
}
