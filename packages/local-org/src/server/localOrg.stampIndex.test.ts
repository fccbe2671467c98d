/**
 * The SystemModstamp index (soql/stampIndex.ts) over real HTTP: after creates, updates, deletes, undeletes and a
 * rolled-back all-or-none request, a query the index serves (`SystemModstamp > …`, alone or in an AND) returns the
 * same records in the same order as the same condition written so that the index cannot serve it (under NOT).
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
