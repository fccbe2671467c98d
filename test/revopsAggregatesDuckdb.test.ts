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
  orgDataObjects,
  type OrgData,
  revenueRetention,
  type OrgSnapshot,
} from '@salesops/core';
import { readDataDir } from '@salesops/org';
import { revopsOrg } from '../packages/core/src/testing/revopsOrg.js';
import {
  engineFunnelLines,
  engineRetentionLines,
  funnelByOwnerSql,
  retentionByIndustrySql,
  sourcedSql,
  sqlFunnelLines,
  sqlRetentionLines,
} from '../scripts/revopsAggregatesSql.js';
import { writeOrgDataCsv } from './writeOrgDataCsv.js';

let dir: string;
let snapshot: OrgSnapshot;
let connection: Awaited<ReturnType<Awaited<ReturnType<typeof DuckDBInstance.create>>['connect']>>;
const cents = (v: number) => Math.round(v * 100);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duckdb-revops-'));
  await writeOrgDataCsv(revopsOrg(), dir);
  // Every object, the funnel's leads, campaigns and activities included (a plain read leaves them out).
  const objects = Object.keys(orgDataObjects) as Array<keyof OrgData>;
  snapshot = createOrgSnapshot(await readDataDir(dir, { objects }));
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
    const expected = sqlFunnelLines(await rowsOf(funnelByOwnerSql(sql)));
    const actual = engineFunnelLines(funnelReport(snapshot, { period, asOf }));
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
    const expected = sqlRetentionLines(
      await rowsOf(retentionByIndustrySql(sql, report.basePeriod.start, report.basePeriod.end)),
    );
    expect(engineRetentionLines(report).sort()).toEqual(expected.sort());
  });
});
