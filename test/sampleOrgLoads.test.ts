/**
 * The sample org, as the generator writes it, loads through the `--data-dir` reader into the domain model with
 * zero validation errors, and the snapshot's as-of replay reproduces every deal at the anchor date.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createOrgSnapshot, parsePeriodSpec } from '@salesops/core';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import { readDataDir } from '@salesops/org';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe.each([
  ['default', 'ForecastingQuota', 'USD', 4],
  ['toy', 'SalesOps_Quota__c', 'USD', 0],
] as const)('the %s sample org in the domain model', (size, quotaSource, currency, currencies) => {
  it('loads with no validation error or data warning and replays every deal to its current values', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sample-org-load-'));
    dirs.push(dir);
    const generated = await generateSampleOrg({ outDir: dir, size });
    const data = await readDataDir(dir);
    expect(data.opportunities.length).toBe(generated.files['Opportunity']);
    expect(data.opportunityHistory.length).toBe(generated.files['OpportunityHistory']);

    const snapshot = createOrgSnapshot(data);
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.quotaSource).toBe(quotaSource);
    expect(snapshot.corporateCurrency).toBe(currency);
    expect(data.currencyTypes.length).toBe(currencies);
    expect(snapshot.activeTerritoryModel?.State).toBe('Active');
    expect(parsePeriodSpec('current', { calendar: snapshot.calendar, asOf: SAMPLE_ANCHOR_DATE }).label).toBe(
      'FY2027-Q4',
    );

    for (const o of data.opportunities) {
      const state = snapshot.dealAsOf(o, SAMPLE_ANCHOR_DATE);
      expect(state, o.Id).not.toBeNull();
      expect([state?.from, state?.StageName, state?.Amount, state?.CloseDate, state?.IsClosed, state?.IsWon]).toEqual([
        'history',
        o.StageName,
        o.Amount,
        o.CloseDate,
        o.IsClosed,
        o.IsWon,
      ]);
      expect(state?.ForecastCategoryName).toBe(o.ForecastCategoryName);
      // Every amount converts to the corporate currency at its close date's rate.
      if (o.Amount !== null) expect(snapshot.toCorporate(o.Amount, o.CurrencyIsoCode, o.CloseDate)).toBeGreaterThan(0);
    }
  });
});
