/**
 * The pipeline waterfall's identity on generated sample orgs: for several seeds and sizes, random dates a ≤ b and
 * periods, start + Σ buckets = end exactly (in cents), and the start and end are the open pipeline of the period at
 * a and b computed the plain way (each deal replayed on its own, converted at its close date's rate).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  CHANGE_BUCKETS,
  createOrgSnapshot,
  forecastScopes,
  pipelineChanges,
  type OrgSnapshot,
} from '@salesops/core';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import { readDataDir } from '@salesops/org';

const orgs: OrgSnapshot[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  for (const [seed, size] of [
    [42, 'default'],
    [7, 600],
    [1234, 400],
    [99, 'toy'],
  ] as const) {
    const dir = await mkdtemp(join(tmpdir(), `changes-sample-${seed}-`));
    dirs.push(dir);
    await generateSampleOrg({ outDir: dir, seed, size });
    orgs.push(createOrgSnapshot(await readDataDir(dir)));
  }
}, 180_000);
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const cents = (v: number) => Math.round(v * 100);

function openCents(snapshot: OrgSnapshot, start: string, end: string, asOf: string): number {
  let sum = 0;
  for (const o of snapshot.data.opportunities) {
    const s = snapshot.dealAsOf(o, asOf);
    if (!s || s.IsClosed || s.CloseDate < start || s.CloseDate > end) continue;
    sum += Math.round((snapshot.toCorporate(s.Amount, o.CurrencyIsoCode, s.CloseDate) ?? 0) * 100);
  }
  return sum;
}

describe('pipeline changes on the sample orgs', () => {
  it('start + Σ buckets = end, for every org, date pair and period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 720 }),
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom('Month' as const, 'Quarter' as const, 'Year' as const),
        (org, back, length, type) => {
          const snapshot = orgs[org] as OrgSnapshot;
          const asOf = addDays(SAMPLE_ANCHOR_DATE, -back);
          const since = addDays(asOf, -length);
          const period = snapshot.calendar.periodOf(asOf, type);
          const report = pipelineChanges(snapshot, {
            period,
            since,
            asOf,
            scopes: forecastScopes(snapshot, ['rep']),
          });
          for (const row of [report.org, ...report.scopes]) {
            const sum = CHANGE_BUCKETS.reduce((s, b) => s + cents(row.amounts[b]), 0);
            expect(cents(row.start) + sum).toBe(cents(row.end));
          }
          expect(cents(report.org.start)).toBe(openCents(snapshot, period.start, period.end, since));
          expect(cents(report.org.end)).toBe(openCents(snapshot, period.start, period.end, asOf));
          // Reps partition the deals: their rows add up to the org.
          expect(report.reconciliation).toBeNull();
          expect(report.deals.length).toBe(CHANGE_BUCKETS.reduce((s, b) => s + report.org.counts[b], 0));
        },
      ),
      { numRuns: 60 },
    );
  }, 300_000);

  it('the default org, this week and since the quarter began', () => {
    const snapshot = orgs[0] as OrgSnapshot;
    const period = snapshot.calendar.periodOf(SAMPLE_ANCHOR_DATE, 'Quarter');
    for (const since of ['2026-11-09', addDays(period.start, -1)]) {
      const { org } = pipelineChanges(snapshot, { period, since, asOf: SAMPLE_ANCHOR_DATE });
      const sum = CHANGE_BUCKETS.reduce((s, b) => s + cents(org.amounts[b]), 0);
      expect(cents(org.start) + sum).toBe(cents(org.end));
      expect(org.counts.won + org.counts.lost).toBeGreaterThan(0);
      expect(org.counts.created).toBeGreaterThan(0);
    }
  });
});
