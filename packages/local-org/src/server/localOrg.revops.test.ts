/**
 * The funnel's objects in the local org over real HTTP (jsforce 3 and raw Bulk API 2.0 calls) on the toy sample org:
 * describe, REST and Bulk queries equal to the CSV files, and sharing: leads private to their owner up the role
 * hierarchy, campaigns public read, lead history and campaign members following their lead, activities following
 * the record they are about (here the lead they are with).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleOrg } from '../sample-data/generateSampleOrg.js';
import { start, type LocalOrg } from './localOrg.js';

type Row = Record<string, string>;
const OBJECTS = ['Lead', 'LeadHistory', 'Campaign', 'CampaignMember', 'Task', 'Event', 'User', 'UserRole'];
let dir: string;
let org: LocalOrg;
const csv: Record<string, Row[]> = {};
const rows = (name: string): Row[] => csv[name] ?? [];

function connect(token: string): Connection {
  return new Connection({ instanceUrl: org.url, accessToken: token, version: '62.0' });
}

/** Ids of a Bulk API 2.0 query's results, all pages, as `token` sees them. */
async function bulkIds(token: string, soql: string): Promise<string[]> {
  const base = `${org.url}/services/data/v62.0/jobs/query`;
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const created = await fetch(base, {
    method: 'POST',
    headers,
    body: JSON.stringify({ operation: 'query', query: soql }),
  });
  const { id } = (await created.json()) as { id: string };
  for (let state = ''; state !== 'JobComplete';) {
    state = ((await (await fetch(`${base}/${id}`, { headers })).json()) as { state: string }).state;
    expect(state).not.toBe('Failed');
  }
  const ids: string[] = [];
  for (let locator = ''; locator !== 'null';) {
    const res = await fetch(`${base}/${id}/results?maxRecords=50${locator ? `&locator=${locator}` : ''}`, { headers });
    const page = parse(await res.text(), { columns: true }) as Row[];
    ids.push(...page.map((r) => r['Id'] as string));
    locator = res.headers.get('sforce-locator') ?? 'null';
  }
  return ids;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'local-org-revops-'));
  await generateSampleOrg({ outDir: dir, size: 'toy', seed: 42 });
  for (const name of OBJECTS) {
    csv[name] = parse(await readFile(join(dir, `${name}.csv`), 'utf8'), { columns: true }) as Row[];
  }
  org = await start({ dataDir: dir, objectsDir: null });
}, 120_000);

