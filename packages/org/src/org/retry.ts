/** Retries of transient API failures (5xx, dropped connections, limits) with capped exponential backoff. */

/** How transient failures are retried: attempt n (1-based) waits `min(maxDelayMs, baseDelayMs * 2^(n-1))`. */
export interface RetryOptions {
  /** Retries after the first attempt (default 6). */
  readonly retries?: number;
  /**
   * Retries of REQUEST_LIMIT_EXCEEDED (default 3): a concurrent-request limit clears in seconds, the daily allowance
   * does not, so a few retries and then the error.
   */
  readonly limitRetries?: number;
  /** Wait before the first retry (default 200 ms). */
  readonly baseDelayMs?: number;
  /** Cap of any wait (default 5,000 ms). */
  readonly maxDelayMs?: number;
  /** The timer (tests pass one that does not wait). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Request options that switch jsforce's own transport retries off (jsforce 3 retries GETs on 5xx and socket errors
 * by itself): ours then see every HTTP request, count it and follow one policy.
 */
export const NO_JSFORCE_RETRY = { retry: { maxRetries: 0 } } as const;

/**
 * The session is no longer valid: the user has to log in again; retrying cannot help. Its message is the code
 * (`INVALID_SESSION_ID`): what to tell people, and how to log in again, is the caller's (the plugin's messages, the
 * widgets' catalogue).
 */
export class SessionExpiredError extends Error {
  override readonly name = 'SessionExpiredError';
  readonly code = 'INVALID_SESSION_ID';
  constructor(cause?: unknown) {
    super('INVALID_SESSION_ID', { cause });
  }
}

interface ApiErrorShape {
  readonly errorCode?: unknown;
  readonly statusCode?: unknown;
  readonly status?: unknown;
  readonly code?: unknown;
  readonly name?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
}

const TRANSIENT_CODES = new Set([
  'SERVER_UNAVAILABLE',
  'UNKNOWN_EXCEPTION',
  'ERROR_HTTP_500',
  'ERROR_HTTP_502',
  'ERROR_HTTP_503',
  'ERROR_HTTP_504',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** Whether an error is the session's end (401 INVALID_SESSION_ID). */
export function isSessionExpired(error: unknown): boolean {
  return hasCode(error, 'INVALID_SESSION_ID');
}

/**
 * Whether the error carries `code`: as its errorCode or name, or (for text responses, which jsforce reports as
 * `ERROR_HTTP_<status>` with the raw body as the message) in the body's `errorCode`.
 */
function hasCode(error: unknown, code: string): boolean {
  const e = error as ApiErrorShape | null;
  if (e?.errorCode === code || e?.name === code) return true;
  return (
    typeof e?.errorCode === 'string' &&
    e.errorCode.startsWith('ERROR_HTTP_4') &&
    typeof e.message === 'string' &&
    new RegExp(`"errorCode"\\s*:\\s*"${code}"`).test(e.message)
  );
}

/** Whether an error is an API limit (403 REQUEST_LIMIT_EXCEEDED). */
export function isLimitExceeded(error: unknown): boolean {
  return hasCode(error, 'REQUEST_LIMIT_EXCEEDED');
}

/** Whether an error is worth retrying: a 5xx answer or a connection closed without one. */
export function isTransient(error: unknown): boolean {
  let e = error as ApiErrorShape | null;
  for (let depth = 0; e && depth < 4; depth++, e = e.cause as ApiErrorShape | null) {
    for (const code of [e.errorCode, e.code, e.name])
      if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
    const status = Number(e.statusCode ?? e.status);
    if (status >= 500 && status < 600) return true;
    const message = typeof e.message === 'string' ? e.message : '';
    if (/socket hang up|fetch failed|other side closed|ECONNRESET|terminated|premature close/i.test(message)) {
      return true;
    }
  }
  return false;
}

/** The wait before retry `attempt` (1-based). */
export function backoffDelay(attempt: number, options: RetryOptions = {}): number {
  const base = options.baseDelayMs ?? 200;
  return Math.min(options.maxDelayMs ?? 5_000, base * 2 ** (attempt - 1));
}

/**
 * Runs `call`, retrying transient failures (5xx, dropped connections) and, a few times, API limit errors with capped
 * exponential backoff; an expired session becomes a
 * `SessionExpiredError`. `onAttempt` is told of every attempt (to count API requests).
 *
 * @example
 * const page = await withRetry(() => connection.query(soql), { retries: 4 });
 */
export async function withRetry<T>(
  call: () => PromiseLike<T>,
  options: RetryOptions = {},
  onAttempt: () => void = () => undefined,
): Promise<T> {
  const retries = options.retries ?? 6;
  const limitRetries = options.limitRetries ?? 3;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 0; ; attempt++) {
    onAttempt();
    try {
      return await call();
    } catch (e) {
      if (isSessionExpired(e)) throw new SessionExpiredError(e);
      const limited = isLimitExceeded(e);
      if (!limited && !isTransient(e)) throw e;
      if (attempt >= (limited ? limitRetries : retries)) throw e;
      await sleep(backoffDelay(attempt + 1, options));
    }
  }
}
