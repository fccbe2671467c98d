/**
 * The plugin inside the real `sf` against the local org (`--target-org`): values equal the engine on the files the
 * org was loaded from; `--write` upserts results and a rerun converges to one record per key; `--dry-run` writes
 * nothing; an org without the package objects gets an error naming them and the deploy command.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareReps, computePerformance, createOrgSnapshot, stageBenchmarks } from '@salesops/core';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE, start, type LocalOrg } from '@salesops/local-org';
import { readDataDir } from '@salesops/org';
import { jsonResult, linkPlugin, runSf, sfTimeout, loginToOrg } from '../scripts/sfCli.js';

let home: string;
/** A second sf home: both orgs' admins have the same username, and sf keys its auth files by username. */
let bareHome: string;
let dir: string;
let org: LocalOrg;
let bare: LocalOrg;
/** `METHOD /path status` of every request the org answered. */
const requests: string[] = [];

const sf = (args: string[]) => runSf(home, args);
const count = async (object: string) =>
  jsonResult<{ totalSize: number }>(
    await sf(['data', 'query', '--query', `SELECT COUNT() FROM ${object}`, '--target-org', 'local', '--json']),
  ).totalSize;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'sf-home-commands-'));
  bareHome = await mkdtemp(join(tmpdir(), 'sf-home-bare-'));
  dir = await mkdtemp(join(tmpdir(), 'sf-org-commands-'));
  await generateSampleOrg({ outDir: dir, size: 'default' });
  org = await start({ dataDir: dir, log: (line) => void requests.push(line) });
  bare = await start({ sample: { size: 'toy' }, objectsDir: null });
  for (const [sfHome, alias, target] of [
    [home, 'local', org],
    [bareHome, 'bare', bare],
  ] as const) {
    expect((await linkPlugin(sfHome)).code).toBe(0);
    const login = await loginToOrg(sfHome, target.url, alias, target.tokens.admin);
    expect(login.code, login.stdout + login.stderr).toBe(0);
  }
}, 180_000);
afterAll(async () => {
  await org?.stop();
  await bare?.stop();
  await rm(home, { recursive: true, force: true });
  await rm(bareHome, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
});

const asOf = ['--as-of', SAMPLE_ANCHOR_DATE];
/** An sf run that reads the 5,000-deal org over the API: a few seconds alone, far more on a busy 2-core machine. */
const DEFAULT_ORG_RUN_MS = 60_000;

describe('sf salesops against the local org', () => {
  it(
    'takes --api-version for every request, and refuses --target-org with --data-dir (exit code 2)',
    async () => {
      const from = requests.length;
      const check = await sf(['salesops', 'org', 'check', '--target-org', 'local', '--api-version', '60.0', '--json']);
      // sf's own look-up of the org while it resolves --target-org (before any command code runs) is left out.
      const versioned = requests
        .slice(from)
        .filter((line) => line.includes('/services/data/v') && !line.includes('TrialExpirationDate'));
      expect(versioned.length, check.stdout + check.stderr).toBeGreaterThan(0);
      expect(versioned.filter((line) => !line.includes('/services/data/v60.0/'))).toEqual([]);

      const both = await sf(['salesops', 'forecast', '--target-org', 'local', '--data-dir', dir, ...asOf]);
      expect(both.code).toBe(2);
      expect(both.stderr).toMatch(/cannot also be provided when using --(target-org|data-dir)/);
    },
    sfTimeout(2, DEFAULT_ORG_RUN_MS),
  );

  it(
    'reads the org and computes what the engine computes from the same files',
    async () => {
      const result = jsonResult<{ reps: Array<{ repId: string; closedWon: number; attainment: number | null }> }>(
        await sf(['salesops', 'reps', 'compare', '--target-org', 'local', ...asOf, '--json']),
      );
      const snapshot = createOrgSnapshot(await readDataDir(dir));
      const period = snapshot.calendar.periodOf(SAMPLE_ANCHOR_DATE, 'Quarter');
      const report = computePerformance(snapshot, { period, asOf: SAMPLE_ANCHOR_DATE });
      const expected = compareReps(snapshot, report, { period, asOf: SAMPLE_ANCHOR_DATE });
      expect(result.reps.map((r) => [r.repId, r.closedWon, r.attainment]).sort()).toEqual(
        expected.map((e) => [e.repId, e.performance.closedWon, e.performance.attainment]).sort(),
      );
    },
    sfTimeout(1, DEFAULT_ORG_RUN_MS),
  );

  it(
    'writes back, and a rerun converges to one record per key',
    async () => {
      const dry = jsonResult<{ written: { dryRun: boolean; objects: Record<string, number> } }>(
        await sf(['salesops', 'reps', 'compare', '--target-org', 'local', ...asOf, '--dry-run', '--json']),
      );
      expect(dry.written.dryRun).toBe(true);
      expect(await count('SalesOps_Rep_Scorecard__c')).toBe(0);
      // The scorecards (one per rep) and the peer leaderboard's rows (one per active rep in a peer group).
      const scorecards = dry.written.objects['SalesOps_Rep_Scorecard__c'] ?? 0;
      const leaderboard = dry.written.objects['SalesOps_Leaderboard__c'] ?? 0;
      expect(scorecards).toBeGreaterThan(0);
      expect(leaderboard).toBeGreaterThan(0);
      expect(leaderboard).toBeLessThanOrEqual(scorecards);
      for (let run = 0; run < 2; run++) {
        const written = jsonResult<{ written: { upserted: number; failed: number; errorFile: string | null } }>(
          await sf(['salesops', 'reps', 'compare', '--target-org', 'local', ...asOf, '--write', '--json']),
        ).written;
        expect(written).toMatchObject({ upserted: scorecards + leaderboard, failed: 0, errorFile: null });
      }
      expect(await count('SalesOps_Rep_Scorecard__c')).toBe(scorecards);
      expect(await count('SalesOps_Leaderboard__c')).toBe(leaderboard);
      expect(await count('SalesOps_Run__c')).toBe(2);
      const forecast = jsonResult<{ forecasts: unknown[]; written: { upserted: number } }>(
        await sf([
          'salesops',
          'forecast',
          '--target-org',
          'local',
          ...asOf,
          '--group-by',
          'team',
          '--method',
          'commit,weighted',
          '--write',
          '--json',
        ]),
      );
      // One record per scope and method: commit and weighted for every team.
      expect(forecast.written.upserted).toBe(forecast.forecasts.length);
      expect(await count('SalesOps_Forecast__c')).toBe(forecast.forecasts.length);
    },
    sfTimeout(4, DEFAULT_ORG_RUN_MS),
  );

  it(
    "pipeline hygiene --write stores the engine's stage benchmarks, one record per stage, and a rerun updates them",
    async () => {
      const snapshot = createOrgSnapshot(await readDataDir(dir));
      const expected = stageBenchmarks(snapshot, SAMPLE_ANCHOR_DATE);
      for (let run = 0; run < 2; run++) {
        const result = jsonResult<{ benchmarks: unknown; written: { upserted: number; failed: number } }>(
          await sf(['salesops', 'pipeline', 'hygiene', '--target-org', 'local', ...asOf, '--write', '--json']),
        );
        expect(result.benchmarks).toEqual(expected);
        expect(result.written).toMatchObject({ upserted: expected.stages.length, failed: 0 });
      }
      expect(await count('SalesOps_Stage_Benchmark__c')).toBe(expected.stages.length);
    },
    sfTimeout(2, DEFAULT_ORG_RUN_MS),
  );

  it(
    'org check: a ready org, and an org without the package objects',
    async () => {
      const ready = jsonResult<{
        errors: number;
        findings: Array<{ check: string; status: string; detail: string; fix: string | null }>;
      }>(await sf(['salesops', 'org', 'check', '--target-org', 'local', '--json']));
      expect(ready.errors).toBe(0);
      expect(ready.findings.map((f) => [f.check, f.status])).toEqual([
        ['Package objects', 'ok'],
        ['Writeback permission', 'ok'],
        ['Visibility', 'ok'],
        ['Forecasting quotas', 'ok'],
        ['Territories', 'ok'],
        ['Currencies', 'ok'],
        ['Data volume', 'ok'],
        ['API headroom', 'ok'],
      ]);
      expect(ready.findings.find((f) => f.check === 'Data volume')?.detail).toMatch(
        /^Opportunity 5000, OpportunityHistory \d+, /,
      );
      // An org with an error is not ready: the findings are printed, and the run exits 1.
      const bareRun = await runSf(bareHome, ['salesops', 'org', 'check', '--target-org', 'bare', '--json']);
      expect(bareRun.code).toBe(1);
      const bareCheck = (
        JSON.parse(bareRun.stdout) as {
          result: { errors: number; findings: Array<{ check: string; status: string; fix: string | null }> };
        }
      ).result;
      expect(bareCheck.errors).toBeGreaterThan(0);
      expect(bareCheck.findings[0]).toMatchObject({ check: 'Package objects', status: 'error' });
      expect(bareCheck.findings[0]?.fix).toMatch(/^sf project deploy start --source-dir force-app --target-org /);
    },
    sfTimeout(2, DEFAULT_ORG_RUN_MS),
  );

  it(
    'says when the API allowance is used up and how to go on',
    async () => {
      const limitedHome = await mkdtemp(join(tmpdir(), 'sf-home-limited-'));
      const limited = await start({ dataDir: dir, apiLimit: { max: 25 } });
      try {
        await linkPlugin(limitedHome);
        const login = await loginToOrg(limitedHome, limited.url, 'limited', limited.tokens.admin);
        expect(login.code, login.stdout).toBe(0);
        const run = await runSf(limitedHome, [
          'salesops',
          'reps',
          'compare',
          '--target-org',
          'limited',
          ...asOf,
          '--json',
        ]);
        expect(run.code).toBe(1);
        const error = JSON.parse(run.stdout) as { name: string; message: string; actions: string[] };
        expect(error.name).toBe('ApiLimitError');
        expect(error.message).toMatch(
          /^The org's daily API allowance is used up \(\d+ of 25 requests used\)\. Salesforce counts a rolling 24-hour window/,
        );
        expect(error.actions.join('\n')).toMatch(/--data-dir/);
      } finally {
        await limited.stop();
        await rm(limitedHome, { recursive: true, force: true });
      }
    },
    sfTimeout(2),
  );

  it(
    'names the missing package objects and the deploy command',
    async () => {
      const run = await runSf(bareHome, [
        'salesops',
        'territory',
        'coverage',
        '--target-org',
        'bare',
        ...asOf,
        '--write',
        '--json',
      ]);
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout)).toMatchObject({ name: 'PackageMissingError' });
      expect(JSON.parse(run.stdout).message).toMatch(
        /^The org has no SalesOps_Territory_Coverage__c, SalesOps_Run__c\. Deploy the package first: sf project deploy start --source-dir force-app --target-org /,
      );
    },
    sfTimeout(1),
  );
});