afterAll(async () => {
  await org?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('funnel objects', () => {
  it('describes Lead, Campaign, their members and history, Task and Event with their key prefixes', async () => {
    const admin = connect(org.tokens.admin);
    // Every column the generator writes for these objects is typed by the schema (the toy's quota object, without
    // force-app/ metadata here, is the only file with an untyped column).
    expect(org.warnings.filter((w) => !w.startsWith('SalesOps_Quota__c.csv'))).toEqual([]);
    const prefixes = {
      Lead: '00Q',
      LeadHistory: '017',
      Campaign: '701',
      CampaignMember: '00v',
      Task: '00T',
      Event: '00U',
    };
    for (const [name, keyPrefix] of Object.entries(prefixes)) {
      expect(await admin.describe(name)).toMatchObject({ name, keyPrefix, queryable: true });
    }
    const lead = await admin.describe('Lead');
    expect(lead.fields.find((f) => f.name === 'ConvertedOpportunityId')).toMatchObject({
      type: 'reference',
      referenceTo: ['Opportunity'],
      createable: false,
    });
    const task = await admin.describe('Task');
    expect(task.fields.find((f) => f.name === 'WhoId')?.referenceTo).toEqual(['Lead', 'Contact']);
    const opportunity = await admin.describe('Opportunity');
    expect(opportunity.fields.find((f) => f.name === 'CampaignId')?.referenceTo).toEqual(['Campaign']);
  });

  it('answers REST and Bulk 2.0 queries with the CSV files’ records and values', async () => {
    const admin = connect(org.tokens.admin);
    for (const name of ['Lead', 'LeadHistory', 'Campaign', 'CampaignMember', 'Task', 'Event']) {
      const rest = await admin.query<{ Id: string }>(`SELECT Id FROM ${name} ORDER BY Id`, { autoFetch: true });
      const ids = rows(name).map((r) => r['Id'] as string);
      expect(rest.records.map((r) => r.Id)).toEqual([...ids].sort());
      expect((await bulkIds(org.tokens.admin, `SELECT Id FROM ${name}`)).sort()).toEqual([...ids].sort());
    }
    const converted = rows('Lead').find((l) => l['IsConverted'] === 'true') as Row;
    const [lead] = (
      await admin.query<Record<string, unknown>>(
        `SELECT IsConverted, ConvertedDate, ConvertedOpportunityId, CreatedDate, LeadSource FROM Lead WHERE Id = '${converted['Id']}'`,
      )
    ).records;
    expect(lead).toMatchObject({
      IsConverted: true,
      ConvertedDate: converted['ConvertedDate'],
      ConvertedOpportunityId: converted['ConvertedOpportunityId'],
      CreatedDate: (converted['CreatedDate'] as string).replace('Z', '+0000'),
      LeadSource: converted['LeadSource'],
    });
    const costs = await admin.query<{ total: number }>('SELECT SUM(ActualCost) total FROM Campaign');
    const expected = rows('Campaign').reduce((sum, c) => sum + Number(c['ActualCost'] || 0), 0);
    expect(costs.records[0]?.total).toBe(expected);
  });

  it('shows a rep own leads with their history, members and activities; a manager the team’s; campaigns to all', async () => {
    const users = rows('User');
    const rep = org.tokens.users.find((u) => u.rep && rows('Lead').some((l) => l['OwnerId'] === u.userId));
    expect(rep).toBeDefined();
    const repRole = users.find((u) => u['Id'] === rep?.userId)?.['UserRoleId'];
    const managerRole = rows('UserRole').find((r) => r['Id'] === repRole)?.['ParentRoleId'];
    const manager = org.tokens.users.find(
      (u) => users.find((x) => x['Id'] === u.userId)?.['UserRoleId'] === managerRole,
    );
    const team = new Set(
      users.filter((u) => u['UserRoleId'] === repRole || u['Id'] === manager?.userId).map((u) => u['Id']),
    );
    const cases: Array<[string, ReadonlySet<string | undefined>]> = [
      [rep?.token as string, new Set([rep?.userId])],
      [manager?.token as string, team],
    ];
    for (const [token, owners] of cases) {
      const leads = new Set(
        rows('Lead')
          .filter((l) => owners.has(l['OwnerId']))
          .map((l) => l['Id']),
      );
      const visible = {
        Lead: [...leads],
        LeadHistory: rows('LeadHistory')
          .filter((h) => leads.has(h['LeadId']))
          .map((h) => h['Id']),
        CampaignMember: rows('CampaignMember')
          .filter((m) => leads.has(m['LeadId']))
          .map((m) => m['Id']),
        Task: rows('Task')
          .filter((t) => leads.has(t['WhoId']) || owners.has(t['OwnerId']))
          .map((t) => t['Id']),
        Event: rows('Event')
          .filter((e) => leads.has(e['WhoId']) || owners.has(e['OwnerId']))
          .map((e) => e['Id']),
        Campaign: rows('Campaign').map((c) => c['Id']),
      };
      expect(visible.Lead.length).toBeLessThan(rows('Lead').length);
      for (const [name, ids] of Object.entries(visible)) {
        const seen = await connect(token).query<{ Id: string }>(`SELECT Id FROM ${name}`, { autoFetch: true });
        expect(seen.records.map((r) => r.Id).sort(), name).toEqual([...ids].sort());
      }
      expect((await bulkIds(token, 'SELECT Id FROM Lead')).sort()).toEqual([...visible.Lead].sort());
    }
  });
});
