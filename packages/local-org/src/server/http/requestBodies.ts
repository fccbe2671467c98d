/**
 * The shapes of the JSON bodies the org accepts (zod schemas), and the one way to read them: valid JSON of the
 * wrong shape (`null`, `{"ids":"abc"}`, `{"records":[null]}`) is 400 JSON_PARSER_ERROR naming the field, as
 * Salesforce refuses a body it cannot deserialize, never a 500 that clients retry.
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { HttpError, readJson } from './httpUtil.js';

/** A record's fields (`{ Name: 'Acme', … }`). */
export const recordBody = z.object({}).catchall(z.unknown()).describe('a record: field names to values');

/** `POST /composite/sobjects/X`: retrieve records by id. */
export const retrieveBody = z.object({
  ids: z.array(z.string()).optional().describe('record ids'),
  fields: z.array(z.string()).optional().describe('fields to return'),
});

/** sObject Collections create / update / upsert. */
export const collectionBody = z.object({
  allOrNone: z.boolean().optional().describe('roll every change back when one record fails'),
  records: z.array(recordBody).optional().describe('the records, each with attributes.type'),
});

/** `POST /jobs/query` and `POST /jobs/ingest`. */
export const createJobBody = z
  .object({
    operation: z.string().optional().describe('query, queryAll, insert, update, upsert, delete or hardDelete'),
    query: z.string().optional().describe('the SOQL of a query job'),
    object: z.string().optional().describe('the object of an ingest job'),
    externalIdFieldName: z.string().optional().describe('the external ID field of an upsert'),
    columnDelimiter: z.string().optional().describe('COMMA, TAB, SEMICOLON, PIPE, CARET or BACKQUOTE'),
    lineEnding: z.string().optional().describe('LF or CRLF'),
    contentType: z.string().optional().describe('CSV'),
  })
  .catchall(z.unknown());

/** `PATCH /jobs/{kind}/{id}`: a new state. */
export const jobStateBody = z.object({ state: z.string().describe('UploadComplete or Aborted') });

/** Reads the request's JSON body and checks its shape. */
export async function readJsonBody<T extends z.ZodType>(req: IncomingMessage, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await readJson(req));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the request body';
  throw new HttpError(
    400,
    'JSON_PARSER_ERROR',
    `Cannot deserialize the request body: ${where}: ${issue?.message ?? 'invalid'}`,
  );
}
