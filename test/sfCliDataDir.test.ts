/**
 * The plugin inside the real Salesforce CLI (`@salesforce/cli` from npm): linked into an isolated sf home, every
 * data-dir command runs through the `sf` executable, its `--json` values equal the engine's on the same files,
 * help shows summary, description and examples, and bad input exits non-zero with the message on stderr and in
 * the JSON error.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareReps,
  computeForecast,
  computePerformance,
  createOrgSnapshot,
  forecastScopes,
  pipelineHygiene,
  territoryCoverage,
  type OrgSnapshot,
} from '@salesops/core';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import { readDataDir } from '@salesops/org';
import { linkPlugin, repositoryRoot, runSf as runSfIn } from '../scripts/sfCli.js';

const root = repositoryRoot;
let home: string;
let dir: string;
let snapshot: OrgSnapshot;
const runSf = (args: string[]) => runSfIn(home, args);

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'sf-home-'));
  dir = await mkdtemp(join(tmpdir(), 'sf-data-'));
  await generateSampleOrg({ outDir: dir, size: 'default' });
  snapshot = createOrgSnapshot(await readDataDir(dir));
  const link = await linkPlugin(home);
  expect(link.code, link.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
});

const common = () => ['--data-dir', dir, '--as-of', SAMPLE_ANCHOR_DATE, '--json'];
const quarter = () => snapshot.calendar.periodOf(SAMPLE_ANCHOR_DATE, 'Quarter');

describe('sf salesops inside the real Salesforce CLI', () => {
  it('reps compare: the JSON equals the engine', async () => {
    const { code, stdout } = await runSf(['salesops', 'reps', 'compare', ...common()]);
    expect(code).toBe(0);
    const { result } = JSON.parse(stdout) as {
      result: { reps: Array<{ repId: string; closedWon: number; attainment: number | null; rank: number | null }> };
    };
    const report = computePerformance(snapshot, { period: quarter(), asOf: SAMPLE_ANCHOR_DATE });
    const expected = compareReps(snapshot, report, { period: quarter(), asOf: SAMPLE_ANCHOR_DATE });
    expect(result.reps.map((r) => [r.repId, r.closedWon, r.attainment, r.rank]).sort()).toEqual(
      expected
        .map((e) => [e.repId, e.performance.closedWon, e.performance.attainment, e.metrics.attainment.rank])
        .sort(),
    );
  });

  it('territory coverage and pipeline hygiene: the JSON equals the engine', async () => {
    const coverage = await runSf(['salesops', 'territory', 'coverage', ...common()]);
    expect(JSON.parse(coverage.stdout).result.territories).toEqual(
      territoryCoverage(snapshot, { period: quarter(), asOf: SAMPLE_ANCHOR_DATE }).territories,
    );
    const hygiene = await runSf(['salesops', 'pipeline', 'hygiene', ...common()]);
    expect(JSON.parse(hygiene.stdout).result.counts).toEqual(
      pipelineHygiene(snapshot, { period: quarter(), asOf: SAMPLE_ANCHOR_DATE }).counts,
    );
  });

  it('forecast: the roll-ups equal the engine, auto names its method, a seeded Monte Carlo repeats exactly', async () => {
    const { code, stdout, stderr } = await runSf([
      'salesops',
      'forecast',
      ...common(),
      '--method',
      'commit,monteCarlo',
      '--group-by',
      'team',
    ]);
    expect(code).toBe(0);
    // Commas are ours to split: the Salesforce CLI's "changed input format" warning never shows.
    expect(`${stdout}${stderr}`).not.toMatch(/input format for array arguments/);
    const { result } = JSON.parse(stdout) as {
      result: {
        forecasts: Array<{
          scopeId: string;
          method: string;
          forecast: number;
          p10: number;
          p90: number;
          commit: number;
        }>;
      };
    };
    const period = quarter();
    const expected = computeForecast(snapshot, {
      period,
      asOf: SAMPLE_ANCHOR_DATE,
      seed: 42,
      methods: ['commit', 'bestCase', 'pipeline', 'monteCarlo'],
      backtest: false,
      scopes: forecastScopes(snapshot, ['team']),
    });
    for (const row of result.forecasts) {
      const scope = expected.scopes.find((s) => s.scope.id === row.scopeId);
      expect(row.commit).toBe(scope?.methods.commit?.forecast);
      if (row.method === 'monteCarlo')
        expect([row.forecast, row.p10, row.p90]).toEqual([
          scope?.methods.monteCarlo?.forecast,
          scope?.methods.monteCarlo?.p10,
          scope?.methods.monteCarlo?.p90,
        ]);
    }
    // The same methods as repeated flags.
    const again = await runSf([
      'salesops',
      'forecast',
      ...common(),
      '--method',
      'commit',
      '--method',
      'monteCarlo',
      '--group-by',
      'team',
    ]);
    expect(JSON.parse(again.stdout).result).toEqual(result);
    const auto = await runSf(['salesops', 'forecast', ...common()]);
    const org = JSON.parse(auto.stdout).result.forecasts[0] as { method: string; chosenMethod: string; reason: string };
    expect(org.method).toBe('auto');
    expect(org.reason).toMatch(new RegExp(`^${org.chosenMethod}: lowest backtest WAPE`));
  });

  it('forecast accuracy names the most accurate method per horizon', async () => {
    const { code, stdout } = await runSf(['salesops', 'forecast', 'accuracy', ...common(), '--horizons', '7,30']);
    expect(code).toBe(0);
    const { result } = JSON.parse(stdout) as {
      result: { horizons: number[]; periods: string[]; best: Array<{ horizon: number; method: string }> };
    };
    expect(result.horizons).toEqual([7, 30]);
    expect(result.periods).toEqual(['FY2026-Q4', 'FY2027-Q1', 'FY2027-Q2', 'FY2027-Q3']);
    expect(result.best.map((b) => b.horizon).sort()).toEqual([30, 7]);
    const bad = await runSf(['salesops', 'forecast', 'accuracy', ...common(), '--horizons', '7,soon']);
    expect(JSON.parse(bad.stdout)).toMatchObject({ status: 1, name: 'BadHorizonsError' });
  });

  it('comp payout with the example plan', async () => {
    const { code, stdout } = await runSf([
      'salesops',
      'comp',
      'payout',
      ...common(),
      '--plan',
      join(root, 'packages/core/comp-plans/ae-75-25.json'),
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).result.plan).toBe('AE 75/25 with accelerators');
  });

  it('shows summary, description and examples in help', async () => {
    const topic = await runSf(['salesops', '--help']);
    expect(topic.stdout).toMatch(/salesops reps +Compare reps within their peer groups./);
    expect(topic.stdout).toMatch(/salesops territory +Territory coverage/);
    for (const command of [
      ['forecast'],
      ['forecast', 'accuracy'],
      ['org', 'check'],
      ['report'],
      ['reps', 'compare'],
      ['territory', 'coverage'],
      ['pipeline', 'hygiene'],
      ['comp', 'payout'],
    ]) {
      const help = await runSf(['salesops', ...command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/USAGE/);
      expect(help.stdout).toMatch(/DESCRIPTION/);
      expect(help.stdout).toMatch(/EXAMPLES/);
      expect(help.stdout).toMatch(command[0] === 'org' ? /--target-org/ : /--data-dir/);
    }
  }, 300_000);

  it('exits non-zero with the message on stderr and in the JSON error', async () => {
    const bad = await runSf(['salesops', 'reps', 'compare', '--data-dir', dir, '--period', 'FY2026-Q7']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/FY2026-Q7/);
    expect(bad.stderr).toMatch(/Accepted forms/);
    const json = await runSf(['salesops', 'reps', 'compare', '--data-dir', dir, '--period', 'FY2026-Q7', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 1, name: 'BadPeriodError' });
    const none = await runSf(['salesops', 'reps', 'compare', '--json']);
    expect(JSON.parse(none.stdout)).toMatchObject({
      status: 1,
      name: 'NoSourceError',
      message: 'Give either --target-org or --data-dir.',
    });
  });
});
