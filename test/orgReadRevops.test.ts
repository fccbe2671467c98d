/**
 * The readers and the funnel's objects (Lead, LeadHistory, Campaign, CampaignMember, Task, Event): read only when a
 * caller names them, from `--data-dir` files and from the local org over REST and Bulk API 2.0 (with sharing), and
 * read as empty, not as an error, when a folder lacks them (the engine's completeness codes then name what is not
 * computed).
 */
import { appendFile, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordParseError, REVOPS_OBJECTS, type OrgData } from '@salesops/core';
import { generateSampleOrg, start, type LocalOrg } from '@salesops/local-org';
import { defaultReadObjects, readDataDir, readOrgData } from '@salesops/org';

type Row = Record<string, string>;
const FILES: Record<(typeof REVOPS_OBJECTS)[number], string> = {
  leads: 'Lead',
  leadHistory: 'LeadHistory',
  campaigns: 'Campaign',
  campaignMembers: 'CampaignMember',
  tasks: 'Task',
  events: 'Event',
};
const withRevops = [...defaultReadObjects(), ...REVOPS_OBJECTS];
let dir: string;
let org: LocalOrg;
const csv: Record<string, Row[]> = {};

function connect(token = org.tokens.admin): Connection {
  return new Connection({ instanceUrl: org.url, accessToken: token, version: '64.0' });
}
const ids = (records: readonly unknown[]): string[] => records.map((r) => (r as { Id: string }).Id).sort();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'org-read-revops-'));
  await generateSampleOrg({ outDir: dir, size: 'toy', seed: 42 });
  for (const name of [...Object.values(FILES), 'Opportunity']) {
    csv[name] = parse(await readFile(join(dir, `${name}.csv`), 'utf8'), { columns: true }) as Row[];
  }
  org = await start({ dataDir: dir });
}, 120_000);
afterAll(async () => {
  await org?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('reading the funnel’s objects from --data-dir files', () => {
  it('reads them only when named: a broken Lead.csv stops only a read that asks for leads', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'org-read-revops-broken-'));
    try {
      await cp(dir, broken, { recursive: true });
      const bad = { ...(csv['Lead']?.[0] as Row), Id: '00Q5e0000000zzzAAA', IsConverted: 'maybe' };
      await appendFile(join(broken, 'Lead.csv'), `${Object.values(bad).join(',')}\n`);
      const plain = await readDataDir(broken);
      for (const key of REVOPS_OBJECTS) expect(plain[key], key).toEqual([]);
      expect(plain.opportunities.length).toBe(csv['Opportunity']?.length);
      const error = await readDataDir(broken, { objects: withRevops }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RecordParseError);
      expect(String((error as Error).message)).toMatch(
        /Lead\.csv:\d+, Lead 00Q5e0000000zzzAAA: field IsConverted has "maybe"/,
      );
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });

  it('reads every row and the fields the funnel uses when asked, with Opportunity.CampaignId', async () => {
    const data = await readDataDir(dir, { objects: withRevops });
    for (const [key, sobject] of Object.entries(FILES) as Array<[keyof OrgData, string]>) {
      expect((data[key] as unknown[]).length, key).toBe(csv[sobject]?.length);
    }
    const row = csv['Lead']?.find((l) => l['IsConverted'] === 'true') as Row;
    const lead = data.leads.find((l) => l.Id === row['Id']);
    expect(lead).toEqual({
      Id: row['Id'],
      OwnerId: row['OwnerId'],
      LeadSource: row['LeadSource'],
      CreatedDate: row['CreatedDate'],
      IsConverted: true,
      ConvertedDate: row['ConvertedDate'],
      ConvertedOpportunityId: row['ConvertedOpportunityId'],
    });
    const sourced = csv['Opportunity']?.filter((o) => o['CampaignId'] !== '') ?? [];
    expect(data.opportunities.filter((o) => o.CampaignId !== null).map((o) => o.Id)).toEqual(
      sourced.map((o) => o['Id']),
    );
  });

  it('reads a folder without them as empty, without an error', async () => {
    const bare = await mkdtemp(join(tmpdir(), 'org-read-revops-bare-'));
    try {
      await cp(dir, bare, { recursive: true });
      for (const sobject of Object.values(FILES)) await rm(join(bare, `${sobject}.csv`));
      const data = await readDataDir(bare, { objects: withRevops });
      for (const key of REVOPS_OBJECTS) expect(data[key], key).toEqual([]);
    } finally {
      await rm(bare, { recursive: true, force: true });
    }
  });
});

describe('reading the funnel’s objects from an org', () => {
  it('leaves them out unless named, and reads the same records over REST and Bulk 2.0 as from the files', async () => {
    const plain = await readOrgData(connect(), { bulk: 'never' });
    for (const key of REVOPS_OBJECTS) expect(plain.data[key], key).toEqual([]);
    const files = await readDataDir(dir, { objects: withRevops });
    const rest = await readOrgData(connect(), { objects: withRevops, bulk: 'never' });
    const bulk = await readOrgData(connect(), { objects: withRevops, bulk: 'always' });
    expect(rest.requests).toBeGreaterThan(plain.requests);
    expect(bulk.bulkObjects).toEqual(expect.arrayContaining(Object.values(FILES)));
    for (const key of REVOPS_OBJECTS) {
      // Order aside (the org answers in Id order), every record and value is the file's.
      const byId = (list: readonly unknown[]) =>
        [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      expect(byId(rest.data[key]), key).toEqual(byId(files[key]));
      expect(byId(bulk.data[key]), key).toEqual(byId(files[key]));
    }
    expect(rest.missingObjects).toEqual([]);
  });

  it('gives a rep the leads the rep owns, with their history, members and activities', async () => {
    const rep = org.tokens.users.find((u) => u.rep && csv['Lead']?.some((l) => l['OwnerId'] === u.userId));
    const { data } = await readOrgData(connect(rep?.token), { objects: withRevops, bulk: 'always' });
    const own = new Set(csv['Lead']?.filter((l) => l['OwnerId'] === rep?.userId).map((l) => l['Id']));
    expect(ids(data.leads)).toEqual([...own].sort());
    expect(data.leadHistory.every((h) => own.has(h.LeadId))).toBe(true);
    expect(data.leadHistory.length).toBe(csv['LeadHistory']?.filter((h) => own.has(h['LeadId'])).length);
    expect(data.campaignMembers.every((m) => own.has(m.LeadId ?? ''))).toBe(true);
    expect(data.tasks.every((t) => own.has(t.WhoId ?? '') || t.OwnerId === rep?.userId)).toBe(true);
    expect(data.campaigns.length).toBe(csv['Campaign']?.length);
  });
});
