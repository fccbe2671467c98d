/** A Bulk API 2.0 job as the org keeps it: the fields every job has, a query job's result, an ingest job's rows. */
import { csvQuoted, HttpError } from '../http/httpUtil.js';
import type { RequestContext } from '../http/requestContext.js';
import type { QueryResult } from '../soql/queryResult.js';

export const DELIMITERS: Record<string, string> = {
  COMMA: ',',
  TAB: '\t',
  SEMICOLON: ';',
  PIPE: '|',
  CARET: '^',
  BACKQUOTE: '`',
};

export interface JobBase {
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

export interface QueryJob extends JobBase {
  readonly kind: 'query';
  readonly result: QueryResult;
}

export interface IngestJob extends JobBase {
  readonly kind: 'ingest';
  readonly externalIdFieldName: string | null;
  readonly batches: string[];
  /** UTF-8 bytes of the batches. */
  bytes: number;
  successful: string[][];
  failed: string[][];
  unprocessed: string[][];
  header: string[];
  processed: number;
}

export type Job = QueryJob | IngestJob;

/** The fields every new job has, from the create request's body (INVALIDJOB for an unknown delimiter). */
export function jobBase(
  ctx: RequestContext,
  newId: () => string,
  operation: string,
  object: string,
  body: Record<string, unknown>,
): JobBase {
  const delimiter = String(body['columnDelimiter'] ?? 'COMMA');
  if (!(delimiter in DELIMITERS)) throw new HttpError(400, 'INVALIDJOB', `Invalid column delimiter: ${delimiter}`);
  return {
    id: newId(),
    operation,
    object,
    createdById: String(ctx.session.user['Id']),
    createdDate: ctx.org.now().toISOString(),
    state: 'Open',
    apiVersion: Number(ctx.version.slice(1)),
    lineEnding: body['lineEnding'] === 'CRLF' ? 'CRLF' : 'LF',
    columnDelimiter: delimiter,
    polls: 0,
  };
}

/** A CSV of the job's delimiter and line ending, every field quoted. */
export function jobCsv(job: JobBase, header: readonly string[], rows: readonly (readonly string[])[]): string {
  const delimiter = DELIMITERS[job.columnDelimiter] ?? ',';
  const eol = job.lineEnding === 'CRLF' ? '\r\n' : '\n';
  let out = header.map(csvQuoted).join(delimiter) + eol;
  for (const row of rows) out += row.map(csvQuoted).join(delimiter) + eol;
  return out;
}
