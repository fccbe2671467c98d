/**
 * An independent check of the funnel and retention figures: DuckDB SQL straight from the CSV files (as-of replay,
 * org-local dates, currency rates and the lead funnel written again in SQL, scripts/revopsAggregatesSql.ts) must
 * equal the engine's, to the cent, on the hand-built revops org (packages/core/src/testing/revopsOrg.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrgSnapshot,
  DEFAULT_MARKETING_SOURCES,
  funnelReport,
  revenueRetention,
  speedToLead,
  type OrgSnapshot,
} from '@salesops/core';
import { readDataDir } from '@salesops/org';
import { revopsOrg } from '../packages/core/src/testing/revopsOrg.js';
import { funnelByOwnerSql, retentionByIndustrySql, sourcedSql } from '../scripts/revopsAggregatesSql.js';
import { writeOrgDataCsv } from './writeOrgDataCsv.js';

let dir: string;
let snapshot: OrgSnapshot;
let connection: Awaited<ReturnType<Awaited<ReturnType<typeof DuckDBInstance.create>>['connect']>>;
const cents = (v: number) => Math.round(v * 100);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duckdb-revops-'));
  await writeOrgDataCsv(revopsOrg(), dir);
  snapshot = createOrgSnapshot(await readDataDir(dir));
  connection = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const rowsOf = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjects();

describe.each([
  ['FY2026-Q1', '2026-03-20'],
  ['FY2026-Q1', '2026-03-01'],
  ['FY2026-M2', '2026-03-20'],
  ['FY2026', '2026-12-31'],
])('engine vs DuckDB for %s as of %s', (label, asOf) => {
  const window = () => {
    const period = snapshot.calendar.periodByLabel(label)!;
    return { period, sql: { dir, timeZone: snapshot.timeZone, start: period.start, end: period.end, asOf } };
  };

  it('agrees on the funnel and speed to lead of every lead owner', async () => {
    const { period, sql } = window();
    const report = funnelReport(snapshot, { period, asOf });
    const speed = new Map(speedToLead(snapshot, period, asOf).byOwner.map((s) => [s.ownerId, s.medianHours]));
    const expected = (await rowsOf(funnelByOwnerSql(sql))).map((r) => [
      String(r['OwnerId']),
      ...['leads', 'converted', 'cohort_converted', 'opportunities', 'won', 'lost', 'won_cents'].map((k) =>
        Number(r[k]),
      ),
      r['median_hours'] === null ? null : Number(r['median_hours']),
    ]);
    const actual = report.funnel!.byRep.map((r) => [
      r.key,
      r.leads,
      r.converted,
      r.cohortConverted,
      r.opportunities,
      r.won,
      r.lost,
      cents(r.wonAmount),
      speed.get(r.key) ?? null,
    ]);
    expect(expected.length).toBeGreaterThan(2);
    expect(actual.sort()).toEqual(expected.sort());
  });

  it('agrees on sourced pipeline and bookings', async () => {
    const { period, sql } = window();
    const m = funnelReport(snapshot, { period, asOf }).marketing;
    const [row] = await rowsOf(sourcedSql(sql, DEFAULT_MARKETING_SOURCES));
    expect([m.sourcedPipeline, m.totalPipeline, m.sourcedBookings, m.totalBookings].map(cents)).toEqual(
      ['sourced_pipeline_cents', 'pipeline_cents', 'sourced_bookings_cents', 'bookings_cents'].map((k) =>
        Number(row![k]),
      ),
    );
  });

  it('agrees on retention per industry', async () => {
    const { period, sql } = window();
    const report = revenueRetention(snapshot, { period, asOf, segmentField: 'industry', grossMargin: null });
    const expected = (await rowsOf(retentionByIndustrySql(sql, report.basePeriod.start, report.basePeriod.end))).map(
      (r) => [
        r['industry'] === null ? null : String(r['industry']),
        ...[
          'base_accounts',
          'prior_cents',
          'renewed_cents',
          'kept_cents',
          'expansion_cents',
          'churned',
          'contracted',
        ].map((k) => Number(r[k])),
      ],
    );
    const actual = report.bySegment
      .filter((s) => s.baseAccounts > 0)
      .map((s) => [
        s.segment,
        s.baseAccounts,
        cents(s.priorBookings),
        cents(s.renewed),
        cents(s.kept),
        cents(s.expansion),
        s.churnedAccounts,
        s.contractedAccounts,
      ]);
    expect(actual.sort()).toEqual(expected.sort());
  });
});
