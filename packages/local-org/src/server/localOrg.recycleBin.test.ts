/**
 * SystemModstamp and the recycle bin over real HTTP with jsforce 3: every create, update, delete and undelete moves
 * SystemModstamp; a deleted Opportunity (with the line items and history rows it controls) shows only through
 * queryAll and Bulk API 2.0 `queryAll`, with IsDeleted = true; SOAP `undelete()` restores it and them.
 */
import { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type LocalOrg } from './localOrg.js';

let org: LocalOrg;
let admin: Connection;
let clock = Date.parse('2026-11-16T18:00:00.000Z');
const tick = (): string => new Date((clock += 60_000)).toISOString();

beforeAll(async () => {
  org = await start({ sample: { size: 'toy', seed: 42 }, now: () => new Date(clock) });
  admin = new Connection({ instanceUrl: org.url, accessToken: org.tokens.admin, version: '62.0' });
});

afterAll(async () => {
  await org?.stop();
});

async function queryAll<T>(soql: string): Promise<{ totalSize: number; records: T[] }> {
  return admin.request(`/services/data/v62.0/queryAll?q=${encodeURIComponent(soql)}`);
}

/** A Bulk API 2.0 query job's whole CSV result. */
async function bulkCsv(operation: 'query' | 'queryAll', query: string): Promise<string> {
  const base = '/services/data/v62.0/jobs/query';
  const job = await admin.request<{ id: string }>({
    method: 'POST',
    url: base,
    body: JSON.stringify({ operation, query }),
    headers: { 'Content-Type': 'application/json' },
  });
  while ((await admin.request<{ state: string }>(`${base}/${job.id}`)).state !== 'JobComplete');
  return admin.request(
    { method: 'GET', url: `${base}/${job.id}/results`, headers: { Accept: 'text/csv' } },
    { responseType: 'text/plain' },
  );
}

async function stampOf(id: string, all = false): Promise<{ SystemModstamp: string; IsDeleted: boolean } | undefined> {
  const soql = `SELECT SystemModstamp, IsDeleted FROM Opportunity WHERE Id = '${id}'`;
  const result = all ? await queryAll(soql) : await admin.query(soql);
  return result.records[0] as { SystemModstamp: string; IsDeleted: boolean } | undefined;
}

const asRest = (iso: string): string => iso.replace(/Z$/, '+0000');

describe('SystemModstamp and tombstones', () => {
  it('moves SystemModstamp on create, update, delete and undelete; tombstones only through queryAll', async () => {
    const account = (await admin.query<{ Id: string }>('SELECT Id FROM Account LIMIT 1')).records[0]?.Id as string;
    const created = tick();
    const id = (
      (await admin.sobject('Opportunity').create({
        Name: 'Recycle me',
        AccountId: account,
        StageName: 'Prospecting',
        CloseDate: '2026-12-31',
        Amount: 1000,
      })) as { id: string }
    ).id;
    expect((await stampOf(id))?.SystemModstamp).toBe(asRest(created));

    const updated = tick();
    await admin.sobject('Opportunity').update({ Id: id, Amount: 2000 });
    expect((await stampOf(id))?.SystemModstamp).toBe(asRest(updated));
    const history = await admin.query<{ Id: string }>(
      `SELECT Id FROM OpportunityHistory WHERE OpportunityId = '${id}'`,
    );
    expect(history.totalSize).toBe(2);

    const deleted = tick();
    expect(await admin.sobject('Opportunity').destroy(id)).toMatchObject({ id, success: true });
    expect(await stampOf(id)).toBeUndefined();
    expect(await stampOf(id, true)).toMatchObject({ SystemModstamp: asRest(deleted), IsDeleted: true });
    // The history rows went with their deal, with the same stamp.
    const tombstones = await queryAll<{ Id: string; IsDeleted: boolean; SystemModstamp: string }>(
      `SELECT Id, IsDeleted, SystemModstamp FROM OpportunityHistory WHERE OpportunityId = '${id}'`,
    );
    expect(tombstones.records.map((r) => [r.IsDeleted, r.SystemModstamp])).toEqual([
      [true, asRest(deleted)],
      [true, asRest(deleted)],
    ]);
    expect((await admin.query(`SELECT Id FROM OpportunityHistory WHERE OpportunityId = '${id}'`)).totalSize).toBe(0);

    // Bulk API 2.0: `query` leaves the tombstone out, `queryAll` shows it.
    const soql = `SELECT Id, IsDeleted FROM Opportunity WHERE Id = '${id}'`;
    expect(await bulkCsv('query', soql)).toBe('"Id","IsDeleted"\n');
    expect(await bulkCsv('queryAll', soql)).toBe(`"Id","IsDeleted"\n"${id}","true"\n`);

    const undeleted = tick();
    const results = await admin.soap.undelete([id]);
    expect(results).toMatchObject([{ id, success: true }]);
    expect(await stampOf(id)).toEqual(expect.objectContaining({ SystemModstamp: asRest(undeleted), IsDeleted: false }));
    const restored = await admin.query<{ SystemModstamp: string }>(
      `SELECT SystemModstamp FROM OpportunityHistory WHERE OpportunityId = '${id}'`,
    );
    expect(restored.records.map((r) => r.SystemModstamp)).toEqual([asRest(undeleted), asRest(undeleted)]);
  });

  it('deletes through sObject Collections too, and undelete of a live record fails with UNDELETE_FAILED', async () => {
    const ids = (await admin.query<{ Id: string }>('SELECT Id FROM Opportunity ORDER BY Id LIMIT 2')).records.map(
      (r) => r.Id,
    );
    expect(await admin.sobject('Opportunity').destroy(ids)).toEqual(
      ids.map((id) => ({ id, success: true, errors: [] })),
    );
    const results = await admin.soap.undelete([ids[0] as string, ids[0] as string]);
    expect(results[0]).toMatchObject({ id: ids[0], success: true });
    expect(results[1]).toMatchObject({ success: false, errors: [{ statusCode: 'UNDELETE_FAILED' }] });
    expect(await stampOf(ids[1] as string, true)).toMatchObject({ IsDeleted: true });
  });

  it('tells the server time through SOAP getServerTimestamp()', async () => {
    const { timestamp } = await admin.soap.getServerTimestamp();
    expect(Date.parse(timestamp)).toBe(clock);
  });

  it('answers a bad session with a SOAP INVALID_SESSION_ID fault', async () => {
    const stranger = new Connection({ instanceUrl: org.url, accessToken: '00Dxx!bad', version: '62.0' });
    await expect(stranger.soap.undelete(['0065e0000000001AAA'])).rejects.toMatchObject({
      errorCode: 'sf:INVALID_SESSION_ID',
    });
  });
});
