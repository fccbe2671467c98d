/**
 * SystemModstamp and the recycle bin over real HTTP with jsforce 3: every create, update, delete and undelete moves
 * SystemModstamp; a deleted Opportunity (with the line items and history rows it controls) shows only through
 * queryAll and Bulk API 2.0 `queryAll`, with IsDeleted = true; SOAP `undelete()` restores it and them. The
 * SystemModstamp index (soql/stampIndex.ts) answers ranges as a scan does through all of these.
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

async function ids(soql: string, all: boolean): Promise<string[]> {
  const url = `/services/data/v62.0/${all ? 'queryAll' : 'query'}?q=${encodeURIComponent(soql)}`;
  const result = await admin.request<{ records: { Id: string }[] }>(url);
  return result.records.map((r) => r.Id);
}

/** The indexed and the unindexed form of `SystemModstamp > since [AND extra]` agree, through query and queryAll. */
async function expectSameAsScan(sobject: string, since: string, extra = ''): Promise<string[]> {
  const and = extra ? ` AND ${extra}` : '';
  const indexed = `SELECT Id FROM ${sobject} WHERE SystemModstamp > ${since}${and}`;
  const scanned = `SELECT Id FROM ${sobject} WHERE (NOT SystemModstamp <= ${since})${and}`;
  for (const all of [false, true]) expect(await ids(indexed, all)).toEqual(await ids(scanned, all));
  return ids(indexed, true);
}

describe('SystemModstamp index', () => {
  it('serves ranges as a scan does, through creates, updates, deletes, undeletes and rollbacks', async () => {
    const deals = (await admin.query<{ Id: string; AccountId: string }>('SELECT Id, AccountId FROM Opportunity'))
      .records;
    const before = tick();
    // The first query builds the index; everything loaded is older than `before`.
    expect(await expectSameAsScan('Opportunity', before)).toEqual([]);

    const [a, b, c, d] = deals as { Id: string; AccountId: string }[];
    tick();
    await admin.sobject('Opportunity').update({ Id: c?.Id as string, Amount: 4242 });
    const afterUpdate = tick();
    tick();
    await admin.sobject('Opportunity').update({ Id: a?.Id as string, Amount: 1234 });
    const created = (await admin.sobject('Opportunity').create({
      Name: 'Indexed',
      AccountId: d?.AccountId as string,
      StageName: 'Prospecting',
      CloseDate: '2026-12-31',
    })) as { id: string };
    await admin.sobject('Opportunity').destroy(b?.Id as string);
    // A rolled-back request: its records are added, then removed.
    const failed = await admin
      .sobject('Opportunity')
      .create(
        [
          { Name: 'Rolled back', AccountId: d?.AccountId as string, StageName: 'Prospecting', CloseDate: '2026-12-31' },
          { Name: 'Missing stage' },
        ],
        { allOrNone: true },
      );
    expect(failed.every((r) => !r.success)).toBe(true);

    const changed = await expectSameAsScan('Opportunity', before);
    expect(new Set(changed)).toEqual(new Set([a?.Id, b?.Id, c?.Id, created.id]));
    expect(new Set(await expectSameAsScan('Opportunity', afterUpdate))).toEqual(new Set([a?.Id, b?.Id, created.id]));
    expect(await expectSameAsScan('Opportunity', before, 'IsDeleted = true')).toEqual([b?.Id]);
    // History rows of the updated and created deals are added after the index was built.
    expect((await expectSameAsScan('OpportunityHistory', before)).length).toBeGreaterThanOrEqual(3);

    const undeleted = tick();
    tick();
    await admin.soap.undelete([b?.Id as string]);
    expect(await expectSameAsScan('Opportunity', undeleted)).toEqual([b?.Id]);
    expect(await expectSameAsScan('Opportunity', undeleted, 'Amount > 0')).toEqual(
      await ids(`SELECT Id FROM Opportunity WHERE Id = '${b?.Id}' AND Amount > 0`, false),
    );
  });
});
