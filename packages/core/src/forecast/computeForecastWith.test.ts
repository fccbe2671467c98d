import { describe, expect, it } from 'vitest';
import { createOrgSnapshot } from '../snapshot/index.js';
import { smallOrg } from '../testing/smallOrg.js';
import { computeForecast, computeForecastWith } from './computeForecast.js';
import { forecastScopes } from './forecastScope.js';
import { runMonteCarloJob, type MonteCarloJob, type MonteCarloRunner } from './monteCarloJob.js';
import type { MonteCarloForecast } from './monteCarloForecast.js';
import { planScopeForecast } from './scopeForecast.js';
import { seededRandom } from './seededRandom.js';

const snapshot = createOrgSnapshot(smallOrg());
const q1 = snapshot.calendar.periodByLabel('FY2026-Q1')!;
const asOf = '2026-03-15';
const scopes = forecastScopes(snapshot, ['org', 'team', 'rep']);
// core compiles without the DOM's or Node's types; its tests run in Node, which has both.
const host = globalThis as unknown as {
  structuredClone<T>(value: T): T;
  setTimeout(run: () => void, ms: number): unknown;
};

/** Runs each job on a structured clone of it (as a worker thread gets it), finishing the last job first. */
function clonedOutOfOrder(): { runner: MonteCarloRunner; jobs: MonteCarloJob[] } {
  const jobs: MonteCarloJob[] = [];
  let delay = 40;
  const runner: MonteCarloRunner = (job) => {
    jobs.push(job);
    const copy = host.structuredClone(job);
    return new Promise<MonteCarloForecast>((resolve) =>
      host.setTimeout(() => resolve(runMonteCarloJob(copy)), delay--),
    );
  };
  return { runner, jobs };
}

describe('computeForecastWith', () => {
  it('gives computeForecast’s report when every scope’s draws run on a copy of its job, finishing in any order', async () => {
    const options = { period: q1, asOf, seed: 5, scopes };
    const { runner, jobs } = clonedOutOfOrder();
    const report = await computeForecastWith(runner, snapshot, options);
    // The org, its teams and its reps with open deals and a history each had their draws run by the runner.
    expect(jobs.length).toBeGreaterThan(3);
    expect(report).toEqual(computeForecast(snapshot, options));
    expect(report.scopes.map((s) => s.methods.monteCarlo?.p90)).toEqual(
      computeForecast(snapshot, options).scopes.map((s) => s.methods.monteCarlo?.p90),
    );
    expect(report.auto?.method).toBeDefined();
  });

  it('gives the same report with a backtest per scope (perScope), every past forecast’s draws run by the runner', async () => {
    const options = { period: q1, asOf, seed: 5, scopes, perScope: true };
    const { runner, jobs } = clonedOutOfOrder();
    const report = await computeForecastWith(runner, snapshot, options);
    const expected = computeForecast(snapshot, options);
    expect(report).toEqual(expected);
    // Every scope's own forecast and each of its past ones (up to 4 periods × 3 horizons) that had draws to run.
    expect(jobs.length).toBeGreaterThan(scopes.length);
    expect(report.backtest?.points.length).toBe(expected.backtest?.points.length);
  });

  it('keeps the methods in their order, with monteCarlo between stageHistory and timeSeries', async () => {
    const { runner } = clonedOutOfOrder();
    const report = await computeForecastWith(runner, snapshot, { period: q1, asOf, seed: 5, scopes, backtest: false });
    expect(Object.keys(report.scopes[0]!.methods)).toEqual([
      'commit',
      'bestCase',
      'pipeline',
      'weighted',
      'stageHistory',
      'monteCarlo',
      'timeSeries',
    ]);
  });

  it('runs the draws here, in the scopes’ order, when one generator is shared by every scope', async () => {
    const { runner, jobs } = clonedOutOfOrder();
    const options = { period: q1, asOf, scopes, backtest: false as const };
    const report = await computeForecastWith(runner, snapshot, { ...options, random: seededRandom(9) });
    expect(jobs).toEqual([]);
    expect(report).toEqual(computeForecast(snapshot, { ...options, random: seededRandom(9) }));
  });

  it('will not finish a plan with draws to run without their result', () => {
    const plan = planScopeForecast(snapshot, scopes[0]!, { period: q1, asOf, seed: 5 });
    expect(plan.monteCarlo).not.toBeNull();
    expect(() => plan.finish(null)).toThrow(/Monte Carlo/);
  });
});
