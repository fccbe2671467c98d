import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE } from './generateSampleOrg.js';
import { toCaseSafeId } from './salesforceId.js';

type Rows = Array<Record<string, string>>;
const dirs: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sample-org-'));
  dirs.push(dir);
  return dir;
}

async function fingerprints(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return out;
}

async function load(dir: string): Promise<Record<string, Rows>> {
  const out: Record<string, Rows> = {};
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.csv'))) {
    out[name.slice(0, -4)] = parse(await readFile(join(dir, name)), { columns: true }) as Rows;
  }
  return out;
}

/** Org-local (Los Angeles) date of a UTC datetime, read off the time-zone database. */
function localDate(utc: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date(utc));
}

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('generateSampleOrg determinism', () => {
  it('writes byte-identical files for the same seed and size, and different deals for another seed', async () => {
    const [a, b, c] = [await tempDir(), await tempDir(), await tempDir()];
    await generateSampleOrg({ outDir: a, seed: 42, size: 'default' });
    await generateSampleOrg({ outDir: b, seed: 42, size: 'default' });
    await generateSampleOrg({ outDir: c, seed: 43, size: 'default' });
    const [fa, fb, fc] = [await fingerprints(a), await fingerprints(b), await fingerprints(c)];
    expect(Object.keys(fa).length).toBeGreaterThan(20);
    expect(fb).toEqual(fa);
    expect(fc['/Opportunity.csv']).not.toBe(fa['/Opportunity.csv']);
  });

  it('removes files of an earlier, different run from the folder', async () => {
    const dir = await tempDir();
    await generateSampleOrg({ outDir: dir, size: 'default' });
    await generateSampleOrg({ outDir: dir, size: 'toy' });
    const names = await readdir(dir);
    expect(names).toContain('SalesOps_Quota__c.csv');
    expect(names).not.toContain('ForecastingQuota.csv');
    expect(names).not.toContain('CurrencyType.csv');
  });

  it('rejects a size or anchor date it cannot honour, naming the value', async () => {
    const dir = await tempDir();
    await expect(generateSampleOrg({ outDir: dir, size: 2.5 })).rejects.toThrow(/sample size 2.5 is not valid/);
    await expect(generateSampleOrg({ outDir: dir, anchorDate: '2026-02-30' })).rejects.toThrow(/"2026-02-30"/);
  });
});

