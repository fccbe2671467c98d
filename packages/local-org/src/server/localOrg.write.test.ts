/**
 * Writes over real HTTP with jsforce 3: custom objects from force-app metadata, sObject Collections and single-record
 * REST, on the toy sample org and a force-app fixture (SalesOps_Rep_Scorecard__c, Opportunity.Region__c). Bulk API 2.0,
 * limits, faults, CORS and persistence are in localOrg.bulkLimits.test.ts.
 */
import { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalOrg } from './localOrg.js';
import { connectTo, startToyOrgWithFixture } from './localOrgs.test.fixture.js';

const SCORECARD = 'SalesOps_Rep_Scorecard__c';

let org: LocalOrg;
let admin: Connection;
let repId: string;

function connect(token: string, version = '62.0'): Connection {
  return connectTo(org, token, version);
}

beforeAll(async () => {
  org = await startToyOrgWithFixture();
  admin = connect(org.tokens.admin);
  repId = (org.tokens.users.find((u) => u.rep) as { userId: string }).userId;
});

afterAll(async () => {
  await org?.stop();
});

describe('custom objects from force-app metadata', () => {
  it('describes the fixture object with its fields, key prefix and the field added to a standard object', async () => {
    const d = await admin.describe(SCORECARD);
    expect(d).toMatchObject({ name: SCORECARD, label: 'SalesOps Rep Scorecard', custom: true, createable: true });
    expect(d.keyPrefix).toMatch(/^a0[2-9A-Z]$/);
    const byName = new Map(d.fields.map((f) => [f.name, f]));
    expect(byName.get('Key__c')).toMatchObject({
      type: 'string',
      length: 255,
      externalId: true,
      unique: true,
      caseSensitive: true,
      nillable: false,
      custom: true,
    });
    expect(byName.get('Rep__c')).toMatchObject({
      type: 'reference',
      referenceTo: ['User'],
      relationshipName: 'Rep__r',
    });
    expect(byName.get('Closed_Won__c')).toMatchObject({ type: 'currency', precision: 16, scale: 2 });
    expect(byName.get('Peer_Group__c')).toMatchObject({ type: 'picklist', restrictedPicklist: true });
    expect(byName.get('Peer_Group__c')?.picklistValues?.map((p) => p.value)).toEqual(['Tenured', 'Ramping']);
    expect(byName.get('Name')).toMatchObject({ createable: false, nameField: true });
    expect(byName.get('OwnerId')).toMatchObject({ type: 'reference', relationshipName: 'Owner' });
    const opportunity = await admin.describe('Opportunity');
    expect(opportunity.fields.find((f) => f.name === 'Region__c')).toMatchObject({
      type: 'string',
      length: 40,
      custom: true,
    });
    const global = await admin.describeGlobal();
    expect(global.sobjects.find((s) => s.name === SCORECARD)).toMatchObject({ custom: true, keyPrefix: d.keyPrefix });
  });
});

