/**
 * An independent check of the engine's aggregates: closed won, won and lost counts and open pipeline per rep and
 * period, computed by DuckDB SQL straight from the sample org's CSV files (as-of replay, org-local dates and
 * dated currency rates written again in SQL), must equal the engine's to the cent.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computePerformance, createOrgSnapshot, type OrgSnapshot } from '@salesops/core';
import { generateSampleOrg } from '@salesops/local-org';
import { readDataDir } from '@salesops/org';

let dir: string;
let snapshot: OrgSnapshot;
let connection: Awaited<ReturnType<Awaited<ReturnType<typeof DuckDBInstance.create>>['connect']>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duckdb-check-'));
  await generateSampleOrg({ outDir: dir, size: 'default' });
  snapshot = createOrgSnapshot(await readDataDir(dir));
  connection = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Per-owner aggregates for [start, end] as of `asOf`, in SQL. America/Los_Angeles offsets by the US DST rule. */
function aggregatesSql(start: string, end: string, asOf: string): string {
  const csv = (object: string, types = '') =>
    `read_csv('${join(dir, `${object}.csv`)}', header = true, all_varchar = true${types})`;
  return `
    WITH dst(s, e) AS (VALUES
      (TIMESTAMP '2023-03-12 10:00', TIMESTAMP '2023-11-05 09:00'),
      (TIMESTAMP '2024-03-10 10:00', TIMESTAMP '2024-11-03 09:00'),
      (TIMESTAMP '2025-03-09 10:00', TIMESTAMP '2025-11-02 09:00'),
      (TIMESTAMP '2026-03-08 10:00', TIMESTAMP '2026-11-01 09:00')),
    raw AS (
      SELECT row_number() OVER () AS n, OpportunityId, StageName, CloseDate, Amount,
             CAST(replace(replace(CreatedDate, 'T', ' '), 'Z', '') AS TIMESTAMP) AS ts
      FROM ${csv('OpportunityHistory')}),
    history AS (
      SELECT raw.*, CAST(ts - INTERVAL 1 HOUR * (CASE WHEN EXISTS (SELECT 1 FROM dst WHERE ts >= s AND ts < e) THEN 7 ELSE 8 END) AS DATE) AS local_day
      FROM raw),
    state AS (
      SELECT h.OpportunityId, h.StageName, CAST(h.CloseDate AS DATE) AS close_date, CAST(NULLIF(h.Amount, '') AS DOUBLE) AS amount
      FROM history h
      WHERE h.local_day <= DATE '${asOf}'
      QUALIFY row_number() OVER (PARTITION BY h.OpportunityId ORDER BY h.ts DESC, h.n DESC) = 1),
    stage AS (SELECT MasterLabel, IsClosed = 'true' AS closed, IsWon = 'true' AS won FROM ${csv('OpportunityStage')}),
    rate AS (
      SELECT IsoCode, CAST(ConversionRate AS DOUBLE) AS r, CAST(StartDate AS DATE) AS s, COALESCE(CAST(NULLIF(NextStartDate, '') AS DATE), DATE '9999-12-31') AS e
      FROM ${csv('DatedConversionRate')}),
    deal AS (
      SELECT o.OwnerId, st.closed, st.won, s.close_date,
             ROUND(s.amount / COALESCE((SELECT r FROM rate WHERE rate.IsoCode = o.CurrencyIsoCode AND s.close_date >= rate.s AND s.close_date < rate.e), 1), 2) AS amount
      FROM state s JOIN ${csv('Opportunity')} o ON o.Id = s.OpportunityId JOIN stage st ON st.MasterLabel = s.StageName
      WHERE s.close_date BETWEEN DATE '${start}' AND DATE '${end}')
    SELECT OwnerId,
           CAST(ROUND(COALESCE(SUM(amount) FILTER (WHERE won), 0) * 100) AS BIGINT) AS closed_won_cents,
           COUNT(*) FILTER (WHERE won) AS won,
           COUNT(*) FILTER (WHERE closed AND NOT won) AS lost,
           CAST(ROUND(COALESCE(SUM(COALESCE(amount, 0)) FILTER (WHERE NOT closed), 0) * 100) AS BIGINT) AS open_cents
    FROM deal GROUP BY OwnerId ORDER BY OwnerId`;
}

describe.each([
  ['FY2027-Q3', '2026-09-15'],
  ['FY2027-Q3', '2026-11-16'],
  ['FY2027-Q4', '2026-11-16'],
  ['FY2026', '2026-01-31'],
  ['FY2027-M5', '2026-06-20'],
])('engine vs DuckDB for %s as of %s', (label, asOf) => {
  it('agrees on closed won, won, lost and open pipeline of every rep, to the cent', async () => {
    const period = snapshot.calendar.periodByLabel(label)!;
    const report = computePerformance(snapshot, { period, asOf });
    const reader = await connection.runAndReadAll(aggregatesSql(period.start, period.end, asOf));
    const expected = new Map(
      reader
        .getRowObjects()
        .map((r) => [
          String(r['OwnerId']),
          [Number(r['closed_won_cents']), Number(r['won']), Number(r['lost']), Number(r['open_cents'])],
        ]),
    );
    const actual = new Map<string, number[]>();
    for (const [repId, s] of report.sumsByRep) {
      if (s.won + s.lost + s.openDeals === 0) continue;
      actual.set(repId, [s.closedWonCents, s.won, s.lost, s.openPipelineCents]);
    }
    expect(expected.size).toBeGreaterThan(10);
    expect(actual).toEqual(expected);
    const totals = [...expected.values()].reduce((t, v) => t.map((x, i) => x + (v[i] as number)), [0, 0, 0, 0]);
    expect(
      [report.org.closedWon * 100, report.org.won, report.org.lost, report.org.openPipeline * 100].map(Math.round),
    ).toEqual(totals);
  });
});
