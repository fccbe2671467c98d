/**
 * Bulk API 2.0 query jobs: created by running the query (aggregates refused, as Salesforce does), results as CSV
 * pages with `Sforce-Locator` (the literal `null` on the last page) and `Sforce-NumberOfRecords`.
 */
import { valueToCsv, type Value } from '../data/values.js';
import { HttpError, sendCsv } from '../http/httpUtil.js';
import { queryContext, type RequestContext } from '../http/requestContext.js';
import { executeQuery } from '../soql/executeQuery.js';
import type { QueryResult } from '../soql/queryResult.js';
import { SoqlError } from '../soql/soqlError.js';
import { jobBase, jobCsv, type QueryJob } from './bulkJob.js';

export function createQueryJob(ctx: RequestContext, newId: () => string, body: Record<string, unknown>): QueryJob {
  const operation = String(body['operation'] ?? 'query');
  if (operation !== 'query' && operation !== 'queryAll') {
    throw new HttpError(400, 'INVALIDJOB', `Invalid operation: ${operation}`);
  }
  const soql = String(body['query'] ?? '');
  let result: QueryResult;
  try {
    result = executeQuery(soql, queryContext(ctx), operation === 'queryAll');
  } catch (e) {
    if (e instanceof SoqlError) throw new HttpError(400, e.errorCode, e.message);
    throw e;
  }
  if (result.aggregate || result.countOnly) {
    throw new HttpError(400, 'API_ERROR', 'Aggregate queries are not supported by Bulk API 2.0');
  }
  ctx.org.limits.bulkQueryJobs++;
  const job: QueryJob = { kind: 'query', ...jobBase(ctx, newId, operation, result.objectName, body), result };
  job.state = 'UploadComplete';
  return job;
}

/** `GET /jobs/query/{id}/results?locator=&maxRecords=`: one CSV page. */
export function sendQueryResults(ctx: RequestContext, job: QueryJob, defaultPageSize: number): void {
  if (job.state !== 'JobComplete') {
    throw new HttpError(400, 'INVALIDJOBSTATE', `Job is not complete: ${job.state}`);
  }
  const locator = ctx.url.searchParams.get('locator');
  const offset = locator ? Number(Buffer.from(locator, 'base64').toString('utf8')) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw new HttpError(400, 'INVALID_LOCATOR', 'Invalid locator');
  const maxParam = ctx.url.searchParams.get('maxRecords');
  const max = maxParam ? Math.max(1, Number(maxParam)) : defaultPageSize;
  const rows = job.result.rows.slice(offset, offset + max);
  const next = offset + rows.length;
  const nextLocator =
    next < job.result.rows.length ? Buffer.from(String(next)).toString('base64').replace(/=+$/, '') : 'null';
  const columns = job.result.columns;
  const lines = rows.map((row) => columns.map((c) => valueToCsv(c.get(row) as Value)));
  sendCsv(
    ctx.res,
    200,
    jobCsv(
      job,
      columns.map((c) => c.header),
      lines,
    ),
    { 'Sforce-Locator': nextLocator, 'Sforce-NumberOfRecords': String(rows.length) },
  );
}
