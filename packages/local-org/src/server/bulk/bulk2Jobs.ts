/**
 * Bulk API 2.0: query jobs (create, poll, CSV results in pages with `Sforce-Locator` and `Sforce-NumberOfRecords`,
 * the literal `null` locator on the last page) and ingest jobs (create, PUT CSV batches, PATCH UploadComplete, poll,
 * successful/failed/unprocessed results) for insert, update, upsert and delete. A job reports InProgress on its
 * first poll(s) and JobComplete after, so clients exercise their polling.
 * (Bulk API 2.0 Developer Guide: https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/)
 */
import { randomInt } from 'node:crypto';
import { salesforceId } from '../../sample-data/salesforceId.js';
import { HttpError, notFound, readBody, sendCsv, sendEmpty, sendJson } from '../http/httpUtil.js';
import { createJobBody, jobStateBody, readJsonBody } from '../http/requestBodies.js';
import type { RequestContext } from '../http/requestContext.js';
import { addBatch, createIngestJob, ingestRows, processIngestJob } from './bulkIngest.js';
import { jobCsv, type Job } from './bulkJob.js';
import { createQueryJob, sendQueryResults } from './bulkQuery.js';

function salesforceDateTime(iso: string): string {
  return iso.replace(/Z$/, '+0000');
}

export class Bulk2Jobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    /** Status polls a job answers InProgress before JobComplete. */
    private readonly pollsBeforeComplete: number,
    /** Records per results page when the request gives no maxRecords. */
    private readonly defaultPageSize: number,
    /** Bytes of CSV an ingest job may hold, every batch together. */
    private readonly ingestMaxBytes: number,
  ) {}

  /** A new job id: 18 characters like Salesforce's, its sequence drawn at random so ids cannot be guessed. */
  private readonly newJobId = (): string => {
    for (;;) {
      const id = salesforceId('750', '5f', randomInt(2 ** 47));
      if (!this.jobs.has(id)) return id;
    }
  };

  /** Handles `/jobs/query…` and `/jobs/ingest…` (`ctx.parts` after `jobs`). */
  async handle(ctx: RequestContext): Promise<void> {
    const { req, res, method } = ctx;
    const [kind, id, sub] = ctx.parts;
    if (kind !== 'query' && kind !== 'ingest') throw notFound();
    if (id === undefined) {
      if (method === 'POST') {
        const body = await readJsonBody(req, createJobBody);
        const job =
          kind === 'query' ? createQueryJob(ctx, this.newJobId, body) : createIngestJob(ctx, this.newJobId, body);
        this.jobs.set(job.id, job);
        sendJson(res, 200, this.info(ctx, job, false));
        return;
      }
      if (method === 'GET') {
        const userId = String(ctx.session.user['Id']);
        const records = [...this.jobs.values()]
          .filter((j) => j.kind === kind && j.createdById === userId)
          .map((j) => this.info(ctx, j, false));
        sendJson(res, 200, { done: true, records, nextRecordsUrl: null });
        return;
      }
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are GET,POST`);
    }
    const job = this.jobs.get(id);
    // A job belongs to its creator: anyone else (View All Data excepted) learns nothing, not even that it exists.
    const owner = job?.createdById === String(ctx.session.user['Id']) || ctx.session.viewer.viewAll;
    if (!job || job.kind !== kind || !owner) throw notFound();
    if (sub === undefined) {
      if (method === 'GET') {
        sendJson(res, 200, this.info(ctx, job, true));
        return;
      }
      if (method === 'DELETE') {
        this.jobs.delete(id);
        sendEmpty(res, 204);
        return;
      }
      if (method === 'PATCH') {
        const { state } = await readJsonBody(req, jobStateBody);
        if (state === 'Aborted') {
          job.state = 'Aborted';
          if (job.kind === 'ingest') job.unprocessed = ingestRows(job).rows;
        } else if (state === 'UploadComplete' && job.kind === 'ingest') {
          if (job.state !== 'Open') {
            throw new HttpError(409, 'INVALIDJOBSTATE', `Job state ${job.state} does not allow UploadComplete`);
          }
          processIngestJob(ctx, job);
          job.state = 'UploadComplete';
        } else {
          throw new HttpError(400, 'INVALIDJOBSTATE', `Cannot change the state of the job to ${state}`);
        }
        sendJson(res, 200, this.info(ctx, job, false));
        return;
      }
      throw new HttpError(
        405,
        'METHOD_NOT_ALLOWED',
        `HTTP Method '${method}' not allowed. Allowed are GET,PATCH,DELETE`,
      );
    }
    if (job.kind === 'query' && sub === 'results' && method === 'GET') {
      sendQueryResults(ctx, job, this.defaultPageSize);
      return;
    }
    if (job.kind === 'ingest') {
      if (sub === 'batches' && method === 'PUT') {
        if (job.state !== 'Open') throw new HttpError(409, 'INVALIDJOBSTATE', 'Job is not open for uploads');
        addBatch(job, await readBody(req, this.ingestMaxBytes - job.bytes));
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
        sendCsv(res, 200, jobCsv(job, header, rows));
        return;
      }
    }
    throw notFound();
  }

  /** The job info Salesforce answers: on a status poll (`poll`) the state advances and the counts appear. */
  private info(ctx: RequestContext, job: Job, poll: boolean): Record<string, unknown> {
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
      systemModstamp: salesforceDateTime(ctx.org.now().toISOString()),
      state: job.state,
    };
    if (job.kind === 'ingest' && job.externalIdFieldName) common['externalIdFieldName'] = job.externalIdFieldName;
    Object.assign(common, {
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: job.apiVersion,
    });
    if (job.kind === 'ingest') common['contentUrl'] = `services/data/${ctx.version}/jobs/ingest/${job.id}/batches`;
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
}
