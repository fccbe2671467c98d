/**
 * Bulk API 2.0 ingest and query jobs, limits, faults, CORS and persistence over real HTTP with jsforce 3, on the toy
 * sample org and a force-app fixture (SalesOps_Rep_Scorecard__c, Opportunity.Region__c).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type LocalOrg } from './localOrg.js';
import { connectTo, FIXTURE_OBJECTS_DIR, startToyOrgWithFixture } from './localOrgs.test.fixture.js';

const SCORECARD = 'SalesOps_Rep_Scorecard__c';

let org: LocalOrg;
let admin: Connection;

function connect(token: string, version = '62.0'): Connection {
  return connectTo(org, token, version);
}

beforeAll(async () => {
  org = await startToyOrgWithFixture();
  admin = connect(org.tokens.admin);
});

afterAll(async () => {
  await org?.stop();
});

describe('Bulk API 2.0', () => {
  it('runs a query job: polls, pages results with Sforce-Locator and a literal null locator, equal to REST', async () => {
    const rest = await admin.query<Record<string, unknown>>(
      'SELECT Id, Name, Amount, Owner.Name FROM Opportunity ORDER BY Id',
    );
    const headers = { Authorization: `Bearer ${org.tokens.admin}`, 'Content-Type': 'application/json' };
    const job = (await (
      await fetch(`${org.url}/services/data/v62.0/jobs/query`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          operation: 'query',
          query: 'SELECT Id, Name, Amount, Owner.Name FROM Opportunity ORDER BY Id',
        }),
      })
    ).json()) as Record<string, unknown>;
    expect(job).toMatchObject({
      operation: 'query',
      object: 'Opportunity',
      state: 'UploadComplete',
      contentType: 'CSV',
      apiVersion: 62,
    });
    const poll = async (): Promise<Record<string, unknown>> =>
      (await (
        await fetch(`${org.url}/services/data/v62.0/jobs/query/${String(job['id'])}`, { headers })
      ).json()) as Record<string, unknown>;
    expect((await poll())['state']).toBe('InProgress');
    expect(await poll()).toMatchObject({ state: 'JobComplete', jobType: 'V2Query', numberRecordsProcessed: 60 });
    let locator: string | null = '';
    const pages: string[] = [];
    const counts: string[] = [];
    while (locator !== 'null') {
      const res = await fetch(
        `${org.url}/services/data/v62.0/jobs/query/${String(job['id'])}/results?maxRecords=25${locator ? `&locator=${locator}` : ''}`,
        { headers },
      );
      expect(res.headers.get('content-type')).toContain('text/csv');
      locator = res.headers.get('sforce-locator');
      counts.push(res.headers.get('sforce-numberofrecords') as string);
      pages.push(await res.text());
    }
    expect(counts).toEqual(['25', '25', '10']);
    const rows = pages.flatMap((p) => parse(p, { columns: true }) as Record<string, string>[]);
    expect(
      rows.map((r) => [r['Id'], r['Name'], r['Amount'] === '' ? null : Number(r['Amount']), r['Owner.Name']]),
    ).toEqual(
      rest.records.map((r) => [r['Id'], r['Name'], r['Amount'], (r['Owner'] as Record<string, unknown>)['Name']]),
    );
    expect(pages[0]?.split('\n')[0]).toBe('"Id","Name","Amount","Owner.Name"');

    // jsforce's own bulk2 query (one results page).
    const viaJsforce = await admin.bulk2.query('SELECT Id FROM Account');
    const ids: string[] = [];
    for await (const record of viaJsforce) ids.push((record as { Id: string }).Id);
    expect(ids.length).toBe((await admin.query('SELECT COUNT() FROM Account')).totalSize);
  });

  it('runs an upsert ingest job and reports successful and failed rows', async () => {
    // One row matches a record that exists before the job: it is updated, not created.
    await admin.sobject(SCORECARD).create({ Key__c: 'scorecard|FY2027-Q4|1', Closed_Won__c: 1 });
    const input = [
      { Key__c: 'bulk|1', Closed_Won__c: '10', Period_Label__c: 'FY2027-Q4' },
      { Key__c: 'bulk|2', Closed_Won__c: 'not a number', Period_Label__c: 'FY2027-Q4' },
      { Key__c: 'scorecard|FY2027-Q4|1', Closed_Won__c: '99', Period_Label__c: 'FY2027-Q4' },
    ];
    const results = await admin.bulk2.loadAndWaitForResults({
      object: SCORECARD,
      operation: 'upsert',
      externalIdFieldName: 'Key__c',
      input,
      pollInterval: 20,
    });
    expect(results.successfulResults.map((r) => [(r as Record<string, unknown>)['Key__c'], r.sf__Created])).toEqual([
      ['bulk|1', 'true'],
      ['scorecard|FY2027-Q4|1', 'false'],
    ]);
    expect(results.failedResults).toHaveLength(1);
    expect(results.failedResults[0]?.sf__Error).toContain('INVALID_TYPE_ON_FIELD_IN_RECORD');
    expect(results.unprocessedRecords).toEqual([]);
    const check = await admin.query<Record<string, unknown>>(
      `SELECT Key__c, Closed_Won__c FROM ${SCORECARD} WHERE Key__c IN ('bulk|1', 'scorecard|FY2027-Q4|1') ORDER BY Key__c`,
    );
    expect(check.records.map((r) => [r['Key__c'], r['Closed_Won__c']])).toEqual([
      ['bulk|1', 10],
      ['scorecard|FY2027-Q4|1', 99],
    ]);
  });
});

describe('limits, faults and CORS', () => {
  it('answers REQUEST_LIMIT_EXCEEDED (403) once a low allowance is used up', async () => {
    const limited = await start({ sample: { size: 'toy' }, objectsDir: null, apiLimit: { max: 3 } });
    try {
      const conn = new Connection({ instanceUrl: limited.url, accessToken: limited.tokens.admin, version: '62.0' });
      for (let i = 0; i < 3; i++) await conn.query('SELECT Id FROM Account LIMIT 1');
      const res = await fetch(`${limited.url}/services/data/v62.0/limits`, {
        headers: { Authorization: `Bearer ${limited.tokens.admin}` },
      });
      expect(res.status).toBe(403);
      expect(res.headers.get('sforce-limit-info')).toBe('api-usage=3/3');
      expect(await res.json()).toEqual([
        { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
      ]);
      await expect(conn.query('SELECT Id FROM Account')).rejects.toMatchObject({ errorCode: 'REQUEST_LIMIT_EXCEEDED' });
      limited.limits.set(10, 0);
      expect((await conn.query('SELECT Id FROM Account LIMIT 1')).totalSize).toBe(1);
    } finally {
      await limited.stop();
    }
  });

  it('reproduces the same faults from the same seed', async () => {
    const run = async (seed: number): Promise<string[]> => {
      const faulty = await start({
        sample: { size: 'toy' },
        objectsDir: null,
        faults: {
          seed,
          serverErrorRate: 0.2,
          serverErrorBurst: 2,
          dropRate: 0.1,
          latencyMs: [0, 3],
          recordFailureRate: 0.3,
        },
      });
      const outcomes: string[] = [];
      try {
        for (let i = 0; i < 30; i++) {
          try {
            const res = await fetch(`${faulty.url}/services/data/v62.0/query?q=SELECT+Id+FROM+Account+LIMIT+1`, {
              headers: { Authorization: `Bearer ${faulty.tokens.admin}` },
            });
            outcomes.push(String(res.status));
          } catch {
            outcomes.push('dropped');
          }
        }
        const res = await fetch(`${faulty.url}/services/data/v62.0/composite/sobjects`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${faulty.tokens.admin}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            allOrNone: false,
            records: Array.from({ length: 20 }, (_, i) => ({ attributes: { type: 'Account' }, Name: `F${i}` })),
          }),
        }).catch(() => undefined);
        if (res?.status === 200) {
          const body = (await res.json()) as { success: boolean; errors: { statusCode: string }[] }[];
          outcomes.push(body.map((r) => (r.success ? 'ok' : r.errors[0]?.statusCode)).join(','));
        } else outcomes.push(String(res?.status ?? 'dropped'));
      } finally {
        await faulty.stop();
      }
      return outcomes;
    };
    const a = await run(7);
    const b = await run(7);
    const c = await run(8);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a).toContain('dropped');
    expect(a.some((o) => o === '500' || o === '503')).toBe(true);
    expect(a).toContain('200');
  });

  it('holds back some requests with seeded latency spikes, and logs every fault it injects', async () => {
    const faulty = await start({
      sample: { size: 'toy' },
      objectsDir: null,
      faults: { seed: 3, latencySpikeRate: 0.3, latencySpikeMs: 40, serverErrorRate: 0.2, recordFailureRate: 0.5 },
    });
    try {
      const query = () =>
        fetch(`${faulty.url}/services/data/v62.0/query?q=SELECT+Id+FROM+Account+LIMIT+1`, {
          headers: { Authorization: `Bearer ${faulty.tokens.admin}` },
        });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await query()).status);
      let collection: Response | undefined;
      do {
        collection = await fetch(`${faulty.url}/services/data/v62.0/composite/sobjects`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${faulty.tokens.admin}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            allOrNone: false,
            records: Array.from({ length: 10 }, (_, i) => ({ attributes: { type: 'Account' }, Name: `S${i}` })),
          }),
        });
      } while (collection.status !== 200);
      const outcomes = (await collection.json()) as { success: boolean }[];
      const log = faulty.faultLog;
      const kinds = (kind: string) => log.filter((e) => e.kind === kind);
      // Spikes are drawn per request from the seed, like the other faults, and each is in the log.
      expect(kinds('latencySpike').length).toBeGreaterThan(0);
      expect(kinds('latencySpike').length).toBeLessThan(statuses.length);
      expect(kinds('serverError').every((e) => e.status === 500 || e.status === 503)).toBe(true);
      expect(kinds('serverError').filter((e) => e.operation === 'read').length).toBe(
        statuses.filter((s) => s >= 500).length,
      );
      expect(kinds('recordFailure')).toHaveLength(outcomes.filter((o) => !o.success).length);
      expect(kinds('recordFailure').every((e) => e.operation === 'write' && e.method === 'POST')).toBe(true);
      // A server error followed by the same request is marked retried (the loop above repeats the same query).
      const readErrors = kinds('serverError').filter((e) => e.operation === 'read');
      expect(readErrors.length).toBeGreaterThan(0);
      expect(readErrors.every((e) => e.retried || e.n === 20)).toBe(true);
      expect(log[0]).toMatchObject({ method: 'GET', path: '/services/data/v62.0/query', operation: 'read' });
    } finally {
      await faulty.stop();
    }
  });

  it('logs the refusals once the allowance is used up, and session expiries', async () => {
    const org2 = await start({
      sample: { size: 'toy' },
      objectsDir: null,
      apiLimit: { max: 2 },
      faults: { sessionExpiresAfter: 3 },
    });
    try {
      const get = (token: string) =>
        fetch(`${org2.url}/services/data/v62.0/limits`, { headers: { Authorization: `Bearer ${token}` } });
      expect([(await get(org2.tokens.admin)).status, (await get(org2.tokens.admin)).status]).toEqual([200, 200]);
      expect((await get(org2.tokens.admin)).status).toBe(403);
      expect((await get(org2.tokens.admin)).status).toBe(401);
      expect(org2.faultLog.map((e) => [e.kind, e.status, e.operation, e.retried])).toEqual([
        ['limitExceeded', 403, 'read', true],
        ['sessionExpired', 401, 'read', false],
      ]);
    } finally {
      await org2.stop();
    }
  });

  it('expires every session after N requests', async () => {
    const expiring = await start({ sample: { size: 'toy' }, objectsDir: null, faults: { sessionExpiresAfter: 2 } });
    try {
      const conn = new Connection({ instanceUrl: expiring.url, accessToken: expiring.tokens.admin, version: '62.0' });
      await conn.query('SELECT Id FROM Account LIMIT 1');
      await conn.query('SELECT Id FROM Account LIMIT 1');
      await expect(conn.query('SELECT Id FROM Account LIMIT 1')).rejects.toMatchObject({
        errorCode: 'INVALID_SESSION_ID',
      });
      const renewed = expiring.renewSessions();
      const fresh = new Connection({ instanceUrl: expiring.url, accessToken: renewed.admin, version: '62.0' });
      expect((await fresh.query('SELECT Id FROM Account LIMIT 1')).totalSize).toBe(1);
    } finally {
      await expiring.stop();
    }
  });

  it('answers CORS preflights and exposes the Sforce headers to a browser origin', async () => {
    const preflight = await fetch(`${org.url}/services/data/v62.0/query?q=x`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
    const res = await fetch(`${org.url}/services/data/v62.0/query?q=SELECT+Id+FROM+Account`, {
      headers: { Origin: 'http://localhost:5173', Authorization: `Bearer ${org.tokens.admin}` },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-expose-headers')).toContain('Sforce-Locator');
    expect(res.headers.get('access-control-expose-headers')).toContain('Sforce-Limit-Info');
  });
});

describe('persistence', () => {
  it('saves what was written as a data dir another local org loads', async () => {
    const written = Array.from({ length: 160 }, (_, i) => ({ Key__c: `persist|${i}`, Closed_Won__c: i }));
    const created = await admin.sobject(SCORECARD).create(written);
    expect(created.every((r) => r.success)).toBe(true);
    const dir = await mkdtemp(join(tmpdir(), 'local-org-save-'));
    try {
      const counts = await org.save(dir);
      expect(counts[SCORECARD]).toBeGreaterThanOrEqual(160);
      const header = (await readFile(join(dir, `${SCORECARD}.csv`), 'utf8')).split('\n')[0];
      expect(header).toContain('Key__c');
      const reloaded = await start({ dataDir: dir, objectsDir: FIXTURE_OBJECTS_DIR });
      try {
        const conn = new Connection({ instanceUrl: reloaded.url, accessToken: reloaded.tokens.admin, version: '62.0' });
        const before = (await admin.query(`SELECT COUNT() FROM ${SCORECARD}`)).totalSize;
        expect((await conn.query(`SELECT COUNT() FROM ${SCORECARD}`)).totalSize).toBe(before);
      } finally {
        await reloaded.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