describe('sObject Collections', () => {
  const scorecards = (suffix: string, amount: number): Record<string, unknown>[] =>
    Array.from({ length: 150 }, (_, i) => ({
      Key__c: `scorecard|FY2027-Q4|${i}${suffix}`,
      Rep__c: repId,
      Closed_Won__c: amount + i,
      Period_Label__c: 'FY2027-Q4',
      As_Of__c: '2026-11-16',
    }));

  it('upserts by external ID twice without duplicates: created then updated', async () => {
    const first = await admin.sobject(SCORECARD).upsert(scorecards('', 1000), 'Key__c', { allOrNone: false });
    expect(first).toHaveLength(150);
    expect(first.every((r) => r.success && r.created === true)).toBe(true);
    const second = await admin.sobject(SCORECARD).upsert(scorecards('', 2000), 'Key__c', { allOrNone: false });
    expect(second.every((r) => r.success && r.created === false)).toBe(true);
    expect(second.map((r) => r.id)).toEqual(first.map((r) => r.id));
    const count = await admin.query(`SELECT COUNT() FROM ${SCORECARD}`);
    expect(count.totalSize).toBe(150);
    const rows = await admin.query<Record<string, unknown>>(
      `SELECT Name, Key__c, Closed_Won__c, Rep__r.Name, Flagged__c FROM ${SCORECARD} ORDER BY Closed_Won__c LIMIT 2`,
    );
    expect(rows.records[0]).toMatchObject({
      Name: 'SC-00001',
      Key__c: 'scorecard|FY2027-Q4|0',
      Closed_Won__c: 2000,
      Flagged__c: false,
    });
    expect((rows.records[0]?.['Rep__r'] as Record<string, unknown>)['Name']).toBeTruthy();
    expect(first[0]?.id).toMatch(new RegExp(`^${(await admin.describe(SCORECARD)).keyPrefix}\\w{15}$`));
  });

  it('reports per-record validation errors in Salesforce’s shape', async () => {
    const results = await admin
      .sobject(SCORECARD)
      .create(
        [
          { Key__c: 'ok|1', Period_Label__c: 'FY2027-Q4' },
          { Period_Label__c: 'FY2027-Q4' },
          { Key__c: 'long|1', Period_Label__c: 'x'.repeat(21) },
          { Key__c: 'type|1', Closed_Won__c: 'lots' },
          { Key__c: 'scorecard|FY2027-Q4|0' },
          { Key__c: 'pick|1', Peer_Group__c: 'Veteran' },
          { Key__c: 'ro|1', Name: 'SC-x' },
          { Key__c: 'ref|1', Rep__c: '0015e0000000001AAA' },
          { Key__c: 'nofield|1', Bogus__c: 1 },
        ],
        { allOrNone: false },
      );
    expect(results[0]).toMatchObject({ success: true, errors: [] });
    expect(results.slice(1).map((r) => ({ success: r.success, errors: r.errors }))).toEqual([
      {
        success: false,
        errors: [
          {
            statusCode: 'REQUIRED_FIELD_MISSING',
            message: 'Required fields are missing: [Key__c]',
            fields: ['Key__c'],
          },
        ],
      },
      {
        success: false,
        errors: [
          {
            statusCode: 'STRING_TOO_LONG',
            message: `Period Label: data value too large: ${'x'.repeat(21)} (max length=20)`,
            fields: ['Period_Label__c'],
          },
        ],
      },
      {
        success: false,
        errors: [
          {
            statusCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
            message: 'Closed Won: value not of required type: lots',
            fields: ['Closed_Won__c'],
          },
        ],
      },
      {
        success: false,
        errors: [
          {
            statusCode: 'DUPLICATE_VALUE',
            message: expect.stringMatching(
              /^duplicate value found: Key__c duplicates value on record with id: \w{18}$/,
            ),
            fields: [],
          },
        ],
      },
      {
        success: false,
        errors: [
          {
            statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            message: 'Peer Group: bad value for restricted picklist field: Veteran',
            fields: ['Peer_Group__c'],
          },
        ],
      },
      {
        success: false,
        errors: [
          {
            statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
            message: expect.stringContaining('Unable to create/update fields: Name.'),
            fields: ['Name'],
          },
        ],
      },
      {
        success: false,
        errors: [
          {
            statusCode: 'FIELD_INTEGRITY_EXCEPTION',
            message: 'Rep: id value of incorrect type: 0015e0000000001AAA',
            fields: ['Rep__c'],
          },
        ],
      },
      {
        success: false,
        errors: [
          {
            statusCode: 'INVALID_FIELD',
            message: `No such column 'Bogus__c' on sobject of type ${SCORECARD}`,
            fields: [],
          },
        ],
      },
    ]);
  });

  it('rolls every record back with allOrNone and flags duplicate external IDs within a request', async () => {
    const before = (await admin.query(`SELECT COUNT() FROM ${SCORECARD}`)).totalSize;
    const results = await admin
      .sobject(SCORECARD)
      .create([{ Key__c: 'aon|1' }, { Key__c: 'aon|2', Closed_Won__c: 'x' }, { Key__c: 'aon|3' }], { allOrNone: true });
    expect(results.map((r) => (r.errors[0] as unknown as { statusCode: string }).statusCode)).toEqual([
      'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      'INVALID_TYPE_ON_FIELD_IN_RECORD',
      'ALL_OR_NONE_OPERATION_ROLLED_BACK',
    ]);
    expect((await admin.query(`SELECT COUNT() FROM ${SCORECARD}`)).totalSize).toBe(before);
    const dup = await admin
      .sobject(SCORECARD)
      .upsert([{ Key__c: 'dup|1' }, { Key__c: 'dup|1' }, { Key__c: 'dup|2' }], 'Key__c');
    expect(dup.map((r) => r.success)).toEqual([false, false, true]);
    expect(dup[0]?.errors[0]).toEqual({
      statusCode: 'DUPLICATE_EXTERNAL_ID',
      message: 'Duplicate external id specified: dup|1',
      fields: ['Key__c'],
    });
  });

  it('updates and deletes collections; deleted records show in queryAll only', async () => {
    const created = await admin.sobject(SCORECARD).create([{ Key__c: 'del|1' }, { Key__c: 'del|2' }]);
    const ids = created.map((r) => r.id as string);
    const updated = await admin.sobject(SCORECARD).update(ids.map((Id) => ({ Id, Flagged__c: true })));
    expect(updated.every((r) => r.success)).toBe(true);
    const deleted = await admin.sobject(SCORECARD).destroy(ids);
    expect(deleted).toEqual(ids.map((id) => ({ id, success: true, errors: [] })));
    const soql = `SELECT Id, IsDeleted, Flagged__c FROM ${SCORECARD} WHERE Key__c LIKE 'del|%'`;
    expect((await admin.query(soql)).totalSize).toBe(0);
    const all = await admin.query<Record<string, unknown>>(soql, { scanAll: true });
    expect(all.records.map((r) => [r['IsDeleted'], r['Flagged__c']])).toEqual([
      [true, true],
      [true, true],
    ]);
  });
});