describe.each(['toy', 'default'] as const)('the %s sample org', (size) => {
  let org: Record<string, Rows>;
  let manifest: { files: Record<string, number>; treeFiles: number };
  let dir: string;
  const anchor = SAMPLE_ANCHOR_DATE;

  beforeAll(async () => {
    dir = await tempDir();
    const result = await generateSampleOrg({ outDir: dir, size });
    org = await load(dir);
    manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as typeof manifest;
    expect(result.files).toEqual(manifest.files);
    // Generating and parsing the default org's 130,000 rows takes seconds, more on a busy machine.
  }, 120_000);

  const rows = (object: string): Rows => org[object] ?? [];

  it('gives every record a unique case-safe 18-character id and every reference a target', () => {
    const seen = new Set<string>();
    for (const [object, list] of Object.entries(org)) {
      for (const row of list) {
        expect(row['Id'], object).toMatch(/^[A-Za-z0-9]{18}$/);
        expect(toCaseSafeId((row['Id'] as string).slice(0, 15))).toBe(row['Id']);
        expect(seen.has((row['Id'] as string).toLowerCase())).toBe(false);
        seen.add((row['Id'] as string).toLowerCase());
      }
    }
    const ids = (object: string): Set<string> => new Set(rows(object).map((r) => r['Id'] as string));
    const targets: Array<[string, string, Set<string>]> = [
      ['User', 'UserRoleId', ids('UserRole')],
      ['User', 'ManagerId', ids('User')],
      ['UserRole', 'ParentRoleId', ids('UserRole')],
      ['Account', 'OwnerId', ids('User')],
      ['Opportunity', 'OwnerId', ids('User')],
      ['Opportunity', 'AccountId', ids('Account')],
      ['Opportunity', 'Territory2Id', ids('Territory2')],
      ['OpportunityHistory', 'OpportunityId', ids('Opportunity')],
      ['OpportunityLineItem', 'OpportunityId', ids('Opportunity')],
      ['OpportunityLineItem', 'Product2Id', ids('Product2')],
      ['Territory2', 'Territory2ModelId', ids('Territory2Model')],
      ['Territory2', 'ParentTerritory2Id', ids('Territory2')],
      ['UserTerritory2Association', 'UserId', ids('User')],
      ['UserTerritory2Association', 'Territory2Id', ids('Territory2')],
      ['ObjectTerritory2Association', 'ObjectId', ids('Account')],
      ['ObjectTerritory2Association', 'Territory2Id', ids('Territory2')],
      ['Period', 'FiscalYearSettingsId', ids('FiscalYearSettings')],
      ['ForecastingQuota', 'QuotaOwnerId', ids('User')],
      ['ForecastingQuota', 'PeriodId', ids('Period')],
      ['ForecastingQuota', 'ForecastingTypeId', ids('ForecastingType')],
      ['ForecastingQuota', 'Territory2Id', ids('Territory2')],
      ['SalesOps_Quota__c', 'Rep__c', ids('User')],
      ['Opportunity', 'CampaignId', ids('Campaign')],
      ['Campaign', 'OwnerId', ids('User')],
      ['Lead', 'OwnerId', ids('User')],
      ['Lead', 'ConvertedOpportunityId', ids('Opportunity')],
      ['Lead', 'ConvertedAccountId', ids('Account')],
      ['LeadHistory', 'LeadId', ids('Lead')],
      ['CampaignMember', 'CampaignId', ids('Campaign')],
      ['CampaignMember', 'LeadId', ids('Lead')],
      ['Task', 'WhoId', ids('Lead')],
      ['Task', 'OwnerId', ids('User')],
      ['Event', 'WhoId', ids('Lead')],
      ['Event', 'OwnerId', ids('User')],
    ];
    for (const [object, fieldName, target] of targets) {
      for (const row of rows(object)) {
        const value = row[fieldName] as string;
        if (value !== '') expect(target.has(value), `${object}.${fieldName} ${value}`).toBe(true);
      }
    }
  });

  it('makes each deal equal to its last history row, with history in time order and nothing after the anchor', () => {
    const historyByDeal = new Map<string, Rows>();
    for (const h of rows('OpportunityHistory')) {
      const list = historyByDeal.get(h['OpportunityId'] as string) ?? [];
      list.push(h);
      historyByDeal.set(h['OpportunityId'] as string, list);
    }
    const category: Record<string, string> = { 'Best Case': 'BestCase', Commit: 'Forecast' };
    for (const o of rows('Opportunity')) {
      const history = historyByDeal.get(o['Id'] as string) ?? [];
      expect(history.length, o['Id']).toBeGreaterThan(0);
      const first = history[0] as Record<string, string>;
      const last = history[history.length - 1] as Record<string, string>;
      expect(o['CreatedDate']).toBe(first['CreatedDate']);
      expect([o['StageName'], o['Amount'], o['CloseDate'], o['Probability']]).toEqual([
        last['StageName'],
        last['Amount'],
        last['CloseDate'],
        last['Probability'],
      ]);
      const label = o['ForecastCategoryName'] as string;
      expect(last['ForecastCategory']).toBe(category[label] ?? label);
      for (let i = 1; i < history.length; i++) {
        const [before, after] = [history[i - 1]?.['CreatedDate'] ?? '', history[i]?.['CreatedDate'] ?? ''];
        expect(after >= before, `${o['Id']} history order`).toBe(true);
      }
      expect(localDate(last['CreatedDate'] as string) <= anchor, o['Id']).toBe(true);
      if (o['IsClosed'] === 'true') expect((o['CloseDate'] as string) <= anchor).toBe(true);
    }
  });

  it('splits each amount exactly into its line items', () => {
    const totals = new Map<string, number>();
    for (const li of rows('OpportunityLineItem')) {
      totals.set(
        li['OpportunityId'] as string,
        (totals.get(li['OpportunityId'] as string) ?? 0) + Math.round(Number(li['TotalPrice']) * 100),
      );
    }
    for (const o of rows('Opportunity')) {
      if (o['Amount'] === '') expect(totals.has(o['Id'] as string)).toBe(false);
      else expect(totals.get(o['Id'] as string), o['Id']).toBe(Math.round(Number(o['Amount']) * 100));
    }
  });

  it('has closed deals in at least 8 past fiscal quarters, open pipeline, and the edge cases the engine must handle', () => {
    const opportunities = rows('Opportunity');
    const quarters = new Set(
      opportunities
        .filter((o) => o['IsClosed'] === 'true' && (o['CloseDate'] as string) < '2026-11-01')
        .map((o) => {
          const [y, m] = (o['CloseDate'] as string).split('-').map(Number) as [number, number];
          const fiscalMonth = (m - 2 + 12) % 12;
          return `${m >= 2 ? y + 1 : y}-Q${Math.floor(fiscalMonth / 3) + 1}`;
        }),
    );
    expect(quarters.size).toBeGreaterThanOrEqual(8);
    expect(opportunities.some((o) => o['IsClosed'] === 'false')).toBe(true);
    expect(opportunities.some((o) => o['IsWon'] === 'true')).toBe(true);
    expect(opportunities.some((o) => o['IsClosed'] === 'true' && o['IsWon'] === 'false')).toBe(true);
    if (size === 'toy') {
      expect(
        new Set(
          rows('User')
            .filter((u) => u['UserRoleId'] !== '')
            .map((u) => u['Id']),
        ).size,
      ).toBe(6);
      expect(rows('SalesOps_Quota__c').length).toBeGreaterThan(0);
      expect(org['CurrencyType']).toBeUndefined();
      return;
    }
    const history = rows('OpportunityHistory');
    const byDeal = new Map<string, string[]>();
    for (const h of history)
      byDeal.set(h['OpportunityId'] as string, [
        ...(byDeal.get(h['OpportunityId'] as string) ?? []),
        `${h['StageName']}|${h['CreatedDate']}`,
      ]);
    const reopened = [...byDeal.values()].some((list) => {
      const lost = list.findIndex((s) => s.startsWith('Closed Lost|'));
      return lost >= 0 && lost < list.length - 1;
    });
    expect(reopened, 'a lost deal reopened').toBe(true);
    const sameDay = [...byDeal.values()].some((list) =>
      list.some(
        (s, i) =>
          i > 0 && localDate(s.split('|')[1] as string) === localDate((list[i - 1] as string).split('|')[1] as string),
      ),
    );
    expect(sameDay, 'several changes on one day').toBe(true);
    expect(
      history.some((h) => h['ForecastCategory'] === 'Forecast'),
      'Commit stored as Forecast',
    ).toBe(true);
    expect(
      opportunities.some((o) => o['Amount'] === ''),
      'a null amount',
    ).toBe(true);
    expect(new Set(opportunities.map((o) => o['CurrencyIsoCode'])).size).toBe(4);
    const inactive = new Set(
      rows('User')
        .filter((u) => u['IsActive'] === 'false')
        .map((u) => u['Id']),
    );
    expect(
      opportunities.some((o) => inactive.has(o['OwnerId'] as string)),
      'deals of a rep who left',
    ).toBe(true);
    const assigned = new Map<string, number>();
    for (const a of rows('ObjectTerritory2Association'))
      assigned.set(a['ObjectId'] as string, (assigned.get(a['ObjectId'] as string) ?? 0) + 1);
    expect(
      rows('Account').some((a) => !assigned.has(a['Id'] as string)),
      'an account without territory',
    ).toBe(true);
    expect(
      [...assigned.values()].some((n) => n === 2),
      'an account in two territories',
    ).toBe(true);
    const covered = new Set(rows('UserTerritory2Association').map((u) => u['Territory2Id']));
    const active = rows('Territory2Model').find((m) => m['State'] === 'Active')?.['Id'];
    const leaves = rows('Territory2').filter(
      (t) => t['Territory2ModelId'] === active && !rows('Territory2').some((c) => c['ParentTerritory2Id'] === t['Id']),
    );
    expect(
      leaves.some((t) => !covered.has(t['Id'])),
      'a territory no rep covers',
    ).toBe(true);
    expect(manifest.treeFiles).toBeGreaterThan(0);
  });
});
