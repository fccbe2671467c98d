import { SessionExpiredError } from '@salesops/org/browser';
import type { MessageKey } from '../i18n/messages.js';

/** No provider (or `client` property) gives the element a data source. */
export class MissingClientError extends Error {
  override readonly name = 'MissingClientError';
}

const LIMIT_CODES = new Set(['REQUEST_LIMIT_EXCEEDED', 'TOO_MANY_REQUESTS']);
const SETUP_CODES = new Set(['INVALID_FIELD', 'INVALID_TYPE', 'NOT_FOUND', 'INVALID_QUERY_FILTER_OPERATOR']);
/** Salesforce error codes are upper-case words: safe to show, unlike the server's free text. */
const CODE = /^[A-Z][A-Z0-9_]{2,60}$/;

/**
 * The translated message of a failed load, chosen by the error's code: the server's own text is never shown (it is
 * English, may carry markup or record data, and means nothing to a rep).
 *
 * @example
 * errorMessage(Object.assign(new Error('…'), { errorCode: 'REQUEST_LIMIT_EXCEEDED' })); // ['error.limit']
 */
export function errorMessage(error: unknown): readonly [MessageKey, ...string[]] {
  if (error instanceof MissingClientError) return ['noClient'];
  if (error instanceof SessionExpiredError) return ['sessionExpired'];
  // fetch() rejects with a TypeError ("Failed to fetch", "NetworkError …") when the network or CORS fails.
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) return ['error.network'];
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  if (typeof code !== 'string' || !CODE.test(code)) return ['error.other'];
  if (code === 'INVALID_SESSION_ID') return ['sessionExpired'];
  if (LIMIT_CODES.has(code)) return ['error.limit'];
  if (SETUP_CODES.has(code)) return ['error.setup'];
  return ['error.code', code];
}
