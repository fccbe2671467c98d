/**
 * Bounds on what one user can make the org hold: open query cursors per user (the oldest released, as Salesforce
 * does, then INVALID_QUERY_LOCATOR) and bytes of CSV per ingest job (413 past the cap). The query budget has its
 * own tests (queryBudget.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type LocalOrg } from './localOrg.js';

let org: LocalOrg;

async function call(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${org.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${org.tokens.admin}`, 'Content-Type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

/** Opens a cursor: the first 200-record page of OpportunityHistory; returns its nextRecordsUrl. */
async function openCursor(): Promise<string> {
  const page = await call('GET', '/services/data/v62.0/query?q=SELECT+Id+FROM+OpportunityHistory', undefined, {
    'Sforce-Query-Options': 'batchSize=200',
  });
  const body = page.body as { totalSize: number; nextRecordsUrl?: string };
  expect(body.totalSize).toBeGreaterThan(200);
  return body.nextRecordsUrl as string;
}

beforeAll(async () => {
  org = await start({
    sample: { size: 'toy', seed: 42 },
    objectsDir: null,
    queryCursorsPerUser: 2,
    bulkIngestMaxBytes: 100,
  });
});

afterAll(async () => {
  await org?.stop();
});

describe('bounds', () => {
  it("keeps a user's newest cursors and answers INVALID_QUERY_LOCATOR for one released", async () => {
    const first = await openCursor();
    const second = await openCursor();
    const third = await openCursor();
    expect(await call('GET', first)).toEqual({
      status: 400,
      body: [{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }],
    });
    expect((await call('GET', second)).status).toBe(200);
    expect((await call('GET', third)).status).toBe(200);
  });

  it('cursor ids do not follow one another', async () => {
    const a = (await openCursor()).split('/').pop() as string;
    const b = (await openCursor()).split('/').pop() as string;
    expect(a.slice(0, 3)).toBe('01g');
    expect(a.slice(0, 15)).not.toBe(b.slice(0, 15));
    expect(a.slice(6, 14)).not.toBe(b.slice(6, 14));
  });

  it('refuses an upload past the ingest job cap with 413, and keeps what fit', async () => {
    const job = await call('POST', '/services/data/v62.0/jobs/ingest', '{"operation":"insert","object":"Account"}');
    const id = (job.body as { id: string }).id;
    const put = (csv: string) =>
      call('PUT', `/services/data/v62.0/jobs/ingest/${id}/batches`, csv, { 'Content-Type': 'text/csv' });
    expect((await put('Name\nFirst Account\n')).status).toBe(201);
    const tooBig = await put(`Name\n${'x'.repeat(120)}\n`);
    expect(tooBig.status).toBe(413);
    expect((tooBig.body as { errorCode: string }[])[0]?.errorCode).toBe('REQUEST_ENTITY_TOO_LARGE');
    expect((await put('Name\nSecond\n')).status).toBe(201);
    const closed = await call('PATCH', `/services/data/v62.0/jobs/ingest/${id}`, '{"state":"UploadComplete"}');
    expect(closed.status).toBe(200);
    await call('GET', `/services/data/v62.0/jobs/ingest/${id}`); // InProgress
    const status = (await call('GET', `/services/data/v62.0/jobs/ingest/${id}`)).body as {
      numberRecordsProcessed: number;
    };
    expect(status.numberRecordsProcessed).toBe(2);
  });
});
