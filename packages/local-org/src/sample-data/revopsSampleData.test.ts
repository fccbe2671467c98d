import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE } from './generateSampleOrg.js';

type Rows = Array<Record<string, string>>;
const DEAL_FILES = ['Opportunity', 'OpportunityHistory', 'OpportunityLineItem', 'ForecastingQuota'];
const LEAD_FILES = ['Lead', 'LeadHistory', 'CampaignMember', 'Task', 'Event'];
const RENEWAL = ['Existing Customer - Renewal', 'Existing Customer - Downgrade'];
let dir = '';
const org: Record<string, Rows> = {};
const rows = (object: string): Rows => org[object] ?? [];

/** Org-local (Los Angeles) date of a UTC datetime, read off the time-zone database. */
const orgDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' });
function localDate(utc: string): string {
  return orgDay.format(new Date(utc));
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
  it('leaves the org’s structure and campaigns as they were before leads and renewals existed', async () => {
    // SHA-256 of the files the generator wrote before leads, campaigns and renewals were added (seed 42), less the
    // deals (renewals take deal slots), their quotas (which carry renewals) and the leads (which follow the deals).
    const others = (await readdir(dir))
      .filter((n) => n.endsWith('.csv') && !DEAL_FILES.includes(n.slice(0, -4)) && !LEAD_FILES.includes(n.slice(0, -4)))
      .sort();
    const hash = createHash('sha256');
    for (const name of others) hash.update(name).update(await readFile(join(dir, name)));
    expect(hash.digest('hex')).toBe(PINNED_STRUCTURE);
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

  it('renews each won term at its anniversary, with churn, downgrades and uplifts, and types the other deals', () => {
    const deals = rows('Opportunity');
    const rates = new Map(rows('CurrencyType').map((c) => [c['IsoCode'] as string, Number(c['ConversionRate'])]));
    const usd = (o: Record<string, string>) => Number(o['Amount']) / (rates.get(o['CurrencyIsoCode'] as string) ?? 1);
    // Won recurring deals by account and close date, to find the term a renewal renews.
    const won = new Map<string, Record<string, string>[]>();
    for (const o of deals.filter((d) => d['IsWon'] === 'true')) won.set(`${o['AccountId']}|${o['CloseDate']}`, [o]);
    const yearBefore = (date: string) => `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
    const renewals = deals.filter((o) => RENEWAL.includes(o['Type'] as string));
    let matched = 0;
    for (const o of renewals) {
      expect(o['LeadSource']).toBe('');
      if (o['IsClosed'] === 'true' && o['IsWon'] === 'false') continue; // lost: closed before the anniversary
      // A renewal closes on the anniversary of a won term of its account; the first year's renew the installed base.
      const term = won.get(`${o['AccountId']}|${yearBefore(o['CloseDate'] as string)}`);
      if (term) matched++;
      else expect((o['CloseDate'] as string) < '2025-02-01', o['Id']).toBe(true);
    }
    expect(matched).toBeGreaterThan(0.5 * renewals.length);
    // Renewals take about a third of the deal slots; most are won, a few lost (churn).
    const closed = renewals.filter((o) => o['IsClosed'] === 'true');
    const lost = closed.filter((o) => o['IsWon'] === 'false').length / closed.length;
    expect(renewals.length / deals.length).toBeGreaterThan(0.2);
    expect(renewals.length / deals.length).toBeLessThan(0.45);
    expect(lost).toBeGreaterThan(0.03);
    expect(lost).toBeLessThan(0.12);
    // Won renewals below the term they renew are Downgrades; the others keep or raise it (uplifts).
    const kept = renewals.filter((o) => o['IsWon'] === 'true');
    expect(kept.some((o) => o['Type'] === 'Existing Customer - Downgrade')).toBe(true);
    expect(
      kept.some(
        (o) =>
          Number(o['Amount']) >
          Number(won.get(`${o['AccountId']}|${yearBefore(o['CloseDate'] as string)}`)?.[0]?.['Amount'] ?? Infinity),
      ),
    ).toBe(true);
    // Gross retention over the renewals with a term in the data: Σ min(renewed, term) / Σ term, about 85-92 %.
    let term = 0;
    let keptAmount = 0;
    for (const o of renewals.filter((r) => r['IsClosed'] === 'true')) {
      const before = won.get(`${o['AccountId']}|${yearBefore(o['CloseDate'] as string)}`)?.[0];
      if (!before || o['IsWon'] === 'false') continue;
      term += usd(before);
      keptAmount += Math.min(usd(o), usd(before));
    }
    expect(keptAmount / term).toBeGreaterThan(0.85);
    expect(keptAmount / term).toBeLessThan(0.99);
    const types = new Set(deals.map((o) => o['Type']));
    expect([...types].sort()).toEqual([
      'Existing Customer - Downgrade',
      'Existing Customer - Renewal',
      'Existing Customer - Upgrade',
      'New Business',
    ]);
  });
});

const PINNED_STRUCTURE = '260605000eb1c1392be63a822ca9b4a6bc3b93aadac7373611b987d073093f00';
