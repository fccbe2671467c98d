/**
 * An independent check of the figures a manager's and the VP's attainment card show: per owner, closed won and open
 * pipeline of the period and won and closed amounts of the four periods before it (required coverage), in DuckDB
 * SQL straight from the sample org's CSV files, summed over each team of the role hierarchy and the org; pace, open
 * pipeline and required coverage must equal core's `paceAndCoverage` (what `forecast --write` stores).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrgSnapshot,
  paceAndCoverage,
  quotaRollup,
  REQUIRED_COVERAGE_PERIODS,
  teamChain,
  teamHierarchy,
  type OrgSnapshot,
} from '@salesops/core';
import { generateSampleOrg } from '@salesops/local-org';
import { readDataDir } from '@salesops/org';
import { perRepAggregatesSql } from '../scripts/perRepAggregatesSql.js';

let dir: string;
let snapshot: OrgSnapshot;
let connection: Awaited<ReturnType<Awaited<ReturnType<typeof DuckDBInstance.create>>['connect']>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'duckdb-pace-'));
  await generateSampleOrg({ outDir: dir, size: 'default' });
  snapshot = createOrgSnapshot(await readDataDir(dir));
  connection = await (await DuckDBInstance.create(':memory:')).connect();
}, 300_000); // generating the default sample org: over the 10 s default on a busy 2-core machine
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Cents per owner: [closed won, open pipeline, closed (won + lost)]. */
async function perOwner(start: string, end: string, asOf: string): Promise<Map<string, number[]>> {
  const reader = await connection.runAndReadAll(perRepAggregatesSql(dir, start, end, asOf));
  return new Map(
    reader
      .getRowObjects()
      .map((r) => [
        String(r['OwnerId']),
        [Number(r['closed_won_cents']), Number(r['open_cents']), Number(r['closed_cents'])],
      ]),
  );
}

describe.each([
  ['FY2027-Q4', '2026-11-16'],
  ['FY2027-Q3', '2026-09-15'],
])('team and org pace and coverage vs DuckDB for %s as of %s', (label, asOf) => {
  it('agrees on open pipeline to the cent and on pace and required coverage', async () => {
    const period = snapshot.calendar.periodByLabel(label)!;
    const prior = snapshot.calendar.previousPeriods(period, REQUIRED_COVERAGE_PERIODS);
    const now = await perOwner(period.start, period.end, asOf);
    const before = await perOwner(prior[prior.length - 1]!.start, prior[0]!.end, asOf);
    // Σ per scope: [closed won, open pipeline, prior won, prior closed], in cents.
    const sums = new Map<string, number[]>();
    const add = (scope: string, v: number[]) => {
      const s = sums.get(scope) ?? [0, 0, 0, 0];
      sums.set(
        scope,
        s.map((x, i) => x + (v[i] as number)),
      );
    };
    const hierarchy = teamHierarchy(snapshot);
    for (const owner of new Set([...now.keys(), ...before.keys()])) {
      const [won, open] = now.get(owner) ?? [0, 0];
      const [priorWon, , priorClosed] = before.get(owner) ?? [0, 0, 0];
      const v = [won as number, open as number, priorWon as number, priorClosed as number];
      add('org', v);
      for (const team of teamChain(hierarchy, owner)) add(team.id, v);
    }
    const share = snapshot.calendar.elapsedDays(period, asOf) / snapshot.calendar.totalDays(period);
    const quotas = quotaRollup(snapshot, period);
    const figures = paceAndCoverage(snapshot, { period, asOf });
    const scopes = [
      ['org', quotas.org, figures.org] as const,
      ...hierarchy.teams.map((t) => [t.id, quotas.byTeam.get(t.id) ?? null, figures.byTeam.get(t.id)] as const),
    ];
    expect(scopes.length).toBeGreaterThan(2);
    for (const [scope, quotaCents, actual] of scopes) {
      const [won, open, priorWon, priorClosed] = sums.get(scope) ?? [0, 0, 0, 0];
      expect(Math.round((actual?.openPipeline ?? NaN) * 100), scope).toBe(open);
      expect(Math.round((actual?.closedWon ?? NaN) * 100), scope).toBe(won);
      const pace = quotaCents ? (won as number) / quotaCents / share : null;
      const required = priorWon ? (priorClosed as number) / priorWon : null;
      expect(pace, `${scope}: a pace to check`).not.toBeNull();
      expect(required, `${scope}: a required coverage to check`).not.toBeNull();
      expect(actual?.pace, scope).toBeCloseTo(pace as number, 9);
      expect(actual?.requiredCoverage, scope).toBeCloseTo(required as number, 9);
    }
  });
});
