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
import { perRepAggregatesSql } from '../scripts/perRepAggregatesSql.js';

let dir: string;
let snapshot: OrgSnapshot;
let connection: Awaited<ReturnType<Awaited<ReturnType<typeof DuckDBInstance.create>>['connect']>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duckdb-check-'));
  await generateSampleOrg({ outDir: dir, size: 'default' });
  snapshot = createOrgSnapshot(await readDataDir(dir));
  connection = await (await DuckDBInstance.create(':memory:')).connect();
}, 300_000); // generating the default sample org: over the 10 s default on a busy 2-core machine
afterAll(() => rm(dir, { recursive: true, force: true }));

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
    const reader = await connection.runAndReadAll(perRepAggregatesSql(dir, period.start, period.end, asOf));
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
