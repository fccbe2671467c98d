import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE } from './generateSampleOrg.js';

type Rows = Array<Record<string, string>>;
const REVOPS_FILES = ['Lead', 'LeadHistory', 'Campaign', 'CampaignMember', 'Task', 'Event'];
const RECURRING = ['New Business', 'Existing Customer - Renewal', 'Existing Customer - Downgrade'];
let dir = '';
const org: Record<string, Rows> = {};
const rows = (object: string): Rows => org[object] ?? [];

/** Org-local (Los Angeles) date of a UTC datetime, read off the time-zone database. */
const orgDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' });
function localDate(utc: string): string {
  return orgDay.format(new Date(utc));
}
/** Fiscal year (February start, named by the year it ends in) of a date. */
function fiscalYear(date: string): number {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m >= 2 ? y + 1 : y;
}
function byKey(list: Rows, key: string): Map<string, Rows> {
  const out = new Map<string, Rows>();
  for (const row of list) out.set(row[key] as string, [...(out.get(row[key] as string) ?? []), row]);
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'revops-sample-'));
  await generateSampleOrg({ outDir: dir, seed: 42, size: 'default' });
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.csv'))) {
    org[name.slice(0, -4)] = parse(await readFile(join(dir, name)), { columns: true }) as Rows;
  }
}, 180_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the default sample org’s revenue-operations data', () => {
  it('leaves the deals of the seed as they were before leads existed (existing figures unchanged)', async () => {
    // SHA-256 of the files the generator wrote before leads, campaigns and customer types were added (seed 42).
    const others = (await readdir(dir))
      .filter((n) => n.endsWith('.csv') && n !== 'Opportunity.csv' && !REVOPS_FILES.includes(n.slice(0, -4)))
      .sort();
    const hash = createHash('sha256');
    for (const name of others) hash.update(name).update(await readFile(join(dir, name)));
    expect(hash.digest('hex')).toBe(PINNED.otherFiles);
    // Opportunity.csv without the three columns this change writes differently (Type, LeadSource, CampaignId).
    const table = parse(await readFile(join(dir, 'Opportunity.csv'))) as string[][];
    const keep = (table[0] as string[]).flatMap((h, i) =>
      ['Type', 'LeadSource', 'CampaignId'].includes(h) ? [] : [i],
    );
    const text = table.map((r) => keep.map((i) => r[i]).join(',')).join('\n');
    expect(createHash('sha256').update(text).digest('hex')).toBe(PINNED.opportunitiesWithoutRevops);
  });

  it('has about three leads per deal; converted leads match their deal’s account, owner, source and creation', () => {
    const leads = rows('Lead');
    const opportunities = new Map(rows('Opportunity').map((o) => [o['Id'] as string, o]));
    expect(leads.length / opportunities.size).toBeGreaterThan(2.5);
    expect(leads.length / opportunities.size).toBeLessThan(3.5);
    const converted = leads.filter((l) => l['IsConverted'] === 'true');
    expect(converted.length).toBeGreaterThan(0.05 * leads.length);
    const seen = new Set<string>();
    for (const lead of converted) {
      const o = opportunities.get(lead['ConvertedOpportunityId'] as string) as Record<string, string>;
      expect(o, lead['Id']).toBeDefined();
      expect(seen.has(o['Id'] as string)).toBe(false);
      seen.add(o['Id'] as string);
      expect(lead['Status']).toBe('Closed - Converted');
      expect(lead['ConvertedAccountId']).toBe(o['AccountId']);
      expect(lead['OwnerId']).toBe(o['OwnerId']);
      expect(lead['LeadSource']).toBe(o['LeadSource']);
      expect(o['Type']).toBe('New Business');
      expect(lead['ConvertedDate']).toBe(localDate(o['CreatedDate'] as string));
      expect((lead['CreatedDate'] as string) < (o['CreatedDate'] as string)).toBe(true);
    }
    for (const lead of leads.filter((l) => l['IsConverted'] !== 'true')) {
      expect([lead['ConvertedDate'], lead['ConvertedOpportunityId'], lead['ConvertedAccountId']]).toEqual(['', '', '']);
      expect(['Open - Not Contacted', 'Working - Contacted', 'Nurturing', 'Closed - Not Converted']).toContain(
        lead['Status'],
      );
    }
    // Every status of an unconverted lead occurs, nurture and disqualified leads among them.
    expect(new Set(leads.map((l) => l['Status'])).size).toBe(5);
  });

  it('replays each lead’s status from its history, and logs first touches after arrival and before conversion', () => {
    const history = byKey(rows('LeadHistory'), 'LeadId');
    const activities = byKey([...rows('Task'), ...rows('Event')], 'WhoId');
    const dealCreated = new Map(rows('Opportunity').map((o) => [o['Id'] as string, o['CreatedDate'] as string]));
    let touched = 0;
    const problems: string[] = [];
    const check = (ok: boolean, what: string, lead: Record<string, string>) => {
      if (!ok) problems.push(`${lead['Id']}: ${what}`);
    };
    for (const lead of rows('Lead')) {
      const list = history.get(lead['Id'] as string) ?? [];
      check(list[0]?.['Field'] === 'created' && list[0]['CreatedDate'] === lead['CreatedDate'], 'created row', lead);
      let status = 'Open - Not Contacted';
      for (const row of list.slice(1)) {
        check(row['Field'] === 'Status' && row['OldValue'] === status, `status chain at ${row['Id']}`, lead);
        check((row['CreatedDate'] as string) >= (lead['CreatedDate'] as string), `${row['Id']} before arrival`, lead);
        check(localDate(row['CreatedDate'] as string) <= SAMPLE_ANCHOR_DATE, `${row['Id']} after anchor`, lead);
        status = row['NewValue'] as string;
      }
      check(status === lead['Status'], 'final status', lead);
      const converted = dealCreated.get(lead['ConvertedOpportunityId'] as string);
      for (const activity of activities.get(lead['Id'] as string) ?? []) {
        const at = activity['CreatedDate'] as string;
        check(activity['OwnerId'] === lead['OwnerId'], `${activity['Id']} owner`, lead);
        check(
          at > (lead['CreatedDate'] as string) && localDate(at) <= SAMPLE_ANCHOR_DATE,
          `${activity['Id']} time`,
          lead,
        );
        check(!converted || at < converted, `${activity['Id']} after conversion`, lead);
      }
      if (activities.has(lead['Id'] as string)) touched++;
    }
    expect(problems).toEqual([]);
    expect(touched / rows('Lead').length).toBeGreaterThan(0.7);
    expect(rows('Event').length).toBeGreaterThan(0);
  });

  it('has campaigns with budgets and costs, members that responded while they ran, and deals sourced by them', () => {
    const campaigns = new Map(rows('Campaign').map((c) => [c['Id'] as string, c]));
    expect(campaigns.size).toBeGreaterThan(50);
    for (const c of campaigns.values()) {
      expect(Number(c['BudgetedCost'])).toBeGreaterThan(0);
      if (c['ActualCost'] !== '') expect(Number(c['ActualCost'])).toBeLessThanOrEqual(1.15 * Number(c['BudgetedCost']));
      if ((c['StartDate'] as string) > SAMPLE_ANCHOR_DATE) expect(c['ActualCost']).toBe('');
    }
    expect([...campaigns.values()].some((c) => c['ActualCost'] === '')).toBe(true);
    const leads = new Map(rows('Lead').map((l) => [l['Id'] as string, l]));
    const memberOf = new Map<string, string>();
    for (const m of rows('CampaignMember')) {
      const c = campaigns.get(m['CampaignId'] as string) as Record<string, string>;
      const lead = leads.get(m['LeadId'] as string) as Record<string, string>;
      expect(m['FirstRespondedDate']).toBe(localDate(lead['CreatedDate'] as string));
      expect((c['StartDate'] as string) <= (m['FirstRespondedDate'] as string)).toBe(true);
      expect((m['FirstRespondedDate'] as string) <= (c['EndDate'] as string)).toBe(true);
      memberOf.set(m['LeadId'] as string, m['CampaignId'] as string);
    }
    const sourced = rows('Opportunity').filter((o) => o['CampaignId'] !== '');
    expect(sourced.length).toBeGreaterThan(100);
    const leadOf = new Map(rows('Lead').map((l) => [l['ConvertedOpportunityId'] as string, l['Id'] as string]));
    for (const o of sourced) expect(memberOf.get(leadOf.get(o['Id'] as string) as string)).toBe(o['CampaignId']);
  });

  it('labels customer types by fiscal year: renewals follow a recurring booking, churn and expansion over 2+ years', () => {
    const booked = new Map<string, Set<number>>(); // account → fiscal years with a won recurring deal so far
    const renewalYears = new Set<number>();
    for (const o of rows('Opportunity')) {
      const years = booked.get(o['AccountId'] as string) ?? new Set<number>();
      const year = fiscalYear(o['CloseDate'] as string);
      if (o['Type'] === 'New Business') expect([years.has(year - 1), years.has(year)]).toEqual([false, false]);
      if (o['Type'] === 'Existing Customer - Renewal' || o['Type'] === 'Existing Customer - Downgrade') {
        expect(years.has(year - 1)).toBe(true);
        if (o['IsWon'] === 'true') renewalYears.add(year);
      }
      if (o['Type'] === 'Existing Customer - Upgrade') expect(years.has(year) || years.has(year - 1)).toBe(true);
      if (o['IsWon'] === 'true' && RECURRING.includes(o['Type'] as string)) years.add(year);
      booked.set(o['AccountId'] as string, years);
    }
    expect(renewalYears.size).toBeGreaterThanOrEqual(2);
    const types = new Set(rows('Opportunity').map((o) => o['Type']));
    expect([...types].sort()).toEqual([...RECURRING, 'Existing Customer - Upgrade'].sort());
    const wonIn = (year: number) =>
      new Set(
        rows('Opportunity')
          .filter((o) => o['IsWon'] === 'true' && fiscalYear(o['CloseDate'] as string) === year)
          .map((o) => o['AccountId']),
      );
    const churned = [...booked].filter(([a, years]) => years.has(2026) && !wonIn(2027).has(a));
    expect(churned.length).toBeGreaterThan(0);
  });
});

const PINNED = {
  otherFiles: 'f127f350fe1b7d5bc14219926bc1f5acb50d23b1dc6d057045ccebdfdf619bf5',
  opportunitiesWithoutRevops: '3a47874bbbdea33c863e6ca08d876abbafddfeef5965c459c929d267f67a1c10',
};
