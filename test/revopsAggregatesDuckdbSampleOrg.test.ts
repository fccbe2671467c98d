/**
 * The funnel and retention cross-check of revopsAggregatesDuckdb.test.ts on the default sample org (seed 42): DuckDB
 * SQL straight from the CSV files (scripts/revopsAggregatesSql.ts) must equal the engine's figures to the cent, for
 * closed periods and for the current one, whose base the test cuts to date itself (docs/revops.md).
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
import { generateSampleOrg, SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import { readDataDir } from '@salesops/org';
import {
  engineFunnelLines,
  engineRetentionLines,
  funnelByOwnerSql,
  retentionByIndustrySql,
  sourcedSql,
  sqlFunnelLines,
  sqlRetentionLines,
} from '../scripts/revopsAggregatesSql.js';

/** Generating and reading the default org (about 125,000 rows) on a busy 2-core machine. */
const SETUP_MS = 240_000;
const QUERY_MS = 120_000;
let dir: string;
let snapshot: OrgSnapshot;
let connection: Awaited<ReturnType<Awaited<ReturnType<typeof DuckDBInstance.create>>['connect']>>;
const cents = (v: number) => Math.round(v * 100);
const rowsOf = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjects();

/** The same date a year before (the sample org's fiscal years are standard: the base period is the date range). */
const yearEarlier = (date: string) => `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
const dayMs = 86_400_000;
const plusDays = (date: string, days: number) => new Date(Date.parse(date) + days * dayMs).toISOString().slice(0, 10);
const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / dayMs);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duckdb-revops-sample-'));
  await generateSampleOrg({ outDir: dir, size: 'default' });
  const objects = Object.keys(orgDataObjects) as Array<keyof OrgData>;
  snapshot = createOrgSnapshot(await readDataDir(dir, { objects }));
  connection = await (await DuckDBInstance.create(':memory:')).connect();
}, SETUP_MS);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each([
  ['FY2027-Q3', SAMPLE_ANCHOR_DATE],
  ['FY2027-Q4', SAMPLE_ANCHOR_DATE],
  ['FY2027-Q2', '2026-06-20'],
  ['FY2026', SAMPLE_ANCHOR_DATE],
  ['FY2027-M5', SAMPLE_ANCHOR_DATE],
])('engine vs DuckDB on the default sample org for %s as of %s', (label, asOf) => {
  const window = () => {
    const period = snapshot.calendar.periodByLabel(label)!;
    return { period, sql: { dir, timeZone: snapshot.timeZone, start: period.start, end: period.end, asOf } };
  };

  it(
    'agrees on the funnel and speed to lead of every lead owner',
    async () => {
      const { period, sql } = window();
      const expected = sqlFunnelLines(await rowsOf(funnelByOwnerSql(sql)));
      const actual = engineFunnelLines(funnelReport(snapshot, { period, asOf }));
      expect(expected.length).toBeGreaterThan(20);
      expect(actual.sort()).toEqual(expected.sort());
    },
    QUERY_MS,
  );

  it(
    'agrees on sourced pipeline and bookings',
    async () => {
      const { period, sql } = window();
      const m = funnelReport(snapshot, { period, asOf }).marketing;
      const [row] = await rowsOf(sourcedSql(sql, DEFAULT_MARKETING_SOURCES));
      expect(m.sourcedBookings).toBeGreaterThan(0);
      expect([m.sourcedPipeline, m.totalPipeline, m.sourcedBookings, m.totalBookings].map(cents)).toEqual(
        ['sourced_pipeline_cents', 'pipeline_cents', 'sourced_bookings_cents', 'bookings_cents'].map((k) =>
          Number(row![k]),
        ),
      );
    },
    QUERY_MS,
  );

  it(
    'agrees on retention per industry against the year-before period, cut to date when the period is not over',
    async () => {
      const { period, sql } = window();
      const baseStart = yearEarlier(period.start);
      const fullEnd = yearEarlier(period.end);
      const cut = plusDays(baseStart, daysFrom(period.start, asOf));
      const baseEnd = asOf < period.end && cut < fullEnd ? cut : fullEnd;
      const report = revenueRetention(snapshot, { period, asOf, segmentField: 'industry', grossMargin: null });
      expect([report.basePeriod.start, report.basePeriod.end, report.period.toDate]).toEqual([
        baseStart,
        baseEnd,
        asOf < period.end,
      ]);
      const expected = sqlRetentionLines(await rowsOf(retentionByIndustrySql(sql, baseStart, baseEnd)));
      expect(expected.length).toBeGreaterThan(3);
      expect(engineRetentionLines(report).sort()).toEqual(expected.sort());
    },
    QUERY_MS,
  );
});
