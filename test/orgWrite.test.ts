/**
 * The Bulk API 2.0 ingest writer over HTTP against the local org: the same outcome and stored records as the
 * sObject Collections writer, failed rows saved with their reasons, faults retried, and a rerun after failures that
 * converges to exactly one record per key.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type LocalOrg } from '@salesops/local-org';
import { bulkUpsertRecords, upsertRecords, writeRecords } from '@salesops/org';

let dir: string;
const orgs: LocalOrg[] = [];
const noWait = { sleep: () => Promise.resolve() };
const fixedClock = () => new Date('2026-11-16T12:00:00.000Z');

async function newOrg(): Promise<{ org: LocalOrg; connection: Connection }> {
  const org = await start({ sample: { size: 'toy' }, now: fixedClock });
  orgs.push(org);
  return { org, connection: new Connection({ instanceUrl: org.url, accessToken: org.tokens.admin, version: '64.0' }) };
}

/** Audit-trail records as a writing run stores them; every seventh without Finished__c (null). */
function runRecords(n: number, runId: string): Array<Record<string, unknown>> {
  return Array.from({ length: n }, (_, i) => ({
    Key__c: `run|${String(i).padStart(5, '0')}`,
    Command__c: `sf salesops forecast --period FY2027-Q${(i % 4) + 1}`,
    Arguments__c: i % 5 === 0 ? 'with "quotes", commas\nand a line break' : `--run ${runId}`,
    Started__c: '2026-11-16T10:00:00.000Z',
    Finished__c: i % 7 === 0 ? null : '2026-11-16T10:05:00.000Z',
    Records_Written__c: i,
    Records_Failed__c: 0,
    Status__c: 'Succeeded',
  }));
}

const FIELDS =
  'Key__c, Command__c, Arguments__c, Started__c, Finished__c, Records_Written__c, Records_Failed__c, Status__c';

async function stored(connection: Connection): Promise<Array<Record<string, unknown>>> {
  const rows: Array<Record<string, unknown>> = [];
  let page = await connection.query<Record<string, unknown>>(`SELECT ${FIELDS} FROM SalesOps_Run__c ORDER BY Key__c`);
  for (;;) {
    for (const record of page.records as Array<Record<string, unknown>>) {
      const r = { ...record };
      delete r['attributes'];
      rows.push(r);
    }
    if (page.done || !page.nextRecordsUrl) break;
    page = await connection.queryMore<Record<string, unknown>>(page.nextRecordsUrl);
  }
  return rows;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'org-write-'));
});
afterAll(async () => {
  await Promise.all(orgs.map((o) => o.stop()));
  await rm(dir, { recursive: true, force: true });
});

