/**
 * Roll-up consistency on generated orgs (metrics.md "Hierarchy and roll-ups"): for every additive figure, the org
 * equals the sum of its first-line teams plus the owners outside every team, and the sum of its reps; every parent
 * territory equals the sum of its children plus the deals of its own accounts. Each scope's figures are computed on
 * their own (a separate forecast per scope), so the sums are an independent path to the org's figures. Like the other
 * tests here it runs the built packages: `npm run build` first.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  categoryRollups,
  computePerformance,
  createOrgSnapshot,
  forecastScopes,
  historicalNewBusiness,
  ownerStageRates,
  periodDeals,
  scopeForecast,
  stageHistoryForecast,
  stageObservations,
  teamHierarchy,
  territoryAssignment,
  territoryCoverage,
  territoryTree,
  weightedForecast,
  type ForecastScope,
  type OrgSnapshot,
  type ScopeForecast,
} from '@salesops/core';
import { generateSampleOrg } from '@salesops/local-org';
import { readDataDir } from '@salesops/org';

const ORGS: ReadonlyArray<{ seed: number; size: 'toy' | number }> = [
  { seed: 42, size: 'toy' },
  { seed: 7, size: 1200 },
  { seed: 1234, size: 2000 },
];
const METHODS = ['commit', 'bestCase', 'pipeline', 'weighted', 'stageHistory', 'monteCarlo'] as const;
const FIGURES = ['closedWon', 'openPipeline', 'commit', 'bestCase', 'pipeline', 'weighted', 'stageHistory', 'mean'];

let dir: string;
const snapshots: OrgSnapshot[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rollups-'));
  for (const { seed, size } of ORGS) {
    const out = join(dir, `${seed}-${size}`);
    await generateSampleOrg({ outDir: out, seed, size });
    snapshots.push(createOrgSnapshot(await readDataDir(out)));
  }
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

type Figures = Record<string, number>;
const figuresOf = (f: ScopeForecast): Figures => ({
  closedWon: f.closedWon,
  openPipeline: f.openPipeline,
  commit: f.methods.commit?.forecast ?? NaN,
  bestCase: f.methods.bestCase?.forecast ?? NaN,
  pipeline: f.methods.pipeline?.forecast ?? NaN,
  weighted: f.methods.weighted?.forecast ?? NaN,
  stageHistory: f.methods.stageHistory?.forecast ?? NaN,
  mean: f.methods.monteCarlo?.mean ?? NaN,
});
const add = (a: Figures, b: Figures): Figures => Object.fromEntries(FIGURES.map((k) => [k, (a[k] ?? 0) + (b[k] ?? 0)]));
const zero: Figures = Object.fromEntries(FIGURES.map((k) => [k, 0]));
const expectSame = (actual: Figures, expected: Figures, what: string) => {
  for (const k of FIGURES) {
    expect(Number.isFinite(actual[k]), `${what}: ${k}`).toBe(true);
    expect(Math.abs((actual[k] ?? 0) - (expected[k] ?? 0)), `${what}: ${k}`).toBeLessThan(0.01);
  }
};

const scenarios = fc.record({
  org: fc.integer({ min: 0, max: ORGS.length - 1 }),
  daysBack: fc.integer({ min: 0, max: 400 }),
  type: fc.constantFrom('Month' as const, 'Quarter' as const),
});

describe('roll-ups on generated orgs', () => {
  it('org = Σ first-line teams + owners outside every team = Σ reps, for every additive forecast figure', () => {
    fc.assert(
      fc.property(scenarios, ({ org, daysBack, type }) => {
        const snapshot = snapshots[org] as OrgSnapshot;
        const asOf = addDays('2026-11-16', -daysBack);
        const period = snapshot.calendar.periodOf(asOf, type);
        const forecast = (scope: ForecastScope) =>
          figuresOf(scopeForecast(snapshot, scope, { period, asOf, methods: METHODS, seed: 3 }));
        const orgFigures = forecast(forecastScopes(snapshot, ['org'])[0] as ForecastScope);
        const hierarchy = teamHierarchy(snapshot);
        const reps = forecastScopes(snapshot, ['rep']);
        // First-line teams and the owners outside every team partition the deal owners.
        const firstLine = hierarchy.firstLine;
        const outside = reps.filter((r) => hierarchy.teamOf(r.id) === null);
        const covered = new Set(firstLine.flatMap((t) => [...t.members]));
        expect(covered.size).toBe(firstLine.reduce((n, t) => n + t.members.size, 0));
        for (const r of reps) expect(covered.has(r.id) !== outside.includes(r)).toBe(true);

        const teams = forecastScopes(snapshot, ['team']).filter((s) => firstLine.some((t) => t.id === s.id));
        expect(teams).toHaveLength(firstLine.length);
        const byTeams = [...teams, ...outside].map(forecast).reduce(add, zero);
        expectSame(byTeams, orgFigures, `teams + outside, ${period.label} as of ${asOf}`);
        const byReps = reps.map(forecast).reduce(add, zero);
        expectSame(byReps, orgFigures, `reps, ${period.label} as of ${asOf}`);

        // Quotas: the same partition, from performance.
        const performance = computePerformance(snapshot, { period, asOf });
        for (const name of ['closedWon', 'won', 'lost', 'openPipeline', 'pipelineCreated', 'quota'] as const) {
          const teamsPart = performance.teams
            .filter((t) => t.parentId === null)
            .reduce((s, t) => s + (t[name] ?? 0), 0);
          const outsidePart = performance.reps
            .filter((r) => hierarchy.teamOf(r.repId) === null)
            .reduce((s, r) => s + (r[name] ?? 0), 0);
          expect(teamsPart + outsidePart, name).toBeCloseTo(performance.org[name] ?? 0, 2);
          expect(
            performance.reps.reduce((s, r) => s + (r[name] ?? 0), 0),
            name,
          ).toBeCloseTo(performance.org[name] ?? 0, 2);
        }
      }),
      // A team whose renewals due lifted its mean above a bound that left them out (docs/rollups.md "Bounds").
      { numRuns: 6, examples: [[{ org: 1, daysBack: 373, type: 'Quarter' }]] },
    );
  });

  it('every parent territory = Σ its children + the deals of its own accounts (forecast and coverage)', () => {
    fc.assert(
      fc.property(scenarios, ({ org, daysBack, type }) => {
        const snapshot = snapshots[org] as OrgSnapshot;
        const asOf = addDays('2026-11-16', -daysBack);
        const period = snapshot.calendar.periodOf(asOf, type);
        const tree = territoryTree(snapshot);
        const assignment = territoryAssignment(snapshot);
        const scopes = new Map(forecastScopes(snapshot, ['territory']).map((s) => [s.id, s]));
        const forecast = (id: string) =>
          figuresOf(scopeForecast(snapshot, scopes.get(id) as ForecastScope, { period, asOf, methods: METHODS }));
        // The territory's own deals, without its children: each figure from its definition.
        const learnt = stageObservations(snapshot, period, asOf);
        const own = (id: string): Figures => {
          const member = (o: Parameters<typeof assignment.territoryOfDeal>[0]) => assignment.territoryOfDeal(o) === id;
          const deals = periodDeals(snapshot, period, asOf, member);
          const r = categoryRollups(deals);
          const stage = stageHistoryForecast(deals, ownerStageRates(snapshot, learnt), snapshot).forecast;
          return {
            closedWon: deals.closedWon,
            openPipeline: deals.open.reduce((s, d) => s + d.amount, 0),
            commit: r.commit,
            bestCase: r.bestCase,
            pipeline: r.pipeline,
            weighted: weightedForecast(deals, snapshot),
            stageHistory: stage,
            mean: stage + historicalNewBusiness(snapshot, period, asOf, member).mean,
          };
        };
        const coverage = new Map(
          territoryCoverage(snapshot, { period, asOf }).territories.map((t) => [t.territoryId, t]),
        );
        let parents = 0;
        for (const { id } of tree.ordered) {
          const children = tree.ordered.filter((t) => tree.parentOf(t.id) === id).map((t) => t.id);
          if (children.length === 0) continue;
          parents++;
          expectSame(forecast(id), children.map(forecast).reduce(add, own(id)), `territory ${id}`);
          const row = coverage.get(id);
          const kids = children.map((c) => coverage.get(c));
          const ownFigures = own(id);
          expect(row?.closedWon).toBeCloseTo(
            kids.reduce((s, k) => s + (k?.closedWon ?? 0), ownFigures['closedWon'] ?? 0),
            2,
          );
          expect(row?.openPipeline).toBeCloseTo(
            kids.reduce((s, k) => s + (k?.openPipeline ?? 0), ownFigures['openPipeline'] ?? 0),
            2,
          );
          // Generated orgs give quotas to leaf territories only (or split rep quotas, reps in leaves only).
          expect(row?.quota ?? 0).toBeCloseTo(
            kids.reduce((s, k) => s + (k?.quota ?? 0), 0),
            2,
          );
        }
        expect(parents).toBeGreaterThan(0);
      }),
      { numRuns: 4 },
    );
  });
});