describe('single-record REST', () => {
  it('creates, retrieves, updates, upserts and deletes; derives stage fields and history', async () => {
    const account = await admin.sobject('Account').create({ Name: 'Local Test Co', Industry: 'Energy' });
    expect(account).toMatchObject({ success: true, errors: [] });
    const opp = await admin.sobject('Opportunity').create({
      Name: 'Local Test Deal',
      AccountId: account.id,
      StageName: 'Prospecting',
      CloseDate: '2026-12-15',
      Amount: 12345.678,
      Region__c: 'NA-West',
    });
    const id = opp.id as string;
    const record = await admin.sobject('Opportunity').retrieve(id);
    expect(record).toMatchObject({
      Name: 'Local Test Deal',
      Amount: 12345.68,
      Probability: 10,
      ForecastCategoryName: 'Pipeline',
      IsClosed: false,
      OwnerId: org.tokens.users.find((u) => u.admin)?.userId,
      CreatedDate: '2026-11-16T18:00:00.000+0000',
      Region__c: 'NA-West',
    });
    await admin.sobject('Opportunity').update({ Id: id, StageName: 'Closed Won' });
    const won = await admin.sobject('Opportunity').retrieve(id);
    expect(won).toMatchObject({ IsClosed: true, IsWon: true, Probability: 100, ForecastCategoryName: 'Closed' });
    const history = await admin.query<Record<string, unknown>>(
      `SELECT StageName, Probability, ForecastCategory FROM OpportunityHistory WHERE OpportunityId = '${id}' ORDER BY CreatedDate`,
    );
    expect(history.records.map((h) => [h['StageName'], h['ForecastCategory']])).toEqual([
      ['Prospecting', 'Pipeline'],
      ['Closed Won', 'Closed'],
    ]);

    const missing = await fetch(`${org.url}/services/data/v62.0/sobjects/Opportunity`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${org.tokens.admin}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ Name: 'No stage' }),
    });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual([
      {
        message: 'Required fields are missing: [StageName, CloseDate]',
        errorCode: 'REQUIRED_FIELD_MISSING',
        fields: ['StageName', 'CloseDate'],
      },
    ]);

    const put = (value: string, body: unknown): Promise<Response> =>
      fetch(`${org.url}/services/data/v62.0/sobjects/${SCORECARD}/Key__c/${encodeURIComponent(value)}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${org.tokens.admin}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const created = await put('single|1', { Closed_Won__c: 5 });
    expect(created.status).toBe(201);
    const createdBody = (await created.json()) as { id: string; created: boolean };
    expect(createdBody).toMatchObject({ success: true, errors: [], created: true });
    const again = await put('single|1', { Closed_Won__c: 6 });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: createdBody.id, success: true, errors: [], created: false });

    await admin.sobject('Opportunity').destroy(id);
    await expect(admin.sobject('Opportunity').retrieve(id)).rejects.toMatchObject({ errorCode: 'NOT_FOUND' });
  });

  it('keeps a rep to what sharing lets the rep see and edit', async () => {
    const rep = org.tokens.users.find((u) => u.rep) as { token: string; userId: string };
    const repConn = connect(rep.token);
    const mine = await repConn.sobject(SCORECARD).create({ Key__c: 'rep|own' });
    expect(mine.success).toBe(true);
    const others = await admin.sobject(SCORECARD).create({ Key__c: 'admin|own' });
    const seen = await repConn.query<{ Key__c: string }>(
      `SELECT Key__c FROM ${SCORECARD} WHERE Key__c IN ('rep|own', 'admin|own')`,
    );
    expect(seen.records.map((r) => r.Key__c)).toEqual(['rep|own']);
    const update = await repConn.sobject(SCORECARD).update([{ Id: others.id as string, Flagged__c: true }]);
    expect(update[0]).toMatchObject({ success: false, errors: [{ statusCode: 'INVALID_CROSS_REFERENCE_KEY' }] });
  });
});
