/**
 * Bulk API 2.0 jobs belong to their creator: every other user (View All Data excepted) gets 404 NOT_FOUND on every
 * job route, and job ids are not sequential, so one job's id does not give away the next.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCaseSafeId } from '../../sample-data/salesforceId.js';
import { start, type LocalOrg } from '../localOrg.js';

let org: LocalOrg;
let adminToken: string;
let repToken: string;
const base = (): string => `${org.url}/services/data/v62.0/jobs`;

async function call(
  token: string,
  method: string,
  path: string,
  body?: string,
  contentType = 'application/json',
): Promise<{ status: number; text: string }> {
  const res = await fetch(`${base()}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType },
    body,
  });
  return { status: res.status, text: await res.text() };
}

async function createJob(token: string, kind: 'query' | 'ingest'): Promise<string> {
  const body =
    kind === 'query'
      ? { operation: 'query', query: 'SELECT Id, Name FROM Opportunity' }
      : { operation: 'insert', object: 'Account' };
  const res = await call(token, 'POST', `/${kind}`, JSON.stringify(body));
  expect(res.status, res.text).toBe(200);
  return String((JSON.parse(res.text) as { id: string }).id);
}

function expectNotFound(res: { status: number; text: string }): void {
  expect(res.status, res.text).toBe(404);
  expect((JSON.parse(res.text) as { errorCode: string }[])[0]?.errorCode).toBe('NOT_FOUND');
}

beforeAll(async () => {
  org = await start({ sample: { size: 'toy', seed: 42 }, objectsDir: null });
  adminToken = org.tokens.admin;
  repToken = (org.tokens.users.find((u) => u.rep) as { token: string }).token;
});

afterAll(async () => {
  await org?.stop();
});

describe('Bulk API 2.0 job ownership', () => {
  it("GET /jobs/query/{id}: a rep gets 404 for the admin's job, the admin gets the job", async () => {
    const id = await createJob(adminToken, 'query');
    expectNotFound(await call(repToken, 'GET', `/query/${id}`));
    expect((await call(adminToken, 'GET', `/query/${id}`)).status).toBe(200);
  });

  it("GET /jobs/query/{id}/results: a rep cannot read the admin's results", async () => {
    const id = await createJob(adminToken, 'query');
    await call(adminToken, 'GET', `/query/${id}`); // InProgress
    await call(adminToken, 'GET', `/query/${id}`); // JobComplete
    expectNotFound(await call(repToken, 'GET', `/query/${id}/results`));
    const own = await call(adminToken, 'GET', `/query/${id}/results`);
    expect(own.status).toBe(200);
    expect(own.text.split('\n')[0]).toBe('"Id","Name"');
  });

  it("DELETE /jobs/query/{id}: a rep cannot delete the admin's job", async () => {
    const id = await createJob(adminToken, 'query');
    expectNotFound(await call(repToken, 'DELETE', `/query/${id}`));
    expect((await call(adminToken, 'GET', `/query/${id}`)).status).toBe(200);
    expect((await call(adminToken, 'DELETE', `/query/${id}`)).status).toBe(204);
  });

  it("PATCH /jobs/query/{id} (abort): a rep cannot abort the admin's job", async () => {
    const id = await createJob(adminToken, 'query');
    expectNotFound(await call(repToken, 'PATCH', `/query/${id}`, JSON.stringify({ state: 'Aborted' })));
    const status = JSON.parse((await call(adminToken, 'GET', `/query/${id}`)).text) as { state: string };
    expect(status.state).not.toBe('Aborted');
  });

  it("PUT /jobs/ingest/{id}/batches: a rep cannot add rows to the admin's open job", async () => {
    const id = await createJob(adminToken, 'ingest');
    expectNotFound(await call(repToken, 'PUT', `/ingest/${id}/batches`, 'Name\nFrom a rep\n', 'text/csv'));
    expect((await call(adminToken, 'PUT', `/ingest/${id}/batches`, 'Name\nFrom the admin\n', 'text/csv')).status).toBe(
      201,
    );
  });

  it("PATCH /jobs/ingest/{id} (close, abort) and DELETE: a rep can neither run nor end the admin's job", async () => {
    const id = await createJob(adminToken, 'ingest');
    await call(adminToken, 'PUT', `/ingest/${id}/batches`, 'Name\nOwned Account\n', 'text/csv');
    expectNotFound(await call(repToken, 'PATCH', `/ingest/${id}`, JSON.stringify({ state: 'UploadComplete' })));
    expectNotFound(await call(repToken, 'PATCH', `/ingest/${id}`, JSON.stringify({ state: 'Aborted' })));
    expectNotFound(await call(repToken, 'DELETE', `/ingest/${id}`));
    const status = JSON.parse((await call(adminToken, 'GET', `/ingest/${id}`)).text) as { state: string };
    expect(status.state).toBe('Open');
    expect((await call(adminToken, 'PATCH', `/ingest/${id}`, JSON.stringify({ state: 'UploadComplete' }))).status).toBe(
      200,
    );
  });

  it('GET /jobs/ingest/{id} and its result files: 404 for a rep', async () => {
    const id = await createJob(adminToken, 'ingest');
    expectNotFound(await call(repToken, 'GET', `/ingest/${id}`));
    for (const sub of ['successfulResults', 'failedResults', 'unprocessedrecords']) {
      expectNotFound(await call(repToken, 'GET', `/ingest/${id}/${sub}`));
      expect((await call(adminToken, 'GET', `/ingest/${id}/${sub}`)).status).toBe(200);
    }
  });

  it("the admin (View All Data) can read a rep's job", async () => {
    const id = await createJob(repToken, 'query');
    expect((await call(adminToken, 'GET', `/query/${id}`)).status).toBe(200);
    expect((await call(repToken, 'GET', `/query/${id}`)).status).toBe(200);
  });

  it('issues 18-character case-safe job ids that do not follow one another', async () => {
    const ids = [await createJob(adminToken, 'query'), await createJob(adminToken, 'query')];
    for (const id of ids) {
      expect(id).toMatch(/^750[A-Za-z0-9]{15}$/);
      expect(toCaseSafeId(id.slice(0, 15))).toBe(id);
    }
    const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    const sequence = (id: string): number => [...id.slice(6, 15)].reduce((n, ch) => n * 62 + BASE62.indexOf(ch), 0);
    expect(Math.abs(sequence(ids[1] as string) - sequence(ids[0] as string))).toBeGreaterThan(1000);
  });
});