describe('Bulk API 2.0 ingest upsert', () => {
  it('stores what sObject Collections stores, with the same outcome', async () => {
    const records = runRecords(450, 'r1');
    const a = await newOrg();
    const b = await newOrg();
    const viaCollections = await upsertRecords(a.connection, 'SalesOps_Run__c', records, {
      errorFile: join(dir, 'c.csv'),
    });
    const viaBulk = await bulkUpsertRecords(b.connection, 'SalesOps_Run__c', records, {
      errorFile: join(dir, 'b.csv'),
      pollIntervalMs: 1,
    });
    expect(viaCollections).toMatchObject({ upserted: 450, created: 450, failed: 0, errorFile: null, requests: 3 });
    expect({ ...viaBulk, requests: 0 }).toEqual({ ...viaCollections, requests: 0 });
    // Job, upload, UploadComplete, two polls (the first answers InProgress), successful and failed results.
    expect(viaBulk.requests).toBe(7);
    const fromBulk = await stored(b.connection);
    expect(fromBulk).toHaveLength(450);
    expect(fromBulk).toEqual(await stored(a.connection));
    expect(fromBulk.find((r) => r['Key__c'] === 'run|00007')?.['Finished__c']).toBeNull();

    // A rerun updates: no new record, new values.
    const again = await bulkUpsertRecords(b.connection, 'SalesOps_Run__c', runRecords(450, 'r2'), {
      errorFile: join(dir, 'b2.csv'),
      pollIntervalMs: 1,
    });
    expect(again).toMatchObject({ upserted: 450, created: 0, failed: 0 });
    const rerun = await stored(b.connection);
    expect(rerun).toHaveLength(450);
    expect(rerun.find((r) => r['Key__c'] === 'run|00001')?.['Arguments__c']).toBe('--run r2');
  });

  it('saves the rows the org rejects with their reasons, as the Collections writer does', async () => {
    const { connection } = await newOrg();
    const records = runRecords(3, 'r1');
    records[1] = { ...records[1], Status__c: 'x'.repeat(30) };
    const errorFile = join(dir, 'rejected.csv');
    const outcome = await bulkUpsertRecords(connection, 'SalesOps_Run__c', records, { errorFile, pollIntervalMs: 1 });
    expect(outcome).toMatchObject({ upserted: 2, created: 2, failed: 1, errorFile });
    const lines = (await readFile(errorFile, 'utf8')).split('\n');
    expect(lines[0]).toBe(`Error_Code,Error_Message,Error_Fields,${FIELDS.split(', ').join(',')}`);
    expect(lines[1]).toMatch(/^STRING_TOO_LONG,.*,Status__c,run\|00001,/);
  });

  it('retries 5xx answers, dropped connections and limit errors under a fixed seed', async () => {
    const { org, connection } = await newOrg();
    const records = runRecords(300, 'r1');
    // Dropped connections on idempotent requests may be re-sent by undici itself; the seed drops a POST or PATCH too.
    for (const faults of [
      { seed: 8, serverErrorRate: 0.2, serverErrorBurst: 2 },
      { seed: 6, dropRate: 0.4 },
    ]) {
      org.setFaults(faults);
      const outcome = await bulkUpsertRecords(connection, 'SalesOps_Run__c', records, {
        errorFile: join(dir, 'faults.csv'),
        pollIntervalMs: 1,
        retry: noWait,
      });
      org.setFaults(undefined);
      expect(outcome).toMatchObject({ upserted: 300, failed: 0 });
      expect(outcome.requests, JSON.stringify(faults)).toBeGreaterThan(7);
    }
    org.limits.set(org.limits.used + 2);
    const limited = await bulkUpsertRecords(connection, 'SalesOps_Run__c', records, {
      errorFile: join(dir, 'limits.csv'),
      pollIntervalMs: 1,
      retry: { sleep: () => Promise.resolve(org.limits.set(org.limits.used + 2)) },
    });
    org.limits.set(1_000_000);
    expect(limited).toMatchObject({ upserted: 300, failed: 0 });
    expect(await stored(connection)).toHaveLength(300);
  });

  it('converges to exactly one record per key when rerun after row failures', async () => {
    const { org, connection } = await newOrg();
    const records = runRecords(2_500, 'r1');
    org.setFaults({ seed: 9, recordFailureRate: 0.1 });
    const first = await writeRecords(connection, 'SalesOps_Run__c', records, { errorFile: join(dir, 'first.csv') });
    org.setFaults(undefined);
    expect(first.via).toBe('bulk');
    expect(first.failed).toBeGreaterThan(100);
    expect(first.upserted + first.failed).toBe(2_500);
    const saved = parse(await readFile(join(dir, 'first.csv'), 'utf8'), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(saved).toHaveLength(first.failed);
    expect(saved[0]).toMatchObject({ Error_Code: 'UNABLE_TO_LOCK_ROW', Status__c: 'Succeeded' });
    expect(saved.find((r) => r['Key__c'] === 'run|00000')?.['Finished__c'] ?? '').toBe('');

    const second = await writeRecords(connection, 'SalesOps_Run__c', records, { errorFile: join(dir, 'second.csv') });
    expect(second).toMatchObject({ via: 'bulk', upserted: 2_500, created: first.failed, failed: 0, errorFile: null });
    const rows = await stored(connection);
    expect(rows).toHaveLength(2_500);
    expect(new Set(rows.map((r) => r['Key__c'])).size).toBe(2_500);
  });

  it('writes small sets through sObject Collections', async () => {
    const { connection } = await newOrg();
    const outcome = await writeRecords(connection, 'SalesOps_Run__c', runRecords(10, 'r1'), {
      errorFile: join(dir, 'small.csv'),
    });
    expect(outcome).toMatchObject({ via: 'collections', upserted: 10, requests: 1 });
  });

  it('saves every unconfirmed row to the error file when the session expires mid-job', async () => {
    const { org, connection } = await newOrg();
    const records = runRecords(2_500, 'r1');
    // The job is created and uploaded, then the session ends before UploadComplete.
    org.setFaults({ sessionExpiresAfter: 2 });
    const errorFile = join(dir, 'expired.csv');
    const outcome = await writeRecords(connection, 'SalesOps_Run__c', records, { errorFile });
    org.setFaults(undefined);
    expect(outcome).toMatchObject({ via: 'bulk', upserted: 0, failed: 2_500, errorFile, sessionExpired: true });
    const saved = parse(await readFile(errorFile, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(saved).toHaveLength(2_500);
    expect(new Set(saved.map((r) => r['Error_Code']))).toEqual(new Set(['INVALID_SESSION_ID']));
    expect(saved.map((r) => r['Key__c'])).toEqual(records.map((r) => r['Key__c']));
  });

  it('saves the rows of a job that ends Aborted or Failed and carries on with the next job', async () => {
    const { connection } = await newOrg();
    const records = runRecords(40, 'r1');
    // The first job is aborted instead of closed (as an admin aborting it in Setup would); the second completes.
    let jobs = 0;
    const aborting = {
      version: connection.version,
      request: (request: { method: string; url: string; body?: string }, options?: object) => {
        if (request.method === 'PATCH' && request.body?.includes('UploadComplete') && jobs++ === 0)
          return connection.request({ ...request, body: JSON.stringify({ state: 'Aborted' }) } as never, options);
        return connection.request(request as never, options);
      },
    };
    const errorFile = join(dir, 'aborted.csv');
    const outcome = await bulkUpsertRecords(aborting, 'SalesOps_Run__c', records, {
      errorFile,
      pollIntervalMs: 1,
      maxJobBytes: 2_000,
    });
    const saved = parse(await readFile(errorFile, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(saved.length).toBeGreaterThan(0);
    expect(new Set(saved.map((r) => r['Error_Code']))).toEqual(new Set(['JOB_ABORTED']));
    expect(outcome).toMatchObject({ failed: saved.length, upserted: 40 - saved.length, errorFile });
    expect(outcome.sessionExpired).toBeUndefined();
    const rows = await stored(connection);
    expect(rows.map((r) => r['Key__c'])).toEqual(records.slice(saved.length).map((r) => r['Key__c']));
  });
});
